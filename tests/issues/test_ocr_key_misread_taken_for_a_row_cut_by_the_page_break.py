"""Blind round 10 (glenrothy, a fax-quality scan of a typed table): the first row on page 2
carried its own printed ref "D5", which OCR read "DS"; a key cell that matched neither the key
pattern nor the other keys' shape counted as no key, the row's cells (a new sentence under one
left open, a short owner under a short owner) scored as the rest of D4 cut by the page break,
and D5 was lost inside D4.

A key cell whose characters after its first letter are ones OCR reads for digits
(models/extract.yaml stitch.ocr_digit_lookalikes) has the other keys' shape: a row of its own.
The whole blind file is held by tests/blind/20261207-6/bars.yaml (recall 1.0); this pins the
decision on the rows as the scan gave them."""
from __future__ import annotations

from extract.config import load_config
from extract.model import BBox, Cell, Fragment, RowKind, TableRow, TextLine
from extract.strategies.ruled import continuation_score


def _cell(page: int, frame: tuple, *lines: tuple) -> Cell:
    return Cell(tuple(TextLine(t, page, BBox(*box), size, False) for t, box, size in lines),
                (Fragment(page, BBox(*frame)),))


# the rows as the scan gave them (page 1's last row, page 2's first): every cell's last line
# runs near its frame's right edge, so each next cell could be its wrapped rest
D4 = TableRow(RowKind.BODY, (
    _cell(1, (50.9, 742.4, 87.9, 761.2), ("D4", (57.6, 745.0, 69.8, 759.9), 14.6)),
    _cell(1, (87.9, 742.4, 323.5, 761.2), ("Include full technician costs in all grant applications",
                                             (93.4, 745.0, 313.4, 759.9), 14.6)),
    _cell(1, (323.5, 742.4, 431.1, 761.2), ("Grants Office", (330.0, 748.3, 386.9, 758.6), 9.8)),
    _cell(1, (431.1, 742.4, 507.9, 761.2), ("From Jan 2024", (437.3, 745.0, 500.2, 759.9), 14.6)),
    _cell(1, (507.9, 742.4, 547.4, 761.2), ("R5", (514.1, 748.6, 525.6, 758.5), 9.8))))


def _first_on_page_2(key: str) -> TableRow:
    return TableRow(RowKind.BODY, (
        _cell(2, (50.9, 86.9, 87.7, 119.0), (key, (57.1, 93.1, 69.4, 103.1), 9.8)),
        _cell(2, (87.7, 86.9, 323.4, 119.0), ("Survey technical staff in 2024 and again in 2026",
                                               (94.3, 89.5, 297.1, 103.8), 14.6)),
        _cell(2, (323.4, 86.9, 430.9, 119.0), ("Technician Champion", (329.3, 90.7, 421.7, 103.2), 12.5)),
        _cell(2, (430.9, 86.9, 507.7, 119.0), ("Nov 2024,", (437.3, 92.9, 481.0, 103.2), 9.8),
              ("Nov 2026", (437.0, 105.8, 478.8, 117.4), 10.8)),
        _cell(2, (507.7, 86.9, 547.4, 119.0))))


KEYS = ["A1", "A2.", "A3", "A4", "A5", "B1", "B2", "B3", "B4", "C1", "C2", "C3", "C4", "cs", "Dt", "D2", "D3", "D4"]


def test_a_misread_key_opens_a_row_of_its_own():
    config = load_config()
    minimum = config.stitch.continuation_min_score
    assert continuation_score(D4, _first_on_page_2("D5"), KEYS, config) < minimum
    assert continuation_score(D4, _first_on_page_2("DS"), KEYS, config) < minimum
    # a word in the key column is no key: the row may still be the rest of D4
    assert continuation_score(D4, _first_on_page_2("and"), KEYS, config) >= minimum
