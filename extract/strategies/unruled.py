"""Unruled tables: columns aligned by whitespace only.

Chain: page_to_segments -> find_header -> lines_to_rows -> ExtractedTable.
A header line is one whose phrases are mostly known column labels (header_aliases.yaml);
its phrases' left edges anchor the columns. Rows start where the first column holds a
row key ("S1", "V2 –") or, in plans without keys, after a paragraph gap. A bold line in
the first column alone is a section row. The same header repeated on a later page is
dropped and the table continues.
"""
from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, replace
from typing import Sequence

from ..config import ExtractConfig
from ..model import BBox, Cell, ExtractedTable, Fragment, RowKind, TableRow, TextLine
from ..pdf import PageContent
from ..text import BULLET_CLASS, label_key as _label_key
from ..text import clean_text, glyph_is_bold, join_lines, line_key, mark_words_cut_unseen, space_between
from ..wrap import id_continues
from .base import StrategyResult, badge_fill, boxes_on, inside_any

NAME = "unruled_table"


@dataclass(frozen=True)
class Segment:
    """A phrase: glyphs on one line with no column-sized gap inside."""
    text: str
    page: int
    bbox: BBox
    size: float
    bold: bool
    chars: tuple = ()


def _make_segment(s: list[dict], page: int) -> Segment | None:
    parts, prev = [], None
    for ch in s:
        if prev is not None and ch["text"] != " " and parts and parts[-1] != " " and space_between(prev, ch):
            parts.append(" ")
        parts.append(ch["text"])
        prev = ch
    text = " ".join(clean_text("".join(parts)).split())
    if not text:
        return None
    vis = [c for c in s if c["text"].strip()] or s
    bold = sum(glyph_is_bold(c) for c in vis) > len(vis) / 2
    return Segment(text, page, BBox(min(c["x0"] for c in s), min(c["top"] for c in s),
                                    max(c["x1"] for c in s), max(c["bottom"] for c in s)),
                   max(c["size"] for c in vis), bold, tuple(s))


def split_at_anchors(line: list[Segment], anchors: Sequence[float], tol: float = 3.0) -> list[Segment]:
    """A phrase that runs over a column's left edge is two cells whose gap happened to be
    narrow ("Review technician job descriptions HR Business"): cut it at the word gap
    where the next column starts."""
    out: list[Segment] = []
    for seg in line:
        pieces = [seg]
        for a in anchors:
            last = pieces[-1]
            if not last.chars or not (last.bbox.x0 < a - tol < a + tol < last.bbox.x1):
                continue
            chars = sorted(last.chars, key=lambda c: c["x0"])
            # a looser gap than text.space_between (0.15 of the size, not 0.2): a column
            # edge is known to be here, so a narrow gap at it is enough
            cut = next((i for i in range(1, len(chars))
                        if chars[i]["x0"] >= a - tol and chars[i]["text"].strip()
                        and (chars[i - 1]["text"] == " " or chars[i]["x0"] - chars[i - 1]["x1"] > 0.15 * chars[i]["size"]
                             or chars[i].get("space_before"))), None)
            if cut is None:
                continue
            head = chars[:cut]
            while len(head) > 1 and head[-1]["text"] == " ":
                head = head[:-1]
            left = _make_segment(head, seg.page)
            right = _make_segment(chars[cut:], seg.page)
            if left is None or right is None:
                continue
            pieces[-1:] = [left, right]
        out.extend(pieces)
    return out


