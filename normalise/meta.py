"""Document-level facts: institution, plan title, period.

Read from the document's own words: the title block (the first lines of the first page),
the running headers and the full names the text writes. The registry
(models/institutions.csv) resolves a name to its canonical form; it never overrides a
name the document writes (a plan of an institution the registry lacks keeps its own
name, flagged "not in the registry"). Short forms ("UoE") count only when no full name is
written, and only when unambiguous. Vocabulary and weights: models/meta.yaml.
"""
from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from extract.issues import Issue, IssueCode, note, warning
from extract.lexicon import is_verb_base
from extract.model import TextLine
from extract.text import join_lines
from extract.vocabulary import MODELS_DIR, read_yaml

from .model import DocumentMeta


@dataclass(frozen=True)
class Institution:
    name: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class MetaConfig:
    version: str
    title_block_lines: int
    title_block_weight: int
    title_keywords: tuple[str, ...]
    title_heading_ratio: float
    title_line_gap: float
    breadcrumb_separators: tuple[str, ...]
    determiners: frozenset[str]
    connectors: frozenset[str]
    name_stop_words: frozenset[str]
    period_cues: frozenset[str] = frozenset()
    period_cue_window: int = 60
    period_max_years: int = 6
    # head nouns of an institution's name: found anywhere; the fallback ones only in the
    # title block and running headers, and only when no name with a head is written
    institution_heads: tuple[str, ...] = ("University", "Institute", "College")
    institution_heads_fallback: tuple[str, ...] = ()
    # a heading's wrapped line may overlap it by this many times its size (a browser sets
    # heading lines tighter than their glyphs' boxes)
    title_line_overlap: float = 0.0
    # a line narrower than this share of the line below was not wrapped into it: the title
    # ends there, and what follows in its style is a paragraph
    title_wrap_ratio: float = 0.0
    # words that join a head to the rest of its name ("University of X", "Institute for X")
    name_connectors: tuple[str, ...] = ("of",)
    # stop words that may still end a name after its connector ("Institute for Marine Research")
    name_tail_words: frozenset[str] = frozenset()
    # a title's other line (a heading over the plan's name, a subtitle naming the plan under a
    # heading) at most this many times its size away: joined "Heading: Subtitle" (0: never)
    title_subtitle_gap: float = 0.0
    # a line holding the title's period alone, in its size and weight, at most this many times
    # its size below it, ends the title (a paragraph of its own: "... Action Plan" / "2025–2028")
    title_period_gap: float = 0.0
    # a name set as a logo lockup, its head noun on a line of its own over or under the rest
    # ("KINGSMERE" / "UNIVERSITY"): lines this many times the smaller size apart at most, their
    # left edges or centres within lockup_align x that size (0: never)
    lockup_gap: float = 0.0
    lockup_align: float = 0.0


@lru_cache(maxsize=2)
def load_meta_config(models_dir: Path = MODELS_DIR) -> MetaConfig:
    raw = read_yaml(models_dir / "meta.yaml")
    return MetaConfig(str(raw["version"]), int(raw["title_block_lines"]), int(raw["title_block_weight"]),
                      tuple(k.lower() for k in raw["title_keywords"]), float(raw["title_heading_ratio"]),
                      float(raw["title_line_gap"]), tuple(raw["breadcrumb_separators"]),
                      frozenset(w.lower() for w in raw["determiners"]), frozenset(w.lower() for w in raw["connectors"]),
                      frozenset(w.lower() for w in raw["name_stop_words"]),
                      frozenset(w.lower() for w in raw.get("period_cues", ())), int(raw.get("period_cue_window", 60)),
                      int(raw.get("period_max_years", 6)),
                      tuple(raw.get("institution_heads", ("University", "Institute", "College"))),
                      tuple(raw.get("institution_heads_fallback", ())),
                      float(raw.get("title_line_overlap", 0.0)), float(raw.get("title_wrap_ratio", 0.0)),
                      tuple(w.lower() for w in raw.get("name_connectors", ("of",))),
                      frozenset(w.lower() for w in raw.get("name_tail_words", ())),
                      float(raw.get("title_subtitle_gap", 0.0)), float(raw.get("title_period_gap", 0.0)),
                      float(raw.get("lockup_gap", 0.0)), float(raw.get("lockup_align", 0.0)))


@lru_cache(maxsize=2)
def load_institutions(models_dir: Path = MODELS_DIR) -> tuple[Institution, ...]:
    out = []
    with open(models_dir / "institutions.csv", newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            aliases = tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip())
            out.append(Institution(row["name"].strip(), aliases))
    return tuple(out)


