"""Batch runner: every core, each document isolated in its own worker process with a time
and memory limit, results cached per (file content, versions) so unchanged files are not
reprocessed and a killed run resumes to exactly the dataset a clean run gives."""
from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

from .cache import (CACHE_DIR, cache_key, cache_paths, limits_path, load, prune, read_json, reusable_result,
                    write_json)
from .inputs import INPUT_SUFFIXES, InputFile, file_sha256, find_inputs, hash_file
from .isolation import Limits
from .local import Job, run_local
from .versions import VERSIONS_MEMO, known_versions, real_versions

if TYPE_CHECKING:
    from ..pipeline import DocumentResult

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
    mode: str | None = None                                   # add | mirror | None (removes nothing)
    removed: list[str] = field(default_factory=list)          # documents dropped (mirror)
    updated: list[tuple[str, str]] = field(default_factory=list)   # (old, new): a path given with new bytes
    kept: list[str] = field(default_factory=list)             # documents kept though not given (add)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (path, document it repeats): processed once


class NoInputs(ValueError):
    """No plan was found in what the command line named."""


class WouldRemove(RuntimeError):
    """The run would remove documents already in OUT and no mode asked for it."""

    def __init__(self, out_dir: Path, names: list[str]):
        self.names = names
        listed = "\n".join(f"  {n}" for n in names[:50]) + (f"\n  ... and {len(names) - 50} more" if len(names) > 50 else "")
        super().__init__(
            f"{len(names)} document(s) already in {out_dir} are not among these inputs and would be removed:\n"
            f"{listed}\nnothing was written. Use --add to add these inputs and keep the others, or --mirror "
            f"to make the dataset mirror the inputs (removing those listed).")


class NothingUsable(RuntimeError):
    """Every input failed: the existing dataset is left as it is. .report has the failures."""

    def __init__(self, report: BatchReport, message: str):
        super().__init__(message)
        self.report = report


class CacheMissing(RuntimeError):
    """Documents the dataset keeps (--add) whose cached results are gone."""

    def __init__(self, out_dir: Path, names: list[str]):
        self.names = names
        super().__init__(f"the cached results of {len(names)} document(s) in {out_dir} that --add would keep are "
                         f"missing or damaged: {', '.join(names[:20])}; nothing was written. Give those files "
                         f"again, or run with --mirror to rebuild the dataset from the inputs.")


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


def _dataset_is_current(out_dir: Path, cache: Path, keys: list[str], overrides_id: dict | None,
                        members: list[dict] | None = None, limits: Limits | None = None) -> dict | None:
    """The record of the last assembly when the dataset in out_dir is exactly what these
    inputs would give: the same cache keys in the same order (each key is the file's
    content hash, its name, the versions and the password flag), the same overrides bytes,
    both output files byte-for-byte the ones that assembly wrote (size and SHA-256), and
    every cache entry still there. Otherwise None, and the dataset is rebuilt."""
    record = read_json(cache / DATASET_RECORD)
    if record.get("keys") != keys or record.get("overrides") != overrides_id:
        return None
    if members is not None and record.get("members") != members:
        return None
    if limits is not None:
        from .failures import reusable
        for key, (status, errors) in (record.get("failures") or {}).items():
            stored = read_json(limits_path(cache, key)) or None
            if not reusable(status, errors, stored, limits.seconds, limits.memory_mb):
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


def _previous_members(out_dir: Path, cache: Path) -> list:
    """The documents of the dataset in out_dir: from the record of its last assembly, or,
    for a dataset written before records named them, from documents.parquet (without cache
    keys: such documents cannot be kept by --add, only listed)."""
    from .membership import Member
    record = read_json(cache / DATASET_RECORD)
    if isinstance(record.get("members"), list):
        try:
            return [Member(m["document_id"], m["source_file"], tuple(m["source_paths"]), m.get("key", ""))
                    for m in record["members"]]
        except (KeyError, TypeError):
            pass
    path = out_dir / "documents.parquet"
    if not path.exists():
        return []
    try:
        from ..dataset.writer import read_parquet
        rows = read_parquet(path).to_pylist()
    except Exception:  # noqa: BLE001 - an unreadable old dataset: nothing to keep or list
        return []
    return [Member(r["document_id"], r["source_file"], tuple(r.get("source_paths") or ()), "") for r in rows]


