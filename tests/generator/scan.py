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


# ----------------------------------------------------------------------------- scanner model
# The zoo's scans (tests/generator/zoo) and the OCR tests degrade printed pages with this model:
# what an office scanner or a photocopied-then-scanned plan does to a page, per page.
#   paper and print: toner gaps and faint stretches along the table rules (a photocopy's broken
#     grid), the page curling and shadowed at a bound edge, uneven lighting across the glass;
#   the scan: per-page tilt, 150-300 dpi, optics blur, grey paper, sensor noise, dust, and
#     either grey levels or a black-and-white (thresholded) scan, stored as JPEG.
# A dict of options, so the zoo's gold files record them (options of the variant).


def draw_extras(rng) -> dict:
    """The paper/print/lighting options of one scan (random.Random): never all off."""
    return {"rule_gaps": round(rng.uniform(0.03, 0.2), 3),    # share of a rule's length broken
            "gap_mm": round(rng.uniform(0.4, 2.5), 2),        # mean length of one break
            "uneven": round(rng.uniform(0.03, 0.14), 3),      # lighting falloff across the page
            "binding": rng.choice(["left", "top", "right", "none"]),
            "curl_mm": round(rng.uniform(0.2, 1.6), 2),       # text lines bent near the bound edge
            "shadow": round(rng.uniform(0.1, 0.45), 2),       # darkening at the bound edge
            "bw": rng.random() < 0.25}                        # a black-and-white scan


def _gap_pattern(n_bands: int, length: int, share: float, gap_px: float,
                 rng: np.random.Generator) -> np.ndarray:
    """(n_bands, length) booleans: True where a rule running along this axis is broken. Each
    band is a strip across the rules' thickness, so a break cuts the whole rule."""
    out = np.zeros((n_bands, length), dtype=bool)
    if share <= 0 or gap_px < 1:
        return out
    n = max(1, int(round(share * length / gap_px)))
    for b in range(n_bands):
        starts = rng.integers(0, length, n)
        lens = np.maximum(1, rng.uniform(0.4, 1.6, n) * gap_px).astype(int)
        for s0, ln in zip(starts, lens):
            out[b, s0:s0 + ln] = True
    return out


