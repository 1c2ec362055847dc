"""A person's records for the municipality they moved to, and back.

When a resident moves, the new municipality asks the old one for their
接種記録 by 個人番号 (the VRS 照会・提供). `export` writes one JSON file
keyed by the 個人番号 with the person's records; `receive` reads such a
file from the previous municipality and adds its records to the person
who holds that number here, flagged 転入前実施サイン. The file carries the
number by design, so it is written readable by its owner only; the
operation log records the 宛名番号 and the count, never the number.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError

from hpia.errors import HpiaError
from hpia.registry import audit, mynumber
from hpia.registry.columns import RECORD_COLUMNS, header_names
from hpia.registry.database import Registry
from hpia.registry.extract import cell_text
from hpia.registry.fields import FieldError, age_on, fold
from hpia.registry.models import Person, Record
from hpia.registry.roles import Right
from hpia.registry.staff import Staff, require

FORMAT = "hpia 予防接種記録 照会・提供"
VERSION = 1
_CARRIED = [c for c in RECORD_COLUMNS if c.key not in ("atena", "age")]


def export(registry: Registry, who: Staff, atena: str, path: Path) -> int:
    """Write `atena`'s records to `path`; returns how many."""
    require(registry, who, Right.TRANSFER, "提供", atena)
    with registry.engine.begin() as conn:
        person = conn.execute(select(Person).where(Person.atena == atena)).first()
        if person is None:
            raise HpiaError(f"宛名番号 {atena} の宛名は台帳にありません。")
        rows = conn.execute(
            select(Record).where(Record.atena == atena).order_by(Record.given_on)
        )
        records = [
            {c.header: cell_text(getattr(r, c.key)) for c in _CARRIED} for r in rows
        ]
        document = {
            "形式": FORMAT,
            "版": VERSION,
            "作成日時": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
            "個人番号": registry.keys.decrypt(person.number_sealed, atena),
            "生年月日": person.birth.isoformat(),
            "接種記録": records,
        }
        _write_private(path, document)
        audit.append(
            conn,
            registry.keys,
            user=who.name,
            action="提供",
            target=atena,
            conditions={"出力": str(path), "件数": len(records)},
        )
    return len(records)


def _write_private(path: Path, document: dict[str, Any]) -> None:
    if not path.parent.is_dir():
        raise HpiaError(f"出力先のフォルダがありません: {path.parent}")
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(text)


def _document(path: Path) -> dict[str, Any]:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as err:
        raise HpiaError(f"ファイルがありません: {path}") from err
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise HpiaError(f"{path}: JSON として読めません。") from err
    if not isinstance(document, dict) or document.get("形式") != FORMAT:
        raise HpiaError(f"{path}: 接種記録の提供ファイル（{FORMAT}）ではありません。")
    if not isinstance(document.get("接種記録"), list):
        raise HpiaError(f"{path}: 「接種記録」の一覧がありません。")
    return document


def _record(
    path: Path, index: int, entry: object, atena: str, birth: dt.date
) -> dict[str, Any]:
    if not isinstance(entry, dict):
        raise HpiaError(f"{path}: 接種記録{index}件目が項目の組ではありません。")
    names = header_names(_CARRIED)
    cells = {names.get(fold(k)): str(v) for k, v in entry.items()}
    row: dict[str, Any] = {"atena": atena}
    for column in _CARRIED:
        try:
            row[column.key] = column.read(cells.get(column.key, ""))
        except FieldError as err:
            raise HpiaError(
                f"{path}: 接種記録{index}件目: 列「{column.header}」: {err}"
            ) from None
    row["before_move_in"] = True
    row["age"] = age_on(birth, row["given_on"])
    return row


def receive(registry: Registry, who: Staff, path: Path) -> tuple[str, int]:
    """Add the records of a file from the previous municipality; returns
    the 宛名番号 they went to and how many. All or none."""
    require(registry, who, Right.TRANSFER, "受入", path.name)
    document = _document(path)
    try:
        number = mynumber.parse(str(document.get("個人番号", "")))
    except mynumber.MyNumberError as err:
        raise HpiaError(f"{path}: {err}") from None
    with registry.engine.begin() as conn:
        person = conn.execute(
            select(Person.atena, Person.birth).where(
                Person.number_hash == registry.keys.lookup_hash(number)
            )
        ).first()
        if person is None:
            raise HpiaError(
                f"{path}: この個人番号の宛名が台帳にありません。"
                "先に転入者の宛名を取り込んでください。"
            )
        if document.get("生年月日") != person.birth.isoformat():
            raise HpiaError(
                f"{path}: 生年月日が宛名番号 {person.atena} の宛名と一致しません。"
            )
        rows = [
            _record(path, i, entry, person.atena, person.birth)
            for i, entry in enumerate(document["接種記録"], start=1)
        ]
        try:
            if rows:
                conn.execute(insert(Record), rows)
        except IntegrityError as err:
            raise HpiaError(
                f"{path}: 同じ接種記録が既に台帳にあります（受入済みですか）。"
            ) from err
        audit.append(
            conn,
            registry.keys,
            user=who.name,
            action="受入",
            target=person.atena,
            conditions={"ファイル": str(path), "件数": len(rows)},
        )
    return person.atena, len(rows)
