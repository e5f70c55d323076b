"""Unruled tables: columns aligned by whitespace only.

Chain: page_to_segments -> find_header -> lines_to_rows -> ExtractedTable.
A header line is one whose phrases are mostly known column labels (header_aliases.yaml);
its phrases' left edges anchor the columns. Rows start where the first column holds a
row key ("S1", "V2 –") or, in plans without keys, after a paragraph gap. A bold line in
the first column alone is a section row. The same header repeated on a later page is
dropped and the table continues.
"""
from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from typing import Sequence

from ..config import ExtractConfig
from ..model import BBox, Cell, ExtractedTable, Fragment, RowKind, TableRow, TextLine
from ..pdf import PageContent
from ..text import clean_text
from .base import StrategyResult, boxes_on, inside_any

NAME = "unruled_table"


@dataclass(frozen=True)
class Segment:
    """A phrase: glyphs on one line with no column-sized gap inside."""
    text: str
    page: int
    bbox: BBox
    size: float
    bold: bool


def page_to_segments(page: PageContent, taken, boilerplate: set[tuple[int, int]], gap_ratio: float = 1.2
                     ) -> list[list[Segment]]:
    """Visual lines, each split into phrases at gaps wider than `gap_ratio` x font size."""
    out: list[list[Segment]] = []
    skip = boxes_on(taken, page.number) + [page.lines[i].bbox for pg, i in boilerplate if pg == page.number]
    chars = [c for c in page.chars
             if not inside_any((c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2, skip)]
    chars.sort(key=lambda c: (round(c["top"]), c["x0"]))
    rows: list[list[dict]] = []
    for ch in chars:
        if rows and abs(ch["top"] - rows[-1][0]["top"]) <= 2.5:
            rows[-1].append(ch)
        else:
            rows.append([ch])
    for row in rows:
        row.sort(key=lambda c: c["x0"])
        segs: list[list[dict]] = []
        for ch in row:
            if segs and ch["x0"] - segs[-1][-1]["x1"] <= gap_ratio * ch["size"]:
                segs[-1].append(ch)
            else:
                segs.append([ch])
        line = []
        for s in segs:
            parts, prev = [], None
            for ch in s:
                if prev is not None and ch["x0"] - prev["x1"] > 0.2 * prev["size"] and ch["text"] != " " \
                        and parts and parts[-1] != " ":
                    parts.append(" ")
                parts.append(ch["text"])
                prev = ch
            text = " ".join(clean_text("".join(parts)).split())
            if not text:
                continue
            vis = [c for c in s if c["text"].strip()] or s
            bold = sum("bold" in c.get("fontname", "").lower() for c in vis) > len(vis) / 2
            line.append(Segment(text, page.number, BBox(min(c["x0"] for c in s), min(c["top"] for c in s),
                                                        max(c["x1"] for c in s), max(c["bottom"] for c in s)),
                                max(c["size"] for c in vis), bold))
        if line:
            out.append(line)
    return out


def _label_key(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9&/ ]", " ", text.lower()).split())


def find_header(line: Sequence[Segment], config: ExtractConfig) -> bool:
    if len(line) < 3:
        return False
    known = sum(_label_key(s.text) in config.known_labels for s in line)
    return known >= 2 and known / len(line) >= 0.6


def _column_of(x0: float, anchors: Sequence[float], tol: float = 6.0) -> int:
    col = 0
    for i, a in enumerate(anchors):
        if x0 >= a - tol:
            col = i
    return col


def _cell(segs: list[Segment]) -> Cell:
    lines = tuple(TextLine(s.text, s.page, s.bbox, s.size, s.bold) for s in segs)
    frags: dict[int, BBox] = {}
    for s in segs:
        frags[s.page] = frags[s.page].union(s.bbox) if s.page in frags else s.bbox
    return Cell(lines, tuple(Fragment(p, b) for p, b in sorted(frags.items())))


def lines_to_table(lines: Sequence[list[Segment]], header: list[Segment], config: ExtractConfig,
                   index: int) -> tuple[ExtractedTable, list[tuple[int, BBox]]]:
    anchors = [s.bbox.x0 for s in header]
    header_key = [_label_key(s.text) for s in header]
    left = [s.bbox.x0 for l in lines for s in l if s.bbox.x1 <= anchors[0] + 2]
    heads = [s.text for s in header]
    if left:  # a key column with a blank header ("S1", "V2"), left of the first label
        anchors = [min(left)] + anchors
        heads = [""] + heads
    ncol = len(anchors)
    key_re = config.row_key_regex()
    body = [l for l in lines if [_label_key(s.text) for s in l] != header_key]
    firsts = [l[0].text for l in body if _column_of(l[0].bbox.x0, anchors) == 0]
    keyed = bool(firsts) and sum(bool(key_re.match(t)) for t in firsts) / len(firsts) >= 0.5
    heights = [l[0].bbox.bottom - l[0].bbox.top for l in body] or [10.0]
    line_h = statistics.median(heights)
    rows: list[TableRow] = []
    current: list[list[Segment]] | None = None
    prev_bottom: tuple[int, float] | None = None
    for line in body:
        cols: list[list[Segment]] = [[] for _ in range(ncol)]
        for s in line:
            cols[_column_of(s.bbox.x0, anchors)].append(s)
        first = cols[0][0] if cols[0] else None
        only_first = first is not None and all(not c for c in cols[1:])
        if only_first and first.bold and not key_re.match(first.text):
            if current is not None:
                rows.append(TableRow(RowKind.BODY, tuple(_cell(c) for c in current)))
                current = None
            rows.append(TableRow(RowKind.SECTION, (_cell(cols[0]),) + tuple(_cell([]) for _ in range(ncol - 1))))
            prev_bottom = (line[0].page, line[0].bbox.bottom)
            continue
        gap = (line[0].bbox.top - prev_bottom[1]) if prev_bottom and prev_bottom[0] == line[0].page else 0.0
        if keyed:
            starts = first is not None and bool(key_re.match(first.text))
        else:
            starts = first is not None and (current is None or gap > 0.8 * line_h)
        if starts or current is None:
            if current is not None:
                rows.append(TableRow(RowKind.BODY, tuple(_cell(c) for c in current)))
            current = [[] for _ in range(ncol)]
        for i in range(ncol):
            current[i].extend(cols[i])
        prev_bottom = (line[0].page, max(s.bbox.bottom for s in line))
    if current is not None:
        rows.append(TableRow(RowKind.BODY, tuple(_cell(c) for c in current)))
    head = TableRow(RowKind.HEADER, ((_cell([]),) if left else ()) + tuple(_cell([s]) for s in header))
    all_rows = (head,) + tuple(rows)
    pages = tuple(sorted({s.page for l in lines for s in l}))
    body_rows = [r for r in rows if r.kind is RowKind.BODY]
    filled = sum(not c.empty for r in body_rows for c in r.cells) / max(1, len(body_rows) * ncol)
    regions = []
    for p in pages:
        segs = [s for l in lines for s in l if s.page == p]
        box = segs[0].bbox
        for s in segs[1:]:
            box = box.union(s.bbox)
        regions.append((p, box))
    return (ExtractedTable(index, tuple(heads), all_rows, pages, NAME, round(filled, 3)), regions)


def _is_table_line(line: list[Segment], anchors: list[float], right: float) -> bool:
    """A line belongs to the table if its phrases start at column anchors (not prose
    running across the columns). A lone bold phrase is a section heading."""
    if len(line) == 1 and line[0].bold and line[0].bbox.x0 <= anchors[0] + 6:
        return True
    for s in line:
        if s.bbox.x1 <= anchors[0] + 2 and len(s.text) <= 40:
            continue  # key column or section label left of the first labelled column
        col = _column_of(s.bbox.x0, anchors)
        if abs(s.bbox.x0 - anchors[col]) > 40:
            return False
        nxt = anchors[col + 1] if col + 1 < len(anchors) else right + 1
        if s.bbox.x1 > nxt + 8:
            return False
    return True


class UnruledTableStrategy:
    name = NAME

    def extract(self, pages: Sequence[PageContent], config: ExtractConfig, taken=(),
                boilerplate: set[tuple[int, int]] = frozenset()) -> StrategyResult:
        tables: list[ExtractedTable] = []
        regions: list[tuple[int, BBox]] = []
        header: list[Segment] | None = None
        collected: list[list[Segment]] = []
        for page in pages:
            if not page.has_text:
                continue
            for line in page_to_segments(page, taken, boilerplate):
                if find_header(line, config):
                    same = header is not None and [_label_key(s.text) for s in line] == [_label_key(s.text) for s in header]
                    if not same:
                        if header is not None and collected:
                            t, r = lines_to_table(collected, header, config, len(tables))
                            tables.append(t)
                            regions += r
                        header, collected = line, []
                    regions.append((line[0].page, _union(line)))
                    continue
                if header is None:
                    continue
                anchors = [s.bbox.x0 for s in header]
                if _is_table_line(line, anchors, header[-1].bbox.x1 + 200):
                    collected.append(line)
                elif collected:
                    t, r = lines_to_table(collected, header, config, len(tables))
                    tables.append(t)
                    regions += r
                    header, collected = None, []
        if header is not None and collected:
            t, r = lines_to_table(collected, header, config, len(tables))
            tables.append(t)
            regions += r
        tables = [t for t in tables if sum(r.kind is RowKind.BODY for r in t.rows) >= 1]
        return StrategyResult(tuple(tables), tuple(regions))


def _union(segs: Sequence[Segment]) -> BBox:
    box = segs[0].bbox
    for s in segs[1:]:
        box = box.union(s.bbox)
    return box
