"""Benchmarks of the full pipeline against raw PDF-reading baselines, on a synthetic corpus.

    python -m tcpipe.bench                       # 150 plans of ~20 pages in bench-corpus/
    python -m tcpipe.bench --plans 20 --pages 10 # a quicker look
    python -m tcpipe.bench --help

The corpus is built once, outside git (bench-corpus/, ignored), deterministically with
reportlab from a seed: fictional institutions, in the layouts the pipeline reads (ruled
Word-like tables with section rows, header rows repeated on every page and rows cut by a
page break; narrative "Action N" blocks with bold labels). A manifest records what each
plan holds, so the bench also checks that the pipeline found every action.

Measured in one run, each in a fresh process so memory figures are its own:
  * the full pipeline (run_batch, all cores, fresh output folder): pages/s, actions/s;
  * baselines on the same files, spread over the same number of processes: pypdfium2
    text (the floor), pdfplumber text, camelot lattice (engine "combined", which renders
    every page, and the render-free "vector"), each with its ratio to the pipeline;
  * a no-change re-run (API call, and the whole CLI command);
  * peak memory (max RSS) of the biggest per-document worker;
  * a cProfile of the pipeline on a few plans (top functions by cumulative time).

A table is printed and metrics/bench.json written.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT / "bench-corpus"
DEFAULT_METRICS = ROOT / "metrics" / "bench.json"
CORPUS_VERSION = 1

TARGETS = {"pages_per_s": 25.0, "rerun_s": 3.0, "worker_peak_rss_mb": 1024.0}

# --------------------------------------------------------------------------------------
# The corpus: fictional plans, drawn with reportlab
# --------------------------------------------------------------------------------------

_PLACE_A = ["Ash", "Bram", "Cal", "Dun", "Elm", "Fen", "Glen", "Hol", "Ivy", "Kes", "Lark", "Mar", "North",
            "Oak", "Pen", "Quar", "Rav", "Stan", "Thorn", "Wex", "Wold", "Yar"]
_PLACE_B = ["bourne", "mere", "ford", "gate", "wick", "holm", "by", "field", "stow", "ley", "combe", "haven"]
_FORMS = ["University of {p}", "{p} University", "University of {p} and {q}", "{p} Institute of Technology",
          "{p} Metropolitan University"]

PILLARS = [("V", "Visibility"), ("R", "Recognition"), ("CD", "Career Development"), ("S", "Sustainability")]

_VERBS = ["Establish", "Develop", "Launch", "Review", "Introduce", "Expand", "Promote", "Embed", "Create",
          "Publish", "Run", "Map", "Pilot", "Support", "Celebrate", "Fund", "Survey", "Train"]
_OBJECTS = ["a technician network", "a technical careers framework", "an annual technician awards scheme",
            "technician profiles on the staff web pages", "mentoring for early career technicians",
            "a shared equipment register", "a technical apprenticeship pathway", "succession plans for key roles",
            "recognition of technical contributions in publications", "a technical development fund",
            "a career conversation toolkit", "secondments between departments", "a technician forum",
            "a register of professional registration", "open days showing technical facilities",
            "a workload model for technical teams", "cross-faculty training days", "a technician induction"]
_TAILS = ["across all faculties", "with the Technical Leadership Group", "in line with the TALENT recommendations",
          "working with Human Resources", "so that every technician can take part", "and report on uptake yearly",
          "with support from the Science Council", "for all technical staff on every campus",
          "and share good practice with partner institutions", "within existing budgets"]
_MEASURES = ["Number of technicians taking part rises each year", "Survey shows improved awareness",
             "Framework approved by the Executive Board", "At least 20 nominations received each year",
             "Profiles published for 80% of technicians", "Uptake reported to the steering group",
             "Professional registrations double by the end of the plan", "Feedback collected after each event"]
_WHEN = ["By July 2026", "Annually", "Q3 2026", "December 2025", "Ongoing", "2026 to 2027", "By end of 2027",
         "Each semester", "Year 1", "Year 2"]
_LEADS = ["Head of Technical Services", "Technical Managers Group", "HR Business Partner", "Technician Commitment Lead",
          "Faculty Technical Managers", "Staff Development Team", "Pro Vice-Chancellor (Research)"]


def institution_name(rng: random.Random) -> str:
    p = rng.choice(_PLACE_A) + rng.choice(_PLACE_B)
    q = rng.choice(_PLACE_A) + rng.choice(_PLACE_B)
    return rng.choice(_FORMS).format(p=p.capitalize(), q=q.capitalize())


def _sentence(rng: random.Random, long: bool = False) -> str:
    s = f"{rng.choice(_VERBS)} {rng.choice(_OBJECTS)} {rng.choice(_TAILS)}"
    if long or rng.random() < 0.4:
        s += f", {rng.choice(_TAILS)}"
    return s + "."


@dataclass
class PlanSpec:
    file: str
    layout: str          # ruled | ruled-plain | narrative
    institution: str
    period: tuple[int, int]
    seed: int
    pages: int = 0
    actions: int = 0     # atomic actions printed in the plan


# Page geometry (points) and fonts. Helvetica is built in: no font files, same bytes everywhere.
_FONT, _BOLD = "Helvetica", "Helvetica-Bold"
_MARGIN_X, _MARGIN_TOP, _MARGIN_BOTTOM = 40.0, 48.0, 40.0
_PAD = 3.0

# Header sets of the ruled variants: (header, width share, role) -- role picks the content.
_RULED_HEADS = {
    "ruled": [("Ref", 0.05, "ref"), ("Aim", 0.16, "aim"), ("Actions", 0.34, "actions"),
              ("Success measures", 0.18, "measures"), ("Timeframe", 0.09, "when"), ("Lead", 0.11, "lead"),
              ("TC Pillar", 0.07, "pillar")],
    "ruled-plain": [("Objective", 0.2, "aim"), ("What we will do", 0.38, "actions"),
                    ("Measures of success", 0.2, "measures"), ("By when", 0.1, "when"), ("Owner", 0.12, "lead")],
}


class _Canvas:
    """A reportlab canvas with the plan's running header and footer, counting pages."""

    def __init__(self, buf, spec: "PlanSpec", size):
        from reportlab.pdfgen import canvas
        self.c = canvas.Canvas(buf, pagesize=size, invariant=1)
        self.c.setTitle(f"{spec.institution} Technician Commitment Action Plan")
        self.c.setCreator("tcpipe.bench")
        self.width, self.height = size
        self.spec = spec
        self.page = 0
        self.new_page()

    def new_page(self) -> None:
        if self.page:
            self.c.showPage()
        self.page += 1
        self.c.setFont(_FONT, 8)
        self.c.setFillGray(0.3)
        self.c.drawString(_MARGIN_X, self.height - 26, f"{self.spec.institution} - Technician Commitment "
                                                       f"Action Plan {self.spec.period[0]} to {self.spec.period[1]}")
        self.c.drawRightString(self.width - _MARGIN_X, 22, f"Page {self.page}")
        self.c.setFillGray(0)

    def text(self, x: float, y_top: float, s: str, font: str = _FONT, size: float = 9) -> None:
        """Draw s with its top at y_top (points from the page top)."""
        self.c.setFont(font, size)
        self.c.drawString(x, self.height - y_top - size * 0.8, s)


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    from reportlab.lib.utils import simpleSplit
    return simpleSplit(text, font, size, width)


