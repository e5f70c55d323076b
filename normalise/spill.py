"""A table wider than the page, printed over further pages: its right-hand columns joined back
onto its rows.

A spreadsheet too wide for its page prints its left columns first and its right-hand ones on
further pages: "down, then over" (every row's left columns, then every row's right-hand ones)
or "over, then down" (the pages alternate). Each page set is read as a table of its own; the
right-hand one holds no actions, only their further fields (Deadline | Status | Comments),
often beside the key column repeated as a print title. Such a fragment is joined to the table
it continues, by the evidence that pairs its rows with that table's:

* keys: its key column holds, in the same order, the ids of another table's rows (the print
  title column repeated); each of its rows joins the row with its key;
* row bands (no key column): as many rows as another table, each printed at the same height
  on the page that stands where the other's row's page does (page k of one set, page k of the
  other): rows joined in order.

Chain: spilled_columns_joined -> spill_partner (by_keys | by_bands) -> joined_table -> page_sets_joined.
Nothing is invented: a key of the fragment with no row in the table it joins keeps a warning
and its cells stay out, never a new action.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Callable, Sequence

from extract.issues import Issue, IssueCode, note, warning
from extract.model import EMPTY_CELL, ExtractedTable, RowKind, Structure, TableRow
from extract.vocabulary import MODELS_DIR, label_key, read_yaml

from .roles import is_key


@dataclass(frozen=True)
class SpillSettings:
    key_share: float        # share of the fragment's keys that must be the other table's, in its order
    min_rows: int           # rows (keys or bands) the evidence needs
    band_tolerance: float   # points: a row's top and bottom on its page agree this closely


@lru_cache(maxsize=1)
def spill_settings() -> SpillSettings:
    raw = read_yaml(MODELS_DIR / "header_aliases.yaml")["scores"]
    return SpillSettings(float(raw.get("spill_key_share", 0.8)), int(raw.get("spill_min_rows", 3)),
                         float(raw.get("spill_band_tolerance", 2.0)))


@dataclass(frozen=True)
class Pairing:
    """How a fragment's rows pair with its table's: `pairs` (table row index, fragment row
    index); `key_col` the fragment's key column (left out of the join), None when paired by
    bands; `unmatched` the fragment's keys with no row in the table (and its rows with text but
    no key)."""
    how: str
    pairs: tuple[tuple[int, int], ...]
    key_col: int | None
    unmatched: tuple[str, ...] = ()


def _key_of(text: str, ocr: bool) -> str | None:
    text = text.strip()
    if not text or not is_key(text, ocr):
        return None
    return text.split()[0].rstrip(".:)–-").upper()


def key_column(table: ExtractedTable, ocr: bool, min_rows: int) -> int | None:
    """The first column whose body cells (their own, not merged down) mostly open with a key,
    `min_rows` of them at least."""
    body = [r for r in table.rows if r.kind is RowKind.BODY]
    ncol = max((len(r.cells) for r in body), default=0)
    for k in range(ncol):
        texts = [r.cells[k].text for r in body if k < len(r.cells) and r.cells[k].text and not r.cells[k].spanned]
        keyed = sum(_key_of(t, ocr) is not None for t in texts)
        if keyed >= min_rows and keyed >= 0.5 * len(texts):
            return k
    return None


def _keys(table: ExtractedTable, col: int, ocr: bool) -> list[tuple[int, str]]:
    """(row index, key) of the body rows with a key of their own in `col`."""
    out = []
    for i, r in enumerate(table.rows):
        if r.kind is RowKind.BODY and col < len(r.cells) and not r.cells[col].spanned:
            if (k := _key_of(r.cells[col].text, ocr)) is not None:
                out.append((i, k))
    return out


def by_keys(table: ExtractedTable, fragment: ExtractedTable, ocr: bool, s: SpillSettings) -> Pairing | None:
    """The fragment's key column holds the table's keys, in the table's order, for
    `key_share` of its keys and `min_rows` at least."""
    fcol, tcol = key_column(fragment, ocr, s.min_rows), key_column(table, ocr, s.min_rows)
    if fcol is None or tcol is None:
        return None
    theirs = _keys(table, tcol, ocr)
    ours = _keys(fragment, fcol, ocr)
    where = {}
    for i, k in theirs:
        where.setdefault(k, i)
    matched = [(where[k], j) for j, k in ours if k in where]
    if len(matched) < s.min_rows or len(matched) < s.key_share * len(ours):
        return None
    if [i for i, _ in matched] != sorted({i for i, _ in matched}):
        return None     # the same keys in another order: no print title of this table
    keyed_rows = {j for j, _ in ours}
    keyless = [j for j, r in enumerate(fragment.rows) if r.kind is RowKind.BODY and j not in keyed_rows
               and any(c.text and not c.spanned for k, c in enumerate(r.cells) if k != fcol)]
    unmatched = tuple(k for _, k in ours if k not in where) + tuple(f"(a row without a key, row {j})" for j in keyless)
    return Pairing("key", tuple(matched), fcol, unmatched)


def _bands(row: TableRow) -> list[tuple[int, float, float]]:
    """Where a row is printed: per page, the top and bottom of its cells."""
    span: dict[int, tuple[float, float]] = {}
    for c in row.cells:
        for f in c.fragments:
            top, bottom = span.get(f.page, (f.bbox.top, f.bbox.bottom))
            span[f.page] = (min(top, f.bbox.top), max(bottom, f.bbox.bottom))
    return [(p, *span[p]) for p in sorted(span)]


def _same_bands(table: ExtractedTable, fragment: ExtractedTable, pairs: Sequence[tuple[int, int]],
                tolerance: float) -> float:
    """Share of the paired rows printed at the same height (top and bottom within
    `tolerance`) on the fragment's page that stands where the table row's page stands among
    the table's pages (page k of one page set, page k of the other)."""
    if not pairs or len(table.pages) != len(fragment.pages):
        return 0.0
    page_of = dict(zip(table.pages, fragment.pages))
    same = 0
    for i, j in pairs:
        a, b = _bands(table.rows[i]), _bands(fragment.rows[j])
        same += bool(a) and len(a) == len(b) and all(
            page_of.get(pa) == pb and abs(ta - tb) <= tolerance and abs(ba - bb) <= tolerance
            for (pa, ta, ba), (pb, tb, bb) in zip(a, b))
    return same / len(pairs)


