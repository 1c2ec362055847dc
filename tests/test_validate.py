"""`hpia validate`: one located Japanese line per problem, never a traceback.

Each case edits the small valid fixture in one place and pins the whole
message line the user sees.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import FIXTURES, Run

MINIMAL = FIXTURES / "minimal" / "juten.yaml"


def edited(tmp_path: Path, *swaps: tuple[str, str], name: str = "juten.yaml") -> Path:
    text = MINIMAL.read_text(encoding="utf-8")
    for old, new in swaps:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def lines_of(run: Run, path: Path) -> list[str]:
    return [line.replace(str(path), "F") for line in run.out.splitlines()]


def test_the_minimal_fixture_is_valid(hpia: Callable[..., Run]) -> None:
    result = hpia("validate", MINIMAL)
    assert result.code == 0
    assert result.out == ""
    assert result.err == "1ファイルを検証: 誤り0件、警告0件\n"


CASES = [
    pytest.param(
        [("    対象人数: 10万人以上30万人未満", "    対象人数: 10万人以上")],
        [
            "F:16:11: Ⅰ-１-③ 対象人数: 「10万人以上」は選択肢にありません。"
            "選択肢: 「1,000人未満」「1,000人以上1万人未満」「1万人以上10万人未満」"
            "「10万人以上30万人未満」"
        ],
        id="value-outside-the-choices",
    ),
    pytest.param(
        [("    部署: 保健部テスト課", "    部所: 保健部テスト課")],
        [
            "F:37:3: Ⅰ-６-① 部署: 項目「部署」がありません。"
            "空欄の項目も「部署:」の行は残してください。",
            "F:38:5: Ⅰ-６ 評価実施機関における担当部署: "
            "様式にない項目「部所」があります。"
            "「部署」の書き間違いではありませんか。",
        ],
        id="unknown-key-with-a-suggestion",
    ),
    pytest.param(
        [("    所属長の役職名: テスト課長\n", "")],
        [
            "F:37:3: Ⅰ-６-② 所属長の役職名: 項目「所属長の役職名」がありません。"
            "空欄の項目も「所属長の役職名:」の行は残してください。"
        ],
        id="missing-item",
    ),
    pytest.param(
        [('  評価書番号: "12"', "  評価書番号: 010")],
        [
            "F:4:10: 表紙 評価書番号: 文字列ではなく数値として読まれました。"
            "書いたとおりの文字にするには引用符で囲んでください。"
            '（例: 評価書番号: "010"）'
        ],
        id="number-where-text-is-meant",
    ),
    pytest.param(
        [("    事務担当部署: 保健部テスト課", "    事務担当部署: 2021-04-01")],
        [
            "F:59:17: Ⅱ-２-⑥ 事務担当部署: 文字列ではなく日付として読まれました。"
            "書いたとおりの文字にするには引用符で囲んでください。"
            '（例: 事務担当部署: "2021-04-01"）'
        ],
        id="bare-date-where-text-is-meant",
    ),
    pytest.param(
        [
            ("様式: ", "%YAML 1.1\n---\n様式: "),
            ('  他の評価実施機関: ""', "  他の評価実施機関: no"),
        ],
        [
            "F:42:13: Ⅰ-７ 他の評価実施機関: 文字列ではなく真偽値として読まれました。"
            "書いたとおりの文字にするには引用符で囲んでください。"
            '（例: 他の評価実施機関: "no"）'
        ],
        id="yaml-1.1-no-is-not-silently-false",
    ),
    pytest.param(
        [("  公表日: 2025-04-15", "  公表日: 令和7年4月15日")],
        [
            "F:10:8: 表紙 公表日: 「令和7年4月15日」は日付として読めません。"
            "2025-04-15 のように西暦の年-月-日で記入してください。"
        ],
        id="date-not-iso",
    ),
    pytest.param(
        [("        - 宛名システム等\n", "        - 宛名システム\n")],
        [
            "F:22:11: Ⅰ-２-システム１-③ 他のシステムとの接続: 「宛名システム」は"
            "選択肢にありません。選択肢: 「情報提供ネットワークシステム」"
            "「庁内連携システム」"
            "「住民基本台帳ネットワークシステム」「既存住民基本台帳システム」"
            "「宛名システム等」「税務システム」「その他」"
        ],
        id="unknown-checkbox-label",
    ),
    pytest.param(
        [
            (
                '            再委託の許諾方法: ""',
                "            再委託の許諾方法: 口頭で許諾する",
            )
        ],
        [
            "F:87:23: Ⅱ-４-委託事項１-⑤ 再委託の許諾方法: "
            "「再委託しない」ときは空欄にしてください。"
        ],
        id="no-reentrust-but-a-permission-method",
    ),
    pytest.param(
        [("発生したか: 発生なし", "発生したか: 発生あり")],
        [
            "F:185:17: Ⅲ-７-リスク-② 過去３年以内に、評価実施機関において、"
            "個人情報に関する重大事故が発生したか その内容: "
            "「発生あり」のときは記入してください。",
            "F:186:21: Ⅲ-７-リスク-② 過去３年以内に、評価実施機関において、"
            "個人情報に関する重大事故が発生したか 再発防止策の内容: "
            "「発生あり」のときは記入してください。",
        ],
        id="incident-without-its-details",
    ),
    pytest.param(
        [("  評価書名: テスト事務　重点項目評価書", "  評価書名: テスト: 事務")],
        [
            "F:5:12: YAML構文（表紙 評価書名）: ここに「: 」は書けません。"
            "値に「: 」を含むときは値全体を引用符で囲んでください。"
        ],
        id="yaml-syntax-error",
    ),
    pytest.param(
        [("  公表日: 2025-04-15", "  公表日: 2025-04-15\n  公表日: 2025-04-16")],
        [
            "F:11:3: YAML構文（表紙 公表日）: キー「公表日」が同じ階層に2回あります"
            "（最初は10行目）。1つにまとめてください。"
        ],
        id="duplicate-key",
    ),
    pytest.param(
        [("  評価書名: テスト事務　重点項目評価書", "\t評価書名: x")],
        [
            "F:5:1: YAML構文（表紙 評価書名）: タブ文字は使えません。"
            "字下げは半角スペースで行ってください。"
        ],
        id="tab-indentation",
    ),
]


@pytest.mark.parametrize(("swaps", "expected"), CASES)
def test_each_problem_is_one_located_line(
    hpia: Callable[..., Run],
    tmp_path: Path,
    swaps: list[tuple[str, str]],
    expected: list[str],
) -> None:
    path = edited(tmp_path, *swaps)
    result = hpia("validate", path)
    assert lines_of(result, path) == expected
    assert result.code == 1


def test_full_width_choice_is_the_same_choice(
    hpia: Callable[..., Run], tmp_path: Path
) -> None:
    path = edited(
        tmp_path,
        (
            "    対象人数: 10万人以上30万人未満",
            "    対象人数: １０万人以上３０万人未満",
        ),
    )
    assert hpia("validate", path).code == 0


def test_yaml_1_2_keeps_no_as_text(hpia: Callable[..., Run], tmp_path: Path) -> None:
    path = edited(tmp_path, ('  他の評価実施機関: ""', "  他の評価実施機関: no"))
    assert hpia("validate", path).code == 0


def test_empty_file(hpia: Callable[..., Run], tmp_path: Path) -> None:
    path = tmp_path / "juten.yaml"
    path.write_text("# コメントだけ\n", encoding="utf-8")
    result = hpia("validate", path)
    assert lines_of(result, path) == [
        "F:1:1: 文書: ファイルが空です。評価書の内容を記入してください。"
    ]
    assert result.code == 1


def test_shift_jis_file_is_named_not_crashed(
    hpia: Callable[..., Run], tmp_path: Path
) -> None:
    path = tmp_path / "juten.yaml"
    path.write_bytes(MINIMAL.read_text(encoding="utf-8").encode("cp932"))
    result = hpia("validate", path)
    assert lines_of(result, path) == [
        "F:1:18: 文書: 文字コードが UTF-8 ではありません。"
        "Shift_JIS（CP932）で保存されているようです。"
        "エディタで文字コードを UTF-8 にして保存し直してください。"
    ]
    assert result.code == 1


def test_a_bad_file_does_not_stop_the_next_one(
    hpia: Callable[..., Run], tmp_path: Path
) -> None:
    bad = tmp_path / "a" / "juten.yaml"
    bad.parent.mkdir()
    bad.write_bytes("様式: 様式３\n".encode("cp932"))
    (tmp_path / "b").mkdir()
    edited(tmp_path / "b")
    result = hpia("validate", tmp_path)
    assert result.out.count("\n") == 1
    assert "a/juten.yaml:1:1: 文書: 文字コードが UTF-8 ではありません。" in result.out
    assert result.err == "2ファイルを検証: 誤り1件、警告0件\n"


def test_missing_path_is_a_usage_error(
    hpia: Callable[..., Run], tmp_path: Path
) -> None:
    missing = tmp_path / "nothere.yaml"
    result = hpia("validate", missing)
    assert result.code == 2
    assert (
        result.err == f"エラー: {missing}: ファイルまたはフォルダが見つかりません。\n"
    )


def test_unknown_form_stamp_lists_the_known_ones(
    hpia: Callable[..., Run], tmp_path: Path
) -> None:
    path = edited(tmp_path, ("様式: 令和６年10月　様式３", "様式: 平成26年4月　様式３"))
    result = hpia("validate", path)
    assert lines_of(result, path) == [
        "F:2:5: 様式: 「平成26年4月　様式３」は対応していない様式です。"
        "対応している様式: 「令和６年10月　様式３」、「令和６年10月　様式２」"
    ]


def test_a_count_that_disagrees_is_a_warning(
    hpia: Callable[..., Run], tmp_path: Path
) -> None:
    path = edited(tmp_path, ("        件数: 2", "        件数: 3"))
    result = hpia("validate", path)
    assert lines_of(result, path) == [
        "F:79:13: Ⅱ-４ 委託の有無 件数: 警告: "
        "件数は3件ですが、委託事項は2件記入されています。"
    ]
    assert result.code == 0
    assert result.err == "1ファイルを検証: 誤り0件、警告1件\n"
