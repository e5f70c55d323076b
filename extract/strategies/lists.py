"""Plans written as lists: numbered or bulleted items under headings, an item per action,
its fields sometimes inline ("... When: termly. Lead: HR. Success looks like: ...").

    People and teams                      <- any heading (bold or larger): a section row
    1. Create a technician network ...    <- an item: a number, a letter, a bullet glyph,
       (continuation lines)                  or a bullet drawn as a shape (browsers)
    2. Publish ...
    Learning at work
    3. ...

Chain: lines_to_items -> items_to_groups (wording evidence per heading) -> inline_fields
-> table. Headings are not matched against any word list: a list of past achievements, a
glossary or a key is told from a list of actions by how its items are worded
(blocks.reads_as_action), and gives no rows. Inline labels are colon-terminated phrases
that recur across items. Headings become section rows and items body rows of one table, so
lists reach the normalise stage in the same shape as tables: an item's number and its text
carry no printed label, their columns have a blank header and say which part of the item
they hold (model.Part: marker, lead); normalise decides what role each plays.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Sequence

from ..config import ExtractConfig
from ..model import BBox, ExtractedTable, RowKind, Structure, TableRow, TextLine
from ..pdf import PageContent
from ..text import BULLET_CLASS, label_key
from ..vocabulary import INLINE_LABEL_CHARS, label_phrase
from .base import StrategyResult
from .blocks import (INLINE_LABEL, LEAD_LABEL, body_size, bullet_marks, first_word_fits, free_lines, is_heading_like, make_cell,
                     mark_left_of, reads_as_action, recurring, upper_headings)
from .narrative import BODY_KEY, ID_KEY, LEAD_KEY, FieldKey, label_field

NAME = "numbered_list"

# an item's opening: "1.", "2)", "1.2", "(a)", "a)", "iv)", "iv." (before a capital), a bullet glyph,
# or a row key "V1.2"
_ITEM = re.compile(r"^(?:(?P<num>\d{1,2}(?:\.\d{1,2})+|\d{1,2}(?=[.)]))[.)]?|\(?(?P<letter>[a-z]|[ivx]{1,4})\)"
                   r"|(?P<roman>i{1,3}|iv|vi{0,3}|ix|x)\.(?=\s+[A-Z\"“‘'])"
                   r"|(?P<key>[A-Z]{1,3}\d{1,2}(?:\.\d{1,2})*)\s*[:.)\-–]?"
                   rf"|(?P<bullet>{BULLET_CLASS}|[\u2043]))\s+(?P<rest>\S.*)$")


# a number ("2", "2.1") and the ids of lettered and roman items, the first of each sequence
_NUMBER_ID = re.compile(r"\d{1,2}(?:\.\d{1,2})*\.?")
_SUB_ID = re.compile(r"[a-z]|[ivx]{1,4}")
_SUB_FIRST = ("a", "i")


@dataclass
class Item:
    id: str | None
    marker_x: float
    lines: list[TextLine] = field(default_factory=list)
    section: int | None = None          # index into the headings
    heading: bool = False               # its first line is set like a heading (bold or larger)
    # its line of fields ("Owner: HR  Deadline: May 2026" under it): (label, value) pieces
    fields: list[tuple[str, TextLine]] = field(default_factory=list)
    mark: BBox | None = None            # the bullet shape that opened it, if one did


# a label further along a line of fields: a capitalised phrase and a colon after a space
_MORE_LABEL = re.compile(r"(?<=\s)" + label_phrase() + r"\s*:\s+")


def _label_suffixes(words: str, max_words: int) -> list[str]:
    """The phrases a colon may end ("Head of Research Infrastructure Deadline" -> "Deadline",
    "Infrastructure Deadline", ...), shortest first."""
    ws = words.split()
    return [" ".join(ws[-n:]) for n in range(1, min(len(ws), max_words) + 1) if ws[-n][:1].isupper()]


def field_lines(lines: Sequence[TextLine], config: ExtractConfig) -> dict[int, list[tuple[str, TextLine]]]:
    """Lines made of "Label: value" pairs whose labels recur across such lines (a line of
    fields under each item: "Owner: Head of Estates Deadline: July 2026"), by line index:
    the (label, value) pieces. Further labels on the line need no delimiter: a capitalised
    phrase before a colon is one when it recurs (the longest recurring ending of the words
    before the colon that recurs as often as its last word, so "... Infrastructure Deadline:"
    gives "Deadline")."""
    s = config.blocks
    opening: dict[int, tuple[str, str]] = {}
    for i, line in enumerate(lines):
        m = LEAD_LABEL.match(line.text.strip())
        if m and len(m.group("label").split()) <= s.label_max_words and m.group("rest"):
            opening[i] = (" ".join(m.group("label").split()), m.group("rest"))
    lead_keys = recurring([label_key(lab) for lab, _ in opening.values()], s.label_min_repeats)
    cands = {i: [sfx for m in _MORE_LABEL.finditer(rest) for sfx in _label_suffixes(m.group("label"), s.label_max_words)]
             for i, (lab, rest) in opening.items() if label_key(lab) in lead_keys}
    counts = Counter(label_key(x) for cs in cands.values() for x in set(cs))
    out: dict[int, list[tuple[str, TextLine]]] = {}
    for i in cands:
        line, (lab, rest) = lines[i], opening[i]
        text = line.text.strip()
        cuts: list[tuple[int, int, str]] = []     # (start, end, label) in the line's text
        off = len(text) - len(rest)
        for m in _MORE_LABEL.finditer(rest):
            sfx = _label_suffixes(m.group("label"), s.label_max_words)
            if sfx and counts[label_key(sfx[0])] >= s.label_min_repeats:
                # the label reaches left as far as the words before it recur with it every time
                name = sfx[0]
                for longer in sfx[1:]:
                    if counts[label_key(longer)] < counts[label_key(sfx[0])]:
                        break
                    name = longer
                start = off + m.end("label") - len(name)
                cuts.append((start, off + m.end(), name))
        pieces = _split_line(TextLine(text, line.page, line.bbox, line.size, line.bold),
                             [(0, off, lab)] + cuts)
        out[i] = [(name, TextLine(p.text.strip(" |;·•"), p.page, p.bbox, p.size, p.bold))
                  for name, p in pieces if name is not None and p is not None and p.text.strip(" |;·•")]
    return out


def lines_to_items(lines: Sequence[TextLine], marks: dict[int, list[BBox]], config: ExtractConfig
                   ) -> tuple[list[Item], list[TextLine]]:
    """List items (with their continuation lines) and the headings they sit under."""
    s = config.blocks
    body = body_size(lines)
    items: list[Item] = []
    headings: list[TextLine] = []
    item: Item | None = None
    section: int | None = None
    prev: TextLine | None = None
    # a heading-like line set larger than every list item's opening line is a heading over
    # the items even when it ends with a full stop (an objective written as a sentence over
    # its activities); at the items' size a line ending so is a bold sentence, not a heading
    item_sizes = [l.size for l in lines if _ITEM.match(l.text)
                  or mark_left_of(l, marks.get(l.page, ()), s.mark_max_distance, s.mark_max_size) is not None]
    over_items = max(item_sizes) + 0.5 if item_sizes else None
    fielded = field_lines(lines, config)
    owner: Item | None = None                 # the item a line of fields below it belongs to
    for k, line in enumerate(lines):
        last = item.lines[-1] if item is not None else None
        continues = last is not None and line.page == last.page and line.bbox.x0 >= item.lines[0].bbox.x0 - 4 \
            and line.bbox.top - last.bbox.bottom <= s.paragraph_gap * max(last.size, 1.0)
        if k in fielded and owner is not None and not owner.fields and not continues \
                and not is_heading_like(line, body, config) and line.page - owner.lines[-1].page <= 1:
            # set apart below the item (else it would end the list as prose): the item's line
            # of fields; one running on from the item's text is read with it (inline labels)
            owner.fields = fielded[k]
            item, prev = None, line
            continue
        m = _ITEM.match(line.text)
        mark = None if m else mark_left_of(line, marks.get(line.page, ()), s.mark_max_distance, s.mark_max_size)
        if mark is not None and item is not None and item.mark == mark and item.lines[-1].page == line.page:
            item.lines.append(line)     # a mark as tall as two lines opens the first; the second continues it
            prev = line
            continue
        if (m or mark) is not None and (m is None or m.group("bullet") or not is_heading_like(line, body, config)
                                        or m.group("num") or m.group("key")):
            marker_x = mark.x0 if mark is not None else line.bbox.x0
            if item is not None and marker_x > item.marker_x + 4 and (line.page != item.lines[-1].page or
                                                                       -0.5 * line.size
                                                                       <= line.bbox.top - item.lines[-1].bbox.bottom
                                                                       <= s.paragraph_gap * 2 * line.size):
                # a nested item belongs to its parent (one below it: an item further right
                # and higher up opens the next text column)
                item.lines.append(line)
            else:
                if m is not None:
                    ident = m.group("num") or m.group("letter") or m.group("roman") or m.group("key")
                    rest = m.group("rest")
                    first = TextLine(rest, line.page, line.bbox, line.size, line.bold)
                else:
                    ident, first = None, line
                item = Item(ident, marker_x, [first], section, m is not None and is_heading_like(line, body, config),
                            mark=mark)
                items.append(item)
            owner = item
        elif item is not None and item.heading and prev is not None and item.lines[-1].bbox == prev.bbox \
                and prev.page == line.page and (prev.size, prev.bold) == (line.size, line.bold) \
                and is_heading_like(line, body, config) and line.bbox.top - prev.bbox.bottom <= 0.5 * line.size:
            item.lines.append(line)              # a numbered heading wrapped onto a second line
        elif is_heading_like(line, body, config) and (not line.text.rstrip().endswith(".") or
                                                       (over_items is not None and line.size >= over_items) or
                                                       (item is None and headings and prev is headings[-1])):
            last = headings[-1] if headings and item is None else None
            if last is not None and prev is not None and prev.bbox == last.bbox and last.page == line.page \
                    and (last.size, last.bold) == (line.size, line.bold) \
                    and line.bbox.top - last.bbox.bottom <= 0.5 * line.size:
                # a heading wrapped onto a second line
                headings[-1] = TextLine(f"{last.text} {line.text}", last.page, last.bbox.union(line.bbox),
                                        last.size, last.bold)
                line = headings[-1]
            else:
                headings.append(line)
            section = len(headings) - 1
            item = owner = None
        elif item is not None and prev is not None:
            last = item.lines[-1]
            gap = line.bbox.top - last.bbox.bottom if line.page == last.page else 0.0
            if gap > s.paragraph_gap * max(last.size, 1.0) or line.bbox.x0 < item.lines[0].bbox.x0 - 4:
                item = owner = None              # a paragraph gap or outdent: prose after the list
            else:
                item.lines.append(line)
        prev = line
    return numbered_headings_to_sections(inherit_fields(items), headings, body, config), headings


def inherit_fields(items: list[Item]) -> list[Item]:
    """A sub-item (set further right under an item, in the same section) with no line of
    fields of its own shares its parent's: the fields line sits once under the parent."""
    for k, it in enumerate(items):
        if it.fields:
            continue
        for parent in reversed(items[:k]):
            if parent.section != it.section or parent.marker_x <= it.marker_x - 4:
                if parent.section == it.section and parent.marker_x < it.marker_x - 4:
                    it.fields = list(parent.fields)
                break
    return items


