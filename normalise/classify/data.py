"""Training and evaluation data: the dataset's actions with the labels plans give
themselves, what each row does and does not tell us, weak examples from the taxonomy,
and grouped folds.

What a row knows (``cats`` holds known labels only; unknown ones are missing, not 0):

pillars
  * explicit: the plan tags the row (a pillar column, "Commitment areas", ...): every
    core pillar is known, 1 if tagged and 0 if not. EI is known only in a document that
    tags EI somewhere.
  * section: the document's only pillar evidence is the section the row sits in (every
    tagged row has one pillar, named by its section, e.g. Essex 2020-23). Only that
    pillar is known (1); the others are missing, because such a plan files each action
    under one pillar and says nothing about the others.
  * none: no pillar tag; the row gives no pillar labels.
talent
  * cited: the row's aim cites TALENT recommendations: those are 1, the rest 0.
  * uncited: the document cites TALENT elsewhere but not for this row. We treat that as
    "linked to no recommendation" (every label 0): the plan aligned itself with TALENT
    aim by aim and chose not to cite here. It is a weak negative (an author may just have
    left a citation out); these rows are also where the false-positive rate is measured.
  * none: the document never cites TALENT (plans written before 2022, or plans that do
    not use it): the row gives no TALENT labels at all, neither positive nor negative.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from .contract import LabelInput
from .taxonomy import Taxonomy

COLUMNS = ("document_id", "source_file", "parent_id", "action_id", "aim", "action_text", "section",
           "pillars_document", "talent_document")
# read too (when the table has them) to find duplicate documents of one plan; not part of
# the training-input checksum
PLAN_COLUMNS = ("institution", "period_start", "period_end", "ocr", "extraction_quality")


@dataclass(frozen=True)
class Row:
    document_id: str
    source_file: str
    parent_id: str | None
    action_id: str | None
    item: LabelInput
    pillar_kind: str              # explicit | section | none
    talent_kind: str              # cited | uncited | none
    pillar_cats: dict[str, float] = field(default_factory=dict)
    talent_cats: dict[str, float] = field(default_factory=dict)
    plan_id: str = ""             # duplicate documents of one plan share it (see plan_groups)

    def cats(self, task: str) -> dict[str, float]:
        return self.pillar_cats if task == "pillars" else self.talent_cats

    @property
    def plan_key(self) -> str:
        return self.plan_id or self.document_id

    @property
    def aim_key(self) -> str:
        return f"{self.plan_key}|{self.parent_id or self.action_id or ''}"


def _as_tuple(v) -> tuple[str, ...]:
    if v is None:
        return ()
    if isinstance(v, str):
        return (v,)
    return tuple(str(x) for x in v)


def _none(v):
    if v is None:
        return None
    try:
        if v != v:  # NaN from pandas
            return None
    except Exception:  # noqa: BLE001
        pass
    return str(v)


def read_table(path: Path) -> list[dict]:
    """The columns training uses (COLUMNS) plus institution and period where present."""
    import pyarrow.parquet as pq

    names = set(pq.read_schema(path).names)
    table = pq.read_table(path, columns=list(COLUMNS) + [c for c in PLAN_COLUMNS if c in names])
    recs = table.to_pylist()
    for r in recs:
        for c in PLAN_COLUMNS:
            r.setdefault(c, None)
    return recs


def table_checksum(records: Sequence[dict]) -> str:
    """sha256 of the columns training uses, in a canonical form (independent of Parquet
    encoding, so the manifest changes only when the training input does)."""
    h = hashlib.sha256()
    for r in records:
        h.update(json.dumps({k: (list(r[k]) if isinstance(r[k], (list, tuple)) else r[k]) for k in COLUMNS},
                            sort_keys=True, ensure_ascii=False, default=str).encode())
        h.update(b"\n")
    return h.hexdigest()


# --- duplicate documents of one plan ---------------------------------------------------------
#
# The same plan can reach data/raw more than once (the PDF and a web page, two layouts of
# one plan). Its documents have different document_ids but the same actions; if one sat
# in a training fold and the other in the held-out fold, evaluation would be leaked. Two
# documents are one plan when
#   * both name the same institution and the same period (start and end), or
#   * neither says they differ (institution or period unknown on one side) and their
#     action texts are near-identical: at least NEAR_MIN_MATCHES actions, and at least
#     NEAR_SHARE of the smaller document's actions, have a counterpart in the other whose
#     word set overlaps by NEAR_JACCARD or more (Jaccard).
# A known, different institution or period always separates two documents (a plan and its
# successor often repeat actions). Groups are the transitive closure. One document per
# plan is kept for training and evaluation (the one whose rows carry the most labels,
# then the fewest OCR'd rows, then the best mean extraction quality, then the most rows,
# then by file name); the others are listed in the manifest and the metrics as excluded
# duplicates.

NEAR_JACCARD = 0.8
NEAR_SHARE = 0.6
NEAR_MIN_MATCHES = 3
_WORD = re.compile(r"[a-z0-9]+")


def _norm_inst(v) -> str | None:
    v = _none(v)
    if not v:
        return None
    return " ".join(_WORD.findall(v.lower())) or None


def _year(v) -> int | None:
    v = _none(v)
    try:
        return int(float(v)) if v is not None else None
    except ValueError:
        return None


def _word_set(text) -> frozenset[str]:
    return frozenset(_WORD.findall((_none(text) or "").lower()))


def _near_identical(a: Sequence[frozenset[str]], b: Sequence[frozenset[str]]) -> bool:
    small, big = (a, b) if len(a) <= len(b) else (b, a)
    small = [w for w in small if w]
    big = [w for w in big if w]
    if len(small) < NEAR_MIN_MATCHES:
        return False
    matched = sum(1 for w in small if any(len(w & v) / len(w | v) >= NEAR_JACCARD for v in big))
    return matched >= NEAR_MIN_MATCHES and matched >= NEAR_SHARE * len(small)


def _mode(values):
    vals = [v for v in values if v is not None]
    if not vals:
        return None
    counts: dict = {}
    for v in vals:
        counts[v] = counts.get(v, 0) + 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))[0][0]


@dataclass(frozen=True)
class PlanGroup:
    plan_id: str
    kept: str                      # document_id used for training and evaluation
    documents: tuple[str, ...]     # every document_id of the plan, sorted
    source_files: tuple[str, ...]  # their file names, same order
    reason: str                    # why they were grouped ("single document" if alone)


def plan_groups(records: Sequence[dict]) -> list[PlanGroup]:
    """Group the table's documents into plans (duplicates together), deterministically."""
    docs: dict[str, list[dict]] = {}
    for r in sorted(records, key=lambda r: (str(r["source_file"]), str(r["document_id"]))):
        docs.setdefault(str(r["document_id"]), []).append(r)
    ids = sorted(docs, key=lambda d: (str(docs[d][0]["source_file"]), d))
    info = {}
    for d in ids:
        rs = docs[d]
        info[d] = {"inst": _mode(_norm_inst(r.get("institution")) for r in rs),
                   "period": (_mode(_year(r.get("period_start")) for r in rs),
                              _mode(_year(r.get("period_end")) for r in rs)),
                   "texts": [_word_set(r["action_text"]) for r in rs]}
    parent = {d: d for d in ids}
    reasons: dict[str, list[str]] = {}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            ia, ib = info[a], info[b]
            inst_known = ia["inst"] is not None and ib["inst"] is not None
            per_known = None not in ia["period"] and None not in ib["period"]
            if (inst_known and ia["inst"] != ib["inst"]) or (per_known and ia["period"] != ib["period"]):
                continue
            why = None
            if inst_known and per_known:
                why = "same institution and period"
            elif _near_identical(ia["texts"], ib["texts"]):
                why = "near-identical action texts"
            if why:
                fa, fb = docs[a][0]["source_file"], docs[b][0]["source_file"]
                reasons.setdefault(a, []).append(f"{fa} ~ {fb}: {why}")
                parent[find(b)] = find(a)
    groups: dict[str, list[str]] = {}
    for d in ids:
        groups.setdefault(find(d), []).append(d)

    def label_cells(d: str) -> int:
        return sum(len(_as_tuple(r["pillars_document"])) + len(_as_tuple(r["talent_document"])) for r in docs[d])

    def ocr_rows(d: str) -> int:
        return sum(1 for r in docs[d] if r.get("ocr") is True)

    def quality(d: str) -> float:
        q = [float(r["extraction_quality"]) for r in docs[d] if _none(r.get("extraction_quality")) is not None]
        return round(sum(q) / len(q), 6) if q else 0.0

    out = []
    for members in groups.values():
        members = sorted(members)
        kept = sorted(members, key=lambda d: (-label_cells(d), ocr_rows(d), -quality(d), -len(docs[d]),
                                              str(docs[d][0]["source_file"]), d))[0]
        pid = members[0] if len(members) == 1 else \
            "plan-" + hashlib.sha256("|".join(members).encode()).hexdigest()[:16]
        why = "; ".join(x for d in members for x in reasons.get(d, ())) or "single document"
        out.append(PlanGroup(pid, kept, tuple(members), tuple(str(docs[d][0]["source_file"]) for d in members), why))
    return sorted(out, key=lambda g: g.source_files)


