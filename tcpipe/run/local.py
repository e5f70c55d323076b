"""The local runner: one forked worker per document, at most N at once, each killed when
it passes its time or memory limit."""
from __future__ import annotations

import hashlib
import os
import resource
import signal
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from .cache import load, store
from .inputs import InputFile
from .isolation import (MEMORY_POLL_SECONDS, Limits, crash_reason, memory_limit_reason, over_memory_limit,
                        timeout_reason, vm_size)


def child(path: Path, source_file: str, password: str | None, cache: Path, key: str, limits: Limits) -> None:
    """Runs in a forked worker: limits, process, store, exit. Never returns."""
    code = 0
    try:
        from ..pipeline import failed_result, process_bytes   # loaded in the parent before the fork
        # The limit is on memory beyond what the worker starts with (the forked interpreter,
        # libraries and model already mapped), so it means the same on every machine.
        from extract.convert import set_document_limits
        set_document_limits(limits.seconds, limits.memory_mb)    # a DOCX/HTML converter's share
        soft = vm_size() + limits.memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (soft, resource.getrlimit(resource.RLIMIT_AS)[1]))
        try:
            data = path.read_bytes()
        except OSError as exc:   # unreadable by now: that file's failure, not cached for later runs
            from .membership import unreadable_id
            store(failed_result(source_file, unreadable_id(str(path.resolve())), 0, "unreadable_file",
                                f"cannot read {path}: {exc.strerror or exc}"), cache, key)
            return
        try:
            result = process_bytes(data, source_file, password)
        except MemoryError:
            result = failed_result(source_file, hashlib.sha256(data).hexdigest(), len(data), "memory_limit",
                                   memory_limit_reason(limits))
        store(result, cache, key, limits)
    except BaseException:  # noqa: BLE001
        code = 3
    finally:
        os._exit(code)


@dataclass
class Job:
    inp: InputFile
    key: str
    document_id: str
    size: int
    pid: int = 0
    started: float = 0.0


def run_local(jobs: Sequence[Job], cache: Path, password: str | None, limits: Limits, workers: int,
              on_done: Callable[[Job, str], None]) -> None:
    """Fork one worker per document, at most `workers` at once; kill on time-out or when a
    worker's private memory passes the limit."""
    from ..pipeline import failed_result
    pending = list(jobs)
    running: dict[int, Job] = {}

    def kill_and_fail(pid: int, job: Job, code: str, reason: str) -> None:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        del running[pid]
        store(failed_result(job.inp.source_file, job.document_id, job.size, code, reason), cache, job.key, limits)
        on_done(job, code)
    next_memory_check = 0.0
    while pending or running:
        while pending and len(running) < workers:
            job = pending.pop(0)
            pid = os.fork()
            if pid == 0:
                signal.signal(signal.SIGINT, signal.SIG_DFL)
                child(job.inp.path, job.inp.source_file, password, cache, job.key, limits)
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
        if load(cache, job.key) is None:
            store(failed_result(job.inp.source_file, job.document_id, job.size, "worker_crashed",
                                 crash_reason(status)), cache, job.key)
        on_done(job, "done")
