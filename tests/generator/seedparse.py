"""One-off helper: draft structured plans from the converter-made seed texts.

Run ``python -m tests.generator.seedparse OUTDIR`` to write draft YAML files. The drafts
were then read through and repaired by hand; the committed files in tests/plans/ are the
source of truth and this module is kept only to show where they came from. The repairs
that are mechanical (markup, entities, split words, continuation rows) are done here;
the rest was done by hand in the YAML.
"""
from __future__ import annotations

import html
import re
import sys
from pathlib import Path

import yaml

SEEDS = Path("/work/shared/seeds")

SUB_ID = re.compile(r"(?:(?<=\s)|^)([A-Z]{1,2}\d+\.\d+)\s*([–-])\s+")
AIM_ID = re.compile(r"^([A-Z]{1,2}\d+)\s*([–-])\s+")


def clean(s: str) -> str:
    s = re.sub(r"<a [^>]*>(.*?)</a>", r"\1", s)
    s = re.sub(r"</?(b|u|i|p)>", "", s)
    s = html.unescape(s)
    return re.sub(r"\s+", " ", s).strip()


def paras(cell: str) -> list[str]:
    """Split a seed cell into paragraphs (``<p>`` blocks, else double spaces)."""
    if "<p>" in cell:
        parts = re.findall(r"<p>(.*?)</p>", cell)
    else:
        parts = re.split(r"\s{2,}", cell)
    return [clean(p) for p in parts if clean(p)]


def split_subactions(ps: list[str], out: list[dict] | None = None) -> list[dict]:
    out = [] if out is None else out
    for p in ps:
        pieces = [m for m in SUB_ID.finditer(p)]
        lead = p[: pieces[0].start()].strip() if pieces else p
        if lead:
            out[-1]["text"] += " " + lead  # continuation of the previous sub-action
        for i, m in enumerate(pieces):
            end = pieces[i + 1].start() if i + 1 < len(pieces) else len(p)
            out.append({"id": m.group(1), "sep": m.group(2), "text": p[m.end():end].strip()})
    return out


def essex2024() -> dict:
    text = (SEEDS / "essex-2024-27-action-plan.txt").read_text()
    intro_part, _, table_part = text.partition("\nAim\tActions")
    # --- intro prose -------------------------------------------------------
    intro: list[dict] = []
    title = None
    for block in re.split(r"\n\s*\n", intro_part):
        block = block.strip()
        if not block:
            continue
        block = block.replace("\\*", "*")
        if block.startswith("## "):
            title = block.strip("# *")
            continue
        if block.startswith("### "):
            intro.append({"heading": block.strip("# *")})
            continue
        lines = [l for l in block.splitlines() if l.strip()]
        if all(l.startswith("- ") for l in lines):
            items = [l[2:].strip() for l in lines]
            if intro and "bullets" in intro[-1]:
                intro[-1]["bullets"].extend(items)  # list broken by a blank line
            else:
                intro.append({"bullets": items})
        else:
            intro.append({"p": " ".join(lines)})
    # --- table rows --------------------------------------------------------
    rows = []
    for line in table_part.splitlines():
        if "\t" not in line or line.startswith("Aim\t") or line.startswith("\tActions"):
            continue
        cells = line.split("\t")
        if "Success Measures" in cells:  # header rows
            continue
        rows.append(cells + [""] * (7 - len(cells)))
    sections = []
    for cells in rows:
        c0 = cells[0]
        if "<b>" in c0 and not any(x.strip() for x in cells[1:]):
            t = clean(c0)
            label, _, rest = t.partition(" - ")
            sections.append({"label": label, "text": rest, "aims": []})
            continue
        aim_ps = paras(c0)
        head = aim_ps[0] if aim_ps else ""
        m = AIM_ID.match(head)
        if not m:
            # continuation of the previous aim row (page break)
            prev = sections[-1]["aims"][-1] if sections[-1]["aims"] else sections[-2]["aims"][-1]
            prev.setdefault("_continuations", []).append([paras(c) for c in cells])
            continue
        aim_text = head[m.end():]
        cites = [p for p in aim_ps[1:] if p.startswith("[")]
        # Aim text inline citations (no <p>): "Aim text.  [TCR - R2 and R9]"
        mm = re.search(r"\s(\[.*\])\s*$", aim_text)
        if mm:
            cites.insert(0, mm.group(1))
            aim_text = aim_text[: mm.start()].strip()
        rest = [p for p in aim_ps[1:] if not p.startswith("[")]
        if rest:
            aim_text = " ".join([aim_text] + rest)
        aim = {
            "id": m.group(1), "sep": m.group(2), "aim": aim_text,
            "citations": " ".join(cites) if cites else None,
            "actions": split_subactions(paras(cells[1])),
            "success_measures": paras(cells[2]), "timeframe": paras(cells[3]),
            "resources": paras(cells[4]), "responsible": paras(cells[5]),
            "pillars": clean(cells[6]) or None,
            "labels_underlined": "<u>" in cells[5],
        }
        sections[-1]["aims"].append(aim)
    for sec in sections:
        for aim in sec["aims"]:
            for cont in aim.pop("_continuations", []):
                merge_continuation(aim, cont)
    return {
        "institution": "University of Essex",
        "plan_title": title,
        "intro": intro,
        "sections": sections,
    }


