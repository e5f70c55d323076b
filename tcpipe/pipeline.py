"""The pipeline, declared: one document through its stages, in this order.

    read       bytes -> pages                  extract.read_document (conversion, PDF, OCR)
    segment    pages -> running heads, layout  extract.segment_document
    extract    pages -> tables and blocks      extract.extract_document (strategies/)
    interpret  tables -> canonical actions     normalise.interpret_document (roles, ids, tags, due dates)
    label      actions -> pillars, TALENT      normalise.classify (the labeller)
    validate   rows -> checked Arrow tables    tcpipe.dataset.schema, status from issue codes

`STAGES` names them; `process_bytes` runs them. Each stage is a pure, typed function;
failure is data (a typed `Issue`), so every input ends with a documents record.
The batch (tcpipe.run) decides which files to run and where; nothing here touches disk.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import pyarrow as pa

import extract
from extract import ExtractedDocument, ReadDocument, Segments, extract_document, read_document, segment_document
from extract.config import load_config
from extract.issues import ExtractionError, Issue, IssueCode, Severity, Status, document_status, error, warning
from normalise import interpret_document
from normalise.headers import load_aliases
from normalise.model import Action, NormalisedDocument
from normalise.tags import annotates_talent, load_rules
from normalise.timeframe import due_dates_of

from . import __version__
from .dataset.schema import ACTIONS, DOCUMENTS, check_actions

STAGES = ("read", "segment", "extract", "interpret", "label", "validate")


@dataclass(frozen=True)
class DocumentResult:
    document: pa.Table   # one row
    actions: pa.Table


class LabellerUnavailable(Exception):
    """The shipped labeller could not be loaded: every document fails with the cause,
    rather than quietly getting no labels."""


@lru_cache(maxsize=1)
def _load_labeller():
    try:
        from normalise.classify import load_labeller
        return load_labeller(), None
    except Exception as exc:  # noqa: BLE001 - kept as the cause, reported per document
        return None, f"{type(exc).__name__}: {exc}"


def labeller():
    """The NLP labeller (loaded once per process). Raises LabellerUnavailable with the cause."""
    lab, cause = _load_labeller()
    if lab is None:
        raise LabellerUnavailable(f"the labeller in models/ could not be loaded ({cause})")
    return lab


def versions() -> dict[str, str]:
    """Everything whose change must invalidate cached results."""
    lab, cause = _load_labeller()
    return {
        "pipeline": pipeline_version(),
        "model": lab.model_version if lab else f"unavailable ({cause})",
        "taxonomy": lab.taxonomy_version if lab else "unavailable",
    }


@lru_cache(maxsize=1)
def pipeline_version() -> str:
    """Release plus a hash of the code and data files in force: any change to either makes
    the next run reprocess every file instead of reusing stale cached rows."""
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    # EXTRACTOR_VERSION names pypdfium2's and pdfplumber's versions: an upgrade re-reads every file
    for part in (__version__, extract.EXTRACTOR_VERSION, load_config().version, load_aliases()[0],
                 load_rules().version):
        digest.update(part.encode())
    for pkg in ("extract", "normalise", "tcpipe"):
        for path in sorted((root / pkg).rglob("*.py")):
            if "classify" in path.parts:
                continue  # the labeller has its own model_version
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    for name in ("extract.yaml", "header_aliases.yaml", "tag_patterns.yaml", "institutions.csv", "meta.yaml",
                 "links.yaml", "link_equivalents.yaml", "rag.yaml"):
        digest.update((root / "models" / name).read_bytes())
    return f"tcplans {__version__}+{digest.hexdigest()[:10]}"


# ---- the stages -------------------------------------------------------------------------

def read(data: bytes, source_file: str, password: str | None = None) -> ReadDocument:
    return read_document(data, source_file, password)


def segment(doc: ReadDocument) -> Segments:
    return segment_document(doc)


def extract_tables(doc: ReadDocument, segments: Segments) -> ExtractedDocument:
    return extract_document(doc, segments)


def interpret(doc: ExtractedDocument) -> NormalisedDocument:
    return interpret_document(doc)


def label(norm: NormalisedDocument) -> list[dict]:
    """Per action: the final labels (document tags over model labels), both sources, the
    scores and where each label came from."""
    lab = labeller()
    v = versions()
    if not norm.actions:
        return []
    from normalise.classify import LabelInput
    outs = lab.label([LabelInput(a.action_text, a.aim, a.section, a.pillars_document, a.talent_document)
                      for a in norm.actions])
    if annotates_talent(sum(1 for a in norm.actions if a.talent_document)):
        outs = [replace(o, talent=(), talent_source="document", label_source="document")
                if o.talent_source == "model" else o for o in outs]
    return [dict(pillars=list(o.pillars), pillar_scores=sorted(o.pillar_scores.items()), talent=list(o.talent),
                 talent_scores=sorted(o.talent_scores.items()), pillars_source=o.pillars_source,
                 talent_source=o.talent_source, label_source=o.label_source, pillars_model=list(o.pillars_model),
                 talent_model=list(o.talent_model), label_evidence=label_evidence(o.evidence),
                 model_version=v["model"], taxonomy_version=v["taxonomy"])
            for o in outs]


def label_evidence(evidence: dict[str, dict]) -> dict | None:
    """The labeller's evidence for one action as the schema's label_evidence struct."""
    if not evidence:
        return None
    out = {}
    for task, name in (("pillars", "pillar"), ("talent", "talent")):
        e = evidence.get(task) or {}
        out[f"{name}_keywords"] = list(e.get("keywords", ()))
        out[f"{name}_top2"] = [(lab, float(p)) for lab, p in e.get("top2", ())]
    return out


def validate(actions: pa.Table) -> list[Issue]:
    return [error(IssueCode.SCHEMA_ERROR, "; ".join(fails), "validate")] if (fails := check_actions(actions)) else []


# ---- records ----------------------------------------------------------------------------

def _doc_row(**kw) -> pa.Table:
    base = {f.name: None for f in DOCUMENTS}
    for k in ("errors", "warnings", "notes", "issues", "page_layouts", "tables_skipped", "unknown_headers",
              "table_roles", "source_paths", "passages"):
        base[k] = []
    base.update(kw)
    return pa.Table.from_pylist([base], schema=DOCUMENTS)


def _issue_columns(issues: list[Issue]) -> dict:
    by = lambda sev: [i.message for i in issues if i.severity is sev]  # noqa: E731
    return dict(errors=[str(i) for i in issues if i.severity is Severity.ERROR], warnings=by(Severity.WARNING),
                notes=by(Severity.NOTE), issues=[i.as_record() for i in issues])


def failed_result(source_file: str, document_id: str, size: int, code: IssueCode | str, message: str,
                  stage: str = "run") -> DocumentResult:
    v = versions()
    issue = error(IssueCode(code), message, stage)
    doc = _doc_row(document_id=document_id, source_file=source_file, file_size=size, status=Status.FAILED.value,
                   n_actions=0, pipeline_version=v["pipeline"], model_version=v["model"],
                   taxonomy_version=v["taxonomy"], **_issue_columns([issue]))
    return DocumentResult(doc, ACTIONS.empty_table())


def _action_row(a: Action, labels: dict, pipeline: str, ocr: bool, ocr_conf: float | None) -> dict:
    p = a.provenance
    return dict(
        row_id=a.row_id, document_id=p.document_id, source_file=p.source_file, institution=a.institution,
        plan_title=a.plan_title, period_start=a.period_start, period_end=a.period_end, section=a.section,
        parent_id=a.parent_id, action_id=a.action_id, aim=a.aim, action_text=a.action_text,
        description=a.description, supporting_actions=a.supporting_actions, success_measures=a.success_measures,
        timeframe=a.timeframe, due_date=a.due_date, recurrence=a.recurrence, owner=a.owner, resources=a.resources,
        due_dates=due_dates_of(a.timeframe, a.period_start, a.period_end) if a.timeframe else [],
        rag_status=a.rag_status, rag_evidence=a.rag_evidence, progress=a.progress, comments=a.comments,
        pillars_document=list(a.pillars_document), talent_document=list(a.talent_document),
        other_tags=list(a.other_tags), extra_fields=[{"header": h, "text": t} for h, t in a.extra_fields],
        reviewer=None, reviewed_at=None,
        page_start=p.page_start, page_end=p.page_end, bbox=list(p.bbox),
        boxes=[dict(page=b[0], x0=b[1], top=b[2], x1=b[3], bottom=b[4]) for b in p.boxes],
        table_index=p.table_index, row_index=p.row_index, extractor=p.extractor, extraction_quality=p.quality,
        ocr=ocr, ocr_confidence=ocr_conf, row_warnings=list(a.warnings), pipeline_version=pipeline, **labels)


def _outcome_issues(doc: ExtractedDocument, norm: NormalisedDocument) -> list[Issue]:
    """What a reader of the documents table should know beyond the stages' own issues:
    tables found but unread, or no action structure at all."""
    n_tables = sum(1 for t in doc.tables if len(t.rows) > 1)
    unread = [i for i in norm.skipped_tables if i.severity is Severity.WARNING]
    out: list[Issue] = []
    if not norm.actions and n_tables and unread:
        out.append(warning(IssueCode.TABLES_NOT_READ, "tables were found but no action could be read from them",
                           "validate"))
    elif not norm.actions and not unread and not any(i.code is IssueCode.NO_ACTION_STRUCTURE for i in doc.issues):
        out.append(warning(IssueCode.NO_ACTIONS, "no actions: the document has no action table or action blocks",
                           "validate"))
    return out


def process_bytes(data: bytes, source_file: str, password: str | None = None) -> DocumentResult:
    """The stages in order, for one document. Pure: bytes in, Arrow tables out."""
    document_id = hashlib.sha256(data).hexdigest()
    v = versions()
    try:
        pages = read(data, source_file, password)
        segments = segment(pages)
        doc = extract_tables(pages, segments)
        norm = interpret(doc)
        labels = label(norm)
    except ExtractionError as exc:
        return failed_result(source_file, document_id, len(data), exc.issue.code, exc.message, exc.issue.stage)
    except LabellerUnavailable as exc:
        return failed_result(source_file, document_id, len(data), IssueCode.LABELLER_UNAVAILABLE, str(exc), "label")
    except Exception as exc:  # noqa: BLE001 - any parser bug becomes this file's failure
        return failed_result(source_file, document_id, len(data), IssueCode.INTERNAL_ERROR,
                             f"{type(exc).__name__}: {exc}")
    rows = [_action_row(a, lab, v["pipeline"], doc.ocr, doc.ocr_confidence) for a, lab in zip(norm.actions, labels)]
    actions = pa.Table.from_pylist(rows, schema=ACTIONS) if rows else ACTIONS.empty_table()
    if fails := validate(actions):
        return failed_result(source_file, document_id, len(data), fails[0].code, fails[0].message, "validate")
    issues = [*doc.issues, *norm.warnings, *norm.notes, *norm.skipped_tables, *_outcome_issues(doc, norm)]
    status = document_status(issues, len(rows))
    cols = _issue_columns([i for i in issues if i not in norm.skipped_tables])
    # Skipped tables have their own column; the unread ones are also warnings, marked partial.
    cols["warnings"] += [f"partial: {i.message}" for i in norm.skipped_tables if i.severity is Severity.WARNING]
    cols["issues"] = [i.as_record() for i in issues]
    cov = doc.coverage
    record = _doc_row(
        document_id=document_id, source_file=source_file, file_size=len(data), status=status.value,
        page_count=doc.page_count, layout=doc.layout.value,
        layout_confidence=doc.layout_confidence, page_layouts=list(doc.page_layouts), n_actions=len(rows),
        n_tables=sum(1 for t in doc.tables if len(t.rows) > 1),
        tables_skipped=[i.message for i in norm.skipped_tables], unknown_headers=list(norm.unknown_headers),
        table_roles=[dict(table=c.table, column=c.column, header=c.header, role=c.role, score=c.score,
                          evidence=c.evidence) for c in norm.table_roles],
        chars_total=cov.chars_total, chars_in_rows=cov.chars_in_rows, chars_boilerplate=cov.chars_boilerplate,
        chars_other=cov.chars_other, share_in_rows=round(cov.share_in_rows, 4),
        passages=[dict(page=p.page, bbox=list(p.bbox.rounded()), text=p.text, bullet=p.bullet, lead=p.lead)
                  for p in doc.passages],
        institution=norm.meta.institution, plan_title=norm.meta.plan_title, period_start=norm.meta.period_start,
        period_end=norm.meta.period_end, report_date=norm.meta.report_date, ocr=doc.ocr,
        extractor=doc.extractor_version,
        pipeline_version=v["pipeline"], model_version=v["model"], taxonomy_version=v["taxonomy"], **cols)
    return DocumentResult(record, actions)


def process_file(path: Path, source_file: str | None = None, password: str | None = None) -> DocumentResult:
    data = path.read_bytes()
    return process_bytes(data, source_file or path.name, password)
