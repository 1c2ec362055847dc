"""しきい値判断 (指針 第5 2): the decision table at every boundary."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from conftest import Run

from hpia.catalog import juten_r06_10, kiso_r06_10
from hpia.rules.bands import Band, band
from hpia.rules.threshold import decide, decide_bands

NONE: list[str] = []
BASIC = ["基礎項目評価"]
FOCUSED = ["基礎項目評価", "重点項目評価"]
FULL = ["基礎項目評価", "全項目評価"]

# 対象人数 → required for (取扱者数 499, no incident), (499, incident),
# (500, no incident), (500, incident).
TABLE = {
    999: (NONE, NONE, NONE, NONE),
    1_000: (BASIC, BASIC, BASIC, BASIC),
    9_999: (BASIC, BASIC, BASIC, BASIC),
    10_000: (BASIC, FOCUSED, FOCUSED, FOCUSED),
    99_999: (BASIC, FOCUSED, FOCUSED, FOCUSED),
    100_000: (FOCUSED, FULL, FULL, FULL),
    299_999: (FOCUSED, FULL, FULL, FULL),
    300_000: (FULL, FULL, FULL, FULL),
}
CASES = [
    pytest.param(
        n, handlers, incident, row[i], id=f"{n}-{handlers}-{'incident' * incident}"
    )
    for n, row in TABLE.items()
    for i, (handlers, incident) in enumerate(
        [(499, False), (499, True), (500, False), (500, True)]
    )
]


@pytest.mark.parametrize(("n", "handlers", "incident", "required"), CASES)
def test_the_decision_table(
    n: int, handlers: int, incident: bool, required: list[str]
) -> None:
    assert decide(n, handlers, incident).names == required


@pytest.mark.parametrize(("n", "handlers", "incident", "required"), CASES)
def test_the_command_prints_the_table_as_json(
    hpia: Callable[..., Run], n: int, handlers: int, incident: bool, required: list[str]
) -> None:
    flags = ["--serious-incident"] if incident else []
    args = ["--people", str(n), "--handlers", str(handlers), *flags]
    result = hpia("threshold", *args, "--format", "json")
    assert result.code == 0
    assert json.loads(result.out) == {"required": required}


@pytest.mark.parametrize(
    ("args", "out"),
    [
        (
            ["--people", "120,000", "--handlers", "499"],
            "基礎項目評価、重点項目評価\n"
            "対象人数が10万人以上30万人未満で、取扱者数が500人未満で重大事故の"
            "発生もないため、基礎項目評価及び重点項目評価が義務付けられます。\n",
        ),
        (
            ["--people", "12万", "--handlers", "500", "--serious-incident"],
            "基礎項目評価、全項目評価\n"
            "対象人数が10万人以上30万人未満で、取扱者数が500人以上であり、"
            "過去1年以内に特定個人情報に関する重大事故も発生しているため、"
            "基礎項目評価及び全項目評価が義務付けられます。\n",
        ),
        (
            ["--people", "50000", "--handlers", "3", "--serious-incident"],
            "基礎項目評価、重点項目評価\n"
            "対象人数が1万人以上10万人未満で、過去1年以内に特定個人情報に関する"
            "重大事故が発生しているため、基礎項目評価及び重点項目評価が"
            "義務付けられます。\n",
        ),
        (
            ["--people", "999", "--handlers", "600"],
            "なし\n対象人数が1,000人未満のため、特定個人情報保護評価の実施は"
            "義務付けられません（任意に実施できます）。\n",
        ),
        (
            ["--people", "300000", "--handlers", "0"],
            "基礎項目評価、全項目評価\n"
            "対象人数が30万人以上のため、基礎項目評価及び全項目評価が"
            "義務付けられます。\n",
        ),
    ],
    ids=["focused", "full-for-both-causes", "focused-for-an-incident", "none", "full"],
)
def test_the_command_says_what_is_required_and_why(
    hpia: Callable[..., Run], args: list[str], out: str
) -> None:
    result = hpia("threshold", *args)
    assert (result.code, result.out) == (0, out)


@pytest.mark.parametrize(
    ("args", "err"),
    [
        (
            ["--people", "多数", "--handlers", "3"],
            "エラー: --people: 「多数」は人数として読めません。"
            "0 以上の整数で指定してください（例: 120000、12万）。\n",
        ),
        (
            ["--people", "1", "--handlers", "-3"],
            "エラー: --handlers: 「-3」は人数として読めません。"
            "0 以上の整数で指定してください（例: 120000、12万）。\n",
        ),
        (
            ["--people", "1", "--handlers", "3", "--format", "xml"],
            "エラー: --format には text、json のどれかを指定してください。\n",
        ),
    ],
    ids=["words", "negative", "format"],
)
def test_bad_options_are_usage_errors(
    hpia: Callable[..., Run], args: list[str], err: str
) -> None:
    result = hpia("threshold", *args)
    assert (result.code, result.out, result.err) == (2, "", err)


def test_every_count_choice_of_the_forms_reads_as_a_band() -> None:
    choices = [
        juten_r06_10.TARGET_PEOPLE,
        juten_r06_10.SUBJECTS,
        juten_r06_10.STAFF,
        kiso_r06_10.TARGET_PEOPLE,
        kiso_r06_10.HANDLERS,
    ]
    bands = {o: band(o) for c in choices for o in c.options}
    assert bands["1,000人未満（任意実施）"] == Band(0, 999)
    assert bands["1万人以上10万人未満"] == Band(10_000, 99_999)
    assert bands["100万人以上1,000万人未満"] == Band(1_000_000, 9_999_999)
    assert bands["500人以上"] == Band(500, None)
    assert bands["1,000人以上"] == Band(1_000, None)
    assert None not in bands.values()


def test_bands_that_settle_the_question_give_one_decision() -> None:
    decisions = decide_bands(Band(100_000, 299_999), Band(70, 206), False)
    assert [d.names for d in decisions] == [FOCUSED]


def test_bands_across_a_step_give_each_possible_decision() -> None:
    decisions = decide_bands(Band(100_000, 299_999), Band(200, 998), None)
    assert [d.names for d in decisions] == [FOCUSED, FULL]
