"""Reviewer corrections keyed by row_id, applied after extraction on every run.

A reviewer edits one file (YAML or CSV; default data/overrides.yaml) and the next extract
applies it, so corrections survive re-runs. Each entry does one of:

  edit  change fields of an extracted row (labels, timeframe, text, status ...)
  drop  remove a row the machine invented or duplicated
  add   add a row the machine missed (its row_id is derived from its content)

YAML:

    reviewer: J. Smith            # defaults for every entry below
    reviewed_at: 2025-03-01
    overrides:
      - row_id: 3f2a9c1e0b7d4e21
        set: {pillars: [V, CD], talent: [R6], timeframe: by July 2025}
      - row_id: 0c1d2e3f4a5b6c7d
        drop: true
        note: duplicate of the V1.2 row
      - add:
          source_file: essex-2024-27-action-plan.pdf
          parent_id: V1
          action_id: V1.9
          action_text: Publish a technician census every year
          page_start: 3
          pillars: [V]

CSV: one entry per line, columns `row_id, action (edit|drop|add), reviewer, reviewed_at,
note` and any action column; an empty cell leaves the field as it is, `<empty>` clears
it, lists are separated by `|` (or commas).

Problems are returned as notes (the CLI prints them): an override whose row no longer
exists, an unknown column, an invalid label, an entry that is not a mapping, an unknown
action, a value the dataset's schema rejects (page_start: -5). Such an entry is not
applied, the others are, and none is dropped silently. A file that cannot be read at all
raises OverridesError: missing, larger than MAX_BYTES, not valid YAML/CSV, not a list of
entries, or using YAML anchors/aliases (`&a`, `*a`: a reviewer's file never needs them,
and nested aliases expand exponentially, the "billion laughs"); the batch reads the file
before it processes anything, so such a file stops a run at once.
"""
from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa

from .schema import ACTIONS, PILLAR_CODES, RAG, TALENT_RE

DEFAULT_PATH = Path("data/overrides.yaml")
EMPTY = "<empty>"
REVIEWER_EXTRACTOR = "reviewer"
ADDED_WARNING = "added by a reviewer"

# Columns a reviewer may not set: identity, provenance the pipeline derives, the model's own
# output, and what this module records itself.
PROTECTED = {
    "row_id", "document_id", "source_file", "pillars_source", "talent_source", "label_source",
    "pillars_model", "talent_model", "pillar_scores", "talent_scores", "label_evidence", "model_version",
    "taxonomy_version", "reviewer", "reviewed_at", "extractor", "pipeline_version",
}
EDITABLE = [f.name for f in ACTIONS if f.name not in PROTECTED]
# Added rows may also name their document.
ADDABLE = set(EDITABLE) | {"source_file", "document_id"}

PILLAR_NAMES = {"visibility": "V", "recognition": "R", "career development": "CD", "career": "CD",
                "sustainability": "S", "evaluating impact": "EI", "impact": "EI"}


MAX_BYTES = 5 * 1024 * 1024     # a reviewer's file: thousands of entries fit in well under 1 MB


class OverridesError(ValueError):
    """The overrides file cannot be read at all (missing, too large, bad YAML/CSV, YAML
    aliases, wrong layout)."""


@dataclass
class Override:
    kind: str                      # edit | drop | add
    where: str                     # "data/overrides.yaml entry 3", for notes
    row_id: str | None = None
    values: dict[str, Any] = field(default_factory=dict)
    reviewer: str | None = None
    reviewed_at: str | None = None
    note: str | None = None

    def who(self) -> str:
        parts = [p for p in (self.reviewer and f"by {self.reviewer}", self.reviewed_at and f"on {self.reviewed_at}")
                 if p]
        return f"{self.where}" + (f" ({' '.join(parts)})" if parts else "")


# ---------------------------------------------------------------- reading the file

def _date_text(value) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value).strip() or None


INVALID = "invalid"


def _entry_to_override(entry: dict, where: str, defaults: dict) -> Override:
    """The entry as an Override; one of kind INVALID (reported, not applied) when the entry
    itself makes no sense."""
    try:
        return _parse_entry(entry, where, defaults)
    except (OverridesError, ValueError, TypeError, AttributeError) as exc:
        return Override(INVALID, where, note=str(exc).removeprefix(f"{where}: "))


