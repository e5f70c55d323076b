"""Opening a PDF from bytes and turning each page into glyphs, lines and ruling.

The only module that talks to pdfplumber's document object; everything after it works on
`PageContent`.
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFPasswordIncorrect

from .model import TextLine
from .text import chars_to_lines


class ExtractionError(Exception):
    """A document that cannot be read. `code` is stable and machine-readable."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"


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
    chars: list[dict[str, Any]]    # pdfplumber char dicts (deduplicated)
    lines: list[TextLine]
    image_count: int
    plumber_page: Any = field(repr=False, default=None)
    # Ruling lines found in the page image (OCR'd scans); None: use the PDF's own vectors.
    explicit_lines: list[dict] | None = field(repr=False, default=None)

    @property
    def has_text(self) -> bool:
        return any(c["text"].strip() for c in self.chars)


_CHAR_KEYS = ("text", "x0", "x1", "top", "bottom", "size", "fontname")


def open_pdf(data: bytes, password: str | None = None) -> pdfplumber.PDF:
    sniff_pdf(data)
    try:
        pdf = pdfplumber.open(io.BytesIO(data), password=password or "")
        _ = pdf.pages  # forces the page tree to load, so errors surface here
    except PDFPasswordIncorrect:
        if password:
            raise ExtractionError("wrong_password", "the PDF is encrypted and the password given does not open it")
        raise ExtractionError("encrypted_pdf", "the PDF is password-protected; pass --password to open it")
    except ExtractionError:
        raise
    except Exception as exc:  # pdfminer raises many types for broken files
        raise ExtractionError("unreadable_pdf", f"the PDF cannot be parsed ({type(exc).__name__}: {exc})") from exc
    if not pdf.pages:
        raise ExtractionError("no_pages", "the PDF has no pages")
    return pdf


def read_page(page: Any) -> PageContent:
    page = page.dedupe_chars()
    chars = [{k: c[k] for k in _CHAR_KEYS} for c in page.chars]
    number = page.page_number
    return PageContent(number=number, width=float(page.width), height=float(page.height), chars=chars,
                       lines=chars_to_lines(chars, number), image_count=len(page.images), plumber_page=page)
