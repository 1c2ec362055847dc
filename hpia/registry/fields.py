"""One cell of a CSV file (or of an extraction condition) to a value.

Each reader takes the cell's text and returns a typed value or raises
`FieldError` with a Japanese sentence that names what was expected; the
caller adds the file, line and column. Full-width digits and letters are
read like half-width ones (NFKC), as 予診票 data is typed both ways.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from hpia.wareki import from_wareki


class FieldError(ValueError):
    """A cell that cannot be read; the message is for the user."""


def fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


def text(value: str, limit: int) -> str:
    folded = value.strip()
    if not folded:
        raise FieldError("値がありません。")
    if len(folded) > limit:
        raise FieldError(f"長すぎます（{len(folded)}文字、上限{limit}文字）。")
    return folded


def date(value: str) -> dt.date:
    """ISO (2024-04-01) or 和暦 (令和6年4月1日)."""
    folded = fold(value)
    if not folded:
        raise FieldError("日付がありません。")
    try:
        if folded[0].isdigit():
            return dt.date.fromisoformat(folded)
        return from_wareki(folded)
    except ValueError as err:
        raise FieldError(
            f"日付として読めません: 「{value.strip()}」。"
            "2024-04-01 または 令和6年4月1日 のように書いてください。"
        ) from err


def sex(value: str) -> str:
    folded = fold(value)
    if folded not in ("男", "女"):
        raise FieldError(
            f"「{value.strip()}」は性別ではありません。男 または 女 と書いてください。"
        )
    return folded


_YES = {"有", "あり", "1", "○", "〇", "はい"}
_NO = {"無", "なし", "0", "", "いいえ"}


def flag(value: str) -> bool:
    """有/無 (or 1/0, ○/blank)."""
    folded = fold(value)
    if folded in _YES:
        return True
    if folded in _NO:
        return False
    raise FieldError(
        f"「{value.strip()}」は読めません。有 または 無 と書いてください。"
    )


def whole(value: str, minimum: int = 0) -> int:
    folded = fold(value).replace(",", "").removesuffix("円")
    if not re.fullmatch(r"\d+", folded):
        raise FieldError(f"「{value.strip()}」は整数ではありません。")
    number = int(folded)
    if number < minimum:
        raise FieldError(f"{minimum}以上の数を書いてください（「{value.strip()}」）。")
    return number


def amount(value: str) -> float:
    """A dose in mL: 0.5, 0.5ml, 0.5mL."""
    folded = fold(value).lower().removesuffix("ml").strip()
    if not re.fullmatch(r"\d+(\.\d+)?", folded) or float(folded) <= 0:
        raise FieldError(
            f"接種量として読めません: 「{value.strip()}」。"
            "0.5 のように mL の数で書いてください。"
        )
    return float(folded)


def month(value: str) -> str:
    """A billing month, YYYY-MM."""
    folded = fold(value).replace("/", "-")
    match = re.fullmatch(r"(\d{4})-(\d{1,2})", folded)
    if match is None or not 1 <= int(match[2]) <= 12:
        raise FieldError(
            f"月として読めません: 「{value.strip()}」。2024-04 のように書いてください。"
        )
    return f"{match[1]}-{int(match[2]):02d}"


def age_on(birth: dt.date, day: dt.date) -> int:
    """Age in whole years on `day` (the count used on 予診票)."""
    before_birthday = (day.month, day.day) < (birth.month, birth.day)
    return day.year - birth.year - before_birthday