def _parse_entry(entry: dict, where: str, defaults: dict) -> Override:
    if not isinstance(entry, dict):
        raise OverridesError(f"{where}: expected a mapping, got {type(entry).__name__}")
    entry = dict(entry)
    reviewer = entry.pop("reviewer", None) or defaults.get("reviewer")
    reviewed_at = _date_text(entry.pop("reviewed_at", None) or defaults.get("reviewed_at"))
    note = entry.pop("note", None) or entry.pop("reason", None)
    row_id = entry.pop("row_id", None)
    row_id = str(row_id).strip() if row_id not in (None, "") else None
    kind = str(entry.pop("action", "") or "").strip().lower()
    values: dict[str, Any] = {}
    if "add" in entry:
        kind, values = "add", entry.pop("add")
    elif entry.pop("drop", False):
        kind = "drop"
    values = dict(values or {})
    values.update(entry.pop("set", None) or {})
    values.update(entry)           # fields given directly on the entry (as in CSV)
    if not kind:
        kind = "edit" if row_id else "add"
    if kind not in {"edit", "drop", "add"}:
        raise OverridesError(f"{where}: unknown action {kind!r} (edit, drop or add)")
    return Override(kind, where, row_id, values, str(reviewer) if reviewer else None, reviewed_at,
                    str(note) if note else None)


def _no_alias_loader(path: Path):
    """A safe YAML loader that refuses anchors and aliases at the first one, before any
    expansion (composition is linear in the file's size)."""
    import yaml

    class Loader(yaml.SafeLoader):
        def compose_node(self, parent, index):
            event = self.peek_event()
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                line = event.start_mark.line + 1
                raise OverridesError(f"{path}: line {line}: YAML anchors and aliases (&name, *name) are not "
                                     f"allowed in an overrides file; write each entry out in full")
            return super().compose_node(parent, index)
    return Loader


def _read_yaml(path: Path, text: str) -> list[Override]:
    import yaml
    try:
        loader = _no_alias_loader(path)(text)
        try:
            data = loader.get_single_data()
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        raise OverridesError(f"{path}: not valid YAML: {exc}") from exc
    if data is None:
        return []
    defaults: dict = {}
    if isinstance(data, dict):
        defaults = {k: data.get(k) for k in ("reviewer", "reviewed_at")}
        entries = data.get("overrides") or []
    else:
        entries = data
    if not isinstance(entries, list):
        raise OverridesError(f"{path}: 'overrides' must be a list of entries")
    out = [_entry_to_override(e, f"{path} entry {i}", defaults) for i, e in enumerate(entries, 1)]
    return out + _invalid_link_entries(path, data.get("links") if isinstance(data, dict) else None)


def link_entry_problem(entry) -> str | None:
    """Why a reviewer's link decision (the file's `links:` section) cannot be used, or None."""
    if not isinstance(entry, dict) or not entry.get("from") or not entry.get("to") \
            or not isinstance(entry.get("confirm"), bool):
        return "a link decision needs from, to (row ids) and confirm: true|false"
    return None


def _invalid_link_entries(path: Path, links) -> list[Override]:
    """The `links:` section's unusable entries, as INVALID entries (each noted, the rest of
    the section applied by dataset.plans.read_link_decisions)."""
    if links is None:
        return []
    if not isinstance(links, list):
        return [Override(INVALID, f"{path} links", note="'links' must be a list of decisions")]
    return [Override(INVALID, f"{path} links entry {i}", note=why)
            for i, e in enumerate(links, 1) if (why := link_entry_problem(e))]


def _read_csv(path: Path, text: str) -> list[Override]:
    import io
    with io.StringIO(text.removeprefix("\ufeff"), newline="") as fh:
        reader = csv.DictReader(fh)
        if not reader.fieldnames:
            return []
        out = []
        for i, row in enumerate(reader, 2):     # line 1 is the header
            entry = {k.strip(): v for k, v in row.items() if k and v is not None and v.strip() != ""}
            if not entry:
                continue
            out.append(_entry_to_override(entry, f"{path} line {i}", {}))
        return out


def read_overrides(path: Path) -> list[Override]:
    """Every entry of the file (the malformed ones as INVALID entries, noted when applied).
    Raises OverridesError when the file as a whole cannot be read."""
    try:
        with open(path, "rb") as fh:
            raw = fh.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise OverridesError(f"overrides file not found: {path}") from None
    except OSError as exc:
        raise OverridesError(f"overrides file cannot be read: {path}: {exc.strerror or exc}") from None
    if len(raw) > MAX_BYTES:
        raise OverridesError(f"{path}: larger than {MAX_BYTES // (1024 * 1024)} MB; an overrides file holds "
                             f"reviewer corrections, not data")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise OverridesError(f"{path}: not UTF-8 text ({exc})") from None
    try:
        if path.suffix.lower() == ".csv":
            return _read_csv(path, text)
        return _read_yaml(path, text)
    except csv.Error as exc:
        raise OverridesError(f"{path}: not valid CSV: {exc}") from None


