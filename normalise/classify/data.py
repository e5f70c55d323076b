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

    def cats(self, task: str) -> dict[str, float]:
        return self.pillar_cats if task == "pillars" else self.talent_cats

    @property
    def aim_key(self) -> str:
        return f"{self.document_id}|{self.parent_id or self.action_id or ''}"


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
    import pyarrow.parquet as pq

    table = pq.read_table(path, columns=list(COLUMNS))
    return table.to_pylist()


def table_checksum(records: Sequence[dict]) -> str:
    """sha256 of the columns training uses, in a canonical form (independent of Parquet
    encoding, so the manifest changes only when the training input does)."""
    h = hashlib.sha256()
    for r in records:
        h.update(json.dumps({k: (list(r[k]) if isinstance(r[k], (list, tuple)) else r[k]) for k in COLUMNS},
                            sort_keys=True, ensure_ascii=False, default=str).encode())
        h.update(b"\n")
    return h.hexdigest()


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
                            pk, tk, pc, tcats))
    return rows


# --- weak supervision from the taxonomy ---------------------------------------------------

def weak_examples(taxonomy: Taxonomy) -> list[tuple[str, dict[str, float]]]:
    """Definitions, names and keywords as short labelled texts. A phrase is positive for
    every concept that lists it (keywords are shared between concepts on purpose) and
    negative for the others; a negative label is negative for every concept."""
    owners: dict[str, set[str]] = {}
    for c in taxonomy.concepts:
        for p in (c.preferred_label, *c.alternative_labels, *c.keywords):
            owners.setdefault(p.lower(), set()).add(c.id)
    out: list[tuple[str, dict[str, float]]] = []
    for c in taxonomy.concepts:
        out.append((c.definition, {i: (1.0 if i == c.id else 0.0) for i in taxonomy.ids}))
    for phrase in sorted(owners):
        out.append((phrase, {i: (1.0 if i in owners[phrase] else 0.0) for i in taxonomy.ids}))
    negs = sorted({n.lower() for c in taxonomy.concepts for n in c.negative_labels} - set(owners))
    for phrase in negs:
        out.append((phrase, {i: 0.0 for i in taxonomy.ids}))
    return out


# --- grouped folds ---------------------------------------------------------------------------

@dataclass(frozen=True)
class FoldPlan:
    unit: str                     # "document" or "aim"
    groups: tuple[tuple[str, ...], ...]   # fold -> group keys held out
    note: str

    def group_of(self, row: Row) -> str:
        return row.document_id if self.unit == "document" else row.aim_key

    def split(self, rows: Sequence[Row]) -> list[tuple[list[int], list[int]]]:
        out = []
        for held in self.groups:
            hs = set(held)
            test = [i for i, r in enumerate(rows) if self.group_of(r) in hs]
            train = [i for i, r in enumerate(rows) if self.group_of(r) not in hs]
            out.append((train, test))
        return out


def fold_plan(rows: Sequence[Row], task: str, max_aim_folds: int) -> FoldPlan:
    """Leave one document out where the task's labels come from two documents or more;
    otherwise folds grouped by aim (parent_id) inside the one document, assigned round-robin
    over the aims in order of appearance."""
    labelled = [r for r in rows if r.cats(task)]
    docs = list(dict.fromkeys(r.document_id for r in labelled))
    if len(docs) >= 2:
        names = {r.document_id: r.source_file for r in labelled}
        return FoldPlan("document", tuple((d,) for d in docs),
                        f"leave one document out over {len(docs)} documents: " + ", ".join(names[d] for d in docs))
    aims = list(dict.fromkeys(r.aim_key for r in labelled))
    k = max(2, min(max_aim_folds, len(aims)))
    groups = tuple(tuple(a for j, a in enumerate(aims) if j % k == f) for f in range(k))
    src = labelled[0].source_file if labelled else "none"
    return FoldPlan("aim", groups, f"{task} labels occur in a single document ({src}): {k} folds grouped by aim "
                    f"(parent_id) over {len(aims)} aims, not held out by document")
