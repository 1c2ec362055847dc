"""`hpia new FOLDER [--form juten]`"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from hpia import catalog
from hpia.errors import HpiaError, UsageError
from hpia.scaffold import blank_form


def _form_named(name: str) -> catalog.Form:
    for form in catalog.FORMS:
        if name in (form.name, Path(form.filename).stem, form.schema_name):
            return form
    known = "、".join(f"{Path(f.filename).stem}（{f.name}）" for f in catalog.FORMS)
    raise UsageError(f"「{name}」という様式はありません。指定できる様式: {known}")


def _schema_ref(folder: Path, form: catalog.Form) -> str:
    """The schema path relative to `folder`, found in the nearest schema/."""
    for parent in (folder.resolve(), *folder.resolve().parents):
        schema = parent / "schema" / f"{form.schema_name}.schema.json"
        if schema.exists():
            return Path(os.path.relpath(schema, folder.resolve())).as_posix()
    return ""


def command(
    folder: Annotated[
        Path, typer.Argument(help="評価書を置くフォルダ（例: assessments/市/事務）")
    ],
    form: Annotated[
        str, typer.Option("--form", help="様式（juten: 重点項目評価書）")
    ] = "juten",
) -> None:
    """様式のすべての項目を空欄で並べた評価書のひな形を作る。"""
    chosen = _form_named(form)
    target = folder / chosen.filename
    if target.exists():
        raise HpiaError(f"{target}: すでにあります。上書きはしません。")

    folder.mkdir(parents=True, exist_ok=True)
    target.write_text(blank_form(chosen, _schema_ref(folder, chosen)), encoding="utf-8")
    typer.echo(
        f"{target} を作りました。各項目を記入し、hpia validate で確かめてください。"
    )
