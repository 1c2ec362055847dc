"""A completely filled form, generated from the catalog, for render tests.

Every item of the form gets a value that says which item it is, so a test
can find each one in the PDF; repeating blocks come in numbers that reach
the form's groups (システム1, 2～5, 6～10). The answers agree with each
other so the file passes `hpia validate` without errors.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ruamel.yaml.scalarstring import LiteralScalarString

from hpia.catalog.nodes import Form, Kind, Node
from hpia.model import STAMP_KEY
from hpia.yamlio import dump

# How many blocks each repeating item gets, by catalog ref.
BLOCKS = {
    "systems": 6,
    "entrustments": 2,
    "recipients": 1,
    "transferees": 1,
    "record_lists": 2,
    "files": 1,
}

# Answers that must agree with others (see hpia/rules/consistency.py).
CHOSEN = {
    "linkage": "実施する",
    "entrust": "委託する",
    "reentrust": "再委託しない",
    "reentrust_care": "再委託していない",
    "incident": "発生なし",
    "record_count": "10項目以上50項目未満",
}
EMPTY = {"incident_detail", "incident_prevention", "permission", "reentrusted"}


def _text(node: Node, where: str) -> str:
    return f"{where}{node.title}の記載"


def _longtext(node: Node, where: str) -> LiteralScalarString:
    return LiteralScalarString(
        f"{where}{node.title}の一行目の説明です。\n　・字下げした二行目の説明です。"
    )


def _checks(node: Node, counts: dict[str, int]) -> list[Any]:
    if node.ref == "provision":
        return [
            {"提供を行っている": counts["recipients"]},
            {"移転を行っている": counts["transferees"]},
        ]
    first = node.options[0]
    out: list[Any] = [first.label]
    other = node.option("その他")
    if other is not None and other is not first:
        out.append({"その他": f"{node.title}のその他の内容"})
    return out


def _value(node: Node, where: str, counts: dict[str, int]) -> Any:
    if node.ref in EMPTY:
        return LiteralScalarString("") if node.kind is Kind.LONGTEXT else None
    match node.kind:
        case Kind.TEXT:
            return _text(node, where)
        case Kind.LONGTEXT:
            return _longtext(node, where)
        case Kind.DATE:
            return (
                dt.date(2025, 4, 15) if node.ref == "published" else dt.date(2019, 5, 1)
            )
        case Kind.CHOICE:
            assert node.choices is not None
            return CHOSEN.get(node.ref, node.choices.options[-1])
        case Kind.CHECKS:
            return _checks(node, counts)
        case Kind.COUNT:
            return counts["entrustments"]
        case Kind.FLAG:
            return False
        case Kind.LIST:
            return [f"記録項目{i}" for i in range(1, 13)]
    raise ValueError(node.kind)


def _mapping(
    nodes: tuple[Node, ...], where: str, counts: dict[str, int]
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for node in nodes:
        if not node.in_yaml:
            continue
        if node.kind is Kind.GROUP:
            out[node.key] = _mapping(node.children, where, counts)
        elif node.kind is Kind.BLOCKS:
            n = counts.get(node.ref, 1)
            out[node.key] = [
                _block(node, f"{where}{node.block_label}{i}の", counts)
                for i in range(1, n + 1)
            ]
        else:
            out[node.key] = _value(node, where, counts)
    return out


def _block(node: Node, where: str, counts: dict[str, int]) -> dict[str, Any]:
    block = _mapping(node.children, where, counts)
    if node.name_key and node.name_key in block:
        block[node.name_key] = f"{where.removesuffix('の')}の名称"
    return block


def filled_form(form: Form, **counts: int) -> dict[str, Any]:
    """The tree of a filled form file; `counts` overrides `BLOCKS`."""
    tree = {STAMP_KEY: form.stamp}
    tree.update(_mapping(form.children, "", {**BLOCKS, **counts}))
    return tree


def write_filled(form: Form, path: Path, **counts: int) -> Path:
    path.write_text(dump(filled_form(form, **counts)), encoding="utf-8")
    return path
