"""The clock: what falls due after a 評価書 is published.

- 見直し: at least once a year the agency reviews what its 評価書 say
  (規則第14条, an effort duty). Due one year after the last 公表日 or
  基礎項目評価 実施日 (重点 Ⅴ１①), whichever is later.
- 再実施: before five years have passed since the 評価書 was published
  (規則第15条, an effort duty). The 公表日 on the cover also moves with a
  修正, so the change table, once read, can only make this date earlier.
- After the 事務 ends (【…終了】 in the 評価書名): keep the 評価書 published
  for at least three years (記載要領 表紙, 評価書名); the two duties above
  end with the 事務.

Each is a warning once its day has come, naming the day.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from hpia.assessment import Assessment, Path
from hpia.catalog import labels
from hpia.changes import change_log
from hpia.dossier import Dossier
from hpia.errors import HpiaError
from hpia.problems import Level, Problem
from hpia.wareki import from_wareki, to_wareki

REVIEW = "規則第14条（評価書の見直し）"
REASSESS = "規則第15条（一定期間経過前の再実施）"
ENDED = "記載要領 表紙（評価書名: 事務の終了）"

_ENDED = re.compile(r"【\s*([^】]*?)\s*終了\s*】")


# The dates the clock reads, by catalog ref, and what messages call them.
DATES = {"published": "公表日", "basic_done": "基礎項目評価の実施日"}


@dataclass(frozen=True)
class Dated:
    """A date, what it is, and the place that states it (for messages)."""

    day: dt.date
    what: str
    file: str
    line: int
    col: int
    label: str

    @classmethod
    def stated(cls, day: dt.date, a: Assessment, path: Path, what: str) -> Dated:
        """A date a form states at `path`."""
        line, col = a.position(path)
        return cls(day, what, a.file, line, col, labels.item_label(a.form, path))

    def problem(self, message: str, level: Level, rule: str, source: str) -> Problem:
        return Problem(
            self.file, self.line, self.col, self.label, message, level, rule, source
        )


def years_after(day: dt.date, years: int) -> dt.date:
    """The same day `years` later; 29 February falls on the 28th."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def shown(day: dt.date) -> str:
    """「2026-04-15（令和8年4月15日）」: the YAML's date and the printed one."""
    return f"{day.isoformat()}（{to_wareki(day)}）"


def check(d: Dossier, today: dt.date) -> Iterator[Problem]:
    ended = list(_end_dates(d))
    if ended:
        for end in ended:
            yield from _kept_published(end, today)
        return
    published = [*_dates(d, "published"), *_recorded(d)]
    done = list(_dates(d, "basic_done"))
    yield from _review(max(published + done, key=_day, default=None), today)
    yield from _reassessment(max(published, key=_day, default=None), today)


def _day(dated: Dated) -> dt.date:
    return dated.day


def _dates(d: Dossier, ref: str) -> Iterator[Dated]:
    for a in d.assessments:
        if a.form.has(ref) and isinstance(a.value(ref), dt.date):
            yield Dated.stated(a.value(ref), a, a.ref_path(ref), DATES[ref])


def _recorded(d: Dossier) -> Iterator[Dated]:
    """The publications change_log/ records for the folder (hpia changes).

    A 修正 published without its cover's 公表日 being updated still counts:
    the record of the publication is the other witness of the date.
    """
    try:
        logged = change_log.load(d.folder)
    except HpiaError:
        return  # hpia changes reports a broken change_log/ in full
    for located in logged.publications:
        yield Dated(
            located.record.published,
            "公表日（公表の記録）",
            located.file,
            located.line,
            located.col,
            "公表の記録",
        )


def _review(last: Dated | None, today: dt.date) -> Iterator[Problem]:
    if last is None:
        return
    due = years_after(last.day, 1)
    if today < due:
        return
    when = "は今日です" if today == due else "を過ぎています"
    yield last.problem(
        f"年1回の見直しの期限 {shown(due)}{when}。最後の{last.what}は"
        f" {shown(last.day)}です。記載内容を確認し、変わったところがあれば"
        "評価書を修正して公表してください。",
        Level.WARNING,
        rule="yearly-review",
        source=REVIEW,
    )


def _reassessment(last: Dated | None, today: dt.date) -> Iterator[Problem]:
    if last is None:
        return
    due = years_after(last.day, 5)
    if today < due:
        return
    yield last.problem(
        f"{last.what} {shown(last.day)}から5年の期限 {shown(due)}が来ています。"
        "5年を経過する前に特定個人情報保護評価を再実施してください。",
        Level.WARNING,
        rule="five-year-reassessment",
        source=REASSESS,
    )


def _end_dates(d: Dossier) -> Iterator[Dated | Problem]:
    """The end of the 事務, from 【…終了】 in any 評価書名 of the pair."""
    for a in d.assessments:
        title = a.value("title") if a.form.has("title") else None
        found = _ENDED.search(title) if isinstance(title, str) else None
        if found is None:
            continue
        path = a.ref_path("title")
        day = _read_day(found.group(1))
        if day is None:
            yield a.problem(
                path,
                f"「{found.group(0)}」の終了日を日付として読めません。"
                "【令和7年3月31日 終了】のように記入してください。",
                Level.WARNING,
                rule="ended",
                source=ENDED,
            )
        else:
            yield Dated.stated(day, a, path, "終了日")


def _read_day(text: str) -> dt.date | None:
    folded = "".join(unicodedata.normalize("NFKC", text).split())
    for read in (from_wareki, dt.date.fromisoformat):
        try:
            return read(folded)
        except ValueError:
            continue
    return None


def _kept_published(end: Dated | Problem, today: dt.date) -> Iterator[Problem]:
    if isinstance(end, Problem):
        yield end
        return
    until = years_after(end.day, 3)
    if today < until:
        yield end.problem(
            f"事務は {shown(end.day)}に終了しています。評価書は終了から3年の"
            f" {shown(until)}まで公表を続けてください。",
            Level.INFO,
            rule="ended",
            source=ENDED,
        )
        return
    yield end.problem(
        f"事務の終了 {shown(end.day)}から3年（{until.isoformat()}）が経ち、"
        "公表を続ける義務の期間は終わりました。公表を終えるかどうかを決めてください。",
        Level.WARNING,
        rule="ended",
        source=ENDED,
    )
