"""Extracted tables to canonical actions: header roles, sections, sub-actions, tags.

Chain: document_to_actions -> table_to_actions -> row_to_actions.
"""
from __future__ import annotations

import dataclasses
import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Sequence

from extract.strategies.blocks import INLINE_LABEL, make_cell, wording
from extract.strategies.lists import _split_line
from extract.model import (EMPTY_CELL, Cell, ExtractedDocument, ExtractedTable, Part, RowKind, Structure, TableRow,
                           TextLine)
from extract.text import label_key

from extract.config import ExtractConfig, load_config
from extract.vocabulary import MODELS_DIR, label_phrase, read_yaml
from extract.issues import Issue, IssueCode, Severity, note, warning

from .charters import other_charter_sections
from .dedupe import duplicates_merged
from .headers import UNKNOWN, HeaderMap
from .meta import document_meta
from .model import Action, DocumentMeta, NormalisedDocument, Provenance
from .fields import cell_records_to_rows, label_column_records
from .matrix import matrix_to_rows
from .parents import parents_to_aims
from .spill import spilled_columns_joined
from .sheets import SheetTitles, sheet_titles_to_sections, title_without_sheet_name
from .rag import rag_from_cell
from .responsibility import RESPONSIBILITY, matrix_field, owner_from_matrix
from .roles import (PILLAR_TICKS, SECTION, TITLE_FIELD, ColumnRole, TableRoles, document_roles, header_reads_as_data, is_key,
                    load_vocabulary, table_roles)
from .timeframe import parse_timeframe
from .subactions import normalise_action_id, parent_of_dotted, repair_ocr_id, split_aim_id, split_items
from .tags import is_tick, load_rules, parse_other_tags, parse_pillars, parse_talent, pillar_named_by, strip_tags

AIM_LEVEL = ("ref", "aim", "success_measures", "timeframe", "owner", "resources", "pillar_tags",
             "description", "supporting_actions")
TEXT_ROLES = ("aim", "action_text", "description", "supporting_actions", "success_measures", "timeframe",
              "owner", "resources", "progress", "comments")


def _norm_ws(text: str | None) -> str | None:
    if text is None:
        return None
    text = " ".join(text.split())
    return text or None


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def row_id(document_id: str, meta: DocumentMeta, parent_id: str | None, action_id: str | None, text: str,
           occurrence: int) -> str:
    """Derived from content only: the document's content hash (document_id) and the row's
    own content and occurrence in it, never from the file's name or the folder it was given
    from, so a plan moved or renamed keeps its ids (and its reviewer overrides), and two
    different files never share one."""
    basis = "|".join([document_id, meta.institution or "", str(meta.period_start or ""), str(meta.period_end or ""),
                      parent_id or "", action_id or "", _key(text), str(occurrence)])
    return hashlib.sha256(basis.encode()).hexdigest()[:16]


@dataclass
class _RowValues:
    cells: dict[str, list[Cell]]
    extra: list[tuple[str, str]]
    ticked: list[str] = field(default_factory=list)   # headers of the pillar tick columns the row ticks
    marks: list[tuple[str, str]] = field(default_factory=list)   # (role header, letters) of a responsibility matrix

    def text(self, role: str) -> str | None:
        parts = [c.text for c in self.cells.get(role, []) if c.text]
        return _norm_ws(" ".join(parts)) if parts else None

    def own_text(self, role: str) -> str | None:
        """The row's own text in the role, not a value merged down from a row above."""
        parts = [c.text for c in self.cells.get(role, []) if c.text and not c.spanned]
        return _norm_ws(" ".join(parts)) if parts else None


def _values(row: TableRow, hmap: HeaderMap, headers: Sequence[str]) -> _RowValues:
    cells: dict[str, list[Cell]] = {}
    extra: list[tuple[str, str]] = []
    ticked: list[str] = []
    marks: list[tuple[str, str]] = []
    for cell, role, head in zip(row.cells, hmap.roles, headers):
        if role == PILLAR_TICKS:
            if is_tick(cell.text):
                ticked.append(pillar_named_by(head) or head)    # "Vis" read as its pillar's code
            continue
        if role == RESPONSIBILITY:
            if cell.text:
                marks.append((" ".join(head.split()), " ".join(cell.text.split())))
            continue
        if role == UNKNOWN:
            if cell.text:
                extra.append((head.strip() or "column", cell.text))
            continue
        cells.setdefault(role, []).append(cell)
    matrix = matrix_field(marks)
    return _RowValues(cells, extra + ([matrix] if matrix else []), ticked, marks)


def _provenance(doc: ExtractedDocument, table: ExtractedTable, row_index: int, lines: Sequence[TextLine],
                row: TableRow) -> Provenance:
    boxes: dict[int, tuple[float, float, float, float]] = {}
    for l in lines:
        b = l.bbox
        if l.page in boxes:
            x0, t, x1, bt = boxes[l.page]
            boxes[l.page] = (min(x0, b.x0), min(t, b.top), max(x1, b.x1), max(bt, b.bottom))
        else:
            boxes[l.page] = (b.x0, b.top, b.x1, b.bottom)
    if not boxes:  # fall back to the row's cell fragments
        for c in row.cells:
            for f in c.fragments:
                boxes.setdefault(f.page, f.bbox.rounded(2))
    pages = sorted(boxes)
    rounded = tuple((p, *(round(v, 1) for v in boxes[p])) for p in pages)
    return Provenance(doc.document_id, doc.source_file, pages[0], pages[-1], tuple(round(v, 1) for v in boxes[pages[0]]),
                      rounded, table.index, row_index, f"{table.strategy}; {doc.extractor_version}", table.quality)


