"""Blind plans (tests/blind/<date>/): PDFs and gold files made by a hand that never read the
extraction code or the project's generator, in layouts chosen to be hard (slides, a two-column
newsletter, a Gantt chart, a printed web accordion, a Word table with merged cells, an unruled
progress report). Each file must reach the floors in its folder's bars.yaml (today's honest
figures, raised as extraction improves; the first read is in first-read.md), and the document's
institution, period and title must be read as the gold gives them."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
import yaml


REPO = Path(__file__).resolve().parents[1]
SETS = sorted(p for p in (REPO / "tests" / "blind").iterdir() if (p / "bars.yaml").is_file())
CASES = [(s, g) for s in SETS for g in sorted((s / "gold").glob("*.gold.json"))]


@pytest.fixture(scope="module")
def datasets(tmp_path_factory) -> dict[Path, Path]:
    out = {}
    for s in SETS:
        ds = tmp_path_factory.mktemp(s.name) / "dataset"
        subprocess.run([sys.executable, "-m", "tcpipe.cli", "extract", str(s / "raw"), "--out", str(ds),
                        "--jobs", "2", "--quiet"], check=True, cwd=REPO, capture_output=True, timeout=900)
        out[s] = ds
    return out


@pytest.mark.parametrize("case", CASES, ids=[f"{s.name}/{g.name.removesuffix('.gold.json')}" for s, g in CASES])
def test_blind_plan_floor(case, datasets, scorer):
    folder, gold_path = case
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    bar = yaml.safe_load((folder / "bars.yaml").read_text(encoding="utf-8"))[gold["source_file"]]
    actions = pd.read_parquet(datasets[folder] / "actions.parquet")
    key = scorer.file_key(gold["source_file"])
    pred = actions[[scorer.file_key(s) == key for s in actions["source_file"]]]
    acc, unmatched, details = scorer.score_file(gold, pred)
    s = acc.summary()
    s["extra_word_share"] = extra_word_share(scorer, gold, pred, details)
    got = f"{gold['source_file']}: {s}; unmatched {unmatched[:5]}"
    for k, limit in bar.items():
        if k == "identity_known_wrong":
            continue
        if k.startswith("max_"):
            assert s[k[4:]] <= limit, f"{k[4:]} above {limit}: {got}"
        else:
            assert (s.get(k) or 0.0) >= limit, f"{k} below {limit}: {got}"


def extra_word_share(scorer, gold: dict, pred: pd.DataFrame, details: list[dict]) -> float:
    """Share of the matched rows' action words that are not in their gold action: score.py's
    text and word fidelity measures ignore extra words, so a row read across a table's columns
    (the action plus its measure, owner and date) scores 1.00 there."""
    rows = pred.to_dict("records")
    extra = total = 0
    for d in details:
        want = set(scorer.norm(gold["rows"][d["gold_index"]]["action_text"], strip_id=True).split())
        words = scorer.norm(rows[d["pred_index"]]["action_text"], strip_id=True).split()
        extra += sum(w not in want for w in words)
        total += len(words)
    return round(extra / total, 4) if total else 0.0


@pytest.mark.parametrize("case", CASES, ids=[f"{s.name}/{g.name.removesuffix('.gold.json')}" for s, g in CASES])
def test_blind_plan_identity(case, datasets):
    folder, gold_path = case
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    bar = yaml.safe_load((folder / "bars.yaml").read_text(encoding="utf-8"))[gold["source_file"]]
    known = bar.get("identity_known_wrong")
    if not known:
        _check_identity(gold, datasets[folder])
        return
    try:   # strict: once the reading is right the test fails until the mark is removed
        _check_identity(gold, datasets[folder])
    except AssertionError:
        pytest.xfail(known)
    pytest.fail(f"read right now: drop identity_known_wrong ({known}) from bars.yaml")


def _check_identity(gold: dict, ds: Path) -> None:
    docs = pd.read_parquet(ds / "documents.parquet")
    doc = docs[docs["source_file"].map(lambda p: Path(p).name) == gold["source_file"]].iloc[0]
    norm = lambda t: " ".join(str(t or "").replace("–", "-").split()).lower()
    assert doc["institution"] == gold["institution"]
    assert (doc["period_start"], doc["period_end"]) == (gold["period_start"], gold["period_end"])
    # the title as printed may carry a lead-in or a subtitle the gold leaves out ("Our ...",
    # "...: Progress Report, July 2025"), never a cut or another line in its place
    title, want = norm(doc["plan_title"]), norm(gold["title"])
    assert want in title and len(title) <= 2 * len(want), (doc["plan_title"], gold["title"])