def _member_json(m) -> dict:
    return {"document_id": m.document_id, "source_file": m.source_file, "source_paths": list(m.source_paths),
            "key": m.key}


def _say_default(progress: bool) -> Callable[[str], None]:
    def say(message: str) -> None:
        if progress:
            print(message, file=sys.stderr, flush=True)
    return say


def run_batch(paths: Sequence[Path], out_dir: Path, workers: int = 0, password: str | None = None,
              limits: Limits = Limits(), progress: bool = True, scheduler: str | None = None,
              overrides: Path | None = None, mode: str | None = None, wait: bool = True,
              say: Callable[[str], None] | None = None) -> BatchReport:
    """Process the plans named by `paths` into the dataset in out_dir.

    mode: None (the default) never removes a document already in out_dir (a run that
    would raises WouldRemove before writing anything); "mirror" makes the dataset mirror
    the inputs, listing what it removes before writing; "add" adds and updates, keeping
    the others (tcpipe.run.membership). Raises NoInputs when nothing was found and
    NothingUsable when every input failed: out_dir's dataset is then left untouched. One
    run writes out_dir at a time (tcpipe.run.lock): a second waits, or with wait=False
    raises DatasetBusy."""
    from .lock import dataset_lock
    say = say or _say_default(progress)
    inputs = find_inputs(paths)
    if not inputs:
        raise NoInputs(f"no plans found in {', '.join(str(p) for p in paths)} (looked for "
                       f"{', '.join('*' + x for x in sorted(INPUT_SUFFIXES))}, hidden files and folders skipped); "
                       f"nothing was written")
    with dataset_lock(out_dir, wait=wait, say=say):
        return _run_locked(inputs, out_dir, workers, password, limits, progress, scheduler, overrides, mode, say)


