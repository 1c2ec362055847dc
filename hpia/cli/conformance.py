"""`hpia conformance ASSESSMENT --db URL`"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from hpia.registry import conformance
from hpia.registry.database import open_registry


def _cell(text: str) -> str:
    return text.replace("|", "｜").replace("\n", " ")


def command(
    assessment: Annotated[Path, typer.Argument(help="重点項目評価書の YAML")],
    db: Annotated[
        str,
        typer.Option("--db", help="台帳（ファイルまたは URL）"),
    ],
) -> None:
    """評価書の記載と予防接種台帳の実際を、記載ごとに根拠を添えて比べる。

    食い違いがあれば終了コード1。
    """
    form = conformance.load(assessment)
    registry = open_registry(db)
    claims = conformance.compare(form, conformance.gather(registry))

    typer.echo("| 判定 | 項目 | 評価書の記載 | 台帳の根拠 |")
    typer.echo("| --- | --- | --- | --- |")
    for claim in claims:
        cells = (claim.verdict.value, claim.item, claim.stated, claim.evidence)
        typer.echo("| " + " | ".join(_cell(c) for c in cells) + " |")

    counts = {v: sum(c.verdict is v for c in claims) for v in conformance.Verdict}
    summary = "、".join(f"{v.value}{n}件" for v, n in counts.items())
    typer.echo(f"{assessment}: {summary}", err=True)
    if counts[conformance.Verdict.MISMATCH]:
        raise typer.Exit(1)