def _keyed_rows(table: ExtractedTable, ocr: bool, min_rows: int = 3) -> bool:
    """Rows that open with action ids ("V1", "S2.1") in most of at least `min_rows` rows:
    an action table whatever its headers say, so failing to map it is a loss, not a skip."""
    firsts = [next((c.text for c in r.cells if c.text), "") for r in table.rows if r.kind is RowKind.BODY]
    firsts = [f for f in firsts if f.strip()]
    return len(firsts) >= min_rows and _key_share(firsts, ocr) >= 0.5


def _key_share(texts: Sequence[str], ocr: bool) -> float:
    """Share of non-empty texts that open with a row key ("V1", "S2.1", "Action 3")."""
    return sum(is_key(t.strip(), ocr) for t in texts) / len(texts)


def _summary_of_others(table: ExtractedTable, hmap: HeaderMap, other_texts: set[str]) -> bool:
    """An overview listing actions detailed elsewhere in the document (No. | Action)."""
    if not set(hmap.roles) <= {"ref", "action_text", "aim", UNKNOWN} or not other_texts:
        return False
    idx = [i for i, r in enumerate(hmap.roles) if r in ("action_text", "aim")]
    texts = [_key(r.cells[i].text) for r in table.rows if r.kind is RowKind.BODY for i in idx if r.cells[i].text]
    return bool(texts) and sum(t in other_texts for t in texts) / len(texts) >= 0.8


def _hmap(tr: TableRoles) -> HeaderMap:
    named = [c for c in tr.columns if c.header]
    score = sum(c.role != UNKNOWN for c in named) / len(named) if named else 0.0
    return HeaderMap(tr.roles, tr.unknown, round(score, 3), tuple(c.header for c in tr.columns))


