from __future__ import annotations

import copy
from typing import Any

import pytest
from gitrepo import FIXTURE

from hpia import catalog
from hpia.changes.compare import compare
from hpia.changes.rows import item_label
from hpia.chunked import Reader

FORM = catalog.FORMS[0]
ENTRUST_LABEL = "Ⅱ特定個人情報ファイルの概要 ４．特定個人情報ファイルの取扱いの委託"
SYSTEMS = ("基本情報", "特定個人情報ファイルを取り扱う事務において使用するシステム")
ENTRUST = (
    "特定個人情報ファイル",
    0,
    "特定個人情報ファイルの概要",
    "特定個人情報ファイルの取扱いの委託",
)
SYSTEM_LABEL = (
    "Ⅰ基本情報 ２．特定個人情報ファイルを取り扱う事務において使用するシステム"
)


@pytest.fixture
def base() -> dict[str, Any]:
    data: dict[str, Any] = Reader().read(FIXTURE.read_bytes())
    return data


def at(data: dict[str, Any], path: tuple[str | int, ...]) -> Any:
    for step in path:
        data = data[step]
    return data


def rows(old: dict[str, Any], new: dict[str, Any]) -> list[tuple[str, str, str]]:
    return [
        (item_label(FORM, c.path), c.before, c.after) for c in compare(FORM, old, new)
    ]


def system(name: str) -> dict[str, Any]:
    return {
        "システムの名称": name,
        "システムの機能": "機能",
        "他のシステムとの接続": [],
    }


def test_inserting_a_system_is_one_added_block(base: dict[str, Any]) -> None:
    new = copy.deepcopy(base)
    at(new, SYSTEMS).insert(1, system("EUCシステム"))

    assert rows(base, new) == [
        (f"{SYSTEM_LABEL} システム２ ①システムの名称", "", "EUCシステム"),
        (f"{SYSTEM_LABEL} システム２ ②システムの機能", "", "機能"),
    ]


def test_removing_a_system_names_it_by_its_old_place(base: dict[str, Any]) -> None:
    new = copy.deepcopy(base)
    del at(new, SYSTEMS)[0]

    assert rows(base, new) == [
        (f"{SYSTEM_LABEL} システム１ ①システムの名称", "健康管理システム", ""),
        (
            f"{SYSTEM_LABEL} システム１ ②システムの機能",
            "システムの機能の内容。\n二行目。",
            "",
        ),
        (
            f"{SYSTEM_LABEL} システム１ ③他のシステムとの接続",
            "情報提供ネットワークシステム",
            "",
        ),
    ]


def test_reordered_systems_are_no_change(base: dict[str, Any]) -> None:
    new = copy.deepcopy(base)
    at(new, SYSTEMS).reverse()
    assert rows(base, new) == []


def test_an_edit_after_a_move_is_found_in_the_moved_block(base: dict[str, Any]) -> None:
    new = copy.deepcopy(base)
    at(new, SYSTEMS).reverse()
    at(new, SYSTEMS)[0]["システムの機能"] = "宛名の管理"

    assert rows(base, new) == [
        (
            f"{SYSTEM_LABEL} システム１ ②システムの機能",
            "システムの機能の内容。\n二行目。",
            "宛名の管理",
        )
    ]


def test_a_renamed_block_is_one_row_named_by_the_block(base: dict[str, Any]) -> None:
    new = copy.deepcopy(base)
    at(new, (*ENTRUST, "委託事項"))[0]["名称"] = "システムの管理運用"

    assert rows(base, new) == [
        (
            f"{ENTRUST_LABEL} 委託事項１",
            "システムの運用・保守",
            "システムの管理運用",
        )
    ]


def test_a_renamed_block_that_moved_is_paired_by_its_content(
    base: dict[str, Any],
) -> None:
    new = copy.deepcopy(base)
    moved = at(new, SYSTEMS).pop(0)
    moved["システムの名称"] = "健康管理システム（新）"
    at(new, SYSTEMS).append(moved)
    at(new, SYSTEMS).insert(0, system("EUCシステム"))

    assert [r[0].removeprefix(SYSTEM_LABEL + " ") for r in rows(base, new)] == [
        "システム３ ①システムの名称",
        "システム１ ①システムの名称",
        "システム１ ②システムの機能",
    ]


def test_choices_in_full_width_and_reordered_ticks_are_no_change(
    base: dict[str, Any],
) -> None:
    new = copy.deepcopy(base)
    new["基本情報"]["特定個人情報ファイルを取り扱う事務"]["対象人数"] = (
        "１，０００人未満"
    )
    provision = at(new, ("特定個人情報ファイル", 0, "特定個人情報ファイルの概要"))
    provision["特定個人情報の提供・移転"]["提供・移転の有無"].reverse()

    assert rows(base, new) == []


def test_values_print_as_the_form_prints_them(base: dict[str, Any]) -> None:
    new = copy.deepcopy(base)
    new["評価実施手続"]["基礎項目評価"]["実施日"] = "2025-04-01"
    new["基本情報"]["特定個人情報ファイルを取り扱う事務において使用するシステム"][0][
        "他のシステムとの接続"
    ] = ["庁内連携システム", {"その他": "健康管理システム"}]

    assert rows(base, new) == [
        (
            f"{SYSTEM_LABEL} システム１ ③他のシステムとの接続",
            "情報提供ネットワークシステム",
            "庁内連携システム、その他（健康管理システム）",
        ),
        ("Ⅴ評価実施手続 １．基礎項目評価 ①実施日", "令和6年4月1日", "令和7年4月1日"),
    ]


def test_a_value_the_form_refuses_is_shown_as_written(base: dict[str, Any]) -> None:
    new = copy.deepcopy(base)
    new["基本情報"]["特定個人情報ファイルを取り扱う事務"]["対象人数"] = "100人"

    assert rows(base, new) == [
        (
            "Ⅰ基本情報 １．特定個人情報ファイルを取り扱う事務 ③対象人数",
            "1,000人未満",
            "100人",
        )
    ]


def test_the_cover_date_of_publication_is_not_a_change(base: dict[str, Any]) -> None:
    new = copy.deepcopy(base)
    new["表紙"]["公表日"] = "2025-04-15"
    assert rows(base, new) == []


def test_a_file_renamed_is_named_where_section_two_prints_it(
    base: dict[str, Any],
) -> None:
    new = copy.deepcopy(base)
    new["特定個人情報ファイル"][0]["特定個人情報ファイル名"] = "予防接種台帳ファイル"

    assert rows(base, new) == [
        (
            "Ⅱ特定個人情報ファイルの概要 １．特定個人情報ファイル名",
            "予防接種情報ファイル",
            "予防接種台帳ファイル",
        )
    ]
