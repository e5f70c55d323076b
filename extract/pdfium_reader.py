"""Glyphs, ruling edges and cell fills of a page, read with pypdfium2.

Measured on the Essex 2024-27 sample: pdfplumber's object parsing (pdfminer) costs about
0.35 s a page and its dedupe_chars another 0.9 s; pypdfium2 reads the same glyphs and
paths in about 0.02 s. So glyphs and paths come from PDFium, in the dict shape pdfplumber
uses, and pdfplumber's own edge -> intersection -> cell -> table chain finds the grids.
"""
from __future__ import annotations

import ctypes
import math
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as c

from .model import BBox
from .text import is_bold_font, names_a_light_weight, turn_about

# A list bullet drawn as a shape is about a third of the font size: 1.5-8 points square.
MARK_MIN, MARK_MAX = 1.5, 40.0   # points; a mark is a bullet only in scale with its line (lists.mark_max_size)
# How far below the baseline a glyph's box reaches in a font that declares no descent, as a
# share of the font size (text faces descend 0.18-0.25 em). Some PDF writers (LibreOffice's
# font subsets) declare a descent of 0, so pdfium's loose box stops at the baseline except
# under "g", "p", "y": a line without descenders was ~2 points shorter than one with them, and
# the gap below it (which tells a wrapped heading from a new paragraph) as much wider.
MIN_DESCENT = 0.2
_LINETO, _BEZIER, _MOVETO = c.FPDF_SEGMENT_LINETO, c.FPDF_SEGMENT_BEZIERTO, c.FPDF_SEGMENT_MOVETO
_SKIP = {"\r", "\n", "\x00"}
# pdfium reports a hyphen glyph that ends a line as U+0002 ("T-" / "PIKE"); the page shows a
# hyphen, so that is what we read.
_LINE_END_HYPHEN = "\x02"
# A glyph whose text matrix turns it by a quarter (a table's vertical header "Visibility" set
# bottom to top) has |a|, |d| this small next to |b|, |c|.
_QUARTER_TURN_SLACK = 0.05
# A text matrix (or a box's sides) turned by less than this many degrees is upright: no tilt;
# a turn's matrix is a plain turn when its a/d and b/-c agree within this share of its scale;
# a box's straight sides (this long at least, in points) agree on their turn within this many degrees.
_TILT_MIN = 0.05
_TURN_SLACK = 0.02
_SIDE_MIN, _SIDE_AGREE = 4.0, 0.5


def tilt_of(a: float, b: float, cc: float, d: float) -> float:
    """The tilt a text matrix (a b c d) gives its glyphs, in degrees on the page (top-left
    origin, positive turning clockwise as seen) when it is a plain turn (no shear or mirror)
    short of 45 degrees either way; 0.0 otherwise (upright, a quarter turn, sheared)."""
    scale = math.hypot(a, b)
    if scale <= 0 or abs(a - d) > _TURN_SLACK * scale or abs(b + cc) > _TURN_SLACK * scale or a <= abs(b):
        return 0.0
    angle = math.degrees(math.atan2(-b, a))
    return angle if abs(angle) >= _TILT_MIN else 0.0


def side_tilt(segs: list[tuple[float, float, float, float]]) -> float:
    """The tilt of a box drawn as a closed path of straight sides (a sticky note turned on a
    whiteboard): every straight side of some length runs at one angle modulo 90 degrees, short
    of 45 either way; 0.0 for an upright box or sides that do not agree (a star, a chevron)."""
    angles = []
    for x0, y0, x1, y1 in segs:
        if math.hypot(x1 - x0, y1 - y0) < _SIDE_MIN:
            continue
        a = math.degrees(math.atan2(y1 - y0, x1 - x0)) % 90.0
        angles.append(a - 90.0 if a > 45.0 else a)
    if len(angles) < 3 or max(angles) - min(angles) > _SIDE_AGREE:
        return 0.0
    angle = sum(angles) / len(angles)
    return angle if abs(angle) >= _TILT_MIN else 0.0


