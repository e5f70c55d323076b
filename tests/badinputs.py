"""Generator of the awkward inputs users feed the pipeline, each a real file.

    python -m tests.badinputs OUT_DIR      # writes every fixture into OUT_DIR

Built from the committed sample PDFs (data/raw) or drawn with reportlab, deterministically.
"""
from __future__ import annotations

import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "raw" / "essex-2024-27-action-plan.pdf"
PASSWORD = "technician"

ODD_CELLS = [
    # (as printed, as it must come out)
    ("Of\ufb01ce staff \ufb01nd the \ufb02ow chart", "Office staff find the flow chart"),
    ("Termly\u00a0meetings\u00a0held", "Termly meetings held"),
    ("\u201cSmart quotes\u201d stay as \u2018quotes\u2019", "\u201cSmart quotes\u201d stay as \u2018quotes\u2019"),
    ("Zero\u200bwidth\u200b spaces go", "Zerowidth spaces go"),
    ("Soft\u00adhyphen\u00ad words join", "Softhyphen words join"),
    ("\u200eMarked\u200f direction text", "Marked direction text"),
]


def encrypted(out: Path) -> Path:
    from pypdf import PdfReader, PdfWriter
    writer = PdfWriter(clone_from=PdfReader(SAMPLE))
    writer.encrypt(user_password=PASSWORD, owner_password=PASSWORD + "-owner", algorithm="AES-128")
    path = out / "encrypted.pdf"
    with open(path, "wb") as fh:
        writer.write(fh)
    return path


def truncated(out: Path) -> Path:
    data = SAMPLE.read_bytes()
    path = out / "truncated.pdf"
    path.write_bytes(data[: len(data) // 3])
    return path


def zero_bytes(out: Path) -> Path:
    path = out / "zero-bytes.pdf"
    path.write_bytes(b"")
    return path


def image_renamed(out: Path) -> Path:
    import pypdfium2 as pdfium
    pdf = pdfium.PdfDocument(str(SAMPLE))
    image = pdf[0].render(scale=0.5).to_pil()
    buf = io.BytesIO()
    image.save(buf, format="PNG")
    path = out / "image-renamed.pdf"
    path.write_bytes(buf.getvalue())
    return path


def long_plan(out: Path, copies: int) -> Path:
    """The sample plan's pages repeated: a long, real, multi-table document."""
    from pypdf import PdfReader, PdfWriter
    reader = PdfReader(SAMPLE)
    writer = PdfWriter()
    for _ in range(copies):
        for page in reader.pages:
            writer.add_page(page)
    path = out / f"long-plan-{copies}x.pdf"
    with open(path, "wb") as fh:
        writer.write(fh)
    return path


def _font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    for cand in ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                 "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"):
        if Path(cand).exists():
            pdfmetrics.registerFont(TTFont("Body", cand))
            return "Body"
    return "Helvetica"


def odd_unicode(out: Path) -> Path:
    """A ruled table whose action cells carry ligatures, NBSPs, smart quotes, zero-width
    spaces, soft hyphens and direction marks."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen import canvas
    path = out / "odd-unicode.pdf"
    c = canvas.Canvas(str(path), pagesize=landscape(A4), invariant=1)
    font = _font()
    c.setFont(font, 12)
    c.drawString(40, 560, "University of Exampleton Technician Commitment Action Plan 2025 to 2028")
    cols = [40, 140, 560, 800]
    heads = ["Aim", "Actions", "TC Pillar"]
    top, row_h = 530, 28
    rows = [heads] + [[f"V{i + 1} \u2013 Aim {i + 1}", text, "V"] for i, (text, _) in enumerate(ODD_CELLS)]
    for r, cells in enumerate(rows):
        y = top - r * row_h
        for x0, x1, text in zip(cols, cols[1:], cells):
            c.rect(x0, y - row_h, x1 - x0, row_h)
            c.setFont(font, 10)
            c.drawString(x0 + 4, y - 18, text)
    c.showPage()
    c.save()
    return path


def prose_only(out: Path) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas
    path = out / "prose-only.pdf"
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setFont(_font(), 11)
    for page in range(2):
        y = 780
        for i in range(40):
            c.drawString(60, y, f"Technicians make research happen. Paragraph {page}-{i} of an essay with no actions.")
            y -= 18
        c.showPage()
    c.save()
    return path


def slow_to_parse(out: Path, lines: int = 150) -> Path:
    """A page ruled by a dense grid of crossing lines (a hatched background, as some exports
    draw them): every crossing is a candidate cell corner, and cell finding is quadratic in
    them (pdfplumber's intersections_to_cells), so the page takes minutes, not milliseconds.
    Measured: 100 lines ~11 s; 150 lines far longer. Only the time limit stops it."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas
    path = out / "slow-to-parse.pdf"
    width, height = A4
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setLineWidth(0.1)
    for i in range(lines):
        y = 20 + (height - 40) * i / lines
        x = 20 + (width - 40) * i / lines
        c.line(20, y, width - 20, y)
        c.line(x, 20, x, height - 20)
    c.drawString(40, 10, "Action Plan 2025 to 2028")
    c.showPage()
    c.save()
    return path


ALL = [encrypted, truncated, zero_bytes, image_renamed, odd_unicode, prose_only]


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "badinputs")
    target.mkdir(parents=True, exist_ok=True)
    for make in ALL:
        print(make(target))
    print(long_plan(target, 30))
    print(slow_to_parse(target))
