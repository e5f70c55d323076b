"""Print the zoo's jobs to PDF (LibreOffice in batches with one profile, Chromium through one
Playwright browser, reportlab in-process, scans from a printed job), locate each gold row's
page and write `<name>.gold.json` files (../shared/tools/GOLD_FORMAT.md)."""
from __future__ import annotations

import io
import json
import shutil
import subprocess
import tempfile
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageFilter

from .. import common as c
from ..scan import _pdf as image_pdf
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
    """A scanner's copy: rasterised at o['dpi'], each page turned by its tilt, blurred, grey
    paper, sensor noise, speckle, JPEG at o['jpeg']; no text layer."""
    rng = np.random.default_rng(seed)
    doc = pdfium.PdfDocument(str(src_pdf))
    pages = []
    for i in range(len(doc)):
        w, h = doc[i].get_size()
        img = doc[i].render(scale=o["dpi"] / 72, grayscale=True).to_pil().convert("L")
        img = img.rotate(o["tilt"][i % len(o["tilt"])], resample=Image.BICUBIC, expand=False, fillcolor=255)
        img = img.filter(ImageFilter.GaussianBlur(o["blur"] * o["dpi"] / 200))
        a = np.asarray(img, dtype=np.float32)
        a = a * (o["grey"] / 255.0)
        a += rng.normal(0.0, o["noise"], a.shape)
        specks = rng.random(a.shape) < o["speckle"]
        a[specks] = rng.uniform(30, 150, int(specks.sum()))
        img = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "L")
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=o["jpeg"], dpi=(o["dpi"], o["dpi"]))
        pages.append((w, h, img.width, img.height, buf.getvalue()))
    doc.close()
    out_pdf.write_bytes(image_pdf(pages, "Scanned document"))


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
