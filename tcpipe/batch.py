"""Batch runner: every core, each document isolated in its own worker process with a time
and memory limit, results cached per (file content, versions) so unchanged files are not
reprocessed and a killed run resumes to exactly the dataset a clean run gives."""
from __future__ import annotations

import hashlib
import json
import os
import resource
import signal
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

import pyarrow as pa

from .process import INPUT_SUFFIXES, DocumentResult, failed_result, process_bytes, versions
from .schema import ACTIONS, DOCUMENTS, validate
from .writer import read_parquet, write_json, write_parquet

CACHE_DIR = ".cache"


@dataclass(frozen=True)
class Limits:
    seconds: float = 120.0
    memory_mb: int = 2048


@dataclass(frozen=True)
class InputFile:
    path: Path
    source_file: str     # path relative to the input root, as recorded in the dataset


@dataclass
class BatchReport:
    processed: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    warned: list[tuple[str, str, str]] = field(default_factory=list)   # (file, status, warnings)
    documents: int = 0
    actions: int = 0
    statuses: dict[str, int] = field(default_factory=dict)
    out_dir: Path | None = None


def find_inputs(paths: Sequence[Path]) -> list[InputFile]:
    """Plans (PDF, DOCX, HTML) named on the command line or found (recursively) in folders. Sorted, so the
    dataset order does not depend on the file system."""
    found: list[InputFile] = []
    for p in paths:
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.suffix.lower() in INPUT_SUFFIXES and not any(part.startswith(".") for part in f.relative_to(p).parts):
                    found.append(InputFile(f, f.relative_to(p).as_posix()))
        elif p.is_file():
            found.append(InputFile(p, p.name))
        else:
            raise FileNotFoundError(f"no such file or folder: {p}")
    seen: dict[str, InputFile] = {}
    for f in found:
        seen.setdefault(f.source_file, f)
    return sorted(seen.values(), key=lambda f: f.source_file)


def _cache_key(document_id: str, source_file: str, vers: dict[str, str], password: str | None) -> str:
    basis = json.dumps([document_id, source_file, vers, bool(password)], sort_keys=True)
    return hashlib.sha256(basis.encode()).hexdigest()[:32]


def _cache_paths(cache: Path, key: str) -> tuple[Path, Path]:
    return cache / f"{key}.actions.parquet", cache / f"{key}.doc.parquet"


def _store(result: DocumentResult, cache: Path, key: str) -> None:
    a, d = _cache_paths(cache, key)
    write_parquet(result.actions, a)
    write_parquet(result.document, d)   # written last: its presence marks a complete result


def _load(cache: Path, key: str) -> DocumentResult | None:
    a, d = _cache_paths(cache, key)
    if not (a.exists() and d.exists()):
        return None
    try:
        return DocumentResult(read_parquet(d), read_parquet(a))
    except Exception:  # noqa: BLE001 - a damaged cache entry is recomputed
        return None


def _vm_size() -> int:
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def private_memory_mb(pid: int) -> float:
    """Memory a forked worker has made its own: pages it allocated plus copy-on-write copies
    of the parent's. Unlike RLIMIT_AS this also sees allocations served from heap the worker
    inherited already mapped, so the same document costs the same on every run."""
    total_kb = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith(("Private_Clean:", "Private_Dirty:", "Swap:")):
                    total_kb += int(line.split()[1])
    except (OSError, ValueError):
        return 0.0
    return total_kb / 1024


def memory_limit_reason(limits: Limits) -> str:
    return f"the document needed more than {limits.memory_mb} MB and was stopped"


MEMORY_POLL_SECONDS = 0.05


def _child(path: Path, source_file: str, password: str | None, cache: Path, key: str, limits: Limits) -> None:
    """Runs in a forked worker: limits, process, store, exit. Never returns."""
    code = 0
    try:
        # The limit is on memory beyond what the worker starts with (the forked interpreter,
        # libraries and model already mapped), so it means the same on every machine.
        soft = _vm_size() + limits.memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (soft, soft))
        data = path.read_bytes()
        try:
            result = process_bytes(data, source_file, password)
        except MemoryError:
            result = failed_result(source_file, hashlib.sha256(data).hexdigest(), len(data), "memory_limit",
                                   memory_limit_reason(limits))
        _store(result, cache, key)
    except BaseException:  # noqa: BLE001
        code = 3
    finally:
        os._exit(code)


@dataclass
class _Job:
    inp: InputFile
    key: str
    document_id: str
    size: int
    pid: int = 0
    started: float = 0.0


def _hash_file(path: Path, index: dict, root_index_key: str) -> tuple[str, int]:
    st = path.stat()
    entry = index.get(root_index_key)
    if entry and entry[0] == st.st_size and entry[1] == st.st_mtime_ns:
        return entry[2], st.st_size
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    index[root_index_key] = [st.st_size, st.st_mtime_ns, digest]
    return digest, st.st_size


