"""What a zoo variant says: a plan (institution, title, period, aims with their actions),
built from the seed plans' hand-checked rows (tests/expected/*.json) or recombined and lightly
reworded into a fictional plan, and the id and section schemes a renderer prints.

Everything is drawn from one `random.Random`, so a variant is reproducible from its seed."""
from __future__ import annotations

import copy
import json
import random
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
EXPECTED = REPO / "tests" / "expected"
SEED_PLANS = ("essex-2024-27-action-plan", "essex-2020-23-action-plan", "portsmouth-action-plan")
PILLARS = ("V", "R", "CD", "S")


@dataclass
class Action:
    text: str
    measure: str | None = None
    timeframe: str | None = None
    owner: str | None = None
    resources: str | None = None
    details: str | None = None       # a description paragraph (cards, narrative)
    supporting: str | None = None    # supporting actions (narrative)


@dataclass
class Group:
    """An aim and the actions that serve it."""
    aim: str | None
    pillars: list[str]
    talent: list[str]
    actions: list[Action]
    source: str = "fictional"

    @property
    def pillar(self) -> str:
        return self.pillars[0] if self.pillars else "S"


@dataclass
class Plan:
    institution: str
    title: str
    period_start: int | None
    period_end: int | None
    period_text: str
    groups: list[Group]
    seed: str | None = None          # the seed plan it renders whole, if any
    talent_annotated: bool = True

    @property
    def n_actions(self) -> int:
        return sum(len(g.actions) for g in self.groups)


