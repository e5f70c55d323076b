"""The output schema as code: Arrow schemas plus checks, validated lazily (every failure
reported at once) before anything is written. docs/data-dictionary.md describes it."""
from __future__ import annotations

import re

import pyarrow as pa
import pyarrow.compute as pc

from extract.issues import IssueCode, Status
from normalise.vocabulary import pillar_codes

STR = pa.string()
LIST_STR = pa.list_(STR)
SCORES = pa.map_(STR, pa.float64())
BOX = pa.struct([("page", pa.int32()), ("x0", pa.float64()), ("top", pa.float64()),
                 ("x1", pa.float64()), ("bottom", pa.float64())])
FIELD = pa.struct([("header", STR), ("text", STR)])
# A paragraph or list item of the prose outside every row (extract.model.Passage): `lead` is the
# index (in the same list) of the paragraph a list item sits under
PASSAGE = pa.struct([("page", pa.int32()), ("bbox", pa.list_(pa.float64(), 4)), ("text", STR),
                     ("bullet", pa.bool_()), ("lead", pa.int32())])
# One typed outcome (extract.issues.Issue): status is computed from the codes, never the message.
ISSUE = pa.struct([("code", STR), ("severity", STR), ("stage", STR), ("message", STR)])
# One table column's role as normalise decided it (normalise.roles.ColumnRole), with the evidence.
TABLE_ROLE = pa.struct([("table", pa.int32()), ("column", pa.int32()), ("header", STR), ("role", STR),
                        ("score", pa.float64()), ("evidence", STR)])
# Why the model labelled an action as it did (normalise.classify LabelOutput.evidence), per
# taxonomy: the taxonomy phrases matched in the action ("V:newsletter", "(aim)" when matched in
# the aim) and the model's two best labels with their probabilities, best first.
LABEL_EVIDENCE = pa.struct([("pillar_keywords", LIST_STR), ("pillar_top2", SCORES),
                            ("talent_keywords", LIST_STR), ("talent_top2", SCORES)])

ACTIONS = pa.schema([
    ("row_id", STR), ("document_id", STR), ("source_file", STR), ("institution", STR), ("plan_title", STR),
    ("period_start", pa.int32()), ("period_end", pa.int32()),
    ("section", STR), ("parent_id", STR), ("action_id", STR), ("aim", STR), ("action_text", STR),
    ("description", STR), ("supporting_actions", STR), ("success_measures", STR), ("timeframe", STR),
    ("due_date", pa.date32()), ("due_dates", pa.list_(pa.date32())), ("recurrence", STR),
    ("owner", STR), ("resources", STR), ("rag_status", STR), ("rag_evidence", STR),
    ("status_complete", pa.bool_()), ("progress", STR),
    ("comments", STR), ("pillars_document", LIST_STR), ("talent_document", LIST_STR), ("other_tags", LIST_STR),
    ("extra_fields", pa.list_(FIELD)),
    ("pillars", LIST_STR), ("pillar_scores", SCORES), ("talent", LIST_STR), ("talent_scores", SCORES),
    ("pillars_source", STR), ("talent_source", STR), ("label_source", STR),
    ("pillars_model", LIST_STR), ("talent_model", LIST_STR), ("label_evidence", LABEL_EVIDENCE),
    ("model_version", STR), ("taxonomy_version", STR),
    ("reviewer", STR), ("reviewed_at", STR),
    ("page_start", pa.int32()), ("page_end", pa.int32()), ("bbox", pa.list_(pa.float64(), 4)),
    ("boxes", pa.list_(BOX)), ("table_index", pa.int32()), ("row_index", pa.int32()),
    ("extractor", STR), ("extraction_quality", pa.float64()), ("ocr", pa.bool_()), ("ocr_confidence", pa.float64()),
    ("row_warnings", LIST_STR), ("pipeline_version", STR),
    # plans (tcpipe/dataset/plans.py): a progress-report row's plan action, a plan action's fate
    ("plan_row_id", STR), ("plan_match", STR), ("plan_match_score", pa.float64()), ("fate", STR),
    ("is_new", pa.bool_()), ("fate_evidence", STR),
])

