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

from extract.issues import Issue, IssueCode, warning
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
    breadcrumb_separators: tuple[str, ...]
    determiners: frozenset[str]
    connectors: frozenset[str]
    name_stop_words: frozenset[str]


@lru_cache(maxsize=2)
def load_meta_config(models_dir: Path = MODELS_DIR) -> MetaConfig:
    raw = read_yaml(models_dir / "meta.yaml")
    return MetaConfig(str(raw["version"]), int(raw["title_block_lines"]), int(raw["title_block_weight"]),
                      tuple(k.lower() for k in raw["title_keywords"]), tuple(raw["breadcrumb_separators"]),
                      frozenset(w.lower() for w in raw["determiners"]), frozenset(w.lower() for w in raw["connectors"]),
                      frozenset(w.lower() for w in raw["name_stop_words"]))


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
_HEADS = ("University", "Institute", "College")
# up to three capitalised words, a head noun (University, Institute, College), then
# optionally "of [the] <up to three capitalised words>": "University of Calder Vale",
# "Harrowgate Institute of Science", "Royal Fenwick Institute", "Ashby Metropolitan University"
_GENERIC = re.compile(
    rf"((?:{_NAME_WORD}\s+){{0,3}}(?:{'|'.join(_HEADS)})"
    rf"(?:\s+of\s+(?:the\s+)?{_NAME_WORD}(?:\s+(?:and\s+)?{_NAME_WORD}){{0,2}})?)(?![A-Za-z])")


def _trim_name(name: str, cfg: MetaConfig) -> str | None:
    """A matched name without the words around it that are not part of it ("The",
    "Technician Commitment" before or after); None when no name is left (a bare
    "University", "The Institute")."""
    words = name.split()
    while words and (words[0].lower() in cfg.determiners or words[0].lower() in cfg.name_stop_words):
        words = words[1:]
    while words and (words[-1].lower() in cfg.name_stop_words or words[-1].lower() in ("of", "the", "and")):
        words = words[:-1]
    if "of" in [w.lower() for w in words]:     # "... of <place>": the place must survive trimming
        i = [w.lower() for w in words].index("of")
        if i == len(words) - 1 or words[i - 1] not in _HEADS:
            words = words[:i]
    if len(words) < 2 or not any(w in _HEADS for w in words):
        return None
    return " ".join(words)


def _canonical(name: str) -> str | None:
    """The registry's name for a name or alias as written, else None."""
    low = _flat(name).lower()
    for inst in load_institutions():
        if low == inst.name.lower() or low in (a.lower() for a in inst.aliases if len(a) > 4):
            return inst.name
    return None


def full_names(text: str, cfg: MetaConfig | None = None) -> dict[str, tuple[int, int, bool]]:
    """Institution names the document writes in full: name -> (weighted count, first
    position, in the registry). Registry names are found first (so "University of the
    West of England" is not also read as "University of the West"); then any other
    "University of X" / "X University", without determiners ("The University")."""
    cfg = cfg or load_meta_config()
    lines = [l.strip() for l in (text or "").splitlines() if l.strip()]
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
    for line in lines:
        flat_line = _flat(line)
        for inst in load_institutions():
            flat_line = re.sub(rf"(?<![A-Za-z]){re.escape(inst.name)}(?![A-Za-z])", lambda m: " " * len(m.group(0)),
                               flat_line, flags=re.I)
        for m in _GENERIC.finditer(flat_line):
            name = _trim_name(_flat(m.group(1)), cfg)
            if name is None:
                continue
            found.setdefault(_canonical(name) or name, []).append(offset + m.start())
        offset += len(_flat(line)) + 1
    registry = {i.name for i in load_institutions()}
    out = {}
    for name, pos in found.items():
        weight = sum(cfg.title_block_weight if p < head_len else 1 for p in pos)
        if name in registry or weight >= 2:   # a name the registry lacks must recur or head the document
            out[name] = (weight, min(pos), name in registry)
    return out


def resolve_institution(text: str, file_name: str) -> tuple[str | None, str | None]:
    """(name, warning). The full name the document writes most (title block weighted,
    running headers counted) wins, resolved through the registry when it is there; a
    partner mentioned once in the introduction does not win. Without a full name, a short
    form or the file name, when unambiguous ("UoE" could be Essex, Edinburgh or Exeter:
    flagged, not guessed)."""
    names = full_names(text)
    if names:
        best = max(names, key=lambda n: (names[n][0], -names[n][1], names[n][2]))
        if names[best][2]:
            return best, None
        return best, "institution not in the registry (models/institutions.csv)"
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


def parse_period(text: str) -> tuple[int | None, int | None]:
    m = _YEAR_RANGE.search(text)
    if m:
        start = int(m.group(1))
        end = m.group(2)
        end_year = int(end) if len(end) == 4 else (start // 100) * 100 + int(end)
        if end_year >= start:
            return start, end_year
    years = [int(y) for y in _YEAR.findall(text)]
    if len(years) >= 2 and years[-1] >= years[0]:
        return years[0], years[-1]
    return None, None


def is_breadcrumb(line: str, cfg: MetaConfig | None = None) -> bool:
    """"Home › Staff directory › Technician Commitment": a navigation trail, not a title."""
    cfg = cfg or load_meta_config()
    seps = sum(line.count(f" {s} ") + line.count(s) * (s not in "/|>") for s in cfg.breadcrumb_separators
               if s in line)
    return seps >= 2 or bool(re.match(r"^home\s*[›»>|/]", line.strip().lower()))


def _unfinished(title: str, cfg: MetaConfig) -> bool:
    """A title cut by a line break: a bracket left open, or a connector at its end."""
    if title.count("(") > title.count(")") or title.count("[") > title.count("]"):
        return True
    last = title.rstrip().split()[-1].lower() if title.split() else ""
    return last in cfg.connectors


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
        title = f"{title} {block[j]}"
        j += 1
    return _flat(title)[:250]


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


def document_meta(front_text: str, file_name: str) -> tuple[DocumentMeta, list[Issue]]:
    warnings: list[Issue] = []
    lines = [l.strip() for l in front_text.splitlines() if l.strip()]
    title = title_of(lines)
    start, end = parse_period(title or "")
    if start is None:
        start, end = parse_period(" ".join(lines[:10]))
    if start is None:
        start, end = parse_period(re.sub(r"[_]+", " ", Path(file_name).stem))
    if start is None:
        warnings.append(warning(IssueCode.PERIOD_NOT_FOUND, "plan period not found", "interpret"))
    inst, doubt = resolve_institution("\n".join(lines), file_name)
    if doubt:
        warnings.append(warning(IssueCode.INSTITUTION_UNCERTAIN, doubt, "interpret"))
    return DocumentMeta(inst, title, start, end, report_date_of(lines)), warnings
