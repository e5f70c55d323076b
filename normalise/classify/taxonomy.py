"""Taxonomies as data: typed, validated concepts loaded from models/taxonomy/*.yaml.

A concept carries a stable id, a preferred label, a definition, alternative labels (how
documents name it), keywords (the phrases the rule layer matches), negative labels
(phrases that contain a keyword but mean something else) and its provenance
(text_status, confidence, sources). Replacing a definition is an edit to the YAML file.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Confidence = Literal["high", "medium", "low"]


class Provenance(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    text_status: str = Field(description='"paraphrase", "verbatim", or a qualified paraphrase')
    confidence: Confidence
    source_urls: tuple[str, ...] = ()
    notes: str | None = None

    @property
    def is_verbatim(self) -> bool:
        return self.text_status.strip().lower() == "verbatim"


class Concept(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[A-Z]{1,2}\d{0,2}$")
    preferred_label: str = Field(min_length=1)
    definition: str = Field(min_length=20)
    alternative_labels: tuple[str, ...] = ()
    keywords: tuple[str, ...] = Field(min_length=1)
    negative_labels: tuple[str, ...] = ()
    stakeholders: tuple[str, ...] = ()
    optional: bool = False
    provenance: Provenance

    @field_validator("alternative_labels", "keywords", "negative_labels")
    @classmethod
    def _clean_phrases(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        out = []
        for p in v:
            p = " ".join(str(p).split())
            if not p:
                raise ValueError("empty phrase")
            if p.lower() in (q.lower() for q in out):
                raise ValueError(f"duplicate phrase {p!r}")
            out.append(p)
        return tuple(out)

    @property
    def predictable(self) -> bool:
        """Whether a labeller may predict this concept (it always scores it). Not for an
        optional theme (Evaluating Impact: no plan in the corpus tags it, so it cannot be
        evaluated), nor for a concept whose topic is a guess ("topic guessed" in
        text_status: TALENT R14, R16). Replacing the text with the report's words
        (text_status "verbatim") makes it predictable again: one edit to the data file."""
        return not self.optional and "guess" not in self.provenance.text_status.lower()


class Taxonomy(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    taxonomy: Literal["pillars", "talent"]
    version: str = Field(pattern=r"^\d+\.\d+\.\d+$")
    title: str
    description: str
    source: dict[str, object]
    concepts: tuple[Concept, ...] = Field(min_length=1)
    content_hash: str = ""   # filled by the loader: sha256 of the file, first 10 hex digits

    @model_validator(mode="after")
    def _unique_ids(self) -> "Taxonomy":
        ids = [c.id for c in self.concepts]
        if len(set(ids)) != len(ids):
            raise ValueError(f"duplicate concept ids in {self.taxonomy}: {ids}")
        return self

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.concepts)

    @property
    def core_ids(self) -> tuple[str, ...]:
        """Concept ids that are not optional (the four pillars; every TALENT recommendation)."""
        return tuple(c.id for c in self.concepts if not c.optional)

    @property
    def predictable_ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.concepts if c.predictable)

    def concept(self, cid: str) -> Concept:
        for c in self.concepts:
            if c.id == cid:
                return c
        raise KeyError(cid)

    @property
    def version_tag(self) -> str:
        return f"{self.taxonomy}-{self.version}+{self.content_hash}"


def default_models_dir() -> Path:
    return Path(__file__).resolve().parents[2] / "models"


def load_taxonomy(path: Path) -> Taxonomy:
    raw = path.read_bytes()
    data = yaml.safe_load(raw)
    if not isinstance(data, dict):
        raise ValueError(f"{path}: not a mapping")
    data["content_hash"] = hashlib.sha256(raw).hexdigest()[:10]
    return Taxonomy.model_validate(data)


@lru_cache(maxsize=8)
def _load_pair(models_dir: str) -> tuple[Taxonomy, Taxonomy]:
    base = Path(models_dir) / "taxonomy"
    pillars, talent = load_taxonomy(base / "pillars.yaml"), load_taxonomy(base / "talent.yaml")
    if pillars.taxonomy != "pillars" or talent.taxonomy != "talent":
        raise ValueError("models/taxonomy: pillars.yaml and talent.yaml must declare their taxonomy")
    return pillars, talent


def load_taxonomies(models_dir: Path | None = None) -> dict[str, Taxonomy]:
    """{"pillars": ..., "talent": ...} from <models_dir>/taxonomy/."""
    pillars, talent = _load_pair(str(Path(models_dir or default_models_dir()).resolve()))
    return {"pillars": pillars, "talent": talent}


def taxonomy_version(taxonomies: dict[str, Taxonomy]) -> str:
    """What the dataset records: both versions with their content hashes."""
    return ";".join(taxonomies[k].version_tag for k in ("pillars", "talent"))
