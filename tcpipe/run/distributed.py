"""The batch on a Dask cluster: `tcplans extract ... --scheduler tcp://host:8786`.

Same contract as the local runner (tcpipe.run.local.run_local): every job ends as a
DocumentResult in the cache, written here, on the client side, by the one atomic writer;
run_batch then assembles the dataset exactly as for a local run, so both give the same
bytes.

On a worker each document runs in a forked child process with the time and memory limits
of a local run: a hang is killed at the time limit, a crash or a blown memory limit ends
that child only, and each becomes the document's failed result; the worker and the batch
go on. The worker reads the file from its path (a shared file system); when it cannot see
the file, or sees different bytes, the client sends the bytes instead.

Workers must run the same pipeline (code, models, taxonomies) as the client: the versions
are compared before any work is sent and on every result, and a mismatch stops the batch
rather than caching results under the wrong versions. docs/cluster.md says how to start a
scheduler and workers.
"""
from __future__ import annotations

import hashlib
import os
import resource
import signal
import socket
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence

import pyarrow as pa

from ..pipeline import DocumentResult, failed_result, process_bytes, versions
from .cache import store
from .isolation import (MEMORY_POLL_SECONDS, Limits, crash_reason, memory_limit_reason, over_memory_limit,
                        timeout_reason, vm_size)
from .local import Job

KEY_PREFIX = "tcplans"


@dataclass(frozen=True)
class Outcome:
    """What a worker sends back for one document: Arrow IPC bytes (no pyarrow objects
    travel), or why there is no result."""
    kind: str                        # done | timeout | memory | crashed | missing
    document: bytes | None = None
    actions: bytes | None = None
    reason: str = ""
    versions: dict[str, str] = field(default_factory=dict)
    worker: str = ""
    seconds: float = 0.0


class VersionMismatch(RuntimeError):
    """A worker runs a different pipeline, model or taxonomy than the client."""


def table_to_ipc(table: pa.Table) -> bytes:
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()


def ipc_to_table(data: bytes) -> pa.Table:
    return pa.ipc.open_stream(pa.py_buffer(data)).read_all()


# --------------------------------------------------------------------------------------
# Worker side
# --------------------------------------------------------------------------------------

def _child(out_path: str, data: bytes, source_file: str, password: str | None, limits: Limits) -> None:
    """Runs in the forked child: limits, process, write the result file, exit. Never
    returns. Mirrors tcpipe.run.local.child, so the same document fails the same way."""
    code = 0
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        # Counted from the address space the worker already has, as in tcpipe.run.local.child.
        from extract.convert import set_document_limits
        set_document_limits(limits.seconds, limits.memory_mb)    # a DOCX/HTML converter's share
        soft = vm_size() + limits.memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (soft, resource.getrlimit(resource.RLIMIT_AS)[1]))
        try:
            result = process_bytes(data, source_file, password)
        except MemoryError:
            result = failed_result(source_file, hashlib.sha256(data).hexdigest(), len(data), "memory_limit",
                                   memory_limit_reason(limits))
        doc, acts = table_to_ipc(result.document), table_to_ipc(result.actions)
        with open(out_path, "wb") as fh:
            fh.write(len(doc).to_bytes(8, "little"))
            fh.write(doc)
            fh.write(acts)
    except BaseException:  # noqa: BLE001
        code = 3
    finally:
        os._exit(code)


def _wait(pid: int, deadline: float, memory_mb: float = float("inf")) -> int | str | None:
    """The child's wait status; None when the deadline passed first; "memory" when its
    private memory passed `memory_mb` (the child is then killed and reaped)."""
    next_check = 0.0
    while True:
        try:
            done, status = os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:   # reaped elsewhere: judged by its result file
            return 0
        if done:
            return status
        now = time.monotonic()
        if now >= deadline:
            return None
        if now >= next_check:
            next_check = now + MEMORY_POLL_SECONDS
            if over_memory_limit(pid, memory_mb):
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                return "memory"
        time.sleep(0.01)


def _worker_name() -> str:
    try:
        from distributed import get_worker
        return get_worker().address
    except Exception:  # noqa: BLE001 - called outside a worker (tests)
        return socket.gethostname()


def process_on_worker(path: str, source_file: str, document_id: str, password: str | None, limits: Limits,
                      data: bytes | None = None) -> Outcome:
    """The Dask task: one document, isolated in a forked child with the batch's limits."""
    start = time.monotonic()
    here = versions()   # also loads the labeller once per worker, before any fork
    worker = _worker_name()
    if data is None:
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            return Outcome("missing", reason=f"{worker} cannot read {path}: {exc.strerror or exc}",
                           versions=here, worker=worker)
        if hashlib.sha256(data).hexdigest() != document_id:
            return Outcome("missing", reason=f"{worker} sees different bytes at {path}", versions=here, worker=worker)
    fd, out_path = tempfile.mkstemp(prefix="tcplans-", suffix=".result")
    os.close(fd)
    try:
        pid = os.fork()
        if pid == 0:
            _child(out_path, data, source_file, password, limits)
        status = _wait(pid, start + limits.seconds, limits.memory_mb)
        if status == "memory":
            return Outcome("memory", versions=here, worker=worker, seconds=time.monotonic() - start)
        if status is None:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            return Outcome("timeout", versions=here, worker=worker, seconds=time.monotonic() - start)
        if status != 0:
            return Outcome("crashed", reason=crash_reason(status), versions=here, worker=worker,
                           seconds=time.monotonic() - start)
        raw = Path(out_path).read_bytes()
        if len(raw) < 8:
            return Outcome("crashed", reason=crash_reason(status), versions=here, worker=worker)
        n = int.from_bytes(raw[:8], "little")
        return Outcome("done", document=raw[8:8 + n], actions=raw[8 + n:], versions=here, worker=worker,
                       seconds=time.monotonic() - start)
    finally:
        try:
            os.unlink(out_path)
        except OSError:
            pass


