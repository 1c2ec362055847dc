"""`hpia changes` on the seed, in a fresh clone of this repository.

Where this checkout is itself a shallow clone (as a CI checkout may be),
its history cannot be cloned whole; the repository is then rebuilt from
its files, the seed's publication recorded on the rebuilt commit.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import ROOT, SEED_DIR, Run
from gitrepo import GitRepo

from hpia.changes.change_log import load

PUBLICATIONS = (
    ROOT / "change_log" / "hitachinaka" / "yobou-sesshu" / ("publications.yaml")
)
RANGE = "Ⅱ特定個人情報ファイルの概要 ２．基本情報 ③対象となる本人の範囲"
HEAD = "Ⅰ基本情報 ６．評価実施機関における担当部署 ②所属長の役職名"


@pytest.fixture
def clone(tmp_path: Path, git_config: Path) -> GitRepo:
    """A clone of this repository at its last commit, or its rebuilt files."""
    target = tmp_path / "clone"
    if _whole_history(ROOT):
        subprocess.run(["git", "clone", "-q", str(ROOT), str(target)], check=True)
        return GitRepo(target)
    return _rebuilt(target)


def _whole_history(root: Path) -> bool:
    done = subprocess.run(
        ["git", "rev-parse", "--is-shallow-repository"],
        cwd=root,
        capture_output=True,
        text=True,
    )
    return done.returncode == 0 and done.stdout.strip() == "false"


def _rebuilt(target: Path) -> GitRepo:
    """The seed and its change_log/ in a new repository, published there."""
    repo = GitRepo(target)
    target.mkdir()
    repo.git("init", "-q")
    for top in ("assessments", "change_log"):
        shutil.copytree(ROOT / top, target / top)
    published = repo.commit("Transcribe the seed")

    record = target / PUBLICATIONS.relative_to(ROOT)
    text = record.read_text(encoding="utf-8")
    recorded = re.sub(r"コミット: [0-9a-f]+", f"コミット: {published}", text)
    record.write_text(recorded, encoding="utf-8")
    repo.commit("Record the seed's publication")
    return repo


def seed_rows() -> list[dict[str, str]]:
    """The rows of the seed's 別添２, as change_log/ records them."""
    return [
        {
            "date": r.date.isoformat() if r.date else "（不明）",
            "item": r.item,
            "before": r.before,
            "after": r.after,
            "timing": r.timing,
            "reason": r.reason,
        }
        for r in load(SEED_DIR).rows
    ]


def test_a_fresh_clone_lists_the_seed_rows(
    clone: GitRepo, hpia: Callable[..., Run]
) -> None:
    folder = clone.root / SEED_DIR.relative_to(ROOT)

    result = hpia("changes", folder, "--format", "json")
    assert result.code == 0
    assert json.loads(result.out) == seed_rows()
    assert len(seed_rows()) == 19


def test_a_commit_editing_two_items_adds_exactly_two_rows(
    clone: GitRepo, hpia: Callable[..., Run]
) -> None:
    folder = clone.root / SEED_DIR.relative_to(ROOT)
    form = folder / "juten.yaml"
    clone.edit(
        "対象となる本人の範囲: 本市の区域内に居住する予防接種の対象となる者",
        "対象となる本人の範囲: 本市に住民登録のある予防接種の対象となる者",
        path=form,
    )
    clone.edit(
        "所属長の役職名: 健康推進課長", "所属長の役職名: 健康推進部長", path=form
    )
    clone.commit(date="2026-04-01T10:00:00+09:00")

    rows = json.loads(hpia("changes", folder, "--format", "json").out)
    assert rows[:-2] == seed_rows()
    assert rows[-2:] == [
        {
            "date": "2026-04-01",
            "item": RANGE,
            "before": "本市の区域内に居住する予防接種の対象となる者",
            "after": "本市に住民登録のある予防接種の対象となる者",
            "timing": "事前",
            "reason": "重要な変更",
        },
        {
            "date": "2026-04-01",
            "item": HEAD,
            "before": "健康推進課長",
            "after": "健康推進部長",
            "timing": "事後",
            "reason": "重要な変更の対象となる項目でないため。",
        },
    ]
