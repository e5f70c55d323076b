"""Ruled tables (Word/LibreOffice exports): pdfplumber's line-based table finder per page,
then pieces stitched into logical tables by column geometry.

Chain: page_to_grids -> grids_to_tables (stitch_grids -> rows_with_continuations_merged).
"""
from __future__ import annotations

import bisect
import statistics
import re
from dataclasses import dataclass, replace
from typing import Sequence

from ..config import ExtractConfig
from ..issues import Issue, IssueCode, note
from ..model import EMPTY_CELL, BBox, Cell, ExtractedTable, Fragment, RowKind, TableRow, TextLine
from ..pdf import PageContent
from ..text import chars_to_lines, mark_cut_words, without_decoration
from ..vocabulary import CELL_LABEL_CHARS, label_phrase
from ..vocabulary import label_key
from ..wrap import id_continues, join_lines
from pdfplumber.table import cells_to_tables, edges_to_intersections, intersections_to_cells, merge_edges
from .base import StrategyResult, badge_fill
from .blocks import bullet_marks, make_cell, mark_left_of, recurring

NAME = "ruled_table"


class _Covered:
    """A grid slot under a cell merged down from a row above (a vertical span)."""
    __slots__ = ()

    def __repr__(self) -> str:
        return "COVERED"


COVERED = _Covered()


@dataclass(frozen=True)
class PageGrid:
    """One table as found on one page, before stitching."""
    page: int
    bbox: BBox
    column_edges: tuple[float, ...]
    # None: covered by a cell merged across from the left; COVERED: by one merged down
    rows: tuple[tuple[Cell | None | _Covered, ...], ...]
    # its last row has no closing rule (drawn by close_cut_rows) / its first row no opening
    # one: a row cut by the page break
    open_bottom: bool = False
    open_top: bool = False
    # slots of the last row left open at the foot while other cells of the row closed: cells
    # merged down over rows that continue on the next page
    open_columns: tuple[int, ...] = ()
    # fewer rows than a table needs: a table only as the continuation of the one on the page
    # before (the rest of a row cut by the page break, alone at the top of the next page)
    short: bool = False


@dataclass(frozen=True)
class DrawnRule:
    """A closing rule close_cut_rows added: its height, and the spans of the rules that
    were there already (cells that closed while the cells merged down beside them ran on)."""
    y: float
    closed: tuple[tuple[float, float], ...]


def _cell_fill(box: BBox, fills) -> tuple[float, float, float] | None:
    area = max(box.width * (box.bottom - box.top), 1e-6)
    for fb, rgb in fills:
        ix = min(box.x1, fb.x1) - max(box.x0, fb.x0)
        iy = min(box.bottom, fb.bottom) - max(box.top, fb.top)
        if ix > 0 and iy > 0 and ix * iy / area > 0.6:
            return rgb
    return None


def square_rounded_corners(edges: list[dict], max_radius: float, tol: float) -> list[dict]:
    """A box drawn with rounded corners (a slide's or a web page's card) prints its sides as
    straight rules that stop short of each corner by the radius, the corner itself a curve:
    its sides never meet, so the box is no cell and its side rules look like column rules
    left open. Where a vertical rule's end and a horizontal rule's end are both loose (no
    rule across either) and lie about a radius apart each way (1 pt to `max_radius`), each
    turned towards the other, both are extended to the corner: the box closes as a
    square-cornered one would. Rules that already meet others (a grid, or two tables one
    above the other) are never moved."""
    out = [dict(e) for e in edges]
    hs = sorted((e for e in out if e["orientation"] == "h"), key=lambda e: e["top"])
    vs = sorted((e for e in out if e["orientation"] == "v"), key=lambda e: e["x0"])
    if not hs or not vs:
        return out
    tops = [e["top"] for e in hs]
    xs = [e["x0"] for e in vs]

    def v_loose(x: float, y: float) -> bool:     # no horizontal rule through (x, y)
        return not any(h["x0"] - tol <= x <= h["x1"] + tol
                       for h in hs[bisect.bisect_left(tops, y - tol):bisect.bisect_right(tops, y + tol)])

    def h_loose(x: float, y: float) -> bool:     # no vertical rule through (x, y)
        return not any(v["top"] - tol <= y <= v["bottom"] + tol
                       for v in vs[bisect.bisect_left(xs, x - tol):bisect.bisect_right(xs, x + tol)])
    moves: list[tuple[dict, str, dict, str]] = []
    for v in vs:
        x = v["x0"]
        for end, sign in (("top", -1), ("bottom", 1)):
            y = v[end]
            if not v_loose(x, y):
                continue
            lo, hi = (y - max_radius - tol, y - 1) if sign < 0 else (y + 1, y + max_radius + tol)
            for h in hs[bisect.bisect_left(tops, lo):bisect.bisect_right(tops, hi)]:
                dy = abs(h["top"] - y)
                hit = None
                for hx in ("x0", "x1"):
                    dx = h[hx] - x if hx == "x0" else x - h[hx]      # the rule runs away from the side
                    if 1 <= dx <= max_radius and abs(dx - dy) <= max(tol, 0.5 * max(dx, dy)) \
                            and h_loose(h[hx], h["top"]):
                        hit = hx
                        break
                if hit is not None:
                    moves.append((v, end, h, hit))
                    break
    for v, end, h, hx in moves:
        v[end] = h["top"]
        h[hx] = v["x0"]
    for e in out:
        e["width"], e["height"] = e["x1"] - e["x0"], e["bottom"] - e["top"]
    return out


def close_cut_rows(edges: list[dict], tol: float, min_rules: int) -> tuple[list[dict], list[DrawnRule]]:
    """A row cut by a page break prints without its closing rule: the column rules run down
    to the page's last line (or, on the next page, start above the first rule) and stop
    together, with no rule across. Where `min_rules` or more vertical rules end at one
    height and no horizontal rule there spans them, the missing rule is drawn, so the cut
    row is a cell like any other (the stitcher then joins its two halves)."""
    hs = [e for e in edges if e["orientation"] == "h"]
    vs = [e for e in edges if e["orientation"] == "v"]
    added: list[dict] = []
    drawn: list[DrawnRule] = []
    for end in ("bottom", "top"):
        ends = sorted(vs, key=lambda e: e[end])
        groups: list[list[dict]] = []
        for v in ends:
            if groups and v[end] - groups[-1][-1][end] <= tol:
                groups[-1].append(v)
            else:
                groups.append([v])
        for g in groups:
            lo, hi = min(v["top"] for v in g) - tol, max(v["bottom"] for v in g) + tol
            for xs in _bridged_runs(sorted({round(v["x0"], 1) for v in g}),
                                    [h for h in hs if lo <= h["top"] <= hi], tol):
                if len(xs) < min_rules:
                    continue
                y = statistics.median(v[end] for v in g if xs[0] - tol <= v["x0"] <= xs[-1] + tol)
                _close(xs, y, hs, tol, added, drawn)
    return edges + added, drawn


def _bridged_runs(xs: list[float], hs: list[dict], tol: float) -> list[list[float]]:
    """Vertical rules (by x, left to right) split where no horizontal rule along them (`hs`:
    those within their height) runs from one to the next: rules of one table are joined by
    its header's or rows' rules, where boxes side by side (a poster's panels) never are,
    though their sides stop at one height."""
    runs: list[list[float]] = []
    for x in xs:
        if runs and any(h["x0"] <= runs[-1][-1] + tol and h["x1"] >= x - tol for h in hs):
            runs[-1].append(x)
        else:
            runs.append([x])
    return runs


def _close(xs: list[float], y: float, hs: list[dict], tol: float, added: list[dict], drawn: list[DrawnRule]) -> None:
    """The closing rule across the rules at `xs`, at height y, unless one is there."""
    x0, x1 = xs[0], xs[-1]
    near = [h for h in hs if abs(h["top"] - y) <= tol and h["x1"] > x0 + tol and h["x0"] < x1 - tol]
    if any(h["x0"] <= x0 + tol and h["x1"] >= x1 - tol for h in near):
        return
    if near:   # some cells closed there (the others are merged down): the same height
        y = near[0]["top"]
    added.append({"x0": x0, "x1": x1, "top": y, "bottom": y, "width": x1 - x0, "height": 0.0,
                  "orientation": "h", "object_type": "line"})
    drawn.append(DrawnRule(y, tuple((h["x0"], h["x1"]) for h in near)))


def open_sides(edges: list[dict], tol: float, min_rules: int, min_width: float) -> list[dict]:
    """A ruled table printed with no outer border (a web page's or Word's "no outer border"
    style, a Notion database): column rules only between its columns, so its first and last
    columns close on no rule and pdfplumber's finder leaves them out. Its rows' rules still
    run past the outermost column rule to the table's edge, at one x on every row. Where
    `min_rules` or more rules, each across two column rules or more (a stub off the table's
    side is no row rule), whose outermost column rule runs from each to the next, all run on
    past it by `min_width` points or more and stop within `tol` of one x, a vertical rule is
    drawn there (the table's edge), from the first of them to the last, or to the column
    rule's own ends where it runs on (a row cut by a page break). Returns the rules to add
    (merged edges in, pdfplumber's edge dicts out)."""
    hs = sorted((e for e in edges if e["orientation"] == "h"), key=lambda e: e["top"])
    vs = [e for e in edges if e["orientation"] == "v"]
    added: list[dict] = []
    for side in (-1, 1):           # the left side, then the right
        runs: list[tuple[list[dict], list[tuple[dict, float]]]] = []   # column rules, the rules and their ends
        for h in hs:
            crossed = [v for v in vs if h["x0"] - tol <= v["x0"] <= h["x1"] + tol
                       and v["top"] - tol <= h["top"] <= v["bottom"] + tol]
            if len(crossed) < 2:      # a rule across the table, not a stub off one side of it
                continue
            out = min(crossed, key=lambda v: -side * v["x0"])
            end = h["x0"] if side < 0 else h["x1"]
            if side * (end - out["x0"]) < min_width:
                continue
            # the run whose last rule stops at this one's x and whose column rule runs on down to it
            run = next((r for r in runs if abs(r[1][-1][1] - end) <= tol and abs(r[0][-1]["x0"] - out["x0"]) <= tol
                        and out["top"] - tol <= r[1][-1][0]["top"]), None)
            if run is None:
                runs.append(([out], [(h, end)]))
            else:
                run[0].append(out)
                run[1].append((h, end))
        for columns, rules in runs:
            if len(rules) < min_rules:
                continue
            x = statistics.median(e for _, e in rules)
            top = min(rules[0][0]["top"], columns[0]["top"])
            bottom = max(rules[-1][0]["top"], columns[-1]["bottom"])
            added.append({"x0": x, "x1": x, "top": top, "bottom": bottom, "width": 0.0, "height": bottom - top,
                          "orientation": "v", "object_type": "line"})
    return added


def find_grids(edges: list[dict], settings, drawn: list[DrawnRule] | None = None
               ) -> list[list[tuple[float, float, float, float]]]:
    """pdfplumber's chain on our edges: merge -> intersections -> cells -> tables. `drawn`
    receives the closing rules close_cut_rows added."""
    boxes = standalone_boxes(edges, settings)
    if boxes:     # a box of its own (a card) is no part of a grid, nor its side a column rule
        drop = {k for _, ks in boxes for k in ks}
        edges = [e for k, e in enumerate(edges) if k not in drop]
    edges = merge_edges(edges, settings.snap_tolerance, settings.snap_tolerance,
                        settings.join_tolerance, settings.join_tolerance)
    edges = [e for e in edges if (e["x1"] - e["x0"] if e["orientation"] == "h" else e["bottom"] - e["top"]) >= 3]
    edges = edges + open_sides(edges, settings.snap_tolerance, settings.open_side_min_rules,
                               settings.open_side_min_width)
    edges, added = close_cut_rows(edges, settings.snap_tolerance, settings.cut_row_min_rules)
    if drawn is not None:
        drawn.extend(added)
    inter = edges_to_intersections(edges, settings.intersection_tolerance, settings.intersection_tolerance)
    cells = intersections_to_cells(inter)
    return cells_to_tables(cells)


