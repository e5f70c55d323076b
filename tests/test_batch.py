"""Batch behaviour on real files: bad inputs get clear per-file errors and the batch goes
on; re-runs are byte-identical and incremental; a killed run resumes to the same dataset."""
from __future__ import annotations

import hashlib
import json
import math
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from tests.conftest import EXPECTED, RAW, ROOT, load_expected
from tcpipe.run.batch import Limits, NothingUsable, run_batch
from tests import badinputs

SAMPLE = "essex-2024-27-action-plan.pdf"


def _expected_count(name: str) -> int:
    return len(load_expected(EXPECTED / (Path(name).stem + ".json"))["actions"])


def _docs(out: Path) -> dict[str, dict]:
    return {d["source_file"]: d for d in pq.read_table(out / "documents.parquet").to_pylist()}


def _actions(out: Path) -> list[dict]:
    return pq.read_table(out / "actions.parquet").to_pylist()


@pytest.fixture(scope="module")
def bad_batch(tmp_path_factory):
    raw = tmp_path_factory.mktemp("bad-raw")
    shutil.copy(RAW / SAMPLE, raw / SAMPLE)
    for make in badinputs.ALL:
        make(raw)
    out = tmp_path_factory.mktemp("bad-out")
    report = run_batch([raw], out, workers=2, progress=False)
    return raw, out, report


@pytest.mark.parametrize("name, code", [
    ("encrypted.pdf", "encrypted_pdf"),
    ("truncated.pdf", "truncated_pdf"),
    ("zero-bytes.pdf", "empty_file"),
    ("image-renamed.pdf", "not_a_pdf"),
])
def test_bad_file_fails_clearly_and_alone(bad_batch, name, code):
    raw, out, report = bad_batch
    doc = _docs(out)[name]
    assert doc["status"] == "failed"
    assert doc["errors"] and doc["errors"][0].startswith(code)
    assert not [a for a in _actions(out) if a["source_file"] == name]
    assert any(n == name for n, _ in report.failed)
    # the good plan in the same batch is untouched
    assert len([a for a in _actions(out) if a["source_file"] == SAMPLE]) == _expected_count(SAMPLE)


def test_image_renamed_reason_names_the_real_type(bad_batch):
    _, out, _ = bad_batch
    assert "PNG" in _docs(out)["image-renamed.pdf"]["errors"][0]


def test_prose_gives_no_rows_and_a_warning(bad_batch):
    _, out, _ = bad_batch
    doc = _docs(out)["prose-only.pdf"]
    assert doc["status"] == "skipped" and doc["n_actions"] == 0
    assert any("no action" in w for w in doc["warnings"])


def test_odd_unicode_is_normalised(bad_batch):
    _, out, _ = bad_batch
    texts = [a["action_text"] for a in _actions(out) if a["source_file"] == "odd-unicode.pdf"]
    assert texts == [want for _, want in badinputs.ODD_CELLS]


