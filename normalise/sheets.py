"""A workbook printed a sheet per part (a pillar per sheet): each page opens with the sheet's
title row, one merged cell across the table ("Kingsreach University – Technician Commitment
Action Plan 2025–2027 – Visibility"), the first over the header. What the repeated title rows
share is the plan's title; the part that differs (the sheet's own name) is the section of
the rows under it."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Sequence

from extract.model import Cell, ExtractedTable, RowKind, TableRow, TextLine
from extract.vocabulary import MODELS_DIR, read_yaml

# what stands between a title and a sheet's name: dashes, a colon, a bar
_SEPARATORS = " \u2013\u2014-:|,"


@dataclass(frozen=True)
class SheetTitles:
    """The repeated title rows' common part (the plan's title) and each one's own part."""
    common: str
    names: tuple[str, ...]


@lru_cache(maxsize=1)
def _settings() -> tuple[int, int]:
    raw = read_yaml(MODELS_DIR / "meta.yaml").get("sheet_titles", {})
    return int(raw.get("min_common_words", 3)), int(raw.get("max_name_words", 6))


def split_titles(texts: Sequence[str], min_common: int, max_name: int) -> SheetTitles | None:
    """The words every text shares at its start and at its end (at least `min_common` in all)
    and what is left of each between them (a name of at most `max_name` words, each text's
    its own). None unless there are two texts or more, each with a name of its own."""
    words = [t.split() for t in texts]
    if len(words) < 2:
        return None
    pre = 0
    while all(len(w) > pre for w in words) and len({w[pre] for w in words}) == 1:
        pre += 1
    suf = 0
    while all(len(w) > pre + suf for w in words) and len({w[len(w) - 1 - suf] for w in words}) == 1:
        suf += 1
    names = tuple(" ".join(w[pre:len(w) - suf]).strip(_SEPARATORS) for w in words)
    common_words = words[0][:pre] + words[0][len(words[0]) - suf:] if suf else words[0][:pre]
    common = " ".join(common_words).strip(_SEPARATORS)
    if len(common.split()) < min_common or not all(names) or len(set(names)) != len(names) \
            or any(len(n.split()) > max_name for n in names):
        return None
    return SheetTitles(common, names)


def _named(row: TableRow, name: str) -> TableRow:
    """The section row holding `name` alone, where the title row's text was printed."""
    cell = row.cells[0]
    first = cell.lines[0]
    box = first.bbox
    for l in cell.lines[1:]:
        box = box.union(l.bbox)
    line = TextLine(name, first.page, box, first.size, first.bold)
    return replace(row, cells=(Cell((line,), cell.fragments, cell.fill_rgb),) + row.cells[1:])


def sheet_titles_to_sections(table: ExtractedTable) -> tuple[ExtractedTable, SheetTitles | None]:
    """A table opening with a title row over its header, the title row repeated further down
    with another ending (a sheet per pillar printed as one table): each title row becomes a
    section row holding its own part, the first put under the header, and the common part
    is returned as the plan's title. The table as it is otherwise."""
    rows = list(table.rows)
    head = next((k for k, r in enumerate(rows) if r.kind is RowKind.HEADER), None)
    if not head or rows[head - 1].kind is not RowKind.SECTION:
        return table, None
    min_common, max_name = _settings()

    def text(k: int) -> str:
        return re.sub(r"\s+", " ", rows[k].cells[0].text).strip()
    # the later title rows share the first one's start or end; other section rows (a group
    # heading inside a sheet) stay as they are
    titles = [head - 1] + [k for k, r in enumerate(rows) if k > head and r.kind is RowKind.SECTION and r.level == 0
                           and split_titles([text(head - 1), text(k)], min_common, max_name)]
    found = split_titles([text(k) for k in titles], min_common, max_name)
    if found is None:
        return table, None
    named = dict(zip(titles, found.names))
    last_header = head
    while last_header + 1 < len(rows) and rows[last_header + 1].kind is RowKind.HEADER:
        last_header += 1
    out: list[TableRow] = []
    for k, r in enumerate(rows):
        if k == head - 1:
            continue
        out.append(_named(r, named[k]) if k in named else r)
        if k == last_header:
            out.append(_named(rows[head - 1], named[head - 1]))
    return replace(table, rows=tuple(out)), found


def title_without_sheet_name(title: str | None, found: Sequence[SheetTitles]) -> str | None:
    """The plan's title without a sheet's name read into it from the first title row ("...
    Action Plan 2025–2027 – Visibility"): the name is cut where the rest is the common part of
    that table's title rows (or its end, the institution before it cut off already)."""
    if not title:
        return title

    def norm(t: str) -> str:
        return re.sub(r"[^a-z0-9]", "", t.lower())
    for f in found:
        for name in f.names:
            m = re.search(rf"[{re.escape(_SEPARATORS)}]+{re.escape(name)}\s*$", title)
            rest = title[:m.start()].strip(_SEPARATORS) if m else ""
            if rest and norm(rest) and norm(f.common).endswith(norm(rest)):
                return rest
            m = re.match(rf"^\s*{re.escape(name)}[{re.escape(_SEPARATORS)}]+", title)
            rest = title[m.end():].strip(_SEPARATORS) if m else ""
            if rest and norm(rest) and norm(f.common).endswith(norm(rest)):
                return rest
    return title
