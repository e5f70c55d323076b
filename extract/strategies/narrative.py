"""Repeated labelled blocks: Word narratives ("Action 7" or a bold title, then labelled
paragraphs), web-printed action cards (a bordered box with a title, a description and
labelled fields), objectives with their fields.

Chain: lines_to_labels -> choose_opener -> lines_to_blocks -> blocks_to_table.

No heading or label word is known in advance. Field labels are short line openings
(colon-terminated, or a short bold line) whose wording recurs across the document. A block
opens at a heading-like line (bold or larger than the body) of one style; the style chosen
is the one whose blocks each hold the recurring labels once (a style whose blocks hold the
same label twice groups several blocks: a section heading). A card's box, when there is
one, also ends its block. The blocks are kept only if their statements read as actions
(blocks.reads_as_action), so a page of staff profiles or a glossary gives no rows. A filled
form's fields (a label printed beside the box holding its value: blocks.fields_beside_boxes)
are labelled lines like any other; a form's block left blank gives no row.

Each block becomes one row of a table whose header is the labels as printed, so blocks and
tables reach the normalise stage in one shape. The block's id, title and first paragraph
carry no printed label: their columns have a blank header and say which part of the block
they hold (model.Part: marker, lead, body); normalise decides what role each plays.
"""
from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Sequence

from ..config import ExtractConfig
from ..model import BBox, ExtractedTable, Part, RowKind, Structure, TableRow, TextLine
from ..pdf import PageContent
from ..text import label_key
from ..wrap import join_lines
from .base import StrategyResult, inside
from .ruled import framing_boxes
from .blocks import (INLINE_LABEL, LEAD_LABEL, BodyStyle, FieldRow, GlyphIndex, body_size, bold_prefix, field_pairs,
                     fields_beside_boxes, gap_offsets, gap_pieces, gap_prefix, free_lines,
                     is_heading_like, lead_label, make_cell, reads_as_action, recurring, right_edges, run_in_title,
                     starts_paragraph, style, upper_headings)

NAME = "narrative"
# A block's fields: the text under each printed label, and its unlabelled parts, keyed
# (part, printed label or "") so a printed label never collides with a part.
FieldKey = tuple[Part, str]
ID_KEY: FieldKey = (Part.MARKER, "")
LEAD_KEY: FieldKey = (Part.LEAD, "")
BODY_KEY: FieldKey = (Part.BODY, "")
TITLE_KEY: FieldKey = (Part.TITLE, "")


def label_field(label: str) -> FieldKey:
    return (Part.LABELLED, label)

# a block's id printed on its own short line above the heading ("ACTION 4", "Priority 2")
KICKER = re.compile(r"^[A-Za-z]{2,15}\s+\d{1,3}[A-Za-z]?$")

# a section heading's number before its title: "1. Visibility", "2) Careers", "3.1 Growing"
_SECTION_NUMBER = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2})*)[.)]?\s+(?P<rest>\S.*)$")

# a quotation's marks: a large line opening with one starts a pull quote, one closing with one ends it
_OPEN_QUOTES = ("“", '"', "‘")
_CLOSE_QUOTES = ("”", '"', "’")

# kept for the numbered-list strategy and older imports
_free_lines = free_lines
_cell = make_cell


@dataclass
class Block:
    fields: dict[FieldKey, list[TextLine]] = field(default_factory=dict)
    has_id: bool = False
    labelled: bool = False          # holds a recurring field label
    section: tuple[TextLine, ...] = ()   # the larger heading it sits under, if any
    upper: tuple[TextLine, ...] = ()     # a heading a level above that (a pillar over objectives)

    def text(self, key: FieldKey) -> str:
        return " ".join(l.text for l in self.fields.get(key, []))

    @property
    def blank(self) -> bool:
        """Nothing but its id or title filled in: a form's block left unused, its labels
        printed with nothing beside them."""
        return not any(l.text.strip() for k, v in self.fields.items() if k not in (ID_KEY, TITLE_KEY) for l in v)


@dataclass(frozen=True)
class LineFacts:
    line: TextLine
    heading: bool                  # bold or larger than the body, short
    label: str | None              # the printed label this line opens with (recurring only)
    rest: str                      # the text after the label (up to a further label on the line)
    # further fields on the same line after a delimiter ("Lead: HR | Timescale: 2025"): (label, value)
    more: tuple[tuple[str, str], ...] = ()
    # the line's texts printed apart by column-wide gaps, (left, right, text) (blocks.gap_pieces)
    pieces: tuple[tuple[float, float, str], ...] = ()
    # where each field's label starts on a line of fields set apart ("Lead:   Target date:")
    starts: tuple[float, ...] = ()


def lines_to_labels(lines: Sequence[TextLine], config: ExtractConfig,
                    glyphs: GlyphIndex | None = None, rows: dict[int, FieldRow] | None = None) -> list[LineFacts]:
    """Each line's typography and, where it opens with one, its field label. A label is a
    colon-terminated opening or a short heading-like line whose wording recurs. `rows`: the
    lines that are a form's row of fields (blocks.fields_beside_boxes), by index."""
    return _facts(lines, body_size(lines), config, glyphs, rows)


def field_body(facts: Sequence[LineFacts]) -> BodyStyle | None:
    """The style of the lines that open with a recurring label, where those are set regular
    while most of the text is bold. Cards whose statement is a bold title over short fields
    ("Owner: HR") are mostly title by length, so the title looks like the body and nothing
    like a heading; but bold marks nothing only when the fields are bold too. Then the field
    lines are the body and the bold lines over them headings."""
    labelled = [f.line for f in facts if f.label and f.rest]
    regular = [l for l in labelled if not l.bold]
    if len(regular) < 2 or len(regular) <= len(labelled) / 2:
        return None
    return BodyStyle(statistics.median(l.size for l in regular), False)


