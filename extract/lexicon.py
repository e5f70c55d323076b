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
def _tables() -> tuple[frozenset[str], dict[str, str], frozenset[str]]:
    """(every word form, form -> lemma, verbs' base forms). The base forms are the lemmas of
    the -ed and -ing forms ("created" -> "create"), so "Create" reads as a verb and
    "Technicians" does not."""
    try:
        import spacy_lookups_data
    except ImportError:  # the lexicon is an aid; without it no word is re-joined
        return frozenset(), {}, frozenset()
    data = Path(spacy_lookups_data.__file__).parent / "data"
    lookup = json.loads(gzip.open(data / "en_lemma_lookup.json.gz").read())
    index = json.loads(gzip.open(data / "en_lemma_index.json.gz").read())
    words = set(lookup) | set(lookup.values())
    for forms in index.values():
        words.update(forms)
    lemmas = {k.lower(): v.lower() for k, v in lookup.items()}
    verbs = frozenset(v for k, v in lemmas.items() if k.endswith(("ed", "ing")) and k != v)
    return frozenset(w.lower() for w in words), lemmas, verbs


def _words() -> frozenset[str]:
    return _tables()[0]


def is_word(text: str) -> bool:
    return text.lower() in _words()


@lru_cache(maxsize=1)
def _log_probs() -> dict[str, float]:
    """spacy-lookups-data's word frequencies (log probabilities, ~1M forms, about 1 s to load):
    the function words the lemma tables lack ("they", "the", "with"). Loaded only when asked
    (OCR'd documents' spelling repair)."""
    try:
        import spacy_lookups_data
    except ImportError:
        return {}
    data = Path(spacy_lookups_data.__file__).parent / "data"
    return json.loads(gzip.open(data / "en_lexeme_prob.json.gz").read())


def is_common_word(text: str, min_log_prob: float) -> bool:
    """A word of the lemma tables, or one English text uses at least this often (log probability)."""
    return is_word(text) or _log_probs().get(text.lower(), -99.0) >= min_log_prob


def is_verb_base(word: str) -> bool:
    """A verb in its base form ("Publish", "Create", "Review"): what an imperative opens with."""
    _, lemmas, verbs = _tables()
    w = word.lower()
    if lemmas.get(w, w) != w:
        return False
    # the table has slips ("developed" -> "develope"): an -ed or -ing form present is enough
    forms = (w + "ed", w + "ing", w[:-1] + "ing" if w.endswith("e") else w + "d")
    return w in verbs or (lemmas.get(w + "s") == w and any(f in lemmas for f in forms))


def is_past_form(word: str) -> bool:
    """A verb's past form ("Launched", "held", "were"): what a report of achievements opens with."""
    _, lemmas, verbs = _tables()
    w = word.lower()
    lemma = lemmas.get(w)
    return lemma is not None and lemma != w and lemma in verbs and not w.endswith(("s", "ing"))


def warm() -> None:
    _tables()
