"""Document-level facts: institution, plan title, period."""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from extract.issues import Issue, IssueCode, warning
from extract.vocabulary import MODELS_DIR

from .model import DocumentMeta


@dataclass(frozen=True)
class Institution:
    name: str
    aliases: tuple[str, ...]


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


def resolve_institution(text: str, file_name: str) -> tuple[str | None, str | None]:
    """(canonical name, warning). Full names in the text win; a short form must be
    unambiguous ("UoE" could be Essex, Edinburgh or Exeter: flagged, not guessed)."""
    insts = load_institutions()
    low = text.lower()
    counts = {}
    for inst in insts:
        found = [m.start() for m in re.finditer(rf"(?<![a-z]){re.escape(inst.name.lower())}(?![a-z])", low)]
        if found:
            counts[inst.name] = (len(found), -found[0], len(inst.name))
    if counts:
        # the plan's own institution is named most often (running headers count); a partner
        # or host mentioned once in the introduction does not win
        return max(counts, key=counts.get), None
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
    m = re.search(r"\b(University of (?:East |West |the West of )?[A-Z][a-z]+|[A-Z][a-z]+ University|[A-Z][a-z]+ Institute)\b", text)
    if m:
        return m.group(1), "institution not in the registry (models/institutions.csv)"
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


def document_meta(front_text: str, file_name: str) -> tuple[DocumentMeta, list[Issue]]:
    warnings: list[Issue] = []
    lines = [l.strip() for l in front_text.splitlines() if l.strip()]
    title = next((l for l in lines if re.search(r"action\s+plan", l, re.I) and len(l) < 200), None)
    if title is None and lines:
        title = lines[0][:200]
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
    return DocumentMeta(inst, title, start, end), warnings