def document_to_actions(doc: ExtractedDocument) -> NormalisedDocument:
    meta, warnings = document_meta(doc.front_text, doc.source_file, doc.title_block, doc.running_headers,
                                   doc.properties)
    mapped: list[tuple[ExtractedTable, HeaderMap]] = []
    notes: list[Issue] = []
    skipped: list[Issue] = []
    unknown: list[str] = []
    roles_found: list[ColumnRole] = []
    prev: tuple[str, ...] | None = None
    tables = []
    sheets: list[SheetTitles] = []
    # small tables whose first column repeats the same labels: a record (one action) each
    records, said = label_column_records(doc.tables, _extract_config())
    if said:
        notes.append(note(IssueCode.FIELDS_IN_CELLS, said, "interpret"))
    for table in records:      # cells holding an action and its labelled fields: a row each, a column per label
        table, found = sheet_titles_to_sections(table)    # a sheet per pillar: its name is the section
        if found is not None:
            sheets.append(found)
        table, said = cell_records_to_rows(table, _extract_config())
        if said:
            notes.append(note(IssueCode.FIELDS_IN_CELLS, said, "interpret"))
        table, said = run_on_fields(table, _extract_config())
        if said:
            notes.append(note(IssueCode.FIELDS_IN_CELLS, said, "interpret"))
        data = header_reads_as_data(table, doc.ocr)
        if data:     # its "header" is its first row: kept as a row, the columns read from their content
            table = replace(table, header=(), rows=tuple(replace(r, kind=RowKind.BODY) if r.kind is RowKind.HEADER
                                                         else r for r in table.rows))
            notes.append(note(IssueCode.ROLES_FROM_CONTENT, f"table {table.index} (pages {_pages(table)}): its header "
                              f"row reads as data ({'; '.join(data)}), kept as a row; column roles read from the "
                              f"content", "interpret"))
        table, said = matrix_to_rows(table)      # pillars by years: each cell's items, carrying both
        tables.append(table)
        if said:
            notes.append(note(IssueCode.MATRIX_READ, said, "interpret"))
    if sheets:   # the plan's title is what the sheets' title rows share, not the first sheet's
        meta = replace(meta, plan_title=title_without_sheet_name(meta.plan_title, sheets))
    shared = document_roles(tables, doc.ocr)   # tables under one header: roles from their pooled content
    # a wide sheet's right-hand columns printed on pages of their own: joined back onto their rows
    tables, said = spilled_columns_joined(
        tables, lambda t: (shared.get(t.index) or table_roles(t, ocr=doc.ocr)).is_action_table, doc.ocr)
    if said:
        notes.extend(i for i in said if i.severity is not Severity.WARNING)
        warnings.extend(i for i in said if i.severity is Severity.WARNING)
        shared = document_roles(tables, doc.ocr)
    for table in tables:
        ncol = len(table.rows[0].cells) if table.rows else 0
        if table.header:
            tr = shared.get(table.index) or table_roles(table, ocr=doc.ocr)
        elif prev is not None and len(prev) == ncol:
            tr = table_roles(table, prev, doc.ocr)  # a continuation printed without its header row
            notes.append(note(IssueCode.HEADER_FROM_PREVIOUS, f"table {table.index} has no header row; columns taken "
                                                            f"from the table before", "interpret"))
        else:
            tr = table_roles(table, ocr=doc.ocr)
            if tr.is_action_table:
                notes.append(note(IssueCode.ROLES_FROM_CONTENT, f"table {table.index} (pages {_pages(table)}) has no "
                                  f"header row; column roles read from the content", "interpret"))
        roles_found.extend(tr.columns)
        hmap = _hmap(tr)
        if not tr.is_action_table:
            heads = " | ".join(table.header) if table.header else "no header row"
            if _keyed_rows(table, doc.ocr):
                skipped.append(warning(IssueCode.TABLE_UNREADABLE,
                                       f"table {table.index} (pages {_pages(table)}): could not be read: its rows carry "
                                       f"action ids but no column holds the actions (headers: {heads})", "interpret"))
            elif not table.header:
                skipped.append(note(IssueCode.TABLE_NOT_ACTIONS, f"table {table.index} (pages {_pages(table)}): no "
                                    f"header row and no column of actions, not read as actions", "interpret"))
            else:
                skipped.append(note(IssueCode.TABLE_NOT_ACTIONS, f"table {table.index} (pages {_pages(table)}): not an "
                                    f"action table (headers: {heads})", "interpret"))
            continue
        mapped.append((table, hmap))
        prev = tuple(table.header) or tuple(c.header for c in tr.columns)
        unknown.extend(h for h in hmap.unknown if h not in unknown)
        notes.extend(table.notes)
    # Overview tables that only repeat actions detailed elsewhere are skipped, not doubled.
    kept: list[tuple[ExtractedTable, HeaderMap]] = []
    for table, hmap in mapped:
        others = {_key(c.text) for t, h in mapped if t is not table for r in t.rows if r.kind is RowKind.BODY
                  for c, role in zip(r.cells, h.roles) if role in ("action_text", "aim") and c.text}
        if _summary_of_others(table, hmap, others):
            skipped.append(note(IssueCode.TABLE_SUMMARY, f"table {table.index} (pages {_pages(table)}): summary of "
                                                         f"actions detailed elsewhere", "interpret"))
            continue
        kept.append((table, hmap))
    actions: list[Action] = []
    seen: dict[str, int] = {}
    prefixes = _key_prefixes(kept) if doc.ocr else frozenset()
    for table, hmap in kept:
        actions.extend(table_to_actions(doc, meta, table, hmap, seen, prefixes))
    # a combined plan: the rows of other charters' parallel sections are not the Commitment's
    styles = {_norm_ws(r.cells[0].text): (r.cells[0].lines[0].size, r.cells[0].lines[0].bold) for t, _ in kept
              for r in t.rows if r.kind is RowKind.SECTION and r.level == 0 and r.cells[0].lines}
    actions, said = other_charter_sections(actions, {t.index: tuple(t.header) for t, _ in kept}, styles,
                                           meta.plan_title)
    if said:
        warnings.append(said)
    actions, merged_notes = duplicates_merged(actions)
    notes.extend(note(IssueCode.DUPLICATES_MERGED, n, "interpret") for n in merged_notes)
    actions, n_parents = parents_to_aims(actions)
    if n_parents:
        notes.append(note(IssueCode.PARENTS_AS_AIMS, f"{n_parents} parent row(s) with sub-actions and no fields of "
                                                     f"their own read as their sub-actions' aim", "interpret"))
    if unknown:
        warnings.append(warning(IssueCode.UNKNOWN_HEADERS, f"unknown column headers kept as extra fields: "
                                                           f"{', '.join(unknown)}", "interpret"))
    if tables and not actions:
        warnings.append(warning(IssueCode.TABLES_NOT_READ, "tables found but none read as action tables", "interpret"))
    return NormalisedDocument(meta, tuple(actions), tuple(warnings), tuple(notes), tuple(unknown), tuple(skipped),
                              tuple(roles_found))


def _field_lines(cell: Cell, gap: float) -> tuple[list[TextLine], list[TextLine]]:
    """(a labelled field's own lines, the lines after them that are not its): a line set
    left of where the field's first line starts, a paragraph gap (`gap` x its size) below the
    line above, is no wrap of the field (a wrap starts under the label or the
    value, with no gap) but text after the block (a closing "Approved by ..." line under the
    last one)."""
    lines = list(cell.lines)
    for k in range(1, len(lines)):
        prev, line = lines[k - 1], lines[k]
        if line.page == lines[0].page == prev.page and line.bbox.x0 < lines[0].bbox.x0 - 4 \
                and line.bbox.top - prev.bbox.bottom > gap * max(prev.size, 1.0):
            return lines[:k], lines[k:]
    return lines, []


