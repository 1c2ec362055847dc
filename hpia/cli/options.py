"""Option values the commands share, read with Japanese messages.

Typer's own conversion errors are English; these readers take the text as
given and raise `UsageError` in the users' words instead.
"""

from __future__ import annotations

import datetime as dt
import unicodedata

from hpia.errors import UsageError

FORMATS = ("text", "json")


def output_format(value: str) -> str:
    if value not in FORMATS:
        allowed = "、".join(FORMATS)
        raise UsageError(f"--format には {allowed} のどれかを指定してください。")
    return value


def whole_number(option: str, value: str) -> int:
    """「120000」, 「120,000」 or 「12万」 (any width) as an int of 0 or more."""
    digits = unicodedata.normalize("NFKC", value).strip().replace(",", "")
    unit = 1
    if digits.endswith("万"):
        digits, unit = digits[:-1], 10_000
    if not digits.isdecimal():
        raise UsageError(
            f"{option}: 「{value}」は人数として読めません。"
            "0 以上の整数で指定してください（例: 120000、12万）。"
        )
    return int(digits) * unit


def iso_date(option: str, value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(
            f"{option}: 「{value}」は日付として読めません。"
            "2026-12-03 のように西暦の年-月-日で指定してください。"
        ) from None
