"""Column roles from header words *and* column content, each with its evidence.

Chain: table_roles -> (header_evidence, column_profile -> content_evidence) -> assign.

A header that names a known alias (models/header_aliases.yaml) is a strong prior; a header
word that is a known keyword ("Measure of impact", "Date for completion") is weaker
evidence; and what the column holds decides where the header says nothing or is unknown:
dates and terms -> timeframe, short ids -> ref, pillar names or letters -> pillar_tags,
RAG words, letters or fills -> rag_status, percentages -> progress, short names of people
and teams -> owner, and the column of long sentences of intent ("Publish ...", "We will
...") -> action_text. A table whose headers are all unknown is still read when its content
shows an action column. Every decision is recorded (`ColumnRole`) for documents.parquet.
"""
from __future__ import annotations

import difflib
import gzip
import json
import re
import statistics
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from extract.model import Cell, ExtractedTable, Part, RowKind, Structure

from extract.vocabulary import MODELS_DIR, read_yaml

from .headers import UNKNOWN, load_aliases, normalise_header
from .rag import rag_from_rgb, rag_from_text, status_from_text
from .subactions import repair_ocr_id
from .responsibility import RESPONSIBILITY, letters, responsibility_columns
from .tags import parse_pillars, pillar_tick_columns

# Roles whose cells are free text: a header naming one of them is kept unless the column
# plainly holds something else (ids, dates, RAG letters).
TEXT_ROLES = ("aim", "action_text", "description", "supporting_actions", "success_measures", "progress",
              "comments", "resources", "owner")
ACTION_ROLES = ("action_text", "aim")
# One pillar's tick column (header "V" / "Visibility", cells marks or empty): several per table,
# each row tagged with the pillars whose columns it ticks.
PILLAR_TICKS = "pillar_ticks"
# Text roles a weak header word may give that the content can overrule (an id-led column of
# statements left of the actions is their aim).
WEAK_TEXT_ROLES = ("success_measures", "supporting_actions", "description", "comments")
# Roles whose cells have a shape of their own; a header word alone does not give them to a
# column whose content shows less than `scores.shaped_min` of that shape.
SHAPED_ROLES = ("ref", "timeframe", "pillar_tags", "rag_status", "talent_tags")
# Evidence of a header word borne out only by its shape mentioned inside longer text: such a
# column yields the role to another column that has it too.
MENTIONED = " (borne out by dates/terms inside its sentences)"
# The unlabelled parts of a block or list item (extract says which column holds which):
# its own number is its id, its lead (title, or the item's text) the action, the paragraph
# after the lead its description, a name printed beside its initials (an avatar) its owner.
PART_ROLES = {Part.MARKER: "ref", Part.LEAD: "action_text", Part.BODY: "description", Part.PERSON: "owner"}
# The heading of the list a card stands in (Part.GROUP, a board's "To do" or "Visibility"):
# the card's status where the headings read as statuses, else its section (this role).
SECTION = "section"
# A block's title where a labelled field states its action ("Paid registration" over "What we
# will do: Meet ..."): it names the action, it is no aim; kept in extra_fields under this header.
TITLE_FIELD = "title"


@dataclass(frozen=True)
class ColumnRole:
    table: int
    column: int
    header: str
    role: str
    score: float
    evidence: str


@dataclass(frozen=True)
class TableRoles:
    roles: tuple[str, ...]
    columns: tuple[ColumnRole, ...]
    unknown: tuple[str, ...]          # non-empty headers kept as extra fields

    @property
    def is_action_table(self) -> bool:
        return any(r in ACTION_ROLES for r in self.roles)


@dataclass(frozen=True)
class RoleVocabulary:
    keywords: tuple[tuple[str, str], ...]       # (stem, role)
    id_re: re.Pattern[str]
    timeframe_re: re.Pattern[str]
    percent_re: re.Pattern[str]
    talent_re: re.Pattern[str]
    intent_re: re.Pattern[str]
    numbered_re: re.Pattern[str]
    strong: float
    accept: float
    sample: int
    shaped_min: float
    mentions_min: float
    status_re: re.Pattern[str]
    multi_role_min: int = 3
    tables_min: float = 0.5          # share of a column's cells holding tables of their own that makes it a column of tables
    start_words: frozenset[str] = frozenset()     # a date column headed so is a start, not the due date
    header_as_data_min: int = 2                   # header cells reading as their columns' values (header_reads_as_data)