def test_password_option_opens_encrypted_plan(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    badinputs.encrypted(raw)
    out = tmp_path / "out"
    run_batch([raw], out, workers=1, progress=False, password=badinputs.PASSWORD)
    assert _docs(out)["encrypted.pdf"]["status"] == "success"
    assert len(_actions(out)) == _expected_count(SAMPLE)


def test_wrong_password_is_reported(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    badinputs.encrypted(raw)
    # the only input failed: an error, with the reason, and nothing written
    with pytest.raises(NothingUsable) as err:
        run_batch([raw], tmp_path / "out", workers=1, progress=False, password="nope")
    assert err.value.report.failed[0][0] == "encrypted.pdf"
    assert err.value.report.failed[0][1].startswith("wrong_password")
    assert not (tmp_path / "out" / "documents.parquet").exists()


def test_hang_is_stopped_by_the_time_limit(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    badinputs.slow_to_parse(raw)
    shutil.copy(RAW / SAMPLE, raw / SAMPLE)
    t0 = time.monotonic()
    # 10 s: the sample plan itself needs a few CPU-seconds, more on a loaded machine
    run_batch([raw], tmp_path / "out", workers=2, progress=False, limits=Limits(seconds=10))
    assert time.monotonic() - t0 < 30
    docs = _docs(tmp_path / "out")
    assert docs["slow-to-parse.pdf"]["status"] == "failed"
    assert docs["slow-to-parse.pdf"]["errors"][0].startswith("timeout")
    assert docs[SAMPLE]["status"] == "success"


def test_memory_limit_is_a_failure_not_a_crash(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(RAW / SAMPLE, raw / SAMPLE)
    with pytest.raises(NothingUsable) as err:
        run_batch([raw], tmp_path / "out", workers=1, progress=False, limits=Limits(memory_mb=4))
    name, reason = err.value.report.failed[0]
    assert name == SAMPLE
    assert reason.split(":")[0] in {"memory_limit", "worker_crashed", "internal_error"}


def test_long_plan_all_rows(tmp_path):
    from pypdf import PdfReader
    pages = len(PdfReader(RAW / SAMPLE).pages)
    copies = math.ceil(300 / pages)
    raw = tmp_path / "raw"
    raw.mkdir()
    path = badinputs.long_plan(raw, copies)
    run_batch([raw], tmp_path / "out", workers=1, progress=False)
    doc = _docs(tmp_path / "out")[path.name]
    assert doc["page_count"] >= 300
    assert doc["n_actions"] == copies * _expected_count(SAMPLE)


def _copy_raw(raw: Path) -> Path:
    """The sample plans without the scan: its OCR costs more than all the others together,
    and it is read (and checked) by the sample tests; the batch logic is the same."""
    shutil.copytree(RAW, raw, ignore=shutil.ignore_patterns("*-scan.pdf"))
    return raw


def test_rerun_is_byte_identical_and_incremental(tmp_path):
    raw = _copy_raw(tmp_path / "raw")
    a, b = tmp_path / "a", tmp_path / "b"
    run_batch([raw], a, workers=2, progress=False)
    run_batch([raw], b, workers=1, progress=False)
    for name in ("actions.parquet", "documents.parquet"):
        assert (a / name).read_bytes() == (b / name).read_bytes()
    again = run_batch([raw], a, workers=2, progress=False)
    inputs = [f for f in raw.iterdir() if f.suffix in (".pdf", ".docx", ".html")]
    assert again.processed == [] and len(again.reused) == len(inputs) == 9   # PDF, DOCX, HTML (no scan)
    # A changed file replaces exactly its own rows.
    before = _actions(a)
    target = sorted(raw.glob("*.pdf"))[0]
    # other bytes than any input (the sample's own bytes would be the same document as the
    # sample, processed once)
    target.write_bytes((RAW / SAMPLE).read_bytes() + b"\n% changed\n")
    left = a / ".cache" / ".x.doc.parquet.k1ll3d.tmp"   # what a worker killed mid-write leaves
    left.write_bytes(b"partial")
    changed = run_batch([raw], a, workers=2, progress=False)
    assert not left.exists()
    assert changed.processed == [target.name]
    after = _actions(a)
    untouched = lambda rows: [r["row_id"] for r in rows if r["source_file"] != target.name]  # noqa: E731
    assert untouched(before) == untouched(after)
    assert len([r for r in after if r["source_file"] == target.name]) == _expected_count(SAMPLE)


def test_kill_minus_nine_then_rerun_gives_the_clean_dataset(tmp_path):
    raw = _copy_raw(tmp_path / "raw")
    clean = tmp_path / "clean"
    run_batch([raw], clean, workers=2, progress=False)
    out = tmp_path / "killed"
    cmd = [sys.executable, "-m", "tcpipe.cli", "extract", str(raw), "--out", str(out), "--quiet", "--jobs", "2"]
    for delay in (0.3, 0.8, 1.5):
        proc = subprocess.Popen(cmd, cwd=ROOT, start_new_session=True,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for name in ("actions.parquet", "documents.parquet"):
        assert (out / name).read_bytes() == (clean / name).read_bytes()


def _summary_of(report) -> tuple:
    return (report.documents, report.actions, report.statuses, report.failed, report.warned,
            report.override_notes)


@pytest.fixture(scope="module")
def sample_dataset(tmp_path_factory):
    """The sample plans processed once; tests copy the folder and re-run on the copy."""
    raw = tmp_path_factory.mktemp("fast-raw")
    for pdf in sorted(RAW.glob("*.pdf")):
        if not pdf.name.endswith("-scan.pdf"):   # OCR time; the scan is read by the sample tests
            shutil.copy(pdf, raw / pdf.name)
    out = tmp_path_factory.mktemp("fast-out")
    first = run_batch([raw], out, workers=2, progress=False)
    return raw, out, first


def _copy(out: Path, tmp_path: Path) -> Path:
    dst = tmp_path / "out"
    shutil.copytree(out, dst)
    return dst


def test_no_change_rerun_reports_the_same_and_writes_nothing(sample_dataset, tmp_path):
    raw, out, first = sample_dataset
    out = _copy(out, tmp_path)
    before = {n: ((out / n).read_bytes(), (out / n).stat().st_mtime_ns) for n in ("actions.parquet", "documents.parquet")}
    again = run_batch([raw], out, workers=2, progress=False)
    assert again.processed == [] and len(again.reused) == len(list(raw.glob("*.pdf")))
    assert _summary_of(again) == _summary_of(first)
    assert {n: ((out / n).read_bytes(), (out / n).stat().st_mtime_ns) for n in before} == before


def test_no_change_rerun_of_the_command_loads_no_pipeline(tmp_path):
    """`tcplans extract` with nothing to do imports neither the pipeline, spaCy nor pyarrow.
    Run on a snapshot of the code and models, so that edits others make to the working tree
    while the test runs do not change the versions between the two runs."""
    snap = tmp_path / "snap"
    for part in ("extract", "normalise", "tcpipe", "models"):
        shutil.copytree(ROOT / part, snap / part, ignore=shutil.ignore_patterns("__pycache__"))
    raw = tmp_path / "raw"
    raw.mkdir()
    smallest = min(RAW.glob("*.pdf"), key=lambda p: p.stat().st_size)
    shutil.copy(smallest, raw / smallest.name)
    out = tmp_path / "out"
    code = ("import sys, tcpipe; from tcpipe.cli import main; rc = main(sys.argv[1:]); "
            "heavy = sorted(m for m in ('spacy', 'pyarrow', 'pandas', 'duckdb', 'extract', 'normalise') "
            "if m in sys.modules); print('FROM', tcpipe.__file__); print('HEAVY', heavy); sys.exit(rc)")
    cmd = [sys.executable, "-c", code, "extract", str(raw), "--out", str(out), "--quiet", "--jobs", "1"]
    first = subprocess.run(cmd, cwd=snap, check=True, capture_output=True, text=True).stdout
    assert f"FROM {snap}" in first and "processed now: 1, unchanged and reused: 0" in first
    again = subprocess.run(cmd, cwd=snap, check=True, capture_output=True, text=True).stdout
    assert "processed now: 0, unchanged and reused: 1" in again
    assert "HEAVY []" in again
    summary = lambda text: [l for l in text.splitlines() if l.startswith(("documents:", "actions:"))]  # noqa: E731
    assert summary(again) == summary(first)


@pytest.mark.parametrize("damage", ["other-bytes", "deleted", "same-size", "truncated", "record-gone", "entry-gone"])
def test_fast_path_never_returns_a_stale_dataset(sample_dataset, tmp_path, damage):
    """The outputs are checked against the record of the last assembly (size, SHA-256), the
    cache entries must be there: any mismatch rebuilds the clean dataset."""
    raw, out, first = sample_dataset
    clean = {n: (out / n).read_bytes() for n in ("actions.parquet", "documents.parquet")}
    out = _copy(out, tmp_path)
    acts = out / "actions.parquet"
    if damage == "other-bytes":      # a valid Parquet file, but not the one the record names
        import pyarrow.parquet as pq
        table = pq.read_table(acts)
        pq.write_table(table.slice(0, table.num_rows - 1), acts)
    elif damage == "deleted":
        acts.unlink()
    elif damage == "same-size":
        acts.write_bytes(clean["actions.parquet"][:-1] + b"\0")   # same size, other bytes
    elif damage == "truncated":
        acts.write_bytes(clean["actions.parquet"][:-100])
    elif damage == "record-gone":
        (out / ".cache" / "dataset.json").unlink()
    elif damage == "entry-gone":
        next((out / ".cache").glob("*.doc.parquet")).unlink()
    again = run_batch([raw], out, workers=2, progress=False)
    assert len(again.processed) == (1 if damage == "entry-gone" else 0)
    assert _summary_of(again) == _summary_of(first)
    for name, data in clean.items():
        assert (out / name).read_bytes() == data, (damage, name)


def test_remembered_versions_are_checked_when_there_is_work(sample_dataset, tmp_path):
    """A versions memo that disagrees with the real versions (it cannot happen unless the
    memo is tampered with) must not make the batch cache rows under the wrong versions."""
    raw, out, first = sample_dataset
    clean = {n: (out / n).read_bytes() for n in ("actions.parquet", "documents.parquet")}
    out = _copy(out, tmp_path)
    memo_path = out / ".cache" / "versions.json"
    memo = json.loads(memo_path.read_text())
    memo["versions"]["pipeline"] = "tcplans 0.0.0+stale"
    memo_path.write_text(json.dumps(memo))
    again = run_batch([raw], out, workers=2, progress=False)
    assert again.processed == []   # the real versions find the cached rows
    assert json.loads(memo_path.read_text())["versions"]["pipeline"] != "tcplans 0.0.0+stale"
    for name, data in clean.items():
        assert (out / name).read_bytes() == data


def test_changed_overrides_rebuild_the_dataset(sample_dataset, tmp_path):
    raw, out, first = sample_dataset
    out = _copy(out, tmp_path)
    overrides = tmp_path / "overrides.yaml"
    overrides.write_text("overrides: []\n")
    a = run_batch([raw], out, progress=False, overrides=overrides)
    written = {p: p.stat().st_mtime_ns for p in (out / "actions.parquet", out / ".cache" / "dataset.json")}
    b = run_batch([raw], out, progress=False, overrides=overrides)
    assert _summary_of(a) == _summary_of(b) and a.processed == b.processed == []
    assert {p: p.stat().st_mtime_ns for p in written} == written   # same overrides: nothing rewritten
    overrides.write_text("overrides: []\n# edited\n")
    c = run_batch([raw], out, progress=False, overrides=overrides)
    assert _summary_of(c) == _summary_of(a)
    assert json.loads((out / ".cache" / "dataset.json").read_text())["overrides"]["sha256"] == \
        hashlib.sha256(overrides.read_bytes()).hexdigest()
