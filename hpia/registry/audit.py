"""The operation log: append-only and hash-chained.

Each entry records who did what, when, to which target and under which
conditions (as JSON), and how it ended. Its `mac` is an HMAC (the key
file's audit key) over the entry and the previous entry's `mac`, so an
edited entry, a removed one or a reordering breaks the chain; the sealed
head row makes a cut-off tail show too. Without the key nobody can forge a
chain that verifies, even with write access to the database.

No entry ever holds a 個人番号: callers pass 宛名番号 and counts only.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, RowMapping, insert, select, update

from hpia.registry.keys import Keys
from hpia.registry.models import LogEntry, LogHead

GENESIS = "0" * 64
OK = "成功"
_HEAD_ID = 1


def _message(row: Mapping[str, Any] | RowMapping) -> bytes:
    fields = [
        row["seq"],
        row["at"],
        row["user"],
        row["action"],
        row["target"],
        row["conditions"],
        row["outcome"],
        row["prev_mac"],
    ]
    return json.dumps(fields, ensure_ascii=False, separators=(",", ":")).encode()


def _head_message(seq: int, mac: str) -> bytes:
    return f"head {seq} {mac}".encode()


def start(conn: Connection, keys: Keys) -> None:
    """Create the head row of an empty log (once, at `init`)."""
    if conn.scalar(select(LogHead.seq).where(LogHead.id == _HEAD_ID)) is None:
        conn.execute(
            insert(LogHead).values(
                id=_HEAD_ID,
                seq=0,
                mac=GENESIS,
                seal=keys.seal(_head_message(0, GENESIS)),
            )
        )


def append(
    conn: Connection,
    keys: Keys,
    *,
    user: str,
    action: str,
    target: str = "",
    conditions: Mapping[str, Any] | None = None,
    outcome: str = OK,
) -> int:
    """Add one entry in the caller's transaction; returns its number.

    The head row is locked (FOR UPDATE on PostgreSQL; SQLite locks the
    whole file on write) so concurrent commands chain one after another.
    """
    head = conn.execute(
        select(LogHead.seq, LogHead.mac).where(LogHead.id == _HEAD_ID).with_for_update()
    ).one()
    row: dict[str, Any] = {
        "seq": head.seq + 1,
        "at": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "user": user,
        "action": action,
        "target": target[:200],
        "conditions": json.dumps(
            dict(conditions or {}), ensure_ascii=False, sort_keys=True, default=str
        ),
        "outcome": outcome[:200],
        "prev_mac": head.mac,
    }
    row["mac"] = keys.seal(_message(row))
    conn.execute(insert(LogEntry).values(**row))
    conn.execute(
        update(LogHead)
        .where(LogHead.id == _HEAD_ID)
        .values(
            seq=row["seq"],
            mac=row["mac"],
            seal=keys.seal(_head_message(row["seq"], row["mac"])),
        )
    )
    return int(row["seq"])


@dataclass(frozen=True)
class Verdict:
    entries: int
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def _span(first: int, last: int) -> str:
    return f"{first}番" if first == last else f"{first}番から{last}番"


def _chain(conn: Connection, keys: Keys) -> Iterator[tuple[int, str, str | None]]:
    """(seq, mac, problem) for each entry, in order."""
    expected, prev = 1, GENESIS
    rows = conn.execution_options(yield_per=1000).execute(
        select(LogEntry).order_by(LogEntry.seq)
    )
    for row in rows.mappings():
        problem = None
        if row["seq"] != expected:
            problem = f"{_span(expected, row['seq'] - 1)}の記録が削除されています。"
        elif keys.seal(_message(row)) != row["mac"]:
            problem = (
                f"{row['seq']}番の記録が改変されています"
                f"（{row['at']} {row['user']} {row['action']}）。"
            )
        elif row["prev_mac"] != prev:
            problem = f"{row['seq']}番と前の記録のつながりが切れています。"
        yield row["seq"], row["mac"], problem
        expected, prev = row["seq"] + 1, row["mac"]


def verify(conn: Connection, keys: Keys) -> Verdict:
    """Walk the chain and the head; every break is one Japanese sentence."""
    problems: list[str] = []
    last, last_mac, count = 0, GENESIS, 0
    for seq, mac, problem in _chain(conn, keys):
        count += 1
        last, last_mac = seq, mac
        if problem:
            problems.append(problem)

    head = conn.execute(
        select(LogHead.seq, LogHead.mac, LogHead.seal).where(LogHead.id == _HEAD_ID)
    ).one_or_none()
    if head is None or keys.seal(_head_message(head.seq, head.mac)) != head.seal:
        problems.append("操作ログの末尾の記録（最終番号）が改変されています。")
    elif head.seq > last:
        problems.append(f"末尾の{_span(last + 1, head.seq)}の記録が削除されています。")
    elif head.seq != last or head.mac != last_mac:
        problems.append("操作ログの末尾の記録が最終番号と一致しません。")
    return Verdict(count, tuple(problems))
