"""`hpia threshold --people N --handlers N [--serious-incident]`"""

from __future__ import annotations

import json
from typing import Annotated

import typer

from hpia.cli.options import output_format, whole_number
from hpia.rules.threshold import decide


def command(
    people: Annotated[
        str,
        typer.Option(
            "--people", help="対象人数（評価対象の事務の対象人数）", show_default=False
        ),
    ],
    handlers: Annotated[
        str,
        typer.Option(
            "--handlers",
            help="取扱者数（特定個人情報ファイルを取り扱う職員と委託先の従業者の数）",
            show_default=False,
        ),
    ],
    serious_incident: Annotated[
        bool,
        typer.Option(
            "--serious-incident",
            help="過去1年以内に特定個人情報に関する重大事故が発生した",
        ),
    ] = False,
    format: Annotated[
        str, typer.Option("--format", help="出力の形式: text または json")
    ] = "text",
) -> None:
    """しきい値判断: 義務付けられる特定個人情報保護評価の種類を表示する。

    根拠は特定個人情報保護評価指針 第5 2。
    """
    output_format(format)
    decision = decide(
        whole_number("--people", people),
        whole_number("--handlers", handlers),
        serious_incident,
    )
    if format == "json":
        typer.echo(json.dumps({"required": decision.names}, ensure_ascii=False))
        return
    typer.echo("、".join(decision.names) or "なし")
    typer.echo(decision.sentence)
