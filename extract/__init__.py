"""The extract floor, in three stages: read (bytes -> pages: conversion, PDF parsing,
OCR), segment (running headers, layout per page), extract (tables and blocks with
provenance, by the strategies in extract/strategies/). Never imports normalise/."""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import PurePath
from typing import Sequence

from importlib.metadata import version as _version

from .config import ExtractConfig, OcrSettings, load_config
from .issues import ExtractionError, Issue, IssueCode, note, warning
from .frames import FrameMap, layouts_on_sheets, line_on_sheet, passage_on_sheet, sheets_to_frames, table_on_sheets
from .layout import cut_lines_at_boxes, detect as detect_layouts
from .model import BBox, ExtractedDocument, ExtractedTable, Layout, Passage, RowKind, TextCoverage
from .pdf import PageContent, document_properties, open_pdf, read_page
from .print_headings import drop_print_headings
from .strategies import REGISTRY, SELF_DETECTING, STRATEGY_ORDER
from .strategies.base import boxes_on, inside_any
from .text import BULLET_CLASS
from .wrap import WordEvidence, mark_soft_hyphens, word_evidence

__version__ = "0.1.0"
EXTRACTOR_VERSION = (f"tcplans-extract {__version__}; pypdfium2 {_version('pypdfium2')}; "
                     f"pdfplumber {_version('pdfplumber')} table finder")

