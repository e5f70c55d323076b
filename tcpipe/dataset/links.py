"""Actions linked across plans: a progress report's rows to the plan actions they report
on, and an earlier plan's actions to the later plan's (continued, split, merged), with
each earlier action's fate and the later plan's new actions.

Deterministic and explainable: the score of a pair is a weighted mean of cosine
similarities (TF-IDF over stemmed words and word pairs, over character n-grams, over the
aims' texts, and static sentence embeddings when models/embeddings/ is shipped), one
matrix per pair of plans (no pairwise calls to anything); pairs are chosen by a one-to-one
assignment (scipy's linear_sum_assignment) and then few-to-few extensions for splits and
merges. Thresholds and vocabularies are in models/links.yaml. Pure: no disk access except
loading that file (and the embedding model) once.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable, Literal, Sequence

import numpy as np
from pydantic import BaseModel, ConfigDict

from extract.vocabulary import MODELS_DIR, read_yaml

KINDS = ("continued", "split", "merged")
FATES = ("continued", "completed", "dropped")


# ---------------------------------------------------------------- configuration

class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Weights(_Strict):
    words: float
    context_words: float
    context_chars: float
    aim: float
    embedding: float
    owner: float = 0.0
    pillar: float = 0.0
    # the embedding part's weight when the plans name no owners (no owner part at all): the
    # meaning of the texts then carries what the office carried (None: `embedding` as always)
    embedding_without_owner: float | None = None


class SimilarityCfg(_Strict):
    weights: Weights
    same_objective: float
    key_terms: int
    relative_floor: float = 0.01
    # the owner part counts in full when owners agree on the pair's clearest text matches by
    # this much more than on any two actions (see owner_reliability); less, in proportion;
    # None: always in full
    owner_gain_full: float | None = None
    # the embedding part's cosines after each plan's mean embedding is taken away (what all
    # of a plan's actions share says nothing about which two go together)
    embedding_centred: bool = False
    # acronyms the plans define ("Excellence in Education Awards (EEA)") read as their full
    # names wherever either plan uses them
    expand_acronyms: bool = False
    # how the two sides of the relative score (the pair seen from the earlier action's row and
    # from the later action's column) are combined: "mean", or "geometric" (the geometric mean
    # when the pair stands out on both sides, else the lower side: a pair must stand out for
    # both of its actions, not hugely for one and barely for the other)
    relative_combine: Literal["mean", "geometric"] = "mean"


class LinkCfg(_Strict):
    continued: float
    extra: float
    extra_ratio: float
    min_score: float = 0.0
    # what the one-to-one assignment maximises: "all" (the sum over every pair it makes, those
    # below `continued` too, which then decide which eligible pairs it keeps), "excess" (only
    # how far eligible pairs stand above `continued`), "eligible" (the eligible pairs' own
    # scores, the others count nothing)
    assignment: Literal["all", "excess", "eligible"] = "all"
    # the plans' order as evidence (order_pairs): a pair below `continued`, from this relative
    # score, that is each other's best and whose actions are both still unlinked is linked when
    # it keeps the order of the links already made (their agreement with it at least
    # order_agreement) and those links themselves keep the plans' order (Kendall's tau among
    # them at least order_plan_min). None: off
    order_band: float | None = None
    order_agreement: float = 0.35
    order_plan_min: float = 0.4


class AttachCfg(_Strict):
    id_min_similarity: float
    text: float
    assigned: float = 0.06


class FateCfg(_Strict):
    completed_terms: list[str]
    negations: list[str]
    # a note (status words first, then the update) OPENING with one of these says the action
    # is complete ("Done", "Blue" of a BRAG scale): words too loose for anywhere in an update
    # ("Audit done; no money yet") but plain as the status itself
    completed_statuses: list[str] = []
    # ...and a note OPENING with one of these ("Amber", "On track") says the action is still
    # under way, whatever its update says was finished ("Amber. Diagnostic laboratory
    # procedures complete; the hospitals and the farm are in progress"): the status cell
    # speaks for the action, the update for a part of it
    in_progress_statuses: list[str] = []
    # a note calling the action complete that also says it goes on ("Complete: formed in
    # November 2020, meets termly"; one of these, whole words) set up something that lasts:
    # its link to the later plan is kept whatever its score, as a recurring action's is
    ongoing_terms: list[str] = []
    completed_link_min: float = 0.0
    # an action its latest progress report calls not begun ("Not started", "not run") keeps
    # a link only from this combined score (None: any)
    stalled_terms: list[str] = []
    stalled_link_min: float | None = None
    # a completion term followed by one of these is a verb with an object ("twelve
    # technicians completed the first run"): people finished something, the action is not
    # said to be complete
    object_openers: list[str] = []
    # the later plan's prose (documents.passages: an introduction, a "what the last plan
    # achieved" list): a passage states completion with one of these words, not preceded
    # within three words by a negation or one of passage_negations ("will be launched"), and
    # neither it nor the paragraph it sits under says progress was slow or missing
    # (passage_stalled_terms). An unlinked earlier action no report calls complete is
    # 'completed' when its most similar passage states completion at this combined score
    # (None: passages are never read)
    passage_completed_terms: list[str] = []
    passage_negations: list[str] = []
    passage_stalled_terms: list[str] = []
    passage_min: float | None = None
    # a list item also states completion when the paragraph it sits under does ("notable
    # successes were achieved, including:")
    passage_lead_counts: bool = False
    # recurrences (the dataset's reading of the timeframe) of actions that are done again
    # each period: one its report calls complete keeps its link whatever the score...
    recurring: list[str] = []
    # ...unless the later action is read as one of these (a one-off): a yearly event done
    # is held again in a yearly action, not in a one-off task on the same subject
    one_off: list[str] = []


class PlansCfg(_Strict):
    same_plan_share: float
    report_share: float
    progress_share: float
    web_copy_name_tokens: list[str]
    update_min_words: int = 4
    report_title_terms: list[str] = []


class LinksConfig(_Strict):
    version: str
    plans: PlansCfg
    similarity: SimilarityCfg
    links: LinkCfg
    attach: AttachCfg
    fates: FateCfg
    stopwords: list[str]


@lru_cache(maxsize=4)
def load_config(path: Path | None = None) -> LinksConfig:
    path = Path(path or MODELS_DIR / "links.yaml")
    return LinksConfig.model_validate(read_yaml(path))


Embedder = Callable[[Sequence[str]], np.ndarray]


@lru_cache(maxsize=1)
def default_embedder() -> Embedder | None:
    """The labeller's static sentence embeddings (models/embeddings/) when shipped, else
    None: the similarity then uses the lexical parts alone."""
    folder = MODELS_DIR / "embeddings"
    if not (folder / "model.safetensors").exists():
        return None
    try:
        from normalise.classify.embed import StaticEmbedder
        return StaticEmbedder(folder).encode
    except Exception:  # noqa: BLE001 - no model, no embedding part: never a failure
        return None


# ---------------------------------------------------------------- inputs and outputs

@dataclass(frozen=True)
class ActionRef:
    """What linking needs of one action row."""
    row_id: str
    text: str
    action_id: str | None = None
    aim: str | None = None
    rag_status: str | None = None
    progress: str | None = None
    status: str | None = None    # the status cell's own words ("Complete", "On track") when it had some
    pillars: tuple[str, ...] = ()  # the row's pillar labels (the labeller's or the document's), when known
    owner: str | None = None       # who leads it ("HR Business Partner"): an office often keeps its action
    recurrence: str | None = None  # monthly / termly / annual / once ... (the dataset's reading of the timeframe)


@dataclass(frozen=True)
class PassageRef:
    """What fates need of one passage of the later plan's prose (documents.passages)."""
    text: str
    page: int | None = None
    lead: str | None = None        # the paragraph a list item sits under (its lead-in sentence)


