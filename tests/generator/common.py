"""Shared helpers: Word documents the way institutions make them (python-docx), PDF export
through LibreOffice headless, PDF metadata pinning, and small text utilities."""
from __future__ import annotations

import atexit
import datetime as dt
import hashlib
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

REPO = Path(__file__).resolve().parents[2]
PLANS = REPO / "tests" / "plans"
EXPECTED = REPO / "tests" / "expected"
FIXTURES = REPO / "tests" / "fixtures"
RAW = REPO / "data" / "raw"
SEEDS = Path("/work/shared/seeds")

#: Fixed timestamps written into documents so that re-runs give the same files.
FIXED_DATE = dt.datetime(2024, 7, 3, 9, 0, 0)
PDF_DATE = b"D:20240703090000Z"

LINK_BLUE = RGBColor(0x05, 0x63, 0xC1)


def ws(text: str | None) -> str | None:
    """Whitespace-normalise (None stays None)."""
    if text is None:
        return None
    return re.sub(r"\s+", " ", text).strip()


def join_paras(paras: list[str] | None) -> str | None:
    if not paras:
        return None
    return ws(" ".join(paras))


# ----------------------------------------------------------------------------- docx


def new_document(*, landscape: bool, font: str = "Arial", size: float = 10,
                 margins_cm: tuple[float, float, float, float] = (2.0, 2.0, 2.0, 2.0),
                 title: str = "", author: str = "", subject: str = "") -> Document:
    """A4 document with a fixed default font and fixed core properties.

    margins_cm: top, right, bottom, left.
    """
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    if landscape:
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = Cm(29.7), Cm(21.0)
    sec.top_margin, sec.right_margin, sec.bottom_margin, sec.left_margin = (
        Cm(m) for m in margins_cm)
    sec.header_distance = Cm(0.9)
    sec.footer_distance = Cm(0.9)

    normal = doc.styles["Normal"]
    normal.font.name = font
    normal.font.size = Pt(size)
    rpr = normal.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(attr), font)
    pf = normal.paragraph_format
    pf.space_before = Pt(0)
    pf.space_after = Pt(0)
    pf.line_spacing = 1.0
    # Word's built-in language, so LibreOffice does not hyphenate with another dictionary.
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "en-GB")
    rpr.append(lang)

    cp = doc.core_properties
    cp.title = title
    cp.author = author
    cp.subject = subject
    cp.last_modified_by = author
    cp.created = FIXED_DATE
    cp.modified = FIXED_DATE
    cp.last_printed = FIXED_DATE
    cp.revision = 1
    cp.comments = ""
    cp.keywords = "Technician Commitment"
    return doc


def add_field(paragraph, instr: str, placeholder: str = "1") -> None:
    """Insert a Word field (PAGE, NUMPAGES) as a complex field."""
    def fld(kind: str):
        r = OxmlElement("w:r")
        fc = OxmlElement("w:fldChar")
        fc.set(qn("w:fldCharType"), kind)
        r.append(fc)
        return r
    p = paragraph._p
    p.append(fld("begin"))
    r = OxmlElement("w:r")
    it = OxmlElement("w:instrText")
    it.set(qn("xml:space"), "preserve")
    it.text = f" {instr} "
    r.append(it)
    p.append(r)
    p.append(fld("separate"))
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = placeholder
    r.append(t)
    p.append(r)
    p.append(fld("end"))


def add_running_header_footer(doc: Document, header_text: str | None, size: float = 8) -> None:
    """Running header text (right aligned) and a centred "Page N of M" footer."""
    sec = doc.sections[0]
    if header_text:
        hp = sec.header.paragraphs[0]
        hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        run = hp.add_run(header_text)
        run.font.size = Pt(size)
        run.font.color.rgb = RGBColor(0x59, 0x59, 0x59)
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for piece in ("Page ", ("PAGE",), " of ", ("NUMPAGES",)):
        if isinstance(piece, tuple):
            add_field(fp, piece[0])
        else:
            fp.add_run(piece)
    for r in fp._p.iter(qn("w:r")):
        rpr = r.find(qn("w:rPr"))
        if rpr is None:
            rpr = OxmlElement("w:rPr")
            r.insert(0, rpr)
        sz = OxmlElement("w:sz")
        sz.set(qn("w:val"), str(int(size * 2)))
        rpr.append(sz)


def set_table_borders(table, size_eighths: int = 4, color: str = "000000") -> None:
    tblPr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "single")
        el.set(qn("w:sz"), str(size_eighths))
        el.set(qn("w:space"), "0")
        el.set(qn("w:color"), color)
        borders.append(el)
    tblPr.append(borders)


