"""Where the renderer finds its templates: installed copy, else the checkout."""

from __future__ import annotations

from pathlib import Path

import pytest

from hpia.errors import HpiaError
from hpia.render import resources


def make_templates(folder: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / "base.html").write_text("", encoding="utf-8")
    return folder


@pytest.fixture
def package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A stand-in for the installed `hpia` package folder."""
    folder = tmp_path / "site" / "hpia"
    folder.mkdir(parents=True)
    monkeypatch.setattr(resources, "PACKAGE", folder)
    return folder


def test_a_built_package_uses_its_own_copy(package: Path) -> None:
    make_templates(package.parent / "templates")
    installed = make_templates(package / "templates")
    assert resources.templates_dir() == installed


def test_a_checkout_uses_the_top_level_folder(package: Path) -> None:
    top = make_templates(package.parent / "templates")
    assert resources.templates_dir() == top


def test_no_templates_is_a_clear_error(package: Path) -> None:
    with pytest.raises(HpiaError, match="PDFのひな形（templates フォルダ）"):
        resources.templates_dir()


def test_this_checkout_finds_the_repository_templates() -> None:
    root = Path(__file__).resolve().parent.parent
    assert resources.templates_dir() == root / "templates"