def _further_label(m: re.Match, lines: Sequence[TextLine], i: int) -> bool:
    """An inline label (INLINE_LABEL) further along a field: after a sentence's end on its line,
    or opening a line after one that ended a sentence; otherwise the value goes on ("Action
    owner: TC Lead" / "Supported by: ..." is one value, as the list strategy reads it)."""
    if m.start() > 0:
        return True
    return i > 0 and lines[i - 1].text.rstrip().endswith((".", ";", "!", "?", ")"))


def run_on_fields(table: ExtractedTable, config: ExtractConfig) -> tuple[ExtractedTable, str | None]:
    """Blocks and list items whose labelled field runs on into further labels ("Lead: Director
    of Operations. Timescale: 2025-2026."): a capitalised phrase and a colon after a sentence's
    end (_further_label), recurring in that field across
    the table's rows (label_min_repeats), opens a field of its own, a column named by the label
    as printed. Lines under a field that are not its (_field_lines) are dropped from it, and
    said. Returns the table and a note, or None where nothing changed."""
    if table.structure is Structure.GRID or not table.rows:
        return table, None
    ncol = len(table.rows[0].cells)
    body = [r for r in table.rows if r.kind is RowKind.BODY and len(r.cells) == ncol]
    max_words, min_repeats = config.blocks.label_max_words, config.blocks.label_min_repeats
    gap = config.blocks.paragraph_gap
    known = {label_key(h) for h in table.header if h}
    # per labelled column, the further labels its cells hold
    found: dict[int, Counter] = {}
    for j in range(ncol):
        if table.part(j) is not Part.LABELLED:
            continue
        counts: Counter = Counter()
        for r in body:
            own, _ = _field_lines(r.cells[j], gap)
            keys = {label_key(m.group("label")) for i, l in enumerate(own) for m in INLINE_LABEL.finditer(l.text)
                    if _further_label(m, own, i) and len(m.group("label").split()) <= max_words}
            counts.update(keys)
        found[j] = Counter({k: n for k, n in counts.items() if n >= min_repeats and k not in known})
    strays = sum(bool(_field_lines(r.cells[j], gap)[1]) for r in body for j in found)
    new: list[str] = []            # the new columns' labels, as first printed
    for j, counts in found.items():
        for r in body:
            own, _ = _field_lines(r.cells[j], gap)
            for i, l in enumerate(own):
                for m in INLINE_LABEL.finditer(l.text):
                    lab = " ".join(m.group("label").split())
                    if _further_label(m, own, i) and label_key(lab) in counts \
                            and label_key(lab) not in map(label_key, new):
                        new.append(lab)
    if not new and not strays:
        return table, None
    slot = {label_key(lab): ncol + i for i, lab in enumerate(new)}
    rows: list[TableRow] = []
    for r in table.rows:
        if r.kind is not RowKind.BODY or len(r.cells) != ncol:
            rows.append(dataclasses.replace(r, cells=r.cells + (EMPTY_CELL,) * len(new)))
            continue
        cells: list[list[TextLine]] = [list(c.lines) for c in r.cells] + [[] for _ in new]
        for j in found:
            own, _ = _field_lines(r.cells[j], gap)
            cells[j] = []
            current = j
            for i, l in enumerate(own):
                cuts = [(m.start("label"), m.end(), m.group("label")) for m in INLINE_LABEL.finditer(l.text)
                        if _further_label(m, own, i) and label_key(m.group("label")) in slot]
                for lab, piece in _split_line(l, cuts) if cuts else [(None, l)]:
                    if lab is not None:
                        current = slot[label_key(lab)]
                    if piece is not None:
                        cells[current].append(piece)
        for k in range(ncol, len(cells)):
            last = cells[k][-1] if cells[k] else None
            joined = " ".join(l.text for l in cells[k])
            if last is not None and joined.endswith(".") and not re.search(r"[.;!?]\s", joined):
                # one sentence's full stop, the line's end: not part of the value ("2025-2026.")
                cells[k][-1] = TextLine(last.text[:-1].rstrip(), last.page, last.bbox, last.size, last.bold)
        out = tuple(c if k < ncol and list(c.lines) == cells[k] else (make_cell(cells[k]) if cells[k] else EMPTY_CELL)
                    for k, c in enumerate(r.cells + (EMPTY_CELL,) * len(new)))
        rows.append(dataclasses.replace(r, cells=out))
    said = []
    if new:
        said.append(f"table {table.index}: a field's line runs on into further labels ({', '.join(new)}), "
                    f"read as fields of their own")
    if strays:
        said.append(f"table {table.index}: {strays} line(s) set left of the field above them, after its end, "
                    f"not read as part of it")
    header = tuple(table.header) if table.header else ("",) * ncol
    parts = tuple(table.part(k) for k in range(ncol)) + (Part.LABELLED,) * len(new)
    return dataclasses.replace(table, header=header + tuple(new), rows=tuple(rows), parts=parts), "; ".join(said)


@lru_cache(maxsize=1)
def _extract_config() -> ExtractConfig:
    return load_config()


