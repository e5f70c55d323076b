"""Joining wrapped lines of a cell back into one text. No imports from the package but the
word list (lexicon.py, which imports none): the document model (model.py) and the text
helpers (text.py) both use it."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from .lexicon import is_word

_SOFT_BREAK = re.compile(r"[A-Za-z0-9]-$")
# Ends a line whose word was cut by the column edge ("Communication" / "s and ..."): the next
# line continues the word. Set by mark_cut_words; join_lines removes it.
WORD_CONTINUES = "\u2060"
# An id cut by the edge of a narrow column: "CD1." / "1" is "CD1.1" (a line holding only an id
# that ends in its separator, then a line holding only the number that completes it).
# Also a prefix alone: "CD" / "2" is "CD2", or "CD" / "-01" is "CD-01" (a column too narrow for
# the letters and digits, wrapped before or after the separator).
_ID_HEAD = re.compile(r"^(?:[A-Za-z]{0,4}\d{1,3}(?:\.\d{1,3})*[.\-\u2013]|[A-Z]{1,4})$")
_ID_TAIL = re.compile(r"^(?P<sep>[.\-\u2013])?\d{1,3}[a-z]?$")


def id_continues(head: str, tail: str) -> bool:
    """`tail` completes the id `head` cut at the column edge ("CD1." + "1", "CD" + "-01");
    the separator printed once, on either side of the cut."""
    h, m = _ID_HEAD.match(head.strip()), _ID_TAIL.match(tail.strip())
    return bool(h and m and not (m.group("sep") and not head.strip().isalpha()))


def join_lines(texts: Iterable[str]) -> str:
    """Join wrapped lines with spaces, except after a hyphen that ends a word-part
    ("T-" + "PIKE" -> "T-PIKE", "co-" + "authors" -> "co-authors") and inside an id cut by
    its column's edge ("CD1." + "1" -> "CD1.1")."""
    out, last = "", ""
    for t in texts:
        t = t.strip()
        if not t:
            continue
        if out.endswith(WORD_CONTINUES):
            out = out[:-1]
        elif out and not (_SOFT_BREAK.search(out) and t[:1].isalnum()) and not id_continues(last, t):
            out += " "
        out += t
        last = t
    if out.endswith(WORD_CONTINUES):
        out = out[:-1]
    return out


# A word cut at a line's end by a hyphen ("spe-" / "cialism"): the letters before the hyphen,
# and the lower-case letters the next line opens with.
_HYPHEN_HEAD = re.compile(r"(?<![A-Za-z])(?P<head>[A-Za-z]+)-$")
_HYPHEN_TAIL = re.compile(r"^(?P<tail>[a-z]+)")
_TOKEN_EDGE = "\"'“”‘’()[]{},.;:!?*…"


@dataclass(frozen=True)
class WordEvidence:
    """The document's own spelling: the words it prints whole, and the hyphenated words it
    prints inside a line (never at a line's end, where the hyphen may be the typesetter's)."""
    words: frozenset[str] = frozenset()
    hyphenated: frozenset[str] = frozenset()


def word_evidence(texts: Iterable[str]) -> WordEvidence:
    """Lower-cased words of the lines `texts` (a possessive's "'s" cut off), apart from
    those hyphenated inside the line ("well-being")."""
    words: set[str] = set()
    hyphenated: set[str] = set()
    for text in texts:
        for token in text.split():
            t = token.strip(_TOKEN_EDGE)
            t = re.sub(r"['’]s$", "", t).lower()
            if not t or t.endswith("-"):
                continue
            if re.fullmatch(r"[a-z]+(?:-[a-z]+)+", t):
                hyphenated.add(t)
            elif t.isalpha():
                words.add(t)
    return WordEvidence(frozenset(words), frozenset(hyphenated))


def soft_hyphen(head: str, tail: str, evidence: WordEvidence = WordEvidence()) -> bool:
    """The hyphen ending a line after `head`, the next line opening with `tail`, is the
    typesetter's (a word hyphenated to justify the line: "spe-" / "cialism", "Insti-" /
    "tute's"), not the word's: the letters joined make a word (in the lexicon, or printed
    whole elsewhere in the document), and the hyphenated form is not a word of its own (a
    compound "well-being", "co-ordinate", "cross-faculty": in the lexicon or printed so inside
    a line of the document). A tail opening with a capital or a digit never joins ("T-" /
    "PIKE", "2025-" / "2026")."""
    if not (head.isalpha() and tail.isalpha() and tail[:1].islower()):
        return False
    pair, joined = f"{head}-{tail}".lower(), (head + tail).lower()
    if pair in evidence.hyphenated or is_word(pair):
        return False
    return is_word(joined) or joined in evidence.words


def mark_soft_hyphens(texts: Sequence[str], evidence: WordEvidence = WordEvidence()) -> list[str]:
    """Lines with each typesetter's hyphen at a line's end (soft_hyphen) replaced by
    WORD_CONTINUES, so join_lines joins the word back without it; every other hyphen stays."""
    out = list(texts)
    for i in range(len(out) - 1):
        cur = out[i].rstrip()
        h, t = _HYPHEN_HEAD.search(cur), _HYPHEN_TAIL.match(out[i + 1].lstrip())
        if h and t and soft_hyphen(h.group("head"), t.group("tail"), evidence):
            out[i] = cur[:-1] + WORD_CONTINUES
    return out
