"""Loads the extract stage's data file (models/extract.yaml: thresholds and patterns) into a
validated model. extract reads no other stage's files: it finds tables and blocks from
geometry and typography, and normalise decides what their columns mean."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, Field

from .vocabulary import MODELS_DIR, read_yaml


class RuledTableSettings(BaseModel):
    snap_tolerance: float
    join_tolerance: float
    intersection_tolerance: float
    min_rows: int
    min_columns: int
    section_row_min_width: float
    header_max_words: int
    heading_max_gap: float
    heading_min_size_ratio: float
    heading_max_words: int
    cut_row_min_rules: int
    heading_prose_min_words: int = 8
    rows_only_min_rules: int
    rows_only_min_width: float
    rows_only_gutter: float
    corner_max_radius: float
    field_row_min_share: float = 0.5
    unbordered_min_bands: int = 2
    unbordered_row_gap: float = 0.5
    unbordered_align_tolerance: float = 2.0
    spaced_cells_max_gap: float = 0.8
    group_code_max_chars: int = 3
    open_side_min_rules: int = 3
    open_side_min_width: float = 12.0


class BoxSettings(BaseModel):
    gutter: float
    max_page_width: float
    min_height: float
    card_gap: float = 4.0
    card_min_height: float = 12.0


class PrintHeadingSettings(BaseModel):
    """A spreadsheet's print headings: column letters over row numbers (extract/print_headings.py)."""
    min_columns: int = 2          # column letters counting on by one in a line
    min_rows: int = 2             # row numbers rising down the heading column
    min_step_share: float = 0.5   # share of the row numbers' steps after the first that are by one
    rule_tolerance: float = 1.5   # points: a ruling this close to a heading cell's edge is that edge


class BoardSettings(BaseModel):
    """Planning boards: lists side by side, each a column of cards (strategies/board.py)."""
    min_columns: int = 2          # lists side by side
    min_cards: int = 4            # cards on the board, one list holding two at least
    min_lines: int = 2            # a card holds a title and something more
    align_tolerance: float = 2.0  # points: cards of one list share their left and right edges this closely
    stack_gap: float = 2.0        # points: cards of a list stand apart (a table's cells abut)
    piece_gap: float = 0.6        # x font size: a gap this wide inside a line parts two of a card's parts
    size_step: float = 0.1        # share of the size: type this much smaller or larger after a word gap is another part
    wrap_gap: float = 0.5         # x font size: a line this close under one set alike continues its part
    heading_reach: float = 1.0    # x the median card height: a list's heading stands this close above its first card
    initials_max: int = 3         # letters of an avatar's initials
    part_min_share: float = 0.5   # share of the cards holding a part besides the title, for the structure to repeat


class StitchScores(BaseModel):
    key_cell_empty: int
    key_not_like_other_keys: int
    starts_lowercase_after_open_sentence: int
    wrapped_from_full_line: int
    few_cells_filled: int
    key_like_other_keys: int
    closing_rule_missing: int
    cells_go_on: int
    cells_go_on_min: int
    cells_start_afresh: int = -2
    cells_start_afresh_min: int = 3


class StitchSettings(BaseModel):
    column_edge_tolerance: float
    continuation_min_score: int
    value_column_max_distinct: float
    scores: StitchScores
    # characters OCR reads for digits ("D5" read "DS", "C1" read "Cl"): a key cell whose
    # characters after its first letter read so has the other keys' shape, a key of its own
    ocr_digit_lookalikes: dict[str, str] = {}


class ListPlanSettings(BaseModel):
    section_headings: list[str] = []   # unused: list sections are found by typography (kept for old files)
    item_pattern: str                 # a numbered item: groups id and rest
    min_items: int
    contents_min_entries: int = 3     # lines ending in page numbers, right-aligned and in page order: a table of contents


class NarrativeSettings(BaseModel):
    heading_patterns: list[str]
    heading_min_size_ratio: float
    label_max_words: int


class BlockSettings(BaseModel):
    """Repeated blocks and list items (strategies narrative and numbered_list)."""
    heading_min_size_ratio: float
    heading_max_words: int
    label_max_words: int
    label_min_repeats: int
    record_min_fields: int = 3   # a label column of this many recurring labels: a table per action (normalise.fields)
    min_blocks: int
    labelled_min_share: float
    action_min_evidence: float
    paragraph_gap: float
    block_end_gap: float = 2.0
    paragraph_pitch_ratio: float
    id_heading: str
    id_only_heading: str
    future_markers: list[str]
    fronted_clause_openers: list[str]
    mark_max_distance: float
    mark_max_size: float = 2.2
    mark_alone_max: float = 8.0
    aim_heading_min_words: int = 7
    larger_heading_words_factor: float = 1.5
    fit_word_margin: float = 1.15
    heading_level_min_uppers: int = 2
    prose_min_words: int = 12
    statement_field_min_share: float = 0.5
    statement_field_min_statements: float = 0.6
    statement_heading_max_statements: float = 0.5


