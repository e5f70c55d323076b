"""Characters to lines: the one place text is assembled from PDF glyphs."""
from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace
from statistics import median
from typing import Iterable, Sequence

from .config import ColumnSettings, load_config
from .lexicon import is_word
from .model import BBox, TextLine
from .vocabulary import label_key  # noqa: F401 - re-exported: the one label key
from .wrap import WORD_CONTINUES, join_lines  # noqa: F401 - re-exported

# Characters that carry no text but break matching: soft hyphen, zero-width spaces and
# joiners, direction marks, BOM. Removed from all text the pipeline emits.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\ufeff"))
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2002\u2003\u2007\u2009\u200a\u202f\u3000"), " ")
# Word's bullet glyphs drawn from the Symbol and Wingdings fonts come out in the private use
# area (Symbol's bullet U+F0B7, Wingdings' square, diamond, arrowhead and tick): read as the
# bullets they print, so every reader of bullets and every row's text sees one mark.
_SYMBOL_BULLETS = {0xF0B7: "•", 0xF0A7: "▪", 0xF076: "❖", 0xF0D8: "➢", 0xF0FC: "✓"}


def clean_text(text: str) -> str:
    """Unicode normalisation for output text: NFKC (ligatures), no invisible marks,
    ordinary spaces. Dashes and quotes are kept as printed."""
    text = unicodedata.normalize("NFKC", text)
    return text.translate(_INVISIBLE).translate(_SPACES).translate(_SYMBOL_BULLETS)


# Characters that open a bulleted list item (one set for the unruled strategy and for
# normalise's sub-action splitter).
BULLETS = "•●▪■◦‣∙·○-–*"
BULLET_CLASS = "[" + "".join(re.escape(c) for c in BULLETS) + "]"


def is_bold_font(fontname: str) -> bool:
    name = fontname.lower()
    return "bold" in name or "black" in name or "heavy" in name or ",b" in name


# A face whose name states a light or regular weight ("Caladea-Regular", "Lato-Light") is not
# bold, whatever weight the font reports: pdfium derives one from the stems when the PDF
# declares none, and gave 704 for a regular serif printed by Chromium (every line then read
# bold, and no heading or label stood out).
_NOT_BOLD_STYLE = re.compile(r"[-,+ ](regular|book|light|thin|extralight|ultralight|normal|roman|medium)\b")


def names_a_light_weight(fontname: str) -> bool:
    return bool(_NOT_BOLD_STYLE.search(fontname.lower()))


def glyph_is_bold(c: dict) -> bool:
    """The reader decides once per font (`bold`); OCR glyphs carry only a font name."""
    return c["bold"] if "bold" in c else is_bold_font(c.get("fontname", ""))


def space_between(prev: dict, ch: dict) -> bool:
    """A word gap: wider than a fifth of the font size, or one pdfium inferred (browsers
    print words without space glyphs)."""
    gap = ch["x0"] - prev["x1"]
    return gap > 0.2 * max(prev["size"], 1.0) or (bool(ch.get("space_before")) and gap > -0.5)


def line_key(c: dict) -> float:
    """The height a glyph's line is grouped at: its baseline when the reader knows it (a PDF
    glyph), else its top (an OCR word)."""
    return c.get("baseline", c["top"])


def _reading_order(c: dict) -> tuple[float, float]:
    return (round(line_key(c)), c["x0"])


def _glyph_rows(chars: Sequence[dict], y_tolerance: float) -> list[list[dict]]:
    """Glyphs grouped by baseline, top to bottom, each row left to right."""
    rows: list[list[dict]] = []
    for ch in sorted(chars, key=_reading_order):
        if rows and abs(line_key(ch) - line_key(rows[-1][0])) <= y_tolerance:
            rows[-1].append(ch)
        else:
            rows.append([ch])
    for row in rows:
        row.sort(key=lambda c: c["x0"])
    return rows


@dataclass(frozen=True)
class Fragment:
    """A run of glyphs on one row with no gap wider than the fragment gap: a column's part
    of a visual line."""
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    chars: tuple[dict, ...]


