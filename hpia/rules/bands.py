"""Counts the forms give as bands: 「1万人以上10万人未満」, 「500人以上」.

The band is read from the choice text itself, so the catalog's ＜選択肢＞
stay the one place the bands are written; the rules compare numbers.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_BOUND = re.compile(r"([\d,]+)(万)?人(以上|未満)")


@dataclass(frozen=True)
class Band:
    """Whole numbers from `low` to `high` inclusive; `high` None is open."""

    low: int
    high: int | None = None

    def __add__(self, other: Band) -> Band:
        high = None
        if self.high is not None and other.high is not None:
            high = self.high + other.high
        return Band(self.low + other.low, high)

    def at_least(self, n: int) -> bool:
        """Every number of the band is n or more."""
        return self.low >= n

    def below(self, n: int) -> bool:
        """Every number of the band is under n."""
        return self.high is not None and self.high < n

    @property
    def top(self) -> int:
        """The highest number, or the lowest for an open band."""
        return self.low if self.high is None else self.high


def people(n: int) -> str:
    """1000 → 「1,000」, 10000 → 「1万」, 300000 → 「30万」: as bands say it."""
    if n >= 10_000 and n % 10_000 == 0:
        return f"{n // 10_000:,}万"
    return f"{n:,}"


def band(text: str) -> Band | None:
    """The band a choice names, or None if it names no count of people."""
    folded = unicodedata.normalize("NFKC", text)
    low, high = 0, None
    found = False
    for digits, man, side in _BOUND.findall(folded):
        n = int(digits.replace(",", "")) * (10_000 if man else 1)
        found = True
        if side == "以上":
            low = n
        else:
            high = n - 1
    return Band(low, high) if found else None
