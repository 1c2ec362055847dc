"""A value as the printed form shows it in running text.

Used wherever one item's value is quoted as text: the 変更前の記載 and
変更後の記載 of 別添２, the redline for the legal office, the site. The
PDF form itself lays choices and boxes out in full; this is the short form.
"""

from __future__ import annotations

import datetime as dt

from hpia.catalog.nodes import Kind, Node
from hpia.wareki import to_wareki


def _tick(label: str, detail: str | int | None, node: Node) -> str:
    option = node.option(label)
    if detail is None or detail == "":
        return label
    if option is not None and option.detail == "count":
        return f"{label}（{detail}）件"
    return f"{label}（{detail}）"


def printed(node: Node, value: object) -> str:
    """The text of `value`, an item of kind `node.kind`, as printed."""
    if value is None:
        return ""
    if node.kind is Kind.DATE and isinstance(value, dt.date):
        return to_wareki(value)
    if node.kind is Kind.CHECKS and isinstance(value, dict):
        return "、".join(_tick(k, v, node) for k, v in value.items())
    if node.kind is Kind.FLAG:
        return "○" if value is True else ""
    if node.kind is Kind.LIST and isinstance(value, list):
        return "、".join(str(v) for v in value)
    return str(value)
