"""Finding the plans to read and naming them by their content."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

INPUT_SUFFIXES = frozenset({".pdf", ".docx", ".html", ".htm"})

@dataclass(frozen=True)
class InputFile:
    path: Path
    source_file: str     # path relative to the input root, as recorded in the dataset

def find_inputs(paths: Sequence[Path]) -> list[InputFile]:
    """Plans (PDF, DOCX, HTML) named on the command line or found (recursively) in folders. Sorted, so the
    dataset order does not depend on the file system."""
    found: list[InputFile] = []
    for p in paths:
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.suffix.lower() in INPUT_SUFFIXES and not any(part.startswith(".") for part in f.relative_to(p).parts):
                    found.append(InputFile(f, f.relative_to(p).as_posix()))
        elif p.is_file():
            found.append(InputFile(p, p.name))
        else:
            raise FileNotFoundError(f"no such file or folder: {p}")
    seen: dict[str, InputFile] = {}
    for f in found:
        seen.setdefault(f.source_file, f)
    return sorted(seen.values(), key=lambda f: f.source_file)

def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()

def hash_file(path: Path, index: dict, root_index_key: str) -> tuple[str, int]:
    st = path.stat()
    entry = index.get(root_index_key)
    if entry and entry[0] == st.st_size and entry[1] == st.st_mtime_ns:
        return entry[2], st.st_size
    digest = file_sha256(path)
    index[root_index_key] = [st.st_size, st.st_mtime_ns, digest]
    return digest, st.st_size