def deduplicate(records: Sequence[dict]) -> tuple[list[dict], list[PlanGroup]]:
    """Records of the one kept document per plan (every other column untouched, with
    ``plan_id`` added), and the plan groups."""
    groups = plan_groups(records)
    kept = {g.kept: g.plan_id for g in groups}
    return [{**r, "plan_id": kept[str(r["document_id"])]} for r in records if str(r["document_id"]) in kept], groups


def plans_summary(groups: Sequence[PlanGroup]) -> list[dict]:
    """The plan groups as recorded in the manifest and the metrics."""
    return [{"plan_id": g.plan_id, "documents": [{"document_id": d, "source_file": f, "used": d == g.kept}
                                                 for d, f in zip(g.documents, g.source_files)],
             "grouped_because": g.reason} for g in groups]


def _section_names_pillar(section: str | None, code: str, taxonomy: Taxonomy) -> bool:
    if not section:
        return False
    s = re.sub(r"\s+", "", section.lower())
    c = taxonomy.concept(code)
    names = [c.preferred_label, *c.alternative_labels]
    return any(re.sub(r"\s+", "", n.lower()) in s for n in names)


def build_rows(records: Sequence[dict], pillars: Taxonomy, talent: Taxonomy) -> list[Row]:
    """Records (dataset rows) -> Rows with known labels, in a deterministic order."""
    recs = sorted(records, key=lambda r: (str(r["source_file"]), str(r["document_id"])))
    by_doc: dict[str, list[dict]] = {}
    for r in recs:
        by_doc.setdefault(str(r["document_id"]), []).append(r)
    rows: list[Row] = []
    core = pillars.core_ids
    for did, rs in by_doc.items():
        tagged = [r for r in rs if _as_tuple(r["pillars_document"])]
        section_only = bool(tagged) and all(
            len(_as_tuple(r["pillars_document"])) == 1
            and _section_names_pillar(_none(r["section"]), _as_tuple(r["pillars_document"])[0], pillars)
            for r in tagged)
        doc_tags_ei = any("EI" in _as_tuple(r["pillars_document"]) for r in rs)
        doc_cites = any(_as_tuple(r["talent_document"]) for r in rs)
        for r in rs:
            pd_, td = _as_tuple(r["pillars_document"]), _as_tuple(r["talent_document"])
            pd_ = tuple(p for p in pd_ if p in pillars.ids)
            td = tuple(t for t in td if t in talent.ids)
            item = LabelInput(action_text=str(r["action_text"] or ""), aim=_none(r["aim"]),
                              section=_none(r["section"]), pillars_document=pd_, talent_document=td)
            if not pd_:
                pk, pc = "none", {}
            elif section_only:
                pk, pc = "section", {pd_[0]: 1.0}
            else:
                pk = "explicit"
                pc = {p: (1.0 if p in pd_ else 0.0) for p in core}
                if doc_tags_ei:
                    pc["EI"] = 1.0 if "EI" in pd_ else 0.0
            if td:
                tk, tcats = "cited", {t: (1.0 if t in td else 0.0) for t in talent.ids}
            elif doc_cites:
                tk, tcats = "uncited", {t: 0.0 for t in talent.ids}
            else:
                tk, tcats = "none", {}
            rows.append(Row(did, str(r["source_file"]), _none(r["parent_id"]), _none(r["action_id"]), item,
                            pk, tk, pc, tcats, str(r.get("plan_id") or did)))
    return rows


