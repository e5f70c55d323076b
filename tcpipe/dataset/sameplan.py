"""One plan, several files: a DOCX and its PDF, a scan of a printed plan, a web version.
Each is read in full, but a researcher counting actions per institution would count the
plan twice, so the later file gets a warning naming the earlier one. Pure; the batch
applies it when it assembles the dataset."""
from __future__ import annotations

from typing import Iterable

MIN_SHARED = 0.8     # share of the smaller document's action texts found in the other


def _norm(text: str | None) -> str:
    return " ".join((text or "").lower().split())


def _conflict(a, b) -> bool:
    return a is not None and b is not None and a != b


def same_plan_warnings(documents: Iterable[dict], actions: Iterable[dict]) -> dict[str, str]:
    """source_file -> warning, for every document whose action texts repeat an earlier
    document's (same institution and period where both are known)."""
    texts: dict[str, set[str]] = {}
    for a in actions:
        texts.setdefault(a["source_file"], set()).add(_norm(a["action_text"]))
    seen: list[dict] = []
    out: dict[str, str] = {}
    for d in documents:
        mine = texts.get(d["source_file"])
        if not mine or d["status"] not in ("success", "partial"):
            continue
        for first in seen:
            if any(_conflict(d[k], first[k]) for k in ("institution", "period_start", "period_end")):
                continue
            theirs = texts[first["source_file"]]
            shared = len(mine & theirs) / min(len(mine), len(theirs))
            if shared >= MIN_SHARED:
                out[d["source_file"]] = (f"same plan as {first['source_file']} ({shared:.0%} of the action texts "
                                         f"are identical): its actions are in the dataset twice")
                break
        else:
            seen.append(d)
    return out
