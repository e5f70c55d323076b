"""Joining wrapped lines of a cell back into one text. No imports from the package: the
document model (model.py) and the text helpers (text.py) both use it."""
from __future__ import annotations

import re
from typing import Iterable

_SOFT_BREAK = re.compile(r"[A-Za-z0-9]-$")
# Ends a line whose word was cut by the column edge ("Communication" / "s and ..."): the next
# line continues the word. Set by mark_cut_words; join_lines removes it.
WORD_CONTINUES = "\u2060"


def join_lines(texts: Iterable[str]) -> str:
    """Join wrapped lines with spaces, except after a hyphen that ends a word-part
    ("T-" + "PIKE" -> "T-PIKE", "co-" + "authors" -> "co-authors")."""
    out = ""
    for t in texts:
        t = t.strip()
        if not t:
            continue
        if out.endswith(WORD_CONTINUES):
            out = out[:-1]
        elif out and not (_SOFT_BREAK.search(out) and t[:1].isalnum()):
            out += " "
        out += t
    if out.endswith(WORD_CONTINUES):
        out = out[:-1]
    return out
