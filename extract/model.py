"""Typed intermediates of the extract stage.

Coordinates are PDF points with the origin at the top-left of the page (pdfplumber's
convention); pages are 1-based. Every piece of text keeps the page and box it came from,
so a researcher can always find the cell on the page.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from .issues import Issue
from .wrap import join_lines


@dataclass(frozen=True)
class BBox:
    x0: float
    top: float
    x1: float
    bottom: float

    def union(self, other: "BBox") -> "BBox":
        return BBox(min(self.x0, other.x0), min(self.top, other.top),
                    max(self.x1, other.x1), max(self.bottom, other.bottom))

    def rounded(self, ndigits: int = 1) -> tuple[float, float, float, float]:
        return (round(self.x0, ndigits), round(self.top, ndigits),
                round(self.x1, ndigits), round(self.bottom, ndigits))

    @property
    def width(self) -> float:
        return self.x1 - self.x0


@dataclass(frozen=True)
class TextLine:
    """One visual line of text, with the font facts the narrative strategy needs."""
    text: str
    page: int
    bbox: BBox
    size: float
    bold: bool


@dataclass(frozen=True)
class Fragment:
    """Where a piece of a cell sits: one per page for a cell cut by a page break."""
    page: int
    bbox: BBox


@dataclass(frozen=True)
class Cell:
    lines: tuple[TextLine, ...]
    fragments: tuple[Fragment, ...]
    fill_rgb: tuple[float, float, float] | None = None  # background colour, for RAG cells
    # A slot under a cell merged down from a row above (also across a page break): lines and
    # fragments are that cell's, printed once; its value belongs to every row it spans.
    spanned: bool = False
    # The cell holds a table of its own (a milestone | date table inside a row): its text is
    # that table's, no single value of the row (that table is extracted on its own too).
    holds_table: bool = False

    @property
    def text(self) -> str:
        return join_lines(l.text for l in self.lines)

    @property
    def empty(self) -> bool:
        return not self.text

    def extended(self, other: "Cell") -> "Cell":
        """This cell followed by its continuation on the next page."""
        return Cell(self.lines + other.lines, self.fragments + other.fragments,
                    self.fill_rgb or other.fill_rgb, self.spanned, self.holds_table or other.holds_table)


EMPTY_CELL = Cell((), ())


class RowKind(str, Enum):
    HEADER = "header"
    SECTION = "section"
    BODY = "body"


@dataclass(frozen=True)
class TableRow:
    kind: RowKind
    cells: tuple[Cell, ...]
    merged_from_pages: tuple[int, ...] = ()  # pages whose fragments were stitched together
    level: int = 0      # a section row under an upper heading (a pillar over its objectives): 1

    @property
    def pages(self) -> tuple[int, ...]:
        return tuple(sorted({f.page for c in self.cells for f in c.fragments}))

    @property
    def text(self) -> str:
        return " | ".join(c.text for c in self.cells)


class Structure(str, Enum):
    """The shape of what a table holds, named by structure (not by the strategy that found
    it): normalise reads rows by this, so a new strategy needs no change there."""
    GRID = "grid"                 # rows and columns; a row may continue the one above (merged cells)
    BLOCKS = "labelled_blocks"    # one row per block (a heading, then labelled fields): complete in itself
    LIST_ITEMS = "list_items"     # one row per list item, under the section rows of its headings


class Part(str, Enum):
    """What a column of blocks or list items holds: text under a printed label, or a part of
    the block or item that carries no label (its header is then blank)."""
    LABELLED = "labelled"   # the text after a printed label (a grid's column under its header)
    MARKER = "marker"       # the block's or item's own number or id ("7" of "Action 7", "3." of an item)
    LEAD = "lead"           # the block's title (or first paragraph under a bare number), the item's text
    BODY = "body"           # unlabelled text after the lead (a block's first paragraph)
    TITLE = "title"         # a block's short heading where a labelled field states the action ("Paid
    #                         registration" over "What we will do: Meet the fees ..."): it names the action
    PERSON = "person"       # a name printed beside its own initials (a card's avatar): the assignee
    GROUP = "group"         # the heading of the list a card stands in (a board's "To do", "Visibility"):
    #                         a status when the headings read as statuses, else the card's section


@dataclass(frozen=True)
class ExtractedTable:
    """One logical table: page pieces stitched together, repeated headers dropped.

    `header` holds the labels as printed, nothing else; for blocks and list items it holds
    the field labels found in the text ("Success Measure", ...), blank for a column of an
    unlabelled part, whose kind `parts` gives. So every layout reaches the normalise stage
    in one shape, with its structure typed, and normalise alone names roles.
    """
    index: int
    header: tuple[str, ...]
    rows: tuple[TableRow, ...]
    pages: tuple[int, ...]
    strategy: str
    quality: float  # 0..1: grid completeness / header confidence
    notes: tuple[Issue, ...] = ()
    structure: Structure = Structure.GRID
    parts: tuple[Part, ...] = ()    # per column; empty: every column under a printed header

    def part(self, column: int) -> Part:
        return self.parts[column] if column < len(self.parts) else Part.LABELLED


class Layout(str, Enum):
    RULED_TABLE = "ruled_table"
    UNRULED_TABLE = "unruled_table"
    NARRATIVE = "narrative"
    NUMBERED_LIST = "numbered_list"   # numbered items under pillar headings
    BOARD = "board"          # a planning board: lists side by side, each a column of cards
    PROSE = "prose"          # text but no action structure found
    SCAN = "scan"            # pages without a text layer
    EMPTY = "empty"


@dataclass(frozen=True)
class TextCoverage:
    """How the page text was accounted for: nothing silently lost."""
    chars_total: int
    chars_in_rows: int
    chars_boilerplate: int   # running headers/footers repeated across pages
    chars_other: int         # introduction prose, titles, etc.

    @property
    def share_in_rows(self) -> float:
        return self.chars_in_rows / self.chars_total if self.chars_total else 0.0


@dataclass(frozen=True)
class Passage:
    """A paragraph or a list item of the document's prose outside every row (an introduction,
    a list of what the last plan achieved), with where it is printed. `bullet`: it opens with a
    list marker; `lead`: the index of the paragraph it sits under (the list's lead-in sentence)."""
    page: int
    bbox: BBox
    text: str
    bullet: bool = False
    lead: int | None = None


@dataclass(frozen=True)
class ExtractedDocument:
    source_file: str
    document_id: str              # sha256 of the file bytes
    page_count: int
    layout: Layout
    layout_confidence: float
    page_layouts: tuple[str, ...]
    tables: tuple[ExtractedTable, ...]
    front_text: str               # text of the first page(s), for title/institution/period
    coverage: TextCoverage
    extractor_version: str
    issues: tuple[Issue, ...] = ()
    ocr: bool = False
    ocr_confidence: float | None = None
    # the first page's lines with their typography (running headers left out): the title
    # block, where the plan's title is the largest heading
    title_block: tuple[TextLine, ...] = ()
    # the running headers and footers (each distinct text once): they name the document's
    # own institution and plan
    running_headers: tuple[str, ...] = ()
    # the PDF's Author and Title properties: the institution when the pages never print it
    properties: tuple[tuple[str, str], ...] = ()
    # the prose outside every row and the running headers, in reading order: paragraphs and
    # list items, each with its page and box
    passages: tuple[Passage, ...] = ()
