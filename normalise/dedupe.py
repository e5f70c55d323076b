"""The same action printed twice in one document (an overview table and the detailed
table, a summary list and a table, a web page's index and its cards) becomes one row.

Chain: duplicates_merged -> (_same -> _merge). Two actions from *different* tables or
blocks that fill different fields (an overview and its detail) are the same when their ids
agree (or one has none) and the words of the shorter text are nearly all in the longer one. The richer row (more fields filled, then the longer
text) is kept, with the other's fields filled in where it had none; the document's notes
say how many were merged and from where.
"""
from __future__ import annotations

import dataclasses
import re
from typing import Sequence

from .model import Action

_ID_PREFIX = re.compile(r"^\s*(?:\(?[A-Za-z]{0,3}\d{1,3}(?:\.\d{1,3})*[a-z]?[.):]?|\(?[a-z]\))\s*[-–—:.]?\s+")
_MERGE_FIELDS = ("section", "parent_id", "action_id", "aim", "description", "supporting_actions", "success_measures",
                 "timeframe", "owner", "resources", "rag_status", "rag_evidence", "progress", "comments")
_TUPLE_FIELDS = ("pillars_document", "talent_document", "other_tags", "extra_fields")


def _words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"[a-z0-9]+", _ID_PREFIX.sub("", text.lower(), count=1)))


def _richness(a: Action) -> tuple[int, int]:
    filled = sum(getattr(a, f) is not None for f in _MERGE_FIELDS) + sum(bool(getattr(a, f)) for f in _TUPLE_FIELDS)
    return filled, len(a.action_text)


def _same(a: Action, b: Action, wa: frozenset[str], wb: frozenset[str], min_words: int, min_share: float) -> bool:
    if a.action_id and b.action_id and a.action_id.lower() != b.action_id.lower():
        return False
    na, nb = {w for w in wa if w.isdigit()}, {w for w in wb if w.isdigit()}
    if na and nb and na != nb:        # "... in area 1" and "... in area 7" are two actions
        return False
    small = min(len(wa), len(wb))
    if small < min_words:
        return False
    return len(wa & wb) / small >= min_share


def _merge(keep: Action, other: Action) -> Action:
    changes = {f: getattr(other, f) for f in _MERGE_FIELDS if getattr(keep, f) is None and getattr(other, f) is not None}
    changes.update({f: getattr(other, f) for f in _TUPLE_FIELDS if not getattr(keep, f) and getattr(other, f)})
    return dataclasses.replace(keep, **changes) if changes else keep


def duplicates_merged(actions: Sequence[Action], min_words: int = 3, min_share: float = 0.85,
                      max_postings: int = 60) -> tuple[list[Action], list[str]]:
    """(actions with cross-table duplicates merged, in document order; a note per pair of
    tables that shared actions)."""
    if len({a.provenance.table_index for a in actions}) < 2:
        return list(actions), []
    words = [_words(a.action_text) for a in actions]
    index: dict[str, list[int]] = {}
    for i, ws in enumerate(words):
        for w in ws:
            index.setdefault(w, []).append(i)
    table = [a.provenance.table_index for a in actions]
    # What each table fills: an overview and its detailed table differ in it, a plan that
    # repeats the same table (an appendix reprint, a long plan printed in parts) does not,
    # and its rows stay rows.
    filled: dict[int, set[str]] = {}
    for a in actions:
        filled.setdefault(a.provenance.table_index, set()).update(
            f for f in _MERGE_FIELDS + _TUPLE_FIELDS if getattr(a, f))
    dropped: dict[int, int] = {}      # index -> the index it was merged into
    merged = list(actions)
    pairs: dict[tuple[int, int], int] = {}
    for i in range(len(actions)):
        if i in dropped or not words[i]:
            continue
        # candidates: rows of another table sharing a word of this one (words on every
        # other row are no evidence and would make this quadratic)
        cands = sorted({j for w in words[i] if len(index[w]) <= max_postings for j in index[w]
                        if table[j] != table[i] and filled[table[j]] != filled[table[i]]})
        for j in cands:
            if j <= i or j in dropped:
                continue
            if not _same(merged[i], merged[j], words[i], words[j], min_words, min_share):
                continue
            keep, drop = (i, j) if _richness(merged[i]) >= _richness(merged[j]) else (j, i)
            merged[keep] = _merge(merged[keep], merged[drop])
            dropped[drop] = keep
            key = tuple(sorted((table[i], table[j])))
            pairs[key] = pairs.get(key, 0) + 1
            if drop == i:
                break
    notes = [f"{n} action(s) printed in both table {a} and table {b}: kept once, from the richer source, "
             f"with the other's fields merged in" for (a, b), n in sorted(pairs.items())]
    return [a for k, a in enumerate(merged) if k not in dropped], notes
