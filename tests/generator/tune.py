"""Search table layouts (column widths, font size) for the Essex 2024-27 plan so that its
rows break across pages the way the original did: S1's TALENT citation and V3's last
sub-action land on the next page. Run ``python -m tests.generator.tune``; it prints the
best layouts. The chosen one is written into essex.ESSEX_2024_LAYOUT by hand.
"""
from __future__ import annotations

import itertools
import sys
import tempfile
from pathlib import Path

import yaml

from . import common as c
from . import essex
from . import pages as pg

USABLE = 29.7 - 1.6 - 1.6


def widths(aim: float, act: float, pillar: float = 1.4) -> list[float]:
    rest = USABLE - aim - act - pillar
    ratio = [4.0, 3.3, 3.3, 3.4]
    w = [round(rest * r / sum(ratio), 2) for r in ratio]
    return [aim, act, *w, pillar]


def score(plan: dict, pdf: Path) -> tuple[int, list[str]]:
    cols = plan["columns"]
    aim_s = pg.column_stream(pdf, cols[0], cols[1])
    act_s = pg.column_stream(pdf, cols[1], cols[0])
    aims = {a["id"]: a for s in plan["sections"] for a in s["aims"]}
    notes = []
    pts = 0
    for aim_id in ("V3", "S1"):
        a = aims[aim_id]
        aim_s.pos = act_s.pos = 0
        t = aim_s.find(f"{a['id']} {a['sep']} {a['aim']}")
        cit = aim_s.find(" ".join(a["citations"]))
        acts = [act_s.find(f"{x['id']} {x['sep']} {x['text']}") for x in a["actions"]]
        if not (t and cit and all(acts)):
            continue
        if cit[0] > t[1]:
            pts += 2
            notes.append(f"{aim_id} citation on next page")
        if aim_id == "V3" and acts[-1][0] > acts[-2][1] and acts[-2][1] == t[1]:
            pts += 2
            notes.append("V3.4 on next page")
        if aim_id == "S1" and all(x[1] == t[1] for x in acts):
            pts += 1
            notes.append("S1 actions all on first page")
    return pts, notes


def main(argv: list[str]) -> None:
    plan = yaml.safe_load((c.PLANS / "essex-2024-27-action-plan.yaml").read_text())
    results = []
    if "--fine" in argv:  # second pass around the best coarse layout
        grid = itertools.product([2.6, 2.7, 2.8, 2.9], [8.25, 8.5, 8.75], [10.0], [2.0, 3.0, 4.0],
                                 [1.8, 2.0])
    else:
        grid = itertools.product([2.6, 2.8, 3.0, 3.2, 3.4], [8.5, 9.0, 9.5, 10.0],
                                 [9.0, 9.5, 10.0], [3.0], [1.8])
    with tempfile.TemporaryDirectory() as tmp:
        for aim, act, size, after, bottom in grid:
            lay = essex.Layout(size=size, widths_cm=widths(aim, act), para_after=after,
                               margins_cm=(1.8, 1.6, bottom, 1.6))
            pdf = Path(tmp) / "t.pdf"
            essex.render_2024(plan, pdf, lay)
            pts, notes = score(plan, pdf)
            results.append((pts, aim, act, size, after, bottom, notes))
            print(results[-1], flush=True)
    results.sort(key=lambda r: -r[0])
    print("best:")
    for r in results[:8]:
        print(r, widths(r[1], r[2]))


if __name__ == "__main__":
    main(sys.argv[1:])
