"""The 個人番号 (My Number): twelve digits, the last a check digit.

The check digit follows 総務省令第八十五号 第五条: with P(n) the n-th of
the first eleven digits counted from the lowest (P1 is the 11th digit
from the left) and Q(n) = n + 1 for 1 ≤ n ≤ 6, n − 5 for 7 ≤ n ≤ 11, the
remainder r = Σ P(n)·Q(n) mod 11 gives 0 when r ≤ 1, else 11 − r.

Messages never repeat the number: it must not reach a log or a screen.
"""

from __future__ import annotations

import unicodedata

from hpia.errors import HpiaError

LENGTH = 12


class MyNumberError(HpiaError):
    """A 個人番号 that cannot be right; the message holds no digit of it."""


def check_digit(first_eleven: str) -> int:
    """The check digit of the first eleven digits of a 個人番号."""
    total = 0
    for n, digit in enumerate(reversed(first_eleven), start=1):
        weight = n + 1 if n <= 6 else n - 5
        total += int(digit) * weight
    remainder = total % 11
    return 0 if remainder <= 1 else 11 - remainder


def parse(text: str) -> str:
    """The twelve digits of a 個人番号 as written, or `MyNumberError`.

    Full-width digits are read as digits; spaces and hyphens that people
    put between groups of four are dropped.
    """
    folded = unicodedata.normalize("NFKC", text)
    digits = "".join(c for c in folded if c not in " -")
    if not digits:
        raise MyNumberError("個人番号がありません。")
    if not (digits.isascii() and digits.isdigit()):
        raise MyNumberError("個人番号に数字以外の文字があります。")
    if len(digits) != LENGTH:
        raise MyNumberError(
            f"個人番号の桁数が{LENGTH}桁ではありません（{len(digits)}桁）。"
        )
    if check_digit(digits[:-1]) != int(digits[-1]):
        raise MyNumberError(
            "個人番号の検査用数字（最後の桁）が合いません。番号を確かめてください。"
        )
    return digits


def with_check_digit(first_eleven: str) -> str:
    """Eleven digits completed to a valid number (synthetic test data)."""
    return first_eleven + str(check_digit(first_eleven))
