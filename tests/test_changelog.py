"""The rows of 別添２ written before git: change_log/<org>/<task>/before-git.yaml."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hpia.changelog import ChangeRow, change_log_file, read_rows
from hpia.errors import HpiaError

ROWS = """\
行:
  - 変更日: 2022-05-19
    項目: Ⅰ　基本情報 ４．個人番号の利用 法令上の根拠
    変更前の記載: |-
      ・番号法第9条第1項
    変更後の記載: |-
      ・番号法第9条第1項
      ・番号法第19条第6号
    提出時期: 事後
    提出時期に係る説明: ""
  - 変更日: （不明）
    項目: Ⅴ　評価実施手続 １．基礎項目評価 ①実施日
    変更前の記載: 令和3年4月1日
    変更後の記載: 令和4年4月1日
    提出時期: 事後
    提出時期に係る説明: 重要な変更の対象となる項目でないため。
"""


def test_the_file_sits_in_change_log_beside_assessments(tmp_path: Path) -> None:
    form = tmp_path / "assessments" / "city" / "task" / "juten.yaml"
    assert change_log_file(form) == (
        tmp_path.resolve() / "change_log" / "city" / "task" / "before-git.yaml"
    )


def test_a_form_outside_assessments_has_no_change_log(tmp_path: Path) -> None:
    assert change_log_file(tmp_path / "juten.yaml") is None


def test_no_file_means_no_rows(tmp_path: Path) -> None:
    assert read_rows(tmp_path / "before-git.yaml") == []
    assert read_rows(None) == []


def test_rows_are_read_in_the_order_of_the_file(tmp_path: Path) -> None:
    path = tmp_path / "before-git.yaml"
    path.write_text(ROWS, encoding="utf-8")

    rows = read_rows(path)

    assert rows == [
        ChangeRow(
            date=dt.date(2022, 5, 19),
            item="Ⅰ　基本情報 ４．個人番号の利用 法令上の根拠",
            before="・番号法第9条第1項",
            after="・番号法第9条第1項\n・番号法第19条第6号",
            timing="事後",
            reason="",
        ),
        ChangeRow(
            date=None,
            item="Ⅴ　評価実施手続 １．基礎項目評価 ①実施日",
            before="令和3年4月1日",
            after="令和4年4月1日",
            timing="事後",
            reason="重要な変更の対象となる項目でないため。",
        ),
    ]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            '    提出時期: 事後\n    提出時期に係る説明: ""',
            '    提出時期に係る説明: ""',
            "行1は 変更日、項目、変更前の記載、変更後の記載、提出時期、"
            "提出時期に係る説明 の6項目で書いてください。",
        ),
        (
            "変更日: 2022-05-19",
            "変更日: 令和4年5月19日",
            "行1の変更日は 2025-03-31 のように西暦で書いてください。"
            "分からないときは（不明）と書きます。",
        ),
    ],
    ids=["missing-column", "date-in-wareki"],
)
def test_a_malformed_row_is_named(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    path = tmp_path / "before-git.yaml"
    path.write_text(ROWS.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(HpiaError) as raised:
        read_rows(path)
    assert str(raised.value) == f"{path}: {message}"