def heading_aim(heading: str | None, plan_title: str | None = None) -> str | None:
    """The aim a heading states for the blocks or list items under it ("Objective 2: To
    have a formal mechanism ..." -> "To have a formal mechanism ..."), or None when the
    heading is not one: a pillar's heading ("Pillar 1: Visibility", "Career Development -
    ..."; the rows' pillar, not their aim), a period ("Year 1 (2020/21)", "2022-23"), the
    document's own title, or a short title that states nothing ("Telling our story"). An aim
    is worded as one (an imperative, "To ...", future wording: grammar, no heading word is
    known) or is sentence-long. The heading's own enumerator ("Objective 2:", "3.",
    "Goal 1 –") is not part of the aim."""
    text = _norm_ws(heading)
    if not text:
        return None
    config = _extract_config()
    m = re.match(config.blocks.id_heading, text)
    rest = _norm_ws(m.group("rest")) if m and m.group("rest") else None
    body = rest or text
    low = body.lower()
    if any(re.match(rf"{re.escape(name)}(?![a-z])", low) for name, _ in load_rules().name_to_code):
        return None
    dates = load_vocabulary().timeframe_re
    if dates.search(text) and len(re.findall(r"[A-Za-z]{2,}", dates.sub(" ", text))) <= 3:
        return None
    if plan_title and _key(plan_title) and (_key(text) in _key(plan_title) or _key(plan_title) in _key(text)):
        return None
    w = wording(body, config)
    if not (w.imperative or w.future) and len(re.findall(r"[A-Za-z]{2,}", body)) < config.blocks.aim_heading_min_words:
        return None         # a short title names a section ("Telling our story"), it states no aim
    return body


def _same_aim(vals: "_RowValues", anchor: "_RowValues") -> bool:
    """The row prints again the aim of the anchor above it (an aim repeated on each of its
    actions' rows, not merged down): it continues that aim as an empty aim cell does."""
    own = vals.own_text("aim")
    return bool(own) and _key(strip_tags(own) or "") == _key(strip_tags(anchor.text("aim") or "") or "")


def _siblings(ref: str | None, anchor_ref: str | None, anchor_has_aim: bool) -> bool:
    """Two dotted ids under one parent ("V1.2" and "V1.1"), in a table whose aim column the
    anchor row filled: the aim is printed once for the group."""
    if not (ref and anchor_ref and anchor_has_aim):
        return False
    a, b = parent_of_dotted(ref.split()[0].rstrip(".:)–-")), parent_of_dotted(anchor_ref.split()[0].rstrip(".:)–-"))
    return a is not None and a == b


def _talent_column(text: str | None) -> tuple[str, ...]:
    """A column of its own for TALENT recommendations: "R2, R5", "2 and 9"."""
    if not text:
        return ()
    return tuple(dict.fromkeys(f"R{int(n)}" for n in re.findall(r"(?<![A-Za-z0-9])R?\s*(\d{1,2})(?!\d)", text)
                               if 1 <= int(n) <= 16))


def _pages(table: ExtractedTable) -> str:
    return f"{table.pages[0]}-{table.pages[-1]}" if len(table.pages) > 1 else str(table.pages[0])


@lru_cache(maxsize=1)
def _scores() -> dict:
    """The thresholds of models/header_aliases.yaml (`scores`), read once for this module."""
    return read_yaml(MODELS_DIR / "header_aliases.yaml")["scores"]


def _paired_shares() -> tuple[float, float]:
    raw = _scores()
    return float(raw.get("paired_owner_share", 0.8)), float(raw.get("paired_timeframe_share", 0.6))


@lru_cache(maxsize=1)
def _pair_separator() -> re.Pattern[str]:
    """What parts an owner from its timeframe in one cell ("HR; annually", "HR · each May")."""
    seps = _scores().get("paired_separators", [";"])
    return re.compile("|".join(re.escape(x) for x in seps))


def _pair(text: str) -> list[str]:
    return _pair_separator().split(text)


def _reads_as_timeframe(text: str) -> bool:
    due, rec = parse_timeframe(text)
    return due is not None or rec is not None or bool(load_vocabulary().timeframe_re.search(text))


def owner_timeframe_pairs(owners: Sequence[str | None]) -> bool:
    """An owner column printed with its timeframe in each cell, after a separator ("HR;
    annually", "Deans · each July"; paired_separators): most filled cells hold exactly two parts, most second
    parts read as a timeframe and few first parts do. Decided over the whole column, so a
    timeframe that no pattern knows ("every issue") is split like its neighbours."""
    filled = [o for o in owners if o]
    if len(filled) < 2:
        return False
    owner_share, tf_share = _paired_shares()
    pairs = [_pair(o) for o in filled]
    two = [p for p in pairs if len(p) == 2 and all(x.strip() for x in p)]
    if len(two) < owner_share * len(filled):
        return False
    second = sum(_reads_as_timeframe(b) for _, b in two) / len(two)
    first = sum(_reads_as_timeframe(a) for a, _ in two) / len(two)
    return second >= tf_share and first <= 1 - tf_share


def split_owner_timeframe(action: Action) -> Action:
    parts = _pair(action.owner) if action.owner and not action.timeframe else []
    if len(parts) != 2:
        return action
    owner, when = (x.strip() for x in parts)
    if not owner or not when:
        return action
    return dataclasses.replace(action, owner=owner, timeframe=when)


