"""Cells that hold an action and its fields: a title, then 'Label: value' lines whose labels
recur down the column ("Profile a technician each term" over "Lead: Comms Officer  Timing:
Quarterly" and "Measure of success: Four a year"), read as the action (the title) plus one
column per label, named by the label as printed (normalise names their roles as it does any
header's). Where one cell holds several such records (the faint rules between them lost, or
never drawn), each record is a row of its own; the row's other cells (the pillar printed
once beside them) are merged down over the rows it gives.

What makes a label is repetition, not a word list: a short capitalised phrase before a colon
that recurs in the column. Where a colon follows several words ("Communications Officer
Timing:"), the label is the ending that recurs most ("Timing").

Chain: cell_records_to_rows -> (column_labels, cell_records -> _record_row). Records set the
other way round, a small table per action with its labels down the first column, are read by
label_column_records (-> _label_rows) as the labelled blocks the narrative reader makes.
"""
from __future__ import annotations

import dataclasses
import re
from collections import Counter
from dataclasses import dataclass
from typing import Sequence

from extract.config import ExtractConfig
from extract.model import EMPTY_CELL, Cell, ExtractedTable, RowKind, Structure, TableRow, TextLine
from extract.strategies.blocks import make_cell
from extract.strategies.narrative import ID_KEY, LEAD_KEY, Block, blocks_to_table, label_field
from extract.strategies.ruled import cell_to_fields
from extract.vocabulary import CELL_LABEL_CHARS, label_key, label_phrase

from .roles import is_key

_COLON = re.compile(r":(?:\s|$)")
_WORD = re.compile(r"[\w&'’\-]+")


@dataclass(frozen=True)
class Record:
    title: tuple[TextLine, ...]
    fields: tuple[tuple[str, Cell], ...]   # (label as printed, value)


def _colon_endings(text: str, max_words: int) -> list[list[str]]:
    """For each colon in a line, the endings (1..max_words words) of the text before it that
    open with a capital: the phrases that may be its label."""
    out = []
    for m in _COLON.finditer(text):
        words = _WORD.findall(text[:m.start()].split("  ")[-1])
        ends = [" ".join(words[-k:]) for k in range(1, min(max_words, len(words)) + 1)]
        ends = [e for e in ends if e[:1].isupper()]
        if ends:
            out.append(ends)
    return out


def column_labels(cells: Sequence[Cell], max_words: int, min_repeats: int) -> frozenset[str]:
    """Label keys that recur in a column's cells: at each colon, the ending that recurs most."""
    per_colon = [ends for c in cells for l in c.lines for ends in _colon_endings(l.text, max_words)]
    counts = Counter(label_key(e) for ends in per_colon for e in ends)
    chosen = Counter()
    for ends in per_colon:
        best = max(ends, key=lambda e: (counts[label_key(e)], -len(e)))
        chosen[label_key(best)] += 1
    return frozenset(k for k, n in chosen.items() if n >= min_repeats and k)


_OPENING_LABEL = re.compile(r"\s*" + label_phrase(CELL_LABEL_CHARS) + r"\s*:(?:\s|$)")


def _opening_label(line: TextLine, labels: frozenset[str]) -> str | None:
    m = _OPENING_LABEL.match(line.text)
    if m and label_key(m.group("label")) in labels:
        return label_key(m.group("label"))
    return None


def _labels_in(line: TextLine, labels: frozenset[str], max_words: int) -> set[str]:
    keys = {label_key(e) for ends in _colon_endings(line.text, max_words) for e in ends}
    return keys & labels


