"""The CSV columns of persons and records, read from the models' `info`.

A column's header, its 別添1 item and its reader are found here, so the
import, the extraction and conformance agree on one list.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Boolean, Column, Date, Float, Integer, String, Table

from hpia.registry import fields, mynumber
from hpia.registry.models import HEADER, ITEM, Person, Record

Reader = Callable[[str], Any]


@dataclass(frozen=True)
class Field:
    key: str  # the column's attribute name
    header: str  # the CSV header
    item: str  # the assessment item it holds
    read: Reader


def _my_number(value: str) -> str:
    try:
        return mynumber.parse(value)
    except mynumber.MyNumberError as err:
        raise fields.FieldError(str(err)) from None


# Columns whose reader is not implied by their SQL type.
_SPECIAL: dict[str, Reader] = {
    "number_sealed": _my_number,
    "sex": fields.sex,
    "billing_month": fields.month,
    "dose": functools.partial(fields.whole, minimum=1),
}


def _reader(column: Column[Any]) -> Reader:
    if column.key in _SPECIAL:
        return _SPECIAL[column.key]
    kind = column.type
    if isinstance(kind, Date):
        return fields.date
    if isinstance(kind, Boolean):
        return fields.flag
    if isinstance(kind, Integer):
        return fields.whole
    if isinstance(kind, Float):
        return fields.amount
    assert isinstance(kind, String) and kind.length
    return functools.partial(fields.text, limit=kind.length)


def declared(table: Table) -> list[Field]:
    """The columns of `table` that hold an assessment item, in order."""
    return [
        Field(c.key, c.info[HEADER], c.info[ITEM], _reader(c))
        for c in table.columns
        if ITEM in c.info
    ]


def header_names(columns: list[Field]) -> dict[str, str]:
    """Accepted header → field key: each header, and each item name that
    belongs to one column only (「ロット№」 for ロット番号)."""
    names = {fields.fold(c.header): c.key for c in columns}
    items = [c.item for c in columns]
    for c in columns:
        if items.count(c.item) == 1:
            names.setdefault(fields.fold(c.item), c.key)
    return names


PERSON_COLUMNS = [
    c
    for c in declared(Person.__table__)  # type: ignore[arg-type]
    if c.key not in ("moved_out_on", "died_on")
]
RECORD_COLUMNS = declared(Record.__table__)  # type: ignore[arg-type]
