"""The 基礎 and the 重点 of one 事務 agree (spipa.md §1.3-1).

Every rule has a case that passes and one that fails; the failing one pins
the whole line `hpia check` prints.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import Run
from pair import QUIET_DAY, Edits, checked, of_rule, write_pair

SOURCE = "指針 第5 2（しきい値判断）"
KISO_NONE = "重大事故が発生したか: 発生なし"
JUTEN_INCIDENT = (
    "重大事故が発生したか: 発生なし\n"
    '          その内容: ""\n'
    '          再発防止策の内容: ""'
)

CASES = [
    pytest.param(
        "pair",
        (),
        None,
        0,
        [
            "juten.yaml:1:1: 文書: 参考: 同じフォルダに基礎項目評価書がありません。"
            "重点項目評価書は基礎項目評価書とともに提出・公表します。"
            f" [pair｜{SOURCE}]"
        ],
        id="focused-without-basic",
    ),
    pytest.param("pair", (), (), 0, [], id="focused-with-basic"),
    pytest.param(
        "pair-text",
        (),
        (("評価実施機関名: テスト市長", "評価実施機関名: テスト市教育委員会"),),
        0,
        [
            "kiso.yaml:9:12: 表紙 評価実施機関名: 警告: 重点項目評価書 表紙 "
            "評価実施機関名（juten.yaml:9:12）では「テスト市長」です。同じ事務の"
            "評価書どうしで一致させてください。"
            " [pair-text｜記載要領 表紙（評価実施機関名）]"
        ],
        id="another-agency",
    ),
    pytest.param(
        "pair-text",
        (),
        (("事務の名称: テスト事務", "事務の名称: テスト　事務"),),
        0,
        [],
        id="the-same-name-spaced-otherwise-passes",
    ),
    pytest.param(
        "pair-people",
        (),
        (
            (
                "対象人数は何人か: 10万人以上30万人未満",
                "対象人数は何人か: 30万人以上",
            ),
        ),
        1,
        [
            "kiso.yaml:39:23: Ⅱ-１ 評価対象の事務の対象人数は何人か: 重点項目評価書 "
            "Ⅰ-１-③ 対象人数（juten.yaml:16:11）は「10万人以上30万人未満」です。"
            f"対象人数は両方の評価書で一致させてください。 [pair-people｜{SOURCE}]"
        ],
        id="other-bands",
    ),
    pytest.param(
        "pair-people",
        (),
        (
            (
                "対象人数は何人か: 10万人以上30万人未満",
                "対象人数は何人か: １０万人以上３０万人未満",
            ),
        ),
        0,
        [],
        id="the-same-band-in-full-width-passes",
    ),
    pytest.param(
        "pair-result",
        (
            (
                "しきい値判断結果: 基礎項目評価及び重点項目評価の実施が義務付けられる",
                "しきい値判断結果: 基礎項目評価の実施が義務付けられる"
                "（任意に重点項目評価を実施）",
            ),
        ),
        (),
        1,
        [
            "juten.yaml:213:15: Ⅴ-１-② しきい値判断結果: 基礎項目評価書 Ⅲ しきい値"
            "判断結果（kiso.yaml:47:13）は「基礎項目評価及び重点項目評価の実施が"
            "義務付けられる」です。重点項目評価書のしきい値判断結果は基礎項目評価の"
            f"結果と一致させてください。 [pair-result｜{SOURCE}]"
        ],
        id="the-focused-says-voluntary",
    ),
    pytest.param("pair-result", (), (), 0, [], id="the-same-result-passes"),
    pytest.param(
        "pair-handlers",
        (("使用者数: 10人以上50人未満", "使用者数: 1,000人以上"),),
        (),
        1,
        [
            "kiso.yaml:42:29: Ⅱ-２ 特定個人情報ファイル取扱者数は500人以上か: "
            "「500人未満」としていますが、重点項目評価書（juten.yaml:71:17）の"
            "使用者数「1,000人以上」と委託先の取扱者数「10人未満」「10人未満」を"
            f"合わせると500人以上です。 [pair-handlers｜{SOURCE}]"
        ],
        id="the-focused-counts-500-or-more",
    ),
    pytest.param(
        "pair-handlers",
        (("使用者数: 10人以上50人未満", "使用者数: 100人以上500人未満"),),
        (),
        0,
        [],
        id="counts-that-may-stay-under-500-pass",
    ),
    pytest.param(
        "pair-incident",
        (),
        ((KISO_NONE, "重大事故が発生したか: 発生あり"),),
        1,
        [
            "juten.yaml:184:50: Ⅲ-７-リスク-② 過去３年以内に、評価実施機関において、"
            "個人情報に関する重大事故が発生したか: 基礎項目評価書 Ⅱ-３ 過去1年以内に、"
            "評価実施機関において特定個人情報に関する重大事故が発生したか"
            "（kiso.yaml:45:45）が「発生あり」です。過去1年以内の重大事故は過去３年"
            "以内の重大事故にも当たります。 [pair-incident｜様式2 Ⅱ３・様式3 Ⅲ７②]"
        ],
        id="an-incident-of-the-year-missing-from-three-years",
    ),
    pytest.param(
        "pair-incident",
        (
            (
                JUTEN_INCIDENT,
                "重大事故が発生したか: 発生あり\n"
                "          その内容: 書類の誤送付\n"
                "          再発防止策の内容: 送付前の二重確認",
            ),
        ),
        (),
        0,
        [],
        id="an-older-incident-of-personal-information-passes",
    ),
]


@pytest.mark.parametrize(("rule", "juten", "kiso", "code", "expected"), CASES)
def test_the_two_forms_of_a_task_agree(
    hpia: Callable[..., Run],
    tmp_path: Path,
    rule: str,
    juten: Edits,
    kiso: Edits | None,
    code: int,
    expected: list[str],
) -> None:
    folder = write_pair(tmp_path / "task", juten, kiso)
    result = checked(hpia, folder, "--today", QUIET_DAY)
    assert (result[0], of_rule(result[1], rule)) == (code, expected)
