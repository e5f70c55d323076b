"""Issue 10 item 5 (scans that real scanners produce): a photocopied grid's rules break in
longer stretches than the OCR layer closed, and the cells on either side of the break merged:
- a column rule ending a hair short of the row rule it meets (3 pt: inside the OCR layer's
  tolerance, outside the table finder's) left its cell open: two columns read as one;
- a column rule whose top ~12 mm (a toner gap at the crossing) were gone stopped in mid-cell;
- a row rule broken for 7.5 mm (beyond the 7 mm bridged) split the grid in two, and the rows
  under the break were lost (zoo scans-009 3 of 5 rows, scans-006 the first row's action
  read into the owner's cell, scans-007 no table at all).
Rule ends within the tolerance of a crossing rule now lie on it; a rule ending up to
ocr.ruling_join_end_mm short of a crossing rule is drawn on to it; collinear pieces up to
ocr.ruling_bridge_mm apart are one rule unless crossing rules stand at the break (a column's
rules stop at a spanning cell, and must stay apart). Pixel segments (x, y, w, h) at 300 dpi."""
from __future__ import annotations

from extract import ocr
from extract.config import load_config

DPI = 300.0
MM = DPI / 25.4


def _join(hs, vs):
    s = load_config().ocr
    return ocr.join_rule_ends(hs, vs, reach=max(s.ruling_bridge_mm, s.ruling_max_gap_mm) * MM,
                              tol=s.ruling_max_thickness_mm * MM + 5, end_reach=s.ruling_join_end_mm * MM)


def _cells(hs, vs):
    return sorted(tuple(round(v) for v in c)
                  for c in ocr._cells(ocr.segments_to_edges(hs, vs, 1.0), load_config(), DPI))


# a 3-column, 2-row grid: x 100..1300 (columns at 500 and 900), y 100..700 (row rule at 400)
WHOLE_H = [(100, 98, 1200, 5), (100, 398, 1200, 5), (100, 698, 1200, 5)]
WHOLE_V = [(98, 100, 5, 600), (498, 100, 5, 600), (898, 100, 5, 600), (1298, 100, 5, 600)]


def test_whole_grid_has_six_cells():
    assert len(_cells(*_join(WHOLE_H, WHOLE_V))) == 6


def test_rule_end_short_of_its_crossing_rule_meets_it():
    # the column rule at 500 stops 12 px (1 mm) above the row rule at 400, and restarts 150 px
    # (~12.7 mm) under it: the toner gaps fell at the crossing
    vs = [v for v in WHOLE_V if v[0] != 498] + [(498, 100, 5, 288), (498, 550, 5, 150)]
    assert len(_cells(WHOLE_H, vs)) < 6           # as found, the cells merge
    hs, vs = _join(WHOLE_H, vs)
    assert len(_cells(hs, vs)) == 6, (hs, vs)


def test_row_rule_broken_for_seven_and_a_half_mm_is_one_rule():
    gap = int(7.5 * MM)
    hs = [h for h in WHOLE_H if h[1] != 398] + [(100, 398, 600, 5), (700 + gap, 398, 600 - gap, 5)]
    assert len(_cells(hs, WHOLE_V)) < 6
    hs, vs = _join(hs, WHOLE_V)
    assert len(_cells(hs, vs)) == 6, hs


def test_column_rules_stopped_at_a_spanning_row_stay_apart():
    """A full-width section row (y 400..460): the column rules stop at its top and bottom
    rules, and the section row's cell is not cut by bridging them."""
    hs = WHOLE_H + [(100, 458, 1200, 5)]
    vs = [(98, 100, 5, 600), (1298, 100, 5, 600),
          (498, 100, 5, 300), (498, 460, 5, 240), (898, 100, 5, 300), (898, 460, 5, 240)]
    hs, vs = _join(hs, vs)
    cells = _cells(hs, vs)
    assert any(c[0] <= 101 and c[2] >= 1299 and 398 <= c[1] <= 403 for c in cells), cells
    assert len(cells) == 7, cells