def _stem(word: str) -> str:
    w = word.lower()
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    return w


@lru_cache(maxsize=2)
def load_vocabulary(models_dir: Path = MODELS_DIR) -> RoleVocabulary:
    raw = read_yaml(models_dir / "header_aliases.yaml")
    kw = tuple((_stem(w), role) for role, words in raw["keywords"].items() for w in words)
    c = raw["content"]
    flags = re.IGNORECASE
    return RoleVocabulary(kw, re.compile(c["id_pattern"]), re.compile(c["timeframe_pattern"], flags),
                          re.compile(c["percent_pattern"]), re.compile(c["talent_pattern"], flags),
                          re.compile(c["intent_pattern"], flags), re.compile(c["numbered_pattern"]), float(raw["scores"]["strong_header"]),
                          float(raw["scores"]["accept"]), int(raw["scores"]["content_sample"]),
                          float(raw["scores"]["shaped_min"]), float(raw["scores"]["mentions_min"]), re.compile(c["status_pattern"], flags),
                          int(raw["scores"].get("header_multi_role_min", 3)),
                          float(raw["scores"].get("nested_tables_min", 0.5)),
                          frozenset(raw.get("start_words", ())), int(raw["scores"].get("header_as_data_min", 2)))


@lru_cache(maxsize=1)
def _verbs() -> frozenset[str]:
    """English verb forms (spacy-lookups-data's WordNet lemma index): an action usually opens
    with one ("Publish ...", "Review ..."). Without the package no column reads as imperative."""
    try:
        import spacy_lookups_data
    except ImportError:
        return frozenset()
    data = Path(spacy_lookups_data.__file__).parent / "data" / "en_lemma_index.json.gz"
    return frozenset(w.lower() for w in json.loads(gzip.open(data).read())["verb"])


@lru_cache(maxsize=1)
def _report_auxiliaries() -> frozenset[str]:
    """Words that, second in a sentence, make its first word a subject ("Work has begun")."""
    raw = read_yaml(MODELS_DIR / "header_aliases.yaml")
    return frozenset(w.lower() for w in raw["content"].get("report_auxiliaries", ()))


def is_key(text: str, ocr: bool = False) -> bool:
    """The text opens with an id ("V1", "S2.1", "3.", "Action 7"; from OCR, the first word
    repaired where it has a digit or "$")."""
    words = text.split()
    if not words:
        return False
    first = words[0].rstrip("–-:")
    if ocr:
        first = repair_ocr_id(first, require_digit=True)
    vocab = load_vocabulary()
    return bool(vocab.id_re.match(first) or vocab.numbered_re.match(text))


