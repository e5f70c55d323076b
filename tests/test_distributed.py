"""The batch on a Dask cluster (tcpipe.run.distributed) gives the dataset a local run gives,
byte for byte, and a bad file fails alone there too: a hang is stopped by the time limit,
a crash ends only its own document.

Runs against a real LocalCluster of two worker processes, on small fictional plans drawn
by bench plus the awkward inputs of tests/badinputs.py."""
from __future__ import annotations

import faulthandler
import hashlib
import logging
import os
import signal
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest

distributed = pytest.importorskip("distributed")

from tcpipe.run import distributed as tcdist  # noqa: E402
from tcpipe.run.batch import Limits, NothingUsable, run_batch  # noqa: E402
from bench.run import build_plan, plan_spec  # noqa: E402
from tests import badinputs  # noqa: E402

LIMITS = Limits(seconds=300)   # generous: the identity runs must not depend on machine load
HANG_LIMITS = Limits(seconds=15)   # room for a cold worker on a loaded 2-core machine; the hang takes minutes


def _docs(out: Path) -> dict[str, dict]:
    return {d["source_file"]: d for d in pq.read_table(out / "documents.parquet").to_pylist()}


def _actions(out: Path) -> list[dict]:
    return pq.read_table(out / "actions.parquet").to_pylist()


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=logging.ERROR) as c:
        yield c


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    """Three small plans (ruled with sections, ruled with lettered actions, narrative) and
    bad files: empty, prose only, odd unicode and, when the real sample is there, a
    truncated and an encrypted copy of it."""
    raw = tmp_path_factory.mktemp("dist-raw")
    expected = {}
    for i in (0, 2, 3):
        entry = build_plan((plan_spec(i, seed=7), str(raw), 2))
        expected[entry["file"]] = entry["actions"]
    for make in (badinputs.zero_bytes, badinputs.prose_only, badinputs.odd_unicode):
        make(raw)
    if badinputs.SAMPLE.exists():
        badinputs.truncated(raw)
        badinputs.encrypted(raw)
    return raw, expected


@pytest.fixture(scope="module")
def runs(cluster, inputs, tmp_path_factory):
    raw, expected = inputs
    local = tmp_path_factory.mktemp("dist-local")
    dask = tmp_path_factory.mktemp("dist-dask")
    run_batch([raw], local, workers=2, progress=False, limits=LIMITS)
    report = run_batch([raw], dask, progress=False, limits=LIMITS, scheduler=cluster.scheduler_address)
    return raw, expected, local, dask, report


def test_cluster_dataset_is_byte_identical_to_local(runs):
    _, _, local, dask, _ = runs
    for name in ("actions.parquet", "documents.parquet"):
        assert (dask / name).read_bytes() == (local / name).read_bytes(), name


def test_every_plan_read_in_full_on_the_cluster(runs):
    raw, expected, _, dask, report = runs
    docs = _docs(dask)
    for name, n in expected.items():
        assert docs[name]["status"] == "success", docs[name]
        assert docs[name]["n_actions"] == n
        assert len([a for a in _actions(dask) if a["source_file"] == name]) == n
    texts = [a["action_text"] for a in _actions(dask) if a["source_file"] == "odd-unicode.pdf"]
    assert texts == [want for _, want in badinputs.ODD_CELLS]
    assert sorted(report.processed) == sorted(p.name for p in raw.glob("*.pdf"))


@pytest.mark.parametrize("name, code", [
    ("zero-bytes.pdf", "empty_file"),
    ("truncated.pdf", "truncated_pdf"),
    ("encrypted.pdf", "encrypted_pdf"),
])
def test_bad_file_fails_alone_on_the_cluster(runs, name, code):
    raw, expected, _, dask, report = runs
    if not (raw / name).exists():
        pytest.skip(f"{name} needs the sample plan in data/raw")
    doc = _docs(dask)[name]
    assert doc["status"] == "failed" and doc["errors"][0].startswith(code), doc["errors"]
    assert not [a for a in _actions(dask) if a["source_file"] == name]
    assert any(n == name for n, _ in report.failed)
    assert all(_docs(dask)[good]["status"] == "success" for good in expected)


