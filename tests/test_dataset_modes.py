"""A dataset that grows, on real plans: nothing leaves it without a mode asking (--add,
--mirror), no input or every input failed leaves it untouched, identity is the content
(not the folder), one writer at a time, failures cached by their cause, per-file errors
never stop the batch, outputs readable by others."""
from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import yaml

from tcpipe import cli
from tcpipe.run.batch import Limits, NoInputs, NothingUsable, WouldRemove, run_batch
from tests import badinputs
from tests.conftest import RAW, ROOT

A = "essex-2020-23-action-plan-unruled.pdf"     # the three smallest sample plans
B = "essex-2020-23-action-plan.pdf"
C = "portsmouth-action-plan.pdf"
OUTPUTS = ("actions.parquet", "documents.parquet")


def _docs(out: Path) -> dict[str, dict]:
    return {d["source_file"]: d for d in pq.read_table(out / "documents.parquet").to_pylist()}


def _actions(out: Path) -> list[dict]:
    return pq.read_table(out / "actions.parquet").to_pylist()


def _bytes(out: Path) -> dict[str, bytes]:
    return {n: (out / n).read_bytes() for n in OUTPUTS}


def _folder(tmp_path: Path, name: str, files: list[str]) -> Path:
    folder = tmp_path / name
    folder.mkdir(parents=True)
    for f in files:
        shutil.copy(RAW / f, folder / f)
    return folder


@pytest.fixture(scope="module")
def two_plans(tmp_path_factory):
    """A dataset of plans A and B (module-wide; tests copy it), and the cache it leaves."""
    base = tmp_path_factory.mktemp("modes")
    raw = _folder(base, "raw", [A, B])
    out = base / "out"
    run_batch([raw], out, workers=2, progress=False)
    return raw, out


def _copy(out: Path, tmp_path: Path) -> Path:
    dst = tmp_path / "out"
    shutil.copytree(out, dst)
    return dst


def test_modes_add_mirror_and_the_default_that_removes_nothing(two_plans, tmp_path, capsys):
    raw, out = two_plans
    out = _copy(out, tmp_path)
    new = _folder(tmp_path, "new", [C])
    before = _bytes(out)

    # default: a run that would remove A and B stops before writing, and says which
    with pytest.raises(WouldRemove) as err:
        run_batch([new / C], out, workers=2, progress=False)
    assert err.value.names == [B, A] or sorted(err.value.names) == sorted([A, B])
    assert _bytes(out) == before
    assert cli.main(["extract", str(new / C), "--out", str(out), "--quiet"]) == 1
    printed = capsys.readouterr().err
    assert "would be removed" in printed and A in printed and B in printed and "--add" in printed
    assert _bytes(out) == before

    # add: C joins, A and B stay (from the cache, not processed again)
    added = run_batch([new / C], out, workers=2, progress=False, mode="add")
    assert added.processed == [C] and sorted(added.kept) == sorted([A, B])
    assert set(_docs(out)) == {A, B, C}
    a_rows = [r for r in _actions(out) if r["source_file"] == A]

    # mirror: the dataset is the inputs; what leaves is said before writing
    said = []
    mirrored = run_batch([raw], out, workers=2, progress=False, mode="mirror", say=said.append)
    assert mirrored.removed == [C] and mirrored.processed == []
    assert any("removing 1 document" in s and C in s for s in said)
    assert set(_docs(out)) == {A, B}
    assert [r for r in _actions(out) if r["source_file"] == A] == a_rows
    assert "--mirror" in (ROOT / "Makefile").read_text().split("extract: setup")[1].split("\n\n")[0]


def test_no_input_or_every_input_failed_leaves_the_dataset_untouched(two_plans, tmp_path, capsys):
    _, out = two_plans
    out = _copy(out, tmp_path)
    before = _bytes(out)
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.txt").write_text("not a plan")
    with pytest.raises(NoInputs):
        run_batch([empty], out, progress=False, mode="mirror")
    assert cli.main(["extract", str(empty), "--out", str(out), "--mirror", "--quiet"]) == 1
    assert "no plans found" in capsys.readouterr().err
    bad = tmp_path / "bad"
    bad.mkdir()
    badinputs.zero_bytes(bad)
    badinputs.truncated(bad)
    with pytest.raises(NothingUsable) as err:
        run_batch([bad], out, progress=False, mode="mirror")
    assert sorted(n for n, _ in err.value.report.failed) == ["truncated.pdf", "zero-bytes.pdf"]
    assert cli.main(["extract", str(bad), "--out", str(out), "--mirror", "--quiet"]) == 1
    assert "every input failed" in capsys.readouterr().err
    assert _bytes(out) == before
    assert not (tmp_path / "fresh").exists() or not (tmp_path / "fresh" / "actions.parquet").exists()