# ----------------------------------------------------------------------------- header words
def header_evidence(header: str, profile: "ColumnProfile | None" = None) -> tuple[str, float, str]:
    """(role, score, evidence) from the header text alone; UNKNOWN with 0 when it says nothing."""
    key = normalise_header(header)
    if not key:
        return UNKNOWN, 0.0, "blank header"
    aliases = load_aliases()[1]
    if key in aliases:
        return aliases[key], 1.0, f"header alias '{key}'"
    squeezed = key.replace(" ", "")  # a label wrapped mid-word in a narrow column ("TC Pilla r")
    for alias, role in aliases.items():
        if alias and alias.replace(" ", "") == squeezed:
            return role, 0.95, f"header alias '{alias}' (wrapped)"
    # Longest alias contained as whole words ("Key Outputs / KPI"), if it is most of the
    # header: "Notes for auditors" is not a "notes" column.
    best, best_len = None, 0
    for alias, role in aliases.items():
        if len(alias) > best_len and len(alias) >= 3 and len(alias) >= 0.5 * len(key) \
                and re.search(rf"(?<![a-z]){re.escape(alias)}(?![a-z])", key):
            best, best_len = (role, alias), len(alias)
    if best:
        return best[0], 0.85, f"header contains alias '{best[1]}'"
    # Close spelling of an alias ("Timeline", "Responsibilty")
    close = difflib.get_close_matches(key, [a for a in aliases if len(a) >= 4], n=1, cutoff=0.85)
    if close:
        return aliases[close[0]], 0.7, f"header close to alias '{close[0]}'"
    # Keywords: the role whose words the header uses most, earliest word breaking ties.
    vocab = load_vocabulary()
    votes: dict[str, tuple[int, int, str]] = {}
    for pos, word in enumerate(re.findall(r"[a-z0-9#]+", key)):
        stem = _stem(word)
        for kw, role in vocab.keywords:
            if kw == stem:
                n, first, w = votes.get(role, (0, pos, word))
                votes[role] = (n + 1, first, w)
    # A header naming several roles at once ("Action, lead, timing and measure of success")
    # heads the column holding them all: each cell is the action with its fields.
    named = [r for r in ACTION_ROLES if r in votes]
    if named and len(votes) >= vocab.multi_role_min:
        roles = ", ".join(sorted(votes, key=lambda r: votes[r][1]))
        return named[0], 0.7, f"header names {len(votes)} roles at once ({roles}): the column holding them all"
    # A role whose cells have a shape of their own (dates, ids, RAG, ...) needs the content to
    # show some of it: "Milestone / measure" over sentences is a measure, not a date.
    ranked = sorted(votes.items(), key=lambda kv: (-kv[1][0], kv[1][1]))
    for role, (n, _, word) in ranked:
        if profile is None or role not in SHAPED_ROLES or profile.shares.get(role, 0.0) >= vocab.shaped_min:
            return role, min(0.7, 0.5 + 0.1 * n), f"header word{'s' if n > 1 else ''} '{word}'" + (f" (+{n - 1})" if n > 1 else "")
        if profile.mentions.get(role, 0.0) >= vocab.mentions_min:
            return role, 0.5, f"header word '{word}'{MENTIONED}"
    if ranked:
        return UNKNOWN, 0.0, f"header word '{ranked[0][1][2]}' not borne out by the content"
    return UNKNOWN, 0.0, f"header '{header.strip()}' unknown"


# ----------------------------------------------------------------------------- column content
@dataclass(frozen=True)
class ColumnProfile:
    filled: int
    words: float          # median words per filled cell
    longest: bool         # the column with the most words per cell in its table
    shares: dict          # role -> share of the column's cells that look like it
    # role -> share of cells that mention its shape anywhere (a date inside a sentence of
    # milestones): enough to bear out a header word, not to give the role alone
    mentions: dict = field(default_factory=dict)
    # share of the filled cells that hold a table of their own (a milestone | date table in a
    # row): such a column is no column of single values (dates, ids, statuses)
    tables: float = 0.0


def _own_cells(table: ExtractedTable, i: int) -> list[Cell]:
    """The column's cells in body rows; a cell merged down over several rows counts once."""
    out = []
    for r in table.rows:
        if r.kind is RowKind.BODY and i < len(r.cells) and not r.cells[i].spanned:
            out.append(r.cells[i])
    return out


_LEAD = re.compile(r"^\s*(?:\(?[A-Za-z]{0,3}\d{1,3}(?:\.\d{1,3})*[a-z]?[.):]?|\(?[a-z]\)|[•●▪■◦‣∙·○*–-])\s*[-–—:.]?\s*")


def _intent(text: str, vocab: RoleVocabulary) -> bool:
    """Opens with a verb (after any id or list marker: "V1.2 - Publish ...", "a) Hold ...")
    or says "will"."""
    words = re.findall(r"[A-Za-z][A-Za-z'’-]*", _LEAD.sub("", text, count=1))
    if not words:
        return False
    k = 1 if words[0].lower() == "to" and len(words) > 1 else 0
    first = words[k]
    # "Work has begun ...", "Review was completed ...": the opening word is the subject of a
    # report on what happened, not an imperative.
    if k + 1 < len(words) and words[k + 1].lower() in _report_auxiliaries():
        return bool(vocab.intent_re.search(text))
    return first.lower() in _verbs() or bool(vocab.intent_re.search(text))