@dataclass(frozen=True)
class Link:
    from_row_id: str
    to_row_id: str
    kind: str                    # continued / split / merged
    score: float                 # the combined similarity the link was chosen on
    similarity: dict[str, float]  # each part: words, context_words, context_chars, aim, embedding
    shared_terms: tuple[str, ...]
    same_objective: bool


@dataclass(frozen=True)
class CycleLinks:
    links: list[Link]
    fates: dict[str, str]        # earlier row_id -> continued / completed / dropped
    new: list[str]               # later row_ids nothing links to
    fate_evidence: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Attachment:
    report_row_id: str
    plan_row_id: str | None
    score: float | None
    how: str                     # id / text / unmatched


# ---------------------------------------------------------------- text features

_WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
_OWNER_LABELS = re.compile(r"\b(action owner|owner|lead|supported by|responsible)\s*:", re.I)
_SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ed", "es", "s")


def stem(word: str) -> str:
    """A light suffix stripper: enough to meet appraisal/appraisals, meet/meetings. A
    hyphenated word (an equivalence group's canonical term among them) is kept whole."""
    if "-" in word:
        return word
    for suf in _SUFFIXES:
        if word.endswith(suf) and len(word) - len(suf) >= 4:
            word = word[: -len(suf)]
            break
    return word


