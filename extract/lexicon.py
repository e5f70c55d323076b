"""English word list (spacy-lookups-data's lemma tables, ~120k forms), to tell a word that a
narrow column cut in two ("Communication" / "s") from two words that wrapped normally
("Administrative" / "support"). Loaded on first use (about 0.5 s); the batch warms it in the
parent before workers fork (``warm``), so each document does not pay for it."""
from __future__ import annotations

import gzip
import json
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def _words() -> frozenset[str]:
    try:
        import spacy_lookups_data
    except ImportError:  # the lexicon is an aid; without it no word is re-joined
        return frozenset()
    data = Path(spacy_lookups_data.__file__).parent / "data"
    lookup = json.loads(gzip.open(data / "en_lemma_lookup.json.gz").read())
    index = json.loads(gzip.open(data / "en_lemma_index.json.gz").read())
    words = set(lookup) | set(lookup.values())
    for forms in index.values():
        words.update(forms)
    return frozenset(w.lower() for w in words)


def is_word(text: str) -> bool:
    return text.lower() in _words()


def warm() -> None:
    _words()