def straightened(points: list[tuple[float, float]], angle: float) -> BBox:
    """The box a path turned by `angle` degrees (side_tilt) draws, turned back about the
    centre of its bounds: the note's own box, upright."""
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    px, py = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    back = [turn_about(x, y, px, py, -angle) for x, y in points]
    return BBox(min(p[0] for p in back), min(p[1] for p in back), max(p[0] for p in back), max(p[1] for p in back))


def quarter_turn(a: float, b: float, cc: float, d: float) -> int:
    """The quarter turn a text matrix (a b c d) gives its glyphs: 90 (baseline running up the
    page, read bottom to top), 270 (running down, read top to bottom), else 0. Upright, 180
    and sheared text are 0: read as they are."""
    scale = max(abs(b), abs(cc))
    if scale <= 0 or max(abs(a), abs(d)) > _QUARTER_TURN_SLACK * scale:
        return 0
    if b > 0 and cc < 0:
        return 90
    if b < 0 and cc > 0:
        return 270
    return 0


def _font_name(font, buf) -> str:
    """Base font name, with ",Bold" appended when the font is bold by weight only."""
    n = c.FPDFFont_GetBaseFontName(font, buf, len(buf)) if font else 0
    name = buf.raw[: max(n - 1, 0)].decode("latin-1", errors="replace")
    weight = c.FPDFFont_GetWeight(font) if font else -1
    low = name.lower()
    if (weight >= 600 or "black" in low) and "bold" not in low and not names_a_light_weight(name):
        name += ",Bold"
    return name


def _declares_no_descent(font) -> bool:
    """The font's declared descent is zero or above the baseline (a broken font descriptor)."""
    if not font:
        return False
    d = ctypes.c_float()
    return bool(c.FPDFFont_GetDescent(font, ctypes.c_float(1.0), d)) and d.value > -0.05


