"""Joining wrapped lines of a cell back into one text. No imports from the package: the
document model (model.py) and the text helpers (text.py) both use it."""
from __future__ import annotations

import re
from typing import Iterable

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