def cell_records(cell: Cell, labels: frozenset[str], max_words: int) -> list[Record] | None:
    """The records of a cell that opens with a title and goes on with labelled lines; None
    for any other cell. A run of unlabelled lines after a record's fields opens the next
    record when a label of that record comes again after it; lines of that run set like the
    values (not like the titles) are the last value's wrapped end."""
    lines = list(cell.lines)
    if not lines or _opening_label(lines[0], labels):
        return None
    groups: list[tuple[list[TextLine], list[TextLine]]] = []     # (title lines, field lines)
    seen: set[str] = set()
    pending: list[TextLine] = []
    for line in lines:
        opening = _opening_label(line, labels)
        if opening is None:
            if groups and groups[-1][1]:
                pending.append(line)
            elif groups:
                groups[-1][0].append(line)
            else:
                groups.append(([line], []))
            continue
        keys = _labels_in(line, labels, max_words)
        if pending and keys & seen:       # the labels come again: a new record under the run's title
            cut = _title_start(pending, groups) or 0
            groups[-1][1].extend(pending[:cut])
            groups.append((pending[cut:], []))
            seen = set()
        elif pending:
            groups[-1][1].extend(pending)
        pending = []
        groups[-1][1].append(line)
        seen |= keys
    if pending:         # after the last fields: a title without fields only where set as the titles are
        cut = _title_start(pending, groups)
        if cut is not None:
            groups[-1][1].extend(pending[:cut])
            groups.append((pending[cut:], []))
        else:
            groups[-1][1].extend(pending)
    if not any(f for _, f in groups):
        return None
    out = []
    for title, field_lines in groups:
        fields = cell_to_fields(make_cell(field_lines), max_words, labels) if field_lines else []
        if fields is None:
            return None
        out.append(Record(tuple(title), tuple(fields)))
    return out


def _styled_apart(groups) -> bool:
    """Titles set bold and values not (or the other way): the weight tells them apart."""
    titles = [l.bold for t, _ in groups for l in t]
    values = [l.bold for _, f in groups for l in f]
    return bool(titles and values) and len(set(titles)) == 1 and len(set(values)) == 1 and titles[0] != values[0]


def _title_start(pending: Sequence[TextLine], groups) -> int | None:
    """Where a title starts in a run of unlabelled lines after a record's fields: at its first
    line set like the titles, where the weight tells titles from values (lines before it are
    the last value's wrapped end); None where no line of the run is set as a title (or the
    weight tells nothing)."""
    if not _styled_apart(groups):
        return None
    title_bold = groups[0][0][0].bold
    return next((k for k, l in enumerate(pending) if l.bold == title_bold), None)


def _merged_down(cell: Cell) -> Cell:
    return cell if cell.empty or cell.spanned else dataclasses.replace(cell, spanned=True)


def cell_records_to_rows(table: ExtractedTable, config: ExtractConfig) -> tuple[ExtractedTable, str | None]:
    """(the table with its record cells split into rows and their fields into columns; a
    note saying so, or None where the table has no such column)."""
    if table.structure is not Structure.GRID or not table.rows:
        return table, None
    max_words, min_repeats = config.blocks.label_max_words, config.blocks.label_min_repeats
    body = [r for r in table.rows if r.kind is RowKind.BODY]
    ncol = len(table.rows[0].cells)
    best: tuple[int, frozenset[str], dict[int, list[Record]]] | None = None
    for col in range(ncol):
        cells = [r.cells[col] for r in body if col < len(r.cells) and not r.cells[col].spanned]
        filled = [c for c in cells if c.text]
        labels = column_labels(filled, max_words, min_repeats)
        if not labels:
            continue
        recs = {i: rs for i, r in enumerate(table.rows) if r.kind is RowKind.BODY and col < len(r.cells)
                and not r.cells[col].spanned and (rs := cell_records(r.cells[col], labels, max_words))}
        n = sum(len(rs) for rs in recs.values())
        if n >= min_repeats and len(recs) >= config.blocks.labelled_min_share * len(filled) \
                and (best is None or n > sum(len(rs) for rs in best[2].values())):
            best = (col, labels, recs)
    if best is None:
        return table, None
    col, labels, recs = best
    order: dict[str, str] = {}          # label key -> label as first printed
    for rs in recs.values():
        for rec in rs:
            for lab, _ in rec.fields:
                order.setdefault(label_key(lab), lab)
    slot = {k: j for j, k in enumerate(order)}
    rows: list[TableRow] = []
    for i, r in enumerate(table.rows):
        if i not in recs:
            rows.append(dataclasses.replace(r, cells=r.cells + (EMPTY_CELL,) * len(order)))
            continue
        for k, rec in enumerate(recs[i]):
            extra = [EMPTY_CELL] * len(order)
            for lab, cell in rec.fields:
                j = slot[label_key(lab)]
                extra[j] = cell if extra[j].empty else extra[j].extended(cell)
            own = [c if k == 0 else _merged_down(c) for c in r.cells]
            own[col] = make_cell(rec.title) if rec.title else EMPTY_CELL
            rows.append(dataclasses.replace(r, cells=tuple(own) + tuple(extra)))
    header = (tuple(table.header) if table.header else ("",) * ncol) + tuple(order.values())
    n = sum(len(rs) for rs in recs.values())
    note = (f"table {table.index}: column {col + 1} holds an action and its labelled fields "
            f"({', '.join(order.values())}) in each cell; {n} record(s) read from {len(recs)} cell(s)")
    return dataclasses.replace(table, header=header, rows=tuple(rows)), note