def rows_to_fragments(rows: Sequence[Sequence[dict]], gap_ratio: float) -> list[Fragment]:
    """Each row cut where the gap between visible glyphs is wider than gap_ratio x their size
    (space glyphs go with the run they follow)."""
    out: list[Fragment] = []
    for row in rows:
        run: list[dict] = []
        last = None
        for ch in row:
            if ch["text"].strip():
                if last is not None and ch["x0"] - last["x1"] > gap_ratio * max(last["size"], ch["size"], 1.0):
                    out.append(_fragment(run))
                    run = []
                last = ch
            run.append(ch)
        if last is not None:
            out.append(_fragment(run))
    return out


def _fragment(run: Sequence[dict]) -> Fragment:
    seen = [c for c in run if c["text"].strip()] or list(run)
    return Fragment(min(c["x0"] for c in seen), max(c["x1"] for c in seen), min(c["top"] for c in seen),
                    max(c["bottom"] for c in seen), max(c["size"] for c in seen), tuple(run))


def _blocks(frags: Sequence[Fragment], gap_ratio: float) -> list[tuple[float, float, float]]:
    """(gap top, block top, block bottom) of each block (paragraph, cell) of one column, top
    to bottom: a line opens one after a vertical gap wider than gap_ratio x its size (the
    first block's gap is empty)."""
    out: list[list[float]] = []
    bottom = None
    for f in sorted(frags, key=lambda f: f.top):
        if bottom is None:
            out.append([f.top, f.top, f.bottom])
        elif f.top - bottom > gap_ratio * max(f.size, 1.0):
            out.append([bottom, f.top, f.bottom])
        bottom = f.bottom if bottom is None else max(bottom, f.bottom)
        out[-1][2] = max(out[-1][2], f.bottom)
    return [(g, t, b) for g, t, b in out]


def _reads_across(left: Sequence[Fragment], right: Sequence[Fragment], s: ColumnSettings) -> bool:
    """A table's columns rather than text columns: the later blocks of the column with fewer
    of them open level with a block beside them, or the gap above them runs on beside them
    (a table's rows, their cells aligned at the top or in the middle). Text columns flow
    apart. They open together at the top of their frames (a heading over each column, the
    first paragraph under it) and end together at the foot (a footer the gutter splits), so
    these are not counted: blocks opening no lower than the later of the two columns' first
    blocks (a running header above one column is no frame), the first opening_blocks from
    there on that open level pair by pair (a table loses its header row and first row to
    this, no more), and a last block level with the other column's last. Fewer than
    min_evidence_blocks left: nothing to tell them apart, read across. Nor do text boxes set
    side by side at slightly different heights line up: a gap beside a gap counts only where
    one block's height lies within the other's (a short cell centred beside a tall one), not
    where two blocks of a height are set apart by an offset."""
    bl, br = _blocks(left, s.block_gap), _blocks(right, s.block_gap)
    fewer, other = (bl, br) if len(bl) <= len(br) else (br, bl)
    size = median([f.size for f in (*left, *right)])
    tol = s.align_tolerance * size
    frame_top = max(bl[0][1], br[0][1])
    foot = min(bl[-1][1], br[-1][1]) if abs(bl[-1][1] - br[-1][1]) <= tol else float("inf")
    later = [b for b in fewer if frame_top - tol <= b[1] < foot - tol]
    opening = [b[1] for b in other if b[1] >= frame_top - tol]
    for _ in range(s.opening_blocks):
        if not (later and opening and abs(later[0][1] - opening[0]) <= tol):
            break
        later, opening = later[1:], opening[1:]
    later = [b for b in later if b != fewer[0]]
    if len(later) < s.min_evidence_blocks:
        return True                    # nothing to tell them apart: keep reading across

    def level(gap_top: float, top: float, bottom: float) -> bool:
        for o_gap, o_top, o_bottom in other:
            if abs(top - o_top) <= tol:
                return True
            shared = min(top, o_top) - max(gap_top, o_gap)
            nested = (o_top - tol <= top and bottom <= o_bottom + tol) or (top - tol <= o_top and o_bottom <= bottom + tol)
            if shared > 0.5 * min(top - gap_top, o_top - o_gap) and nested:
                return True
        return False
    return sum(level(g, t, b) for g, t, b in later) / len(later) > s.max_aligned_share


def _wide(frags: Sequence[Fragment], width: float) -> bool:
    """Text set across a column's measure, not a rail of bullets, numbers or short labels:
    its widest fragment is at least `width`."""
    return max(f.x1 - f.x0 for f in frags) >= width


