"""Where `hpia render` writes: never over an input, all outputs or none."""

from __future__ import annotations

import resource
import signal
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import Run
from filled import write_filled
from renders import FORM, assessment_folder, without_notes

from hpia import render
from hpia.render import Rendered

OLD = b"%PDF- the PDF of an earlier render"


def folder_with_form(root: Path) -> Path:
    folder = assessment_folder(root)
    write_filled(FORM, folder / FORM.filename)
    return folder


def copy_outside_assessments(root: Path) -> Path:
    """A copy of the form in r1/, as a user renders a draft."""
    folder = root / "r1"
    folder.mkdir()
    write_filled(FORM, folder / FORM.filename)
    return folder


@pytest.mark.parametrize(
    ("option", "wanted"), [("-o", ".pdf"), ("--html", ".html、.htm")]
)
def test_the_form_file_is_never_an_output(
    tmp_path: Path, hpia: Callable[..., Run], option: str, wanted: str
) -> None:
    """`hpia render r1 -o r1/juten.yaml` once wrote a PDF over the form."""
    folder = copy_outside_assessments(tmp_path)
    form = folder / FORM.filename
    before = form.read_bytes()
    pdf = tmp_path / "out.pdf"
    args = ["-o", form] if option == "-o" else ["-o", pdf, "--html", form]

    result = hpia("render", folder, *args)

    assert result.code == 2
    assert result.err == (
        f"エラー: {form}: {option} のファイル名は {wanted} で終わるもの"
        "にしてください。\n"
    )
    assert form.read_bytes() == before
    assert not pdf.exists()


@pytest.mark.parametrize(
    ("option", "name", "wanted"),
    [
        ("-o", "out.html", ".pdf"),
        ("-o", "out", ".pdf"),
        ("--html", "out.pdf", ".html、.htm"),
        ("--html", "out.yaml", ".html、.htm"),
    ],
)
def test_outputs_must_be_named_for_what_they_hold(
    tmp_path: Path, hpia: Callable[..., Run], option: str, name: str, wanted: str
) -> None:
    folder = folder_with_form(tmp_path)
    target = tmp_path / name
    args = ["-o", target] if option == "-o" else ["-o", tmp_path / "x.pdf"]
    if option == "--html":
        args += ["--html", target]

    result = hpia("render", folder, *args)

    assert result.code == 2
    assert result.err == (
        f"エラー: {target}: {option} のファイル名は {wanted} で終わるもの"
        "にしてください。\n"
    )
    assert list(tmp_path.iterdir()) == [tmp_path / "assessments"]


def test_suffixes_are_read_without_case(
    tmp_path: Path, hpia: Callable[..., Run]
) -> None:
    folder = folder_with_form(tmp_path)
    pdf, page = tmp_path / "OUT.PDF", tmp_path / "out.HTM"

    assert hpia("render", folder, "-o", pdf, "--html", page).code == 0
    assert pdf.read_bytes().startswith(b"%PDF-")
    assert page.read_bytes().startswith(b"<!DOCTYPE html>")


@pytest.mark.parametrize(
    "where",
    [
        "assessments/test-city/test-task/out.pdf",
        "assessments/out.pdf",
        "change_log/test-city/test-task/out.pdf",
        "change_log/out.pdf",
    ],
)
def test_nothing_is_written_into_the_input_folders(
    tmp_path: Path, hpia: Callable[..., Run], where: str
) -> None:
    folder = folder_with_form(tmp_path)
    (tmp_path / "change_log" / "test-city" / "test-task").mkdir(parents=True)
    target = tmp_path / where

    result = hpia("render", folder, "-o", target)

    top = where.split("/")[0]
    assert result.code == 2
    assert result.err == (
        f"エラー: {target}: {top}/ の中には書き出せません"
        "（評価書と変更箇所の記録を置くフォルダです）。別の場所を指定してください。\n"
    )
    assert not target.exists()


@pytest.mark.parametrize("kind", ["hard", "symbolic"])
def test_a_link_to_the_form_is_the_form(
    tmp_path: Path, hpia: Callable[..., Run], kind: str
) -> None:
    folder = copy_outside_assessments(tmp_path)
    form = folder / FORM.filename
    before = form.read_bytes()
    link = tmp_path / "draft.pdf"
    if kind == "hard":
        link.hardlink_to(form)
    else:
        link.symlink_to(form)

    result = hpia("render", folder, "-o", link)

    assert result.code == 2
    assert result.err == (
        f"エラー: {link}: 評価書のファイルそのものです。"
        "上書きしないよう、別のファイル名を指定してください。\n"
    )
    assert form.read_bytes() == before


def test_when_one_output_cannot_be_written_neither_is(
    tmp_path: Path, hpia: Callable[..., Run]
) -> None:
    folder = folder_with_form(tmp_path)
    pdf = tmp_path / "out.pdf"
    pdf.write_bytes(OLD)
    page = tmp_path / "no-such-folder" / "out.html"

    result = hpia("render", folder, "-o", pdf, "--html", page)

    assert result.code == 1
    assert without_notes(result.err) == (
        f"エラー: {page} に書き出せません（No such file or directory）。\n"
    )
    assert pdf.read_bytes() == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["assessments", "out.pdf"]


@pytest.fixture
def full_disk_after_render(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Once the document is rendered, files may not grow past 20 KB.

    A full disk, simulated by the file size limit, set only for writing
    the outputs: WeasyPrint writes the fonts to temporary files first.
    """
    limit = resource.getrlimit(resource.RLIMIT_FSIZE)
    handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    real = render.render

    def render_then_fill(*args: Any, **kwargs: Any) -> Rendered:
        result = real(*args, **kwargs)
        resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, limit[1]))
        return result

    monkeypatch.setattr(render, "render", render_then_fill)
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, limit)
        signal.signal(signal.SIGXFSZ, handler)


@pytest.mark.usefixtures("full_disk_after_render")
def test_a_write_that_fails_halfway_leaves_the_old_output(
    tmp_path: Path, hpia: Callable[..., Run]
) -> None:
    folder = folder_with_form(tmp_path)
    pdf = tmp_path / "out.pdf"
    pdf.write_bytes(OLD)

    result = hpia("render", folder, "-o", pdf)

    assert result.code == 1
    assert without_notes(result.err) == (
        f"エラー: {pdf} に書き出せません（File too large）。\n"
    )
    assert pdf.read_bytes() == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["assessments", "out.pdf"]


def test_outputs_keep_the_usual_permissions(
    tmp_path: Path, hpia: Callable[..., Run]
) -> None:
    """Not the owner-only mode of a temporary file: a new output gets the
    mode of any new file, a replaced one keeps its own."""
    folder = folder_with_form(tmp_path)
    existing = tmp_path / "old.pdf"
    existing.write_bytes(OLD)
    existing.chmod(0o640)
    pdf = tmp_path / "new.pdf"

    assert hpia("render", folder, "-o", pdf).code == 0
    assert hpia("render", folder, "-o", existing).code == 0

    plain = tmp_path / "made-by-open"
    plain.touch()
    assert pdf.stat().st_mode & 0o777 == plain.stat().st_mode & 0o777
    assert existing.stat().st_mode & 0o777 == 0o640