def break_rules(a: np.ndarray, share: float, gap_mm: float, dpi: float,
                rng: np.random.Generator) -> np.ndarray:
    """Toner gaps and faint stretches along the long straight rules of a page (grey levels,
    paper 255): two thirds of the broken stretches gone, the rest faint."""
    import cv2
    dark = (a < 160).astype(np.uint8)
    h, w = a.shape
    long_h = max(20, int(0.03 * w))
    long_v = max(20, int(0.03 * h))
    horiz = cv2.morphologyEx(dark, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (long_h, 1)))
    vert = cv2.morphologyEx(dark, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, long_v)))
    # the anti-aliased edge pixels of each rule belong to it too
    horiz = cv2.dilate(horiz, np.ones((3, 1), np.uint8)).astype(bool) & (a < 250)
    vert = cv2.dilate(vert, np.ones((1, 3), np.uint8)).astype(bool) & (a < 250)
    gap_px = gap_mm * dpi / 25.4
    band = max(4, int(dpi / 25))
    out = a.copy()
    for mask, along in ((horiz, w), (vert, h)):
        if not mask.any():
            continue
        across = h if along == w else w
        n_bands = across // band + 1
        gone = _gap_pattern(n_bands, along, share * 2 / 3, gap_px, rng)
        faint = _gap_pattern(n_bands, along, share / 3, gap_px * 1.5, rng)
        ys, xs = np.nonzero(mask)
        pos, acr = (xs, ys) if along == w else (ys, xs)
        g = gone[acr // band, pos]
        f = faint[acr // band, pos] & ~g
        out[ys[g], xs[g]] = 255.0
        out[ys[f], xs[f]] = 255.0 - (255.0 - out[ys[f], xs[f]]) * rng.uniform(0.25, 0.5)
    return out


def bind_and_light(a: np.ndarray, o: dict, dpi: float, rng: np.random.Generator) -> np.ndarray:
    """The page curled and shadowed at its bound edge, then lit unevenly across the glass.
    The smooth fields are computed on a coarse grid and resized (cheap at 300 dpi)."""
    import cv2
    h, w = a.shape
    sh, sw = max(2, h // 8), max(2, w // 8)
    yy, xx = np.mgrid[0:sh, 0:sw].astype(np.float32)
    yy, xx = yy * (h / sh), xx * (w / sw)

    def full(field: np.ndarray) -> np.ndarray:
        return cv2.resize(field.astype(np.float32), (w, h), interpolation=cv2.INTER_LINEAR)

    light = np.ones((sh, sw), np.float32)
    edge = o.get("binding", "none")
    if edge != "none":
        # distance from the bound edge, 0 at the edge and 1 at the end of the curled band
        if edge in ("left", "right"):
            d = (xx if edge == "left" else (w - 1 - xx)) / (0.12 * w)
            off = (yy - h / 2) / (h / 2)
        else:
            d = yy / (0.12 * h)
            off = (xx - w / 2) / (w / 2)
        near = np.clip(1 - d, 0, 1) ** 2
        curl = o.get("curl_mm", 0.0) * dpi / 25.4
        if curl > 0:
            # lines bend towards the spine and the page is foreshortened there
            bend, squeeze = full(curl * near * off), full(curl * near * 1.5)
            gy, gx = np.arange(h, dtype=np.float32)[:, None], np.arange(w, dtype=np.float32)[None, :]
            if edge == "left":
                mx, my = gx + squeeze, gy + bend
            elif edge == "right":
                mx, my = gx - squeeze, gy + bend
            else:
                mx, my = gx + bend, gy + squeeze
            a = cv2.remap(a.astype(np.float32), mx, my, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
        light *= 1 - o.get("shadow", 0.0) * near
    uneven = o.get("uneven", 0.0)
    if uneven > 0:
        theta = rng.uniform(0, 2 * np.pi)
        ramp = ((xx / w - 0.5) * np.cos(theta) + (yy / h - 0.5) * np.sin(theta)) + 0.5
        cx, cy = rng.uniform(0, w), rng.uniform(0, h)
        blob = np.exp(-(((xx - cx) / w) ** 2 + ((yy - cy) / h) ** 2) / 0.18)
        light *= 1 - uneven * np.clip(0.6 * ramp + 0.4 * (1 - blob), 0, 1)
    return a * full(light)


def degrade_page(img: Image.Image, o: dict, page: int, rng: np.random.Generator,
                 extra_rng: np.random.Generator) -> Image.Image:
    """One rendered page (grey, at o['dpi']) as the scanner gives it. `rng` draws the scan's
    noise as the zoo always has; the paper/print/lighting options (draw_extras; absent: off)
    draw from `extra_rng`."""
    from PIL import ImageFilter
    dpi = o["dpi"]
    if any(k in o for k in ("rule_gaps", "binding", "uneven")):
        a = np.asarray(img, dtype=np.float32)
        if o.get("rule_gaps", 0) > 0:
            a = break_rules(a, o["rule_gaps"], o.get("gap_mm", 1.0), dpi, extra_rng)
        a = bind_and_light(a, o, dpi, extra_rng)
        img = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "L")
    img = img.rotate(o["tilt"][page % len(o["tilt"])], resample=Image.BICUBIC, expand=False, fillcolor=255)
    img = img.filter(ImageFilter.GaussianBlur(o["blur"] * dpi / 200))
    a = np.asarray(img, dtype=np.float32)
    a = a * (o["grey"] / 255.0)
    a += rng.normal(0.0, o["noise"], a.shape)
    specks = rng.random(a.shape) < o["speckle"]
    a[specks] = rng.uniform(30, 150, int(specks.sum()))
    if o.get("bw"):
        # a black-and-white scan: the scanner's threshold just under the paper's grey, so faint
        # strokes break and dark ones thicken
        a = np.where(a < extra_rng.uniform(0.55, 0.7) * o["grey"], 0.0, 255.0)
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "L")


def degrade_pdf(src_pdf: Path, out_pdf: Path, o: dict, seed: int) -> None:
    """A scanner's copy of a PDF: each page rasterised at o['dpi'] and degraded (degrade_page),
    stored as a JPEG of quality o['jpeg']; no text layer."""
    rng = np.random.default_rng(seed)
    extra = np.random.default_rng([seed, 1])
    doc = pdfium.PdfDocument(str(src_pdf))
    pages = []
    for i in range(len(doc)):
        w, h = doc[i].get_size()
        img = doc[i].render(scale=o["dpi"] / 72, grayscale=True).to_pil().convert("L")
        img = degrade_page(img, o, i, rng, extra)
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=o["jpeg"], dpi=(o["dpi"], o["dpi"]))
        pages.append((w, h, img.width, img.height, buf.getvalue()))
    doc.close()
    Path(out_pdf).write_bytes(_pdf(pages, "Scanned document"))
