"""Versions of what made a result (code, models, libraries), and the cheap fingerprint
that lets a re-run with nothing changed skip loading the pipeline."""
from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from .cache import read_json, write_json

VERSIONS_MEMO = "versions.json"    # OUT/.cache: the versions last computed, and from what files

ROOT = Path(__file__).resolve().parents[2]   # the repository: extract/, normalise/, tcpipe/, models/


def sources_fingerprint() -> str:
    """A hash of everything tcpipe.pipeline.versions() can depend on: the code of extract,
    normalise (the labeller's included) and tcpipe, every file under models/ (extraction
    settings, aliases, tag patterns, taxonomies, the trained model and its manifest) and
    the installed spaCy, pypdfium2 and pdfplumber (the extractor's version names the last
    two). A superset of what pipeline_version() hashes, so equal fingerprints mean equal
    versions. About 4 MB read, a few milliseconds; no import but importlib.metadata."""
    digest = hashlib.sha256()
    for pkg in ("extract", "normalise", "tcpipe"):
        for path in sorted((ROOT / pkg).rglob("*.py")):
            digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    for path in sorted((ROOT / "models").rglob("*")):
        if path.is_file() and not any(part.startswith(".") for part in path.relative_to(ROOT).parts):
            digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    from importlib.metadata import PackageNotFoundError, version
    for dist in ("spacy", "pypdfium2", "pdfplumber"):
        try:
            digest.update(f"{dist} {version(dist)}; ".encode())
        except PackageNotFoundError:
            digest.update(f"{dist} absent; ".encode())
    digest.update(f"python {sys.version}".encode())
    return digest.hexdigest()


def real_versions() -> dict[str, str]:
    """tcpipe.pipeline.versions(): imports the pipeline and loads the labeller (spaCy), here
    in the parent (with the word list), so forked workers share them instead of loading them
    per document."""
    from extract.lexicon import warm
    from ..pipeline import versions
    warm()
    return versions()


def known_versions(cache: Path) -> tuple[dict[str, str], bool, str]:
    """(versions, exact, fingerprint): from OUT/.cache/versions.json when the code, models
    and spaCy are the ones they were computed from (no import, no model load), else computed
    now and remembered. exact says they were computed in this process."""
    memo_path = cache / VERSIONS_MEMO
    fingerprint = sources_fingerprint()
    memo = read_json(memo_path)
    if memo.get("fingerprint") == fingerprint and isinstance(memo.get("versions"), dict):
        return memo["versions"], False, fingerprint
    vers = real_versions()
    write_json({"fingerprint": fingerprint, "versions": vers}, memo_path)
    return vers, True, fingerprint
