"""Opening a PDF from bytes and turning each page into glyphs, lines and ruling.

The only module that opens documents; everything after it works on `PageContent`.
"""
from __future__ import annotations

import ctypes
from dataclasses import dataclass, field
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw

from .issues import ExtractionError  # noqa: F401 - raised here, re-exported
from .model import TextLine
from .config import load_config
from .pdfium_reader import read_chars, read_paths, read_text_visibility
from .text import chars_to_lines, straighten, struck_out


def sniff_pdf(data: bytes) -> None:
    """Check the bytes, not the file name: refuse what is not a PDF with a clear reason."""
    if not data:
        raise ExtractionError("empty_file", "the file is empty (0 bytes)")
    head = data[:1024]
    if b"%PDF-" not in head:
        kind = _guess_kind(head)
        raise ExtractionError("not_a_pdf", f"the file is not a PDF (its bytes look like {kind})")
    if b"%%EOF" not in data[-2048:] and b"%%EOF" not in data:
        raise ExtractionError("truncated_pdf", "the PDF is truncated (no end-of-file marker)")


def _guess_kind(head: bytes) -> str:
    signatures = {b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image",
                  b"PK\x03\x04": "a ZIP/Office file", b"II*\x00": "a TIFF image", b"MM\x00*": "a TIFF image",
                  b"{\\rtf": "an RTF document"}
    for sig, kind in signatures.items():
        if head.startswith(sig):
            return kind
    if head.lstrip().lower().startswith((b"<!doctype html", b"<html")):
        return "an HTML page"
    return "something else"


@dataclass
class PageContent:
    number: int                    # 1-based
    width: float
    height: float
    chars: list[dict[str, Any]]    # pdfplumber-style glyph dicts, top-left origin
    lines: list[TextLine]
    image_count: int
    edges: list[dict] = field(repr=False, default_factory=list)   # ruling edges (pdfplumber edge dicts)
    fills: list = field(repr=False, default_factory=list)         # (BBox, rgb) filled rectangles
    marks: list = field(repr=False, default_factory=list)         # BBox of list bullets drawn as shapes
    # Set for OCR'd scans: the edges then come from the page image, not PDF vectors.
    from_ocr: bool = False
    # Every text object invisible (render mode 3) or covered by an image drawn after it, and
    # the share of the page the largest image covers: together, a scan carrying someone
    # else's hidden OCR (extract/pdfium_reader.py read_text_visibility).
    text_hidden: bool = False
    image_cover: float = 0.0
    # each image drawn on the page: its box (top-left origin) and its pixels per inch
    images: list = field(repr=False, default_factory=list)

    @property
    def has_text(self) -> bool:
        return any(c["text"].strip() for c in self.chars)


def open_pdf(data: bytes, password: str | None = None) -> pdfium.PdfDocument:
    sniff_pdf(data)
    try:
        pdf = pdfium.PdfDocument(data, password=password or None)
    except pdfium.PdfiumError as exc:
        msg = str(exc).lower()
        if "password" in msg:
            if password:
                raise ExtractionError("wrong_password", "the PDF is encrypted and the password given does not open it")
            raise ExtractionError("encrypted_pdf", "the PDF is password-protected; pass --password to open it")
        raise ExtractionError("unreadable_pdf", f"the PDF cannot be parsed ({exc})") from exc
    if len(pdf) == 0:
        pdf.close()
        raise ExtractionError("no_pages", "the PDF has no pages")
    return pdf


# The document-information entries that can name the plan's author (its institution) or title.
PROPERTY_KEYS = ("Author", "Title")


def document_properties(pdf: pdfium.PdfDocument) -> tuple[tuple[str, str], ...]:
    """The PDF's own Author and Title properties (its document information dictionary), as
    (key, value) pairs, empty values left out. Word and LibreOffice exports carry the
    author's name there, browsers the page title: the institution of a plan whose pages never
    print it."""
    try:
        meta = pdf.get_metadata_dict(skip_empty=True)
    except Exception:      # a broken information dictionary is no reason to refuse the file
        return ()
    return tuple((k, " ".join(str(meta[k]).split())) for k in PROPERTY_KEYS if str(meta.get(k, "")).strip())


def as_printed(pdf: pdfium.PdfDocument, index: int) -> pdfium.PdfPage:
    """The page as it prints and shows, in the document in memory: annotations that print (a
    filled form's field values, stamps) merged into its content, and a page stored turned
    (/Rotate 90: a landscape table on a portrait page) turned upright, its content transformed
    and its rotation cleared, so every reader sees text running left to right."""
    page = pdf[index]
    if pdfium_raw.FPDFPage_GetAnnotCount(page.raw) > 0:
        if pdfium_raw.FPDFPage_Flatten(page.raw, pdfium_raw.FLAT_PRINT) == pdfium_raw.FLATTEN_SUCCESS:
            page.close()
            page = pdf[index]
    rotation = page.get_rotation()
    if rotation in (90, 180, 270):
        left, bottom, right, top = page.get_mediabox()
        w, h = right - left, top - bottom
        m = pdfium_raw.FS_MATRIX()
        # user space to the upright page's, origin at its lower left: turned clockwise by `rotation`
        m.a, m.b, m.c, m.d, m.e, m.f = {90: (0, -1, 1, 0, -bottom, w + left),
                                        180: (-1, 0, 0, -1, w + left, h + bottom),
                                        270: (0, 1, -1, 0, h + bottom, -left)}[rotation]
        if pdfium_raw.FPDFPage_TransFormWithClip(page.raw, ctypes.byref(m), None):
            size = (h, w) if rotation in (90, 270) else (w, h)
            pdfium_raw.FPDFPage_SetRotation(page.raw, 0)
            pdfium_raw.FPDFPage_SetMediaBox(page.raw, 0, 0, *size)
            pdfium_raw.FPDFPage_SetCropBox(page.raw, 0, 0, *size)
            page.close()
            page = pdf[index]
    return page


def read_page(pdf: pdfium.PdfDocument, index: int) -> PageContent:
    page = as_printed(pdf, index)
    try:
        left, bottom, right, top = page.get_cropbox()
        edges, fills, images, marks, tilted = read_paths(page, left, top)
        config = load_config()
        chars = read_chars(page, left, top)
        if tilted:
            chars = straighten(chars, tilted, config.tilt_tolerance)
        chars, edges = struck_out(chars, edges, config.strike_band)
        hidden, cover = read_text_visibility(page) if images and chars else (False, 0.0)
        number = index + 1
        return PageContent(number=number, width=right - left, height=top - bottom, chars=chars,
                           lines=chars_to_lines(chars, number), image_count=len(images), edges=edges,
                           fills=fills, marks=marks, text_hidden=hidden, image_cover=cover, images=images)
    finally:
        page.close()
