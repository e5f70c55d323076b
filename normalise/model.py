"""The canonical action record every layout is mapped onto."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from extract.issues import Issue


@dataclass(frozen=True)
class Provenance:
    document_id: str
    source_file: str
    page_start: int
    page_end: int
    bbox: tuple[float, float, float, float]   # union box of the action's text on page_start
    boxes: tuple[tuple[int, float, float, float, float], ...]   # (page, x0, top, x1, bottom) of every fragment
    table_index: int
    row_index: int
    extractor: str
    quality: float


@dataclass(frozen=True)
class Action:
    row_id: str
    institution: str | None
    plan_title: str | None
    period_start: int | None
    period_end: int | None
    section: str | None
    parent_id: str | None
    action_id: str | None
    aim: str | None
    action_text: str
    description: str | None
    supporting_actions: str | None
    success_measures: str | None
    timeframe: str | None
    owner: str | None
    resources: str | None
    rag_status: str | None
    rag_evidence: str | None
    progress: str | None
    comments: str | None
    pillars_document: tuple[str, ...]
    talent_document: tuple[str, ...]
    other_tags: tuple[str, ...]
    extra_fields: tuple[tuple[str, str], ...]   # unknown headers, kept with their text
    provenance: Provenance
    warnings: tuple[str, ...] = ()
    due_date: dt.date | None = None      # from timeframe (normalise.timeframe), set by interpret_document
    recurrence: str | None = None


@dataclass(frozen=True)
class DocumentMeta:
    institution: str | None
    plan_title: str | None
    period_start: int | None
    period_end: int | None
    report_date: dt.date | None = None   # progress reports: the date the title block gives the report


@dataclass(frozen=True)
class NormalisedDocument:
    meta: DocumentMeta
    actions: tuple[Action, ...]
    warnings: tuple[Issue, ...] = ()
    notes: tuple[Issue, ...] = field(default=())
    unknown_headers: tuple[str, ...] = ()
    skipped_tables: tuple[Issue, ...] = ()
    # every table column's role with its score and evidence (normalise.roles.ColumnRole)
    table_roles: tuple = ()
