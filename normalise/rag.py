"""RAG status from a cell: its word or letter, else its fill colour. Evidence is kept."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from extract.model import Cell
from extract.vocabulary import MODELS_DIR, read_yaml

@lru_cache(maxsize=1)
def _status_words() -> tuple[tuple[tuple[str, ...], str], ...]:
    """(words of a status phrase, colour), longest phrase first: models/rag.yaml."""
    raw = read_yaml(MODELS_DIR / "rag.yaml")["status_words"]
    pairs = [(tuple(re.findall(r"[a-z]+", phrase.lower())), colour) for colour, phrases in raw.items()
             for phrase in phrases]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


def rag_from_text(text: str) -> str | None:
    """The colour a cell's status word or phrase names ("Amber", "G", "On track - began in May"),
    when the cell opens with it (a lone letter only in a short cell: a sentence that merely starts
    with "A" is no status)."""
    words = tuple(re.findall(r"[a-z]+", text.lower()))
    if not words:
        return None
    for phrase, colour in _status_words():
        if words[:len(phrase)] == phrase and (len(phrase[0]) > 1 or len(words) <= 3):
            return colour
    return None


def rag_from_rgb(rgb: tuple[float, float, float]) -> str | None:
    r, g, b = rgb
    if r > 0.7 and g < 0.45 and b < 0.45:
        return "red"
    if r > 0.8 and 0.45 <= g <= 0.9 and b < 0.45:
        return "amber"
    if g > 0.5 and r < 0.6 and b < 0.6:
        return "green"
    return None


def rag_from_cell(cells: Sequence[Cell]) -> tuple[str | None, str | None]:
    for cell in cells:
        if cell.text:
            status = rag_from_text(cell.text)
            if status:
                return status, f"text: {cell.text[:40]}"
        if cell.fill_rgb is not None:
            status = rag_from_rgb(cell.fill_rgb)
            if status:
                rgb = ",".join(str(round(v * 255)) for v in cell.fill_rgb)
                return status, f"fill rgb({rgb})"
    return None, None