def _numbers_under(head: str, first: str) -> bool:
    """`first`, the id of the item after the one numbered `head`, opens the items under it:
    it extends the number ("2" over "2.1") or starts a lettered or roman sequence ("2.1" over "a")."""
    return first.startswith(head.rstrip(".") + ".") or bool(_NUMBER_ID.fullmatch(head)) and first in _SUB_FIRST


def numbered_headings_to_sections(items: list[Item], headings: list[TextLine], body, config: ExtractConfig
                                  ) -> list[Item]:
    """A numbered item set as a heading with no text under it, whose next item's number
    extends its own ("2. Being valued" over "2.1 ...", "2.2 ...") or opens a sequence of
    lettered or roman items ("2.1 Visibility" over "(a) ...", "(b) ..."), is a section
    heading over those items, not an item: it joins the headings and the items after it, up
    to the next heading, sit under it. Lettered and roman items under it are numbered within
    its number ("2.1" and "(a)": "2.1.a")."""
    out: list[Item] = []
    moved: tuple[int | None, int] | None = None       # (section the items had, section they now have)
    number: str | None = None                         # the number of the heading they now sit under
    for k, it in enumerate(items):
        nxt = items[k + 1] if k + 1 < len(items) else None
        if it.id and it.heading and nxt is not None and nxt.id and _numbers_under(it.id, nxt.id) \
                and all(is_heading_like(l, body, config) for l in it.lines):
            hl = it.lines
            headings.append(TextLine(" ".join(l.text for l in hl), hl[0].page,
                                     BBox(min(l.bbox.x0 for l in hl), min(l.bbox.top for l in hl),
                                          max(l.bbox.x1 for l in hl), max(l.bbox.bottom for l in hl)),
                                     hl[0].size, hl[0].bold))
            moved, number = (it.section, len(headings) - 1), it.id.rstrip(".")
            continue
        if moved is not None and it.section == moved[0]:
            it.section = moved[1]
            if it.id and _SUB_ID.fullmatch(it.id):
                it.id = f"{number}.{it.id}"
        else:
            moved = None
        out.append(it)
    return out


