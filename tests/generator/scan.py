"""A scanned copy of a rendered plan: each page rasterised (pypdfium2, grayscale), turned by
a small angle, given mild noise, and written back as image-only PDF pages (no text layer),
the way a printed plan fed through an office scanner looks. Deterministic: the angles and
the noise come from a fixed seed, and the PDF dates are fixed."""
from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image

from . import common as c

DPI = 200
SEED = 20240703
JPEG_QUALITY = 35  # keeps four landscape pages under 1 MB


def angles(n: int, seed: int = SEED) -> list[float]:
    """One angle per page, 0.4-1.0 degrees, alternating sign (a hand-fed scanner)."""
    rng = np.random.default_rng(seed)
    return [round(float(rng.uniform(0.4, 1.0)) * (1 if i % 2 == 0 else -1), 2)
            for i in range(n)]


def _degrade(img: Image.Image, angle: float, rng: np.random.Generator) -> Image.Image:
    img = img.convert("L").rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
    a = np.asarray(img, dtype=np.float32)
    a = a * 0.93 + 8.0                                  # slightly grey paper, softer black
    a += rng.normal(0.0, 4.0, a.shape)                  # sensor noise
    a = np.where(a > 228, 248.0, a)                     # the scanner's background clean-up
    specks = rng.random(a.shape) < 0.0003               # dust
    a[specks] = rng.uniform(40, 140, int(specks.sum()))
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "L")


def _pdf(pages: list[tuple[float, float, int, int, bytes]], title: str) -> bytes:
    """A minimal PDF with one full-page DCT (JPEG) image per page and nothing else (no text
    layer); fixed dates, fixed /ID."""
    objs: list[bytes] = []

    def add(body: bytes) -> int:
        objs.append(body)
        return len(objs)

    catalog = add(b"")  # filled in below
    pages_obj = add(b"")
    kids = []
    for w, h, pw, ph, jpeg in pages:
        img = add(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d "
                  b"/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode "
                  b"/Length %d >>\nstream\n" % (pw, ph, len(jpeg)) + jpeg + b"\nendstream")
        content = b"q %.4f 0 0 %.4f 0 0 cm /Im0 Do Q" % (w, h)
        cs = add(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %.4f %.4f] "
                        b"/Resources << /XObject << /Im0 %d 0 R >> >> /Contents %d 0 R >>"
                        % (pages_obj, w, h, img, cs)))
    objs[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_obj
    objs[pages_obj - 1] = (b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids)
                           + b"] /Count %d >>" % len(kids))
    info = add(b"<< /Title (" + title.encode("latin-1") + b") /Producer (Scanner) "
               b"/Creator (Scanner) /CreationDate (" + c.PDF_DATE + b") /ModDate ("
               + c.PDF_DATE + b") >>")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objs, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    fid = b"5CA9C6D0A7EC523F515ED0E9C21D3B00"
    out.write(b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R /ID [<%s> <%s>] >>\n"
              b"startxref\n%d\n%%%%EOF\n" % (len(objs) + 1, catalog, info, fid, fid, xref))
    return out.getvalue()


def render(src_pdf: Path, out_pdf: Path, title: str, seed: int = SEED) -> list[float]:
    """Write the scan; returns the page angles (degrees, counter-clockwise)."""
    doc = pdfium.PdfDocument(str(src_pdf))
    rng = np.random.default_rng(seed + 1)
    turns = angles(len(doc), seed)
    pages = []
    for i, turn in enumerate(turns):
        w, h = doc[i].get_size()
        img = _degrade(doc[i].render(scale=DPI / 72, grayscale=True).to_pil(), turn, rng)
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True,
                 dpi=(DPI, DPI))
        pages.append((w, h, img.width, img.height, buf.getvalue()))
    doc.close()
    out_pdf = Path(out_pdf)
    out_pdf.parent.mkdir(parents=True, exist_ok=True)
    out_pdf.write_bytes(_pdf(pages, title))
    return turns
