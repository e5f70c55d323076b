"""Finding the plans to read and naming them by their content."""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

INPUT_SUFFIXES = frozenset({".pdf", ".docx", ".html", ".htm"})


@dataclass(frozen=True)
class InputFile:
    path: Path
    source_file: str     # path relative to the folder it was found in (made unique by tcpipe.run.membership)
    root_name: str = ""  # that folder's name ("" for a file named directly)


def find_inputs(paths: Sequence[Path]) -> list[InputFile]:
    """Plans (PDF, DOCX, HTML) named on the command line or found (recursively) in folders. Sorted, so the
    dataset order does not depend on the file system."""
    found: list[InputFile] = []
    for p in paths:
        if p.is_dir():
            root_name = p.resolve().name
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.suffix.lower() in INPUT_SUFFIXES and not any(part.startswith(".") for part in f.relative_to(p).parts):
                    found.append(InputFile(f, f.relative_to(p).as_posix(), root_name))
        elif p.is_file():
            found.append(InputFile(p, p.name))
        else:
            raise FileNotFoundError(f"no such file or folder: {p}")
    # The same path named twice (a file and its folder) is one input. Different files with
    # the same name are all kept: tcpipe.run.membership names them apart.
    seen: dict[str, InputFile] = {}
    for f in found:
        seen.setdefault(str(f.path.resolve()), f)
    return sorted(seen.values(), key=lambda f: (f.source_file, str(f.path.resolve())))


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def hash_file(path: Path, index: dict, root_index_key: str) -> tuple[str | None, int, str]:
    """(content hash, size, '') or, for a file that cannot be read, (None, 0, why): that
    file's own failure, never the batch's."""
    try:
        st = path.stat()
        entry = index.get(root_index_key)
        if entry and entry[0] == st.st_size and entry[1] == st.st_mtime_ns and os.access(path, os.R_OK):
            return entry[2], st.st_size, ""
        digest = file_sha256(path)
    except OSError as exc:
        index.pop(root_index_key, None)
        return None, 0, f"cannot read {path}: {exc.strerror or exc}"
    index[root_index_key] = [st.st_size, st.st_mtime_ns, digest]
    return digest, st.st_size, ""