def _facts(lines: Sequence[TextLine], body: BodyStyle, config: ExtractConfig,
           glyphs: GlyphIndex | None, rows: dict[int, FieldRow] | None = None) -> list[LineFacts]:
    s = config.blocks
    rows = rows or {}
    cands, rec = _label_candidates(lines, body, config, glyphs, rows)
    # a short "word number" line whose word recurs with other numbers ("ACTION 1", "ACTION 2")
    # heads a block however it is set (often smaller than the text: a kicker above the title)
    kickers: dict[str, set[str]] = {}
    for line in lines:
        if KICKER.match(line.text.strip()):
            word, number = line.text.split()
            kickers.setdefault(word.lower(), set()).add(number)
    kicker_words = {w for w, ns in kickers.items() if len(ns) >= max(s.min_blocks, s.label_min_repeats)}
    # a line of fields: after its opening label, further labels behind a delimiter, each
    # recurring across such lines (under every block), split it into fields
    # Behind a sentence's end ("Owner: HR. Deadline: May.") only in a paragraph a label opens:
    # a statement followed by inline labels ("Offer support. Timescale: May. Owner: HR."), even
    # one whose label wrapped to a line's start, is a list item with its fields (the list
    # strategy's), no line of fields
    rights = right_edges(lines)
    gaps = [gap_offsets(line, glyphs, config.boxes.gutter) for line in lines]
    opens_para = [prev is None or style(prev) != style(line)
                  or starts_paragraph(prev, line, rights[(line.page, round(line.bbox.x0 / 4))], s.fit_word_margin)
                  for prev, line in zip([None, *lines], lines)]
    pairs = [field_pairs(c[2], s.label_max_words, sentences=o, gaps=_gaps_in(c[2], line, g))
             if c and c[0] in rec and c[2] else [] for line, c, o, g in zip(lines, cands, opens_para, gaps)]
    # a line of fields wraps: its further labels may fall on a line that opens with none
    # (" ...by July 2026; Indicator: ..."); those count too, and cut such a line the same way
    # (behind a sentence's end, "... October 2025. / Measure: ...", in a paragraph a label opened)
    runs: list[list[tuple[int, int, str]]] = []
    in_fields, prev = False, None
    for line, c, o, g in zip(lines, cands, opens_para, gaps):
        if c and c[0] in rec:
            runs.append([])
            in_fields = o or (in_fields and prev is not None)
        else:
            in_fields = in_fields and not o
            runs.append(field_pairs(" " + line.text, s.label_max_words, sentences=in_fields,
                                    after_sentence=in_fields and _ends_sentence(prev, line),
                                    gaps=[k + 1 for k in g]))
        prev = line
    more_keys = recurring([label_key(lab) for ps in pairs + runs for _, _, lab in ps], s.label_min_repeats)
    # a label that recurs further along lines of fields also opens a line of them where it
    # comes first (the row that has no value for the first field: "Indicator: ...; Owner: ...")
    rec = rec | {c[0] for c in cands if c and c[2] and c[0] in more_keys}
    facts = []
    for k, (line, c, ps, rs, o, g) in enumerate(zip(lines, cands, pairs, runs, opens_para, gaps)):
        if k in rows:           # a form's row of fields: its labels and values as the boxes set them
            values = [join_lines(v.text for v in f.value) for f in rows[k].fields]
            labels = [f.label.text for f in rows[k].fields]
            facts.append(LineFacts(line, False, labels[0], values[0], tuple(zip(labels[1:], values[1:]))))
            continue
        if c and c[0] in rec and not ps and c[2]:
            ps = field_pairs(c[2], s.label_max_words, sentences=o, gaps=_gaps_in(c[2], line, g))
        heading = is_heading_like(line, body, config) and not (c and c[2] and c[0] in rec)
        if KICKER.match(line.text.strip()) and line.text.split()[0].lower() in kicker_words:
            heading, c = True, None
        pieces = gap_pieces(line, glyphs, g)
        if c and c[0] in rec:
            cuts = [p for p in ps if label_key(p[2]) in more_keys]
            ends = [a for a, _, _ in cuts] + [len(c[2])]
            more = tuple((lab, _value(c[2], b, e)) for (_, b, lab), e in zip(cuts, ends[1:]))
            facts.append(LineFacts(line, heading, c[1], _value(c[2], 0, ends[0]), more, pieces,
                                   _label_starts(pieces, [c[1]] + [lab for lab, _ in more])))
        elif cuts := [p for p in rs if label_key(p[2]) in more_keys]:
            text = " " + line.text
            ends = [a for a, _, _ in cuts] + [len(text)]
            more = tuple((lab, _value(text, b, e)) for (_, b, lab), e in zip(cuts, ends[1:]))
            facts.append(LineFacts(line, heading, None, _value(text, 0, ends[0]), more, pieces))
        else:
            facts.append(LineFacts(line, heading, None, line.text, (), pieces))
    return facts


def _label_starts(pieces: Sequence[tuple[float, float, str]], labels: Sequence[str]) -> tuple[float, ...]:
    """Where each of `labels` starts: the left edge of the piece it opens, in order; empty
    unless every label opens a piece of its own."""
    out: list[float] = []
    rest = list(pieces)
    for label in labels:
        while rest and not rest[0][2].startswith(label):
            rest.pop(0)
        if not rest:
            return ()
        out.append(rest.pop(0)[0])
    return tuple(out)


def _gaps_in(rest: str, line: TextLine, gaps: Sequence[int]) -> list[int]:
    """`gaps` (offsets in the line's text) as offsets in `rest`, the text after its label."""
    base = len(line.text) - len(rest)
    if base < 0 or not line.text.endswith(rest):
        return []
    return [k - base for k in gaps if k >= base]


def _value(text: str, start: int, end: int) -> str:
    """A field's value on a line of fields: the text from `start` to the next label's cut at
    `end`. Where that label follows a sentence's end with no delimiter ("Owner: HR. Deadline:
    May"), the full stop separates the fields as a "|" would, and is no part of the value."""
    value = text[start:end].strip()
    if end < len(text) and value.endswith(".") and not re.match(r"\s*[|;·•/]", text[end:]):
        value = value[:-1].rstrip()
    return value


