"""The only writer: atomic Parquet files (temp file in the same folder, fsync, rename), so a
reader or a killed run never sees a half-written dataset."""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pyarrow as pa

# pyarrow is imported by the functions that need it: write_json alone (the batch's cache
# records) must not cost the pyarrow import on a re-run with nothing to do.


def current_umask() -> int:
    """The process's umask, read without changing it where Linux tells it (/proc), else by
    setting and restoring it."""
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _atomic(path: Path, write) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    # mkstemp creates the file 0600; the output gets the permissions any new file would
    # (0666 less the umask), so colleagues can read a shared dataset, report or review.
    os.fchmod(fd, 0o666 & ~current_umask())
    os.close(fd)
    try:
        write(tmp)
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def write_parquet(table: pa.Table, path: Path) -> None:
    import pyarrow.parquet as pq
    # Fixed options and no pandas metadata: the same rows give byte-identical files.
    _atomic(path, lambda tmp: pq.write_table(table, tmp, compression="zstd", use_dictionary=True,
                                             write_statistics=True, store_schema=True))


def write_json(obj, path: Path) -> None:
    def w(tmp):
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(obj, fh, indent=1, sort_keys=True, default=str)
    _atomic(path, w)


def write_text(text: str, path: Path) -> None:
    def w(tmp):
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(text)
    _atomic(path, w)


def read_parquet(path: Path) -> pa.Table:
    import pyarrow.parquet as pq
    return pq.read_table(path)