def standalone_boxes(edges: list[dict], settings) -> list[tuple[BBox, tuple[int, ...]]]:
    """Rectangles drawn as four rules of their own (a card's border, its corners square or
    rounded: see square_rounded_corners) that no other rule touches: a box standing alone,
    not a cell of a grid. Each with the indexes of its four rules in `edges`."""
    tol = settings.snap_tolerance
    sq = square_rounded_corners(edges, settings.corner_max_radius, tol)
    hs = sorted((k for k, e in enumerate(sq) if e["orientation"] == "h" and e["x1"] - e["x0"] > 2 * tol),
                key=lambda k: sq[k]["top"])
    vs = [k for k, e in enumerate(sq) if e["orientation"] == "v" and e["bottom"] - e["top"] > 2 * tol]
    if len(hs) < 2 or len(vs) < 2:
        return []
    by_x: dict[int, list[int]] = {}
    for k in vs:
        by_x.setdefault(round(sq[k]["x0"]), []).append(k)

    def v_at(x: float, top: float, bottom: float) -> int | None:
        for bx in (round(x) - 1, round(x), round(x) + 1):
            for k in by_x.get(bx, []):
                v = sq[k]
                if abs(v["x0"] - x) <= tol and abs(v["top"] - top) <= tol and abs(v["bottom"] - bottom) <= tol:
                    return k
        return None

    def touches(box: BBox, own: set[int]) -> bool:
        for k, e in enumerate(sq):
            if k in own:
                continue
            if e["x1"] < box.x0 - tol or e["x0"] > box.x1 + tol or e["bottom"] < box.top - tol or e["top"] > box.bottom + tol:
                continue
            if e["orientation"] == "h":
                if abs(e["top"] - box.top) <= tol or abs(e["top"] - box.bottom) <= tol \
                        or e["x0"] <= box.x0 + tol or e["x1"] >= box.x1 - tol:
                    return True      # along a side, or meeting a side
            elif abs(e["x0"] - box.x0) <= tol or abs(e["x0"] - box.x1) <= tol \
                    or e["top"] <= box.top + tol or e["bottom"] >= box.bottom - tol:
                return True
        return False
    out: list[tuple[BBox, tuple[int, ...]]] = []
    used: set[int] = set()
    for a, top in enumerate(hs):
        t = sq[top]
        if top in used:
            continue
        for bottom in hs[a + 1:]:
            b = sq[bottom]
            if bottom in used or abs(b["x0"] - t["x0"]) > tol or abs(b["x1"] - t["x1"]) > tol or b["top"] - t["top"] <= tol:
                continue
            left, right = v_at(t["x0"], t["top"], b["top"]), v_at(t["x1"], t["top"], b["top"])
            if left is None or right is None:
                continue
            own = {top, bottom, left, right}
            box = BBox(t["x0"], t["top"], t["x1"], b["top"])
            if not touches(box, own):
                out.append((box, (top, bottom, left, right)))
                used |= own
            break
    return out


def edges_to_boxes(edges: list[dict], settings) -> list[BBox]:
    """The boxes standing alone among the page's rules (standalone_boxes)."""
    return [b for b, _ in standalone_boxes(edges, settings)]


def framing_boxes(page: PageContent, config: ExtractConfig, min_height: float) -> list[BBox]:
    """Boxes that frame text on the page: filled rectangles and closed ruled rectangles of
    one cell (a card's border, its corners square or rounded), narrower than the page (a
    page-wide band is a masthead or a background) and taller than `min_height` points."""
    out = [b for b, _ in page.fills]
    if page.edges:
        out += edges_to_boxes(list(page.edges), config.ruled_table)
    return [b for b in out if b.width < config.boxes.max_page_width * page.width and b.bottom - b.top > min_height]


def cells_to_rows(cells: list[tuple]) -> list[list[tuple | None | _Covered]]:
    """Cells into rows by top, columns by every x0 in the table, the way pdfplumber's
    Table.rows does. A slot under a merged cell is None when a cell of its row spans across
    it from the left, else COVERED: a cell spans down over it from a row above (its value
    belongs to every row it spans)."""
    xs = sorted({cell[0] for cell in cells})
    rows: dict[float, dict[float, tuple]] = {}
    for cell in sorted(cells, key=lambda b: (b[1], b[0])):
        rows.setdefault(cell[1], {})[cell[0]] = cell
    out: list[list[tuple | None | _Covered]] = []
    for top, row in sorted(rows.items()):
        slots: list[tuple | None | _Covered] = []
        for x in xs:
            cell = row.get(x)
            # Not spanned across from the left in this row: spanned down from above (pdfplumber
            # may find no cell at all for a tall merged region whose inner rules are missing).
            if cell is None and not any(c[0] < x - 0.5 and c[2] > x + 0.5 for c in row.values()):
                cell = COVERED
            slots.append(cell)
        out.append(slots)
    return out


def _distinct(values: Sequence[float], tol: float) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tol:
            out.append(v)
    return out


def unbordered_cells(cells: list[tuple], chars: Sequence[dict], s) -> list[tuple]:
    """A spreadsheet printed with borders on some columns only: rows are ruled across the
    bordered columns, and the unbordered columns' area is one tall cell beside them (its
    side rules are the bordered columns' sides) or no cell at all (past the last side rule,
    under the header's cells). Rows run across the whole table: each such area is cut at
    the rows' rules and at the column rules the header draws (cut_unbordered), when its
    text reads as one value per row. Cell boxes as pdfplumber's finder gives them."""
    if len(cells) < 2:
        return cells
    tol = 1.0
    xs = _distinct([x for c in cells for x in (c[0], c[2])], tol)
    ys = _distinct([y for c in cells for y in (c[1], c[3])], tol)
    inside = [ch for ch in chars if ch["text"].strip()
              and xs[0] <= _centre_x(ch) <= xs[-1] and ys[0] <= (ch["top"] + ch["bottom"]) / 2 <= ys[-1]]
    if not inside:
        return cells
    out: list[tuple] = []
    for c in cells:
        rules = [y for y in ys if c[1] + tol < y < c[3] - tol]
        columns = [x for x in xs if c[0] + tol < x < c[2] - tol]
        pieces = cut_unbordered(c, rules, columns, inside, s) if rules or columns else None
        out.extend(pieces or [c])

    def covered(x: float, y: float) -> bool:
        return any(c[0] < x < c[2] and c[1] < y < c[3] for c in cells)
    for k in range(len(xs) - 1):
        xm = (xs[k] + xs[k + 1]) / 2
        free = [not covered(xm, (ys[j] + ys[j + 1]) / 2) for j in range(len(ys) - 1)]
        j = 0
        while j < len(free):
            if not free[j]:
                j += 1
                continue
            end = j
            while end + 1 < len(free) and free[end + 1]:
                end += 1
            box = (xs[k], ys[j], xs[k + 1], ys[end + 1])
            out.extend(cut_unbordered(box, ys[j + 1:end + 1], [], inside, s, 1) or [])
            j = end + 1
    return out


def _line_boxes(chars: Sequence[dict]) -> list[tuple[float, float]]:
    """(top, bottom) of each printed line, top to bottom."""
    lines: list[list[float]] = []
    for ch in sorted(chars, key=lambda c: c["top"]):
        if lines and ch["top"] < lines[-1][1] - 0.5 * (ch["bottom"] - ch["top"]):
            lines[-1][1] = max(lines[-1][1], ch["bottom"])
        else:
            lines.append([ch["top"], ch["bottom"]])
    return [(a, b) for a, b in lines]


def cut_unbordered(box: tuple, rules: Sequence[float], columns: Sequence[float], chars: Sequence[dict], s,
                   min_parts: int | None = None) -> list[tuple] | None:
    """The area `box` (an unbordered column's, spanning rows whose rules, at `rules`, stop at
    its sides, and header columns whose rules, at `columns`, stop at its top) cut into one
    cell per row and column, or None when its text is one merged cell's. Across rows: text
    in unbordered_min_bands rows or more (`min_parts`: 1 for an area no cell covers, where no
    rule drew a merged cell), no line across a rule, the gap at each rule wider
    than the text's own line gaps, and each row's text set level (top, bottom or centre) with
    the other cells' text of its row. Within one row (a page with one row of the table): text
    in as many of its columns, none across a column rule, each set level with the row's."""
    x0, top, x1, bottom = box
    own = [ch for ch in chars if x0 <= _centre_x(ch) < x1 and top <= (ch["top"] + ch["bottom"]) / 2 < bottom]
    if not own:
        return None
    edges, cuts = [top, *rules, bottom], [x0, *columns, x1]
    bands = list(zip(edges, edges[1:]))
    if rules:
        if any(ch["top"] < y - 1 and ch["bottom"] > y + 1 for ch in own for y in rules):
            return None
        per = [[ch for ch in own if a <= (ch["top"] + ch["bottom"]) / 2 < b] for a, b in bands]
        lines = [_line_boxes(p) for p in per]
        size = statistics.median(ch["bottom"] - ch["top"] for ch in own)
        inner = [b[0] - a[1] for ls in lines for a, b in zip(ls, ls[1:])]
        least = (max(inner) if inner else 0.0) + s.unbordered_row_gap * size
        for k in range(len(bands) - 1):
            if lines[k] and lines[k + 1] and lines[k + 1][0][0] - lines[k][-1][1] < least:
                return None      # lines a line's spacing apart across the rule: one text wrapping on
        parts = [(a, b, x0, x1, p) for (a, b), p in zip(bands, per)]
    elif columns:
        if any(ch["x0"] < x - 1 and ch["x1"] > x + 1 for ch in own for x in columns):
            return None
        parts = [(top, bottom, a, b, [ch for ch in own if a <= _centre_x(ch) < b]) for a, b in zip(cuts, cuts[1:])]
    else:
        parts = [(top, bottom, x0, x1, own)]
    filled = [p for p in parts if p[4]]
    if len(filled) < (s.unbordered_min_bands if min_parts is None else min_parts):
        return None
    aligned = judged = 0
    tol = s.unbordered_align_tolerance
    for a, b, l, r, mine in filled:
        beside = [ch for ch in chars if a <= (ch["top"] + ch["bottom"]) / 2 < b and not x0 <= _centre_x(ch) < x1]
        if not beside:
            continue
        judged += 1
        t, u = min(ch["top"] for ch in mine), max(ch["bottom"] for ch in mine)
        ot, ob = min(ch["top"] for ch in beside), max(ch["bottom"] for ch in beside)
        if abs(t - ot) <= tol or abs(u - ob) <= tol or abs((t + u) - (ot + ob)) <= 2 * tol:
            aligned += 1
    if not judged or 2 * aligned < judged:
        return None
    return [(a, c_top, b, c_bottom) for c_top, c_bottom in bands for a, b in zip(cuts, cuts[1:])]


def _centre_x(c: dict) -> float:
    return (c["x0"] + c["x1"]) / 2


