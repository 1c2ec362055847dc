"""The rows of the printed form: what each part of the 様式 holds, in order."""

from __future__ import annotations

from pathlib import Path

from renders import FORM, filled, filled_assessment

from hpia.render.assemble import Appendix, Section, assemble, record_list
from hpia.render.view import (
    KEEP_LINES,
    LINE_CHARS,
    Box,
    Checks,
    Choice,
    Heading,
    Item,
    Nested,
    Text,
    Walker,
    Wide,
)


def section(parts: tuple[Section | Appendix, ...], title: str) -> Section:
    found = [p for p in parts if isinstance(p, Section) and p.title.startswith(title)]
    assert len(found) == 1, title
    return found[0]


def bands(rows: tuple[object, ...], prefix: str) -> list[str]:
    return [
        r.text for r in rows if isinstance(r, Heading) and r.text.startswith(prefix)
    ]


def item(rows: tuple[object, ...], label: str) -> Item:
    return next(r for r in rows if isinstance(r, Item) and r.label == label)


def test_the_contents_list_the_parts_in_the_order_of_the_form(tmp_path: Path) -> None:
    view = assemble(filled_assessment(tmp_path), [])
    assert view.contents == (
        "Ⅰ　基本情報",
        "Ⅱ　特定個人情報ファイルの概要",
        "（別添１）　特定個人情報ファイル記録項目",
        "Ⅲ　リスク対策",
        "Ⅳ　開示請求、問合せ",
        "Ⅴ　評価実施手続",
        "（別添２）　変更箇所",
    )


def test_each_file_has_its_own_outline_appendix_and_risks(tmp_path: Path) -> None:
    view = assemble(filled_assessment(tmp_path, files=2), [])
    assert [p.title for p in view.parts] == [
        "Ⅰ　基本情報",
        "Ⅱ　特定個人情報ファイルの概要",
        "Ⅱ　特定個人情報ファイルの概要",
        "（別添１）　特定個人情報ファイル記録項目",
        "（別添１）　特定個人情報ファイル記録項目",
        "Ⅲ　リスク対策　※（７．②を除く。）",
        "Ⅲ　リスク対策　※（７．②を除く。）",
        "Ⅳ　開示請求、問合せ",
        "Ⅴ　評価実施手続",
    ]
    second = view.parts[2]
    assert isinstance(second, Section)
    assert second.rows[1] == Wide(Text("特定個人情報ファイル2の名称"))


def test_systems_are_grouped_as_the_form_groups_them(tmp_path: Path) -> None:
    view = assemble(filled_assessment(tmp_path, systems=6), [])
    rows = section(view.parts, "Ⅰ").rows
    assert bands(rows, "システム") == [
        "システム1",
        "システム2～5",
        "システム2",
        "システム3",
        "システム4",
        "システム5",
        "システム6～10",
        "システム6",
        "システム11～15",
        "システム16～20",
    ]


def test_a_block_with_no_entries_prints_block_one_empty() -> None:
    node = FORM.node("transferees")
    rows = tuple(Walker({}).blocks(node, []))

    assert bands(rows, "移転先") == [
        "移転先1",
        "移転先2～5",
        "移転先6～10",
        "移転先11～15",
        "移転先16～20",
    ]
    assert item(rows, "①法令上の根拠").content == Text("")
    assert item(rows, "④移転する情報の対象となる本人の数").content == Choice(
        "",
        FORM.node("subjects").choices.numbered(),
        columns=1,  # type: ignore[union-attr]
    )


def test_a_named_block_prints_its_name_in_its_band(tmp_path: Path) -> None:
    view = assemble(filled_assessment(tmp_path), [])
    rows = section(view.parts, "Ⅱ").rows
    band = next(r for r in rows if isinstance(r, Heading) and r.text == "委託事項1")
    assert band.name == "特定個人情報ファイル1の委託事項1の名称"
    assert not any(isinstance(r, Item) and r.label == "名称" for r in rows)


def test_choices_are_numbered_as_the_catalog_numbers_them(tmp_path: Path) -> None:
    view = assemble(filled_assessment(tmp_path), [])

    people = item(section(view.parts, "Ⅰ").rows, "③対象人数").content
    kind = item(section(view.parts, "Ⅱ").rows, "①ファイルの種類　※").content

    assert isinstance(people, Choice) and isinstance(kind, Choice)
    assert people.value == "10万人以上30万人未満"
    assert people.options[0] == "1) 1,000人未満"  # Ⅰ: half-width
    assert kind.options[0] == "1） システム用ファイル"  # elsewhere: full-width


