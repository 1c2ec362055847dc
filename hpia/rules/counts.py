"""What the forms state about the inputs of the しきい値判断, and where.

The 基礎 asks for them directly (Ⅱ１ 対象人数, Ⅱ２ 取扱者数, Ⅱ３ 重大事故).
The 重点 states 対象人数 in Ⅰ１③ and, per 特定個人情報ファイル, the staff
who use it (Ⅱ３④ 使用者数) and the staff of each contractor (Ⅱ４②
委託先における取扱者数): their sum is the file's 取扱者数 (指針 第5 2:
the agency's staff and its contractors' who handle the file).
"""

from __future__ import annotations

from dataclasses import dataclass

from hpia.assessment import Assessment, Path
from hpia.catalog import kiso_r06_10
from hpia.rules.bands import Band, band
from hpia.values import is_unknown

UNBOUNDED = Band(0, None)


@dataclass(frozen=True)
class Stated:
    """A count as one form states it: its band, the item and the words."""

    band: Band
    assessment: Assessment
    path: Path
    words: str


def _choice(a: Assessment, ref: str) -> Stated | None:
    if not a.form.has(ref):
        return None
    value = a.value(ref)
    found = band(value) if isinstance(value, str) else None
    if found is None:
        return None
    return Stated(found, a, a.ref_path(ref), f"「{value}」")


def people(a: Assessment) -> Stated | None:
    """対象人数: Ⅱ１ of a 基礎, Ⅰ１③ of a 重点."""
    return _choice(a, "target_people")


def handlers(a: Assessment) -> Stated | None:
    """取扱者数 as the 基礎 answers it (Ⅱ２: 500人以上か)."""
    return _choice(a, "handler_count")


def serious_incident(a: Assessment) -> bool | None:
    """Ⅱ３ of a 基礎: a 重大事故 within the past year, or None if not said."""
    if not a.form.has("serious_incident"):
        return None
    answer = a.value("serious_incident")
    if answer is None or is_unknown(answer):
        return None
    happened, _none = kiso_r06_10.INCIDENT.options
    return bool(answer == happened)


def staff(a: Assessment) -> Stated | None:
    """取扱者数 as a 重点's staff counts imply it.

    The 事務's count is at least that of its busiest file and at most the
    sum over files (the same people may use several). The item pointed at
    is the 使用者数 of the busiest file.
    """
    if not a.form.has("users"):
        return None
    per_file = [_file_staff(a, f) for f in range(a.count("files"))]
    if not per_file:
        return None
    busiest = max(per_file, key=lambda s: s.band.low)
    high: int | None = 0
    for s in per_file:
        high = None if high is None or s.band.high is None else high + s.band.high
    return Stated(Band(busiest.band.low, high), a, busiest.path, busiest.words)


def _file_staff(a: Assessment, f: int) -> Stated:
    users = a.value("users", f)
    total = _band_of(users)
    contractors = []
    for e in range(a.count("entrustments", f)):
        value = a.value("handlers", f, e)
        total = total + _band_of(value)
        contractors.append(f"「{value}」")
    words = f"使用者数「{users}」"
    if contractors:
        words += f"と委託先の取扱者数{''.join(contractors)}"
    return Stated(total, a, a.ref_path("users", f), words)


def _band_of(value: object) -> Band:
    found = band(value) if isinstance(value, str) else None
    return found or UNBOUNDED