@lru_cache(maxsize=4)
def load_equivalents(path: Path | None = None) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The sector's equivalent terms (models/link_equivalents.yaml): (canonical term, its
    other forms), each form a lower-case phrase."""
    path = Path(path or MODELS_DIR / "link_equivalents.yaml")
    if not path.exists():
        return ()
    groups = (read_yaml(path) or {}).get("equivalents") or []
    return tuple((str(g[0]).lower(), tuple(str(x).lower() for x in g[1:])) for g in groups if len(g) > 1)


@lru_cache(maxsize=4)
def _equivalence_pattern(groups: tuple[tuple[str, tuple[str, ...]], ...]):
    to_canon = {}
    for canon, forms in groups:
        token = "-".join(_WORD.findall(canon))
        for f in (canon,) + forms:
            to_canon.setdefault(" ".join(_WORD.findall(f)), token)
    if not to_canon:
        return None, {}
    # longest phrase first, whole words only, plural -s allowed
    alts = sorted(to_canon, key=len, reverse=True)
    pat = re.compile(r"(?<![a-z0-9])(" + "|".join(r"\s+".join(map(re.escape, a.split())) for a in alts)
                     + r")s?(?![a-z0-9])")
    return pat, to_canon


def canonical(text: str, groups: tuple[tuple[str, tuple[str, ...]], ...] = ()) -> str:
    """Lower-cased text with each equivalent term replaced by its group's canonical form
    ("appraisal", "PDR" and "performance and development review" all read "appraisal")."""
    low = (text or "").lower()
    pat, to_canon = _equivalence_pattern(groups)
    if pat is None:
        return low
    return pat.sub(lambda m: " " + to_canon[" ".join(m.group(1).split())] + " ", low)


def words(text: str, stop: frozenset[str]) -> list[str]:
    toks = [t.replace("'", "") for t in _WORD.findall((text or "").lower())]
    return [stem(t) for t in toks if t not in stop and len(t) > 1]


def word_features(text: str, stop: frozenset[str]) -> list[str]:
    ws = words(text, stop)
    return ws + [f"{a} {b}" for a, b in zip(ws, ws[1:])]


def char_features(text: str, stop: frozenset[str]) -> list[str]:
    out = []
    for w in words(text, stop):
        w = f" {w} "
        for n in (3, 4, 5):
            out += [w[i:i + n] for i in range(max(len(w) - n + 1, 1))]
    return out


def tfidf(docs: list[list[str]]) -> tuple[np.ndarray, list[str]]:
    """L2-normalised TF-IDF rows (sublinear tf, smoothed idf) and the vocabulary."""
    vocab: dict[str, int] = {}
    for d in docs:
        for t in d:
            vocab.setdefault(t, len(vocab))
    m = np.zeros((len(docs), max(len(vocab), 1)))
    for i, d in enumerate(docs):
        for t in d:
            m[i, vocab[t]] += 1.0
    df = (m > 0).sum(axis=0)
    idf = np.log((1 + len(docs)) / (1 + df)) + 1.0
    m = np.where(m > 0, 1.0 + np.log(np.where(m > 0, m, 1.0)), 0.0) * idf
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    return m / np.where(norms > 0, norms, 1.0), sorted(vocab, key=vocab.get)


_ACRONYM_DEF = re.compile(r"((?:[A-Za-z][\w'&-]*\s+){1,8}?)\(\s*([A-Z][A-Za-z]{1,7}?)(s)?\s*\)")
_SMALL_WORDS = frozenset({"of", "and", "for", "in", "the", "&", "on", "to", "at", "a", "an"})


def acronyms(texts: Sequence[str]) -> dict[str, str]:
    """Acronyms the texts define, each with its full name: "Excellence in Education Awards
    (EEA)", "Performance and Development Reviews (PDRs)". A definition counts only when the
    initials of the words before the brackets (small words such as "in" and "and" left out)
    spell the acronym, so "(see below)" or "(2024)" define nothing."""
    out: dict[str, str] = {}
    for text in texts:
        for m in _ACRONYM_DEF.finditer(text or ""):
            acr = m.group(2)
            if not acr.isupper() or len(acr) < 2:
                continue
            words = m.group(1).split()
            big = [i for i, w in enumerate(words) if w.lower() not in _SMALL_WORDS]
            if len(big) < len(acr):
                continue
            first = big[-len(acr)]
            if "".join(words[i][0].upper() for i in big[-len(acr):]) == acr:
                out.setdefault(acr, " ".join(words[first:]))
    return out


def expand_acronyms(text: str, table: dict[str, str]) -> str:
    """The text with each defined acronym read as its full name (a definition's own
    bracket dropped, so the name is not counted twice)."""
    if not table or not text:
        return text
    for acr, full in table.items():
        text = re.sub(rf"\(\s*{acr}s?\s*\)", " ", text)
        text = re.sub(rf"(?<![A-Za-z]){acr}(s?)(?![A-Za-z])", lambda m: full if full.endswith("s") else full + m.group(1), text)
    return text


@dataclass(frozen=True)
class Similarity:
    score: np.ndarray                 # combined, len(a) x len(b)
    parts: dict[str, np.ndarray]      # each part's cosine matrix (see models/links.yaml)
    word_a: np.ndarray                # TF-IDF rows (for shared key terms)
    word_b: np.ndarray
    vocab: list[str]


def similarity(a: Sequence[ActionRef], b: Sequence[ActionRef], cfg: LinksConfig,
               embed: Embedder | None = None, equivalents=None) -> Similarity:
    """Every pair of a x b in one pass: TF-IDF fitted on both lists together, over the
    texts with the sector's equivalent terms made one (models/link_equivalents.yaml;
    `equivalents=()` leaves them apart)."""
    stop = frozenset(cfg.stopwords)
    groups = load_equivalents() if equivalents is None else tuple(equivalents)
    raw_texts = [r.text for r in a] + [r.text for r in b]
    raw_aims = [r.aim or "" for r in a] + [r.aim or "" for r in b]
    expand = (acronyms(raw_texts + raw_aims + [r.owner or "" for r in list(a) + list(b)])
              if cfg.similarity.expand_acronyms else {})
    texts = [canonical(expand_acronyms(t, expand), groups) for t in raw_texts]
    aims = [canonical(expand_acronyms(t, expand), groups) for t in raw_aims]
    context = [f"{t} {m}" for t, m in zip(texts, aims)]
    n = len(a)
    wm, vocab = tfidf([word_features(t, stop) for t in texts])
    xm, _ = tfidf([word_features(t, stop) for t in context])
    cm, _ = tfidf([char_features(t, stop) for t in context])
    am, _ = tfidf([word_features(t, stop) for t in aims])
    parts = {"words": wm[:n] @ wm[n:].T, "context_words": xm[:n] @ xm[n:].T,
             "context_chars": cm[:n] @ cm[n:].T, "aim": am[:n] @ am[n:].T}
    w = cfg.similarity.weights
    weights = {"words": w.words, "context_words": w.context_words, "context_chars": w.context_chars,
               "aim": w.aim}
    if embed is not None and texts and w.embedding:
        e = np.asarray(embed(raw_texts), dtype=np.float64)
        if cfg.similarity.embedding_centred and n >= 3 and len(texts) - n >= 3:
            e = np.vstack([_centred(e[:n]), _centred(e[n:])])
        parts["embedding"] = np.clip(e[:n] @ e[n:].T, 0.0, 1.0)
        weights["embedding"] = w.embedding
    # who leads it: the owners' words (labels such as "Action owner:" left out), TF-IDF over
    # both plans, so an office named by every action ("TC Lead") weighs little; a part only
    # when both plans name owners on most rows
    owners = [_OWNER_LABELS.sub(" ", r.owner or "") for r in list(a) + list(b)]
    named = [bool(words(o, stop)) for o in owners]
    if a and b and np.mean(named[:n]) >= 0.5 and np.mean(named[n:]) >= 0.5 and w.owner:
        om, _ = tfidf([words(o, stop) for o in owners])
        parts["owner"] = om[:n] @ om[n:].T
        weights["owner"] = w.owner * owner_reliability(parts, cfg.similarity.owner_gain_full)
    elif "embedding" in weights and w.embedding_without_owner is not None:
        weights["embedding"] = w.embedding_without_owner
    # the same pillar labels (Jaccard), when both plans' rows have them
    pa_ = [set(r.pillars) for r in a]
    pb_ = [set(r.pillars) for r in b]
    if a and b and any(pa_) and any(pb_) and w.pillar:
        parts["pillar"] = np.array([[len(x & y) / len(x | y) if x and y else 0.0 for y in pb_] for x in pa_])
        weights["pillar"] = w.pillar
    total = sum(weights.values()) or 1.0
    score = sum(parts[k] * (weights[k] / total) for k in weights)
    if not isinstance(score, np.ndarray):
        score = np.zeros((len(a), len(b)))
    return Similarity(np.round(score, 6), parts, wm[:n], wm[n:], vocab)


def _centred(e: np.ndarray) -> np.ndarray:
    """One plan's embeddings less the plan's mean, re-normalised: the cosines then say which
    two actions are alike beyond what every action of the plan shares (a static model puts
    any two actions of a plan near 0.54)."""
    e = e - e.mean(axis=0, keepdims=True)
    return e / np.maximum(np.linalg.norm(e, axis=1, keepdims=True), 1e-12)


def text_anchors(parts: dict[str, np.ndarray]) -> list[tuple[int, int]]:
    """The pair's clearest matches on the words alone: pairs that are each other's best
    on the mean of the lexical parts (words, context words, context characters)."""
    t = (parts["words"] + parts["context_words"] + parts["context_chars"]) / 3.0
    if t.size == 0:
        return []
    rb, cb = t.argmax(axis=1), t.argmax(axis=0)
    return [(i, int(rb[i])) for i in range(t.shape[0]) if cb[rb[i]] == i and t[i, rb[i]] > 0]


def owner_reliability(parts: dict[str, np.ndarray], gain_full: float | None) -> float:
    """How far the owners can be trusted for THIS pair of plans, from the plans themselves:
    how much more the owners of the clearest text matches (text_anchors) agree than any two
    actions' owners, as a share of what is left to agree ((anchor mean - overall mean) /
    (1 - overall mean)), over gain_full, within 0..1. An institution that keeps its offices
    gives its carried-forward actions the same owner; one that reorganised (Essex 2024-27:
    a TC Lead and a TCWG Chair own most actions, neither existed in 2020-23) does not, and
    there the owner part would pull links towards the wrong rows."""
    if gain_full is None:
        return 1.0
    owner, anchors = parts["owner"], text_anchors(parts)
    if not anchors or owner.size == 0:
        return 0.0
    overall = float(owner.mean())
    on_anchors = float(np.mean([owner[i, j] for i, j in anchors]))
    gain = (on_anchors - overall) / max(1.0 - overall, 1e-9)
    return float(min(max(gain / gain_full, 0.0), 1.0))


def shared_terms(sim: Similarity, i: int, j: int, k: int) -> tuple[str, ...]:
    both = np.minimum(sim.word_a[i], sim.word_b[j])
    idx = [t for t in np.argsort(-both, kind="stable")[:k] if both[t] > 0]
    return tuple(sim.vocab[t] for t in idx)


def relative(score: np.ndarray, floor: float, combine: str = "mean") -> np.ndarray:
    """How far a pair stands out: the pair's score less the mean of the same earlier
    action's other pairs, over their spread (at least `floor`), combined with the same
    seen from the later action: their mean, or with combine="geometric" their geometric
    mean where both are positive, else the lower of the two (continuous at zero). Raw
    cosines depend on how wordy a plan is; this does not, and it separates a reworded
    continuation from an unrelated action that shares the plan's common words."""
    def side(m: np.ndarray) -> np.ndarray:
        n = m.shape[1]
        if n < 3:
            return m / floor
        s1, s2 = m.sum(axis=1, keepdims=True), (m * m).sum(axis=1, keepdims=True)
        mu = (s1 - m) / (n - 1)
        var = np.maximum((s2 - m * m) / (n - 1) - mu * mu, 0.0)
        return (m - mu) / np.maximum(np.sqrt(var), floor)
    if score.size == 0:
        return score.copy()
    rows, cols = side(score), side(score.T).T
    if combine == "geometric":
        both = (rows > 0) & (cols > 0)
        return np.round(np.where(both, np.sqrt(np.maximum(rows, 0.0) * np.maximum(cols, 0.0)),
                                 np.minimum(rows, cols)), 6)
    return np.round((rows + cols) / 2, 6)


