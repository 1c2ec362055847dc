"""Lint: what a reviewer would mark before publication (all warnings).

Every rule has a case that passes and one that fails; the failing one pins
the whole line `hpia check` prints, at the offending words themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import Run
from pair import QUIET_DAY, Edits, checked, of_rule, write_pair

from hpia.rules.citations import repealed_citations

CITED = (
    "[repealed-citation｜番号法の改正（令和6年施行）・令和6年デジタル庁・総務省令第9号]"
)
EVERY = "指針 第10（審査の観点: 様式で求める全ての項目の記載）"
BASIS = "・番号法第9条第1項　別表の14の項"
TEXT = "      テストのための事務を行う。"

CASES = [
    pytest.param(
        "repealed-citation",
        (
            (
                BASIS,
                "・番号法第9条第1項　別表第1の14の項\n"
                "      ・行政手続における特定の個人を識別するための番号の利用等に関する"
                "法律別表第二の主務省令で定める事務及び情報を定める命令第12条",
            ),
        ),
        [
            "juten.yaml:32:18: Ⅰ-４ 法令上の根拠: 警告: 「別表第1」（番号法別表第一）は"
            "令和6年施行の番号法改正でなくなりました。現在は番号法別表（例: 番号法第9条"
            f"第1項 別表の14の項）です。 {CITED}",
            "juten.yaml:33:41: Ⅰ-４ 法令上の根拠: 警告: 「別表第二の主務省令で定める"
            "事務及び情報を定める命令」（番号法別表第二の主務省令で定める事務及び情報を"
            "定める命令）は令和6年施行の番号法改正でなくなりました。現在は番号法第十九条"
            "第八号に基づく利用特定個人情報の提供に関する命令（令和6年デジタル庁・"
            f"総務省令第9号）です。 {CITED}",
        ],
        id="the-tables-of-the-my-number-act-before-2024",
    ),
    pytest.param(
        "repealed-citation",
        ((BASIS, f"{BASIS}\n      ・住民基本台帳法別表第一"),),
        [],
        id="another-laws-table-passes",
    ),
    pytest.param(
        "choice-width",
        (
            (
                "    対象人数: 10万人以上30万人未満",
                "    対象人数: １０万人以上３０万人未満",
            ),
            ("        - 宛名システム等", "        - 宛名システム 等"),
        ),
        [
            "juten.yaml:16:11: Ⅰ-１-③ 対象人数: 警告: 「１０万人以上３０万人未満」は"
            "様式の表記「10万人以上30万人未満」と全角・半角や空白が違います。様式どおりに"
            "書いてください。 [choice-width｜様式（＜選択肢＞の文言）]",
            "juten.yaml:22:11: Ⅰ-２-システム１-③ 他のシステムとの接続: 警告: 「宛名"
            "システム 等」は様式の表記「宛名システム等」と全角・半角や空白が違います。"
            "様式どおりに書いてください。 [choice-width｜様式（＜選択肢＞の文言）]",
        ],
        id="a-choice-and-a-box-in-other-widths",
    ),
    pytest.param("choice-width", (), [], id="the-forms-own-words-pass"),
    pytest.param(
        "placeholder",
        (
            ("  評価実施機関名: テスト市長", "  評価実施機関名: ○○市長"),
            ("        事務担当部署: 保健部テスト課", "        事務担当部署: 未定"),
        ),
        [
            "juten.yaml:9:12: 表紙 評価実施機関名: 警告: 「○○」は記入例の伏せ字のまま"
            f"です。実際の内容を記入してください。 [placeholder｜{EVERY}]",
            "juten.yaml:59:17: Ⅱ-２-⑥ 事務担当部署: 警告: 「未定」のままです。公表する"
            f"前に決まった内容を記入してください。 [placeholder｜{EVERY}]",
        ],
        id="a-template-mark-and-undecided",
    ),
    pytest.param(
        "placeholder",
        (
            ("    実施の有無: 実施する", "    実施の有無: 未定"),
            (TEXT, "      ○テストのための事務を行う。"),
        ),
        [],
        id="undecided-as-a-choice-and-a-bullet-pass",
    ),
    pytest.param(
        "empty-item",
        ((TEXT, "      "),),
        [
            "juten.yaml:14:12: Ⅰ-１-② 事務の内容: 警告: 記入がありません。様式の項目は"
            "全て検討して記入してください（該当しなければ「なし」「－」など）。"
            f" [empty-item｜{EVERY}]"
        ],
        id="required-text-left-empty",
    ),
    pytest.param(
        "empty-item",
        (
            ("接続しない（入手）: false", "接続しない（入手）: true"),
            ("照会許可用照合リストで確認する。", ""),
        ),
        [],
        id="optional-or-not-applicable-items-may-stay-empty",
    ),
    pytest.param(
        "mixed-commas",
        ((TEXT, "      テスト、事務を行う。"),),
        [
            "juten.yaml:15:10: Ⅰ-１-② 事務の内容: 警告: 読点に「，」（2か所）と"
            "「、」（1か所）が混在しています。多い方の「，」にそろえてください（少ない方"
            "の「、」の最初はここ）。 [mixed-commas｜公用文作成の考え方（令和4年 "
            "文化審議会建議: 読点の統一）]"
        ],
        id="both-commas",
    ),
    pytest.param("mixed-commas", (), [], id="one-comma-and-choice-wording-pass"),
]


@pytest.mark.parametrize(("rule", "juten", "expected"), CASES)
def test_lint_warns_at_the_words_to_change(
    hpia: Callable[..., Run],
    tmp_path: Path,
    rule: str,
    juten: Edits,
    expected: list[str],
) -> None:
    folder = write_pair(tmp_path / "task", juten)
    code, found = checked(hpia, folder, "--today", QUIET_DAY)
    assert (code, of_rule(found, rule)) == (0, expected)


def test_a_table_is_the_my_number_acts_only_when_the_citation_names_it() -> None:
    text = "・番号法第19条第8号　別表第2の115の2の項\n・住民基本台帳法別表第二"
    assert [c.text for c in repealed_citations(text)] == ["別表第2"]


def test_a_repealed_ordinance_is_reported_once_not_also_as_its_table() -> None:
    text = "番号の利用等に関する法律別表第一の主務省令で定める事務を定める命令第10条"
    found = list(repealed_citations(text))
    assert [c.repealed.was for c in found] == [
        "番号法別表第一の主務省令で定める事務を定める命令"
    ]
