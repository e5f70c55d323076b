"""Pages without a text layer: render, deskew, denoise, find the ruling lines, and read the
words with Debian's tesseract (offline). The result is a PageContent like any other, plus
the ruling lines, so scans go through the same table path as born-digital plans.

Chain: render_for_ocr (the scan's own resolution, upscaled to ~300 dpi) -> deskew ->
flatten_background -> outlined_boxes (boxes drawn whole, set aside) -> ruling_masks (breaks in rules closed) -> rulings_from_masks /
erase_rulings -> tesseract_words -> reread_dark_bands -> split_lines_at_boxes -> reread_sparse_cells (one tesseract run for all of them)
-> reread_ids / reread_line_keys -> trim_rule_residue -> words_to_chars (read_pixels runs it on an image). A picture
on a page that has a text layer (ocr_picture) goes through the same chain, cropped to its box: render_picture -> set on
white paper -> read_pixels, its pale rules also found by valley_rules, the sides of its dark fills by fill_sides, its cut
edges closed by close_at_frame -> spreadsheet_chrome / drop_empty_margins -> placed on the page. Thresholds are in
models/extract.yaml (ocr).
"""
from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from collections import Counter
from dataclasses import dataclass

import numpy as np

from .config import ExtractConfig, OcrSettings, load_config
from .pdf import ExtractionError, PageContent
from .lexicon import is_common_word
from .text import chars_to_lines

DPI = 300          # the resolution tesseract is told when none is given


@dataclass(frozen=True)
class OcrPage:
    content: PageContent
    confidence: float                # mean word confidence, 0..1
    skew_degrees: float


def tesseract_available() -> bool:
    return shutil.which("tesseract") is not None


def render_page(pdf_page, dpi: float = DPI) -> np.ndarray:
    """Grayscale pixels of a page (pypdfium2 page)."""
    bitmap = pdf_page.render(scale=dpi / 72, grayscale=True)
    return np.array(bitmap.to_pil().convert("L"))


def scan_dpi(pdf_page) -> float | None:
    """The resolution the page was scanned at: its largest image's pixels per inch."""
    import pypdfium2.raw as c
    best = None
    for obj in pdf_page.get_objects():
        if obj.type != c.FPDF_PAGEOBJ_IMAGE:
            continue
        try:
            px_w, _ = obj.get_px_size()
            x0, _, x1, _ = obj.get_bounds()
        except Exception:  # an image pdfium cannot measure: fall back to a fixed resolution
            continue
        if x1 - x0 > 1 and (best is None or x1 - x0 > best[0]):
            best = (x1 - x0, px_w * 72 / (x1 - x0))
    return best[1] if best else None


def render_for_ocr(pdf_page, s: OcrSettings) -> tuple[np.ndarray, float]:
    """Pixels at which tesseract reads well: the scan at its own resolution, upscaled
    (bicubic) to at least target_dpi; a high-resolution scan at most max_dpi. Rendering a
    150 dpi scan straight at 300 dpi interpolates less smoothly (measured: 0.81 vs 0.84 of
    words in the lexicon)."""
    import cv2
    native = scan_dpi(pdf_page)
    if native is None:
        return render_page(pdf_page, s.fallback_dpi), float(s.fallback_dpi)
    if native >= s.target_dpi:
        dpi = min(native, s.max_dpi)
        return render_page(pdf_page, dpi), dpi
    gray = render_page(pdf_page, native)
    factor = s.target_dpi / native
    return cv2.resize(gray, None, fx=factor, fy=factor, interpolation=cv2.INTER_CUBIC), native * factor


def _profile_sharpness(binary: np.ndarray, angle: float) -> float:
    import cv2
    h, w = binary.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    rotated = cv2.warpAffine(binary, m, (w, h), flags=cv2.INTER_NEAREST, borderValue=0)
    return float(np.var(rotated.sum(axis=1, dtype=np.float64)))


def _skew_angle(gray: np.ndarray, max_degrees: float = 3.0) -> float:
    """The rotation that makes text lines and rulings horizontal: the angle whose row
    projection is sharpest, searched coarse-to-fine on a quarter-size image. Works for
    ruled and unruled pages alike and costs ~0.1 s (a Hough transform took ~7 s)."""
    import cv2
    small = cv2.resize(gray, None, fx=0.25, fy=0.25, interpolation=cv2.INTER_AREA)
    binary = cv2.threshold(small, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)[1]
    best, step = 0.0, 0.25
    candidates = np.arange(-max_degrees, max_degrees + 1e-9, step)
    while step >= 0.02:
        best = max(candidates, key=lambda a: (_profile_sharpness(binary, float(a)), -abs(a)))
        step /= 4
        candidates = np.arange(best - 4 * step, best + 4 * step + 1e-9, step)
    return round(float(best), 2)


def deskew(gray: np.ndarray, max_degrees: float = 3.0) -> tuple[np.ndarray, float]:
    import cv2
    angle = _skew_angle(gray, max_degrees)
    if abs(angle) < 0.05:
        return gray, 0.0
    h, w = gray.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(gray, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=255), angle


def denoise(gray: np.ndarray) -> np.ndarray:
    import cv2
    return cv2.medianBlur(gray, 3)


def flatten_background(gray: np.ndarray, dpi: float) -> np.ndarray:
    """Grey or uneven paper to white, ink kept: each pixel divided by the local background
    (a closing wider than any stroke), so one global threshold then fits the whole page
    (adaptive binarisation, keeping the grey levels tesseract uses at glyph edges)."""
    import cv2
    k = max(15, int(dpi / 10) | 1)
    background = cv2.morphologyEx(gray, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (k, k)))
    flat = cv2.divide(gray, np.maximum(background, 1), scale=255)
    return flat


def valley_rules(gray: np.ndarray, s: OcrSettings, dpi: float, extent: tuple[int, int] | None = None
                 ) -> tuple[np.ndarray, np.ndarray]:
    """Masks of the pale rules of a picture (a spreadsheet's gridlines, 15-40 grey levels under
    the paper): thin lines at least ruling_valley_contrast darker than the pixels a little way
    off on both sides (ruling_valley_reach_mm), or as much lighter (a gridline across a dark
    header fill), whatever the level of the background, so a gridline between two zebra bands
    or beside a fill is found where a fixed ink level sees nothing; the edge of a fill is a
    step, darker on one side only, no rule. Kept where at least
    ruling_min_length of the page (`extent`, its height and width in pixels; the image's own by
    default) long: a letter's stroke is far shorter. ruling_valley_contrast 0: none."""
    import cv2
    h, w = gray.shape
    page_h, page_w = extent or gray.shape
    if s.ruling_valley_contrast <= 0:
        return np.zeros_like(gray), np.zeros_like(gray)
    d = max(2, int(round(s.ruling_valley_reach_mm * dpi / 25.4)))
    g = cv2.copyMakeBorder(gray, d, d, d, d, cv2.BORDER_REPLICATE).astype(np.int16)
    core = g[d:d + h, d:d + w]
    above, below = g[:h, d:d + w], g[2 * d:2 * d + h, d:d + w]
    left, right = g[d:d + h, :w], g[d:d + h, 2 * d:2 * d + w]
    c = s.ruling_valley_contrast

    def line(a: np.ndarray, b: np.ndarray) -> np.ndarray:      # darker than both sides, or lighter
        hit = (np.minimum(a, b) - core >= c) | (core - np.maximum(a, b) >= c)
        return np.where(hit, 255, 0).astype(np.uint8)
    rect = cv2.getStructuringElement
    raw_h, raw_v = line(above, below), line(left, right)
    long_h = (max(int(s.ruling_min_length * page_w), 10), 1)
    long_v = (1, max(int(s.ruling_min_length * page_h), 10))

    def bridged(raw: np.ndarray, across: np.ndarray, vertical: bool) -> np.ndarray:
        """Where two rules cross, neither is darker than its sides: a gap in one direction's
        mask over a rule of the other, with the mask on both sides of it, is filled."""
        band = cv2.dilate(across, rect(cv2.MORPH_RECT, (2 * d + 3, 2 * d + 3))) > 0   # the other's own gap too
        shift = d + 2
        before, after = np.zeros_like(raw, dtype=bool), np.zeros_like(raw, dtype=bool)
        if vertical:
            before[shift:], after[:-shift] = raw[:-shift] > 0, raw[shift:] > 0
        else:
            before[:, shift:], after[:, :-shift] = raw[:, :-shift] > 0, raw[:, shift:] > 0
        return np.where((raw > 0) | (band & before & after), 255, 0).astype(np.uint8)
    horiz = cv2.morphologyEx(raw_h, cv2.MORPH_OPEN, rect(cv2.MORPH_RECT, long_h))
    vert = cv2.morphologyEx(bridged(raw_v, horiz, True), cv2.MORPH_OPEN, rect(cv2.MORPH_RECT, long_v))
    horiz = cv2.morphologyEx(bridged(raw_h, vert, False), cv2.MORPH_OPEN, rect(cv2.MORPH_RECT, long_h))
    return horiz, vert


def _segments(mask: np.ndarray, horizontal: bool) -> list[tuple[int, int, int, int]]:
    """Bounding boxes (x, y, w, h) of the connected line pieces in a mask."""
    import cv2
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    return sorted(cv2.boundingRect(c) for c in contours)


def _gapped_rules(binary: np.ndarray, s: OcrSettings, dpi: float, across: np.ndarray | None = None,
                  span: int | None = None) -> np.ndarray:
    """Rules printed broken (toner gaps, a photocopy's dashed grid, faint stretches): thin
    pieces longer than a glyph's stroke lying on one line, each within max_gap of the next,
    together as long as a rule and mostly ink, are one rule; the mask has it drawn whole.
    Horizontal rules of a binary mask (transpose it for vertical ones). Glyph strokes that
    happen to line up are too short, too thick or too sparse to chain that far. No break is
    bridged that has a crossing rule (`across`, a mask of the other direction's rules) at both
    its ends: a column's rules stop at a full-width section row. A rule is ruling_min_length of
    `span` (the page's extent along the rule in pixels; the mask's width by default)."""
    import cv2
    h, w = binary.shape
    mm = dpi / 25.4
    piece = max(4, int(s.ruling_piece_mm * mm))
    pieces = cv2.morphologyEx(binary, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 1)))
    pieces = cv2.morphologyEx(pieces, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (piece, 1)))
    n, _, stats, _ = cv2.connectedComponentsWithStats(pieces, connectivity=8)
    thick = max(3, int(s.ruling_max_thickness_mm * mm))
    # a rule stands clear of other ink just above and below it; a glyph's stroke does not
    integral = cv2.integral((binary > 0).astype(np.uint8))
    off, band = 1, max(2, int(0.3 * mm))

    def ink(x0: int, x1: int, y0: int, y1: int) -> float:
        y0, y1 = max(y0, 0), min(y1, h)
        if y1 <= y0 or x1 <= x0:
            return 0.0
        total = integral[y1, x1] - integral[y0, x1] - integral[y1, x0] + integral[y0, x0]
        return float(total) / ((y1 - y0) * (x1 - x0))

    segs = sorted((y + hh / 2, x, x + ww, y, hh) for x, y, ww, hh, _ in stats[1:n]
                  if hh <= thick and max(ink(x, x + ww, y - off - band, y - off),
                                         ink(x, x + ww, y + hh + off, y + hh + off + band)) <= s.ruling_clear_ink)
    out = np.zeros_like(binary)
    if len(segs) < 2:
        return out
    tol, gap_max = max(2.0, 0.25 * mm), s.ruling_max_gap_mm * mm
    min_len = s.ruling_min_length * (span or w)
    single_min = s.ruling_faint_single_mm * mm
    # rows of pieces: y centres within tol of the row's first piece
    rows, row = [], [segs[0]]
    for seg in segs[1:]:
        if seg[0] - row[0][0] <= tol:
            row.append(seg)
        else:
            rows.append(row)
            row = [seg]
    rows.append(row)
    for row in rows:
        row.sort(key=lambda t: t[1])
        chain = [row[0]]
        for seg in row[1:] + [None]:
            end = max(c[2] for c in chain)
            if seg is not None and seg[1] - end <= gap_max:
                yc, pad = int(row[0][0]), int(2 * tol) + thick    # the crossing rule's own thickness
                line = across[max(yc - 2, 0):yc + 3] if across is not None else None
                # a crossing rule at both ends of the break: the rule stopped at a spanning cell
                crossed = line is not None and bool(line[:, max(int(end) - pad, 0):int(end) + pad + 1].any()) \
                    and bool(line[:, max(int(seg[1]) - pad, 0):int(seg[1]) + pad + 1].any())
                if not crossed:
                    chain.append(seg)
                    continue
            x0, x1 = chain[0][1], max(c[2] for c in chain)
            ink = sum(c[2] - c[1] for c in chain)
            # one unbroken piece is a rule too when long enough (ruling_faint_single_mm): a rule
            # printed light grey, lighter than the page's ink level, is whole only in this mask
            whole = len(chain) == 1 and single_min > 0 and x1 - x0 >= single_min
            if (len(chain) >= 2 or whole) and x1 - x0 >= min_len and ink >= s.ruling_min_ink_share * (x1 - x0):
                top = int(min(c[3] for c in chain))
                bottom = int(max(c[3] + c[4] for c in chain))
                out[top:bottom, int(x0):int(x1)] = 255
            chain = [seg] if seg is not None else []
    return out