def rule_stacks(edges: list[dict], tol: float, min_rules: int, min_width: float) -> list[list[dict]]:
    """Horizontal rules of one extent stacked down the page (a table ruled only between its
    rows), top to bottom; `min_rules` or more per stack."""
    hs = [e for e in edges if e["orientation"] == "h" and e["x1"] - e["x0"] >= min_width]
    groups: list[list[dict]] = []
    for h in sorted(hs, key=lambda e: (round(e["x0"]), round(e["x1"]), e["top"])):
        g = next((g for g in groups if abs(g[0]["x0"] - h["x0"]) <= tol and abs(g[0]["x1"] - h["x1"]) <= tol), None)
        if g is None:
            groups.append([h])
        elif h["top"] - g[-1]["top"] > tol:
            g.append(h)
    return [sorted(g, key=lambda e: e["top"]) for g in groups if len(g) >= min_rules]


def _blank_line_inside(chars: Sequence[dict]) -> bool:
    tops = sorted(chars, key=lambda c: c["top"])
    bottom = tops[0]["bottom"]
    for c in tops[1:]:
        if c["top"] - bottom > c["bottom"] - c["top"]:
            return True
        bottom = max(bottom, c["bottom"])
    return False


def rows_only_tables(page: PageContent, found: Sequence[list[tuple]], s) -> list[list[tuple]]:
    """Tables ruled only between their rows (a web table with `border-bottom` on its cells):
    rows from the rules, columns from the text's alignment (a gap free of text in every
    row, at one x; each column starts where its text's left edges line up), and the header
    from the lines just above the first rule. Cell boxes as pdfplumber's finder gives them.
    Cells shaded in some rows only (zebra stripes: every other row's cells on a fill) draw
    no column rules: the fills' sides are no rules, they are where the columns are
    (shaded_columns), and the one-row grids the finder read from them are rows of the table
    (page_to_grids drops them)."""
    edges = merge_edges(page.edges, s.snap_tolerance, s.snap_tolerance, s.join_tolerance, s.join_tolerance)
    vs = [e for e in edges if e["orientation"] == "v" and e["bottom"] - e["top"] >= 3]
    boxes = [(min(b[0] for b in t), min(b[1] for b in t), max(b[2] for b in t), max(b[3] for b in t)) for t in found]
    chars = [c for c in page.chars if c["text"].strip()]
    out: list[list[tuple]] = []
    for stack in rule_stacks(edges, s.snap_tolerance, s.rows_only_min_rules, s.rows_only_min_width):
        x0, x1 = stack[0]["x0"], stack[0]["x1"]
        top, bottom = stack[0]["top"], stack[-1]["top"]
        shaded = shaded_columns(stack, page.fills, vs, s.snap_tolerance)
        if shaded is None and any(b[0] - 2 <= x0 and x1 <= b[2] + 2 and b[1] - 2 <= top and bottom <= b[3] + 2
                                  for b in boxes):
            continue      # inside a grid already found
        if shaded is None and any(x0 - 2 <= v["x0"] <= x1 + 2 and v["top"] < bottom and v["bottom"] > top for v in vs):
            continue      # column rules: pdfplumber's finder reads it (or it is no table of rows)
        inside = [c for c in chars if x0 - 1 <= (c["x0"] + c["x1"]) / 2 <= x1 + 1]
        # One stack may rule several tables of one width: a band whose text has a blank line
        # in it lies between two tables (a heading and the next table's header).
        runs: list[list[float]] = [[stack[0]["top"]]]
        for r in stack[1:]:
            band = [c for c in inside if runs[-1][-1] <= (c["top"] + c["bottom"]) / 2 <= r["top"]]
            if band and _blank_line_inside(band):
                runs.append([r["top"]])
            else:
                runs[-1].append(r["top"])
        for ys in runs:
            cells = _rows_only_cells(ys, x0, x1, inside, s, shaded)
            if cells:
                out.append(cells)
    return out


def _spans(values: Sequence[tuple[float, float]], tol: float) -> list[tuple[float, float]]:
    """Distinct (start, end) extents, each within `tol` of one another counted once."""
    out: list[tuple[float, float]] = []
    for a, b in sorted(values):
        if not any(abs(a - x) <= tol and abs(b - y) <= tol for x, y in out):
            out.append((a, b))
    return out


def spaced_cell_grids(page: PageContent, config: ExtractConfig, found: Sequence[list[tuple]] = ()) -> list[list[tuple]]:
    """Tables printed with space between their cells (a web table's border-spacing, Word's
    cell spacing): every cell a box of its own (a filled rectangle, or a closed bordered one,
    its corners square or rounded), so no rule is shared and the line finder sees boxes
    standing alone. Boxes that fill whole rows and columns (each row's boxes one height, each
    column's one width), neighbours no more than `spaced_cells_max_gap` of the page's median
    glyph height apart, make a table when its first row is a header: every box of it, but for a
    blank corner, holds one short line. A grid of cards (slides, posters) stands further
    apart and has none. Cell boxes as pdfplumber's finder gives them; grids inside one
    `found` already are left out."""
    s = config.ruled_table
    tol = s.snap_tolerance
    boxes: list[BBox] = []
    for b in framing_boxes(page, config, config.boxes.card_min_height):
        if not any(abs(b.x0 - o.x0) <= tol and abs(b.top - o.top) <= tol and abs(b.x1 - o.x1) <= tol
                   and abs(b.bottom - o.bottom) <= tol for o in boxes):
            boxes.append(b)
    # a panel holding boxes is no cell: its boxes are
    boxes = [b for b in boxes if not any(o is not b and b.x0 - tol <= o.x0 and o.x1 <= b.x1 + tol and b.top - tol <= o.top
                                         and o.bottom <= b.bottom + tol and (o.width, o.bottom - o.top)
                                         != (b.width, b.bottom - b.top) for o in boxes)]
    if len(boxes) < (s.min_rows + 1) * s.min_columns:
        return []
    chars = [c for c in page.chars if c["text"].strip()]
    if not chars:
        return []
    gap = s.spaced_cells_max_gap * statistics.median(c["bottom"] - c["top"] for c in chars)
    held: dict[int, list[dict]] = {}

    def text_in(k: int) -> list[dict]:
        if k not in held:
            b = boxes[k]
            held[k] = [c for c in chars if b.x0 <= _centre_x(c) <= b.x1 and b.top <= (c["top"] + c["bottom"]) / 2 <= b.bottom]
        return held[k]
    parent = list(range(len(boxes)))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k
    for i, a in enumerate(boxes):
        for j in range(i + 1, len(boxes)):
            b = boxes[j]
            row = abs(a.top - b.top) <= tol and abs(a.bottom - b.bottom) <= tol \
                and 0 < max(b.x0 - a.x1, a.x0 - b.x1) <= gap
            col = abs(a.x0 - b.x0) <= tol and abs(a.x1 - b.x1) <= tol \
                and 0 < max(b.top - a.bottom, a.top - b.bottom) <= gap
            if row or col:
                parent[root(i)] = root(j)
    groups: dict[int, list[int]] = {}
    for k in range(len(boxes)):
        groups.setdefault(root(k), []).append(k)
    out: list[list[tuple]] = []
    for members in groups.values():
        cols = _spans([(boxes[k].x0, boxes[k].x1) for k in members], tol)
        rows = _spans([(boxes[k].top, boxes[k].bottom) for k in members], tol)
        if len(cols) < s.min_columns or len(rows) < s.min_rows + 1 or len(members) != len(cols) * len(rows):
            continue
        if any(a[1] > b[0] for a, b in zip(cols, cols[1:])) or any(a[1] > b[0] for a, b in zip(rows, rows[1:])):
            continue      # overlapping extents: no rows and columns
        mine = sorted(members, key=lambda k: (boxes[k].top, boxes[k].x0))
        head = [k for k in mine if abs(boxes[k].top - rows[0][0]) <= tol]
        texts = [text_in(k) for k in sorted(head, key=lambda k: boxes[k].x0)]
        if not all(texts[1:]) or not any(texts):
            continue
        lines = [chars_to_lines(t, page.number) for t in texts if t]
        if any(len(ls) != 1 or len(ls[0].text.split()) > s.header_max_words for ls in lines):
            continue
        if sum(bool(text_in(k)) for k in mine if k not in head) < s.min_rows:
            continue
        x0, top = min(boxes[k].x0 for k in mine), min(boxes[k].top for k in mine)
        x1, bottom = max(boxes[k].x1 for k in mine), max(boxes[k].bottom for k in mine)
        if any(min(c[0] for c in t) - tol <= x0 and x1 <= max(c[2] for c in t) + tol
               and min(c[1] for c in t) - tol <= top and bottom <= max(c[3] for c in t) + tol for t in found):
            continue
        # each box on its row's and column's extent, so the rows and columns read as one
        snap = [(next(c for c in cols if abs(c[0] - boxes[k].x0) <= tol), next(r for r in rows if abs(r[0] - boxes[k].top)
                                                                               <= tol)) for k in mine]
        out.append([(c[0], r[0], c[1], r[1]) for c, r in snap])
    return out


def shaded_columns(stack: Sequence[dict], fills, vs: Sequence[dict], tol: float) -> list[float] | None:
    """The column edges a stack of row rules' zebra stripes give: the sides of the filled
    rectangles that shade whole rows between its rules cell by cell, when every vertical
    rule across the stack is such a side and some row between the rules is left unshaded
    (cells shaded in every row make a grid of their own, pdfplumber's finder reads it).
    None when the stack is not so shaded."""
    x0, x1 = stack[0]["x0"], stack[0]["x1"]
    ys = [e["top"] for e in stack]
    top, bottom = ys[0], ys[-1]
    bands = list(zip(ys, ys[1:]))
    # a fill from one rule to the next, within the stack (a pill or a badge inside a cell is none)
    shades = [b for b, _ in fills if x0 - tol <= b.x0 and b.x1 <= x1 + tol
              and any(abs(b.top - a) <= tol and abs(b.bottom - u) <= tol for a, u in bands)]
    if not shades:
        return None
    sides = _distinct([x for b in shades for x in (b.x0, b.x1)], tol)
    if len(sides) < 3:
        return None         # a row's fill from side to side: stripes that draw no column
    shaded_bands = {k for k, (a, u) in enumerate(bands) if any(abs(f.top - a) <= tol for f in shades)}
    if len(shaded_bands) == len(bands):
        return None
    for v in vs:
        if not (x0 - 2 <= v["x0"] <= x1 + 2 and v["top"] < bottom and v["bottom"] > top):
            continue
        if not any(abs(v["top"] - y) <= tol or abs(v["bottom"] - y) <= tol for y in ys):
            continue        # inside a row, reaching neither rule: a pill's or a badge's side
        if not any((abs(v["x0"] - f.x0) <= tol or abs(v["x0"] - f.x1) <= tol)
                   and f.top - tol <= v["top"] and v["bottom"] <= f.bottom + tol for f in shades):
            return None     # a rule no fill's side explains: a ruled grid
    return sides