def page_to_segments(page: PageContent, taken, boilerplate: set[tuple[int, int]], gap_ratio: float = 1.2
                     ) -> list[list[Segment]]:
    """Visual lines, each split into phrases at gaps wider than `gap_ratio` x font size."""
    out: list[list[Segment]] = []
    skip = boxes_on(taken, page.number) + [page.lines[i].bbox for pg, i in boilerplate if pg == page.number]
    chars = [c for c in page.chars
             if not inside_any((c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2, skip)]
    chars.sort(key=lambda c: (round(line_key(c)), c["x0"]))
    rows: list[list[dict]] = []
    for ch in chars:
        if rows and abs(line_key(ch) - line_key(rows[-1][0])) <= 2.5:
            rows[-1].append(ch)
        else:
            rows.append([ch])
    for row in rows:
        row.sort(key=lambda c: c["x0"])
        segs: list[list[dict]] = []
        for ch in row:
            if segs and ch["x0"] - segs[-1][-1]["x1"] <= gap_ratio * ch["size"]:
                segs[-1].append(ch)
            else:
                segs.append([ch])
        line = [seg for seg in (_make_segment(sg, page.number) for sg in segs) if seg is not None]
        if line:
            out.append(line)
    return out


def find_header(line: Sequence[Segment], config: ExtractConfig) -> bool:
    """No header is recognised by its words here (extract knows no column vocabulary);
    `aligned_header` finds one from the alignment of the lines below it."""
    return False


def aligned_header(lines: Sequence[list[Segment]], i: int, config: ExtractConfig,
                   head: Sequence[Segment] | None = None) -> bool:
    """Structure, not words: a line of short phrases (no sentence) whose left edges the
    phrases of the lines below it start at, as column labels sit over their columns
    (pdfplumber's words_to_edges_v idea: columns where many left edges line up). `head`:
    line i as judged, its decoration left out (undecorated)."""
    u = config.unruled
    line = lines[i] if head is None else head
    if len(line) < u.header_min_columns:
        return False
    if any(len(s.text.split()) > u.header_max_words or _ends_sentence(s.text, u.label_abbreviation_max_chars)
           for s in line):
        return False
    anchors = [s.bbox.x0 for s in line]
    near = [l for l in lines[i + 1:i + 1 + u.header_lookahead] if l[0].page == line[0].page]
    below = [l for l in near if len(l) >= 2]
    # a lone phrase under a later column (not at the left margin, where prose starts) is a
    # wrapped cell of the table too: a table of one or two rows has few lines of several cells
    lone = [l for l in near if len(l) == 1 and any(abs(l[0].bbox.x0 - a) <= u.anchor_tolerance for a in anchors[1:])
            and l[0].bbox.x0 > anchors[0] + u.anchor_tolerance]
    if len(below) < u.header_min_multi_lines or len(below) + len(lone) < u.header_min_body_lines:
        return False
    phrases = [s for l in below + lone for s in l]
    hits = sum(1 for s in phrases if any(abs(s.bbox.x0 - a) <= u.anchor_tolerance for a in anchors))
    used = {min(range(len(anchors)), key=lambda k: abs(s.bbox.x0 - anchors[k])) for s in phrases}
    return hits / len(phrases) >= u.header_alignment_share and len(used) >= max(2, len(anchors) // 2)


def undecorated(line: Sequence[Segment], decoration: re.Pattern[str]) -> list[Segment]:
    """The line without the glyphs a header prints beside its labels as decoration (a
    sortable column's arrows, ExtractConfig.header_decoration): each phrase rebuilt from
    its other glyphs ("⇅ Lead", the arrow of the column before set close to the next label,
    starts where "Lead" does); a phrase of decoration only is gone."""
    out: list[Segment] = []
    for seg in line:
        if not decoration.search(seg.text):
            out.append(seg)
            continue
        rest = _make_segment([c for c in seg.chars if not decoration.fullmatch(c["text"])], seg.page) if seg.chars else None
        if rest is not None and not decoration.search(rest.text):
            out.append(Segment(rest.text.strip(), rest.page, rest.bbox, rest.size, rest.bold, rest.chars))
    return out


def _ends_sentence(text: str, abbreviation_max: int) -> bool:
    """A phrase closed by a full stop, semicolon or comma reads as running text, no column
    label; one short word closed by a full stop ("No.", "Ref.") is an abbreviated label."""
    t = text.rstrip()
    if t.endswith((";", ",")):
        return True
    return t.endswith(".") and not (len(t.split()) == 1 and len(t) <= abbreviation_max)


def _repeats_header(line: Sequence[Segment], header: Sequence[Segment], config: ExtractConfig) -> bool:
    """The running table's header printed again on a later page: its labels over the same
    columns. A label that wraps ("Who is" / "responsible") was merged into one on the first
    page, so each phrase only has to open the label above its column (the wrapped rest is
    the line below, `_continues_header`); all but one of the columns are there. A label of
    signs only ("#") is compared as printed."""
    if len(line) < max(2, len(header) - 1) or len(line) > len(header):
        return False
    tol = config.unruled.anchor_tolerance
    used: set[int] = set()
    for s in line:
        k = min(range(len(header)), key=lambda j: abs(s.bbox.x0 - header[j].bbox.x0))
        key = _label_key(s.text) or s.text.strip()
        want = _label_key(header[k].text) or header[k].text.strip()
        if k in used or abs(s.bbox.x0 - header[k].bbox.x0) > tol or not key \
                or not (want == key or want.startswith(key + " ") or _squeezed(want).startswith(_squeezed(key))):
            return False
        used.add(k)
    return True


def _header_tail(line: Sequence[Segment], header: Sequence[Segment], config: ExtractConfig) -> bool:
    """A line that ends the header's labels ("completion" under "Target completion"), styled
    like them: each phrase the last words of the label over its column."""
    tol = config.unruled.anchor_tolerance
    for s in line:
        k = min(range(len(header)), key=lambda j: abs(s.bbox.x0 - header[j].bbox.x0))
        key, want = _label_key(s.text), _label_key(header[k].text)
        if s.bold != header[k].bold or abs(s.bbox.x0 - header[k].bbox.x0) > tol or not key \
                or not _later_words(key, want):
            return False
    return True


def _later_words(key: str, label: str) -> bool:
    """`key` is a wrapped line of `label` after its first ("ref" of "Item ref"; "e lead" of
    "Accountable lead", a label cut inside a word and joined up)."""
    k, w = key.split(), label.split()
    if any(w[i:i + len(k)] == k for i in range(1, len(w) - len(k) + 1)):
        return True
    ks, ws = _squeezed(key), _squeezed(label)
    return ks in ws[1:] and not ws.startswith(ks)


def _squeezed(label: str) -> str:
    return label.replace(" ", "")


def _on_anchors(line: Sequence[Segment], header: Sequence[Segment], config: ExtractConfig) -> bool:
    """Every phrase of the line starts at one of the running table's columns."""
    tol = config.unruled.anchor_tolerance
    return all(any(abs(s.bbox.x0 - h.bbox.x0) <= tol for h in header) for s in line)


def _continues_header(line: Sequence[Segment], header: Sequence[Segment], config: ExtractConfig) -> bool:
    """The second line of a header whose labels wrap ("Target" / "completion"): short
    phrases under the header's own, close below it, styled like it, and fewer of them."""
    u = config.unruled
    top = min(s.bbox.top for s in line)
    bottom = max(s.bbox.bottom for s in header)
    size = max(s.size for s in header)
    return (line[0].page == header[0].page and 0 <= top - bottom <= 0.6 * size and len(line) < len(header)
            and all(s.bold == header[0].bold for s in line)
            and all(len(s.text.split()) <= u.header_max_words for s in line)
            and all(any(abs(s.bbox.x0 - h.bbox.x0) <= u.anchor_tolerance
                        or h.bbox.x0 - u.anchor_tolerance <= s.bbox.x0 <= h.bbox.x1 for h in header) for s in line))


def _merge_header(header: list[Segment], line: Sequence[Segment], config: ExtractConfig) -> list[Segment]:
    out = list(header)
    for s in line:
        k = min(range(len(out)), key=lambda j: abs(s.bbox.x0 - out[j].bbox.x0))
        h = out[k]
        # a label cut inside a word by a narrow column ("Accountabl" / "e lead") joins up
        pieces = mark_words_cut_unseen([TextLine(h.text, h.page, h.bbox, h.size, h.bold),
                                        TextLine(s.text, s.page, s.bbox, s.size, s.bold)])
        out[k] = Segment(join_lines(p.text for p in pieces), h.page, h.bbox.union(s.bbox), h.size, h.bold,
                         h.chars + s.chars)
    return out


def _column_of(x0: float, anchors: Sequence[float], tol: float = 6.0) -> int:
    col = 0
    for i, a in enumerate(anchors):
        if x0 >= a - tol:
            col = i
    return col


def _cell(segs: list[Segment]) -> Cell:
    lines = tuple(mark_words_cut_unseen([TextLine(s.text, s.page, s.bbox, s.size, s.bold) for s in segs]))
    frags: dict[int, BBox] = {}
    for s in segs:
        frags[s.page] = frags[s.page].union(s.bbox) if s.page in frags else s.bbox
    return Cell(lines, tuple(Fragment(p, b) for p, b in sorted(frags.items())))


def lines_to_table(lines: Sequence[list[Segment]], header: list[Segment], config: ExtractConfig,
                   index: int, heading: Segment | None = None) -> tuple[ExtractedTable, list[tuple[int, BBox]]]:
    """The table's rows from its lines under `header`; `heading`, the heading printed just
    above the header, is the section of the rows before any section line of their own."""
    anchors = [s.bbox.x0 for s in header]
    header_key = [_label_key(s.text) for s in header]
    left = [s.bbox.x0 for l in lines for s in l if s.bbox.x1 <= anchors[0] + 2]
    heads = [s.text for s in header]
    if left:  # a key column with a blank header ("S1", "V2"), left of the first label
        anchors = [min(left)] + anchors
        heads = [""] + heads
    ncol = len(anchors)
    key_re = config.row_key_regex()
    body = [l for l in lines if [_label_key(s.text) for s in l] != header_key]
    # The key column: the one whose phrases are mostly row keys ("V1.1"), the first column
    # when it is one, else wherever the plan prints its ids.
    key_col, keyed, key_in_text = 0, False, False
    for k in range(ncol):
        texts = [s.text for l in body for s in l if _column_of(s.bbox.x0, anchors) == k]
        firsts = [t for t in texts if len(t.split()) <= 3] if k else texts
        if k == 0:
            firsts = [l[0].text for l in body if _column_of(l[0].bbox.x0, anchors) == 0]
        if firsts and len(firsts) >= 0.5 * len(texts) and sum(bool(key_re.match(t)) for t in firsts) / len(firsts) >= 0.5:
            key_col, keyed = k, True
            break
    if keyed:
        body, lines = _without_keyless_tail(body, lines, anchors, key_col, key_re)
    heights = [l[0].bbox.bottom - l[0].bbox.top for l in body] or [10.0]
    line_h = statistics.median(heights)
    # The line pitch inside a cell: the common top-to-top step between consecutive lines (the
    # lower quartile, as rows are separated by larger steps); a larger step opens a row.
    steps = sorted(b[0].bbox.top - a[0].bbox.top for a, b in zip(body, body[1:])
                   if a[0].page == b[0].page and b[0].bbox.top > a[0].bbox.top)
    pitch = steps[len(steps) // 4] if steps else line_h * 1.2
    if not keyed:   # ids printed at the start of a column's paragraphs ("4 Publish ...", "5 - Encourage ...")
        for k in range(1, ncol):
            openers = _paragraph_openers(body, anchors, k, config.unruled.row_step_ratio * pitch)
            if len(openers) >= 3 and sum(bool(key_re.match(t)) for t in openers) / len(openers) >= 0.6:
                key_col, keyed, key_in_text = k, True, True
                break
    # section headings ("Pillar 1: Visibility", a bold phrase alone in the first column) are
    # no cells: they must not make a mostly blank first column look busy
    cells_only = [l for l in body if not _is_section_line(_split_columns(l, anchors, ncol), key_re)]
    spine = 0 if keyed else _spine_column(cells_only, anchors, config.unruled.row_step_ratio * pitch,
                                          config.unruled.sparse_first_share)
    # the right edge of the spine column's text (its longest lines reach it)
    spine_right = max((s.bbox.x1 for l in cells_only for s in l if _column_of(s.bbox.x0, anchors) == spine),
                      default=None)
    prev_top: float | None = None
    # the first cell of a row under a first cell merged down (printed once, above)
    inherit: Cell | None = None
    nxt_inherit: Cell | None = None
    rows: list[TableRow] = []
    if heading is not None:
        rows.append(TableRow(RowKind.SECTION, (_cell([heading]),) + tuple(_cell([]) for _ in range(ncol - 1))))
    current: list[list[Segment]] | None = None
    prev_bottom: tuple[int, float] | None = None
    list_col = _list_column(body, anchors)
    for li, line in enumerate(body):
        cols = _split_columns(line, anchors, ncol)
        first = cols[0][0] if cols[0] else None
        if keyed and current is not None and _starts_sub_row(cols, current, list_col, line_h):
            rows.append(TableRow(RowKind.BODY, tuple(_cell(c) for c in current)))
            current = [[] for _ in range(ncol)]
        if _is_section_line(cols, key_re):
            if current is not None:
                rows.append(_body_row(current, inherit))
                current = None
            inherit = None     # a section ends a merged cell
            rows.append(TableRow(RowKind.SECTION, (_cell(cols[0]),) + tuple(_cell([]) for _ in range(ncol - 1))))
            prev_bottom = (line[0].page, line[0].bbox.bottom)
            continue
        same_page = prev_bottom is not None and prev_bottom[0] == line[0].page
        gap = (line[0].bbox.top - prev_bottom[1]) if same_page else 0.0
        step = (line[0].bbox.top - prev_top) if same_page and prev_top is not None else 0.0
        if keyed:
            key = cols[key_col][0] if cols[key_col] else None
            # a key printed at the start of a text column opens its text ("16." alone is the
            # end of a wrapped sentence: "... in area / 16.")
            starts = key is not None and bool(key_re.match(key.text)) and (not key_in_text or len(key.text.split()) > 1)
            if key is not None and not starts and li + 1 < len(body):
                # a key cut by its narrow column ("CD" over "2"): the row opens at its first part
                below = [s for s in body[li + 1] if _column_of(s.bbox.x0, anchors) == key_col]
                starts = bool(below) and id_continues(key.text, below[0].text) \
                    and bool(key_re.match(key.text + below[0].text))
            # the rest of an id cut by its narrow column ("CD1." / "1") goes on, it opens no row
            if starts and current is not None and current[key_col] and id_continues(current[key_col][-1].text, key.text):
                starts = False
        else:
            spaced = gap > 0.8 * line_h or step > config.unruled.row_step_ratio * pitch
            nxt_inherit = None
            opener = cols[spine][0] if cols[spine] else None
            starts = opener is not None and (current is None or spaced
                                             or (not same_page and _opens_row_after_break(
                                                 cols, current, start=spine, right=spine_right)))
            # a row under a first cell merged down (left blank): it opens after a gap with
            # cells in two or more columns at once (one cell's next paragraph fills one)
            if spine == 0 and first is None and current is not None and sum(bool(c) for c in cols) >= 2 \
                    and (spaced or (not same_page and _opens_row_after_break(cols, current, skip_first=True))) \
                    and (current[0] or inherit is not None):
                starts = True
            if starts and first is None and current is not None:
                nxt_inherit = _cell(current[0]) if current[0] else inherit
        if starts or current is None:
            if current is not None:
                rows.append(_body_row(current, inherit))
            current = [[] for _ in range(ncol)]
            inherit, nxt_inherit = nxt_inherit, None
        for i in range(ncol):
            current[i].extend(cols[i])
        prev_bottom = (line[0].page, max(s.bbox.bottom for s in line))
        prev_top = line[0].bbox.top
    if current is not None:
        rows.append(_body_row(current, inherit))
    rows = _sub_rows_share_values(rows, key_col if keyed else spine, {list_col, _text_column(body, anchors)})
    head = TableRow(RowKind.HEADER, ((_cell([]),) if left else ()) + tuple(_cell([s]) for s in header))
    all_rows = (head,) + tuple(rows)
    if heading is not None:
        lines = [[heading]] + list(lines)
    pages = tuple(sorted({s.page for l in lines for s in l}))
    body_rows = [r for r in rows if r.kind is RowKind.BODY]
    filled = sum(not c.empty for r in body_rows for c in r.cells) / max(1, len(body_rows) * ncol)
    regions = []
    for p in pages:
        segs = [s for l in lines for s in l if s.page == p]
        box = segs[0].bbox
        for s in segs[1:]:
            box = box.union(s.bbox)
        regions.append((p, box))
    return (ExtractedTable(index, tuple(heads), all_rows, pages, NAME, round(filled, 3)), regions)


def _without_keyless_tail(body: Sequence[list[Segment]], lines: Sequence[list[Segment]], anchors: Sequence[float],
                          key_col: int, key_re: re.Pattern[str]) -> tuple[list[list[Segment]], list[list[Segment]]]:
    """A table whose rows open at keys ends at its last keyed row: a section line after it
    with no key below (a page's "Contact" heading and its paragraph after the last grid,
    whose words may happen to fall at the column edges) is what follows the table."""
    ncol = len(anchors)

    def keyed_line(line: Sequence[Segment]) -> bool:
        cell = _split_columns(line, anchors, ncol)[key_col]
        return bool(cell) and bool(key_re.match(cell[0].text))
    last = max((i for i, l in enumerate(body) if keyed_line(l)), default=None)
    if last is None:
        return list(body), list(lines)
    cut = next((i for i in range(last + 1, len(body)) if _is_section_line(_split_columns(body[i], anchors, ncol), key_re)),
               None)
    if cut is None:
        return list(body), list(lines)
    dropped = {id(l) for l in body[cut:]}
    return list(body[:cut]), [l for l in lines if id(l) not in dropped]


def _split_columns(line: Sequence[Segment], anchors: Sequence[float], ncol: int) -> list[list[Segment]]:
    cols: list[list[Segment]] = [[] for _ in range(ncol)]
    for s in line:
        cols[_column_of(s.bbox.x0, anchors)].append(s)
    return cols


def _is_section_line(cols: Sequence[Sequence[Segment]], key_re: re.Pattern[str]) -> bool:
    """A bold phrase alone in the first column, not a row key: a section heading."""
    return bool(cols[0]) and all(not c for c in cols[1:]) and cols[0][0].bold \
        and not key_re.match(cols[0][0].text)


def _body_row(cols: list[list[Segment]], inherit: Cell | None) -> TableRow:
    cells = [_cell(c) for c in cols]
    if inherit is not None and cells and cells[0].empty:
        cells[0] = replace(inherit, spanned=True)
    return TableRow(RowKind.BODY, tuple(cells))


def _text_column(body: Sequence[list[Segment]], anchors: Sequence[float]) -> int:
    """The column holding the most text: the actions, beside short leads, dates and keys."""
    chars = [0] * len(anchors)
    for line in body:
        for s in line:
            chars[_column_of(s.bbox.x0, anchors)] += len(s.text)
    return max(range(len(anchors)), key=lambda k: chars[k])


def _sub_rows_share_values(rows: Sequence[TableRow], key_col: int, text_cols: set[int | None]) -> list[TableRow]:
    """A row with nothing but its key and text ("4 Publish ..." under "3 - Finalise ..." and
    its sponsor and aim), or with only the row-opening column filled, is listed under the
    row above: it takes that row's other values, as a cell merged down over sub-rows gives
    them in a ruled table (marked spanned). A cell that repeats the row above's value word
    for word (an aim printed again beside each action) does not make a row its own."""
    out: list[TableRow] = []
    for row in rows:
        prev = out[-1] if out and out[-1].kind is RowKind.BODY else None
        texts = {k for k in text_cols if k is not None}
        # Without its own key, a row is still a sub-row when it repeats a value of the row above
        # word for word (the aim printed again beside each action): then the key, merged down
        # over the sub-rows like the rest, is the row above's too.
        repeats = prev is not None and any(not c.empty and c.text == p.text for i, (c, p) in
                                           enumerate(zip(row.cells, prev.cells)) if i != key_col)
        own = ({key_col} if not row.cells[key_col].empty else set()) | texts
        if row.kind is RowKind.BODY and prev is not None and (not row.cells[key_col].empty or repeats) \
                and all(c.empty or c.text == p.text for i, (c, p) in enumerate(zip(row.cells, prev.cells))
                        if i not in own) \
                and any(c.empty and not p.empty for i, (c, p) in enumerate(zip(row.cells, prev.cells)) if i not in own):
            row = TableRow(row.kind, tuple(c if i in own or p.empty else replace(p, spanned=True)
                                           for i, (c, p) in enumerate(zip(row.cells, prev.cells))), row.merged_from_pages)
        out.append(row)
    return out


def _paragraph_openers(body: Sequence[list[Segment]], anchors: Sequence[float], k: int, step: float) -> list[str]:
    """Texts of column k's phrases that open a paragraph: the line above had nothing in that
    column, or lies more than `step` above, or on another page."""
    out: list[str] = []
    last: Segment | None = None
    for line in body:
        mine = [s for s in line if _column_of(s.bbox.x0, anchors) == k]
        if mine and (last is None or last.page != mine[0].page or mine[0].bbox.top - last.bbox.top > step):
            out.append(mine[0].text)
        last = mine[-1] if mine else None
    return out


def _spine_column(body: Sequence[list[Segment]], anchors: Sequence[float], step: float, sparse: float) -> int:
    """The column whose paragraphs open the rows of a table without keys: the first, unless
    it is mostly blank (a budget or aim column filled on a few rows, merged down); then the
    column that opens the most paragraphs (a cell in every row), the one with more text on
    a tie (the actions, beside one-line dates and leads)."""
    counts = [len(_paragraph_openers(body, anchors, k, step)) for k in range(len(anchors))]
    chars = [sum(len(s.text) for l in body for s in l if _column_of(s.bbox.x0, anchors) == k)
             for k in range(len(anchors))]
    best = max(range(len(anchors)), key=lambda k: (counts[k], chars[k]))
    return best if counts[0] < sparse * counts[best] else 0


def _opens_row_after_break(cols: list[list[Segment]], current: list[list[Segment]], skip_first: bool = False,
                           start: int = 0, right: float | None = None) -> bool:
    """The first line on a new page (no gap above it to go by) opens a row when its first
    column opens a sentence (a capital or digit) and either the row above's first column
    ended one, or most of the line's other cells open with a capital or digit too (a cut
    row goes on mid-sentence). `skip_first`: the first column is blank (merged down): the
    line's first filled column stands in for it."""
    if start:
        cols, current = cols[start:], current[start:]
    if skip_first:
        k = next((i for i, c in enumerate(cols) if c), None)
        if k is None or not k:
            return False
        cols, current = cols[k:], current[k:]
    first = cols[0][0].text if cols[0] else ""
    if not first[:1].isupper() and not first[:1].isdigit():
        return False
    before = current[0][-1].text.rstrip() if current and current[0] else ""
    if before.endswith((".", "!", "?", ";", ")")):
        return True
    if right is not None and current and current[0]:
        # the last line overleaf stopped short: the new line's first word would have fitted
        # on it, so the cell ended there (statements printed without a full stop)
        seg, word = cols[0][0], first.split()[0]
        word_width = (seg.bbox.x1 - seg.bbox.x0) * (len(word) + 1) / max(1, len(seg.text))
        if current[0][-1].bbox.x1 + word_width < right - 2:
            return True
    others = [c[0].text for c in cols[1:] if c]
    return bool(others) and sum(t[:1].isupper() or t[:1].isdigit() for t in others) > len(others) / 2


_LIST_MARKER = re.compile(rf"^(?:\(?[a-z]\)|\(?[ivx]{{1,4}}\)|[a-z]\.|\d{{1,2}}[.)]|{BULLET_CLASS})\s")


def _list_column(lines: Sequence[list[Segment]], anchors: Sequence[float]) -> int | None:
    """The column whose lines most often open with a list marker: the actions."""
    counts: dict[int, int] = {}
    for line in lines:
        for s in line:
            if _LIST_MARKER.match(s.text):
                col = _column_of(s.bbox.x0, anchors)
                counts[col] = counts.get(col, 0) + 1
    return max(counts, key=counts.get) if counts else None


def _starts_sub_row(cols: list[list[Segment]], current: list[list[Segment]], list_col: int | None,
                    line_h: float) -> bool:
    """Within one keyed row, a sub-action that comes with its own values in another column
    ("c) ..." beside a new lead "REO" and date "May 2021") is a sub-row, as vertically merged
    key and aim cells print in a ruled table: a column resumes after a blank line exactly
    where a new list item opens."""
    if list_col is None or not cols[list_col] or not _LIST_MARKER.match(cols[list_col][0].text):
        return False
    top = min(s.bbox.top for c in cols for s in c)
    item_tops = [s.bbox.top for s in current[list_col] if _LIST_MARKER.match(s.text)]
    for j in range(1, len(cols)):
        if j == list_col or not cols[j] or not current[j]:
            continue
        last = current[j][-1]
        new_value = cols[j][0].text[:1].isupper() or cols[j][0].text[:1].isdigit()
        if last.page != cols[j][0].page:
            if new_value:   # a page break is a gap too
                return True
            continue
        if top - last.bbox.bottom > 0.8 * line_h:
            return True
        # ... or the column's values open level with the list items, one value per item.
        if new_value and item_tops and any(abs(s.bbox.top - item_tops[-1]) < 2 for s in current[j]):
            return True
    return False


def _is_table_line(line: list[Segment], anchors: list[float], right: float) -> bool:
    """A line belongs to the table if its phrases start at column anchors (not prose
    running across the columns). A lone bold phrase is a section heading. `right`: how far
    the last column's text may run (the page's width: a wide last column of a landscape
    page runs far past its label)."""
    if len(line) == 1 and line[0].bold and line[0].bbox.x0 <= anchors[0] + 6:
        return True
    for s in line:
        if s.bbox.x1 <= anchors[0] + 2 and len(s.text) <= 40:
            continue  # key column or section label left of the first labelled column
        col = _column_of(s.bbox.x0, anchors)
        if abs(s.bbox.x0 - anchors[col]) > 40:
            return False
        nxt = anchors[col + 1] if col + 1 < len(anchors) else right + 1
        if s.bbox.x1 > nxt + 8:
            return False
    return True


class UnruledTableStrategy:
    name = NAME

    def extract(self, pages: Sequence[PageContent], config: ExtractConfig, taken=(),
                boilerplate: set[tuple[int, int]] = frozenset()) -> StrategyResult:
        tables: list[ExtractedTable] = []
        regions: list[tuple[int, BBox]] = []
        header: list[Segment] | None = None
        heading: Segment | None = None
        collected: list[list[Segment]] = []
        end_gap = config.unruled.end_gap
        deco = config.decoration_regex()
        for page in pages:
            if not page.has_text:
                continue
            lines = page_to_segments(page, taken, boilerplate)
            plain = [undecorated(l, deco) for l in lines]

            def header_at(k: int) -> bool:
                if not plain[k]:
                    return False
                if header is not None:
                    return _repeats_header(plain[k], header, config)
                return aligned_header(lines, k, config, plain[k])
            skip, in_tail = 0, False
            for li, line in enumerate(lines):
                if skip:
                    skip -= 1
                    continue
                if not plain[li] and any(0 <= k < len(lines) and _overlaps(line, lines[k]) and header_at(k)
                                         for k in (li - 1, li + 1)):
                    # a sort glyph set off its header line's baseline: decoration, no row
                    regions.append((line[0].page, _union(line)))
                    continue
                if plain[li] and plain[li] != line and header_at(li):
                    line = plain[li]      # the header's labels without their sort glyphs
                if header is not None and (li == 0 or in_tail) and _header_tail(line, header, config):
                    # the wrapped rest of the repeated header (one line or more), whose first
                    # line sat in the page's top margin and was taken for a running header
                    regions.append((line[0].page, _union(line)))
                    in_tail = True
                    continue
                in_tail = False
                if header is not None and _repeats_header(line, header, config):
                    is_head = True   # the header repeated on a later page
                elif header is not None and (_on_anchors(line, header, config) or _is_table_line(
                        split_at_anchors(line, [h.bbox.x0 for h in header]), [h.bbox.x0 for h in header],
                        page.width)):
                    is_head = find_header(line, config)   # a body line of the running table
                else:
                    is_head = find_header(line, config) or aligned_header(lines, li, config, line)
                if is_head:
                    same = header is not None and _repeats_header(line, header, config)
                    # the header's wrapped lines ("Item" / "ref", or a label broken over three)
                    merged = list(line)
                    while li + skip + 1 < len(lines) and _continues_header(lines[li + skip + 1], merged, config):
                        nxt = lines[li + skip + 1]
                        merged = _merge_header(merged, nxt, config)
                        regions.append((nxt[0].page, _union(nxt)))
                        skip += 1
                    if not same:
                        if header is not None and collected:
                            t, r = lines_to_table(collected, header, config, len(tables), heading)
                            tables.append(t)
                            regions += r
                        header, collected = merged, []
                        heading = _heading_above(page, line, taken, boilerplate, config)
                    regions.append((line[0].page, _union(line)))
                    continue
                if header is None:
                    continue
                anchors = [s.bbox.x0 for s in header]
                if not (len(line) == 1 and line[0].bold):   # a heading is one phrase
                    line = split_at_anchors(line, anchors)
                last = collected[-1] if collected else None
                if last is not None and last[0].page == line[0].page and min(s.bbox.top for s in line) \
                        - max(s.bbox.bottom for s in last) > end_gap * max(s.bbox.bottom - s.bbox.top for s in last):
                    # a wide blank band below the table's last line: the table ended above it
                    t, r = lines_to_table(collected, header, config, len(tables), heading)
                    tables.append(t)
                    regions += r
                    header, collected = None, []
                elif _is_table_line(line, anchors, page.width):
                    collected.append(line)
                elif collected:
                    t, r = lines_to_table(collected, header, config, len(tables), heading)
                    tables.append(t)
                    regions += r
                    header, collected = None, []
                else:
                    header = None   # labels followed by prose: not a table header
        if header is not None and collected:
            t, r = lines_to_table(collected, header, config, len(tables), heading)
            tables.append(t)
            regions += r
        tables = [t for t in tables if sum(r.kind is RowKind.BODY for r in t.rows) >= 1]
        fills = {p.number: p.fills for p in pages}
        tables = [_with_badge_fills(t, fills, config) for t in tables]
        return StrategyResult(tuple(tables), tuple(regions))


def _with_badge_fills(table: ExtractedTable, fills, config: ExtractConfig) -> ExtractedTable:
    """An unruled table has no cell boxes to fill: a body cell's colour is that of a pill or
    badge drawn behind its words (a status printed as a coloured label)."""
    def coloured(cell: Cell) -> Cell:
        if cell.fill_rgb is not None or not cell.lines:
            return cell
        rgb = badge_fill(cell.lines, fills.get(cell.lines[0].page, ()), config.badge_fill)
        return replace(cell, fill_rgb=rgb) if rgb is not None else cell
    rows = tuple(replace(r, cells=tuple(coloured(c) for c in r.cells)) if r.kind is RowKind.BODY else r
                 for r in table.rows)
    return replace(table, rows=rows)


def _heading_above(page: PageContent, header: Sequence[Segment], taken, boilerplate: set[tuple[int, int]],
                   config: ExtractConfig) -> Segment | None:
    """The heading printed just above a table's header line (an h2 "Commitment area: ..."
    over a web page's grid), by the rule a ruled table's heading is found by
    (ruled.heading_above: close above, over its columns, short, set apart by typography),
    unless another strategy read it."""
    from .ruled import PageGrid, heading_above
    line = heading_above(PageGrid(page.number, _union(header), (), ()), page, config, boilerplate)
    if line is None or inside_any((line.bbox.x0 + line.bbox.x1) / 2, (line.bbox.top + line.bbox.bottom) / 2,
                                  boxes_on(taken, page.number)):
        return None
    return Segment(line.text, line.page, line.bbox, line.size, line.bold)


def _overlaps(a: Sequence[Segment], b: Sequence[Segment]) -> bool:
    """Two lines on one page share some height (a glyph raised or lowered off the other's
    baseline)."""
    return a[0].page == b[0].page and min(s.bbox.top for s in a) < max(s.bbox.bottom for s in b) \
        and min(s.bbox.top for s in b) < max(s.bbox.bottom for s in a)


def _union(segs: Sequence[Segment]) -> BBox:
    box = segs[0].bbox
    for s in segs[1:]:
        box = box.union(s.bbox)
    return box
