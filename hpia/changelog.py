"""Rows of 別添２ written before the git history: `change_log/…/before-git.yaml`.

A stand-in until the change table (`hpia changes`) reads these rows and the
git history together; the renderer only needs a list of `ChangeRow`s, so
that code can take this module's place without touching the templates. The
row fields follow the `hpia changes --format json` contract of design.md.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hpia.errors import HpiaError
from hpia.values import UNKNOWN, is_unknown
from hpia.yamlio import read_source

BEFORE_GIT = "before-git.yaml"


@dataclass(frozen=True)
class ChangeRow:
    """One row of 別添２, with the texts as printed.

    `date` is None where the source does not state it (written （不明）).
    """

    date: dt.date | None
    item: str
    before: str
    after: str
    timing: str  # 事前 or 事後
    reason: str


# The YAML keys of a row are the column heads of 別添２.
_COLUMNS = {
    "変更日": "date",
    "項目": "item",
    "変更前の記載": "before",
    "変更後の記載": "after",
    "提出時期": "timing",
    "提出時期に係る説明": "reason",
}


def change_log_file(form_file: Path) -> Path | None:
    """`change_log/<org>/<task>/before-git.yaml` beside `assessments/<org>/<task>/`."""
    folder = form_file.resolve().parent
    if len(folder.parts) < 3 or folder.parent.parent.name != "assessments":
        return None
    root = folder.parent.parent.parent
    return root / "change_log" / folder.parent.name / folder.name / BEFORE_GIT


def read_rows(path: Path | None) -> list[ChangeRow]:
    """The rows of a before-git file in its order (oldest first, as the
    sheet prints them); none when there is no file."""
    if path is None or not path.is_file():
        return []
    tree = read_source(path).tree
    rows = tree.get("行") or []
    return [_row(path, i, entry) for i, entry in enumerate(rows, 1)]


def _row(path: Path, number: int, entry: Any) -> ChangeRow:
    if not isinstance(entry, dict) or set(entry) != set(_COLUMNS):
        heads = "、".join(_COLUMNS)
        raise HpiaError(f"{path}: 行{number}は {heads} の6項目で書いてください。")
    values = {_COLUMNS[k]: entry[k] for k in _COLUMNS}
    if is_unknown(values["date"]):
        values["date"] = None
    elif not isinstance(values["date"], dt.date):
        raise HpiaError(
            f"{path}: 行{number}の変更日は 2025-03-31 のように西暦で"
            f"書いてください。分からないときは{UNKNOWN}と書きます。"
        )
    texts = {k: "" if v is None else str(v) for k, v in values.items() if k != "date"}
    return ChangeRow(date=values["date"], **texts)
