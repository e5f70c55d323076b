"""Planning boards: lists side by side, each a column of cards (a Trello, Planner or Jira
board printed from the browser).

Chain: page_to_cards -> cards_to_columns -> columns_to_heads -> card_to_pieces ->
pieces_to_slots -> board_to_table.

Found by geometry alone: boxes (filled or bordered) that each hold a few lines, stacked apart
in two or more columns of one width each, and the same inner structure repeated in them (the
card's parts set in their own styles, in one order: a label chip, a title, a badge line, an
assignee). Each card is one row; each of its parts a column, cut where a line's glyphs stand
apart or change size (a due badge beside a checklist count, an avatar's initials beside a
name). No word is known: normalise decides each column's role from what it holds (dates,
names of people, pillar names), and the title is the part with the most words. A part's
opening words printed the same on every card ("Due 14 Mar", "Due 2 Jun") are its printed
label, its header; a part spelling the initials of the part beside it (an avatar's "AR"
before "Aisha Rahman") only repeats it and is left out, as are icons (a part with no letter
or digit). The heading above each list is each of its cards' group (Part.GROUP: a status or
a section, normalise decides). Lists are read one after another, each top to bottom.

Boxes that line up in rows as well as columns (a grid of tiles, a slide's cards two by two)
are no board: no list stands apart from the others, and the block strategies read them row by
row.

Cards whose lines open with recurring "Label:" fields are labelled blocks, the narrative
strategy's, and are left to it.
"""
from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass
from typing import Sequence

from ..config import BoardSettings, ExtractConfig
from ..model import BBox, ExtractedTable, Part, RowKind, Structure, TableRow, TextLine
from ..pdf import PageContent
from ..text import clean_text, glyph_is_bold, label_key, space_between
from .base import StrategyResult, boxes_on, inside_any
from .blocks import GlyphIndex, lead_label, make_cell
from .ruled import framing_boxes

NAME = "board"
_ALNUM = re.compile(r"[^\W_]")
_LETTER = re.compile(r"[^\W\d_]")
_DIGIT = re.compile(r"\d")
# a card's own number after a word printed alike on every card ("Action 3", "Task 12b")
_NUMBER = re.compile(r"^[A-Za-z]{0,3}\d{1,3}[a-z]?$")

Style = tuple[float, bool]
SlotKey = tuple[Style, int]


@dataclass(frozen=True)
class Card:
    page: int
    box: BBox
    lines: tuple[TextLine, ...]


@dataclass(frozen=True)
class BoardColumn:
    """One list: its cards top to bottom, its heading (if any) and the region it covers."""
    page: int
    cards: tuple[Card, ...]
    head: TextLine | None
    region: BBox


# ------------------------------------------------------------------ geometry


def _within(inner: BBox, outer: BBox, tol: float = 1.0) -> bool:
    return outer.x0 - tol <= inner.x0 and inner.x1 <= outer.x1 + tol \
        and outer.top - tol <= inner.top and inner.bottom <= outer.bottom + tol


def _centre_in(line: TextLine, box: BBox) -> bool:
    cx, cy = (line.bbox.x0 + line.bbox.x1) / 2, (line.bbox.top + line.bbox.bottom) / 2
    return box.x0 <= cx <= box.x1 and box.top <= cy <= box.bottom


def _distinct_boxes(boxes: Sequence[BBox], tol: float) -> list[BBox]:
    """Boxes drawn twice (a card's shadow under its face, a fill under its border) once each,
    as their union."""
    out: list[BBox] = []
    for b in sorted(boxes, key=lambda b: (b.top, b.x0)):
        for k, o in enumerate(out):
            if all(abs(u - v) <= tol for u, v in zip(b.rounded(3), o.rounded(3))):
                out[k] = o.union(b)
                break
        else:
            out.append(b)
    return out


