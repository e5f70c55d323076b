"""spaCy pieces shared by every classifier: the text a label is read from and a
lower-casing lookup lemmatizer (for the keyword layer).

The pipeline starts from ``spacy.blank("en")`` (pretrained pipelines are not used). The
lemma table comes from spacy-lookups-data (a runtime dependency).
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

import spacy
import srsly
import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.language import Language
from spacy.tokens import Doc

from .contract import LabelInput

# --- the text a label is read from -------------------------------------------------------

# Ids that would leak the answer: "V1 –", "CD3.2 -", "a)", "Action 7:"; bracketed tags and
# citations ("[TCR - R2, R7 and R9]", "[T-PIKE WP2]", "(TALENT R5)"): the plan's own tags
# are read by the tag parser, never by the model.
_LEADING_ID = re.compile(r"^\s*(?:(?:[A-Z]{1,2}\d+(?:\.\d+)*|[a-z]\)|\(?[ivx]+\)|\d+[.)]|Action\s+\d+:?)\s*[–—:.-]?\s*)+")
_BRACKETS = re.compile(r"\[[^\]]{0,120}\]|\((?:TCR|TALENT)[^)]{0,80}\)", re.I)
_TALENT_PHRASE = re.compile(r"\bTALENT\s+(?:Commission\s+)?(?:Report\s+)?[Rr]ecommendations?\s*(?:R?\d{1,2}(?:\s*(?:,|and|&)\s*)?)+")
_WS = re.compile(r"\s+")


def clean_text(s: str | None) -> str:
    if not s:
        return ""
    s = _BRACKETS.sub(" ", s)
    s = _TALENT_PHRASE.sub(" ", s)
    s = _LEADING_ID.sub("", s)
    return _WS.sub(" ", s).strip()


def action_and_aim(item: LabelInput) -> tuple[str, str | None]:
    """The cleaned action, and its cleaned aim when it adds context (None when missing or
    the same as the action). The section is left out, as in ``input_text``."""
    action = clean_text(item.action_text)
    aim = clean_text(item.aim)
    return action, (aim if aim and aim.lower() != action.lower() else None)


def input_text(item: LabelInput) -> str:
    """Aim, then action. The section is left out on purpose: where it names a pillar the
    plan's tag already comes from it, and a model that read it would look better in
    evaluation than it is on untagged rows."""
    action = clean_text(item.action_text)
    aim = clean_text(item.aim)
    if aim and aim != action:
        return f"{aim} . {action}" if action else aim
    return action


# --- lemmatizer ---------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _lookup_table() -> dict[str, str]:
    """spacy-lookups-data's English lemma lookup, lower-cased keys and values."""
    import spacy_lookups_data

    raw = srsly.read_gzip_json(Path(spacy_lookups_data.__file__).parent / "data" / "en_lemma_lookup.json.gz")
    out: dict[str, str] = {}
    for k in sorted(raw):
        low = k.lower()
        if k == low or low not in raw:   # a lower-case entry wins over a capitalised one
            out.setdefault(low, str(raw[k]).lower())
    return out


class LowerLookupLemmatizer:
    """token.lemma_ = lookup(lower(text)) or lower(text). Deterministic, no POS needed."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.table: dict[str, str] = {}
        self.vocab = nlp.vocab
        self._cache: dict[int, int] = {}   # hash of the lower-cased form -> hash of the lemma, in self.vocab

    def initialize(self, get_examples=None, *, nlp=None):
        self.table = dict(_lookup_table())
        self._cache = {}

    def __call__(self, doc: Doc) -> Doc:
        """Sets every token's lemma in one array write (no Token objects): the same lemmas
        as ``tok.lemma_ = table.get(tok.lower_, tok.lower_)``, about three times faster."""
        n = len(doc)
        if not n:
            return doc
        strings = doc.vocab.strings
        cache = self._cache if doc.vocab is self.vocab else {}
        table = self.table
        lemmas = []
        for h in doc.to_array(LOWER).tolist():
            lem = cache.get(h)
            if lem is None:
                low = strings[h]
                lem = cache[h] = strings.add(table.get(low, low))
            lemmas.append(lem)
        doc.from_array([LEMMA], numpy.asarray(lemmas, dtype="uint64").reshape(n, 1))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128):
        for doc in docs:
            yield self(doc)

    def to_disk(self, path, *, exclude=tuple()):
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_msgpack(path / "table.msgpack", dict(sorted(self.table.items())))

    def from_disk(self, path, *, exclude=tuple()):
        self.table = dict(srsly.read_msgpack(Path(path) / "table.msgpack"))
        self._cache = {}
        return self

    def to_bytes(self, *, exclude=tuple()):
        return srsly.msgpack_dumps(dict(sorted(self.table.items())))

    def from_bytes(self, data, *, exclude=tuple()):
        self.table = dict(srsly.msgpack_loads(data))
        self._cache = {}
        return self


@Language.factory("tc_lemmatizer")
def make_lemmatizer(nlp: Language, name: str) -> LowerLookupLemmatizer:
    return LowerLookupLemmatizer(nlp, name)


def blank_pipeline(embedder=None) -> Language:
    """spacy.blank("en") with the lemmatizer (initialised) and, given an embedder (an
    object with ``encode(texts)`` and ``dim``), the ``tc_embedder`` component."""
    from .embed import make_embedder  # noqa: F401 - registers tc_embedder and Doc._.embedding

    nlp = spacy.blank("en")
    nlp.add_pipe("tc_lemmatizer")
    nlp.get_pipe("tc_lemmatizer").initialize()
    if embedder is not None:
        nlp.add_pipe("tc_embedder")
        nlp.get_pipe("tc_embedder").embedder = embedder
    return nlp


def make_docs(nlp: Language, texts: Sequence[str], batch_size: int = 256) -> list[Doc]:
    return list(nlp.pipe(texts, batch_size=batch_size))
