"""The one loader for the project's data files in models/ (thresholds, vocabularies,
taxonomies, registries): where they are, how a YAML file is read safely, and how a label
is keyed for comparison. Each floor validates the files it owns with its own pydantic
models (extract: extract.yaml; normalise: aliases, tag patterns, taxonomies; tcpipe: link
thresholds); all go through `read_yaml`, so every file is size-capped, alias-free and
parsed the same way. Lives at the bottom of the import graph.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel

MODELS_DIR = Path(__file__).resolve().parent.parent / "models"
MAX_DATA_FILE_BYTES = 4_000_000   # the largest committed data file is ~40 kB; a bigger one is a mistake or an attack

M = TypeVar("M", bound=BaseModel)


class DataFileError(ValueError):
    """A data file (or a user's overrides file) that is too big, uses YAML anchors/aliases,
    or is not valid YAML. The message names the file and the reason."""


def parse_yaml(text: str, origin: str = "<text>", max_bytes: int = MAX_DATA_FILE_BYTES) -> Any:
    """yaml.safe_load, refusing anchors and aliases (a few lines of aliases expand to
    gigabytes: the "billion laughs") and oversized input, before anything is built."""
    if len(text.encode("utf-8", "surrogatepass")) > max_bytes:
        raise DataFileError(f"{origin}: larger than {max_bytes:,} bytes; not read")
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise DataFileError(f"{origin}: YAML anchors and aliases (&, *) are not accepted")
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise DataFileError(f"{origin}: not valid YAML ({exc})") from exc


def read_yaml(path: Path, max_bytes: int = MAX_DATA_FILE_BYTES) -> Any:
    path = Path(path)
    if path.stat().st_size > max_bytes:
        raise DataFileError(f"{path}: larger than {max_bytes:,} bytes; not read")
    return parse_yaml(path.read_text(encoding="utf-8"), str(path), max_bytes)


def load_validated(path: Path, model: type[M]) -> M:
    """A data file read safely and validated into its model (pydantic reports every field)."""
    return model.model_validate(read_yaml(path))


@lru_cache(maxsize=32)
def models_file(name: str) -> Any:
    """A file of models/ by name, read once per process (the files never change during a run)."""
    return read_yaml(MODELS_DIR / name)


# A printed field label ("Success measure", "Who leads", "Lead(s)"): a capitalised word, then
# more words, before a colon. One grammar for every reader; what a label's words may hold
# depends on where it stands:
LABEL_CHARS = r"\w&/()'’\-"        # a line of fields or a block's paragraph: "Lead(s)", "HR/OD"
CELL_LABEL_CHARS = r"\w&'’\-"      # a table cell: "/" and "(" separate its fields, no label holds them
INLINE_LABEL_CHARS = r"\w&/'’\-"   # running text: "(" opens an aside, not a label


def label_phrase(chars: str = LABEL_CHARS, more: str = "*?") -> str:
    """The regex of a label's words (group `label`), before its colon: a capitalised word, then
    words of `chars` joined by single spaces, `more` of them ("*?": as few as reach the colon;
    "{0,5}": at most six words)."""
    return rf"(?P<label>[A-Z][{chars}]*(?:[ ][{chars}]+){more})"


def label_key(text: str) -> str:
    """A column or field label as compared with vocabularies: lower case, punctuation other
    than '&' and '/' gone, whitespace collapsed."""
    return " ".join(re.sub(r"[^a-z0-9&/ ]", " ", text.lower()).split())
