"""The clock: 見直し, 5年経過前の再実施, and publication after the end.

Every rule has a case that passes and one that fails; the failing one pins
the whole line `hpia check` prints. The fixtures' last 公表日 is
2025-04-15 and their 基礎項目評価 実施日 2024-04-01.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import Run
from pair import Edits, checked, of_rule, write_pair

from hpia.rules.deadlines import years_after

REVIEW = "[yearly-review｜規則第14条（評価書の見直し）]"
REASSESS = "[five-year-reassessment｜規則第15条（一定期間経過前の再実施）]"
ENDED = "[ended｜記載要領 表紙（評価書名: 事務の終了）]"
TITLE = "評価書名: テスト事務　重点項目評価書"
ENDED_TITLE = ((TITLE, f"{TITLE}【令和7年3月31日 終了】"),)

CASES = [
    pytest.param("yearly-review", (), "2026-04-14", [], id="review-not-yet-due"),
    pytest.param(
        "yearly-review",
        (),
        "2026-04-15",
        [
            "juten.yaml:10:8: 表紙 公表日: 警告: 年1回の見直しの期限 2026-04-15"
            "（令和8年4月15日）は今日です。最後の公表日は 2025-04-15（令和7年4月15日）"
            "です。記載内容を確認し、変わったところがあれば評価書を修正して公表して"
            f"ください。 {REVIEW}"
        ],
        id="review-due-today",
    ),
    pytest.param(
        "yearly-review",
        (("実施日: 2024-04-01", "実施日: 2025-06-01"),),
        "2026-12-03",
        [
            "juten.yaml:212:10: Ⅴ-１-① 実施日: 警告: 年1回の見直しの期限 2026-06-01"
            "（令和8年6月1日）を過ぎています。最後の基礎項目評価の実施日は 2025-06-01"
            "（令和7年6月1日）です。記載内容を確認し、変わったところがあれば評価書を"
            f"修正して公表してください。 {REVIEW}"
        ],
        id="review-overdue-counted-from-a-later-basic-assessment",
    ),
    pytest.param("five-year-reassessment", (), "2030-04-14", [], id="within-5-years"),
    pytest.param(
        "five-year-reassessment",
        (),
        "2030-04-15",
        [
            "juten.yaml:10:8: 表紙 公表日: 警告: 公表日 2025-04-15（令和7年4月15日）"
            "から5年の期限 2030-04-15（令和12年4月15日）が来ています。5年を経過する"
            f"前に特定個人情報保護評価を再実施してください。 {REASSESS}"
        ],
        id="5-years-since-publication",
    ),
    pytest.param(
        "ended",
        ENDED_TITLE,
        "2028-03-30",
        [
            "juten.yaml:5:9: 表紙 評価書名: 参考: 事務は 2025-03-31（令和7年3月31日）"
            "に終了しています。評価書は終了から3年の 2028-03-31（令和10年3月31日）"
            f"まで公表を続けてください。 {ENDED}"
        ],
        id="ended-still-to-be-kept-published",
    ),
    pytest.param(
        "ended",
        ENDED_TITLE,
        "2028-03-31",
        [
            "juten.yaml:5:9: 表紙 評価書名: 警告: 事務の終了 2025-03-31"
            "（令和7年3月31日）から3年（2028-03-31）が経ち、公表を続ける義務の期間は"
            "終わりました。"
            f"公表を終えるかどうかを決めてください。 {ENDED}"
        ],
        id="ended-three-years-ago",
    ),
    pytest.param(
        "ended",
        ((TITLE, f"{TITLE}【令和○年○月○日 終了】"),),
        "2025-06-01",
        [
            "juten.yaml:5:9: 表紙 評価書名: 警告: 「【令和○年○月○日 終了】」の"
            "終了日を日付として読めません。【令和7年3月31日 終了】のように記入して"
            f"ください。 {ENDED}"
        ],
        id="end-date-unreadable",
    ),
    pytest.param("ended", (), "2025-06-01", [], id="not-ended"),
]


@pytest.mark.parametrize(("rule", "juten", "today", "expected"), CASES)
def test_what_falls_due_is_a_warning_naming_the_day(
    hpia: Callable[..., Run],
    tmp_path: Path,
    rule: str,
    juten: Edits,
    today: str,
    expected: list[str],
) -> None:
    folder = write_pair(tmp_path / "task", juten)
    code, found = checked(hpia, folder, "--today", today)
    assert (code, of_rule(found, rule)) == (0, expected)


def test_an_ended_task_owes_no_review_and_no_reassessment(
    hpia: Callable[..., Run], tmp_path: Path
) -> None:
    folder = write_pair(tmp_path / "task", ENDED_TITLE)
    code, found = checked(hpia, folder, "--today", "2030-06-01")
    assert code == 0
    assert of_rule(found, "yearly-review") == []
    assert of_rule(found, "five-year-reassessment") == []
    assert len(of_rule(found, "ended")) == 1


def test_a_year_after_29_february_is_28_february() -> None:
    assert years_after(dt.date(2024, 2, 29), 1) == dt.date(2025, 2, 28)
    assert years_after(dt.date(2024, 2, 29), 4) == dt.date(2028, 2, 29)


def test_a_recorded_publication_after_the_cover_date_restarts_the_review(
    hpia: Callable[..., Run], tmp_path: Path
) -> None:
    folder = write_pair(tmp_path / "assessments" / "org" / "task")
    record = tmp_path / "change_log" / "org" / "task" / "publications.yaml"
    record.parent.mkdir(parents=True)
    record.write_text(
        "公表:\n"
        "  - 公表日: 2025-10-01\n"
        "    コミット: 0123456789abcdef0123456789abcdef01234567\n",
        encoding="utf-8",
    )
    code, found = checked(hpia, folder, "--today", "2026-06-01")
    assert (code, of_rule(found, "yearly-review")) == (0, [])

    code, found = checked(hpia, folder, "--today", "2026-10-01")
    assert of_rule(found, "yearly-review") == [
        f"{record}:2:5: 公表の記録: 警告: 年1回の見直しの期限 2026-10-01"
        "（令和8年10月1日）は今日です。最後の公表日（公表の記録）は 2025-10-01"
        "（令和7年10月1日）です。記載内容を確認し、変わったところがあれば評価書を"
        f"修正して公表してください。 {REVIEW}"
    ]
