"""Layout detection before extraction: cheap page features decide which strategies run.

Per page: ruling lines that cross (a ruled grid), lines split into three or more phrases by
gaps no rule crosses (a whitespace table), "Action N" headings (narrative blocks), list keys. The document's
candidate layouts are the union over its pages; only their strategies run, in the
registry's order. When detection finds nothing, every strategy is tried (a plan laid out
in a way these features miss still gets read), and the document says so.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from typing import Sequence

from .config import ExtractConfig
from .model import BBox, Layout, TextLine
from .pdf import PageContent
from .strategies.ruled import framing_boxes, rule_stacks
from .text import chars_to_lines

# A ruled table needs at least this many rules each way on the page (cell borders are often
# drawn cell by cell, so a rule need only be a few points long).
MIN_RULES = 3
MIN_RULE_LENGTH = 10.0    # points


@dataclass(frozen=True)
class PageGuess:
    page: int
    layouts: tuple[str, ...]      # candidate layouts, strongest first; () for prose


def _rules(page: PageContent) -> tuple[int, int]:
    h = sum(1 for e in page.edges if e["orientation"] == "h" and e["x1"] - e["x0"] >= MIN_RULE_LENGTH)
    v = sum(1 for e in page.edges if e["orientation"] == "v" and e["bottom"] - e["top"] >= MIN_RULE_LENGTH)
    return h, v


def _stacked_rules(page: PageContent, config: ExtractConfig) -> bool:
    """Rules of one extent stacked down the page: a table ruled only between its rows."""
    s = config.ruled_table
    return bool(rule_stacks(page.edges, s.snap_tolerance, s.rows_only_min_rules, s.rows_only_min_width))


def _phrase_lines(page: PageContent, config: ExtractConfig, gap_ratio: float = 1.2) -> int:
    """Visual lines with 3+ phrases (gaps wider than gap_ratio x size) whose gaps no vertical
    rule crosses at the line's height. Between the cells of a ruled grid a rule runs down
    the gap; between the columns of a whitespace table nothing does, whatever else is drawn
    on the page (a CSS grid's cell borders under each row, a progress bar, a banner's box):
    the drawings' extent says nothing about where the table is."""
    rows: dict[int, list[dict]] = {}
    for c in page.chars:
        if c["text"].strip():
            rows.setdefault(round(c["top"]), []).append(c)
    verticals = [e for e in page.edges if e["orientation"] == "v" and e["bottom"] - e["top"] >= MIN_RULE_LENGTH]
    n = 0
    for chars in rows.values():
        chars.sort(key=lambda c: c["x0"])
        top, bottom = min(c["top"] for c in chars), max(c["bottom"] for c in chars)
        mid = (top + bottom) / 2
        ruled = [e["x0"] for e in verticals if e["top"] <= mid <= e["bottom"]]
        gaps = sum(1 for a, b in zip(chars, chars[1:]) if b["x0"] - a["x1"] > gap_ratio * max(b["size"], 1.0)
                   and not any(a["x1"] - 1 <= x <= b["x0"] + 1 for x in ruled))
        if gaps >= config.unruled.header_min_columns - 1:
            n += 1
    return n


def guess_page(page: PageContent, config: ExtractConfig, headings: Sequence[re.Pattern[str]],
               item: re.Pattern[str]) -> PageGuess:
    if not page.has_text:
        return PageGuess(page.number, ())
    found: list[str] = []
    h, v = _rules(page)
    if h >= MIN_RULES and (v >= MIN_RULES or _stacked_rules(page, config)):
        found.append(Layout.RULED_TABLE.value)
    # Lines split into three or more phrases by column-sized gaps no rule runs down: a
    # whitespace table (its words are not needed to see it).
    if _phrase_lines(page, config) >= config.unruled.header_min_body_lines:
        found.append(Layout.UNRULED_TABLE.value)
    if any(p.match(l.text) for l in page.lines for p in headings):
        found.append(Layout.NARRATIVE.value)
    if sum(1 for l in page.lines if item.match(l.text)) >= config.list_plan.min_items:
        found.append(Layout.NUMBERED_LIST.value)
    return PageGuess(page.number, tuple(found))


def detect(pages: Sequence[PageContent], config: ExtractConfig) -> tuple[list[PageGuess], set[str]]:
    headings = [re.compile(p) for p in config.narrative.heading_patterns]
    item = re.compile(config.list_plan.item_pattern)
    guesses = [guess_page(p, config, headings, item) for p in pages]
    return guesses, {l for g in guesses for l in g.layouts}


# ------------------------------------------------------------------ boxes side by side


def content_boxes(page: PageContent, config: ExtractConfig) -> list[BBox]:
    """Boxes that frame text taller than a line or two (ruled.framing_boxes)."""
    return framing_boxes(page, config, config.boxes.min_height)


def _box_of(x: float, y: float, boxes: Sequence[BBox]) -> int | None:
    """The smallest of `boxes` around the point (a card inside a panel is the card)."""
    best, area = None, 0.0
    for k, b in enumerate(boxes):
        if b.x0 <= x <= b.x1 and b.top <= y <= b.bottom:
            a = b.width * (b.bottom - b.top)
            if best is None or a < area:
                best, area = k, a
    return best


