"""Every value item of an assessment, with its catalog node and path.

The lint rules look at items one by one whatever their place in the form;
this walk gives them the node (kind, optional) beside the value, and says
whether the item applies: under a heading whose box says the part does
not apply (「委託しない」, 「接続しない（入手）」 …), the form is left blank.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from hpia.assessment import Assessment, Path
from hpia.catalog.nodes import Kind, Node
from hpia.values import UNKNOWN, is_unknown


@dataclass(frozen=True)
class Item:
    node: Node
    path: Path
    value: Any
    applies: bool = True
    names_block: bool = False  # the name of a repeating block (名称 …)

    @functools.cached_property
    def unknown(self) -> bool:
        # Folding a long text to compare it with the short marker is
        # wasted work: a value longer than the marker plus some spacing
        # cannot be it.
        value = self.value
        short = isinstance(value, str) and len(value) <= len(UNKNOWN) + 16
        return short and is_unknown(value)

    def texts(self) -> Iterator[str]:
        """The free text the item holds: its text, list entries, （ ） notes."""
        if self.unknown:
            return
        value = self.value
        if self.node.kind in (Kind.TEXT, Kind.LONGTEXT) and isinstance(value, str):
            yield value
        elif self.node.kind is Kind.LIST and isinstance(value, list):
            yield from (v for v in value if isinstance(v, str))
        elif self.node.kind is Kind.CHECKS and isinstance(value, dict):
            yield from (v for v in value.values() if isinstance(v, str))


def items(a: Assessment) -> Iterator[Item]:
    yield from _walk(a.form.children, a.data, (), True, "")


def _walk(
    nodes: tuple[Node, ...],
    data: dict[str, Any],
    path: Path,
    applies: bool,
    name_key: str,
) -> Iterator[Item]:
    boxed_off = any(n.kind is Kind.FLAG and data.get(n.key) is True for n in nodes)
    here = applies and not boxed_off
    for node in nodes:
        if not node.in_yaml:
            continue
        value = data.get(node.key)
        at = (*path, node.key)
        if node.kind is Kind.GROUP and isinstance(value, dict):
            yield from _walk(node.children, value, at, here, "")
        elif node.kind is Kind.BLOCKS and isinstance(value, list):
            for i, entry in enumerate(value):
                yield from _walk(node.children, entry, (*at, i), here, node.name_key)
        else:
            yield Item(node, at, value, here, node.key == name_key)