class OcrSettings(BaseModel):
    """Pages without a text layer (extract/ocr.py)."""
    target_dpi: int
    max_dpi: int
    fallback_dpi: int
    max_skew_degrees: float
    ruling_min_length: float
    ruling_gap_close: float
    ruling_max_gap_mm: float = 0.0      # rules broken into pieces (extract/ocr.py _gapped_rules)
    ruling_piece_mm: float = 1.5
    ruling_max_thickness_mm: float = 0.8
    ruling_min_ink_share: float = 0.55
    ruling_faint_single_mm: float = 0.0  # 0: off (extract/ocr.py _gapped_rules)
    ruling_clear_ink: float = 0.15
    ruling_max_side_ink: float = 1.0    # 1: off (extract/ocr.py drop_rules_in_ink)
    ruling_join_end_mm: float = 0.0
    ruling_bridge_mm: float = 0.0       # 0: ruling_max_gap_mm (extract/ocr.py join_rule_ends)
    ruling_short_min_ink: float = 1.0   # 1: off (extract/ocr.py short_column_rules)
    size_snap: float = 0.0              # 0: off (extract/ocr.py snap_sizes)
    size_snap_pixels: float = 0.0
    spelling_min_count: int = 0         # 0: off (extract/ocr.py repair_spelling)
    spelling_min_ratio: float = 3.0
    spelling_min_length: int = 4
    spelling_common_log_prob: float = -12.0
    ruling_edge_margin_mm: float = 0.0  # 0: off (extract/ocr.py drop_edge_rules)
    ruling_max_near_ink: float = 1.0    # 1: off (extract/ocr.py drop_text_runs)
    ruling_near_mm: float = 0.3
    ruling_text_run_max_mm: float = 50.0
    split_word_gap: float = 0.0         # 0: off (extract/ocr.py split_run_together)
    split_letter_gap: float = 2.5
    reread_max_words: int
    reread_min_conf: float
    reread_min_ink: int
    reread_pad: int
    bold_stroke_ratio: float
    bullet_min_fill: float
    id_align_tolerance: float = 0.01
    digit_lookalikes: dict[str, str] = {}
    bold_line_share: float
    char_blacklist: str = ""
    word_substitutions: dict[str, str] = {}
    dark_band_level: float = 0.0        # 0: off (extract/ocr.py dark_bands)
    hidden_text_min_image_cover: float = 0.0   # 0: off (extract/__init__.py scans_with_hidden_text)
    dark_band_downscale: int = 8
    dark_band_min_height_mm: float = 4.0
    dark_band_min_width_mm: float = 15.0
    dark_band_fill: float = 0.8
    dark_band_min_conf: float = 60.0
    box_min_mm: float = 0.0             # 0: off (extract/ocr.py outlined_boxes)
    box_min_hole_fill: float = 0.97
    # pictures on pages with a text layer (extract/__init__.py pictures_to_read): 0: off
    picture_min_page_share: float = 0.0
    picture_max_chars: int = 0
    pictures_max_per_document: int = 0
    picture_min_words: int = 0
    picture_min_conf: float = 0.0
    picture_pad_mm: float = 10.0
    picture_rule_min_contrast: float = 0.0
    picture_frame_reach_mm: float = 1.5
    ruling_valley_contrast: float = 0.0  # 0: off (extract/ocr.py valley_rules; pictures set it)
    ruling_valley_reach_mm: float = 0.35


class UnruledSettings(BaseModel):
    header_min_columns: int
    header_max_words: int
    header_lookahead: int
    header_min_body_lines: int
    header_min_multi_lines: int
    header_alignment_share: float
    anchor_tolerance: float
    row_step_ratio: float
    sparse_first_share: float
    label_abbreviation_max_chars: int = 4
    end_gap: float = 5.0             # x line height: a blank band this tall below the table's last line ends it