def _intro(cv: _Canvas, rng: random.Random) -> float:
    """Title and two paragraphs of prose; returns the y where the body starts."""
    y = _MARGIN_TOP
    for line in (cv.spec.institution, f"Technician Commitment Action Plan {cv.spec.period[0]} to {cv.spec.period[1]}"):
        cv.text(_MARGIN_X, y, line, _BOLD, 16)
        y += 20
    y += 6
    width = cv.width - 2 * _MARGIN_X
    for _ in range(2):
        for line in _wrap(" ".join(_sentence(rng) for _ in range(4)), _FONT, 10, width):
            cv.text(_MARGIN_X, y, line, _FONT, 10)
            y += 13
        y += 6
    return y + 6


def _ruled_units(spec: "PlanSpec", rng: random.Random):
    """Endless rows of a ruled plan: ("section", title) or ("row", {role: [lines...]}, n_actions)."""
    sectioned = spec.layout == "ruled"
    lettered = spec.layout == "ruled-plain"
    round_ = 0
    while True:
        round_ += 1
        for code, name in PILLARS:
            if sectioned:
                yield ("section", name if round_ == 1 else f"{name} (continued {round_})"), 0
            for i in range(1, rng.randint(3, 6) + 1):
                ref = f"{code}{(round_ - 1) * 6 + i}"
                k = rng.choice([1, 2, 3, 3, 4])
                tall = rng.random() < 0.15   # a very tall row: certainly cut by some page break
                if tall:
                    k = 6
                sents = [_sentence(rng, long=tall or rng.random() < 0.5) + (" " + _sentence(rng, long=True)
                                                                             if tall else "") for _ in range(k)]
                items = ([f"{'abcdefgh'[j]}) {s}" for j, s in enumerate(sents)] if lettered
                         else [f"{ref}.{j + 1} {s}" for j, s in enumerate(sents)])
                aim = f"To {rng.choice(_VERBS).lower()} {rng.choice(_OBJECTS)}"
                cells = {"ref": [ref], "aim": [f"{ref} \u2013 {aim}" if not lettered else f"{ref} \u2013 {aim}"],
                         "actions": items, "measures": ["; ".join(rng.sample(_MEASURES, 2))],
                         "when": [rng.choice(_WHEN)], "lead": [rng.choice(_LEADS)], "pillar": [name]}
                yield ("row", cells), k


