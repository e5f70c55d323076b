"""Training and evaluation data: the guide-labelled rows of data/labels/ (never the plans'
own tags), the grouping that keeps a plan's rows together, and the plans' own tags for
the agreement report.

data/labels/*.jsonl (one object per line): key, plan, action_id, text_hash, aim,
action_text, pillars, talent, reason, label_source ("reviewer"), split:

* ``seed``: every action of the seed plans; held out by plan in evaluation;
* ``train``: fresh actions, used for fitting;
* ``test``: fresh actions, the frozen test split: never used for fitting or for choosing
  thresholds (only ``evaluate`` reads them, after fitting);
* ``holdout``: fresh actions of ``fresh-holdout.jsonl`` and ``fresh-holdout2.jsonl``, held-out
  sets written after every modelling choice (the second blind); like ``test``, read only by
  ``evaluate`` (never by ``training_rows``, crossval, the teacher or distillation).

Any other split value is an error (a misspelt split would otherwise drop out of both
fitting and evaluation without a word).
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from normalise.classify.contract import LabelInput

ROOT = Path(__file__).resolve().parents[1]
LABELS_DIR = ROOT / "data" / "labels"
EXPECTED_DIR = ROOT / "tests" / "expected"
N_FRESH_GROUPS = 5
SPLITS = ("seed", "train", "test", "holdout")


@dataclass(frozen=True)
class Example:
    key: str
    plan: str
    action_id: str | None
    aim: str | None
    action_text: str
    pillars: tuple[str, ...]
    talent: tuple[str, ...]
    split: str
    text_hash: str

    @property
    def item(self) -> LabelInput:
        return LabelInput(self.action_text, self.aim, None, (), ())

    def target(self, task: str) -> tuple[str, ...]:
        return self.pillars if task == "pillars" else self.talent

    @property
    def group(self) -> str:
        """Rows that must be held out together: a seed plan; fresh rows by aim (rows written
        under one aim share it), in N_FRESH_GROUPS buckets."""
        if self.split == "seed":
            return self.plan
        basis = (self.aim or self.key).strip().lower()
        return f"fresh-{int(hashlib.sha1(basis.encode()).hexdigest(), 16) % N_FRESH_GROUPS}"


def text_hash(action_text: str) -> str:
    return hashlib.sha1(" ".join(action_text.lower().split()).encode("utf-8")).hexdigest()[:12]


def load_examples(folder: Path = LABELS_DIR) -> list[Example]:
    out: list[Example] = []
    seen: set[str] = set()
    for path in sorted(folder.glob("*.jsonl")):
        for n, line in enumerate(path.read_text().splitlines(), 1):
            if not line.strip():
                continue
            r = json.loads(line)
            if r.get("label_source") != "reviewer":
                raise ValueError(f"{path}:{n}: label_source must be 'reviewer'")
            if r.get("split") not in SPLITS:
                raise ValueError(f"{path}:{n}: split {r.get('split')!r} is not one of {', '.join(SPLITS)}")
            if r["key"] in seen:
                raise ValueError(f"{path}:{n}: duplicate key {r['key']}")
            seen.add(r["key"])
            out.append(Example(r["key"], r["plan"], r.get("action_id"), r.get("aim"), r["action_text"],
                               tuple(r["pillars"]), tuple(r["talent"]), r["split"],
                               r.get("text_hash") or text_hash(r["action_text"])))
    return out


def training_rows(examples: Iterable[Example], exclude_plan: str | None = None) -> list[Example]:
    """Rows a model may be fitted on: seed rows (less a held-out plan) and fresh train rows.
    Never a test row."""
    return [e for e in examples if e.split in ("seed", "train") and e.plan != exclude_plan]


def test_rows(examples: Iterable[Example]) -> list[Example]:
    return [e for e in examples if e.split == "test"]


def seed_plans(examples: Iterable[Example]) -> list[str]:
    return sorted({e.plan for e in examples if e.split == "seed"})


def fold_of(groups: Sequence[str], n_folds: int = 5) -> list[int]:
    """Grouped folds: every group wholly in one fold, assigned in sorted order round-robin
    (deterministic)."""
    order = {g: i % n_folds for i, g in enumerate(sorted(set(groups)))}
    return [order[g] for g in groups]


# --- the plans' own tags (agreement only) --------------------------------------------------

@dataclass(frozen=True)
class TaggedRow:
    plan: str
    action_id: str | None
    aim: str | None
    action_text: str
    pillars_document: tuple[str, ...]
    talent_document: tuple[str, ...]
    talent_cited_in_plan: bool

    @property
    def item(self) -> LabelInput:
        return LabelInput(self.action_text, self.aim, None, (), ())


def plans_own_tags(expected_dir: Path = EXPECTED_DIR) -> list[TaggedRow]:
    """The seed plans' rows with the tags the plans give themselves, from the hand-checked
    expected rows of the canonical copy of each plan (tests/expected/<plan>.json)."""
    out = []
    for path in sorted(expected_dir.glob("*.json")):
        plan = path.stem
        if plan.count(".") or not plan.endswith("action-plan"):
            continue   # other renderings of the same plans, progress reports, web pages
        d = json.loads(path.read_text())
        rows = d.get("actions", [])
        cited = any(r.get("talent_document") for r in rows)
        for r in rows:
            out.append(TaggedRow(plan, r.get("action_id"), r.get("aim"), r["action_text"],
                                 tuple(r.get("pillars_document") or ()), tuple(r.get("talent_document") or ()), cited))
    return out