def _run_locked(inputs: list[InputFile], out_dir: Path, workers: int, password: str | None, limits: Limits,
                progress: bool, scheduler: str | None, overrides: Path | None, mode: str | None,
                say: Callable[[str], None]) -> BatchReport:
    from .membership import Given, plan_members
    cache = out_dir / CACHE_DIR
    cache.mkdir(parents=True, exist_ok=True)
    index_path = cache / "index.json"
    index = read_json(index_path)
    index_before = json.dumps(index, sort_keys=True)
    vers, exact, fingerprint = known_versions(cache)
    report = BatchReport(out_dir=out_dir, mode=mode)
    hashed = {str(inp.path.resolve()): (inp, *hash_file(inp.path, index, str(inp.path.resolve())))
              for inp in inputs}
    if json.dumps(index, sort_keys=True) != index_before:
        write_json(index, index_path)
    given = [Given(path, inp.source_file, inp.root_name, digest) for path, (inp, digest, _, _) in hashed.items()]
    plan = plan_members(given, _previous_members(out_dir, cache), mode)
    if plan.refused:
        raise WouldRemove(out_dir, [m.source_file for m in plan.removed])
    report.removed = [m.source_file for m in plan.removed]
    report.updated = [(old.source_file, new.source_file) for old, new in plan.updated]
    report.duplicates = list(plan.duplicates)
    report.kept = [m.source_file for m in plan.kept]

    # this run's documents: (member, input, size, why unreadable)
    entries = []
    for m in plan.new:
        inp, digest, size, why = hashed[m.source_paths[0]]
        entries.append((m, InputFile(inp.path, m.source_file, inp.root_name), size, why))

    def plan_keys(vers: dict[str, str]) -> dict[str, str]:
        """member document_id -> cache key, for this run's readable documents."""
        return {m.document_id: cache_key(m.document_id, m.source_file, vers, password)
                for m, _, _, why in entries if not why}

    def members_now(keys: dict[str, str]) -> list:
        from .membership import Member
        out = list(plan.kept) + [Member(m.document_id, m.source_file, m.source_paths, keys.get(m.document_id, ""))
                                 for m, _, _, _ in entries]
        return sorted(out, key=lambda m: m.source_file)

    keys = plan_keys(vers)
    members = members_now(keys)
    overrides_id = _overrides_id(overrides)

    # Nothing changed: the dataset on disk is the one these inputs give. Return its summary
    # without loading the pipeline, reading the cache or writing anything.
    unreadable = [m for m, _, _, why in entries if why]
    record = None if unreadable else _dataset_is_current(
        out_dir, cache, [m.key for m in members], overrides_id, [_member_json(m) for m in members], limits)
    if record is not None:
        try:
            _fill_report(report, record["report"])
            report.reused = [m.source_file for m, _, _, _ in entries]
            return report
        except (KeyError, TypeError, ValueError):   # a record this code did not write: rebuild
            report = BatchReport(out_dir=out_dir, mode=mode)

    # The overrides file is read now, before any work: a file that cannot be read at all
    # (bad YAML, aliases, too large) stops the run at once, with nothing written.
    parsed_overrides = None
    if overrides is not None:
        from ..dataset.overrides import read_overrides
        parsed_overrides = read_overrides(Path(overrides))

    # the kept documents' results (add mode): never dropped silently
    kept_results = {m.key: load(cache, m.key) if m.key else None for m in plan.kept}
    missing = [m.source_file for m in plan.kept if kept_results[m.key] is None]
    if missing:
        raise CacheMissing(out_dir, missing)

    def load_all(keys: dict[str, str]) -> tuple[dict, list[Job]]:
        """Every cache entry of this run's documents read now and kept for assembly (a
        damaged one, or a failure that may now succeed, is processed again); the jobs of
        the documents without a usable entry."""
        results = {k: reusable_result(load(cache, k), cache, k, limits) for k in keys.values()}
        todo = [Job(inp, keys[m.document_id], m.document_id, size) for m, inp, size, why in entries
                if not why and results[keys[m.document_id]] is None]
        return results, todo

    results, todo = load_all(keys)
    if todo and not exact:
        # Work to do: load the pipeline and the labeller here, before forking (the workers
        # share them), and check the remembered versions against the real ones.
        real = real_versions()
        if real != vers:
            write_json({"fingerprint": fingerprint, "versions": real}, cache / VERSIONS_MEMO)
            keys = plan_keys(real)
            members = members_now(keys)
            results, todo = load_all(keys)
    todo_keys = {job.key for job in todo}
    report.reused = [m.source_file for m, _, _, why in entries if not why and keys[m.document_id] not in todo_keys]

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
        # A job's old entry (a failure not reusable under these limits, or damaged) goes
        # first: a worker that then dies without a result must not leave it standing.
        for job in todo:
            for path in (*cache_paths(cache, job.key), limits_path(cache, job.key)):
                path.unlink(missing_ok=True)
        if scheduler:
            from .distributed import run_dask
            run_dask(todo, cache, password, limits, scheduler, on_done)
        else:
            run_local(todo, cache, password, limits, workers or os.cpu_count() or 1, on_done)
        if progress:
            sys.stderr.write("\n")

    import pyarrow as pa

    from ..dataset.overrides import apply_overrides_list
    from ..dataset.schema import ACTIONS, DOCUMENTS, SchemaError, check_plans, validate
    from ..pipeline import failed_result
    from ..dataset.writer import write_parquet
    for job in todo:
        results[job.key] = load(cache, job.key)
        if results[job.key] is None:   # reported, never skipped
            results[job.key] = failed_result(job.inp.source_file, job.document_id, job.size, "worker_crashed",
                                             "the worker's result could not be read back from the cache")
    for m, inp, size, why in entries:
        if why:
            report.processed.append(m.source_file)
            results[f"unreadable:{m.document_id}"] = failed_result(m.source_file, m.document_id, 0,
                                                                   "unreadable_file", why)
    new_results = [results[keys[m.document_id]] if not why else results[f"unreadable:{m.document_id}"]
                   for m, _, _, why in entries]
    if new_results and all(r.document.column("status")[0].as_py() == "failed" for r in new_results):
        docs = pa.concat_tables([r.document for r in new_results])
        summary = _summarise(docs)
        summary.update(actions=0, override_notes=[])
        _fill_report(report, summary)
        raise NothingUsable(report, f"every input failed ({len(new_results)}); the dataset in {out_dir} was left "
                                    f"as it is:\n" + "\n".join(f"  {n}: {r}" for n, r in report.failed))

    by_key = {**{m.key: kept_results[m.key] for m in plan.kept},
              **{keys[m.document_id] if not why else f"unreadable:{m.document_id}": r
                 for (m, _, _, why), r in zip(entries, new_results)}}
    loaded = []
    for m in members:
        r = by_key[m.key] if m.key else by_key[f"unreadable:{m.document_id}"]
        loaded.append(_as_member(r, m))
    if report.removed:
        say(f"mirror: removing {len(report.removed)} document(s) no longer in the inputs: "
            + ", ".join(report.removed))
    docs = pa.concat_tables([r.document for r in loaded]) if loaded else DOCUMENTS.empty_table()
    acts = [r.actions for r in loaded if r.actions.num_rows]
    actions = pa.concat_tables(acts) if acts else ACTIONS.empty_table()
    override_notes: list[str] = []
    if parsed_overrides is not None:
        actions, override_notes = apply_overrides_list(actions, parsed_overrides, documents=docs)
        if override_notes:
            override_notes[0] = f"{overrides}: {override_notes[0]}"
    docs, actions, plans, links = _assemble_plans(docs, actions, overrides)
    validate(actions, docs)
    fails = check_plans(plans, links, actions)
    if fails:
        raise SchemaError(fails)
    write_parquet(actions, out_dir / "actions.parquet")
    write_parquet(docs, out_dir / "documents.parquet")
    write_parquet(plans, out_dir / "plans.parquet")
    write_parquet(links, out_dir / "action_links.parquet")
    dataset_keys = [m.key for m in members]
    prune(cache, {k for k in dataset_keys if k})
    summary = _summarise(docs)
    summary.update(actions=actions.num_rows, override_notes=list(override_notes))
    outcome = {row["source_file"]: row for row in docs.select(["source_file", "status", "errors"]).to_pylist()}
    failures = {m.key: [outcome[m.source_file]["status"], list(outcome[m.source_file]["errors"])]
                for m in members if m.key and outcome[m.source_file]["status"] == "failed"}
    # Written last: the record of what the files on disk were built from, checked by the
    # next run's fast path against the files themselves (size and SHA-256), so a run
    # killed anywhere before this point is simply assembled again.
    outputs = {name: {"size": (out_dir / name).stat().st_size, "sha256": file_sha256(out_dir / name)}
               for name in OUTPUTS}
    write_json({"keys": dataset_keys, "members": [_member_json(m) for m in members], "overrides": overrides_id,
                 "outputs": outputs, "report": summary, "failures": failures}, cache / DATASET_RECORD)
    _fill_report(report, summary)
    return report


def _as_member(result: DocumentResult, member) -> DocumentResult:
    """A cached result under the name and paths the document has in this dataset (the
    cache is keyed by content and file name, not by folder)."""
    import pyarrow as pa

    from ..pipeline import DocumentResult
    doc, acts = result.document, result.actions
    name = pa.array([member.source_file] * doc.num_rows, pa.string())
    doc = doc.set_column(doc.schema.get_field_index("source_file"), "source_file", name)
    paths = pa.array([list(member.source_paths)] * doc.num_rows, pa.list_(pa.string()))
    doc = doc.set_column(doc.schema.get_field_index("source_paths"), "source_paths", paths)
    if acts.num_rows:
        acts = acts.set_column(acts.schema.get_field_index("source_file"), "source_file",
                               pa.array([member.source_file] * acts.num_rows, pa.string()))
    return DocumentResult(doc, acts)