def test_choice_widths_reach_the_pdf() -> None:
    text = filled().text
    assert "1) 1,000人未満" in text
    assert "1） システム用ファイル" in text


def test_a_count_prints_beside_its_choice(tmp_path: Path) -> None:
    view = assemble(filled_assessment(tmp_path, entrustments=2), [])
    entrust = item(section(view.parts, "Ⅱ").rows, "委託の有無　※").content
    assert isinstance(entrust, Choice)
    assert (entrust.value, entrust.count) == ("委託する", "（ 2 ）件")


def test_boxes_show_ticks_and_the_text_of_other(tmp_path: Path) -> None:
    view = assemble(filled_assessment(tmp_path), [])
    links = item(section(view.parts, "Ⅰ").rows, "③他のシステムとの接続").content

    assert isinstance(links, Checks)
    boxes = links.groups[0].boxes
    assert boxes[0] == Box("情報提供ネットワークシステム", True)
    assert boxes[1] == Box("庁内連携システム", False)
    assert boxes[-1] == Box(
        "その他", True, "他のシステムとの接続のその他の内容", "text"
    )


def test_boxes_print_as_the_form_prints_them() -> None:
    text = filled().text
    assert "[ ○ ] 情報提供ネットワークシステム" in text
    assert "[ 　 ] 庁内連携システム" in text
    assert "[ ○ ] その他 （ 他のシステムとの接続のその他の内容 ）" in text
    assert "[ ○ ] 提供を行っている （ 1 ） 件" in text


def test_record_items_are_grouped_in_bands(tmp_path: Path) -> None:
    view = assemble(filled_assessment(tmp_path), [])
    main = item(section(view.parts, "Ⅱ").rows, "主な記録項目　※").content
    assert isinstance(main, Checks)
    assert [g.title for g in main.groups] == [
        "識別情報",
        "連絡先等情報",
        "業務関係情報",
    ]


def test_a_box_on_a_heading_prints_in_its_band(tmp_path: Path) -> None:
    view = assemble(filled_assessment(tmp_path), [])
    rows = section(view.parts, "Ⅲ").rows
    band = next(r for r in rows if isinstance(r, Heading) and "取扱いの委託" in r.text)
    assert band.flags == (Box("委託しない", False),)


def test_an_item_with_parts_nests_them(tmp_path: Path) -> None:
    view = assemble(filled_assessment(tmp_path), [])
    nested = next(r for r in section(view.parts, "Ⅱ").rows if isinstance(r, Nested))
    assert nested.label == "④使用の主体"
    assert [i.label for i in nested.rows] == ["使用部署", "使用者数"]


def test_a_long_label_prints_over_its_text(tmp_path: Path) -> None:
    view = assemble(filled_assessment(tmp_path), [])
    rows = section(view.parts, "Ⅲ").rows
    wide = [r.label for r in rows if isinstance(r, Item) and r.wide]
    assert wide[0] == (
        "特定個人情報の入手（情報提供ネットワークシステムを通じた入手を除く。）"
        "におけるその他のリスク及びそのリスクに対する措置"
    )
    assert not item(rows, "リスクに対する措置の内容").wide


def test_record_lists_print_as_their_style_says(tmp_path: Path) -> None:
    view = assemble(filled_assessment(tmp_path), [])
    appendix = next(p for p in view.parts if isinstance(p, Appendix))
    first = appendix.lists[0]
    assert first.title == "＜特定個人情報ファイル1の記録項目一覧1の名称＞"
    assert first.numbered == ()
    assert first.bullets[:2] == ("記録項目1", "記録項目2")

    entry = {"名称": "一覧", "形式": "番号付き", "記録項目": ["宛名番号", "接種日"]}
    numbered = record_list(FORM.node("record_lists"), entry)
    assert numbered.numbered == ("１．宛名番号", "２．接種日")
    assert numbered.bullets == ()


def test_short_rows_keep_together_and_long_text_may_break() -> None:
    many = KEEP_LINES + 1
    assert Item("ラベル", Text("一行")).keep
    assert Item("ラベル", Text("\n".join(["行"] * KEEP_LINES))).keep
    assert not Item("ラベル", Text("\n".join(["行"] * many))).keep
    assert not Item("ラベル", Text("長" * LINE_CHARS * many)).keep
