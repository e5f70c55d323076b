"""One writer at a time: a lock on the output folder for the whole run (reading the cache,
processing, writing the dataset, pruning the cache), so two runs into the same OUT never
prune each other's cache entries or interleave their writes.

The lock is an flock on OUT/.tcplans.lock (filelock): the kernel releases it when its
holder dies, so a run killed with kill -9 never leaves OUT locked. Who holds it (pid, host,
start time) is written beside it for the waiting run's message.
"""
from __future__ import annotations

import json
import os
import socket
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

LOCK_NAME = ".tcplans.lock"
HOLDER_NAME = ".tcplans.lock.json"


class DatasetBusy(RuntimeError):
    """Another run holds the lock on OUT and the caller asked not to wait."""


def _holder(out_dir: Path) -> str:
    try:
        info = json.loads((out_dir / HOLDER_NAME).read_text())
        return f"pid {info['pid']} on {info['host']}, started {info['started']}"
    except (OSError, ValueError, KeyError, TypeError):
        return "another process"


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


@contextmanager
def dataset_lock(out_dir: Path, wait: bool = True, say: Callable[[str], None] = _say,
                 timeout: float = -1) -> Iterator[None]:
    """Hold the lock on out_dir for the body. A second run waits (saying so once) or, with
    wait=False, raises DatasetBusy naming the holder."""
    from filelock import FileLock, Timeout
    out_dir.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(out_dir / LOCK_NAME))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        who = _holder(out_dir)
        if not wait:
            raise DatasetBusy(f"another tcplans run ({who}) is writing {out_dir}; try again when it has "
                              f"finished (or leave out --no-wait to wait for it)") from None
        say(f"waiting for another tcplans run ({who}) writing {out_dir} to finish ...")
        try:
            lock.acquire(timeout=timeout)
        except Timeout:
            raise DatasetBusy(f"another tcplans run ({who}) is still writing {out_dir} after {timeout:g} s") from None
    try:
        (out_dir / HOLDER_NAME).write_text(json.dumps({"pid": os.getpid(), "host": socket.gethostname(),
                                                       "started": time.strftime("%Y-%m-%d %H:%M:%S")}))
        yield
    finally:
        try:
            (out_dir / HOLDER_NAME).unlink()
        except OSError:
            pass
        lock.release()
