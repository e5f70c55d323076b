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
from typing import TYPE_CHECKING, Callable, Sequence

if TYPE_CHECKING:
    from .process import DocumentResult

# pyarrow, the pipeline (extract, normalise, spaCy) and the writer are imported where they
# are used: a re-run with nothing to do needs none of them (docs/performance.md).

CACHE_DIR = ".cache"
VERSIONS_MEMO = "versions.json"    # OUT/.cache: the versions last computed, and from what files
DATASET_RECORD = "dataset.json"    # OUT/.cache: what the current actions/documents.parquet were built from

# what extract reads (PDF, and DOCX/HTML through extract/convert.py)
# (tests/test_batch.py checks that the two agree).
INPUT_SUFFIXES = frozenset({".pdf", ".docx", ".html", ".htm"})


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
    override_notes: list[str] = field(default_factory=list)   # what the overrides file did


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
    from .writer import write_parquet
    a, d = _cache_paths(cache, key)
    write_parquet(result.actions, a)
    write_parquet(result.document, d)   # written last: its presence marks a complete result


def _load(cache: Path, key: str) -> DocumentResult | None:
    a, d = _cache_paths(cache, key)
    if not (a.exists() and d.exists()):
        return None
    from .process import DocumentResult
    from .writer import read_parquet
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


def resident_mb(pid: int) -> float | None:
    """VmRSS + VmSwap of a process, from /proc/<pid>/status: kernel counters, read in
    microseconds, where smaps_rollup walks every page table (about 10 ms of CPU for a
    300 MB worker, twenty times a second per worker). None when unreadable."""
    kb = 0
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith(("VmRSS:", "VmSwap:")):
                    kb += int(line.split()[1])
    except (OSError, ValueError):
        return None
    return kb / 1024


def over_memory_limit(pid: int, limit_mb: float) -> bool:
    """private_memory_mb(pid) > limit_mb, asked cheaply: a worker's private pages are
    resident or swapped, so while its RSS + swap is clearly under the limit (10% margin for
    the kernel's lazily summed counters) its private memory is too, and the page-table walk
    is skipped."""
    rss = resident_mb(pid)
    if rss is not None and rss < 0.9 * limit_mb:
        return False
    return private_memory_mb(pid) > limit_mb


def memory_limit_reason(limits: Limits) -> str:
    return f"the document needed more than {limits.memory_mb} MB and was stopped"


def timeout_reason(limits: Limits) -> str:
    return f"processing took longer than {limits.seconds:g} s and was stopped"


def crash_reason(status: int) -> str:
    """A worker that ended without a result, from its wait status (local and cluster runs
    word it alike, so their datasets agree)."""
    if os.WIFSIGNALED(status):
        return f"the worker was killed by signal {os.WTERMSIG(status)} (out of memory?)"
    return f"the worker exited with code {os.WEXITSTATUS(status) if os.WIFEXITED(status) else status}"


MEMORY_POLL_SECONDS = 0.05


def _child(path: Path, source_file: str, password: str | None, cache: Path, key: str, limits: Limits) -> None:
    """Runs in a forked worker: limits, process, store, exit. Never returns."""
    code = 0
    try:
        from .process import failed_result, process_bytes   # loaded in the parent before the fork
        # The limit is on memory beyond what the worker starts with (the forked interpreter,
        # libraries and model already mapped), so it means the same on every machine.
        soft = _vm_size() + limits.memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (soft, resource.getrlimit(resource.RLIMIT_AS)[1]))
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
    digest = _file_sha256(path)
    index[root_index_key] = [st.st_size, st.st_mtime_ns, digest]
    return digest, st.st_size


def run_local(jobs: Sequence[_Job], cache: Path, password: str | None, limits: Limits, workers: int,
              on_done: Callable[[_Job, str], None]) -> None:
    """Fork one worker per document, at most `workers` at once; kill on time-out or when a
    worker's private memory passes the limit."""
    from .process import failed_result
    pending = list(jobs)
    running: dict[int, _Job] = {}

    def kill_and_fail(pid: int, job: _Job, code: str, reason: str) -> None:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        del running[pid]
        _store(failed_result(job.inp.source_file, job.document_id, job.size, code, reason), cache, job.key)
        on_done(job, code)
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
                    kill_and_fail(p, job, "timeout", timeout_reason(limits))
            if now >= next_memory_check:
                next_memory_check = now + MEMORY_POLL_SECONDS
                for p, job in list(running.items()):
                    if over_memory_limit(p, limits.memory_mb):
                        kill_and_fail(p, job, "memory_limit", memory_limit_reason(limits))
            time.sleep(0.01)
            continue
        job = running.pop(pid, None)
        if job is None:
            continue
        if _load(cache, job.key) is None:
            _store(failed_result(job.inp.source_file, job.document_id, job.size, "worker_crashed",
                                 crash_reason(status)), cache, job.key)
        on_done(job, "done")


