"""Sheets that print several pages side by side (a handout two pages to a landscape sheet,
"2-up", "n-up"): each page on the sheet is a frame, read as a page of its own, left to right.

A sheet is cut into frames where it divides into n equal cells (n >= 2) with a band empty
the full height of the sheet around every border between them (no glyph, rule or fill
crosses it), and the frames look like pages: counted as evidence, at least
`frames.min_evidence` of

* the same margins: each frame's content stands at the same offset inside its cell, and the
  gutter is at least as wide as that offset (two pages' margins side by side); a newsletter's
  columns are set to the page's margins, their gutter far narrower;
* a running line of its own: each frame's first (or last) line stands apart from the rest at
  the same height on the sheet, its text the same, digits aside (a footer, a page number);
* rules of its own: each frame holds a ruled grid, inside it.

A sheet of the same size whose content falls inside the cells the others were cut into, at
the same margins (the odd last page alone on the last sheet), is cut too. Each frame's
content is moved to its own origin (as if printed alone), so a table running from the left
frame into the right one lines up, as from one page to the next. The frames are numbered
consecutively; `FrameMap` takes every page and box back to the sheet (extract/__init__.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from statistics import median
from typing import Sequence

from .config import FrameSettings
from .model import BBox, Cell, ExtractedTable, Fragment, Passage, TextLine
from .pdf import PageContent
from .text import chars_to_lines


@dataclass(frozen=True)
class Frame:
    """One frame read as a page: the sheet it is printed on and where its cell starts."""
    sheet: int        # 1-based page number in the PDF
    dx: float         # the cell's left edge on the sheet (frame x + dx = sheet x)


@dataclass(frozen=True)
class FrameMap:
    """For each page read (1-based, in order), the sheet and offset it came from. Empty when
    no sheet was cut: every page is its own sheet."""
    frames: tuple[Frame, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.frames)

    def sheet(self, page: int) -> int:
        return self.frames[page - 1].sheet if self.frames else page

    def box(self, page: int, box: BBox) -> BBox:
        dx = self.frames[page - 1].dx if self.frames else 0.0
        return BBox(box.x0 + dx, box.top, box.x1 + dx, box.bottom) if dx else box


def _spans(page: PageContent, background: float) -> list[tuple[float, float]]:
    """The x extents of everything printed on the sheet: glyphs, rules, fills (a fill covering
    nearly the whole sheet is its background, no content)."""
    out = [(c["x0"], c["x1"]) for c in page.chars if c["text"].strip()]
    out += [(e["x0"], e["x1"]) for e in page.edges]
    area = page.width * page.height
    out += [(b.x0, b.x1) for b, _ in page.fills if b.width * (b.bottom - b.top) < background * area]
    out += [(b.x0, b.x1) for b in page.marks]
    return out


def _cells(spans: Sequence[tuple[float, float]], width: float, n: int, min_gutter: float
           ) -> list[list[tuple[float, float]]] | None:
    """The spans of each of n equal cells, when none crosses a border between cells and the
    empty band around every border is at least `min_gutter` wide; None otherwise."""
    step = width / n
    cells: list[list[tuple[float, float]]] = [[] for _ in range(n)]
    for x0, x1 in spans:
        k = min(max(int(((x0 + x1) / 2) // step), 0), n - 1)
        if x0 < k * step - 0.5 or x1 > (k + 1) * step + 0.5:
            return None
        cells[k].append((x0, x1))
    for k in range(1, n):
        left = max((x1 for _, x1 in cells[k - 1]), default=(k - 1) * step)
        right = min((x0 for x0, _ in cells[k]), default=(k + 1) * step)
        if right - left < min_gutter:
            return None
    return cells


def _offset(cell: Sequence[tuple[float, float]], k: int, step: float) -> float | None:
    return min(x0 for x0, _ in cell) - k * step if cell else None


def _same_margins(cells, step: float, tol: float) -> float | None:
    """The offset every frame's content keeps inside its cell, when all keep one and each
    gutter is at least that wide (two pages' margins side by side); None otherwise."""
    offsets = [_offset(c, k, step) for k, c in enumerate(cells)]
    if any(o is None for o in offsets) or max(offsets) - min(offsets) > tol:
        return None
    margin = min(offsets)
    for k in range(1, len(cells)):
        gutter = min(x0 for x0, _ in cells[k]) - max(x1 for _, x1 in cells[k - 1])
        if gutter < margin - tol:
            return None
    return margin


def _frame_lines(page: PageContent, k: int, step: float) -> list[TextLine]:
    chars = [c for c in page.chars if k * step <= (c["x0"] + c["x1"]) / 2 < (k + 1) * step]
    return sorted(chars_to_lines(chars, page.number), key=lambda l: l.bbox.top)


def _running_lines(page: PageContent, n: int, step: float, s: FrameSettings) -> bool:
    """Each frame's first or last line stands apart from its neighbour (`edge_gap` of its
    size), at one height on the sheet in every frame, its text the same, digits aside."""
    frames = [_frame_lines(page, k, step) for k in range(n)]
    if any(len(f) < 2 for f in frames):
        return False

    def key(l: TextLine) -> str:
        return re.sub(r"\d+", "#", " ".join(l.text.lower().split()))

    for first in (True, False):
        edge = [f[0] if first else f[-1] for f in frames]
        gaps = [(f[1].bbox.top - f[0].bbox.bottom) if first else (f[-1].bbox.top - f[-2].bbox.bottom) for f in frames]
        apart = all(g >= s.edge_gap * max(l.size, 1.0) for g, l in zip(gaps, edge))
        level = max(l.bbox.top for l in edge) - min(l.bbox.top for l in edge) <= s.margin_tolerance
        if apart and level and len({key(l) for l in edge}) == 1:
            return True
    return False


def _ruled(page: PageContent, n: int, step: float, s: FrameSettings) -> bool:
    """Each frame holds rules both ways, inside it: a ruled table of its own."""
    for k in range(n):
        inside = [e for e in page.edges if k * step <= e["x0"] and e["x1"] <= (k + 1) * step]
        h = sum(1 for e in inside if e["orientation"] == "h" and e["x1"] - e["x0"] >= s.min_rule_length)
        v = sum(1 for e in inside if e["orientation"] == "v" and e["bottom"] - e["top"] >= s.min_rule_length)
        if h < s.min_rules or v < s.min_rules:
            return False
    return True


def _size(page: PageContent) -> float:
    sizes = [c["size"] for c in page.chars if c["text"].strip()]
    return median(sizes) if sizes else 10.0


def sheet_cells(page: PageContent, s: FrameSettings) -> tuple[int, float] | None:
    """(n, margin): the number of frames side by side on the sheet and the offset of their
    content inside their cells, when it prints pages side by side; None otherwise."""
    if not page.has_text:
        return None
    spans = _spans(page, s.background_share)
    for n in range(2, s.max_frames + 1):
        step = page.width / n
        cells = _cells(spans, page.width, n, s.min_gutter * _size(page))
        if cells is None or any(not c for c in cells):
            continue
        margin = _same_margins(cells, step, s.margin_tolerance)
        evidence = (margin is not None) + _running_lines(page, n, step, s) + _ruled(page, n, step, s)
        if evidence >= s.min_evidence:
            return n, margin if margin is not None else min(_offset(c, 0, 0) - k * step for k, c in enumerate(cells))
    return None


def _fits(page: PageContent, n: int, margin: float, s: FrameSettings) -> bool:
    """A sheet cut like the others: content inside the n cells, each frame at the margin."""
    if not page.has_text:
        return False
    step = page.width / n
    cells = _cells(_spans(page, s.background_share), page.width, n, s.min_gutter * _size(page))
    return cells is not None and all(abs(_offset(c, k, step) - margin) <= s.margin_tolerance
                                     for k, c in enumerate(cells) if c)


def _moved(page: PageContent, k: int, step: float, number: int) -> PageContent:
    """Frame k of the sheet as a page of its own, numbered `number`, its content moved left by
    the cell's edge."""
    lo, hi = k * step, (k + 1) * step

    def mine(x0: float, x1: float) -> bool:
        return lo <= (x0 + x1) / 2 < hi

    def glyph(c: dict) -> dict:
        out = {**c, "x0": c["x0"] - lo, "x1": c["x1"] - lo}
        if c.get("turn") == 90 and "turned_baseline" in c:    # a glyph read up the page: its baseline is an x
            out["turned_baseline"] = c["turned_baseline"] - lo
        return out

    chars = [glyph(c) for c in page.chars if mine(c["x0"], c["x1"])]
    edges = [{**e, "x0": e["x0"] - lo, "x1": e["x1"] - lo} for e in page.edges if mine(e["x0"], e["x1"])]
    fills = [(BBox(b.x0 - lo, b.top, b.x1 - lo, b.bottom), rgb) for b, rgb in page.fills if mine(b.x0, b.x1)]
    marks = [BBox(b.x0 - lo, b.top, b.x1 - lo, b.bottom) for b in page.marks if mine(b.x0, b.x1)]
    return replace(page, number=number, width=step, chars=chars, lines=chars_to_lines(chars, number),
                   edges=edges, fills=fills, marks=marks)


def sheets_to_frames(pages: Sequence[PageContent], s: FrameSettings) -> tuple[list[PageContent], FrameMap]:
    """The pages to read: each sheet printing pages side by side cut into its frames, left to
    right, numbered in order; with the map back to the sheets. Unchanged (and an empty map)
    when no sheet prints pages side by side."""
    if s.max_frames < 2:
        return list(pages), FrameMap()
    found = {p.number: cut for p in pages if (cut := sheet_cells(p, s))}
    if not found:
        return list(pages), FrameMap()
    size = {p.number: (round(p.width), round(p.height)) for p in pages}
    out: list[PageContent] = []
    frames: list[Frame] = []
    for p in pages:
        cut = found.get(p.number)
        if cut is None:
            like = [c for m, c in found.items() if size[m] == size[p.number]]
            cut = next((c for c in like if _fits(p, c[0], c[1], s)), None)
        if cut is None:
            out.append(replace(p, number=len(out) + 1, lines=[replace(l, page=len(out) + 1) for l in p.lines]))
            frames.append(Frame(p.number, 0.0))
            continue
        n = cut[0]
        step = p.width / n
        spans = _spans(p, s.background_share)
        for k in range(n):
            if not any(k * step <= (x0 + x1) / 2 < (k + 1) * step for x0, x1 in spans):
                continue          # an empty cell (the last sheet's right half): no page
            out.append(_moved(p, k, step, len(out) + 1))
            frames.append(Frame(p.number, k * step))
    return out, FrameMap(tuple(frames))


def line_on_sheet(line: TextLine, frames: FrameMap) -> TextLine:
    return replace(line, page=frames.sheet(line.page), bbox=frames.box(line.page, line.bbox))


def table_on_sheets(table: ExtractedTable, frames: FrameMap) -> ExtractedTable:
    """The table with every page and box its cells were read from taken back to the sheet."""
    def cell(c: Cell) -> Cell:
        return replace(c, lines=tuple(line_on_sheet(l, frames) for l in c.lines),
                       fragments=tuple(Fragment(frames.sheet(f.page), frames.box(f.page, f.bbox)) for f in c.fragments))

    def sheets(pages: Sequence[int]) -> tuple[int, ...]:
        return tuple(sorted({frames.sheet(p) for p in pages}))

    rows = tuple(replace(r, cells=tuple(cell(c) for c in r.cells), merged_from_pages=sheets(r.merged_from_pages))
                 for r in table.rows)
    return replace(table, rows=rows, pages=sheets(table.pages))


def passage_on_sheet(p: Passage, frames: FrameMap) -> Passage:
    return replace(p, page=frames.sheet(p.page), bbox=frames.box(p.page, p.bbox))


def layouts_on_sheets(page_layouts: Sequence[str], frames: FrameMap, empty: str, prose: str) -> tuple[str, ...]:
    """One layout per sheet: the first of its frames' that holds a structure, else the first."""
    by: dict[int, list[str]] = {}
    for k, layout in enumerate(page_layouts, 1):
        by.setdefault(frames.sheet(k), []).append(layout)
    return tuple(next((l for l in ls if l not in (empty, prose)), ls[0]) for _, ls in sorted(by.items()))