def page_to_cards(page: PageContent, lines: Sequence[TextLine], config: ExtractConfig) -> tuple[list[Card], list[BBox]]:
    """(the cards: the innermost boxes holding `min_lines` of the lines or more; every box
    that frames text, for the lists' panels)."""
    s = config.board
    boxes = _distinct_boxes(framing_boxes(page, config, config.boxes.card_min_height), s.align_tolerance)
    # a card's lines stand in it: a line only crossing it (a frame's title running over a note
    # hung across the frame's edge) sticks out past it by more than its own size
    held = {k: [l for l in lines if _centre_in(l, b) and _within(l.bbox, b, max(l.size, 1.0))]
            for k, b in enumerate(boxes)}
    text_boxes = [k for k, ls in held.items() if len(ls) >= s.min_lines]
    cards = []
    seen: set[tuple[int, ...]] = set()
    for k in text_boxes:
        b = boxes[k]
        if any(j != k and _within(boxes[j], b) and boxes[j] != b for j in text_boxes):
            continue
        # two boxes holding the very same lines, neither inside the other (a note's shadow
        # offset under its face): one card, the first drawn
        key = tuple(sorted(id(l) for l in held[k]))
        if key in seen:
            continue
        seen.add(key)
        cards.append(Card(page.number, b, tuple(sorted(held[k], key=lambda l: (l.bbox.top, l.bbox.x0)))))
    return cards, boxes


def cards_to_columns(cards: Sequence[Card], s: BoardSettings) -> list[list[Card]]:
    """Cards of one width at one left edge, each column top to bottom; a column whose cards
    overlap or abut (a table's cells, nested boxes) is none."""
    columns: list[list[Card]] = []
    for c in sorted(cards, key=lambda c: (c.box.x0, c.box.top)):
        for col in columns:
            if abs(col[0].box.x0 - c.box.x0) <= s.align_tolerance and abs(col[0].box.x1 - c.box.x1) <= s.align_tolerance:
                col.append(c)
                break
        else:
            columns.append([c])
    out = []
    for col in columns:
        col.sort(key=lambda c: c.box.top)
        if all(b.box.top - a.box.bottom >= s.stack_gap for a, b in zip(col, col[1:])):
            out.append(col)
    return out


def _side_by_side(columns: Sequence[Sequence[Card]], gap: float) -> list[Sequence[Card]]:
    """The lists: the columns standing apart side by side (the longest first, then each that
    shares no width with one kept), opening at one height (their first cards within a card's
    height of each other: lists start under a row of headings), left to right."""
    kept: list[Sequence[Card]] = []
    for col in sorted(columns, key=lambda col: (-len(col), col[0].box.x0)):
        if all(col[0].box.x0 - k[0].box.x1 >= gap or k[0].box.x0 - col[0].box.x1 >= gap for k in kept):
            kept.append(col)
    if not kept:
        return []
    height = statistics.median(c.box.bottom - c.box.top for col in kept for c in col)
    top = kept[0][0].box.top
    return sorted((col for col in kept if abs(col[0].box.top - top) <= height), key=lambda col: col[0].box.x0)


def _heading_candidates(col: Sequence[Card], lines: Sequence[TextLine], reach: float, tol: float,
                        glyphs: GlyphIndex, s: BoardSettings) -> list[TextLine]:
    """The lines above the column's first card, within `reach` of it, cut to the pieces that
    stand within its width (headings printed at one height run into one line across the
    lists: "Visibility ... Recognition ...")."""
    first = col[0].box
    out = []
    for l in lines:
        if not (first.top - reach <= l.bbox.top and l.bbox.bottom <= first.top + 0.5) \
                or l.bbox.x1 < first.x0 or l.bbox.x0 > first.x1:
            continue
        mine = [p for p in line_to_pieces(l, glyphs, s) if p.bbox.x0 >= first.x0 - tol and p.bbox.x1 <= first.x1 + tol]
        if mine:
            box = mine[0].bbox
            for p in mine[1:]:
                box = box.union(p.bbox)
            out.append(TextLine(" ".join(p.text for p in mine), l.page, box, mine[0].size, mine[0].bold))
    return out