def test_identity_is_the_content_not_the_folder(two_plans, tmp_path):
    """The same plan given from plans/ or from plans/2024/ has the same document_id and
    row_ids; two different files named alike are both kept; the same bytes at two paths
    are one document, processed once, with both paths recorded."""
    raw, out = two_plans
    first = {r["action_text"]: r["row_id"] for r in _actions(out) if r["source_file"] == A}
    plans = tmp_path / "plans"
    (plans / "2024").mkdir(parents=True)
    (plans / "other").mkdir()
    shutil.copy(RAW / A, plans / "2024" / A)
    shutil.copy(RAW / A, plans / "other" / "copy-of-a.pdf")            # same bytes, another path
    shutil.copy(RAW / B, plans / "other" / A)                           # other bytes, same name
    o1, o2 = tmp_path / "o1", tmp_path / "o2"
    shutil.copytree(out / ".cache", o1 / ".cache")                      # results are reused by content
    r1 = run_batch([plans], o1, workers=2, progress=False, mode="mirror")
    docs = _docs(o1)
    assert len(docs) == 2
    same = docs["2024/" + A]
    assert sorted(same["source_paths"]) == sorted(str((plans / p).resolve()) for p in ("2024/" + A, "other/copy-of-a.pdf"))
    assert any(p.endswith("copy-of-a.pdf") for p, _ in r1.duplicates)
    assert docs["other/" + A]["document_id"] != same["document_id"]
    # A's bytes under their own file name come from the cache whatever the folder; B's bytes
    # under another file name are processed (the name may name the institution)
    assert r1.processed == ["other/" + A]
    got = {r["action_text"]: r["row_id"] for r in _actions(o1) if r["document_id"] == same["document_id"]}
    assert got == first
    # two folders holding different files of the same name: both kept, named apart
    r2 = run_batch([plans / "2024", plans / "other"], o2, workers=2, progress=False)
    docs2 = {d["document_id"]: d for d in _docs(o2).values()}
    assert set(docs2) == {same["document_id"], docs["other/" + A]["document_id"]}
    assert len(docs2[same["document_id"]]["source_paths"]) == 2     # 2024/A and other/copy-of-a.pdf
    assert docs2[docs["other/" + A]["document_id"]]["source_paths"] == [str((plans / "other" / A).resolve())]
    got2 = {r["action_text"]: r["row_id"] for r in _actions(o2) if r["document_id"] == same["document_id"]}
    assert got2 == first and r2.documents == 2


def test_overrides_survive_moving_files_between_folders(two_plans, tmp_path):
    raw, out = two_plans
    out = _copy(out, tmp_path)
    row = next(r for r in _actions(out) if r["source_file"] == B)
    overrides = tmp_path / "overrides.yaml"
    overrides.write_text(yaml.safe_dump({"reviewer": "R", "overrides": [
        {"row_id": row["row_id"], "set": {"owner": "Moved-file reviewer"}}]}))
    moved = tmp_path / "archive" / "2020"
    moved.mkdir(parents=True)
    shutil.copy(raw / A, moved / A)
    shutil.copy(raw / B, moved / B)
    report = run_batch([tmp_path / "archive"], out, workers=2, progress=False, mode="mirror", overrides=overrides)
    assert report.override_notes[0].endswith("applied 1 edit, 0 drops, 0 adds; 0 not applied")
    after = {r["row_id"]: r for r in _actions(out)}
    assert after[row["row_id"]]["owner"] == "Moved-file reviewer"
    assert after[row["row_id"]]["source_file"] == f"2020/{B}"


