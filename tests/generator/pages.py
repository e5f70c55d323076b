"""Find on which PDF pages a piece of text was printed (pdfplumber), independently of the
pipeline under test.

Tables: for one column, the text inside that column's rules below the repeated header
row is read page by page and concatenated into one stream with all whitespace removed, so
that line wraps and page breaks do not matter; each character remembers its page. A cell's
text is then searched in document order. Narrative pages: the body area between the
running header and the footer is read the same way.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pdfplumber


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@dataclass
class Stream:
    text: str
    pages: list[int]  # 1-based page for each character of text
    pos: int = 0

    def find(self, needle: str, advance: bool = True) -> tuple[int, int] | None:
        """Pages (first, last) of the next occurrence of needle at or after the cursor."""
        n = squash(needle)
        if not n:
            return None
        i = self.text.find(n, self.pos)
        if i < 0:
            return None
        if advance:
            self.pos = i + len(n)
        return self.pages[i], self.pages[i + len(n) - 1]

    def find_all_parts(self, parts: list[str]) -> tuple[int, int] | None:
        """First page of parts[0] and last page of parts[-1], found in sequence."""
        first = last = None
        for part in parts:
            hit = self.find(part)
            if hit is None:
                return None
            first = hit[0] if first is None else first
            last = hit[1]
        return (first, last) if first is not None else None


def _header_word(page, label: str, anchor: str):
    """The word that starts `label` in the table header row (the row also holding the
    first word of `anchor`)."""
    words = page.extract_words(keep_blank_chars=False, use_text_flow=False)
    first = label.split()[0]
    afirst = anchor.split()[0]
    for w in words:
        if w["text"] != first:
            continue
        if any(o is not w and o["text"] == afirst and abs(o["top"] - w["top"]) < 2.5
               for o in words):
            return w
    return None


def _column_bbox(page, w):
    """Rules around the header word: left/right vertical rules, bottom of the header row,
    bottom of the table on this page."""
    mid = (w["top"] + w["bottom"]) / 2
    vs = [e for e in page.edges if e["orientation"] == "v" and e["top"] - 1 <= mid <= e["bottom"] + 1]
    left = max((e["x0"] for e in vs if e["x0"] <= w["x0"] + 0.5), default=0)
    right = min((e["x0"] for e in vs if e["x0"] >= w["x1"] - 0.5), default=page.width)
    hs = [e for e in page.edges if e["orientation"] == "h" and e["top"] > w["bottom"]
          and e["x0"] <= left + 1 and e["x1"] >= right - 1]
    header_bottom = min((e["top"] for e in hs), default=w["bottom"])
    col_vs = [e for e in page.edges if e["orientation"] == "v" and abs(e["x0"] - left) < 1]
    bottom = max((e["bottom"] for e in col_vs), default=page.height)
    return (left + 0.3, header_bottom + 0.3, right - 0.3, bottom)


@lru_cache(maxsize=64)
def _column_stream_cached(pdf_path: str, mtime: float, label: str, anchor: str):
    chunks: list[str] = []
    pages: list[int] = []
    with pdfplumber.open(pdf_path) as pdf:
        for pno, page in enumerate(pdf.pages, start=1):
            w = _header_word(page, label, anchor)
            if w is None:
                continue
            bbox = _column_bbox(page, w)
            text = squash(page.within_bbox(bbox).extract_text() or "")
            chunks.append(text)
            pages.extend([pno] * len(text))
    return "".join(chunks), pages


def column_stream(pdf_path: Path, label: str, anchor: str) -> Stream:
    """Stream of one table column (identified by its header label; anchor is another
    header label printed on the same header line)."""
    p = Path(pdf_path)
    text, pages = _column_stream_cached(str(p), p.stat().st_mtime, label, anchor)
    return Stream(text, list(pages))


def body_stream(pdf_path: Path, top: float, bottom: float) -> Stream:
    """Stream of the page body, leaving out `top` points at the top (running header) and
    `bottom` points at the bottom (footer)."""
    chunks: list[str] = []
    pages: list[int] = []
    with pdfplumber.open(str(pdf_path)) as pdf:
        for pno, page in enumerate(pdf.pages, start=1):
            text = squash(page.within_bbox((0, top, page.width, page.height - bottom))
                          .extract_text() or "")
            chunks.append(text)
            pages.extend([pno] * len(text))
    return Stream("".join(chunks), pages)


def page_count(pdf_path: Path) -> int:
    with pdfplumber.open(str(pdf_path)) as pdf:
        return len(pdf.pages)


def all_text(pdf_path: Path) -> list[str]:
    with pdfplumber.open(str(pdf_path)) as pdf:
        return [p.extract_text() or "" for p in pdf.pages]