def set_table_layout(table, widths_cm: list[float], cell_margin_cm: float = 0.12) -> None:
    """Fixed layout with explicit grid and cell widths (LibreOffice honours tblGrid)."""
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    tblPr = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tblPr.append(layout)
    mar = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(int(cell_margin_cm * 567)))
        el.set(qn("w:type"), "dxa")
        mar.append(el)
    for side in ("top", "bottom"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), "28")
        el.set(qn("w:type"), "dxa")
        mar.append(el)
    tblPr.append(mar)
    grid = table._tbl.tblGrid
    for gc, w in zip(grid.findall(qn("w:gridCol")), widths_cm):
        gc.set(qn("w:w"), str(int(w * 567)))
    for row in table.rows:
        for i, cell in enumerate(row.cells):
            if i < len(widths_cm):
                cell.width = Cm(widths_cm[i])


def repeat_as_header(row) -> None:
    trPr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trPr.append(el)


def shade(cell, fill: str) -> None:
    tcPr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcPr.append(shd)


def para_spacing(p, before: float = 0, after: float = 0, keep_next: bool = False) -> None:
    pf = p.paragraph_format
    pf.space_before = Pt(before)
    pf.space_after = Pt(after)
    if keep_next:
        pf.keep_with_next = True


def add_runs(p, text: str, *, bold: bool = False, underline_prefix: str | None = None,
             links: list[str] | None = None, size: float | None = None,
             italic: bool = False) -> None:
    """Add text to a paragraph; an underlined label prefix ("Action owner:") and
    hyperlink-styled substrings are supported."""
    pieces: list[tuple[str, str]] = []  # (kind, text)
    if underline_prefix and text.startswith(underline_prefix):
        pieces.append(("u", underline_prefix))
        text = text[len(underline_prefix):]
    rest = text
    for link in links or []:
        if link in rest:
            before, _, after = rest.partition(link)
            pieces.append(("t", before))
            pieces.append(("link", link))
            rest = after
    pieces.append(("t", rest))
    for kind, t in pieces:
        if not t:
            continue
        r = p.add_run(t)
        r.bold = bold or None
        r.italic = italic or None
        if size:
            r.font.size = Pt(size)
        if kind == "u":
            r.underline = True
        elif kind == "link":
            r.underline = True
            r.font.color.rgb = LINK_BLUE


def cell_paragraphs(cell, paras: list[dict | str], *, after: float = 3, size: float | None = None
                    ) -> None:
    """Fill a cell with paragraphs. Each item is a string or a dict with add_runs kwargs
    and a "text" key."""
    first = True
    for item in paras:
        if isinstance(item, str):
            item = {"text": item}
        p = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        para_spacing(p, 0, after)
        kw = {k: v for k, v in item.items() if k != "text"}
        add_runs(p, item["text"], size=size, **kw)
    if paras:
        # no trailing gap after the last paragraph of a cell
        para_spacing(cell.paragraphs[-1], 0, 0)


def bullet(doc: Document, text: str, *, indent_cm: float = 0.63, after: float = 2,
           char: str = "•") -> None:
    """A bulleted paragraph with a hanging indent (literal bullet character, so the PDF
    text layer reads cleanly)."""
    p = doc.add_paragraph()
    pf = p.paragraph_format
    pf.left_indent = Cm(indent_cm)
    pf.first_line_indent = Cm(-indent_cm)
    pf.tab_stops.add_tab_stop(Cm(indent_cm))
    para_spacing(p, 0, after)
    p.add_run(f"{char}\t{text}")


def heading(doc: Document, text: str, size: float = 12, before: float = 10, after: float = 4,
            color: RGBColor | None = None):
    p = doc.add_paragraph()
    para_spacing(p, before, after, keep_next=True)
    r = p.add_run(text)
    r.bold = True
    r.font.size = Pt(size)
    if color is not None:
        r.font.color.rgb = color
    return p


def body(doc: Document, text: str, after: float = 6, links: list[str] | None = None):
    p = doc.add_paragraph()
    para_spacing(p, 0, after)
    add_runs(p, text, links=links)
    return p


# ----------------------------------------------------------------------------- PDF export


