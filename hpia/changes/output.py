"""The change table printed: a table for people, JSON and CSV for tools.

JSON rows are `{"date", "item", "before", "after", "timing", "reason"}`
(design.md); a row of edits not committed yet also has `"pending": true`.
CSV has the form's six columns and a seventh, 状態, that says 未コミット.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence

from rich import box
from rich.console import Console
from rich.table import Table

from hpia.changes.rows import COLUMNS, Row
from hpia.values import UNKNOWN

PENDING = "未コミット"


def as_json(rows: Sequence[Row]) -> str:
    return json.dumps([r.as_json() for r in rows], ensure_ascii=False, indent=2)


def as_csv(rows: Sequence[Row]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*COLUMNS, "状態"])
    for r in rows:
        date = r.date.isoformat() if r.date else UNKNOWN
        state = PENDING if r.pending else ""
        writer.writerow([date, r.item, r.before, r.after, r.timing, r.reason, state])
    return out.getvalue().rstrip("\n")


def as_table(rows: Sequence[Row], width: int) -> str:
    """The six columns of 別添２, wrapped to `width` terminal columns.

    Below 100 columns the texts would wrap a character or two to a line, so
    the table is never narrower than that.
    """
    table = Table(box=box.SQUARE, show_lines=True, expand=True)
    # A date stays on one line (「令和10年12月31日」 is 16 columns wide), and
    # so does 事前 or 事後; the texts share the rest.
    for name, share, fixed in zip(
        COLUMNS, (0, 3, 4, 4, 0, 2), (16, 0, 0, 0, 4, 0), strict=True
    ):
        table.add_column(
            name, ratio=share or None, width=fixed or None, overflow="fold"
        )
    for r in rows:
        date = r.printed_date + (f"\n（{PENDING}）" if r.pending else "")
        table.add_row(date, r.item, r.before, r.after, r.timing, r.reason)

    out = io.StringIO()
    console = Console(
        file=out, width=max(width, 100), color_system=None, highlight=False
    )
    console.print(table)
    return out.getvalue().rstrip("\n")
