"""The rendered 別添２ holds the rows git gives, as `hpia changes` does."""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

from conftest import Run
from gitrepo import GitRepo


def test_the_rendered_change_sheet_shows_rows_from_git(
    repo: GitRepo, tmp_path: Path, hpia: Callable[..., Run]
) -> None:
    repo.edit("部署: 部署", "部署: 健康推進課")
    repo.commit(date="2025-06-02T15:00:00+09:00")
    page = tmp_path / "form.html"

    result = hpia("render", repo.folder, "-o", tmp_path / "form.pdf", "--html", page)

    assert result.code == 0, result.err
    sheet = html.unescape(page.read_text(encoding="utf-8")).split("変更箇所")[-1]
    for text in ("令和7年6月2日", "①部署", "健康推進課", "事後"):
        assert text in sheet