def _headings(columns: Sequence[Sequence[Card]], lines: Sequence[TextLine], reach: float, tol: float,
              glyphs: GlyphIndex, s: BoardSettings) -> list[TextLine | None]:
    """Each list's heading: of the lines above the lists' first cards, those at the one height
    where the most lists have one (the topmost such height): the headings stand in a row."""
    cands = [_heading_candidates(col, lines, reach, tol, glyphs, s) for col in columns]
    tops = sorted({round(l.bbox.top, 1) for cs in cands for l in cs})
    if not tops:
        return [None] * len(columns)
    count = {t: sum(any(abs(l.bbox.top - t) <= tol for l in cs) for cs in cands) for t in tops}
    row = max(tops, key=lambda t: (count[t], -t))
    return [next((l for l in cs if abs(l.bbox.top - row) <= tol), None) for cs in cands]


def _panel(col: Sequence[Card], head: TextLine | None, boxes: Sequence[BBox], others: Sequence[BBox]) -> BBox:
    """The smallest box around the list's cards (and heading) holding no other list's card:
    the list's panel; else the cards and heading themselves."""
    span = col[0].box
    for c in col[1:]:
        span = span.union(c.box)
    if head is not None:
        span = span.union(head.bbox)
    around = [b for b in boxes if _within(span, b) and not any(_within(o, b) for o in others)]
    return min(around, key=lambda b: b.width * (b.bottom - b.top)) if around else span


def _grid(columns: Sequence[Sequence[Card]], tol: float) -> bool:
    """Boxes that line up in rows as well as in columns (tiles, a slide's cards two by two)."""
    n = len(columns[0])
    return all(len(c) == n for c in columns) and all(
        abs(c[k].box.top - columns[0][k].box.top) <= tol and abs(c[k].box.bottom - columns[0][k].box.bottom) <= tol
        for c in columns for k in range(n))


# ------------------------------------------------------------------ a card's parts


def _piece(glyphs: Sequence[dict], page: int) -> TextLine | None:
    parts, prev = [], None
    for ch in glyphs:
        if prev is not None and space_between(prev, ch):
            parts.append(" ")
        parts.append(ch["text"])
        prev = ch
    text = " ".join(clean_text("".join(parts)).split())
    if not text:
        return None
    bold = sum(glyph_is_bold(c) for c in glyphs) > len(glyphs) / 2
    return TextLine(text, page, BBox(min(c["x0"] for c in glyphs), min(c["top"] for c in glyphs),
                                     max(c["x1"] for c in glyphs), max(c["bottom"] for c in glyphs)),
                    statistics.median(c["size"] for c in glyphs), bold)


def line_to_pieces(line: TextLine, glyphs: GlyphIndex, s: BoardSettings) -> list[TextLine]:
    """The line cut where its glyphs stand `piece_gap` apart, or where the type changes size
    by `size_step` at a word gap (an avatar's small initials before a name)."""
    chars = glyphs.chars_of(line)
    if not chars:
        return [line]
    groups = [[chars[0]]]
    for a, b in zip(chars, chars[1:]):
        gap = b["x0"] - a["x1"]
        size = max(a["size"], b["size"], 1.0)
        resized = abs(a["size"] - b["size"]) > s.size_step * size and space_between(a, b)
        if gap > s.piece_gap * size or resized:
            groups.append([b])
        else:
            groups[-1].append(b)
    return [p for p in (_piece(g, line.page) for g in groups) if p is not None]


def _style(line: TextLine) -> Style:
    return (round(line.size * 2) / 2, line.bold)


def _strip_icons(piece: TextLine) -> TextLine | None:
    """The piece without the icons opening it (a clock before a date, a tick box before a
    count: words with no letter or digit); None when it is nothing but icons."""
    words = piece.text.split()
    k = 0
    while k < len(words) and not _ALNUM.search(words[k]):
        k += 1
    if k == len(words):
        return None
    return piece if k == 0 else TextLine(" ".join(words[k:]), piece.page, piece.bbox, piece.size, piece.bold)


