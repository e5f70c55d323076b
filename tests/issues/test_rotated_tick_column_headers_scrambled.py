"""Blind round 8 (kestrel-moor): a Word table whose narrow tick columns have rotated header
cells (vertical text set bottom to top: "Visibility", "Recognition", "Career development",
"Sustainability"), each row ticked in them. The turned glyphs were grouped into lines as if
upright, one glyph a line ("y it li bi is V", "tnemplo evedreera C"), so the columns were
unknown headers kept as extra fields and every row's pillars were the model's guess (10 of 16
wrong). Glyphs whose text matrix turns them a quarter are read along their own direction
(grouped by their upright baseline, ordered bottom to top for 90 degrees, top to bottom for
270): the header reads as printed and the tick-column reader takes the columns as pillars."""
from __future__ import annotations

import pytest

from tests.tableplans import run, table_pdf

ACTIONS = [
    ("KM1", "Publish the names of the technical staff on every facility web page", {0}),
    ("KM2", "Add technicians to the nomination panel of the annual staff awards", {0, 1}),
    ("KM3", "Fund two places a year on the institute's management programme for technicians", {2}),
    ("KM4", "Record every technician's training in the shared skills register", {2, 3}),
    ("KM5", "Plan the succession of the senior technical roles in each department", {3}),
]
CODES = ["V", "R", "CD", "S"]
HEADS = ["Visibility", "Recognition", "Career development", "Sustainability"]


def _turned(text: str, angle: int):
    """A header cell's text drawn turned by `angle` (90: read bottom to top; 270: top to bottom)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import Flowable

    class Turned(Flowable):
        size = 9.0

        def wrap(self, avail_width, avail_height):
            self.length = stringWidth(text, "Helvetica", self.size)
            return self.size * 1.4, self.length

        def draw(self):
            c = self.canv
            c.setFont("Helvetica", self.size)
            if angle == 90:
                c.translate(self.size * 1.1, 0)
                c.rotate(90)
            else:
                c.translate(self.size * 0.3, self.length)
                c.rotate(-90)
            c.drawString(0, 0, text)

    return Turned()


def _plan(angle: int) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph
    style = getSampleStyleSheet()["BodyText"]
    header = [Paragraph(h, style) for h in ("Ref", "Action")] + [_turned(h, angle) for h in HEADS] \
        + [Paragraph(h, style) for h in ("Lead", "By when")]
    body = [[Paragraph(c, style) for c in [ref, text] + ["Y" if k in ticks else "" for k in range(4)]
             + ["Head of Technical Services", "July 2026"]] for ref, text, ticks in ACTIONS]
    styles = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    return table_pdf([header] + body, styles, [40, 300, 26, 26, 26, 26, 150, 80])


@pytest.mark.parametrize("angle", [90, 270])
def test_turned_header_glyphs_read_as_printed(angle):
    """The turned glyphs make one line a header, each reading as printed, left to right."""
    from extract.pdf import open_pdf, read_page
    from extract.text import chars_to_lines
    page = read_page(open_pdf(_plan(angle)), 0)
    turned = [c for c in page.chars if c.get("turn")]
    assert {c["turn"] for c in turned} == {angle}
    lines = chars_to_lines(turned, 1)
    assert [l.text for l in sorted(lines, key=lambda l: l.bbox.x0)] == HEADS
    for line in lines:
        assert line.bbox.bottom - line.bbox.top > 3 * (line.bbox.x1 - line.bbox.x0), line   # upright on the page


@pytest.mark.parametrize("angle", [90, 270])
def test_rotated_tick_column_headers_read_as_pillars(angle):
    doc, actions = run(_plan(angle), f"rotated-{angle}.pdf")
    got = {a["action_id"]: a for a in actions}
    assert sorted(got) == [r for r, _, _ in ACTIONS]
    for ref, text, ticks in ACTIONS:
        assert got[ref]["action_text"] == text, ref
        assert got[ref]["pillars_document"] == [CODES[k] for k in sorted(ticks)], ref
        assert got[ref]["pillars_source"] == "document", ref
        assert not got[ref]["extra_fields"], ref
        assert got[ref]["owner"] == "Head of Technical Services", ref


