"""Review pages: every plan's PDF pages as images, with the box of each extracted action
outlined, beside the rows read from that page, so a reviewer can check any row against
its page and write corrections (see tcpipe/overrides.py and docs/analysis.md).

Writes OUT/review/index.html (one line per plan) and OUT/review/<plan>.html with page
images in OUT/review/<plan>/. Rows whose table was read with low quality, whose text
came with warnings, or whose labels are uncertain (a model score near the decision
threshold) are highlighted, on the page and in the list.
"""
from __future__ import annotations

import argparse
import hashlib
import html
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ..dataset.overrides import ADDED_WARNING
from .query import DatasetMissing

MIN_QUALITY = 0.6            # extraction_quality below this flags the row
UNCERTAIN = (0.35, 0.65)     # a model score in this band flags the label as uncertain
SCALE = 1.5                  # page image pixels per PDF point


def esc(value) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def slug(source_file: str) -> str:
    """File-name-safe name of a plan's page; the suffix is kept unless it is .pdf, so the
    DOCX and the PDF of one plan get different pages."""
    path = Path(source_file)
    stem = path.with_suffix("").as_posix() if path.suffix.lower() == ".pdf" else path.as_posix()
    s = re.sub(r"[^A-Za-z0-9]+", "-", stem).strip("-").lower()
    return s or "document"


# ---------------------------------------------------------------- flags

@dataclass
class Flags:
    extraction: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)

    @property
    def any(self) -> bool:
        return bool(self.extraction or self.labels)


def _scores(value) -> dict[str, float]:
    """A map column as read by pyarrow (list of (key, value)) or a dict."""
    if not value:
        return {}
    if isinstance(value, dict):
        return dict(value)
    return {k: v for k, v in value}


def row_flags(row: dict, min_quality: float = MIN_QUALITY, uncertain: tuple[float, float] = UNCERTAIN) -> Flags:
    """Why a reviewer should look at this row (empty when nothing stands out)."""
    f = Flags()
    q = row.get("extraction_quality")
    if q is not None and q < min_quality:
        f.extraction.append(f"table read with low quality ({q:.2f} < {min_quality:g})")
    if row.get("ocr") and (row.get("ocr_confidence") or 0) < 0.8:
        f.extraction.append(f"OCR text, confidence {row.get('ocr_confidence') or 0:.2f}")
    for w in row.get("row_warnings") or []:
        if w != ADDED_WARNING:
            f.extraction.append(w)
    lo, hi = uncertain
    for kind, final_col, score_col, source_col in (("pillar", "pillars", "pillar_scores", "pillars_source"),
                                                   ("TALENT", "talent", "talent_scores", "talent_source")):
        if row.get(source_col) != "model":
            continue        # the plan or a reviewer gave these labels: no model call to doubt
        scores = _scores(row.get(score_col))
        final = set(row.get(final_col) or [])
        for label, score in sorted(scores.items()):
            if score is not None and lo <= score < hi:
                state = "given" if label in final else "not given"
                f.labels.append(f"{kind} {label} {state} with score {score:.2f}")
    if row.get("label_source") == "none":
        f.labels.append("no labels")
    return f


# ---------------------------------------------------------------- PDFs

def find_pdf(raw: Path, source_file: str, document_id: str | None) -> tuple[Path | None, str | None]:
    """The PDF a row came from, under `raw`, and a warning when it is missing or differs
    from the file that was extracted."""
    direct = raw / source_file
    candidates = [direct] if direct.is_file() else []
    if not candidates:
        name = Path(source_file).name
        candidates = sorted(p for p in raw.rglob(name) if p.is_file())
    for path in candidates:
        if document_id is None or hashlib.sha256(path.read_bytes()).hexdigest() == document_id:
            return path, None
    if candidates:
        return candidates[0], (f"{candidates[0]} differs from the file that was extracted (its SHA-256 does not "
                               f"match document_id): boxes may not line up; re-run the extract")
    return None, f"{source_file} not found under {raw}"


