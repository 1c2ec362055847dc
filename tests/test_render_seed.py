"""The seed rendered: the published 評価書's text is all in the PDF."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from conftest import SEED_DIR, SEED_FORM, Run
from renders import page_texts
from seedtext import coverage


def test_the_seed_renders_with_97_percent_of_its_content_lines(
    tmp_path: Path, hpia: Callable[..., Run]
) -> None:
    out = tmp_path / "seed.pdf"

    result = hpia("render", SEED_DIR, "-o", out)

    assert result.code == 0
    # A shallow checkout (CI's) adds a warning that 別添２ lacks git rows.
    lines = [line for line in result.err.splitlines() if "浅いクローン" not in line]
    assert [line.split(": ")[0] for line in lines[:-1]] == [
        f"{SEED_FORM}:11:10",  # 評価書番号 （不明）
        f"{SEED_FORM}:217:13",  # 委託の有無 件数
    ]
    assert lines[-1].startswith(f"{out} を作成しました（")
    found = coverage("".join(page_texts(out.read_bytes())))
    assert found.share >= 0.97, found.missing
