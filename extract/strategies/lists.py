"""Plans written as numbered lists grouped under pillar headings:

    Visibility
    1. Create a technician network ...
       (continuation lines)
    2. Publish ...
    Recognition
    3. ...

A heading is a bold or larger line that starts with a pillar name (the names in
models/tag_patterns.yaml, unless models/extract.yaml sets list_plan.section_headings); an item is a numbered line under one and runs until the next
item, the next heading or a paragraph gap. Headings become section rows and items body
rows of one table, so lists reach the normalise stage in the same shape as tables.
"""
from __future__ import annotations

import re
import statistics
from typing import Sequence

from ..config import ExtractConfig
from ..model import Cell, ExtractedTable, RowKind, TableRow, TextLine
from ..pdf import PageContent
from .base import StrategyResult
from .narrative import ID_LABEL, STATEMENT_LABEL, _cell, _free_lines

NAME = "numbered_list"


def _is_heading(line: TextLine, body_size: float, config: ExtractConfig) -> bool:
    text = line.text.strip().lower()
    starts = any(text == h or text.startswith(h + " ") or text.startswith(h + ":") or text.startswith(h + " -")
                 for h in config.list_plan.section_headings)
    return starts and len(text.split()) <= 12 and (line.bold or line.size >= body_size * 1.1)


def lines_to_list_rows(lines: Sequence[TextLine], config: ExtractConfig) -> list[TableRow]:
    if not lines:
        return []
    body_size = statistics.median(l.size for l in lines)
    item_re = re.compile(config.list_plan.item_pattern)
    rows: list[TableRow] = []
    section: TextLine | None = None
    item: tuple[list[TextLine], list[TextLine]] | None = None     # (id line, text lines)
    items = 0

    def close() -> None:
        nonlocal item
        if item is not None:
            rows.append(TableRow(RowKind.BODY, (_cell(item[0]), _cell(item[1]))))
            item = None

    prev: TextLine | None = None
    for line in lines:
        if _is_heading(line, body_size, config):
            close()
            section = line
            rows.append(TableRow(RowKind.SECTION, (_cell([line]), Cell((), ()))))
            prev = line
            continue
        m = item_re.match(line.text)
        if m and section is not None:
            close()
            item = ([TextLine(m.group("id"), line.page, line.bbox, line.size, line.bold)],
                    [TextLine(m.group("rest"), line.page, line.bbox, line.size, line.bold)])
            items += 1
        elif item is not None and prev is not None:
            gap = line.bbox.top - prev.bbox.bottom if line.page == prev.page else 0.0
            if gap > 0.8 * max(prev.size, 1.0):
                close()          # a paragraph gap ends the list item; prose after it is not an action
            else:
                item[1].append(line)
        prev = line
    close()
    return rows if items >= config.list_plan.min_items else []


class NumberedListStrategy:
    name = NAME

    def extract(self, pages: Sequence[PageContent], config: ExtractConfig, taken=(),
                boilerplate: set[tuple[int, int]] = frozenset()) -> StrategyResult:
        rows = lines_to_list_rows(_free_lines(pages, taken, boilerplate), config)
        if not rows:
            return StrategyResult((), ())
        body = [r for r in rows if r.kind is RowKind.BODY]
        head = TableRow(RowKind.HEADER, (Cell((), ()), Cell((), ())))
        pages_used = tuple(sorted({p for r in rows for p in r.pages}))
        table = ExtractedTable(0, (ID_LABEL, STATEMENT_LABEL), (head,) + tuple(rows), pages_used, NAME,
                               round(sum(not c.empty for r in body for c in r.cells) / max(1, 2 * len(body)), 3))
        regions = tuple((f.page, f.bbox) for r in rows for c in r.cells for f in c.fragments)
        return StrategyResult((table,), regions)
