"""On which page each gold row's text begins, read from the rendered PDF with pdfplumber,
independently of the pipeline under test.

A row is found by the chain of its first words: the first word, then each next word either
just after it on the same line or at the left of a following line below it (a wrapped cell
line) or, once at least three words matched, on the next page (a row cut by a page break).
Rows are searched in document order from a cursor (page, line top), so a text printed twice
(an overview and a detailed table) is found at its next occurrence."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pdfplumber

CHAIN = 7
REACH = 110   # a wrapped line may start this far left of the first word ("Action 3: ...", "3. ...")


def tok(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).lower()
    s = re.sub(r"[\u2018\u2019`]", "'", s)
    return re.sub(r"^[^\w]+|[^\w]+$", "", s)


SPLIT = re.compile(r"[\s\-\u2010\u2011\u2013\u2014/]+")


def tokens(text: str) -> list[str]:
    """Words, split at hyphens and slashes too (a line may end inside "best-practice")."""
    return [t for t in (tok(w) for w in SPLIT.split(text)) if t]


@dataclass
class W:
    t: str
    x0: float
    x1: float
    top: float
    h: float


def read_words(pdf_path: Path) -> list[list[W]]:
    pages = []
    with pdfplumber.open(str(pdf_path)) as pdf:
        for p in pdf.pages:
            ws = []
            for w in p.extract_words(keep_blank_chars=False, use_text_flow=False):
                parts = [x for x in SPLIT.split(w["text"]) if tok(x)]
                if not parts:
                    continue
                step = (w["x1"] - w["x0"]) / len(parts)   # hyphenated words: pieces side by side
                for i, x in enumerate(parts):
                    ws.append(W(tok(x), w["x0"] + i * step, w["x0"] + (i + 1) * step, w["top"],
                                w["bottom"] - w["top"]))
            ws.sort(key=lambda w: (round(w.top, 0), w.x0))
            pages.append(ws)
    return pages


class Locator:
    def __init__(self, pdf_path: Path):
        self.pages = read_words(pdf_path)
        self.cursor = (0, -1.0)

    def _next_same_line(self, ws: list[W], w: W) -> W | None:
        best = None
        for o in ws:
            if abs(o.top - w.top) < 0.35 * w.h and o.x0 >= w.x1 - 0.5 and o.x0 - w.x1 < 1.2 * w.h:
                if best is None or o.x0 < best.x0:
                    best = o
        return best

    def _next_line(self, ws: list[W], w: W, left: float, want: str) -> W | None:
        cands = [o for o in ws if w.top + 0.5 * w.h < o.top < w.top + 2.6 * w.h
                 and left - REACH <= o.x0 <= left + 6 and o.t == want]
        return min(cands, key=lambda o: (round(o.top), -o.x0)) if cands else None  # the nearest column start

    def _chain(self, pi: int, start: W, toks: list[str]) -> bool:
        need = min(len(toks), CHAIN)
        ws = self.pages[pi]
        w, left, k = start, start.x0, 1
        while k < need:
            nxt = self._next_same_line(ws, w)
            if nxt is not None and nxt.t == toks[k]:
                w, k = nxt, k + 1
                continue
            nl = self._next_line(ws, w, left, toks[k])
            if nl is not None:
                w, k = nl, k + 1
                left = min(left, nl.x0)
                continue
            # at the foot of the page: a row cut by a page break
            below = [o for o in ws if o.top > w.top + 0.5 * w.h]
            if k >= 3 and not any(o for o in below if left - 12 <= o.x0 <= left + 6):
                return True
            return False
        return True

    def find(self, text: str) -> int | None:
        """1-based page where text begins at or after the cursor; moves the cursor."""
        toks = tokens(text)
        if not toks:
            return None
        cp, ctop = self.cursor
        for pi in range(cp, len(self.pages)):
            for w in self.pages[pi]:
                if pi == cp and w.top < ctop - 0.5:
                    continue
                if w.t == toks[0] and self._chain(pi, w, toks):
                    self.cursor = (pi, w.top + 0.5)
                    return pi + 1
        return None


def locate(pdf_path: Path, rows: list[dict], passes: int = 1) -> list[int | None]:
    """page_start of each row (None where the text was not found); with passes=2 the rows are
    searched twice in order and the second occurrence is kept (overview + detailed table)."""
    loc = Locator(pdf_path)
    found: list[int | None] = []
    for _ in range(passes):
        found = [loc.find(r["action_text"]) for r in rows]
    return found
