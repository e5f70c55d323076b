"""Regenerate the sample PDFs, their expected rows and the fixtures.

    python -m tests.generator                 # everything
    python -m tests.generator --only NAME     # one sample or fixture (stem), repeatable
    python -m tests.generator --check         # count actions: seeds vs plans vs expected
    python -m tests.generator --list          # names
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import yaml

from . import check
from . import common as c
from . import (essex, expected, fixtures, portsmouth, progress, scan, unruled, webpage,
               webplan)


def _load(stem: str) -> dict:
    return yaml.safe_load((c.PLANS / f"{stem}.yaml").read_text(encoding="utf-8"))


def _write_json(path: Path, obj: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(obj, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def sample_essex_2024() -> dict:
    stem = "essex-2024-27-action-plan"
    plan, pdf = _load(stem), c.RAW / f"{stem}.pdf"
    essex.render_2024(plan, pdf)
    return expected.essex_2024(plan, pdf, f"data/raw/{pdf.name}")


def sample_essex_2020() -> dict:
    stem = "essex-2020-23-action-plan"
    plan, pdf = _load(stem), c.RAW / f"{stem}.pdf"
    essex.render_2020(plan, pdf)
    return expected.essex_2020(plan, pdf, f"data/raw/{pdf.name}")


def sample_portsmouth() -> dict:
    stem = "portsmouth-action-plan"
    plan, pdf = _load(stem), c.RAW / f"{stem}.pdf"
    portsmouth.render(plan, pdf)
    return expected.portsmouth(plan, pdf, f"data/raw/{pdf.name}", portsmouth.BODY_TOP,
                               portsmouth.BODY_BOTTOM)


def sample_webpage() -> dict:
    stem = "essex-technician-commitment-webpage"
    plan, pdf = _load(stem), c.RAW / f"{stem}.pdf"
    webpage.render(plan, pdf)
    return expected.webpage(plan, pdf, f"data/raw/{pdf.name}")


def _with_layout(doc: dict, layout: str, **extra) -> dict:
    """Expected document with the `layout` key (after the period) and extra top-level keys
    (after the layout); used by the samples added after the first four."""
    out = {}
    for k, v in doc.items():
        out[k] = v
        if k == "period_end":
            out["layout"] = layout
            out.update(extra)
    return out


def sample_essex_2024_docx() -> dict:
    """The Word document the 2024-27 renderer builds, given directly."""
    plan = _load("essex-2024-27-action-plan")
    out = c.RAW / "essex-2024-27-action-plan.docx"
    c.save_docx_reproducible(essex.build_2024(plan), out)
    with tempfile.TemporaryDirectory(prefix="tcgen-") as tmp:
        pdf = c.soffice_convert_like_pipeline(out, Path(tmp) / "plan.pdf")
        doc = expected.essex_2024(plan, pdf, f"data/raw/{out.name}")
    return _with_layout(doc, "ruled_table")


def sample_essex_2020_scan() -> dict:
    """A scan of the committed ruled Essex 2020-23 PDF: same pages, same rows."""
    src = c.RAW / "essex-2020-23-action-plan.pdf"
    out = c.RAW / "essex-2020-23-action-plan-scan.pdf"
    turns = scan.render(src, out, title="Scan of essex-2020-23-action-plan.pdf")
    base = json.loads((c.EXPECTED / "essex-2020-23-action-plan.json").read_text())
    base["source_file"] = f"data/raw/{out.name}"
    return _with_layout(base, "scan", ocr=True,
                        scan={"dpi": scan.DPI, "page_rotation_degrees": turns,
                              "text_layer": False})


def sample_essex_2020_unruled() -> dict:
    plan = _load("essex-2020-23-action-plan")
    pdf = c.RAW / "essex-2020-23-action-plan-unruled.pdf"
    unruled.render(plan, pdf)
    doc = expected.essex_2020(plan, pdf, f"data/raw/{pdf.name}",
                              streams=unruled.column_streams(pdf, plan["columns"]))
    return _with_layout(doc, "unruled_table")


def sample_portsmouth_web_pdf() -> dict:
    """The Portsmouth plan as a web page, printed by headless Chromium."""
    plan = _load("portsmouth-action-plan")
    pdf = c.RAW / "portsmouth-action-plan-web.pdf"
    with tempfile.TemporaryDirectory(prefix="tcgen-") as tmp:
        webplan.render(plan, pdf, Path(tmp) / "portsmouth-action-plan-web.html")
    return _with_layout(expected.portsmouth_web(plan, pdf, f"data/raw/{pdf.name}"), "web")


def sample_portsmouth_web_html() -> dict:
    """The same web page given as HTML; pages from printing it the way the pipeline does."""
    plan = _load("portsmouth-action-plan")
    src = webplan.write_html(plan, c.RAW / "portsmouth-action-plan-web.html")
    with tempfile.TemporaryDirectory(prefix="tcgen-") as tmp:
        pdf = c.chromium_print_like_pipeline(src, Path(tmp) / "plan.pdf")
        doc = expected.portsmouth_web(plan, pdf, f"data/raw/{src.name}")
    return _with_layout(doc, "web")


def sample_essex_2024_progress() -> dict:
    plan = _load("essex-2024-27-action-plan")
    pdf = c.RAW / "essex-2024-27-progress-report.pdf"
    progress.render(plan, pdf)
    return _with_layout(progress.expected_doc(plan, pdf, f"data/raw/{pdf.name}"),
                        "progress_report")


#: The first four samples; their PDFs and expected files are not touched by later additions.
SAMPLES = {
    "essex-2024-27-action-plan": sample_essex_2024,
    "essex-2020-23-action-plan": sample_essex_2020,
    "portsmouth-action-plan": sample_portsmouth,
    "essex-technician-commitment-webpage": sample_webpage,
}
#: Other layouts of the same plans (name -> (function, plan they come from)). The name is
#: the file's stem for PDFs and the full file name for DOCX/HTML given directly (so that
#: tests/expected/<name>.json does not clash with the PDF of the same plan).
VARIANTS = {
    "essex-2024-27-action-plan.docx": (sample_essex_2024_docx, "essex-2024-27-action-plan"),
    "essex-2020-23-action-plan-scan": (sample_essex_2020_scan, "essex-2020-23-action-plan"),
    "essex-2020-23-action-plan-unruled": (sample_essex_2020_unruled,
                                          "essex-2020-23-action-plan"),
    "portsmouth-action-plan-web": (sample_portsmouth_web_pdf, "portsmouth-action-plan"),
    "portsmouth-action-plan-web.html": (sample_portsmouth_web_html, "portsmouth-action-plan"),
    "essex-2024-27-progress-report": (sample_essex_2024_progress, "essex-2024-27-action-plan"),
}


def _summary(name: str, doc: dict, pdf: Path) -> None:
    pdf = c.REPO / doc["source_file"] if doc["source_file"].startswith("data/") else pdf
    size = pdf.stat().st_size
    print(f"{name}: {doc['action_count']} actions, {doc['page_count']} pages, "
          f"{size / 1024:.0f} KiB")
    for s in doc.get("rows_split_across_pages", []):
        print(f"    row {s['row']} breaks across pages {s['pages']}")
    if size >= 1_000_000:
        raise SystemExit(f"{pdf} is too large ({size} bytes)")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.generator", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", action="append", default=[], metavar="NAME",
                    help="sample or fixture stem (repeatable)")
    ap.add_argument("--check", action="store_true", help="print action counts and exit")
    ap.add_argument("--list", action="store_true", help="list sample and fixture names")
    args = ap.parse_args(argv)

    if args.list:
        print("\n".join([*SAMPLES, *VARIANTS, *fixtures.ALL]))
        return 0
    if args.check:
        return check.run({name: source for name, (_, source) in VARIANTS.items()})
    unknown = set(args.only) - set(SAMPLES) - set(VARIANTS) - set(fixtures.ALL)
    if unknown:
        ap.error(f"unknown name(s): {', '.join(sorted(unknown))}; see --list")
    wanted = set(args.only) or set(SAMPLES) | set(VARIANTS) | set(fixtures.ALL)

    for name, fn in SAMPLES.items():
        if name in wanted:
            doc = fn()
            _write_json(c.EXPECTED / f"{name}.json", doc)
            _summary(name, doc, c.RAW / f"{name}.pdf")
    for name, (fn, _) in VARIANTS.items():
        if name in wanted:
            doc = fn()
            _write_json(c.EXPECTED / f"{name}.json", doc)
            _summary(name, doc, c.REPO / doc["source_file"])
    for name, fn in fixtures.ALL.items():
        if name in wanted:
            c.FIXTURES.mkdir(parents=True, exist_ok=True)
            doc = fn(c.FIXTURES)
            _write_json(c.FIXTURES / f"{name}.json", doc)
            _summary(f"fixtures/{name}", doc, c.FIXTURES / f"{name}.pdf")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
