"""Batch runner: every core, each document isolated in its own worker process with a time
and memory limit, results cached per (file content, versions) so unchanged files are not
reprocessed and a killed run resumes to exactly the dataset a clean run gives."""
from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from .cache import CACHE_DIR, cache_key, cache_paths, load, prune, read_json, write_json
from .inputs import file_sha256, find_inputs, hash_file
from .isolation import Limits
from .local import Job, run_local
from .versions import VERSIONS_MEMO, known_versions, real_versions

# pyarrow, the pipeline (extract, normalise, spaCy) and the writer are imported where they
# are used: a re-run with nothing to do needs none of them (docs/performance.md).

DATASET_RECORD = "dataset.json"    # OUT/.cache: what the current actions/documents.parquet were built from

# what extract reads (PDF, and DOCX/HTML through extract/convert.py)
# (tests/test_batch.py checks that the two agree).

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

def _overrides_id(overrides: Path | None) -> dict | None:
    """What of the overrides file the assembled dataset depends on: its path as given (the
    summary names it) and its bytes. None: no overrides."""
    if overrides is None:
        return None
    try:
        return {"path": str(overrides), "sha256": file_sha256(Path(overrides))}
    except OSError:
        return {"path": str(overrides), "sha256": None}   # unreadable: never matches, the full path reports it

OUTPUTS = ("actions.parquet", "documents.parquet", "plans.parquet", "action_links.parquet")

def _dataset_is_current(out_dir: Path, cache: Path, keys: list[str], overrides_id: dict | None) -> dict | None:
    """The record of the last assembly when the dataset in out_dir is exactly what these
    inputs would give: the same cache keys in the same order (each key is the file's
    content hash, its name, the versions and the password flag), the same overrides bytes,
    both output files byte-for-byte the ones that assembly wrote (size and SHA-256), and
    every cache entry still there. Otherwise None, and the dataset is rebuilt."""
    record = read_json(cache / DATASET_RECORD)
    if record.get("keys") != keys or record.get("overrides") != overrides_id:
        return None
    if overrides_id is not None and overrides_id.get("sha256") is None:
        return None
    outputs = record.get("outputs") or {}
    for name in OUTPUTS:
        want, path = outputs.get(name) or {}, out_dir / name
        try:
            if path.stat().st_size != want.get("size") or file_sha256(path) != want.get("sha256"):
                return None
        except OSError:
            return None
    for key in keys:
        if not all(p.exists() for p in cache_paths(cache, key)):
            return None
    return record

def _assemble_plans(docs, actions, overrides):
    """Documents grouped into plans, progress rows attached, consecutive plans linked
    (see dataset.plans); a rendering of a plan gets a same_plan warning naming the copy
    that counts. Reviewer link decisions come from the overrides file's links: section."""
    from ..dataset.plans import apply_plans, read_link_decisions
    return apply_plans(docs, actions, read_link_decisions(overrides))


def _summarise(docs) -> dict:
    """The run summary's dataset figures, from the documents table."""
    summary = {"documents": docs.num_rows, "statuses": {}, "failed": [], "warned": []}
    for row in docs.select(["source_file", "status", "errors", "warnings", "issues"]).to_pylist():
        summary["statuses"][row["status"]] = summary["statuses"].get(row["status"], 0) + 1
        if row["status"] == "failed":
            summary["failed"].append([row["source_file"], "; ".join(row["errors"])])
        elif row["warnings"] and (row["status"] in ("partial", "skipped")
                                  or any(i["code"] == "same_plan" for i in row["issues"])):
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
    index = read_json(index_path)
    index_before = json.dumps(index, sort_keys=True)
    vers, exact, fingerprint = known_versions(cache)
    report = BatchReport(out_dir=out_dir)
    hashed = [(inp, *hash_file(inp.path, index, str(inp.path.resolve()))) for inp in inputs]
    if json.dumps(index, sort_keys=True) != index_before:
        write_json(index, index_path)

    def plan(vers: dict[str, str]) -> list[str]:
        return [cache_key(digest, inp.source_file, vers, password) for inp, digest, _ in hashed]

    def load_all(keys: list[str]) -> tuple[dict, list[Job]]:
        """Every cache entry read now (a damaged one is recomputed) and kept for assembly;
        the jobs of the files without a usable entry."""
        results = {k: load(cache, k) for k in keys}
        todo = [Job(inp, k, digest, size) for (inp, digest, size), k in zip(hashed, keys) if results[k] is None]
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
        real = real_versions()
        if real != vers:
            write_json({"fingerprint": fingerprint, "versions": real}, cache / VERSIONS_MEMO)
            keys = plan(real)
            results, todo = load_all(keys)
    report.reused = [inp.source_file for (inp, _, _), k in zip(hashed, keys) if results[k] is not None]

    total = len(todo)
    done = 0

    def on_done(job: Job, how: str) -> None:
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

    from ..dataset.overrides import apply_overrides
    from ..dataset.schema import ACTIONS, DOCUMENTS, SchemaError, check_plans, validate
    from ..dataset.writer import write_parquet
    for job in todo:
        results[job.key] = load(cache, job.key)
    loaded = [results[k] for k in keys if results[k] is not None]
    docs = pa.concat_tables([r.document for r in loaded]) if loaded else DOCUMENTS.empty_table()
    acts = [r.actions for r in loaded if r.actions.num_rows]
    actions = pa.concat_tables(acts) if acts else ACTIONS.empty_table()
    actions, override_notes = apply_overrides(actions, overrides, documents=docs)
    docs, actions, plans, links = _assemble_plans(docs, actions, overrides)
    validate(actions, docs)
    fails = check_plans(plans, links, actions)
    if fails:
        raise SchemaError(fails)
    write_parquet(actions, out_dir / "actions.parquet")
    write_parquet(docs, out_dir / "documents.parquet")
    write_parquet(plans, out_dir / "plans.parquet")
    write_parquet(links, out_dir / "action_links.parquet")
    prune(cache, set(keys))
    summary = _summarise(docs)
    summary.update(actions=actions.num_rows, override_notes=list(override_notes))
    # Written last: the record of what the files on disk were built from, checked by the
    # next run's fast path against the files themselves (size and SHA-256), so a run
    # killed anywhere before this point is simply assembled again.
    outputs = {name: {"size": (out_dir / name).stat().st_size, "sha256": file_sha256(out_dir / name)}
               for name in OUTPUTS}
    write_json({"keys": keys, "overrides": overrides_id, "outputs": outputs, "report": summary},
                cache / DATASET_RECORD)
    _fill_report(report, summary)
    return report