@lru_cache(maxsize=1)
def vocabulary() -> dict:
    return yaml.safe_load((HERE / "vocabulary.yaml").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _fictional_raw() -> list[dict]:
    return yaml.safe_load((HERE / "fictional.yaml").read_text(encoding="utf-8"))["groups"]


@lru_cache(maxsize=4)
def _expected(stem: str) -> dict:
    return json.loads((EXPECTED / f"{stem}.json").read_text(encoding="utf-8"))


def seed_groups(stem: str) -> list[Group]:
    """The seed plan's rows grouped by aim (document order)."""
    rows = _expected(stem)["actions"]
    groups: list[Group] = []
    key_prev = object()
    for r in rows:
        key = r["parent_id"] or r["action_id"]
        if key != key_prev:
            groups.append(Group(aim=r["aim"] if r["aim"] != r["action_text"] else None,
                                pillars=list(r["pillars_document"]), talent=list(r["talent_document"]),
                                actions=[], source=stem))
            key_prev = key
        groups[-1].actions.append(Action(
            text=r["action_text"], measure=r["success_measures"], timeframe=r["timeframe"],
            owner=r["owner"], resources=r["resources"], details=r["description"],
            supporting=r["supporting_actions"]))
    return groups


def seed_plan(stem: str) -> Plan:
    e = _expected(stem)
    ps, pe = e["period_start"], e["period_end"]
    return Plan(institution=e["institution"], title=e["plan_title"], period_start=ps, period_end=pe,
                period_text=f"{ps}-{pe}" if ps else "", groups=seed_groups(stem), seed=stem,
                talent_annotated=stem == "essex-2024-27-action-plan")


def fictional_groups(years: tuple[int, int, int]) -> list[Group]:
    y1, y2, y3 = years
    fill = {"y1": y1, "y2": y2, "y3": y3, "y2s": str(y2)[-2:]}
    out = []
    for g in _fictional_raw():
        acts = [Action(text=a["text"], measure=a.get("measure"),
                       timeframe=a["timeframe"].format(**fill) if a.get("timeframe") else None,
                       owner=a.get("owner")) for a in g["actions"]]
        out.append(Group(aim=g["aim"], pillars=list(g["pillars"]), talent=list(g["talent"]), actions=acts))
    return out


def _reword(text: str | None, rules: list[tuple[str, str]]) -> str | None:
    if not text:
        return text
    for a, b in rules:
        text = text.replace(a, b)
    return text


def period_text(rng: random.Random, s: int, e: int) -> str:
    form = rng.choice(vocabulary()["periods"])
    return form.format(s=s, e=e, e2=str(e)[-2:])


def fictional_plan(rng: random.Random, n_actions: tuple[int, int] = (8, 22),
                   institution: str | None = None) -> Plan:
    """A fictional plan: aims drawn from the fictional pool and the seed plans, shuffled,
    some actions dropped, lightly reworded, under a fictional institution and period."""
    voc = vocabulary()
    s = rng.randint(2019, 2027)
    e = s + rng.choice([2, 3, 3, 4])
    pool = fictional_groups((s + 1, s + 2, e))
    for stem in SEED_PLANS:
        pool += [g for g in seed_groups(stem) if len(g.actions) <= 5]
    rng.shuffle(pool)
    target = rng.randint(*n_actions)
    rules = [tuple(r) for r in voc["rewordings"] if rng.random() < 0.35]
    groups: list[Group] = []
    total = 0
    for g in pool:
        if total >= target:
            break
        g = copy.deepcopy(g)
        if len(g.actions) > 1 and rng.random() < 0.3:
            g.actions = g.actions[:rng.randint(1, len(g.actions))]
        g.aim = _reword(g.aim, rules)
        for a in g.actions:
            a.text = _reword(a.text, rules)
            a.measure = _reword(a.measure, rules)
        groups.append(g)
        total += len(g.actions)
    inst = institution or rng.choice(voc["institutions"])
    pt = period_text(rng, s, e)
    title = rng.choice(voc["titles"]).format(inst=inst, period=pt)
    return Plan(institution=inst, title=title, period_start=s, period_end=e, period_text=pt,
                groups=groups, talent_annotated=True)


def trim(plan: Plan, max_actions: int) -> Plan:
    """The plan cut to its first aims totalling at most max_actions (at least one aim)."""
    out, n = [], 0
    for g in plan.groups:
        if out and n + len(g.actions) > max_actions:
            break
        out.append(g)
        n += len(g.actions)
    return replace(plan, groups=out)


def by_pillar(plan: Plan) -> list[tuple[str, list[Group]]]:
    """Aims grouped under their first pillar, in V, R, CD, S order (empty pillars left out)."""
    out = []
    for p in PILLARS:
        gs = [g for g in plan.groups if g.pillar == p]
        if gs:
            out.append((p, gs))
    return out


# ----------------------------------------------------------------------------- ids


@dataclass
class IdScheme:
    """How ids are printed: 'pillar' (V1.1), 'dotted' (1.1), 'letter' (A1.a style: aim A1,
    actions a) b)), 'seq' (1, 2, 3 per action), or 'none'."""
    kind: str
    aim_counter: dict = field(default_factory=dict)

    def assign(self, groups: list[Group]) -> list[tuple[str | None, list[tuple[str | None, str | None]]]]:
        """Per group: (aim id as printed, [(action id printed, normalised action id)])."""
        out = []
        seq = 0
        per_pillar: dict[str, int] = {}
        for gi, g in enumerate(groups, start=1):
            if self.kind == "pillar":
                per_pillar[g.pillar] = per_pillar.get(g.pillar, 0) + 1
                aid = f"{g.pillar}{per_pillar[g.pillar]}"
                acts = [(f"{aid}.{i}", f"{aid}.{i}") for i in range(1, len(g.actions) + 1)]
            elif self.kind == "dotted":
                aid = str(gi)
                acts = [(f"{aid}.{i}", f"{aid}.{i}") for i in range(1, len(g.actions) + 1)]
            elif self.kind == "letter":
                aid = f"A{gi}"
                acts = [(f"{chr(96 + i)})", f"{aid}.{chr(96 + i)}") for i in range(1, len(g.actions) + 1)]
            elif self.kind == "seq":
                aid = None
                acts = []
                for _ in g.actions:
                    seq += 1
                    acts.append((str(seq), str(seq)))
            else:
                aid, acts = None, [(None, None)] * len(g.actions)
            out.append((aid, acts))
        return out


def talent_citation(rng: random.Random, talent: list[str]) -> str:
    if len(talent) == 1:
        body = talent[0]
    else:
        body = ", ".join(talent[:-1]) + " and " + talent[-1]
    return rng.choice(["[TCR - {b}]", "[TCR – {b}]", "[TALENT {b}]"]).format(b=body)


def pillar_cell(form: str, pillars: list[str]) -> str:
    names = vocabulary()["pillar_names"]
    if form == "letters":
        return ", ".join(pillars)
    if form == "words":
        return "; ".join(names[p] for p in pillars)
    return " ".join(f"{names[p]} ({p}{i})" for i, p in enumerate(pillars, start=1))


def section_text(form: str, pillar: str) -> str:
    voc = vocabulary()
    name = voc["pillar_names"][pillar]
    return form.format(name=name, statement=voc["pillar_statements"][pillar],
                       n=PILLARS.index(pillar) + 1, upper=name.upper(), letter=pillar)
