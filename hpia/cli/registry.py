"""`hpia registry --db URL [--user NAME] COMMAND …`: the 予防接種台帳.

Thin: each command opens the registry, signs the user in and calls one
function of `hpia.registry`. Passwords come from `HPIA_PASSWORD` or a
prompt; a new user's password from `HPIA_NEW_PASSWORD` or a prompt.
"""

from __future__ import annotations

import datetime as dt
import enum
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import typer

from hpia.errors import HpiaError
from hpia.registry import audit, extract, imports, people, staff, transfer
from hpia.registry.database import Registry, connected, init, open_registry
from hpia.registry.fields import FieldError
from hpia.registry.fields import date as read_date
from hpia.registry.keys import key_path
from hpia.registry.roles import Role

app = typer.Typer(
    help="予防接種台帳（特定個人情報ファイル）を操作する",
    no_args_is_help=True,
)
users = typer.Typer(help="使用者を管理する", no_args_is_help=True)
log = typer.Typer(help="操作ログを確認する", no_args_is_help=True)
app.add_typer(users, name="user")
app.add_typer(log, name="audit")

PASSWORD = "HPIA_PASSWORD"
NEW_PASSWORD = "HPIA_NEW_PASSWORD"


@dataclass(frozen=True)
class Options:
    db: str
    user: str | None


@app.callback()
def _options(
    ctx: typer.Context,
    db: Annotated[
        str,
        typer.Option(
            "--db",
            help="台帳: SQLite のファイル、または postgresql://… の URL",
        ),
    ],
    user: Annotated[
        str | None, typer.Option("--user", help="操作する使用者の名前")
    ] = None,
) -> None:
    """予防接種台帳を操作する。鍵ファイルは環境変数 HPIA_REGISTRY_KEY で指定する。"""
    ctx.obj = Options(db, user)


def _password(variable: str, prompt: str, confirm: bool = False) -> str:
    value = os.environ.get(variable)
    if value is not None:
        return value
    return str(typer.prompt(prompt, hide_input=True, confirmation_prompt=confirm))


def _signed_in(ctx: typer.Context) -> tuple[Registry, staff.Staff]:
    options: Options = ctx.obj
    if not options.user:
        raise HpiaError("--user で操作する使用者の名前を指定してください。")
    registry = open_registry(options.db)
    password = _password(PASSWORD, f"{options.user} のパスワード")
    return registry, staff.sign_in(registry, options.user, password)


def _day(text: str) -> dt.date:
    try:
        return read_date(text)
    except FieldError as err:
        raise HpiaError(str(err)) from None


@app.command("init")
def init_command(ctx: typer.Context) -> None:
    """台帳を作成する（既にあれば最新の形式に更新する）。鍵ファイルがなければ作る。"""
    registry, created = init(ctx.obj.db)
    typer.echo(f"台帳を用意しました: {registry.where}")
    if created:
        typer.echo(
            f"鍵ファイルを作成しました: {key_path()}。"
            "この鍵がないと台帳を開けません。控えを安全な場所に保管してください。"
        )


@users.command("add")
def add_user(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="使用者の名前")],
    role: Annotated[str, typer.Option("--role", help="閲覧・登録・抽出・管理")],
) -> None:
    """使用者を追加する。最初の使用者（管理）は --user なしで追加する。"""
    wanted = Role.named(role)
    if ctx.obj.user:
        registry, who = _signed_in(ctx)
        password = _password(NEW_PASSWORD, f"{name} のパスワード", confirm=True)
        staff.add_user(registry, name, wanted, password, by=who)
    else:
        registry = open_registry(ctx.obj.db)
        password = _password(PASSWORD, f"{name} のパスワード", confirm=True)
        staff.add_user(registry, name, wanted, password, by=None)
    typer.echo(f"使用者「{name}」（役割: {wanted.value}）を追加しました。")


class Kind(enum.StrEnum):
    persons = "persons"
    records = "records"
    transfer = "transfer"


@app.command("import")
def import_command(
    ctx: typer.Context,
    kind: Annotated[
        Kind,
        typer.Argument(
            help="persons: 宛名 / records: 接種記録 / transfer: 転入元の記録"
        ),
    ],
    file: Annotated[Path, typer.Argument(help="CSV（transfer は JSON）")],
) -> None:
    """宛名・接種記録の CSV、または転入元からの記録（JSON）を取り込む。

    1行でも誤りがあれば、ファイル全体を取り込まない。
    """
    registry, who = _signed_in(ctx)
    if kind is Kind.transfer:
        atena, count = transfer.receive(registry, who, file)
        typer.echo(f"宛名番号 {atena} に転入前の接種記録{count}件を取り込みました。")
        return
    if kind is Kind.persons:
        done = imports.import_persons(registry, who, file)
    else:
        done = imports.import_records(registry, who, file)
    typer.echo(f"{file}: 新規{done.added}件、更新{done.updated}件を取り込みました。")