def _bracket_lead_settings() -> tuple[float, int]:
    raw = _scores()
    return float(raw.get("bracket_owner_share", 0.5)), int(raw.get("bracket_owner_max_words", 5))


# a bracketed phrase closing the text ("... website (Marketing)"), a full stop after it or none
_TRAILING_BRACKET = re.compile(r"\s*\((?P<lead>[^()]+)\)\s*\.?\s*$")
# the bracket's own label, "(Lead: HR)": its value is the office
_BRACKET_LABEL = re.compile(r"^" + label_phrase() + r"\s*:\s*")


def _bracket_value(lead: str) -> str:
    lead = " ".join(lead.split())
    m = _BRACKET_LABEL.match(lead)
    return lead[m.end():] if m and m.end() < len(lead) else lead


def _bracketed_lead(text: str | None, max_words: int) -> re.Match | None:
    """The bracket closing the text when it reads like the name of an office or a team: a
    capitalised phrase of a few words (at most `max_words`) with no digit ("(HR)", "(OD
    Team)", "(Director of Operations)"; not "(2 FTE)", "(see above)", "(e.g. ...)")."""
    m = _TRAILING_BRACKET.search(text or "")
    if not m or m.start() == 0:
        return None
    lead = _bracket_value(m.group("lead"))
    if not lead[:1].isupper() or re.search(r"\d", lead) or len(lead.split()) > max_words:
        return None
    return m


def bracketed_leads(actions: Sequence[Action]) -> list[Action]:
    """Actions whose text names its lead in a closing bracket ("Launch a page on the website
    (Marketing)"), with the bracket as the owner, when the plan does so on most of its actions
    that have no owner (a repeated shape: scores.bracket_owner_share of them, two at least);
    otherwise the actions as they are. A bracket that does not read like an office is left
    in its text."""
    share, max_words = _bracket_lead_settings()
    open_ = [a for a in actions if not a.owner]
    found = {id(a): m for a in open_ if (m := _bracketed_lead(a.action_text, max_words))}
    if len(found) < max(2, share * len(open_)):
        return list(actions)
    return [dataclasses.replace(a, action_text=a.action_text[:found[id(a)].start()].rstrip(" ,;–-"),
                                owner=_bracket_value(found[id(a)].group("lead")))
            if id(a) in found else a for a in actions]


def table_to_actions(doc: ExtractedDocument, meta: DocumentMeta, table: ExtractedTable, hmap: HeaderMap,
                     seen: dict[str, int], key_prefixes: frozenset[str] = frozenset()) -> list[Action]:
    out = _table_to_actions(doc, meta, table, hmap, seen, key_prefixes)
    if "owner" not in hmap.roles:
        out = bracketed_leads(out)
    if "timeframe" not in hmap.roles and owner_timeframe_pairs([a.owner for a in out]):
        out = [split_owner_timeframe(a) for a in out]
    elif not {"timeframe", "owner"} & set(hmap.roles) and owner_timeframe_pairs([a.description for a in out]):
        # an unlabelled detail line under each item ("Research Office · each May"): who and when
        out = [split_owner_timeframe(dataclasses.replace(a, owner=a.description, description=None))
               if a.description else a for a in out]
    return out


def _table_to_actions(doc: ExtractedDocument, meta: DocumentMeta, table: ExtractedTable, hmap: HeaderMap,
                      seen: dict[str, int], key_prefixes: frozenset[str] = frozenset()) -> list[Action]:
    out: list[Action] = []
    section: str | None = None
    aim_heading: str | None = None     # the aim a section heading states, for blocks and list items
    anchor: _RowValues | None = None
    has_action_col = "action_text" in hmap.roles
    # a table printed without its header row: its columns are named by the roles found
    headers = table.header if len(table.header) == len(hmap.roles) else \
        tuple(h or (r if r != UNKNOWN else "") for h, r in zip(hmap.headers or ("",) * len(hmap.roles), hmap.roles))
    headers = tuple(TITLE_FIELD if not h.strip() and table.part(i) is Part.TITLE else h for i, h in enumerate(headers))
    for ri, row in enumerate(table.rows):
        if row.kind is RowKind.HEADER:
            section = aim_heading = None   # rows above the header are the table's title, not a section
            continue
        if row.kind is RowKind.SECTION and row.level > 0:
            # a heading under the section's (an objective under its pillar): the items' aim
            aim_heading = heading_aim(_norm_ws(row.cells[0].text), meta.plan_title) \
                or _norm_ws(row.cells[0].text)
            continue
        if row.kind is RowKind.SECTION:
            section = _norm_ws(row.cells[0].text)
            # a heading over blocks or list items (an objective over its activities) is their aim
            aim_heading = heading_aim(section, meta.plan_title) if table.structure is not Structure.GRID else None
            continue
        if table.structure is Structure.GRID and has_action_col and _group_row(table, ri, hmap):
            # "Priority 1 – Visibility" alone in the first cell of a row left empty: a heading
            section = _norm_ws(row.cells[0].text)
            aim_heading = None
            continue
        vals = _values(row, hmap, headers)
        if not any(c.text for cs in vals.cells.values() for c in cs):
            continue
        # A row whose aim/ref cells are empty (or merged down from above) continues the aim above.
        # So does one with no aim of its own whose id is a sibling of the anchor's (V1.2 under V1.1).
        # Only in a grid: a block or list item is complete in itself (a field it lacks is not
        # printed once for several of them), so it inherits nothing from the one above.
        if table.structure is not Structure.GRID:
            pass
        elif anchor is not None and (not vals.own_text("aim") or _same_aim(vals, anchor)) and (
                not vals.own_text("ref") or _siblings(vals.own_text("ref"), anchor.own_text("ref"),
                                                      "aim" in hmap.roles and bool(anchor.text("aim")))):
            for role in AIM_LEVEL:
                if not vals.text(role) and role in anchor.cells:
                    vals.cells[role] = anchor.cells[role]
        else:
            anchor = vals
        # a card's list heading that is no status (a board's list "Visibility"): its section
        out.extend(row_to_actions(doc, meta, table, ri, row, vals, vals.text(SECTION) or section, has_action_col,
                                  seen, aim_heading, key_prefixes))
    return out


