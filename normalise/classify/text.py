"""spaCy pieces shared by every classifier: the text a label is read from, a lower-casing
lookup lemmatizer, and a bag-of-lemma-ngrams text classifier architecture.

The pipeline starts from ``spacy.blank("en")`` (pretrained pipelines are not used). The
lemma table comes from spacy-lookups-data at training time and is stored with the trained
pipeline, so loading needs nothing but the files in models/classifier/.
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
from thinc.api import Logistic, Model, SparseLinear_v2, chain, resizable, with_cpu
from thinc.layers.resizable import resize_linear_weighted

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


# --- text classifier architecture -------------------------------------------------------

def extract_lemma_ngrams(ngram_size: int) -> Model:
    """Hashed lemma n-grams with counts, like spacy.ml.extract_ngrams, but safe for docs
    shorter than n (an empty action must not break a batch)."""
    return Model("extract_lemma_ngrams", _ngrams_forward, attrs={"ngram_size": ngram_size})


def _ngrams_forward(model: Model, docs, is_train: bool):
    ops, xp = model.ops, model.ops.xp
    keys_all, vals_all, lengths = [], [], []
    for doc in docs:
        unigrams = ops.asarray(doc.to_array([LEMMA]))
        grams = [unigrams]
        for n in range(2, model.attrs["ngram_size"] + 1):
            if unigrams.shape[0] >= n:
                grams.append(ops.ngrams(n, unigrams))
        keys = xp.concatenate(grams) if unigrams.shape[0] else xp.zeros((0,), dtype="uint64")
        keys, vals = xp.unique(keys, return_counts=True)
        keys_all.append(keys.astype("uint64"))
        vals_all.append(vals)
        lengths.append(keys.shape[0])
    batch_keys = xp.concatenate(keys_all) if keys_all else xp.zeros((0,), dtype="uint64")
    batch_vals = ops.asarray(xp.concatenate(vals_all) if vals_all else xp.zeros((0,)), dtype="f")
    return (batch_keys, batch_vals, ops.asarray(lengths, dtype="int32")), lambda dY: []


@spacy.registry.architectures("tcplans.LemmaBow.v1")
def build_lemma_bow(exclusive_classes: bool, ngram_size: int, length: int = 32768,
                    nO: int | None = None) -> Model:
    """spaCy's TextCatBOW.v3 (hashed n-grams -> sparse linear -> logistic), reading the
    lower-cased lemma instead of the verbatim token, so "Committees" and "committee" are
    one feature. Small (length x labels floats) and fast."""
    from spacy.ml.models.textcat import resize_and_set_ref

    if exclusive_classes:
        raise ValueError("tcplans.LemmaBow.v1 is multi-label only")
    length = 2 ** (length - 1).bit_length()
    sparse = SparseLinear_v2(nO=nO, length=length)
    resizable_layer = resizable(sparse, resize_layer=lambda *a, **k: resize_linear_weighted(*a, **k, fill_defaults={"b": -5000, "W": 0}))
    model = with_cpu(chain(extract_lemma_ngrams(ngram_size), resizable_layer), resizable_layer.ops)
    model = chain(model, with_cpu(Logistic(), resizable_layer.ops))
    if nO is not None:
        model.set_dim("nO", nO)
    model.set_ref("output_layer", sparse)
    model.attrs["multi_label"] = True
    model.attrs["resize_output"] = lambda m, new_nO: resize_and_set_ref(m, new_nO, resizable_layer)
    return model


def blank_pipeline() -> Language:
    """spacy.blank("en") with the lemmatizer, initialised (no classifier yet)."""
    nlp = spacy.blank("en")
    nlp.add_pipe("tc_lemmatizer")
    nlp.get_pipe("tc_lemmatizer").initialize()
    return nlp


def make_docs(nlp: Language, texts: Sequence[str], batch_size: int = 256) -> list[Doc]:
    return list(nlp.pipe(texts, batch_size=batch_size))