def _initials_of(short: str, name: str, most: int) -> bool:
    """`short` (capitals only, `most` letters at most) spells, in order, initials of `name`'s
    words ("FL" of "Dr Fiona Lyle")."""
    if not (1 <= len(short) <= most and short.isalpha() and short.isupper()):
        return False
    initials = [w[0].upper() for w in name.split() if w[:1].isalpha()]
    if len(initials) < 2 or len(short) > len(initials):
        return False
    it = iter(initials)
    return all(ch in it for ch in short)


@dataclass(frozen=True)
class CardParts:
    parts: tuple[tuple[TextLine, ...], ...]    # each part's lines, in reading order
    avatared: frozenset[int]                   # the parts printed beside their own initials (an avatar)


def card_to_pieces(card: Card, glyphs: GlyphIndex, s: BoardSettings) -> CardParts:
    """The card's parts in reading order, each its lines: a line's pieces; a part set alike
    on the next line close under it continues it (a title's wrap); pieces with no letters
    or digits (icons) and initials repeating the name beside them (an avatar) left out, the
    name marked; neighbours on one line set alike with no digit in either (two label chips)
    one part."""
    out: list[list[TextLine]] = []
    avatared: set[int] = set()
    prev: tuple[TextLine, int] | None = None      # the line before and how many parts it held
    for line in card.lines:
        pieces = [p for p in (_strip_icons(p) for p in line_to_pieces(line, glyphs, s)) if p is not None]
        initials = {k for k, p in enumerate(pieces)
                    if any(_initials_of(p.text, o.text, s.initials_max) for o in pieces[max(0, k - 1):k + 2] if o is not p)}
        named = {id(o) for k in initials for o in pieces[max(0, k - 1):k + 2] if o is not pieces[k]}
        pieces = [p for k, p in enumerate(pieces) if k not in initials]
        if not pieces:
            continue
        merged: list[TextLine] = [pieces[0]]
        marked = [id(pieces[0]) in named]
        for p in pieces[1:]:
            last = merged[-1]
            if _style(p) == _style(last) and not _DIGIT.search(p.text) and not _DIGIT.search(last.text) \
                    and not (id(p) in named or marked[-1]):
                merged[-1] = TextLine(f"{last.text}, {p.text}", p.page, last.bbox.union(p.bbox), last.size, last.bold)
            else:
                merged.append(p)
                marked.append(id(p) in named)
        if prev is not None and prev[1] == 1 and len(merged) == 1 and _style(merged[0]) == _style(out[-1][-1]) \
                and abs(out[-1][-1].bbox.x0 - merged[0].bbox.x0) <= 2 \
                and merged[0].bbox.top - prev[0].bbox.bottom <= s.wrap_gap * max(merged[0].size, 1.0):
            out[-1].append(merged[0])
        else:
            avatared.update(len(out) + k for k, m in enumerate(marked) if m)
            out.extend([p] for p in merged)
        prev = (line, len(merged))
    return CardParts(tuple(tuple(p) for p in out), frozenset(avatared))


def pieces_to_slots(cards: Sequence[CardParts]) -> list[SlotKey]:
    """The board's slots, in the order the cards print them: a part is known by its style and
    how many parts of that style come before it in its card."""
    where: dict[SlotKey, list[int]] = {}
    for card in cards:
        seen: Counter = Counter()
        for k, part in enumerate(card.parts):
            st = _style(part[0])
            where.setdefault((st, seen[st]), []).append(k)
            seen[st] += 1
    return sorted(where, key=lambda key: (statistics.median(where[key]), key))


def _keys(pieces: Sequence[Sequence[TextLine]]) -> list[SlotKey]:
    """Each part's slot (pieces_to_slots)."""
    seen: Counter = Counter()
    out = []
    for part in pieces:
        st = _style(part[0])
        out.append((st, seen[st]))
        seen[st] += 1
    return out


