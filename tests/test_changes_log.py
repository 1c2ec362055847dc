"""change_log/: where it is, and what its records say."""

from __future__ import annotations

from pathlib import Path

import pytest

from hpia.changes.change_log import ChangeLogError, change_log_folder, load


def test_change_log_sits_beside_assessments() -> None:
    folder = Path("assessments") / "hitachinaka" / "yobou-sesshu"
    assert change_log_folder(folder) == Path("change_log/hitachinaka/yobou-sesshu")


def test_a_folder_outside_assessments_has_no_change_log(tmp_path: Path) -> None:
    assert change_log_folder(tmp_path / "task") is None


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / "change_log" / "org" / "task" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


DECISION = """\
判断:
  - 項目: Ⅰ基本情報 ６．評価実施機関における担当部署 ①部署
    内容ハッシュ: sha256:abc
    審査者: 法務課
    審査日: {day}
    結論: {verdict}
    提出時期: {timing}
    理由: {reason}
"""


def test_the_latest_decision_on_a_row_counts(tmp_path: Path) -> None:
    item = "Ⅰ基本情報 ６．評価実施機関における担当部署 ①部署"
    write(
        tmp_path,
        "decisions/a.yaml",
        DECISION.format(
            day="2025-06-03", verdict="提出時期の変更", timing="事後", reason="軽微"
        ),
    )
    write(
        tmp_path,
        "decisions/b.yaml",
        DECISION.format(
            day="2025-06-05", verdict="提出時期の変更", timing="事前", reason="再考"
        ),
    )

    log = load(tmp_path / "assessments" / "org" / "task")
    decision = log.decision_for(item, "sha256:abc")
    assert decision is not None
    assert (decision.timing, decision.reason) == ("事前", "再考")
    assert log.decision_for(item, "sha256:other") is None


def test_a_commit_must_be_written_as_its_id(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "publications.yaml",
        "公表:\n  - 公表日: 2025-04-15\n    コミット: HEAD~1\n",
    )

    with pytest.raises(ChangeLogError) as caught:
        load(tmp_path / "assessments" / "org" / "task")
    assert str(caught.value) == (
        f"{path}:3:11: 公表1 コミット: 「HEAD~1」はコミットの ID ではありません。"
        "git log に出る 7〜40 桁の16進数で記入してください。"
    )


def test_a_retiming_needs_its_timing_and_reason(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "decisions/a.yaml",
        DECISION.format(
            day="2025-06-03", verdict="提出時期の変更", timing="事後", reason='""'
        ),
    )

    with pytest.raises(ChangeLogError) as caught:
        load(tmp_path / "assessments" / "org" / "task")
    assert str(caught.value) == (
        f"{path}:2:5: 判断1: "
        "結論が「提出時期の変更」のときは、提出時期と理由を記入してください。"
    )
