"""The one interface every extraction strategy implements."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, Sequence

from ..config import ExtractConfig
from ..issues import Issue
from ..model import BBox, ExtractedTable
from ..pdf import PageContent


@dataclass(frozen=True)
class StrategyResult:
    tables: tuple[ExtractedTable, ...]
    # Regions (page, box) the strategy consumed; the text inside them counts as "in rows"
    # and later strategies skip it.
    regions: tuple[tuple[int, BBox], ...]
    notes: tuple[Issue, ...] = ()


class Strategy(Protocol):
    name: str

    def extract(self, pages: Sequence[PageContent], config: ExtractConfig,
                taken: Sequence[tuple[int, BBox]], boilerplate: set[tuple[int, int]]) -> StrategyResult:
        """Find action structures in the pages, ignoring regions already `taken` and
        running headers/footers (`boilerplate`: (page, line index))."""
        ...


def inside(x: float, y: float, box: BBox, pad: float = 0.5) -> bool:
    return box.x0 - pad <= x <= box.x1 + pad and box.top - pad <= y <= box.bottom + pad


def boxes_on(regions, page: int) -> list[BBox]:
    return [box for pg, box in regions if pg == page]


def inside_any(x: float, y: float, boxes: list[BBox]) -> bool:
    return any(inside(x, y, b) for b in boxes)
