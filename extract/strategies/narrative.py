"""Narrative plans: "Action N" headings followed by labelled paragraphs.

Headings are found from the text pattern plus font (larger or bold than body text);
labels are short lines ending in a colon (bold, or a known field label). Each block
becomes one row of a table whose header is the union of labels seen, so narrative and
tabular plans reach the normalise stage in the same shape.
"""
from __future__ import annotations

import re
import statistics
from typing import Sequence

from ..config import ExtractConfig
from ..model import BBox, Cell, ExtractedTable, Fragment, RowKind, TableRow, TextLine
from ..pdf import PageContent
from ..text import label_key
from .base import StrategyResult, boxes_on, inside_any

NAME = "narrative"
ID_LABEL = "Action no."          # synthetic labels, mapped through header_aliases.yaml
STATEMENT_LABEL = "Action statement"
DESCRIPTION_LABEL = "Description"

_LABEL = re.compile(r"^(?P<label>[A-Z][A-Za-z0-9 &/()'’\-]{1,60}?)\s*:\s*(?P<rest>.*)$")
_BARE_LABEL = re.compile(r"^(?P<label>[A-Z][A-Za-z0-9 &/()'’\-]{1,60}?)\s*(?P<rest>)$")


def _free_lines(pages: Sequence[PageContent], taken, boilerplate: set[tuple[int, int]]) -> list[TextLine]:
    out = []
    for p in pages:
        boxes = boxes_on(taken, p.number)
        for i, line in enumerate(p.lines):
            if (p.number, i) in boilerplate:
                continue
            cx, cy = (line.bbox.x0 + line.bbox.x1) / 2, (line.bbox.top + line.bbox.bottom) / 2
            if inside_any(cx, cy, boxes):
                continue
            out.append(line)
    return out


def _cell(lines: list[TextLine]) -> Cell:
    frags: dict[int, BBox] = {}
    for l in lines:
        frags[l.page] = frags[l.page].union(l.bbox) if l.page in frags else l.bbox
    return Cell(tuple(lines), tuple(Fragment(p, b) for p, b in sorted(frags.items())))


def _is_label(line: TextLine, config: ExtractConfig) -> re.Match | None:
    m = _LABEL.match(line.text)
    if not m:
        # A known label alone on its line, without a colon, as web pages print field names.
        m = _BARE_LABEL.match(line.text)
        if not m or label_key(m.group("label")) not in config.known_labels:
            return None
        return m
    if len(m.group("label").split()) > config.narrative.label_max_words:
        return None
    known = label_key(m.group("label")) in config.known_labels
    return m if (known or line.bold) else None


def lines_to_blocks(lines: Sequence[TextLine], config: ExtractConfig) -> list[dict[str, list[TextLine]]]:
    if not lines:
        return []
    body_size = statistics.median(l.size for l in lines)
    patterns = [re.compile(p) for p in config.narrative.heading_patterns]
    blocks: list[dict[str, list[TextLine]]] = []
    current: dict[str, list[TextLine]] | None = None
    field: str | None = None
    for line in lines:
        m = next((mm for pat in patterns if (mm := pat.match(line.text))), None)
        is_heading = m is not None and (line.bold or line.size >= body_size * config.narrative.heading_min_size_ratio) \
            and len(line.text.split()) <= 12
        if is_heading:
            current = {ID_LABEL: [TextLine(m.group("id"), line.page, line.bbox, line.size, line.bold)]}
            blocks.append(current)
            field = STATEMENT_LABEL if not m.group("rest") else None
            if m.group("rest"):
                current[STATEMENT_LABEL] = [TextLine(m.group("rest"), line.page, line.bbox, line.size, line.bold)]
                field = DESCRIPTION_LABEL
            continue
        if current is None:
            continue
        lm = _is_label(line, config)
        if lm:
            field = lm.group("label").strip()
            current.setdefault(field, [])
            if lm.group("rest").strip():
                current[field].append(TextLine(lm.group("rest").strip(), line.page, line.bbox, line.size, line.bold))
            continue
        if field == STATEMENT_LABEL and current.get(STATEMENT_LABEL):
            prev = current[STATEMENT_LABEL][-1]
            # The statement is the bold (or first) paragraph after the heading.
            if line.bold != prev.bold or line.bbox.top - prev.bbox.bottom > prev.size * 0.9 or line.page != prev.page:
                field = DESCRIPTION_LABEL
        current.setdefault(field or DESCRIPTION_LABEL, []).append(line)
    return blocks


def blocks_to_table(blocks: list[dict[str, list[TextLine]]], index: int) -> ExtractedTable:
    header: list[str] = []
    for b in blocks:
        for label in b:
            if label not in header:
                header.append(label)
    rows = []
    for b in blocks:
        cells = tuple(_cell(b.get(label, [])) for label in header)
        rows.append(TableRow(RowKind.BODY, cells))
    head_cells = tuple(Cell((), ()) for _ in header)
    all_rows = (TableRow(RowKind.HEADER, head_cells),) + tuple(rows)
    pages = tuple(sorted({p for r in rows for p in r.pages}))
    filled = sum(not c.empty for r in rows for c in r.cells) / max(1, len(rows) * len(header))
    return ExtractedTable(index, tuple(header), all_rows, pages, NAME, round(filled, 3))


class NarrativeStrategy:
    name = NAME

    def extract(self, pages: Sequence[PageContent], config: ExtractConfig, taken=(),
                boilerplate: set[tuple[int, int]] = frozenset()) -> StrategyResult:
        lines = _free_lines(pages, taken, boilerplate)
        blocks = lines_to_blocks(lines, config)
        if not blocks:
            return StrategyResult((), ())
        table = blocks_to_table(blocks, 0)
        regions = tuple((f.page, f.bbox) for r in table.rows for c in r.cells for f in c.fragments)
        return StrategyResult((table,), regions)
