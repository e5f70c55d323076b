"""Free-text timeframes to a deadline and a recurrence, left empty when too vague.

"by December 2024" -> 2024-12-31, once; "Termly" -> no date, termly; "Ongoing" -> ongoing;
"April 2021, 2022 and 2023" -> 2023-04-30, annual; "Y1-3" -> end of plan year 3 (needs the
plan period). Academic terms end: autumn -> December, spring -> March/April, summer -> July.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
_TERM_END = {"autumn": 12, "spring": 3, "summer": 7, "michaelmas": 12, "lent": 3, "trinity": 6, "easter": 4}

_RECURRENCE = [
    ("twice termly", r"\btwice (?:per |a |each )?term(?:ly)?\b"),
    ("termly", r"\btermly\b|\b(?:each|every|per|once a|once per) term\b"),
    ("monthly", r"\bmonthly\b|\beach month\b|\bper month\b|\bevery month\b"),
    ("twice yearly", r"\btwice (?:a|per|each) year\b|\bbiannual(?:ly)?\b|\bsix[- ]monthly\b"),
    ("annual", r"\bannual(?:ly)?\b|\beach year\b|\bevery year\b|\byearly\b|\bper year\b|\breviewed annually\b"),
    ("quarterly", r"\bquarterly\b"),
    ("weekly", r"\bweekly\b"),
    ("ongoing", r"\bongoing\b|\bcontinuous(?:ly)?\b|\bthroughout\b"),
]


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _year(text: str) -> int:
    y = int(text)
    return y + 2000 if y < 100 else y


def recurrence_of(text: str) -> str | None:
    low = text.lower()
    for name, pat in _RECURRENCE:
        if re.search(pat, low):
            return name
    return None


def due_date_of(text: str, period_start: int | None = None, period_end: int | None = None) -> dt.date | None:
    low = text.lower()
    dates: list[dt.date] = []
    # "December 2024", "Dec 2024", "July and December 2021, 2022 and 2023"
    for m in re.finditer(r"\b([a-z]{3,9})\.?\s+((?:20)?\d{2})\b((?:\s*(?:,|and|&)\s*(?:20)?\d{2}\b)*)", low):
        month = _MONTHS.get(m.group(1))
        if not month:
            continue
        years = [_year(m.group(2))] + [_year(y) for y in re.findall(r"\d{2,4}", m.group(3))]
        dates.extend(_month_end(y, month) for y in years if 2000 <= y <= 2100)
    # "31/07/2025", "31.07.25"
    for m in re.finditer(r"\b(\d{1,2})[/.](\d{1,2})[/.]((?:20)?\d{2})\b", low):
        try:
            dates.append(dt.date(_year(m.group(3)), int(m.group(2)), int(m.group(1))))
        except ValueError:
            pass
    # "summer term 2025"
    for m in re.finditer(r"\b(autumn|spring|summer|michaelmas|lent|trinity|easter)\s+term\s+((?:20)?\d{2})\b", low):
        dates.append(_month_end(_year(m.group(2)), _TERM_END[m.group(1)]))
    # "Y1-3", "Year 2" relative to the plan period
    m = re.search(r"\by(?:ear)?\s*(\d)(?:\s*[-–]\s*(?:y(?:ear)?\s*)?(\d))?\b", low)
    if not dates and m and period_start:
        last = int(m.group(2) or m.group(1))
        dates.append(_month_end(period_start + last, 7))
    if dates:
        return max(dates)
    # A bare year ("2025") is a deadline at the year's end only after "by"/"in"/"end of".
    m = re.search(r"\b(?:by|in|end of|before)\s+(20\d{2})\b", low)
    if m:
        return dt.date(int(m.group(1)), 12, 31)
    return None


def parse_timeframe(text: str | None, period_start: int | None = None,
                    period_end: int | None = None) -> tuple[dt.date | None, str | None]:
    if not text:
        return None, None
    due = due_date_of(text, period_start, period_end)
    rec = recurrence_of(text)
    if rec is None:
        if re.search(r"\b[a-z]{3,9}\.?\s+(?:20)?\d{2}\s*(?:,|and|&)\s*(?:20)?\d{2}\b", text.lower()):
            rec = "annual"   # "April 2021, 2022 and 2023": one month, several years
        elif due is not None:
            rec = "once"
    return due, rec
