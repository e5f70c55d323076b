"""Reviewer overrides: the round trip through the real pipeline (extract, write overrides,
extract again, check), stale entries reported, CSV and YAML alike."""
from __future__ import annotations

import datetime as dt
import shutil

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import yaml

from normalise.model import DocumentMeta
from normalise.rows import row_id as content_row_id
from tcpipe import cli
from tcpipe.run.batch import CACHE_DIR, run_batch
from tcpipe.dataset.overrides import OverridesError, apply_overrides
from tcpipe.dataset.schema import ACTIONS, DOCUMENTS, check_actions

from .conftest import RAW

STALE = "0123456789abcdef"


@pytest.fixture(scope="module")
def first_run(sample_run, tmp_path_factory):
    """A fresh output folder; the sample run's cache is copied in so the PDFs are not
    read again (the cache is keyed by content and versions, as in any re-run)."""
    out = tmp_path_factory.mktemp("overrides-ds")
    shutil.copytree(sample_run[0].out_dir / CACHE_DIR, out / CACHE_DIR)
    run_batch([RAW], out, workers=2, progress=False)
    return out, pq.read_table(out / "actions.parquet").to_pylist(), (out / "actions.parquet").read_bytes()


def _pick(actions: list[dict]):
    by_doc: dict[str, list[dict]] = {}
    for a in actions:
        by_doc.setdefault(a["source_file"], []).append(a)
    rows = max(by_doc.values(), key=len)
    assert len(rows) >= 5, "a sample plan with at least five actions is needed"
    return rows


def _entries(rows: list[dict]) -> tuple[dict, dict]:
    labelled, timed, dropped, invalid, other = rows[0], rows[1], rows[2], rows[3], rows[4]
    added = dict(source_file=labelled["source_file"], parent_id="V9", action_id="V9.1",
                 action_text="Publish an annual technician census, added by review", timeframe="by March 2026",
                 page_start=labelled["page_start"], pillars=["V"], talent=["R6"])
    data = {
        "reviewer": "J. Smith", "reviewed_at": dt.date(2025, 3, 1),
        "overrides": [
            {"row_id": labelled["row_id"], "set": {"pillars": ["Visibility", "CD"], "talent": ["R6", "12"]}},
            {"row_id": timed["row_id"], "set": {"timeframe": "by March 2026", "owner": "Head of Technical Services"},
             "reviewer": "A. N. Other"},
            {"row_id": dropped["row_id"], "drop": True, "note": "duplicate"},
            {"row_id": invalid["row_id"], "set": {"pillars": ["X9"]}},
            {"row_id": other["row_id"], "set": {"document_id": "forged"}},
            {"row_id": STALE, "set": {"pillars": ["V"]}},
            {"add": added},
        ],
    }
    return data, dict(labelled=labelled, timed=timed, dropped=dropped, invalid=invalid, other=other, added=added)