def find_gutters(frags: Sequence[Fragment], s: ColumnSettings) -> list[tuple[float, float]]:
    """Vertical bands free of text across most of the fragments (at most max_cross_share of
    them cross: a masthead, a full-width heading) with enough text either side, that do not
    separate a table's row-aligned columns. From glyph geometry only."""
    if len(frags) < 2 * s.min_side_lines:
        return []
    size = median([f.size for f in frags])
    lo, hi = int(min(f.x0 for f in frags)), int(max(f.x1 for f in frags)) + 1
    cover = [0] * (hi - lo + 1)
    for f in frags:
        for x in range(max(lo, int(f.x0)), min(hi, int(f.x1) + 1)):
            cover[x - lo] += 1
    limit = s.max_cross_share * len(frags)
    runs: list[tuple[float, float]] = []
    start = None
    for i, n in enumerate(cover + [len(frags) + 1]):
        if n <= limit and start is None:
            start = i
        elif n > limit and start is not None:
            if i - start >= s.min_gutter * size:
                runs.append((lo + start, lo + i - 1))
            start = None
    # the gutter is the clearest stretch of each band (where the fewest fragments cross): the
    # band a quarter of the fragments may cross also takes in the ends of a column's longer
    # lines when that column holds few of the page's lines, and what lies wholly beside the
    # band would then be a column's short lines only (its paragraphs' last lines, which look
    # like a table's cells) or too few to be a column at all
    runs = [_clearest(cover, lo, a - lo, b - lo, s.min_gutter * size) for a, b in runs]
    need = max(s.min_side_lines, s.min_side_share * len(frags))
    runs = [(a, b) for a, b in runs if sum(f.x1 <= a + 1 for f in frags) >= need
            and sum(f.x0 >= b - 1 for f in frags) >= need]
    gutters: list[tuple[float, float]] = []
    edges = [float("-inf")] + [(a + b) / 2 for a, b in runs] + [float("inf")]
    for k, (a, b) in enumerate(runs):
        left = [f for f in frags if f.x1 <= a + 1 and f.x0 >= edges[k]]
        right = [f for f in frags if f.x0 >= b - 1 and f.x1 <= edges[k + 2]]
        if len(left) >= need and len(right) >= need and _wide(left, s.min_column_width * size) \
                and _wide(right, s.min_column_width * size) and not _reads_across(left, right, s):
            gutters.append((a, b))
    return gutters


def _clearest(cover: Sequence[int], lo: int, a: int, b: int, min_width: float) -> tuple[int, int]:
    """The widest stretch of cover[a..b] at its least cover, in page units (lo is cover[0]'s
    x), when it is at least min_width wide; else the whole band a..b."""
    least = min(cover[a:b + 1])
    best, i = (a, a), a
    while i <= b:
        if cover[i] > least:
            i += 1
            continue
        j = i
        while j + 1 <= b and cover[j + 1] <= least:
            j += 1
        if j - i > best[1] - best[0]:
            best = (i, j)
        i = j + 1
    if best[1] + 1 - best[0] < min_width:
        best = (a, b)
    return lo + best[0], lo + best[1]


def reading_groups(frags: Sequence[Fragment], gutters: Sequence[tuple[float, float]],
                   edge_gap: float = 2.0) -> list[list[dict]]:
    """Glyphs in reading order: each column top to bottom before the next; a fragment that
    crosses a gutter (a masthead, a heading over both columns) stays in place and closes the
    columns above it. So does a line the gutter splits at the head or foot of the page (a
    running header or footer: "University of X" left, the page number right): the first (or
    last) fragment of every column, level with each other and set apart from the column's
    text by more than `edge_gap` x its size, is one line, in its place."""
    if not gutters:
        return [[c for f in frags for c in f.chars]]
    bounds = [float("-inf")] + [(a + b) / 2 for a, b in gutters] + [float("inf")]

    def column(f: Fragment) -> int | None:
        for i in range(len(bounds) - 1):
            if f.x0 >= bounds[i] and f.x1 <= bounds[i + 1]:
                return i
        return None

    spans = {id(f) for f in _page_edge_rows(frags, column, len(bounds) - 1, edge_gap)}
    out: list[list[dict]] = []
    band: dict[int, list[dict]] = {}
    last_span: float | None = None

    def close() -> None:
        out.extend(band[i] for i in sorted(band))
        band.clear()
    for f in sorted(frags, key=lambda f: (f.top, f.x0)):
        i = None if id(f) in spans else column(f)
        if i is None:
            close()
            if id(f) in spans and last_span is not None and abs(f.top - last_span) <= 0.5 * f.size:
                out[-1].extend(f.chars)         # the same running line, on the gutter's other side
            else:
                out.append(list(f.chars))
            last_span = f.top if id(f) in spans else None
        else:
            band.setdefault(i, []).extend(f.chars)
            last_span = None
    close()
    return out