@dataclass
class PageImage:
    number: int           # 1-based
    file: str             # relative to the review folder
    width: float          # points
    height: float


def render_pages(pdf: Path, folder: Path, rel: str, document_id: str, scale: float = SCALE) -> list[PageImage]:
    """PNG per page, reused when the same document was rendered at the same scale."""
    import pypdfium2 as pdfium
    folder.mkdir(parents=True, exist_ok=True)
    stamp = folder / "pages.json"
    key = {"document_id": document_id, "scale": scale}
    try:
        cached = json.loads(stamp.read_text())
        if cached.get("key") == key and all((folder / Path(p["file"]).name).exists() for p in cached["pages"]):
            return [PageImage(**p) for p in cached["pages"]]
    except (OSError, ValueError, KeyError, TypeError):
        pass
    pages = []
    from extract.convert import sniff_kind, to_pdf
    data = pdf.read_bytes()
    kind = sniff_kind(data, pdf.suffix.lower())
    if kind != "pdf":   # a DOCX or HTML plan: shown as the PDF the extract read (same converter)
        data = to_pdf(data, kind)
    doc = pdfium.PdfDocument(data)
    try:
        for i in range(len(doc)):
            page = doc[i]
            w, h = page.get_size()
            name = f"page-{i + 1:03d}.png"
            page.render(scale=scale).to_pil().save(folder / name, optimize=False)
            pages.append(PageImage(i + 1, f"{rel}/{name}", round(w, 2), round(h, 2)))
            page.close()
    finally:
        doc.close()
    stamp.write_text(json.dumps({"key": key, "pages": [p.__dict__ for p in pages]}))
    return pages


# ---------------------------------------------------------------- HTML

CSS = """
body{font-family:system-ui,sans-serif;margin:0;color:#1b1b1b;background:#f4f4f4}
header{background:#12355b;color:#fff;padding:14px 24px;position:sticky;top:0;z-index:5}
header h1{margin:0;font-size:19px} header p{margin:3px 0 0;font-size:13px;opacity:.9}
header a{color:#cfe3ff}
main{padding:10px 24px 40px}
.legend span{display:inline-block;padding:1px 8px;margin-right:8px;border-radius:3px;font-size:12px;border:2px solid}
.legend .ok{border-color:#2b6cb0}.legend .low{border-color:#d0342c}.legend .unc{border-color:#e08a00}
.legend .rev{border-color:#2f9e44}
.page{display:flex;gap:16px;align-items:flex-start;margin:18px 0;background:#fff;border:1px solid #ddd;
      border-radius:6px;padding:12px}
.pageimg{position:relative;flex:0 1 auto;max-width:66%;border:1px solid #ccc;line-height:0}
.pageimg img{display:block;max-width:100%;height:auto}
.pageimg svg{position:absolute;left:0;top:0;width:100%;height:100%}
.box{fill:rgba(43,108,176,.06);stroke:#2b6cb0;stroke-width:1.2;cursor:pointer}
.box.low{stroke:#d0342c;fill:rgba(208,52,44,.10);stroke-width:2}
.box.unc{stroke:#e08a00;fill:rgba(224,138,0,.10);stroke-width:2}
.box.rev{stroke:#2f9e44;fill:rgba(47,158,68,.08)}
.box.sel{stroke:#000;stroke-width:3;fill:rgba(255,230,0,.25)}
.rows{flex:1 1 420px;min-width:360px;max-height:92vh;overflow-y:auto}
.rows h3{margin:0 0 8px;font-size:15px}
.row{border:1px solid #e2e2e2;border-left:5px solid #2b6cb0;border-radius:4px;padding:7px 10px;margin:0 0 8px;
     font-size:13px;background:#fff}
.row.low{border-left-color:#d0342c;background:#fff6f5}
.row.unc{border-left-color:#e08a00}
.row.low.unc{border-left-color:#d0342c}
.row.rev{border-left-color:#2f9e44}
.row.sel{outline:3px solid #000}
.row .id{font-weight:700;margin-right:6px}
.row .text{margin:3px 0}
.row dl{display:grid;grid-template-columns:max-content 1fr;gap:1px 10px;margin:4px 0;color:#333}
.row dt{color:#666}.row dd{margin:0}
.flag{color:#b3261e;font-size:12px;margin:2px 0}
.flag.unc{color:#9a5b00}
.tag{display:inline-block;background:#eef3fa;border-radius:3px;padding:0 5px;margin:0 3px 2px 0;font-size:12px}
.tag.unc{background:#ffe8c2}
.meta{color:#666;font-size:11px;word-break:break-all}
details pre{background:#f6f6f6;padding:6px;font-size:11px;white-space:pre-wrap}
.none{color:#777;font-style:italic}
table.plans{border-collapse:collapse;background:#fff;font-size:14px}
table.plans th,table.plans td{border-bottom:1px solid #e5e5e5;padding:6px 10px;text-align:left}
.warn{color:#9a5b00}
body.flagged-only .row:not(.low):not(.unc){display:none}
"""

