"""Blind round 10 (glenrothy, a fax-quality scan): OCR gives each line its measured height, not
its type size; the introduction's first line ("The Institute signed the Technician Commitment in
2019. This plan was agreed by ...") measured taller than the title line under the institution's
name and, naming "Technician Commitment", became the plan's title. A line where one sentence ends
and another opens, running on for a dozen words, is prose: never a title heading. (The scan's
title itself reads "Action Pian" in OCR: identity stays known wrong in bars.yaml.) The lines as
the scan's OCR gave them."""
from __future__ import annotations

from extract.model import BBox, TextLine
from normalise.meta import title_from_block


def _line(text: str, top: float, height: float) -> TextLine:
    return TextLine(text, 1, BBox(57.0, top, 57.0 + 5.2 * len(text), top + height), round(height, 1), False)


LINES = [
    _line("FEB-02-2024 09:15 FROM:CARNWATH INSTITUTE ESTATES TO:TC NATIONAL OFFICE P.001/003", 10.3, 9.6),
    _line("CARNWATH INSTITUTE OF MARINE SCIENCE", 71.0, 16.2),
    _line("Technician Commitment Action Plan 2024-27", 90.5, 12.7),
    _line("The Institute joined the Technician Commitment in 2020. This plan was approved by the Board on 14",
          108.0, 14.6),
    _line("January 2024. Each action names its lead and the date by which it will be done.", 124.1, 9.8),
    _line("Ref Action Lead Timescale", 150.0, 9.9),
    _line("A1 Name a technical lead for every research vessel Fleet Manager Mar 2024", 165.0, 10.1),
    _line("A2 Publish profiles of the sea-going technical team Comms Officer Jun 2024", 180.0, 9.7),
    _line("A3 Hold a yearly open day at the workshop Workshop Manager Sep 2024", 195.0, 9.9),
]


def test_a_line_of_running_prose_is_no_title():
    assert title_from_block(LINES) == "Technician Commitment Action Plan 2024-27"
