"""Dates in the Japanese calendar (和暦), as the forms print them.

A table of era starts is all it takes, and a table can be checked line by
line; the PyPI packages either print 「令和1年」 instead of 「令和元年」 or
accept impossible dates (risks.md §6). The first year of an era is
written 元年 (令和元年 is 2019-05-01 to 2019-12-31).
"""

from __future__ import annotations

import datetime as dt
import re

# Each era: its name, its first day, and the Gregorian year of its first
# year (元年), newest first (政令第143号 for 令和). 明治元年 is 1868, but
# Japan counted days by the Gregorian calendar only from 明治6年 (1873):
# earlier days are not printed.
ERAS: tuple[tuple[str, dt.date, int], ...] = (
    ("令和", dt.date(2019, 5, 1), 2019),
    ("平成", dt.date(1989, 1, 8), 1989),
    ("昭和", dt.date(1926, 12, 25), 1926),
    ("大正", dt.date(1912, 7, 30), 1912),
    ("明治", dt.date(1873, 1, 1), 1868),
)

_WAREKI = re.compile(
    r"^(令和|平成|昭和|大正|明治)(元|\d{1,2})年(\d{1,2})月(\d{1,2})日$"
)


def era_of(day: dt.date) -> tuple[str, int]:
    """The era of `day` and the year within it."""
    for name, start, first_year in ERAS:
        if day >= start:
            return name, day.year - first_year + 1
    raise ValueError(f"{day.isoformat()} is before the eras hpia prints")


def to_wareki(day: dt.date) -> str:
    """2025-04-15 → 「令和7年4月15日」."""
    name, year = era_of(day)
    shown = "元" if year == 1 else str(year)
    return f"{name}{shown}年{day.month}月{day.day}日"


def from_wareki(text: str) -> dt.date:
    """「令和7年4月15日」 → 2025-04-15; a day outside its era is refused."""
    match = _WAREKI.match(text.strip())
    if match is None:
        raise ValueError(f"not a 和暦 date: {text}")
    name, year_text, month, day = match.groups()
    first_year = next(first for era, _, first in ERAS if era == name)
    year = 1 if year_text == "元" else int(year_text)
    date = dt.date(first_year + year - 1, int(month), int(day))
    if era_of(date)[0] != name:
        raise ValueError(f"{text} is not a day of {name}")
    return date