JS = """
(function(){
  function select(id){
    document.querySelectorAll('.sel').forEach(function(e){e.classList.remove('sel');});
    document.querySelectorAll('[data-row="'+id+'"]').forEach(function(e){e.classList.add('sel');});
  }
  document.querySelectorAll('[data-row]').forEach(function(e){
    e.addEventListener('click', function(){
      select(e.getAttribute('data-row'));
      if (e.classList.contains('box')) {
        var card = document.querySelector('.row[data-row="'+e.getAttribute('data-row')+'"]');
        if (card) card.scrollIntoView({block:'nearest'});
      }
    });
  });
  var t = document.getElementById('flagged-only');
  if (t) t.addEventListener('change', function(){ document.body.classList.toggle('flagged-only', t.checked); });
})();
"""


def _list(values) -> str:
    return ", ".join(values) if values else "-"


def _labels_html(row: dict, final_col: str, score_col: str, source_col: str, uncertain: tuple[float, float]) -> str:
    scores = _scores(row.get(score_col))
    lo, hi = uncertain
    tags = []
    for label in row.get(final_col) or []:
        s = scores.get(label)
        cls = "tag unc" if s is not None and lo <= s < hi else "tag"
        tags.append(f"<span class='{cls}'>{esc(label)}" + (f" {s:.2f}" if s is not None else "") + "</span>")
    near = [(k, v) for k, v in sorted(scores.items()) if k not in (row.get(final_col) or []) and v is not None
            and lo <= v < hi]
    out = "".join(tags) or "<span class='none'>none</span>"
    out += f" <span class='meta'>({esc(row.get(source_col))})</span>"
    if near:
        out += " near miss: " + "".join(f"<span class='tag unc'>{esc(k)} {v:.2f}</span>" for k, v in near)
    return out


def _override_snippet(row: dict) -> str:
    def yl(values):
        return "[" + ", ".join(values or []) + "]"
    return (f"- row_id: {row['row_id']}\n"
            f"  set:\n"
            f"    pillars: {yl(row.get('pillars'))}\n"
            f"    talent: {yl(row.get('talent'))}\n"
            f"    # timeframe: ...\n"
            f"- row_id: {row['row_id']}\n"
            f"  drop: true\n")