def _split_line(line: TextLine, cuts: list[tuple[int, int, str]]) -> list[tuple[str | None, TextLine]]:
    """A line cut at inline labels: [(label or None, piece)], pieces placed in proportion to
    their share of the line's characters."""
    out: list[tuple[str | None, TextLine]] = []
    text, n = line.text, max(len(line.text), 1)
    w = line.bbox.x1 - line.bbox.x0

    def piece(a: int, b: int) -> TextLine | None:
        t = text[a:b].strip()
        if not t:
            return None
        box = BBox(line.bbox.x0 + w * a / n, line.bbox.top, line.bbox.x0 + w * b / n, line.bbox.bottom)
        return TextLine(t, line.page, box, line.size, line.bold)

    pos, label = 0, None
    for start, end, name in cuts:
        stop = start
        while stop > pos and text[stop - 1] in " .;,":    # the separator before a label is not text
            stop -= 1
        p = piece(pos, stop)
        if p is not None or label is not None:
            out.append((label, p))
        pos, label = end, name
    out.append((label, piece(pos, len(text))))
    return [(lab, p) for lab, p in out if p is not None or lab is not None]


def paragraphs(lines: Sequence[TextLine], config: ExtractConfig) -> list[list[TextLine]]:
    """Lines into paragraphs: a new one after a vertical gap, at an indent change, or after a
    line that stopped short (the next line's first word would have fitted on it: a hard
    break, not a wrap)."""
    if not lines:
        return []
    right = max(l.bbox.x1 for l in lines)
    # the usual top-to-top pitch of the lines (same page, same size): a paragraph spaced a few
    # points more than that starts a new one, even when the space is well under a line
    pitches = sorted(b.bbox.top - a.bbox.top for a, b in zip(lines, lines[1:])
                     if a.page == b.page and abs(a.size - b.size) < 0.5 and b.bbox.top > a.bbox.top)
    pitch = pitches[len(pitches) // 2] if len(pitches) >= 3 else None
    out: list[list[TextLine]] = [[lines[0]]]
    for prev, line in zip(lines, lines[1:]):
        fits = first_word_fits(prev, line, right, config.blocks.fit_word_margin)
        gap = line.bbox.top - prev.bbox.bottom if line.page == prev.page else 0.0
        spaced = pitch is not None and line.page == prev.page and abs(line.size - prev.size) < 0.5 \
            and line.bbox.top - prev.bbox.top > config.blocks.paragraph_pitch_ratio * pitch
        if gap > config.blocks.paragraph_gap * max(prev.size, 1.0) or abs(line.bbox.x0 - prev.bbox.x0) > 4 or fits \
                or spaced:
            out.append([line])
        else:
            out[-1].append(line)
    return out


def heading_line_count(it: Item) -> int:
    """How many of a heading item's lines are its heading: a heading wrapped onto more lines
    keeps its size and weight and leaves no gap."""
    n = 1
    while n < len(it.lines) and (it.lines[n].size, it.lines[n].bold) == (it.lines[0].size, it.lines[0].bold) \
            and it.lines[n].page == it.lines[n - 1].page \
            and it.lines[n].bbox.top - it.lines[n - 1].bbox.bottom <= 0.5 * it.lines[0].size:
        n += 1
    return n


def prose_headings_to_sections(items: list[Item], headings: list[TextLine], config: ExtractConfig,
                               chapters: frozenset[str] = frozenset()) -> list[Item]:
    """A numbered heading (bold or larger) over paragraphs of prose ("1. Introduction" over
    "The Institute employs around 180 technical staff ...") is a chapter of the document, not
    an action: its number is a chapter's, so it is no evidence. Unless its heading or its
    prose reads as an action (an imperative or future wording), it joins the headings, its
    prose is dropped, and the items after it, up to the next heading, sit under it. Prose: each
    paragraph ends a sentence and the paragraphs hold at least `prose_min_words` words, with no
    line of fields and no inline label recurring across items. A numbered heading whose title
    is an entry of the document's contents page (`chapters`, as `contents_titles` gives them)
    is a chapter whatever its wording ("4. Finance" over a budget); over no prose ("9. Glossary"
    over terms, a heading over a list) it is dropped and the items after it keep their section."""
    s = config.blocks
    label_keys = recurring([k for it in items for k in {label_key(m.group("label")) for l in it.lines
                                                         for m in INLINE_LABEL.finditer(l.text)}],
                           s.label_min_repeats)
    out: list[Item] = []
    moved: tuple[int | None, int] | None = None       # (section the items had, section they now have)
    for it in items:
        n = heading_line_count(it) if it.heading and it.id and not it.fields else 0
        hl, rest = it.lines[:n], it.lines[n:]
        paras = paragraphs(rest, config) if n and rest else []
        texts = [" ".join(l.text for l in p) for p in paras]
        prose = bool(paras) and all(t.rstrip().endswith((".", "!", "?")) for t in texts) \
            and sum(len(t.split()) for t in texts) >= s.prose_min_words \
            and not any(label_key(m.group("label")) in label_keys for l in rest for m in INLINE_LABEL.finditer(l.text))
        if n and not prose and _title_key(" ".join(l.text for l in hl)) in chapters:
            continue    # a chapter the contents lists, over no prose: the heading is no action (what follows is
            #             left to its own wording, under the section it had)
        if prose and reads_as_action(" ".join(l.text for l in hl), False, config) <= 0 \
                and all(reads_as_action(t, False, config) <= 0 for t in texts) \
                or prose and _title_key(" ".join(l.text for l in hl)) in chapters:
            headings.append(TextLine(" ".join(l.text for l in hl), hl[0].page,
                                     BBox(min(l.bbox.x0 for l in hl), hl[0].bbox.top, max(l.bbox.x1 for l in hl),
                                          hl[-1].bbox.bottom), hl[0].size, hl[0].bold))
            moved = (it.section, len(headings) - 1)
            continue
        if moved is not None and it.section == moved[0]:
            it.section = moved[1]
        else:
            moved = None
        out.append(it)
    return out


def split_labelled_paragraphs(items: list[Item], headings: list[TextLine], config: ExtractConfig) -> list[Item]:
    """A numbered heading (bold or larger) over paragraphs that carry recurring inline
    labels is an aim over its activities: the heading becomes a section, each labelled
    paragraph an item."""
    heads = {id(it): heading_line_count(it) for it in items if it.heading}
    paras = {id(it): paragraphs(it.lines[heads[id(it)]:], config) for it in items
             if it.heading and len(it.lines) > heads[id(it)]}
    per_para = [{label_key(m.group("label")) for l in p for m in INLINE_LABEL.finditer(l.text)}
                for ps in paras.values() for p in ps]
    keys = recurring([k for ks in per_para for k in ks], config.blocks.label_min_repeats)
    if not keys:
        return items
    out: list[Item] = []
    for it in items:
        ps = paras.get(id(it))
        labelled = [p for p in ps or [] if any(label_key(m.group("label")) in keys for l in p
                                               for m in INLINE_LABEL.finditer(l.text))]
        if not labelled:
            out.append(it)
            continue
        hl = it.lines[:heads[id(it)]]
        headings.append(TextLine(" ".join(l.text for l in hl), hl[0].page,
                                 BBox(min(l.bbox.x0 for l in hl), hl[0].bbox.top, max(l.bbox.x1 for l in hl),
                                      hl[-1].bbox.bottom), hl[0].size, hl[0].bold))
        sec = len(headings) - 1
        for p in ps:
            out.append(Item(None, p[0].bbox.x0, list(p), sec))
    return out


# a full stop ending a labelled value of one phrase: the sentence's, as the one before the next
# label is (not an ellipsis's; a value of several sentences keeps its last one's)
_SENTENCE_STOP = re.compile(r"(?<![.])\.$")
_INNER_STOP = re.compile(r"[.!?]\s+\S")
_PAREN_LABEL = re.compile(r"\(" + label_phrase(INLINE_LABEL_CHARS, "{0,5}") + r":\s")


def label_cuts(lines: Sequence[TextLine]) -> list[list[tuple[int, int, str]]]:
    """Per line, the inline labels ("When:", "Success looks like:") as (start, end, label)
    spans of that line. Labels are found in the lines' text read as one, so a label wrapped
    onto the next line ("... Success looks / like: ...") is found too: its words are cut
    from both lines and its field starts on the second."""
    texts = [l.text for l in lines]
    starts, pos = [], 0
    for t in texts:
        starts.append(pos)
        pos += len(t) + 1
    joined = " ".join(texts)

    def line_of(i: int) -> int:
        return max(j for j, st in enumerate(starts) if st <= i)

    out: list[list[tuple[int, int, str]]] = [[] for _ in texts]
    # a label opening a parenthesis that closes the item ("... (Lead: HR; annually)")
    tail = [m for m in _PAREN_LABEL.finditer(joined) if ")" not in joined[m.end():].rstrip()[:-1]
            and "(" not in joined[m.end():] and joined.rstrip().endswith(")")]
    for m in sorted([*INLINE_LABEL.finditer(joined), *tail], key=lambda m: m.start()):
        j0, j1 = line_of(m.start("label")), line_of(m.end("label"))
        # at the start of a wrapped line a label must follow a sentence's end on the line
        # before ("... Lead: Action owner:" / "TCWG Chair Supported by: ..." is one value)
        if m.start("label") == starts[j0] and j0 > 0 \
                and not texts[j0 - 1].rstrip().endswith((".", ";", "!", "?", ")")):
            continue
        label = " ".join(m.group("label").split())
        end = min(m.end(), starts[j1] + len(texts[j1]))
        for j in range(j0, j1 + 1):
            out[j].append((max(m.start(), starts[j]) - starts[j], (end if j == j1 else starts[j] + len(texts[j]))
                           - starts[j], label))
    return out


def _detail_starts(items: Sequence[Item], config: ExtractConfig) -> dict[int, int]:
    """{id(item): index of its first detail line}: where an item's lines after its statement
    are set smaller, in one style that recurs under several items (a poster's grey "Owner ·
    when" line under each bold action), they are its detail, not its statement. (Weight
    alone is no sign: a bold run-in title makes a first line bold.)"""
    found: dict[int, tuple[int, tuple[float, bool]]] = {}
    for it in items:
        head = it.lines[0]
        for n, line in enumerate(it.lines[1:], start=1):
            if line.size < head.size - 0.75:
                found[id(it)] = (n, (round(line.size, 1), line.bold))
                break
    styles = Counter(st for _, st in found.values())
    common = {st for st, k in styles.items() if k >= max(config.blocks.min_blocks, 2)}
    return {key: n for key, (n, st) in found.items() if st in common}


def inline_fields(items: Sequence[Item], config: ExtractConfig) -> list[dict[FieldKey, list[TextLine]]]:
    """Each item's statement and its inline-labelled fields. Labels are the colon-terminated
    phrases that recur across items."""
    details = _detail_starts(items, config)
    cuts_of = [label_cuts(it.lines) for it in items]
    per_item = [{label_key(lab) for cs in cuts for _, _, lab in cs} for cuts in cuts_of]
    keys = recurring([k for ks in per_item for k in ks], config.blocks.label_min_repeats)
    out = []
    for it, item_cuts in zip(items, cuts_of):
        fields: dict[FieldKey, list[TextLine]] = {LEAD_KEY: []}
        current = LEAD_KEY
        for n, (line, line_cuts) in enumerate(zip(it.lines, item_cuts)):
            if n == details.get(id(it)) and current == LEAD_KEY:
                current = BODY_KEY          # the item's detail line, set smaller under its statement
                fields.setdefault(current, [])
            cuts = [c for c in line_cuts if label_key(c[2]) in keys]
            if n == details.get(id(it)) and not any(c[0] == 0 for c in cuts) \
                    and (m := INLINE_LABEL.match(line.text)) and label_key(m.group("label")) in keys:
                # the detail line set smaller under the statement opens with a label: whatever the
                # line above ends with, it starts the fields ("(b) ... workshop" / "Lead: HR")
                cuts.insert(0, (0, m.end(), " ".join(m.group("label").split())))
            for lab, piece in _split_line(line, cuts) if cuts else [(None, line)]:
                if lab is not None:
                    last = fields[current][-1] if fields[current] else None
                    if last is not None and last.text.rstrip(" .;,(") != last.text:   # separator before a label
                        fields[current][-1] = TextLine(last.text.rstrip(" .;,("), last.page, last.bbox, last.size,
                                                       last.bold)
                    current = label_field(lab)
                    fields.setdefault(current, [])
                if piece is not None:
                    fields[current].append(piece)
        for key, value in fields.items():           # the full stop ending the item's sentence ("By: May 2026.")
            if key not in (LEAD_KEY, BODY_KEY) and value and _SENTENCE_STOP.search(value[-1].text) \
                    and not _INNER_STOP.search(" ".join(l.text for l in value)):
                last = value[-1]
                value[-1] = TextLine(last.text[:-1].rstrip(), last.page, last.bbox, last.size, last.bold)
        for lab, piece in it.fields:                # its line of fields
            fields.setdefault(label_field(lab), []).append(piece)
        for key, value in fields.items():           # the parenthesis a tail's label opened closes it
            if key != LEAD_KEY and value and value[-1].text.endswith(")") \
                    and " ".join(l.text for l in value).count("(") < " ".join(l.text for l in value).count(")"):
                last = value[-1]
                value[-1] = TextLine(last.text[:-1].rstrip(), last.page, last.bbox, last.size, last.bold)
        out.append(fields)
    return out


def items_to_table(items: Sequence[Item], headings: Sequence[TextLine], config: ExtractConfig) -> ExtractedTable | None:
    s = config.blocks
    # keep the headings' groups whose items read as actions
    all_fields = inline_fields(items, config)
    groups: dict[int | None, list[int]] = {}
    for i, it in enumerate(items):
        groups.setdefault(it.section, []).append(i)
    keep: list[int] = []
    for sec, idx in groups.items():
        evidence = []
        for i in idx:
            f = all_fields[i]
            # the statement, or the first labelled field when the item opens with a label
            lines = f[LEAD_KEY] or next((v for k, v in f.items() if k != LEAD_KEY and v), [])
            labelled = any(v for k, v in f.items() if k != LEAD_KEY)    # a field under a recurring label
            evidence.append(reads_as_action(" ".join(l.text for l in lines[:2]), items[i].id is not None, config,
                                            labelled and bool(f[LEAD_KEY])))
        if sum(evidence) / len(evidence) >= s.action_min_evidence:
            keep.extend(idx)
    if len(keep) < s.min_blocks:
        return None
    keep.sort()
    kept = [items[i] for i in keep]
    fields = [all_fields[i] for i in keep]
    labels: list[FieldKey] = []
    for f in fields:
        for lab in f:
            if lab not in labels and lab != LEAD_KEY:
                labels.append(lab)
    header = [ID_KEY] + ([LEAD_KEY] if any(f[LEAD_KEY] for f in fields) else []) + labels
    rows: list[TableRow] = [TableRow(RowKind.HEADER, tuple(make_cell([]) for _ in header))]
    uppers = upper_headings(headings, {it.section for it in items if it.section is not None},
                            s.heading_level_min_uppers)
    last_section: int | None = None
    last_upper: int | None = None
    for it, f in zip(kept, fields):
        if it.section is not None and it.section != last_section:
            up = uppers.get(it.section)
            if up is not None and up != last_upper:
                rows.append(TableRow(RowKind.SECTION, (make_cell([headings[up]]),)
                                     + tuple(make_cell([]) for _ in header[1:])))
            last_upper = up
            h = headings[it.section]
            rows.append(TableRow(RowKind.SECTION, (make_cell([h]),) + tuple(make_cell([]) for _ in header[1:]),
                                 level=1 if up is not None else 0))
            last_section = it.section
        first = it.lines[0]
        ident = [TextLine(it.id, first.page, first.bbox, first.size, first.bold)] if it.id else []
        cells = [make_cell(ident)] + [make_cell(f.get(lab, [])) for lab in header[1:]]
        rows.append(TableRow(RowKind.BODY, tuple(cells)))
    body = [r for r in rows if r.kind is RowKind.BODY]
    pages = tuple(sorted({p for r in rows for p in r.pages}))
    quality = round(sum(not c.empty for r in body for c in r.cells[1:]) / max(1, len(body) * (len(header) - 1)), 3)
    return ExtractedTable(0, tuple(label for _, label in header), tuple(rows), pages, NAME, quality,
                          structure=Structure.LIST_ITEMS, parts=tuple(part for part, _ in header))


def lines_to_list_rows(lines: Sequence[TextLine], config: ExtractConfig,
                       marks: dict[int, list[BBox]] | None = None) -> list[TableRow]:
    items, headings = lines_to_items(lines, marks or {}, config)
    items = prose_headings_to_sections(split_labelled_paragraphs(items, headings, config), headings, config)
    table = items_to_table(items, headings, config)
    return [r for r in table.rows if r.kind is not RowKind.HEADER] if table else []


# a line ending in a page number: the entry's title, then leader dots (the number may touch
# them: a word processor's contents field prints "Introduction.......3") or a gap, the number
_CONTENTS_ENTRY = re.compile(r"^(?P<title>.*?\S)(?:(?P<leaders>\s*(?:\.\s?){2,}|\s*…+)\s*|\s+)(?P<page>\d{1,4})$")


def _leadered(line: TextLine) -> bool | None:
    """Whether a contents entry's number follows leader dots (None: the line is no entry)."""
    m = _CONTENTS_ENTRY.match(line.text.strip())
    return None if m is None else bool(m.group("leaders"))


def contents_lines(lines: Sequence[TextLine], page_count: int, min_entries: int) -> set[int]:
    """Indexes of the lines that are a table of contents: a run of at least `min_entries`
    lines on one page, each ending in a number no larger than the document's page count,
    the numbers right-aligned (their lines end at one x) and never going down, and most of
    them set apart from their titles by leader dots or a gap wider than a word space (the
    line is far wider than its text). Entries whose leaders are typed dots end where the dots
    run out, so a run of them need not align, and their numbers may pass the file's page
    count (printed numbers, a contents not brought up to date): their order is asked for.
    A wrapped title (a line without a number followed by
    the rest of its entry) stays in the run. Such lines are never items, whatever their
    numbers ("1. Our technical community ....... 4")."""
    out: set[int] = set()
    k = 0
    while k < len(lines):
        run: list[int] = []
        numbers: list[int] = []
        j = k
        while j < len(lines):
            line = lines[j]
            m = _CONTENTS_ENTRY.match(line.text.strip())
            # leaders typed as dots end where the dots run out, so such entries need not align
            dotted = m is not None and bool(m.group("leaders")) and all(_leadered(lines[i]) is not False for i in run)
            if run and (line.page != lines[run[0]].page or abs(line.bbox.x1 - lines[run[-1]].bbox.x1) > 2.0
                        and m is not None and not dotted):
                break
            # a printed page number may run past the file's pages (an extract, an unnumbered cover, a
            # contents not brought up to date): after leader dots the order alone is asked for
            if m is None or int(m.group("page")) > page_count and not dotted:
                # a title wrapped onto a second line: the entry's number ends the next line
                nxt = lines[j + 1] if j + 1 < len(lines) else None
                wrapped = run and nxt is not None and nxt.page == line.page \
                    and abs(nxt.bbox.x1 - lines[run[-1]].bbox.x1) <= 2.0 and _CONTENTS_ENTRY.match(nxt.text.strip()) \
                    and 0 <= nxt.bbox.top - line.bbox.bottom <= line.size
                if not wrapped:
                    break
                run.append(j)
                j += 1
                continue
            page = int(m.group("page"))
            if numbers and page < numbers[-1]:
                break
            run.append(j)
            numbers.append(page)
            j += 1
        entries = [i for i in run if _CONTENTS_ENTRY.match(lines[i].text.strip())]
        spaced = [i for i in entries if _CONTENTS_ENTRY.match(lines[i].text.strip()).group("leaders")
                  or lines[i].bbox.x1 - lines[i].bbox.x0 > len(lines[i].text) * lines[i].size]
        if len(numbers) >= min_entries and len(spaced) * 2 > len(entries):
            out.update(run)
            k = j
        else:
            k += 1
    return out


_CHAPTER_NUMBER = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*[.)]?|[IVX]{1,5}[.)])\s+")


