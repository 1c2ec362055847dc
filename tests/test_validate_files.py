"""Which files a folder holds, and files that cannot be read."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import Run
from test_validate import MINIMAL, edited, lines_of


def test_a_folder_yields_form_files_only(
    hpia: Callable[..., Run], tmp_path: Path
) -> None:
    task = tmp_path / "org" / "task"
    task.mkdir(parents=True)
    edited(task)
    (task / "notes.yaml").write_text("a: 1\n", encoding="utf-8")
    venv = tmp_path / ".venv" / "lib"
    venv.mkdir(parents=True)
    (venv / "juten.yaml").write_text("not: a form\n", encoding="utf-8")
    (task / ".#juten.yaml").symlink_to("user@host.1:1")
    result = hpia("validate", tmp_path)
    assert result.out == ""
    assert result.err == "1ファイルを検証: 誤り0件、警告0件\n"


def test_a_folder_named_like_a_form(hpia: Callable[..., Run], tmp_path: Path) -> None:
    (tmp_path / "juten.yaml").mkdir()
    result = hpia("validate", tmp_path)
    path = tmp_path / "juten.yaml"
    assert lines_of(result, path) == ["F:1:1: 文書: ファイルではなくフォルダです。"]
    assert result.code == 1


def test_an_unreadable_file(
    hpia: Callable[..., Run], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = edited(tmp_path)

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    result = hpia("validate", path)
    assert lines_of(result, path) == [
        "F:1:1: 文書: 読み取る権限がありません。ファイルの権限を確かめてください。"
    ]


def test_a_missing_path_does_not_hide_the_others(
    hpia: Callable[..., Run], tmp_path: Path
) -> None:
    bad = edited(tmp_path, ("    対象人数: 10万人以上30万人未満", "    対象人数: 多数"))
    missing = tmp_path / "nothere"
    result = hpia("validate", bad, missing, MINIMAL)
    assert len(result.out.splitlines()) == 1
    assert result.err == (
        "2ファイルを検証: 誤り1件、警告0件\n"
        f"エラー: {missing}: ファイルまたはフォルダが見つかりません。\n"
    )
    assert result.code == 2
