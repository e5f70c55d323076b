"""A responsibility matrix (RACI): the action rows cross a block of role columns ("TC Lead",
"HR", "Heads of School", ...), each cell empty or holding letters of one small set (R / A / C
/ I: responsible, accountable, consulted, informed). Its columns are no owner, pillar or RAG
columns, whatever their headers or letters look like ("TC Lead" names a lead, "R" reads as
Recognition or red): the owner is the role whose column marks the row R (several joined in
column order), else the role marked A, and the matrix itself is kept as one extra field.

Known by its shape: two or more adjacent columns under headers, every filled cell made only of
letters of one set (models/header_aliases.yaml `responsibility.letter_sets`), at least
`min_distinct` of that set's letters used over the block (a RAG column's R and A alone are
not a matrix), and in no row more than one role marked with a letter the set gives one role
only (`single_per_row`: one role is accountable).

Chain: responsibility_columns -> owner_from_matrix, matrix_field.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from extract.model import ExtractedTable, RowKind
from extract.vocabulary import MODELS_DIR, read_yaml

# The role given to each column of the matrix (several per table).
RESPONSIBILITY = "responsibility"
_SPLIT = re.compile(r"[\s/,;&+]+")


@dataclass(frozen=True)
class MatrixRules:
    letter_sets: tuple[frozenset[str], ...]
    owner_letters: tuple[str, ...]      # the owner is the role marked with the first of these the row holds
    single_per_row: frozenset[str]      # letters at most one role per row holds
    min_columns: int
    min_distinct: int
    field: str                          # the extra field the matrix is kept in


@lru_cache(maxsize=2)
def load_matrix_rules(models_dir: Path = MODELS_DIR) -> MatrixRules:
    raw = read_yaml(models_dir / "header_aliases.yaml")["responsibility"]
    return MatrixRules(tuple(frozenset(s) for s in raw["letter_sets"]), tuple(raw["owner_letters"]),
                       frozenset(raw.get("single_per_row", ())), int(raw.get("min_columns", 2)),
                       int(raw.get("min_distinct", 3)), str(raw.get("field", RESPONSIBILITY)))


def letters(text: str) -> tuple[str, ...] | None:
    """The letters a cell holds ("R", "A/R", "C, I"), or None when it holds anything else."""
    parts = [p for p in _SPLIT.split(text.strip()) if p]
    return tuple(parts) if parts and all(len(p) == 1 and p.isupper() for p in parts) else None


def _block_ok(block: Sequence[int], rows: Sequence[Sequence[str]], rules: MatrixRules) -> bool:
    used = {x for r in rows for i in block if r[i] for x in letters(r[i]) or ()}
    if not any(used <= s for s in rules.letter_sets) or len(used) < rules.min_distinct:
        return False
    if not used & set(rules.owner_letters):
        return False
    for r in rows:
        marks = [x for i in block if r[i] for x in letters(r[i]) or ()]
        if any(marks.count(x) > 1 for x in rules.single_per_row):
            return False
    return True


def responsibility_columns(table: ExtractedTable, headers: Sequence[str]) -> tuple[int, ...]:
    """The columns of the table's responsibility matrix (empty: it has none): the longest run
    of adjacent columns under headers whose filled cells all hold letters only, when it has
    `min_columns` columns at least and its letters read as one set's."""
    rules = load_matrix_rules()
    ncol = len(headers)
    rows = [tuple(r.cells[i].text if i < len(r.cells) else "" for i in range(ncol))
            for r in table.rows if r.kind is RowKind.BODY]
    if not rows:
        return ()
    lettered = [bool(headers[i].strip()) and any(r[i] for r in rows)
                and all(letters(r[i]) is not None for r in rows if r[i]) for i in range(ncol)]
    runs: list[list[int]] = []
    for i, ok in enumerate(lettered):
        if ok and runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        elif ok:
            runs.append([i])
    best = max((r for r in runs if len(r) >= rules.min_columns and _block_ok(r, rows, rules)), key=len, default=[])
    return tuple(best)


def owner_from_matrix(marks: Sequence[tuple[str, str]]) -> str | None:
    """The owner a row's matrix names: the roles (headers) marked with the first owner letter
    the row holds (R, else A), joined in column order."""
    rules = load_matrix_rules()
    for letter in rules.owner_letters:
        roles = [head for head, text in marks if letter in (letters(text) or ())]
        if roles:
            return ", ".join(roles)
    return None


def matrix_field(marks: Sequence[tuple[str, str]]) -> tuple[str, str] | None:
    """The row's matrix as one extra field: ('responsibility', 'TC Lead: R; HR: A; ...')."""
    if not marks:
        return None
    return load_matrix_rules().field, "; ".join(f"{head}: {text}" for head, text in marks)
