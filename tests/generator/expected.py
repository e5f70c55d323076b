"""Expected atomic action rows, built from the structured plans and located in the
rendered PDFs (page_start/page_end)."""
from __future__ import annotations

import re
from pathlib import Path

from . import common as c
from . import pages as pg

PILLAR_NAMES = {
    "visibility": "V", "recognition": "R", "career development": "CD",
    "sustainability": "S",
}
PILLAR_CODES = ("V", "R", "CD", "S")

ROW_KEYS = ("action_id", "parent_id", "section", "aim", "action_text", "description",
            "supporting_actions", "success_measures", "timeframe", "owner", "resources",
            "pillars_document", "talent_document", "other_tags", "page_start", "page_end")


def pillar_codes_from_letters(cell: str | None) -> list[str]:
    """"V, S, CD" -> ["V", "S", "CD"] (order as written)."""
    if not cell:
        return []
    out = []
    for tok in re.split(r"[,;/\s]+", cell):
        tok = tok.strip()
        if tok in PILLAR_CODES and tok not in out:
            out.append(tok)
    return out


def pillar_codes_from_names(names: list[str]) -> list[str]:
    out = []
    for n in names:
        code = PILLAR_NAMES[n.strip().lower()]
        if code not in out:
            out.append(code)
    return out


def parse_citations(tags: list[str]) -> tuple[list[str], list[str]]:
    """Bracketed tags as written -> (TALENT ids, other programme tags).

    "[TCR - R2, R7 and R9]" -> R2, R7, R9; "[T-PIKE WP1, WP2 and WP4]" -> "T-PIKE WP1", ...
    """
    talent: list[str] = []
    other: list[str] = []
    for tag in tags:
        inner = tag.strip().strip("[]").strip()
        if re.match(r"TCR\b", inner):
            for n in re.findall(r"R(\d{1,2})\b", inner):
                if f"R{n}" not in talent:
                    talent.append(f"R{n}")
            continue
        m = re.match(r"^(.*?)\s+((?:WP\d+)(?:.*))$", inner)
        if m:
            prefix = m.group(1)
            for wp in re.findall(r"WP\d+", m.group(2)):
                other.append(f"{prefix} {wp}")
        else:
            other.append(inner)
    return talent, other


def make_row(**kw) -> dict:
    row = {k: kw.get(k) for k in ROW_KEYS}
    for k in ("pillars_document", "talent_document", "other_tags"):
        row[k] = row[k] or []
    for k, v in kw.items():  # optional extra keys (rag_status, extra)
        if k not in row:
            row[k] = v
    return row


def document(plan: dict, source_file: str, actions: list[dict], pdf: Path,
             splits: list[dict] | None = None, **extra) -> dict:
    doc = {
        "source_file": source_file,
        "institution": plan.get("institution"),
        "plan_title": plan.get("plan_title"),
        "period_start": plan.get("period_start"),
        "period_end": plan.get("period_end"),
        "actions": actions,
    }
    doc.update(extra)
    doc["page_count"] = pg.page_count(pdf)
    doc["action_count"] = len(actions)
    if splits is not None:
        doc["rows_split_across_pages"] = splits
    return doc


def _require(hit, what: str):
    if hit is None:
        raise RuntimeError(f"could not locate {what!r} in the rendered PDF")
    return hit


# ----------------------------------------------------------------------------- Essex 2024-27


def essex_2024(plan: dict, pdf: Path, source_file: str) -> dict:
    cols = plan["columns"]
    streams = {col: pg.column_stream(pdf, col, cols[1] if i == 0 else cols[0])
               for i, col in enumerate(cols)}
    actions: list[dict] = []
    splits: list[dict] = []
    for sec in plan["sections"]:
        section = c.ws(f"{sec['label']} - {sec['text']}")
        for aim in sec["aims"]:
            talent, other = parse_citations(aim["citations"])
            common = dict(
                parent_id=aim["id"], section=section, aim=c.ws(aim["aim"]),
                success_measures=c.join_paras(aim["success_measures"]),
                timeframe=c.join_paras(aim["timeframe"]),
                owner=c.join_paras(aim["responsible"]),
                resources=c.join_paras(aim["resources"]),
                pillars_document=pillar_codes_from_letters(aim["pillars"]),
                talent_document=talent, other_tags=other,
            )
            # cell by cell, to report rows that break across pages
            cells = {
                cols[0]: [f"{aim['id']} {aim['sep']} {aim['aim']}"] + (
                    [" ".join(aim["citations"])] if aim["citations"] else []),
                cols[1]: [f"{a['id']} {a['sep']} {a['text']}" for a in aim["actions"]],
                cols[2]: aim["success_measures"], cols[3]: aim["timeframe"],
                cols[4]: aim["resources"], cols[5]: aim["responsible"],
                cols[6]: [aim["pillars"]] if aim["pillars"] else [],
            }
            row_pages = set()
            cell_pages = {}
            act_stream = streams[cols[1]]
            start_pos = act_stream.pos
            for col, paras in cells.items():
                if not paras:
                    continue
                hit = _require(streams[col].find_all_parts(paras), f"{aim['id']} {col}")
                cell_pages[col] = list(range(hit[0], hit[1] + 1))
                row_pages.update(cell_pages[col])
            act_stream.pos = start_pos
            for a in aim["actions"]:
                p0, p1 = _require(act_stream.find(f"{a['id']} {a['sep']} {a['text']}"), a["id"])
                actions.append(make_row(action_id=a["id"], action_text=c.ws(a["text"]),
                                        page_start=p0, page_end=p1, **common))
            if len(row_pages) > 1:
                splits.append(_split_report(aim["id"], cell_pages, row_pages))
    return document(plan, source_file, actions, pdf, splits)


