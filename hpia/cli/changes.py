"""`hpia changes PATH [--format table|json|csv]`"""

from __future__ import annotations

import enum
import shutil
from pathlib import Path
from typing import Annotated

import typer

from hpia.changes import change_table, output


class Format(enum.StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"


def command(
    path: Annotated[
        Path,
        typer.Argument(
            help="評価書のフォルダ、または評価書のファイル", show_default=False
        ),
    ],
    form: Annotated[
        Format,
        typer.Option("--format", help="出力の形式: table（表）、json、csv"),
    ] = Format.TABLE,
) -> None:
    """（別添２）変更箇所を、change_log/ の記録と git の履歴から作って表示する。

    change_log/<団体>/<事務>/before-git.yaml の行を先に、続けて git の履歴から
    作った行を古い順に表示する。まだコミットしていない編集は「未コミット」として
    示す。
    """
    table = change_table(path)
    for problem in table.warnings:
        typer.echo(problem.format(), err=True)
    for note in table.notes:
        typer.echo(f"注意: {note}", err=True)

    if form is Format.JSON:
        typer.echo(output.as_json(table.rows))
    elif form is Format.CSV:
        typer.echo(output.as_csv(table.rows))
    else:
        width = shutil.get_terminal_size((120, 24)).columns
        typer.echo(output.as_table(table.rows, width))