# ---------------------------------------------------------------- pair features

PAIR_FEATURES = ("score", "relative", "words", "context_words", "context_chars", "aim", "embedding",
                 "embedding_relative", "row_margin", "col_margin", "row_rank", "col_rank", "same_id",
                 "same_pillar", "length_ratio", "owner", "same_recurrence")



@dataclass(frozen=True)
class PairFeatures:
    """Every pair of two action lists described by the features a link decision reads
    (PAIR_FEATURES, in that order on the last axis)."""
    values: np.ndarray            # len(a) x len(b) x len(PAIR_FEATURES)
    sim: Similarity
    relative: np.ndarray          # the combined score's relative form (see relative())

    def feature(self, name: str) -> np.ndarray:
        return self.values[:, :, PAIR_FEATURES.index(name)]


def _margins(m: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each pair's score less the best OTHER score of its row (and of its column): positive
    for the row's best pair, by how much it leads."""
    def side(x: np.ndarray) -> np.ndarray:
        if x.shape[1] < 2:
            return x.copy()
        order = np.sort(x, axis=1)
        best, second = order[:, -1:], order[:, -2:-1]
        other = np.where(x >= best, second, best)
        return x - other
    return side(m), side(m.T).T


def _ranks(m: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """1 / (1 + rank) of each pair within its row and within its column (best = 1)."""
    def side(x: np.ndarray) -> np.ndarray:
        r = np.argsort(np.argsort(-x, axis=1, kind="stable"), axis=1, kind="stable")
        return 1.0 / (1.0 + r)
    return side(m), side(m.T).T


def pair_features(a: Sequence[ActionRef], b: Sequence[ActionRef], cfg: LinksConfig,
                  embed: Embedder | None = None, equivalents=None) -> PairFeatures:
    """The features of every pair of a x b: the similarity parts (lexical over the
    equivalence-normalised texts, the static embedding's cosine), how far the pair stands
    out in its row and column (relative score, margins over the next best, ranks), the same
    action id, the same pillar labels, and the length ratio. One matrix pass, no pair loop."""
    sim = similarity(a, b, cfg, embed, equivalents)
    n, m = len(a), len(b)
    floor = cfg.similarity.relative_floor
    rel = relative(sim.score, floor, cfg.similarity.relative_combine) if sim.score.size else sim.score
    emb = sim.parts.get("embedding")
    if emb is None:
        emb = np.zeros((n, m))
    emb_rel = relative(emb, floor) / 10.0 if emb.size else emb
    row_margin, col_margin = _margins(sim.score) if sim.score.size else (sim.score, sim.score)
    row_rank, col_rank = _ranks(sim.score) if sim.score.size else (sim.score, sim.score)
    ida = [norm_id(r.action_id) for r in a]
    idb = [norm_id(r.action_id) for r in b]
    same_id = np.array([[float(x is not None and x == y) for y in idb] for x in ida]).reshape(n, m)
    same_pillar = sim.parts.get("pillar", np.zeros((n, m)))
    stop = frozenset(cfg.stopwords)
    la = np.array([len(words(r.text, stop)) for r in a], dtype=float)
    lb = np.array([len(words(r.text, stop)) for r in b], dtype=float)
    length_ratio = np.minimum.outer(la, lb) / np.maximum(np.maximum.outer(la, lb), 1.0)
    owner = sim.parts.get("owner", np.zeros((n, m)))
    ra = [(r.recurrence or "").lower() for r in a]
    rb = [(r.recurrence or "").lower() for r in b]
    same_rec = np.array([[float(bool(x) and x == y and x != "once") for y in rb] for x in ra]).reshape(n, m)
    cols = {"score": sim.score, "relative": rel / 10.0, "words": sim.parts["words"],
            "context_words": sim.parts["context_words"], "context_chars": sim.parts["context_chars"],
            "aim": sim.parts["aim"], "embedding": emb, "embedding_relative": emb_rel, "row_margin": row_margin,
            "col_margin": col_margin, "row_rank": row_rank, "col_rank": col_rank, "same_id": same_id,
            "same_pillar": same_pillar, "length_ratio": length_ratio, "owner": owner, "same_recurrence": same_rec}
    values = np.stack([np.asarray(cols[k], dtype=np.float64).reshape(n, m) for k in PAIR_FEATURES], axis=-1)
    return PairFeatures(values, sim, rel)


def pair_probability(values: np.ndarray, coefficients: Sequence[float], intercept: float) -> np.ndarray:
    """The pair classifier (a logistic model, coefficients in models/links.yaml, fitted by
    training/links_pairs.py): the probability that each pair is a link."""
    z = values @ np.asarray(coefficients, dtype=np.float64) + intercept
    return 1.0 / (1.0 + np.exp(-np.clip(z, -40, 40)))


# ---------------------------------------------------------------- assignment

def _assign(score: np.ndarray) -> list[tuple[int, int]]:
    from scipy.optimize import linear_sum_assignment
    if score.size == 0:
        return []
    rows, cols = linear_sum_assignment(-score)
    return sorted(zip(rows.tolist(), cols.tolist()))


def choose_pairs(score: np.ndarray, cfg: LinkCfg, raw: np.ndarray | None = None) -> list[tuple[int, int]]:
    """One-to-one pairs from cfg.continued, then splits (a later action left over joins
    the earlier action it is most like) and merges (an earlier action left over joins the
    later action it is most like), each only from cfg.extra and within cfg.extra_ratio of
    the link it joins. Ties break by position: deterministic. `score` is what the
    thresholds are on (link_plans: the relative score); the share of the first link is
    taken on `raw` (the combined similarity) when given: two siblings of a split widen
    each other's spread, so their relative scores differ more than their similarities."""
    raw = score if raw is None else raw
    # (the assignment over every pair maximises a sum that pairs below the threshold are part
    # of: two of them, never kept, could outweigh one eligible pair and drop it)
    if cfg.assignment == "excess":
        target = np.maximum(score - cfg.continued, 0.0)
    elif cfg.assignment == "eligible":
        target = np.where(score >= cfg.continued, score, 0.0)
    else:
        target = score
    pairs = [(i, j) for i, j in _assign(target) if score[i, j] >= cfg.continued]
    first_of_from = {i: raw[i, j] for i, j in pairs}
    first_of_to = {j: raw[i, j] for i, j in pairs}
    extra = []
    for j in range(score.shape[1]):
        if j in first_of_to:
            continue
        i = int(np.argmax(score[:, j])) if score.shape[0] else -1
        if i in first_of_from and score[i, j] >= cfg.extra and raw[i, j] >= cfg.extra_ratio * first_of_from[i]:
            extra.append((i, j))
    for i in range(score.shape[0]):
        if i in first_of_from:
            continue
        j = int(np.argmax(score[i])) if score.shape[1] else -1
        if j in first_of_to and score[i, j] >= cfg.extra and raw[i, j] >= cfg.extra_ratio * first_of_to[j]:
            extra.append((i, j))
    chosen = sorted(set(pairs) | set(extra))
    return sorted(set(chosen) | set(order_pairs(score, chosen, cfg)))


def order_agreement(links: Sequence[tuple[int, int]], n: int, m: int) -> tuple[np.ndarray, float]:
    """How far each pair of an n x m matrix keeps the order of the given links: over the
    links, the mean of sign(i - k) * sign(j - l) (1: every link lies on the same side of it in
    both plans; -1: every one crosses it; links sharing its row or column count nothing), and
    the links' own Kendall's tau (how far the plans keep their order at all). Continuations
    mostly keep their relative order, also when a later plan renumbers them (gold links of the
    tuning pairs: tau 0.65 to 0.99, Essex, reorganised, 0.43)."""
    if len(links) < 4:          # too few links to say whether the plans keep their order
        return np.zeros((n, m)), 0.0
    k = np.array([a for a, _ in links])
    l_ = np.array([b for _, b in links])
    si = np.sign(np.arange(n)[:, None] - k[None, :])
    sj = np.sign(np.arange(m)[:, None] - l_[None, :])
    agree = (si @ sj.T) / np.maximum(np.abs(si) @ np.abs(sj).T, 1.0)
    both = np.sign(k[:, None] - k[None, :]) * np.sign(l_[:, None] - l_[None, :])
    upper = both[np.triu_indices(len(links), 1)]
    decided = int((upper != 0).sum())
    return agree, (float(upper.sum()) / decided if decided else 0.0)


def order_pairs(score: np.ndarray, chosen: Sequence[tuple[int, int]], cfg: LinkCfg) -> list[tuple[int, int]]:
    """Pairs below cfg.continued that the plans' order vouches for: each other's best on
    `score`, both actions still unlinked, from cfg.order_band, and keeping the order of the
    links already chosen (order_agreement >= cfg.order_agreement) where those links keep the
    plans' order (their tau >= cfg.order_plan_min). A reworded continuation that stands out for
    both of its actions, but less than the bar asks, sits where the neighbouring links put it;
    a trap that shares words with it seldom does."""
    if cfg.order_band is None or score.size == 0:
        return []
    agree, tau = order_agreement(chosen, *score.shape)
    if tau < cfg.order_plan_min:
        return []
    linked_a, linked_b = {i for i, _ in chosen}, {j for _, j in chosen}
    best_j, best_i = score.argmax(axis=1), score.argmax(axis=0)
    out = []
    for i in range(score.shape[0]):
        j = int(best_j[i])
        if (i in linked_a or j in linked_b or best_i[j] != i
                or not cfg.order_band <= score[i, j] < cfg.continued or agree[i, j] < cfg.order_agreement):
            continue
        out.append((i, j))
    return out


def _kinds(pairs: list[tuple[int, int]]) -> dict[tuple[int, int], str]:
    outs: dict[int, int] = {}
    ins: dict[int, int] = {}
    for i, j in pairs:
        outs[i] = outs.get(i, 0) + 1
        ins[j] = ins.get(j, 0) + 1
    return {(i, j): "split" if outs[i] > 1 else "merged" if ins[j] > 1 else "continued" for i, j in pairs}


# ---------------------------------------------------------------- fates

def completion_note(ref: ActionRef) -> str | None:
    """What a row says of its own state: its status words and its progress update."""
    parts = [t for t in (ref.status, ref.progress) if t]
    return ". ".join(parts) if parts else None


def _has_term(low: str, terms: Sequence[str], negs: set[str], objects: set[str] | None = None) -> bool:
    """Whether lower-cased `low` holds one of `terms` as whole words, not within three words
    after a negation in `negs`; with `objects`, not when the next word is one of them or a
    number (the term is then a verb with its object)."""
    for term in sorted(terms, key=len, reverse=True):
        for m in re.finditer(rf"(?<![a-z]){re.escape(term.lower())}(?![a-z])", low):
            if objects is not None:
                after = re.match(r"\s+([a-z]+|\d+)\b", low[m.end():])
                if after and (after.group(1) in objects or after.group(1).isdigit()):
                    continue
            if not negs.intersection(re.findall(r"[a-z]+", low[: m.start()])[-3:]):
                return True
    return False


def says_completed(progress: str | None, cfg: FateCfg) -> bool:
    """Whether a progress update states the action is complete ("Completed in March
    2022", or a status that opens it: "Done", "Blue"), and not that it is not ("Not yet
    complete", "partially achieved")."""
    low = " ".join((progress or "").lower().split())
    if not low:
        return False
    opening = re.findall(r"[a-z]+", low)
    if any(opening[:len(w)] == w for w in (re.findall(r"[a-z]+", t.lower()) for t in cfg.in_progress_statuses) if w):
        return False
    for status in cfg.completed_statuses:
        words = re.findall(r"[a-z]+", status.lower())
        if words and opening[:len(words)] == words:
            return True
    # ("completed the course": a verb with its object, not a state)
    return _has_term(low, cfg.completed_terms, set(cfg.negations), objects=set(cfg.object_openers))


def says_stalled(progress: str | None, cfg: FateCfg) -> bool:
    """Whether a progress update says the action was never begun ("Not started", "Not run
    after 2020"): one of cfg.stalled_terms, whole words."""
    low = " ".join((progress or "").lower().split())
    return bool(low) and any(re.search(rf"(?<![a-z]){re.escape(t)}(?![a-z])", low) for t in cfg.stalled_terms)




def states_completion(passage: PassageRef, cfg: FateCfg) -> bool:
    """Whether a passage of the later plan says something was done ("Standardised job titles
    ... implemented", "Essex hosted the first ... conference"): one of
    cfg.passage_completed_terms, not negated nor future ("will be launched"), in a passage
    (or, with passage_lead_counts, the paragraph over a list item) that does not say
    progress was slow or missing."""
    low = " ".join((passage.text or "").lower().split())
    lead = " ".join((passage.lead or "").lower().split())
    stalled = [t.lower() for t in cfg.passage_stalled_terms]
    if any(re.search(rf"(?<![a-z]){re.escape(t)}(?![a-z])", x) for t in stalled for x in (low, lead) if x):
        return False
    negs = set(cfg.negations) | set(cfg.passage_negations)
    return _has_term(low, cfg.passage_completed_terms, negs) or bool(
        cfg.passage_lead_counts and lead and _has_term(lead, cfg.passage_completed_terms, negs))


def completed_in_passage(earlier: Sequence[ActionRef], passages: Sequence[PassageRef], cfg: LinksConfig,
                         embed: Embedder | None = None) -> dict[int, tuple[PassageRef, float]]:
    """Earlier action index -> the later plan's passage most like it (the links' combined
    similarity over the earlier actions and every passage) and its score, where that passage
    states completion (states_completion) and the score reaches cfg.fates.passage_min."""
    if cfg.fates.passage_min is None or not passages or not earlier:
        return {}
    refs = [ActionRef(f"passage-{k}", p.text) for k, p in enumerate(passages)]
    score = similarity(earlier, refs, cfg, embed).score
    done = [states_completion(p, cfg.fates) for p in passages]
    out = {}
    for i in range(len(earlier)):
        k = int(np.argmax(score[i]))
        if done[k] and score[i, k] >= cfg.fates.passage_min:
            out[i] = (passages[k], float(score[i, k]))
    return out


def says_ongoing(note: str | None, cfg: FateCfg) -> bool:
    """Whether a note says the action goes on (cfg.ongoing_terms, whole words): "formed in
    November 2020, meets termly", "first awarded in June 2021; to continue"."""
    low = " ".join((note or "").lower().split())
    return bool(low) and any(re.search(rf"(?<![a-z]){re.escape(t.lower())}(?![a-z])", low) for t in cfg.ongoing_terms)


def _recurs_on(earlier: ActionRef, later: ActionRef, cfg: FateCfg) -> bool:
    """Whether a recurring earlier action (cfg.recurring) goes on in this later action: one
    whose timeframe is not read as a one-off (cfg.one_off; unknown counts as not one)."""
    return ((earlier.recurrence or "").lower() in cfg.recurring
            and (later.recurrence or "").lower() not in cfg.one_off)


def link_plans(earlier: Sequence[ActionRef], later: Sequence[ActionRef], cfg: LinksConfig | None = None,
               embed: Embedder | None = None, progress: dict[str, str | None] | None = None,
               decisions: dict[tuple[str, str], bool] | None = None,
               passages: Sequence[PassageRef] | None = None) -> CycleLinks:
    """Links from each earlier action to the later actions that carry it forward, each
    earlier action's fate, and the later actions that are new.

    passages: the later plan's prose outside its rows (documents.passages): an unlinked
    action no report calls complete is 'completed' where the passage most like it says it
    was done (completed_in_passage).

    progress: earlier row_id -> the latest progress update attached to it (for
    'completed'). decisions: (from_row_id, to_row_id) -> True (a reviewer confirmed the
    link: kept whatever its score) or False (rejected: never made)."""
    cfg = cfg or load_config()
    decisions = decisions or {}
    sim = similarity(earlier, later, cfg, embed)
    rel = relative(sim.score, cfg.similarity.relative_floor, cfg.similarity.relative_combine)
    score = np.where(sim.score >= cfg.links.min_score, rel, -1.0)
    index_a = {r.row_id: i for i, r in enumerate(earlier)}
    index_b = {r.row_id: j for j, r in enumerate(later)}
    for (f, t), keep in decisions.items():
        if not keep and f in index_a and t in index_b:
            score[index_a[f], index_b[t]] = -1.0     # rejected: the assignment cannot pick it
    pairs = set(choose_pairs(score, cfg.links, np.where(score > -1.0, sim.score, -1.0)))
    for (f, t), keep in decisions.items():
        if keep and f in index_a and t in index_b:
            pairs.add((index_a[f], index_b[t]))
    # an action its progress report calls complete is carried forward only on a close match
    # (a one-off task done is seldom repeated; the later plan's nearest action is often
    # another task on the same subject)
    notes = {r.row_id: ((progress or {}).get(r.row_id) or completion_note(r)) for r in earlier}
    confirmed = {(index_a[f], index_b[t]) for (f, t), keep in decisions.items()
                 if keep and f in index_a and t in index_b}
    # (a recurring action - an awards evening each July - is done for the year, not for good,
    # and goes on in a later action that is not a one-off)
    pairs = sorted(p for p in pairs if p in confirmed or sim.score[p] >= cfg.fates.completed_link_min
                   or _recurs_on(earlier[p[0]], later[p[1]], cfg.fates)
                   or says_ongoing(notes[earlier[p[0]].row_id], cfg.fates)
                   or not says_completed(notes[earlier[p[0]].row_id], cfg.fates))
    # so is an action its report says was never begun: a task not started two years into
    # the plan was mostly abandoned, and the later plan's nearest action is then another
    # task on the same subject, not its continuation
    if cfg.fates.stalled_link_min is not None:
        pairs = [p for p in pairs if p in confirmed or sim.score[p] >= cfg.fates.stalled_link_min
                 or not says_stalled(progress.get(earlier[p[0]].row_id) if progress else None, cfg.fates)]
    kinds = _kinds(pairs)
    links = []
    for i, j in pairs:
        parts = {k: round(float(v[i, j]), 4) for k, v in sim.parts.items()}
        parts["relative"] = round(float(rel[i, j]), 4)
        links.append(Link(earlier[i].row_id, later[j].row_id, kinds[(i, j)], round(float(sim.score[i, j]), 4),
                          parts, shared_terms(sim, i, j, cfg.similarity.key_terms),
                          parts.get("aim", 0.0) >= cfg.similarity.same_objective))
    linked_to = {l.to_row_id for l in links}
    # the later plan's own word: a later row whose status or update says it is complete
    # reports on the past (a "what we achieved" row), it does not carry the action forward
    done_later = {j for j, r in enumerate(later) if says_completed(completion_note(r), cfg.fates)}
    goes_to: dict[int, set[int]] = {}
    for i, j in pairs:
        goes_to.setdefault(i, set()).add(j)
    stated = completed_in_passage(earlier, passages or (), cfg, embed)
    fates, why = {}, {}
    for i, r in enumerate(earlier):
        note = notes[r.row_id]
        targets = goes_to.get(i, set())
        best = int(np.argmax(sim.score[i])) if len(later) else -1
        if not targets and best >= 0 and best in done_later and sim.score[i, best] >= cfg.attach.text:
            targets_done, said = True, later[best]
        elif targets and targets <= done_later:
            targets_done, said = True, later[min(targets)]
        else:
            targets_done, said = False, None
        if targets_done:
            fates[r.row_id] = "completed"
            why[r.row_id] = f"later plan: {said.text[:80]} ({completion_note(said)})"
        elif targets:
            fates[r.row_id] = "continued"
            why[r.row_id] = "linked to the later plan"
        elif says_completed(note, cfg.fates):
            fates[r.row_id] = "completed"
            why[r.row_id] = f"progress report: {note}"
        elif i in stated:
            passage, value = stated[i]
            fates[r.row_id] = "completed"
            why[r.row_id] = (f"later plan{f', page {passage.page}' if passage.page else ''}: "
                             f"\"{passage.text[:600]}\" (similarity {value:.2f})")
        else:
            fates[r.row_id] = "dropped"
            why[r.row_id] = "no later action is like it and no report says it was completed"
    new = [r.row_id for j, r in enumerate(later) if r.row_id not in linked_to and j not in done_later]
    return CycleLinks(links, fates, new, why)


# ---------------------------------------------------------------- progress reports

def norm_id(action_id: str | None) -> str | None:
    if not action_id:
        return None
    return re.sub(r"[\s.\-–_()]+", ".", action_id.strip().upper()).strip(".") or None


def attach_progress(report: Sequence[ActionRef], plan: Sequence[ActionRef], cfg: LinksConfig | None = None,
                    embed: Embedder | None = None) -> list[Attachment]:
    """Each progress-report row to the plan action it reports on: by id when both have
    one (and it names one row on each side) and the texts do not contradict it, else by
    text (a one-to-one assignment over the rows left, kept from cfg.attach.assigned, then
    the best action for any row still left, from cfg.attach.text), with its score; rows
    below the thresholds stay unmatched (kept, and listed)."""
    cfg = cfg or load_config()
    if not report:
        return []
    if not plan:
        return [Attachment(r.row_id, None, None, "unmatched") for r in report]
    sim = similarity(report, plan, cfg, embed).score
    by_id: dict[str, list[int]] = {}
    for j, p in enumerate(plan):
        if norm_id(p.action_id):
            by_id.setdefault(norm_id(p.action_id), []).append(j)
    in_report: dict[str, int] = {}
    for r in report:
        if norm_id(r.action_id):
            in_report[norm_id(r.action_id)] = in_report.get(norm_id(r.action_id), 0) + 1
    out: dict[int, Attachment] = {}
    for i, r in enumerate(report):
        key = norm_id(r.action_id) or ""
        cands = by_id.get(key, [])
        # an id is a key only where it names one row on each side (a blank reference cell
        # read as a continuation of the one above repeats that id down the column)
        if len(cands) == 1 and in_report.get(key) == 1 and sim[i, cands[0]] >= cfg.attach.id_min_similarity:
            j = cands[0]
            out[i] = Attachment(r.row_id, plan[j].row_id, round(float(sim[i, j]), 4), "id")
    left = [i for i in range(len(report)) if i not in out]
    taken = {a.plan_row_id for a in out.values()}
    free = [j for j, p in enumerate(plan) if p.row_id not in taken]
    if left and free:
        sub = sim[np.ix_(left, free)]
        for a, b in _assign(sub):
            i, j = left[a], free[b]
            # a report goes through its plan's actions: a row the one-to-one assignment
            # gives an action needs less than a row matched on its own
            if sim[i, j] >= cfg.attach.assigned:
                out[i] = Attachment(report[i].row_id, plan[j].row_id, round(float(sim[i, j]), 4), "text")
    for i in range(len(report)):
        if i in out:
            continue
        j = int(np.argmax(sim[i]))
        if sim[i, j] >= cfg.attach.text:
            out[i] = Attachment(report[i].row_id, plan[j].row_id, round(float(sim[i, j]), 4), "text")
        else:
            out[i] = Attachment(report[i].row_id, None, round(float(sim[i, j]), 4), "unmatched")
    return [out[i] for i in range(len(report))]


def score_table(links: Sequence[Link]) -> list[dict]:
    """The links as rows (the action_links table)."""
    return [dict(from_row_id=l.from_row_id, to_row_id=l.to_row_id, kind=l.kind, score=l.score,
                 similarity_words=l.similarity.get("words"),
                 similarity_context=l.similarity.get("context_words"),
                 similarity_chars=l.similarity.get("context_chars"), similarity_aim=l.similarity.get("aim"), similarity_embedding=l.similarity.get("embedding"),
                 shared_terms=list(l.shared_terms), same_objective=l.same_objective)
            for l in links]


def f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


__all__ = ["ActionRef", "Attachment", "CycleLinks", "Link", "LinksConfig", "PassageRef", "attach_progress",
           "completed_in_passage", "completion_note", "default_embedder", "f1", "link_plans", "load_config",
           "owner_reliability", "relative", "says_completed", "says_ongoing", "says_stalled", "score_table", "similarity",
           "states_completion"]