def _rows_only_cells(ys: Sequence[float], x0: float, x1: float, inside: Sequence[dict], s,
                     shaded: Sequence[float] | None = None) -> list[tuple]:
    """The cells of a table ruled only between its rows, its rules at `ys`; `shaded`: the
    column edges its zebra stripes give (shaded_columns), else columns from the text."""
    top = ys[0]
    bands = [(a, b) for a, b in zip(ys, ys[1:])]
    foot = _unclosed_last_row(ys, inside)
    if foot is not None:
        bands.append((ys[-1], foot))
    # the header: lines just above the first rule, over the table, close together
    above = sorted((c for c in inside if c["bottom"] <= top + 1), key=lambda c: -c["bottom"])
    head_top, first = None, None
    for c in above:
        limit = head_top if head_top is not None else top
        first = first or c
        if limit - c["bottom"] > 0.6 * (first["bottom"] - first["top"]) or abs(c["size"] - first["size"]) > 0.2 * first["size"]:
            break     # a blank line, or a heading set larger than the header
        head_top = min(c["top"], head_top if head_top is not None else c["top"])
    if head_top is not None:
        bands.insert(0, (head_top - 1, top))
    rows = [[c for c in inside if a <= (c["top"] + c["bottom"]) / 2 <= b] for a, b in bands]
    bands = [b for b, r in zip(bands, rows) if r]
    rows = [r for r in rows if r]
    if len(bands) < s.min_rows:
        return []
    if shaded is not None:
        return [(a, t, b, u) for t, u in bands for a, b in zip(shaded, shaded[1:])]
    size = statistics.median(c["bottom"] - c["top"] for r in rows for c in r)
    # x ranges covered by text in any row; a gap free in every row is between columns,
    # and each column starts where its text's left edges line up
    spans = sorted((c["x0"], c["x1"]) for r in rows for c in r)
    starts: list[float] = []
    reach = spans[0][1]
    for a, b in spans[1:]:
        if a - reach >= s.rows_only_gutter * size:
            starts.append(a)
        reach = max(reach, b)
    if len(starts) + 1 < s.min_columns:
        return []
    lefts = [x0] + [a - 1 for a in starts] + [x1]
    return [(lefts[k], a, lefts[k + 1], b) for a, b in bands for k in range(len(lefts) - 1)]


def held_glyphs(marks: Sequence[BBox], chars: Sequence[dict]) -> list[list[dict]]:
    """For each shape, the glyphs (not spaces) whose centres lie inside it."""
    shown = sorted((c for c in chars if c["text"].strip()), key=_centre_x)
    xs = [_centre_x(c) for c in shown]
    return [[c for c in shown[bisect.bisect_left(xs, m.x0):bisect.bisect_right(xs, m.x1)]
             if m.top <= (c["top"] + c["bottom"]) / 2 <= m.bottom] for m in marks]


def avatar_initials(chars: Sequence[dict], marks: Sequence[BBox], held: Sequence[list[dict]]) -> set[int]:
    """A person chip's avatar (a web app's owner or assignee cell: "(M) Megan Oduya"): a shape
    (a disc or a box) holding one glyph (`held`: held_glyphs), a capital letter, with the name
    it abbreviates just right of it on its line, its first or second word (a title first: "(A)
    Dr Anika Rao") starting with that letter. The letter is the avatar's picture, no word of
    the text: the ids (id()) of those glyphs, to be left out of their cell."""
    out: set[int] = set()
    for m, inside in zip(marks, held):
        if len(inside) != 1 or not (inside[0]["text"].isalpha() and inside[0]["text"].isupper()):
            continue
        c = inside[0]
        cy, half = (c["top"] + c["bottom"]) / 2, (c["bottom"] - c["top"]) / 2
        after = sorted((d for d in chars if d["x0"] >= m.x1 - 0.5 and abs((d["top"] + d["bottom"]) / 2 - cy) <= half),
                       key=lambda d: d["x0"])
        words = "".join(d["text"] for d in after).split()[:2]
        if any(w[:1] == c["text"] for w in words):
            out.add(id(c))
    return out


def drawn_bullets(lines: Sequence[TextLine], marks: Sequence[BBox], config: ExtractConfig) -> tuple[TextLine, ...]:
    """A cell's lines with the bullets drawn as shapes beside them (a web page's list discs)
    printed as the bullet glyph a Word export prints: each bulleted line of the cell opens a
    list item of its own, its wrapped lines after it."""
    if not marks:
        return tuple(lines)
    b = config.blocks
    return tuple(replace(l, text="\u2022 " + l.text) if mark_left_of(l, marks, b.mark_max_distance, b.mark_max_size)
                 is not None and not l.text.startswith("\u2022") else l for l in lines)


def _unclosed_last_row(ys: Sequence[float], inside: Sequence[dict]) -> float | None:
    """The foot of a last row printed with no rule under it (a web table whose last row
    has no bottom border): text starting below the last rule as far below it as each row's
    text starts below its own rule (the cell padding), its lines close together; None when
    the text there starts farther down (what follows the table) or there is none."""
    offsets = []
    for a, b in zip(ys, ys[1:]):
        band = [c for c in inside if a <= (c["top"] + c["bottom"]) / 2 <= b]
        if band:
            offsets.append(min(c["top"] for c in band) - a)
    below = sorted((c for c in inside if c["top"] >= ys[-1] - 1), key=lambda c: c["top"])
    if len(offsets) < 2 or not below:
        return None
    pad = statistics.median(offsets)
    height = statistics.median(c["bottom"] - c["top"] for c in below[:20])
    if abs(below[0]["top"] - ys[-1] - pad) > max(1.5, 0.25 * height):
        return None
    foot = below[0]["bottom"]
    for c in below[1:]:
        if c["top"] - foot > 0.6 * (c["bottom"] - c["top"]):
            break       # a blank line: the row ended above it
        foot = max(foot, c["bottom"])
    return foot + 1


def page_to_grids(page: PageContent, config: ExtractConfig) -> list[PageGrid]:
    s = config.ruled_table
    if not page.edges and not page.fills:
        return []
    drawn: list[DrawnRule] = []
    found = find_grids(page.edges, s, drawn) if page.edges else []
    rows_only = rows_only_tables(page, found, s)
    # the one-row grids a zebra-striped table's shaded rows made are rows of it
    spans = [(min(b[0] for b in t), min(b[1] for b in t), max(b[2] for b in t), max(b[3] for b in t)) for t in rows_only]
    found = [t for t in found if not any(a[0] - 2 <= min(b[0] for b in t) and max(b[2] for b in t) <= a[2] + 2
                                         and a[1] - 2 <= min(b[1] for b in t) and max(b[3] for b in t) <= a[3] + 2
                                         for a in spans)] + rows_only
    found += spaced_cell_grids(page, config, found)
    if not found:
        return []
    found = [unbordered_cells(t, page.chars, s) for t in found]
    # a shape with a glyph inside it (an avatar's initial, a numbered step's disc) is no bullet
    held = held_glyphs(page.marks, page.chars)
    empty = {id(m) for m, inside in zip(page.marks, held) if not inside}
    marks = [m for m in bullet_marks(page.marks, config.blocks.mark_alone_max) if id(m) in empty]
    initials = avatar_initials(page.chars, page.marks, held)
    chars = sorted(page.chars, key=lambda c: (c["top"] + c["bottom"]) / 2)
    centres_y = [(c["top"] + c["bottom"]) / 2 for c in chars]
    grids = []
    bands: dict[tuple[int, int], tuple[list[dict], list[float]]] = {}
    for cells_of_table in found:
        rows = []
        for prow in cells_to_rows(cells_of_table):
            cells: list[Cell | None] = []
            for box in prow:
                if box is None or box is COVERED:
                    cells.append(box)
                    continue
                bb = BBox(*box)
                lo = bisect.bisect_left(centres_y, bb.top)
                hi = bisect.bisect_right(centres_y, bb.bottom)
                band = bands.get((lo, hi))
                if band is None:   # the cells of a row share a band: sort it by x once
                    in_band = sorted(chars[lo:hi], key=_centre_x)
                    band = bands[(lo, hi)] = (in_band, [_centre_x(c) for c in in_band])
                left = bisect.bisect_left(band[1], bb.x0)
                right = bisect.bisect_right(band[1], bb.x1)
                inner = [c for c in band[0][left:right] if id(c) not in initials]
                lines = tuple(mark_cut_words(chars_to_lines(inner, page.number), bb.x0, bb.x1))
                lines = drawn_bullets(lines, [m for m in marks if bb.x0 <= m.x0 and m.x1 <= bb.x1
                                              and bb.top <= m.top and m.bottom <= bb.bottom], config)
                cells.append(Cell(lines, (Fragment(page.number, bb),), _cell_fill(bb, page.fills)
                                  or badge_fill(lines, page.fills, config.badge_fill)))
            rows.append(tuple(cells))
        if not rows or max(len(r) for r in rows) < s.min_columns:
            continue
        if not any(isinstance(c, Cell) and not c.empty for r in rows for c in r):
            continue  # a ruled box with no text (a frame, a chart)
        x0 = min(b[0] for b in cells_of_table)
        top = min(b[1] for b in cells_of_table)
        x1 = max(b[2] for b in cells_of_table)
        bottom = max(b[3] for b in cells_of_table)
        edges_x = sorted({round(x, 1) for b in cells_of_table for x in (b[0], b[2])})
        foot = next((d for d in drawn if abs(d.y - bottom) <= 1), None)
        head = next((d for d in drawn if abs(d.y - top) <= 1), None)
        open_head = head is not None and not head.closed
        open_columns: tuple[int, ...] = ()
        if foot is not None and foot.closed:
            xs = sorted({b[0] for b in cells_of_table}) + [x1]
            open_columns = tuple(k for k in range(len(xs) - 1)
                                 if not any(a <= (xs[k] + xs[k + 1]) / 2 <= b for a, b in foot.closed))
        grids.append(PageGrid(page.number, BBox(x0, top, x1, bottom), tuple(edges_x), tuple(rows),
                              foot is not None and not foot.closed, open_head, open_columns,
                              len(rows) < s.min_rows))
    return grids


def _same_columns(a: PageGrid, b: PageGrid, tol: float) -> bool:
    if len(a.rows[0]) != len(b.rows[0]):
        return False
    ea, eb = _outer_edges(a), _outer_edges(b)
    return len(ea) == len(eb) and all(abs(x - y) <= tol for x, y in zip(ea, eb))


def _outer_edges(g: PageGrid) -> list[float]:
    """Column boundaries from the fullest row (merged cells hide some boundaries)."""
    best = max(g.rows, key=lambda r: sum(isinstance(c, Cell) for c in r))
    edges = []
    for c in best:
        if isinstance(c, Cell):
            edges.extend([c.fragments[0].bbox.x0, c.fragments[0].bbox.x1])
    return sorted(set(round(e) for e in edges))


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _is_section(row: tuple[Cell | None | _Covered, ...], table_width: float, min_share: float) -> bool:
    filled = [c for c in row if isinstance(c, Cell) and not c.empty]
    if len(filled) != 1:
        return False
    present = [c for c in row if c is not None]   # a slot under a cell merged down is not spanned across
    return len(present) == 1 or filled[0].fragments[0].bbox.width >= min_share * table_width


# An empty slot under a cell merged down from above; filled from that cell after stitching.
_SPAN_PENDING = Cell((), (), None, True)


def _classify(row: tuple[Cell | None | _Covered, ...], width: float, config: ExtractConfig) -> TableRow:
    cells = tuple(c if isinstance(c, Cell) else _SPAN_PENDING if c is COVERED else EMPTY_CELL for c in row)
    kind = RowKind.SECTION if _is_section(row, width, config.ruled_table.section_row_min_width) else RowKind.BODY
    if kind is RowKind.SECTION:  # the section text goes to the first column slot
        only = next(c for c in row if isinstance(c, Cell) and not c.empty)
        cells = (only,) + (EMPTY_CELL,) * (len(cells) - 1)
    return TableRow(kind, cells)


