"""Batch behaviour on real files: bad inputs get clear per-file errors and the batch goes
on; re-runs are byte-identical and incremental; a killed run resumes to the same dataset."""
from __future__ import annotations

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
from tcpipe.batch import Limits, run_batch
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
    run_batch([raw], tmp_path / "out", workers=1, progress=False, password="nope")
    assert _docs(tmp_path / "out")["encrypted.pdf"]["errors"][0].startswith("wrong_password")


def test_hang_is_stopped_by_the_time_limit(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    badinputs.slow_to_parse(raw)
    shutil.copy(RAW / SAMPLE, raw / SAMPLE)
    t0 = time.monotonic()
    run_batch([raw], tmp_path / "out", workers=2, progress=False, limits=Limits(seconds=3))
    assert time.monotonic() - t0 < 30
    docs = _docs(tmp_path / "out")
    assert docs["slow-to-parse.pdf"]["status"] == "failed"
    assert docs["slow-to-parse.pdf"]["errors"][0].startswith("timeout")
    assert docs[SAMPLE]["status"] == "success"


def test_memory_limit_is_a_failure_not_a_crash(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(RAW / SAMPLE, raw / SAMPLE)
    run_batch([raw], tmp_path / "out", workers=1, progress=False, limits=Limits(memory_mb=4))
    doc = _docs(tmp_path / "out")[SAMPLE]
    assert doc["status"] == "failed"
    assert doc["errors"][0].split(":")[0] in {"memory_limit", "worker_crashed", "internal_error"}


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


def test_rerun_is_byte_identical_and_incremental(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    a, b = tmp_path / "a", tmp_path / "b"
    run_batch([raw], a, workers=2, progress=False)
    run_batch([raw], b, workers=1, progress=False)
    for name in ("actions.parquet", "documents.parquet"):
        assert (a / name).read_bytes() == (b / name).read_bytes()
    again = run_batch([raw], a, workers=2, progress=False)
    assert again.processed == [] and len(again.reused) == len(list(raw.glob("*.pdf")))
    # A changed file replaces exactly its own rows.
    before = _actions(a)
    target = sorted(raw.glob("*.pdf"))[0]
    shutil.copy(RAW / SAMPLE, target)
    changed = run_batch([raw], a, workers=2, progress=False)
    assert changed.processed == [target.name]
    after = _actions(a)
    untouched = lambda rows: [r["row_id"] for r in rows if r["source_file"] != target.name]  # noqa: E731
    assert untouched(before) == untouched(after)
    assert len([r for r in after if r["source_file"] == target.name]) == _expected_count(SAMPLE)


def test_kill_minus_nine_then_rerun_gives_the_clean_dataset(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
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
