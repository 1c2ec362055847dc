"""The registry's tables.

Each column that holds an item of the assessment says which, in its
`info`: `ITEM` is the item's name as 別添1 (or Ⅱ-２-④) prints it and
`HEADER` the CSV header it is read from and extracted to. The two doctors
are both 「担当医師」 in 別添1, as the form lists them; their headers tell
them apart. `hpia conformance` compares these declarations with the
assessment, so the list of items is written here once.

Column names are ASCII so that SQL stays plain on SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    Date,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

ITEM = "item"
HEADER = "header"
RECORD_LIST = "record_list"

# The registry stands for this 特定個人情報ファイル and its 別添1 list.
FILE_NAME = "予防接種情報ファイル"
RECORD_LIST_NAME = "予防接種ファイル"

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def holds(item: str, header: str = "") -> dict[str, Any]:
    """Column info: the assessment item a column holds, and its CSV header."""
    return {ITEM: item, HEADER: header or item}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Person(Base):
    """宛名: a resident the 予防接種 file records, keyed by 宛名番号."""

    __tablename__ = "persons"

    atena: Mapped[str] = mapped_column(
        String(20), primary_key=True, info=holds("宛名番号")
    )
    number_sealed: Mapped[bytes] = mapped_column(LargeBinary, info=holds("個人番号"))
    number_hash: Mapped[bytes] = mapped_column(LargeBinary(32), unique=True)
    name: Mapped[str] = mapped_column(String(100), info=holds("氏名"))
    sex: Mapped[str] = mapped_column(String(1), info=holds("性別"))
    birth: Mapped[dt.date] = mapped_column(Date, info=holds("生年月日"))
    address: Mapped[str] = mapped_column(String(200), info=holds("住所"))
    moved_out_on: Mapped[dt.date | None] = mapped_column(Date, info=holds("転出日"))
    died_on: Mapped[dt.date | None] = mapped_column(Date, info=holds("死亡日"))


class Record(Base):
    """予防接種記録: one dose, the items of 別添1 ＜予防接種ファイル＞."""

    __tablename__ = "records"
    __table_args__ = (
        UniqueConstraint("atena", "category", "dose", "given_on"),
        {"info": {RECORD_LIST: RECORD_LIST_NAME}},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    atena: Mapped[str] = mapped_column(
        ForeignKey("persons.atena", ondelete="CASCADE"),
        index=True,
        info=holds("宛名番号"),
    )
    category: Mapped[str] = mapped_column(String(40), info=holds("予防接種区分"))
    dose: Mapped[int] = mapped_column(Integer, info=holds("接種回数"))
    caution: Mapped[bool] = mapped_column(info=holds("要注意者"))
    infected: Mapped[bool] = mapped_column(info=holds("罹患"))
    before_move_in: Mapped[bool] = mapped_column(info=holds("転入前実施サイン"))
    method: Mapped[str] = mapped_column(String(40), info=holds("実施方法"))
    content: Mapped[str] = mapped_column(String(100), info=holds("実施内容"))
    given_on: Mapped[dt.date] = mapped_column(Date, index=True, info=holds("接種日"))
    # Derived from 生年月日 and 接種日 on import (年齢計算ニ関スル法律).
    age: Mapped[int] = mapped_column(Integer, info=holds("接種日年齢"))
    amount: Mapped[float] = mapped_column(Float, info=holds("接種量"))
    clinic: Mapped[str] = mapped_column(String(100), info=holds("医療機関"))
    examiner: Mapped[str] = mapped_column(
        String(60), info=holds("担当医師", "予診医師")
    )
    vaccinator: Mapped[str] = mapped_column(
        String(60), info=holds("担当医師", "接種医師")
    )
    lot: Mapped[str] = mapped_column(String(30), info=holds("ロット№", "ロット番号"))
    maker: Mapped[str] = mapped_column(String(60), info=holds("製造メーカー"))
    billing_month: Mapped[str] = mapped_column(String(7), info=holds("請求月"))
    subsidy: Mapped[int] = mapped_column(Integer, info=holds("助成金額"))


class User(Base):
    """A member of staff: a name, one role, an argon2 password hash."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    role: Mapped[str] = mapped_column(String(10))
    password_hash: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[str] = mapped_column(String(32))


class LogEntry(Base):
    """One operation: who, when, what, on what, under which conditions.

    Append-only (database triggers refuse UPDATE and DELETE) and chained:
    `mac` seals the entry together with the previous entry's `mac`.
    """

    __tablename__ = "operation_log"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(String(32))
    user: Mapped[str] = mapped_column(String(60))
    action: Mapped[str] = mapped_column(String(20))
    target: Mapped[str] = mapped_column(String(200))
    conditions: Mapped[str] = mapped_column(Text)
    outcome: Mapped[str] = mapped_column(String(200))
    prev_mac: Mapped[str] = mapped_column(String(64))
    mac: Mapped[str] = mapped_column(String(64))


class LogHead(Base):
    """The last entry of the log, sealed, so that a cut tail shows."""

    __tablename__ = "operation_log_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(Integer)
    mac: Mapped[str] = mapped_column(String(64))
    seal: Mapped[str] = mapped_column(String(64))


class Setting(Base):
    """Facts about the registry itself, such as the key's fingerprint."""

    __tablename__ = "settings"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))