# ---------------------------------------------------------------- values to column types

def _split_list(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [str(v).strip() for v in value if str(v).strip()]
    text = str(value).strip()
    if text == EMPTY or not text:
        return []
    return [p.strip() for p in re.split(r"[|,;]", text) if p.strip()]


def _pillar_code(value: str) -> str:
    v = value.strip()
    if v.upper() in PILLAR_CODES:
        return v.upper()
    code = PILLAR_NAMES.get(v.lower())
    if code is None:
        raise ValueError(f"unknown pillar {value!r} (V, R, CD, S, EI)")
    return code


def _talent_id(value: str) -> str:
    v = value.strip().upper().replace("TCR", "").strip(" -:")
    v = v if v.startswith("R") else f"R{v}"
    if not TALENT_RE.match(v):
        raise ValueError(f"invalid TALENT recommendation {value!r} (R1..R16)")
    return v


def _ordered(values: list[str]) -> list[str]:
    return list(dict.fromkeys(values))


def _coerce(name: str, value) -> Any:
    """A value from the file, as the column's Arrow type wants it. Raises ValueError."""
    typ = ACTIONS.field(name).type
    if isinstance(value, str) and value.strip() == EMPTY:
        value = None
    if name in ("pillars", "pillars_document"):
        return _ordered([_pillar_code(v) for v in _split_list(value)])
    if name in ("talent", "talent_document"):
        return _ordered([_talent_id(v) for v in _split_list(value)])
    if name == "rag_status":
        if value is None:
            return None
        v = str(value).strip().lower()
        v = {"r": "red", "a": "amber", "g": "green"}.get(v, v)
        if v not in RAG:
            raise ValueError(f"rag_status must be red, amber or green, not {value!r}")
        return v
    if value is None:
        return [] if pa.types.is_list(typ) and name != "bbox" else None
    if pa.types.is_string(typ):
        return " ".join(str(value).split()) or None
    if pa.types.is_integer(typ):
        return int(value)
    if pa.types.is_floating(typ):
        return float(value)
    if pa.types.is_boolean(typ):
        return value if isinstance(value, bool) else str(value).strip().lower() in {"1", "true", "yes"}
    if pa.types.is_date(typ):
        return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value).strip())
    if name == "bbox":
        box = [float(v) for v in (value if isinstance(value, (list, tuple)) else _split_list(value))]
        if len(box) != 4:
            raise ValueError("bbox needs four numbers: x0, top, x1, bottom")
        return box
    if name == "boxes":
        return [dict(page=int(b["page"]), x0=float(b["x0"]), top=float(b["top"]), x1=float(b["x1"]),
                     bottom=float(b["bottom"])) for b in value]
    if name == "extra_fields":
        if isinstance(value, dict):
            return [dict(header=str(k), text=str(v)) for k, v in value.items()]
        return [dict(header=str(f["header"]), text=str(f["text"])) for f in value]
    if pa.types.is_list(typ):
        return _split_list(value)
    raise ValueError(f"column {name} cannot be set from an overrides file")


def _coerce_all(values: dict[str, Any], allowed: set[str]) -> dict[str, Any]:
    out = {}
    problems = []
    for name, value in values.items():
        if name not in allowed:
            if name in PROTECTED:
                problems.append(f"{name} is set by the pipeline and cannot be overridden")
            else:
                problems.append(f"unknown column {name!r}")
            continue
        try:
            out[name] = _coerce(name, value)
        except (ValueError, TypeError, KeyError) as exc:
            problems.append(f"{name}: {exc}")
    if problems:
        raise ValueError("; ".join(problems))
    return out


# ---------------------------------------------------------------- applying

def _retime(row: dict, changed: dict) -> None:
    """A corrected timeframe gives a new due date and recurrence, unless the reviewer
    set those too."""
    if "timeframe" in changed and not ({"due_date", "recurrence"} & set(changed)):
        from normalise.timeframe import parse_timeframe
        row["due_date"], row["recurrence"] = parse_timeframe(row["timeframe"], row["period_start"], row["period_end"])
        from normalise.timeframe import due_dates_of
        row["due_dates"] = due_dates_of(row["timeframe"] or "", row["period_start"], row["period_end"])


def _mark_reviewed(row: dict, ov: Override, changed: dict) -> None:
    row["reviewer"], row["reviewed_at"] = ov.reviewer, ov.reviewed_at
    if "pillars" in changed:
        row["pillars_source"] = "reviewer"
    if "talent" in changed:
        row["talent_source"] = "reviewer"
    if {"pillars", "talent"} & set(changed):
        row["label_source"] = "reviewer"


