"""`hpia render PATH -o OUT.pdf [--html OUT.html]`"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from hpia.problems import one_line


def command(
    path: Annotated[
        Path,
        typer.Argument(
            help="評価書のファイル、または評価書のフォルダ", show_default=False
        ),
    ],
    output: Annotated[
        Path,
        typer.Option(
            "-o", "--output", help="書き出すPDFファイル（.pdf）", show_default=False
        ),
    ],
    html: Annotated[
        Path | None,
        typer.Option(
            "--html",
            help="同じ内容をHTMLでも書き出す（.html）",
            show_default=False,
        ),
    ] = None,
) -> None:
    """評価書を様式どおりのPDFにする。

    別添２の変更箇所は、hpia changes と同じく change_log/ の記録と git の履歴から作る。
    評価書に誤りがあるときは、検証と同じ形式で表示してPDFを作らない（終了コード1）。
    評価書のファイルや assessments/、change_log/ の中には書き出さない。
    """
    # WeasyPrint takes half a second to import: only the render pays it.
    from hpia import render
    from hpia.render import loading, outputs

    outputs.check_targets(loading.form_file(path), output, html)
    job = loading.load(path)
    for problem in job.problems:
        typer.echo(problem.format(), err=True)
    if job.assessment is None:
        raise typer.Exit(1)
    for note in job.notes:
        typer.echo(f"注意: {one_line(note)}", err=True)

    result = render.render(job.assessment, job.rows, job.origin)
    written = [(output, result.pdf)]
    if html is not None:
        written.append((html, result.html.encode("utf-8")))
    outputs.write_all(written)
    done = f"{one_line(str(output))} を作成しました（{result.pages}ページ）。"
    typer.echo(done, err=True)
