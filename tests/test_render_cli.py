"""`hpia render PATH -o OUT.pdf [--html OUT.html]` as a user runs it."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import Run
from filled import write_filled
from gitrepo import GitRepo
from pypdf import PdfReader
from renders import FORM, assessment_folder, page_texts, squeeze, without_notes

from hpia.errors import HpiaError
from hpia.render.provenance import source_commit

CHANGE_LOG = Path("change_log") / "test-city" / "test-task" / "before-git.yaml"


def folder_with_form(tmp_path: Path) -> Path:
    folder = assessment_folder(tmp_path)
    write_filled(FORM, folder / FORM.filename)
    return folder


def write_rows(root: Path, count: int) -> None:
    """`count` 別添２ rows, newest first in the file, each a long paragraph;
    row 1 is taller than a page."""
    lines = ["行:"]
    for n in range(count, 0, -1):
        length = 150 if n == 1 else 12
        after = "\n".join(
            f"      変更{n}の後の文の{i}行目です。" for i in range(length)
        )
        lines += [
            f"  - 変更日: 2022-{n % 12 + 1:02d}-{n % 27 + 1:02d}",
            f"    項目: Ⅰ　基本情報 変更{n}の項目",
            f"    変更前の記載: 変更{n}の前の文",
            "    変更後の記載: |-",
            after,
            "    提出時期: 事後",
            '    提出時期に係る説明: ""',
        ]
    path = root / CHANGE_LOG
    path.parent.mkdir(parents=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_render_writes_the_pdf_and_the_html(
    tmp_path: Path, hpia: Callable[..., Run]
) -> None:
    folder = folder_with_form(tmp_path)
    pdf, html = tmp_path / "out.pdf", tmp_path / "out.html"

    result = hpia("render", folder, "-o", pdf, "--html", html)

    assert result.code == 0
    assert result.out == ""
    assert without_notes(result.err) == f"{pdf} を作成しました（15ページ）。\n"
    assert pdf.read_bytes().startswith(b"%PDF-")
    page = html.read_text(encoding="utf-8")
    assert page.startswith('<!DOCTYPE html>\n<html lang="ja">')
    assert "事務の名称の記載" in page


def test_the_html_stands_alone_naming_fonts_instead_of_loading_files(
    tmp_path: Path, hpia: Callable[..., Run]
) -> None:
    """A reader's browser cannot open this machine's /usr/share/fonts."""
    folder = folder_with_form(tmp_path)
    html = tmp_path / "out.html"

    assert hpia("render", folder, "-o", tmp_path / "out.pdf", "--html", html).code == 0

    page = html.read_text(encoding="utf-8")
    assert "file:" not in page
    assert "/usr/share/fonts" not in page
    assert "@font-face" not in page
    assert 'font-family: "BIZ UDMincho", "BIZ UD明朝", ' in page
    assert 'font-family: "BIZ UDGothic", "BIZ UDゴシック", ' in page
    assert re.search(r"font-family: [^;]*, serif;", page)
    assert re.search(r"font-family: [^;]*, sans-serif;", page)


def test_change_rows_print_oldest_first_with_their_head_on_every_page(
    tmp_path: Path, hpia: Callable[..., Run]
) -> None:
    """A row taller than a page breaks, and the head still repeats (risks.md §1.3)."""
    folder = folder_with_form(tmp_path)
    write_rows(tmp_path, 30)
    pdf = tmp_path / "out.pdf"

    assert hpia("render", folder, "-o", pdf).code == 0

    pages = page_texts(pdf.read_bytes())
    changes = [p for p in pages if "の後の文" in p]
    assert len(changes) >= 3
    for page in changes:
        assert "変更日 項目 変更前の記載 変更後の記載" in page
    text = squeeze("".join(changes))
    assert text.index("令和4年1月13日") < text.index("令和4年12月12日")
    assert squeeze("変更7の後の文の11行目です。") in text
    assert squeeze("変更1の後の文の149行目です。") in text


def test_an_invalid_form_prints_its_problems_and_writes_nothing(
    tmp_path: Path, hpia: Callable[..., Run]
) -> None:
    folder = folder_with_form(tmp_path)
    form = folder / FORM.filename
    text = form.read_text(encoding="utf-8")
    form.write_text(text.replace("対象人数: 10万人以上30万人未満", "対象人数: 多数"))
    pdf = tmp_path / "out.pdf"

    result = hpia("render", folder, "-o", pdf)

    assert result.code == 1
    assert result.err.splitlines() == [
        f"{form}:19:11: Ⅰ-１-③ 対象人数: 「多数」は選択肢にありません。"
        "選択肢: 「1,000人未満」「1,000人以上1万人未満」「1万人以上10万人未満」"
        "「10万人以上30万人未満」"
    ]
    assert not pdf.exists()


def test_a_folder_without_a_form_is_a_usage_error(
    tmp_path: Path, hpia: Callable[..., Run]
) -> None:
    result = hpia("render", tmp_path, "-o", tmp_path / "out.pdf")
    assert result.code == 2
    assert result.err == (
        f"エラー: {tmp_path}: PDFにする評価書（juten.yaml、kiso.yaml）が"
        "見つかりません。評価書のファイルを指定してください。\n"
    )


def test_an_unwritable_output_is_a_clear_error(
    tmp_path: Path, hpia: Callable[..., Run]
) -> None:
    folder = folder_with_form(tmp_path)
    out = tmp_path / "no-such-folder" / "out.pdf"

    result = hpia("render", folder, "-o", out)

    assert result.code == 1
    assert without_notes(result.err) == (
        f"エラー: {out} に書き出せません（No such file or directory）。\n"
    )


def git(repo: Path, *args: str) -> str:
    command = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@t"]
    done = subprocess.run([*command, *args], check=True, capture_output=True, text=True)
    return done.stdout.strip()


def test_the_commit_is_named_only_for_a_committed_unchanged_file(
    tmp_path: Path,
) -> None:
    folder = folder_with_form(tmp_path)
    form = folder / FORM.filename
    assert source_commit(form) == ""  # not in a repository

    git(tmp_path, "init", "-q")
    assert source_commit(form) == ""  # untracked

    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "first")
    first = git(tmp_path, "rev-parse", "HEAD")
    assert source_commit(form) == first

    (tmp_path / "other.txt").write_text("x", encoding="utf-8")
    git(tmp_path, "add", "other.txt")
    git(tmp_path, "commit", "-q", "-m", "unrelated")
    assert source_commit(form) == first  # the last commit of the file

    form.write_text(form.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert source_commit(form) == ""  # edited since


def test_a_character_the_fonts_lack_in_a_change_row_names_the_row(
    tmp_path: Path, hpia: Callable[..., Run]
) -> None:
    folder = folder_with_form(tmp_path)
    write_rows(tmp_path, 2)
    rows = tmp_path / CHANGE_LOG
    text = rows.read_text(encoding="utf-8")
    rows.write_text(text.replace("変更1の前の文", "𠮷野家の文"), encoding="utf-8")

    result = hpia("render", folder, "-o", tmp_path / "out.pdf")

    assert result.code == 1
    assert without_notes(result.err) == (
        "エラー: 別添２の2行目の変更前の記載: 「𠮷」（U+20BB7）はPDFのフォントにない"
        "文字です。別の文字（異体字なら通常の字体など）に置き換えてください。\n"
    )


def another_owners(repo: Path) -> str:
    """What git says of a repository that another user owns."""
    return (
        f"{repo}: 別のユーザーが所有するリポジトリのため、"
        "git が読み取りを拒否しました。"
        f"git config --global --add safe.directory {repo} を実行してから、"
        "もう一度実行してください。"
    )


def test_the_commit_of_another_owners_repository_is_not_dropped_silently(
    repo: GitRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    """git's own test switch makes it see the repository as another user's."""
    monkeypatch.setenv("GIT_TEST_ASSUME_DIFFERENT_OWNER", "1")

    with pytest.raises(HpiaError) as caught:
        source_commit(repo.form)

    assert str(caught.value) == another_owners(repo.root)


def test_another_owner_renders_the_same_bytes_or_nothing(
    repo: GitRepo,
    git_config: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    hpia: Callable[..., Run],
) -> None:
    mine, theirs = tmp_path / "mine.pdf", tmp_path / "theirs.pdf"
    assert hpia("render", repo.folder, "-o", mine).code == 0
    monkeypatch.setenv("GIT_TEST_ASSUME_DIFFERENT_OWNER", "1")

    refused = hpia("render", repo.folder, "-o", theirs)
    with git_config.open("a", encoding="utf-8") as config:
        config.write(f"[safe]\n\tdirectory = {repo.root}\n")
    allowed = hpia("render", repo.folder, "-o", theirs)

    assert (refused.code, refused.err) == (1, f"エラー: {another_owners(repo.root)}\n")
    assert allowed.code == 0
    assert theirs.read_bytes() == mine.read_bytes()
    info = PdfReader(theirs).metadata
    assert info is not None
    assert info["/hpiasourcecommit"] == repo.git("rev-parse", "HEAD")


NO_CHANGE_LOG = (
    "別添２に change_log/ の記録（git で管理する前の変更箇所）は入りません。"
)
NOT_IN_GIT = "git の管理下にないため、変更箇所は change_log/ の記録だけです。"


def test_a_copy_outside_assessments_renders_with_a_note_on_its_empty_appendix(
    tmp_path: Path, hpia: Callable[..., Run]
) -> None:
    """A newcomer rendered a copy in r1/ and found 別添２ silently empty."""
    folder = tmp_path / "r1"
    folder.mkdir()
    form = write_filled(FORM, folder / FORM.filename)
    pdf = tmp_path / "out.pdf"

    result = hpia("render", folder, "-o", pdf)

    assert result.code == 0
    assert result.err.splitlines() == [
        f"注意: {form}: assessments/<団体>/<事務>/ の下にないため、"
        f"対応する change_log/ を探せません。{NO_CHANGE_LOG}",
        f"注意: {form}: {NOT_IN_GIT}",
        f"{pdf} を作成しました（15ページ）。",
    ]


def test_a_missing_change_log_folder_is_named(
    tmp_path: Path, hpia: Callable[..., Run]
) -> None:
    folder = folder_with_form(tmp_path)
    pdf = tmp_path / "out.pdf"

    result = hpia("render", folder, "-o", pdf)

    assert result.code == 0
    assert result.err.splitlines() == [
        f"注意: {tmp_path / 'change_log' / 'test-city' / 'test-task'}/ がありません。"
        f"{NO_CHANGE_LOG}",
        f"注意: {folder / FORM.filename}: {NOT_IN_GIT}",
        f"{pdf} を作成しました（15ページ）。",
    ]


def test_with_its_change_log_folder_nothing_is_noted_about_it(
    tmp_path: Path, hpia: Callable[..., Run]
) -> None:
    folder = folder_with_form(tmp_path)
    write_rows(tmp_path, 1)

    result = hpia("render", folder, "-o", tmp_path / "out.pdf")

    assert result.code == 0
    assert "change_log/ の記録（git" not in result.err
