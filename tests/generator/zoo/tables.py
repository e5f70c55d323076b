"""A logical action table (columns by role, rows, vertically merged cells, section rows) and
the gold rows it stands for; the docx, HTML and reportlab backends print the same table."""
from __future__ import annotations

import random
from dataclasses import dataclass, field

from . import content as ct

CANONICAL = ["id", "aim", "action", "measure", "timeframe", "owner", "resources", "pillar", "rag", "progress"]
WEIGHTS = {"id": 1.4, "aim": 4.0, "action": 7.0, "measure": 4.0, "timeframe": 2.6, "owner": 3.0,
           "resources": 3.0, "pillar": 2.4, "rag": 1.5, "progress": 4.0}
GROUP_ROLES = ("aim", "id")


@dataclass
class Cell:
    paras: list[str]
    fill: str | None = None
    span: int = 1          # rows this cell covers (>1: merged down); 0: covered by a cell above


@dataclass
class TRow:
    cells: dict[str, Cell] = field(default_factory=dict)
    section: str | None = None   # a full-width section row


@dataclass
class Table:
    roles: list[str]
    headers: dict[str, str]
    rows: list[TRow]
    repeat_header: bool = True
    header_fill: str | None = None

    def widths(self, total: float) -> list[float]:
        w = [WEIGHTS[r] for r in self.roles]
        s = sum(w)
        return [total * x / s for x in w]


@dataclass
class TableOptions:
    roles: list[str]
    headers: dict[str, str]
    id_kind: str = "pillar"          # content.IdScheme kind
    id_in_column: bool = True
    mode: str = "row"                # "row": a row per action; "aim": a row per aim, actions as paragraphs
    aim_mode: str = "merged"         # merged | repeated | first
    merge_shared: bool = True        # merge owner/timeframe/measure cells an aim's actions share
    sections: str | None = None      # section form (content.section_text) or None
    talent: bool = False             # print the aim's TALENT citation under the aim
    pillar_form: str = "letters"
    rag_form: str = "word"           # word | letter | fill
    progress_pct: bool = True
    repeat_header: bool = True
    header_fill: str | None = None


def random_options(rng: random.Random, *, extra: tuple[str, ...] = (), force_roles: tuple[str, ...] = ()
                   ) -> TableOptions:
    voc = ct.vocabulary()
    roles = ["action"]
    for role, p in (("aim", 0.85), ("measure", 0.7), ("timeframe", 0.8), ("owner", 0.8),
                    ("pillar", 0.5), ("resources", 0.2)):
        if rng.random() < p or role in force_roles:
            roles.append(role)
    id_kind = rng.choice(["pillar", "pillar", "dotted", "letter", "seq", "none"])
    if id_kind == "letter" and "aim" not in roles:
        id_kind = "pillar"
    id_in_column = id_kind != "none" and rng.random() < 0.55
    if id_in_column:
        roles.append("id")
    roles += list(extra)
    if rng.random() < 0.5:
        rng.shuffle(roles)
        if "id" in roles and rng.random() < 0.7:   # ids mostly stay first
            roles.remove("id")
            roles.insert(0, "id")
    else:
        roles.sort(key=CANONICAL.index)
    headers = {r: rng.choice(voc["headers"][r]) for r in roles}
    return TableOptions(
        roles=roles, headers=headers, id_kind=id_kind, id_in_column=id_in_column,
        mode="aim" if rng.random() < 0.3 else "row",
        aim_mode=rng.choice(["merged", "merged", "repeated", "first"]),
        merge_shared=rng.random() < 0.7,
        sections=rng.choice(voc["section_forms"]) if rng.random() < 0.5 else None,
        talent="aim" in roles and rng.random() < 0.5,
        pillar_form=rng.choice(voc["pillar_cell_forms"]),
        rag_form=rng.choice(["word", "letter", "fill"]),
        repeat_header=rng.random() < 0.65,
        header_fill=rng.choice([None, "D9E2F3", "BFBFBF", "E2EFDA"]),
    )


def _shared(values: list[str | None]) -> bool:
    return len(set(values)) == 1