def _short_forms(inst: Institution) -> list[str]:
    forms = [inst.name, *inst.aliases]
    m = re.match(r"^(?:The\s+)?University of (?:the\s+)?(.+)$", inst.name)
    if m:
        forms.append(m.group(1))
    m = re.match(r"^(.+?) University$", inst.name)
    if m:
        forms.append(m.group(1))
    return forms


def _flat(text: str) -> str:
    """Whitespace-normalised: a name broken over two lines ("University of\\nEssex") is whole."""
    return " ".join((text or "").split())


_NAME_WORD = r"[A-Z][A-Za-z'’\-]+"


@lru_cache(maxsize=8)
def after_head_words(heads: tuple[str, ...], connectors: tuple[str, ...] = ("of",)) -> tuple[str, ...]:
    """Capitalised words the registry's names set straight after their head noun, a place
    closing the name ("Imperial College London", "Queen's University Belfast"): learned from
    models/institutions.csv, so "Pennard College London" is read whole, not as "Pennard College"."""
    out: set[str] = set()
    for inst in load_institutions():
        w = inst.name.split()
        out.update(w[k + 1] for k in range(len(w) - 1) if w[k] in heads and w[k + 1][:1].isupper()
                   and w[k + 1] not in heads and w[k + 1].lower() not in connectors)
    return tuple(sorted(out))


@lru_cache(maxsize=8)
def _generic(heads: tuple[str, ...], connectors: tuple[str, ...] = ("of",)) -> re.Pattern:
    """Up to three capitalised words, a head noun (models/meta.yaml institution_heads:
    University, Institute, College, ...), then optionally "of [the] <up to three capitalised
    words>" (or another of name_connectors: "for"): "University of Calder Vale", "Harrowgate
    Institute of Science", "Royal Fenwick Institute", "Ashby Metropolitan University",
    "Caerwen Conservatoire of Music and Drama", "Loxley Institute for Marine Research"."""
    after = after_head_words(heads, connectors)
    tail = rf"(?:[ \t]+(?:{'|'.join(map(re.escape, after))})(?![A-Za-z]))?" if after else ""
    return re.compile(
        rf"((?:{_NAME_WORD}\s+){{0,3}}(?:{'|'.join(map(re.escape, heads))}){tail}"
        rf"(?:\s+(?:{'|'.join(map(re.escape, connectors))})\s+(?:the\s+)?{_NAME_WORD}"
        rf"(?:\s+(?:and\s+)?{_NAME_WORD}){{0,2}})?)(?![A-Za-z])")


def _trim_name(name: str, cfg: MetaConfig, heads: tuple[str, ...] | None = None) -> str | None:
    """A matched name without the words around it that are not part of it ("The",
    "Technician Commitment" before or after); None when no name is left (a bare
    "University", "The Institute")."""
    words = name.split()
    while words and (words[0].lower() in cfg.determiners or words[0].lower() in cfg.name_stop_words):
        words = words[1:]
    low = [w.lower() for w in words]
    heads = heads or cfg.institution_heads
    # the connector after the head ("University of", "Institute for"), where there is one
    conn = next((k for k in range(1, len(low)) if low[k] in cfg.name_connectors and words[k - 1] in heads), None)
    if conn is None and "of" in low:
        conn = low.index("of")

    def stops(k: int) -> bool:     # after the connector a name may end in a tail word ("... Marine Research")
        return low[k] in cfg.name_stop_words and not (conn is not None and k > conn + 1 and low[k] in cfg.name_tail_words)

    if conn is not None:  # "Institute of Science Technician Commiiment" (an OCR'd title): the name ends
        cut = next((k for k in range(conn + 1, len(words)) if stops(k)), None)   # at the first word that cannot be in it
        if cut is not None:
            words, low = words[:cut], low[:cut]
    while words and (stops(len(words) - 1) or low[len(words) - 1] in ("of", "the", "and") + cfg.name_connectors):
        words = words[:-1]
    low = low[:len(words)]
    if conn is not None and conn < len(words):     # "... of <place>": the place must survive trimming
        if conn == len(words) - 1 or words[conn - 1] not in heads:
            words = words[:conn]
    if len(words) < 2 or not any(w in heads for w in words):
        return None
    return " ".join(words)


def _opens_sentence(before: str) -> bool:
    """Nothing but an id, a bullet or punctuation before this point of the line, or a
    sentence end: the next word opens a sentence (where a capital proves no name)."""
    return not before.strip() or bool(re.fullmatch(r"[\s\W\d]*(?:[A-Za-z]{1,3}\d[\d.]*[a-z]?)?[\s\W]*", before)) \
        or before.rstrip().endswith((".", "!", "?", ":", ";"))


def _canonical(name: str) -> str | None:
    """The registry's name for a name or alias as written, else None."""
    low = _flat(name).lower()
    for inst in load_institutions():
        if low == inst.name.lower() or low in (a.lower() for a in inst.aliases if len(a) > 4):
            return inst.name
    return None