def drop_text_runs(mask: np.ndarray, binary: np.ndarray, s: OcrSettings, dpi: float) -> np.ndarray:
    """Runs of the horizontal-rule mask that are a word of blurred text, not a rule (a
    vertical run is longer than any letter's stem): on a blurred or low-resolution page a word's letters merge into
    a solid band, which the opening keeps as a run as long as the word ("progression"). A rule
    has paper just past its edges; a run through a word has the letters' bodies there: at least
    ruling_max_near_ink of a thin band ruling_near_mm past its top or bottom edge is ink. Only
    runs up to ruling_text_run_max_mm long are judged (a word or two; a table's rule beside a
    dark header fill is as long as the table)."""
    import cv2
    if s.ruling_max_near_ink >= 1.0:
        return mask
    n, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    if n <= 1:
        return mask
    mm = dpi / 25.4
    off, band, wide = max(1, int(round(s.ruling_near_mm * mm))), max(2, int(round(0.2 * mm))), max(3, int(mm))
    hgt = binary.shape[0]
    ink = binary > 0
    text = np.zeros(n, dtype=bool)
    for k in range(1, n):
        x, y, w, h, _ = stats[k]
        if w > s.ruling_text_run_max_mm * mm:
            continue
        def share(y0: int, y1: int) -> float:
            part = ink[min(max(y0, 0), hgt):min(max(y1, 0), hgt), x:x + w]
            return float(part.mean()) if part.size else 0.0
        near = (share(y - off - band, y - off), share(y + h + off, y + h + off + band))
        # ink close by and further out on both sides is texture (a speckled or JPEG-broken dark
        # banner), left in the mask to be erased and judged as a rule by drop_rules_in_ink
        texture = min(*near, share(y - off - wide, y - off), share(y + h + off, y + h + off + wide)) >= s.ruling_max_side_ink
        text[k] = max(near) >= s.ruling_max_near_ink and not texture
    if not text.any():
        return mask
    return np.where(text[labels], 0, mask).astype(mask.dtype)


def ruling_masks(gray: np.ndarray, s: OcrSettings | None = None, dpi: float = DPI,
                 extent: tuple[int, int] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Masks of the horizontal and vertical rulings, by morphological opening of the image
    before denoising (a median filter erases one-pixel rulings). Breaks along a rule (blur,
    JPEG blocks, toner) are closed first; the opening kernel is longer than any glyph. Rules
    printed broken into shorter pieces are rebuilt from those pieces (_gapped_rules). Lengths
    that are shares of the page are of `extent` (the page's height and width in pixels, for a
    picture cut from it), the image's own by default."""
    import cv2
    s = s or load_config().ocr
    level, binary = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    h, w = binary.shape
    page_h, page_w = extent or (h, w)
    rect = cv2.getStructuringElement
    gap_w, gap_h = max(3, int(s.ruling_gap_close * w)), max(3, int(s.ruling_gap_close * h))
    # one- or two-pixel noise gaps closed, runs longer than a glyph kept (text gone), then the
    # breaks between the kept pieces of one rule closed (closing first would fuse a line of text)
    horiz = cv2.morphologyEx(binary, cv2.MORPH_CLOSE, rect(cv2.MORPH_RECT, (3, 1)))
    horiz = cv2.morphologyEx(horiz, cv2.MORPH_OPEN, rect(cv2.MORPH_RECT, (max(int(s.ruling_min_length * page_w), 10), 1)))
    horiz = drop_text_runs(horiz, binary, s, dpi)
    horiz = cv2.morphologyEx(horiz, cv2.MORPH_CLOSE, rect(cv2.MORPH_RECT, (gap_w, 1)))
    vert = cv2.morphologyEx(binary, cv2.MORPH_CLOSE, rect(cv2.MORPH_RECT, (1, 3)))
    vert = cv2.morphologyEx(vert, cv2.MORPH_OPEN, rect(cv2.MORPH_RECT, (1, max(int(s.ruling_min_length * page_h), 10))))
    vert = cv2.morphologyEx(vert, cv2.MORPH_CLOSE, rect(cv2.MORPH_RECT, (1, gap_h)))
    if s.ruling_max_gap_mm > 0:
        # faint stretches of a rule count as ink here: halfway between Otsu's level and white
        faint = np.where(gray < (level + 255) / 2, 255, 0).astype(np.uint8)
        horiz = cv2.bitwise_or(horiz, _gapped_rules(faint, s, dpi, vert, page_w))
        vert = cv2.bitwise_or(vert, np.ascontiguousarray(_gapped_rules(
            np.ascontiguousarray(faint.T), s, dpi, np.ascontiguousarray(horiz.T), page_h).T))
    return horiz, vert


def outlined_boxes(gray: np.ndarray, s: OcrSettings, dpi: float) -> tuple[list[tuple[int, int, int, int]], np.ndarray]:
    """Boxes drawn whole (a card's thin border, its corners square or rounded): one connected
    piece of line ink (faint stretches too: halfway between Otsu's level and white) around one
    hole that fills its own bounding box (box_min_hole_fill: rounded corners cut little), the
    border no thicker than ruling_max_thickness_mm on every side, the box at least box_min_mm
    each way and clear of the image's edge (ruling_edge_margin_mm: a scanner's page edge). A
    grid is one piece around many holes, none of them its whole extent; a filled band has no
    hole. Returns the boxes (x0, top, x1, bottom, pixels, the border's outer edge) and a mask
    of their borders' ink, so the rule finder can read the page without them: the rule
    finder's gap closing would otherwise bridge the gutter between two cards side by side and
    read their tops as one rule across both."""
    import cv2
    empty = np.zeros(gray.shape, dtype=np.uint8)
    if s.box_min_mm <= 0:
        return [], empty
    level, _ = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    ink = np.where(gray < (level + 255) / 2, 255, 0).astype(np.uint8)
    contours, hierarchy = cv2.findContours(ink, cv2.RETR_CCOMP, cv2.CHAIN_APPROX_SIMPLE)
    if hierarchy is None:
        return [], empty
    mm = dpi / 25.4
    least, thick, margin = s.box_min_mm * mm, s.ruling_max_thickness_mm * mm + 2, s.ruling_edge_margin_mm * mm
    hgt, wid = gray.shape
    boxes: list[tuple[int, int, int, int]] = []
    ring = empty.copy()
    for k, (_, _, child, parent) in enumerate(hierarchy[0]):
        if parent != -1 or child == -1:
            continue
        x, y, w, h = cv2.boundingRect(contours[k])
        if w < least or h < least or x < margin or y < margin or x + w > wid - margin or y + h > hgt - margin:
            continue
        holes = []
        while child != -1:
            holes.append(child)
            child = hierarchy[0][child][0]
        hole = max(holes, key=lambda j: cv2.contourArea(contours[j]))
        hx, hy, hw, hh = cv2.boundingRect(contours[hole])
        insets = (hx - x, hy - y, x + w - hx - hw, y + h - hy - hh)
        if min(insets) < 0 or max(insets) > thick:
            continue
        if cv2.contourArea(contours[hole]) < s.box_min_hole_fill * hw * hh:
            continue
        piece = empty.copy()
        cv2.drawContours(piece, contours, k, 255, cv2.FILLED)
        cv2.drawContours(piece, contours, hole, 0, cv2.FILLED)
        if int((piece > 0).sum()) > 2 * (w + h) * thick:     # more ink than a thin border holds
            continue
        boxes.append((x, y, x + w, y + h))
        ring |= piece
    if boxes:    # the border's anti-aliased edge, lighter than the threshold
        ring = cv2.dilate(ring, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 3)))
    return boxes, ring


def box_sides(boxes: list[tuple[int, int, int, int]], thickness: int = 3) -> tuple[list[tuple], list[tuple]]:
    """Each box's four sides as rule segments (x, y, w, h pixels) along the middle of its
    border, meeting at square corners (as ruled.square_rounded_corners closes a drawn box)."""
    hs, vs = [], []
    half = thickness // 2
    for x0, top, x1, bottom in boxes:
        t = thickness
        l, r, a, b = x0 + t // 2, x1 - 1 - t // 2, top + t // 2, bottom - 1 - t // 2
        hs += [(l, a - half, r - l, t), (l, b - half, r - l, t)]
        vs += [(l - half, a, t, b - a), (r - half, a, t, b - a)]
    return hs, vs


def _ink_rows(gray: np.ndarray, w: dict) -> tuple[int, int] | None:
    """The first and last rows (page y, the last exclusive) of a word box that hold ink (darker
    than halfway between the word's own darkest ink and white)."""
    crop = gray[max(w["top"], 0):w["top"] + w["height"], max(w["left"], 0):w["left"] + w["width"]]
    if crop.size == 0:
        return None
    rows = np.flatnonzero((crop < (float(np.percentile(crop, 2)) + 255) / 2).any(axis=1))
    if rows.size == 0:
        return None
    return max(w["top"], 0) + int(rows[0]), max(w["top"], 0) + int(rows[-1]) + 1


def trim_rule_residue(words: list[dict], gray: np.ndarray, s: OcrSettings, dpi: float) -> list[dict]:
    """A word's box that takes in what is left of a rule erased above or below it (a dashed
    rule's stubs over a table's header cell): its first or last rows of ink, no thicker than a
    rule (ruling_max_thickness_mm) and parted from the letters by clear rows, are cut off, so
    the line's height is its letters'. A word keeps at least half its height (an "i"'s dot
    over short letters stays)."""
    thick = max(2, int(s.ruling_max_thickness_mm * dpi / 25.4))
    out = []
    for w in words:
        crop = gray[max(w["top"], 0):w["top"] + w["height"], max(w["left"], 0):w["left"] + w["width"]]
        if crop.shape[0] < 3 * thick or crop.size == 0:
            out.append(w)
            continue
        rows = (crop < (float(np.percentile(crop, 2)) + 255) / 2).any(axis=1).astype(np.int8)
        edges = np.flatnonzero(np.diff(np.concatenate([[0], rows, [0]])))
        runs = list(zip(edges[::2], edges[1::2]))
        if len(runs) < 2:
            out.append(w)
            continue
        a, b = 0, len(runs)
        if runs[0][1] - runs[0][0] <= thick:
            a = 1
        if b - a >= 2 and runs[-1][1] - runs[-1][0] <= thick:
            b -= 1
        top, bottom = int(runs[a][0]), int(runs[b - 1][1])
        if (a, b) == (0, len(runs)) or bottom - top < 0.5 * crop.shape[0]:
            out.append(w)
            continue
        out.append({**w, "top": max(w["top"], 0) + top, "height": bottom - top})
    return out


