"""`hpia check PATH... [--today YYYY-MM-DD] [--format text|json] [--strict]`"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated

import typer

from hpia.check import check_paths
from hpia.cli.options import iso_date, output_format
from hpia.problems import Level


def command(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="評価書のフォルダ（事務ごと）、その上のフォルダ、または評価書のファイル",
            show_default=False,
        ),
    ],
    today: Annotated[
        str | None,
        typer.Option(
            "--today",
            help="期限を判断する基準日（YYYY-MM-DD）。省略すると今日",
            show_default=False,
        ),
    ] = None,
    format: Annotated[
        str, typer.Option("--format", help="出力の形式: text または json")
    ] = "text",
    strict: Annotated[
        bool, typer.Option("--strict", help="警告があっても終了コードを1にする")
    ] = False,
) -> None:
    """評価書が法令・指針の求めるとおりかを点検する。

    validate の検証に加えて、しきい値判断と評価書の種類、基礎項目評価書と
    重点項目評価書の一致、見直し・再実施の期限、引用条項や表記を点検する。
    1件1行で「ファイル:行:桁: 項目: 説明 [規則｜根拠]」と表示する。
    誤りがあれば終了コード1。警告だけなら0（--strict のときは1）。
    """
    output_format(format)
    day = iso_date("--today", today) if today else dt.date.today()
    findings = check_paths(paths, day)

    if format == "json":
        body = {
            "findings": [p.as_dict() for p in findings.problems],
            "files": findings.files,
            **{level.value: findings.count(level) for level in Level},
        }
        typer.echo(json.dumps(body, ensure_ascii=False, indent=2))
    else:
        for problem in findings.problems:
            typer.echo(problem.format_with_rule())
    typer.echo(
        f"{findings.files}ファイルを点検: 誤り{findings.count(Level.ERROR)}件、"
        f"警告{findings.count(Level.WARNING)}件、参考{findings.count(Level.INFO)}件",
        err=True,
    )
    if findings.failed(strict):
        raise typer.Exit(1)
