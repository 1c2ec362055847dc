from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from conftest import ROOT, Run

from hpia.yamlio import dump, make_yaml


def test_new_writes_every_item_with_the_schema_line(
    hpia: Callable[..., Run], tmp_path: Path
) -> None:
    folder = ROOT / "assessments" / "_test_new" / "task"
    try:
        result = hpia("new", folder)
        text = (folder / "juten.yaml").read_text(encoding="utf-8")
    finally:
        for path in sorted(folder.parent.rglob("*"), reverse=True):
            path.unlink() if path.is_file() else path.rmdir()
        folder.parent.rmdir()
    assert result.code == 0
    assert text.startswith(
        "# yaml-language-server: $schema=../../../schema/juten-r06-10.schema.json\n"
        "様式: 令和６年10月　様式３\n"
    )
    assert dump(make_yaml().load(text)) == text


def test_new_never_overwrites(hpia: Callable[..., Run], tmp_path: Path) -> None:
    (tmp_path / "juten.yaml").write_text("様式: x\n", encoding="utf-8")
    result = hpia("new", tmp_path)
    assert result.code == 1
    assert (
        result.err
        == f"エラー: {tmp_path / 'juten.yaml'}: すでにあります。上書きはしません。\n"
    )
    assert (tmp_path / "juten.yaml").read_text(encoding="utf-8") == "様式: x\n"


def test_a_blank_form_is_reported_item_by_item_not_crashed(
    hpia: Callable[..., Run], tmp_path: Path
) -> None:
    hpia("new", tmp_path)
    result = hpia("validate", tmp_path)
    assert result.code == 1
    assert "表紙 公表日: 日付がありません。" in result.out
    assert "の行は残してください" not in result.out, "the blank lacks a key"
    assert "様式にない項目" not in result.out
    assert "Traceback" not in result.out + result.err