def _page_edge_rows(frags: Sequence[Fragment], column, n_columns: int, edge_gap: float) -> list[Fragment]:
    """The fragments of a line the gutters split at the head or the foot of the page: every
    column's first (or last) fragment, all level, each set apart from its column's next (or
    previous) text by more than edge_gap x its size."""
    cols: dict[int, list[Fragment]] = {}
    for f in frags:
        i = column(f)
        if i is not None:
            cols.setdefault(i, []).append(f)
    if len(cols) < n_columns or any(len(c) < 2 for c in cols.values()):
        return []
    out: list[Fragment] = []
    for pick in (0, -1):
        ends, apart = [], True
        for c in cols.values():
            c = sorted(c, key=lambda f: f.top)
            end, near = c[pick], c[pick + 1 if pick == 0 else pick - 1]
            gap = near.top - end.bottom if pick == 0 else end.top - near.bottom
            apart = apart and gap > edge_gap * max(end.size, 1.0)
            ends.append(end)
        if apart and max(f.top for f in ends) - min(f.top for f in ends) <= 0.5 * min(f.size for f in ends):
            out.extend(ends)
    return out


# A footnote or reference mark: a number or two, a symbol, in brackets or not ("[1]", "2,3", "*", "†")
_MARK = re.compile(r"^[\[(]?(?:\d{1,3}(?:[,–-]\d{1,3})*|[*†‡§¶]{1,3})[\])]?$")


def attach_raised_marks(rows: Sequence[Sequence[dict]], max_size: float) -> list[list[dict]]:
    """A footnote mark set small and raised after a word ("open days[1]") sits on a baseline
    of its own, so it comes out as a row by itself and cuts the line it belongs to from the
    lines around it (a heading's last line read as a new heading). Such a row, a short mark
    at most `max_size` x the size of a row whose height it lies in (mostly), raised above
    that row's baseline and beside its glyphs (never over them), joins that row."""
    out = [list(r) for r in rows]
    k = 0
    while k < len(out):
        row = out[k]
        vis = [c for c in row if c["text"].strip()]
        text = "".join(c["text"] for c in vis)
        if not vis or not _MARK.match(text):
            k += 1
            continue
        top, bottom = min(c["top"] for c in vis), max(c["bottom"] for c in vis)
        x0, x1 = min(c["x0"] for c in vis), max(c["x1"] for c in vis)
        size = max(c["size"] for c in vis)
        best, best_overlap = None, 0.0
        for j in (k - 1, k + 1):
            if not 0 <= j < len(out):
                continue
            other = [c for c in out[j] if c["text"].strip()]
            if not other:
                continue
            o_size = max(c["size"] for c in other)
            o_top, o_bottom = min(c["top"] for c in other), max(c["bottom"] for c in other)
            overlap = min(bottom, o_bottom) - max(top, o_top)
            beside = not any(c["x0"] < x1 - 0.5 and x0 < c["x1"] - 0.5 for c in other) \
                and min(abs(x0 - c["x1"]) for c in other) <= o_size
            if size <= max_size * o_size and line_key(vis[0]) < line_key(other[0]) - 0.1 * o_size \
                    and overlap >= 0.6 * (bottom - top) and beside and overlap > best_overlap:
                best, best_overlap = j, overlap
        if best is None:
            k += 1
            continue
        out[best] = sorted(out[best] + row, key=lambda c: c["x0"])
        del out[k]
    return out


