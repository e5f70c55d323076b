"""Comparison report: built from the real sample dataset, checked as HTML and in a real
headless browser (Debian's chromium driven by Playwright)."""
from __future__ import annotations

import contextlib
import re
import shutil
from collections import Counter
from pathlib import Path

import pyarrow as pa
import pytest

from tcpipe.tools import report
from tcpipe.dataset.schema import ACTIONS, DOCUMENTS
from tcpipe.dataset.writer import write_parquet

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")


def chromium_path() -> str | None:
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


@contextlib.contextmanager
def browser_page(url: str, viewport=(1300, 900)):
    """A page loaded in headless chromium, with every console error and page error
    collected in page.errors. Skips only when no chromium is installed."""
    exe = chromium_path()
    if exe is None:
        pytest.skip("chromium is not installed (apt-get install -y chromium; the Makefile does it)")
    from playwright.sync_api import sync_playwright   # a test dependency: pip install playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=exe, args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
            errors: list[str] = []
            page.on("console", lambda m: errors.append(f"console: {m.text}") if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(f"page error: {e}"))
            page.on("requestfailed", lambda r: errors.append(f"request failed: {r.url}"))
            page.errors = errors
            page.goto(url, wait_until="load")
            yield page
        finally:
            browser.close()


@pytest.fixture(scope="module")
def built(sample_run, tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    page = report.build_report(sample_run[0].out_dir, out)
    return page, sample_run


def _institution(a: dict) -> str:
    return report._inst(a["institution"])


def _plan_actions(run) -> list[dict]:
    """Each plan once: the actions of the plans' preferred copies."""
    _, actions, documents = run
    preferred = {d["document_id"] for d in documents if d["plan_role"] == "plan"}
    return [a for a in actions if a["document_id"] in preferred]


def _convention(actions) -> tuple[str, str]:
    return ("pillars_model", "talent_model") if any(a["model_version"] != "none" for a in actions) \
        else ("pillars", "talent")


def test_report_is_written_and_self_contained(built):
    page, (run, _, documents) = built
    assert page == page.parent.parent / "report" / "index.html" and page.exists()
    html = page.read_text(encoding="utf-8")
    # nothing fetched from elsewhere: no external scripts, styles, images or fonts
    assert not re.search(r"""(src|href)\s*=\s*['"](?!#|data:)""", html), "the report must not load other files"
    assert "<script" not in html and "@import" not in html and "url(http" not in html
    for sid in ("pillar-heatmap", "talent-coverage", "due-years", "plan-timeline", "documents"):
        assert f"id='{sid}'" in html, f"{sid} missing"
    for d in documents:
        assert f">{d['source_file']}<" in html


def test_heatmap_counts_match_the_rows(built):
    page, run = built
    actions = _plan_actions(run)
    pcol, _ = _convention(actions)
    html = page.read_text(encoding="utf-8")
    heat = html.split("id='pillar-heatmap'")[1].split("</svg>")[0]
    cells = re.findall(r"data-row='([^']*)' data-col='([^']*)' data-count='(\d+)'", heat)
    insts = {_institution(a) for a in actions}
    assert len(cells) == len(insts) * 5
    want = Counter((_institution(a), p) for a in actions for p in a[pcol])
    essex = sum(1 for a in actions if a["institution"] == "University of Essex")
    assert essex == 54 + 65, "each Essex plan counted once, not once per file"
    got = {(report.html.unescape(r), c): int(n) for r, c, n in cells}
    assert {k: v for k, v in got.items() if v} == dict(want)


def test_talent_gaps_are_marked(built):
    page, run = built
    actions = _plan_actions(run)
    _, tcol = _convention(actions)
    html = page.read_text(encoding="utf-8")
    matrix = html.split("id='talent-coverage'")[1].split("</svg>")[0]
    cells = re.findall(r"<g class='cell( gap)?' data-row='([^']*)' data-col='([^']*)' data-count='(\d+)'", matrix)
    insts = {_institution(a) for a in actions}
    assert len(cells) == len(insts) * 16
    addressed = {(_institution(a), t) for a in actions for t in a[tcol]}
    for gap, inst, col, n in cells:
        key = (report.html.unescape(inst), col)
        assert bool(gap) == (key not in addressed), key
        assert (int(n) > 0) == (key in addressed)


def test_agreement_without_and_with_a_model(built, tmp_path):
    page, (_, actions, documents) = built
    preferred = {d["document_id"] for d in documents if d["plan_role"] == "plan"}
    html = page.read_text(encoding="utf-8")
    if all(a["model_version"] == "none" for a in actions):
        assert "id='agreement-none'" in html
    # the same rows as a model would leave them: the model agrees on the first pillar only
    rows = []
    for a in actions:
        a = dict(a, model_version="test-model")
        a["pillars_model"] = a["pillars_document"][:1] + (["EI"] if a["pillars_document"] else [])
        rows.append(a)
    write_parquet(pa.Table.from_pylist(rows, schema=ACTIONS), tmp_path / "actions.parquet")
    write_parquet(pa.Table.from_pylist(documents, schema=DOCUMENTS), tmp_path / "documents.parquet")
    data = report.gather(tmp_path)
    tagged = [a for a in rows if a["pillars_document"] and a["document_id"] in preferred]
    assert tagged, "the sample plans tag pillars themselves"
    got = {label: (both, doc, model) for label, both, doc, model in data["agreement"]["pillar"]}
    assert got["EI"][2] == sum(1 for a in tagged if "EI" not in a["pillars_document"])
    for code in {p for a in tagged for p in a["pillars_document"]} - {"EI"}:
        both = sum(1 for a in tagged if a["pillars_document"][0] == code)
        doc_only = sum(1 for a in tagged if code in a["pillars_document"][1:])
        assert got[code][:2] == (both, doc_only)
    exact = sum(1 for a in tagged if sorted(a["pillars_document"]) == sorted(a["pillars_model"]))
    assert data["agreement"]["pillar_rows"] == (len(tagged), exact)
    html2 = report.render(data)
    assert "id='agreement-pillar'" in html2 and "id='agreement-none'" not in html2
    # the section says whether agreement is measured on the model's own training plans
    agreement = html2.split("id='agreement'")[1].split("</section>")[0]
    assert "trained on" in agreement or "never saw" in agreement
    for _, colour in report.AGREEMENT_COLOURS:       # Okabe-Ito: colour-blind safe
        assert colour in agreement


def test_report_in_a_real_browser(built):
    page_path, (_, actions, documents) = built
    with browser_page(page_path.as_uri()) as page:
        assert page.title().startswith("Technician Commitment")
        for chart in ("#pillar-heatmap", "#talent-coverage", "#due-years", "#plan-timeline"):
            box = page.locator(chart).bounding_box()
            assert box and box["width"] > 100 and box["height"] > 40, f"{chart} not drawn: {box}"
            assert page.locator(chart).is_visible()
        insts = {_institution(a) for a in actions}
        assert page.locator("#inst-university-of-essex").is_visible()
        assert page.locator("#pillar-heatmap g.cell").count() == 5 * len(insts)
        assert page.locator("#talent-coverage g.cell").count() == 16 * len(insts)
        assert page.locator("#documents tbody tr").count() == len(documents)
        # the drawn chart has visible colour: at least one cell darker than white
        fills = page.eval_on_selector_all("#pillar-heatmap rect", "els => els.map(e => e.getAttribute('fill'))")
        assert any(f and f.startswith("rgb(") and f != "rgb(247,251,255)" for f in fills)
        assert page.errors == [], page.errors


def test_cli_writes_the_report(sample_run, tmp_path, capsys):
    assert report.main(["--dataset", str(sample_run[0].out_dir), "--out", str(tmp_path)]) == 0
    assert (tmp_path / "report" / "index.html").exists()
    assert report.main(["--dataset", str(tmp_path / "nothing")]) == 2
    with pytest.raises(SystemExit):
        report.main(["--help"])
    assert "example:" in capsys.readouterr().out


def test_report_quality(built):
    """Issue 13 point 7: a legend on every heatmap, text contrast >= 4.5:1 in every cell,
    timeline rows naming their files, a generated-at line with the dataset path, a CSV
    download under every table."""
    page, (run, _, documents) = built
    html = page.read_text(encoding="utf-8")
    heatmaps = re.findall(r"<svg id='([^']+)' class='chart heatmap'.*?</svg>", html)
    assert len(heatmaps) >= 6
    for chart in re.findall(r"<svg id='[^']+' class='chart heatmap'.*?</svg>", html):
        assert "class='legend'" in chart and "linearGradient" in chart
        for fill, colour in re.findall(r"<rect [^>]*fill='rgb\((\d+,\d+,\d+)\)'[^>]*/><text [^>]*fill='(#[0-9a-f]+)'",
                                       chart):
            rgb = tuple(int(v) for v in fill.split(","))
            assert report.contrast(rgb, report.hex_rgb(colour)) >= 4.5, (fill, colour)
    timeline = html.split("id='plan-timeline'")[1].split("</svg>")[0]
    lanes = re.findall(r"<g class='lane' data-files='([^']*)'", timeline)
    assert any(l.startswith("essex-2020-23-action-plan.pdf;") and "scan" in l for l in lanes)
    assert f"from the dataset {run.out_dir.resolve()}" in html and "Generated 20" in html
    tables = re.findall(r"<table id='([^']+)'", html)
    links = re.findall(r"<a class='csv' download='([^']+)\.csv' href='data:text/csv;charset=utf-8,([^']*)'", html)
    assert len(tables) == len(links) >= 5
    from urllib.parse import unquote
    csv_docs = dict(links)["documents"]
    assert unquote(csv_docs).count("\n") == len(documents) + 1


def test_institution_page_counts_plans_and_what_carried_forward(built):
    page, run = built
    _, actions, _ = run
    html = page.read_text(encoding="utf-8")
    essex = html.split("id='inst-university-of-essex'")[1].split("</section>")[0]
    row = re.search(r"<table id='fates-university-of-essex'>.*?<tbody><tr>(.*?)</tr>", essex).group(1)
    cells = re.findall(r"<td>(.*?)</td>", row)
    e = [a for a in _plan_actions(run) if a["period_start"] == 2020]
    assert cells[:2] == ["2020-2023", "2024-2027"]
    assert int(cells[2]) == sum(a["fate"] == "continued" for a in e) > 0
    assert int(cells[4]) == sum(a["fate"] == "dropped" for a in e)
    assert "id='movement-university-of-essex'" in essex and "id='status-university-of-essex'" in essex
    port = html.split("id='inst-university-of-portsmouth'")[1].split("</section>")[0]
    assert "nothing to compare across cycles" in port and "No progress report" in port


def test_empty_charts_say_so(built, tmp_path):
    page, (_, actions, documents) = built
    rows = [dict(a, due_date=None, due_dates=[]) for a in actions]
    write_parquet(pa.Table.from_pylist(rows, schema=ACTIONS), tmp_path / "actions.parquet")
    write_parquet(pa.Table.from_pylist(documents, schema=DOCUMENTS), tmp_path / "documents.parquet")
    html = report.render(report.gather(tmp_path))
    assert "id='due-years-empty'" in html and "id='due-years'" not in html