def keyed_group_heading(row: TableRow, below: Sequence[TableRow], key_col: int, max_chars: int) -> bool:
    """A group's heading printed in the body's own cells, not across them ("A" | "Strand A –
    Visibility" | empty): its key cell holds a short code (at most `max_chars`, one word, no
    digit) without the ids' shape, at most one other cell holds text (the group's title), and
    the next keyed row's id starts with that code and has the ids' shape ("A01" under "A").
    It heads the rows under it as a row across the table would."""
    if row.kind is not RowKind.BODY or key_col >= len(row.cells) or row.cells[key_col].spanned:
        return False
    code = row.cells[key_col].text.strip()
    if not code or len(code) > max_chars or " " in code or any(ch.isdigit() for ch in code):
        return False
    others = [c for k, c in enumerate(row.cells) if k != key_col and c.text]
    if len(others) > 1 or any(c.spanned for c in others):
        return False
    nxt = next((r.cells[key_col].text.split()[0] for r in below if r.kind is not RowKind.HEADER
                and key_col < len(r.cells) and r.cells[key_col].text.strip()), None)
    return nxt is not None and len(nxt) > len(code) and nxt.startswith(code) and _key_shape(nxt) != ""


def _as_section(row: TableRow, key_col: int) -> TableRow:
    """A heading row in the shape of a row across the table (_classify): its text, the
    title where it has one, else its code, in the first slot."""
    title = next((c for k, c in enumerate(row.cells) if k != key_col and c.text), row.cells[key_col])
    return TableRow(RowKind.SECTION, (title,) + (EMPTY_CELL,) * (len(row.cells) - 1), row.merged_from_pages)


def group_headings_to_sections(rows: Sequence[TableRow], config: ExtractConfig) -> tuple[list[TableRow], int]:
    """Rows that are keyed group headings (keyed_group_heading) as section rows, and how many."""
    key_col = key_column(rows, config)
    out, n = [], 0
    for i, r in enumerate(rows):
        if keyed_group_heading(r, rows[i + 1:], key_col, config.ruled_table.group_code_max_chars):
            out.append(_as_section(r, key_col))
            n += 1
        else:
            out.append(r)
    return out, n


def _reads_as_header(row: TableRow, body: Sequence[TableRow], config: ExtractConfig) -> bool:
    """The first full row is the header unless it reads as data: a cell as long as a
    sentence, or a row key where the rows below have them too ("V1" over "V2", or an id of
    the shape of theirs: "2.4" over "3.1", "3.2", the first row of a continuation printed
    without its header)."""
    texts = [c.text for c in row.cells if c.text]
    if not texts:
        return False
    if max(len(t.split()) for t in texts) > config.ruled_table.header_max_words:
        return False
    key_re = config.row_key_regex()
    firsts = [r.cells[0].text for r in body if r.kind is RowKind.BODY and r.cells[0].text]
    own = row.cells[0].text
    if own and key_re.match(own) and firsts and sum(bool(key_re.match(t)) for t in firsts) / len(firsts) >= 0.5:
        return False
    shape = _key_shape(own) if own else ""
    if shape and firsts and sum(_key_shape(t) == shape for t in firsts) / len(firsts) >= 0.5:
        return False
    return True


def titles_over_header(first: Sequence[TableRow], config: ExtractConfig) -> int:
    """Where the header row stands under title rows printed in the grid's own cells (a sheet's
    title in A1, a note in A2, a blank row, then the header in row 4, every cell of the sheet
    ruled): each row above it holds text in one cell at most, and it holds text in every
    column but one at most and reads as a header. 0: no such header."""
    for k, row in enumerate(first):
        filled = sum(bool(c.text) for c in row.cells)
        if filled <= 1:
            continue
        full = k > 0 and row.kind is RowKind.BODY and filled >= len(row.cells) - 1 >= 1
        return k if full and _reads_as_header(row, first[k + 1:], config) else 0
    return 0


def _covered_from_above(raw: Sequence, above: Sequence) -> bool:
    """Some slot of `raw` is covered by a cell merged down from the row `above` (a cell
    there, or a slot it covers too)."""
    return any(c is COVERED and k < len(above) and (isinstance(above[k], Cell) or above[k] is COVERED)
               for k, c in enumerate(raw))


def header_band(group: Sequence[PageGrid], lead: int, first: Sequence[TableRow], config: ExtractConfig) -> int:
    """How many rows under the header row (at `lead`) are header rows too: a header of two
    or more rows ('2025/26' over 'Aut Spr Sum', 'No.' merged down beside them). A row is one
    when it reads as a header and either header cells are merged down into it, or a later
    page repeats it, in order, right under the repeated header rows (every repeated header
    row is dropped overleaf, never read as the rest of a row cut by the page break)."""
    raw = group[0].rows
    n = 0
    while lead + 1 + n < len(first) - 1:
        k = lead + 1 + n
        row = first[k]
        if row.kind is not RowKind.BODY or not _reads_as_header(row, first[k + 1:], config):
            break
        merged = _covered_from_above(raw[k], raw[k - 1])
        if not (merged or _repeated_overleaf(group, first[lead:k + 1], lead, config)):
            break
        n += 1
    return n


def band_labels(raw: Sequence[Sequence[Cell | None | _Covered]]) -> tuple[str, ...]:
    """Column names from the header rows: one row's texts as they are; under a header of
    several rows, each column's texts top to bottom, a cell merged across columns naming
    each of them ('2025/26' over 'Aut' | 'Spr' | 'Sum': '2025/26 Aut', '2025/26 Spr', ...)."""
    if len(raw) == 1:
        return tuple(c.text if isinstance(c, Cell) else "" for c in raw[0])
    cols: list[list[str]] = [[] for _ in raw[0]]
    for r in raw:
        left = ""
        for k, c in enumerate(r):
            text = c.text if isinstance(c, Cell) else left if c is None else ""
            left = text if c is not COVERED else ""
            if text and text not in cols[k]:
                cols[k].append(text)
    return tuple(" ".join(c) for c in cols)


def _repeated_overleaf(group: Sequence[PageGrid], head: Sequence[TableRow], lead: int, config: ExtractConfig) -> bool:
    """A later page of the table opens with these rows, in order (after at most the `lead`
    title rows the first page has above its header)."""
    keys = [_norm(r.text) for r in head]
    width = group[0].bbox.width
    for grid in group[1:]:
        texts = [_norm(_classify(r, width, config).text) for r in grid.rows]
        at = next((i for i, t in enumerate(texts) if t == keys[0]), None)
        if at is not None and at <= lead and texts[at:at + len(keys)] == keys:
            return True
    return False


def fill_spans(rows: Sequence[TableRow]) -> list[TableRow]:
    """Give every slot under a merged-down cell that cell's value (marked `spanned`), also
    on the pages after the one its text printed on. A section row or header ends spans."""
    last: dict[int, Cell] = {}
    out: list[TableRow] = []
    for row in rows:
        if row.kind is not RowKind.BODY:
            last.clear()
            out.append(row)
            continue
        cells = []
        for i, c in enumerate(row.cells):
            if c.spanned and not c.lines:
                c = replace(last[i], spanned=True) if i in last else EMPTY_CELL
            elif not c.spanned:
                last[i] = c
            cells.append(c)
        out.append(replace(row, cells=tuple(cells)))
    return out


_TERMINAL = (".", ";", ":", "!", "?", ")", "]")


def _digits_read_as_letters(key: str, lookalikes: dict[str, str]) -> str:
    """A key's first word with the characters after its first letter that OCR reads for
    digits put back ("DS" -> "D5", "CIO" -> "C10"); "" when that leaves no digit."""
    first = key.split()[0] if key.split() else ""
    if len(first) < 2 or not first[0].isalpha():
        return ""
    tail = "".join(lookalikes.get(ch, ch) for ch in first[1:])
    return first[0] + tail if any(ch.isdigit() for ch in tail) else ""


def _key_shape(key: str) -> str:
    first = key.split()[0] if key.split() else ""
    return re.sub(r"\d+", "#", first) if any(ch.isdigit() for ch in first) else ""


def key_column(rows: Sequence[TableRow], config: ExtractConfig) -> int:
    """The column holding the rows' ids: the first column, unless it is mostly empty (a plan
    may print its ids at the start of the action text beside an empty first column): then the
    first column whose body cells mostly open with a row key."""
    key_re = config.row_key_regex()
    body = [r for r in rows if r.kind is RowKind.BODY]
    if not body or sum(bool(r.cells[0].text) for r in body) >= 0.5 * len(body):
        return 0
    for k in range(len(body[0].cells)):
        texts = [r.cells[k].text for r in body if r.cells[k].text and not r.cells[k].spanned]
        if texts and len(texts) >= 0.5 * len(body) and sum(bool(key_re.match(t)) for t in texts) >= 0.5 * len(texts):
            return k
    return 0


def continuation_score(prev: TableRow, cont: TableRow, other_keys: Sequence[str], config: ExtractConfig,
                       open_rule: bool = False, key_col: int = 0, key_row: TableRow | None = None,
                       column_values: Sequence[frozenset[str]] = ()) -> int:
    """How strongly `cont` (first body row on a page) reads as the rest of `prev`
    (last row on the page before), cut by the page break. `open_rule`: the rule between
    them is missing (the row printed open at the page's foot or head). `key_col`: the
    column of the rows' ids (`other_keys` are that column's texts); `key_row`: the row whose
    key cell is compared when `prev` shows merged cells' text in its slots (default `prev`).
    `column_values`: per column of values (a status column: "Green", "Red"), the texts it
    holds: such a cell is a value of its own, never the rest of a wrapped one."""
    sc = config.stitch.scores
    score = sc.closing_rule_missing if open_rule else 0
    key_re = config.row_key_regex()
    keyed = [k for k in other_keys if k]
    key_share = sum(bool(key_re.match(k)) for k in keyed) / len(keyed) if keyed else 0.0
    prev_cell, cont_cell = (key_row or prev).cells[key_col], cont.cells[key_col]
    prev_key, cont_key = prev_cell.text, cont_cell.text
    # keys of one shape ("1000" after "999", "V12.3" after "V2.1") are alike whatever the pattern says
    shapes = {_key_shape(k) for k in keyed[-20:]} - {""}
    if not cont_key and prev_key:
        score += sc.key_cell_empty
    elif prev_cell.lines and cont_cell.lines and id_continues(prev_cell.lines[-1].text, cont_cell.lines[0].text):
        score += sc.key_cell_empty      # the rest of an id cut by the break ("CD1." / "1"): no key of its own
    elif cont_key and key_share >= 0.5:
        like = key_re.match(cont_key) or _key_shape(cont_key) in shapes \
            or _key_shape(_digits_read_as_letters(cont_key, config.stitch.ocr_digit_lookalikes)) in shapes
        score += sc.key_like_other_keys if like else sc.key_not_like_other_keys
    for p, c in zip(prev.cells, cont.cells):
        if p.text and c.text and not p.text.endswith(_TERMINAL) and c.text[:1].islower():
            score += sc.starts_lowercase_after_open_sentence
            break
    # every text of the row goes on from the cell above it, and at least one is a wrap
    goes_on = [(p, c) for p, c in zip(prev.cells, cont.cells) if c.text and not c.spanned]
    # most of the row's cells (several) go on mid-phrase from the cells above them: one row,
    # whatever its key column says (a plan printing its ids in the text leaves it blank)
    mid = [1 for p, c in goes_on if p.text and ((not p.text.endswith(_TERMINAL) and c.text[:1].islower())
                                                 or p.text.endswith(":"))]
    if len(mid) >= sc.cells_go_on_min and len(mid) * 2 >= len(goes_on):
        score += sc.cells_go_on
    # (a cell that ended a sentence at the foot and opens another overleaf says nothing
    # either way: a cut falls between sentences as often as inside one)
    repeated = [column_values[k] if k < len(column_values) else frozenset()
                for k, (p, c) in enumerate(zip(prev.cells, cont.cells)) if c.text and not c.spanned]
    # a one-word value fills a narrow column as a wrapped line would ("Green" over "Red")
    wraps = [_wraps_into(p, c) and c.text not in values for (p, c), values in zip(goes_on, repeated)]
    if any(wraps) and all(
            w or (p.text and not p.text.endswith(_TERMINAL) and c.text[:1].islower())
            or p.text.endswith(":") or (p.text.endswith((".", "!", "?")) and not c.text[:1].islower())
            for w, (p, c) in zip(wraps, goes_on)):       # "Supported by:" / "Communications"
        score += sc.wrapped_from_full_line
    # several cells (two in three at least, none going on in lower case) open afresh (a
    # capital or digit) below a cell whose last line stopped short: a new row under a cell
    # merged over the break, not the rest of one
    fresh = [1 for w, (p, c) in zip(wraps, goes_on) if p.text and (c.text[:1].isupper() or c.text[:1].isdigit())
             and not p.text.endswith(":") and not w]
    if len(fresh) >= sc.cells_start_afresh_min and 3 * len(fresh) >= 2 * len(goes_on) and not mid:
        score += sc.cells_start_afresh
    filled = sum(not c.empty for c in cont.cells)
    if filled < len(cont.cells) / 2:
        score += sc.few_cells_filled
    return score


