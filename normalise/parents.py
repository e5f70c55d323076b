"""Parent rows that only head their sub-actions ("1.1 Raise the profile ... [TCR – R6]" over
1.1.1, 1.1.2) to the sub-actions' aim.

A row whose id is the parent id of rows after it, and that fills no field of its own (no
owner, timeframe, measure, description, status, extra column), states the aim its
sub-actions serve: it is not an action itself (one row per atomic action). Its text becomes
each child's aim where the child has none, and its tags (TALENT citations, pillars, other
tags) are the document's tags of the children too. A parent with fields of its own, or with
no children, stays an action.

Chain: parents_to_aims -> (_children, _is_bare -> _inherit).
"""
from __future__ import annotations

import dataclasses
from typing import Sequence

from .model import Action

# a row filling any of these says something of its own: it is an action, not a heading
OWN_FIELDS = ("description", "supporting_actions", "success_measures", "timeframe", "owner", "resources",
              "rag_status", "progress", "comments")


def _is_bare(a: Action) -> bool:
    return not any(getattr(a, f) for f in OWN_FIELDS) and not a.extra_fields


def _children(actions: Sequence[Action], i: int) -> list[int]:
    """Rows after `i` whose parent id is its id, up to the next row printed with that id
    again (a second table repeating the ids is another set)."""
    pid = actions[i].action_id
    out = []
    for j in range(i + 1, len(actions)):
        if actions[j].action_id == pid:
            break
        if actions[j].parent_id == pid:
            out.append(j)
    return out


def _union(*parts: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(x for p in parts for x in p))


def _inherit(child: Action, parent: Action) -> Action:
    return dataclasses.replace(
        child, aim=child.aim or parent.action_text,
        talent_document=_union(parent.talent_document, child.talent_document),
        pillars_document=child.pillars_document or parent.pillars_document,
        other_tags=_union(parent.other_tags, child.other_tags))


def parents_to_aims(actions: Sequence[Action]) -> tuple[list[Action], int]:
    """(actions with bare parents folded into their sub-actions, in document order; how
    many parents were folded). Nested levels fold outermost first, so 1 over 1.1 over
    1.1.1 gives 1.1.1 the nearest aim and every level's tags."""
    rows = list(actions)
    folded: set[int] = set()
    for i, a in enumerate(rows):
        if not a.action_id or not _is_bare(a):
            continue
        kids = _children(rows, i)
        if not kids:
            continue
        folded.add(i)
        for j in kids:
            rows[j] = _inherit(rows[j], rows[i])
    return [a for i, a in enumerate(rows) if i not in folded], len(folded)
