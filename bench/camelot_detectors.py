# Usage: python bench/camelot_detectors.py build/zoo unruled /tmp/camelot-out  (after `make zoo`; camelot is a bench extra)
"""Measure camelot 2.0's text-alignment flavours (stream, network, hybrid) as table
detectors beside the pipeline's own unruled strategy, on the zoo's unruled family: rows
found per flavour (camelot's cells -> normalise.roles on the same content evidence ->
one row per body row with an action column), scored with shared/tools/score.py, and time."""
import sys, os, time, json, subprocess, glob
sys.path.insert(0, os.getcwd())
import pyarrow as pa, pyarrow.parquet as pq
import camelot
from extract.model import BBox, Cell, ExtractedTable, Fragment, RowKind, TableRow, TextLine
from normalise.roles import table_roles

def cell(text, page):
    text = " ".join(str(text).split())
    if not text:
        return Cell((), ())
    b = BBox(0, 0, 1, 1)
    return Cell((TextLine(text, page, b, 10.0, False),), (Fragment(page, b),))

def rows_of(path, flavor):
    out = []
    tables = camelot.read_pdf(path, pages="all", flavor=flavor, suppress_stdout=True)
    for ti, t in enumerate(tables):
        df = t.df
        if df.shape[1] < 2:
            continue
        page = int(t.page)
        body = [TableRow(RowKind.BODY, tuple(cell(v, page) for v in r)) for r in df.values.tolist()]
        et = ExtractedTable(ti, (), tuple(body), (page,), flavor, 1.0)
        tr = table_roles(et)
        if "action_text" not in tr.roles:
            continue
        k = tr.roles.index("action_text")
        out += [r.cells[k].text for r in body if r.cells[k].text]
    return out

zoo = sys.argv[1]; family = sys.argv[2]; outdir = sys.argv[3]
pdfs = sorted(glob.glob(f"{zoo}/pdfs/{family.replace('_', '-')}-*.pdf"))
res = {}
for flavor in ("stream", "network", "hybrid"):
    t0 = time.time(); rows = []; pages = 0; errors = 0
    for p in pdfs:
        try:
            rows += [{"source_file": os.path.basename(p), "action_text": a} for a in rows_of(p, flavor)]
        except Exception as e:  # noqa
            errors += 1
        import pypdfium2; pages += len(pypdfium2.PdfDocument(p))
    dt = time.time() - t0
    os.makedirs(f"{outdir}/{flavor}", exist_ok=True)
    pq.write_table(pa.Table.from_pylist(rows or [{"source_file": "x", "action_text": "x"}]), f"{outdir}/{flavor}/actions.parquet")
    sc = json.loads(subprocess.run([sys.executable, "/work/shared/tools/score.py", "--pred", f"{outdir}/{flavor}/actions.parquet",
                                    "--gold", f"{zoo}/gold/{family}", "--json"], capture_output=True, text=True).stdout)
    o = sc.get("overall", sc)
    res[flavor] = dict(pages=pages, seconds=round(dt, 1), pages_per_s=round(pages / dt, 2), errors=errors,
                       recall=o.get("recall"), precision=o.get("precision"), words=o.get("word_fidelity", o.get("words")))
    print(flavor, res[flavor], flush=True)
json.dump(res, open(f"{outdir}/camelot.json", "w"), indent=1)