def _row_card(row: dict, flags: Flags, uncertain: tuple[float, float], page: int, first: bool) -> str:
    classes = ["row"] + (["low"] if flags.extraction else []) + (["unc"] if flags.labels else []) + \
              (["rev"] if row.get("reviewer") else [])
    rid = row["row_id"]
    head = f"<span class='id'>{esc(row.get('action_id') or '(no id)')}</span>"
    if row.get("parent_id"):
        head += f"<span class='meta'>aim {esc(row['parent_id'])}</span>"
    if not first:
        head += f" <span class='meta'>continued from page {row['page_start']}</span>"
    fields = [("aim", row.get("aim")), ("section", row.get("section")), ("timeframe", row.get("timeframe")),
              ("due", " ".join(str(v) for v in (row.get("due_date"), row.get("recurrence")) if v)),
              ("owner", row.get("owner")), ("success", row.get("success_measures")),
              ("RAG", row.get("rag_status")), ("progress", row.get("progress"))]
    dl = "".join(f"<dt>{k}</dt><dd>{esc(v)}</dd>" for k, v in fields if v)
    dl += f"<dt>pillars</dt><dd>{_labels_html(row, 'pillars', 'pillar_scores', 'pillars_source', uncertain)}</dd>"
    dl += f"<dt>TALENT</dt><dd>{_labels_html(row, 'talent', 'talent_scores', 'talent_source', uncertain)}</dd>"
    if row.get("pillars_document") or row.get("talent_document"):
        dl += (f"<dt>plan tags</dt><dd>{esc(_list(row.get('pillars_document')))}; "
               f"{esc(_list(row.get('talent_document')))}</dd>")
    q = row.get("extraction_quality")
    dl += f"<dt>quality</dt><dd>{'-' if q is None else f'{q:.2f}'} <span class='meta'>{esc(row.get('extractor'))}</span></dd>"
    if row.get("reviewer"):
        dl += f"<dt>reviewed</dt><dd>{esc(row['reviewer'])} {esc(row.get('reviewed_at'))}</dd>"
    flag_html = "".join(f"<div class='flag'>&#9888; {esc(m)}</div>" for m in flags.extraction) + \
                "".join(f"<div class='flag unc'>&#9888; {esc(m)}</div>" for m in flags.labels)
    body = (f"<div class='text'>{esc(row['action_text'])}</div>{flag_html}<dl>{dl}</dl>"
            f"<div class='meta'>row_id {esc(rid)} &middot; pages {row['page_start']}-{row['page_end']}</div>"
            f"<details><summary>correct this row</summary><p class='meta'>Copy into data/overrides.yaml, "
            f"keep what applies, and re-run the extract.</p><pre>{esc(_override_snippet(row))}</pre></details>")
    anchor = f" id='r-{esc(rid)}'" if first else ""
    return f"<div class='{' '.join(classes)}'{anchor} data-row='{esc(rid)}' data-page='{page}'>{head}{body}</div>"


def _row_boxes(row: dict) -> list[dict]:
    boxes = [b for b in row.get("boxes") or [] if b]
    if not boxes and row.get("bbox"):
        x0, top, x1, bottom = row["bbox"]
        boxes = [dict(page=row["page_start"], x0=x0, top=top, x1=x1, bottom=bottom)]
    return boxes


def _rows_by_page(rows: list[dict]) -> dict[int, list[tuple[dict, bool]]]:
    """page -> [(row, first page of the row?)], in dataset order."""
    out: dict[int, list[tuple[dict, bool]]] = {}
    for row in rows:
        pages = sorted({b["page"] for b in _row_boxes(row)}) or [row["page_start"]]
        for p in pages:
            out.setdefault(p, []).append((row, p == pages[0]))
    return out