def split_lines_at_boxes(words: list[dict], boxes: list[tuple[int, int, int, int]], gray: np.ndarray) -> list[dict]:
    """A tesseract line read across two or more boxes drawn whole (cards side by side, their
    lines at one height: "colleagues" ending one card's title level with the next card's
    "Lead: Heads of School") is one line per box: the words of each box, and those outside
    every box, take a line of their own, so each has its own height, size and weight.
    tesseract fitted its boxes and baseline to the whole line: each word's box is cut to its
    own ink, and each part finds its own baseline (_line_extent)."""
    if len(boxes) < 2:
        return words

    def owner(w: dict) -> int:
        cx, cy = w["left"] + w["width"] / 2, w["top"] + w["height"] / 2
        return next((k for k, (x0, top, x1, bottom) in enumerate(boxes) if x0 <= cx <= x1 and top <= cy <= bottom), -1)
    owners = {id(w): owner(w) for w in words}
    spans: dict[tuple, set[int]] = {}
    for w in words:
        spans.setdefault(w["line"], set()).add(owners[id(w)])
    out = []
    for w in words:
        if len(spans[w["line"]] - {-1}) < 2:
            out.append(w)
            continue
        w = {**w, "line": (*w["line"], owners[id(w)]), "baseline": None}
        rows = _ink_rows(gray, w)
        if rows is not None:
            w["top"], w["height"] = rows[0], rows[1] - rows[0]
        out.append(w)
    return out


def rulings_from_masks(horiz: np.ndarray, vert: np.ndarray) -> tuple[list[tuple], list[tuple]]:
    """Horizontal and vertical line segments (pixels: x, y, w, h) of the ruling masks."""
    import cv2
    horiz = cv2.dilate(horiz, cv2.getStructuringElement(cv2.MORPH_RECT, (9, 1)))
    vert = cv2.dilate(vert, cv2.getStructuringElement(cv2.MORPH_RECT, (1, 9)))
    return _segments(horiz, True), _segments(vert, False)


def drop_edge_rules(h_segs: list[tuple], v_segs: list[tuple], shape: tuple[int, int], s: OcrSettings,
                    dpi: float) -> tuple[list[tuple], list[tuple]]:
    """Lines lying within ruling_edge_margin_mm of the page's edge are the scanner's (the
    page's edge, the shadow at a bound edge, the lid's), not the plan's: printers keep a
    margin wider than that. Dropped before rule ends are drawn on to crossing rules, so the
    shadow's speckled stubs are not joined into cells beside the table."""
    m = s.ruling_edge_margin_mm * dpi / 25.4
    if m <= 0:
        return h_segs, v_segs
    hgt, wid = shape
    return ([t for t in h_segs if m <= t[1] + t[3] / 2 <= hgt - m],
            [t for t in v_segs if m <= t[0] + t[2] / 2 <= wid - m])


def join_rule_ends(h_segs: list[tuple], v_segs: list[tuple], reach: float,
                   tol: float = 3.0, end_reach: float | None = None) -> tuple[list[tuple], list[tuple]]:
    """A broken grid's rules stop short of the rule they meet (the break fell at the
    crossing): a rule end within `end_reach` pixels of a crossing rule, and not already on one
    (within `tol`: the rule's thickness and the masks' dilation), is drawn on to it; first,
    collinear pieces of one rule less than `reach` apart are joined. Segments are (x, y, w, h) pixels; verticals first, then horizontals
    to the extended verticals."""
    def extend(segs: list[tuple], across: list[tuple], vertical: bool) -> list[tuple]:
        out = []
        for x, y, w, h in segs:
            c = x + w / 2 if vertical else y + h / 2                 # the rule's own line
            lo, hi = (y, y + h) if vertical else (x, x + w)          # its ends
            # crossing rules' positions along this rule, where they span its line
            stops = [(ay + ah / 2 if vertical else ax + aw / 2) for ax, ay, aw, ah in across
                     if ((ax - tol <= c <= ax + aw + tol) if vertical else (ay - tol <= c <= ay + ah + tol))]
            if stops and min(abs(p - lo) for p in stops) > tol:
                before = [p for p in stops if lo - end_reach <= p < lo]
                if before:
                    lo = max(before)
            elif stops:     # on the crossing rule within the tolerance: exactly on it
                lo = min(stops, key=lambda p: abs(p - lo))
            if stops and min(abs(p - hi) for p in stops) > tol:
                after = [p for p in stops if hi < p <= hi + end_reach]
                if after:
                    hi = min(after)
            elif stops:
                hi = min(stops, key=lambda p: abs(p - hi))
            lo, hi = int(round(lo)), int(round(hi))
            if hi <= lo:    # both ends snapped to one crossing: a stub, kept as it was
                lo, hi = (y, y + h) if vertical else (x, x + w)
            out.append((x, lo, w, hi - lo) if vertical else (lo, y, hi - lo, h))
        return out
    def crossings(c: float, across: list[tuple], vertical: bool) -> list[float]:
        return [(ay + ah / 2 if vertical else ax + aw / 2) for ax, ay, aw, ah in across
                if ((ax - tol <= c <= ax + aw + tol) if vertical else (ay - tol <= c <= ay + ah + tol))]

    def bridge(segs: list[tuple], across: list[tuple], vertical: bool) -> list[tuple]:
        """Collinear pieces of one rule with a break up to `reach` between them and no
        crossing rule in the break (a column's rules stop at a full-width section row): one rule."""
        key = (lambda t: (t[0] + t[2] / 2, t[1])) if vertical else (lambda t: (t[1] + t[3] / 2, t[0]))
        out: list[list[int]] = []
        for x, y, w, h in sorted(segs, key=key):
            c, lo, hi, t = (x + w / 2, y, y + h, w) if vertical else (y + h / 2, x, x + w, h)
            prev = next((o for o in reversed(out[-8:]) if abs(o[0] - c) <= tol and lo - o[2] <= reach), None)
            if prev is not None and any(prev[2] - tol <= p <= lo + tol for p in crossings(c, across, vertical)):
                prev = None
            if prev is not None and lo >= prev[1]:
                prev[2], prev[3] = max(prev[2], hi), max(prev[3], t)
            else:
                out.append([c, lo, hi, t])
        return [(int(c - t / 2), lo, t, hi - lo) if vertical else (lo, int(c - t / 2), hi - lo, t)
                for c, lo, hi, t in out]
    end_reach = reach if end_reach is None else end_reach
    h_segs, v_segs = bridge(h_segs, v_segs, False), bridge(v_segs, h_segs, True)
    v_segs = extend(v_segs, h_segs, True)
    return extend(h_segs, v_segs, False), v_segs


def fill_sides(gray: np.ndarray, s: OcrSettings, dpi: float) -> tuple[np.ndarray, np.ndarray]:
    """Masks of the sides of the dark fills (dark_bands: a table's filled header row) as
    horizontal and vertical rules, each set where the grey level steps most near the band's
    coarse edge (dark_bands finds it on a downscaled page): in a picture a filled row's border
    is a step, no line, though it bounds the row's cells as a rule does."""
    horiz, vert = np.zeros_like(gray), np.zeros_like(gray)
    f = 3 * max(2, int(round(dpi / 300 * s.dark_band_downscale)))   # the median of the downscaled page moves an edge
    g = gray.astype(np.float32)

    def step(means: np.ndarray, edge: int) -> int | None:
        lo, hi = max(edge - f, 1), min(edge + f, len(means) - 2)
        return lo + int(np.argmax(np.abs(means[lo + 1:hi + 2] - means[lo - 1:hi]))) if hi > lo else None
    for x0, top, x1, bottom in dark_bands(gray, s, dpi):
        rows, cols = g[:, x0:x1].mean(axis=1), g[top:bottom, :].mean(axis=0)
        ys = [y for y in (step(rows, top), step(rows, bottom)) if y is not None]
        xs = [x for x in (step(cols, x0), step(cols, x1)) if x is not None]
        for y in ys:
            horiz[max(y - 1, 0):y + 2, x0:x1] = 255
        if len(ys) == 2:
            for x in xs:
                vert[ys[0]:ys[1] + 1, max(x - 1, 0):x + 2] = 255
    return horiz, vert


def close_at_frame(h_segs: list[tuple], v_segs: list[tuple], frame: tuple[int, int, int, int], tol: float
                   ) -> tuple[list[tuple], list[tuple]]:
    """A picture cut out of a larger table (a screenshot of a spreadsheet range) ends where its
    rules run out of it: its last column or row has no closing rule of its own. A side of the
    picture's `frame` (x0, top, x1, bottom pixels) that two or more rules run into (their ends
    within `tol`) is drawn as a rule, between the outermost of them, or on to the frame's
    corner where the side it meets is drawn too, so the cut cells close. Segments are
    (x, y, w, h) pixels."""
    x0, top, x1, bottom = frame

    def reaching(segs: list[tuple], side: float, vertical: bool) -> list[float]:
        if vertical:   # vertical rules reaching a top or bottom side: their x
            return [x + w / 2 for x, y, w, h in segs if min(abs(y - side), abs(y + h - side)) <= tol]
        return [y + h / 2 for x, y, w, h in segs if min(abs(x - side), abs(x + w - side)) <= tol]
    sides = {"left": reaching(h_segs, x0, False), "right": reaching(h_segs, x1, False),
             "top": reaching(v_segs, top, True), "bottom": reaching(v_segs, bottom, True)}
    closed = {k for k, v in sides.items() if len(v) >= 2}
    h_out, v_out = list(h_segs), list(v_segs)
    for k, at in (("left", x0), ("right", x1)):
        if k in closed:
            lo = top if "top" in closed else min(sides[k])
            hi = bottom if "bottom" in closed else max(sides[k])
            v_out.append((int(at) - 1, int(lo), 3, int(hi - lo) + 1))
    for k, at in (("top", top), ("bottom", bottom)):
        if k in closed:
            lo = x0 if "left" in closed else min(sides[k])
            hi = x1 if "right" in closed else max(sides[k])
            h_out.append((int(lo), int(at) - 1, int(hi - lo) + 1, 3))
    return h_out, v_out