def _printed_label(values: Sequence[str], min_repeats: int) -> str:
    """The opening words every value prints alike (no digit among them) with more after
    them in each: the part's label ("Due" of "Due 14 Mar 2026"); "" when there is none."""
    if len(values) < max(min_repeats, 3):
        return ""
    split = [v.split() for v in values]
    prefix: list[str] = []
    for words in zip(*split):
        if len(set(words)) != 1 or _DIGIT.search(words[0]):
            break
        prefix.append(words[0])
    if not prefix or not any(_LETTER.search(w) for w in prefix) or any(len(w) <= len(prefix) for w in split):
        return ""
    return " ".join(prefix)


def _cut_label(lines: Sequence[TextLine], label: str) -> list[TextLine]:
    if not label or not lines:
        return list(lines)
    first = lines[0]
    rest = first.text[len(label):].lstrip(" :")
    return [TextLine(rest, first.page, first.bbox, first.size, first.bold), *lines[1:]]


# ------------------------------------------------------------------ the board


@dataclass(frozen=True)
class Board:
    page: int
    columns: tuple[BoardColumn, ...]


def _reading_order(cards: Sequence[Card]) -> list[Card]:
    """Cards scattered in rows (stuck on by hand, each a little higher or lower): a card
    opens a new row when its top lies half a card's height or more below the row's first;
    each row left to right."""
    rows: list[list[Card]] = []
    for c in sorted(cards, key=lambda c: c.box.top):
        if rows and c.box.top - rows[-1][0].box.top < (rows[-1][0].box.bottom - rows[-1][0].box.top) / 2:
            rows[-1].append(c)
        else:
            rows.append([c])
    return [c for row in rows for c in sorted(row, key=lambda c: c.box.x0)]


def _frame_head(frame: BBox, cards: Sequence[Card], lines: Sequence[TextLine], glyphs: GlyphIndex,
                s: BoardSettings) -> TextLine | None:
    """The frame's title: the topmost line (its pieces within the frame: titles printed at one
    height run into one line across the frames) inside the frame above all its cards."""
    top = min(c.box.top for c in cards)
    out = []
    for l in lines:
        if not (frame.top <= l.bbox.top and l.bbox.bottom <= top + 0.5) or l.bbox.x1 < frame.x0 or l.bbox.x0 > frame.x1:
            continue
        mine = [p for p in line_to_pieces(l, glyphs, s) if _within(p.bbox, frame)]
        if mine:
            box = mine[0].bbox
            for p in mine[1:]:
                box = box.union(p.bbox)
            out.append(TextLine(" ".join(p.text for p in mine), l.page, box, mine[0].size, mine[0].bold))
    return min(out, key=lambda l: l.bbox.top) if out else None


def _question(card: Card) -> bool:
    """The card asks rather than does: its longest line's sentence ends in a question mark (a
    board's parking lot of questions for later)."""
    text = " ".join(l.text for l in card.lines if l.size >= max(x.size for x in card.lines))
    return text.rstrip().endswith("?")


def page_to_frames(page: PageContent, cards: Sequence[Card], boxes: Sequence[BBox], lines: Sequence[TextLine],
                   glyphs: GlyphIndex, s: BoardSettings) -> list[BoardColumn]:
    """A whiteboard's clusters: frames (boxes holding a title above their cards) each holding
    two cards or more, every card in its innermost frame, the
    frame's title over them; read frame by frame, each frame's cards in rows (_reading_order).
    A frame whose cards mostly ask questions (a parking lot) is none: its notes are no actions."""
    held: dict[int, list[Card]] = {}
    area = lambda b: b.width * (b.bottom - b.top)       # noqa: E731
    for c in cards:
        # a frame holds the card's centre (a note stuck on may hang over the frame's edge)
        # and is two cards large at least (it holds two or more: not the card's own shadow)
        cx, cy = (c.box.x0 + c.box.x1) / 2, (c.box.top + c.box.bottom) / 2
        around = [k for k, b in enumerate(boxes) if b.x0 <= cx <= b.x1 and b.top <= cy <= b.bottom
                  and area(b) >= 2 * area(c.box) and not any(_within(b, o.box) for o in cards)]
        if around:
            k = min(around, key=lambda k: boxes[k].width * (boxes[k].bottom - boxes[k].top))
            held.setdefault(k, []).append(c)
    out = []
    in_cards = {id(l) for c in cards for l in c.lines}
    free = [l for l in lines if id(l) not in in_cards]
    for k, mine in held.items():
        if len(mine) < 2 or sum(_question(c) for c in mine) * 2 >= len(mine):
            continue
        head = _frame_head(boxes[k], mine, free, glyphs, s)
        if head is None:
            continue
        out.append(BoardColumn(page.number, tuple(_reading_order(mine)), head, boxes[k]))
    return sorted(out, key=lambda col: (col.region.top, col.region.x0))


