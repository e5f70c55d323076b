"""Layout detection before extraction: cheap page features decide which strategies run.

Per page: ruling lines that cross (a ruled grid), a line naming two or more column labels
(a whitespace table's header), "Action N" headings (narrative blocks). The document's
candidate layouts are the union over its pages; only their strategies run, in the
registry's order. When detection finds nothing, every strategy is tried (a plan laid out
in a way these features miss still gets read), and the document says so.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from .config import ExtractConfig
from .model import Layout
from .pdf import PageContent
from .strategies.ruled import rule_stacks
from .text import label_key

# A ruled table needs at least this many rules each way on the page (cell borders are often
# drawn cell by cell, so a rule need only be a few points long).
MIN_RULES = 3
MIN_RULE_LENGTH = 10.0    # points


@dataclass(frozen=True)
class PageGuess:
    page: int
    layouts: tuple[str, ...]      # candidate layouts, strongest first; () for prose


def _rules(page: PageContent) -> tuple[int, int]:
    h = sum(1 for e in page.edges if e["orientation"] == "h" and e["x1"] - e["x0"] >= MIN_RULE_LENGTH)
    v = sum(1 for e in page.edges if e["orientation"] == "v" and e["bottom"] - e["top"] >= MIN_RULE_LENGTH)
    return h, v


def _stacked_rules(page: PageContent, config: ExtractConfig) -> bool:
    """Rules of one extent stacked down the page: a table ruled only between its rows."""
    s = config.ruled_table
    return bool(rule_stacks(page.edges, s.snap_tolerance, s.rows_only_min_rules, s.rows_only_min_width))


def _extent(page: PageContent) -> tuple[float, float, float, float]:
    es = [e for e in page.edges if max(e["x1"] - e["x0"], e["bottom"] - e["top"]) >= MIN_RULE_LENGTH]
    return (min(e["x0"] for e in es), min(e["top"] for e in es), max(e["x1"] for e in es), max(e["bottom"] for e in es))


def _inside(b, area) -> bool:
    cx, cy = (b.x0 + b.x1) / 2, (b.top + b.bottom) / 2
    return area[0] - 2 <= cx <= area[2] + 2 and area[1] - 2 <= cy <= area[3] + 2


def names_two_labels(text: str, labels: Sequence[str]) -> bool:
    """Two or more distinct column labels on one line (longest first, each consumed)."""
    key = f" {label_key(text)} "
    found = 0
    for label in labels:
        if f" {label} " in key:
            key = key.replace(f" {label} ", " | ")
            found += 1
            if found >= 2:
                return True
    return False


def _phrase_lines(page: PageContent, ruled_area, config: ExtractConfig, gap_ratio: float = 1.2) -> int:
    """Visual lines outside `ruled_area` with 3+ phrases (gaps wider than gap_ratio x size)."""
    rows: dict[int, list[dict]] = {}
    for c in page.chars:
        if c["text"].strip() and (ruled_area is None or not _inside_xy((c["x0"] + c["x1"]) / 2, c["top"], ruled_area)):
            rows.setdefault(round(c["top"]), []).append(c)
    n = 0
    for chars in rows.values():
        chars.sort(key=lambda c: c["x0"])
        gaps = sum(1 for a, b in zip(chars, chars[1:]) if b["x0"] - a["x1"] > gap_ratio * max(b["size"], 1.0))
        if gaps >= config.unruled.header_min_columns - 1:
            n += 1
    return n


def _inside_xy(x: float, y: float, area) -> bool:
    return area[0] - 2 <= x <= area[2] + 2 and area[1] - 2 <= y <= area[3] + 2


def guess_page(page: PageContent, config: ExtractConfig, labels: Sequence[str],
               headings: Sequence[re.Pattern[str]], item: re.Pattern[str]) -> PageGuess:
    if not page.has_text:
        return PageGuess(page.number, ())
    found: list[str] = []
    h, v = _rules(page)
    ruled_area = None
    if h >= MIN_RULES and (v >= MIN_RULES or _stacked_rules(page, config)):
        found.append(Layout.RULED_TABLE.value)
        ruled_area = _extent(page)
    # Lines split into three or more phrases by column-sized gaps, outside the rules: a
    # whitespace table (its words are not needed to see it).
    if _phrase_lines(page, ruled_area, config) >= config.unruled.header_min_body_lines:
        found.append(Layout.UNRULED_TABLE.value)
    if any(p.match(l.text) for l in page.lines for p in headings):
        found.append(Layout.NARRATIVE.value)
    if sum(1 for l in page.lines if item.match(l.text)) >= config.list_plan.min_items:
        found.append(Layout.NUMBERED_LIST.value)
    return PageGuess(page.number, tuple(found))


def detect(pages: Sequence[PageContent], config: ExtractConfig) -> tuple[list[PageGuess], set[str]]:
    labels = ()
    headings = [re.compile(p) for p in config.narrative.heading_patterns]
    item = re.compile(config.list_plan.item_pattern)
    guesses = [guess_page(p, config, labels, headings, item) for p in pages]
    return guesses, {l for g in guesses for l in g.layouts}
