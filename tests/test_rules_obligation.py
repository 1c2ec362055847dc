"""Each form declares the evaluations the law requires (指針 第5 2).

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
JUTEN_FOCUSED = "しきい値判断結果: 基礎項目評価及び重点項目評価の実施が義務付けられる"
JUTEN_VOLUNTARY = (
    "しきい値判断結果: 基礎項目評価の実施が義務付けられる（任意に重点項目評価を実施）"
)
KISO_FOCUSED = "  しきい値判断結果: 基礎項目評価及び重点項目評価の実施が義務付けられる"
USERS = "使用者数: 10人以上50人未満"
PEOPLE = "対象人数: 10万人以上30万人未満"
KISO_PEOPLE = "評価対象の事務の対象人数は何人か: 10万人以上30万人未満"
SMALLER = (
    (f"    {PEOPLE}", "    対象人数: 1万人以上10万人未満"),
    (
        "対象となる本人の数: 10万人以上100万人未満",
        "対象となる本人の数: 1万人以上10万人未満",
    ),
)

CASES = [
    pytest.param(
        "threshold-result",
        (),
        ((KISO_FOCUSED, "  しきい値判断結果: 基礎項目評価の実施が義務付けられる"),),
        [
            "kiso.yaml:47:13: Ⅲ しきい値判断結果: Ⅱの回答では、対象人数が10万人以上"
            "30万人未満で、取扱者数が500人未満で重大事故の発生もないため、"
            "基礎項目評価及び重点項目評価が義務付けられます。しきい値判断結果は"
            "「基礎項目評価及び重点項目評価の実施が義務付けられる」になります。"
            f" [threshold-result｜{SOURCE}]"
        ],
        id="basic-result-below-what-its-answers-require",
    ),
    pytest.param(
        "threshold-result",
        (*SMALLER, (JUTEN_FOCUSED, JUTEN_VOLUNTARY)),
        (
            (KISO_PEOPLE, "評価対象の事務の対象人数は何人か: 1万人以上10万人未満"),
            (KISO_FOCUSED, "  しきい値判断結果: 基礎項目評価の実施が義務付けられる"),
        ),
        [],
        id="a-voluntary-focused-assessment-passes",
    ),
    pytest.param(
        "threshold-result",
        (
            (
                JUTEN_FOCUSED,
                "しきい値判断結果: 特定個人情報保護評価の実施が義務付けられない"
                "（任意に重点項目評価を実施）",
            ),
        ),
        None,
        [
            "juten.yaml:213:15: Ⅴ-１-② しきい値判断結果: 対象人数が10万人以上30万人"
            "未満で、取扱者数が500人未満で重大事故の発生もないため、基礎項目評価及び"
            "重点項目評価が義務付けられます。しきい値判断結果は「基礎項目評価及び"
            "重点項目評価の実施が義務付けられる」になります。"
            f" [threshold-result｜{SOURCE}]"
        ],
        id="focused-alone-claims-no-obligation",
    ),
    pytest.param(
        "threshold-result", (), None, [], id="focused-alone-with-its-result-passes"
    ),
    pytest.param(
        "threshold-filed",
        (),
        (
            (
                "種類: 基礎項目評価書及び重点項目評価書",
                "種類: 基礎項目評価書",
            ),
        ),
        [
            "kiso.yaml:49:23: Ⅳ-１ 提出する特定個人情報保護評価書の種類: "
            "Ⅲ しきい値判断結果が「基礎項目評価及び重点項目評価の実施が義務付け"
            "られる」なので、「基礎項目評価書」では足りません。"
            f" [threshold-filed｜{SOURCE}]"
        ],
        id="basic-files-less-than-its-result",
    ),
    pytest.param(
        "threshold-filed",
        (),
        (
            (
                "種類: 基礎項目評価書及び重点項目評価書",
                "種類: 基礎項目評価書及び全項目評価書",
            ),
        ),
        [],
        id="filing-more-than-required-passes",
    ),
    pytest.param(
        "threshold-counts",
        ((USERS, "使用者数: 500人以上1,000人未満"),),
        (),
        [
            "juten.yaml:71:17: Ⅱ-３-④ 使用者数: 使用者数「500人以上1,000人未満」と"
            "委託先の取扱者数「10人未満」「10人未満」を合わせると、取扱者数は500人"
            "以上です。対象人数が10万人以上30万人未満で、取扱者数が500人以上である"
            "ため、基礎項目評価及び全項目評価が義務付けられます。Ⅴ-１-② しきい値"
            "判断結果は「基礎項目評価及び重点項目評価の実施が義務付けられる」と"
            "なっています。重点項目評価書ではなく全項目評価書が必要です。"
            f" [threshold-counts｜{SOURCE}]"
        ],
        id="staff-counts-reach-500",
    ),
    pytest.param(
        "threshold-counts",
        ((USERS, "使用者数: 100人以上500人未満"),),
        (),
        [],
        id="staff-counts-that-may-stay-under-500-pass",
    ),
    pytest.param(
        "threshold-people",
        (
            (
                "対象となる本人の数: 10万人以上100万人未満",
                "対象となる本人の数: 100万人以上1,000万人未満",
            ),
        ),
        (),
        [
            "juten.yaml:46:20: Ⅱ-２-② 対象となる本人の数: 対象となる本人の数"
            "「100万人以上1,000万人未満」は、Ⅰ-１-③ 対象人数の「10万人以上30万人"
            "未満」より多くなっています。対象人数は事務の全ての特定個人情報"
            f"ファイルの本人を数えたものです。 [threshold-people｜{SOURCE}]"
        ],
        id="a-file-with-more-people-than-the-task",
    ),
    pytest.param(
        "threshold-people", (), (), [], id="a-file-band-overlapping-the-task-passes"
    ),
]


@pytest.mark.parametrize(("rule", "juten", "kiso", "expected"), CASES)
def test_each_form_declares_what_the_law_requires(
    hpia: Callable[..., Run],
    tmp_path: Path,
    rule: str,
    juten: Edits,
    kiso: Edits | None,
    expected: list[str],
) -> None:
    folder = write_pair(tmp_path / "task", juten, kiso)
    code, found = checked(hpia, folder, "--today", QUIET_DAY)
    assert (code, of_rule(found, rule)) == (1 if expected else 0, expected)