def by_bands(table: ExtractedTable, fragment: ExtractedTable, s: SpillSettings) -> Pairing | None:
    """No key column: as many rows (under their headers) as the table, each printed at the
    same height as the table's row of its rank (_same_bands, every one)."""
    mine = [i for i, r in enumerate(table.rows) if r.kind is not RowKind.HEADER]
    theirs = [j for j, r in enumerate(fragment.rows) if r.kind is not RowKind.HEADER]
    if len(mine) != len(theirs) or len(mine) < s.min_rows:
        return None
    pairs = tuple(zip(mine, theirs))
    return Pairing("row bands", pairs, None) if _same_bands(table, fragment, pairs, s.band_tolerance) == 1.0 else None


def joined_table(table: ExtractedTable, fragment: ExtractedTable, pairing: Pairing) -> ExtractedTable:
    """The table with the fragment's columns (its key column left out) after its own: each
    paired row takes its fragment row's cells, a header row the fragment's header cells, any
    other row empty cells."""
    keep = [k for k in range(max(len(r.cells) for r in fragment.rows)) if k != pairing.key_col]
    blank = (EMPTY_CELL,) * len(keep)
    of = dict(pairing.pairs)
    f_head = next((r for r in fragment.rows if r.kind is RowKind.HEADER), None)
    rows = []
    for i, r in enumerate(table.rows):
        if i in of:
            src = fragment.rows[of[i]]
            add = tuple(src.cells[k] if k < len(src.cells) else EMPTY_CELL for k in keep)
        elif r.kind is RowKind.HEADER and f_head is not None:
            add = tuple(f_head.cells[k] if k < len(f_head.cells) else EMPTY_CELL for k in keep)
        else:
            add = blank
        rows.append(replace(r, cells=r.cells + add))
    ncol = len(table.rows[0].cells) if table.rows else 0
    own = table.header if len(table.header) == ncol else ("",) * ncol
    theirs = tuple(fragment.header[k] if k < len(fragment.header) else "" for k in keep)
    header = own + theirs if any(own + theirs) else ()
    return replace(table, header=header, rows=tuple(rows), pages=tuple(sorted(set(table.pages) | set(fragment.pages))),
                   notes=table.notes + fragment.notes)


def _other_columns(table: ExtractedTable, key_col: int | None) -> set[str]:
    return {label_key(h) for k, h in enumerate(table.header) if k != key_col and h.strip()}


