"""The `hpia` command: thin wrappers, one module per sub-command.

Errors become exit codes here and nowhere else: a user's mistake
(`HpiaError`) prints its Japanese message and exits 1 (2 for a usage
error); anything else is our bug, written to a crash log whose path is
printed, exit 70.
"""

from __future__ import annotations

import re
import sys
import tempfile
import traceback

import typer

from hpia.cli import (
    changes,
    check,
    conformance,
    new,
    registry,
    render,
    schema,
    threshold,
    validate,
)
from hpia.errors import HpiaError

app = typer.Typer(
    name="hpia",
    help="特定個人情報保護評価書（マイナンバー保護評価）を検証・出力するツール",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
app.command("validate")(validate.command)
app.command("schema")(schema.command)
app.command("new")(new.command)
app.command("threshold")(threshold.command)
app.command("check")(check.command)
app.command("render")(render.command)
app.command("changes")(changes.command)
app.command("conformance")(conformance.command)
app.add_typer(registry.app, name="registry")


@app.callback()
def _root() -> None:
    """特定個人情報保護評価書（マイナンバー保護評価）を検証・出力するツール"""


EXIT_BUG = 70


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return its exit code."""
    command = typer.main.get_command(app)
    try:
        result = command.main(args=argv, prog_name="hpia", standalone_mode=False)
    except typer.Abort:
        print("中断しました。", file=sys.stderr)
        return 1
    except typer.TyperException as err:
        # Typer's own usage errors (a missing argument, an unknown option);
        # with no arguments at all it has printed the help already.
        if not err.format_message():
            return 0
        print(_usage_message(err), file=sys.stderr)
        return 2
    except HpiaError as err:
        print(f"エラー: {err}", file=sys.stderr)
        return err.exit_code
    except Exception:
        return _crash()
    return result if isinstance(result, int) else 0


# Typer's usage messages are English; the common ones, in the users' words.
_USAGE = (
    (re.compile(r"Missing argument '(.+)'\."), r"引数 \1 がありません。"),
    (re.compile(r"No such option: (.+)"), r"そのオプションはありません: \1"),
    (re.compile(r"No such command '(.+)'\."), r"そのコマンドはありません: \1"),
    (
        re.compile(r"Missing option '([^']+)'(?: / '([^']+)')?\."),
        r"オプション \1 を指定してください。",
    ),
    (
        re.compile(r"Got unexpected extra arguments? \((.+)\)"),
        r"余分な引数があります: \1",
    ),
    (
        re.compile(r"Invalid value for '([^']+)': (.+)"),
        r"\1 の値が正しくありません（\2）",
    ),
)


def _usage_message(err: typer.TyperException) -> str:
    text = err.format_message()
    for pattern, japanese in _USAGE:
        text = pattern.sub(japanese, text)
    return f"使い方の誤り: {text}\nhpia --help で使い方を確認してください。"


def _crash() -> int:
    with tempfile.NamedTemporaryFile(
        "w", prefix="hpia-crash-", suffix=".log", delete=False, encoding="utf-8"
    ) as log:
        traceback.print_exc(file=log)
    print(
        "hpia の内部エラーです（入力の誤りではありません）。"
        f"開発担当にこのログを送ってください: {log.name}",
        file=sys.stderr,
    )
    return EXIT_BUG


def entry() -> None:
    sys.exit(main())
