"""Found on a held-out zoo (seed 6060, cards-002): a web page of action cards printed by
Chromium in Caladea (the Cambria substitute) gave 0 of 18 actions. pdfium reports a weight of
704 for Caladea-Regular (the PDF declares none; it is derived from the stems), so the reader
marked every glyph bold: the bold card titles no longer stood out from their regular field
lines and no block opened. A face whose name states a regular or light weight is not bold
whatever weight the font reports (extract.text.names_a_light_weight)."""
from __future__ import annotations

import shutil

import pytest

from extract.pdf import open_pdf, read_page
from tests.tableplans import html_pdf, run

pytestmark = pytest.mark.skipif(shutil.which("chromium") is None, reason="Chromium is not installed")

CARDS = [
    ("Grow links between technical teams", [
        "Set up a shared register of specialist equipment that any technician can book.",
        "Hold a termly lunch where technical teams from different schools present their work."]),
    ("Look after the people who do the work", [
        "Run a wellbeing survey for technical staff and act on what it finds",
        "Give every technical building a quiet room for breaks",
        "Offer each technician a yearly conversation about workload with someone outside their line"]),
]


def _page() -> str:
    body = []
    for heading, actions in CARDS:
        body.append(f"<h2>{heading}</h2>")
        for a in actions:
            body.append(f'<div class="card"><p class="t">{a}</p><p><b class="l">TC areas</b> Visibility, Sustainability</p></div>')
    return ("<html><head><style>body{font-family:Caladea;font-size:11pt;margin:2cm}"
            "h2{color:#1f4e79;font-size:14pt}.card{border:1px solid #888;border-radius:6px;padding:6px 10px;margin:8px 0}"
            ".t{font-weight:bold;margin:0 0 4px}.l{display:inline-block;width:9em}p{margin:0}</style></head><body>"
            "<h1>Kelsbridge University Technician Commitment Action Plan 2023-26</h1>"
            "<p>Our plan, drawn up by the technician steering group with staff in every faculty.</p>"
            + "".join(body) + "</body></html>")


def test_regular_caladea_is_not_bold_and_every_card_is_a_row():
    data = html_pdf(_page())
    page = read_page(open_pdf(data), 0)
    faces = {(c["fontname"].split("+")[-1], c["bold"]) for c in page.chars if c["text"].strip()}
    assert any(name.startswith("Caladea-Regular") for name, _ in faces), faces   # the case under test
    assert all(not bold for name, bold in faces if "Regular" in name), faces
    doc, got = run(data, "regular-serif-cards.pdf")
    assert [r["action_text"] for r in got] == [a for _, acts in CARDS for a in acts]
