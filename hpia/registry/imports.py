"""Importing 予診票 data from CSV: all lines, or none.

The whole file is read and written in one transaction. The first line
that cannot be taken (a wrong check digit, an unknown 宛名番号, a date that
is not a date) stops the import with its file, line and column, and the
transaction is rolled back, so the registry is left as it was. Both
outcomes are written to the operation log, with the file's SHA-256 and
the number of lines, never a 個人番号.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, bindparam, insert, select, update
from sqlalchemy.exc import IntegrityError

from hpia.errors import HpiaError
from hpia.registry import audit, csvfiles
from hpia.registry.columns import (
    PERSON_COLUMNS,
    RECORD_COLUMNS,
    Field,
    header_names,
)
from hpia.registry.csvfiles import CsvError, Line
from hpia.registry.database import Registry
from hpia.registry.fields import FieldError, age_on
from hpia.registry.models import Person, Record
from hpia.registry.roles import Right
from hpia.registry.staff import Staff, require

BATCH = 5000
_OPTIONAL = {"age"}  # 接種日年齢 is derived; a given value is checked


@dataclass(frozen=True)
class Imported:
    added: int
    updated: int = 0


Body = Callable[[Connection, Path], Imported]


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for chunk in iter(lambda: stream.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _run(
    registry: Registry, who: Staff, path: Path, action: str, body: Body
) -> Imported:
    require(registry, who, Right.WRITE, action, path.name)
    conditions = {"ファイル": str(path)}
    try:
        with registry.engine.begin() as conn:
            result = body(conn, path)
            conditions |= {"SHA-256": _sha256(path)}
            audit.append(
                conn,
                registry.keys,
                user=who.name,
                action=action,
                target=path.name,
                conditions=conditions | {"新規": result.added, "更新": result.updated},
            )
    except HpiaError as err:
        line = err.line if isinstance(err, CsvError) else 0
        with registry.engine.begin() as conn:
            audit.append(
                conn,
                registry.keys,
                user=who.name,
                action=action,
                target=path.name,
                conditions=conditions,
                outcome=f"中止（{line}行目）" if line else "中止",
            )
        raise HpiaError(f"{err}\n取込を中止しました。台帳は変わっていません。") from err
    return result


def _parsed(path: Path, line: Line, columns: list[Field]) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for column in columns:
        cell = line.cells.get(column.key, "")
        if column.key in _OPTIONAL and not cell.strip():
            continue
        try:
            row[column.key] = column.read(cell)
        except FieldError as err:
            raise CsvError(path, line.number, str(err), column.header) from None
    return row


def _lines(path: Path, columns: list[Field]) -> Iterator[Line]:
    required = {c.key: c.header for c in columns if c.key not in _OPTIONAL}
    return csvfiles.read(path, header_names(columns), required)


def import_persons(registry: Registry, who: Staff, path: Path) -> Imported:
    return _run(registry, who, path, "取込（宛名）", _PersonImport(registry).run)


def import_records(registry: Registry, who: Staff, path: Path) -> Imported:
    return _run(registry, who, path, "取込（接種記録）", _RecordImport().run)


class _PersonImport:
    """New 宛名番号 are added, known ones updated (住基 changes)."""

    def __init__(self, registry: Registry) -> None:
        self.keys = registry.keys

    def run(self, conn: Connection, path: Path) -> Imported:
        query = select(Person.number_hash, Person.atena)
        holders = dict(conn.execute(query).all())
        known = set(holders.values())
        seen: set[str] = set()
        added: list[dict[str, Any]] = []
        changed: list[dict[str, Any]] = []
        counts = [0, 0]

        for line in _lines(path, PERSON_COLUMNS):
            row = self._row(path, line, holders, seen)
            (changed if row["atena"] in known else added).append(row)
            if len(added) + len(changed) >= BATCH:
                self._flush(conn, added, changed, counts)
        self._flush(conn, added, changed, counts)
        return Imported(counts[0], counts[1])

    def _row(
        self, path: Path, line: Line, holders: dict[bytes, str], seen: set[str]
    ) -> dict[str, Any]:
        row = _parsed(path, line, PERSON_COLUMNS)
        atena, number = row["atena"], row.pop("number_sealed")
        if atena in seen:
            raise CsvError(
                path, line.number, f"宛名番号 {atena} がこのファイルに2回あります。"
            )
        seen.add(atena)
        digest = self.keys.lookup_hash(number)
        holder = holders.setdefault(digest, atena)
        if holder != atena:
            raise CsvError(
                path,
                line.number,
                f"この個人番号は既に宛名番号 {holder} の宛名に登録されています。",
                "個人番号",
            )
        row["number_hash"] = digest
        row["number_sealed"] = self.keys.encrypt(number, atena)
        return row

    @staticmethod
    def _flush(
        conn: Connection,
        added: list[dict[str, Any]],
        changed: list[dict[str, Any]],
        counts: list[int],
    ) -> None:
        if added:
            conn.execute(insert(Person), added)
        if changed:
            keyed = [{"key": r["atena"], **r} for r in changed]
            conn.execute(update(Person).where(Person.atena == bindparam("key")), keyed)
        counts[0] += len(added)
        counts[1] += len(changed)
        added.clear()
        changed.clear()


class _RecordImport:
    """Records of known persons; 接種日年齢 derived from 生年月日."""

    def run(self, conn: Connection, path: Path) -> Imported:
        query = select(Person.atena, Person.birth)
        births = dict(conn.execute(query).all())
        batch: list[tuple[int, dict[str, Any]]] = []
        total = 0
        for line in _lines(path, RECORD_COLUMNS):
            batch.append((line.number, self._row(path, line, births)))
            if len(batch) >= BATCH:
                total += self._flush(conn, path, batch)
        total += self._flush(conn, path, batch)
        return Imported(total)

    @staticmethod
    def _row(path: Path, line: Line, births: dict[str, Any]) -> dict[str, Any]:
        row = _parsed(path, line, RECORD_COLUMNS)
        birth = births.get(row["atena"])
        if birth is None:
            raise CsvError(
                path,
                line.number,
                f"宛名番号 {row['atena']} の宛名が台帳にありません。"
                "先に宛名を取り込んでください。",
                "宛名番号",
            )
        if row["given_on"] < birth:
            raise CsvError(path, line.number, "接種日が生年月日より前です。", "接種日")
        age = age_on(birth, row["given_on"])
        if row.setdefault("age", age) != age:
            raise CsvError(
                path,
                line.number,
                f"生年月日と接種日から求めた年齢（{age}歳）と合いません。",
                "接種日年齢",
            )
        return row

    @staticmethod
    def _flush(
        conn: Connection, path: Path, batch: list[tuple[int, dict[str, Any]]]
    ) -> int:
        """Insert a batch; a repeated record is named by its line."""
        if not batch:
            return 0
        try:
            with conn.begin_nested():
                conn.execute(insert(Record), [row for _, row in batch])
        except IntegrityError:
            raise _RecordImport._repeated(conn, path, batch) from None
        count = len(batch)
        batch.clear()
        return count

    @staticmethod
    def _repeated(
        conn: Connection, path: Path, batch: list[tuple[int, dict[str, Any]]]
    ) -> HpiaError:
        """The first line of a refused batch that repeats a record (the
        savepoint is gone, so the database holds the earlier lines only)."""
        atenas = {row["atena"] for _, row in batch}
        query = select(
            Record.atena, Record.category, Record.dose, Record.given_on
        ).where(Record.atena.in_(atenas))
        taken: set[tuple[Any, ...]] = {tuple(r) for r in conn.execute(query)}
        for number, row in batch:
            key = (row["atena"], row["category"], row["dose"], row["given_on"])
            if key in taken:
                return CsvError(
                    path,
                    number,
                    "同じ記録（宛名番号・予防接種区分・接種回数・接種日）が"
                    "既にあります。",
                )
            taken.add(key)
        first, last = batch[0][0], batch[-1][0]
        return CsvError(path, first, f"{first}行目から{last}行目を登録できません。")