def test_one_writer_at_a_time(two_plans, tmp_path, capsys):
    raw, out = two_plans
    out = _copy(out, tmp_path)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from pathlib import Path; from tcpipe.run.lock import dataset_lock\n"
                               "with dataset_lock(Path(sys.argv[1])):\n    print('held', flush=True); time.sleep(float(sys.argv[2]))",
         str(out), "4"], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    t0 = time.monotonic()
    assert cli.main(["extract", str(raw), "--out", str(out), "--quiet", "--no-wait"]) == 1
    assert "another tcplans run (pid" in capsys.readouterr().err
    said = []
    report = run_batch([raw], out, workers=2, progress=False, say=said.append)   # waits for the holder
    assert time.monotonic() - t0 > 2 and holder.wait() == 0
    assert said and said[0].startswith("waiting for another tcplans run")
    assert report.documents == 2


def test_failures_are_cached_with_their_cause(two_plans, tmp_path):
    """A time-out is reused under the same limit and retried when the limit grows; a
    worker killed from outside is retried on the next run."""
    raw, out = two_plans
    out = _copy(out, tmp_path)
    folder = tmp_path / "in"
    shutil.copytree(raw, folder)
    badinputs.slow_to_parse(folder)
    r1 = run_batch([folder], out, workers=2, progress=False, limits=Limits(seconds=2))
    assert dict(r1.failed)["slow-to-parse.pdf"].startswith("timeout") and "2 s" in dict(r1.failed)["slow-to-parse.pdf"]
    r2 = run_batch([folder], out, workers=2, progress=False, limits=Limits(seconds=2))
    assert r2.processed == []                                   # same limits: the cause stands
    r3 = run_batch([folder], out, workers=2, progress=False, limits=Limits(seconds=3))
    assert r3.processed == ["slow-to-parse.pdf"] and "3 s" in dict(r3.failed)["slow-to-parse.pdf"]

    # kill -9 of the worker from outside: recorded as worker_crashed, retried next run
    cmd = [sys.executable, "-m", "tcpipe.cli", "extract", str(folder), "--out", str(out), "--quiet", "--jobs", "1",
           "--timeout", "60"]
    run = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    def forked_worker() -> int | None:
        """A child with the command's own command line (a fork, not a helper it runs)."""
        try:
            mine = Path(f"/proc/{run.pid}/cmdline").read_bytes()
            kids = Path(f"/proc/{run.pid}/task/{run.pid}/children").read_text().split()
            return next((int(k) for k in kids if Path(f"/proc/{k}/cmdline").read_bytes() == mine), None)
        except OSError:
            return None
    deadline, worker = time.monotonic() + 60, None
    while worker is None and time.monotonic() < deadline and run.poll() is None:
        worker = forked_worker()
        time.sleep(0.05)
    assert worker, "no worker started"
    time.sleep(0.5)
    os.kill(worker, signal.SIGKILL)
    stdout, _ = run.communicate(timeout=120)
    assert run.returncode == 0 and "slow-to-parse.pdf: worker_crashed" in stdout, stdout
    r4 = run_batch([folder], out, workers=2, progress=False, limits=Limits(seconds=2))
    assert r4.processed == ["slow-to-parse.pdf"]                # retried, not reused


def test_unreadable_file_is_that_files_error(two_plans, tmp_path):
    raw, out = two_plans
    folder = tmp_path / "in"
    shutil.copytree(raw, folder)
    bad = folder / "no-permission.pdf"
    if os.geteuid() == 0:             # root reads any file: a path whose read fails (EIO) instead
        bad.symlink_to("/proc/self/mem")
    else:
        shutil.copy(RAW / A, bad)
        bad.chmod(0)
    report = run_batch([folder], tmp_path / "o", workers=2, progress=False)
    reason = dict(report.failed)["no-permission.pdf"]
    assert reason.startswith("unreadable_file: cannot read") and report.statuses.get("success") == 2


def test_outputs_respect_the_umask(two_plans, tmp_path):
    raw, out = two_plans
    old = os.umask(0o022)
    try:
        o = tmp_path / "o"
        shutil.copytree(out / ".cache", o / ".cache")
        run_batch([raw], o, workers=2, progress=False)
        from tcpipe.dataset.writer import write_text
        write_text("<html></html>", o / "report" / "index.html")
        for path in (o / "actions.parquet", o / "documents.parquet", o / "report" / "index.html"):
            assert stat.S_IMODE(path.stat().st_mode) == 0o644, path
        os.umask(0o027)
        write_text("x", o / "private.html")
        assert stat.S_IMODE((o / "private.html").stat().st_mode) == 0o640
    finally:
        os.umask(old)