def _key_prefixes(tables: Sequence[tuple[ExtractedTable, HeaderMap]]) -> frozenset[str]:
    """The letters an OCR'd document's keys open with, from keys read as capitals then digits
    ("TC9", "TC10"), each seen twice at least, less any that is another plus letters OCR reads
    for digits ("TCO" from "TCO1", beside "TC"): what the misread keys should open with."""
    seen: Counter = Counter()
    for table, hmap in tables:
        if "ref" not in hmap.roles:
            continue
        k = hmap.roles.index("ref")
        for row in table.rows:
            text = row.cells[k].text if row.kind is RowKind.BODY and k < len(row.cells) else ""
            m = re.fullmatch(r"([A-Z]{1,3})\d{1,3}", text.split()[0]) if text.split() else None
            if m:
                seen[m.group(1)] += 1
    found = {p for p, n in seen.items() if n >= 2}
    return frozenset(p for p in found
                     if not any(p != q and p.startswith(q) and re.fullmatch(r"[OIlS]+", p[len(q):]) for q in found))


def marked_list(lines: Sequence[TextLine]) -> list:
    """The items of lines that are wholly a marked list ("(a) ...", "(b) ...": two or more
    items, every one opened by a letter, roman or number marker of one kind, in sequence from
    the first), else []."""
    items = split_items(lines) if lines else []
    if len(items) < 2 or any(it.marker is None or it.kind not in ("letter", "roman", "number") for it in items):
        return []
    if items[0].marker not in ("a", "i", "1") or len({it.kind for it in items}) > 1:
        return []
    return items


def _group_row(table: ExtractedTable, ri: int, hmap: HeaderMap) -> bool:
    """A grid row whose only words are in its first cell, a heading's (bold, or a few words with
    no sentence's end), over rows that fill that column themselves: a group heading printed in
    a row whose other cells are left empty (the row's merge undone by the table's rules), not an
    aim with no action (whose rows below inherit it) nor an action (the first column is not the
    actions')."""
    row = table.rows[ri]
    first = row.cells[0] if row.cells else None
    if first is None or first.empty or first.spanned or any(not c.empty for c in row.cells[1:]):
        return False
    if not hmap.roles or hmap.roles[0] == "action_text":
        return False
    nxt = next((r for r in table.rows[ri + 1:] if r.kind is RowKind.BODY), None)
    if nxt is None or not nxt.cells or nxt.cells[0].empty or nxt.cells[0].spanned:
        return False
    text = _norm_ws(first.text) or ""
    bold = sum(l.bold for l in first.lines) * 2 > len(first.lines)
    return bold or (len(text.split()) <= _group_row_max_words() and not text.rstrip().endswith((".", "!", "?")))


def _group_row_max_words() -> int:
    return int(_scores().get("group_row_max_words", 6))


