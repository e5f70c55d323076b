"""Self-check: count actions in each structured plan, in the seed text and in the
expected rows, and report mismatches."""
from __future__ import annotations

import json
import re

import yaml

from . import common as c

SUB_ID_2024 = re.compile(r"\b(?:V|S|R|CD)\d+\.\d+\b")
ACTION_N = re.compile(r"^Action (\d+)\s*$", re.M)


def seed_counts() -> dict[str, int]:
    """Action counts read straight from the converter-made seed texts."""
    out = {}
    t = (c.SEEDS / "essex-2024-27-action-plan.txt").read_text()
    table = t.split("\nAim\tActions", 1)[1]
    out["essex-2024-27-action-plan"] = len(set(SUB_ID_2024.findall(table)))
    # 2020-23: lettered sub-actions in the Actions column (4th cell of each table line).
    t = (c.SEEDS / "essex-2020-23-action-plan.txt").read_text()
    n = 0
    for line in t.splitlines():
        cells = line.split("\t")
        if len(cells) >= 4 and cells[1] != "Aim":
            n += len(re.findall(r"(?:^|\s|(?<=[a-z]))[a-e]\)\s", cells[3] + " "))
    out["essex-2020-23-action-plan"] = n
    t = (c.SEEDS / "portsmouth-action-plan.txt").read_text()
    out["portsmouth-action-plan"] = len(set(ACTION_N.findall(t)))
    out["essex-technician-commitment-webpage"] = 0
    return out


def plan_counts() -> dict[str, int]:
    out = {}
    for path in sorted(c.PLANS.glob("*.yaml")):
        p = yaml.safe_load(path.read_text())
        if p["layout"] == "table" and "rows" in p["sections"][0]["aims"][0]:
            n = sum(len(r["actions"]) for s in p["sections"] for a in s["aims"] for r in a["rows"])
        elif p["layout"] == "table":
            n = sum(len(a["actions"]) for s in p["sections"] for a in s["aims"])
        elif p["layout"] == "narrative":
            n = len(p["actions"])
        else:
            n = 0
        out[path.stem] = n
    return out


def expected_counts() -> dict[str, int]:
    out = {}
    for path in sorted(c.EXPECTED.glob("*.json")):
        out[path.stem] = len(json.loads(path.read_text())["actions"])
    for path in sorted(c.FIXTURES.glob("*.json")):
        out["fixtures/" + path.stem] = len(json.loads(path.read_text())["actions"])
    return out


LAYOUTS = {"ruled_table", "unruled_table", "narrative", "web", "progress_report", "scan"}


def variant_plan_count(name: str, source: str, plans: dict[str, int]) -> int:
    """Actions a variant sample must have: its source plan's, or for the progress report
    the reported subset's."""
    if name == "essex-2024-27-progress-report":
        from . import progress
        plan = yaml.safe_load((c.PLANS / f"{source}.yaml").read_text())
        return sum(len(a["actions"]) for s in progress.subset(plan)["sections"]
                   for a in s["aims"])
    return plans[source]


def run(variants: dict[str, str] | None = None) -> int:
    """variants: other-layout sample name -> the plan (stem) it is rendered from."""
    seeds, plans, exp = seed_counts(), plan_counts(), expected_counts()
    variants = variants or {}
    bad = 0
    print(f"{'sample':42} {'seed':>5} {'plan':>5} {'expected':>8}")
    for name in sorted(set(seeds) | set(plans)):
        s, p, e = seeds.get(name), plans.get(name), exp.get(name)
        flag = "" if s == p == e else "  <-- MISMATCH"
        bad += bool(flag)
        print(f"{name:42} {s!s:>5} {p!s:>5} {e!s:>8}{flag}")
    for name, source in variants.items():
        p, e = variant_plan_count(name, source, plans), exp.get(name)
        flag = "" if p == e else "  <-- MISMATCH"
        path = c.EXPECTED / f"{name}.json"
        if path.exists():
            doc = json.loads(path.read_text())
            if doc.get("layout") not in LAYOUTS:
                flag += f"  <-- layout {doc.get('layout')!r}"
            if not (c.REPO / doc["source_file"]).exists():
                flag += f"  <-- {doc['source_file']} missing"
            if doc["action_count"] != len(doc["actions"]):
                flag += "  <-- action_count"
        bad += bool(flag)
        print(f"{name:42} {seeds.get(source)!s:>5} {p!s:>5} {e!s:>8}{flag}")
    for name in sorted(k for k in exp if k.startswith("fixtures/")):
        print(f"{name:42} {'-':>5} {'-':>5} {exp[name]:>8}")
    # ids unique and in order within each expected file
    for path in sorted(c.EXPECTED.glob("*.json")):
        ids = [a["action_id"] for a in json.loads(path.read_text())["actions"]]
        dup = {i for i in ids if i is not None and ids.count(i) > 1}
        if dup:
            bad += 1
            print(f"{path.name}: duplicate action ids {sorted(dup)}")
    print("OK" if not bad else f"{bad} problem(s)")
    return 1 if bad else 0