def _title_key(text: str) -> str:
    """A chapter title for matching a heading to its contents entry: no number, case or spacing."""
    return " ".join(_CHAPTER_NUMBER.sub("", text).casefold().split())


def contents_titles(lines: Sequence[TextLine], contents: set[int]) -> frozenset[str]:
    """The titles the contents lines list (numbers, leaders and page numbers dropped)."""
    out = set()
    for i in contents:
        m = _CONTENTS_ENTRY.match(lines[i].text.strip())
        if m is not None and _title_key(m.group("title")):
            out.add(_title_key(m.group("title")))
    return frozenset(out)


class NumberedListStrategy:
    name = NAME

    def extract(self, pages: Sequence[PageContent], config: ExtractConfig, taken=(),
                boilerplate: set[tuple[int, int]] = frozenset()) -> StrategyResult:
        lines = free_lines(pages, taken, boilerplate)
        contents = contents_lines(lines, len(pages), config.list_plan.contents_min_entries)
        chapters = contents_titles(lines, contents)
        lines = [l for i, l in enumerate(lines) if i not in contents]
        marks = {p.number: bullet_marks(p.marks, config.blocks.mark_alone_max) for p in pages}
        items, headings = lines_to_items(lines, marks, config)
        items = prose_headings_to_sections(split_labelled_paragraphs(items, headings, config), headings, config,
                                           chapters)
        table = items_to_table(items, headings, config)
        if table is None:
            return StrategyResult((), ())
        regions = tuple((f.page, f.bbox) for r in table.rows for c in r.cells for f in c.fragments)
        return StrategyResult((table,), regions)
