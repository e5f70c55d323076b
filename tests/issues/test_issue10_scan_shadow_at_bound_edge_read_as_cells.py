"""Issue 10 item 5 (scans that real scanners produce): the shadow at a page's bound edge is a
dark band with a speckled border. Its border opens into a long vertical "rule" a few mm from
the page edge, and its speckle into short horizontal stubs beside the table; once rule ends
were drawn on to crossing rules up to 15 mm away, the stubs joined the table's right rule and
the shadow's line, and the table gained columns of junk cells (held-out zoo seed 777
scans-004: 18 rows for 5, 13 of them one action repeated). Lines within
ocr.ruling_edge_margin_mm of the page's edge are the scanner's and are dropped before rule
ends are joined (ocr.drop_edge_rules). Pixel segments (x, y, w, h) of an A4 page at 300 dpi."""
from __future__ import annotations

from extract import ocr
from extract.config import load_config

DPI = 300.0
MM = DPI / 25.4
SHAPE = (3508, 2480)                 # rows, columns of an A4 page at 300 dpi
LEFT, RIGHT = 260, 2200              # the table's sides (22 mm and 186 mm from the left edge)
TABLE_H = [(LEFT, y, RIGHT - LEFT, 5) for y in (800, 900, 1300, 1700)]
TABLE_V = [(x, 800, 5, 900) for x in (LEFT, 900, 1500, RIGHT)]
# the shadow's border 3 mm from the right edge, and its speckle: stubs starting 3 mm right of
# the table's right rule and running into the shadow
SHADOW_V = [(SHAPE[1] - int(3 * MM), 100, 6, 3300)]
STUBS = [(RIGHT + int(3 * MM), y, SHAPE[1] - int(3 * MM) - RIGHT - int(3 * MM), 3) for y in (950, 1010, 1100, 1400)]


def _cells(hs, vs):
    s = load_config().ocr
    hs, vs = ocr.join_rule_ends(hs, vs, reach=max(s.ruling_bridge_mm, s.ruling_max_gap_mm) * MM,
                                tol=s.ruling_max_thickness_mm * MM + 5, end_reach=s.ruling_join_end_mm * MM)
    return ocr._cells(ocr.segments_to_edges(hs, vs, 1.0), load_config(), DPI)


def test_shadow_lines_make_no_cells_beside_the_table():
    s = load_config().ocr
    hs, vs = TABLE_H + STUBS, TABLE_V + SHADOW_V
    outside = [c for c in _cells(hs, vs) if c[0] >= RIGHT - 5]
    assert outside                                   # as read before: junk cells beside the table
    hs, vs = ocr.drop_edge_rules(hs, vs, SHAPE, s, DPI)
    cells = _cells(hs, vs)
    assert len(cells) == 9 and all(c[2] <= RIGHT + 5 for c in cells), cells


def test_rules_of_a_table_near_the_margin_are_kept():
    """A web page printed with 10 mm margins: its table's rules are the plan's."""
    s = load_config().ocr
    near = int(10 * MM)
    hs = [(near, y, SHAPE[1] - 2 * near, 5) for y in (800, 1300)]
    vs = [(x, 800, 5, 500) for x in (near, SHAPE[1] - near)]
    assert ocr.drop_edge_rules(hs, vs, SHAPE, s, DPI) == (hs, vs)