# --- weak supervision from the taxonomy ---------------------------------------------------

WEAK_POLICIES = ("all_negative", "owners_only")


def weak_examples(taxonomy: Taxonomy, policy: str = "all_negative") -> list[tuple[str, dict[str, float]]]:
    """Definitions, names and keywords as short labelled texts. A definition is positive
    for its concept and negative for the others. A label or keyword phrase is positive for
    every concept that lists it (keywords are shared between concepts on purpose), and

    * ``all_negative``: negative for the others; a negative label is negative for every
      concept;
    * ``owners_only``: the other concepts are missing, not 0 ("website" says an action is
      about Visibility, not that it is not about Career Development); a negative label is
      negative only for the concept that lists it.
    """
    if policy not in WEAK_POLICIES:
        raise ValueError(f"weak-example policy {policy!r} not in {WEAK_POLICIES}")
    owners: dict[str, set[str]] = {}
    for c in taxonomy.concepts:
        for p in (c.preferred_label, *c.alternative_labels, *c.keywords):
            owners.setdefault(p.lower(), set()).add(c.id)
    out: list[tuple[str, dict[str, float]]] = []
    for c in taxonomy.concepts:
        out.append((c.definition, {i: (1.0 if i == c.id else 0.0) for i in taxonomy.ids}))
    for phrase in sorted(owners):
        if policy == "owners_only":
            out.append((phrase, {i: 1.0 for i in taxonomy.ids if i in owners[phrase]}))
        else:
            out.append((phrase, {i: (1.0 if i in owners[phrase] else 0.0) for i in taxonomy.ids}))
    neg_owners: dict[str, set[str]] = {}
    for c in taxonomy.concepts:
        for n in c.negative_labels:
            neg_owners.setdefault(n.lower(), set()).add(c.id)
    for phrase in sorted(set(neg_owners) - set(owners)):
        if policy == "owners_only":
            out.append((phrase, {i: 0.0 for i in taxonomy.ids if i in neg_owners[phrase]}))
        else:
            out.append((phrase, {i: 0.0 for i in taxonomy.ids}))
    return out


