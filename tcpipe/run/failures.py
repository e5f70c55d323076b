"""Which cached failures may be reused. Only the cause is cached: a failure that depends on
the run's limits is stored with them and retried when they grow; a failure the document
did not cause (its worker killed from outside, the file unreadable at that moment) is
retried on the next run. Pure."""
from __future__ import annotations

# error code -> the limit it depends on
LIMITED = {"timeout": "seconds", "memory_limit": "memory_mb"}
# never reused: not a property of the document's bytes
TRANSIENT = {"worker_crashed", "unreadable_file"}


def error_code(errors: list[str]) -> str | None:
    return errors[0].split(":", 1)[0].strip() if errors else None


def reusable(status: str, errors: list[str], stored: dict | None, seconds: float, memory_mb: int) -> bool:
    """May a cached result with this status and errors, stored under the limits `stored`
    ({"seconds", "memory_mb"}), stand for a run with these limits?"""
    if status != "failed":
        return True
    code = error_code(errors)
    if code in TRANSIENT:
        return False
    if code in LIMITED:
        if not stored:
            return False
        now = {"seconds": seconds, "memory_mb": memory_mb}[LIMITED[code]]
        return float(stored.get(LIMITED[code], 0)) >= float(now)
    return True