def test_round_trip(first_run, tmp_path, capsys):
    out, before, bytes_before = first_run
    rows = _pick(before)
    data, picked = _entries(rows)
    path = tmp_path / "overrides.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")

    report = run_batch([RAW], out, workers=2, progress=False, overrides=path)
    after = pq.read_table(out / "actions.parquet").to_pylist()
    by_id = {a["row_id"]: a for a in after}
    notes = report.override_notes

    lab = by_id[picked["labelled"]["row_id"]]
    assert lab["pillars"] == ["V", "CD"] and lab["talent"] == ["R6", "R12"]
    assert (lab["pillars_source"], lab["talent_source"], lab["label_source"]) == ("reviewer",) * 3
    assert (lab["reviewer"], lab["reviewed_at"]) == ("J. Smith", "2025-03-01")
    assert lab["pillars_document"] == picked["labelled"]["pillars_document"]   # the plan's own tags are kept

    timed = by_id[picked["timed"]["row_id"]]
    assert timed["timeframe"] == "by March 2026" and timed["due_date"] == dt.date(2026, 3, 31)
    assert timed["owner"] == "Head of Technical Services" and timed["reviewer"] == "A. N. Other"
    assert timed["label_source"] == picked["timed"]["label_source"]          # labels untouched

    assert picked["dropped"]["row_id"] not in by_id
    assert by_id[picked["invalid"]["row_id"]] == picked["invalid"]            # rejected, unchanged
    assert by_id[picked["other"]["row_id"]] == picked["other"]

    added = [a for a in after if a["extractor"] == "reviewer"]
    assert len(added) == 1
    new = added[0]
    src = picked["labelled"]
    meta = DocumentMeta(src["institution"], src["plan_title"], src["period_start"], src["period_end"])
    assert new["row_id"] == content_row_id(src["document_id"], meta, "V9", "V9.1",
                                           picked["added"]["action_text"], 0)
    assert (new["document_id"], new["institution"], new["period_start"]) == \
           (src["document_id"], src["institution"], src["period_start"])
    assert new["page_start"] == new["page_end"] == src["page_start"]
    assert new["label_source"] == new["pillars_source"] == new["talent_source"] == "reviewer"
    assert new["due_date"] == dt.date(2026, 3, 31) and new["reviewer"] == "J. Smith"
    assert len(after) == len(before)     # one dropped, one added

    assert notes[0].endswith("applied 2 edits, 1 drop, 1 add; 3 not applied")
    assert any(STALE in n and "no longer exists" in n for n in notes)
    assert any(picked["invalid"]["row_id"] in n and "unknown pillar 'X9'" in n for n in notes)
    assert any("document_id is set by the pipeline" in n for n in notes)

    # corrections survive re-runs, byte for byte; without the file the extraction is back
    first = (out / "actions.parquet").read_bytes()
    run_batch([RAW], out, workers=2, progress=False, overrides=path)
    assert (out / "actions.parquet").read_bytes() == first
    run_batch([RAW], out, workers=2, progress=False, overrides=None)
    assert (out / "actions.parquet").read_bytes() == bytes_before

    # the extract command prints every entry that was not applied
    assert cli.main(["extract", str(RAW), "--out", str(out), "--jobs", "2", "--quiet",
                     "--overrides", str(path)]) == 0
    printed = capsys.readouterr().out
    assert f"overrides: {path}: applied 2 edits" in printed
    assert STALE in printed and "no longer exists" in printed


def test_csv_gives_the_same_result_as_yaml(first_run, tmp_path):
    out, before, _ = first_run
    table = pa.Table.from_pylist(before, schema=ACTIONS)
    rows = _pick(before)
    data, picked = _entries(rows)
    y = tmp_path / "o.yaml"
    y.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    a = picked["added"]
    c = tmp_path / "o.csv"
    c.write_text(
        "row_id,action,reviewer,reviewed_at,pillars,talent,timeframe,owner,document_id,source_file,parent_id,"
        "action_id,action_text,page_start,note\n"
        f"{rows[0]['row_id']},edit,J. Smith,2025-03-01,Visibility|CD,R6|12,,,,,,,,,\n"
        f"{rows[1]['row_id']},,A. N. Other,2025-03-01,,,by March 2026,Head of Technical Services,,,,,,,\n"
        f"{rows[2]['row_id']},drop,J. Smith,2025-03-01,,,,,,,,,,,duplicate\n"
        f"{rows[3]['row_id']},edit,J. Smith,2025-03-01,X9,,,,,,,,,,\n"
        f"{rows[4]['row_id']},edit,J. Smith,2025-03-01,,,,,forged,,,,,,\n"
        f"{STALE},edit,J. Smith,2025-03-01,V,,,,,,,,,,\n"
        f",add,J. Smith,2025-03-01,V,R6,by March 2026,,,{a['source_file']},V9,V9.1,\"{a['action_text']}\","
        f"{a['page_start']},\n", encoding="utf-8")
    ty, ny = apply_overrides(table, y)
    tc, nc = apply_overrides(table, c)
    assert ty.to_pylist() == tc.to_pylist()
    assert [n.split(": ", 1)[1] for n in ny[:1]] == [n.split(": ", 1)[1] for n in nc[:1]]
    assert len(ny) == len(nc) == 4


