"""Shared parts of the block strategies (narrative blocks, cards, list items): the text no
earlier strategy took, its typography, field labels found by repetition, and the wording
evidence that tells an action from other repeated text.

Nothing here knows a heading or label word. A label is a short span at the start of a line
(colon-terminated or set in bold) whose wording recurs across blocks; a heading is a short
line set bolder or larger than the body text; an action is told from a past achievement,
a glossary entry or a key by how it is worded (an imperative verb, future wording, an id),
never by the heading above it.
"""
from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass
from typing import NamedTuple, Sequence

from ..config import ExtractConfig
from ..lexicon import is_past_form, is_verb_base
from ..model import BBox, Cell, Fragment, TextLine
from ..pdf import PageContent
from ..vocabulary import INLINE_LABEL_CHARS, label_key, label_phrase
from .base import boxes_on, inside_any

# A label at the start of a line: up to a few words, then a colon ("Success Measure:",
# "Who leads:"). Its length is checked against blocks.label_max_words.
LEAD_LABEL = re.compile(r"^" + label_phrase() + r"\s*:\s*(?P<rest>.*)$")
# A label inside running text: after a sentence end or at the start, capitalised, then a colon.
INLINE_LABEL = re.compile(r"(?:(?<=^)|(?<=[.;,)!?]\s)|(?<=[.;,)!?]\s\s))" + label_phrase(INLINE_LABEL_CHARS, "{0,5}")
                          + r":(?:\s|$)")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
# A further label on a line of fields: a delimiter ("|", ";", "·", "•", "/") or a sentence's
# end, then a short capitalised phrase and a colon ("Lead: HR | Timescale: 2025", "Owner: HR ·
# Due: May", a paragraph of fields "Owner: HR. Deadline: May. Measure: ..."); the callers cut
# only at labels that recur, so a slash inside a value ("HR / OD") cuts nothing.
_PAIR_LABEL = label_phrase(more="{0,5}") + r"\s*:(?:\s+|$)"
_DELIMITED = re.compile(r"\s*[|;·•/]\s*" + _PAIR_LABEL)
FIELD_PAIR = re.compile(r"(?:\s*[|;·•/]\s*|(?<=[.!?])\s+)" + _PAIR_LABEL)
# the same where the text opens after a sentence's end (a wrapped paragraph of fields whose
# line before ended "... October 2025." and this one opens "Measure: ...")
_FIELD_PAIR_AFTER_END = re.compile(r"(?:\s*[|;·•/]\s*|(?<=[.!?])\s+|^\s*)" + _PAIR_LABEL)


_GAP_LABEL = re.compile(_PAIR_LABEL)


def field_pairs(rest: str, max_words: int, sentences: bool = True,
                after_sentence: bool = False, gaps: Sequence[int] = ()) -> list[tuple[int, int, str]]:
    """In the text after a line's opening label, the further labels that follow a delimiter
    or, with `sentences`, a sentence's end (also at the text's start when `after_sentence`:
    the line before ended one), or that open at one of `gaps` (offsets in `rest` where a
    column-wide gap on the page sets the text after it apart: a form's next label beside the
    box of the field before, "Lead: [HR] Target date: [May]"), as (start, end, label) spans:
    the separator and the label, cut from the values. Whether they are labels (they recur) is
    the caller's decision."""
    pattern = (_FIELD_PAIR_AFTER_END if after_sentence else FIELD_PAIR) if sentences else _DELIMITED
    out = [(m.start(), m.end(), " ".join(m.group("label").split())) for m in pattern.finditer(rest)
           if len(m.group("label").split()) <= max_words]
    for g in gaps:
        m = _GAP_LABEL.match(rest, g)
        # a label's words are set together: no column-wide gap falls inside one. Right after
        # the opening label's own gap the text is its value ("Owner   Action owner: HR"), unless
        # it is a label standing alone there, its box empty ("Lead:   Target date:   May")
        if m and len(m.group("label").split()) <= max_words and not any(g < h < m.end() for h in gaps) \
                and (g > 0 or m.end() in gaps or m.end() >= len(rest)) \
                and not any(a <= g < b for a, b, _ in out):
            out.append((g, m.end(), " ".join(m.group("label").split())))
    return sorted(out)