@app.command("extract")
def extract_command(
    ctx: typer.Context,
    output: Annotated[Path, typer.Option("-o", "--output", help="出力する CSV")],
    where: Annotated[
        list[str] | None,
        typer.Option(
            "--where", help="抽出条件（例: 接種日>=2024-04-01）。複数はすべて満たすもの"
        ),
    ] = None,
    encoding: Annotated[
        str, typer.Option("--encoding", help="utf-8（BOM 付き）または cp932")
    ] = "utf-8",
) -> None:
    """条件に合う接種記録を CSV に出力する。個人番号は出力しない。"""
    registry, who = _signed_in(ctx)
    done = extract.extract(registry, who, where or [], output, encoding)
    typer.echo(f"{done.rows}件を {done.path} に出力しました。")


def _print_fields(fields: dict[str, Any], indent: str = "") -> None:
    for header, value in fields.items():
        typer.echo(f"{indent}{header}: {extract.cell_text(value)}")


@app.command("show")
def show_command(
    ctx: typer.Context,
    atena: Annotated[str, typer.Argument(help="宛名番号")],
    number: Annotated[
        bool, typer.Option("--number", help="個人番号も表示する（登録・管理のみ）")
    ] = False,
) -> None:
    """宛名と接種歴を表示する。"""
    registry, who = _signed_in(ctx)
    history = people.show(registry, who, atena, with_number=number)
    _print_fields(history.person)
    typer.echo(f"接種記録: {len(history.records)}件")
    for i, record in enumerate(history.records, start=1):
        typer.echo(f"  [{i}]")
        _print_fields(record, indent="    ")


@app.command("find")
def find_command(ctx: typer.Context) -> None:
    """個人番号で宛名番号を探す。番号は画面（または標準入力）から読み、表示も記録もしない。"""
    registry, who = _signed_in(ctx)
    number = str(typer.prompt("個人番号", hide_input=True))
    atena = people.find_by_number(registry, who, number)
    if atena is None:
        raise HpiaError("この個人番号の宛名は台帳にありません。")
    typer.echo(f"宛名番号: {atena}")


@app.command("export")
def export_command(
    ctx: typer.Context,
    atena: Annotated[str, typer.Argument(help="宛名番号")],
    output: Annotated[Path, typer.Option("-o", "--output", help="出力する JSON")],
) -> None:
    """転出先の市区町村に提供する接種記録を JSON（個人番号付き）に出力する。"""
    registry, who = _signed_in(ctx)
    count = transfer.export(registry, who, atena, output)
    typer.echo(f"宛名番号 {atena} の接種記録{count}件を {output} に出力しました。")


@app.command("flag")
def flag_command(
    ctx: typer.Context,
    atena: Annotated[str, typer.Argument(help="宛名番号")],
    event: Annotated[str, typer.Argument(help="転出 または 死亡")],
    date: Annotated[str, typer.Option("--date", help="転出日・死亡日")],
) -> None:
    """宛名に転出または死亡とその日付を記録する。"""
    registry, who = _signed_in(ctx)
    happened = people.Event.named(event)
    people.mark(registry, who, atena, happened, _day(date))
    typer.echo(f"宛名番号 {atena} に{happened.value}（{date}）を記録しました。")


@app.command("purge")
def purge_command(
    ctx: typer.Context,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="基準日（既定: 今日）")
    ] = None,
    years: Annotated[
        int, typer.Option("--years", help="保存年数（5年以上）")
    ] = people.RETENTION_YEARS,
) -> None:
    """保存期間を過ぎた接種記録と、転出・死亡後に記録のなくなった宛名を削除する。"""
    registry, who = _signed_in(ctx)
    day = _day(as_of) if as_of else dt.date.today()
    done = people.purge(registry, who, day, years)
    typer.echo(
        f"{done.cutoff} 以前の接種記録{done.records}件、"
        f"宛名{done.persons}件を削除しました。"
    )


@log.command("verify")
def verify_command(ctx: typer.Context) -> None:
    """操作ログのハッシュ連鎖を検証する。改変・削除があれば終了コード1。"""
    registry = open_registry(ctx.obj.db)
    with connected(registry.engine) as conn:
        verdict = audit.verify(conn, registry.keys)
    for problem in verdict.problems:
        typer.echo(f"操作ログ: {problem}")
    if not verdict.ok:
        typer.echo(
            f"操作ログ {verdict.entries}件: 改変または削除があります。", err=True
        )
        raise typer.Exit(1)
    typer.echo(f"操作ログ {verdict.entries}件: 改変・削除はありません。")
