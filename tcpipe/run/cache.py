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
    basis = json.dumps([document_id, source_file, vers, bool(password)], sort_keys=True)
    return hashlib.sha256(basis.encode()).hexdigest()[:32]

def cache_paths(cache: Path, key: str) -> tuple[Path, Path]:
    return cache / f"{key}.actions.parquet", cache / f"{key}.doc.parquet"

def store(result: DocumentResult, cache: Path, key: str) -> None:
    from ..dataset.writer import write_parquet
    a, d = cache_paths(cache, key)
    write_parquet(result.actions, a)
    write_parquet(result.document, d)   # written last: its presence marks a complete result

def load(cache: Path, key: str) -> DocumentResult | None:
    a, d = cache_paths(cache, key)
    if not (a.exists() and d.exists()):
        return None
    from ..pipeline import DocumentResult
    from ..dataset.writer import read_parquet
    try:
        return DocumentResult(read_parquet(d), read_parquet(a))
    except Exception:  # noqa: BLE001 - a damaged cache entry is recomputed
        return None

def prune(cache: Path, keep: set[str]) -> None:
    """Drop cache entries of files no longer in the inputs or of older versions, after the
    dataset that no longer needs them has been written; and temporary files a killed worker
    left behind (no worker runs by now)."""
    for path in cache.glob("*.parquet"):
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