def _column_values(rows: Sequence[TableRow], max_distinct: float) -> tuple[frozenset[str], ...]:
    """Per column, the whole-cell texts of a column of values (one that repeats its texts:
    distinct texts at most `max_distinct` of its filled body cells); empty for other columns."""
    body = [r for r in rows if r.kind is RowKind.BODY]
    if not body:
        return ()
    out = []
    for k in range(len(body[0].cells)):
        texts = [r.cells[k].text for r in body if k < len(r.cells) and r.cells[k].text and not r.cells[k].spanned]
        distinct = set(texts)
        out.append(frozenset(distinct) if len(texts) >= 3 and len(distinct) <= max_distinct * len(texts)
                   else frozenset())
    return tuple(out)


def _wraps_into(prev: Cell, cont: Cell) -> bool:
    """`cont`'s text goes on from `prev`'s last line: that line is open (no sentence end) and
    full, the first word carried over would not have fitted on it (cell padding on the right
    taken to equal the left one)."""
    if not (prev.lines and cont.lines and prev.fragments) or prev.text.endswith(_TERMINAL):
        return False
    last, frame = prev.lines[-1], prev.fragments[-1].bbox
    words = cont.lines[0].text.split()
    if not words or last.page != prev.fragments[-1].page:
        return False
    padding = max(0.0, min(l.bbox.x0 for l in prev.lines if l.page == last.page) - frame.x0)
    per_char = (last.bbox.x1 - last.bbox.x0) / max(len(last.text), 1)
    return last.bbox.x1 + (len(words[0]) + 1) * per_char > frame.x1 - padding


def _merge_rows(prev: TableRow, cont: TableRow) -> TableRow:
    cells = tuple(p.extended(c) if not c.empty else p for p, c in zip(prev.cells, cont.cells))
    pages = tuple(sorted(set(prev.merged_from_pages or prev.pages) | set(cont.pages)))
    return TableRow(prev.kind, cells, pages)