def _prune(cache: Path, keep: set[str]) -> None:
    """Drop cache entries of files no longer in the inputs or of older versions, after the
    dataset that no longer needs them has been written; and temporary files a killed worker
    left behind (no worker runs by now)."""
    for path in cache.glob("*.parquet"):
        if path.name.split(".", 1)[0] not in keep:
            path.unlink(missing_ok=True)
    for path in cache.glob(".*.tmp"):
        path.unlink(missing_ok=True)


ROOT = Path(__file__).resolve().parent.parent


def _read_json(path: Path) -> dict:
    try:
        data = json.loads(path.read_text())
        return data if isinstance(data, dict) else {}
    except Exception:  # noqa: BLE001 - missing or damaged: as if never written
        return {}


def _write_json(obj, path: Path) -> None:
    from .writer import write_json
    write_json(obj, path)


def _sources_fingerprint() -> str:
    """A hash of everything tcpipe.process.versions() can depend on: the code of extract,
    normalise (the labeller's included) and tcpipe, every file under models/ (extraction
    settings, aliases, tag patterns, taxonomies, the trained model and its manifest) and
    the installed spaCy, pypdfium2 and pdfplumber (the extractor's version names the last
    two). A superset of what pipeline_version() hashes, so equal fingerprints mean equal
    versions. About 4 MB read, a few milliseconds; no import but importlib.metadata."""
    digest = hashlib.sha256()
    for pkg in ("extract", "normalise", "tcpipe"):
        for path in sorted((ROOT / pkg).rglob("*.py")):
            digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    for path in sorted((ROOT / "models").rglob("*")):
        if path.is_file() and not any(part.startswith(".") for part in path.relative_to(ROOT).parts):
            digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    from importlib.metadata import PackageNotFoundError, version
    for dist in ("spacy", "pypdfium2", "pdfplumber"):
        try:
            digest.update(f"{dist} {version(dist)}; ".encode())
        except PackageNotFoundError:
            digest.update(f"{dist} absent; ".encode())
    digest.update(f"python {sys.version}".encode())
    return digest.hexdigest()


def _real_versions() -> dict[str, str]:
    """tcpipe.process.versions(): imports the pipeline and loads the labeller (spaCy), here
    in the parent (with the word list), so forked workers share them instead of loading them
    per document."""
    from extract.lexicon import warm
    from .process import versions
    warm()
    return versions()


def _known_versions(cache: Path) -> tuple[dict[str, str], bool, str]:
    """(versions, exact, fingerprint): from OUT/.cache/versions.json when the code, models
    and spaCy are the ones they were computed from (no import, no model load), else computed
    now and remembered. exact says they were computed in this process."""
    memo_path = cache / VERSIONS_MEMO
    fingerprint = _sources_fingerprint()
    memo = _read_json(memo_path)
    if memo.get("fingerprint") == fingerprint and isinstance(memo.get("versions"), dict):
        return memo["versions"], False, fingerprint
    vers = _real_versions()
    _write_json({"fingerprint": fingerprint, "versions": vers}, memo_path)
    return vers, True, fingerprint


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _overrides_id(overrides: Path | None) -> dict | None:
    """What of the overrides file the assembled dataset depends on: its path as given (the
    summary names it) and its bytes. None: no overrides."""
    if overrides is None:
        return None
    try:
        return {"path": str(overrides), "sha256": _file_sha256(Path(overrides))}
    except OSError:
        return {"path": str(overrides), "sha256": None}   # unreadable: never matches, the full path reports it


OUTPUTS = ("actions.parquet", "documents.parquet")


def _dataset_is_current(out_dir: Path, cache: Path, keys: list[str], overrides_id: dict | None) -> dict | None:
    """The record of the last assembly when the dataset in out_dir is exactly what these
    inputs would give: the same cache keys in the same order (each key is the file's
    content hash, its name, the versions and the password flag), the same overrides bytes,
    both output files byte-for-byte the ones that assembly wrote (size and SHA-256), and
    every cache entry still there. Otherwise None, and the dataset is rebuilt."""
    record = _read_json(cache / DATASET_RECORD)
    if record.get("keys") != keys or record.get("overrides") != overrides_id:
        return None
    if overrides_id is not None and overrides_id.get("sha256") is None:
        return None
    outputs = record.get("outputs") or {}
    for name in OUTPUTS:
        want, path = outputs.get(name) or {}, out_dir / name
        try:
            if path.stat().st_size != want.get("size") or _file_sha256(path) != want.get("sha256"):
                return None
        except OSError:
            return None
    for key in keys:
        if not all(p.exists() for p in _cache_paths(cache, key)):
            return None
    return record


def _flag_same_plans(docs, actions):
    """documents with a warning where a file repeats another file's plan (see sameplan)."""
    import pyarrow as pa

    from .sameplan import same_plan_warnings
    from .schema import DOCUMENTS
    rows = docs.to_pylist()
    found = same_plan_warnings(rows, actions.select(["source_file", "action_text"]).to_pylist())
    if not found:
        return docs
    for row in rows:
        if row["source_file"] in found:
            row["warnings"] = list(row["warnings"]) + [found[row["source_file"]]]
    return pa.Table.from_pylist(rows, schema=DOCUMENTS)