def worker_versions() -> dict[str, str]:
    return versions()


# --------------------------------------------------------------------------------------
# Client side
# --------------------------------------------------------------------------------------

def connect(scheduler: Any):
    """A distributed.Client for an address ("tcp://host:8786"), a scheduler file
    (dask scheduler --scheduler-file), or an existing Client / cluster object."""
    from distributed import Client
    if isinstance(scheduler, Client):
        return scheduler, False
    if hasattr(scheduler, "scheduler_address"):   # LocalCluster, SLURMCluster, ...
        return Client(scheduler, set_as_default=False), True
    text = str(scheduler)
    if text.endswith(".json") and Path(text).is_file():
        return Client(scheduler_file=text, set_as_default=False), True
    return Client(text, set_as_default=False), True


def check_versions(client, mine: dict[str, str]) -> None:
    """Refuse to start when a connected worker runs a different pipeline or model."""
    theirs = client.run(worker_versions)
    bad = {w: v for w, v in theirs.items() if v != mine}
    if bad:
        raise VersionMismatch(_mismatch_message(mine, bad))


def _mismatch_message(mine: dict[str, str], bad: dict[str, dict]) -> str:
    lines = [f"workers run a different pipeline than this client ({mine}):"]
    lines += [f"  {w}: {v}" for w, v in sorted(bad.items())]
    lines.append("install the same version of tc-plans (and its models) on every worker")
    return "\n".join(lines)


def outcome_to_result(outcome: Outcome, job: Job, limits: Limits) -> tuple[DocumentResult, str]:
    """(result to cache, how) with the failure wording of the local runner."""
    if outcome.kind == "done":
        return DocumentResult(ipc_to_table(outcome.document), ipc_to_table(outcome.actions)), "done"
    if outcome.kind == "timeout":
        return failed_result(job.inp.source_file, job.document_id, job.size, "timeout",
                             timeout_reason(limits)), "timeout"
    if outcome.kind == "memory":
        return failed_result(job.inp.source_file, job.document_id, job.size, "memory_limit",
                             memory_limit_reason(limits)), "memory_limit"
    return failed_result(job.inp.source_file, job.document_id, job.size, "worker_crashed",
                         outcome.reason or "the worker stopped without a result"), "done"


def run_dask(jobs: Sequence[Job], cache: Path, password: str | None, limits: Limits, scheduler: Any,
             on_done: Callable[[Job, str], None]) -> None:
    """Process `jobs` on the cluster at `scheduler`; store each result in `cache` as it
    arrives and call on_done(job, how). A document's hang or crash is its own failed
    result; lost contact with the cluster or a version mismatch raises (nothing wrong is
    cached, and a re-run resumes from what was stored)."""
    from distributed import KilledWorker, as_completed
    from distributed.client import FutureCancelledError

    mine = versions()
    client, owned = connect(scheduler)
    futures: dict[Any, Job] = {}
    try:
        check_versions(client, mine)
        for job in jobs:
            fut = client.submit(process_on_worker, str(job.inp.path.resolve()), job.inp.source_file,
                                job.document_id, password, limits, key=f"{KEY_PREFIX}-{job.key}", pure=False)
            futures[fut] = job
        pending = as_completed(list(futures), loop=client.loop)
        mismatched: dict[str, dict] = {}
        for fut in pending:
            job = futures.pop(fut)
            try:
                outcome = fut.result()
            except KilledWorker as exc:
                # Dask already retried it on other workers: the document kills workers.
                outcome = Outcome("crashed", reason=f"the Dask worker running it died ({type(exc).__name__})",
                                  versions=mine)
            except FutureCancelledError:
                raise RuntimeError(f"the cluster cancelled the task for {job.inp.source_file}") from None
            if outcome.kind == "missing":
                # The worker cannot see the file (no shared file system): send the bytes.
                retry = client.submit(process_on_worker, str(job.inp.path), job.inp.source_file, job.document_id,
                                      password, limits, data=job.inp.path.read_bytes(),
                                      key=f"{KEY_PREFIX}-{job.key}-bytes", pure=False)
                futures[retry] = job
                pending.add(retry)
                continue
            if outcome.versions != mine:
                mismatched[outcome.worker or "?"] = outcome.versions
                continue
            result, how = outcome_to_result(outcome, job, limits)
            store(result, cache, job.key, limits)
            on_done(job, how)
        if mismatched:
            raise VersionMismatch(_mismatch_message(mine, mismatched))
    finally:
        for fut in futures:
            fut.cancel()
        if owned:
            client.close()