def read_chars(page: pdfium.PdfPage, left: float, top: float) -> list[dict[str, Any]]:
    """Glyphs as pdfplumber-style dicts (text, x0, x1, top, bottom, size, fontname, bold),
    top-left origin. Generated characters (PDFium's inferred spaces and line breaks) are not
    glyphs: an inferred space is kept as the next glyph's `space_before` flag. Exact
    duplicates (fake-bold overprinting) are dropped; the several characters of one ligature
    glyph are not duplicates (each gets its share of the glyph's box).

    This loop is the pipeline's hottest (one ctypes call per fact per glyph): pdfium
    functions are bound to locals and the font is looked up once per text object."""
    textpage = page.get_textpage()
    get_unicode, is_generated = c.FPDFText_GetUnicode, c.FPDFText_IsGenerated
    get_box, get_size = c.FPDFText_GetLooseCharBox, c.FPDFText_GetFontSize
    get_object, get_font = c.FPDFText_GetTextObject, c.FPDFTextObj_GetFont
    get_origin, get_matrix = c.FPDFText_GetCharOrigin, c.FPDFText_GetMatrix
    matrix = c.FS_MATRIX()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    address = ctypes.c_void_p.from_buffer
    try:
        raw = textpage.raw
        n = textpage.count_chars()
        buf = ctypes.create_string_buffer(256)
        rect = c.FS_RECTF()
        fonts: dict[int | None, tuple[str, bool, bool]] = {}
        # per text object: its font's (name, bold, declares no descent) and its quarter turn
        # (one text matrix per object, so one turn)
        objects: dict[int | None, tuple[tuple[str, bool, bool], int, float]] = {}
        out: list[dict[str, Any]] = []
        seen: set[tuple] = set()
        space_before = False
        ligature, last_index, last_box, last_obj = 0, -2, None, None
        for i in range(n):
            code = get_unicode(raw, i)
            ch = chr(code) if code else ""
            if ch == _LINE_END_HYPHEN:
                ch = "-"
            if is_generated(raw, i) == 1:
                # pdfium's own word-gap judgement (from the font's space width): kept as a
                # flag on the next glyph, since browsers print words without space glyphs.
                space_before = space_before or ch == " "
                continue
            if not ch or ch in _SKIP:
                continue
            # The loose box spans the font's ascent to descent, so every glyph of a line
            # shares one top and bottom (tight boxes follow the ink and break lines apart).
            if not get_box(raw, i, rect):
                continue
            x0, x1 = rect.left, rect.right
            y0, y1 = (rect.bottom, rect.top) if rect.bottom <= rect.top else (rect.top, rect.bottom)
            if ch == " " and x1 - x0 <= 0:
                continue
            obj = get_object(raw, i)
            obj_key = address(obj).value
            box = (x0, x1, y0, y1)
            if i == last_index + 1 and box == last_box and obj_key == last_obj and out:
                # One glyph, several characters: a ligature ("ff", "ffi", "tt") is reported
                # as consecutive characters of one text object sharing the glyph's box. All
                # of them are text; the box is shared out so they keep their order.
                ligature += 1
                first = out[-ligature]
                step = (x1 - x0) / (ligature + 1)
                for j, prev in enumerate(out[-ligature:]):
                    prev["x0"], prev["x1"] = first["x0"] + j * step, first["x0"] + (j + 1) * step
                out.append({**out[-1], "text": ch, "x0": out[-1]["x1"], "x1": out[-1]["x1"] + step,
                            "space_before": False})
                last_index = i
                continue
            key = (ch, int(x0 * 10), int(y1 * 10))
            if key in seen:
                continue
            seen.add(key)
            ligature, last_index, last_box, last_obj = 0, i, box, obj_key
            known = objects.get(obj_key)
            if known is None:
                font = get_font(obj)
                font_key = address(font).value
                face = fonts.get(font_key)
                if face is None:
                    name = _font_name(font, buf)
                    face = fonts[font_key] = (name, is_bold_font(name), _declares_no_descent(font))
                turn, tilt = 0, 0.0
                if get_matrix(raw, i, matrix):
                    turn = quarter_turn(matrix.a, matrix.b, matrix.c, matrix.d)
                    tilt = 0.0 if turn else tilt_of(matrix.a, matrix.b, matrix.c, matrix.d)
                known = objects[obj_key] = (face, turn, tilt)
            face, turn, tilt = known
            # The baseline groups glyphs into lines: a font whose declared ascent is too small
            # (some PDF writers put the x-height there) gets ink-tight boxes, so the tops of
            # "j", "d" and "," differ by more than a line's tolerance while their baseline is one.
            size = float(get_size(raw, i))
            bottom = top - y0
            has_origin = get_origin(raw, i, ox, oy)
            if has_origin and not turn:
                base = top - oy.value
                if face[2]:
                    bottom = max(bottom, base + MIN_DESCENT * size)
            else:
                base = bottom
            glyph = {"text": ch, "x0": x0 - left, "x1": x1 - left, "top": top - y1, "bottom": bottom,
                     "baseline": base, "size": size, "fontname": face[0], "bold": face[1],
                     "space_before": space_before}
            if turn:
                # a turned glyph's baseline is upright on the page: its line is its origin's x
                glyph["turn"] = turn
                glyph["turned_baseline"] = (ox.value if has_origin else (x0 + x1) / 2) - left
            elif tilt and has_origin:
                # a glyph turned a little (a sticky note's words): its turn and origin, to read
                # it in its note's own frame (text.straighten)
                glyph["tilt"] = tilt
                glyph["origin"] = (ox.value - left, top - oy.value)
            out.append(glyph)
            space_before = False
        return out
    finally:
        textpage.close()


def _matrix_apply(m: tuple, x: float, y: float) -> tuple[float, float]:
    a, b, cc, d, e, f = m
    return a * x + cc * y + e, b * x + d * y + f


def _compose(m1: tuple, m2: tuple) -> tuple:
    """m1 then m2 (PDF row-vector convention)."""
    a1, b1, c1, d1, e1, f1 = m1
    a2, b2, c2, d2, e2, f2 = m2
    return (a1 * a2 + b1 * c2, a1 * b2 + b1 * d2, c1 * a2 + d1 * c2, c1 * b2 + d1 * d2,
            e1 * a2 + f1 * c2 + e2, e1 * b2 + f1 * d2 + f2)


def _iter_paths(objs, parent: tuple):
    for obj in objs:
        kind = c.FPDFPageObj_GetType(obj)
        fs = c.FS_MATRIX()
        c.FPDFPageObj_GetMatrix(obj, fs)
        m = _compose((fs.a, fs.b, fs.c, fs.d, fs.e, fs.f), parent)
        if kind == c.FPDF_PAGEOBJ_PATH:
            yield obj, m
        elif kind == c.FPDF_PAGEOBJ_FORM:
            children = [c.FPDFFormObj_GetObject(obj, j) for j in range(c.FPDFFormObj_CountObjects(obj))]
            yield from _iter_paths(children, m)


