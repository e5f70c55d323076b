"""Pages without a text layer: render, deskew, denoise, find the ruling lines, and read the
words with Debian's tesseract (offline). The result is a PageContent like any other, plus
the ruling lines, so scans go through the same table path as born-digital plans.

Chain: render_page -> deskew -> rulings_from_image -> tesseract_words -> words_to_chars.
"""
from __future__ import annotations

import io
import shutil
import subprocess
from dataclasses import dataclass

import numpy as np

from .pdf import ExtractionError, PageContent
from .text import chars_to_lines

DPI = 200


@dataclass(frozen=True)
class OcrPage:
    content: PageContent
    confidence: float                # mean word confidence, 0..1
    skew_degrees: float


def tesseract_available() -> bool:
    return shutil.which("tesseract") is not None


def render_page(pdf_page, dpi: int = DPI) -> np.ndarray:
    """Grayscale pixels of a page (pypdfium2 page)."""
    bitmap = pdf_page.render(scale=dpi / 72, grayscale=True)
    return np.array(bitmap.to_pil().convert("L"))


def _skew_angle(gray: np.ndarray) -> float:
    import cv2
    binary = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)[1]
    lines = cv2.HoughLinesP(binary, 1, np.pi / 1800, threshold=200, minLineLength=gray.shape[1] // 4, maxLineGap=10)
    if lines is None:
        return 0.0
    angles = []
    for x1, y1, x2, y2 in np.asarray(lines).reshape(-1, 4):
        a = np.degrees(np.arctan2(y2 - y1, x2 - x1))
        if abs(a) < 10:
            angles.append(a)
    return float(np.median(angles)) if angles else 0.0


def deskew(gray: np.ndarray) -> tuple[np.ndarray, float]:
    import cv2
    angle = _skew_angle(gray)
    if abs(angle) < 0.05:
        return gray, 0.0
    h, w = gray.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(gray, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=255), angle


def denoise(gray: np.ndarray) -> np.ndarray:
    import cv2
    return cv2.medianBlur(gray, 3)


def _segments(mask: np.ndarray, horizontal: bool) -> list[tuple[int, int, int, int]]:
    """Bounding boxes (x, y, w, h) of the connected line pieces in a mask."""
    import cv2
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    return sorted(cv2.boundingRect(c) for c in contours)


def rulings_from_image(gray: np.ndarray) -> tuple[list[tuple], list[tuple]]:
    """Horizontal and vertical line segments (pixels: x, y, w, h), by morphological opening."""
    import cv2
    binary = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)[1]
    h, w = binary.shape
    horiz = cv2.morphologyEx(binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (max(w // 40, 10), 1)))
    vert = cv2.morphologyEx(binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, max(h // 60, 10))))
    # close small gaps left by noise along a line
    horiz = cv2.dilate(horiz, cv2.getStructuringElement(cv2.MORPH_RECT, (9, 1)))
    vert = cv2.dilate(vert, cv2.getStructuringElement(cv2.MORPH_RECT, (1, 9)))
    return _segments(horiz, True), _segments(vert, False)


def segments_to_edges(h_segs, v_segs, scale: float) -> list[dict]:
    """Pixel segments to pdfplumber edge dicts (points, top-left origin)."""
    out = []
    for x, y, w, hh in h_segs:
        yc = (y + hh / 2) * scale
        out.append({"object_type": "line", "orientation": "h", "x0": x * scale, "x1": (x + w) * scale,
                    "top": yc, "bottom": yc, "width": w * scale, "height": 0.0})
    for x, y, w, hh in v_segs:
        xc = (x + w / 2) * scale
        out.append({"object_type": "line", "orientation": "v", "x0": xc, "x1": xc, "top": y * scale,
                    "bottom": (y + hh) * scale, "width": 0.0, "height": hh * scale})
    return out


def tesseract_words(gray: np.ndarray, lang: str = "eng") -> list[dict]:
    """Words with boxes (pixels) and confidence, from `tesseract ... tsv`."""
    from PIL import Image
    buf = io.BytesIO()
    Image.fromarray(gray).save(buf, format="PNG")
    proc = subprocess.run(["tesseract", "stdin", "stdout", "-l", lang, "--psm", "3", "--dpi", str(DPI), "tsv"],
                          input=buf.getvalue(), capture_output=True, timeout=120)
    if proc.returncode != 0:
        raise ExtractionError("ocr_failed", f"tesseract failed: {proc.stderr.decode(errors='replace')[:200]}")
    words = []
    lines = proc.stdout.decode("utf-8", errors="replace").splitlines()
    for row in lines[1:]:
        parts = row.split("\t")
        if len(parts) < 12 or not parts[11].strip():
            continue
        conf = float(parts[10])
        if conf < 0:
            continue
        words.append({"text": parts[11].strip(), "left": int(parts[6]), "top": int(parts[7]),
                      "width": int(parts[8]), "height": int(parts[9]), "conf": conf,
                      "line": (int(parts[2]), int(parts[3]), int(parts[4]))})
    return words


def words_to_chars(words: list[dict], scale: float) -> list[dict]:
    """Synthetic glyphs spread evenly over each word box, so the text code needs no OCR case.
    All words of one tesseract line share that line's top, keeping lines intact."""
    by_line: dict[tuple, list[dict]] = {}
    for w in words:
        by_line.setdefault(w["line"], []).append(w)
    chars = []
    for ws in by_line.values():
        top = min(w["top"] for w in ws) * scale
        bottom = max(w["top"] + w["height"] for w in ws) * scale
        size = max(bottom - top, 1.0)
        for w in ws:
            n = len(w["text"])
            step = w["width"] * scale / max(n, 1)
            x = w["left"] * scale
            for ch in w["text"]:
                chars.append({"text": ch, "x0": x, "x1": x + step, "top": top, "bottom": bottom,
                              "size": size, "fontname": "OCR"})
                x += step
    return chars


def ocr_page(pdf_page, number: int, width: float, height: float) -> OcrPage:
    if not tesseract_available():
        raise ExtractionError("ocr_unavailable", "the page has no text layer and tesseract is not installed "
                                                 "(run `make ocr-deps`, or apt-get install tesseract-ocr)")
    gray = render_page(pdf_page)
    gray, angle = deskew(gray)
    gray = denoise(gray)
    scale = 72 / DPI
    hs, vs = rulings_from_image(gray)
    words = tesseract_words(gray)
    chars = words_to_chars(words, scale)
    conf = float(np.mean([w["conf"] for w in words]) / 100) if words else 0.0
    content = PageContent(number=number, width=width, height=height, chars=chars,
                          lines=chars_to_lines(chars, number), image_count=1,
                          edges=segments_to_edges(hs, vs, scale), from_ocr=True)
    return OcrPage(content, round(conf, 3), round(angle, 2))