def _ends_sentence(prev: TextLine | None, line: TextLine) -> bool:
    """`prev` ends a sentence just above `line` on its page: a label opening `line` follows it."""
    return prev is not None and prev.page == line.page and prev.text.rstrip().endswith((".", "!", "?"))


def _label_candidates(lines: Sequence[TextLine], body: BodyStyle, config: ExtractConfig,
                      glyphs: GlyphIndex | None, rows: dict[int, FieldRow] | None = None
                      ) -> tuple[list[tuple[str, str, str] | None], set[str]]:
    """Per line, the label it may open with (key, printed label, rest), and the keys that
    recur as labels at lines' starts (a form's row of fields opens with its first label)."""
    s = config.blocks
    rows = rows or {}
    cands: list[tuple[str, str, str] | None] = []
    under_full: dict[int, tuple[str, str]] = {}     # a label opening a line right under a full one
    rights = right_edges(lines)
    prev: TextLine | None = None
    for k, line in enumerate(lines):
        if k in rows:
            first = rows[k].fields[0]
            cands.append((label_key(first.label.text), first.label.text, join_lines(v.text for v in first.value)))
            prev = line
            continue
        new_para = starts_paragraph(prev, line, rights[(line.page, round(line.bbox.x0 / 4))], s.fit_word_margin)
        opens = line.bold or new_para or prev.text.rstrip().endswith((".", ";", "!", "?"))
        # the second line of a wrapped heading ("... review for" / "technical staff") is not
        # a label, however often that wording ends a heading
        wraps = prev is not None and not new_para and style(prev) == style(line)
        # a bold run opening a line of regular text ("**Lead:** HR") is set as a label wherever
        # the line falls, even right under a full line (web fields spaced a point or two apart);
        # not the lower-case rest of a bold label wrapped from the line before ("We / **will
        # know when:**")
        bold_label = bold_prefix(line, glyphs, config)
        if bold_label is not None and not opens and not bold_label[0][:1].isupper():
            bold_label = None
        bp = bold_label or (gap_prefix(line, glyphs, config) if opens else None)
        ll = bp or lead_label(line, config)
        heading = is_heading_like(line, body, config) and bp is None
        prev = line
        if ll and not opens and bold_label is None:
            under_full[k] = ll
            ll = None        # "...: " at the start of a wrapped line is inside a paragraph, not a label
        if ll:
            cands.append((label_key(ll[0]), ll[0], ll[1]))
        elif heading and len(line.text.split()) <= s.label_max_words and not wraps:
            cands.append((label_key(line.text), line.text.strip(), ""))
        else:
            cands.append(None)
    rec = recurring([c[0] for c in cands if c], s.label_min_repeats)
    # a label printed inside running text more often than at a line's start labels inline
    # fields of paragraphs or list items (the list strategy's), not a block's paragraphs
    inline = Counter(label_key(m.group("label")) for line in lines for m in INLINE_LABEL.finditer(line.text)
                     if m.start() > 0)
    starts = Counter(c[0] for c in cands if c)
    rec = {k for k in rec if inline[k] < starts[k]}
    # ... unless it is one of the labels that recur opening paragraphs: a box's statement that
    # fills its line ("... the real scope of technical work" / "Lead: HR Reward") is followed
    # by its fields as any other box's is
    for k, ll in under_full.items():
        if cands[k] is None and label_key(ll[0]) in rec:
            cands[k] = (label_key(ll[0]), ll[0], ll[1])
    return cands, rec


def _container(line: TextLine, boxes: dict[int, list[BBox]]) -> BBox | None:
    """The smallest filled box (a card) around the line, if any."""
    cx, cy = (line.bbox.x0 + line.bbox.x1) / 2, (line.bbox.top + line.bbox.bottom) / 2
    inner = [b for b in boxes.get(line.page, []) if inside(cx, cy, b)]
    return min(inner, key=lambda b: b.width * (b.bottom - b.top)) if inner else None


def _wraps(prev: TextLine, line: TextLine) -> bool:
    """`line` continues `prev` (same style): below it on the page with no gap, in the same
    column (cards side by side print their titles at one height), or it opens the next page
    after `prev` closed the one before (a title cut by the page break)."""
    if line.page == prev.page + 1:
        return True
    return line.page == prev.page and line.bbox.top > prev.bbox.top \
        and line.bbox.top - prev.bbox.bottom <= 0.5 * line.size \
        and line.bbox.x0 < prev.bbox.x1 and prev.bbox.x0 < line.bbox.x1


def _higher(st: tuple[float, bool], opener: tuple[float, bool]) -> bool:
    return st[0] > opener[0] + 0.25 or (st[0] == opener[0] and st[1] and not opener[1])


def body_indent(facts: Sequence[LineFacts], opener: tuple[float, bool], min_repeats: int) -> float | None:
    """How far left of its heading a block's text starts, when the blocks' text is set left
    of their headings (a printed web accordion: the heading's button is padded, its panel is
    not): the offset of the line under each heading of the `opener` style, when more than
    half of them share it (to the point) and it is negative. None when the text is not set left of them."""
    offsets = []
    for f, g in zip(facts, facts[1:]):
        if f.heading and f.label is None and style(f.line) == opener and g.line.page == f.line.page \
                and not (g.heading and style(g.line) == opener):
            offsets.append(round(g.line.bbox.x0 - f.line.bbox.x0))
    if not offsets:
        return None
    offset, n = Counter(offsets).most_common(1)[0]
    return float(offset) if offset < -4 and n >= min_repeats and n > len(offsets) / 2 else None


_NUMBERED_LABEL = re.compile(r"^(?P<stem>.*\S)\s+(?P<num>\d{1,3}(?:\.\d{1,2})*)$")


