"""Issue 10 item 5 (scans that real scanners produce): a one-line header row is ~5 mm high,
shorter than the length a dark run must have to be found as a rule (ruling_min_length of the
page, ~7.5 mm). Where its column rule also printed faint, nothing rebuilt it: the header's
"Actions" and "Success metric" read as one cell, the table's columns no longer lined up with
their headers, and the action column was taken for something else (held-out zoo seed 31337
scans-007: 0 of 7 rows). A row's column rules are now looked for between its two row rules,
at the x where other rows' column rules stand (ocr.short_column_rules). A page drawn with
OpenCV at 300 dpi: real pixels through the real rule finder."""
from __future__ import annotations

import cv2
import numpy as np

from extract import ocr
from extract.config import load_config

DPI = 300.0
COLUMNS = (300, 1000, 1700, 2200)   # x of the column rules (the outer ones are the table's sides)
ROWS = (500, 562, 640, 1100)        # header row 500..562 (~5 mm), a section row 562..640, a body row


def _page(header_rule_grey: int) -> np.ndarray:
    page = np.full((1800, 2480), 236, np.uint8)        # grey paper
    for y in ROWS:
        cv2.line(page, (COLUMNS[0], y), (COLUMNS[-1], y), 30, 4)
    for x in COLUMNS:
        cv2.line(page, (x, ROWS[0]), (x, ROWS[1]), 30 if x in (COLUMNS[0], COLUMNS[-1]) else header_rule_grey, 4)
        cv2.line(page, (x, ROWS[2]), (x, ROWS[3]), 30, 4)
    for x in (COLUMNS[0],) + (COLUMNS[-1],):
        cv2.line(page, (x, ROWS[1]), (x, ROWS[2]), 30, 4)
    # a section row's title crossing the column rules' x (no rule there: a spanning cell)
    cv2.putText(page, "Pillar 1: Visibility - celebrate and promote the achievements of technical staff",
                (320, 615), cv2.FONT_HERSHEY_DUPLEX, 1.4, 30, 3)
    for k, x in enumerate(COLUMNS[:-1]):
        cv2.putText(page, f"Heading {k + 1}", (x + 20, 545), cv2.FONT_HERSHEY_DUPLEX, 1.2, 30, 3)
    return cv2.GaussianBlur(page, (3, 3), 0.8)


def _rules(gray):
    s = load_config().ocr
    gray = ocr.flatten_background(gray, DPI)
    mm = DPI / 25.4
    hs, vs = ocr.join_rule_ends(*ocr.rulings_from_masks(*ocr.ruling_masks(gray, s, DPI)),
                                reach=max(s.ruling_bridge_mm, s.ruling_max_gap_mm) * mm,
                                tol=s.ruling_max_thickness_mm * mm + 5, end_reach=s.ruling_join_end_mm * mm)
    return gray, hs, vs


def _header_rules(vs):
    """x of the column rules that span the header row."""
    return sorted(round(x + w / 2) for x, y, w, h in vs if y <= ROWS[0] + 5 and y + h >= ROWS[1] - 5)


def test_faint_header_column_rules_found_where_the_body_has_them():
    s = load_config().ocr
    gray, hs, vs = _rules(_page(header_rule_grey=150))
    inner = [x for x in _header_rules(vs) if COLUMNS[0] + 20 < x < COLUMNS[-1] - 20]
    assert not inner, inner           # too short (and faint) for the rule finder
    added = ocr.short_column_rules(gray, hs, vs, s, DPI)
    xs = _header_rules(vs + added)
    assert all(any(abs(x - c) <= 6 for x in xs) for c in COLUMNS), (xs, added)
    # none in the section row, where the title crosses the columns' x
    assert not [a for a in added if a[1] >= ROWS[1] - 5 and a[1] + a[3] <= ROWS[2] + 5], added


def test_no_rule_where_the_header_has_none():
    """A header cell spanning two columns (no rule printed between them) stays one cell."""
    s = load_config().ocr
    gray, hs, vs = _rules(_page(header_rule_grey=236))
    added = ocr.short_column_rules(gray, hs, vs, s, DPI)
    assert not added, added
