"""Extraction by conditions to CSV, as the seed's EUC system does.

The columns are the 4情報 of the 宛名 and the items of each record; the
個人番号 is not among them, whatever the conditions (the module refuses to
load if a column holding it were ever added). Rows are streamed from the
database to the file, so memory does not grow with the result, and the
file appears only when complete. The conditions, the file and the count
go to the operation log (seed: 「抽出を行った日時・条件及び操作ログを保管」).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, Date, String, select, type_coerce

from hpia.errors import HpiaError
from hpia.registry import audit
from hpia.registry.columns import PERSON_COLUMNS, RECORD_COLUMNS, Field
from hpia.registry.database import Registry
from hpia.registry.fields import FieldError, fold
from hpia.registry.models import Person, Record
from hpia.registry.roles import Right
from hpia.registry.staff import Staff, require

ENCODINGS = {"utf-8": "utf-8-sig", "cp932": "cp932"}
_PARTITION = 10_000
_PROTECTED_ITEM = "個人番号"


@dataclass(frozen=True)
class Output:
    header: str
    column: Any  # an ORM attribute
    field: Field


def _outputs() -> list[Output]:
    person = [
        Output(f.header, getattr(Person, f.key), f)
        for f in PERSON_COLUMNS
        if f.item != _PROTECTED_ITEM
    ]
    records = [
        Output(f.header, getattr(Record, f.key), f)
        for f in RECORD_COLUMNS
        if f.key != "atena"
    ]
    return person + records


OUTPUTS = _outputs()
if any(o.field.item == _PROTECTED_ITEM for o in OUTPUTS):
    raise RuntimeError("an extraction column would carry the 個人番号")
HEADERS = [o.header for o in OUTPUTS]

_OPERATORS: dict[str, Callable[[Any, Any], ColumnElement[bool]]] = {
    ">=": lambda c, v: c >= v,
    "<=": lambda c, v: c <= v,
    "!=": lambda c, v: c != v,
    "=": lambda c, v: c == v,
    ">": lambda c, v: c > v,
    "<": lambda c, v: c < v,
    "~": lambda c, v: c.contains(v, autoescape=True),
}
_CONDITION = re.compile(r"^\s*(.+?)\s*(>=|<=|!=|=|>|<|~)\s*(.*?)\s*$")


def condition(text: str) -> ColumnElement[bool]:
    """「接種日>=2024-04-01」 to a SQL condition; the value is read as the
    column reads it on import (和暦 dates too)."""
    match = _CONDITION.match(fold(text))
    if match is None:
        raise HpiaError(
            f"抽出条件を読めません: 「{text}」。"
            "「列=値」「接種日>=2024-04-01」「氏名~テスト」のように書いてください。"
        )
    name, operator, raw = match.groups()
    output = next((o for o in OUTPUTS if fold(o.header) == name), None)
    if output is None:
        raise HpiaError(
            f"抽出条件の列「{name}」はありません。使える列: " + "、".join(HEADERS)
        )
    if operator == "~":
        return _OPERATORS[operator](output.column, raw)
    try:
        value = output.field.read(raw)
    except FieldError as err:
        raise HpiaError(f"抽出条件「{text}」: {err}") from None
    return _OPERATORS[operator](output.column, value)


def _selected(column: Any) -> Any:
    # Dates leave the database as text: 'YYYY-MM-DD' on SQLite, and a date
    # object (whose str() is the same) on PostgreSQL; no parsing per row.
    if isinstance(column.type, Date):
        return type_coerce(column, String())
    return column


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if value is True:
        return "有"
    if value is False:
        return "無"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


@dataclass(frozen=True)
class Extracted:
    path: Path
    rows: int


def _write(
    registry: Registry, where: list[ColumnElement[bool]], path: Path, encoding: str
) -> int:
    query = (
        select(*(_selected(o.column) for o in OUTPUTS))
        .select_from(Record)
        .join(Person, Person.atena == Record.atena)
        .where(*where)
        .order_by(Record.id)
    )
    partial = path.with_name(f".{path.name}.partial")
    count = 0
    try:
        with (
            registry.engine.connect() as conn,
            partial.open("w", encoding=ENCODINGS[encoding], newline="") as out,
        ):
            writer = csv.writer(out, lineterminator="\r\n")
            writer.writerow(HEADERS)
            result = conn.execution_options(
                stream_results=True, yield_per=_PARTITION
            ).execute(query)
            for rows in result.partitions():
                writer.writerows([cell_text(v) for v in row] for row in rows)
                count += len(rows)
        partial.replace(path)
    except UnicodeEncodeError as err:
        raise HpiaError(
            f"CP932 で表せない文字（{err.object[err.start : err.end]}）が"
            f"{count + 2}行目付近にあります。--encoding utf-8 で出力してください。"
        ) from err
    finally:
        partial.unlink(missing_ok=True)
    return count


def extract(
    registry: Registry,
    who: Staff,
    conditions: list[str],
    path: Path,
    encoding: str = "utf-8",
) -> Extracted:
    """Write the records matching all `conditions` to `path` (CSV)."""
    require(registry, who, Right.EXTRACT, "抽出", path.name)
    if encoding not in ENCODINGS:
        raise HpiaError(f"文字コード「{encoding}」は選べません。utf-8 または cp932")
    if not path.parent.is_dir():
        raise HpiaError(f"出力先のフォルダがありません: {path.parent}")
    where = [condition(text) for text in conditions]
    logged = {"条件": conditions, "出力": str(path), "文字コード": encoding}

    try:
        count = _write(registry, where, path, encoding)
    except HpiaError:
        with registry.engine.begin() as conn:
            audit.append(
                conn,
                registry.keys,
                user=who.name,
                action="抽出",
                target=path.name,
                conditions=logged,
                outcome="中止",
            )
        raise
    with registry.engine.begin() as conn:
        audit.append(
            conn,
            registry.keys,
            user=who.name,
            action="抽出",
            target=path.name,
            conditions=logged,
            outcome=f"{count}件",
        )
    return Extracted(path, count)