def row_to_actions(doc: ExtractedDocument, meta: DocumentMeta, table: ExtractedTable, ri: int, row: TableRow,
                   vals: _RowValues, section: str | None, has_action_col: bool, seen: dict[str, int],
                   aim_heading: str | None = None, key_prefixes: frozenset[str] = frozenset()) -> list[Action]:
    ref_text = vals.text("ref")
    aim_raw = vals.text("aim")
    aim_id, aim_text = split_aim_id(strip_tags(aim_raw))
    ref_id = None
    if ref_text and doc.ocr:
        ref_text = repair_ocr_id(ref_text.split()[0], prefixes=key_prefixes) + ref_text[len(ref_text.split()[0]):]
    if ref_text:
        ref_id = ref_text.split()[0].rstrip(".:)–-") if re.match(r"^(?:[A-Za-z]{1,3}[.\-]?)?\d", ref_text) \
            or table.structure is not Structure.GRID and re.fullmatch(r"\(?[ivx]{1,4}[.)]?", ref_text.strip()) else None
    parent = ref_id or aim_id
    row_level_text = " ".join(t for t in (aim_raw, ref_text, vals.text("pillar_tags"), vals.text("description"))
                              if t)
    row_talent = parse_talent(row_level_text) + _talent_column(vals.text("talent_tags"))
    row_other = parse_other_tags(row_level_text)
    tagged = " ; ".join(t for t in [vals.text("pillar_tags") or "", *vals.ticked] if t)
    pillars = parse_pillars(tagged, allow_codes=True) if tagged else ()
    if not pillars and section:
        pillars = parse_pillars(section, allow_codes=False)[:1]
    rag, rag_evidence = rag_from_cell(vals.cells.get("rag_status", []))
    action_cells = vals.cells.get("action_text", []) if has_action_col else vals.cells.get("aim", [])
    # An action merged down over several rows is one action, read in its first row.
    action_cells = [c for c in action_cells if not c.spanned]
    lines = [l for c in action_cells for l in c.lines]
    items = split_items(lines) if lines else []
    row_warnings: list[str] = []
    if not items:
        if not has_action_col or not aim_raw:
            return []
        # An aim with no action text: the aim is the only statement of intent.
        items = split_items([l for c in vals.cells.get("aim", []) for l in c.lines])
        row_warnings.append("no action text; the aim is used as the action")
    # A block or a list item is one action, numbered by its own key.
    own_id = ref_id if table.structure is not Structure.GRID else None
    aim_out = _norm_ws(aim_text) if has_action_col else None
    if has_action_col and not aim_out and aim_heading:
        aim_out = aim_heading      # the heading the block or item sits under states its aim
    description = strip_tags(vals.text("description"))
    sub_actions = False
    if table.structure is Structure.LIST_ITEMS and len(items) > 2 and items[0].marker is None \
            and marked_list([l for it in items[1:] for l in it.lines]):
        # an item's statement over its lettered parts ("(a) ...", "(b) ..." nested under it):
        # the parts are its atomic actions, the statement their aim
        aim_out, items = _norm_ws(items[0].text), items[1:]
    if table.structure is Structure.BLOCKS and len(items) == 1:
        if own_id is None and items[0].kind in ("letter", "roman", "number"):
            own_id = items[0].marker          # a block opening with its number ("iv. Increase ..."): its id
        subs = marked_list([l for c in vals.cells.get("description", []) if not c.spanned for l in c.lines])
        if subs:
            # its first paragraph is a list of lettered parts ("(a) ...", "(b) ..."): they are its
            # atomic actions, sharing its fields, and its statement is their aim
            aim_out, description, sub_actions = _norm_ws(items[0].text), None, True
            items = subs
    out = []
    for item in items:
        item_text_raw = item.text
        talent = tuple(dict.fromkeys(row_talent + parse_talent(item_text_raw)))
        other = tuple(dict.fromkeys(row_other + parse_other_tags(item_text_raw)))
        text = strip_tags(item_text_raw) or item_text_raw
        prov_lines = item.lines
        if table.structure is Structure.LIST_ITEMS:
            if item.marker and len(items) > 1:       # "3." with its own a) b): "3.a", "3.b"
                action_id, parent_id = normalise_action_id(item, own_id), own_id
            else:
                action_id, parent_id = own_id, parent_of_dotted(own_id)
        elif table.structure is Structure.BLOCKS and sub_actions:
            action_id, parent_id = normalise_action_id(item, own_id), own_id
        elif table.structure is Structure.BLOCKS:
            action_id = own_id
            parent_id = None
            # A narrative block is one action: its statement is also its aim, and the whole
            # block (fields continued on the next page included) is where it sits.
            aim_out = aim_out or _norm_ws(text)
            prov_lines = [l for c in row.cells for l in c.lines]
        else:
            action_id = normalise_action_id(item, parent)
            if action_id is None and len(items) == 1 and item.kind == "plain" and parent and ref_id \
                    and ("." in parent or not any(c.spanned for c in vals.cells.get("ref", []))):
                action_id = parent    # the row's own key is action-level ("1.1", "V2.3"): it is this action's id
            parent_id = parent or parent_of_dotted(action_id)
            if action_id == parent_id:
                parent_id = parent_of_dotted(action_id)
        base = row_id(doc.document_id, meta, parent_id, action_id, text, 0)
        occurrence = seen.get(base, 0)
        seen[base] = occurrence + 1
        rid = base if occurrence == 0 else row_id(doc.document_id, meta, parent_id, action_id, text, occurrence)
        out.append(Action(
            row_id=rid, institution=meta.institution, plan_title=meta.plan_title,
            period_start=meta.period_start, period_end=meta.period_end, section=section,
            parent_id=parent_id, action_id=action_id, aim=aim_out, action_text=text,
            description=description, supporting_actions=vals.text("supporting_actions"),
            success_measures=vals.text("success_measures"), timeframe=vals.text("timeframe"),
            owner=vals.text("owner") or owner_from_matrix(vals.marks), resources=vals.text("resources"), rag_status=rag, rag_evidence=rag_evidence,
            progress=vals.text("progress"), comments=vals.text("comments"),
            pillars_document=pillars, talent_document=talent, other_tags=other,
            extra_fields=tuple(vals.extra),
            provenance=_provenance(doc, table, ri, prov_lines, row), warnings=tuple(row_warnings)))
    return out