DOCUMENTS = pa.schema([
    ("document_id", STR), ("source_file", STR), ("source_paths", LIST_STR), ("file_size", pa.int64()), ("status", STR),
    ("errors", LIST_STR), ("warnings", LIST_STR), ("notes", LIST_STR), ("issues", pa.list_(ISSUE)),
    ("page_count", pa.int32()), ("layout", STR), ("layout_confidence", pa.float64()), ("page_layouts", LIST_STR),
    ("n_actions", pa.int32()), ("n_tables", pa.int32()), ("tables_skipped", LIST_STR),
    ("unknown_headers", LIST_STR), ("table_roles", pa.list_(TABLE_ROLE)),
    ("chars_total", pa.int64()), ("chars_in_rows", pa.int64()), ("chars_boilerplate", pa.int64()),
    ("chars_other", pa.int64()), ("share_in_rows", pa.float64()), ("passages", pa.list_(PASSAGE)),
    ("institution", STR), ("plan_title", STR), ("period_start", pa.int32()), ("period_end", pa.int32()),
    ("ocr", pa.bool_()), ("extractor", STR), ("pipeline_version", STR), ("model_version", STR),
    ("taxonomy_version", STR),
    # plans (tcpipe/dataset/plans.py)
    ("plan_id", STR), ("plan_role", STR), ("duplicate_of", STR), ("reports_on", STR), ("report_date", pa.date32()),
])

PLANS = pa.schema([
    ("plan_id", STR), ("institution", STR), ("period_start", pa.int32()), ("period_end", pa.int32()),
    ("plan_title", STR), ("preferred_document_id", STR), ("preferred_source_file", STR), ("n_actions", pa.int32()),
    ("documents", LIST_STR), ("renderings", LIST_STR), ("progress_reports", LIST_STR),
    ("previous_plan_id", STR), ("next_plan_id", STR),
])

ACTION_LINKS = pa.schema([
    ("from_plan_id", STR), ("to_plan_id", STR), ("from_row_id", STR), ("to_row_id", STR), ("kind", STR),
    ("score", pa.float64()), ("similarity_words", pa.float64()), ("similarity_context", pa.float64()),
    ("similarity_chars", pa.float64()), ("similarity_aim", pa.float64()), ("similarity_embedding", pa.float64()),
    ("shared_terms", LIST_STR), ("same_objective", pa.bool_()), ("reviewer_decision", STR),
])
PLAN_ROLES = {"plan", "rendering", "progress_report"}
FATES = {"continued", "completed", "dropped"}
PLAN_MATCHES = {"id", "text", "unmatched", "reviewer"}
LINK_KINDS = {"continued", "split", "merged"}

STATUSES = {s.value for s in Status}
ISSUE_CODES = {c.value for c in IssueCode}
PILLAR_CODES = frozenset(pillar_codes())   # models/taxonomy/pillars.yaml
TALENT_RE = re.compile(r"^R([1-9]|1[0-6])$")
LABEL_SOURCES = {"document", "model", "reviewer", "none"}
RAG = {"red", "amber", "green"}


class SchemaError(Exception):
    def __init__(self, failures: list[str]):
        super().__init__("; ".join(failures))
        self.failures = failures


def _values(table: pa.Table, name: str) -> list:
    return table.column(name).to_pylist()


