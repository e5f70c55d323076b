"""A spreadsheet's print headings: the column letters (A, B, C, ...) a sheet prints across the
top of its cells and the row numbers (1, 2, 3, ...) down their left, each in a heading cell of
its own, when the sheet is printed with "headings" on (Calc, Excel). They are the sheet's
coordinates, not its content: no header, no id, no part of a title ("1 Lowmoor University ...",
the row number glued to the title in A1).

Found by their sequences, never by a word: a line made only of column labels that count on
one by one in the spreadsheet's order (A B C ..., Z AA AB ...), over a column of whole numbers
left of the first letter's cell that rise down the page (by one, mostly: rows repeated as print
titles, hidden or grouped rows make jumps). The corner between them is read from the rulings
the headings are printed in: the vertical rule left of column A's letter (the heading column's
right edge), the horizontal rule under the letters (the heading row's foot).

Dropped from the page before any strategy reads it: their glyphs (the lines rebuilt without
them), and their cells' rulings and fills, so the sheet's own grid starts at column A, row 1.

Chain: find_print_headings (column_number, _letter_line, _row_numbers) -> without_print_headings.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Sequence

from .config import PrintHeadingSettings
from .model import TextLine
from .pdf import PageContent
from .text import chars_to_lines

_LABEL = re.compile(r"^[A-Z]{1,3}$")


def column_number(label: str) -> int:
    """A column label's place in the spreadsheet's order: A 1, Z 26, AA 27, AZ 52, BA 53."""
    n = 0
    for ch in label:
        n = n * 26 + ord(ch) - 64
    return n


@dataclass(frozen=True)
class PrintHeadings:
    """One page's print headings: what they read and where the sheet's own cells begin."""
    letters: tuple[str, ...]
    numbers: tuple[int, ...]
    left: float        # x of the heading column's left edge
    corner_x: float    # x of column A's left edge (the heading column's right edge)
    top: float         # y of the heading row's top edge
    corner_y: float    # y of row 1's top edge (the heading row's foot)
    bottom: float      # y where the row numbers' column ends
    glyphs: frozenset[int]   # indexes into page.chars


def _centre(c: dict) -> tuple[float, float]:
    return (c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2


def _letter_line(lines: Sequence[TextLine], min_columns: int) -> TextLine | None:
    """The first line whose words are column labels counting on by one, at least `min_columns`."""
    for line in lines:
        words = line.text.split()
        if len(words) >= min_columns and all(_LABEL.match(w) for w in words):
            ns = [column_number(w) for w in words]
            if all(b == a + 1 for a, b in zip(ns, ns[1:])):
                return line
    return None


def _verticals(page: PageContent, y: float, tol: float) -> list[dict]:
    return [e for e in page.edges if e["orientation"] == "v" and e["top"] - tol <= y <= e["bottom"] + tol]


def _row_numbers(page: PageContent, left: float, corner_x: float, corner_y: float, bottom: float
                 ) -> tuple[tuple[int, ...], frozenset[int]] | None:
    """The whole numbers printed in the heading column (between `left` and `corner_x`, below
    `corner_y`), top to bottom, with their glyphs; None when anything else is printed there."""
    idx = [i for i, c in enumerate(page.chars) if c["text"].strip()
           and left < _centre(c)[0] < corner_x and corner_y < _centre(c)[1] < bottom]
    if not idx:
        return None
    lines = sorted(chars_to_lines([page.chars[i] for i in idx], page.number), key=lambda l: l.bbox.top)
    if not all(l.text.strip().isdigit() for l in lines):
        return None
    return tuple(int(l.text) for l in lines), frozenset(idx)


def find_print_headings(page: PageContent, s: PrintHeadingSettings) -> PrintHeadings | None:
    """The page's print headings, or None: a line of consecutive column labels, a ruling left
    of its first letter (column A's left edge), and under it a column of at least
    `s.min_rows` whole numbers rising down the page, `s.min_step_share` of the steps by one."""
    if not page.edges or not page.lines:
        return None
    line = _letter_line([l for l in page.lines if l.bbox.bottom - l.bbox.top < 3 * max(l.size, 1.0)], s.min_columns)
    if line is None:
        return None
    mid = (line.bbox.top + line.bbox.bottom) / 2
    tol = s.rule_tolerance
    letter_glyphs = [i for i, c in enumerate(page.chars) if c["text"].strip()
                     and line.bbox.x0 - tol <= _centre(c)[0] <= line.bbox.x1 + tol and line.bbox.top - tol <= _centre(c)[1] <= line.bbox.bottom + tol]
    if not letter_glyphs:
        return None
    first_x = min(page.chars[i]["x0"] for i in letter_glyphs)
    rules = sorted(e["x0"] for e in _verticals(page, mid, tol) if e["x0"] < first_x - tol)
    if not rules:
        return None
    corner_x = rules[-1]
    heads = [x for x in rules if x < corner_x - tol]
    left = heads[-1] if heads else float("-inf")
    crossing = [e for e in page.edges if e["orientation"] == "h" and e["x0"] - tol <= first_x <= e["x1"] + tol]
    below = [e["top"] for e in crossing if e["top"] >= mid]
    above = [e["top"] for e in crossing if e["top"] <= mid]
    corner_y = min(below) if below else line.bbox.bottom
    top = max(above) if above else line.bbox.top - tol
    column = [e for e in page.edges if e["orientation"] == "v" and abs(e["x0"] - corner_x) <= tol and e["bottom"] > corner_y]
    bottom = max(e["bottom"] for e in column) if column else page.height
    found = _row_numbers(page, left, corner_x, corner_y, bottom)
    if found is None:
        return None
    numbers, number_glyphs = found
    steps = [b - a for a, b in zip(numbers, numbers[1:])]
    after_titles = steps[1:]     # the first step may jump from rows repeated as print titles
    if len(numbers) < s.min_rows or any(d <= 0 for d in steps) \
            or sum(d == 1 for d in after_titles) < s.min_step_share * len(after_titles):
        return None
    return PrintHeadings(tuple(line.text.split()), numbers, left, corner_x, top, corner_y, bottom,
                         frozenset(letter_glyphs) | number_glyphs)


def _clip(e: dict, h: PrintHeadings, tol: float) -> dict | None:
    """A ruling with the part of it that bounds a heading cell cut away (None: all of it)."""
    if e["orientation"] == "v":
        if h.top - tol <= e["top"] and e["bottom"] <= h.bottom + tol and e["x0"] < h.corner_x - tol and e["x0"] >= h.left - tol:
            return None      # the heading column's rules
        if e["x0"] >= h.corner_x - tol and e["top"] < h.corner_y - tol and e["bottom"] > h.top - tol:
            if e["bottom"] <= h.corner_y + tol:
                return None  # a rule between two letters
            return {**e, "top": h.corner_y, "height": e["bottom"] - h.corner_y}
        return e
    if h.top - tol <= e["top"] < h.corner_y - tol and e["x1"] > h.corner_x:
        return None          # the heading row's top rule
    if e["top"] >= h.top - tol and e["top"] <= h.bottom + tol and e["x0"] < h.corner_x - tol and e["x0"] >= h.left - tol:
        if e["x1"] <= h.corner_x + tol:
            return None      # a rule between two row numbers
        return {**e, "x0": h.corner_x, "width": e["x1"] - h.corner_x}
    return e


def without_print_headings(page: PageContent, h: PrintHeadings, tol: float) -> PageContent:
    """The page without its print headings: their glyphs, rulings and fills gone, the lines
    rebuilt from the glyphs left."""
    chars = [c for i, c in enumerate(page.chars) if i not in h.glyphs]
    edges = [c for c in (_clip(e, h, tol) for e in page.edges) if c is not None]

    def heading_cell(box) -> bool:
        in_row = h.top - tol <= box.top and box.bottom <= h.corner_y + tol
        in_column = h.left - tol <= box.x0 and box.x1 <= h.corner_x + tol and h.top - tol <= box.top and box.bottom <= h.bottom + tol
        return in_row or in_column
    fills = [f for f in page.fills if not heading_cell(f[0])]
    return replace(page, chars=chars, lines=chars_to_lines(chars, page.number), edges=edges, fills=fills)


def drop_print_headings(page: PageContent, s: PrintHeadingSettings) -> tuple[PageContent, PrintHeadings | None]:
    """The page as the sheet's content alone, and the headings dropped (None: the page had none)."""
    h = find_print_headings(page, s)
    return (page, None) if h is None else (without_print_headings(page, h, s.rule_tolerance), h)
