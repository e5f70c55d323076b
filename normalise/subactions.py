"""Cells holding several actions ("V1.1 ...", "a) ... b) ...", bullets) to atomic items.

Markers are trusted at the start of a line; inside a line only when they continue the
sequence already started (a -> b -> c, V1.1 -> V1.2), so "(see b) above)" does not split.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Sequence

from extract.model import TextLine
from extract.text import BULLET_CLASS, join_lines

DASHES = "-–—"
# "V1.1", "CD2.3"; a bare "1.1" only before a capital, so "1.5 days a week" is not a marker.
_DOTTED = re.compile(rf"(?P<id>[A-Z]{{1,3}}\d{{1,2}}(?:\.\d{{1,2}})+|\d{{1,2}}(?:\.\d{{1,2}})+(?=\s*[{DASHES}:.)]?\s+[A-Z\"“‘']))"
                     rf"\s*[{DASHES}:.)]?\s+")
_LETTER = re.compile(r"\(?(?P<id>[a-z])[).]\s+")
ROMANS = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x")
_ROMAN = re.compile(r"\((?P<id>" + "|".join(sorted(ROMANS, key=len, reverse=True)) + r")\)\s+")
# "ii. Give ...", "iv) Increase ...": a roman numeral of two or more letters closed by a point or
# a bracket, before a capital ("i.", "v.", "x." read as letters, the sequence they run in decides)
_ROMAN_CLOSED = re.compile(r"(?P<id>" + "|".join(sorted((r for r in ROMANS if len(r) > 1), key=len, reverse=True))
                           + r")[.)]\s+(?=[A-Z\"“‘'])")
# "3." / "3)"; also "3 – Support ..." and "7 To recruit ...", a bare number only before a capital
_NUMBER = re.compile(rf"(?P<id>\d{{1,2}})(?:[.)]\s+|\s*[{DASHES}]\s+(?=[A-Z\"“‘'])|\s+(?=[A-Z][a-z]))")
_BULLET = re.compile(BULLET_CLASS + r"\s+")
# "3 TCWG representatives to ...": a bare number before an acronym opens the next item only
# where it continues a running "1 ...", "2 ..." list after a finished sentence
_NUMBER_ACRONYM = re.compile(r"(?P<id>\d{1,2})\s+(?=[A-Z]{2,})")
# "V1 – To have ...", "3. Raise ...", or an id set off by its type alone ("V1 Technicians are ...",
# the id bold): a letter id then a capitalised word
_AIM_ID = re.compile(rf"^(?P<id>[A-Z]{{1,3}}\d{{1,2}}|\d{{1,2}}(?=\s*[{DASHES}:.]\s+[A-Z]))"
                     rf"(?:\s*[{DASHES}:.]\s+|(?<=[0-9])\s+(?=[A-Z][a-z]))")
_BARE_AIM_ID = re.compile(r"^\s*[A-Z]{1,3}\d{1,2}\s*$")


@dataclass(frozen=True)
class Item:
    marker: str | None        # as written, normalised ("V1.1", "a", "ii", "3"); None for bullets/plain
    kind: str                 # dotted | letter | roman | number | bullet | plain
    text: str
    lines: tuple[TextLine, ...]


def split_aim_id(text: str | None) -> tuple[str | None, str | None]:
    """"V1 – To have ..." -> ("V1", "To have ...")."""
    if not text:
        return None, text
    m = _AIM_ID.match(text)
    if m:
        return m.group("id"), text[m.end():].strip() or None
    if _BARE_AIM_ID.match(text):        # an aim cell holding its id alone ("A3" over "a) ...")
        return text.strip(), None
    return None, text


_OCR_DIGITS = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "|": "1", "s": "5", "S": "5"})


def repair_ocr_id(token: str, *, require_digit: bool = False, prefixes: frozenset[str] = frozenset()) -> str:
    """Row keys as tesseract misreads them: "$1" -> "S1", "v1" -> "V1", "Cl" -> "C1", "cs" -> "C5",
    and with `prefixes` (the letters the table's well-read keys open with) "TCO1" -> "TC01".
    Only for text from OCR; a key is 1-3 letters then digits (a token with no digit-like
    character after its letters is left alone). Where the token may be an ordinary word
    (deciding whether a column or a table holds ids at all), ``require_digit`` leaves alone
    a token without a real digit or "$": "All" and "To" would otherwise read as AL1, T0."""
    token = token.strip("_|~.:)–-—")
    if require_digit and not re.search(r"[0-9$]", token):
        return token
    # the table's other keys show their letters ("TC" in TC9, TC10): letters read after them
    # are digits ("TCO1" is TC01), where the letters alone would be no prefix of the table's
    lead = re.match(r"[A-Za-z]+", token)
    if prefixes and lead and lead.group(0).upper() not in prefixes:
        for p in sorted(prefixes, key=len, reverse=True):
            rest = token[len(p):]
            if token[:len(p)].upper() == p and re.fullmatch(r"[0-9OoIl|sS]{1,3}", rest) and not rest.isdigit():
                return p + rest.translate(_OCR_DIGITS)
    m = (re.fullmatch(r"([$A-Za-z]{1,3})([0-9OoIl|]{1,2})((?:\.[0-9OoIl|a-z]{1,3})*)", token)
         or re.fullmatch(r"([$A-Za-z]{1,2})([sS])()", token))
    if not m:
        return token
    letters = m.group(1).replace("$", "S").upper()
    return letters + m.group(2).translate(_OCR_DIGITS) + m.group(3)


def _next_letter(prev: str) -> str:
    return chr(ord(prev) + 1)


def _dotted_successor(prev: str, cur: str) -> bool:
    p, c = prev.split("."), cur.split(".")
    return len(p) == len(c) and p[:-1] == c[:-1] and int(c[-1]) == int(p[-1]) + 1


def _line_start_marker(text: str) -> tuple[str, str | None, int] | None:
    for kind, pat in (("dotted", _DOTTED), ("roman", _ROMAN), ("roman", _ROMAN_CLOSED), ("letter", _LETTER),
                      ("number", _NUMBER),
                      ("bullet", _BULLET)):
        m = pat.match(text)
        if m:
            mid = m.groupdict().get("id")
            if kind == "letter" and text[:1] == "(" and mid in "ivx":
                continue
            return kind, mid, m.end()
    icon = _icon_end(text)
    if icon:
        return "bullet", None, icon
    return None


def _icon_end(text: str) -> int:
    """Where the text after an icon opening the line starts: a symbol glyph (Unicode category
    So, as a database view's page icon "▤", a to-do box "☐", an emoji, with its variation
    selector) set before the words like a bullet, a space after it. 0 when there is none."""
    k = 0
    while k < len(text) and unicodedata.category(text[k]) == "So":
        k += 1
        while k < len(text) and unicodedata.category(text[k]) == "Mn":    # U+FE0F and the like
            k += 1
    if not k or k > 3 or not text[k:k + 1].isspace():
        return 0
    rest = text[k:].lstrip()
    return len(text) - len(rest) if rest[:1].isalnum() or rest[:1] in "\"“‘'(" else 0


def _is_successor(kind: str, prev: str | None, cur: str | None) -> bool:
    if kind == "letter" and prev and cur:
        return cur == _next_letter(prev)
    if kind == "dotted" and prev and cur:
        return _dotted_successor(prev, cur)
    if kind == "number" and prev and cur:
        return int(cur) == int(prev) + 1
    if kind == "roman" and prev in ROMANS and cur in ROMANS:
        return ROMANS.index(cur) == ROMANS.index(prev) + 1
    return kind == "bullet"


def _unclosed(texts: Sequence[str]) -> bool:
    """A bracket opened and not yet closed in these lines."""
    text = " ".join(texts)
    return text.count("[") > text.count("]") or text.count("(") > text.count(")")


def split_items(lines: Sequence[TextLine]) -> list[Item]:
    """One item per marked action; unmarked text is one plain item."""
    pieces: list[tuple[str | None, str | None, list[str], list[TextLine]]] = []
    kind_in_use: str | None = None
    for line in lines:
        text = line.text
        start = _line_start_marker(text)
        if start is None and kind_in_use == "number" and pieces and pieces[-1][2] \
                and pieces[-1][2][-1].rstrip().endswith((".", ";", ":", "!", "?")) \
                and (m := _NUMBER_ACRONYM.match(text)):
            start = ("number", m.group("id"), m.end())
        accept = False
        if start and pieces and _unclosed(pieces[-1][2]):
            start = None    # the line goes on inside a bracket the text before opened ("[TCR" / "– R8]")
        if start:
            if not pieces:  # the first line of a cell may open with any marker ("c) ...")
                accept = True
            elif kind_in_use is None:  # a list after a lead-in must start at its beginning
                accept = start[0] in ("dotted", "bullet") or start[1] in ("a", "1", "i")
            elif start[0] == kind_in_use:
                accept = start[0] in ("dotted", "bullet") or _is_successor(start[0], pieces[-1][1], start[1])
            elif kind_in_use == "letter" and start[0] == "roman" and pieces[-1][1] == "i" and start[1] == "ii":
                accept = True       # "i." read as a letter, then "ii.": the list was roman
        if accept:
            kind_in_use = start[0]
            pieces.append((start[0], start[1], [text[start[2]:]], [line]))
        elif pieces:
            pieces[-1][2].append(text)
            if line not in pieces[-1][3]:
                pieces[-1][3].append(line)
        else:
            pieces.append((None, None, [text], [line]))
        # Inline continuations of the running sequence ("a) ... b) ...", "1) ... 2) ...").
        if kind_in_use in ("letter", "dotted", "roman", "number") and pieces[-1][1]:
            _split_inline(pieces, kind_in_use, line)
    items = []
    for kind, marker, texts, ls in pieces:
        body = " ".join(join_lines(texts).split())
        if body:
            items.append(Item(marker, kind or "plain", body, tuple(ls)))
    return items


def _split_inline(pieces, kind: str, line: TextLine) -> None:
    while True:
        kind_, prev, texts, ls = pieces[-1]
        joined = join_lines(texts)
        if kind == "letter":
            want = _next_letter(prev)
            m = re.search(rf"(?:(?<=\s)|(?<=[a-z.;,]))\(?{want}\)\s+", joined)
        elif kind == "roman":
            if prev not in ROMANS[:-1]:
                return
            want = ROMANS[ROMANS.index(prev) + 1]
            m = re.search(rf"(?<=\s)\({want}\)\s+", joined)
        elif kind == "number":
            # only the bracket form, "2) ", and only the next number: "version 2. The" or "(2)"
            # inside a sentence go on
            want = str(int(prev) + 1)
            m = re.search(rf"(?<=\s){want}\)\s+(?=\S)", joined)
        else:
            parts = prev.split(".")
            want = ".".join(parts[:-1] + [str(int(parts[-1]) + 1)])
            m = re.search(rf"(?<=\s){re.escape(want)}\s*[{DASHES}:.)]?\s+", joined)
        if not m or m.start() == 0:
            return
        pieces[-1] = (kind_, prev, [joined[:m.start()]], ls)
        pieces.append((kind, want, [joined[m.end():]], [line]))


def normalise_action_id(item: Item, parent_id: str | None, block_id: str | None = None) -> str | None:
    """"V1.1" stays; letter/roman/number items under an aim become "S1.a"; no marker, no id."""
    if item.marker is None:
        return block_id
    if item.kind == "dotted":
        return item.marker.upper()
    if parent_id:
        return f"{parent_id}.{item.marker}"
    return item.marker


def parent_of_dotted(action_id: str | None) -> str | None:
    if action_id and "." in action_id:
        return action_id.rsplit(".", 1)[0]
    return None