def check_actions(table: pa.Table) -> list[str]:
    """Every failed check, not just the first."""
    fails: list[str] = []
    if table.schema != ACTIONS:
        diff = {f.name for f in ACTIONS} ^ {f.name for f in table.schema}
        fails.append(f"actions schema differs from the declared schema (columns: {sorted(diff) or 'types'})")
        return fails
    if table.num_rows == 0:
        return fails
    for col in ("row_id", "document_id", "source_file", "action_text", "extractor", "pipeline_version"):
        nulls = table.column(col).null_count
        if nulls:
            fails.append(f"{col}: {nulls} null values")
    empty = pc.sum(pc.equal(pc.utf8_length(pc.utf8_trim_whitespace(table.column("action_text"))), 0)).as_py()
    if empty:
        fails.append(f"action_text: {empty} empty values")
    ids = _values(table, "row_id")
    if len(set(ids)) != len(ids):
        fails.append(f"row_id: {len(ids) - len(set(ids))} duplicates")
    for col in ("pillars_document", "pillars", "pillars_model"):
        bad = {p for v in _values(table, col) if v for p in v if p not in PILLAR_CODES}
        if bad:
            fails.append(f"{col}: unknown pillar codes {sorted(bad)}")
    for col in ("talent_document", "talent", "talent_model"):
        bad = {p for v in _values(table, col) if v for p in v if not TALENT_RE.match(p)}
        if bad:
            fails.append(f"{col}: invalid TALENT ids {sorted(bad)}")
    bad = {v for v in _values(table, "label_source") if v is not None and v not in LABEL_SOURCES}
    if bad:
        fails.append(f"label_source: unknown values {sorted(bad)}")
    bad = {v for v in _values(table, "rag_status") if v is not None and v not in RAG}
    if bad:
        fails.append(f"rag_status: unknown values {sorted(bad)}")
    for col, allowed in (("fate", FATES), ("plan_match", PLAN_MATCHES)):
        bad = {v for v in _values(table, col) if v is not None and v not in allowed}
        if bad:
            fails.append(f"{col}: unknown values {sorted(bad)}")
    for s, e in zip(_values(table, "page_start"), _values(table, "page_end")):
        if s is None or e is None or s < 1 or e < s:
            fails.append(f"page_start/page_end invalid ({s}, {e})")
            break
    for s, e in zip(_values(table, "period_start"), _values(table, "period_end")):
        if s is not None and e is not None and e < s:
            fails.append(f"period_end before period_start ({s}, {e})")
            break
    return fails


def check_documents(table: pa.Table) -> list[str]:
    fails: list[str] = []
    if table.schema != DOCUMENTS:
        diff = {f.name for f in DOCUMENTS} ^ {f.name for f in table.schema}
        return [f"documents schema differs from the declared schema (columns: {sorted(diff) or 'types'})"]
    bad = {v for v in _values(table, "status") if v not in STATUSES}
    if bad:
        fails.append(f"status: unknown values {sorted(bad)}")
    for status, issues in zip(_values(table, "status"), _values(table, "issues")):
        if status == "failed" and not any(i["severity"] == "error" for i in issues):
            fails.append("a failed document has no error recorded")
            break
    bad = {i["code"] for issues in _values(table, "issues") for i in issues} - ISSUE_CODES
    if bad:
        fails.append(f"issues: unknown codes {sorted(bad)}")
    bad = {v for v in _values(table, "plan_role") if v is not None and v not in PLAN_ROLES}
    if bad:
        fails.append(f"plan_role: unknown values {sorted(bad)}")
    for passages in _values(table, "passages"):
        n = len(passages or [])
        if any(not (p["text"] or "").strip() or p["page"] is None or p["page"] < 1
               or (p["lead"] is not None and not 0 <= p["lead"] < n) for p in passages or []):
            fails.append("passages: a passage without text or page, or whose lead is not in its document's list")
            break
    return fails


def check_plans(plans: pa.Table, links: pa.Table, actions: pa.Table) -> list[str]:
    """The plans and action_links tables: declared schemas, one row per plan id, link
    kinds known, every link's rows present in actions."""
    fails: list[str] = []
    if plans.schema != PLANS:
        fails.append("plans schema differs from the declared schema")
    if links.schema != ACTION_LINKS:
        fails.append("action_links schema differs from the declared schema")
    if fails:
        return fails
    ids = _values(plans, "plan_id")
    if len(set(ids)) != len(ids):
        fails.append(f"plan_id: {len(ids) - len(set(ids))} duplicates")
    bad = set(_values(links, "kind")) - LINK_KINDS
    if bad:
        fails.append(f"action_links kind: unknown values {sorted(bad)}")
    rows = set(_values(actions, "row_id"))
    missing = {r for col in ("from_row_id", "to_row_id") for r in _values(links, col)} - rows
    if missing:
        fails.append(f"action_links: {len(missing)} row ids not in actions")
    return fails


def validate(actions: pa.Table, documents: pa.Table) -> None:
    fails = check_actions(actions) + check_documents(documents)
    doc_ids = set(_values(documents, "document_id"))
    orphan = set(_values(actions, "document_id")) - doc_ids if actions.num_rows else set()
    if orphan:
        fails.append(f"{len(orphan)} document_id values in actions have no documents record")
    if fails:
        raise SchemaError(fails)
