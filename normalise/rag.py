"""RAG status from a cell: its word or letter, else its fill colour. Evidence is kept."""
from __future__ import annotations

import colorsys

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from extract.model import Cell
from extract.vocabulary import MODELS_DIR, read_yaml

# models/rag.yaml's class of status phrases that name no colour ("Not started")
NO_COLOUR = "none"


@lru_cache(maxsize=1)
def _status_words() -> tuple[tuple[tuple[str, ...], str], ...]:
    """(words of a status phrase, colour or NO_COLOUR), longest phrase first: models/rag.yaml."""
    raw = read_yaml(MODELS_DIR / "rag.yaml")["status_words"]
    pairs = [(tuple(re.findall(r"[a-z]+", phrase.lower())), colour) for colour, phrases in raw.items()
             for phrase in phrases]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


def status_from_text(text: str) -> str | None:
    """The class of the status word or phrase a cell opens with: a colour ("Amber", "G", "On
    track - began in May"), NO_COLOUR for a status that names none ("Not started"), or None
    when the cell opens with no status (a lone letter only in a short cell: a sentence that
    merely starts with "A" is no status)."""
    words = tuple(re.findall(r"[a-z]+", text.lower()))
    if not words:
        return None
    for phrase, colour in _status_words():
        if words[:len(phrase)] == phrase and (len(phrase[0]) > 1 or len(words) <= 3):
            return colour
    return None


def rag_from_text(text: str) -> str | None:
    """The colour a cell's status word or phrase names (status_from_text), None for a status
    that names no colour ("Not started") or no status."""
    status = status_from_text(text)
    return None if status == NO_COLOUR else status


@dataclass(frozen=True)
class FillColour:
    """A status cell's fill: its colour's name, the status it names, its hue range in degrees
    (lo > hi wraps past 0) and the least saturation and brightness (HSV) it takes
    (models/rag.yaml fill_colours)."""
    name: str
    status: str
    hue: tuple[float, float]
    saturation: float
    value: float

    def covers(self, rgb: tuple[float, float, float]) -> bool:
        h, s, v = colorsys.rgb_to_hsv(*rgb)
        deg = h * 360
        lo, hi = self.hue
        in_hue = lo <= deg <= hi if lo <= hi else (deg >= lo or deg <= hi)
        return in_hue and s >= self.saturation and v >= self.value


@lru_cache(maxsize=1)
def _fill_colours() -> tuple[FillColour, ...]:
    return tuple(FillColour(str(f["name"]), str(f["status"]), tuple(f["hue"]), float(f["saturation"]),
                            float(f["value"]))
                 for f in read_yaml(MODELS_DIR / "rag.yaml")["fill_colours"])


def fill_colour(rgb: tuple[float, float, float]) -> FillColour | None:
    """The named status colour a fill is, if any (pale shading is none)."""
    return next((f for f in _fill_colours() if f.covers(rgb)), None)


def rag_from_rgb(rgb: tuple[float, float, float]) -> str | None:
    colour = fill_colour(rgb)
    return colour.status if colour else None


def rag_from_cell(cells: Sequence[Cell]) -> tuple[str | None, str | None]:
    """(status, evidence): "text: <the cell's words>" or "fill rgb(r,g,b) <colour name>". A
    status that names no colour ("Not started") takes its cell's fill colour if the fill names
    one, else it gives no status (never red); either way its words are the evidence."""
    for cell in cells:
        status = status_from_text(cell.text) if cell.text else None
        if status and status != NO_COLOUR:
            return status, f"text: {cell.text[:40]}"
        colour = fill_colour(cell.fill_rgb) if cell.fill_rgb is not None else None
        if status:
            return (colour.status if colour else None), f"text: {cell.text[:40]}"
        if colour:
            rgb = ",".join(str(round(v * 255)) for v in cell.fill_rgb)
            return colour.status, f"fill rgb({rgb}) {colour.name}"
    return None, None
