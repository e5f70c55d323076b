"""Issue #10: zoo variants of held-out seeds (31337, 2718: never tuned on before they were read)
that failed as a new user's plans would, each regenerated here and scored with the product's
scorer (shared/tools/score.py). Before the fixes named below each lost or invented rows.

Seed 31337:

- cards-003 (0 of 11 rows, `partial`): bold card titles over one short regular field; the
  titles outweighed the fields, so bold was taken for the body style and no block opened
  (extract/strategies/narrative.field_body);
- unruled-000 (9 junk rows, owner 0.24): keys cut by a narrow column ("CD" / "2"), a header
  label cut inside a word and wrapped over three lines (test_issue10_unruled_narrow_columns_*);
- unruled-002 (8 of 14): section headings made a sparse first column look busy; a keyless row
  overleaf glued to a statement without a full stop (test_issue10_unruled_keyless_rows_*);
- web-table-000 (63 of 65): "3 TCWG representatives ..." not split from "2 To review ..."
  (test_issue10_numbered_actions_in_one_cell_*);
- inline-lists-004 (2 junk rows): a line wrapped before "Programme" read as a hard break (the
  word's width estimated from the mean advance, now with a margin: blocks.fit_word_margin);
- progress-report-002 (14 of 15): a task row overleaf under an objective merged over the page
  break (its slot blank) was stitched to the last row of the page before as its rest; cells
  that open afresh below cells that stopped short now count against a cut row
  (stitch.scores.cells_start_afresh).

Seed 2718:
- unruled-002 (0 of 9, `partial`): a landscape table whose last column runs far past its
  label was no table (a line's last phrase could run only 200 pt past the last label; now to
  the page's edge);
- word-table-000 (a junk row): a row cut by the page break whose cells go on by a wrap, in
  lower case and, in one cell, with a new sentence after a finished one was left as a row of
  its own (a cell that ended a sentence at the foot now counts neither way).
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from tests.generator.zoo.evaluate import find_scorer
from tests.generator.zoo.generate import generate

VARIANTS = [(31337, "cards", 3), (31337, "unruled", 0), (31337, "unruled", 2), (31337, "web_table", 0),
            (31337, "inline_lists", 4), (31337, "progress_report", 2), (2718, "unruled", 2), (2718, "word_table", 0)]
# gold rows still missed (documented, not hidden): 2718 unruled-002 prints an action alone
# below another in the action column, with no cell of its own beside it; it is read as that
# cell's next paragraph (a row or a paragraph cannot be told apart without rules)
MISSED = {(2718, "unruled", 2): 1}
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def scored(tmp_path_factory):
    missing = [t for t in ("soffice", "chromium") if not shutil.which(t)]
    if missing:
        pytest.skip("the zoo needs " + ", ".join(missing))
    try:
        find_scorer()
    except SystemExit as e:
        pytest.skip(str(e))
    out = tmp_path_factory.mktemp("held-out")
    for seed, family, i in VARIANTS:
        generate(out / f"{seed}-{family}-{i}", seed=seed, per_family=1, families=[family], start=i)
    pdfs = out / "pdfs"
    pdfs.mkdir()
    for seed, family, i in VARIANTS:
        for p in (out / f"{seed}-{family}-{i}" / "pdfs").glob("*.pdf"):
            shutil.copy(p, pdfs / f"{seed}-{p.name}")
    ds = out / "dataset"
    subprocess.run([sys.executable, "-m", "tcpipe.cli", "extract", str(pdfs), "--out", str(ds), "--jobs", "2",
                    "--quiet"], check=True, cwd=REPO, capture_output=True, timeout=900)
    return out, pd.read_parquet(ds / "actions.parquet")


@pytest.mark.parametrize("seed,family,i", VARIANTS)
def test_every_action_found_and_none_invented(scored, seed, family, i):
    out, actions = scored
    name = f"{family.replace('_', '-')}-{i:03d}"
    gold_file = out / f"{seed}-{family}-{i}" / "gold" / family / f"{name}.gold.json"
    gold = json.loads(gold_file.read_text())
    gold["source_file"] = f"{seed}-{gold['source_file']}"        # the PDF was copied under that name
    gold_file = out / f"{seed}-{name}.gold.json"
    gold_file.write_text(json.dumps(gold))
    got = actions[actions["source_file"].str.endswith(f"{seed}-{name}.pdf")]
    gold_texts = [r["action_text"] for r in gold["rows"]]
    missed = MISSED.get((seed, family, i), 0)
    assert len(got) == len(gold_texts) - missed, (name, list(got["action_text"]))
    # the scorer's own matching: every gold row matched one-to-one
    res = subprocess.run([sys.executable, str(find_scorer()), "--pred", str(out / "dataset" / "actions.parquet"),
                          "--gold", str(gold_file), "--json"],
                         capture_output=True, text=True, check=True)
    overall = json.loads(res.stdout)["overall"]
    assert overall["precision"] == 1.0, (name, overall)
    assert overall["matched"] == len(gold_texts) - missed, (name, overall)
