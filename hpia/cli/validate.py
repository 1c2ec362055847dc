"""`hpia validate PATH...`"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from hpia.problems import Level
from hpia.validate import validate_paths


def command(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="評価書のファイル、または評価書のフォルダ", show_default=False
        ),
    ],
) -> None:
    """評価書（YAML）が様式どおりに書かれているかを検証する。

    問題は1件1行で「ファイル:行:桁: 項目: 説明」と表示する。
    問題がなければ終了コード0、誤りがあれば1、見つからないパスがあれば2。
    フォルダを指定すると、その中の juten.yaml などを検証する。
    """
    report = validate_paths(paths)
    for problem in report.problems:
        typer.echo(problem.format())

    errors = sum(p.level is Level.ERROR for p in report.problems)
    warnings = sum(p.level is Level.WARNING for p in report.problems)
    files = len(
        {p.file for p in report.problems} | {a.file for a in report.assessments}
    )
    if files or not report.unusable:
        summary = f"{files}ファイルを検証: 誤り{errors}件、警告{warnings}件"
        typer.echo(summary, err=True)
    for message in report.unusable:
        typer.echo(f"エラー: {message}", err=True)
    if report.unusable:
        raise typer.Exit(2)
    if errors:
        raise typer.Exit(1)