# ---- records set as small tables: a label column, one table per action ----------------------

def _label_rows(table: ExtractedTable, max_words: int) -> list[tuple[str, TableRow]] | None:
    """(label as printed, row) for each row under a table's title rows whose first cell is a
    short label and whose other cells hold its value; None where the table is not so made (a
    cell empty or long in the first column, a label printed twice, a value missing, a title
    row after the fields, a label of numbers alone or an id: a year or an id keys a row, it
    names no field; a table printed again beside its own key column is no record)."""
    if table.structure is not Structure.GRID or len(table.rows[0].cells if table.rows else ()) < 2:
        return None
    out: list[tuple[str, TableRow]] = []
    for r in table.rows:
        if r.kind is RowKind.SECTION:
            if out:
                return None
            continue
        label = " ".join(r.cells[0].text.split())
        if not label or len(label.split()) > max_words or not any(ch.isalpha() for ch in label) or is_key(label) \
                or label.endswith((".", "!", "?")) or r.cells[0].spanned or not any(c.text for c in r.cells[1:]):
            return None
        out.append((label, r))
    if len({label_key(lab) for lab, _ in out}) != len(out):
        return None
    return out


def label_column_records(tables: Sequence[ExtractedTable], config: ExtractConfig
                         ) -> tuple[list[ExtractedTable], str | None]:
    """Small tables each holding one action as a record: a title row across the table ("Action
    1.2: Technicians at public engagement events"), then a row per field, its label in the first
    column and its value beside it ("Lead | Public Engagement Manager"). What makes them records
    is that the first column repeats the same labels table after table (at least
    `record_min_fields` labels, each in `label_min_repeats` tables or more): a label column, not
    a column of data. Each such table becomes the one labelled block it prints (the narrative
    reader's: the title row gives its id and statement as a block heading does, each label a
    field named as printed), so normalise maps the labels as it maps any block's. Returns the
    tables (one row each where so read) and a note, or None where no table is a record."""
    s = config.blocks
    rows_of = {t.index: _label_rows(t, s.label_max_words) for t in tables}
    counts = Counter(k for rs in rows_of.values() if rs for k in {label_key(lab) for lab, _ in rs})
    recurring = {k for k, n in counts.items() if n >= s.label_min_repeats}

    def is_record(rs) -> bool:
        shared = [lab for lab, _ in rs if label_key(lab) in recurring]
        return len(shared) >= s.record_min_fields and 2 * len(shared) > len(rs)
    records = {i for i, rs in rows_of.items() if rs and is_record(rs)}
    if len(records) < s.label_min_repeats:
        return list(tables), None
    id_re = re.compile(s.id_heading)
    out: list[ExtractedTable] = []
    for t in tables:
        if t.index not in records:
            out.append(t)
            continue
        block = Block(labelled=True)
        titles = [line for r in t.rows if r.kind is RowKind.SECTION for line in r.cells[0].lines]
        if titles:
            first = titles[0]
            m = id_re.match(first.text.strip())
            if m and m.group("rest"):   # "Action 1.2: <statement>" (its words maybe wrapped)
                block.has_id = True
                block.fields[ID_KEY] = [dataclasses.replace(first, text=m.group("id"))]
                block.fields[LEAD_KEY] = [dataclasses.replace(first, text=m.group("rest"))] + list(titles[1:])
            else:
                block.fields[LEAD_KEY] = list(titles)
        for label, r in rows_of[t.index]:
            seen: list[Cell] = []
            for c in r.cells[1:]:
                if c.text and all(c.lines != o.lines for o in seen):
                    seen.append(c)
            block.fields[label_field(label)] = [l for c in seen for l in c.lines]
        made = blocks_to_table([block], t.index)
        out.append(dataclasses.replace(made, strategy=t.strategy, pages=t.pages, quality=t.quality, notes=t.notes))
    labels = sorted({lab for i in records for lab, _ in rows_of[i]}, key=lambda lab: (-counts[label_key(lab)], lab))
    note = (f"{len(records)} table(s) read as records, one action each: their first column repeats the labels "
            f"{', '.join(labels[:8])}")
    return out, note