def test_add_to_a_document_without_rows(sample_run, first_run, tmp_path):
    _, _, documents = sample_run
    _, before, _ = first_run
    empty = [d for d in documents if d["status"] != "failed" and not d["n_actions"] and d["page_count"]]
    if not empty:
        pytest.skip("no sample document without actions")
    d = empty[0]
    path = tmp_path / "o.yaml"
    path.write_text(yaml.safe_dump({"reviewer": "R", "reviewed_at": "2025-01-02", "overrides": [
        {"add": {"source_file": d["source_file"], "action_text": "An action the page does state"}}]}))
    table = pa.Table.from_pylist(before, schema=ACTIONS)
    _, notes = apply_overrides(table, path)            # without the documents: reported, not guessed
    assert "no readable document" in notes[1]
    new, notes = apply_overrides(table, path, documents=pa.Table.from_pylist(documents, schema=DOCUMENTS))
    assert notes[1:] == []
    added = new.to_pylist()[-1] if new.to_pylist()[-1]["extractor"] == "reviewer" else \
        next(r for r in new.to_pylist() if r["extractor"] == "reviewer")
    assert (added["page_start"], added["page_end"]) == (1, d["page_count"])
    assert added["document_id"] == d["document_id"]
    assert check_actions(new) == []


def test_unreadable_files_stop_with_the_reason(first_run, tmp_path):
    table = pa.Table.from_pylist(first_run[1], schema=ACTIONS)
    bad = tmp_path / "bad.yaml"
    bad.write_text("overrides:\n  - row_id: [unclosed\n")
    with pytest.raises(OverridesError, match="not valid YAML"):
        apply_overrides(table, bad)
    with pytest.raises(OverridesError, match="not found"):
        apply_overrides(table, tmp_path / "missing.yaml")
    odd = tmp_path / "odd.yaml"
    odd.write_text("- row_id: x\n  action: rename\n")       # one bad entry: a note, not a stop
    assert "unknown action 'rename'" in apply_overrides(table, odd)[1][1]
    assert apply_overrides(table, None) == (table, [])


def test_alias_bomb_fails_fast_with_a_clear_message(first_run, tmp_path):
    """The billion laughs: nine levels of nine aliases would expand to 10^9 strings. Refused
    at the first anchor, before any expansion, in well under a second."""
    import time
    table = pa.Table.from_pylist(first_run[1], schema=ACTIONS)
    lines = ['a0: &a0 "lol"']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    lines += ["overrides:", "  - row_id: x", "    set: {owner: *a9}"]
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text("\n".join(lines) + "\n")
    t0 = time.monotonic()
    with pytest.raises(OverridesError, match="anchors and aliases"):
        apply_overrides(table, bomb)
    assert time.monotonic() - t0 < 1.0
    big = tmp_path / "big.yaml"
    big.write_text("overrides: []\n" + "#" * (6 * 1024 * 1024))
    with pytest.raises(OverridesError, match="larger than"):
        apply_overrides(table, big)


def test_bad_entries_are_notes_and_the_rest_is_applied(first_run, tmp_path):
    """An entry that is not a mapping, an unknown action, a negative page or a page number
    too large for its column: each is one note; the good entry beside them is applied and
    the result passes the schema checks."""
    table = pa.Table.from_pylist(first_run[1], schema=ACTIONS)
    rows = _pick(first_run[1])
    path = tmp_path / "o.yaml"
    path.write_text(yaml.safe_dump({"overrides": [
        "just a string",
        {"row_id": rows[0]["row_id"], "action": "rename"},
        {"row_id": rows[1]["row_id"], "set": {"page_start": -5}},
        {"add": {"source_file": rows[2]["source_file"], "action_text": "Added", "page_start": 2 ** 40}},
        {"row_id": rows[3]["row_id"], "set": {"owner": "Head of Technical Services"}},
    ]}))
    new, notes = apply_overrides(table, path)
    assert notes[0].endswith("applied 1 edit, 0 drops, 0 adds; 4 not applied")
    assert "expected a mapping" in notes[1] and "unknown action 'rename'" in notes[2]
    assert rows[1]["row_id"] in notes[3] and "page_start" in notes[3]
    assert "cannot add the row" in notes[4]
    assert check_actions(new) == []
    after = {r["row_id"]: r for r in new.to_pylist()}
    assert after[rows[3]["row_id"]]["owner"] == "Head of Technical Services"
    assert after[rows[1]["row_id"]] == rows[1]
