"""The ranges of the form's ＜選択肢＞ bands, read from their own text.

「1万人以上10万人未満」 → [10,000, 100,000); 「10項目未満」 → [0, 10);
「1,000人以上」 → [1,000, ∞). Reading the catalog's wording keeps the
numbers in one place.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

_BOUND = re.compile(r"([\d,]+)(万)?(?:人|項目)?(以上|未満)")


@dataclass(frozen=True)
class Band:
    text: str
    low: float
    high: float

    def holds(self, count: int) -> bool:
        return self.low <= count < self.high


def band(text: str) -> Band:
    low, high = 0.0, math.inf
    folded = unicodedata.normalize("NFKC", text)
    for digits, man, side in _BOUND.findall(folded):
        value = float(int(digits.replace(",", "")) * (10_000 if man else 1))
        if side == "以上":
            low = value
        else:
            high = value
    if (low, high) == (0.0, math.inf):
        raise ValueError(f"not a band: {text}")
    return Band(text, low, high)
