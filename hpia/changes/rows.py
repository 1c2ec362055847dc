"""A row of （別添２） 変更箇所, and how a change becomes one.

The six columns are those of the form (spipa.md §4.5): 変更日, 項目,
変更前の記載, 変更後の記載, 提出時期, 提出時期に係る説明.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Any

from hpia.catalog import labels, marks
from hpia.catalog.nodes import Form, Kind, Node
from hpia.changes.compare import Change
from hpia.values import UNKNOWN
from hpia.wareki import to_wareki

BEFORE = "事前"
AFTER = "事後"
IMPORTANT = "重要な変更"
NOT_IMPORTANT = "重要な変更の対象となる項目でないため。"

COLUMNS = (
    "変更日",
    "項目",
    "変更前の記載",
    "変更後の記載",
    "提出時期",
    "提出時期に係る説明",
)


@dataclass(frozen=True)
class Row:
    """One row of the change table.

    `date` is None when a row written by hand says （不明）. A row from git
    carries the commit whose version it shows (`commit`); `pending` marks a
    row of edits not committed yet.
    """

    date: dt.date | None
    item: str
    before: str
    after: str
    timing: str
    reason: str
    commit: str = ""
    pending: bool = False
    path: tuple[str | int, ...] = ()

    @property
    def printed_date(self) -> str:
        """The date as the form prints it: 和暦, or （不明）."""
        return to_wareki(self.date) if self.date else UNKNOWN

    @property
    def content_hash(self) -> str:
        """What a review decision is about: the item and both texts.

        A later edit of the item changes the hash, so a decision recorded
        for the old text no longer applies to the new one.
        """
        return content_hash(self.item, self.before, self.after)

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "date": self.date.isoformat() if self.date else UNKNOWN,
            "item": self.item,
            "before": self.before,
            "after": self.after,
            "timing": self.timing,
            "reason": self.reason,
        }
        if self.pending:
            data["pending"] = True
        return data


def content_hash(item: str, before: str, after: str) -> str:
    text = "\x00".join((item, before, after))
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def item_label(form: Form, path: tuple[str | int, ...]) -> str:
    """The 項目 of a row: the item's label path as 別添２ writes it.

    A block's name has no label of its own: a change of the name is named
    where the form prints the name (see `_name_row`).
    """
    trail = labels.steps(form, path)
    if len(trail) >= 2:
        block, last = trail[-2].node, trail[-1].node
        is_name = block.kind is Kind.BLOCKS and last.key == block.name_key
        if is_name and not last.number:
            return labels.change_label(form, _name_row(block, path))
    return labels.change_label(form, path)


def _name_row(block: Node, path: tuple[str | int, ...]) -> tuple[str | int, ...]:
    """Where the form prints a block's name.

    Beside the block's heading, where the heading is printed: 「委託事項１」,
    as the seed's 別添２ names the change of 委託事項１'s name. Otherwise
    where the block's sections repeat it: Ⅱ「１．特定個人情報ファイル名」.
    """
    if block.in_path:
        return path[:-1]
    for group in block.children:
        echo = next((c for c in group.children if c.text == block.name_key), None)
        if echo is not None and echo.kind is Kind.ECHO:
            return (*path[:-1], group.key, echo.key)
    return path


def timing(form: Form, path: tuple[str | int, ...]) -> tuple[str, str]:
    """事前 or 事後, and the reason, for a change of the item at `path`.

    spipa.md §4.1 and §4.3: a change of an item marked ※ is a 重要な変更,
    assessed again and submitted before the change takes effect (事前); any
    other change is a 修正, submitted after it (事後). An exception for a ※
    item (a law renumbered, a typo) is a reviewer's decision, recorded in
    change_log/ and applied in hpia.changes.table.
    """
    if marks.is_important(form, path):
        return BEFORE, IMPORTANT
    return AFTER, NOT_IMPORTANT


def from_change(
    form: Form, change: Change, date: dt.date, commit: str, pending: bool
) -> Row:
    when, why = timing(form, change.path)
    return Row(
        date=date,
        item=item_label(form, change.path),
        before=change.before,
        after=change.after,
        timing=when,
        reason=why,
        commit=commit,
        pending=pending,
        path=change.path,
    )