def footnote_marks(row: Sequence[dict], max_size: float) -> set[int]:
    """Indexes of the glyphs in a row (left to right) that are footnote marks after a word:
    a short run ("3", "[2]", "*") set at most `max_size` x the row's text size, raised above
    its baseline, touching the word or punctuation before it (no space) and followed by a
    space or the row's end ("annual report.3 Owner: ..."). A mark opening the row (a
    footnote's own number at the page foot) is not one: it is the footnote's text."""
    vis = [k for k, c in enumerate(row) if c["text"].strip()]
    if len(vis) < 2:
        return set()
    size = Counter(round(row[k]["size"], 1) for k in vis).most_common(1)[0][0]
    base = median(line_key(row[k]) for k in vis if round(row[k]["size"], 1) == size)

    def small_raised(k: int) -> bool:
        c = row[k]
        return c["size"] <= max_size * size and line_key(c) < base - 0.1 * size

    out: set[int] = set()
    i = 1
    while i < len(vis):
        k = vis[i]
        if not small_raised(k):
            i += 1
            continue
        j = i
        while j + 1 < len(vis) and vis[j + 1] == vis[j] + 1 and small_raised(vis[j + 1]) \
                and not space_between(row[vis[j]], row[vis[j + 1]]):
            j += 1
        run = vis[i:j + 1]
        before, after = row[vis[i - 1]], (row[vis[j + 1]] if j + 1 < len(vis) else None)
        touches = vis[i - 1] == k - 1 and not space_between(before, row[k]) and not small_raised(vis[i - 1])
        ends = after is None or vis[j + 1] != run[-1] + 1 or space_between(row[run[-1]], after)
        if touches and ends and _MARK.match("".join(row[m]["text"] for m in run)):
            out.update(run)
        i = j + 1
    return out


def turn_about(x: float, y: float, px: float, py: float, angle: float) -> tuple[float, float]:
    """(x, y) turned by `angle` degrees about (px, py), on the page (top-left origin: positive
    turns clockwise as seen)."""
    t = math.radians(angle)
    cs, sn = math.cos(t), math.sin(t)
    dx, dy = x - px, y - py
    return px + cs * dx - sn * dy, py + sn * dx + cs * dy