def _image(obj, left: float, top: float) -> tuple[BBox, float]:
    """An image object's box on the page (top-left origin) and its resolution (its pixels per
    inch across; 0.0 when pdfium cannot measure it)."""
    box = _bounds(obj)
    if box is None:
        return BBox(0.0, 0.0, 0.0, 0.0), 0.0
    l, b, r, t = box
    w, h = ctypes.c_uint(), ctypes.c_uint()
    ppi = 0.0
    if c.FPDFImageObj_GetImagePixelSize(obj, w, h) and r - l > 1:
        ppi = w.value * 72 / (r - l)
    return BBox(l - left, top - t, r - left, top - b), ppi


def read_paths(page: pdfium.PdfPage, left: float, top: float
               ) -> tuple[list[dict], list[tuple[BBox, tuple[float, float, float]]], list[tuple[BBox, float]],
                          list[BBox], list[tuple[BBox, float]]]:
    """Ruling edges (pdfplumber edge dicts) and filled rectangles (cell backgrounds), the
    images on the page (each its box and resolution, _image), list bullets drawn as small
    filled shapes (browsers print a list's discs and squares as paths, not as text), and the
    filled boxes drawn turned a little (sticky notes on a whiteboard: side_tilt), each its box
    turned back upright about its centre and its tilt. A turned box is among the fills as
    that upright box, the box its own words are read in (text.straighten)."""
    marks: list[BBox] = []
    tilted: list[tuple[BBox, float]] = []
    edges: list[dict] = []
    fills: list[tuple[BBox, tuple[float, float, float]]] = []
    raw_page = page.raw
    top_objs = [c.FPDFPage_GetObject(raw_page, i) for i in range(c.FPDFPage_CountObjects(raw_page))]
    images = [_image(obj, left, top) for obj in top_objs if c.FPDFPageObj_GetType(obj) == c.FPDF_PAGEOBJ_IMAGE]
    fx, fy = ctypes.c_float(), ctypes.c_float()
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    for obj, m in _iter_paths(top_objs, (1, 0, 0, 1, 0, 0)):
        pts: list[tuple[int, float, float, bool]] = []
        for j in range(c.FPDFPath_CountSegments(obj)):
            seg = c.FPDFPath_GetPathSegment(obj, j)
            c.FPDFPathSegment_GetPoint(seg, fx, fy)
            x, y = _matrix_apply(m, fx.value, fy.value)
            pts.append((c.FPDFPathSegment_GetType(seg), x - left, top - y, bool(c.FPDFPathSegment_GetClose(seg))))
        segs: list[tuple[float, float, float, float]] = []
        start = prev = None
        for kind, x, y, closed in pts:
            if kind == _MOVETO:
                start = prev = (x, y)
                continue
            if kind == _LINETO and prev is not None:
                segs.append((prev[0], prev[1], x, y))
            prev = (x, y)
            if closed and start is not None and prev != start:
                segs.append((prev[0], prev[1], start[0], start[1]))
        for x0, y0, x1, y1 in segs:
            if abs(y0 - y1) < 0.5 and abs(x1 - x0) > 0:
                lo, hi = sorted((x0, x1))
                yy = (y0 + y1) / 2
                edges.append({"x0": lo, "x1": hi, "top": yy, "bottom": yy, "width": hi - lo, "height": 0.0,
                              "orientation": "h", "object_type": "line"})
            elif abs(x0 - x1) < 0.5 and abs(y1 - y0) > 0:
                lo, hi = sorted((y0, y1))
                xx = (x0 + x1) / 2
                edges.append({"x0": xx, "x1": xx, "top": lo, "bottom": hi, "width": 0.0, "height": hi - lo,
                              "orientation": "v", "object_type": "line"})
        c.FPDFPath_GetDrawMode(obj, fill_mode, stroke)
        if not (fill_mode.value and pts):
            continue
        xs = [p[1] for p in pts]
        ys = [p[2] for p in pts]
        box = BBox(min(xs), min(ys), max(xs), max(ys))
        w, h = box.width, box.bottom - box.top
        # a box of straight sides, or a pill (two straight sides and two rounded ends: a status
        # badge printed by a browser); a disc (curves only) is no box
        curved = any(p[0] == _BEZIER for p in pts)
        tilt = side_tilt(segs) if len(segs) >= 3 else 0.0
        if tilt:
            box = straightened([(p[1], p[2]) for p in pts], tilt)
            w, h = box.width, box.bottom - box.top
        if (len(segs) >= 3 or (curved and len(segs) >= 2)) and w > 4 and h > 4 \
                and c.FPDFPageObj_GetFillColor(obj, r, g, b, a):
            fills.append((box, (r.value / 255, g.value / 255, b.value / 255)))
            if tilt:
                tilted.append((box, tilt))
        elif MARK_MIN <= w <= MARK_MAX and MARK_MIN <= h <= MARK_MAX and 0.6 <= w / h <= 1.6:
            marks.append(box)       # a small filled disc or square: a list bullet drawn as a shape
    return edges, fills, images, marks, tilted