def _summarise(docs) -> dict:
    """The run summary's dataset figures, from the documents table."""
    summary = {"documents": docs.num_rows, "statuses": {}, "failed": [], "warned": []}
    for row in docs.select(["source_file", "status", "errors", "warnings"]).to_pylist():
        summary["statuses"][row["status"]] = summary["statuses"].get(row["status"], 0) + 1
        if row["status"] == "failed":
            summary["failed"].append([row["source_file"], "; ".join(row["errors"])])
        elif row["warnings"] and (row["status"] in ("partial", "skipped")
                                  or any(w.startswith("same plan as") for w in row["warnings"])):
            summary["warned"].append([row["source_file"], row["status"], "; ".join(row["warnings"])])
    return summary


def _fill_report(report: BatchReport, summary: dict) -> None:
    report.documents = summary["documents"]
    report.actions = summary["actions"]
    report.statuses = dict(summary["statuses"])
    report.failed = [tuple(f) for f in summary["failed"]]
    report.warned = [tuple(w) for w in summary["warned"]]
    report.override_notes = list(summary["override_notes"])


def run_batch(paths: Sequence[Path], out_dir: Path, workers: int = 0, password: str | None = None,
              limits: Limits = Limits(), progress: bool = True, scheduler: str | None = None,
              overrides: Path | None = None) -> BatchReport:
    inputs = find_inputs(paths)
    out_dir.mkdir(parents=True, exist_ok=True)
    cache = out_dir / CACHE_DIR
    cache.mkdir(exist_ok=True)
    index_path = cache / "index.json"
    index = _read_json(index_path)
    index_before = json.dumps(index, sort_keys=True)
    vers, exact, fingerprint = _known_versions(cache)
    report = BatchReport(out_dir=out_dir)
    hashed = [(inp, *_hash_file(inp.path, index, str(inp.path.resolve()))) for inp in inputs]
    if json.dumps(index, sort_keys=True) != index_before:
        _write_json(index, index_path)

    def plan(vers: dict[str, str]) -> list[str]:
        return [_cache_key(digest, inp.source_file, vers, password) for inp, digest, _ in hashed]

    def load_all(keys: list[str]) -> tuple[dict, list[_Job]]:
        """Every cache entry read now (a damaged one is recomputed) and kept for assembly;
        the jobs of the files without a usable entry."""
        results = {k: _load(cache, k) for k in keys}
        todo = [_Job(inp, k, digest, size) for (inp, digest, size), k in zip(hashed, keys) if results[k] is None]
        return results, todo

    keys = plan(vers)
    overrides_id = _overrides_id(overrides)

    # Nothing changed: the dataset on disk is the one these inputs give. Return its summary
    # without loading the pipeline, reading the cache or writing anything.
    record = _dataset_is_current(out_dir, cache, keys, overrides_id)
    if record is not None:
        try:
            summary = record["report"]
            _fill_report(report, summary)
            report.reused = [inp.source_file for inp, _, _ in hashed]
            return report
        except (KeyError, TypeError, ValueError):   # a record this code did not write: rebuild
            report = BatchReport(out_dir=out_dir)

    results, todo = load_all(keys)
    if todo and not exact:
        # Work to do: load the pipeline and the labeller here, before forking (the workers
        # share them), and check the remembered versions against the real ones.
        real = _real_versions()
        if real != vers:
            _write_json({"fingerprint": fingerprint, "versions": real}, cache / VERSIONS_MEMO)
            keys = plan(real)
            results, todo = load_all(keys)
    report.reused = [inp.source_file for (inp, _, _), k in zip(hashed, keys) if results[k] is not None]

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

    import pyarrow as pa

    from .overrides import apply_overrides
    from .schema import ACTIONS, DOCUMENTS, validate
    from .writer import write_parquet
    for job in todo:
        results[job.key] = _load(cache, job.key)
    loaded = [results[k] for k in keys if results[k] is not None]
    docs = pa.concat_tables([r.document for r in loaded]) if loaded else DOCUMENTS.empty_table()
    acts = [r.actions for r in loaded if r.actions.num_rows]
    actions = pa.concat_tables(acts) if acts else ACTIONS.empty_table()
    actions, override_notes = apply_overrides(actions, overrides, documents=docs)
    docs = _flag_same_plans(docs, actions)
    validate(actions, docs)
    write_parquet(actions, out_dir / "actions.parquet")
    write_parquet(docs, out_dir / "documents.parquet")
    _prune(cache, set(keys))
    summary = _summarise(docs)
    summary.update(actions=actions.num_rows, override_notes=list(override_notes))
    # Written last: the record of what the files on disk were built from, checked by the
    # next run's fast path against the files themselves (size and SHA-256), so a run
    # killed anywhere before this point is simply assembled again.
    outputs = {name: {"size": (out_dir / name).stat().st_size, "sha256": _file_sha256(out_dir / name)}
               for name in OUTPUTS}
    _write_json({"keys": keys, "overrides": overrides_id, "outputs": outputs, "report": summary},
                cache / DATASET_RECORD)
    _fill_report(report, summary)
    return report