_SMALL_WORDS = frozenset({"of", "the", "and", "for", "in", "at", "on", "to", "from", "by", "a", "an", "with"})


def uncapitalise(line: str) -> str:
    """A run of two or more words printed in capitals only ("ASHCOMBE UNIVERSITY", a masthead
    or running header set in caps) in title case ("Ashcombe University", small words such as
    "of" lower-cased), so the name patterns read it as they read a name in mixed case. Single
    capitalised words (acronyms: "UCL", "HR") are left as they are; the length is kept, so
    positions in the line still hold."""
    def title(m: re.Match) -> str:
        return re.sub(r"[A-Z][A-Z'’\-]*", lambda w: w.group(0).lower() if w.group(0).lower() in _SMALL_WORDS
                      else w.group(0)[0] + w.group(0)[1:].lower(), m.group(0))
    return re.sub(r"(?<![A-Za-z])[A-Z][A-Z'’\-]+(?:[ \t]+[A-Z][A-Z'’\-]*)+(?![a-z])", title, line)


def full_names(text: str, cfg: MetaConfig | None = None,
               heads: tuple[str, ...] | None = None) -> dict[str, tuple[int, int, bool]]:
    """Institution names the document writes in full: name -> (weighted count, first
    position, in the registry). Registry names are found first (so "University of the
    West of England" is not also read as "University of the West"); then any other
    "University of X" / "X University", without determiners ("The University")."""
    cfg = cfg or load_meta_config()
    heads = heads or cfg.institution_heads
    generic = _generic(heads, cfg.name_connectors)
    # names set in capitals are read as names ("ASHCOMBE UNIVERSITY" in a masthead)
    text = "\n".join(uncapitalise(l) for l in (text or "").splitlines())
    lines = [l.strip() for l in text.splitlines() if l.strip()]
    flat = _flat(text)
    head_len = len(_flat("\n".join(lines[:cfg.title_block_lines])))
    found: dict[str, list[int]] = {}
    rest = flat
    for inst in sorted(load_institutions(), key=lambda i: -len(i.name)):
        pat = re.compile(rf"(?<![A-Za-z]){re.escape(inst.name)}(?![A-Za-z])", re.I)
        for m in pat.finditer(rest):
            found.setdefault(inst.name, []).append(m.start())
        rest = pat.sub(lambda m: " " * len(m.group(0)), rest)
    # other names line by line (a name is not made of the end of one line and the start of
    # the next: "Ongoing" / "University ..."), with registry names blanked out
    offset = 0
    subject: set[str] = set()      # names written as a sentence's subject ("X signed ...")
    for line in lines:
        flat_line = _flat(line)
        for inst in load_institutions():
            flat_line = re.sub(rf"(?<![A-Za-z]){re.escape(inst.name)}(?![A-Za-z])", lambda m: " " * len(m.group(0)),
                               flat_line, flags=re.I)
        for m in generic.finditer(flat_line):
            written = _flat(m.group(1))
            if _opens_sentence(flat_line[:m.start(1)]) and is_verb_base(written.split()[0]):
                # an action's imperative verb before a head noun ("V4.1 Champion University
                # awards ..."), not a name: the name, if any, starts after it
                written = " ".join(written.split()[1:])
            first = written.split()[0] if written.split() else ""
            if _defines_acronym(first, flat_line[m.start(1) + len(first):]):
                # a glossary's "ITSS Institute for Technical Skills and Strategy": the term is
                # no part of a name, and what it stands for is a body the plan mentions
                written = " ".join(written.split()[1:])
            name = _trim_name(written, cfg, heads)
            if name is None:
                continue
            found.setdefault(_canonical(name) or name, []).append(offset + m.start())
            if _opens_sentence(flat_line[:m.start(1)]):
                subject.add(_canonical(name) or name)
        offset += len(_flat(line)) + 1
    registry = {i.name for i in load_institutions()}
    # a name that is the tail of a longer one found too ("College of Technology" of "Dunmere
    # College of Technology", cut by a line end) is that name
    for name in sorted(found, key=len):
        longer = [n for n in found if n != name and n.endswith(" " + name) and n not in registry]
        if name not in registry and len(longer) == 1:
            found[longer[0]] = found[longer[0]] + found.pop(name)
    out = {}
    for name, pos in found.items():
        weight = sum(cfg.title_block_weight if p < head_len else 1 for p in pos)
        if name in registry or weight >= 2:   # a name the registry lacks must recur or head the document
            out[name] = (weight, min(pos), name in registry)
    if not out:
        # ... or be the only full name written, opening a sentence: the document speaking of
        # itself ("Saint Aldric's University signed ..."), not a partner named in passing
        sole = [n for n in found if n in subject]
        if len(found) == 1 and sole:
            out[sole[0]] = (1, min(found[sole[0]]), False)
    return out


