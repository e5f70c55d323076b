"""Isolation of one document: its time and memory limits and how a stopped worker is
worded (the local and the Dask runner word it alike, so their datasets agree)."""
from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    seconds: float = 120.0
    memory_mb: int = 2048

MEMORY_POLL_SECONDS = 0.05


def vm_size() -> int:
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