class _Glyphs:
    """A page's glyphs by height, to find a line's own glyphs quickly."""

    def __init__(self, page: PageContent):
        self.chars = sorted(page.chars, key=lambda c: (c["top"] + c["bottom"]) / 2)
        self.ys = [(c["top"] + c["bottom"]) / 2 for c in self.chars]

    def of(self, line: TextLine) -> list[dict]:
        """The line's glyphs left to right, spaces left out: a space glyph the PDF printed
        marks the glyph after it (`space_before`), so a line rebuilt from these keeps its
        word breaks where the letters' boxes touch ("staff at" in Times, whose "f" overhangs
        the space)."""
        b = line.bbox
        lo, hi = bisect.bisect_left(self.ys, b.top - 1.0), bisect.bisect_right(self.ys, b.bottom + 1.0)
        mine = sorted((c for c in self.chars[lo:hi] if b.x0 - 0.5 <= (c["x0"] + c["x1"]) / 2 <= b.x1 + 0.5),
                      key=lambda c: c["x0"])
        out: list[dict] = []
        space = False
        for c in mine:
            if not c["text"].strip():
                space = True
                continue
            out.append({**c, "space_before": True} if space and not c.get("space_before") else c)
            space = False
        return out


def _own_glyphs(chars: list[dict], k: int, lines: Sequence[TextLine]) -> list[dict]:
    """The glyphs of line `k` less those that belong to another line: a glyph inside another
    line's box whose middle is nearer that line's (a short line in one box, "Committee)", set
    between two lines of the box beside it, lies within the height of the line read across
    both boxes; it is that short line's, and cut from the long one would print twice)."""
    mine = lines[k].bbox
    mid = (mine.top + mine.bottom) / 2
    near = [o.bbox for j, o in enumerate(lines) if j != k and o.bbox.top <= mine.bottom + 1 and o.bbox.bottom >= mine.top - 1]
    if not near:
        return chars
    out = []
    for c in chars:
        cx, cy = (c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2
        if not any(o.x0 - 0.5 <= cx <= o.x1 + 0.5 and o.top <= cy <= o.bottom
                   and abs((o.top + o.bottom) / 2 - cy) < abs(mid - cy) for o in near):
            out.append(c)
    return out


def _cards_side_by_side(boxes: Sequence[BBox], lines: Sequence[TextLine], min_gap: float) -> bool:
    """Two boxes holding text at one height with a gap between them (cards in a row; the
    cells of a table abut): their lines, each whole, interleave when read by height."""
    held = [b for b in boxes if any(_box_of((l.bbox.x0 + l.bbox.x1) / 2, (l.bbox.top + l.bbox.bottom) / 2, [b]) == 0
                                    for l in lines)]
    return any(a.top < b.bottom and b.top < a.bottom and (b.x0 - a.x1 >= min_gap or a.x0 - b.x1 >= min_gap)
               for i, a in enumerate(held) for b in held[i + 1:])


def cut_lines_at_boxes(page: PageContent, config: ExtractConfig) -> PageContent:
    """The page with every line that runs across two or more boxes side by side (cards in
    a row: each box a column of its own, their lines at one height) cut at the boxes'
    borders, and its lines in reading order box by box: each box's lines together, the
    boxes and the lines outside them by their tops, then left to right. A line is cut only
    where a gutter (`boxes.gutter` of its font size) separates glyphs that lie in two
    different boxes. A page where no line does so, and no two boxes holding text stand
    side by side apart, is returned as it is."""
    if len(page.fills) + len(page.edges) < 2 or not page.lines:
        return page
    glyphs = _Glyphs(page)
    gutter = config.boxes.gutter
    wide: dict[int, list[dict]] = {}
    for k, line in enumerate(page.lines):
        chars = _own_glyphs(glyphs.of(line), k, page.lines)
        if any(b["x0"] - a["x1"] > gutter * max(line.size, 1.0) for a, b in zip(chars, chars[1:])):
            wide[k] = chars
    boxes = content_boxes(page, config)
    if len(boxes) < 2:
        return page
    side = _cards_side_by_side(boxes, page.lines, config.boxes.card_gap)
    if not wide and not side:
        return page
    out: list[TextLine] = []
    cut = False
    for k, line in enumerate(page.lines):
        chars = wide.get(k)
        owners = [_box_of((c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2, boxes) for c in chars] if chars else []
        if len({o for o in owners if o is not None}) < 2:
            out.append(line)
            continue
        cut = True
        groups: dict[int | None, list[dict]] = {}
        for c, o in zip(chars, owners):
            groups.setdefault(o, []).append(c)
        for group in groups.values():
            out.extend(chars_to_lines(group, page.number))
    if not cut and not side:
        return page
    units: dict[object, list[TextLine]] = {}
    for k, line in enumerate(out):
        o = _box_of((line.bbox.x0 + line.bbox.x1) / 2, (line.bbox.top + line.bbox.bottom) / 2, boxes)
        units.setdefault(o if o is not None else ("line", k), []).append(line)

    def where(key) -> tuple[float, float]:
        if isinstance(key, int):
            return (boxes[key].top, boxes[key].x0)
        return (units[key][0].bbox.top, units[key][0].bbox.x0)
    ordered = [l for key in sorted(units, key=where) for l in sorted(units[key], key=lambda l: (l.bbox.top, l.bbox.x0))]
    return replace(page, lines=ordered)
