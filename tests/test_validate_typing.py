"""Slips people make typing Japanese YAML, each reported at its own line.

YAML stops parsing lines after such a slip; these tests pin that the
message names the line of the slip and says what to do.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import Run
from test_validate import edited, lines_of

NEL = "\u0085"
ZWSP = "\u200b"
LINE_SEPARATOR = "\u2028"

CASES = [
    pytest.param(
        ("  公表日: 2025-04-15", "  公表日: 2025-02-30"),
        "F:10:8: 表紙 公表日: 「2025-02-30」は存在しない日付です。",
        id="impossible-date",
    ),
    pytest.param(
        ("  評価実施機関名: テスト市長", "　評価実施機関名: テスト市長"),
        "F:9:1: YAML構文（表紙 評価実施機関名）: 字下げに全角スペースが使われています。"
        "半角スペースで字下げしてください。",
        id="full-width-indent",
    ),
    pytest.param(
        ("  評価実施機関名: テスト市長", "  評価実施機関名：テスト市長"),
        "F:9:10: YAML構文（表紙 評価実施機関名）: 全角の「：」ではキーと値を"
        "区切れません。半角の「:」と空白を使ってください。",
        id="full-width-colon",
    ),
    pytest.param(
        ("  評価実施機関名: テスト市長", "  評価実施機関名:テスト市長"),
        "F:9:11: YAML構文（表紙 評価実施機関名）: 「:」の後に半角スペースを"
        "入れてください。",
        id="no-space-after-colon",
    ),
    pytest.param(
        ("    事務の名称: テスト事務", "    事務の名称:　テスト事務"),
        "F:13:11: YAML構文（Ⅰ-１-① 事務の名称）: 「:」の後が全角スペースです。"
        "半角スペースにしてください。",
        id="full-width-space-after-colon",
    ),
    pytest.param(
        ("    事務の名称: テスト事務", '    事務の名称: "テスト事務'),
        'F:13:12: YAML構文（Ⅰ-１-① 事務の名称）: 引用符（"）がこの行で閉じられて'
        "いません。閉じるか、引用符を外してください。",
        id="unclosed-quote",
    ),
    pytest.param(
        ("    事務の名称: テスト事務", "    事務の名称: [別紙参照] テスト事務"),
        "F:13:12: YAML構文（Ⅰ-１-① 事務の名称）: 「[」で始まる値は一覧として"
        "読まれます。値全体を引用符で囲んでください。",
        id="value-starting-with-a-bracket",
    ),
    pytest.param(
        ("    事務の名称: テスト事務", "    事務の名称: !重要 テスト事務"),
        "F:13:12: YAML構文（Ⅰ-１-① 事務の名称）: 「!重要」はYAMLの型の指定として"
        "読まれます。文字としての「!」なら値全体を引用符で囲んでください。",
        id="value-starting-with-a-bang",
    ),
    pytest.param(
        ("    事務の名称: テスト事務", "    事務の名称: !!int a"),
        "F:13:12: YAML構文（Ⅰ-１-① 事務の名称）: 「!!int」はYAMLの型の指定として"
        "読まれます。文字としての「!」なら値全体を引用符で囲んでください。",
        id="explicit-tag-that-would-fail-to-convert",
    ),
    pytest.param(
        ("    事務の内容: |-\n", "    事務の内容: |-\n          \n"),
        "F:15:1: YAML構文（Ⅰ-１-② 事務の内容）: 「|-」などの後の空行に、"
        "本文より深く空白が入っています。空行の空白を削除してください。",
        id="indented-blank-line-opening-a-block",
    ),
    pytest.param(
        ("    事務の内容: |-\n", "    事務の内容: |x\n"),
        "F:14:13: YAML構文（Ⅰ-１-② 事務の内容）: 「|」の後に書けるのは「-」か「+」"
        "だけです。本文は次の行から字下げして書いてください。",
        id="bad-block-indicator",
    ),
    pytest.param(
        ("  公表日: 2025-04-15", "  公表日: [2025-04-15]"),
        "F:10:3: 表紙 公表日: 一覧ではなく、値を1つだけ書いてください。",
        id="a-list-where-one-date-is-meant",
    ),
    pytest.param(
        ("          使用者数: 10人以上50人未満", "          使用者数: 50"),
        "F:71:17: Ⅱ-３-④ 使用者数: 「50」は選択肢にありません。選択肢: 「10人未満」"
        "「10人以上50人未満」「50人以上100人未満」「100人以上500人未満」"
        "「500人以上1,000人未満」「1,000人以上」",
        id="a-number-where-a-choice-is-meant",
    ),
    pytest.param(
        ('    結果: ""\n', '    結果: ""\n---\na: 1\n'),
        "F:222:1: YAML構文（Ⅴ-３-③ 結果）: 1つのファイルに書ける評価書は1つです。"
        "「---」は使えません。",
        id="a-second-document",
    ),
    pytest.param(
        ("  評価実施機関名: テスト市長", f"  評価実施機関名: テスト{NEL}市長"),
        "F:9:15: 表紙 評価実施機関名: 見えない文字（改行（NEL）、U+0085）があります。"
        "削除するか、通常の空白・改行に置き換えてください。",
        id="next-line-character",
    ),
    pytest.param(
        ("  評価実施機関名: テスト市長", f"  評価実施機関名: テスト{ZWSP}市長"),
        "F:9:15: 表紙 評価実施機関名: 見えない文字（幅のない空白、U+200B）が"
        "あります。削除するか、通常の空白・改行に置き換えてください。",
        id="zero-width-space",
    ),
    pytest.param(
        (
            "  評価実施機関名: テスト市長",
            f"  評価実施機関名: テスト{LINE_SEPARATOR}市長",
        ),
        "F:9:15: 表紙 評価実施機関名: 見えない文字（行区切り、U+2028）があります。"
        "削除するか、通常の空白・改行に置き換えてください。",
        id="line-separator",
    ),
    pytest.param(
        ("        委託しない: false", "        委託しない:"),
        "F:149:9: Ⅲ-４ 委託しない: チェックの有無がありません。"
        "チェックありは true、なしは false と記入してください。",
        id="empty-flag",
    ),
]


@pytest.mark.parametrize(("swap", "expected"), CASES)
def test_a_slip_is_reported_at_its_line(
    hpia: Callable[..., Run], tmp_path: Path, swap: tuple[str, str], expected: str
) -> None:
    path = edited(tmp_path, swap)
    result = hpia("validate", path)
    assert lines_of(result, path) == [expected]
    assert result.code == 1


def test_a_comment_cutting_a_value_is_a_warning(
    hpia: Callable[..., Run], tmp_path: Path
) -> None:
    path = edited(tmp_path, ("    連絡先: テスト課", "    連絡先: テスト課 #内線123"))
    result = hpia("validate", path)
    assert lines_of(result, path) == [
        "F:207:10: Ⅳ-２-① 連絡先: 警告: 値の後の「 #」から行末まではコメントとして"
        "無視されます（#内線123）。値に含めるなら値全体を引用符で囲んでください。"
    ]
    assert result.code == 0


def test_a_quoted_value_keeps_its_hash(
    hpia: Callable[..., Run], tmp_path: Path
) -> None:
    path = edited(tmp_path, ("    連絡先: テスト課", '    連絡先: "テスト課 #内線123"'))
    assert hpia("validate", path).out == ""


def test_the_cut_comment_is_quoted_without_the_comments_after_it(
    hpia: Callable[..., Run], tmp_path: Path
) -> None:
    path = edited(
        tmp_path,
        (
            "    連絡先: テスト課\n",
            "    連絡先: テスト課 #内線123\n    # 次の行の説明\n",
        ),
    )
    (line,) = lines_of(hpia("validate", path), path)
    assert "（#内線123）。" in line
    assert "次の行" not in line