def _defines_acronym(term: str, after: str) -> bool:
    """`term` ("ITSS") is spelled by the initials of the capitalised words after it
    ("Institute for Technical Skills and Strategy")."""
    if not (2 <= len(term) <= 8 and term.isupper() and term.isalpha()):
        return False
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", after) if w[0].isupper())
    return initials.startswith(term)


def resolve_institution(text: str, file_name: str, headers: Sequence[str] = ()) -> tuple[str | None, str | None]:
    """(name, warning). The full name the document writes most (title block weighted,
    running headers `headers` weighted as the title block: they print on every page) wins,
    resolved through the registry when it is there; a partner mentioned once in the
    introduction does not win. Without a full name, a short form or the file name, when
    unambiguous ("UoE" could be Essex, Edinburgh or Exeter: flagged, not guessed)."""
    cfg = load_meta_config()
    names = dict(full_names(text, cfg))
    in_headers = full_names("\n".join(headers), cfg)
    if not names and not in_headers and cfg.institution_heads_fallback:
        # no University / Institute / College / ... name anywhere: a name with a rarer head
        # ("... Laboratory", "... School of Art", "... Centre") counts where the document
        # names itself, in the title-like lines of its title block (short, not a sentence)
        # and its running headers, not where it names a department or a partner in passing
        heads = cfg.institution_heads + cfg.institution_heads_fallback
        top = "\n".join(l for l in [l for l in text.splitlines() if l.strip()][:cfg.title_block_lines]
                         if len(l.split()) <= 12 and not l.rstrip().endswith("."))
        names = dict(full_names(top, cfg, heads))
        in_headers = full_names("\n".join(headers), cfg, heads)
    for name, (weight, pos, listed) in in_headers.items():
        w, p, _ = names.get(name, (0, len(text) + pos, listed))
        names[name] = (w + cfg.title_block_weight, min(p, len(text) + pos), listed)
    if names:
        best = max(names, key=lambda n: (names[n][0], -names[n][1], names[n][2]))
        if names[best][2]:
            return best, None
        where = "in the running header" if best in in_headers else \
            "in the title block" if names[best][1] < len(_flat("\n".join(text.splitlines()[:cfg.title_block_lines]))) \
            else "in the text"
        return best, (f"institution '{best}' as the document writes it ({where}) is not in the registry "
                      "(models/institutions.csv): kept as written; coverage cannot place it")
    insts = load_institutions()
    low = _flat(text).lower()
    stem = re.sub(r"[_\-.]+", " ", Path(file_name).stem.lower())
    hits = {}
    for inst in insts:
        for form in _short_forms(inst):
            f = form.lower()
            if len(f) >= 3 and (re.search(rf"(?<![a-z]){re.escape(f)}(?![a-z])", stem)
                                or re.search(rf"(?<![a-z]){re.escape(f)}(?![a-z])", low)):
                hits[inst.name] = form
    if len(hits) == 1:
        return next(iter(hits)), None
    if len(hits) > 1:
        return None, f"institution ambiguous: {', '.join(sorted(hits))}"
    return None, "institution not found"


_YEAR_RANGE = re.compile(r"(?<!\d)(20\d\d)\s*(?:[-–/]|to)\s*(?:[A-Za-z]+\s+)?(20\d\d|\d\d)(?!\d)")
_YEAR = re.compile(r"(?<!\d)(20\d\d)(?!\d)")
# a range of academic years ("2025/26 – 2027/28", "2025-26 to 2027-28"): from the start of the
# first to the end of the last
_ACADEMIC_RANGE = re.compile(r"(?<!\d)(20\d\d)\s*[/-]\s*(?:20)?\d\d\s*(?:[-–—]|to)\s*(20\d\d)\s*[/-]\s*(20\d\d|\d\d)(?!\d)")
_DATE = re.compile(r"\b\d{1,2}[/.]\d{1,2}[/.](?:20)?\d\d\b")


# a long dash between two years as OCR (or a typist) sets it: "2025—2028"
_LONG_DASH_RANGE = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*[—―−‒]\s*((?:19|20)?\d\d)(?!\d)")


def year_range_dash(title: str | None) -> str | None:
    """A year range in a title written with a long dash (em dash, bar, minus: often OCR's
    reading of an en dash) reads as the range: "2025—2028" -> "2025–2028"."""
    return _LONG_DASH_RANGE.sub(r"\1–\2", title) if title else title