def straighten(chars: Sequence[dict], tilted: Sequence[tuple[BBox, float]], tolerance: float) -> list[dict]:
    """Glyphs turned a little (`tilt` from the reader: a sticky note's words on a whiteboard)
    read in their own box's frame: each turned back about the centre of the innermost turned
    box (pdfium_reader.read_paths, upright: its box turned back) whose tilt is within
    `tolerance` degrees of the glyph's and that then holds it, so the note's lines run level
    and its words follow one another; each marked with its box (`tilt_box`), whose glyphs
    are read as lines apart from the page's (chars_to_lines). A glyph in no such box stays as
    it is."""
    out: list[dict] = []
    order = sorted(tilted, key=lambda t: t[0].width * (t[0].bottom - t[0].top))
    # each turned glyph's advance: the way to the next glyph's origin along its baseline (a
    # turned glyph's bounds overhang its advance, closing the word gaps a browser prints as
    # space glyphs), shared out among the pieces of one ligature (one origin); none at a
    # line's end. k -> (offset from its origin, width)
    advance: dict[int, tuple[float, float]] = {}
    k = 0
    while k < len(chars):
        a = chars[k]
        n = 1
        while a.get("tilt") and k + n < len(chars) and chars[k + n].get("origin") == a.get("origin"):
            n += 1
        b = chars[k + n] if k + n < len(chars) else None
        if a.get("tilt") and b is not None and b.get("tilt") == a["tilt"]:
            t = math.radians(a["tilt"])
            dx, dy = b["origin"][0] - a["origin"][0], b["origin"][1] - a["origin"][1]
            along, across = dx * math.cos(t) + dy * math.sin(t), -dx * math.sin(t) + dy * math.cos(t)
            if 0 < along and abs(across) < 0.2 * max(a["size"], 1.0):
                for j in range(n):
                    advance[k + j] = (j * along / n, along / n)
        k += n
    for k, ch in enumerate(chars):
        tilt = ch.get("tilt")
        if not tilt:
            out.append(ch)
            continue
        cx, cy = (ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2
        for box, angle in order:
            if abs(angle - tilt) > tolerance:
                continue
            px, py = (box.x0 + box.x1) / 2, (box.top + box.bottom) / 2
            x, y = turn_about(cx, cy, px, py, -angle)
            if not (box.x0 <= x <= box.x1 and box.top <= y <= box.bottom):
                continue
            # the glyph's own width and height from its turned bounds (a box w x h turned by
            # `angle` is bounded by w|cos| + h|sin| across and w|sin| + h|cos| down)
            ac, as_ = abs(math.cos(math.radians(angle))), abs(math.sin(math.radians(angle)))
            wide, high = ch["x1"] - ch["x0"], ch["bottom"] - ch["top"]
            det = ac * ac - as_ * as_
            w = max((wide * ac - high * as_) / det, 0.0)
            h = max((high * ac - wide * as_) / det, 0.0)
            ox, base = turn_about(*ch["origin"], px, py, -angle)
            x0, x1 = x - w / 2, x + w / 2
            if k in advance and advance[k][1] <= w + 0.5 * max(ch["size"], 1.0):
                x0 = ox + advance[k][0]
                x1 = x0 + advance[k][1]
            out.append({**ch, "x0": x0, "x1": x1, "top": y - h / 2, "bottom": y + h / 2,
                        "baseline": base, "tilt_box": box.rounded(2)})
            break
        else:
            out.append(ch)
    return out


def struck_out(chars: Sequence[dict], edges: Sequence[dict], band: tuple[float, float]
               ) -> tuple[list[dict], list[dict]]:
    """(glyphs, edges) without the text struck out and the lines striking it: a document
    printed with its tracked changes shows a deletion as text with a line through it
    ("October 2025" struck, "December 2025" inserted), and the deleted words are no part of
    the plan. A glyph is struck when a thin horizontal edge spans it between band[0] and
    band[1] of its size above its baseline (an underline, under the baseline, is not)."""
    lo, hi = band
    if hi <= 0 or not edges:
        return list(chars), list(edges)
    flat = [e for e in edges if e["height"] <= 1.0 and e["width"] > 0]
    if not flat:
        return list(chars), list(edges)
    rows: dict[int, list[int]] = {}
    for k, c in enumerate(chars):
        if c["text"].strip():
            rows.setdefault(int(line_key(c)), []).append(k)
    top_size = max((c["size"] for c in chars), default=0.0)
    struck: set[int] = set()
    strikes: set[int] = set()
    for n, e in enumerate(flat):
        y = e["top"]
        for b in range(int(y), int(y + hi * top_size) + 2):
            for k in rows.get(b, ()):
                c = chars[k]
                rise = line_key(c) - y
                if lo * c["size"] <= rise <= hi * c["size"] and e["x0"] - 0.5 <= c["x0"] and c["x1"] <= e["x1"] + 0.5:
                    struck.add(k)
                    strikes.add(n)
    if not struck:
        return list(chars), list(edges)
    gone = {id(flat[n]) for n in strikes}
    return [c for k, c in enumerate(chars) if k not in struck], [e for e in edges if id(e) not in gone]


def chars_to_lines(chars: Sequence[dict], page: int, y_tolerance: float = 2.5,
                   columns: ColumnSettings | None = None) -> list[TextLine]:
    """Group glyphs into visual lines (top-to-bottom by baseline, left-to-right) and insert spaces
    where the gap between glyphs is wider than a fraction of the font size. A page set in text
    columns is read column by column (find_gutters), so lines of two columns never merge.
    Glyphs turned a quarter (a table's vertical header, `turn` from the reader) are read along
    their own direction (turned_lines), after the upright ones; so are the glyphs of each box
    turned a little (a sticky note, straighten: `tilt_box`), box by box, so a note's lines
    never run on into its neighbour's."""
    if not chars:
        return []
    s = columns if columns is not None else load_config().columns
    upright = [c for c in chars if not c.get("turn") and not c.get("tilt_box")]
    lines = _upright_lines(upright, page, y_tolerance, s) if upright else []
    boxed: dict[tuple, list[dict]] = {}
    for c in chars:
        if c.get("tilt_box") and not c.get("turn"):
            boxed.setdefault(c["tilt_box"], []).append(c)
    for key in sorted(boxed, key=lambda b: (b[1], b[0])):
        lines += _upright_lines(boxed[key], page, y_tolerance, s)
    if len(upright) < len(chars):
        lines += turned_lines(chars, page, y_tolerance, s)
    return lines


def _into_turned_frame(c: dict) -> dict:
    """A glyph turned 90 (read up the page) or 270 (read down it) as it would sit were the
    page turned so that it stands upright: the reading direction is x, its baseline its line."""
    if c["turn"] == 90:     # reading up the page; the glyph's top faces the page's left
        x0, x1, top, bottom, base = -c["bottom"], -c["top"], c["x0"], c["x1"], c["turned_baseline"]
    else:                   # reading down the page; the glyph's top faces the page's right
        x0, x1, top, bottom, base = c["top"], c["bottom"], -c["x1"], -c["x0"], -c["turned_baseline"]
    return {**c, "x0": x0, "x1": x1, "top": top, "bottom": bottom, "baseline": base}


def _out_of_turned_frame(b: BBox, turn: int) -> BBox:
    """A box in a turn's upright frame (_into_turned_frame) back on the page."""
    if turn == 90:
        return BBox(b.top, -b.x1, b.bottom, -b.x0)
    return BBox(-b.bottom, b.x0, -b.top, b.x1)


def turned_lines(chars: Sequence[dict], page: int, y_tolerance: float = 2.5,
                 columns: ColumnSettings | None = None) -> list[TextLine]:
    """The lines of the glyphs turned a quarter (90 then 270), each read along its own
    direction ("Visibility" set bottom to top in a narrow tick column's header, not
    "y t i l i b i s i V" one glyph a line): grouped into lines by their baseline (an x on the
    page) and ordered along the line (bottom to top for 90, top to bottom for 270), every
    line's box on the page."""
    s = columns if columns is not None else load_config().columns
    out: list[TextLine] = []
    for turn in (90, 270):
        framed = [_into_turned_frame(c) for c in chars if c.get("turn") == turn]
        if framed:
            out += [replace(l, bbox=_out_of_turned_frame(l.bbox, turn))
                    for l in _upright_lines(framed, page, y_tolerance, s)]
    return out


def _upright_lines(chars: Sequence[dict], page: int, y_tolerance: float, s: ColumnSettings) -> list[TextLine]:
    rows = _glyph_rows(chars, y_tolerance)
    frags = rows_to_fragments(rows, s.fragment_gap)
    gutters = find_gutters(frags, s)
    if gutters:
        rows = [r for group in reading_groups(frags, gutters, s.edge_line_gap) for r in _glyph_rows(group, y_tolerance)]
    rows = attach_raised_marks(rows, s.raised_mark_max_size)
    lines = []
    for row in rows:
        marks = footnote_marks(row, s.raised_mark_max_size)
        row = [c for k, c in enumerate(row) if k not in marks]      # a footnote mark is no part of the text
        dropped, joined = letter_spaced(row, s)
        row = [c for c in row if id(c) not in dropped]
        parts: list[str] = []
        prev = None
        for ch in row:
            if prev is not None and space_between(prev, ch) and parts and parts[-1] != " " and ch["text"] != " " \
                    and id(prev) not in joined:
                parts.append(" ")
            parts.append(ch["text"])
            prev = ch
        text = " ".join(clean_text("".join(parts)).split())
        if not text:
            continue
        visible = [c for c in row if c["text"].strip()] or row
        bbox = BBox(min(c["x0"] for c in row), min(c["top"] for c in row),
                    max(c["x1"] for c in row), max(c["bottom"] for c in row))
        size = max(c["size"] for c in visible)
        bold = sum(glyph_is_bold(c) for c in visible) > len(visible) / 2
        lines.append(TextLine(text, page, bbox, round(size, 1), bold))
    return lines


def letter_spaced(row: Sequence[dict], s: ColumnSettings) -> tuple[set[int], set[int]]:
    """Where a row prints a word letter-spaced ("U N I V E R S I T Y"): a run of at least
    s.letter_spaced_min_letters visible single letters (each set apart by a space glyph or a
    gap, no other glyph between), evenly (the run's median gap at most s.letter_spaced_max_gap
    x the size); a gap s.letter_spaced_word_gap x that median or wider parts two words.
    Returns (ids of the space glyphs inside such words, dropped; ids of the letters the next
    letter of their word follows with no space)."""
    vis = [c for c in row if c["text"].strip()]
    dropped: set[int] = set()
    joined: set[int] = set()
    if len(vis) < s.letter_spaced_min_letters:
        return dropped, joined

    def apart(a: dict, b: dict) -> bool:
        return space_between(a, b) or _spaced(row, a, b)

    def alone(k: int) -> bool:
        c = vis[k]
        return (len(c["text"]) == 1 and c["text"].isalpha()
                and (k == 0 or apart(vis[k - 1], c)) and (k == len(vis) - 1 or apart(c, vis[k + 1])))

    k = 0
    while k < len(vis):
        j = k
        while j < len(vis) and alone(j) and abs(vis[j]["size"] - vis[k]["size"]) < 0.5:
            j += 1
        run, k = vis[k:j], max(j, k + 1)
        if len(run) < s.letter_spaced_min_letters:
            continue
        gaps = [b["x0"] - a["x1"] for a, b in zip(run, run[1:])]
        typical = median(gaps)
        if min(gaps) < 0 or typical > s.letter_spaced_max_gap * max(run[0]["size"], 1.0):
            continue
        for a, b, g in zip(run, run[1:], gaps):
            if g < s.letter_spaced_word_gap * max(typical, 0.5):
                joined.add(id(a))
                dropped.update(id(c) for c in row if not c["text"].strip()
                               and a["x1"] - 0.5 <= c["x0"] and c["x1"] <= b["x0"] + 0.5)
    return dropped, joined


def _spaced(row: Sequence[dict], a: dict, b: dict) -> bool:
    """A space glyph stands between glyphs a and b of a row."""
    return any(not c["text"].strip() and a["x1"] - 0.5 <= c["x0"] and c["x1"] <= b["x0"] + 0.5 for c in row)


def _joins_into_word(word: str, next_text: str) -> bool:
    """"Communication" + "s and ..." -> "Communications" is a word; "Administrative" +
    "support" is not. Only the letters at the cut are compared."""
    head = re.search(r"[A-Za-z]+$", word)
    tail = re.match(r"[a-z]+", next_text)
    return bool(head and tail and is_word(head.group() + tail.group()))


def mark_cut_words(lines: Sequence[TextLine], left_edge: float, right_edge: float) -> list[TextLine]:
    """Word wraps at spaces; a word wider than its column is cut where the column ends. Such
    a line holds that one word, reaches the column's right edge (less the cell padding,
    taken to equal the left one, and less than a glyph), and the next line goes on in lower
    case. Mark it so the word is joined back without a space."""
    out = list(lines)
    if len(out) < 2:
        return out
    padding = max(0.0, min(l.bbox.x0 for l in out) - left_edge)
    for i in range(len(out) - 1):
        cur, nxt = out[i], out[i + 1]
        word = cur.text.strip()
        if (" " not in word and word[-1:].isalpha() and nxt.text[:1].islower() and cur.page == nxt.page
                and cur.bbox.x1 >= right_edge - padding - 0.8 * max(cur.size, 4.0)
                and _joins_into_word(word, nxt.text)):
            out[i] = TextLine(word + WORD_CONTINUES, cur.page, cur.bbox, cur.size, cur.bold)
    return out


def mark_words_cut_unseen(lines: Sequence[TextLine], max_pieces: int = 3) -> list[TextLine]:
    """The same for a column whose right edge is not drawn (unruled tables, header labels):
    a line ending in letters that are no word ("Accountabl", "D") followed by lines that
    go on in lower case ("e lead", "evelopm" / "ent") whose letters complete a word
    ("Accountable", "Development"). A wrap at a space leaves a whole word, so a line
    ending in one ("Time" / "line") is left alone."""
    out = list(lines)
    i = 0
    while i < len(out) - 1:
        head = re.search(r"[A-Za-z]+$", out[i].text.strip())
        if not head or (is_word(head.group()) and (len(head.group()) > 1 or head.group() in "aAI")):
            i += 1
            continue
        word, joined = head.group(), None
        for j in range(i + 1, min(len(out), i + 1 + max_pieces)):
            tail = re.match(r"[a-z]+", out[j].text)
            if not tail or out[j].page != out[i].page:
                break
            word += tail.group()
            if is_word(word):
                joined = j
                break
            if tail.group() != out[j].text.strip():
                break        # only a piece that is all letters ("evelopm") can be followed by more
        if joined is None:
            i += 1
            continue
        for k in range(i, joined):
            l = out[k]
            out[k] = TextLine(l.text.rstrip() + WORD_CONTINUES, l.page, l.bbox, l.size, l.bold)
        i = joined
    return out


def lines_text(lines: Iterable[TextLine]) -> str:
    return join_lines(l.text for l in lines)


def without_decoration(text: str, decoration: re.Pattern[str]) -> str:
    """A header label without the glyphs printed beside it as decoration (a sortable
    column's arrows, ExtractConfig.header_decoration): "Action ⇅" is "Action"."""
    return " ".join(decoration.sub(" ", text).split())