def column_profile(cells: Sequence[Cell], longest: bool, ocr: bool) -> ColumnProfile:
    vocab = load_vocabulary()
    step = max(1, len(cells) // vocab.sample)   # evenly spread: a 300-page column needs no more
    cells = cells[::step]
    texts = [t for t in (c.text for c in cells) if t]
    nested = sum(1 for c in cells if c.text and c.holds_table) / len(texts) if texts else 0.0
    fills = [c for c in cells if not c.text and c.fill_rgb is not None and rag_from_rgb(c.fill_rgb)]
    n = len(texts)
    if not n and not fills:
        return ColumnProfile(0, 0.0, False, {}, {})
    counts = [len(t.split()) for t in texts]
    words = statistics.median(counts) if counts else 0.0

    def share(pred) -> float:
        return sum(1 for t, k in zip(texts, counts) if pred(t, k)) / n if n else 0.0

    ids = share(lambda t, k: k <= 2 and is_key(t, ocr))
    dates = share(lambda t, k: k <= 12 and bool(vocab.timeframe_re.search(t)))
    pillars = share(lambda t, k: k <= 8 and bool(parse_pillars(t, allow_codes=True)))
    # a status in words ("Red", "On track", "At risk"); "40% complete" is progress, not green
    rag = (sum(1 for t, k in zip(texts, counts) if k <= 3 and not vocab.percent_re.match(t)
               and (rag_from_text(t) or vocab.status_re.match(t))) + len(fills)) / (n + len(fills))
    percents = share(lambda t, k: bool(vocab.percent_re.match(t)))
    talent = share(lambda t, k: bool(vocab.talent_re.match(t)))
    intent = share(lambda t, k: k >= 3 and _intent(t, vocab))
    names = share(lambda t, k: 1 <= k <= 8 and not t.rstrip().endswith((".", "?", "!"))
                  and t[:1].isupper() and not vocab.timeframe_re.search(t) and not vocab.id_re.match(t)
                  and not rag_from_text(t) and not parse_pillars(t, allow_codes=True)
                  and not (k >= 3 and _intent(t, vocab)))   # "Head of School", "Finance Partner": names, not orders
    distinct = len(set(texts)) / n if n else 1.0
    action = intent * min(1.0, words / 6) * (1.0 if longest else 0.8)
    owner = names * (1.0 if words <= 5 else 0.6) * (1.0 if distinct < 0.9 or n < 4 else 0.85)
    shares = {"ref": ids, "timeframe": dates, "pillar_tags": pillars, "rag_status": rag, "progress": percents,
              "talent_tags": talent, "owner": owner, "action_text": action}
    mentions = {"timeframe": share(lambda t, k: bool(vocab.timeframe_re.search(t)))}
    if nested >= vocab.tables_min:      # the dates, ids, statuses in it are its own table's rows'
        shares.update({r: 0.0 for r in SHAPED_ROLES})
        mentions = {r: 0.0 for r in mentions}
    return ColumnProfile(n, float(words), longest, shares, mentions, nested)


_CONTENT_WORDS = {"ref": "ids", "timeframe": "dates/terms", "pillar_tags": "pillar names/letters",
                  "rag_status": "RAG words/letters/fills", "progress": "percentages", "talent_tags": "TALENT ids",
                  "owner": "short names of people/teams", "action_text": "sentences of intent"}


def content_evidence(profile: ColumnProfile) -> tuple[str, float, str]:
    if not profile.shares:
        return UNKNOWN, 0.0, "empty column"
    role, score = max(profile.shares.items(), key=lambda kv: kv[1])
    if score <= 0:
        return UNKNOWN, 0.0, f"content: {profile.filled} cells, median {profile.words:g} words"
    return role, round(score, 3), f"content: {score:.0%} {_CONTENT_WORDS[role]}"


def _contradicts(role: str, profile: ColumnProfile) -> bool:
    """A text role named by the header over a column of one- or two-word ids, dates or RAG
    letters, or of pillar names: the header is wrong ("Action" over 1.1, 1.2, ...). A shaped
    role over a column of tables (each cell a table of its own: "Timeline" over milestone |
    date tables) is wrong too: no cell is one date, id or status."""
    if role in SHAPED_ROLES and profile.tables >= load_vocabulary().tables_min:
        return True
    if role not in TEXT_ROLES or not profile.filled:
        return False
    s = profile.shares
    if s["pillar_tags"] >= 0.8 and role != "owner":   # "Key area" over "Visibility (V1) Career Development (CD3)"
        return True
    if profile.words > 3:
        return False
    return max(s["ref"], s["rag_status"], s["progress"], s["pillar_tags"]) >= 0.8 \
        or (role != "owner" and s["timeframe"] >= 0.8)


def _is_legend(cols: Sequence[Sequence[Cell]], profiles: Sequence[ColumnProfile]) -> bool:
    """A key, legend or glossary: two filled columns, one of distinct short terms that are
    not ids ("Red", "Amber"; "TCWG"), the other of their definitions."""
    filled = [i for i, p in enumerate(profiles) if p.filled]
    if len(filled) != 2:
        return False
    for i in filled:
        texts = [c.text for c in cols[i] if c.text]
        if texts and len(set(texts)) == len(texts) and profiles[i].words <= 3 and profiles[i].shares["ref"] < 0.5 \
                and max(len(t.split()) for t in texts) <= 4:
            other = profiles[filled[1] if i == filled[0] else filled[0]]
            return other.words > profiles[i].words
    return False


def _id_led(cells: Sequence[Cell], ocr: bool) -> float:
    """Share of a column's filled cells that open with an id before a statement ("A3: Celebrate
    ...", "V1 - To have ...")."""
    texts = [c.text for c in cells if c.text]
    return sum(1 for t in texts if len(t.split()) > 2 and is_key(t.split()[0], ocr)) / len(texts) if texts else 0.0


def _distinct(cells: Sequence[Cell]) -> int:
    """Distinct filled texts of a column (an aim repeated on each of its actions' rows counts once)."""
    return len({" ".join(c.text.split()) for c in cells if c.text})


def _items_per_cell(cells: Sequence[Cell]) -> float:
    """Mean number of list items per filled cell (lines opening with a list marker count
    one each; a cell without markers is one item)."""
    counts = [max(1, sum(1 for line in c.lines if _ITEM.match(line.text))) for c in cells if c.text]
    return statistics.mean(counts) if counts else 0.0


_ITEM = re.compile(r"^\s*(?:[A-Z]{0,3}\d{1,2}(?:\.\d{1,2})+\s*[-–—:.)]?\s|\(?[a-z]\)|\((?:i|ii|iii|iv|v|vi|vii|viii|ix|x)\)|[a-z]\.\s|\d{1,2}[.)]\s|[•●▪■◦‣∙·○*–-]\s)")


# ----------------------------------------------------------------------------- assignment
def header_reads_as_data(table: ExtractedTable, ocr: bool = False) -> tuple[str, ...]:
    """The cells of a grid's printed header that read as values of the kind their column
    holds below them, when they are `header_as_data_min` or more and outnumber the cells
    naming a known column: the "header" is a row of data (a table printed without its
    header, or a data row a strategy took for one: "2 | Produce a short film about | ... |
    On track"). A header is the column names; an id over the ids, a sentence of intent over
    the actions, a date over the dates or a status over the statuses (a RAG pill's words,
    models/rag.yaml) is a cell of a row. A cell opening with a column's name ("When Mar
    2026": a header run into the row below it, as a photo's OCR reads it) names a column.
    Empty when the header reads as one."""
    heads = [r for r in table.rows if r.kind is RowKind.HEADER]
    if table.structure is not Structure.GRID or not table.header or len(heads) != 1:
        return ()
    vocab = load_vocabulary()
    aliases = load_aliases()[1]
    cells = heads[0].cells
    cols = [_own_cells(table, i) for i in range(len(cells))]
    med = [statistics.median([len(c.text.split()) for c in cs if c.text] or [0]) for cs in cols]
    top = max(med, default=0)
    known = data = 0
    found: list[str] = []
    for i, cell in enumerate(cells):
        text = cell.text.strip()
        if not text:
            continue
        key = normalise_header(text)
        if key in aliases or any(len(a) >= 3 and key.startswith(a + " ") for a in aliases):
            known += 1      # a column's name, or one opening the cell (a header merged into the row below)
            continue
        role, score, _ = content_evidence(column_profile(cols[i], med[i] == top and top > 0, ocr))
        if score < vocab.accept:
            continue
        k = len(text.split())
        fits = {"ref": k <= 2 and is_key(text, ocr),
                "rag_status": k <= 3 and (status_from_text(text) is not None or bool(vocab.status_re.match(text))),
                "action_text": k >= 4 and _intent(text, vocab),
                "timeframe": k <= 6 and bool(vocab.timeframe_re.search(text))}.get(role, False)
        if fits:
            data += 1
            found.append(f"'{text[:40]}' as {role}")
    return tuple(found) if data >= vocab.header_as_data_min and data > known else ()


def reads_as_status(text: str, vocab: RoleVocabulary) -> bool:
    """A short cell opening with a status phrase (models/rag.yaml: "Done", "At risk", "To do")
    or being one (status_pattern: "In progress")."""
    return len(text.split()) <= 3 and (status_from_text(text) is not None or bool(vocab.status_re.match(text)))


def group_role(i: int, cells: Sequence[Cell], rag_taken: bool, vocab: RoleVocabulary) -> tuple[int, str, float, str]:
    """The role of the column holding each card's list heading (Part.GROUP): the status, with
    its words as the evidence, where `accept` of the headings read as statuses ("To do", "In
    progress", "Done"); else the card's section ("Visibility", "Spring term")."""
    names = sorted({" ".join(c.text.split()) for c in cells if c.text})
    share = sum(reads_as_status(n, vocab) for n in names) / len(names) if names else 0.0
    said = f"the heading of the list each card stands in ({', '.join(names[:6])})"
    if share >= vocab.accept and not rag_taken:
        return i, "rag_status", round(share, 3), f"{said}: {share:.0%} of the headings read as statuses"
    return i, SECTION, 1.0, f"{said}: {share:.0%} read as statuses, the card's section"


def table_roles(table: ExtractedTable, headers: Sequence[str] | None = None, ocr: bool = False) -> TableRoles:
    """Each column's role, with its score and evidence. `headers` overrides the table's own
    (a continuation printed without its header takes the previous table's)."""
    vocab = load_vocabulary()
    ncol = max((len(r.cells) for r in table.rows), default=0)
    heads = list(headers if headers is not None else table.header) + [""] * ncol
    heads = heads[:ncol]
    cols = [_own_cells(table, i) for i in range(ncol)]
    med = [statistics.median([len(c.text.split()) for c in cs if c.text] or [0]) for cs in cols]
    top = max(med, default=0)
    profiles = [column_profile(cs, med[i] == top and top > 0, ocr) for i, cs in enumerate(cols)]
    roles: list[str] = [UNKNOWN] * ncol
    scores: list[float] = [0.0] * ncol
    evidence: list[str] = [""] * ncol
    taken: set[str] = set()

    def take(i: int, role: str, score: float, ev: str) -> bool:
        if role != UNKNOWN and role in taken and role not in ("timeframe", PILLAR_TICKS, RESPONSIBILITY):   # Start / End: both timeframe
            return False
        roles[i], scores[i], evidence[i] = role, round(score, 3), ev
        taken.add(role)
        return True

    # 0. A group of columns each headed by one pillar, holding marks: the plan's own tags.
    ticks = pillar_tick_columns(heads, [[c.text for c in cs] for cs in cols])
    for i, code in ticks.items():
        take(i, PILLAR_TICKS, 1.0, f"tick column of pillar {code}: one of {len(ticks)} columns each headed by one "
                                   f"pillar, its cells marks or empty")
    #    A block of role columns holding responsibility letters (R / A / C / I): a RACI matrix,
    #    no owner, pillar or RAG column whatever its headers and letters say.
    matrix = responsibility_columns(table, heads) if not ticks else ()
    for i in matrix:
        take(i, RESPONSIBILITY, 1.0, f"a column of a responsibility matrix: one of {len(matrix)} adjacent columns "
                                     f"under role headers, every filled cell letters of one set "
                                     f"({', '.join(sorted({x for c in cols[i] for x in letters(c.text) or ()}))})")
    # 1. Strong header aliases, in column order (a second column of a taken role stays extra).
    pending = []
    for i, h in enumerate(heads):
        if i in ticks or i in matrix:
            continue
        h_role, h_score, h_ev = header_evidence(h, profiles[i])
        c_role, c_score, c_ev = content_evidence(profiles[i])
        part = table.part(i)
        if part is Part.TITLE:      # a block's short heading over the field stating its action
            evidence[i] = f"the title of each {table.structure.value} row, a field states its action: kept as " \
                          f"the extra field '{TITLE_FIELD}'; {c_ev}"
            continue
        if part is Part.GROUP:
            take(*group_role(i, cols[i], "rag_status" in taken, vocab))
            continue
        if part in PART_ROLES:
            take(i, PART_ROLES[part], 1.0, f"the {part.value} of each {table.structure.value} row (no printed label); "
                                           f"{c_ev}")
            continue
        if h_score >= vocab.strong and not _contradicts(h_role, profiles[i]):
            if h_role == "ref" and not h.strip():
                pass
            elif not take(i, h_role, h_score, f"{h_ev}; {c_ev}"):
                evidence[i] = f"{h_ev}, but that role is taken by an earlier column; {c_ev}"
            continue
        if h_score >= vocab.strong:
            h_ev += " contradicted by the content"
            h_role, h_score = UNKNOWN, 0.0
        pending.append((i, h_role, h_score, h_ev, c_role, c_score, c_ev))
    # 2. Weak header words where the content agrees or says nothing; else the content.
    for i, h_role, h_score, h_ev, c_role, c_score, c_ev in sorted(pending, key=lambda p: -max(p[2], p[5] if p[4] != "action_text" else 0.0)):
        if c_role == "action_text":
            c_role, c_score = UNKNOWN, 0.0   # the action column is chosen last, among all columns
        # The header's role wins where the content bears it out too, even if another role's
        # share is higher: "Action ref" over "V1", "CD2" (ids that also read as pillar codes).
        if h_role != UNKNOWN and (c_score < vocab.accept or c_role == h_role
                                  or profiles[i].shares.get(h_role, 0.0) >= vocab.accept):
            if take(i, h_role, max(h_score, (h_score + c_score) / 2 if c_role == h_role else h_score), f"{h_ev}; {c_ev}"):
                continue
        if c_role != UNKNOWN and c_score >= vocab.accept and take(i, c_role, c_score, f"{h_ev}; {c_ev}"):
            continue
        evidence[i] = f"{h_ev}; {c_ev}"
    #    A second timeframe column borne out only by dates inside sentences ("We will know when")
    #    is not one: Start / End columns hold dates of their own.
    if roles.count("timeframe") > 1:
        for i in range(ncol):
            if roles[i] == "timeframe" and MENTIONED in evidence[i]:
                roles[i], scores[i] = UNKNOWN, 0.0
    # 3. No action column named: the column of sentences of intent is the action column
    #    (not in a legend or glossary: a column of distinct one-word terms beside definitions).
    if "action_text" not in roles and not _is_legend(cols, profiles):
        cands = [(profiles[i].shares.get("action_text", 0.0), i) for i in range(ncol)
                 if roles[i] in (UNKNOWN, "description", "supporting_actions", "comments", "progress")]
        if "aim" in roles:   # beside a named aim column: a column with more distinct statements (the aim
            # groups them, merged down or printed again on each row), or with more statements per row
            # (its cells list the aim's actions: "a) ... b) ...")
            a = roles.index("aim")
            cands = [(sc, i) for sc, i in cands if _distinct(cols[i]) > _distinct(cols[a])
                     or _items_per_cell(cols[i]) >= 1.5 * max(1.0, _items_per_cell(cols[a]))]
        best = max(cands, default=(0.0, -1))
        if best[0] >= vocab.accept - 0.1 and best[1] >= 0:
            i = best[1]
            was = roles[i]
            taken.discard(was)
            roles[i] = UNKNOWN
            take(i, "action_text", best[0], f"content: {best[0]:.0%} sentences of intent, the longest text "
                                            f"column" + (f" (header said {was})" if was != UNKNOWN else "")
                 + (f"; {evidence[i]}" if evidence[i] else ""))
    # 4. A column of long text left of the action column, with no role of its own, is the aim
    #    the actions serve (what the actions are grouped under: often merged down).
    #    Its statements led by their own ids ("A3: Celebrate ...") make it the aim even where a
    #    weak header word named another text role ("Intended outcome"): content beats a weak header.
    if "action_text" in roles and "aim" not in roles:
        act = roles.index("action_text")
        for i in range(act):
            led = _id_led(cols[i], ocr)
            weak = roles[i] in WEAK_TEXT_ROLES and scores[i] < vocab.strong and led >= vocab.accept
            if (roles[i] == UNKNOWN or weak) and profiles[i].filled and profiles[i].words >= 3 \
                    and not any(profiles[i].shares.get(r, 0.0) >= vocab.accept for r in SHAPED_ROLES):
                was = roles[i]
                taken.discard(was)
                roles[i] = UNKNOWN
                take(i, "aim", 0.6, f"long text left of the action column"
                     + (f", {led:.0%} of it led by ids (header said {was})" if weak else "") + f"; {evidence[i]}")
                break
    # 5. Two date columns, one headed as the start ("Start", "From"): the other is when the action
    #    is due; the start is kept beside it as a field of its own, not joined into the timeframe.
    starts: set[int] = set()
    if roles.count("timeframe") >= 2:
        starts = {i for i in range(ncol) if roles[i] == "timeframe"
                  and set(re.findall(r"[a-z]+", heads[i].lower())) & vocab.start_words}
        if len(starts) < roles.count("timeframe"):
            for i in starts:
                roles[i] = UNKNOWN
                evidence[i] = f"a start beside the due date (header '{heads[i].strip()}'): kept as a field; {evidence[i]}"
        else:
            starts = set()
    columns = tuple(ColumnRole(table.index, i, heads[i].strip(), roles[i], scores[i], evidence[i]) for i in range(ncol))
    unknown = tuple(dict.fromkeys(h.strip() for i, (h, r) in enumerate(zip(heads, roles))
                                  if r == UNKNOWN and h.strip() and i not in starts))
    return TableRoles(tuple(roles), columns, unknown)


def document_roles(tables: Sequence[ExtractedTable], ocr: bool = False) -> dict[int, TableRoles]:
    """Roles of the tables that share their printed header with another table of the document
    (one table per pillar, each under the same header), decided once on their pooled content:
    a small table whose own cells say little (one action per aim, a column of few dates) reads
    as its siblings do. Evidence is still recorded once per table. Tables whose header is
    their own are not here: `table_roles` decides them alone."""
    groups: dict[tuple, list[ExtractedTable]] = {}
    for t in tables:
        ncol = max((len(r.cells) for r in t.rows), default=0)
        key = tuple(normalise_header(h) for h in t.header)
        if t.structure is Structure.GRID and not t.parts and any(key) and len(t.header) == ncol:
            groups.setdefault((ncol,) + key, []).append(t)
    out: dict[int, TableRoles] = {}
    for group in groups.values():
        if len(group) < 2:
            continue
        pooled = replace(group[0], rows=tuple(r for t in group for r in t.rows if r.kind is RowKind.BODY))
        tr = table_roles(pooled, ocr=ocr)
        note = f" (decided on {len(group)} tables with this header)"
        for t in group:
            out[t.index] = TableRoles(tr.roles, tuple(replace(c, table=t.index, evidence=c.evidence + note)
                                                     for c in tr.columns), tr.unknown)
    return out