# Text drawn but never seen: the "invisible" render mode (3) that OCR tools (ocrmypdf,
# Acrobat's "searchable image") give the words they lay over a scan, and clip-only (7).
_INVISIBLE_MODES = {c.FPDF_TEXTRENDERMODE_INVISIBLE, c.FPDF_TEXTRENDERMODE_CLIP}


def _bounds(obj) -> tuple[float, float, float, float] | None:
    l, b, r, t = (ctypes.c_float() for _ in range(4))
    if not c.FPDFPageObj_GetBounds(obj, l, b, r, t):
        return None
    return l.value, b.value, r.value, t.value


def _text_modes(obj) -> list[int]:
    """The render modes of the text objects in `obj` (a text object, or a form's, at any depth)."""
    kind = c.FPDFPageObj_GetType(obj)
    if kind == c.FPDF_PAGEOBJ_TEXT:
        return [c.FPDFTextObj_GetTextRenderMode(obj)]
    if kind == c.FPDF_PAGEOBJ_FORM:
        return [m for j in range(c.FPDFFormObj_CountObjects(obj))
                for m in _text_modes(c.FPDFFormObj_GetObject(obj, j))]
    return []


def _inside(inner: tuple[float, float, float, float], outer: tuple[float, float, float, float],
            slack: float = 1.0) -> bool:
    return (inner[0] >= outer[0] - slack and inner[1] >= outer[1] - slack
            and inner[2] <= outer[2] + slack and inner[3] <= outer[3] + slack)


def read_text_visibility(page: pdfium.PdfPage) -> tuple[bool, float]:
    """Whether the page has text and none of it can be seen, and the share of the page's area
    its largest image covers. Text cannot be seen when drawn in an invisible render mode, or
    when an image drawn after it covers it (a scanner's text layer laid under the scan): a
    third party's OCR of a scan, not the born-digital text layer it poses as."""
    raw_page = page.raw
    objs = [c.FPDFPage_GetObject(raw_page, i) for i in range(c.FPDFPage_CountObjects(raw_page))]
    left, bottom, right, top = page.get_cropbox()
    area = max((right - left) * (top - bottom), 1e-6)
    images = [(i, box) for i, o in enumerate(objs)
              if c.FPDFPageObj_GetType(o) == c.FPDF_PAGEOBJ_IMAGE and (box := _bounds(o)) is not None]
    cover = max(((min(b[2], right) - max(b[0], left)) * (min(b[3], top) - max(b[1], bottom)) / area
                 for _, b in images if b[2] > left and b[0] < right and b[3] > bottom and b[1] < top), default=0.0)
    any_text, all_hidden = False, True
    for i, obj in enumerate(objs):
        modes = _text_modes(obj)
        if not modes:
            continue
        any_text = True
        if all(m in _INVISIBLE_MODES for m in modes):
            continue
        box = _bounds(obj)
        if box is not None and any(j > i and _inside(box, b) for j, b in images):
            continue
        all_hidden = False
        break
    return any_text and all_hidden, min(cover, 1.0)
