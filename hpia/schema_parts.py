"""JSON Schema fragments and Japanese descriptions for the generated models.

The schema is for people editing YAML in VS Code (yaml-language-server):
it describes the YAML as written, so a checkbox item is a list of labels
and a date is a string, and its hover text is the form's own words.
"""

from __future__ import annotations

from typing import Any

from hpia.catalog import basis, labels, marks
from hpia.catalog.nodes import Form, Kind, Node
from hpia.values import UNKNOWN

DATE_PATTERN = r"^(\d{4}-\d{2}-\d{2}|（不明）)$"


def _checks_schema(node: Node) -> dict[str, Any]:
    plain = [o.label for o in node.options]
    with_detail = {
        o.label: {"type": "integer" if o.detail == "count" else "string"}
        for o in node.options
        if o.detail
    }
    entry: dict[str, Any] = {"enum": plain}
    if with_detail:
        entry = {
            "anyOf": [
                {"enum": plain},
                {
                    "type": "object",
                    "properties": with_detail,
                    "additionalProperties": False,
                    "minProperties": 1,
                    "maxProperties": 1,
                },
            ]
        }
    return {"type": ["array", "null"], "items": entry, "uniqueItems": True}


def field_schema(node: Node) -> dict[str, Any]:
    """The JSON Schema of one value item, as the YAML writes it."""
    match node.kind:
        case Kind.TEXT | Kind.LONGTEXT:
            return {"type": ["string", "null"]}
        case Kind.CHOICE:
            assert node.choices is not None
            return {"enum": [*node.choices.options, UNKNOWN, None]}
        case Kind.DATE:
            return {"type": ["string", "null"], "pattern": DATE_PATTERN}
        case Kind.COUNT:
            return {
                "anyOf": [
                    {"type": "integer", "minimum": 0},
                    {"const": UNKNOWN},
                    {"type": "null"},
                ]
            }
        case Kind.FLAG:
            return {"type": "boolean"}
        case Kind.LIST:
            return {"type": ["array", "null"], "items": {"type": "string"}}
        case Kind.CHECKS:
            return _checks_schema(node)
    return {}


def item_description(form: Form, node: Node, path: tuple[str, ...]) -> str:
    """Hover text: where the item sits on the form, its ※, its choices."""
    lines = [labels.item_label(form, path)]
    if node.title != node.key:
        lines.append(f"様式の表記: {labels.heading(node)}")
    if marks.is_important(form, path) and node.kind is not Kind.GROUP:
        lines.append("※ 重要な変更の対象（変更は事前の再評価が必要）")
    if node.note:
        lines.append(node.note)
    if node.choices is not None:
        lines.append("＜選択肢＞ " + " ".join(node.choices.numbered()))
    if node.options:
        lines.append("チェック欄: " + "、".join(o.label for o in node.options))
    if node.optional:
        lines.append("空欄可。")
    source = basis.note(basis.basis_of(form, path))
    if source:
        lines.append(source)
    return "\n".join(lines)


def form_description(form: Form) -> str:
    return f"{form.name}（{form.printed_stamp}）"
