"""What `hpia render` prints stays one line per problem, whatever it quotes."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import Run
from filled import write_filled
from renders import FORM, assessment_folder, filled_assessment, without_notes

from hpia.changes import Row as ChangeRow
from hpia.errors import HpiaError
from hpia.render import render
from hpia.render.pdf import complaint

REPLACE = "別の文字（異体字なら通常の字体など）に置き換えてください。"


def test_a_multi_line_value_is_quoted_on_one_line(
    tmp_path: Path, hpia: Callable[..., Run]
) -> None:
    folder = assessment_folder(tmp_path)
    form = write_filled(FORM, folder / FORM.filename)
    text = form.read_text(encoding="utf-8")
    old = "対象人数: 10万人以上30万人未満"
    form.write_text(text.replace(old, "対象人数: |-\n      多数\n      少数"))

    result = hpia("render", folder, "-o", tmp_path / "out.pdf")

    assert result.code == 1
    assert result.err.splitlines() == [
        f"{form}:19:11: Ⅰ-１-③ 対象人数: 「多数⏎少数」は選択肢にありません。"
        "選択肢: 「1,000人未満」「1,000人以上1万人未満」「1万人以上10万人未満」"
        "「10万人以上30万人未満」"
    ]


def test_a_line_separator_the_fonts_lack_is_named_not_printed(
    tmp_path: Path,
) -> None:
    """A 別添２ row from git is not checked for hidden characters as a form is."""
    row = ChangeRow(dt.date(2025, 4, 1), "項目", "前の\u2028記載", "後", "事後", "")

    with pytest.raises(HpiaError) as raised:
        render(filled_assessment(tmp_path), [row])

    assert str(raised.value) == (
        "別添２の1行目の変更前の記載: 改行文字（U+2028）は"
        f"PDFのフォントにない文字です。{REPLACE}"
    )


def test_a_weasyprint_warning_is_quoted_on_one_line() -> None:
    record = logging.LogRecord(
        "weasyprint", logging.WARNING, "", 0, "Ignored `%s`", ("a:\n  b",), None
    )
    assert complaint(record) == "PDFの作成中に問題がありました（Ignored `a:⏎  b`）。"


def test_a_path_with_a_line_break_is_quoted_on_one_line(
    tmp_path: Path, hpia: Callable[..., Run]
) -> None:
    folder = assessment_folder(tmp_path)
    write_filled(FORM, folder / FORM.filename)
    out = tmp_path / "no\nsuch" / "out.pdf"

    result = hpia("render", folder, "-o", out)

    shown = str(out).replace("\n", "⏎")
    assert result.code == 1
    assert without_notes(result.err) == (
        f"エラー: {shown} に書き出せません（No such file or directory）。\n"
    )
