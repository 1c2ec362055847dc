"""A blank form file: every key of a 様式 in order, values empty.

The starting point for a new assessment (`hpia new`), and the shape the
seed was transcribed into.
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from hpia.catalog.nodes import Form, Kind, Node
from hpia.model import STAMP_KEY
from hpia.yamlio import dump


def _blank(node: Node) -> Any:
    match node.kind:
        case Kind.GROUP:
            return _mapping(node.children)
        case Kind.BLOCKS:
            return CommentedSeq([_mapping(node.children)])
        case Kind.FLAG:
            return False
        case Kind.LIST | Kind.CHECKS:
            return CommentedSeq()
    return None


def _mapping(nodes: tuple[Node, ...]) -> CommentedMap:
    out = CommentedMap()
    for node in nodes:
        if node.in_yaml:
            out[node.key] = _blank(node)
    return out


def blank_form(form: Form, schema_ref: str = "") -> str:
    tree = _mapping(form.children)
    tree.insert(0, STAMP_KEY, form.stamp)
    text = dump(tree)
    if schema_ref:
        text = f"# yaml-language-server: $schema={schema_ref}\n{text}"
    return text
