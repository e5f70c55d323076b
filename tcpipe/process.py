"""One document through the fixed stage skeleton: extract, normalise, classify, validate.

Pure: bytes in, Arrow tables out. Failure is data: every input gets a documents record.
"""
from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pyarrow as pa

import extract
from extract import ExtractionError, pdf_to_document
from extract.config import load_config
from extract.convert import sniff_kind, to_pdf
from normalise import document_to_actions
from normalise.headers import load_aliases
from normalise.model import Action, NormalisedDocument
from normalise.tags import load_rules
from normalise.timeframe import parse_timeframe

from . import __version__
from .schema import ACTIONS, DOCUMENTS, check_actions


@dataclass(frozen=True)
class DocumentResult:
    document: pa.Table   # one row
    actions: pa.Table


@lru_cache(maxsize=1)
def labeller():
    """The NLP labeller, or None when no trained model is shipped (labels then come from
    the document alone and model_version is 'none')."""
    try:
        from normalise.classify import load_labeller
        return load_labeller()
    except Exception:  # noqa: BLE001 - a missing model must not stop extraction
        return None


def versions() -> dict[str, str]:
    """Everything whose change must invalidate cached results."""
    lab = labeller()
    return {
        "pipeline": pipeline_version(),
        "model": getattr(lab, "model_version", "none"),
        "taxonomy": getattr(lab, "taxonomy_version", "none"),
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
    for name in ("extract.yaml", "header_aliases.yaml", "tag_patterns.yaml", "institutions.csv"):
        digest.update((root / "models" / name).read_bytes())
    return f"tcplans {__version__}+{digest.hexdigest()[:10]}"


def _doc_row(**kw) -> pa.Table:
    base = {f.name: None for f in DOCUMENTS}
    for k in ("errors", "warnings", "notes", "page_layouts", "tables_skipped", "unknown_headers"):
        base[k] = []
    base.update(kw)
    return pa.Table.from_pylist([base], schema=DOCUMENTS)


def failed_result(source_file: str, document_id: str, size: int, code: str, message: str) -> DocumentResult:
    v = versions()
    doc = _doc_row(document_id=document_id, source_file=source_file, file_size=size, status="failed",
                   errors=[f"{code}: {message}"], n_actions=0, pipeline_version=v["pipeline"],
                   model_version=v["model"], taxonomy_version=v["taxonomy"])
    return DocumentResult(doc, ACTIONS.empty_table())


def _label_rows(norm: NormalisedDocument) -> list[dict]:
    lab = labeller()
    v = versions()
    if lab is None or not norm.actions:
        out = []
        for a in norm.actions:
            src = "document" if (a.pillars_document or a.talent_document) else "none"
            out.append(dict(pillars=list(a.pillars_document), pillar_scores=[], talent=list(a.talent_document),
                            talent_scores=[], pillars_source="document" if a.pillars_document else "none",
                            talent_source="document" if a.talent_document else "none", label_source=src,
                            pillars_model=[], talent_model=[], model_version=v["model"],
                            taxonomy_version=v["taxonomy"]))
        return out
    from normalise.classify import LabelInput
    outs = lab.label([LabelInput(a.action_text, a.aim, a.section, a.pillars_document, a.talent_document)
                      for a in norm.actions])
    return [dict(pillars=list(o.pillars), pillar_scores=sorted(o.pillar_scores.items()), talent=list(o.talent),
                 talent_scores=sorted(o.talent_scores.items()), pillars_source=o.pillars_source,
                 talent_source=o.talent_source, label_source=o.label_source, pillars_model=list(o.pillars_model),
                 talent_model=list(o.talent_model), model_version=v["model"], taxonomy_version=v["taxonomy"])
            for o in outs]


def _action_row(a: Action, labels: dict, pipeline: str, ocr: bool, ocr_conf: float | None) -> dict:
    p = a.provenance
    due, recurrence = parse_timeframe(a.timeframe, a.period_start, a.period_end)
    return dict(
        row_id=a.row_id, document_id=p.document_id, source_file=p.source_file, institution=a.institution,
        plan_title=a.plan_title, period_start=a.period_start, period_end=a.period_end, section=a.section,
        parent_id=a.parent_id, action_id=a.action_id, aim=a.aim, action_text=a.action_text,
        description=a.description, supporting_actions=a.supporting_actions, success_measures=a.success_measures,
        timeframe=a.timeframe, due_date=due, recurrence=recurrence, owner=a.owner, resources=a.resources,
        rag_status=a.rag_status, rag_evidence=a.rag_evidence, progress=a.progress, comments=a.comments,
        pillars_document=list(a.pillars_document), talent_document=list(a.talent_document),
        other_tags=list(a.other_tags), extra_fields=[{"header": h, "text": t} for h, t in a.extra_fields],
        reviewer=None, reviewed_at=None,
        page_start=p.page_start, page_end=p.page_end, bbox=list(p.bbox),
        boxes=[dict(page=b[0], x0=b[1], top=b[2], x1=b[3], bottom=b[4]) for b in p.boxes],
        table_index=p.table_index, row_index=p.row_index, extractor=p.extractor, extraction_quality=p.quality,
        ocr=ocr, ocr_confidence=ocr_conf, row_warnings=list(a.warnings), pipeline_version=pipeline, **labels)


def process_bytes(data: bytes, source_file: str, password: str | None = None) -> DocumentResult:
    document_id = hashlib.sha256(data).hexdigest()
    v = versions()
    conversion_note = []
    try:
        kind = sniff_kind(data, Path(source_file).suffix.lower())
        if kind != "pdf":
            data_pdf = to_pdf(data, kind)
            conversion_note = [f"{kind.upper()} converted to PDF for reading; pages refer to that rendering"]
        else:
            data_pdf = data
        doc = pdf_to_document(data_pdf, source_file, password)
        if kind != "pdf":  # provenance names the file the user gave, not the rendering
            doc = dataclasses.replace(doc, document_id=document_id)
        norm = document_to_actions(doc)
    except ExtractionError as exc:
        return failed_result(source_file, document_id, len(data), exc.code, exc.message)
    except Exception as exc:  # noqa: BLE001 - any parser bug becomes this file's failure
        return failed_result(source_file, document_id, len(data), "internal_error", f"{type(exc).__name__}: {exc}")
    labels = _label_rows(norm)
    rows = [_action_row(a, lab, v["pipeline"], doc.ocr, doc.ocr_confidence) for a, lab in zip(norm.actions, labels)]
    actions = pa.Table.from_pylist(rows, schema=ACTIONS) if rows else ACTIONS.empty_table()
    fails = check_actions(actions)
    if fails:
        return failed_result(source_file, document_id, len(data), "schema_error", "; ".join(fails))
    warnings = list(doc.warnings) + list(norm.warnings)
    n_tables = sum(1 for t in doc.tables if len(t.rows) > 1)
    if norm.actions:
        unread = [s for s in norm.skipped_tables if "no header" in s or "could not be read" in s]
        status = "partial" if unread else "success"
        warnings.extend(f"partial: {s}" for s in unread)
    elif n_tables and (problems := [s for s in norm.skipped_tables
                                    if "not an action table" not in s and "summary" not in s]):
        status = "partial"
        warnings.append("tables were found but no action could be read from them")
        warnings.extend(f"partial: {s}" for s in problems)
    else:
        status = "skipped"
        if not any(w.startswith("no action table") for w in warnings):
            warnings.append("no actions: the document has no action table or action blocks")
    cov = doc.coverage
    record = _doc_row(
        document_id=document_id, source_file=source_file, file_size=len(data), status=status,
        warnings=warnings, notes=conversion_note + list(norm.notes), page_count=doc.page_count, layout=doc.layout.value,
        layout_confidence=doc.layout_confidence, page_layouts=list(doc.page_layouts), n_actions=len(rows),
        n_tables=n_tables, tables_skipped=list(norm.skipped_tables), unknown_headers=list(norm.unknown_headers),
        chars_total=cov.chars_total, chars_in_rows=cov.chars_in_rows, chars_boilerplate=cov.chars_boilerplate,
        chars_other=cov.chars_other, share_in_rows=round(cov.share_in_rows, 4),
        institution=norm.meta.institution, plan_title=norm.meta.plan_title, period_start=norm.meta.period_start,
        period_end=norm.meta.period_end, ocr=doc.ocr, extractor=doc.extractor_version,
        pipeline_version=v["pipeline"], model_version=v["model"], taxonomy_version=v["taxonomy"])
    return DocumentResult(record, actions)


def process_file(path: Path, source_file: str | None = None, password: str | None = None) -> DocumentResult:
    data = path.read_bytes()
    return process_bytes(data, source_file or path.name, password)
