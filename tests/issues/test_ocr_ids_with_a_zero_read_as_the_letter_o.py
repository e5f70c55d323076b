"""Blind round 9 (ashcombe-valley, a table pasted as two pictures, OCR'd): tesseract read
TC01-TC08 as "TCO1" ... "TCO8" (the zero a letter O) and TC09 as "TC9"; the id repair took
"TCO" for the key's letters, since any one to three letters may open a key, and ids were right
on half the rows. The keys read cleanly in the same document ("TC9", "TC10", ...) show the
letters keys open with: letters read after them that OCR reads for digits are digits. The whole
file is held by tests/blind/20261207-5/bars.yaml (action_id_exact 1.0)."""
from __future__ import annotations

from normalise.subactions import repair_ocr_id


def test_letters_after_the_documents_key_prefix_read_as_digits():
    prefixes = frozenset({"TC"})
    assert [repair_ocr_id(t, prefixes=prefixes) for t in ("TCO1", "TCO8", "TCl2", "TC9", "TC10")] == \
        ["TC01", "TC08", "TC12", "TC9", "TC10"]


def test_without_the_prefix_seen_the_letters_stay_letters():
    assert repair_ocr_id("TCO1") == "TCO1"
    # a key whose letters are a prefix of the document's is no misread
    assert repair_ocr_id("TCO1", prefixes=frozenset({"TC", "TCO"})) == "TCO1"