def page_to_board(page: PageContent, lines: Sequence[TextLine], config: ExtractConfig,
                  glyphs: GlyphIndex) -> Board | None:
    """The page's board: two or more lists of cards side by side, or two or more frames of
    cards under their titles (a whiteboard's clusters of sticky notes: page_to_frames),
    whichever holds more cards; the cards holding no recurring "Label:" fields (labelled
    blocks: the narrative strategy's). None otherwise."""
    s = config.board
    cards, boxes = page_to_cards(page, lines, config)
    if len(cards) < s.min_cards:
        return None
    columns = _side_by_side(cards_to_columns(cards, s), config.boxes.card_gap)
    if len(columns) < s.min_columns or max(len(c) for c in columns) < 2 \
            or sum(len(c) for c in columns) < s.min_cards or _grid(columns, s.align_tolerance):
        columns = []
    frames = page_to_frames(page, cards, boxes, lines, glyphs, s)
    if len(frames) < s.min_columns or sum(len(f.cards) for f in frames) < s.min_cards:
        frames = []
    if not columns and not frames:
        return None
    if sum(len(f.cards) for f in frames) > sum(len(c) for c in columns):
        board_cards = [c for f in frames for c in f.cards]
        if _labelled(board_cards, config):
            return None
        return Board(page.number, tuple(frames))
    board_cards = [c for col in columns for c in col]
    if _labelled(board_cards, config):
        return None
    in_cards = [l for c in board_cards for l in c.lines]
    free = [l for l in lines if l not in in_cards]
    reach = s.heading_reach * statistics.median(c.box.bottom - c.box.top for c in board_cards)
    heads = _headings(columns, free, reach, 4 * s.align_tolerance, glyphs, s)
    out = []
    for k, (col, head) in enumerate(zip(columns, heads)):
        others = [c.box for j, o in enumerate(columns) if j != k for c in o]
        out.append(BoardColumn(page.number, tuple(col), head, _panel(col, head, boxes, others)))
    return Board(page.number, tuple(out))


def _labelled(cards: Sequence[Card], config: ExtractConfig) -> bool:
    """The cards hold recurring "Label:" fields: labelled blocks, the narrative strategy's."""
    labels = Counter(label_key(found[0]) for c in cards for l in c.lines
                     if (found := lead_label(l, config)) and found[1])
    return bool(labels) and labels.most_common(1)[0][1] >= max(config.blocks.label_min_repeats, len(cards) / 2)


def _head_text(head: TextLine, glyphs: GlyphIndex, s: BoardSettings) -> TextLine | None:
    """The list's name: its heading's pieces that hold a letter (not its count of cards set
    apart), their words that hold a letter or digit (not its menu's dots)."""
    kept = [p for p in line_to_pieces(head, glyphs, s) if _LETTER.search(p.text)]
    words = [w for p in kept for w in p.text.split() if _ALNUM.search(w)]
    if not words:
        return None
    box = kept[0].bbox
    for p in kept[1:]:
        box = box.union(p.bbox)
    return TextLine(" ".join(words), head.page, box, kept[0].size, kept[0].bold)