def _split_report(row_id: str, cell_pages: dict, row_pages: set) -> dict:
    lo, hi = min(row_pages), max(row_pages)
    return {
        "row": row_id,
        "pages": sorted(row_pages),
        "cells_continued_on_next_page": [col for col, ps in cell_pages.items() if hi in ps],
        "cells_only_on_first_page": [col for col, ps in cell_pages.items() if ps == [lo]],
    }


# ----------------------------------------------------------------------------- Essex 2020-23

SECTION_PILLAR_2020 = {"Sustainability": ["S"], "Visibility": ["V"], "Recognition": ["R"],
                       "Career Development": ["CD"]}


def essex_2020(plan: dict, pdf: Path, source_file: str, streams: dict | None = None,
               **extra) -> dict:
    """streams: column streams (label -> pages.Stream) when the table has no rules."""
    cols = plan["columns"]  # "", Aim, Lead, Actions, Target Date
    if streams is None:
        streams = {col: pg.column_stream(pdf, col, cols[1] if col != cols[1] else cols[2])
                   for col in cols[1:]}
    actions: list[dict] = []
    splits: list[dict] = []
    for sec in plan["sections"]:
        for aim in sec["aims"]:
            aim_hit = _require(streams["Aim"].find(aim["aim"]), aim["id"])
            for sub in aim["rows"]:
                cells = {"Lead": [sub["lead"]], "Actions": [f"{a['id']} {a['text']}" for a in
                                                              sub["actions"]],
                         "Target Date": [sub["target_date"]]}
                cell_pages = {}
                row_pages = set()
                if sub is aim["rows"][0]:
                    cell_pages["Aim"] = list(range(aim_hit[0], aim_hit[1] + 1))
                    row_pages.update(cell_pages["Aim"])
                act_stream = streams["Actions"]
                start_pos = act_stream.pos
                for col, paras in cells.items():
                    hit = _require(streams[col].find_all_parts(paras), f"{aim['id']} {col}")
                    cell_pages[col] = list(range(hit[0], hit[1] + 1))
                    row_pages.update(cell_pages[col])
                act_stream.pos = start_pos
                for a in sub["actions"]:
                    letter = a["id"].strip("()")
                    p0, p1 = _require(act_stream.find(f"{a['id']} {a['text']}"),
                                      f"{aim['id']} {a['id']}")
                    actions.append(make_row(
                        action_id=f"{aim['id']}.{letter}", parent_id=aim["id"],
                        section=c.ws(sec["label"]), aim=c.ws(aim["aim"]),
                        action_text=c.ws(a["text"]), timeframe=c.ws(sub["target_date"]),
                        owner=c.ws(sub["lead"]),
                        pillars_document=SECTION_PILLAR_2020[sec["label"]],
                        page_start=p0, page_end=p1))
                if len(row_pages) > 1:
                    label = aim["id"] if len(aim["rows"]) == 1 else (
                        f"{aim['id']} sub-row {' '.join(a['id'] for a in sub['actions'])}")
                    splits.append(_split_report(label, cell_pages, row_pages))
    return document(plan, source_file, actions, pdf, splits, **extra)


# ----------------------------------------------------------------------------- Portsmouth


def portsmouth(plan: dict, pdf: Path, source_file: str, top: float, bottom: float) -> dict:
    stream = pg.body_stream(pdf, top, bottom)
    # skip past the overview table
    _require(stream.find(plan["overview"][-1]["statement"]), "overview table")
    actions = []
    for a in plan["actions"]:
        parts = [f"Action {a['number']} {a['title']}", a["description"],
                 "Supporting Actions Required:", *a["supporting_actions"],
                 "Success Measure:", *a["success_measure"], "Stakeholders:",
                 *a["stakeholders"], "Commitment areas:", *a["commitment_areas"]]
        p0, p1 = _require(stream.find_all_parts(parts), f"Action {a['number']}")
        actions.append(make_row(
            action_id=str(a["number"]), parent_id=None, section=None, aim=c.ws(a["title"]),
            action_text=c.ws(a["title"]), description=c.ws(a["description"]),
            supporting_actions=c.join_paras(a["supporting_actions"]),
            success_measures=c.join_paras(a["success_measure"]),
            owner=c.join_paras(a["stakeholders"]),
            pillars_document=pillar_codes_from_names(a["commitment_areas"]),
            page_start=p0, page_end=p1))
    return document(plan, source_file, actions, pdf)


def webpage(plan: dict, pdf: Path, source_file: str) -> dict:
    return document(plan, source_file, [], pdf)


def portsmouth_web(plan: dict, pdf: Path, source_file: str, **extra) -> dict:
    """The Portsmouth plan printed from its web page (webplan.py): the whole card of each
    "Action N" is located in the page text (Chromium prints no running header or footer)."""
    from .webplan import FIELDS, field_text
    stream = pg.body_stream(pdf, 0, 0)
    actions = []
    for a in plan["actions"]:
        parts = [f"Action {a['number']}", a["title"], a["description"]]
        for label, key in FIELDS:
            parts += [label, *a[key]]
        p0, p1 = _require(stream.find_all_parts(parts), f"Action {a['number']}")
        actions.append(make_row(
            action_id=str(a["number"]), parent_id=None, section=None, aim=c.ws(a["title"]),
            action_text=c.ws(a["title"]), description=c.ws(a["description"]),
            supporting_actions=field_text(a["supporting_actions"]),
            success_measures=field_text(a["success_measure"]),
            owner=field_text(a["stakeholders"]),
            pillars_document=pillar_codes_from_names(a["commitment_areas"]),
            page_start=p0, page_end=p1))
    return document(plan, source_file, actions, pdf, **extra)