def build(rng: random.Random, groups: list[ct.Group], o: TableOptions, *, section_label: str | None = None
          ) -> tuple[Table, list[dict]]:
    """The table for these aims and its gold rows (document order, page_start unset).

    section_label: a heading the whole table sits under (per-pillar tables), kept as the rows'
    section; pillars come from that heading when the table has no pillar column."""
    voc = ct.vocabulary()
    if o.sections or o.id_kind == "pillar":   # a plan with pillar sections or pillar ids is ordered by pillar
        groups = sorted(groups, key=lambda g: ct.PILLARS.index(g.pillar))
    ids = ct.IdScheme(o.id_kind).assign(groups)
    rows: list[TRow] = []
    gold: list[dict] = []
    roles = o.roles
    current_section = section_label
    last_pillar = None
    for g, (aim_id, act_ids) in zip(groups, ids):
        if o.sections and g.pillar != last_pillar:
            current_section = ct.section_text(o.sections, g.pillar)
            rows.append(TRow(section=current_section))
        last_pillar = g.pillar
        cite = ct.talent_citation(rng, g.talent) if (o.talent and g.talent) else None
        aim_paras = []
        if g.aim:
            aim_paras.append(g.aim if not (aim_id and "id" not in roles and o.id_kind == "letter")
                             else f"{aim_id}: {g.aim}")
        if cite:
            aim_paras.append(cite)
        if o.id_kind == "letter" and not g.aim and "id" not in roles:
            aim_paras.insert(0, aim_id)
        rag = rng.choice(["red", "amber", "green"]) if "rag" in roles else None
        pct = rng.choice([0, 10, 25, 40, 50, 60, 75, 90, 100]) if "progress" in roles else None

        def action_para(k: int) -> str:
            printed, _ = act_ids[k]
            text = g.actions[k].text
            if printed and not (o.id_in_column and o.mode == "row" and o.id_kind != "letter"):
                sep = " " if printed.endswith(")") else rng.choice([" ", " - ", " – "])
                return f"{printed}{sep}{text}"
            if o.mode == "aim" and not printed:
                return f"• {text}"
            return text

        def field_value(role: str, a: ct.Action) -> str | None:
            return {"measure": a.measure, "timeframe": a.timeframe, "owner": a.owner,
                    "resources": a.resources}.get(role)

        def rag_cell() -> Cell:
            if o.rag_form == "fill":
                return Cell([], fill=voc["rag_fills"][rag])
            words = voc["rag_words"][rag]
            return Cell([words[1] if o.rag_form == "letter" else rng.choice([words[0], words[2]])])

        def progress_text() -> str:
            return f"{pct}% complete" if o.progress_pct else "Work under way; see minutes."

        # the aim's fields as gold sees them
        pill_stated = "pillar" in roles or o.sections or section_label
        gpillars = (list(g.pillars) if "pillar" in roles else [g.pillar] if (o.sections or section_label)
                    else list(g.pillars))
        n = len(g.actions)
        if o.mode == "aim":
            r = TRow()
            for role in roles:
                if role == "id":
                    r.cells[role] = Cell([aim_id] if aim_id else [])
                elif role == "aim":
                    r.cells[role] = Cell(aim_paras)
                elif role == "action":
                    r.cells[role] = Cell([action_para(k) for k in range(n)])
                elif role == "pillar":
                    r.cells[role] = Cell([ct.pillar_cell(o.pillar_form, g.pillars)])
                elif role == "rag":
                    r.cells[role] = rag_cell()
                elif role == "progress":
                    r.cells[role] = Cell([progress_text()])
                else:
                    vals = []
                    for a in g.actions:
                        v = field_value(role, a)
                        if v and v not in vals:
                            vals.append(v)
                    r.cells[role] = Cell(vals)
            rows.append(r)
            for k, a in enumerate(g.actions):
                gold.append(_gold(g, a, act_ids[k][1], aim_id if o.id_kind != "seq" else None, current_section,
                                  roles, gpillars, cite is not None, pill_stated,
                                  {role: " ".join(r.cells[role].paras) or None for role in
                                   ("measure", "timeframe", "owner", "resources") if role in roles}, rag))
            continue
        # a row per action
        for k, a in enumerate(g.actions):
            r = TRow()
            for role in roles:
                if role == "id":
                    if o.id_kind == "letter":
                        r.cells[role] = Cell([aim_id] if k == 0 else [], span=n if k == 0 else 0)
                    else:
                        r.cells[role] = Cell([act_ids[k][0]] if act_ids[k][0] else [])
                elif role == "aim":
                    if o.aim_mode == "merged":
                        r.cells[role] = Cell(aim_paras if k == 0 else [], span=n if k == 0 else 0)
                    elif o.aim_mode == "repeated":
                        r.cells[role] = Cell(list(aim_paras))
                    else:
                        r.cells[role] = Cell(aim_paras if k == 0 else [])
                elif role == "action":
                    r.cells[role] = Cell([action_para(k)])
                elif role == "pillar":
                    text = ct.pillar_cell(o.pillar_form, g.pillars)
                    if o.merge_shared:
                        r.cells[role] = Cell([text] if k == 0 else [], span=n if k == 0 else 0)
                    else:
                        r.cells[role] = Cell([text])
                elif role == "rag":
                    r.cells[role] = rag_cell() if k == 0 else Cell([], span=0)
                    r.cells[role].span = n if k == 0 else 0
                elif role == "progress":
                    r.cells[role] = Cell([progress_text()] if k == 0 else [], span=n if k == 0 else 0)
                else:
                    vals = [field_value(role, x) for x in g.actions]
                    if o.merge_shared and n > 1 and _shared(vals):
                        r.cells[role] = Cell([vals[0]] if (k == 0 and vals[0]) else [], span=n if k == 0 else 0)
                    else:
                        r.cells[role] = Cell([vals[k]] if vals[k] else [])
            rows.append(r)
            gold.append(_gold(g, a, act_ids[k][1], aim_id if o.id_kind != "seq" else None, current_section, roles,
                              gpillars, cite is not None, pill_stated,
                              {role: field_value(role, a) for role in ("measure", "timeframe", "owner", "resources")
                               if role in roles}, rag))
    return Table(roles=roles, headers=o.headers, rows=rows, repeat_header=o.repeat_header,
                 header_fill=o.header_fill), gold


def _gold(g: ct.Group, a: ct.Action, action_id, parent_id, section, roles, pillars, cited, pill_stated,
          fields: dict, rag) -> dict:
    return {
        "action_id": action_id, "parent_id": parent_id if action_id else None, "section": section,
        "aim": g.aim if "aim" in roles else None,
        "action_text": a.text, "details": None, "supporting_actions": None,
        "success_measures": fields.get("measure"), "timeframe": fields.get("timeframe"),
        "owner": fields.get("owner"), "resources": fields.get("resources"),
        "pillars": list(pillars), "talent": list(g.talent) if cited else [],
        "rag_status": rag, "_pillars_stated": bool(pill_stated), "_talent_printed": bool(cited),
    }