def _new_row_id(row: dict) -> str:
    from normalise.model import DocumentMeta
    from normalise.rows import row_id
    meta = DocumentMeta(row["institution"], row["plan_title"], row["period_start"], row["period_end"])
    # the extractor's own formula: if a later extraction finds the row, the ids collide and
    # the add entry is reported as no longer needed
    return row_id(row["document_id"], meta, row["parent_id"], row["action_id"], row["action_text"], 0)


def _doc_records(rows: list[dict], documents: pa.Table | None) -> dict[str, dict]:
    """source_file -> what an added row inherits from its document."""
    recs: dict[str, dict] = {}
    for r in rows:
        rec = recs.setdefault(r["source_file"], dict(
            document_id=r["document_id"], institution=r["institution"], plan_title=r["plan_title"],
            period_start=r["period_start"], period_end=r["period_end"], first_page=r["page_start"],
            last_page=r["page_end"], pipeline_version=r["pipeline_version"], model_version=r["model_version"],
            taxonomy_version=r["taxonomy_version"]))
        rec["first_page"] = min(rec["first_page"], r["page_start"])
        rec["last_page"] = max(rec["last_page"], r["page_end"])
    if documents is not None:
        for d in documents.to_pylist():
            if d["source_file"] in recs or d["status"] == "failed" or not d["page_count"]:
                continue
            recs[d["source_file"]] = dict(
                document_id=d["document_id"], institution=d["institution"], plan_title=d["plan_title"],
                period_start=d["period_start"], period_end=d["period_end"], first_page=1,
                last_page=d["page_count"], pipeline_version=d["pipeline_version"],
                model_version=d["model_version"], taxonomy_version=d["taxonomy_version"])
    return recs


def _added_row(ov: Override, docs: dict[str, dict]) -> dict:
    values = _coerce_all(ov.values, ADDABLE)
    source = values.pop("source_file", None)
    doc_id = values.pop("document_id", None)
    if not source and doc_id:
        source = next((s for s, d in docs.items() if d["document_id"] == doc_id), None)
    if not source:
        raise ValueError("an added row needs source_file (the PDF it belongs to)")
    doc = docs.get(source)
    if doc is None:
        raise ValueError(f"no readable document {source!r} in this run")
    if not values.get("action_text"):
        raise ValueError("an added row needs action_text")
    row = {f.name: None for f in ACTIONS}
    row.update(document_id=doc["document_id"], source_file=source, institution=doc["institution"],
               plan_title=doc["plan_title"], period_start=doc["period_start"], period_end=doc["period_end"],
               pillars_document=[], talent_document=[], other_tags=[], extra_fields=[], pillars=[],
               pillar_scores=[], talent=[], talent_scores=[], pillars_model=[], talent_model=[],
               boxes=[], row_warnings=[ADDED_WARNING], ocr=False, extractor=REVIEWER_EXTRACTOR,
               pipeline_version=doc["pipeline_version"], model_version=doc["model_version"],
               taxonomy_version=doc["taxonomy_version"])
    row.update(values)
    if row["page_start"] is None:
        row["page_start"] = row["page_end"] if row["page_end"] is not None else doc["first_page"]
    if row["page_end"] is None:
        row["page_end"] = row["page_start"] if "page_start" in values else max(doc["last_page"], row["page_start"])
    if row["page_end"] < row["page_start"]:
        raise ValueError(f"page_end {row['page_end']} is before page_start {row['page_start']}")
    if row["timeframe"] and "due_date" not in values and "recurrence" not in values:
        _retime(row, {"timeframe": True})
    row["pillars_source"] = "reviewer" if row["pillars"] else "none"
    row["talent_source"] = "reviewer" if row["talent"] else "none"
    row["label_source"] = "reviewer"
    row["reviewer"], row["reviewed_at"] = ov.reviewer, ov.reviewed_at
    row["row_id"] = _new_row_id(row)
    return row


def _row_problems(row: dict) -> str:
    """What the dataset's schema checks would reject in this one row ('' if nothing), so a
    bad entry is a note and never fails the whole dataset at write time."""
    from .schema import check_actions
    try:
        table = pa.Table.from_pylist([row], schema=ACTIONS)
    except (pa.ArrowException, ValueError, TypeError, OverflowError) as exc:
        return f"a value does not fit its column ({exc})"
    return "; ".join(check_actions(table))


