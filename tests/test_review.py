"""Review pages: real PDFs rendered with their extracted rows' boxes, flags for rows to
check, and the page working in a real browser."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pyarrow as pa
import pypdfium2 as pdfium
import pytest

from tcpipe.tools import review
from tcpipe.dataset.schema import ACTIONS, DOCUMENTS
from tcpipe.dataset.writer import write_parquet

from .conftest import RAW
from .test_report import browser_page


@pytest.fixture(scope="module")
def flagged(sample_run, tmp_path_factory):
    """The real dataset with one row made low-quality and one given an uncertain model
    score, as the review must highlight them."""
    _, actions, documents = sample_run
    assert actions, "the sample run gave no actions"
    rows = [dict(a) for a in actions]
    low, unsure = rows[0], rows[-1]
    low["extraction_quality"] = 0.3
    unsure["pillar_scores"] = [("V", 0.52), ("S", 0.9)]
    unsure["pillars"] = ["S"]
    unsure["pillars_source"], unsure["label_source"] = "model", "model"
    dataset = tmp_path_factory.mktemp("review-ds")
    write_parquet(pa.Table.from_pylist(rows, schema=ACTIONS), dataset / "actions.parquet")
    write_parquet(pa.Table.from_pylist(documents, schema=DOCUMENTS), dataset / "documents.parquet")
    out = tmp_path_factory.mktemp("review-out")
    index = review.build_review(dataset, RAW, out)
    return index, rows, documents, low, unsure


def _plan_html(index: Path, source_file: str) -> str:
    return (index.parent / f"{review.slug(source_file)}.html").read_text(encoding="utf-8")


def test_one_page_per_plan_with_every_pdf_page(flagged):
    index, rows, documents, *_ = flagged
    assert index.exists()
    listing = index.read_text(encoding="utf-8")
    for d in documents:
        assert f"href='{review.slug(d['source_file'])}.html'" in listing
        html = _plan_html(index, d["source_file"])
        if d["status"] == "failed" or not d["page_count"]:
            continue
        images = re.findall(r"<img src='([^']+)'", html)
        assert len(images) == d["page_count"], d["source_file"]
        for img in images:
            assert (index.parent / img).stat().st_size > 1000
        assert "not found under" not in html


def _as_pdf(path):
    """The PDF the pipeline read: DOCX and HTML plans are converted the same way."""
    from extract.convert import sniff_kind, to_pdf
    data = path.read_bytes()
    kind = sniff_kind(data, path.suffix.lower())
    return data if kind == "pdf" else to_pdf(data, kind)


def test_every_row_sits_beside_its_page_with_its_boxes(flagged):
    index, rows, documents, *_ = flagged
    sizes = {}
    for d in documents:
        if d["n_actions"]:
            pdf = pdfium.PdfDocument(_as_pdf(RAW / d["source_file"]))
            sizes[d["source_file"]] = [pdf[i].get_size() for i in range(len(pdf))]
            pdf.close()
    for src in sizes:
        html = _plan_html(index, src)
        pages = re.split(r"<div class='page' id='page-(\d+)'>", html)[1:]
        cards = {}
        rects = {}
        for number, body in zip(pages[::2], pages[1::2]):
            n = int(number)
            cards[n] = set(re.findall(r"<div class='row[^']*'[^>]* data-row='([^']+)' data-page", body))
            rects[n] = re.findall(r"<rect class='box[^']*' data-row='([^']+)' x='([\d.]+)' y='([\d.]+)' "
                                  r"width='([\d.]+)' height='([\d.]+)'", body)
        for row in (r for r in rows if r["source_file"] == src):
            box_pages = {b["page"] for b in row["boxes"]} or {row["page_start"]}
            for p in box_pages:
                assert row["row_id"] in cards[p], (src, p, row["action_id"])
                assert any(r[0] == row["row_id"] for r in rects[p]), (src, p, row["action_id"])
        for p, found in rects.items():
            w, h = sizes[src][p - 1]
            for _, x, y, bw, bh in found:
                assert 0 <= float(x) and float(x) + float(bw) <= w + 1 and 0 <= float(y) and float(y) + float(bh) <= h + 1


def test_low_quality_and_uncertain_rows_are_highlighted(flagged):
    index, rows, documents, low, unsure = flagged
    html = _plan_html(index, low["source_file"])
    assert re.search(rf"<div class='row low[^']*' id='r-{low['row_id']}'", html)
    assert re.search(rf"<rect class='box low' data-row='{low['row_id']}'", html)
    assert "table read with low quality (0.30" in html
    html = _plan_html(index, unsure["source_file"])
    assert re.search(rf"<div class='row[^']*\bunc\b[^']*' id='r-{unsure['row_id']}'", html)
    assert "pillar V not given with score 0.52" in html
    assert f"- row_id: {unsure['row_id']}" in html      # the overrides entry to copy
    calm = dict(rows[1], extraction_quality=0.99, row_warnings=[], ocr=False, pillars=["V"], talent=[],
                pillar_scores=[("V", 0.5), ("S", 0.4)], pillars_source="document", talent_source="none",
                label_source="document")
    assert not review.row_flags(calm).any            # the plan's own tag is not a model call to doubt
    assert review.row_flags(dict(calm, pillars_source="model", label_source="model")).labels == \
        ["pillar S not given with score 0.40", "pillar V given with score 0.50"]


def test_missing_and_changed_pdfs_are_reported(sample_run, tmp_path):
    _, _, documents = sample_run
    d = next(d for d in documents if d["n_actions"])
    path, problem = review.find_pdf(tmp_path, d["source_file"], d["document_id"])
    assert path is None and "not found" in problem
    (tmp_path / d["source_file"]).parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(RAW / d["source_file"], tmp_path / d["source_file"])
    assert review.find_pdf(tmp_path, d["source_file"], d["document_id"]) == (tmp_path / d["source_file"], None)
    with open(tmp_path / d["source_file"], "ab") as fh:
        fh.write(b"\n% changed\n")
    path, problem = review.find_pdf(tmp_path, d["source_file"], d["document_id"])
    assert path == tmp_path / d["source_file"] and "differs" in problem


def test_review_page_in_a_real_browser(flagged):
    index, rows, documents, low, _ = flagged
    url = (index.parent / f"{review.slug(low['source_file'])}.html").as_uri()
    with browser_page(url) as page:
        imgs = page.eval_on_selector_all("img", "els => els.map(e => e.complete && e.naturalWidth)")
        assert imgs and all(w and w > 100 for w in imgs), imgs
        doc_rows = [r for r in rows if r["source_file"] == low["source_file"]]
        assert page.locator("rect.box").count() == sum(len(r["boxes"]) or bool(r["bbox"]) for r in doc_rows)
        overlay = page.locator(".pageimg svg").first.bounding_box()
        image = page.locator(".pageimg img").first.bounding_box()
        assert overlay and image and abs(overlay["width"] - image["width"]) < 2 and abs(overlay["height"] - image["height"]) < 2
        page.locator(f"rect.box[data-row='{low['row_id']}']").first.dispatch_event("click")
        assert "sel" in page.locator(f"#r-{low['row_id']}").get_attribute("class")
        page.locator("#flagged-only").check()
        assert page.locator(f"#r-{low['row_id']}").is_visible()
        assert page.errors == [], page.errors


def test_cli(sample_run, tmp_path, capsys):
    out = sample_run[0].out_dir
    d = next(d for d in sample_run[2] if d["n_actions"])
    assert review.main(["--raw", str(RAW), "--dataset", str(out), "--out", str(tmp_path),
                        "--only", d["source_file"]]) == 0
    assert (tmp_path / "review" / f"{review.slug(d['source_file'])}.html").exists()
    assert len(list((tmp_path / "review").glob("*.html"))) == 2     # the plan and the index
    with pytest.raises(SystemExit):
        review.main(["--help"])
    assert "example:" in capsys.readouterr().out