def render_ruled(spec: "PlanSpec", pages: int) -> tuple[bytes, int, int]:
    """A Word-like ruled table over `pages` landscape pages: the header row repeated on each
    page, shaded full-width section rows, and rows cut by the page break (both parts closed
    by a rule at the page bottom, the way Word and LibreOffice draw them)."""
    import io
    from reportlab.lib.pagesizes import A4, landscape
    rng = random.Random(spec.seed)
    buf = io.BytesIO()
    cv = _Canvas(buf, spec, landscape(A4))
    heads = _RULED_HEADS[spec.layout]
    total_w = cv.width - 2 * _MARGIN_X
    xs = [_MARGIN_X]
    for _, share, _ in heads:
        xs.append(xs[-1] + share * total_w)
    xs[-1] = _MARGIN_X + total_w
    size, lead = 8.5, 10.5
    bottom = cv.height - _MARGIN_BOTTOM
    c = cv.c

    def rect(x0, top, x1, bot, fill=None):
        if fill is not None:
            c.setFillColorRGB(*fill)
            c.rect(x0, cv.height - bot, x1 - x0, bot - top, stroke=1, fill=1)
            c.setFillGray(0)
        else:
            c.rect(x0, cv.height - bot, x1 - x0, bot - top, stroke=1, fill=0)

    def header(y):
        h = lead + 2 * _PAD
        for (name, _, _), x0, x1 in zip(heads, xs, xs[1:]):
            rect(x0, y, x1, y + h, (0.85, 0.88, 0.95))
            cv.text(x0 + _PAD, y + _PAD, name, _BOLD, size)
        return y + h

    def cell_lines(cells):
        out = []
        for (_, _, role), x0, x1 in zip(heads, xs, xs[1:]):
            lines = []
            for para in cells[role]:
                lines.extend(_wrap(para, _FONT, size, x1 - x0 - 2 * _PAD))
            out.append(lines)
        return out

    c.setLineWidth(0.6)
    y = header(_intro(cv, rng))
    actions = 0
    units = _ruled_units(spec, rng)
    while True:
        (kind, payload), k = next(units)
        if kind == "section":
            h = lead + 2 * _PAD + 2
            if y + h + 3 * lead > bottom:  # a section row never sits alone at a page bottom
                if cv.page >= pages:
                    break
                cv.new_page()
                c.setLineWidth(0.6)
                y = header(_MARGIN_TOP)
            rect(xs[0], y, xs[-1], y + h, (0.9, 0.9, 0.9))
            cv.text(xs[0] + _PAD, y + _PAD + 1, payload, _BOLD, size + 1)
            y += h
            continue
        lines = cell_lines(payload)
        start = 0
        need = max(len(l) for l in lines)
        if y + 2 * lead + 2 * _PAD > bottom:   # not even two lines fit: start on the next page
            if cv.page >= pages:
                break
            cv.new_page()
            c.setLineWidth(0.6)
            y = header(_MARGIN_TOP)
        if y + need * lead + 2 * _PAD > bottom and cv.page >= pages:
            break   # the last page is full: the plan ends with a whole row
        actions += k
        while True:
            part = min(need - start, int((bottom - y - 2 * _PAD) // lead))
            h = part * lead + 2 * _PAD
            for col, x0, x1 in zip(lines, xs, xs[1:]):
                rect(x0, y, x1, y + h)
                for j, line in enumerate(col[start:start + part]):
                    cv.text(x0 + _PAD, y + _PAD + j * lead, line, _FONT, size)
            y += h
            start += part
            if start >= need:
                break
            if cv.page >= pages:   # cannot happen: a row is shorter than a page
                raise RuntimeError("a row is taller than a page")
            cv.new_page()          # the rest of the row goes on, under the repeated header
            c.setLineWidth(0.6)
            y = header(_MARGIN_TOP)
    c.showPage()
    c.save()
    return buf.getvalue(), cv.page, actions


def render_narrative(spec: "PlanSpec", pages: int) -> tuple[bytes, int, int]:
    """"Action N: title" headings (bold, larger) then labelled paragraphs: a bold label on
    its own line ("Success Measure:") or inline ("Timeframe: ..."), over `pages` portrait pages."""
    import io
    from reportlab.lib.pagesizes import A4
    rng = random.Random(spec.seed)
    buf = io.BytesIO()
    cv = _Canvas(buf, spec, A4)
    width = cv.width - 2 * _MARGIN_X
    bottom = cv.height - _MARGIN_BOTTOM
    y = _intro(cv, rng)
    n = 0
    while True:
        code, name = rng.choice(PILLARS)
        block: list[tuple[str, str, float, float]] = []   # (font, text, size, space before)
        block.append((_BOLD, f"Action {n + 1}: {rng.choice(_VERBS)} {rng.choice(_OBJECTS)}", 12.5, 10))
        for i, line in enumerate(_wrap(" ".join(_sentence(rng) for _ in range(rng.randint(2, 4))), _FONT, 10, width)):
            block.append((_FONT, line, 10, 3 if i == 0 else 0))
        block.append((_BOLD, "Success Measure:", 10, 5))
        for line in _wrap(" ".join(rng.sample(_MEASURES, 2)), _FONT, 10, width):
            block.append((_FONT, line, 10, 0))
        inline = [("Timeframe:", rng.choice(_WHEN)), ("Lead:", rng.choice(_LEADS)), ("Commitment Area:", name)]
        height = sum(s * 1.3 + sp for _, _, s, sp in block) + len(inline) * 17
        if y + height > bottom:
            if cv.page >= pages:
                break
            cv.new_page()
            y = _MARGIN_TOP
        n += 1
        for font, text, size, space in block:
            y += space
            cv.text(_MARGIN_X, y, text, font, size)
            y += size * 1.3
        for label, value in inline:
            y += 4
            cv.text(_MARGIN_X, y, label, _BOLD, 10)
            cv.text(_MARGIN_X + cv.c.stringWidth(label + " ", _BOLD, 10), y, value, _FONT, 10)
            y += 13
    cv.c.showPage()
    cv.c.save()
    return buf.getvalue(), cv.page, n


def render_plan(spec: "PlanSpec", pages: int) -> tuple[bytes, int, int]:
    """(pdf bytes, pages, atomic actions printed) for one plan; deterministic."""
    return (render_narrative if spec.layout == "narrative" else render_ruled)(spec, pages)


def plan_spec(i: int, seed: int) -> PlanSpec:
    rng = random.Random(seed * 100_003 + i)
    layout = ["ruled", "ruled", "ruled-plain", "narrative", "narrative"][i % 5]
    start = rng.choice([2022, 2023, 2024, 2025])
    inst = institution_name(rng)
    slug = "".join(ch if ch.isalnum() else "-" for ch in inst.lower()).strip("-")
    return PlanSpec(file=f"{i:03d}-{slug}-{layout}.pdf", layout=layout, institution=inst,
                    period=(start, start + 3), seed=rng.randrange(1 << 30))


def build_plan(args: tuple[PlanSpec, str, int]) -> dict:
    spec, folder, pages = args
    data, spec.pages, spec.actions = render_plan(spec, pages)
    (Path(folder) / spec.file).write_bytes(data)
    return asdict(spec)


def build_corpus(folder: Path, plans: int = 150, pages: int = 20, seed: int = 0, workers: int = 0) -> list[dict]:
    """Write the corpus (or reuse it when its manifest says it was built with the same
    parameters and every file is there). Returns the manifest entries."""
    folder.mkdir(parents=True, exist_ok=True)
    manifest_path = folder / "manifest.json"
    params = {"version": CORPUS_VERSION, "plans": plans, "pages": pages, "seed": seed}
    try:
        manifest = json.loads(manifest_path.read_text())
        if manifest["params"] == params and all((folder / p["file"]).exists() for p in manifest["plans"]):
            return manifest["plans"]
    except Exception:  # noqa: BLE001 - no usable manifest: build
        pass
    for old in folder.glob("*.pdf"):
        old.unlink()
    specs = [plan_spec(i, seed) for i in range(plans)]
    jobs = [(s, str(folder), pages) for s in specs]
    n = workers or os.cpu_count() or 1
    if n > 1 and len(jobs) > 1:
        import multiprocessing as mp
        with mp.get_context("fork").Pool(n) as pool:
            entries = pool.map(build_plan, jobs, chunksize=1)
    else:
        entries = [build_plan(j) for j in jobs]
    manifest_path.write_text(json.dumps({"params": params, "plans": entries}, indent=1))
    return entries