def gap_pieces(line: TextLine, glyphs: "GlyphIndex | None", offsets: Sequence[int]) -> tuple[tuple[float, float, str], ...]:
    """The line cut at `offsets` (gap_offsets) into the texts printed apart, each as (left,
    right, text): a form's labels set side by side, or the values in boxes under them. The
    whole line as one piece when there is no gap to cut at."""
    whole = ((line.bbox.x0, line.bbox.x1, line.text),)
    if not offsets or glyphs is None:
        return whole
    chars = glyphs.chars_of(line)
    at = [k for k, ch in enumerate(line.text) if not ch.isspace()]
    if len(chars) != len(at):
        return whole
    index = {k: i for i, k in enumerate(at)}
    cuts = [0, *offsets, len(line.text)]
    out = []
    for a, b in zip(cuts, cuts[1:]):
        mine = [chars[index[k]] for k in range(a, b) if k in index]
        if mine:
            out.append((mine[0]["x0"], mine[-1]["x1"], line.text[a:b].strip()))
    return tuple(out)


def gap_offsets(line: TextLine, glyphs: "GlyphIndex | None", gutter: float) -> tuple[int, ...]:
    """The offsets in `line.text` of the glyphs that follow a gap wider than `gutter` times
    the line's font size (a column-wide gap: the text after it printed in a column or box of
    its own). Empty when the glyphs do not spell the line's text one for one."""
    if glyphs is None:
        return ()
    chars = glyphs.chars_of(line)
    at = [k for k, ch in enumerate(line.text) if not ch.isspace()]
    if len(chars) != len(at) or any(c["text"] != line.text[k] for c, k in zip(chars, at)):
        return ()
    width = gutter * max(line.size, 1.0)
    return tuple(at[i + 1] for i, (a, b) in enumerate(zip(chars, chars[1:])) if b["x0"] - a["x1"] > width)


class BoxField(NamedTuple):
    """A form's field: its label printed beside (left of) a box, and the lines in the box (its
    value; none for a box left blank)."""
    label: TextLine
    value: tuple[TextLine, ...]
    box: BBox


class FieldRow(NamedTuple):
    """The fields set side by side on one row of a form ("Lead [HR]  Deadline [May]"), read
    as one line: `line` stands for the label and value lines it was printed as."""
    line: TextLine
    fields: tuple[BoxField, ...]


def _box_of(x: float, y: float, boxes: Sequence[BBox]) -> BBox | None:
    inner = [b for b in boxes if b.x0 <= x <= b.x1 and b.top <= y <= b.bottom]
    return min(inner, key=lambda b: b.width * (b.bottom - b.top)) if inner else None