def apply_overrides_list(actions: pa.Table, overrides: list[Override],
                         documents: pa.Table | None = None) -> tuple[pa.Table, list[str]]:
    """Pure: the actions with every applicable override applied, and notes on the rest."""
    if not overrides:
        return actions, []
    rows = actions.to_pylist()
    index = {r["row_id"]: i for i, r in enumerate(rows)}
    notes: list[str] = []
    dropped: set[int] = set()
    counts = {"edit": 0, "drop": 0, "add": 0}
    added: list[dict] = []
    docs: dict[str, dict] | None = None
    for ov in overrides:
        if ov.kind == INVALID:
            notes.append(f"{ov.who()}: {ov.note}; not applied")
            continue
        if ov.kind in ("edit", "drop"):
            if not ov.row_id:
                notes.append(f"{ov.who()}: {ov.kind} without a row_id; not applied")
                continue
            i = index.get(ov.row_id)
            if i is None:
                notes.append(f"{ov.who()}: row {ov.row_id} no longer exists (the plan or the extraction "
                             f"changed); {ov.kind} not applied")
                continue
            if i in dropped:
                notes.append(f"{ov.who()}: row {ov.row_id} was dropped by an earlier entry; {ov.kind} not applied")
                continue
            if ov.kind == "drop":
                dropped.add(i)
                counts["drop"] += 1
                continue
            try:
                changed = _coerce_all(ov.values, set(EDITABLE))
            except ValueError as exc:
                notes.append(f"{ov.who()}: row {ov.row_id}: {exc}; not applied")
                continue
            if not changed:
                notes.append(f"{ov.who()}: row {ov.row_id}: nothing to change")
                continue
            row = dict(rows[i])
            row.update(changed)
            if not (row["action_text"] or "").strip():
                notes.append(f"{ov.who()}: row {ov.row_id}: action_text cannot be empty (drop the row "
                             f"instead); not applied")
                continue
            if row["page_start"] is None or row["page_end"] is None or row["page_end"] < row["page_start"]:
                notes.append(f"{ov.who()}: row {ov.row_id}: invalid pages; not applied")
                continue
            try:
                _retime(row, changed)
            except (ValueError, TypeError) as exc:
                notes.append(f"{ov.who()}: row {ov.row_id}: timeframe: {exc}; not applied")
                continue
            _mark_reviewed(row, ov, changed)
            problems = _row_problems(row)
            if problems:
                notes.append(f"{ov.who()}: row {ov.row_id}: {problems}; not applied")
                continue
            rows[i] = row
            counts["edit"] += 1
        else:
            if docs is None:
                docs = _doc_records(rows, documents)
            try:
                row = _added_row(ov, docs)
            except (ValueError, TypeError, KeyError) as exc:
                notes.append(f"{ov.who()}: cannot add the row: {exc}")
                continue
            problems = _row_problems(row)
            if problems:
                notes.append(f"{ov.who()}: cannot add the row: {problems}")
                continue
            if row["row_id"] in index or any(a["row_id"] == row["row_id"] for a in added):
                notes.append(f"{ov.who()}: the added row is already in the dataset as {row['row_id']} "
                             f"(the extractor now finds it); remove the entry or edit that row")
                continue
            added.append(row)
            counts["add"] += 1
    kept = [r for i, r in enumerate(rows) if i not in dropped]
    # Added rows go after the last row of their document, in file order, so the dataset
    # stays grouped by document and re-runs give the same order.
    for row in added:
        last = max((i for i, r in enumerate(kept) if r["source_file"] == row["source_file"]), default=None)
        if last is None:
            later = [i for i, r in enumerate(kept) if r["source_file"] > row["source_file"]]
            kept.insert(later[0] if later else len(kept), row)
        else:
            kept.insert(last + 1, row)
    summary = ", ".join(f"{n} {k}{'s' if n != 1 else ''}" for k, n in (("edit", counts["edit"]),
                        ("drop", counts["drop"]), ("add", counts["add"])))
    notes.insert(0, f"applied {summary}; {len(notes)} not applied")
    table = pa.Table.from_pylist(kept, schema=ACTIONS) if kept else ACTIONS.empty_table()
    return table, notes


def apply_overrides(actions: pa.Table, path: Path | None,
                    documents: pa.Table | None = None) -> tuple[pa.Table, list[str]]:
    """Apply the overrides file at `path` (YAML or CSV) to the assembled actions.

    Returns the corrected table and notes for the run summary: one line of counts, then
    one line per entry that could not be applied (its row no longer exists, an invalid
    value ...). `documents`, when given, lets a reviewer add rows to a document from which
    nothing was extracted."""
    if path is None:
        return actions, []
    overrides = read_overrides(Path(path))
    table, notes = apply_overrides_list(actions, overrides, documents)
    if notes:
        notes[0] = f"{path}: {notes[0]}"
    return table, notes