def test_a_hang_on_the_cluster_is_cut_at_the_limit_and_fails_alone(cluster, tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    badinputs.slow_to_parse(raw)   # minutes of cell finding
    badinputs.odd_unicode(raw)                       # a one-page plan: well under a second
    t0 = time.monotonic()
    report = run_batch([raw], tmp_path / "out", progress=False, limits=HANG_LIMITS,
                       scheduler=cluster.scheduler_address)
    assert time.monotonic() - t0 < 60
    docs = _docs(tmp_path / "out")
    assert docs["slow-to-parse.pdf"]["status"] == "failed"
    assert docs["slow-to-parse.pdf"]["errors"][0].startswith("timeout")
    assert docs["odd-unicode.pdf"]["status"] == "success"
    assert report.failed == [("slow-to-parse.pdf", docs["slow-to-parse.pdf"]["errors"][0])]


def test_memory_limit_on_the_cluster_is_a_failure_not_a_crash(cluster, inputs, tmp_path):
    raw, expected = inputs
    one = tmp_path / "raw"
    one.mkdir()
    name = sorted(expected)[0]
    (one / name).write_bytes((raw / name).read_bytes())
    # the only input failed: an error with its reason, and nothing written
    with pytest.raises(NothingUsable) as err:
        run_batch([one], tmp_path / "out", progress=False, limits=Limits(seconds=120, memory_mb=4),
                  scheduler=cluster.scheduler_address)
    failed, reason = err.value.report.failed[0]
    assert failed == name and not (tmp_path / "out" / "documents.parquet").exists()
    assert reason.split(":")[0] in {"memory_limit", "worker_crashed", "internal_error"}
    # the workers are still there for the next batch
    assert len(cluster.scheduler_info["workers"]) == 2


def test_unchanged_files_are_not_sent_to_the_cluster_again(runs, cluster):
    raw, _, _, dask, _ = runs
    before = {n: (dask / n).read_bytes() for n in ("actions.parquet", "documents.parquet")}
    again = run_batch([raw], dask, progress=False, limits=LIMITS, scheduler=cluster.scheduler_address)
    assert again.processed == [] and len(again.reused) == len(list(raw.glob("*.pdf")))
    assert {n: (dask / n).read_bytes() for n in before} == before


# -- the worker side, called in this process: crash, hang, unreadable path -------------------

@pytest.fixture
def plan_bytes(inputs) -> tuple[bytes, str]:
    raw, expected = inputs
    name = sorted(expected)[0]
    return (raw / name).read_bytes(), name


def test_a_crash_in_the_child_is_that_documents_failure(plan_bytes, monkeypatch):
    data, name = plan_bytes
    def crash(*args, **kwargs):
        faulthandler.disable()   # pytest's handler would print the child's stack
        os.kill(os.getpid(), signal.SIGSEGV)

    monkeypatch.setattr(tcdist, "process_bytes", crash)
    out = tcdist.process_on_worker("/nonexistent", name, hashlib.sha256(data).hexdigest(), None, Limits(seconds=20),
                                   data=data)
    assert out.kind == "crashed" and "signal 11" in out.reason


def test_a_hang_in_the_child_is_stopped_at_the_limit(plan_bytes, monkeypatch):
    data, name = plan_bytes
    monkeypatch.setattr(tcdist, "process_bytes", lambda *a, **k: time.sleep(60))
    t0 = time.monotonic()
    out = tcdist.process_on_worker("/nonexistent", name, "x", None, Limits(seconds=1), data=data)
    assert out.kind == "timeout" and time.monotonic() - t0 < 5


def test_a_worker_that_cannot_see_the_file_asks_for_the_bytes(plan_bytes, tmp_path):
    data, name = plan_bytes
    digest = hashlib.sha256(data).hexdigest()
    assert tcdist.process_on_worker(str(tmp_path / "gone.pdf"), name, digest, None, Limits()).kind == "missing"
    other = tmp_path / "other.pdf"
    other.write_bytes(data + b"\n")
    assert tcdist.process_on_worker(str(other), name, digest, None, Limits()).kind == "missing"
    out = tcdist.process_on_worker(str(tmp_path / "gone.pdf"), name, digest, None, Limits(seconds=30), data=data)
    assert out.kind == "done"
    assert tcdist.ipc_to_table(out.document).column("status").to_pylist() == ["success"]


def test_workers_with_another_pipeline_version_are_refused():
    class FakeClient:
        def run(self, fn):
            return {"tcp://10.0.0.2:40000": {**fn(), "pipeline": "tcplans 0.0.0+deadbeef"}}

    with pytest.raises(tcdist.VersionMismatch, match="10.0.0.2"):
        tcdist.check_versions(FakeClient(), tcdist.versions())
