"""`hpia schema [--write | --check]`"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from hpia import catalog
from hpia.errors import HpiaError
from hpia.schema import schema_path, schema_text


def command(
    write: Annotated[
        bool, typer.Option("--write", help="schema/ のファイルを書き直す")
    ] = False,
    check: Annotated[
        bool, typer.Option("--check", help="schema/ が最新かどうかだけを確かめる")
    ] = False,
    root: Annotated[
        Path, typer.Option(help="リポジトリの最上位フォルダ", show_default=False)
    ] = Path(),
) -> None:
    """各様式の JSON Schema（エディタの補完・説明用）を出力する。"""
    stale = []
    for form in catalog.FORMS:
        path = schema_path(root, form)
        text = schema_text(form)
        if write:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            typer.echo(f"{path} を書き出しました。", err=True)
        elif check:
            current = path.read_text(encoding="utf-8") if path.exists() else ""
            if current != text:
                stale.append(str(path))
        else:
            typer.echo(text, nl=False)
    if stale:
        raise HpiaError(
            "次のスキーマが様式の定義と一致しません: "
            + "、".join(stale)
            + "。hpia schema --write で更新してください。"
        )