# --- grouped folds ---------------------------------------------------------------------------

@dataclass(frozen=True)
class FoldPlan:
    unit: str                     # "document" or "aim"
    groups: tuple[tuple[str, ...], ...]   # fold -> group keys held out
    note: str

    def group_of(self, row: Row) -> str:
        # a plan's duplicate documents share plan_key, so they are always held out together
        return row.plan_key if self.unit == "document" else row.aim_key

    def split(self, rows: Sequence[Row]) -> list[tuple[list[int], list[int]]]:
        out = []
        for held in self.groups:
            hs = set(held)
            test = [i for i, r in enumerate(rows) if self.group_of(r) in hs]
            train = [i for i, r in enumerate(rows) if self.group_of(r) not in hs]
            out.append((train, test))
        return out


def fold_plan(rows: Sequence[Row], task: str, max_aim_folds: int) -> FoldPlan:
    """Leave one document (one plan: its duplicate documents together) out where the
    task's labels come from two plans or more; otherwise folds grouped by aim (parent_id)
    inside the one plan, assigned round-robin over the aims in order of appearance."""
    labelled = [r for r in rows if r.cats(task)]
    plans = list(dict.fromkeys(r.plan_key for r in labelled))
    if len(plans) >= 2:
        names: dict[str, list[str]] = {}
        for r in labelled:
            if r.source_file not in names.setdefault(r.plan_key, []):
                names[r.plan_key].append(r.source_file)
        return FoldPlan("document", tuple((p,) for p in plans),
                        f"leave one document out (one plan; duplicate documents of a plan held out together) "
                        f"over {len(plans)} plans: " + ", ".join(" + ".join(names[p]) for p in plans))
    aims = list(dict.fromkeys(r.aim_key for r in labelled))
    # (aim_key starts with plan_key, so the same aim in a duplicate document stays in one fold)
    k = max(2, min(max_aim_folds, len(aims)))
    groups = tuple(tuple(a for j, a in enumerate(aims) if j % k == f) for f in range(k))
    src = labelled[0].source_file if labelled else "none"
    return FoldPlan("aim", groups, f"{task} labels occur in a single document ({src}): {k} folds grouped by aim "
                    f"(parent_id) over {len(aims)} aims, not held out by document")