def heading_above(grid: PageGrid, page: PageContent, config: ExtractConfig,
                  boilerplate: set[tuple[int, int]] = frozenset()) -> TextLine | None:
    """The heading printed just above a table ("Visibility" over that pillar's table): the
    nearest line above the grid, close to it, over its columns, short, and set apart by
    typography (bold, larger than the body, or capitals). It names the table's rows."""
    h = config.ruled_table
    lines = [l for i, l in enumerate(page.lines) if (page.number, i) not in boilerplate]
    sizes = sorted(l.size for l in lines) or [10.0]
    body = sizes[len(sizes) // 2]
    above = [l for l in lines if l.bbox.bottom <= grid.bbox.top + 1 and l.bbox.x1 > grid.bbox.x0
             and l.bbox.x0 < grid.bbox.x1]
    if not above:
        return None
    above.sort(key=lambda l: l.bbox.bottom)
    line = above[-1]
    if grid.bbox.top - line.bbox.bottom > h.heading_max_gap * max(line.size, 1.0):
        return None
    if not _styled(line, body, config):
        return None
    return _wrapped_heading(line, above[:-1], body, config)


def _wrapped_heading(line: TextLine, before: Sequence[TextLine], body: float, config: ExtractConfig
                     ) -> TextLine | None:
    """`line` (a styled heading) with the lines it wraps over just above it (`before`, in
    reading order) in its style, as one line; None when that runs past heading_max_words."""
    parts = [line]
    for prev in reversed(before):
        if _styled(prev, body, config) and prev.page == line.page and prev.bold == line.bold \
                and abs(prev.size - line.size) < 0.5 and parts[0].bbox.top - prev.bbox.bottom <= 0.6 * line.size:
            parts.insert(0, prev)
        else:
            break
    text = " ".join(p.text.strip() for p in parts)
    if len(text.split()) > config.ruled_table.heading_max_words:
        return None
    box = parts[0].bbox
    for p in parts[1:]:
        box = box.union(p.bbox)
    return TextLine(text, line.page, box, line.size, line.bold)


def _styled(line: TextLine, body: float, config: ExtractConfig) -> bool:
    """Set apart by typography: bold, larger than the page's body text, or in capitals."""
    t = line.text.strip()
    return line.bold or line.size >= config.ruled_table.heading_min_size_ratio * body or (t.isupper() and len(t) > 3)


def lines_before(i: int, grids: Sequence[PageGrid], pages: dict[int, PageContent],
                 boilerplate: set[tuple[int, int]] = frozenset()) -> list[TextLine]:
    """The text printed between grid `i` and the grid before it, in reading order: the lines
    over the grid's columns below the grid above it on its page, or, when it is the first on
    its page, those above it and those below the last grid of the page before (running
    headers and footers left out)."""
    g = grids[i]

    def over(l: TextLine) -> bool:
        return l.bbox.x1 > g.bbox.x0 and l.bbox.x0 < g.bbox.x1

    def page_lines(n: int) -> list[TextLine]:
        p = pages.get(n)
        return [l for k, l in enumerate(p.lines) if (n, k) not in boilerplate and over(l)] if p else []
    outer = [o for o in grids if not _nested(o, grids)]
    above = [o.bbox.bottom for o in outer if o.page == g.page and o.bbox.bottom <= g.bbox.top + 1]
    top = max(above, default=None)
    out = []
    if top is None:
        before = [o.bbox.bottom for o in outer if o.page == g.page - 1]
        foot = max(before, default=None)
        if foot is not None:
            out = [l for l in page_lines(g.page - 1) if l.bbox.top >= foot - 1]
    out += [l for l in page_lines(g.page) if l.bbox.bottom <= g.bbox.top + 1 and (top is None or l.bbox.top >= top - 1)]
    return sorted(out, key=lambda l: (l.page, l.bbox.top, l.bbox.x0))


def heading_over_prose(lines: Sequence[TextLine], body: float, config: ExtractConfig) -> TextLine | None:
    """The heading of a section that opens with prose before its table ("Section 2: Race
    Equality Charter", a paragraph, then the table): the last of `lines` (the text between
    the table and the one before it) set apart by typography, short, with plain prose of
    heading_prose_min_words words or more after it. None without such a heading, or without
    prose after it (a heading right over its table is heading_above's)."""
    h = config.ruled_table
    heads = [k for k, l in enumerate(lines) if _styled(l, body, config)]
    if not heads:
        return None
    k = heads[-1]
    prose = [l for l in lines[k + 1:] if not _styled(l, body, config)]
    if sum(len(l.text.split()) for l in prose) < h.heading_prose_min_words:
        return None
    return _wrapped_heading(lines[k], lines[:k], body, config)


def _would_continue(i: int, grids: Sequence[PageGrid], config: ExtractConfig) -> bool:
    """Grid `i` is first on its page, with the columns of the grid last on the page before:
    by layout alone, the rest of that table (group_grids' test, headings aside)."""
    g = grids[i]
    last = next((o for o in reversed(grids[:i]) if not _nested(o, grids)), None)
    return (last is not None and g.page == last.page + 1 and _is_last_on_page(last, grids)
            and _is_first_on_page(g, grids) and _same_columns(last, g, config.stitch.column_edge_tolerance))


def section_headings(grids: Sequence[PageGrid], pages: Sequence[PageContent], config: ExtractConfig,
                     boilerplate: set[tuple[int, int]] = frozenset(),
                     headings: dict[int, TextLine] | None = None) -> dict[int, TextLine]:
    """Headings of parallel sections, each opening with prose over a table of one layout
    (a combined plan: "Section 1: Athena Swan", a paragraph, its table; "Section 2: ...").
    A table that would go on overleaf by its columns does not when a heading and prose stand
    between: that heading names the rows after it. Where one does so, a heading of the same
    type over prose before a table of the same columns names that table's rows too (the
    first section's). Grids under a heading of their own (`headings`) are left as they are."""
    headings = headings or {}
    by_number = {p.number: p for p in pages}
    found: dict[int, TextLine] = {}
    for i, g in enumerate(grids):
        if i in headings or _nested(g, grids) or g.short:
            continue
        sizes = sorted(l.size for l in by_number[g.page].lines) if g.page in by_number else []
        body = sizes[len(sizes) // 2] if sizes else 10.0
        line = heading_over_prose(lines_before(i, grids, by_number, boilerplate), body, config)
        if line is not None:
            found[i] = line
    breaks = {i: l for i, l in found.items() if _would_continue(i, grids, config)}
    if not breaks:
        return {}
    tol = config.stitch.column_edge_tolerance

    def parallel(i: int) -> bool:
        return any(round(found[i].size * 2) == round(l.size * 2) and found[i].bold == l.bold
                   and _same_columns(grids[i], grids[j], tol) for j, l in breaks.items())
    return {i: l for i, l in found.items() if i in breaks or parallel(i)}


def group_grids(grids: Sequence[PageGrid], config: ExtractConfig, headings: dict[int, TextLine]) -> list[list[PageGrid]]:
    """Page pieces of one logical table: a grid first on its page, with the columns of the
    grid last on the page before and no heading of its own, continues it. A grid of fewer
    rows than a table needs is one only as such a continuation. A grid nested inside a cell
    of another (a milestone table in a row) is part of that grid's row: it is never first or
    last on its page, never continues a table, and the table around it goes on overleaf."""
    groups: list[list[PageGrid]] = []
    outer: list[PageGrid] | None = None     # the group whose last piece is the latest grid not nested
    for gi_, g in enumerate(grids):
        if _nested(g, grids):
            if not g.short:
                groups.append([g])
            continue
        last = outer[-1] if outer else None
        if (last is not None and gi_ not in headings and g.page == last.page + 1 and _is_last_on_page(last, grids)
                and _is_first_on_page(g, grids) and _same_columns(last, g, config.stitch.column_edge_tolerance)):
            outer.append(g)
        elif not g.short or _header_alone(gi_, grids, config):
            groups.append([g])
            outer = groups[-1]
        else:
            outer = None
    return groups


def _header_alone(i: int, grids: Sequence[PageGrid], config: ExtractConfig) -> bool:
    """A short grid last on its page with the columns of the first grid on the next page: a
    table's header printed alone at the foot of a page, its rows overleaf."""
    g = grids[i]
    nxt = next((o for o in grids[i + 1:] if not _nested(o, grids)), None)
    return nxt is not None and nxt.page == g.page + 1 and _is_last_on_page(g, grids) \
        and _is_first_on_page(nxt, grids) and _same_columns(g, nxt, config.stitch.column_edge_tolerance)


def grids_to_tables(grids: Sequence[PageGrid], config: ExtractConfig, first_index: int = 0,
                    headings: dict[int, TextLine] | None = None) -> list[ExtractedTable]:
    """Stitch page pieces into logical tables; drop repeated headers; merge cut rows;
    give merged-down cells' values to every row they span. `headings`: the heading above a
    grid (by its index); a grid under a heading of its own starts a new table, and the
    heading becomes the table's first section row."""
    headings = headings or {}
    groups = group_grids(grids, config, headings)
    tables = []
    for group in groups:
        width = group[0].bbox.width
        first = [_classify(r, width, config) for r in group[0].rows]
        # Title rows above the header (one cell across the table) stay as section rows.
        lead = 0
        while lead < len(first) - 1 and first[lead].kind is RowKind.SECTION:
            lead += 1
        has_header = first[lead].kind is RowKind.BODY and _reads_as_header(first[lead], first[lead + 1:], config)
        if sum(bool(c.text) for c in first[lead].cells) <= 1 < len(first[lead].cells):
            titled = titles_over_header(first, config)
            if titled:
                first = [_as_section(r, 0) if r.kind is RowKind.BODY and k < titled else r for k, r in enumerate(first)]
                lead, has_header = titled, True
        band = header_band(group, lead, first, config) if has_header else 0
        top = first[:lead + 1 + band] if has_header else first[:lead]
        top_keys = {_norm(r.text) for r in top}
        rows: list[TableRow] = [r for r in first[:lead] if any(c.text for c in r.cells)]
        notes: list[Issue] = []
        if has_header:
            rows.extend(TableRow(RowKind.HEADER, r.cells) for r in first[lead:lead + 1 + band])
        for gi, grid in enumerate(group):
            body = list(grid.rows[len(top):] if gi == 0 else grid.rows)
            if gi > 0:   # the header (and title rows) repeated on every page
                while body and top_keys and _norm(_classify(body[0], width, config).text) in top_keys:
                    body = body[1:]
            for ri, raw in enumerate(body):
                row = _classify(raw, width, config)
                if ri and top_keys and row.kind is RowKind.BODY and _norm(row.text) in top_keys:
                    continue    # the header printed again inside the table (after a row split over the break)
                if gi > 0 and ri == 0 and row.kind is RowKind.BODY:
                    row = _continued_spans(row, raw, body[1] if len(body) > 1 else None, group[gi - 1].open_columns)
                # The last row's own cells may be cut too, whether the writer closed them at the
                # foot or not; a cell merged down to the foot is judged by the text it ends with.
                if gi > 0 and ri == 0 and row.kind is RowKind.BODY and rows and rows[-1].kind is RowKind.BODY \
                        and not keyed_group_heading(row, [_classify(r, width, config) for r in body[1:3]],
                                                    key_column(rows, config), config.ruled_table.group_code_max_chars):
                    # (a group's heading opening the page is a row of its own, never the rest of one)
                    key_col = key_column(rows, config)
                    keys = [r.cells[key_col].text for r in rows if r.kind is RowKind.BODY]
                    # (no opening rule overleaf is no evidence when merged cells ran on over the
                    # break while the row's own cells closed at the foot)
                    open_rule = group[gi - 1].open_bottom or (grid.open_top and not group[gi - 1].open_columns)
                    score = continuation_score(_with_merged_text(rows), row, keys, config, open_rule, key_col,
                                               rows[-1], _column_values(rows, config.stitch.value_column_max_distinct))
                    if score >= config.stitch.continuation_min_score:
                        row = _extend_merged(rows, row, [k for k, c in enumerate(rows[-1].cells) if c.spanned])
                        rows[-1] = _merge_rows(rows[-1], row)
                        notes.append(note(IssueCode.ROW_MERGED_ACROSS_PAGES, f"row cut by the page break {grid.page - 1}/{grid.page} "
                                                                         f"merged (score {score})", "extract"))
                        continue
                rows.append(row)
        heading = headings.get(next(k for k, g in enumerate(grids) if g is group[0]))
        if heading is not None:
            at = next((k + 1 for k, r in enumerate(rows) if r.kind is RowKind.HEADER), 0)
            cell = Cell((heading,), (Fragment(heading.page, heading.bbox),))
            rows.insert(at, TableRow(RowKind.SECTION, (cell,) + (EMPTY_CELL,) * (len(rows[0].cells) - 1 if rows else 0)))
        header = tuple(without_decoration(h, config.decoration_regex())
                       for h in band_labels(group[0].rows[lead:lead + 1 + band])) if has_header else ()
        rows, header = field_rows_to_columns(rows, header, config)
        rows, n_groups = group_headings_to_sections(rows, config)
        if n_groups:
            notes.append(note(IssueCode.GROUP_HEADINGS, f"table (pages {group[0].page}-{group[-1].page}): {n_groups} "
                                                        f"row(s) of a short code over the ids it opens read as group "
                                                        f"headings", "extract"))
        rows = fill_spans(rows)
        spanned = sum(c.spanned for r in rows for c in r.cells)
        if spanned:
            notes.append(note(IssueCode.SPANNED_CELLS, f"table (pages {group[0].page}-{group[-1].page}): {spanned} "
                                                       f"slot(s) under cells merged across rows take the merged cell's "
                                                       f"value", "extract"))
        quality = _grid_quality(rows)
        tables.append(ExtractedTable(first_index + len(tables), header, tuple(rows),
                                     tuple(g.page for g in group), NAME, quality, tuple(notes)))
    return tables


# A label opening a field in a cell: at the cell's start or after a separator ('/', '|', ';', ...).
_FIELD_LABEL = re.compile(r"(?:^|(?<=[.;,/|)!?\u2013\u2014]\s))" + label_phrase(CELL_LABEL_CHARS) + r"\s*:(?:\s|$)")
_FIELD_SEPARATORS = " /|;,\u2013\u2014"
# the same label where a line of the cell opens
_LINE_LABEL = re.compile(label_phrase(CELL_LABEL_CHARS) + r"\s*:(?:\s|$)")


def cell_to_fields(cell: Cell, max_words: int, labels: frozenset[str] = frozenset()) -> list[tuple[str, Cell]] | None:
    """A cell made of 'Label: value' pairs ('Success measure: ... / Responsible: ... / By:
    ...'), cut into (printed label, value cell); None unless the text opens with a label.
    Each value keeps the pieces of the lines it was printed on (its place on the page).
    `labels`: keys (label_key) of labels known to recur; these open a field anywhere in a
    line, with no separator before them ("Lead: HR Manager   Timing: Quarterly" as OCR
    reads it, one space where the page left a gap)."""
    texts = [l.text for l in cell.lines]
    starts, pos = [], 0
    for t in texts:
        starts.append(pos)
        pos += len(t) + 1
    joined = " ".join(texts)
    # a label opens the cell, follows a separator, or opens a line (fields printed one per
    # paragraph: "Lead: HR" over "By: May 2026", no separator between them)
    found = [m for m in _FIELD_LABEL.finditer(joined) if len(m.group("label").split()) <= max_words]
    for key in labels:
        pat = r"(?<=\s)(?P<label>" + r"\W+".join(map(re.escape, key.split())) + r")\s*:(?:\s|$)"
        found.extend(m for m in re.finditer(pat, joined, re.IGNORECASE) if m.group("label")[:1].isupper()
                     and all(m.start() != o.start() for o in found))
    for st in starts[1:]:
        m = _LINE_LABEL.match(joined, st)
        if m and len(m.group("label").split()) <= max_words:
            # the line's start bounds the label: "HR / OD" over "By: May" is no label "OD By"
            found = [o for o in found if not o.start() < st < o.end() and o.start() != st] + [m]
    found.sort(key=lambda m: m.start())
    if not found or found[0].start() != 0:
        return None
    out = []
    for k, m in enumerate(found):
        a, b = m.end(), found[k + 1].start() if k + 1 < len(found) else len(joined)
        while b > a and joined[b - 1] in _FIELD_SEPARATORS:    # the separator before the next label
            b -= 1
        pieces = []
        for line, st, t in zip(cell.lines, starts, texts):
            lo, hi = max(a, st) - st, min(b, st + len(t)) - st
            if hi <= lo or not t[lo:hi].strip():
                continue
            n, w = max(len(t), 1), line.bbox.x1 - line.bbox.x0
            box = BBox(line.bbox.x0 + w * lo / n, line.bbox.top, line.bbox.x0 + w * hi / n, line.bbox.bottom)
            pieces.append(TextLine(t[lo:hi].strip(), line.page, box, line.size, line.bold))
        out.append((" ".join(m.group("label").split()), make_cell(pieces)))
    return out


def field_rows_to_columns(rows: Sequence[TableRow], header: tuple[str, ...], config: ExtractConfig
                          ) -> tuple[list[TableRow], tuple[str, ...]]:
    """Rows that are the fields of the row above, made its columns. Each action may take two
    rows: its cells, then one cell across the table of 'Label: value' pairs. Such a row reads
    like a section row (one cell across the table) but is none: its labels recur (the same
    ones under row after row, ruled_table.field_row_min_share of the body rows or more), where
    a section heading is a short text over several rows. Its values become columns named by
    the labels (normalise names their roles as it does any header's); the rows are dropped."""
    max_words, min_repeats = config.blocks.label_max_words, config.blocks.label_min_repeats
    joined = _fields_rows_joined(rows, max_words)
    parsed: dict[int, list[tuple[str, Cell]]] = {}
    for i, r in enumerate(joined):
        if i and r.kind is RowKind.SECTION and joined[i - 1].kind is RowKind.BODY:
            fields = cell_to_fields(r.cells[0], max_words)
            if fields:
                parsed[i] = fields
    keys = recurring([k for f in parsed.values() for k in {label_key(lab) for lab, _ in f}], min_repeats)
    chosen = {i: f for i, f in parsed.items() if all(label_key(lab) in keys for lab, _ in f)}
    body = sum(r.kind is RowKind.BODY for r in joined)
    if len(chosen) < max(min_repeats, config.ruled_table.field_row_min_share * body):
        return list(rows), header
    order: dict[str, str] = {}          # label key -> label as first printed
    for i in sorted(chosen):
        for lab, _ in chosen[i]:
            order.setdefault(label_key(lab), lab)
    slot = {k: j for j, k in enumerate(order)}
    width = len(rows[0].cells) if rows else 0
    out: list[TableRow] = []
    for i, r in enumerate(joined):
        if i not in chosen:
            out.append(replace(r, cells=r.cells + (EMPTY_CELL,) * len(order)))
            continue
        extra = list(out[-1].cells[width:])
        for lab, cell in chosen[i]:
            j = slot[label_key(lab)]
            extra[j] = cell if extra[j].empty else extra[j].extended(cell)
        out[-1] = replace(out[-1], cells=out[-1].cells[:width] + tuple(extra))
    names = tuple(header) if header else ("",) * width
    return out, names + tuple(order.values())


def _fields_rows_joined(rows: Sequence[TableRow], max_words: int) -> list[TableRow]:
    """A fields row cut by the page break, its rest read overleaf as a row of its own (one
    cell across the table that opens with no label), joined again."""
    out: list[TableRow] = []
    for r in rows:
        prev = out[-1] if out else None
        if (prev is not None and r.kind is RowKind.SECTION and prev.kind is RowKind.SECTION
                and r.pages and prev.pages and min(r.pages) > max(prev.pages)
                and cell_to_fields(prev.cells[0], max_words) and not cell_to_fields(r.cells[0], max_words)):
            out[-1] = replace(prev, cells=(prev.cells[0].extended(r.cells[0]),) + prev.cells[1:])
            continue
        out.append(r)
    return out


def _extend_merged(rows: list[TableRow], row: TableRow, open_columns: Sequence[int]) -> TableRow:
    """The first row on a page after a page foot where merged cells ran on: text in an open
    column is the rest of the merged cell (its first rows printed on the page before), so it
    extends that cell in the row it started in (fill_spans then gives it to every row it
    spans), and the slot here becomes one under that cell. `rows` is updated in place."""
    cells = list(row.cells)
    for k in open_columns:
        if k >= len(cells) or cells[k].empty or cells[k].spanned:
            continue
        start = None
        for j in range(len(rows) - 1, -1, -1):
            if rows[j].kind is not RowKind.BODY:
                break
            if not rows[j].cells[k].spanned:
                start = j
                break
        if start is None or rows[start].cells[k].empty:
            continue
        own = list(rows[start].cells)
        own[k] = own[k].extended(cells[k])
        rows[start] = replace(rows[start], cells=tuple(own))
        cells[k] = _SPAN_PENDING
    return replace(row, cells=tuple(cells))


def _with_merged_text(rows: Sequence[TableRow]) -> TableRow:
    """The last row with each slot under a merged-down cell showing that cell (as fill_spans
    will), so a cut merged cell is judged by the text it ends with."""
    last, cells = rows[-1], list(rows[-1].cells)
    for k, c in enumerate(cells):
        if c.spanned and not c.lines:
            for r in reversed(rows[:-1]):
                if r.kind is not RowKind.BODY:
                    break
                if not r.cells[k].spanned:
                    cells[k] = r.cells[k]
                    break
    return replace(last, cells=tuple(cells))


def _continued_spans(row: TableRow, raw, below, open_columns: Sequence[int] = ()) -> TableRow:
    """The first row on a continuation page: an empty cell continues a merged cell whose
    text printed on the page before when it is merged down over the rows below it, or when
    its column was left open at the foot of that page (the merged cell ran over the break)."""
    if below is None and not open_columns:
        return row
    below = below if below is not None else (None,) * len(raw)
    cells = tuple(_SPAN_PENDING if isinstance(r, Cell) and r.empty and (b is COVERED or k in open_columns) else c
                  for k, (c, r, b) in enumerate(zip(row.cells, raw, below)))
    return replace(row, cells=cells)


def _nested(g: PageGrid, grids: Sequence[PageGrid], pad: float = 1.0) -> bool:
    """`g` lies inside another grid on its page, a table of its own (a table in a cell; a box
    framing the page's content, too few rows for a table, holds no nested table)."""
    b = g.bbox
    return any(o is not g and o.page == g.page and not o.short and o.bbox.x0 - pad <= b.x0 and b.x1 <= o.bbox.x1 + pad
               and o.bbox.top - pad <= b.top and b.bottom <= o.bbox.bottom + pad
               and (o.bbox.x1 - o.bbox.x0) * (o.bbox.bottom - o.bbox.top) > (b.x1 - b.x0) * (b.bottom - b.top)
               for o in grids)


def _bold_head(c: Cell) -> int:
    """How many lines a cell opens with in bold."""
    return next((k for k, l in enumerate(c.lines) if not l.bold), len(c.lines))


def split_header_from_first_row(g: PageGrid, config: ExtractConfig) -> PageGrid:
    """A header row merged with the first body row because the rule between them was lost (a
    photographed page whose shaded header's lower rule the scan did not keep): every filled
    cell of the first row opens with bold lines (the column name) and most go on in regular
    type (that row's values), while the rows below open in regular type. The bold lines are
    made a row of their own, over the rest (each cell cut between its bold and regular lines)."""
    if len(g.rows) < 2:
        return g
    first = g.rows[0]
    cells = [c for c in first if isinstance(c, Cell) and not c.empty]
    if len(cells) < config.ruled_table.min_columns:
        return g
    heads = [_bold_head(c) for c in cells]
    if not all(heads):
        return g
    if any(any(l.bold for l in c.lines[k:]) for c, k in zip(cells, heads)):
        return g                                # bold and regular mixed further down: no header over values
    if 2 * sum(k < len(c.lines) for c, k in zip(cells, heads)) < len(cells):
        return g                                # most cells hold their name alone: a header row as printed
    if max(len(join_lines(l.text for l in c.lines[:k]).split()) for c, k in zip(cells, heads)) \
            > config.ruled_table.header_max_words:
        return g
    below = [c for r in g.rows[1:] for c in r if isinstance(c, Cell) and not c.empty and not c.spanned]
    if not below or 2 * sum(c.lines[0].bold for c in below) >= len(below):
        return g                                # the rows below open in bold too: bold marks nothing here
    head_row, body_row = [], []
    for c in first:
        if not isinstance(c, Cell) or c.empty:
            head_row.append(c)
            body_row.append(c if not isinstance(c, Cell) else EMPTY_CELL)
            continue
        k = _bold_head(c)
        frame = c.fragments[0].bbox if c.fragments else None
        if k == len(c.lines) or frame is None:
            head_row.append(c)
            body_row.append(EMPTY_CELL)
            continue
        cut = (max(l.bbox.bottom for l in c.lines[:k]) + min(l.bbox.top for l in c.lines[k:])) / 2
        page = c.fragments[0].page
        head_row.append(replace(c, lines=c.lines[:k], fragments=(Fragment(page, BBox(frame.x0, frame.top, frame.x1, cut)),)))
        body_row.append(replace(c, lines=c.lines[k:], fragments=(Fragment(page, BBox(frame.x0, cut, frame.x1, frame.bottom)),)))
    return replace(g, rows=(tuple(head_row), tuple(body_row)) + g.rows[1:])


def mark_nested_tables(grids: Sequence[PageGrid]) -> list[PageGrid]:
    """The grids with each cell that holds a grid nested in it marked `holds_table`."""
    out = []
    for g in grids:
        inner = [o.bbox for o in grids if o is not g and o.page == g.page and _nested(o, grids)]
        if not inner:
            out.append(g)
            continue

        def holds(c: Cell) -> bool:
            return any(f.page == g.page and f.bbox.x0 - 1 <= (b.x0 + b.x1) / 2 <= f.bbox.x1 + 1
                       and f.bbox.top - 1 <= (b.top + b.bottom) / 2 <= f.bbox.bottom + 1
                       for f in c.fragments for b in inner)
        rows = tuple(tuple(replace(c, holds_table=True) if isinstance(c, Cell) and holds(c) else c for c in r)
                     for r in g.rows)
        out.append(replace(g, rows=rows))
    return out


def _field_row(g: PageGrid) -> tuple[Cell | None, ...] | None:
    """The grid's one row of several cells, when every other row is a lone cell (a box
    across it); None when the grid has more such rows or none."""
    rows = [r for r in g.rows if sum(isinstance(c, Cell) for c in r) >= 2]
    if len(rows) != 1 or any(sum(isinstance(c, Cell) for c in r) > 1 for r in g.rows if r is not rows[0]):
        return None
    return tuple(c if isinstance(c, Cell) else None for c in rows[0])


def lines_of_fields(grids: Sequence[PageGrid], config: ExtractConfig) -> set[int]:
    """The grids (by index) that are a form's line of fields, no table: one row of cells
    ("[HR]  Deadline  [May 2026]  Pillar  [Visibility]") in which labels and values stand
    side by side, told apart by recurrence across the grids of that row's column layout: a
    label's cell holds the same short text in every one of them (blocks.label_min_repeats or
    more), a value's cell changes (or is blank), and labels and values alternate. A table's
    one-row pieces have no such alternation: their columns are all values."""
    s = config.blocks
    tol = config.stitch.column_edge_tolerance
    rows = {k: r for k, g in enumerate(grids) if (r := _field_row(g)) is not None}
    out: set[int] = set()
    for k, row in rows.items():
        peers = [j for j in rows if len(rows[j]) == len(row) and _same_columns(grids[j], grids[k], tol)]
        if len(peers) < max(2, s.label_min_repeats):
            continue
        texts = [[_norm(c.text) if c is not None else "" for c in rows[j]] for j in peers]
        kinds = []
        for slot, c in enumerate(row):
            same = {t[slot] for t in texts}
            label = len(same) == 1 and "" not in same and c is not None \
                and 0 < len(c.text.split()) <= s.label_max_words and re.search(r"[A-Za-z]{2}", c.text)
            kinds.append(bool(label))
        if any(kinds) and not all(kinds) and all(a != b for a, b in zip(kinds, kinds[1:])):
            out.add(k)
    return out


def _is_last_on_page(g: PageGrid, grids: Sequence[PageGrid]) -> bool:
    """No grid but those nested in a cell (of this one) starts lower on the page."""
    return all(o.bbox.top <= g.bbox.top for o in grids if o.page == g.page and not _nested(o, grids))


def _is_first_on_page(g: PageGrid, grids: Sequence[PageGrid]) -> bool:
    return all(o.bbox.top >= g.bbox.top for o in grids if o.page == g.page and not _nested(o, grids))


def _grid_quality(rows: Sequence[TableRow]) -> float:
    """Share of body cells with text: 1.0 for a full grid, low for a sparse/odd one."""
    body = [r for r in rows if r.kind is RowKind.BODY]
    if not body:
        return 0.0
    cells = [c for r in body for c in r.cells]
    return round(sum(not c.empty for c in cells) / len(cells), 3)


class RuledTableStrategy:
    name = NAME

    def extract(self, pages: Sequence[PageContent], config: ExtractConfig, taken=(), boilerplate=frozenset()) -> StrategyResult:
        found = [(p, g) for p in pages if p.has_text for g in page_to_grids(p, config)]
        # a form's lines of fields are left to the block strategies, which read them as fields
        fields = lines_of_fields([g for _, g in found], config)
        grids, headings = [], {}
        for k, (p, g) in enumerate(found):
            if k in fields:
                continue
            line = heading_above(g, p, config, boilerplate)
            if line is not None:
                headings[len(grids)] = line
            grids.append(g)
        grids = mark_nested_tables([split_header_from_first_row(g, config) for g in grids])
        headings.update(section_headings(grids, pages, config, boilerplate, headings))
        tables = grids_to_tables(grids, config, headings=headings)
        used = [g for group in group_grids(grids, config, headings) for g in group]
        # a heading is claimed with its grid: over a grid that made no table (a CSS grid's
        # shaded header cells, a legend's pills) it is left for the strategies after this one
        kept = {id(g) for g in used}
        regions = tuple((g.page, g.bbox) for g in used) + tuple((l.page, l.bbox) for k, l in headings.items()
                                                                if id(grids[k]) in kept)
        return StrategyResult(tuple(tables), regions)
