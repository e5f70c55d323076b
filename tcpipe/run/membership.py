"""Which documents a run's dataset holds, and under which names. Pure: no disk.

Identity is the content: a document is its document_id (SHA-256 of the file's bytes).
The same bytes given twice (two paths, or twice on the command line) are one document,
processed once, with every path it was given from recorded (source_paths). Two different
files that would get the same display name (source_file: the path relative to the folder
it was found in) are both kept, the name made unique with the folders above it.

Modes, for documents already in the dataset that this run's inputs do not name:

  mirror  the dataset mirrors the inputs: they are removed (and listed before writing)
  add     they are kept (upsert: the inputs are added, or update the document whose path
          they now hold)
  None    the default: nothing is removed without a mode asking for it; a run that would
          remove documents stops before writing, listing them

A document whose path is given again with other bytes is updated in every mode (the old
version is replaced, and listed as such).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePosixPath

MODES = ("add", "mirror")


@dataclass(frozen=True)
class Given:
    """One input file as found: its absolute path, its name relative to the folder it was
    found in (or its file name), the folder's name, and its content hash (None when the
    file cannot be read)."""
    path: str
    relative: str
    root_name: str
    document_id: str | None


@dataclass(frozen=True)
class Member:
    """A document of the dataset (the previous one's record, or this run's)."""
    document_id: str
    source_file: str
    source_paths: tuple[str, ...]
    key: str = ""             # cache key of its result (previous dataset only)


@dataclass
class Plan:
    new: list[Member] = field(default_factory=list)             # this run's documents, in order
    kept: list[Member] = field(default_factory=list)            # previous documents kept (add mode)
    updated: list[tuple[Member, Member]] = field(default_factory=list)   # (old, new) same path, new bytes
    removed: list[Member] = field(default_factory=list)         # previous documents not in the inputs
    duplicates: list[tuple[str, str]] = field(default_factory=list)     # (path, source_file it repeats)

    @property
    def refused(self) -> bool:
        """Default mode and documents would be removed."""
        return bool(self.removed) and self._mode is None

    _mode: str | None = None


def _unique_names(groups: list[list[Given]], taken: set[str]) -> list[str]:
    """A display name per group (one document): its first path's relative name, made
    unique by prefixing the folder names above it (then the absolute path) where two
    documents, or a document and one kept from before, would share it."""
    names = [g[0].relative for g in groups]
    counts: dict[str, int] = {}
    for n in names:
        counts[n] = counts.get(n, 0) + 1
    out = []
    used = set(taken)
    for g, name in zip(groups, names):
        if counts[name] > 1 or name in taken:
            first = g[0]
            candidate = f"{first.root_name}/{first.relative}" if first.root_name else first.relative
            parts = PurePosixPath(first.path).parts
            depth = len(PurePosixPath(first.relative).parts) + 1
            while candidate in used and depth < len(parts):
                depth += 1
                candidate = "/".join(parts[-depth:])
            if candidate in used:
                candidate = first.path
            name = candidate
        used.add(name)
        out.append(name)
    return out


def plan_members(given: list[Given], previous: list[Member], mode: str | None) -> Plan:
    """The dataset's documents after this run (see the module docstring)."""
    if mode is not None and mode not in MODES:
        raise ValueError(f"unknown mode {mode!r} ({', '.join(MODES)})")
    plan = Plan(_mode=mode)
    groups: dict[str, list[Given]] = {}
    order: list[str] = []
    unreadable: list[Given] = []
    for g in given:
        if g.document_id is None:
            unreadable.append(g)
            continue
        if g.document_id not in groups:
            groups[g.document_id] = []
            order.append(g.document_id)
        groups[g.document_id].append(g)
    given_paths = {g.path for g in given}
    new_ids = set(order)
    for prev in previous:
        if prev.document_id in new_ids:
            continue                                   # given again: this run's record replaces it
        if given_paths & set(prev.source_paths):
            continue                                   # its path now holds other bytes: updated below
        if mode == "add":
            plan.kept.append(prev)
        else:
            plan.removed.append(prev)
    taken = {m.source_file for m in plan.kept}
    grouped = [groups[d] for d in order]
    names = _unique_names(grouped, taken)
    by_path = {p: prev for prev in previous for p in prev.source_paths}
    for g, name in zip(grouped, names):
        # a document keeps the name it had in the dataset when given again from the same path
        old = next((by_path[x.path] for x in g if x.path in by_path and by_path[x.path].document_id == g[0].document_id),
                   None)
        if old is not None and old.source_file not in taken and old.source_file not in names:
            name = old.source_file
        member = Member(g[0].document_id, name, tuple(sorted({x.path for x in g})))
        plan.new.append(member)
        for x in g[1:]:
            plan.duplicates.append((x.path, name))
        for x in g:
            prev = by_path.get(x.path)
            if prev is not None and prev.document_id != member.document_id and \
                    all(prev is not u[0] for u in plan.updated):
                plan.updated.append((prev, member))
    names_now = {m.source_file for m in plan.kept} | {m.source_file for m in plan.new}
    for g in unreadable:          # named like any input; their failure is recorded, not cached
        name = g.relative if g.relative not in names_now else (f"{g.root_name}/{g.relative}" if g.root_name
                                                                else g.path)
        names_now.add(name)
        plan.new.append(Member(unreadable_id(g.path), name, (g.path,)))
    plan.new.sort(key=lambda m: m.source_file)
    return plan


def unreadable_id(path: str) -> str:
    """The document_id of a file that could not be read (no content hash exists): marked so
    it is never taken for one."""
    import hashlib
    return "unreadable:" + hashlib.sha256(path.encode()).hexdigest()[:32]
