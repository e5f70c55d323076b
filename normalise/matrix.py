"""A matrix: a grid whose column headers are the values of one field and whose row labels
(its first column) are the values of another, each cell listing the actions that hold both
("Visibility | Recognition | ..." over rows "2025/26", "2026/27", ...: what the plan does for
each pillar in each year). No column holds actions and no header names a role, so read as a
table the grid gives nothing, or rows of whole cells under unknown headers.

The two axes are told by their labels: one names a pillar in each label (the names the tag
reader knows, each a different pillar), the other reads as a time in each (a year, a term,
"Year 2") or counts through one pattern ("Phase 1", "Phase 2", ...: a sequence of stages).
Either way round: pillars over the columns and years down the rows, or the reverse.

The matrix is read as the long table it stands for, in reading order (row by row, each row
left to right): under a section row per pillar (its label, so the pillar is the document's
own), one row per cell holding the time label and the cell's text. The cell's bullets and
numbers then split it into its actions as any action cell's do (normalise/subactions.py).

Chain: matrix_to_rows -> (matrix_axes -> _names_pillars, _reads_as_times).
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from extract.model import EMPTY_CELL, Cell, ExtractedTable, RowKind, Structure, TableRow
from extract.vocabulary import MODELS_DIR, read_yaml

from .roles import load_vocabulary
from .tags import is_tick, pillar_named_by
from .timeframe import parse_timeframe

# The long table's columns, named as its roles are (models/header_aliases.yaml aliases).
LONG_HEADER = ("timeframe", "action")


@lru_cache(maxsize=1)
def _min_values() -> int:
    """Labels each axis needs at least (models/header_aliases.yaml scores.matrix_min_values)."""
    return int(read_yaml(MODELS_DIR / "header_aliases.yaml")["scores"].get("matrix_min_values", 2))


@dataclass(frozen=True)
class MatrixAxes:
    pillars_across: bool             # pillars head the columns (times label the rows), or the reverse
    header: tuple[Cell, ...]         # the header row's cells, the corner first
    rows: tuple[TableRow, ...]       # the body rows, each opening with its label


def _names_pillars(labels: Sequence[str]) -> bool:
    codes = [pillar_named_by(t) for t in labels]
    return len(labels) >= _min_values() and all(codes) and len(set(codes)) == len(codes)


def _template(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def _reads_as_times(labels: Sequence[str]) -> bool:
    """Each label a time (a date, a year, a term: the timeframe reader or the timeframe
    column's pattern reads it), or all of one pattern counting up ("Phase 1", "Phase 2"):
    stages in order."""
    if len(labels) < _min_values() or len(set(labels)) != len(labels):
        return False
    vocab = load_vocabulary()
    if all(any(x is not None for x in parse_timeframe(t)) or vocab.timeframe_re.search(t) for t in labels):
        return True
    if len({_template(t) for t in labels}) != 1 or "#" not in _template(labels[0]):
        return False
    numbers = [tuple(int(n) for n in re.findall(r"\d+", t)) for t in labels]
    return all(a < b for a, b in zip(numbers, numbers[1:]))


def matrix_axes(table: ExtractedTable) -> MatrixAxes | None:
    """The table's axes when it is a matrix (module docstring), else None. A grid with one
    header row over body rows (no section row between them; a heading over the whole grid
    is dropped: each cell's pillar is its section), a label in every header cell but the
    corner and in every row's first cell, text in its other cells, and no cell a tick (a
    grid of tick marks tags rows: normalise/tags.py pillar_tick_columns)."""
    if table.structure is not Structure.GRID or not table.header:
        return None
    heads = [r for r in table.rows if r.kind is RowKind.HEADER]
    body = tuple(r for r in table.rows if r.kind is RowKind.BODY)
    first = next((k for k, r in enumerate(table.rows) if r.kind is RowKind.BODY), len(table.rows))
    # section rows only above the body (a heading over the whole grid), none between its rows
    if len(heads) != 1 or not body or any(r.kind is not RowKind.BODY for r in table.rows[first:]):
        return None
    ncol = len(heads[0].cells)
    if ncol < 3 or any(len(r.cells) != ncol for r in body):
        return None
    across = [c.text for c in heads[0].cells[1:]]
    down = [r.cells[0].text for r in body]
    if not all(across) or not all(down):
        return None
    inner = [c.text for r in body for c in r.cells[1:]]
    if not any(inner) or any(is_tick(t) for t in inner if t):
        return None
    if _names_pillars(across) and _reads_as_times(down):
        return MatrixAxes(True, heads[0].cells, body)
    if _names_pillars(down) and _reads_as_times(across):
        return MatrixAxes(False, heads[0].cells, body)
    return None


def matrix_to_rows(table: ExtractedTable) -> tuple[ExtractedTable, str | None]:
    """A matrix as its long table (module docstring), with what was done; any other table
    as it is, with None."""
    axes = matrix_axes(table)
    if axes is None:
        return table, None
    rows: list[TableRow] = [TableRow(RowKind.HEADER, tuple(Cell((), ()) for _ in LONG_HEADER))]
    section = None
    n = 0
    for row in axes.rows:
        for k, cell in enumerate(row.cells[1:], start=1):
            if cell.empty:
                continue
            pillar, time = (axes.header[k], row.cells[0]) if axes.pillars_across else (row.cells[0], axes.header[k])
            if pillar.text != section:
                section = pillar.text
                rows.append(TableRow(RowKind.SECTION, (pillar, EMPTY_CELL)))
            rows.append(TableRow(RowKind.BODY, (time, cell)))
            n += 1
    said = (f"table {table.index}: a matrix of {'pillars across, times down' if axes.pillars_across else 'pillars down, times across'}"
            f" ({len(axes.header) - 1} x {len(axes.rows)}): its {n} filled cell(s) read as actions under their pillar, "
            f"with their time")
    return dataclasses.replace(table, header=LONG_HEADER, rows=tuple(rows), parts=()), said