def board_to_table(board: Board, glyphs: GlyphIndex, config: ExtractConfig, index: int) -> ExtractedTable | None:
    """One row per card, in reading order (list by list, each top to bottom): the
    list's heading (Part.GROUP), then one column per slot, the title (the slot with the
    most words) the lead. None when the cards do not repeat one structure (a title and
    another part in `part_min_share` of them)."""
    s = config.board
    order = [(col, card) for col in board.columns for card in col.cards]
    cards = [card_to_pieces(card, glyphs, s) for _, card in order]
    slots = pieces_to_slots(cards)
    filled: dict[SlotKey, list[Sequence[TextLine]]] = {k: [] for k in slots}
    avatars: Counter = Counter()
    rows_parts: list[dict[SlotKey, Sequence[TextLine]]] = []
    for card in cards:
        keys = _keys(card.parts)
        mine = dict(zip(keys, card.parts))
        rows_parts.append(mine)
        avatars.update(keys[k] for k in card.avatared)
        for key, part in mine.items():
            filled[key].append(part)
    n = len(order)
    words = {k: statistics.median(len(" ".join(l.text for l in p).split()) for p in v) for k, v in filled.items() if v}
    common = [k for k in slots if len(filled[k]) >= s.part_min_share * n]
    if len(common) < 2:
        return None
    lead = max(common, key=lambda k: (words[k], len(filled[k])))
    if len(filled[lead]) < n * max(s.part_min_share, 0.8):
        return None
    labels = {k: ("" if k == lead else _printed_label([" ".join(l.text for l in p) for p in filled[k]],
                                                       config.blocks.label_min_repeats)) for k in slots}
    # a word printed alike before each card's own number ("Action 3"): a kicker, the number its id
    numbered = {k for k in slots if labels[k] and all(_NUMBER.match(" ".join(l.text for l in _cut_label(p, labels[k])))
                                                      for p in filled[k])}
    heads = {id(col): (_head_text(col.head, glyphs, s) if col.head is not None else None) for col in board.columns}
    grouped = any(h is not None for h in heads.values())
    rows = [TableRow(RowKind.HEADER, tuple(make_cell([]) for _ in range(len(slots) + grouped)))]
    for (col, _), mine in zip(order, rows_parts):
        cells = [make_cell([heads[id(col)]] if heads[id(col)] is not None else [])] if grouped else []
        cells += [make_cell(_cut_label(mine.get(k, []), labels[k])) for k in slots]
        rows.append(TableRow(RowKind.BODY, tuple(cells)))
    # the part printed beside its initials (an avatar) on most cards holding it: the assignee
    named = {k for k in slots if k != lead and avatars[k] >= s.part_min_share * len(filled[k])}
    parts = ((Part.GROUP,) if grouped else ()) + tuple(
        Part.LEAD if k == lead else Part.MARKER if k in numbered else Part.PERSON if k in named and not labels[k]
        else Part.LABELLED for k in slots)
    header = (("",) if grouped else ()) + tuple("" if k in numbered else labels[k] for k in slots)
    quality = round(sum(len(filled[k]) for k in common) / (n * len(common)), 3)
    return ExtractedTable(index, header, tuple(rows), (board.page,), NAME, quality, structure=Structure.BLOCKS,
                          parts=parts)


class BoardStrategy:
    name = NAME

    def extract(self, pages: Sequence[PageContent], config: ExtractConfig, taken=(),
                boilerplate: set[tuple[int, int]] = frozenset()) -> StrategyResult:
        tables: list[ExtractedTable] = []
        regions: list[tuple[int, BBox]] = []
        glyphs = GlyphIndex(pages)
        for page in pages:
            skip = boxes_on(taken, page.number)
            lines = [l for i, l in enumerate(page.lines) if (page.number, i) not in boilerplate
                     and not inside_any((l.bbox.x0 + l.bbox.x1) / 2, (l.bbox.top + l.bbox.bottom) / 2, skip)]
            board = page_to_board(page, lines, config, glyphs)
            if board is None:
                continue
            table = board_to_table(board, glyphs, config, len(tables))
            if table is None:
                continue
            tables.append(table)
            regions.extend((page.number, col.region) for col in board.columns)
        return StrategyResult(tuple(tables), tuple(regions))