def drop_rules_in_ink(gray: np.ndarray, h_segs: list[tuple], v_segs: list[tuple], s: OcrSettings,
                      dpi: float) -> tuple[list[tuple], list[tuple]]:
    """Rules with ink along both sides (at least ruling_max_side_ink of a band 1 mm wide just
    past the rule) dropped: runs opened out of a dark or speckled banner, not lines printed on
    paper. A table's rule has paper or sparse text on at least one side."""
    import cv2
    if s.ruling_max_side_ink >= 1.0:
        return h_segs, v_segs
    _, binary = cv2.threshold(gray, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    integral = cv2.integral(binary)
    hgt, wid = binary.shape
    mm = dpi / 25.4
    off, band = max(2, int(0.3 * mm)), max(3, int(1.0 * mm))

    def ink(x0: int, x1: int, y0: int, y1: int) -> float:
        x0, x1, y0, y1 = max(x0, 0), min(x1, wid), max(y0, 0), min(y1, hgt)
        if y1 <= y0 or x1 <= x0:
            return 0.0
        total = integral[y1, x1] - integral[y0, x1] - integral[y1, x0] + integral[y0, x0]
        return float(total) / ((y1 - y0) * (x1 - x0))

    def keep(x: int, y: int, w: int, h: int, vertical: bool) -> bool:
        if vertical:
            sides = (ink(x - off - band, x - off, y, y + h), ink(x + w + off, x + w + off + band, y, y + h))
        else:
            sides = (ink(x, x + w, y - off - band, y - off), ink(x, x + w, y + h + off, y + h + off + band))
        return min(sides) < s.ruling_max_side_ink

    return ([t for t in h_segs if keep(*t, False)], [t for t in v_segs if keep(*t, True)])


def short_column_rules(gray: np.ndarray, h_segs: list[tuple], v_segs: list[tuple], s: OcrSettings,
                       dpi: float) -> list[tuple]:
    """Column rules of a row too short for the opening that finds rules (a one-line header row
    is ~5 mm high; rules must be ruling_min_length of the page), found where they must stand:
    between two row rules one above the other, at the x of a column rule found elsewhere that
    both row rules cross, a thin line of ink (faint stretches count) over at least
    ruling_short_min_ink of the row's height. Text crossing that x is spotty, not a line.
    Returns the segments (x, y, w, h) to add, in pixels."""
    import cv2
    if s.ruling_short_min_ink >= 1.0 or not v_segs or len(h_segs) < 2:
        return []
    level, _ = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    ink = gray < (level + 255) / 2
    mm = dpi / 25.4
    tol = max(3, int(s.ruling_max_thickness_mm * mm))
    xs: list[list[float]] = []       # column rule positions, clustered
    for x, y, w, h in sorted(v_segs, key=lambda t: t[0] + t[2] / 2):
        c = x + w / 2
        if xs and c - xs[-1][-1] <= tol:
            xs[-1].append(c)
        else:
            xs.append([c])
    columns = [float(np.median(c)) for c in xs]
    rows = sorted(h_segs, key=lambda t: t[1] + t[3] / 2)
    out = []
    for i, (ax, ay, aw, ah) in enumerate(rows):
        # the next row rule below this one that overlaps it
        below = next(((bx, by, bw, bh) for bx, by, bw, bh in rows[i + 1:]
                      if by + bh / 2 - (ay + ah / 2) > 2 * tol and min(ax + aw, bx + bw) - max(ax, bx) > 0), None)
        if below is None:
            continue
        bx, by, bw, bh = below
        y0, y1 = ay + ah, by
        if y1 - y0 < 2 * tol:
            continue
        for c in columns:
            if not (max(ax, bx) + tol <= c <= min(ax + aw, bx + bw) - tol):
                continue
            if any(abs(x + w / 2 - c) <= tol and y <= y0 + tol and y + h >= y1 - tol for x, y, w, h in v_segs):
                continue       # already ruled
            strip = ink[y0:y1, int(c) - tol:int(c) + tol + 1]
            if strip.size == 0 or float(strip.any(axis=1).mean()) < s.ruling_short_min_ink:
                continue
            # a line, not a glyph: its ink in the strip, paper just beside it
            cols = strip.mean(axis=0)
            side = np.concatenate([ink[y0:y1, int(c) - 3 * tol:int(c) - tol], ink[y0:y1, int(c) + tol + 1:int(c) + 3 * tol + 1]], axis=1)
            if side.size and float(side.mean()) > s.ruling_clear_ink:
                continue
            if float(cols.max()) < s.ruling_short_min_ink:
                continue
            out.append((int(c) - 1, int(ay + ah / 2), 3, int(by + bh / 2 - (ay + ah / 2))))
    return out


def erase_rulings(gray: np.ndarray, horiz: np.ndarray, vert: np.ndarray) -> np.ndarray:
    """The page without its rulings, so tesseract does not read them as "|" or "_"."""
    import cv2
    mask = cv2.dilate(cv2.bitwise_or(horiz, vert), cv2.getStructuringElement(cv2.MORPH_RECT, (5, 5)))
    out = gray.copy()
    out[mask > 0] = 255
    return out


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


_RULING_RESIDUE = "_|~"


def _clean_word(word: str) -> str:
    """Drop the remains of erased rulings that tesseract reads as "_", "|" or "—_" at a word's
    edges; these characters are not written at the edge of words in plans."""
    word = word.strip()
    word = re.sub(r"^[—–-]?[_|~]+", "", word)
    return word.strip(_RULING_RESIDUE)


_XHTML = "{http://www.w3.org/1999/xhtml}"
_BBOX = re.compile(r"(?:bbox|x_bboxes) (-?\d+) (-?\d+) (-?\d+) (-?\d+)")
_WCONF = re.compile(r"x_wconf (-?[\d.]+)")


_BASELINE = re.compile(r"baseline (-?[\d.]+) (-?[\d.]+)")
_XSIZE = re.compile(r"x_size (-?[\d.]+)")
_XDESC = re.compile(r"x_descenders (-?[\d.]+)")
_XASC = re.compile(r"x_ascenders (-?[\d.]+)")


def _line_font(title: str) -> tuple[float, ...] | None:
    """A tesseract line's type metrics: its box's left and bottom, its baseline (slope and
    offset from the box's bottom), its type height (x_size: ascender to descender), its
    descenders' depth and its ascenders' rise above the x-height; None when hOCR gives no
    such figures."""
    box, base, size, desc = _BBOX.search(title), _BASELINE.search(title), _XSIZE.search(title), _XDESC.search(title)
    if box is None or base is None or size is None or desc is None:
        return None
    asc = _XASC.search(title)
    return (float(box[1]), float(box[4]), float(base[1]), float(base[2]), float(size[1]), float(desc[1]),
            float(asc[1]) if asc else 0.0)


def _baseline_drop(font: tuple[float, ...] | None, x0: int, x1: int, y1: int) -> float | None:
    """Where the line's baseline lies under a word (pixels below the word box's bottom: 0 for
    a word without descenders, minus their depth for one with), from tesseract's baseline
    fit of the line; None when hOCR gives none."""
    if font is None:
        return None
    left, bottom, slope, offset = font[:4]
    return bottom + offset + slope * ((x0 + x1) / 2 - left) - y1


def _ascender_rise(font: tuple[float, ...] | None) -> float | None:
    """How far the line's ascenders rise above its x-height, as a share of the x-height
    (tesseract's x_ascenders over x_size less ascenders and descenders); None when unknown."""
    if font is None:
        return None
    size, desc = font[4], font[5]
    asc = font[6] if len(font) > 6 else 0.0
    xh = size - asc - desc
    return asc / xh if asc > 0 and xh > 0 else None


def _hocr_words(hocr: str) -> list[dict]:
    """tesseract's hOCR (with hocr_char_boxes) as raw words: text, box, confidence, the
    (block, paragraph, line) they belong to, and each character's left and right edge."""
    import xml.etree.ElementTree as ET
    root = ET.fromstring(hocr)
    words: list[dict] = []
    counters = {"ocr_carea": 0, "ocr_par": 0, "line": 0}
    font: list[tuple[float, ...] | None] = [None]   # the current line's type metrics

    def walk(node, key: tuple[int, int, int]) -> None:
        for child in node:
            cls = child.get("class", "")
            if cls in ("ocr_carea", "ocr_par"):
                counters[cls] += 1
                walk(child, (counters["ocr_carea"], counters["ocr_par"], key[2]) if cls == "ocr_par"
                     else (counters["ocr_carea"], key[1], key[2]))
            elif cls in ("ocr_line", "ocr_header", "ocr_caption", "ocr_textfloat"):
                counters["line"] += 1
                font[0] = _line_font(child.get("title", ""))
                walk(child, (key[0], key[1], counters["line"]))
                font[0] = None
            elif cls == "ocrx_word":
                title = child.get("title", "")
                box, conf = _BBOX.search(title), _WCONF.search(title)
                if box is None:
                    continue
                cinfo = [c for c in child.iter(_XHTML + "span") if c.get("class") == "ocrx_cinfo"]
                chars = []
                for c in cinfo:
                    cb = _BBOX.search(c.get("title", ""))
                    if cb is not None and c.text:
                        chars.append((c.text, int(cb[1]), int(cb[3])))
                text = "".join(ch for ch, _, _ in chars) if chars else "".join(child.itertext()).strip()
                x0, y0, x1, y1 = (int(v) for v in box.groups())
                drop = _baseline_drop(font[0], x0, x1, y1)
                words.append({"raw": text, "left": x0, "top": y0, "width": x1 - x0, "height": y1 - y0,
                              "conf": float(conf[1]) if conf else 0.0, "line": key,
                              "chars": chars if "".join(ch for ch, _, _ in chars) == text else [],
                              "baseline": drop, "rise": _ascender_rise(font[0])})
            else:
                walk(child, key)

    walk(root, (0, 0, 0))
    return words


def tesseract_words(gray: np.ndarray, lang: str = "eng", psm: int = 3, dpi: float = DPI,
                    settings: OcrSettings | None = None, whitelist: str = "") -> list[dict]:
    """Words with boxes (pixels), confidence and their characters' left/right edges ("chars",
    for split_run_together), from tesseract's hOCR. Characters the settings exclude
    (char_blacklist: "$" is the usual misreading of a scanned "S" in "S1.1", and plans here
    price nothing in dollars) are never chosen; whole words the settings map (a dash
    tesseract reads as "—" where plans print the spaced "–") are replaced."""
    s = settings or load_config().ocr
    from PIL import Image
    buf = io.BytesIO()
    Image.fromarray(gray).save(buf, format="PNG")
    # One thread: documents already run in parallel, and tesseract's OpenMP threads then
    # fight over the cores (measured 2.3x slower per page).
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    extra = ["-c", f"tessedit_char_blacklist={s.char_blacklist}"] if s.char_blacklist and not whitelist else []
    if whitelist:    # only these characters may be chosen (a crop known to hold an id)
        extra = ["-c", f"tessedit_char_whitelist={whitelist}"]
    proc = subprocess.run(["tesseract", "stdin", "stdout", "-l", lang, "--psm", str(psm), "--dpi", str(int(round(dpi))),
                           "-c", "hocr_char_boxes=1", *extra, "hocr"],
                          input=buf.getvalue(), capture_output=True, timeout=120, env=env)
    if proc.returncode != 0:
        raise ExtractionError("ocr_failed", f"tesseract failed: {proc.stderr.decode(errors='replace')[:200]}")
    words = []
    for w in _hocr_words(proc.stdout.decode("utf-8", errors="replace")):
        raw = w.pop("raw")
        text = _clean_word(raw)
        if w["conf"] < 0 or not text:
            continue
        start = raw.find(text)
        chars = w["chars"][start:start + len(text)] if w["chars"] and start >= 0 else []
        if text in s.word_substitutions:
            text, chars = s.word_substitutions[text], []
        words.append({**w, "text": text, "chars": chars})
    return words


def _white_runs(gray: np.ndarray, w: dict) -> list[tuple[int, int]]:
    """Runs of ink-free columns (page x, start and end) strictly inside a word's box; ink is
    darker than halfway between the word's own darkest ink and white (grey print too)."""
    crop = gray[max(w["top"], 0):w["top"] + w["height"], max(w["left"], 0):w["left"] + w["width"]]
    if crop.size == 0:
        return []
    ink = crop < (float(np.percentile(crop, 2)) + 255) / 2
    empty = np.concatenate([[0], (ink.sum(axis=0) == 0).astype(np.int8), [0]])
    edges = np.flatnonzero(np.diff(empty))
    runs = [(int(a), int(b)) for a, b in zip(edges[::2], edges[1::2]) if a > 0 and b < crop.shape[1]]
    return [(w["left"] + a, w["left"] + b) for a, b in runs]


def split_run_together(words: list[dict], gray: np.ndarray, s: OcrSettings, dpi: float = DPI) -> list[dict]:
    """Two words read as one ("suchas", "Runa"): on a blurred page the space between them
    narrows and tesseract joins them. A run of ink-free columns inside a word nearly as wide
    as the line's usual gap between words (split_word_gap of it; word boxes are tight to the
    ink) and much wider than its usual gap between letters (split_letter_gap times the median
    ink-free run inside its words) is a space; the word is cut at the boundary between
    tesseract's character boxes that lies in that run. Dictionary-free: only the gaps of the
    line are compared."""
    tol = max(2, int(round(dpi / 100)))
    out: list[dict] = []
    for ws in _lines_of(words).values():
        ws = sorted(ws, key=lambda w: w["left"])
        between = [b["left"] - (a["left"] + a["width"]) for a, b in zip(ws, ws[1:])]
        if len(between) < 2:
            out += ws
            continue
        letters = [b - a for w in ws for a, b in _white_runs(gray, w)]
        if not letters:
            out += ws
            continue
        cut = max(s.split_word_gap * float(np.median(between)), s.split_letter_gap * float(np.median(letters)))
        for w in ws:
            chars = w.get("chars", [])
            cuts = []
            for a, b in _white_runs(gray, w) if len(chars) >= 2 and cut > 0 else []:
                if b - a < cut:
                    continue
                # the character boundary that fits the run: the left character ends where
                # the run starts, the right one starts where it ends (tesseract's boxes of a
                # misjudged gap overlap it)
                inside = [i + 1 for i, (c1, c2) in enumerate(zip(chars, chars[1:]))
                          if c1[2] <= a + tol and c2[1] >= b - tol and c1[0].isalnum() and c2[0].isalnum()]
                if len(inside) == 1 and inside[0] not in cuts:
                    cuts.append(inside[0])
            cuts.sort()
            if not cuts:
                out.append(w)
                continue
            for a, b in zip([0] + cuts, cuts + [len(chars)]):
                part = chars[a:b]
                x0, x1 = part[0][1], part[-1][2]
                out.append({**w, "text": "".join(ch for ch, _, _ in part), "left": x0, "width": x1 - x0,
                            "chars": part})
    return out


def _ink(binary: np.ndarray, w: dict) -> tuple[float, float]:
    """A word's mean stroke width (pixels: twice its ink over its ink's boundary, which
    is the width of a long stroke) and the share of its box that is ink."""
    import cv2
    crop = binary[max(w["top"], 0):w["top"] + w["height"], max(w["left"], 0):w["left"] + w["width"]]
    ink = int(crop.sum())
    if ink == 0:
        return 0.0, 0.0
    edge = ink - int(cv2.erode(crop, np.ones((3, 3), np.uint8)).sum())
    return 2 * ink / max(edge, 1), ink / crop.size


def _lines_of(words: list[dict]) -> dict[tuple, list[dict]]:
    by_line: dict[tuple, list[dict]] = {}
    for w in words:
        by_line.setdefault(w["line"], []).append(w)
    return by_line


def _two_classes(values: list[float]) -> float:
    """Otsu's threshold of sorted values: the cut that maximises the variance between the
    two classes (the first value of the upper class)."""
    v = np.asarray(values, dtype=np.float64)
    best, cut = -1.0, float(v[-1]) + 1
    for i in range(1, len(v)):
        if v[i] == v[i - 1]:
            continue
        w0, w1 = i / len(v), 1 - i / len(v)
        between = w0 * w1 * (v[:i].mean() - v[i:].mean()) ** 2
        if between > best:
            best, cut = between, float(v[i])
    return cut


def mark_bold(words: list[dict], gray: np.ndarray, s: OcrSettings) -> list[dict]:
    """Bold from the pixels, as a PDF's font name says it: a line's strokes thicker than
    the page's usual stroke (body text's), both in pixels and relative to the line's height (a larger
    regular heading has thicker strokes but in proportion to its size). Each word of
    three or more letters is judged on its own stroke, shorter words follow their line,
    a word between two agreeing neighbours follows them, and a line bold almost
    throughout is bold throughout."""
    binary = (gray < 128).astype(np.uint8)
    stats = {id(w): _ink(binary, w) for w in words}
    lines = _lines_of(words)
    height = {k: max(w["top"] + w["height"] for w in ws) - min(w["top"] for w in ws) for k, ws in lines.items()}
    long = [(stats[id(w)][0], height[w["line"]]) for w in words if len(w["text"]) >= 3 and stats[id(w)][0] > 0]
    if len(long) < 5:
        return words
    # body text and bold as two classes of stroke (Otsu's split of the words' strokes), so
    # a page of bold card titles over a little body text is judged as well as a page of body
    # text with a few bold headings; classes closer than the ratio: no bold on the page
    strokes = sorted(sw for sw, _ in long)
    cut = _two_classes(strokes)
    body = [(sw, h) for sw, h in long if sw < cut]
    if not body or len(body) == len(long):
        return [{**w, "bold": False} for w in words]
    stroke = float(np.median([sw for sw, _ in body]))
    heavy = float(np.median([sw for sw in strokes if sw >= cut]))
    if heavy < s.bold_stroke_ratio * stroke:
        return [{**w, "bold": False} for w in words]
    relative = float(np.median([sw / max(h, 1) for sw, h in body]))
    out = []
    for k, ws in lines.items():
        h = max(height[k], 1)
        judged = [(w, stats[id(w)][0] >= s.bold_stroke_ratio * stroke and stats[id(w)][0] / h >= s.bold_stroke_ratio * relative)
                  for w in ws if len(w["text"]) >= 3 and stats[id(w)][0] > 0]
        share = sum(b for _, b in judged) / len(judged) if judged else 0.0
        line_bold = share > 0.5
        # a line judged bold almost throughout is a bold line (a heading with a few blurred words)
        mine = {id(w): b or share >= s.bold_line_share for w, b in judged}
        ws = sorted(ws, key=lambda w: w["left"])
        flags = [mine.get(id(w), line_bold) for w in ws]
        # one stray judgement between two agreeing neighbours follows them (a blurred bold
        # "across" inside a bold heading, a dark regular word inside body text)
        smooth = [flags[i - 1] if 0 < i < len(flags) - 1 and flags[i - 1] == flags[i + 1] else flags[i]
                  for i in range(len(flags))]
        out += [{**w, "bold": b} for w, b in zip(ws, smooth)]
    return out


def restore_bullets(words: list[dict], gray: np.ndarray, s: OcrSettings) -> list[dict]:
    """A list bullet that tesseract read as a letter ("e", "¢", "«"): the first word of a
    line, one character, a small solid blob (mostly ink, about as wide as high) set apart
    from the text after it. Letters are strokes, not filled discs."""
    binary = (gray < 128).astype(np.uint8)
    out = list(words)
    for ws in _lines_of(words).values():
        ws = sorted(ws, key=lambda w: w["left"])
        first = ws[0]
        if len(ws) < 2 or len(first["text"]) != 1 or first["text"] in "•●▪■":
            continue
        h = max(w["top"] + w["height"] for w in ws) - min(w["top"] for w in ws)
        aspect = first["width"] / max(first["height"], 1)
        _, fill = _ink(binary, first)
        gap = ws[1]["left"] - (first["left"] + first["width"])
        if (fill >= s.bullet_min_fill and 0.6 <= aspect <= 1.6 and first["height"] <= 0.7 * h
                and gap >= 0.25 * h):
            out[out.index(first)] = {**first, "text": "•"}
    return out


_ID = re.compile(r"^(?P<prefix>[A-Z]{1,3})(?P<num>\d{1,2}(?:\.\d{1,2})*)(?P<tail>[.:)]?)$")


def repair_ids(words: list[dict], s: OcrSettings, page_width: int) -> list[dict]:
    """An id whose digits tesseract read as letters ("Al" for A1, "AS" for A5, "SI.2" for
    S1.2): a word that becomes an id of a prefix the page's other ids use when its look-alike
    letters are read as digits, set at the left edge where such ids start (a column of keys,
    the opening of list items). Letters are only replaced after the prefix."""
    tol = s.id_align_tolerance * page_width
    ids: dict[str, list[int]] = {}
    for w in words:
        m = _ID.match(w["text"])
        if m:
            ids.setdefault(m["prefix"], []).append(w["left"])
    if not ids:
        return words
    table = str.maketrans(s.digit_lookalikes)
    out = []
    for w in words:
        text = w["text"]
        for prefix, lefts in ids.items():
            if (len(lefts) < 2 or not text.startswith(prefix) or _ID.match(text)
                    or not any(abs(w["left"] - x) <= tol for x in lefts)):
                continue
            fixed = prefix + text[len(prefix):].translate(table)
            m = _ID.match(fixed)
            if m and m["prefix"] == prefix:
                text = fixed
                break
        out.append(w if text == w["text"] else {**w, "text": text})
    return out


def _shape(text: str) -> str:
    """An id's form: its letters as one placeholder, each digit as another ("V1.1" -> "A9.9")."""
    return re.sub(r"[A-Za-z]+", "A", re.sub(r"\d", "9", text))


def _in_shape(text: str, prefix: str, shape: str) -> str:
    """An id's digits poured into another form ("S12", "A9.9" -> "S1.2")."""
    digits = iter(re.sub(r"\D", "", text[len(prefix):]))
    return "".join(prefix if ch == "A" else next(digits) if ch == "9" else ch for ch in shape)


def _read_crops(gray: np.ndarray, boxes: list[tuple[int, int, int, int]], s: OcrSettings, dpi: float,
                psm: int, whitelist: str = "", binarise: bool = False) -> list[list[dict]]:
    """Each box (x0, top, x1, bottom, pixels) read on its own: the crops stacked in one image
    with white space between (one tesseract process, not one per crop); each crop's words
    in page pixels. `binarise`: each crop thresholded on its own (Otsu) first: a few thin grey
    glyphs on white defeat tesseract's own thresholding of a small crop ("7." read as "a")."""
    import cv2
    pad = s.reread_pad
    crops = [gray[max(t, 0):b, max(x0, 0):x1] for x0, t, x1, b in boxes]
    if binarise:
        crops = [cv2.threshold(c, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)[1] if c.size else c for c in crops]
    width = max(c.shape[1] for c in crops) + 2 * pad
    bands, y = [], pad
    for crop in crops:
        bands.append((y, y + crop.shape[0]))
        y += crop.shape[0] + 2 * pad
    sheet = np.full((y, width), 255, dtype=np.uint8)
    for (y0, y1), crop in zip(bands, crops):
        sheet[y0:y1, pad:pad + crop.shape[1]] = crop
    again = tesseract_words(sheet, psm=psm, dpi=dpi, settings=s, whitelist=whitelist)
    out = []
    for (y0, y1), (x0, top, _, _) in zip(bands, boxes):
        mine = [w for w in again if y0 - pad / 2 <= w["top"] + w["height"] / 2 <= y1 + pad / 2]
        out.append([{**w, "left": w["left"] - pad + max(x0, 0), "top": w["top"] - y0 + max(top, 0)} for w in mine])
    return out


def reread_ids(gray: np.ndarray, words: list[dict], s: OcrSettings, dpi: float) -> list[dict]:
    """Keys misread beyond repair by look-alike letters. The first word of a line that starts
    where the page's ids start (a column of keys, the opening of list items: at least two ids
    aligned with it) is judged against those ids:
    - an id of another form than most of them, with as many digits ("S12" among V1.1, V1.2:
      the dot, the smallest mark of an id, lost), takes their form ("S1.2"); with fewer
      digits and doubtful ("V2" for V1.2), it is read again (below) and must come back in
      their form;
    - a doubtful word that is no id but opens with an id letter ("Sact" for S1.1) is read again
      from its pixels alone, allowed only the page's id letters, digits and the dot; the new
      reading is kept when it is an id of a prefix the page uses."""
    tol = s.id_align_tolerance * gray.shape[1]
    ids = [w for w in words if _ID.match(w["text"])]
    prefixes = {_ID.match(w["text"])["prefix"] for w in ids}
    firsts = {id(min(ws, key=lambda w: w["left"])) for ws in _lines_of(words).values()}
    fixed: dict[int, str] = {}
    forms: dict[int, str] = {}      # the form a reread must have
    todo: list[dict] = []
    for w in words:
        if id(w) not in firsts or len(w["text"]) > 8:
            continue
        near = [v for v in ids if v is not w and abs(v["left"] - w["left"]) <= tol]
        if len(near) < 2:
            continue
        shapes: dict[str, int] = {}
        for v in near:
            shapes[_shape(v["text"])] = shapes.get(_shape(v["text"]), 0) + 1
        usual = max(shapes, key=shapes.get)
        m = _ID.match(w["text"])
        if m is None:
            # the prefix read right, what follows garbled, and tesseract unsure of the word
            if any(w["text"].startswith(p[0]) for p in prefixes) and w["conf"] < s.reread_min_conf:
                todo.append(w)
        elif _shape(w["text"]) != usual and shapes[usual] >= 2 * shapes.get(_shape(w["text"]), 0):
            if usual.count("9") == _shape(w["text"]).count("9"):
                fixed[id(w)] = _in_shape(w["text"], m["prefix"], usual)
            elif w["conf"] < s.reread_min_conf:      # "V2" for V1.2: digits lost too
                todo.append(w)
                forms[id(w)] = usual
    if todo:
        letters = "".join(sorted({ch for p in prefixes for ch in p}))
        mg = max(2, int(dpi / 50))
        boxes = [(w["left"] - mg, w["top"] - mg, w["left"] + w["width"] + mg, w["top"] + w["height"] + mg)
                 for w in todo]
        for w, new in zip(todo, _read_crops(gray, boxes, s, dpi, psm=6, whitelist=letters + "0123456789.")):
            text = "".join(v["text"] for v in new)
            m = _ID.match(text)
            if m is not None and m["prefix"] in prefixes and forms.get(id(w), _shape(text)) == _shape(text):
                fixed[id(w)] = text
    return [{**w, "text": fixed[id(w)]} if id(w) in fixed else w for w in words]


_KEY = re.compile(r"^(?P<prefix>[A-Z]{0,3})(?P<num>\d{1,2}(?:\.\d{1,2})*)(?P<tail>[.:)]?)$")


def _key_columns(words: list[dict], tol: float) -> list[dict]:
    """Columns of line keys: the first words of lines that read as keys ("1.", "2.3", "S1.1"),
    at least three starting within `tol` of one another. Each column: where its keys start
    (x), where the text after them starts (body: the median left of the word after each key),
    the keys' usual form, and the letters they use."""
    firsts = []
    for ws in _lines_of(words).values():
        ws = sorted(ws, key=lambda w: w["left"])
        if _KEY.match(ws[0]["text"]):
            firsts.append((ws[0], ws[1] if len(ws) > 1 else None))
    firsts.sort(key=lambda t: t[0]["left"])
    groups: list[list[tuple[dict, dict | None]]] = []
    for pair in firsts:
        if groups and pair[0]["left"] - groups[-1][0][0]["left"] <= tol:
            groups[-1].append(pair)
        else:
            groups.append([pair])
    out = []
    for g in groups:
        bodies = [n["left"] for _, n in g if n is not None]
        if len(g) < 3 or not bodies:
            continue
        shapes: dict[str, int] = {}
        for k, _ in g:
            shapes[_shape(k["text"])] = shapes.get(_shape(k["text"]), 0) + 1
        out.append({"x": min(k["left"] for k, _ in g), "body": float(np.median(bodies)),
                    "shape": max(shapes, key=shapes.get),
                    "letters": "".join(sorted({ch for k, _ in g for ch in _KEY.match(k["text"])["prefix"]}))})
    return out


def reread_line_keys(gray: np.ndarray, words: list[dict], s: OcrSettings, dpi: float) -> list[dict]:
    """A list's numbers or a key column's keys that tesseract dropped or misread beyond
    repair: page-level layout analysis drops a lone "1" before its dot, reads "1.1" as "pe" or
    joins "7." and "8." of two lines into one word of its own block. Against a column of keys
    (_key_columns), a line whose text starts where the column's text starts but with ink in
    the key's place, or whose first word sits where the keys start but is no key of their form
    and doubtful, has that place read again from its pixels alone, only key characters
    allowed; the reading is kept when it has the column's form, replacing the words there."""
    tol = s.id_align_tolerance * gray.shape[1]
    columns = _key_columns(words, tol)
    if not columns:
        return words
    mg, gap = max(2, int(dpi / 50)), max(2, int(dpi / 60))
    min_ink = s.reread_min_ink * (dpi / 200) ** 2
    todo: list[tuple[tuple[int, int, int, int], tuple, dict]] = []
    for key, ws in _lines_of(words).items():
        ws = sorted(ws, key=lambda w: w["left"])
        first = ws[0]
        top = min(w["top"] for w in ws)
        bottom = max(w["top"] + w["height"] for w in ws)
        for col in columns:
            m = _KEY.match(first["text"])
            if m and _shape(first["text"]) == col["shape"]:
                break
            if abs(first["left"] - col["x"]) <= tol and len(ws) > 1 and len(first["text"]) <= 6 \
                    and first["conf"] < s.reread_min_conf and abs(ws[1]["left"] - col["body"]) <= 2 * tol:
                box = (int(first["left"]) - mg, top - mg, int(ws[1]["left"]) - gap, bottom + mg)
            elif abs(first["left"] - col["body"]) <= 2 * tol and first["left"] - col["x"] > 2 * gap:
                box = (int(col["x"]) - mg, top - mg, int(first["left"]) - gap, bottom + mg)
                if int((gray[max(box[1], 0):box[3], max(box[0], 0):box[2]] < 128).sum()) < min_ink:
                    continue
            else:
                continue
            todo.append((box, key, col))
            break
    if not todo:
        return words
    letters = "".join(sorted({ch for _, _, col in todo for ch in col["letters"]}))
    found = _read_crops(gray, [box for box, _, _ in todo], s, dpi, psm=6, whitelist=letters + "0123456789.:)",
                        binarise=True)
    out = list(words)
    for (box, key, col), new in zip(todo, found):
        text = "".join(w["text"] for w in new)
        if not new or _KEY.match(text) is None or _shape(text) != col["shape"]:
            continue
        x0, x1 = min(w["left"] for w in new), max(w["left"] + w["width"] for w in new)
        y0, y1 = min(w["top"] for w in new), max(w["top"] + w["height"] for w in new)
        # the words read in the key's place give way to it (a stray dot, a misreading, a word
        # tesseract made of two lines' keys)
        out = [w for w in out if not (box[0] <= w["left"] + w["width"] / 2 <= box[2]
                                      and (w["line"] == key or (w["top"] < y1 and w["top"] + w["height"] > y0)))]
        out.append({"text": text, "left": x0, "top": y0, "width": x1 - x0, "height": y1 - y0,
                    "conf": float(np.mean([w["conf"] for w in new])), "line": key, "chars": []})
    return out


def snap_sizes(sizes: list[tuple[float, int]], tolerance: float, absolute: float = 0.0) -> dict[float, float]:
    """Each size (points, to 0.1) within `tolerance` (a share) or `absolute` (points) of a
    more common one takes it, the most common first. `sizes`: (size, weight) pairs; returns
    size -> snapped size."""
    weights: dict[float, int] = {}
    for size, n in sizes:
        weights[size] = weights.get(size, 0) + n
    reps: list[float] = []
    out: dict[float, float] = {}
    for size in sorted(weights, key=lambda v: (-weights[v], v)):
        rep = next((r for r in reps if abs(size - r) <= max(tolerance * r, absolute) + 1e-9), None)
        if rep is None:
            reps.append(size)
        out[size] = size if rep is None else rep
    return out


_DESCENDING = set("gjpqy,;()[]{}|/")


def _line_extent(ws: list[dict]) -> tuple[float, float, float | None]:
    """A tesseract line's top, bottom and baseline (pixels; the baseline None when unknown):
    tesseract's baseline fit where it gave one, else the median bottom of the line's words
    that have letters or digits and none that descend (those end on the baseline)."""
    top = min(w["top"] for w in ws)
    bottom = max(w["top"] + w["height"] for w in ws)
    drops = [w["top"] + w["height"] + w["baseline"] for w in ws if w.get("baseline") is not None]
    if not drops:
        drops = [w["top"] + w["height"] for w in ws
                 if any(ch.isalnum() for ch in w["text"]) and not _DESCENDING & set(w["text"])]
    return top, bottom, (float(np.median(drops)) if drops else None)


_X_HEIGHT = set("acegmnopqrsuvwxyz")    # letters that rise no higher than the x-height


def ascender_ratio(words: list[dict]) -> float:
    """The page's ascenders' rise above the x-height, as a share of the x-height: the median
    of tesseract's figure over the page's lines; 0 when it gives none."""
    rises = [r for ws in _lines_of(words).values() for r in [ws[0].get("rise")] if r]
    return float(np.median(rises)) if rises else 0.0


def descender_ratio(words: list[dict]) -> float:
    """The page's descender depth as a share of its lines' height above the baseline: the
    median over lines that have descenders (reaching at least 15% of that height below it);
    0 when no line does."""
    ratios = []
    for ws in _lines_of(words).values():
        top, bottom, base = _line_extent(ws)
        if base is not None and base - top > 0 and bottom - base >= 0.15 * (base - top):
            ratios.append((bottom - base) / (base - top))
    return float(np.median(ratios)) if ratios else 0.0


def words_to_chars(words: list[dict], scale: float) -> list[dict]:
    """Synthetic glyphs spread evenly over each word box, so the text code needs no OCR case.
    All words of one tesseract line share that line's top and bottom, keeping lines intact;
    its bottom is where the page's descenders reach below its baseline (descender_ratio), and
    the top of a line of x-height letters only ("over") where the page's ascenders rise
    (ascender_ratio), so a line's size is its type's height, with descenders or none ("the
    staff e-bulletin", a line of capitals: as high as a line with a "g"); each word's first glyph carries
    `space_before` (as pdfium's inferred spaces do)."""
    chars = []
    ratio, rise = descender_ratio(words), ascender_ratio(words)
    for ws in _lines_of(words).values():
        top, bottom, base = _line_extent(ws)
        if base is not None and base > top:
            letters = {ch for w in ws for ch in w["text"] if ch.isalnum()}
            if letters and letters <= _X_HEIGHT:
                top = min(top, base - (1 + rise) * (base - top))    # "over": its top is the x-height
            bottom = max(bottom, base + ratio * (base - top))
        top, bottom = top * scale, bottom * scale
        size = max(bottom - top, 1.0)
        for w in ws:
            n = len(w["text"])
            step = w["width"] * scale / max(n, 1)
            x = w["left"] * scale
            for i, ch in enumerate(w["text"]):
                # tesseract's words are words: the first glyph of each has a space before it,
                # however narrow the gap on a blurred page
                chars.append({"text": ch, "x0": x, "x1": x + step, "top": top, "bottom": bottom,
                              "size": size, "fontname": "OCR", "bold": bool(w.get("bold")),
                              "space_before": i == 0})
                x += step
    return chars


def snap_page_sizes(pages: list[PageContent], tolerance: float, pixels: float = 0.0) -> list[PageContent]:
    """One size per style across a scanned document: a line's size is its height in pixels,
    which jitters with blur, with tilt and with its letters (a descender or none), so the
    card titles of one plan read 10.6 pt on one page and 10.8 or 11.0 on another and split
    into heading styles. Every glyph's size within `tolerance` of a more common size in the
    document's OCR'd pages takes it (snap_sizes); the lines are rebuilt."""
    import dataclasses
    if tolerance <= 0 or not pages:
        return pages
    # a line's height is measured in the scan's own pixels: a pixel or two of it is noise
    pixel = max((c.get("scan_pixel", 0.0) for p in pages for c in p.chars), default=0.0)
    snapped = snap_sizes([(round(c["size"], 1), 1) for p in pages for c in p.chars], tolerance, pixels * pixel)
    out = []
    for p in pages:
        chars = [{**c, "size": snapped.get(round(c["size"], 1), c["size"])} for c in p.chars]
        out.append(dataclasses.replace(p, chars=chars, lines=chars_to_lines(chars, p.number)))
    return out


_OCR_PAIRS = (("rn", "m"), ("cl", "d"), ("li", "h"), ("vv", "w"), ("ii", "u"))


def _near(word: str, vocab: set[str]) -> set[str]:
    """Words of `vocab` one edit from `word`: a letter changed, added or dropped, or one of
    tesseract's letter pairs read for one letter (or the reverse)."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    out: set[str] = set()
    for i in range(len(word) + 1):
        head, tail = word[:i], word[i:]
        if tail:
            out.add(head + tail[1:])
            out.update(head + c + tail[1:] for c in letters)
        out.update(head + c + tail for c in letters)
    for a, b in _OCR_PAIRS:
        for x, y in ((a, b), (b, a)):
            k = word.find(x)
            while k >= 0:
                out.add(word[:k] + y + word[k + len(x):])
                k = word.find(x, k + 1)
    out.discard(word)
    return out & vocab


def _styled_as(word: str, model: str) -> str:
    if model.isupper():
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def repair_spelling(pages: list[PageContent], s: OcrSettings) -> list[PageContent]:
    """Words OCR misread into no word, read as the document's own word one edit away (the
    document reads "Plan" twenty times and "Pian" once: the title's "Action Pian" is "Action
    Plan"). Counts are over the OCR'd pages given; only a word the lexicon lacks is changed,
    only to a word read at least s.spelling_min_count times and s.spelling_min_ratio times as
    often, and never on a tie. The word's glyphs are spread again over its box; lines rebuilt."""
    import dataclasses
    if s.spelling_min_count <= 0 or not pages:
        return pages

    def words_of(chars: list[dict]) -> list[list[int]]:
        runs: list[list[int]] = []
        for k, c in enumerate(chars):
            if c.get("space_before") or not runs or not c["text"].strip():
                runs.append([])
            if c["text"].strip():
                runs[-1].append(k)
        return [r for r in runs if r]

    counts: Counter = Counter()
    found = []
    for p in pages:
        runs = words_of(p.chars)
        found.append(runs)
        for r in runs:
            core = re.sub(r"^[^A-Za-z]+|[^A-Za-z]+$", "", "".join(p.chars[k]["text"] for k in r))
            if core.isalpha():
                counts[core.lower()] += 1
    vocab = {w for w, n in counts.items() if n >= s.spelling_min_count}
    fixes: dict[str, str] = {}
    for w, n in counts.items():
        if len(w) < s.spelling_min_length or is_common_word(w, s.spelling_common_log_prob):
            continue
        near = sorted(_near(w, vocab), key=lambda v: -counts[v])
        if near and counts[near[0]] >= s.spelling_min_ratio * n and \
                (len(near) == 1 or counts[near[1]] < counts[near[0]]):
            fixes[w] = near[0]
    if not fixes:
        return pages
    out = []
    for p, runs in zip(pages, found):
        chars = list(p.chars)
        changed = False
        for r in reversed(runs):
            text = "".join(chars[k]["text"] for k in r)
            m = re.match(r"^([^A-Za-z]*)([A-Za-z]+)([^A-Za-z]*)$", text)
            if not m or m.group(2).lower() not in fixes:
                continue
            new = m.group(1) + _styled_as(fixes[m.group(2).lower()], m.group(2)) + m.group(3)
            first, last = chars[r[0]], chars[r[-1]]
            step = (last["x1"] - first["x0"]) / len(new)
            glyphs = [{**first, "text": ch, "x0": first["x0"] + i * step, "x1": first["x0"] + (i + 1) * step,
                       "space_before": i == 0 and bool(first.get("space_before"))} for i, ch in enumerate(new)]
            chars[r[0]:r[-1] + 1] = glyphs
            changed = True
        out.append(dataclasses.replace(p, chars=chars, lines=chars_to_lines(chars, p.number)) if changed else p)
    return out


def _cells(pixel_edges: list[dict], config: ExtractConfig, dpi: float) -> list[tuple[float, float, float, float]]:
    """The table cells of the page, by the ruled strategy's own chain (ruled.find_grids),
    its tolerances scaled from points to pixels."""
    from .strategies.ruled import find_grids
    k = dpi / 72
    rt = config.ruled_table
    settings = rt.model_copy(update={"snap_tolerance": rt.snap_tolerance * k, "join_tolerance": rt.join_tolerance * k,
                                     "intersection_tolerance": rt.intersection_tolerance * k})
    return [cell for table in find_grids(pixel_edges, settings) for cell in table] if pixel_edges else []


def dark_bands(gray: np.ndarray, s: OcrSettings, dpi: float) -> list[tuple[int, int, int, int]]:
    """Boxes (x0, top, x1, bottom, pixels) of dark fills large enough to carry a line of text:
    a title banner, a coloured heading bar, a dark table header. Found on the median of a
    downscaled page, so the light letters printed on a fill do not break it up."""
    import cv2
    if s.dark_band_level <= 0:
        return []
    f = max(1, int(round(dpi / 300 * s.dark_band_downscale)))
    small = cv2.resize(gray, (max(gray.shape[1] // f, 1), max(gray.shape[0] // f, 1)), interpolation=cv2.INTER_AREA)
    dark = (cv2.medianBlur(small, 5) < s.dark_band_level).astype(np.uint8)
    n, _, stats, _ = cv2.connectedComponentsWithStats(dark, 8)
    mm = dpi / 25.4 / f
    boxes = []
    for k in range(1, n):
        x, y, w, h, area = (int(v) for v in stats[k])
        if h >= s.dark_band_min_height_mm * mm and w >= s.dark_band_min_width_mm * mm \
                and area >= s.dark_band_fill * w * h:
            boxes.append((x * f, y * f, min((x + w) * f, gray.shape[1]), min((y + h) * f, gray.shape[0])))
    return boxes


def _light_on_dark(crop: np.ndarray) -> np.ndarray | None:
    """A dark fill's pixels as dark print on white (inverted, thresholded), or None when the
    fill holds dark print (grey shading under black text: read as it is). Ink touching the
    crop's edge is the page around a rounded or cut corner, not a letter: removed."""
    import cv2
    if crop.size == 0:
        return None
    binary = cv2.threshold(255 - crop, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)[1]
    if (binary == 255).mean() < 0.5:
        return None
    n, labels, stats, _ = cv2.connectedComponentsWithStats((binary == 0).astype(np.uint8), 8)
    h, w = binary.shape
    for k in range(1, n):
        x, y, cw, ch, _ = stats[k]
        if x <= 1 or y <= 1 or x + cw >= w - 1 or y + ch >= h - 1:
            binary[labels == k] = 255
    return binary


def reread_dark_bands(printed: np.ndarray, gray: np.ndarray, words: list[dict], s: OcrSettings,
                      dpi: float) -> tuple[list[dict], np.ndarray]:
    """Light text on a dark fill (white on a navy title banner, a coloured pillar heading bar)
    comes out of the page-level reading as noise: flattening the background turns the fill
    white with its letters. Each such band is read again from the printed pixels, inverted,
    and its words replace the page reading's there when their mean confidence is higher. The
    adopted bands are pasted into the page image the later steps read (bold, bullets)."""
    boxes = dark_bands(printed, s, dpi)
    if not boxes:
        return words, gray
    page = gray.copy()
    ready: list[tuple[int, int, int, int]] = []
    for x0, top, x1, bottom in boxes:
        flipped = _light_on_dark(printed[top:bottom, x0:x1])
        if flipped is not None:
            page[top:bottom, x0:x1] = flipped
            ready.append((x0, top, x1, bottom))
    if not ready:
        return words, gray
    out = list(words)
    adopted = gray.copy()
    for (x0, top, x1, bottom), new in zip(ready, _read_crops(page, ready, s, dpi, psm=6)):
        def inside(w: dict) -> bool:
            cx, cy = w["left"] + w["width"] / 2, w["top"] + w["height"] / 2
            return x0 <= cx <= x1 and top <= cy <= bottom
        old = [w for w in out if inside(w)]
        mean = lambda ws: float(np.mean([w["conf"] for w in ws])) if ws else 0.0  # noqa: E731
        if not new or mean(new) <= mean(old) or mean(new) < s.dark_band_min_conf:
            continue
        line = max((w["line"] for w in out), default=(0, 0, 0))
        base = (line[0] + 1, 0, line[2] + 1)
        out = [w for w in out if not inside(w)] + [
            {**w, "line": (base[0] + w["line"][0], w["line"][1], base[2] + w["line"][2])} for w in new]
        adopted[top:bottom, x0:x1] = page[top:bottom, x0:x1]
    return out, adopted


def reread_sparse_cells(gray: np.ndarray, words: list[dict], pixel_edges: list[dict],
                        config: ExtractConfig | None = None, dpi: float = DPI) -> list[dict]:
    """A cell with ink but no word, or only a few doubtful words, is read again on its own:
    page-level layout analysis drops or garbles short isolated keys ("C4", "C5" read as
    "cs"). All such cells go to tesseract in one image, stacked with white space between
    (one process, not one per cell); a cell's new words replace the old ones when their
    mean confidence is higher."""
    config = config or load_config()
    s = config.ocr
    pad = s.reread_pad
    min_ink = s.reread_min_ink * (dpi / 200) ** 2
    out = list(words)
    crops: list[tuple[tuple[int, int, int, int], list[dict], np.ndarray]] = []
    for x0, top, x1, bottom in _cells(pixel_edges, config, dpi):
        inset = max(3, int(dpi / 40))    # clear of the erased rule and its residue
        x0, top, x1, bottom = int(x0) + inset, int(top) + inset, int(x1) - inset, int(bottom) - inset
        if x1 - x0 < 10 or bottom - top < 10:
            continue
        inside = [w for w in out if x0 <= w["left"] + w["width"] / 2 <= x1 and top <= w["top"] + w["height"] / 2 <= bottom]
        if len(inside) > s.reread_max_words or (inside and min(w["conf"] for w in inside) >= s.reread_min_conf):
            continue
        crop = gray[top:bottom, x0:x1]
        if int((crop < 128).sum()) < min_ink:
            continue
        crops.append(((x0, top, x1, bottom), inside, crop))
    if not crops:
        return out
    width = max(c.shape[1] for _, _, c in crops) + 2 * pad
    bands, y = [], pad
    for _, _, crop in crops:
        bands.append((y, y + crop.shape[0]))
        y += crop.shape[0] + 2 * pad
    sheet = np.full((y, width), 255, dtype=np.uint8)
    for (y0, y1), (_, _, crop) in zip(bands, crops):
        sheet[y0:y1, pad:pad + crop.shape[1]] = crop
    again = tesseract_words(sheet, psm=6, dpi=dpi, settings=s)
    line_base = 10_000
    for (y0, y1), ((x0, top, _, _), inside, _) in zip(bands, crops):
        mine = [w for w in again if y0 - pad / 2 <= w["top"] + w["height"] / 2 <= y1 + pad / 2]
        if not mine or (inside and np.mean([w["conf"] for w in mine]) <= np.mean([w["conf"] for w in inside])):
            continue
        for w in inside:
            out.remove(w)
        line_base += 1
        for w in mine:
            out.append({**w, "left": w["left"] - pad + x0, "top": w["top"] - y0 + top,
                        "line": (line_base,) + w["line"]})
    return out


@dataclass(frozen=True)
class PixelReading:
    """What the OCR chain reads from a grayscale image: words and ruling segments, in its pixels."""
    words: list[dict]
    h_segs: list[tuple]
    v_segs: list[tuple]
    skew_degrees: float


def read_pixels(gray: np.ndarray, dpi: float, config: ExtractConfig, extent: tuple[int, int] | None = None,
                frame: tuple[int, int, int, int] | None = None) -> PixelReading:
    """A rendered page (or a picture cut from one: `extent` is then the page's height and width
    in pixels, which rules are measured against, and `frame` the picture's box in the image,
    whose sides close the rules cut by it: close_at_frame) -> its words and rules: the chain of
    the module docstring, from deskew to trim_rule_residue."""
    import cv2
    s = config.ocr
    gray, angle = deskew(gray, s.max_skew_degrees)
    printed = gray
    gray = flatten_background(gray, dpi)
    boxes, borders = outlined_boxes(gray, s, dpi)
    masks = ruling_masks(np.where(borders > 0, 255, gray).astype(gray.dtype) if boxes else gray, s, dpi, extent)
    if s.ruling_valley_contrast > 0:    # pale rules, and light ones across a dark fill, from the pixels as printed
        pale = valley_rules(printed, s, dpi, extent)
        sides = fill_sides(printed, s, dpi)
        masks = (cv2.bitwise_or(cv2.bitwise_or(masks[0], pale[0]), sides[0]),
                 cv2.bitwise_or(cv2.bitwise_or(masks[1], pale[1]), sides[1]))
    mm = dpi / 25.4
    hs, vs = join_rule_ends(*drop_edge_rules(*rulings_from_masks(*masks), gray.shape, s, dpi),
                            reach=max(s.ruling_bridge_mm, s.ruling_max_gap_mm) * mm,
                            tol=s.ruling_max_thickness_mm * mm + 5, end_reach=s.ruling_join_end_mm * mm)
    hs, vs = drop_rules_in_ink(gray, hs, vs, s, dpi)
    if frame is not None:
        hs, vs = close_at_frame(hs, vs, frame, s.picture_frame_reach_mm * mm)
    short = short_column_rules(gray, hs, vs, s, dpi)
    if short:
        vs = vs + short
        vert = masks[1].copy()
        for x, y, w, h in short:
            vert[y:y + h, x - 2:x + w + 2] = 255
        masks = (masks[0], vert)
    if boxes:    # the boxes drawn whole: their own four rules, their borders erased with the rules
        bh, bv = box_sides(boxes)
        hs, vs = hs + bh, vs + bv
        masks = (cv2.bitwise_or(masks[0], borders), masks[1])
    gray = denoise(erase_rulings(gray, *masks))
    words, gray = reread_dark_bands(printed, gray, tesseract_words(gray, dpi=dpi, settings=s), s, dpi)
    words = split_lines_at_boxes(words, boxes, gray)
    words = split_run_together(words, gray, s, dpi)
    words = reread_sparse_cells(gray, words, segments_to_edges(hs, vs, 1.0), config, dpi)
    words = reread_ids(gray, repair_ids(words, s, gray.shape[1]), s, dpi)
    words = reread_line_keys(gray, words, s, dpi)
    words = mark_bold(restore_bullets(words, gray, s), gray, s)
    words = trim_rule_residue(words, gray, s, dpi)
    return PixelReading(words, hs, vs, angle)


def _mean_conf(words: list[dict]) -> float:
    return round(float(np.mean([w["conf"] for w in words]) / 100), 3) if words else 0.0


def ocr_page(pdf_page, number: int, width: float, height: float, config: ExtractConfig | None = None) -> OcrPage:
    if not tesseract_available():
        raise ExtractionError("ocr_unavailable", "the page has no text layer and tesseract is not installed "
                                                 "(`make setup` installs it on Debian: apt-get install tesseract-ocr)")
    config = config or load_config()
    gray, dpi = render_for_ocr(pdf_page, config.ocr)
    read = read_pixels(gray, dpi, config)
    scale = 72 / dpi
    native = scan_dpi(pdf_page) or dpi
    chars = [{**c, "scan_pixel": 72 / min(native, dpi)} for c in words_to_chars(read.words, scale)]
    content = PageContent(number=number, width=width, height=height, chars=chars,
                          lines=chars_to_lines(chars, number), image_count=1,
                          edges=segments_to_edges(read.h_segs, read.v_segs, scale), from_ocr=True)
    return OcrPage(content, _mean_conf(read.words), round(read.skew_degrees, 2))


def spreadsheet_chrome(words: list[dict], h_segs: list[tuple], v_segs: list[tuple], frame_top: float = -1.0
                       ) -> tuple[list[dict], list[tuple], list[tuple]]:
    """A screenshot of a spreadsheet range carries the program's row numbers down its left (a
    column of whole numbers going up by one a row, the header row's too) and column letters
    along its top (single capitals over the grid's top rule): they are no part of the plan.
    Found by that structure (at least three numbers, left of every other word and of a column
    rule, rising, by one for most of them), they are dropped with the rules left of that
    column rule; the letters only with the numbers, over the first rule below the picture's top
    (`frame_top`, whose closing rule close_at_frame may have drawn), and with them their row.
    Segments are (x, y, w, h) pixels."""
    def centre(w: dict) -> tuple[float, float]:
        return w["left"] + w["width"] / 2, w["top"] + w["height"] / 2
    rules = sorted(x + w / 2 for x, y, w, h in v_segs)
    lead = min((w["left"] for w in words if not w["text"].isdigit()), default=None)
    if lead is None or not rules:
        return words, h_segs, v_segs
    numbers = [w for w in words if w["text"].isdigit() and len(w["text"]) <= 5 and w["left"] + w["width"] < lead]
    others = [w for w in words if w not in numbers]
    if len(numbers) < 3:
        return words, h_segs, v_segs
    edge = max(w["left"] + w["width"] for w in numbers)
    cut = next((x for x in rules if x >= edge), None)
    if cut is None or any(centre(w)[0] < cut for w in others):
        return words, h_segs, v_segs
    values = [int(w["text"]) for w in sorted(numbers, key=lambda w: centre(w)[1])]
    steps = [b - a for a, b in zip(values, values[1:])]
    if any(d <= 0 for d in steps) or sum(d == 1 for d in steps) < 0.6 * len(steps):
        return words, h_segs, v_segs
    tol = 3
    top = min((y for x, y, w, h in h_segs if y + h / 2 > frame_top + 2 * tol), default=None)
    strip = [w for w in others if top is not None and centre(w)[1] < top]
    letters = strip if strip and all(re.fullmatch(r"[A-Z]{1,2}", w["text"]) for w in strip) else []
    kept = [w for w in others if w not in letters]
    hs = [(max(x, int(cut)), y, x + w - max(x, int(cut)), h) for x, y, w, h in h_segs if x + w > cut + tol]
    vs = [(x, y, w, h) for x, y, w, h in v_segs if x + w / 2 >= cut - tol]
    if letters:    # the letters' row: no row of the table
        hs = [seg for seg in hs if seg[1] + seg[3] / 2 >= top - tol]
        vs = [(x, max(y, int(top)), w, y + h - max(y, int(top))) for x, y, w, h in vs if y + h > top + tol]
    return kept, hs, vs


def drop_empty_margins(words: list[dict], h_segs: list[tuple], v_segs: list[tuple], tol: float = 3.0
                       ) -> tuple[list[tuple], list[tuple]]:
    """A picture's grid whose first column or first row holds no word (a spreadsheet's row
    numbers or column letters too faint to read, a margin the frame closed): it is no part of the
    table, and its rules go (those left of, or above, the grid's second rule; the rules across
    it cut there), when at least two columns (rows) stay. Segments are (x, y, w, h) pixels."""
    def centre(w: dict) -> tuple[float, float]:
        return w["left"] + w["width"] / 2, w["top"] + w["height"] / 2
    for vertical in (True, False):
        rules = sorted({round(x + w / 2) if vertical else round(y + h / 2)
                        for x, y, w, h in (v_segs if vertical else h_segs)})
        if len(rules) < 4 or not words:
            continue
        first, second = rules[0], next((r for r in rules[1:] if r - rules[0] > 2 * tol), None)
        if second is None or any(first < centre(w)[0 if vertical else 1] < second for w in words):
            continue
        if vertical:
            v_segs = [seg for seg in v_segs if seg[0] + seg[2] / 2 >= second - tol]
            h_segs = [(max(x, second), y, x + w - max(x, second), h) for x, y, w, h in h_segs if x + w > second + tol]
        else:
            h_segs = [seg for seg in h_segs if seg[1] + seg[3] / 2 >= second - tol]
            v_segs = [(x, max(y, second), w, y + h - max(y, second)) for x, y, w, h in v_segs if y + h > second + tol]
    return h_segs, v_segs


@dataclass(frozen=True)
class OcrPicture:
    """A picture on a page with a text layer, read: its glyphs and ruling edges in page points
    (top-left origin, as the page's own), its word count and mean word confidence (0..1)."""
    chars: list[dict]
    edges: list[dict]
    words: int
    confidence: float


def render_picture(pdf_page, box: tuple[float, float, float, float], ppi: float, s: OcrSettings
                   ) -> tuple[np.ndarray, float]:
    """The page's pixels inside `box` (x0, top, x1, bottom in points from the page's top left)
    as render_for_ocr renders a scan: at the picture's own resolution, upscaled (bicubic) to at
    least target_dpi, at most max_dpi; pdfium's rendering of the page there, so whatever is drawn
    over the picture is in it too."""
    import cv2
    width, height = pdf_page.get_size()
    x0, top, x1, bottom = box
    crop = (max(x0, 0.0), max(height - bottom, 0.0), max(width - x1, 0.0), max(top, 0.0))
    native = ppi if ppi > 0 else float(s.fallback_dpi)
    dpi = min(native, s.max_dpi)
    bitmap = pdf_page.render(scale=dpi / 72, crop=crop, grayscale=True)
    gray = np.array(bitmap.to_pil().convert("L"))
    if dpi >= s.target_dpi:
        return gray, dpi
    factor = s.target_dpi / dpi
    return cv2.resize(gray, None, fx=factor, fy=factor, interpolation=cv2.INTER_CUBIC), dpi * factor


def ocr_picture(pdf_page, box: tuple[float, float, float, float], ppi: float,
                config: ExtractConfig | None = None) -> OcrPicture:
    """A picture pasted into a page that has a text layer (a spreadsheet range or a slide pasted
    into Word as an image): rendered alone (render_picture), set on white paper picture_pad_mm
    wide all round (its own border is no scanner's page edge: drop_edge_rules), read by the
    scan's chain (read_pixels: its pale rules found as lines against their surroundings, the sides
    of its dark fills and of its frame closing its cells), a spreadsheet's row numbers and column
    letters set aside (spreadsheet_chrome) as is an empty first row or column (drop_empty_margins),
    and its words and rules moved back to where the
    picture sits on the page."""
    if not tesseract_available():
        raise ExtractionError("ocr_unavailable", "a picture holds text and tesseract is not installed "
                                                 "(`make setup` installs it on Debian: apt-get install tesseract-ocr)")
    config = config or load_config()
    s = config.ocr.model_copy(update={"ruling_valley_contrast": config.ocr.picture_rule_min_contrast})
    config = config.model_copy(update={"ocr": s})
    gray, dpi = render_picture(pdf_page, box, ppi, s)
    pad = int(round(s.picture_pad_mm * dpi / 25.4))
    paper = np.full((gray.shape[0] + 2 * pad, gray.shape[1] + 2 * pad), 255, dtype=np.uint8)
    paper[pad:pad + gray.shape[0], pad:pad + gray.shape[1]] = gray
    width, height = pdf_page.get_size()
    read = read_pixels(paper, dpi, config, (int(height * dpi / 72), int(width * dpi / 72)),
                       (pad, pad, pad + gray.shape[1], pad + gray.shape[0]))
    words, hs, vs = spreadsheet_chrome(read.words, read.h_segs, read.v_segs, pad)
    hs, vs = drop_empty_margins(words, hs, vs)
    scale = 72 / dpi
    dx, dy = box[0] - pad * scale, box[1] - pad * scale
    chars = [{**c, "x0": c["x0"] + dx, "x1": c["x1"] + dx, "top": c["top"] + dy, "bottom": c["bottom"] + dy}
             for c in words_to_chars(words, scale)]
    edges = [{**e, "x0": e["x0"] + dx, "x1": e["x1"] + dx, "top": e["top"] + dy, "bottom": e["bottom"] + dy}
             for e in segments_to_edges(hs, vs, scale)]
    return OcrPicture(chars, edges, len(words), _mean_conf(words))
