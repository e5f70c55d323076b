"""The result cache in OUT/.cache: one entry per (file content, name, versions), written
atomically, so unchanged files are reused and a killed run resumes."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..pipeline import DocumentResult

CACHE_DIR = ".cache"


def cache_key(document_id: str, source_file: str, vers: dict[str, str], password: str | None) -> str:
    """The file's content, its file name (the pipeline may read the institution from it;
    never the folder: a plan moved between folders is reused), the versions and whether a
    password was given."""
    basis = json.dumps([document_id, Path(source_file).name, vers, bool(password)], sort_keys=True)
    return hashlib.sha256(basis.encode()).hexdigest()[:32]


def cache_paths(cache: Path, key: str) -> tuple[Path, Path]:
    return cache / f"{key}.actions.parquet", cache / f"{key}.doc.parquet"


def limits_path(cache: Path, key: str) -> Path:
    return cache / f"{key}.limits.json"


def store(result: DocumentResult, cache: Path, key: str, limits=None) -> None:
    """Cache a result with the limits it ran under (a failure that depends on them is
    retried when they grow: tcpipe.run.failures)."""
    from ..dataset.writer import write_json as write_json_file
    from ..dataset.writer import write_parquet
    a, d = cache_paths(cache, key)
    write_parquet(result.actions, a)
    if limits is not None:
        write_json_file({"seconds": limits.seconds, "memory_mb": limits.memory_mb}, limits_path(cache, key))
    write_parquet(result.document, d)   # written last: its presence marks a complete result


def load(cache: Path, key: str) -> DocumentResult | None:
    a, d = cache_paths(cache, key)
    if not (a.exists() and d.exists()):
        return None
    from ..pipeline import DocumentResult
    from ..dataset.writer import read_parquet
    try:
        result = DocumentResult(read_parquet(d), read_parquet(a))
    except Exception:  # noqa: BLE001 - a damaged cache entry is recomputed
        return None
    return result if result.document.num_rows == 1 else None


def reusable_result(result: DocumentResult | None, cache: Path, key: str, limits) -> DocumentResult | None:
    """The cached result if it may stand for a run with these limits: only the cause of a
    failure is cached (a time-out or memory failure is retried when the limits grew, a
    worker killed from outside or an unreadable file always)."""
    if result is None:
        return None
    from .failures import reusable
    row = result.document.select(["status", "errors"]).to_pylist()[0]
    stored = read_json(limits_path(cache, key)) or None
    return result if reusable(row["status"], list(row["errors"] or []), stored, limits.seconds, limits.memory_mb) \
        else None


def prune(cache: Path, keep: set[str]) -> None:
    """Drop cache entries of files no longer in the inputs or of older versions, after the
    dataset that no longer needs them has been written; and temporary files a killed worker
    left behind (no worker runs by now)."""
    for path in [*cache.glob("*.parquet"), *cache.glob("*.limits.json")]:
        if path.name.split(".", 1)[0] not in keep:
            path.unlink(missing_ok=True)
    for path in cache.glob(".*.tmp"):
        path.unlink(missing_ok=True)


def read_json(path: Path) -> dict:
    try:
        data = json.loads(path.read_text())
        return data if isinstance(data, dict) else {}
    except Exception:  # noqa: BLE001 - missing or damaged: as if never written
        return {}


def write_json(obj, path: Path) -> None:
    from ..dataset.writer import write_json
    write_json(obj, path)