def plan_page(doc: dict, rows: list[dict], pages: list[PageImage], problem: str | None,
              min_quality: float = MIN_QUALITY, uncertain: tuple[float, float] = UNCERTAIN,
              scale: float = SCALE) -> str:
    flags = {r["row_id"]: row_flags(r, min_quality, uncertain) for r in rows}
    by_page = _rows_by_page(rows)
    n_low = sum(1 for f in flags.values() if f.extraction)
    n_unc = sum(1 for f in flags.values() if f.labels)
    title = f"{doc['source_file']}"
    period = f"{doc.get('period_start')}-{doc.get('period_end')}" if doc.get("period_start") else "period unknown"
    info = (f"{esc(doc.get('institution') or 'institution not resolved')} &middot; {esc(period)} &middot; "
            f"status {esc(doc.get('status'))} &middot; {len(rows)} rows, {n_low} with extraction flags, "
            f"{n_unc} with uncertain labels &middot; <a href='index.html'>all plans</a>")
    notes = [f"<p class='warn'>&#9888; {esc(problem)}</p>"] if problem else []
    notes += [f"<p class='warn'>error: {esc(e)}</p>" for e in doc.get("errors") or []]
    notes += [f"<p class='warn'>warning: {esc(w)}</p>" for w in doc.get("warnings") or []]
    legend = ("<p class='legend'><span class='ok'>extracted row</span><span class='low'>low extraction quality "
              "or warnings</span><span class='unc'>uncertain labels</span><span class='rev'>reviewed</span>"
              "<label><input type='checkbox' id='flagged-only'> show only flagged rows</label></p>")
    sections = []
    shown_pages = pages or [PageImage(p, "", 0, 0) for p in sorted(by_page)]
    for pg in shown_pages:
        entries = by_page.get(pg.number, [])
        if pg.file:
            rects = []
            for row, _ in entries:
                f = flags[row["row_id"]]
                cls = "box" + (" low" if f.extraction else " unc" if f.labels else "") + \
                      (" rev" if row.get("reviewer") and not f.any else "")
                for b in _row_boxes(row):
                    if b["page"] != pg.number:
                        continue
                    tip = f"{row.get('action_id') or ''} {row['action_text'][:120]}"
                    rects.append(f"<rect class='{cls}' data-row='{esc(row['row_id'])}' x='{b['x0']:.1f}' "
                                 f"y='{b['top']:.1f}' width='{max(b['x1'] - b['x0'], 1):.1f}' "
                                 f"height='{max(b['bottom'] - b['top'], 1):.1f}'><title>{esc(tip)}</title></rect>")
            image = (f"<div class='pageimg'><img src='{esc(pg.file)}' width='{round(pg.width * scale)}' "
                     f"height='{round(pg.height * scale)}' alt='page {pg.number}'>"
                     f"<svg viewBox='0 0 {pg.width} {pg.height}' preserveAspectRatio='none' "
                     f"xmlns='http://www.w3.org/2000/svg'>{''.join(rects)}</svg></div>")
        else:
            image = "<div class='pageimg none' style='line-height:1.4;padding:20px'>no page image</div>"
        cards = "".join(_row_card(row, flags[row["row_id"]], uncertain, pg.number, first) for row, first in entries)
        sections.append(f"<div class='page' id='page-{pg.number}'>{image}<div class='rows'>"
                        f"<h3>Page {pg.number}: {len(entries)} row{'s' if len(entries) != 1 else ''}</h3>"
                        f"{cards or '<p class=none>No rows extracted from this page.</p>'}</div></div>")
    return ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
            f"<title>Review: {esc(title)}</title><style>{CSS}</style></head><body>"
            f"<header><h1>Review: {esc(title)}</h1><p>{info}</p></header><main>"
            + "".join(notes) + legend + "".join(sections) + f"</main><script>{JS}</script></body></html>\n")


def index_page(entries: list[dict]) -> str:
    rows = "".join(
        f"<tr><td><a href='{esc(e['href'])}'>{esc(e['source_file'])}</a></td><td>{esc(e['institution'])}</td>"
        f"<td>{esc(e['period'])}</td><td>{esc(e['status'])}</td><td>{e['rows']}</td><td>{e['low']}</td>"
        f"<td>{e['unc']}</td><td>{e['reviewed']}</td><td class='warn'>{esc(e['problem'] or '')}</td></tr>"
        for e in entries)
    return ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Review: plans</title>"
            f"<style>{CSS}</style></head><body><header><h1>Review: plans</h1><p>Open a plan to check its rows "
            "against its pages. Corrections go into data/overrides.yaml (see docs/analysis.md).</p></header><main>"
            "<table class='plans' id='plans'><thead><tr><th>file</th><th>institution</th><th>period</th>"
            "<th>status</th><th>rows</th><th>extraction flags</th><th>uncertain labels</th><th>reviewed</th>"
            f"<th>problems</th></tr></thead><tbody>{rows}</tbody></table></main></body></html>\n")


# ---------------------------------------------------------------- building