def numbered_labels(facts: Sequence[LineFacts]) -> set[str]:
    """The printed labels that end in a number whose wording before it recurs with other
    numbers ("Commitment area 1", "Commitment area 2"): each numbers one of a kind, as
    headings do, where a field's label reads the same in every block."""
    numbers: dict[str, set[str]] = {}
    for f in facts:
        if f.label and (m := _NUMBERED_LABEL.match(f.label)):
            numbers.setdefault(label_key(m.group("stem")), set()).add(m.group("num"))
    return {f.label for f in facts if f.label and (m := _NUMBERED_LABEL.match(f.label))
            and len(numbers[label_key(m.group("stem"))]) >= 2}


def heading_gap(facts: Sequence[LineFacts], opener: tuple[float, bool]) -> float | None:
    """The widest gap above a heading of the `opener` style from the line before it on its
    page: how far apart the blocks are set. None when no such heading follows a line."""
    gaps = [f.line.bbox.top - e.line.bbox.bottom for e, f in zip(facts, facts[1:])
            if f.heading and f.label is None and style(f.line) == opener and e.line.page == f.line.page
            and f.line.bbox.top > e.line.bbox.bottom]
    return max(gaps) if gaps else None


def _segment(facts: Sequence[LineFacts], opener: tuple[float, bool], boxes,
             sections: list[tuple[TextLine, ...]] | None = None, end_gap: float | None = None,
             uppers: list[tuple[TextLine, ...]] | None = None, min_uppers: int = 2) -> list[list[LineFacts]]:
    """Blocks opened by heading lines of the `opener` style; a heading of a larger style,
    a line outside the opening card's box on the same page, a line set left of the block's
    text (a page footer, the body of the page), or, given `end_gap` (blocks.block_end_gap),
    a line that many times farther below the block than the blocks are set apart (a note at
    the foot of the page under the last block) closes the block.

    When `sections` is given it receives, per block, the heading of a larger style the
    block sits under (a theme or objective over several blocks; empty if none): one
    printed between blocks, or the last one before the first block with no text between.
    `uppers` receives, per block, the heading a level above its section (blocks.upper_headings:
    "Theme 1: Visibility" over "Objective 1.1: ..." over the blocks; empty if none)."""
    blocks: list[list[LineFacts]] = []
    current: list[LineFacts] | None = None
    card: BBox | None = None
    indent = body_indent(facts, opener, 2)
    sizes = sorted(f.line.size for f in facts)
    big = 1.25 * max(opener[0], sizes[len(sizes) // 2] if sizes else 0.0)   # clearly above blocks and text
    numbered = numbered_labels(facts)
    apart = heading_gap(facts, opener) if end_gap is not None else None
    # boxes with a title of their own and no field's label: a sidebar (a case study), not a
    # block's own panel (its fields set in a box) nor a form's box holding a value
    titled = {(f.line.page, b) for f in facts if f.heading and (b := _container(f.line, boxes)) is not None}
    sidebars = titled - {(f.line.page, b) for f in facts if f.label and (b := _container(f.line, boxes)) is not None}
    before: LineFacts | None = None         # the line just before, inside no block
    section: list[TextLine] = []            # the heading the next blocks sit under
    heads: list[list[TextLine]] = []        # every heading above the blocks, in order
    at: int | None = None                   # which of them `section` is
    block_heads: list[int | None] = []      # per block, its section's index in `heads`
    last_heading: LineFacts | None = None   # the line before, if it was that heading
    quoting = False                         # inside a pull quote's lines
    for f in facts:
        st = style(f.line)
        if quoting and not (f.heading or f.label is not None) or st == opener:
            quoting = False
        if f.heading and f.label is None and st == opener:
            last_heading = None
            if current is not None and all(style(g.line) == opener and not g.label for g in current
                                           if not KICKER.match(g.line.text)) \
                    and style(current[-1].line) == opener \
                    and _wraps(current[-1].line, f.line):
                current.append(f)       # a heading wrapped onto a second line (or page)
                continue
            # a short "word number" line just above the heading ("ACTION 4") is the new
            # block's id, not the end of the block before
            prev = current[-1] if current else before
            kicker = prev if (prev is not None and prev.label is None and KICKER.match(prev.line.text)
                              and prev.line.page == f.line.page and style(prev.line) != opener
                              and 0 <= f.line.bbox.top - prev.line.bbox.bottom <= f.line.size) else None
            if kicker is not None and current and current[-1] is kicker:
                current.pop()
            current = ([kicker] if kicker is not None else []) + [f]
            blocks.append(current)
            block_heads.append(at if section else None)
            if sections is not None:
                sections.append(tuple(section))
            card = _container(f.line, boxes)
            if card is not None and not any(_container(g.line, boxes) == card and style(g.line) != opener
                                            for g in facts if g.line.page == f.line.page):
                card = None         # a box around the heading alone is its band (a button), no card
            continue
        if (f.heading or f.label is not None) and _higher(st, opener) \
                and (f.label is None or st[0] >= big or f.label in numbered):
            # a higher heading: the blocks' section, not part of a block (also when it recurs,
            # as a section's title repeated on each of its slides does, or reads "Pillar 1:
            # Visibility": set a quarter larger than both the blocks' own headings and the text,
            # more than an OCR'd size wavers, it is no field of theirs; nor is a label set above
            # the blocks' headings that numbers its kind, "Commitment area 1:", "... 2:": a
            # field's label is the same in every block, a heading's number changes)
            if quoting or f.line.text.lstrip().startswith(_OPEN_QUOTES):
                # a pull quote set large ("“We will keep asking technicians ...”", wrapped): it
                # interrupts the block it stands in and names no section
                quoting = not f.line.text.rstrip().endswith(_CLOSE_QUOTES)
                last_heading, current, before = None, None, f
                continue
            if last_heading is not None and style(last_heading.line) == st and last_heading.line.page == f.line.page \
                    and f.line.bbox.top - last_heading.line.bbox.bottom <= 0.5 * f.line.size:
                section.append(f.line)          # wrapped onto a second line
            else:
                section = [f.line]
                heads.append(section)
                at = len(heads) - 1
            last_heading, current, before = f, None, f
            continue
        last_heading = None
        if current is None:
            if not blocks and not (f.label is None and KICKER.match(f.line.text.strip())):
                # text between a heading and the first block: the heading is the page's (a
                # block's own id printed above its title, "ACTION 1", is no such text)
                section = []
            before = f
            continue
        if card is not None and f.line.page == current[0].line.page and _container(f.line, boxes) != card:
            current = None          # left the card (the line may be the next card's "ACTION 2" kicker)
            before = f
            continue
        if card is None and (box := _container(f.line, boxes)) is not None and (f.line.page, box) in sidebars \
                and box != _container(current[0].line, boxes):
            current = None          # a sidebar the block's opening is outside of: it interrupts the block
            before = f
            continue
        left = min(g.line.bbox.x0 for g in current if g.line.page == f.line.page) \
            if any(g.line.page == f.line.page for g in current) else None
        head = next((g.line for g in current if style(g.line) == opener and g.line.page == f.line.page), None)
        if left is not None and indent is not None and head is not None:
            left = min(left, head.bbox.x0 + indent)      # the blocks' text is set left of their headings
        if left is not None and f.line.bbox.x0 < left - 4 and not f.label:
            current = None          # set left of the block: a footer or the page's own text
            before = f
            continue
        last = current[-1].line
        if apart is not None and end_gap is not None and last.page == f.line.page and not f.label \
                and f.line.bbox.top - last.bbox.bottom > end_gap * apart:
            current = None          # far below the block, farther than blocks are apart: the page's note
            before = f
            continue
        current.append(f)
    if uppers is not None:
        up = upper_headings([h[0] for h in heads], {k for k in block_heads if k is not None}, min_uppers)
        uppers[:] = [tuple(heads[up[k]]) if k is not None and k in up else () for k in block_heads]
    return blocks


def choose_opener(facts: Sequence[LineFacts], config: ExtractConfig, boxes) -> tuple[float, bool] | None:
    """The heading style that opens blocks: most blocks holding recurring labels, each label
    once; among near-ties the larger (outer) style."""
    styles = {style(f.line) for f in facts if f.heading and f.label is None}
    scored = [(n, st) for st in styles
              if (n := _labelled_blocks(_segment(facts, st, boxes, end_gap=config.blocks.block_end_gap), config))]
    if not scored:
        return None
    best = max(n for n, _ in scored)
    return max((st for n, st in scored if n >= 0.9 * best), key=lambda st: (st[0], st[1]))


def _labelled_blocks(blocks: Sequence[Sequence[LineFacts]], config: ExtractConfig) -> int:
    """How many of the blocks hold recurring labels, each once; 0 unless they are enough
    blocks, labelled often enough, to be a plan's blocks (the test choose_opener applies)."""
    s = config.blocks
    if len(blocks) < s.min_blocks:
        return 0
    labelled = repeated = 0
    for b in blocks:
        labels = [label_key(f.label) for f in b if f.label]
        if labels:
            labelled += 1
            repeated += len(set(labels)) < len(labels)
    if labelled < s.min_blocks or labelled < s.labelled_min_share * len(blocks) or repeated > len(blocks) / 2:
        return 0
    return labelled


def _segment_cards(facts: Sequence[LineFacts], boxes, sections: list[tuple[TextLine, ...]]) -> list[list[LineFacts]]:
    """Blocks as boxes draw them: the lines inside one card are one block, opened by its first
    line however it is set. A heading outside any card is the section of the cards after it.
    `sections` receives each block's section, as _segment's does."""
    blocks: list[list[LineFacts]] = []
    current: list[LineFacts] | None = None
    card: BBox | None = None
    section: list[TextLine] = []
    last: LineFacts | None = None           # the line before, if it was a section heading
    inside = sorted(f.line.size for f in facts if _container(f.line, boxes) is not None)
    big = 1.25 * inside[len(inside) // 2] if inside else float("inf")
    for f in facts:
        box = _container(f.line, boxes)
        if box is None:
            current, card = None, None
            # a heading outside the cards is their section, also one that recurs (a slide's
            # title) or reads "Pillar 1: Visibility" (a label by its colon): no field of theirs
            if f.heading or f.line.size >= big:
                if last is not None and style(last.line) == style(f.line) and _wraps(last.line, f.line):
                    section.append(f.line)
                else:
                    section = [f.line]
                last = f
            else:
                last = None
            continue
        last = None
        if current is None or box != card or f.line.page != current[-1].line.page:
            current, card = [f], box
            blocks.append(current)
            sections.append(tuple(section))
        else:
            current.append(f)
    lowest: dict[int, float] = {}
    for f in facts:
        lowest[f.line.page] = max(lowest.get(f.line.page, 0.0), f.line.bbox.bottom)
    return _join_cards_across_pages(blocks, sections, lowest)


def _join_cards_across_pages(blocks: list[list[LineFacts]], sections: list[tuple[TextLine, ...]],
                             lowest: dict[int, float]) -> list[list[LineFacts]]:
    """A card the page break cut prints as two boxes: the last on one page (nothing read
    below it: `lowest` is each page's lowest line) and the first on the next. The second half
    is no card of its own when its first line does not open one as the cards' first lines
    do: a field label, a line starting in lower case, or a style no other card opens with."""
    if len(blocks) < 2:
        return blocks
    openers = Counter(style(b[0].line) for b in blocks)
    title = openers.most_common(1)[0][0]
    out: list[list[LineFacts]] = [blocks[0]]
    kept: list[tuple[TextLine, ...]] = [sections[0]]
    for b, sec in zip(blocks[1:], sections[1:]):
        prev, first = out[-1], b[0]
        text = first.line.text.lstrip()
        end = prev[-1].line
        continues = first.line.page == end.page + 1 and sec == kept[-1] \
            and end.bbox.bottom >= lowest.get(end.page, 0.0) - 0.5 and (
                first.label is not None or text[:1].islower() or style(first.line) != title)
        if continues:
            prev.extend(b)
        else:
            out.append(b)
            kept.append(sec)
    sections[:] = kept
    # the same box printed on several pages (a cookie banner, a sticky footer) is the page's
    # furniture, not a card
    texts = Counter(" ".join(f.line.text for f in b) for b in out)
    furniture = [texts[" ".join(f.line.text for f in b)] > 1 and len({f.line.page for f in b}) == 1 for b in out]
    sections[:] = [sec for sec, x in zip(sections, furniture) if not x]
    return [b for b, x in zip(out, furniture) if not x]


def mark_run_in_titles(lines: Sequence[TextLine], glyphs: GlyphIndex | None,
                       config: ExtractConfig) -> tuple[list[TextLine], set[tuple[int, float, float]]]:
    """The lines with each paragraph that opens with a run-in title (blocks.run_in_title:
    "**Action 3 - A stronger online presence.** We will ...") set as a bold heading line,
    whatever share of it the title fills: such a paragraph is a block's opening as a title
    on a line of its own is. Also the (page, top, left) of each such line, so the block
    takes the whole paragraph as its statement (_parse_block)."""
    out, marked = list(lines), set()
    rights = right_edges(lines)
    for k, line in enumerate(lines):
        prev = lines[k - 1] if k else None
        if run_in_title(line, glyphs) is None or not starts_paragraph(
                prev, line, rights[(line.page, round(line.bbox.x0 / 4))], config.blocks.fit_word_margin):
            continue
        out[k] = replace(line, bold=True)
        marked.add(_where(line))
    return out, marked


def _where(line: TextLine) -> tuple[int, float, float]:
    return (line.page, round(line.bbox.top, 1), round(line.bbox.x0, 1))


def _parse_block(lines: Sequence[LineFacts], id_re: re.Pattern[str],
                 only_id_re: re.Pattern[str] | None = None,
                 run_ins: set[tuple[int, float, float]] = frozenset()) -> Block:
    kicker = None
    # (a kicker over a field's line is the block's heading itself: "Block 3" over "Action [...]")
    if len(lines) > 1 and KICKER.match(lines[0].line.text) and style(lines[0].line) != style(lines[1].line) \
            and not lines[1].label:
        kicker, lines = lines[0].line, lines[1:]
    n_head = 1      # the title's lines: one style, no gap (a line too long to look like a heading too)
    while n_head < len(lines) and style(lines[n_head].line) == style(lines[0].line) and not lines[n_head].label \
            and _wraps(lines[n_head - 1].line, lines[n_head].line):
        n_head += 1
    heads = [f.line for f in lines[:n_head]]
    head = TextLine(" ".join(l.text for l in heads), heads[0].page,
                    BBox(min(l.bbox.x0 for l in heads), heads[0].bbox.top, max(l.bbox.x1 for l in heads),
                         heads[-1].bbox.bottom), heads[0].size, heads[0].bold)
    run_in = n_head == 1 and _where(heads[0]) in run_ins
    lines = [lines[0]] + list(lines[n_head:])
    block = Block()
    if kicker is not None:
        block.has_id = True
        block.fields[ID_KEY] = [TextLine(kicker.text.split()[-1], kicker.page, kicker.bbox, kicker.size,
                                           kicker.bold)]
    m = None if kicker is not None else id_re.match(head.text)
    if kicker is None and not (m and (m.group("word") or m.group("rest"))) and only_id_re is not None:
        m = only_id_re.match(head.text)     # "Action ref V1": words naming an id, and the id alone
    fld: FieldKey
    if m and (m.group("word") or m.group("rest")):
        block.has_id = True
        block.fields[ID_KEY] = [TextLine(m.group("id"), head.page, head.bbox, head.size, head.bold)]
        if m.group("rest"):
            block.fields[LEAD_KEY] = [TextLine(m.group("rest"), head.page, head.bbox, head.size, head.bold)]
            fld = BODY_KEY
        else:
            fld = LEAD_KEY       # "Action 7" alone: the lead is the next paragraph (or a field)
    else:
        block.fields[LEAD_KEY] = heads
        fld = BODY_KEY
    if run_in and block.fields.get(LEAD_KEY):
        fld = LEAD_KEY       # the paragraph the title opens runs on: it is the statement
    # a line of labels set apart with no values beside them ("Lead:   Target date:"): where
    # each label starts and its field, to read the values in the boxes under them by column
    under: list[tuple[float, FieldKey]] = []
    under_page = 0
    for f in lines[1:]:
        line = f.line
        if f.label:
            block.labelled = True
            fld = label_field(f.label)
            block.fields.setdefault(fld, [])
            if f.rest:
                block.fields[fld].append(TextLine(f.rest, line.page, line.bbox, line.size, line.bold))
            for lab, value in f.more:           # further fields on the same line
                fld = label_field(lab)
                block.fields.setdefault(fld, [])
                if value:
                    block.fields[fld].append(TextLine(value, line.page, line.bbox, line.size, line.bold))
            under = list(zip(f.starts, [label_field(f.label)] + [label_field(lab) for lab, _ in f.more])) \
                if f.more and f.starts and not f.rest and not any(v for _, v in f.more) else []
            under_page = line.page
            continue
        if under and f.pieces and line.page == under_page \
                and all(x0 >= under[0][0] - line.size for x0, _, _ in f.pieces):
            for x0, x1, text in f.pieces:       # each value under the label it starts beside or right of
                key = [k for x, k in under if x0 >= x - line.size][-1]
                block.fields[key].append(TextLine(text, line.page, BBox(x0, line.bbox.top, x1, line.bbox.bottom),
                                                  line.size, line.bold))
            continue
        under = []
        if f.more and fld not in (ID_KEY, LEAD_KEY):   # a wrapped line of fields: its rest, then new fields
            if f.rest:
                block.fields.setdefault(fld, []).append(TextLine(f.rest, line.page, line.bbox, line.size, line.bold))
            for lab, value in f.more:
                fld = label_field(lab)
                block.fields.setdefault(fld, [])
                if value:
                    block.fields[fld].append(TextLine(value, line.page, line.bbox, line.size, line.bold))
            continue
        if fld == LEAD_KEY and block.fields.get(LEAD_KEY):
            prev = block.fields[LEAD_KEY][-1]
            # the lead is the bold (or first) paragraph after the heading; after a run-in
            # title, the rest of the paragraph it opens (set regular, no gap)
            # (its sentence going on in lower case at the top of the next page, too)
            runs_on = run_in and line.page == prev.page + 1 and line.text[:1].islower() \
                and not prev.text.rstrip().endswith((".", "!", "?"))
            if (line.bold if run_in else line.bold != prev.bold) or not runs_on and (
                    line.bbox.top - prev.bbox.bottom > prev.size * 0.9 or line.page != prev.page):
                fld = BODY_KEY
        block.fields.setdefault(fld, []).append(line)
    return block


def _drop_lead_kickers(blocks: Sequence[Block], config: ExtractConfig) -> None:
    """A label printed in every block's heading before its title ("1.1 Action: Publish ...",
    "1.2 Action: Recruit ...") names what kind the block is, like a kicker above it: it is
    no part of the statement. Recognised by its recurrence at the start of most blocks'
    titles (a colon-terminated short phrase), it is cut from them."""
    s = config.blocks
    opening: dict[int, str] = {}
    for k, b in enumerate(blocks):
        lead = b.fields.get(LEAD_KEY)
        m = LEAD_LABEL.match(lead[0].text) if lead else None
        if m and m.group("rest") and len(m.group("label").split()) <= min(2, s.label_max_words):
            opening[k] = label_key(m.group("label"))
    counts = Counter(opening.values())
    for k, key in opening.items():
        if counts[key] < max(s.min_blocks, s.label_min_repeats) or counts[key] * 2 <= len(blocks):
            continue
        lead = blocks[k].fields[LEAD_KEY]
        first = lead[0]
        rest = LEAD_LABEL.match(first.text).group("rest").strip()
        lead[0] = TextLine(rest, first.page, first.bbox, first.size, first.bold)


def statement_field(blocks: Sequence[Block], config: ExtractConfig) -> str | None:
    """The printed label of the field that states the blocks' actions where their headings
    only title them ("Paid registration" over "What we will do: Meet the annual fees ..."), or
    where a heading holds only the block's id ("Action ref V1" over "Action: ..."). By content:
    the field is filled in most blocks, its values read as statements (imperative or future
    wording) and are longer than the headings, which do not read as statements themselves
    (models/extract.yaml blocks.statement_*). None when the headings state the actions (a
    title worded as an action keeps it, however long or action-like its fields are)."""
    s = config.blocks
    if len(blocks) < s.min_blocks:
        return None
    heads = [b.text(LEAD_KEY) for b in blocks]
    if any(h and not re.search(r"[A-Za-z]{2,}", h) for h in heads):
        return None         # a heading of no words ("▲", a sort arrow) titles nothing: no blocks of a plan
    stated = sum(1 for h in heads if h and reads_as_action(h, False, config) > 0)
    if stated > s.statement_heading_max_statements * len(blocks):
        return None
    head_words = statistics.median(len(h.split()) for h in heads)
    best: tuple[float, float, str] | None = None
    for key in dict.fromkeys(k for b in blocks for k in b.fields if k[0] is Part.LABELLED):
        values = [b.text(key) for b in blocks if b.text(key)]
        if len(values) <= s.statement_field_min_share * len(blocks):
            continue
        statements = sum(1 for v in values if reads_as_action(v, False, config) > 0) / len(values)
        words = statistics.median(len(v.split()) for v in values)
        if statements >= s.statement_field_min_statements and words > head_words \
                and (best is None or (statements, words) > best[:2]):
            best = (statements, words, key[1])
    return best[2] if best else None


def field_to_lead(blocks: Sequence[Block], label: str) -> None:
    """The field under `label` becomes each block's lead (its statement), the heading that
    stood there its title; a block without the field keeps its heading as its lead."""
    key = label_field(label)
    for b in blocks:
        if not b.fields.get(key):
            continue
        fields: dict[FieldKey, list[TextLine]] = {}
        for k, v in b.fields.items():
            if k == LEAD_KEY:
                fields[TITLE_KEY] = v
            elif k == key:
                fields[LEAD_KEY] = v
            else:
                fields[k] = v
        b.fields = fields


def lines_to_blocks(lines: Sequence[TextLine], config: ExtractConfig,
                    boxes: dict[int, list[BBox]] | None = None, glyphs: GlyphIndex | None = None) -> list[Block]:
    if not lines:
        return []
    boxes = boxes or {}
    lines, rows = fields_beside_boxes(lines, boxes, glyphs, config)
    lines, run_ins = mark_run_in_titles(lines, glyphs, config)
    facts = lines_to_labels(lines, config, glyphs, rows)
    opener = choose_opener(facts, config, boxes)
    if opener is None and body_size(lines).bold and (fields := field_body(facts)) is not None:
        facts = _facts(lines, fields, config, glyphs, rows)
        opener = choose_opener(facts, config, boxes)
    sections: list[tuple[TextLine, ...]] = []
    uppers: list[tuple[TextLine, ...]] = []
    segments = _segment(facts, opener, boxes, sections, config.blocks.block_end_gap, uppers,
                        config.blocks.heading_level_min_uppers) if opener is not None else []
    by_card: list[tuple[TextLine, ...]] = []
    cards = _segment_cards(facts, boxes, by_card)
    # a card states its action before its fields; a box opening with a label is a banner or
    # a heading's band ("Commitment area: Visibility"), no action's card
    by_card = [sec for b, sec in zip(cards, by_card) if b[0].label is None]
    cards = [b for b in cards if b[0].label is None]
    if _labelled_blocks(cards, config) > _labelled_blocks(segments, config):
        # the boxes draw the blocks more fully than any heading style opens them (a slide's
        # cards whose statements are set like the body, or some titles bold and some not)
        segments, sections, uppers = cards, by_card, []
    if not segments:
        return []
    id_re = re.compile(config.blocks.id_heading)
    only_id_re = re.compile(config.blocks.id_only_heading)
    blocks = [_parse_block(b, id_re, only_id_re, run_ins) for b in segments]
    for b, sec in zip(blocks, sections):
        b.section = sec
    for b, up in zip(blocks, uppers):
        b.upper = up
    _drop_lead_kickers(blocks, config)
    if (label := statement_field(blocks, config)) is not None:
        field_to_lead(blocks, label)
    # action or not: from the wording of each block's statement (or its first text)
    evidence = []
    for b in blocks:
        text = b.text(LEAD_KEY) or b.text(BODY_KEY)
        first_field = next((b.text(k) for k in b.fields if k not in (ID_KEY, LEAD_KEY)), "")
        score = reads_as_action(text, b.has_id, config)
        if score <= 0 and first_field:
            score = max(score, reads_as_action(first_field, b.has_id, config) * 0.5)
        evidence.append(score)
    if sum(evidence) / len(evidence) < config.blocks.action_min_evidence:
        return []
    # a block of the opener's style without any field label (an overview's heading and its
    # introduction) is one of them only if its own wording reads as an action; nor is a
    # form's block left blank (its labels printed, nothing filled in)
    kept = [b for b, e in zip(blocks, evidence) if (b.labelled or e > 0) and not b.blank]
    # a heading whose numbers are the first and last ids of the blocks under it ("Actions 1
    # to 7") labels a range of them, it is no section; nor is one heading over every block
    # (their title)
    for sec in {b.section for b in kept if b.section}:
        under = [b for b in kept if b.section == sec]
        numbers = {int(n) for n in re.findall(r"\d+", " ".join(l.text for l in sec))}
        ids = [int(i) for i in (re.sub(r"\D", "", b.text(ID_KEY)) for b in under) if i]
        if len(numbers) == 2 and ids and numbers == {min(ids), max(ids)}:
            for b in under:
                b.section = ()
    # a numbered heading whose number the ids of the blocks under it extend ("1. Visibility"
    # over "1.1", "1.2") prints the section's number before its title, as numbered list
    # headings do (lists.numbered_headings_to_sections): the title is the text after it
    for sec in {b.section for b in kept if b.section}:
        m = _SECTION_NUMBER.match(sec[0].text)
        under = [b.text(ID_KEY) for b in kept if b.section == sec]
        if m and all(i.startswith(m.group("num") + ".") for i in under):
            first = sec[0]
            titled = (TextLine(m.group("rest"), first.page, first.bbox, first.size, first.bold),) + sec[1:]
            for b in kept:
                if b.section == sec:
                    b.section = titled
    if len({b.section for b in kept}) == 1:
        for b in kept:
            b.section = ()
    return kept


def blocks_to_table(blocks: Sequence[Block], index: int) -> ExtractedTable:
    """One row per block, one column per printed label or unlabelled part (blank header)."""
    keys: list[FieldKey] = []
    for b in blocks:
        for key in b.fields:
            if key not in keys:
                keys.append(key)
    rows = []
    last: tuple[TextLine, ...] = ()
    last_upper: tuple[TextLine, ...] = ()
    for b in blocks:
        upper = b.upper if b.section else ()
        if upper and upper != last_upper:       # the heading a level above: the section, theirs the aim
            rows.append(TableRow(RowKind.SECTION, (make_cell(upper),) + tuple(make_cell([]) for _ in keys[1:])))
            last = ()
        last_upper = upper
        section = b.section or b.upper
        if section and section != last:         # the heading the blocks sit under: a section row
            rows.append(TableRow(RowKind.SECTION, (make_cell(section),) + tuple(make_cell([]) for _ in keys[1:]),
                                 level=1 if upper else 0))
        last = section
        cells = tuple(make_cell(b.fields.get(key, [])) for key in keys)
        rows.append(TableRow(RowKind.BODY, cells))
    head_cells = tuple(make_cell([]) for _ in keys)
    all_rows = (TableRow(RowKind.HEADER, head_cells),) + tuple(rows)
    pages = tuple(sorted({p for r in rows for p in r.pages}))
    body = [r for r in rows if r.kind is RowKind.BODY]
    filled = sum(not c.empty for r in body for c in r.cells) / max(1, len(body) * len(keys))
    return ExtractedTable(index, tuple(label for _, label in keys), all_rows, pages, NAME, round(filled, 3),
                          structure=Structure.BLOCKS, parts=tuple(part for part, _ in keys))


def card_boxes(pages: Sequence[PageContent], config: ExtractConfig) -> dict[int, list[BBox]]:
    """Boxes narrower than the page that could be cards: filled ones, and ones drawn as a
    border of their own, square or rounded (ruled.edges_to_boxes). A page-wide band is a
    masthead or a background."""
    return {p.number: framing_boxes(p, config, config.boxes.card_min_height) for p in pages}


class NarrativeStrategy:
    name = NAME

    def extract(self, pages: Sequence[PageContent], config: ExtractConfig, taken=(),
                boilerplate: set[tuple[int, int]] = frozenset()) -> StrategyResult:
        lines = free_lines(pages, taken, boilerplate)
        blocks = lines_to_blocks(lines, config, card_boxes(pages, config), GlyphIndex(pages))
        if not blocks:
            return StrategyResult((), ())
        table = blocks_to_table(blocks, 0)
        regions = tuple((f.page, f.bbox) for r in table.rows for c in r.cells for f in c.fragments)
        return StrategyResult((table,), regions)
