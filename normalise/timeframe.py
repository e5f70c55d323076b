"""Free-text timeframes to a deadline and a recurrence, left empty when too vague.

"by December 2024" -> 2024-12-31, once; "Termly" -> no date, termly; "Ongoing" -> ongoing;
"April 2021, 2022 and 2023" -> 2023-04-30, annual; "Y1-3" -> end of plan year 3 (needs the
plan period); "Spring 2025" -> 2025-03-31; "2025/26", "Academic year 2025/26" -> 2026-07-31
(academic years end in July); "Q2 2025" -> 2025-06-30; "Dec-24" -> 2024-12-31. Academic
terms end: autumn -> December, spring -> March/April, summer -> July. A timeframe naming
several deadlines keeps them all (due_dates_of); due_date is the latest of them.
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
    ("twice yearly", r"\btwice (?:a|per|each) year\b|\bbiannual(?:ly)?\b|\bsix[- ]monthly\b"
                     r"|\bevery (?:six|6) months\b"),
    # "Each July", "every September", "each spring (term)": one month or season every year
    ("annual", r"\bannual(?:ly)?\b|\beach year\b|\bevery year\b|\byearly\b|\bper year\b|\breviewed annually\b"
               r"|\b(?:each|every)\s+(?:january|february|march|april|may|june|july|august|september|october"
               r"|november|december|autumn|spring|summer|winter|michaelmas|lent|trinity|easter)\b"),
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


# "March 31, 2026", "Sept 7th 2026": month, day, year
_DAY_DATE = re.compile(r"\b([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(20\d{2})\b")
_SEASON = r"autumn|spring|summer|winter|michaelmas|lent|trinity|easter"


def _blank(text: str, m: re.Match) -> str:
    """The text with a match's span replaced by spaces, so later patterns do not read it again."""
    return text[: m.start()] + " " * (m.end() - m.start()) + text[m.end():]


def due_dates_of(text: str, period_start: int | None = None, period_end: int | None = None) -> list[dt.date]:
    """Every deadline the timeframe names, earliest first ("by July 2025 ... by July 2026"
    gives both). Empty when it names none: never guessed."""
    low = text.lower()
    dates: list[dt.date] = []
    # "Spring 2025", "summer term 2025", "Spring 2025/26/27": the end of that term
    for m in re.finditer(rf"\b({_SEASON})(?:\s+term)?\s+((?:20)?\d{{2}})\b((?:\s*/\s*\d{{2}}\b)*)(?![/.]\d)", low):
        years = [_year(m.group(2))] + [(_year(m.group(2)) // 100) * 100 + int(y)
                                       for y in re.findall(r"\d{2}", m.group(3))]
        month = _TERM_END.get(m.group(1), 12 if m.group(1) == "winter" else 3)
        dates.extend(_month_end(y, month) for y in years if 2000 <= y <= 2100)
        low = _blank(low, m)
    # "Q2 2025": the end of that calendar quarter
    for m in re.finditer(r"\bq([1-4])\s*(?:of\s+)?((?:20)?\d{2})\b", low):
        dates.append(_month_end(_year(m.group(2)), 3 * int(m.group(1))))
        low = _blank(low, m)
    # "31/07/2025", "31.07.25"
    for m in re.finditer(r"\b(\d{1,2})[/.](\d{1,2})[/.]((?:20)?\d{2})\b", low):
        try:
            dates.append(dt.date(_year(m.group(3)), int(m.group(2)), int(m.group(1))))
        except ValueError:
            pass
        low = _blank(low, m)
    # "2025/26", "Academic year 2024/25", "AY 2024-25": the end of that academic year (July)
    for m in re.finditer(r"\b(?:academic\s+year\s+|ay\s*)?(20\d{2})\s*[/–-]\s*(20\d{2}|\d{2})\b(?![/.]\d)", low):
        first, second = int(m.group(1)), _year(m.group(2)) if len(m.group(2)) == 2 else int(m.group(2))
        if second == first + 1:
            dates.append(_month_end(second, 7))
            low = _blank(low, m)
    # "March 31, 2026", "Sept 7th 2026": a day between the month and the year (a database's or
    # a US date) is that day, not a year ("31" read as 2031)
    for m in _DAY_DATE.finditer(low):
        month = _MONTHS.get(m.group(1))
        if not month:
            continue
        try:
            dates.append(dt.date(int(m.group(3)), month, int(m.group(2))))
        except ValueError:
            continue
        low = _blank(low, m)
    # "December 2024", "Dec 2024", "Dec-24", "July and December 2021, 2022 and 2023"
    for m in re.finditer(r"\b([a-z]{3,9})\.?(?:\s+|-)((?:20)?\d{2})\b((?:\s*(?:,|and|&)\s*(?:20)?\d{2}\b)*)", low):
        month = _MONTHS.get(m.group(1))
        if not month:
            continue
        years = [_year(m.group(2))] + [_year(y) for y in re.findall(r"\d{2,4}", m.group(3))]
        dates.extend(_month_end(y, month) for y in years if 2000 <= y <= 2100)
    # "Y1-3", "Year 2" relative to the plan period
    m = re.search(r"\by(?:ear)?\s*(\d)(?:\s*[-–]\s*(?:y(?:ear)?\s*)?(\d))?\b", low)
    if not dates and m and period_start:
        last = int(m.group(2) or m.group(1))
        dates.append(_month_end(period_start + last, 7))
    if not dates:
        # A bare year ("2025") is a deadline at the year's end only after "by"/"in"/"end of".
        dates += [dt.date(int(y), 12, 31) for y in re.findall(r"\b(?:by|in|end of|before)\s+(20\d{2})\b", low)]
    return sorted(set(dates))


def due_date_of(text: str, period_start: int | None = None, period_end: int | None = None) -> dt.date | None:
    """The primary deadline: the latest the timeframe names (all of them: due_dates_of)."""
    dates = due_dates_of(text, period_start, period_end)
    return dates[-1] if dates else None


def parse_timeframe(text: str | None, period_start: int | None = None,
                    period_end: int | None = None) -> tuple[dt.date | None, str | None]:
    if not text:
        return None, None
    due = due_date_of(text, period_start, period_end)
    rec = recurrence_of(text)
    if rec is None:
        if re.search(r"\b[a-z]{3,9}\.?\s+(?:20)?\d{2}\s*(?:,|and|&)\s*(?:20)?\d{2}\b",
                     _DAY_DATE.sub(" ", text.lower())):
            rec = "annual"   # "April 2021, 2022 and 2023": one month, several years
        elif due is not None:
            rec = "once"
    return due, rec
