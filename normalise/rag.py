"""RAG status from a cell: its word or letter, else its fill colour. Evidence is kept."""
from __future__ import annotations

import re
from typing import Sequence

from extract.model import Cell

_WORDS = {"red": "red", "r": "red", "amber": "amber", "a": "amber", "yellow": "amber", "orange": "amber",
          "green": "green", "g": "green", "complete": "green", "completed": "green"}


def rag_from_text(text: str) -> str | None:
    words = re.findall(r"[a-z]+", text.lower())
    if not words:
        return None
    if words[0] in _WORDS and (len(words) <= 3 or words[0] not in ("r", "a", "g")):
        return _WORDS[words[0]]
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
