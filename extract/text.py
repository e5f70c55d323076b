"""Characters to lines: the one place text is assembled from PDF glyphs."""
from __future__ import annotations

import re
import unicodedata
from typing import Iterable, Sequence

from .lexicon import is_word
from .model import BBox, TextLine
from .vocabulary import label_key  # noqa: F401 - re-exported: the one label key
from .wrap import WORD_CONTINUES, join_lines  # noqa: F401 - re-exported

# Characters that carry no text but break matching: soft hyphen, zero-width spaces and
# joiners, direction marks, BOM. Removed from all text the pipeline emits.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\ufeff"))
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2002\u2003\u2007\u2009\u200a\u202f\u3000"), " ")


def clean_text(text: str) -> str:
    """Unicode normalisation for output text: NFKC (ligatures), no invisible marks,
    ordinary spaces. Dashes and quotes are kept as printed."""
    text = unicodedata.normalize("NFKC", text)
    return text.translate(_INVISIBLE).translate(_SPACES)


# Characters that open a bulleted list item (one set for the unruled strategy and for
# normalise's sub-action splitter).
BULLETS = "•●▪■◦‣∙·○-–*"
BULLET_CLASS = "[" + "".join(re.escape(c) for c in BULLETS) + "]"


def is_bold_font(fontname: str) -> bool:
    name = fontname.lower()
    return "bold" in name or "black" in name or "heavy" in name or ",b" in name


# A face whose name states a light or regular weight ("Caladea-Regular", "Lato-Light") is not
# bold, whatever weight the font reports: pdfium derives one from the stems when the PDF
# declares none, and gave 704 for a regular serif printed by Chromium (every line then read
# bold, and no heading or label stood out).
_NOT_BOLD_STYLE = re.compile(r"[-,+ ](regular|book|light|thin|extralight|ultralight|normal|roman|medium)\b")


def names_a_light_weight(fontname: str) -> bool:
    return bool(_NOT_BOLD_STYLE.search(fontname.lower()))


def glyph_is_bold(c: dict) -> bool:
    """The reader decides once per font (`bold`); OCR glyphs carry only a font name."""
    return c["bold"] if "bold" in c else is_bold_font(c.get("fontname", ""))


def space_between(prev: dict, ch: dict) -> bool:
    """A word gap: wider than a fifth of the font size, or one pdfium inferred (browsers
    print words without space glyphs)."""
    gap = ch["x0"] - prev["x1"]
    return gap > 0.2 * max(prev["size"], 1.0) or (bool(ch.get("space_before")) and gap > -0.5)


def line_key(c: dict) -> float:
    """The height a glyph's line is grouped at: its baseline when the reader knows it (a PDF
    glyph), else its top (an OCR word)."""
    return c.get("baseline", c["top"])


def _reading_order(c: dict) -> tuple[float, float]:
    return (round(line_key(c)), c["x0"])


def chars_to_lines(chars: Sequence[dict], page: int, y_tolerance: float = 2.5) -> list[TextLine]:
    """Group glyphs into visual lines (top-to-bottom by baseline, left-to-right) and insert spaces
    where the gap between glyphs is wider than a fraction of the font size."""
    if not chars:
        return []
    ordered = sorted(chars, key=_reading_order)
    rows: list[list[dict]] = []
    for ch in ordered:
        if rows and abs(line_key(ch) - line_key(rows[-1][0])) <= y_tolerance:
            rows[-1].append(ch)
        else:
            rows.append([ch])
    lines = []
    for row in rows:
        row.sort(key=lambda c: c["x0"])
        parts: list[str] = []
        prev = None
        for ch in row:
            if prev is not None and space_between(prev, ch) and parts and parts[-1] != " " and ch["text"] != " ":
                parts.append(" ")
            parts.append(ch["text"])
            prev = ch
        text = " ".join(clean_text("".join(parts)).split())
        if not text:
            continue
        visible = [c for c in row if c["text"].strip()] or row
        bbox = BBox(min(c["x0"] for c in row), min(c["top"] for c in row),
                    max(c["x1"] for c in row), max(c["bottom"] for c in row))
        size = max(c["size"] for c in visible)
        bold = sum(glyph_is_bold(c) for c in visible) > len(visible) / 2
        lines.append(TextLine(text, page, bbox, round(size, 1), bold))
    return lines


def _joins_into_word(word: str, next_text: str) -> bool:
    """"Communication" + "s and ..." -> "Communications" is a word; "Administrative" +
    "support" is not. Only the letters at the cut are compared."""
    head = re.search(r"[A-Za-z]+$", word)
    tail = re.match(r"[a-z]+", next_text)
    return bool(head and tail and is_word(head.group() + tail.group()))


def mark_cut_words(lines: Sequence[TextLine], left_edge: float, right_edge: float) -> list[TextLine]:
    """Word wraps at spaces; a word wider than its column is cut where the column ends. Such
    a line holds that one word, reaches the column's right edge (less the cell padding,
    taken to equal the left one, and less than a glyph), and the next line goes on in lower
    case. Mark it so the word is joined back without a space."""
    out = list(lines)
    if len(out) < 2:
        return out
    padding = max(0.0, min(l.bbox.x0 for l in out) - left_edge)
    for i in range(len(out) - 1):
        cur, nxt = out[i], out[i + 1]
        word = cur.text.strip()
        if (" " not in word and word[-1:].isalpha() and nxt.text[:1].islower() and cur.page == nxt.page
                and cur.bbox.x1 >= right_edge - padding - 0.8 * max(cur.size, 4.0)
                and _joins_into_word(word, nxt.text)):
            out[i] = TextLine(word + WORD_CONTINUES, cur.page, cur.bbox, cur.size, cur.bold)
    return out


def mark_words_cut_unseen(lines: Sequence[TextLine], max_pieces: int = 3) -> list[TextLine]:
    """The same for a column whose right edge is not drawn (unruled tables, header labels):
    a line ending in letters that are no word ("Accountabl", "D") followed by lines that
    go on in lower case ("e lead", "evelopm" / "ent") whose letters complete a word
    ("Accountable", "Development"). A wrap at a space leaves a whole word, so a line
    ending in one ("Time" / "line") is left alone."""
    out = list(lines)
    i = 0
    while i < len(out) - 1:
        head = re.search(r"[A-Za-z]+$", out[i].text.strip())
        if not head or (is_word(head.group()) and (len(head.group()) > 1 or head.group() in "aAI")):
            i += 1
            continue
        word, joined = head.group(), None
        for j in range(i + 1, min(len(out), i + 1 + max_pieces)):
            tail = re.match(r"[a-z]+", out[j].text)
            if not tail or out[j].page != out[i].page:
                break
            word += tail.group()
            if is_word(word):
                joined = j
                break
            if tail.group() != out[j].text.strip():
                break        # only a piece that is all letters ("evelopm") can be followed by more
        if joined is None:
            i += 1
            continue
        for k in range(i, joined):
            l = out[k]
            out[k] = TextLine(l.text.rstrip() + WORD_CONTINUES, l.page, l.bbox, l.size, l.bold)
        i = joined
    return out


def lines_text(lines: Iterable[TextLine]) -> str:
    return join_lines(l.text for l in lines)
