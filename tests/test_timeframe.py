"""Timeframes researchers write (issue 13, point 8): seasons, academic years, quarters,
"Dec-24", and cells naming several deadlines (all kept in due_dates)."""
from __future__ import annotations

import datetime as dt

import pytest

from normalise.timeframe import due_date_of, due_dates_of, parse_timeframe

D = dt.date


@pytest.mark.parametrize("text, dates", [
    ("Spring 2025", [D(2025, 3, 31)]),
    ("Summer term 2025", [D(2025, 7, 31)]),
    ("Autumn 2024", [D(2024, 12, 31)]),
    ("2025/26", [D(2026, 7, 31)]),
    ("Academic year 2024/25", [D(2025, 7, 31)]),
    ("AY 2024-25", [D(2025, 7, 31)]),
    ("Q2 2025", [D(2025, 6, 30)]),
    ("Q4 2024", [D(2024, 12, 31)]),
    ("Dec-24", [D(2024, 12, 31)]),
    ("Spring 2025/26/27", [D(2025, 3, 31), D(2026, 3, 31), D(2027, 3, 31)]),
    ("Job descriptions reviewed by December 2024. Use of job templates considered by July 2025. "
     "Progression processes investigated by July 2026.", [D(2024, 12, 31), D(2025, 7, 31), D(2026, 7, 31)]),
    ("by July 2025 and again by July 2026", [D(2025, 7, 31), D(2026, 7, 31)]),
    ("31/07/2025", [D(2025, 7, 31)]),
    # a day between the month and the year (blind 10 kilnsey, a Notion date): once read as the year 2031
    ("March 31, 2026", [D(2026, 3, 31)]),
    ("October 1, 2025", [D(2025, 10, 1)]),
    ("Sept 7th 2026", [D(2026, 9, 7)]),
    # not deadlines: never guessed
    ("Annual review in the spring term.", []),
    ("Throughout 2024-27", []),
    ("In line with the T-PIKE project timeline.", []),
    ("2025 and 2027", []),
])
def test_due_dates(text, dates):
    assert due_dates_of(text, 2024, 2027) == dates
    assert due_date_of(text, 2024, 2027) == (dates[-1] if dates else None)


def test_a_cell_with_several_deadlines_is_found_by_each_year():
    dates = due_dates_of("Leaflet by July 2025; evaluation by July 2026", 2024, 2027)
    assert {d.year for d in dates} == {2025, 2026}
    due, rec = parse_timeframe("Leaflet by July 2025; evaluation by July 2026", 2024, 2027)
    assert due == D(2026, 7, 31) and rec == "once"


def test_a_day_between_month_and_year_is_one_deadline_not_a_year_and_a_recurrence():
    """Blind round 10 (kilnsey, a Notion database's Due column): "March 31, 2026" read as
    March 2031, and as annual ("March 31, 2026" looked like "April 2021, 2022")."""
    assert parse_timeframe("March 31, 2026") == (D(2026, 3, 31), "once")
    assert parse_timeframe("December 12, 2025") == (D(2025, 12, 12), "once")