def _line_pieces(line: TextLine, glyphs: GlyphIndex, boxes: Sequence[BBox]
                 ) -> list[tuple[BBox | None, TextLine]] | None:
    """The line cut where its glyphs pass from one box to another or out of them (and where a
    box stands between two glyphs outside it): each piece with the box it lies in (None: in
    none), as a line of its own. None when the glyphs do not spell the line's text."""
    at = [k for k, ch in enumerate(line.text) if not ch.isspace()]
    near = glyphs.chars_of(line)
    # a line set a few points off another (a label beside its value's box) may catch some of
    # that line's glyphs: then only the glyphs level with the line's top or its foot are its own
    for chars in (near, [c for c in near if abs(c["top"] - line.bbox.top) <= 1.0],
                  [c for c in near if abs(c["bottom"] - line.bbox.bottom) <= 1.0]):
        if chars and len(chars) == len(at) and all(c["text"] == line.text[k] for c, k in zip(chars, at)):
            break
    else:
        return None
    where = [_box_of((c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2, boxes) for c in chars]
    cuts = [0]
    for i in range(1, len(chars)):
        a, b = chars[i - 1], chars[i]
        between = any(a["x1"] <= o.x0 and o.x1 <= b["x0"] and o.top < line.bbox.bottom and line.bbox.top < o.bottom
                      for o in boxes)
        if where[i] != where[i - 1] or between:
            cuts.append(i)
    cuts.append(len(chars))
    out = []
    for i, j in zip(cuts, cuts[1:]):
        mine = chars[i:j]
        text = line.text[at[i]:at[j - 1] + 1].strip()
        out.append((where[i], TextLine(text, line.page, BBox(min(c["x0"] for c in mine), min(c["top"] for c in mine),
                                                             max(c["x1"] for c in mine),
                                                             max(c["bottom"] for c in mine)), line.size, line.bold)))
    return out


def fields_beside_boxes(lines: Sequence[TextLine], boxes: dict[int, list[BBox]], glyphs: GlyphIndex | None,
                        config: ExtractConfig) -> tuple[list[TextLine], dict[int, FieldRow]]:
    """A filled form's fields: a label printed left of a box that holds its value, on the box's
    first row (level with its first line of text, whose baseline may sit a few points off the
    label's: the value is drawn by the box, the label by the page), nothing but space between
    them. A box with no text beside its label is a field left blank. Only labels whose wording
    recurs (blocks.label_min_repeats: the same fields in every block of the form) and only
    lines made of nothing but such labels and values count; a row of fields side by side
    becomes one line, standing where its first line stood.

    The lines with each row of fields as one line, and the rows by their index there."""
    s = config.blocks
    if glyphs is None or not boxes:
        return list(lines), {}
    pieces: dict[int, list[tuple[BBox | None, TextLine]]] = {}
    for k, line in enumerate(lines):
        on = boxes.get(line.page, [])
        if on and (cut := _line_pieces(line, glyphs, on)) is not None:
            pieces[k] = cut
    # each box's value: the pieces inside it, top to bottom; each label: a piece in no box
    inside: dict[tuple[int, BBox], list[tuple[int, TextLine]]] = {}
    outside: list[tuple[int, TextLine]] = []
    for k, cut in pieces.items():
        for box, piece in cut:
            if box is None:
                outside.append((k, piece))
            else:
                inside.setdefault((piece.page, box), []).append((k, piece))
    fields: list[tuple[int, tuple[int, ...], BoxField]] = []     # (label's line, value lines, field)
    taken: set[int] = set()
    for page in sorted({l.page for l in lines}):
        on = boxes.get(page, [])
        for box in sorted(on, key=lambda b: (b.top, b.x0)):
            value = sorted(inside.get((page, box), []), key=lambda kp: (kp[1].bbox.top, kp[1].bbox.x0))
            first = value[0][1] if value else None
            near = None
            for i, (k, lab) in enumerate(outside):
                cy = (lab.bbox.top + lab.bbox.bottom) / 2
                if i in taken or lab.page != page or lab.bbox.x1 > box.x0 + 1 or not box.top <= cy <= box.bottom:
                    continue
                if first is not None and abs(lab.bbox.bottom - first.bbox.bottom) > max(lab.size, first.size):
                    continue        # not level with the value's first line
                if any(lab.bbox.x1 <= o.x0 and o.x1 <= box.x0 and o.top < lab.bbox.bottom and lab.bbox.top < o.bottom
                       for o in on if o != box):
                    continue        # another box stands between
                if not re.search(r"[A-Za-z]{2}", lab.text) or len(lab.text.split()) > s.label_max_words:
                    continue
                if near is None or lab.bbox.x1 > outside[near][1].bbox.x1:
                    near = i
            if near is None:
                continue
            taken.add(near)
            k, lab = outside[near]
            fields.append((k, tuple(dict.fromkeys(kk for kk, _ in value)), BoxField(lab, tuple(p for _, p in value), box)))
    keys = recurring([label_key(f.label.text) for _, _, f in fields], s.label_min_repeats)
    fields = [f for f in fields if label_key(f[2].label.text) in keys]
    # a line counts only when every piece of it is a field's label or value
    while True:
        whole = {k for k in pieces if _covered(k, pieces[k], fields)}
        kept = [f for f in fields if f[0] in whole and all(v in whole for v in f[1])]
        if len(kept) == len(fields):
            break
        fields = kept
    if not fields:
        return list(lines), {}
    # rows: fields whose boxes share a height, left to right
    rows: list[list[tuple[int, tuple[int, ...], BoxField]]] = []
    for f in sorted(fields, key=lambda f: (f[2].box.top, f[2].box.x0)):
        row = next((r for r in rows if r[0][2].label.page == f[2].label.page
                    and f[2].box.top < r[0][2].box.bottom and r[0][2].box.top < f[2].box.bottom), None)
        if row is None:
            rows.append([f])
        else:
            row.append(f)
    out: list[TextLine] = []
    index: dict[int, FieldRow] = {}
    start: dict[int, list[tuple[int, tuple[int, ...], BoxField]]] = {}
    gone: set[int] = set()
    for row in rows:
        row.sort(key=lambda f: f[2].box.x0)
        mine = {k for k, vs, _ in row} | {v for _, vs, _ in row for v in vs}
        gone |= mine
        start.setdefault(min(mine), []).extend(row)
    for k, line in enumerate(lines):
        if k in start:
            row = start[k]
            labels = [f.label for _, _, f in row]
            box = labels[0].bbox
            for l in labels[1:] + [v for _, _, f in row for v in f.value]:
                box = box.union(l.bbox)
            text = " ".join(f.label.text + (" " + " ".join(v.text for v in f.value) if f.value else "")
                            for _, _, f in row)
            index[len(out)] = FieldRow(TextLine(text, labels[0].page, box, labels[0].size, labels[0].bold),
                                       tuple(f for _, _, f in row))
            out.append(index[len(out)].line)
        elif k not in gone:
            out.append(line)
    return out, index


def _covered(k: int, cut: Sequence[tuple[BBox | None, TextLine]], fields) -> bool:
    """Every piece of line `k` is one of the fields' labels or lies in one of their boxes."""
    labels = {id(f.label) for kk, _, f in fields if kk == k}
    boxes = {f.box for _, vs, f in fields if k in vs}
    return all((box is None and id(p) in labels) or (box is not None and box in boxes) for box, p in cut)


def free_lines(pages: Sequence[PageContent], taken, boilerplate) -> list[TextLine]:
    """Lines in reading order that no earlier strategy took and that are not running
    headers or footers."""
    out = []
    for p in pages:
        boxes = boxes_on(taken, p.number)
        for i, line in enumerate(p.lines):
            if (p.number, i) in boilerplate:
                continue
            cx, cy = (line.bbox.x0 + line.bbox.x1) / 2, (line.bbox.top + line.bbox.bottom) / 2
            if inside_any(cx, cy, boxes):
                continue
            out.append(line)
    return out


def make_cell(lines: Sequence[TextLine]) -> Cell:
    frags: dict[int, BBox] = {}
    for l in lines:
        frags[l.page] = frags[l.page].union(l.bbox) if l.page in frags else l.bbox
    return Cell(tuple(lines), tuple(Fragment(p, b) for p, b in sorted(frags.items())))


class BodyStyle(NamedTuple):
    size: float
    bold: bool        # a page set all in bold: bold then marks nothing


def body_size(lines: Sequence[TextLine]) -> BodyStyle:
    """The size (and weight) most of the text is set in (weighted by characters)."""
    if not lines:
        return BodyStyle(0.0, False)
    weights = Counter()
    bold = 0
    for l in lines:
        weights[round(l.size * 2) / 2] += len(l.text)
        bold += len(l.text) if l.bold else 0
    bucket = weights.most_common(1)[0][0]
    exact = statistics.median(l.size for l in lines if round(l.size * 2) / 2 == bucket)
    return BodyStyle(exact, bold > 0.6 * sum(weights.values()))


def style(line: TextLine) -> tuple[float, bool]:
    return (round(line.size * 2) / 2, line.bold)


def is_heading_like(line: TextLine, body: BodyStyle, config: ExtractConfig) -> bool:
    s = config.blocks
    words = len(line.text.split())
    larger = line.size >= body.size * s.heading_min_size_ratio - 0.01
    # a line set larger than the body may run longer (a long objective wrapped over two lines
    # fills the first); one set only in bold must be short, else it is a bold sentence
    return (words <= s.heading_max_words and (line.bold and not body.bold or larger)) \
        or (larger and words <= s.heading_max_words * s.larger_heading_words_factor)


def lead_label(line: TextLine, config: ExtractConfig) -> tuple[str, str] | None:
    """("Who leads", "HR Partner") for "Who leads: HR Partner"; None when the line does not
    open with a short colon-terminated phrase."""
    m = LEAD_LABEL.match(line.text)
    if not m or len(m.group("label").split()) > config.blocks.label_max_words:
        return None
    return m.group("label").strip(), m.group("rest").strip()


def starts_paragraph(prev: TextLine | None, line: TextLine, right: float, margin: float = 1.15) -> bool:
    """The line opens a paragraph: first on its page or after a heading-sized gap, at
    another indent, or after a line that stopped short (the line's first word would have
    fitted on it: a hard break, not a wrap)."""
    if prev is None or prev.page != line.page:
        return True
    if line.bbox.top - prev.bbox.bottom > 0.3 * max(line.size, 1.0) or abs(line.bbox.x0 - prev.bbox.x0) > 4:
        return True
    return first_word_fits(prev, line, right, margin)


def first_word_fits(prev: TextLine, line: TextLine, right: float, margin: float) -> bool:
    """`line`'s first word (and a space) would have fitted after `prev` before `right`: its
    width estimated from the line's mean advance times `margin`."""
    first = line.text.split()[0] if line.text.split() else ""
    per_char = (line.bbox.x1 - line.bbox.x0) / max(len(line.text), 1)
    return prev.bbox.x1 + (len(first) + 1) * per_char * margin < right - 2


def right_edges(lines: Sequence[TextLine]) -> dict[tuple[int, int], float]:
    """The right edge of each (page, left edge) column of text: the widest line's end."""
    out: dict[tuple[int, int], float] = {}
    for l in lines:
        k = (l.page, round(l.bbox.x0 / 4))
        out[k] = max(out.get(k, 0.0), l.bbox.x1)
    return out


class GlyphIndex:
    """The glyphs of each page, to read a line's typography span by span (a bold label
    before regular text on one line)."""

    def __init__(self, pages: Sequence[PageContent]):
        self._by_page = {p.number: sorted((c for c in p.chars if c["text"].strip()), key=lambda c: c["top"])
                         for p in pages}
        self._tops = {n: [c["top"] for c in cs] for n, cs in self._by_page.items()}

    def chars_of(self, line: TextLine) -> list[dict]:
        import bisect
        cs, tops = self._by_page.get(line.page, []), self._tops.get(line.page, [])
        lo = bisect.bisect_left(tops, line.bbox.top - 1.0)
        hi = bisect.bisect_right(tops, line.bbox.top + 1.0 + 0.5 * line.size)
        inside = [c for c in cs[lo:hi] if line.bbox.x0 - 0.5 <= (c["x0"] + c["x1"]) / 2 <= line.bbox.x1 + 0.5
                  and line.bbox.top - 1.0 <= (c["top"] + c["bottom"]) / 2 <= line.bbox.bottom + 1.0]
        # glyphs read in different frames (sticky notes overlapping, each straightened in its
        # own: text.straighten's `tilt_box`): the line is read from the frames that spell it
        frames: dict[object, list[dict]] = {}
        for c in inside:
            frames.setdefault(c.get("tilt_box"), []).append(c)
        if len(frames) > 1:
            compact = line.text.replace(" ", "")
            spelt = [g for g in frames.values() if "".join(c["text"] for c in sorted(g, key=lambda c: c["x0"])) in compact]
            if spelt:
                inside = [c for g in spelt for c in g]
        return sorted(inside, key=lambda c: c["x0"])


def _bold_run(line: TextLine, glyphs: GlyphIndex | None) -> tuple[list[dict], int] | None:
    """(the line's glyphs, how many open it in bold) for a line opening with a bold run of at
    least two glyphs that regular type follows; None otherwise."""
    if glyphs is None:
        return None
    chars = glyphs.chars_of(line)
    if len(chars) < 3 or not chars[0].get("bold"):
        return None
    n = 0
    while n < len(chars) and chars[n].get("bold"):
        n += 1
    return None if n == len(chars) or n < 2 else (chars, n)


def bold_prefix(line: TextLine, glyphs: GlyphIndex | None, config: ExtractConfig) -> tuple[str, str] | None:
    """("Lead", "HR Partner") for a line that opens with a short bold run followed by
    regular text ("**Lead** HR Partner", "**Target date:** Ongoing"); None otherwise."""
    run = _bold_run(line, glyphs)
    if run is None:
        return None
    chars, n = run
    words = line.text.split()
    # the run's words: count the words whose first glyph lies inside the bold run
    x_end = chars[n - 1]["x1"]
    k, acc = 0, []
    for w in words:
        acc.append(w)
        k += 1
        if len(" ".join(acc).replace(" ", "")) >= n:
            break
    label = " ".join(words[:k]).rstrip(":").strip()
    rest = " ".join(words[k:]).lstrip(":").strip()
    if not label or not rest or len(label.split()) > config.blocks.label_max_words or x_end >= line.bbox.x1:
        return None
    return label, rest


def run_in_title(line: TextLine, glyphs: GlyphIndex | None) -> str | None:
    """"Action 3 - A stronger online presence." for a line that opens with a bold run of
    whole words closed as a sentence is (".", "!", "?") and goes on in regular type on the
    same line ("**Planning ahead.** We will produce a ..."): a run-in title, the opening of
    a paragraph that names it. A bold run closed by a colon is a field's label
    (bold_prefix); None otherwise."""
    run = _bold_run(line, glyphs)
    if run is None or run[0][run[1] - 1]["text"] not in ".!?":
        return None
    n = run[1]
    words, k, acc = line.text.split(), 0, 0
    while k < len(words) and acc < n:
        acc += len(words[k])
        k += 1
    if acc != n or k >= len(words) or len(words[:k]) < 2:
        return None          # the bold run ends inside a word, or the line holds nothing after it
    return " ".join(words[:k])


def gap_prefix(line: TextLine, glyphs: GlyphIndex | None, config: ExtractConfig) -> tuple[str, str] | None:
    """("Who leads this", "TCSG / HR") for a line whose opening phrase stands apart from the
    rest by a column-wide gap (a label column beside a value column); None otherwise."""
    if glyphs is None:
        return None
    chars = glyphs.chars_of(line)
    if len(chars) < 3:
        return None
    words = 1
    for a, b in zip(chars, chars[1:]):
        gap = b["x0"] - a["x1"]
        if gap > 1.5 * max(a["size"], 1.0):
            label_len = len("".join(c["text"] for c in chars[:chars.index(b)]))
            acc, k = 0, 0
            for w in line.text.split():
                if acc >= label_len:
                    break
                acc += len(w)
                k += 1
            label, rest = " ".join(line.text.split()[:k]).rstrip(":"), " ".join(line.text.split()[k:])
            # a list marker before a hanging indent ("1.", "a)", "•") is no label
            if label and rest and len(label.split()) <= config.blocks.label_max_words \
                    and re.search(r"[A-Za-z]{2}", label):
                return label, rest
            return None
        if gap > 0.2 * max(a["size"], 1.0) or b.get("space_before"):
            words += 1
            if words > config.blocks.label_max_words:
                return None
    return None


def recurring(keys: Sequence[str], min_repeats: int) -> set[str]:
    return {k for k, n in Counter(keys).items() if n >= min_repeats and k}


# ------------------------------------------------------------------ wording evidence


def words_of(text: str) -> list[str]:
    return _WORD.findall(text)


@dataclass(frozen=True)
class Wording:
    imperative: bool     # opens with a verb's base form ("Publish", "Create")
    future: bool         # future or intended wording ("will", "to be") early on
    past: bool           # opens with a past form ("Launched", "We held")
    definition: bool     # "Term: what it means" / "Term - what it means"


def _imperative(ws: Sequence[str]) -> bool:
    """Opens with a verb's base form ("Publish ...") or "to" and one ("To review ...")."""
    if not ws:
        return False
    return is_verb_base(ws[0]) or (ws[0].lower() == "to" and len(ws) > 1 and is_verb_base(ws[1]))


def wording(text: str, config: ExtractConfig) -> Wording:
    text = re.sub(r"^\s*(?:[\(\[]?[A-Za-z]{0,3}\d+(?:\.\d+)*[A-Za-z]?[\)\].:]?|[\(]?[a-z][\).])\s+", "", text)
    ws = words_of(text)
    if not ws:
        return Wording(False, False, False, False)
    first = ws[0]
    second = ws[1] if len(ws) > 1 else ""
    imperative = _imperative(ws)
    fronted = False
    if not imperative:
        # a clause fronted before the statement ("If required, consider ...", "Once funds are
        # secured, to develop ..."): the statement's own wording starts after its comma
        clause = re.match(r"^[^,.;:!?]{2,80},\s+(?P<rest>.+)$", text)
        fronted = bool(clause) and first.lower() in config.blocks.fronted_clause_openers \
            and _imperative(words_of(clause.group("rest")))
        imperative = fronted
    head = " " + " ".join(w.lower() for w in ws[:12]) + " "
    future = any(f" {m} " in head for m in config.blocks.future_markers)
    past = not fronted and (is_past_form(first) or (not is_verb_base(first) and is_past_form(second)
                                                    and first[0].isupper() and not imperative))
    # "Term: what it means" / "Term - what it means": a short opening then a colon or dash
    term = re.match(r"^\s*([^:–—.]{1,40}?)\s*(?::|\s[–—-]\s)\s*\S", text)
    definition = bool(term) and len(term.group(1).split()) <= 3
    if definition:
        imperative = False
    return Wording(imperative, future, past and not future, definition)


def reads_as_action(text: str, has_id: bool, config: ExtractConfig, fields: bool = False) -> float:
    """Evidence that a block or item states an action, -1..1: an imperative or future
    wording, an id, or fields under labels that recur across items ("Lead:", "By:") for; a
    past form or a definition against."""
    w = wording(text, config)
    score = 0.0
    if w.imperative or w.future:
        score += 1.0
    if has_id or fields:
        score += 0.5
    if w.past:
        score -= 1.0
    if w.definition and not (w.imperative or w.future):
        score -= 0.5
    return max(-1.0, min(1.0, score))


def statement_median(values: Sequence[float]) -> float:
    return statistics.mean(values) if values else 0.0


def mark_left_of(line: TextLine, marks: Sequence[BBox], reach: float, max_size: float) -> BBox | None:
    """The bullet shape just left of the line (its right edge within `reach` of the text),
    level with it and no taller than `max_size` of its font size (a poster's icon discs are
    large, but in scale with its large type; a logo beside a line is no bullet)."""
    cy = (line.bbox.top + line.bbox.bottom) / 2
    for m in marks:
        if line.bbox.x0 - reach <= m.x1 and m.x0 < line.bbox.x0 and m.top - line.size * 0.5 <= cy <= m.bottom + line.size * 0.5 \
                and m.bottom - m.top <= max_size * line.size:
            return m
    return None


def bullet_marks(marks: Sequence[BBox], alone_max: float) -> list[BBox]:
    """The shapes that may be bullets: small ones (a disc or square up to `alone_max` points),
    and larger ones (a poster's icon discs) only where another of their size stands in line
    with them on the page: a list's marks repeat down its left edge, an icon beside a banner
    or a logo stands alone."""
    out = []
    for m in marks:
        h = m.bottom - m.top
        if h <= alone_max or any(o is not m and abs(o.x0 - m.x0) <= 2 and abs((o.bottom - o.top) - h) <= 0.2 * h
                                 for o in marks):
            out.append(m)
    return out


def _rank(line: TextLine) -> tuple[float, bool]:
    return (round(line.size * 2) / 2, line.bold)


def upper_headings(headings: Sequence[TextLine], with_items: set[int], min_uppers: int) -> dict[int, int]:
    """Two heading levels over the items (a pillar over its objectives): a heading with no
    items of its own, set above (larger, or as large and bolder than) the headings after it
    that have items, is their section, and theirs is the items' aim. By heading index: the
    upper heading of each lower one. Ranked by typography, never by words. The upper level
    must recur (min_uppers such headings): one heading over everything is the plan's title."""
    out: dict[int, int] = {}
    upper: int | None = None
    for k, h in enumerate(headings):
        if k not in with_items:
            upper = k
        elif upper is not None and _rank(headings[upper]) > _rank(h) \
                and (headings[upper].page, headings[upper].bbox.top) <= (h.page, h.bbox.top):
            out[k] = upper
        else:
            upper = None        # a heading with items at the upper level (or above it) ends its reach
    return out if len(set(out.values())) >= min_uppers else {}
