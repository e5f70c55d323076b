"""Keys and frozen splits for the guide-labelled data in this folder (see README.md).

Standard library only, so the labeller and the test can load it by path
(``importlib.util.spec_from_file_location``) without making ``data/`` a package.
"""
from __future__ import annotations

import hashlib
import re
from typing import Iterable, Sequence

TEST_SHARE = 0.3          # share of fresh rows in the frozen test split (rounded to a row)
MIN_TEST_PER_LABEL = 3    # every pillar and every predicted TALENT id at least this often in test


def normalise_text(text: str) -> str:
    """Lowercased, whitespace runs collapsed to one space, stripped."""
    return " ".join(text.lower().split())


def text_hash(text: str) -> str:
    """First 12 hex characters of SHA-1 of the normalised text (UTF-8)."""
    return hashlib.sha1(normalise_text(text).encode("utf-8")).hexdigest()[:12]


def row_key(plan: str, action_id: str | None, text: str) -> str:
    """``<plan>:<action_id>``, or ``<plan>:h:<text_hash>`` when the action has no id."""
    return f"{plan}:{action_id}" if action_id else f"{plan}:h:{text_hash(text)}"


NEAR_TEST_JACCARD = 0.5  # a train row this close (token Jaccard) to a frozen test row is not kept
NEAR_COPY_JACCARD = 0.5  # a new row this close to an existing one (token Jaccard) is a near-copy


def tokens(text: str) -> frozenset[str]:
    """Lower-cased word tokens (letters and digits) of a text, as a set."""
    return frozenset(re.findall(r"[a-z0-9]+", text.lower()))


def token_jaccard(a: str, b: str) -> float:
    """|A & B| / |A | B| of the two texts' token sets (0 when both are empty)."""
    ta, tb = tokens(a), tokens(b)
    return len(ta & tb) / len(ta | tb) if ta | tb else 0.0


def near_rows(rows: Sequence[dict], others: Sequence[dict], limit: float = NEAR_TEST_JACCARD) -> list[str]:
    """Keys of ``rows`` whose action text is within token Jaccard ``limit`` (>=) of any of
    ``others`` (e.g. new train rows against the frozen test rows: those are not kept)."""
    sets = [tokens(o["action_text"]) for o in others]
    out = []
    for r in rows:
        t = tokens(r["action_text"])
        if any((len(t & o) / len(t | o) if t | o else 0.0) >= limit for o in sets):
            out.append(r["key"])
    return out


def near_copies(rows: Sequence[dict], existing: Sequence[dict],
                threshold: float = NEAR_COPY_JACCARD) -> list[tuple[str, str, float]]:
    """(row key, existing key, Jaccard) for each row whose action text is within
    ``threshold`` token-Jaccard (>=) of an existing row's, closest match only."""
    others = [(e["key"], tokens(e["action_text"])) for e in existing]
    out = []
    for r in rows:
        t = tokens(r["action_text"])
        best = max(((len(t & o) / len(t | o) if t | o else 0.0, k) for k, o in others if k != r["key"]),
                   default=(0.0, ""))
        if best[0] >= threshold:
            out.append((r["key"], best[1], round(best[0], 3)))
    return out


def _order(key: str) -> str:
    return hashlib.sha1(key.encode("utf-8")).hexdigest()


def assign_splits(rows: Sequence[dict], labels: Iterable[str],
                  share: float = TEST_SHARE, minimum: int = MIN_TEST_PER_LABEL) -> dict[str, str]:
    """Key -> "test" | "train": deterministic and stratified.

    Rows are ordered by SHA-1 of their key. First, for each label in turn (rarest first,
    ties by name), rows carrying it are taken into test in that order until test holds
    ``minimum`` of it; then test is filled up to ``round(share * len(rows))`` in the same
    order. Everything else is train. Used once to create the split, which is then frozen
    (the test pins the list of test keys).
    """
    labels = list(labels)
    target = round(share * len(rows))
    ordered = sorted(rows, key=lambda r: _order(r["key"]))

    def has(r: dict, lab: str) -> bool:
        return lab in r["pillars"] or lab in r["talent"]

    freq = {lab: sum(has(r, lab) for r in rows) for lab in labels}
    test: list[str] = []
    for lab in sorted(labels, key=lambda x: (freq[x], x)):
        have = sum(has(r, lab) for r in ordered if r["key"] in test)
        for r in ordered:
            if have >= minimum or len(test) >= target:
                break
            if has(r, lab) and r["key"] not in test:
                test.append(r["key"])
                have += 1
    for r in ordered:
        if len(test) >= target:
            break
        if r["key"] not in test:
            test.append(r["key"])
    chosen = set(test)
    return {r["key"]: ("test" if r["key"] in chosen else "train") for r in rows}


PILLAR_IDS = ("V", "R", "CD", "S")
TALENT_IDS = tuple(f"R{i}" for i in range(1, 17) if i not in (14, 16))


def counts_table(groups: dict[str, Sequence[dict]]) -> str:
    """Markdown table: rows per label for each named group of rows (e.g. per split)."""
    names = list(groups)
    lines = ["| label | " + " | ".join(names) + " |", "|---|" + "---:|" * len(names)]
    lines.append("| rows | " + " | ".join(str(len(groups[n])) for n in names) + " |")
    for lab in PILLAR_IDS + TALENT_IDS:
        cells = [str(sum(lab in r["pillars"] or lab in r["talent"] for r in groups[n])) for n in names]
        lines.append(f"| {lab} | " + " | ".join(cells) + " |")
    extra = {
        "two pillars": lambda r: len(r["pillars"]) == 2,
        "no TALENT": lambda r: not r["talent"],
        "two TALENT": lambda r: len(r["talent"]) == 2,
    }
    for name, test in extra.items():
        lines.append(f"| {name} | " + " | ".join(str(sum(map(test, groups[n]))) for n in names) + " |")
    return "\n".join(lines)


if __name__ == "__main__":  # print the README's counts table
    import json
    from pathlib import Path

    here = Path(__file__).resolve().parent
    groups: dict[str, list[dict]] = {}
    for name in ("seed-plans.jsonl", "fresh.jsonl", "fresh-more.jsonl", "fresh-boundary.jsonl",
                 "fresh-styles.jsonl", "fresh-plans.jsonl", "fresh-holdout.jsonl", "fresh-holdout2.jsonl"):
        path = here / name
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    row = json.loads(line)
                    # held-out files get a column each ("fresh holdout", "fresh holdout2")
                    group = (row["plan"] if row["split"] == "seed" else
                             name.removesuffix(".jsonl").replace("-", " ") if row["split"] == "holdout" else
                             f"fresh {row['split']}")
                    groups.setdefault(group, []).append(row)
    print(counts_table(groups))