def spill_partner(fragment: ExtractedTable, tables: Sequence[ExtractedTable], is_action: Callable[[ExtractedTable], bool],
                  ocr: bool, s: SpillSettings) -> tuple[int, Pairing] | None:
    """The action table starting on an earlier page (its position in `tables`) that the fragment
    continues to the right, and how their rows pair. The fragment holds other columns than
    the table (its key column aside) and pairs with its rows by keys (by_keys: the table
    sharing most), its rows also printed at the table's rows' heights (_same_bands, for
    `key_share` of them) where it reads as holding actions itself (a long update column);
    with no key column, by the rows' heights alone (by_bands: the latest such table)."""
    fcol = key_column(fragment, ocr, s.min_rows)
    holds_actions = is_action(fragment)
    found: list[tuple[int, Pairing]] = []
    for k, t in enumerate(tables):
        if t is fragment or t.structure is not Structure.GRID or not t.pages or t.pages[0] >= fragment.pages[0] or not is_action(t):
            continue
        if fcol is not None:
            p = by_keys(t, fragment, ocr, s)
            if p is None or (holds_actions and _same_bands(t, fragment, p.pairs, s.band_tolerance) < s.key_share):
                continue
        else:
            p = by_bands(t, fragment, s)
            if p is None:
                continue
        tcol = key_column(t, ocr, s.min_rows)
        if _other_columns(t, tcol) & _other_columns(fragment, fcol):
            continue    # the same columns again: another table, not this one's further columns
        found.append((k, p))
    if not found:
        return None
    if fcol is not None:
        return max(found, key=lambda kp: len(kp[1].pairs))
    return max(found, key=lambda kp: tables[kp[0]].pages[0])


def _pages(table: ExtractedTable) -> str:
    return f"{table.pages[0]}-{table.pages[-1]}" if len(table.pages) > 1 else str(table.pages[0])


def spilled_columns_joined(tables: Sequence[ExtractedTable], is_action: Callable[[ExtractedTable], bool],
                           ocr: bool = False, settings: SpillSettings | None = None
                           ) -> tuple[list[ExtractedTable], list[Issue]]:
    """Each grid table that continues an action table (`is_action`) to the right
    (spill_partner) joined onto that table's rows, in document order; the tables left, and a
    note per join (a warning per key left unjoined)."""
    s = settings or spill_settings()
    out = list(tables)
    issues: list[Issue] = []
    joined: set[int] = set()
    for fragment in tables:
        if fragment.structure is not Structure.GRID or not fragment.rows or not fragment.pages:
            continue
        found = spill_partner(fragment, out, is_action, ocr, s)
        if found is None:
            continue
        k, pairing = found
        table = out[k]
        out[k] = joined_table(table, fragment, pairing)
        joined.add(id(out[k]))
        out.remove(fragment)
        heads = " | ".join(h for j, h in enumerate(fragment.header) if j != pairing.key_col and h) or "no header"
        issues.append(note(IssueCode.SPILLED_COLUMNS_JOINED,
                           f"table {fragment.index} (pages {_pages(fragment)}; {heads}) continues table {table.index} "
                           f"(pages {_pages(table)}) to the right: {len(pairing.pairs)} rows joined by "
                           f"{pairing.how}", "interpret"))
        if pairing.unmatched:
            issues.append(warning(IssueCode.SPILLED_KEY_UNMATCHED,
                                  f"table {fragment.index} (pages {_pages(fragment)}): key(s) "
                                  f"{', '.join(pairing.unmatched)} have no row in table {table.index}; their cells "
                                  f"are left out", "interpret"))
    return page_sets_joined(out, joined, issues)


def page_sets_joined(tables: Sequence[ExtractedTable], joined: set[int], issues: list[Issue]
                     ) -> tuple[list[ExtractedTable], list[Issue]]:
    """A sheet printed "over, then down": its page sets alternate (rows 1-20 left, rows 1-20
    right, rows 21-40 left, ...), so each set was a table of its own. A joined table (its id
    in `joined`) with the header of the joined table before it, starting on the page after
    that one's last, is its next rows: appended, its header rows dropped (so a section row
    goes on heading the rows under it)."""
    out: list[ExtractedTable] = []
    for t in tables:
        prev = out[-1] if out else None
        if prev is not None and id(prev) in joined and id(t) in joined and t.pages and t.header == prev.header \
                and t.pages[0] == max(prev.pages) + 1:
            out[-1] = replace(prev, rows=prev.rows + tuple(r for r in t.rows if r.kind is not RowKind.HEADER),
                              pages=tuple(sorted(set(prev.pages) | set(t.pages))), notes=prev.notes + t.notes)
            joined.add(id(out[-1]))
            issues.append(note(IssueCode.SPILLED_COLUMNS_JOINED, f"table {t.index} (pages {_pages(t)}) holds the "
                               f"next rows of table {prev.index}: the sheet printed over, then down", "interpret"))
            continue
        out.append(t)
    return out, issues