def docx_to_pdf(doc: Document, out_pdf: Path, keep_docx: Path | None = None) -> Path:
    """Save the document and convert it with LibreOffice headless (own user profile, so it
    does not clash with other soffice processes)."""
    out_pdf = Path(out_pdf)
    out_pdf.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="tcgen-") as tmp:
        tmp = Path(tmp)
        src = tmp / (out_pdf.stem + ".docx")
        doc.save(src)
        if keep_docx:
            shutil.copy(src, keep_docx)
        # one profile per process: concurrent soffice runs must not share a profile
        profile = Path(tempfile.gettempdir()) / f"tcgen-lo-profile-{os.getpid()}"
        if not profile.exists():
            atexit.register(shutil.rmtree, profile, True)
        cmd = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
               "--norestore", "--convert-to", "pdf:writer_pdf_Export", "--outdir", str(tmp),
               str(src)]
        subprocess.run(cmd, check=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       timeout=240)
        produced = tmp / (out_pdf.stem + ".pdf")
        if not produced.exists():
            raise RuntimeError(f"LibreOffice produced no PDF for {src}")
        data = pin_pdf_metadata(produced.read_bytes())
        out_pdf.write_bytes(data)
    return out_pdf


def html_to_pdf(html_path: Path, out_pdf: Path) -> Path:
    """Print an HTML file with headless Chromium."""
    out_pdf = Path(out_pdf)
    out_pdf.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="tcgen-chrome-") as profile:
        cmd = ["chromium", "--headless", "--no-sandbox", "--disable-gpu",
               "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
               "--no-pdf-header-footer", f"--print-to-pdf={out_pdf}",
               f"file://{Path(html_path).resolve()}"]
        subprocess.run(cmd, check=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       timeout=180)
    out_pdf.write_bytes(pin_pdf_metadata(out_pdf.read_bytes()))
    return out_pdf


def linkify(text: str, links: list[str] | None) -> str:
    """HTML-escaped text with the first occurrence of each link text made a link (mailto
    for an address, "#" otherwise), as web pages print them."""
    import html
    out = html.escape(text, quote=False)
    for link in links or []:
        esc = html.escape(link, quote=False)
        if esc in out:
            href = f"mailto:{link}" if "@" in link else "#"
            out = out.replace(esc, f'<a href="{href}">{esc}</a>', 1)
    return out


def pin_pdf_metadata(data: bytes) -> bytes:
    """Replace the export timestamps and the file /ID with fixed, same-length values, so
    that re-runs give identical bytes where the renderer itself is deterministic (the
    xref offsets must not move, so only same-length substitutions are made)."""
    data = re.sub(rb"(/(?:CreationDate|ModDate)\s*\()(D:\d{14})([^)]*\))",
                  lambda m: m.group(1) + PDF_DATE[:-1] + m.group(3), data)
    data = re.sub(rb"(<xmp:(?:CreateDate|ModifyDate|MetadataDate)>)([^<]*)(</xmp:)",
                  lambda m: m.group(1) + b"2024-07-03T09:00:00Z"[: len(m.group(2))].ljust(
                      len(m.group(2)), b" ") + m.group(3), data)
    id_re = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]")
    sum_re = re.compile(rb"(/DocChecksum\s*/)([0-9A-Fa-f]+)")  # LibreOffice, covers the date
    digest = hashlib.sha256(sum_re.sub(b"", id_re.sub(b"", data))).hexdigest().upper().encode()
    data = sum_re.sub(lambda m: m.group(1) + digest[-len(m.group(2)):], data)

    def fix_id(m: re.Match) -> bytes:
        out = m.group(0)
        for h in {m.group(1), m.group(2)}:
            out = out.replace(b"<" + h + b">", b"<" + digest[: len(h)] + b">")
        return out
    return id_re.sub(fix_id, data)


def file_size_ok(path: Path, limit: int = 1_000_000) -> bool:
    return os.path.getsize(path) < limit


# ----------------------------------------------------------------------------- DOCX given directly

ZIP_DATE = (2024, 7, 3, 9, 0, 0)


def save_docx_reproducible(doc: Document, out: Path) -> Path:
    """Save a python-docx document with fixed zip entry timestamps (python-docx stamps each
    part with the current time), so that the .docx bytes do not change between runs."""
    import io
    import zipfile
    buf = io.BytesIO()
    doc.save(buf)
    buf.seek(0)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(buf) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zout.writestr(zi, zin.read(info.filename))
    return out


def soffice_convert_like_pipeline(src: Path, out_pdf: Path) -> Path:
    """Convert a DOCX exactly as the pipeline does (extract.convert.to_pdf), to learn on
    which pages the pipeline will see the text. Only used for page lookups, not committed."""
    from extract.convert import to_pdf
    Path(out_pdf).write_bytes(to_pdf(Path(src).read_bytes(), "docx", timeout=240))
    return Path(out_pdf)


def chromium_print_like_pipeline(src: Path, out_pdf: Path) -> Path:
    """Print an HTML file exactly as the pipeline does (extract.convert.to_pdf), for page
    lookups."""
    from extract.convert import to_pdf
    Path(out_pdf).write_bytes(to_pdf(Path(src).read_bytes(), "html", timeout=180))
    return Path(out_pdf)
