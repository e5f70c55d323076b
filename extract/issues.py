"""Outcomes as data: every error, warning and note a stage reports is an `Issue` with a
stable code, a severity and a message for people. A document's status is computed from the
codes (`document_status`), never from the wording of a message.

Lives at the bottom of the import graph (no imports from the project), so extract,
normalise and tcpipe all report in the same vocabulary.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Iterable


class Severity(str, Enum):
    ERROR = "error"        # the document failed: no rows are written for it
    WARNING = "warning"    # rows may be missing or doubtful; shown on screen
    NOTE = "note"          # how the document was read; for the record


class Status(str, Enum):
    SUCCESS = "success"
    PARTIAL = "partial"
    SKIPPED = "skipped"
    FAILED = "failed"


class IssueCode(str, Enum):
    # --- errors: the file could not be read (read stage) ---
    EMPTY_FILE = "empty_file"
    NOT_A_PDF = "not_a_pdf"
    TRUNCATED_PDF = "truncated_pdf"
    ENCRYPTED_PDF = "encrypted_pdf"
    WRONG_PASSWORD = "wrong_password"
    UNREADABLE_PDF = "unreadable_pdf"
    UNREADABLE_FILE = "unreadable_file"
    NO_PAGES = "no_pages"
    NO_TEXT = "no_text"
    OCR_UNAVAILABLE = "ocr_unavailable"
    OCR_FAILED = "ocr_failed"
    UNSUPPORTED_FORMAT = "unsupported_format"
    CONVERTER_UNAVAILABLE = "converter_unavailable"
    CONVERSION_FAILED = "conversion_failed"
    # --- errors: the run stopped the document (run layer) ---
    TIMEOUT = "timeout"
    MEMORY_LIMIT = "memory_limit"
    WORKER_CRASHED = "worker_crashed"
    INTERNAL_ERROR = "internal_error"
    # --- errors: later stages ---
    LABELLER_UNAVAILABLE = "labeller_unavailable"
    SCHEMA_ERROR = "schema_error"
    # --- warnings: rows may be missing (make a document with rows `partial`) ---
    TABLE_WITHOUT_HEADER = "table_without_header"
    TABLE_UNREADABLE = "table_unreadable"
    ACTION_TEXT_OUTSIDE_ROWS = "action_text_outside_rows"
    # a table printed over further pages to the right (a wide sheet) holds a key with no row
    # in the table its columns join: that key's cells are kept out, never a new action
    SPILLED_KEY_UNMATCHED = "spilled_key_unmatched"
    # a picture on a page with a text layer held text (OCR'd) but none of it is in any row
    PICTURE_TEXT_UNREAD = "picture_text_unread"
    # --- warnings: worth a look, rows are complete as far as we know ---
    NO_ACTIONS = "no_actions"
    NO_ACTION_STRUCTURE = "no_action_structure"
    TABLES_NOT_READ = "tables_not_read"
    LAYOUT_FALLBACK = "layout_fallback"
    UNKNOWN_HEADERS = "unknown_headers"
    PERIOD_NOT_FOUND = "period_not_found"
    INSTITUTION_UNCERTAIN = "institution_uncertain"
    SAME_PLAN = "same_plan"
    # a combined plan (a section per charter: Athena Swan, Race Equality Charter, Technician
    # Commitment): the other charters' rows were left out of the actions, counted here
    OTHER_CHARTER_ROWS = "other_charter_rows"
    # --- notes: how the document was read ---
    CONVERTED = "converted"
    CONTENT_REMOVED = "content_removed"     # sanitising removed active or external content (extract/convert.py)
    OCR_USED = "ocr_used"
    PAGES_SIDE_BY_SIDE = "pages_side_by_side"    # a sheet printing pages side by side read frame by frame (extract/frames.py)
    TABLE_NOT_ACTIONS = "table_not_actions"
    TABLE_SUMMARY = "table_summary"
    HEADER_FROM_PREVIOUS = "header_from_previous"
    ROW_MERGED_ACROSS_PAGES = "row_merged_across_pages"
    SPANNED_CELLS = "spanned_cells"              # merged cells gave their value to every row they span
    ROLES_FROM_CONTENT = "roles_from_content"    # a table without a header row read from its columns' content
    DUPLICATES_MERGED = "duplicates_merged"      # the same action printed twice became one row
    FIELDS_IN_CELLS = "fields_in_cells"          # a cell held an action and its 'Label: value' fields
    PARENTS_AS_AIMS = "parents_as_aims"          # bare parent rows (1.1 over 1.1.1) became their children's aim
    MATRIX_READ = "matrix_read"                  # a grid of pillars by times: each cell's items actions carrying both
    STRATEGIES_RUN = "strategies_run"            # which strategies ran, why, and what each found
    GROUP_HEADINGS = "group_headings"            # rows of a short code over the ids it opens read as section rows
    SPILLED_COLUMNS_JOINED = "spilled_columns_joined"  # a wide table's columns printed on further pages joined to its rows
    PRINT_HEADINGS = "print_headings"            # a spreadsheet's column letters and row numbers dropped from the page
    # the document names its institution in full and that name is kept; the registry
    # (models/institutions.csv) does not list it, so coverage cannot place it
    INSTITUTION_NOT_IN_REGISTRY = "institution_not_in_registry"
    # the pages never print the institution's name; it was read from the PDF's Author or Title
    INSTITUTION_FROM_PROPERTIES = "institution_from_properties"


# Codes that mean "rows may be missing": a document with rows and one of these is partial,
# a document without rows and one of these is partial rather than skipped.
ROWS_MAY_BE_MISSING = frozenset({
    IssueCode.TABLE_WITHOUT_HEADER, IssueCode.TABLE_UNREADABLE, IssueCode.ACTION_TEXT_OUTSIDE_ROWS,
    IssueCode.SPILLED_KEY_UNMATCHED,
    IssueCode.PICTURE_TEXT_UNREAD,
})


@dataclass(frozen=True)
class Issue:
    code: IssueCode
    severity: Severity
    message: str
    stage: str = ""

    def __str__(self) -> str:
        return f"{self.code.value}: {self.message}"

    def as_record(self) -> dict:
        return {"code": self.code.value, "severity": self.severity.value, "stage": self.stage,
                "message": self.message}


def error(code: IssueCode, message: str, stage: str = "") -> Issue:
    return Issue(code, Severity.ERROR, message, stage)


def warning(code: IssueCode, message: str, stage: str = "") -> Issue:
    return Issue(code, Severity.WARNING, message, stage)


def note(code: IssueCode, message: str, stage: str = "") -> Issue:
    return Issue(code, Severity.NOTE, message, stage)


def document_status(issues: Iterable[Issue], n_actions: int) -> Status:
    """failed on any error; otherwise partial when rows may be missing; otherwise success
    with rows, skipped without."""
    issues = list(issues)
    if any(i.severity is Severity.ERROR for i in issues):
        return Status.FAILED
    if any(i.code in ROWS_MAY_BE_MISSING for i in issues):
        return Status.PARTIAL
    return Status.SUCCESS if n_actions else Status.SKIPPED


class ExtractionError(Exception):
    """A document that cannot be read. Carries its typed issue; `code` is the code's value."""

    def __init__(self, code: IssueCode, message: str):
        super().__init__(message)
        self.issue = error(IssueCode(code), message, "read")
        self.code = self.issue.code.value
        self.message = message

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"