def run_local(jobs: Sequence[_Job], cache: Path, password: str | None, limits: Limits, workers: int,
              on_done: Callable[[_Job, str], None]) -> None:
    """Fork one worker per document, at most `workers` at once; kill on time-out or when a
    worker's private memory passes the limit."""
    pending = list(jobs)
    running: dict[int, _Job] = {}
    next_memory_check = 0.0
    while pending or running:
        while pending and len(running) < workers:
            job = pending.pop(0)
            pid = os.fork()
            if pid == 0:
                signal.signal(signal.SIGINT, signal.SIG_DFL)
                _child(job.inp.path, job.inp.source_file, password, cache, job.key, limits)
            job.pid, job.started = pid, time.monotonic()
            running[pid] = job
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            pid, status = 0, 0
        if pid == 0:
            now = time.monotonic()
            for p, job in list(running.items()):
                if now - job.started > limits.seconds:
                    os.kill(p, signal.SIGKILL)
                    os.waitpid(p, 0)
                    del running[p]
                    _store(failed_result(job.inp.source_file, job.document_id, job.size, "timeout",
                                         f"processing took longer than {limits.seconds:g} s and was stopped"),
                           cache, job.key)
                    on_done(job, "timeout")
            if now >= next_memory_check:
                next_memory_check = now + MEMORY_POLL_SECONDS
                for p, job in list(running.items()):
                    if private_memory_mb(p) > limits.memory_mb:
                        os.kill(p, signal.SIGKILL)
                        os.waitpid(p, 0)
                        del running[p]
                        _store(failed_result(job.inp.source_file, job.document_id, job.size, "memory_limit",
                                             memory_limit_reason(limits)), cache, job.key)
                        on_done(job, "memory_limit")
            time.sleep(0.01)
            continue
        job = running.pop(pid, None)
        if job is None:
            continue
        if _load(cache, job.key) is None:
            sig = os.WTERMSIG(status) if os.WIFSIGNALED(status) else None
            reason = (f"the worker was killed by signal {sig} (out of memory?)" if sig
                      else f"the worker exited with code {os.WEXITSTATUS(status)}")
            _store(failed_result(job.inp.source_file, job.document_id, job.size, "worker_crashed", reason),
                   cache, job.key)
        on_done(job, "done")


def _prune(cache: Path, keep: set[str]) -> None:
    """Drop cache entries of files no longer in the inputs or of older versions, after the
    dataset that no longer needs them has been written."""
    for path in cache.glob("*.parquet"):
        if path.name.split(".", 1)[0] not in keep:
            path.unlink(missing_ok=True)


def run_batch(paths: Sequence[Path], out_dir: Path, workers: int = 0, password: str | None = None,
              limits: Limits = Limits(), progress: bool = True, scheduler: str | None = None,
              overrides: Path | None = None) -> BatchReport:
    inputs = find_inputs(paths)
    out_dir.mkdir(parents=True, exist_ok=True)
    cache = out_dir / CACHE_DIR
    cache.mkdir(exist_ok=True)
    index_path = cache / "index.json"
    try:
        index = json.loads(index_path.read_text())
    except Exception:  # noqa: BLE001
        index = {}
    vers = versions()
    report = BatchReport(out_dir=out_dir)
    todo: list[_Job] = []
    keys: list[str] = []
    for inp in inputs:
        digest, size = _hash_file(inp.path, index, str(inp.path.resolve()))
        key = _cache_key(digest, inp.source_file, vers, password)
        keys.append(key)
        if _load(cache, key) is not None:
            report.reused.append(inp.source_file)
        else:
            todo.append(_Job(inp, key, digest, size))
    write_json(index, index_path)

    total = len(todo)
    done = 0

    def on_done(job: _Job, how: str) -> None:
        nonlocal done
        done += 1
        report.processed.append(job.inp.source_file)
        if progress:
            bar = "#" * int(30 * done / max(total, 1))
            sys.stderr.write(f"\r[{bar:<30}] {done}/{total} {job.inp.source_file[:50]:<50}")
            sys.stderr.flush()

    if todo:
        if scheduler:
            from .distributed import run_dask
            run_dask(todo, cache, password, limits, scheduler, on_done)
        else:
            run_local(todo, cache, password, limits, workers or os.cpu_count() or 1, on_done)
        if progress:
            sys.stderr.write("\n")

    results = [_load(cache, k) for k in keys]
    docs = pa.concat_tables([r.document for r in results if r is not None]) if results else DOCUMENTS.empty_table()
    acts = [r.actions for r in results if r is not None and r.actions.num_rows]
    actions = pa.concat_tables(acts) if acts else ACTIONS.empty_table()
    from .overrides import apply_overrides
    actions, override_notes = apply_overrides(actions, overrides, documents=docs)
    validate(actions, docs)
    write_parquet(actions, out_dir / "actions.parquet")
    write_parquet(docs, out_dir / "documents.parquet")
    _prune(cache, set(keys))
    report.documents = docs.num_rows
    report.actions = actions.num_rows
    for row in docs.select(["source_file", "status", "errors", "warnings"]).to_pylist():
        report.statuses[row["status"]] = report.statuses.get(row["status"], 0) + 1
        if row["status"] == "failed":
            report.failed.append((row["source_file"], "; ".join(row["errors"])))
        elif row["status"] in ("partial", "skipped") and row["warnings"]:
            report.warned.append((row["source_file"], row["status"], "; ".join(row["warnings"])))
    report.override_notes = override_notes  # type: ignore[attr-defined]
    return report