def _append(paragraphs: list[str], more: list[str]) -> None:
    """Append a cell's continuation: a first paragraph starting in lower case finishes
    the paragraph cut by the page break."""
    for i, p in enumerate(more):
        if i == 0 and paragraphs and p[:1].islower():
            paragraphs[-1] += " " + p
        else:
            paragraphs.append(p)


def merge_continuation(aim: dict, cont: list[list[str]]) -> None:
    """Put a row fragment found under a repeated header back into its aim (page break)."""
    aim_ps, act_ps, sm, tf, res, resp, _pil = cont
    for p in aim_ps:
        if p.startswith("["):
            aim["citations"] = (aim["citations"] + " " + p) if aim["citations"] else p
        else:
            aim["aim"] += " " + p
    if act_ps:  # leading text finishes the sub-action cut by the page break
        split_subactions(act_ps, aim["actions"])
    _append(aim["success_measures"], sm)
    _append(aim["timeframe"], tf)
    _append(aim["resources"], res)
    _append(aim["responsible"], resp)


def essex2020() -> dict:
    text = (SEEDS / "essex-2020-23-action-plan.txt").read_text()
    sections = []
    for line in text.splitlines():
        cells = line.split("\t")
        if len(cells) < 2 or cells[1] == "Aim":
            continue
        if len(cells) == 2 or not "".join(cells[2:]).strip():
            sections.append({"label": (cells[0] + cells[1]).strip(), "aims": []})
            continue
        cells += [""] * (5 - len(cells))
        acts = [
            {"id": m.group(1) + ")", "text": m.group(2).strip()}
            for m in re.finditer(r"(?:^|\s|(?<=[a-z]))([a-e])\)\s*(.*?)(?=(?:\s|(?<=[a-z]))[a-e]\)\s|$)",
                                 cells[3].strip())
        ]
        subrow = {"lead": cells[2].strip(), "actions": acts, "target_date": cells[4].strip()}
        if cells[0].strip():
            sections[-1]["aims"].append({"id": cells[0].strip(), "aim": cells[1].strip(),
                                         "rows": [subrow]})
        else:
            sections[-1]["aims"][-1]["rows"].append(subrow)
    return {"institution": "University of Essex", "sections": sections}


def portsmouth() -> dict:
    text = (SEEDS / "portsmouth-action-plan.txt").read_text()
    overview = [
        {"no": int(a), "statement": clean(b)}
        for a, b in re.findall(r"^(\d+)\t(.*)$", text, flags=re.M)
    ]
    blocks = re.split(r"\n(?=Action \d+\n)", text)
    actions = []
    for b in blocks[1:]:
        lines = [l.strip() for l in b.splitlines() if l.strip()]
        num = int(lines[0].split()[1])
        title, desc = lines[1], lines[2]
        i = lines.index("Supporting Actions Required:")
        j = lines.index("Success Measure:")
        k = lines.index("Stakeholders:")
        c = lines.index("Commitment areas:")
        actions.append({
            "number": num, "title": title, "description": clean(desc),
            "supporting_actions": lines[i + 1:j], "success_measure": lines[j + 1:k],
            "stakeholders": lines[k + 1:c], "commitment_areas": lines[c + 1:],
        })
    return {"institution": "University of Portsmouth", "overview": overview, "actions": actions}


def main(outdir: str) -> None:
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    for name, fn in [("essex-2024-27-action-plan", essex2024),
                     ("essex-2020-23-action-plan", essex2020),
                     ("portsmouth-action-plan", portsmouth)]:
        (out / f"{name}.yaml").write_text(
            yaml.safe_dump(fn(), sort_keys=False, allow_unicode=True, width=100))
        print("wrote", out / f"{name}.yaml")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/plan-drafts")
