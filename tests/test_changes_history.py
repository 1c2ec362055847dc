"""The change table over real git histories: the traps of risks.md §4."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import Run
from gitrepo import FIXTURE, GitRepo

from hpia.changes import change_table
from hpia.errors import HpiaError

DEPT = "Ⅰ基本情報 ６．評価実施機関における担当部署 ①部署"
TODAY = dt.date(2026, 1, 5)


def items(repo: GitRepo, path: Path | None = None) -> list[tuple[str, str, str]]:
    table = change_table(path or repo.folder, today=TODAY)
    return [(str(r.date), r.item, r.after) for r in table.rows]


def test_a_repository_with_one_commit_has_no_rows(repo: GitRepo) -> None:
    assert items(repo) == []


def test_each_commit_is_a_version_dated_by_its_author_date(repo: GitRepo) -> None:
    repo.edit("部署: 部署", "部署: 健康推進課")
    repo.commit(date="2025-04-02T09:00:00+09:00")
    repo.edit("部署: 健康推進課", "部署: 健康増進課")
    repo.commit(date="2025-05-10T09:00:00+09:00")

    assert items(repo) == [
        ("2025-04-02", DEPT, "健康推進課"),
        ("2025-05-10", DEPT, "健康増進課"),
    ]


def test_a_commit_just_after_midnight_keeps_its_own_day(repo: GitRepo) -> None:
    # 00:30 in Japan is the previous day in UTC (risks.md §4).
    repo.edit("部署: 部署", "部署: 健康推進課")
    repo.commit(date="2025-04-01T00:30:00+09:00")
    assert items(repo) == [("2025-04-01", DEPT, "健康推進課")]


def test_a_declared_change_date_dates_the_rows(repo: GitRepo) -> None:
    repo.edit("部署: 部署", "部署: 健康推進課")
    repo.commit(date="2025-04-10T09:00:00+09:00", trailer="変更日: 2025-03-31")
    assert items(repo) == [("2025-03-31", DEPT, "健康推進課")]


def test_a_change_date_may_be_written_in_wareki(repo: GitRepo) -> None:
    repo.edit("部署: 部署", "部署: 健康推進課")
    repo.commit(trailer="変更日： 令和7年3月31日")
    assert items(repo) == [("2025-03-31", DEPT, "健康推進課")]


def test_an_unreadable_change_date_falls_back_with_a_note(repo: GitRepo) -> None:
    repo.edit("部署: 部署", "部署: 健康推進課")
    sha = repo.commit(date="2025-04-10T09:00:00+09:00", trailer="変更日: 3月末")

    table = change_table(repo.folder)
    assert [str(r.date) for r in table.rows] == ["2025-04-10"]
    assert table.notes == [
        f"{repo.form}: コミット {sha[:7]} の変更日「3月末」が日付として読めないため、"
        "コミットの日付を使いました。変更日は 2025-03-31 のように書きます。"
    ]


def test_a_renamed_form_file_keeps_its_history(repo: GitRepo) -> None:
    repo.edit("部署: 部署", "部署: 健康推進課")
    repo.commit(date="2025-04-02T09:00:00+09:00")
    moved = repo.root / "assessments" / "org" / "新しい事務" / "juten.yaml"
    moved.parent.mkdir(parents=True)
    repo.git("mv", str(repo.form), str(moved))
    repo.commit("Move the assessment", date="2025-04-03T09:00:00+09:00")
    repo.edit("部署: 健康推進課", "部署: 健康増進課", path=moved)
    repo.commit(date="2025-04-04T09:00:00+09:00")

    assert items(repo, moved.parent) == [
        ("2025-04-02", DEPT, "健康推進課"),
        ("2025-04-04", DEPT, "健康増進課"),
    ]


def test_a_non_ascii_path_is_read(tmp_path: Path, git_config: Path) -> None:
    made = GitRepo(tmp_path / "評価書リポジトリ")
    made.root.mkdir()
    made.git("init", "-q")
    folder = made.root / "assessments" / "ひたちなか市" / "予防接種"
    made.write(folder / "juten.yaml", repo_text())
    made.commit()
    made.edit("部署: 部署", "部署: 健康推進課", path=folder / "juten.yaml")
    made.commit(date="2025-04-02T09:00:00+09:00")

    assert items(made, folder) == [("2025-04-02", DEPT, "健康推進課")]


def repo_text() -> str:
    return FIXTURE.read_text(encoding="utf-8")


def test_uncommitted_edits_are_pending_rows_dated_today(repo: GitRepo) -> None:
    repo.edit("部署: 部署", "部署: 健康推進課")

    table = change_table(repo.folder, today=TODAY)
    assert [(r.date, r.item, r.pending, r.commit) for r in table.rows] == [
        (TODAY, DEPT, True, "")
    ]


def test_a_form_file_outside_git_has_only_change_log_rows(
    tmp_path: Path, git_config: Path
) -> None:
    folder = tmp_path / "assessments" / "org" / "task"
    folder.mkdir(parents=True)
    (folder / "juten.yaml").write_text(repo_text(), encoding="utf-8")

    table = change_table(folder)
    assert table.rows == []
    assert table.notes == [
        f"{folder / 'juten.yaml'}: git の管理下にないため、"
        "変更箇所は change_log/ の記録だけです。"
    ]


def test_a_form_file_not_committed_yet_has_no_rows(
    tmp_path: Path, git_config: Path
) -> None:
    made = GitRepo(tmp_path / "repo")
    made.root.mkdir()
    made.git("init", "-q")
    made.write(made.form, repo_text())

    table = change_table(made.folder)
    assert (table.rows, table.notes) == (
        [],
        [f"{made.form}: まだコミットされていません。"],
    )


def test_a_shallow_clone_is_refused_with_the_remedy(
    repo: GitRepo, tmp_path: Path, hpia: Callable[..., Run]
) -> None:
    repo.edit("部署: 部署", "部署: 健康推進課")
    repo.commit()
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{repo.root}", str(clone)],
        check=True,
    )
    folder = clone / "assessments" / "org" / "task"

    result = hpia("changes", folder)
    assert result.code == 1
    assert result.err == (
        f"エラー: {folder / 'juten.yaml'}: このクローンは履歴の一部しかない浅いクローン"
        "（shallow clone）のため、変更箇所を作れません。"
        "git fetch --unshallow で全履歴を取得してください"
        "（CI では fetch-depth: 0 を指定します）。\n"
    )


def test_a_shallow_clone_holding_the_whole_file_history_is_fine(
    repo: GitRepo, tmp_path: Path
) -> None:
    other = repo.root / "README.md"
    repo.write(other, "first\n")
    repo.commit("Unrelated")
    new = repo.root / "assessments" / "org" / "new" / "juten.yaml"
    repo.write(new, repo_text())
    repo.commit("Add another assessment")
    repo.edit("部署: 部署", "部署: 健康推進課", path=new)
    repo.commit(date="2025-04-02T09:00:00+09:00")
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "3", f"file://{repo.root}", str(clone)],
        check=True,
    )

    folder = clone / "assessments" / "org" / "new"
    assert items(GitRepo(clone), folder) == [("2025-04-02", DEPT, "健康推進課")]


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0,
    reason="needs root to hand the repository to another owner",
)
def test_a_repository_of_another_owner_is_refused_with_the_remedy(
    repo: GitRepo,
) -> None:
    subprocess.run(["chown", "-R", "nobody", str(repo.root)], check=True)
    with pytest.raises(HpiaError) as caught:
        change_table(repo.folder)
    assert str(caught.value) == (
        f"{repo.root}: 別のユーザーが所有するリポジトリのため、"
        "git が読み取りを拒否しました。"
        f"git config --global --add safe.directory {repo.root} を実行してから、"
        "もう一度実行してください。"
    )


def test_no_git_process_outlives_the_table(repo: GitRepo) -> None:
    repo.edit("部署: 部署", "部署: 健康推進課")
    repo.commit()
    change_table(repo.folder)
    assert children_of(os.getpid()) == []


def children_of(pid: int) -> list[str]:
    """Names of the live child processes of `pid`, read from /proc."""
    names = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        for child in (task / "children").read_text().split():
            status = Path(f"/proc/{child}/status")
            if status.exists() and "\nState:\tZ" not in status.read_text():
                names.append(status.read_text().split("\n", 1)[0])
    return names


def test_an_unreadable_version_is_noted_and_stepped_over(repo: GitRepo) -> None:
    repo.edit("部署: 部署", "部署: '健康推進課")
    broken = repo.commit(date="2025-04-02T09:00:00+09:00")
    repo.edit("部署: '健康推進課", "部署: 健康推進課")
    repo.commit(date="2025-04-03T09:00:00+09:00")

    table = change_table(repo.folder)
    assert [(str(r.date), r.item, r.before, r.after) for r in table.rows] == [
        ("2025-04-03", DEPT, "部署", "健康推進課")
    ]
    assert table.notes == [
        f"{repo.form}: コミット {broken[:7]} の版は読めないため、その前後の版を"
        "比べました。275行目: YAMLとして読めません（found unexpected end of stream）。"
    ]


def test_a_copied_assessment_starts_its_own_history(repo: GitRepo) -> None:
    repo.edit("部署: 部署", "部署: 健康推進課")
    repo.commit(date="2025-04-02T09:00:00+09:00")
    copy = repo.root / "assessments" / "org" / "copy" / "juten.yaml"
    repo.write(copy, repo.form.read_text(encoding="utf-8"))
    repo.commit("Start a new assessment from the old one")
    repo.edit("部署: 健康推進課", "部署: 保健センター", path=copy)
    repo.commit(date="2025-06-01T09:00:00+09:00")

    assert items(repo, copy.parent) == [("2025-06-01", DEPT, "保健センター")]


def test_branches_merged_give_each_change_once(repo: GitRepo) -> None:
    repo.git("checkout", "-q", "-b", "side")
    repo.edit("部署: 部署", "部署: 健康推進課")
    repo.commit(date="2025-04-02T09:00:00+09:00")
    repo.git("checkout", "-q", "main")
    repo.edit("事務の名称: 事務の名称", "事務の名称: 予防接種事務")
    repo.commit(date="2025-04-03T09:00:00+09:00")
    repo.git("merge", "-q", "--no-edit", "side")

    assert items(repo) == [
        ("2025-04-02", DEPT, "健康推進課"),
        (
            "2025-04-03",
            "Ⅰ基本情報 １．特定個人情報ファイルを取り扱う事務 ①事務の名称",
            "予防接種事務",
        ),
    ]