def _read(dataset: Path):
    from ..dataset.writer import read_parquet
    try:
        actions = read_parquet(dataset / "actions.parquet").to_pylist()
        documents = read_parquet(dataset / "documents.parquet").to_pylist()
    except FileNotFoundError as exc:
        raise DatasetMissing(f"no dataset in {dataset}: run `make extract` first") from exc
    return actions, documents


def build_review(dataset: Path, raw: Path, out: Path | None = None, only: list[str] | None = None,
                 scale: float = SCALE, min_quality: float = MIN_QUALITY,
                 uncertain: tuple[float, float] = UNCERTAIN) -> Path:
    """Write review pages for every document in the dataset (or those whose source_file
    is in `only`) to `out`/review/ (`out` defaults to the dataset folder), finding each
    PDF by its source_file under `raw`. Returns the path of the index page."""
    from ..dataset.writer import write_text
    dataset, raw = Path(dataset), Path(raw)
    folder = Path(out or dataset) / "review"
    actions, documents = _read(dataset)
    by_doc: dict[str, list[dict]] = {}
    for r in actions:
        by_doc.setdefault(r["source_file"], []).append(r)
    entries = []
    used: set[str] = set()
    for doc in documents:
        src = doc["source_file"]
        if only and src not in only:
            continue
        name = slug(src)
        while name in used:
            name += "-x"
        used.add(name)
        rows = by_doc.get(src, [])
        pdf, problem = find_pdf(raw, src, doc["document_id"])
        pages: list[PageImage] = []
        if pdf is not None:
            try:
                pages = render_pages(pdf, folder / name, name, doc["document_id"], scale)
            except Exception as exc:  # noqa: BLE001 - an unreadable PDF still gets its page, with the reason
                problem = f"cannot render {pdf}: {type(exc).__name__}: {exc}"
        write_text(plan_page(doc, rows, pages, problem, min_quality, uncertain, scale), folder / f"{name}.html")
        flags = [row_flags(r, min_quality, uncertain) for r in rows]
        entries.append(dict(
            href=f"{name}.html", source_file=src, institution=doc.get("institution") or "",
            period=f"{doc['period_start']}-{doc['period_end']}" if doc.get("period_start") else "",
            status=doc["status"], rows=len(rows), low=sum(1 for f in flags if f.extraction),
            unc=sum(1 for f in flags if f.labels), reviewed=sum(1 for r in rows if r.get("reviewer")),
            problem=problem))
    index = folder / "index.html"
    write_text(index_page(entries), index)
    return index


HELP = """Write review pages: each plan's PDF pages as images with every extracted action
outlined, beside the rows read from the page. Low extraction quality, row warnings and
uncertain labels (model scores near the threshold) are highlighted; each row shows the
overrides entry that corrects it.

Writes OUT/review/index.html and one page per plan. The PDFs are found by their
source_file under RAW (the folder given to the extract).

example:
  python -m tcpipe.tools.review --raw data/raw --dataset data/processed
  python -m tcpipe.tools.review --raw data/raw --dataset /tmp/ds --only essex-2024-27-action-plan.pdf
"""


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m tcpipe.tools.review", description=HELP,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--raw", default="data/raw", help="folder holding the PDFs (default: data/raw)")
    p.add_argument("--dataset", default="data/processed", help="dataset folder (default: data/processed)")
    p.add_argument("--out", default=None, help="folder to write review/ into (default: the dataset folder)")
    p.add_argument("--only", action="append", default=None, metavar="SOURCE_FILE",
                   help="review only this document (repeatable)")
    p.add_argument("--scale", type=float, default=SCALE, help=f"image pixels per PDF point (default: {SCALE})")
    p.add_argument("--min-quality", type=float, default=MIN_QUALITY,
                   help=f"flag rows whose extraction_quality is below this (default: {MIN_QUALITY})")
    args = p.parse_args(argv)
    try:
        index = build_review(Path(args.dataset), Path(args.raw), Path(args.out) if args.out else None,
                             args.only, args.scale, args.min_quality)
    except DatasetMissing as exc:
        print(exc, file=sys.stderr)
        return 2
    print(f"review: {index}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
