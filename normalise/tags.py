"""The plan's own tags: pillars, TALENT citations and other programme tags."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from extract.vocabulary import MODELS_DIR, read_yaml

from .vocabulary import pillar_codes

PILLAR_ORDER = pillar_codes()   # models/taxonomy/pillars.yaml


@dataclass(frozen=True)
class TagRules:
    version: str
    name_to_code: tuple[tuple[str, str], ...]     # longest names first
    code_to_code: dict[str, str]
    talent: tuple[re.Pattern[str], ...]
    talent_max: int
    other: re.Pattern[str]
    tick_marks: frozenset[str] = frozenset()
    tick_columns_min: int = 2
    talent_annotated_min_rows: int = 2
    tick_blanks: frozenset[str] = frozenset()


@lru_cache(maxsize=2)
def load_rules(models_dir: Path = MODELS_DIR) -> TagRules:
    raw = read_yaml(models_dir / "tag_patterns.yaml")
    names, codes = [], {}
    for code, spec in raw["pillars"].items():
        names += [(n.lower(), code) for n in spec["names"]]
        codes.update({c.upper(): code for c in spec["codes"]})
    names.sort(key=lambda nc: -len(nc[0]))
    return TagRules(raw["version"], tuple(names), codes,
                    tuple(re.compile(p, re.IGNORECASE) for p in raw["talent_citation_patterns"]),
                    int(raw["talent_max"]), re.compile(raw["other_tag_pattern"]),
                    frozenset(m.casefold() for m in raw.get("tick_marks", ())), int(raw.get("tick_columns_min", 2)),
                    int(raw.get("talent_annotated_min_rows", 2)),
                    frozenset(m.casefold() for m in raw.get("tick_blanks", ())))


def annotates_talent(cited_rows: int, rules: TagRules | None = None) -> bool:
    """A plan that cites TALENT recommendations on its actions (at least
    talent_annotated_min_rows of them) states its mapping: an action it leaves uncited is the
    plan saying no recommendation is claimed, not a gap for the model to fill."""
    return cited_rows >= (rules or load_rules()).talent_annotated_min_rows


def parse_pillars(text: str | None, allow_codes: bool = True) -> tuple[str, ...]:
    """Pillar codes in the order written. Names anywhere ("Visibility (V1)",
    "Commitment areas: Visibility, Career Development"); bare codes ("V, S, CD") only when
    `allow_codes` (a pillar column), where "R3" next to a name is that pillar's own
    numbering, never a TALENT recommendation."""
    if not text:
        return ()
    rules = load_rules()
    found: list[tuple[int, str]] = []
    low = text.lower()
    taken = [False] * len(low)
    for name, code in rules.name_to_code:
        for m in re.finditer(rf"(?<![a-z]){re.escape(name)}(?![a-z])", low):
            if not any(taken[m.start():m.end()]):
                found.append((m.start(), code))
                for i in range(m.start(), m.end()):
                    taken[i] = True
    if allow_codes:
        for m in re.finditer(r"(?<![A-Za-z])([A-Z]{1,2})(?:\d{1,2}(?:\.\d+)?)?(?![A-Za-z])", text):
            if any(taken[m.start():m.end()]):
                continue
            code = rules.code_to_code.get(m.group(1))
            if code:
                found.append((m.start(), code))
    out: list[str] = []
    for _, code in sorted(found):
        if code not in out:
            out.append(code)
    return tuple(out)


def pillar_named_by(header: str | None) -> str | None:
    """The one pillar a header names and nothing else: its code ("V", "CD"), one of its
    names ("Visibility", "Career development") or a short abbreviation of one ("Vis",
    "Sus."); None for anything more or less."""
    if not header:
        return None
    rules = load_rules()
    words = " ".join(re.findall(r"[a-z]+", header.lower()))
    for name, code in rules.name_to_code:
        if words == name:
            return code
    bare = header.strip()
    if re.fullmatch(r"[A-Za-z]{1,2}", bare):
        return rules.code_to_code.get(bare.upper())
    if re.fullmatch(r"[A-Za-z]{3,5}\.?", bare):
        # an abbreviation a narrow tick column prints ("Vis", "Rec.", "Sust"): the start of a
        # word of exactly one pillar's names
        stem = bare.rstrip(".").lower()
        codes = {code for name, code in rules.name_to_code if any(w.startswith(stem) for w in name.split())}
        return codes.pop() if len(codes) == 1 else None
    return None


def is_tick(text: str | None) -> bool:
    """A cell holding only a mark (models/tag_patterns.yaml tick_marks: "✓", "x", "Y", ...)."""
    return bool(text) and text.strip().casefold() in load_rules().tick_marks


def pillar_tick_columns(headers: Sequence[str], columns: Sequence[Sequence[str]]) -> dict[int, str]:
    """{column: pillar} of a table's pillar tick columns: at least `tick_columns_min` columns,
    each headed by a different pillar alone, whose filled cells are all marks (a pillar no
    row ticks has an empty column; some column holds a mark). A cell holding only a dash
    (tick_blanks) is an unticked one, as an empty cell is.
    The plan tags each row by ticking; {} when the table has no such group."""
    rules = load_rules()
    found: dict[int, str] = {}
    for i, (head, texts) in enumerate(zip(headers, columns)):
        code = pillar_named_by(head)
        filled = [t for t in texts if t and t.strip() and t.strip().casefold() not in rules.tick_blanks]
        if code and code not in found.values() and all(is_tick(t) for t in filled):
            found[i] = code
    ticked = any(is_tick(t) for i in found for t in columns[i])
    return found if len(found) >= rules.tick_columns_min and ticked else {}


def parse_talent(text: str | None) -> tuple[str, ...]:
    """TALENT recommendation ids cited ("[TCR - R2, R7 and R9]" -> R2, R7, R9)."""
    if not text:
        return ()
    rules = load_rules()
    out: list[str] = []
    for pat in rules.talent:
        for m in pat.finditer(text):
            for num in re.findall(r"R?\s*(\d{1,2})", m.group("body")):
                n = int(num)
                rid = f"R{n}"
                if 1 <= n <= rules.talent_max and rid not in out:
                    out.append(rid)
    return tuple(out)


def _expand_tag(body: str) -> list[str]:
    """"T-PIKE WP1, WP2, WP3 and WP4" -> ["T-PIKE WP1", ..., "T-PIKE WP4"]."""
    body = " ".join(body.split())
    m = re.match(r"^(?P<prefix>.+?)\s+(?P<first>[A-Za-z]*\d+[A-Za-z]?)(?P<rest>(?:\s*(?:,|and|&)\s*[A-Za-z]*\d+[A-Za-z]?)+)$", body)
    if not m:
        return [body]
    items = [m.group("first")] + re.findall(r"[A-Za-z]*\d+[A-Za-z]?", m.group("rest"))
    return [f"{m.group('prefix')} {i}" for i in items]


def parse_other_tags(text: str | None) -> tuple[str, ...]:
    if not text:
        return ()
    rules = load_rules()
    out: list[str] = []
    for m in rules.other.finditer(text):
        if any(p.fullmatch(m.group(0)) for p in rules.talent):
            continue
        for tag in _expand_tag(m.group("body")):
            if tag not in out:
                out.append(tag)
    return tuple(out)


def strip_tags(text: str | None) -> str | None:
    """Text without bracketed citations and tags, whitespace-normalised."""
    if text is None:
        return None
    rules = load_rules()
    for pat in rules.talent[:2]:
        text = pat.sub(" ", text)
    text = rules.other.sub(" ", text)
    text = " ".join(text.split())
    return text or None
