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


def badge_fill(lines, fills, limits: tuple[float, float]) -> tuple[float, float, float] | None:
    """The colour of a fill drawn behind a line of a cell's words and little larger than it (a
    status pill or badge, maybe above a note or a progress bar), when the cell itself is not
    filled: its share of the line's box at least limits[0], its area at most limits[1] times the
    line's. The first such line's fill; None without one."""
    share, ratio = limits
    if not fills or ratio <= 0:
        return None
    for line in lines:
        box = line.bbox
        area = max(box.width * (box.bottom - box.top), 1e-6)
        for fb, rgb in fills:
            ix = min(box.x1, fb.x1) - max(box.x0, fb.x0)
            iy = min(box.bottom, fb.bottom) - max(box.top, fb.top)
            if ix > 0 and iy > 0 and ix * iy / area >= share and fb.width * (fb.bottom - fb.top) <= ratio * area:
                return rgb
    return None
