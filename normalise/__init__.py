"""Normalise stage: ExtractedDocument -> canonical actions (roles, sections, sub-actions,
the plan's own tags). The NLP labelling lives in normalise.classify."""
from .model import Action, DocumentMeta, NormalisedDocument, Provenance
from .rows import document_to_actions

__all__ = ["Action", "DocumentMeta", "NormalisedDocument", "Provenance", "document_to_actions"]