class ColumnSettings(BaseModel):
    """Pages set in text columns (extract/text.py find_gutters): each column is read top to
    bottom before the next. Defaults keep an older extract.yaml readable."""
    fragment_gap: float = 1.0        # x font size: a gap this wide within a glyph row splits it into fragments
    min_gutter: float = 1.0          # x median font size: a gutter is at least this wide
    max_cross_share: float = 0.25    # at most this share of fragments may cross a gutter (full-width headings)
    min_side_share: float = 0.1      # each side of a gutter holds at least this share of the fragments
    min_side_lines: int = 4          # ... and at least this many
    min_column_width: float = 10.0   # x median font size: the widest line of each column (not a rail of bullets)
    block_gap: float = 0.45          # x font size: a vertical gap this wide between lines starts a block
    align_tolerance: float = 0.25    # x font size: block tops this close line up across a gutter (a table's cells)
    max_aligned_share: float = 0.4   # blocks lining up across the gutter above this share: a table's rows
    opening_blocks: int = 2          # blocks opening level pair by pair at the frames' top: the columns' opening
    min_evidence_blocks: int = 2     # fewer blocks to compare than this: no evidence of text columns
    edge_line_gap: float = 2.0       # x size: a line the gutter splits this far apart from every column's text at the
                                     # head or foot of the page is a running header or footer, one line in place
    raised_mark_max_size: float = 0.8    # x a line's size: a short run of glyphs this small, raised inside the
                                         # line's height beside its words, is its footnote mark, not a line
                                         # (dropped from the text where it touches the word before it)
    letter_spaced_min_letters: int = 4   # a run of at least this many single letters set evenly apart is one
    letter_spaced_max_gap: float = 0.7   # word set letter-spaced ("U N I V E R S I T Y"): gaps at most this x size,
    letter_spaced_word_gap: float = 1.6  # and a gap this x the run's median gap or wider parts two such words


class FrameSettings(BaseModel):
    """Sheets printing pages side by side (extract/frames.py): each frame read as a page.
    Defaults keep an older extract.yaml readable."""
    max_frames: int = 4              # at most this many pages side by side on a sheet (below 2: off)
    min_gutter: float = 2.0          # x median font size: the empty band between two frames
    margin_tolerance: float = 3.0    # points: frames' content offsets (and running lines' heights) this close agree
    edge_gap: float = 1.5            # x its size: a running line stands this far apart from the frame's text
    min_rules: int = 3               # rules each way inside a frame for it to hold a ruled table
    min_rule_length: float = 10.0    # points
    background_share: float = 0.9    # a fill covering this share of the sheet is its background
    min_evidence: int = 2            # of: same margins, a running line each, rules each


class CoverageSettings(BaseModel):
    loose_action_min_words: int
    loose_actions_min: int
    loose_actions_share: float
    passage_gap: float = 0.8
    passage_min_chars: int = 12


class BoilerplateSettings(BaseModel):
    min_page_share: float
    edge_margin: float


class ExtractConfig(BaseModel):
    version: str
    ruled_table: RuledTableSettings
    stitch: StitchSettings
    row_key_patterns: list[str] = Field(min_length=1)
    narrative: NarrativeSettings
    list_plan: ListPlanSettings
    blocks: BlockSettings
    ocr: OcrSettings
    boilerplate: BoilerplateSettings
    unruled: UnruledSettings
    coverage: CoverageSettings
    boxes: BoxSettings
    board: BoardSettings = BoardSettings()
    print_headings: PrintHeadingSettings = PrintHeadingSettings()
    columns: ColumnSettings = ColumnSettings()
    frames: FrameSettings = FrameSettings()
    # a thin horizontal line through glyphs between these shares of their size above the
    # baseline strikes them out (a tracked deletion printed with markup; extract.text.struck_out);
    # an underline sits below the baseline. (0, 0): off
    strike_band: tuple[float, float] = (0.0, 0.0)
    # degrees: a glyph turned a little is read in the frame of a box turned within this much of
    # it that holds it (a sticky note's words; extract.text.straighten)
    tilt_tolerance: float = 0.0
    # a fill behind a cell's words (a status pill or badge, extract.strategies.base.badge_fill)
    # is the cell's colour when it holds at least the first share of the words' box and is at
    # most the second times its area (larger: a row band or a panel, not the cell's own mark)
    badge_fill: tuple[float, float] = (0.0, 0.0)
    # glyphs a header cell prints beside its label as decoration (a sortable column's arrows)
    header_decoration: str = "[\u2190-\u21ff\u25a0-\u25ff]"

    def row_key_regex(self) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{p})" for p in self.row_key_patterns))

    def decoration_regex(self) -> re.Pattern[str]:
        return re.compile(self.header_decoration)


@lru_cache(maxsize=4)
def load_config(models_dir: Path = MODELS_DIR) -> ExtractConfig:
    return ExtractConfig(**read_yaml(models_dir / "extract.yaml"))