def parse_period(text: str) -> tuple[int | None, int | None]:
    m = _ACADEMIC_RANGE.search(text)
    if m:
        start, last = int(m.group(1)), int(m.group(2))
        end = m.group(3)
        end_year = int(end) if len(end) == 4 else (last // 100) * 100 + int(end)
        if start <= last < end_year:
            return start, end_year
    m = _YEAR_RANGE.search(text)
    if m:
        start = int(m.group(1))
        end = m.group(2)
        end_year = int(end) if len(end) == 4 else (start // 100) * 100 + int(end)
        if end_year >= start:
            return start, end_year
    # loose years: not those of dates ("12/01/2025", a document-control table's), and a
    # period spans more than one year
    years = [int(y) for y in _YEAR.findall(_DATE.sub(" ", text))]
    if len(years) >= 2 and years[-1] > years[0]:
        return years[0], years[-1]
    return None, None


def stated_period(text: str, cfg: MetaConfig | None = None) -> tuple[int | None, int | None]:
    """The period a sentence states ("... over the period August 2026 to July 2028"): the
    first explicit year range with a cue word just before it."""
    cfg = cfg or load_meta_config()
    flat = " ".join(text.split())
    ranges = sorted(list(_ACADEMIC_RANGE.finditer(flat)) + list(_YEAR_RANGE.finditer(flat)), key=lambda m: m.start())
    for m in ranges:
        start, end = parse_period(m.group(0))
        if start is None or end - start > cfg.period_max_years or end == start:
            continue
        before = set(re.findall(r"[a-z]+", flat[max(0, m.start() - cfg.period_cue_window):m.start()].lower()))
        if before & cfg.period_cues:
            return start, end
    return None, None


def is_breadcrumb(line: str, cfg: MetaConfig | None = None) -> bool:
    """"Home › Staff directory › Technician Commitment": a navigation trail, not a title."""
    cfg = cfg or load_meta_config()
    seps = sum(line.count(f" {s} ") + line.count(s) * (s not in "/|>") for s in cfg.breadcrumb_separators
               if s in line)
    return seps >= 2 or bool(re.match(r"^home\s*[›»>|/]", line.strip().lower()))


def _unfinished(title: str, cfg: MetaConfig) -> bool:
    """A title cut by a line break: a bracket left open, or a connector at its end (a word,
    or a dash or colon, alone or closing the last word: "Action Plan 2024–")."""
    if title.count("(") > title.count(")") or title.count("[") > title.count("]"):
        return True
    last = title.rstrip().split()[-1].lower() if title.split() else ""
    return last in cfg.connectors or any(last.endswith(c) for c in cfg.connectors if not c[-1].isalnum())


def period_only(text: str) -> bool:
    """The line holds a period and nothing else ("2025–2028", "(2025/26 – 2027/28)")."""
    rest = text
    for pattern in (_ACADEMIC_RANGE, _YEAR_RANGE, _LONG_DASH_RANGE):
        rest = pattern.sub(" ", rest)
    return rest != text and not re.search(r"[A-Za-z0-9]", rest)


def title_of(lines: list[str], cfg: MetaConfig | None = None) -> str | None:
    """The plan's title from its title block: the first line naming an action plan (else
    the first heading-like line), breadcrumbs skipped, continued over line breaks while it
    is unfinished ("... to July 2027 (last" + "updated 03/07/24)")."""
    cfg = cfg or load_meta_config()
    block = [l for l in lines[:cfg.title_block_lines]]
    usable = [i for i, l in enumerate(block) if not is_breadcrumb(l, cfg) and len(l) < 200
              and not re.match(r"^page\s+\d+(\s+of\s+\d+)?$", l.lower())]
    pick = None
    for kw in cfg.title_keywords:
        pick = next((i for i in usable if kw in l_(block[i])), None)
        if pick is not None:
            break
    if pick is None:
        pick = next((i for i in usable if re.search(r"[A-Za-z]", block[i])), None)
    if pick is None:
        return None
    title = block[pick]
    j = pick + 1
    while j < len(block) and len(title) < 250 and (_unfinished(title, cfg) or re.match(r"^[a-z)\]]", block[j])):
        if is_breadcrumb(block[j], cfg):
            break
        title = join_title_lines([title, block[j]])
        j += 1
    return _flat(title)[:250]


def _runs_sentences(text: str) -> bool:
    """A line of running prose, no heading: one sentence ends inside it and another opens
    ("... in 2019. This plan was agreed ..."). OCR gives a line's height, not its type size, so
    a paragraph's first line may measure as large as a heading."""
    return len(text.split()) >= 12 and bool(re.search(r"(?:[a-z]{2}|\d{2})[.!?]\s+[A-Z][a-z]", text))


def title_from_block(lines: Sequence[TextLine], cfg: MetaConfig | None = None) -> str | None:
    """The plan's title by typography: the largest heading of the first page (a line set
    larger than the page's body text), among headings naming a plan when one does, with the
    lines it wraps over (same size and weight, close above or below) joined. A site's name
    in its masthead, a running header, a breadcrumb trail or an action's wording are smaller
    or not headings. None when the page has no heading (plain text, OCR without sizes)."""
    cfg = cfg or load_meta_config()
    lines = list(lines)
    if not lines:
        return None
    sizes = sorted(l.size for l in lines)
    body = sizes[len(sizes) // 2]
    heads = [i for i, l in enumerate(lines) if l.size >= cfg.title_heading_ratio * body and len(l.text) < 200
             and re.search(r"[A-Za-z]", l.text) and not is_breadcrumb(l.text, cfg) and not _runs_sentences(l.text)]
    if not heads and sizes[-1] >= cfg.title_heading_ratio * sizes[0]:
        # a cover with no body text (a slide: the title over two lines, the name under it):
        # the median is the title's own size; the largest type there is the heading
        heads = [i for i, l in enumerate(lines) if l.size == sizes[-1] and len(l.text) < 200
                 and re.search(r"[A-Za-z]", l.text) and not is_breadcrumb(l.text, cfg)]
    if not heads:
        return None
    def names_plan(i: int) -> bool:
        return any(k in lines[i].text.lower() for k in cfg.title_keywords)

    named = [i for i in heads if names_plan(i)]
    best = max(named or heads, key=lambda i: (lines[i].size, -i))
    if not named and is_only_a_name(lines[best].text, cfg):
        # the largest line is the institution's name alone (a cover slide, a masthead): a
        # line naming the plan, set no smaller than the page's body text and not a
        # sentence, is the title
        plan = [i for i, l in enumerate(lines) if names_plan(i) and l.size >= body and len(l.text) < 200
                and not l.text.rstrip().endswith(".") and not is_breadcrumb(l.text, cfg)]
        if plan:
            best = max(plan, key=lambda i: (lines[i].size, lines[i].bold, -i))

    def same(a: TextLine, b: TextLine) -> bool:     # b directly below a, in a's style, a wrapped into b
        return (a.page == b.page and round(a.size * 2) == round(b.size * 2) and a.bold == b.bold
                and -cfg.title_line_overlap * a.size <= b.bbox.top - a.bbox.bottom <= cfg.title_line_gap * a.size
                and (a.bbox.x1 - a.bbox.x0 >= cfg.title_wrap_ratio * (b.bbox.x1 - b.bbox.x0)
                     or _unfinished(a.text, cfg)))
    first = last = best
    if lines[best].size < cfg.title_heading_ratio * body and not lines[best].bold:
        # the title is set in the body's style (a cover's plan line under the name): the
        # lines around it in that style are a paragraph, not the title wrapped; it runs on
        # only while unfinished ("... 2024–" / "2026") or onto its period below
        while last + 1 < len(lines) and same(lines[last], lines[last + 1]) \
                and _unfinished(join_title_lines([l.text for l in lines[first:last + 1]]), cfg):
            last += 1
        last = _with_period_below(lines, first, last, cfg)
        return _flat(join_title_lines([l.text for l in lines[first:last + 1]]))[:250]
    while first > 0 and same(lines[first - 1], lines[first]) and not is_breadcrumb(lines[first - 1].text, cfg):
        first -= 1
    while last + 1 < len(lines) and same(lines[last], lines[last + 1]):
        last += 1
    last = _with_period_below(lines, first, last, cfg)
    title = join_title_lines([l.text for l in lines[first:last + 1]])

    def close(a: TextLine, b: TextLine) -> bool:     # b directly below a
        return a.page == b.page and -cfg.title_line_overlap * a.size <= b.bbox.top - a.bbox.bottom \
            <= cfg.title_subtitle_gap * max(a.size, b.size)

    def states_plan(text: str) -> bool:
        return any(k in text.lower() for k in cfg.title_keywords) or parse_period(text) != (None, None)

    # a title set as a heading and a subtitle ("Technicians at Tarrant Vale" over "Technician
    # Commitment Report and Action Plan 2025-28"; "Technicians at Marsh End" over "Our Commitment
    # Plan 2025-27"): one title. The heading over the plan's name is the page's largest (a nav bar
    # or a masthead over the title is not); the
    # subtitle under a heading that does not state the plan states it (its name or its period)
    # and stands out from the body (larger or bold)
    if first > 0 and close(lines[first - 1], lines[first]):
        above = lines[first - 1]
        if above.size >= lines[first].size and above.size >= max(lines[i].size for i in heads) \
                and states_plan(title) and not states_plan(above.text) and not is_only_a_name(above.text, cfg) \
                and not is_breadcrumb(above.text, cfg) and not above.text.rstrip().endswith("."):
            title = f"{above.text.strip().rstrip(':')}: {title}"
    elif last + 1 < len(lines) and close(lines[last], lines[last + 1]):
        below = lines[last + 1]
        if not states_plan(title) and states_plan(below.text) and (below.size > body or below.bold) \
                and below.size <= lines[last].size and len(below.text) < 120 \
                and not below.text.rstrip().endswith(".") and not is_breadcrumb(below.text, cfg):
            title = f"{title.strip().rstrip(':')}: {below.text.strip()}"
    return _flat(title)[:250]


def _with_period_below(lines: Sequence[TextLine], first: int, last: int, cfg: MetaConfig) -> int:
    """The title's last line, taking in the line below when that holds the period alone, in
    the title's size and weight, at most `title_period_gap` x its size below, and the title
    states none ("Technical Staff Commitment: Action Plan" over "2025–2028", a paragraph of
    its own or the title's wrapped line)."""
    if last + 1 >= len(lines):
        return last
    a, b = lines[last], lines[last + 1]
    if a.page == b.page and round(a.size * 2) == round(b.size * 2) and a.bold == b.bold \
            and -cfg.title_line_overlap * a.size <= b.bbox.top - a.bbox.bottom <= cfg.title_period_gap * a.size \
            and period_only(b.text) and parse_period(join_title_lines([l.text for l in lines[first:last + 1]])) \
            == (None, None):
        return last + 1
    return last


def join_title_lines(texts: Sequence[str]) -> str:
    """A title's wrapped lines as one: joined with spaces, except where a line ends in a year
    range's dash and the next opens with its end year ("... 2024–" / "2026" is "2024–2026")."""
    out: list[str] = []
    for t in texts:
        if out and re.search(r"\d[\u2013\u2014-]$", out[-1].rstrip()) and re.match(r"\d", t.strip()):
            out[-1] = out[-1].rstrip() + t.strip()
        else:
            out.append(t)
    return join_lines(out)


def is_only_a_name(text: str, cfg: MetaConfig | None = None) -> bool:
    """The line is an institution's name and nothing more ("Thornbury Institute of Science",
    "ASHCOMBE UNIVERSITY"), with no title words around it."""
    cfg = cfg or load_meta_config()
    flat = _flat(uncapitalise(text))
    m = _generic(cfg.institution_heads + cfg.institution_heads_fallback, cfg.name_connectors).fullmatch(flat)
    return bool(m) and _trim_name(flat, cfg, cfg.institution_heads + cfg.institution_heads_fallback) == \
        " ".join(w for w in flat.split() if w.lower() not in cfg.determiners)


def l_(text: str) -> str:
    return text.lower()


def report_date_of(lines: list[str], cfg: MetaConfig | None = None) -> dt.date | None:
    """A progress report's date from its title block: the first title-block line naming a
    progress report or update with a month and year ("Progress report, July 2025 (end of
    year 1)" gives 2025-07-31). None when no such line: never guessed."""
    from .timeframe import due_dates_of
    cfg = cfg or load_meta_config()
    for line in lines[:cfg.title_block_lines]:
        if re.search(r"\b(progress|update|report)\b", line, re.I) and not is_breadcrumb(line, cfg):
            dates = due_dates_of(line)
            if dates:
                return dates[0]
    return None


def institution_from_properties(properties: Sequence[tuple[str, str]]) -> tuple[str, str, bool] | None:
    """(name, property, in the registry) of the first full institution name in the PDF's
    Author or Title property ("Technician Commitment | University of Essex"), else None. A
    person's name there names no institution."""
    cfg = load_meta_config()
    for key, value in properties:
        names = full_names(value, cfg)
        if names:
            best = max(names, key=lambda n: (names[n][0], -names[n][1], names[n][2]))
            return best, key, names[best][2]
    return None


def document_meta(front_text: str, file_name: str, title_block: Sequence[TextLine] = (),
                  running_headers: Sequence[str] = (),
                  properties: Sequence[tuple[str, str]] = ()) -> tuple[DocumentMeta, list[Issue]]:
    """Institution, title, period and report date. `title_block`: the first page's lines
    with their typography (the title is read from them when the page sets one apart), else
    the title is read from the front text's lines. `running_headers`: each distinct running
    header or footer once; a name in them counts as one in the title block. `properties`:
    the PDF's Author and Title; they name the institution only when the pages write no full
    name (a short form such as "UoE" is then read through them, never against them)."""
    warnings: list[Issue] = []
    lines = [l.strip() for l in front_text.splitlines() if l.strip()]
    title = year_range_dash(title_from_block(title_block) or title_of(lines))
    title = plan_named_inside(lines, title, load_meta_config()) or title
    start, end = parse_period(title or "")
    if start is None:
        start, end = parse_period(" ".join(lines[:10]))
    if start is None:
        start, end = parse_period(re.sub(r"[_]+", " ", Path(file_name).stem))
    if start is None:
        start, end = stated_period(front_text)
    if start is None:
        warnings.append(warning(IssueCode.PERIOD_NOT_FOUND, "plan period not found", "interpret"))
    # the title as one line: a name wrapped with it ("... at Dunmere" / "College of
    # Technology") is read whole, not as the tail on its own line
    named = ([title] if title and title not in lines else []) + lockup_names(title_block) + lines
    inst, doubt = resolve_institution("\n".join(named), file_name, running_headers)
    from_props = institution_from_properties(properties) if inst is None else None
    if from_props is not None:
        name, key, listed = from_props
        inst, doubt = name, None
        warnings.append(note(IssueCode.INSTITUTION_FROM_PROPERTIES,
                             f"institution '{name}' read from the PDF's {key} property: the pages print no full "
                             f"name{'' if listed else ' (not in the registry, models/institutions.csv)'}", "interpret"))
    if doubt and inst is not None:
        # a name the document writes in full, kept as written: certain, only unlisted
        warnings.append(note(IssueCode.INSTITUTION_NOT_IN_REGISTRY, doubt, "interpret"))
    elif doubt:
        warnings.append(warning(IssueCode.INSTITUTION_UNCERTAIN, doubt, "interpret"))
    return DocumentMeta(inst, without_institution(title, inst), start, end, report_date_of(lines)), warnings


def plan_named_inside(lines: Sequence[str], title: str | None, cfg: MetaConfig) -> str | None:
    """The plan a larger document holds, when its title block names it: a strategy or an
    annual report ("Technical Excellence Strategy 2025–2030", "Annual Report 2024–25")
    "incorporating our Technician Commitment Action Plan 2025–2028". When the title names no
    plan (none of the title keywords), the first short title-block line that does, with a
    period of its own, is the plan's title (from its first capitalised word: "incorporating
    our" is the cover's lead-in), and so its period."""
    if title and any(kw in l_(title) for kw in cfg.title_keywords):
        return None
    for line in lines[:cfg.title_block_lines]:
        words = line.split()
        if len(words) > 16 or line.rstrip().endswith(".") or is_breadcrumb(line, cfg):
            continue
        if any(kw in l_(line) for kw in cfg.title_keywords) and parse_period(line)[0] is not None:
            first = next((k for k, w in enumerate(words) if w[:1].isupper()), 0)
            return year_range_dash(" ".join(words[first:]))
    return None


def lockup_names(lines: Sequence[TextLine], cfg: MetaConfig | None = None) -> list[str]:
    """Names set as a logo lockup: a line holding only an institution's head noun (with its
    connector: "UNIVERSITY", "INSTITUTE OF") directly over or under a short line of capitalised
    words and no digits, aligned with it on the left or the centre ("KINGSMERE" over
    "UNIVERSITY"): read as one name in that order ("KINGSMERE UNIVERSITY"). The lines are a
    page's in reading order; an empty list when none is so set."""
    cfg = cfg or load_meta_config()
    if cfg.lockup_gap <= 0:
        return []
    heads = {h.lower() for h in cfg.institution_heads}
    connectors = set(cfg.name_connectors) | {"the"}

    def only_head(text: str) -> bool:
        words = text.lower().split()
        return bool(words) and words[0] in heads and all(w in connectors for w in words[1:])

    def short_name(text: str) -> bool:
        words = text.split()
        return 0 < len(words) <= 3 and not re.search(r"\d", text) and all(w[:1].isupper() for w in words) \
            and not any(w.lower() in heads for w in words)

    out = []
    for a in lines:
        for b in lines:
            if a is b or a.page != b.page:
                continue
            size = min(a.size, b.size) or 1.0
            gap = b.bbox.top - a.bbox.bottom
            aligned = abs(a.bbox.x0 - b.bbox.x0) <= cfg.lockup_align * size or \
                abs((a.bbox.x0 + a.bbox.x1) - (b.bbox.x0 + b.bbox.x1)) / 2 <= cfg.lockup_align * size
            if -0.5 * size <= gap <= cfg.lockup_gap * size and aligned and (
                    only_head(a.text) and short_name(b.text) or short_name(a.text) and only_head(b.text)):
                out.append(f"{a.text} {b.text}")
    return out


def without_institution(title: str | None, inst: str | None) -> str | None:
    """The title without the institution's name set before it with a dash, colon or bar
    ("University of X – Technician Commitment Action Plan 2025–2028"): the name is the
    institution field's; a title that runs on from the name with no separator keeps it."""
    if not title or not inst:
        return title
    m = re.match(rf"\s*{re.escape(inst)}\s*[\u2013\u2014:|-]\s+(?P<rest>.+)$", title, re.IGNORECASE)
    return m.group("rest") if m and len(m.group("rest").split()) >= 3 else title
