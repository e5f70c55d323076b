"""The normalise floor: ExtractedDocument -> canonical actions (column roles, sections,
sub-actions, the plan's own tags, timeframes as due dates). The NLP labelling lives in
normalise.classify."""
from __future__ import annotations

import dataclasses

from extract.model import ExtractedDocument

from .model import Action, DocumentMeta, NormalisedDocument, Provenance
from .rows import document_to_actions
from .timeframe import parse_timeframe

__all__ = ["Action", "DocumentMeta", "NormalisedDocument", "Provenance", "document_to_actions",
           "interpret_document"]


def interpret_document(doc: ExtractedDocument) -> NormalisedDocument:
    """The interpret stage: rows and their roles, then each timeframe read as a due date
    and a recurrence against the plan's period."""
    norm = document_to_actions(doc)
    actions = tuple(dataclasses.replace(a, **dict(zip(("due_date", "recurrence"),
                                                      parse_timeframe(a.timeframe, a.period_start, a.period_end))))
                    for a in norm.actions)
    return dataclasses.replace(norm, actions=actions)
