"""Print the zoo's jobs to PDF (LibreOffice in batches with one profile, Chromium through one
Playwright browser, reportlab in-process, scans from a printed job), locate each gold row's
page and write `<name>.gold.json` files (../shared/tools/GOLD_FORMAT.md)."""
from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

import pypdfium2 as pdfium

from .. import common as c
from ..scan import degrade_pdf
from .families import Job
from .locate import locate

SOFFICE_BATCH = 30
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def soffice_batch(docx: list[Path], outdir: Path, profile: Path) -> None:
    for i in range(0, len(docx), SOFFICE_BATCH):
        chunk = docx[i:i + SOFFICE_BATCH]
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                        "--convert-to", "pdf:writer_pdf_Export", "--outdir", str(outdir)] + [str(p) for p in chunk],
                       check=True, capture_output=True, timeout=60 + 20 * len(chunk))
    for p in docx:
        pdf = outdir / (p.stem + ".pdf")
        if not pdf.exists():
            raise RuntimeError(f"LibreOffice produced no PDF for {p}")
        pdf.write_bytes(c.pin_pdf_metadata(pdf.read_bytes()))


def chromium_batch(pages: list[tuple[Path, Path]]) -> None:
    """Print each (html, pdf) pair with one headless Chromium (Playwright driving the system
    browser), A4 from the page's own @page rule, backgrounds printed."""
    if not pages:
        return
    from playwright.sync_api import sync_playwright
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS)
        page = browser.new_page()
        for html, pdf in pages:
            page.goto(html.resolve().as_uri())
            page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
            pdf.write_bytes(c.pin_pdf_metadata(pdf.read_bytes()))
        browser.close()


def degrade(src_pdf: Path, out_pdf: Path, o: dict, seed: int) -> None:
    """A scanner's copy (tests/generator/scan.py's model): rasterised at o['dpi'], each page
    turned by its tilt, blurred, grey paper, sensor noise, speckle, JPEG at o['jpeg'], and the
    paper/print/lighting options o carries (broken rules, curl and shadow at the binding,
    uneven light, black-and-white); no text layer."""
    degrade_pdf(src_pdf, out_pdf, o, seed)


def gold_doc(job: Job, pdf_name: str, pages: list[int | None], page_count: int) -> dict:
    rows = []
    for r, p in zip(job.rows, pages):
        r = dict(r)
        r["page_start"] = p
        rows.append(r)
    plan = job.plan
    return {"source_file": pdf_name, "institution": plan.institution, "title": job.title,
            "period_start": plan.period_start, "period_end": plan.period_end, "layout": job.family,
            "stripped": job.stripped, "talent_annotated": job.talent_annotated, "pages": page_count,
            "seed_plan": plan.seed, "options": _jsonable(job.options), "rows": rows}


def _jsonable(o):
    return json.loads(json.dumps(o, default=str))


def print_jobs(jobs: list[Job], out: Path, *, seed_of: dict[str, int]) -> list[dict]:
    """Print every job into out/pdfs, its gold into out/gold/<family>/; returns the manifest."""
    pdfs = out / "pdfs"
    pdfs.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="tczoo-") as tmp:
        tmp = Path(tmp)
        (tmp / "docx").mkdir()
        (tmp / "pdf").mkdir()
        (tmp / "html").mkdir()
        docx, html = [], []
        printed: dict[str, Path] = {}

        def stage(job: Job) -> None:
            if job.kind == "scan":
                stage(job.doc)
            elif job.kind == "docx":
                p = tmp / "docx" / f"{job.name}.docx"
                job.doc.save(p)
                docx.append(p)
                printed[job.name] = tmp / "pdf" / f"{job.name}.pdf"
            elif job.kind == "html":
                p = tmp / "html" / f"{job.name}.html"
                p.write_text(job.doc, encoding="utf-8")
                html.append((p, tmp / "pdf" / f"{job.name}.pdf"))
                printed[job.name] = tmp / "pdf" / f"{job.name}.pdf"
            else:
                target = tmp / "pdf" / f"{job.name}.pdf"
                job.doc(target)
                printed[job.name] = target
        for j in jobs:
            stage(j)
        soffice_batch(docx, tmp / "pdf", tmp / "lo-profile")
        chromium_batch(html)
        manifest = []
        for j in jobs:
            final = pdfs / f"{j.name}.pdf"
            src = printed[j.doc.name] if j.kind == "scan" else printed[j.name]
            if j.kind == "scan":
                degrade(src, final, j.options, seed_of[j.name])
            else:
                shutil.copy(src, final)
            pages = locate(src, j.rows, passes=j.passes)
            d = pdfium.PdfDocument(str(final))
            n_pages = len(d)
            d.close()
            g = gold_doc(j, final.name, pages, n_pages)
            gdir = out / "gold" / j.family
            gdir.mkdir(parents=True, exist_ok=True)
            (gdir / f"{j.name}.gold.json").write_text(json.dumps(g, indent=1, ensure_ascii=False) + "\n",
                                                      encoding="utf-8")
            manifest.append({"name": j.name, "family": j.family, "pdf": f"pdfs/{final.name}",
                             "gold": f"gold/{j.family}/{j.name}.gold.json", "rows": len(j.rows),
                             "pages": n_pages, "pages_located": sum(p is not None for p in pages),
                             "seed_plan": j.plan.seed})
    return manifest