__all__ = ["read_document", "segment_document", "extract_document", "pdf_to_document", "ReadDocument", "Segments",
           "ExtractionError", "ExtractedDocument", "EXTRACTOR_VERSION", "sha256_bytes"]


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def find_boilerplate(pages: Sequence[PageContent], config: ExtractConfig) -> set[tuple[int, int]]:
    """(page, line index) of running headers/footers: lines near the top or bottom edge whose
    text, digits ignored, recurs at that same edge on at least `min_page_share` of the pages,
    each number in it the same on every page or going up with the page ("Page 2 of 9"). A
    block's "Action 9" heading the second page and "Action 18" the third, or "Commitment 9"
    at the foot of one page and "Commitment 10" at the head of the next, are no running
    header."""
    if len(pages) < 2:
        return set()
    margin = config.boilerplate.edge_margin
    keyed: dict[str, list[tuple[int, int, tuple[int, ...]]]] = {}
    for p in pages:
        for i, line in enumerate(p.lines):
            if line.bbox.top <= margin or line.bbox.bottom >= p.height - margin:
                key = ("top" if line.bbox.top <= margin else "bottom") + re.sub(r"\d+", "#", line.text.lower())
                numbers = tuple(int(n) for n in re.findall(r"\d+", line.text))
                keyed.setdefault(key, []).append((p.number, i, numbers))
    need = max(2, config.boilerplate.min_page_share * len(pages))

    def running(locs) -> bool:
        for k in range(len(locs[0][2])):
            values = {nums[k] for _, _, nums in locs}
            steps = {nums[k] - pg for pg, _, nums in locs}
            if len(values) > 1 and len(steps) > 1:
                return False
        return True

    def slot(pg: int, i: int) -> tuple[int, float, bool]:      # where and how a line is set
        line = pages[pg - 1].lines[i]
        return (round(line.bbox.top / 4), round(line.size, 1), line.bold)

    sizes = sorted(line.size for p in pages for line in p.lines)
    body = sizes[len(sizes) // 2] if sizes else 0.0

    def changing_title(key: str, locs) -> bool:
        """Set larger than the body, and another text set in the same place and style on
        pages this one is not on: the slot carries each page's own title (a slide's section
        title, repeated over that section's slides), not a running header."""
        if min(pages[pg - 1].lines[i].size for pg, i, _ in locs) <= body + 1.0:
            return False
        mine = {pg for pg, _, _ in locs}
        slots = {slot(pg, i) for pg, i, _ in locs}
        return any(other != key and any(pg not in mine and slot(pg, i) in slots for pg, i, _ in there)
                   for other, there in keyed.items())
    return {(pg, i) for key, locs in keyed.items() if len({pg for pg, _, _ in locs}) >= need and running(locs)
            and not changing_title(key, locs) for pg, i, _ in locs}


def _page_layout(page: PageContent, tables: Sequence[ExtractedTable]) -> str:
    if not page.has_text:
        return Layout.SCAN.value if page.image_count else Layout.EMPTY.value
    kinds = [t.strategy for t in tables if page.number in t.pages and len(t.rows) > 1]
    if kinds:
        return Counter(kinds).most_common(1)[0][0]
    return Layout.PROSE.value


def _document_layout(page_layouts: Sequence[str]) -> tuple[Layout, float]:
    content = [l for l in page_layouts if l not in (Layout.EMPTY.value,)]
    if not content:
        return Layout.EMPTY, 1.0
    structured = [l for l in content if l not in (Layout.PROSE.value,)]
    pool = structured or content
    layout, n = Counter(pool).most_common(1)[0]
    return Layout(layout), round(n / len(content), 3)


def _coverage(pages: Sequence[PageContent], regions, boilerplate) -> TextCoverage:
    total = in_rows = boiler = 0
    for p in pages:
        boxes = boxes_on(regions, p.number)
        for i, line in enumerate(p.lines):
            n = len(line.text.replace(" ", ""))
            total += n
            cx, cy = (line.bbox.x0 + line.bbox.x1) / 2, (line.bbox.top + line.bbox.bottom) / 2
            if (p.number, i) in boilerplate:
                boiler += n
            elif inside_any(cx, cy, boxes):
                in_rows += n
    return TextCoverage(total, in_rows, boiler, total - in_rows - boiler)


_LEAD_ID = re.compile(r"^\s*(?:\(?[A-Za-z]{0,3}\d{1,3}(?:\.\d{1,3})*[a-z]?[.):]?|\(?[a-z]\)|[•●▪■◦‣∙·○*–-])\s*[-–—:.]?\s*")


def _action_like_outside(pages: Sequence[PageContent], regions, boilerplate, config: ExtractConfig
                         ) -> list[tuple[int, str]]:
    """Lines outside every row that read like an action: a capitalised verb in its base form
    first (after any id or bullet), long enough to be a sentence ("Publish the ..."). Many
    of them beside few rows means a structure was missed. Read by the wording the strategies
    weigh items by (blocks.wording): a term and its gloss ("Care – the safety of ...", a
    value or a glossary entry) is a definition, no action; nor is a first word set off by a
    comma ("Time, not money, was ..."): an imperative's verb runs on into its object."""
    from .lexicon import is_verb_base
    from .strategies.blocks import wording
    out = []
    for p in pages:
        boxes = boxes_on(regions, p.number)
        for i, line in enumerate(p.lines):
            if (p.number, i) in boilerplate:
                continue
            if inside_any((line.bbox.x0 + line.bbox.x1) / 2, (line.bbox.top + line.bbox.bottom) / 2, boxes):
                continue
            text = _LEAD_ID.sub("", line.text, count=1)
            words = text.split()
            if len(words) >= config.coverage.loose_action_min_words and words[0][:1].isupper() \
                    and is_verb_base(words[0].strip(".,:;")) and not words[0].endswith((",", ":", ";")) \
                    and not wording(text, config).definition:
                out.append((p.number, line.text))
    return out


# a list marker opening a line: the bullets extract.text.BULLETS (Word's symbol-font glyphs are
# read as them by clean_text) and the hyphen bullet, "a)", "(b)", "1.", "2)"
_PASSAGE_MARK = re.compile(rf"^\s*(?:{BULLET_CLASS}|[\u2043]|\(?[a-z]\)|\d{{1,2}}[.)])\s+")


def _passages(pages: Sequence[PageContent], regions, boilerplate, config: ExtractConfig,
              evidence: WordEvidence = WordEvidence()) -> tuple[Passage, ...]:
    """The prose outside every row and the running headers, as paragraphs and list items in
    reading order: a new passage at a list marker (printed or drawn), a new page, a change of
    size or weight, or a gap between lines wider than config.coverage.passage_gap of a line's
    height. A list item remembers the paragraph it sits under (its lead-in sentence). A word
    the typesetter hyphenated at a line's end is joined back (wrap.soft_hyphen, `evidence`)."""
    from .wrap import join_lines
    gap = config.coverage.passage_gap
    groups: list[tuple[list, bool]] = []
    for p in pages:
        boxes = boxes_on(regions, p.number)
        prev = None
        for i, line in enumerate(p.lines):
            if (p.number, i) in boilerplate or not line.text.strip():
                continue
            if inside_any((line.bbox.x0 + line.bbox.x1) / 2, (line.bbox.top + line.bbox.bottom) / 2, boxes):
                prev = None
                continue
            cy = (line.bbox.top + line.bbox.bottom) / 2
            drawn = any(line.bbox.x0 - 30 <= m.x1 and m.x0 < line.bbox.x0 and m.top - line.size <= cy <= m.bottom + line.size
                        and m.bottom - m.top <= config.blocks.mark_max_size * line.size for m in p.marks)
            bullet = drawn or bool(_PASSAGE_MARK.match(line.text))
            height = max(line.bbox.bottom - line.bbox.top, 1.0)
            if (prev is None or bullet or abs(line.size - prev.size) > 0.5 or line.bold != prev.bold
                    or line.bbox.top - prev.bbox.bottom > gap * height):
                groups.append(([line], bullet))
            else:
                groups[-1][0].append(line)
            prev = line
    out: list[Passage] = []
    lead = None
    for lines, bullet in groups:
        joined = join_lines(mark_soft_hyphens([l.text for l in lines], evidence))
        text = _PASSAGE_MARK.sub("", joined, count=1).strip() if bullet else joined.strip()
        if len(text) < config.coverage.passage_min_chars:
            continue
        box = lines[0].bbox
        for l in lines[1:]:
            if l.page == lines[0].page:
                box = box.union(l.bbox)
        if not bullet:
            lead = len(out)
        out.append(Passage(lines[0].page, BBox(*box.rounded()), text, bullet, lead if bullet else None))
    return tuple(out)


def tables_without_soft_hyphens(tables: Sequence[ExtractedTable], evidence: WordEvidence
                                ) -> tuple[ExtractedTable, ...]:
    """Every cell's lines with the typesetter's hyphens at their ends marked (wrap.soft_hyphen:
    "spe-" / "cialism" reads "specialism"), judged against the document's own spelling."""
    def cell(c):
        texts = [l.text for l in c.lines]
        marked = mark_soft_hyphens(texts, evidence)
        if marked == texts:
            return c
        return replace(c, lines=tuple(replace(l, text=t) for l, t in zip(c.lines, marked)))
    return tuple(replace(t, rows=tuple(replace(r, cells=tuple(cell(c) for c in r.cells)) for r in t.rows))
                 for t in tables)


def scans_with_hidden_text(pages: Sequence[PageContent], min_cover: float) -> frozenset[int]:
    """The page numbers of scans whose text layer is hidden: every text object invisible (render
    mode 3) or under an image drawn after it, and an image covering at least `min_cover` of the
    page. Such text is a third party's OCR (ocrmypdf, a scanner's), not the page's own; a page
    with any visible text is left as it is. `min_cover` 0 turns this off."""
    if min_cover <= 0:
        return frozenset()
    return frozenset(p.number for p in pages if p.text_hidden and p.image_cover >= min_cover)


@dataclass(frozen=True)
class PictureRead:
    """A picture on a page with a text layer that was OCR'd (pictures_to_read): where it is, what
    its reading gave, and whether its words joined the page (taken) or it read as a photo, a logo
    or a chart with little text (too few words, or too doubtful)."""
    page: int
    bbox: BBox
    words: int
    confidence: float
    taken: bool

    def describe(self) -> str:
        x0, top, x1, bottom = self.bbox.rounded(0)
        return (f"page {self.page} ({x1 - x0:.0f} x {bottom - top:.0f} pt at {x0:.0f},{top:.0f}): {self.words} "
                f"word(s), confidence {self.confidence:.2f}")


def _clip(box: BBox, width: float, height: float) -> BBox:
    return BBox(max(box.x0, 0.0), max(box.top, 0.0), min(box.x1, width), min(box.bottom, height))


def _centre_in(c: dict, box: BBox) -> bool:
    return box.x0 <= (c["x0"] + c["x1"]) / 2 <= box.x1 and box.top <= (c["top"] + c["bottom"]) / 2 <= box.bottom


def pictures_to_read(pages: Sequence[PageContent], s: OcrSettings) -> list[tuple[int, BBox, float]]:
    """The pictures worth OCR'ing on pages that have a text layer, as (page index, box on the
    page, pixels per inch): images covering at least s.picture_min_page_share of their page with
    at most s.picture_max_chars of the page's glyphs over them (a table pasted as a picture holds
    its own text; a background under printed text does not), at most
    s.pictures_max_per_document of them (the largest), in page order. An image drawn again over
    one already chosen (the same box) is read once. Scans (pages without text) are read whole
    elsewhere; s.picture_min_page_share 0 turns this off."""
    if s.picture_min_page_share <= 0 or s.pictures_max_per_document <= 0:
        return []
    found: list[tuple[float, int, BBox, float]] = []
    for i, p in enumerate(pages):
        if not p.has_text or p.from_ocr:
            continue
        area = max(p.width * p.height, 1e-6)
        for box, ppi in p.images:
            box = _clip(box, p.width, p.height)
            share = max(box.x1 - box.x0, 0.0) * max(box.bottom - box.top, 0.0) / area
            if share < s.picture_min_page_share:
                continue
            if sum(1 for c in p.chars if c["text"].strip() and _centre_in(c, box)) > s.picture_max_chars:
                continue
            if any(j == i and BBox(*b.rounded(0)) == BBox(*box.rounded(0)) for _, j, b, _ in found):
                continue
            found.append((share, i, box, ppi))
    largest = sorted(found, key=lambda f: -f[0])[:s.pictures_max_per_document]
    return [(i, box, ppi) for _, i, box, ppi in sorted(largest, key=lambda f: (f[1], f[2].top, f[2].x0))]


def pictures_without_rows(pictures: Sequence[PictureRead], pages: Sequence[PageContent], regions
                          ) -> list[PictureRead]:
    """The pictures whose words joined their page (PictureRead.taken) but lie in no row: their
    text was read and the strategies found no structure in it."""
    out = []
    for pic in pictures:
        if not pic.taken:
            continue
        boxes = boxes_on(regions, pic.page)
        mine = [l for l in pages[pic.page - 1].lines
                if _centre_in({"x0": l.bbox.x0, "x1": l.bbox.x1, "top": l.bbox.top, "bottom": l.bbox.bottom}, pic.bbox)]
        if mine and not any(inside_any((l.bbox.x0 + l.bbox.x1) / 2, (l.bbox.top + l.bbox.bottom) / 2, boxes)
                            for l in mine):
            out.append(pic)
    return out


def _ocr_pictures(pdf, pages: list[PageContent], picks: list[tuple[int, BBox, float]], config: ExtractConfig
                  ) -> tuple[list[PageContent], list[PictureRead]]:
    """Each picked picture OCR'd (extract/ocr.py ocr_picture); a reading of at least
    picture_min_words words at a mean confidence of at least picture_min_conf joins its page:
    its glyphs replace the page's few glyphs over the picture, its rules join the page's, and the
    page's lines are rebuilt, so the strategies read the page as one."""
    from .ocr import ocr_picture
    from .text import chars_to_lines
    s = config.ocr
    out, read = list(pages), []
    for i, box, ppi in picks:
        page = pdf[i]
        try:
            res = ocr_picture(page, box.rounded(3), ppi, config)
        finally:
            page.close()
        taken = res.words >= s.picture_min_words and res.confidence * 100 >= s.picture_min_conf
        p = out[i]
        read.append(PictureRead(p.number, BBox(*box.rounded()), res.words, res.confidence, taken))
        if not taken:
            continue
        chars = [c for c in p.chars if not _centre_in(c, box)] + res.chars
        out[i] = replace(p, chars=chars, lines=chars_to_lines(chars, p.number), edges=p.edges + res.edges)
    return out, read


def _ocr_pages(pdf, pages: list[PageContent], indexes: list[int]):
    from .ocr import ocr_page, repair_spelling, snap_page_sizes
    out, conf = list(pages), []
    for i in indexes:
        page = pdf[i]
        try:
            res = ocr_page(page, pages[i].number, pages[i].width, pages[i].height)
        finally:
            page.close()
        out[i] = res.content
        conf.append(res.confidence)
    snapped = snap_page_sizes([out[i] for i in indexes], load_config().ocr.size_snap, load_config().ocr.size_snap_pixels)
    for i, page in zip(indexes, repair_spelling(snapped, load_config().ocr)):
        out[i] = page
    return out, conf


def _run_strategies(names: Sequence[str], pages, config: ExtractConfig, boilerplate):
    tables: list[ExtractedTable] = []
    regions: list = []
    # Registry order: each strategy sees only the text the ones before it did not take.
    for name in names:
        result = REGISTRY[name]().extract(pages, config, tuple(regions), boilerplate)
        for t in result.tables:
            tables.append(replace(t, index=len(tables)))
        regions.extend(result.regions)
    return tables, regions


def _without_print_headings(pages: Sequence[PageContent], config: ExtractConfig) -> tuple[list[PageContent], list[str]]:
    """The pages without a spreadsheet's print headings (extract/print_headings.py), and where
    they were dropped ("1 (A-G, rows 1-19)")."""
    out, headed = [], []
    for p in pages:
        page, h = drop_print_headings(p, config.print_headings)
        out.append(page)
        if h is not None:
            headed.append(f"{p.number} ({h.letters[0]}-{h.letters[-1]}, rows {h.numbers[0]}-{h.numbers[-1]})")
    return out, headed


@dataclass(frozen=True)
class ReadDocument:
    """The read stage's output: every page as glyphs, lines and rulings (OCR'd where the
    page had no text layer), from a PDF or from the PDF a DOCX/HTML was printed to."""
    source_file: str
    document_id: str                  # sha256 of the bytes the user gave (not of a rendering)
    kind: str                         # 'pdf', 'docx' or 'html'
    pages: tuple[PageContent, ...]
    ocr_confidences: tuple[float, ...] = ()
    issues: tuple[Issue, ...] = ()
    properties: tuple[tuple[str, str], ...] = ()    # the PDF's Author and Title (extract/pdf.py)
    pictures: tuple[PictureRead, ...] = ()          # pictures on text pages that were OCR'd
    # the sheet each page read was printed on: a sheet printing pages side by side is read as
    # its frames, one page each (extract/frames.py); empty when every page is its own sheet
    frames: FrameMap = FrameMap()


@dataclass(frozen=True)
class Segments:
    """The segment stage's output: running headers/footers and where each strategy may look."""
    boilerplate: frozenset[tuple[int, int]]
    candidates: frozenset[str]


def read_document(data: bytes, source_file: str, password: str | None = None) -> ReadDocument:
    """Bytes -> pages. DOCX and HTML are printed to PDF first (extract/convert.py); pages
    without a text layer are OCR'd. Raises ExtractionError when nothing can be read."""
    from .convert import CONTENT_BEARING, convert, sniff_kind
    document_id = sha256_bytes(data)
    kind = sniff_kind(data, PurePath(source_file).suffix.lower())
    issues: list[Issue] = []
    if kind != "pdf":
        conversion = convert(data, kind)   # sanitised, then converted in the sandbox
        data = conversion.pdf
        issues.append(note(IssueCode.CONVERTED, f"{kind.upper()} converted to PDF for reading; pages refer to "
                                                "that rendering", "read"))
        removed = conversion.removal_note(kind)
        if removed:   # what of the file was not rendered, never silently: a warning when it could hold text
            make = warning if CONTENT_BEARING & set(conversion.removed) else note
            issues.append(make(IssueCode.CONTENT_REMOVED, removed, "read"))
    pdf = open_pdf(data, password)
    try:
        properties = document_properties(pdf)
        try:
            pages = [read_page(pdf, i) for i in range(len(pdf))]
        except Exception as exc:
            raise ExtractionError("unreadable_pdf", f"a page cannot be parsed ({type(exc).__name__}: {exc})") from exc
        ocr_conf: list[float] = []
        # a scan whose only text is a hidden layer (another tool's OCR, invisible or under the
        # image): its words are not the page's, so it is read as a page without a text layer
        hidden = scans_with_hidden_text(pages, load_config().ocr.hidden_text_min_image_cover)
        pages = [replace(p, chars=[], lines=[]) if p.number in hidden else p for p in pages]
        # a page with no text layer but something printed on it: a scan (an image), or a design
        # export whose type was turned into outlines (every glyph a vector path, no image)
        blank = [i for i, p in enumerate(pages) if not p.has_text and (p.image_count or p.edges or p.fills or p.marks)]
        if blank:
            pages, ocr_conf = _ocr_pages(pdf, pages, blank)
            ignored = (f"; {len(hidden)} of them (page(s) {', '.join(map(str, sorted(hidden)))}) scanned images "
                       "carried only a text layer never shown (invisible, or under the image: another tool's "
                       "OCR), set aside unread") if hidden else ""
            issues.append(warning(IssueCode.OCR_USED, f"{len(blank)} page(s) without a text layer were OCR'd "
                                                   f"(tesseract); mean word confidence "
                                                   f"{sum(ocr_conf) / len(ocr_conf):.2f}{ignored}", "read"))
        # a picture holding text on a page that has a text layer (a table pasted as an image)
        pictures: list[PictureRead] = []
        picks = pictures_to_read(pages, load_config().ocr)
        if picks:
            pages, pictures = _ocr_pictures(pdf, pages, picks, load_config())
            taken = [pic for pic in pictures if pic.taken]
            if taken:
                ocr_conf.extend(pic.confidence for pic in taken)
                issues.append(warning(IssueCode.OCR_USED, f"{len(taken)} picture(s) on page(s) with a text layer held "
                                      "text and were OCR'd (tesseract): " + "; ".join(p.describe() for p in taken),
                                      "read"))
            left = [pic for pic in pictures if not pic.taken]
            if left:
                issues.append(note(IssueCode.OCR_USED, f"{len(left)} large picture(s) OCR'd gave too little text to "
                                   "read (a photo, a logo or a chart): " + "; ".join(p.describe() for p in left),
                                   "read"))
    finally:
        pdf.close()
    if not any(p.has_text for p in pages):
        raise ExtractionError("no_text", "no page has any text, even after OCR")
    config = load_config()
    # a spreadsheet printed with its headings: the column letters and row numbers are no content
    pages, headed = _without_print_headings(pages, config)
    if headed:
        issues.append(note(IssueCode.PRINT_HEADINGS, "a spreadsheet's print headings (column letters, row numbers) "
                                                     f"dropped on page(s) {', '.join(headed)}", "read"))
    # pages printed side by side on a sheet (a 2-up handout): each read as a page, left to right
    pages, frames = sheets_to_frames(pages, config.frames)
    if frames:
        cut = sorted({f.sheet for f in frames.frames if sum(g.sheet == f.sheet for g in frames.frames) > 1})
        issues.append(note(IssueCode.PAGES_SIDE_BY_SIDE, f"{len(cut)} sheet(s) (page(s) {', '.join(map(str, cut))}) "
                           f"print pages side by side: read as {len(pages)} pages, left to right; provenance gives "
                           "the sheet", "read"))
    # boxes side by side (a slide's cards in a row): no line runs from one box into the next
    pages = [cut_lines_at_boxes(p, config) for p in pages]
    return ReadDocument(source_file, document_id, kind, tuple(pages), tuple(ocr_conf), tuple(issues), properties,
                        tuple(pictures), frames)


def segment_document(read: ReadDocument, config: ExtractConfig | None = None) -> Segments:
    """Pages -> running headers/footers and the strategies each page's layout calls for."""
    config = config or load_config()
    _, candidates = detect_layouts(read.pages, config)
    return Segments(frozenset(find_boilerplate(read.pages, config)), frozenset(candidates))


def extract_document(read: ReadDocument, segments: Segments,
                     config: ExtractConfig | None = None) -> ExtractedDocument:
    """Pages and segments -> tables and blocks with provenance, by the registry's strategies."""
    config = config or load_config()
    pages, boilerplate, candidates = list(read.pages), set(segments.boilerplate), segments.candidates
    issues: list[Issue] = list(read.issues)
    tables, regions = _run_strategies([n for n in STRATEGY_ORDER if n in candidates or n in SELF_DETECTING],
                                      pages, config, boilerplate)
    if not any(r.kind is RowKind.BODY for t in tables for r in t.rows) and set(STRATEGY_ORDER) - candidates:
        # Nothing where detection pointed (or it pointed nowhere): every strategy is tried.
        tables, regions = _run_strategies(list(STRATEGY_ORDER), pages, config, boilerplate)
        if tables:
            issues.append(warning(IssueCode.LAYOUT_FALLBACK, "layout detection missed the structure; found by "
                                                             "trying every strategy", "extract"))
    ran = [n for n in STRATEGY_ORDER if n in candidates or n in SELF_DETECTING]
    why = {n: ("layout detection pointed to it" if n in candidates else "it finds its own structure")
           for n in ran}
    if any(i.code is IssueCode.LAYOUT_FALLBACK for i in issues):
        why.update({n: "every strategy tried: detection found nothing to read" for n in STRATEGY_ORDER if n not in why})
    found: dict[str, int] = {}
    for t in tables:
        found[t.strategy] = found.get(t.strategy, 0) + sum(r.kind is RowKind.BODY for r in t.rows)
    issues.append(note(IssueCode.STRATEGIES_RUN, "; ".join(
        f"{n}: {why[n]} ({found[n]} rows)" if n in found else f"{n}: {why[n]} (nothing found)" for n in why), "extract"))
    loose = _action_like_outside(pages, regions, boilerplate, config)
    body_rows = sum(r.kind is RowKind.BODY for t in tables for r in t.rows)
    if loose and len(loose) >= max(config.coverage.loose_actions_min, config.coverage.loose_actions_share * body_rows):
        issues.append(warning(IssueCode.ACTION_TEXT_OUTSIDE_ROWS, f"{len(loose)} action-like sentence(s) outside "
                              f"any row (first on page {loose[0][0]}: '{loose[0][1][:60]}'): actions may be missing",
                              "extract"))
    unread = pictures_without_rows(read.pictures, pages, regions)
    if unread:
        issues.append(warning(IssueCode.PICTURE_TEXT_UNREAD, f"{len(unread)} picture(s) held text (OCR'd) but gave no "
                              "rows: " + "; ".join(p.describe() for p in unread) + ": a table or list in a picture "
                              "may be missing", "extract"))
    page_layouts = tuple(_page_layout(p, tables) for p in pages)
    layout, confidence = _document_layout(page_layouts)
    boiler_text = sorted({pages[pg - 1].lines[i].text for pg, i in boilerplate})
    # Title pages first (the first two sheets); running headers/footers last (they name the
    # institution too).
    frames = read.frames
    front = "\n".join([l.text for p in pages if frames.sheet(p.number) <= 2 for i, l in enumerate(p.lines)
                       if (p.number, i) not in boilerplate] + boiler_text)
    if not any(r.kind is RowKind.BODY for t in tables for r in t.rows):
        issues.append(warning(IssueCode.NO_ACTION_STRUCTURE, "no action table or action block found", "extract"))
    ocr_conf = read.ocr_confidences
    spelling = word_evidence(l.text for p in pages for l in p.lines)
    tables = tables_without_soft_hyphens(tables, spelling)
    title_block = tuple(l for i, l in enumerate(pages[0].lines) if (pages[0].number, i) not in boilerplate) \
        if pages else ()
    passages = _passages(pages, regions, boilerplate, config, spelling)
    page_count = len(pages)
    if frames:    # pages read from frames: every page and box taken back to the sheet it is printed on
        tables = tuple(table_on_sheets(t, frames) for t in tables)
        title_block = tuple(line_on_sheet(l, frames) for l in title_block)
        passages = tuple(passage_on_sheet(p, frames) for p in passages)
        page_layouts = layouts_on_sheets(page_layouts, frames, Layout.EMPTY.value, Layout.PROSE.value)
        page_count = frames.frames[-1].sheet
    return ExtractedDocument(
        source_file=read.source_file, document_id=read.document_id, page_count=page_count, layout=layout,
        layout_confidence=confidence, page_layouts=page_layouts, tables=tables,
        front_text=front[:8000], coverage=_coverage(pages, regions, boilerplate),
        extractor_version=EXTRACTOR_VERSION, issues=tuple(issues),
        ocr=bool(ocr_conf), ocr_confidence=round(sum(ocr_conf) / len(ocr_conf), 3) if ocr_conf else None,
        title_block=title_block, running_headers=tuple(boiler_text), properties=read.properties,
        passages=passages)


def pdf_to_document(data: bytes, source_file: str, password: str | None = None,
                    config: ExtractConfig | None = None) -> ExtractedDocument:
    """read -> segment -> extract in one call. Pure function of the file bytes: the same
    bytes give the same document."""
    read = read_document(data, source_file, password)
    return extract_document(read, segment_document(read, config), config)
