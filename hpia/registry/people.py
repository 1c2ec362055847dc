"""A person and their history; 転出・死亡; deletion past retention.

Every read of a person is written to the operation log with the
宛名番号 it concerns. The 個人番号 is decrypted only for a role that may
see it, and only when asked for.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, and_, delete, exists, or_, select, update

from hpia.errors import HpiaError
from hpia.registry import audit, mynumber
from hpia.registry.columns import PERSON_COLUMNS, RECORD_COLUMNS
from hpia.registry.database import Registry
from hpia.registry.models import Person, Record
from hpia.registry.roles import Right
from hpia.registry.staff import Staff, require

# 予防接種法施行規則 第3条: the record of a 定期の予防接種 is kept for five
# years from the day it was given. A municipality may keep it longer.
RETENTION_YEARS = 5


@dataclass(frozen=True)
class History:
    """A person (header → value) and their records, oldest first."""

    person: dict[str, Any]
    records: list[dict[str, Any]]


def _person_view(registry: Registry, row: Any, with_number: bool) -> dict[str, Any]:
    view: dict[str, Any] = {}
    for column in PERSON_COLUMNS:
        if column.key == "number_sealed":
            if with_number:
                view[column.header] = registry.keys.decrypt(
                    row.number_sealed, row.atena
                )
            continue
        view[column.header] = getattr(row, column.key)
    view["転出日"] = row.moved_out_on
    view["死亡日"] = row.died_on
    return view


def _missing(atena: str) -> HpiaError:
    return HpiaError(f"宛名番号 {atena} の宛名は台帳にありません。")


def show(
    registry: Registry, who: Staff, atena: str, *, with_number: bool = False
) -> History:
    """A person's 宛名 and 接種歴 (the read is logged)."""
    require(registry, who, Right.READ, "照会", atena)
    if with_number:
        require(registry, who, Right.SEE_NUMBER, "照会（個人番号表示）", atena)
    with registry.engine.begin() as conn:
        person = conn.execute(select(Person).where(Person.atena == atena)).first()
        found = "該当なし" if person is None else audit.OK
        audit.append(
            conn,
            registry.keys,
            user=who.name,
            action="照会",
            target=atena,
            conditions={"個人番号表示": with_number},
            outcome=found,
        )
        if person is None:
            raise _missing(atena)
        records = conn.execute(
            select(Record).where(Record.atena == atena).order_by(Record.given_on)
        )
        history = [
            {c.header: getattr(r, c.key) for c in RECORD_COLUMNS} for r in records
        ]
    return History(_person_view(registry, person, with_number), history)


def find_by_number(registry: Registry, who: Staff, number: str) -> str | None:
    """The 宛名番号 holding a 個人番号 (keyed-hash lookup, logged
    without the number)."""
    require(registry, who, Right.READ, "照会（個人番号）")
    digest = registry.keys.lookup_hash(mynumber.parse(number))
    with registry.engine.begin() as conn:
        atena = conn.scalar(select(Person.atena).where(Person.number_hash == digest))
        audit.append(
            conn,
            registry.keys,
            user=who.name,
            action="照会（個人番号）",
            target=atena or "",
            outcome=audit.OK if atena else "該当なし",
        )
    return atena


class Event(enum.Enum):
    MOVED_OUT = "転出"
    DIED = "死亡"

    @classmethod
    def named(cls, text: str) -> Event:
        for event in cls:
            if event.value == text:
                return event
        raise HpiaError(
            f"「{text}」は指定できません。転出 または 死亡 と書いてください。"
        )


def mark(
    registry: Registry, who: Staff, atena: str, event: Event, day: dt.date
) -> None:
    """Record a person's 転出 or 死亡 and its date."""
    require(registry, who, Right.WRITE, event.value, atena)
    column = Person.moved_out_on if event is Event.MOVED_OUT else Person.died_on
    with registry.engine.begin() as conn:
        done = conn.execute(
            update(Person).where(Person.atena == atena).values({column: day})
        )
        if done.rowcount == 0:
            raise _missing(atena)
        audit.append(
            conn,
            registry.keys,
            user=who.name,
            action=event.value,
            target=atena,
            conditions={"日付": day.isoformat()},
        )


def years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


@dataclass(frozen=True)
class Purged:
    cutoff: dt.date
    records: int
    persons: int


def _purge(conn: Connection, cutoff: dt.date) -> tuple[int, int]:
    records = conn.execute(delete(Record).where(Record.given_on <= cutoff))
    gone = or_(Person.moved_out_on <= cutoff, Person.died_on <= cutoff)
    has_records = exists().where(Record.atena == Person.atena)
    persons = conn.execute(delete(Person).where(and_(gone, ~has_records)))
    return records.rowcount, persons.rowcount


def purge(
    registry: Registry,
    who: Staff,
    as_of: dt.date,
    years: int = RETENTION_YEARS,
) -> Purged:
    """Delete records given `years` or more before `as_of`, and the 宛名 of
    persons who moved out or died by then and have no record left."""
    if years < RETENTION_YEARS:
        raise HpiaError(
            f"保存年数は{RETENTION_YEARS}年以上にしてください"
            "（予防接種法施行規則第3条）。"
        )
    require(registry, who, Right.ADMIN, "削除（保存期間経過）")
    cutoff = years_before(as_of, years)
    with registry.engine.begin() as conn:
        records, persons = _purge(conn, cutoff)
        audit.append(
            conn,
            registry.keys,
            user=who.name,
            action="削除（保存期間経過）",
            conditions={
                "基準日": as_of.isoformat(),
                "保存年数": years,
                "接種日・転出日・死亡日がこの日以前": cutoff.isoformat(),
            },
            outcome=f"接種記録{records}件、宛名{persons}件を削除",
        )
    return Purged(cutoff, records, persons)
