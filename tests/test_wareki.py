from __future__ import annotations

import datetime as dt

import pytest

from hpia.wareki import from_wareki, to_wareki


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (dt.date(2025, 4, 15), "令和7年4月15日"),
        (dt.date(2019, 5, 1), "令和元年5月1日"),
        (dt.date(2019, 12, 31), "令和元年12月31日"),
        (dt.date(2020, 1, 1), "令和2年1月1日"),
        (dt.date(2019, 4, 30), "平成31年4月30日"),
        (dt.date(1989, 1, 8), "平成元年1月8日"),
        (dt.date(1989, 1, 7), "昭和64年1月7日"),
        (dt.date(1926, 12, 25), "昭和元年12月25日"),
        (dt.date(1926, 12, 24), "大正15年12月24日"),
        (dt.date(1912, 7, 29), "明治45年7月29日"),
        (dt.date(1907, 5, 5), "明治40年5月5日"),
        (dt.date(1900, 1, 1), "明治33年1月1日"),
        (dt.date(1873, 1, 1), "明治6年1月1日"),
    ],
    ids=lambda v: str(v),
)
def test_era_boundaries_print_and_read_back(day: dt.date, text: str) -> None:
    assert to_wareki(day) == text
    assert from_wareki(text) == day


@pytest.mark.parametrize(
    "text",
    ["令和元年4月30日", "平成32年1月1日", "令和7年2月30日", "R7.4.15", "明治5年1月1日"],
)
def test_impossible_or_foreign_dates_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match=r".+"):
        from_wareki(text)
