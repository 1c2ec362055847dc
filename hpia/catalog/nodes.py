"""The building blocks of a form catalog.

A form (様式) is a tree of nodes declared once, in the form's order. Every
other part of hpia reads this tree: the pydantic model and JSON Schema are
generated from it, the templates print its numbers, labels and ＜選択肢＞,
and the change table names items by its label paths and classes them by its
※ marks.

A node's `key` is the word the YAML uses; its `label` is what the form
prints (they differ only where the form adds a qualifier in brackets or a
prefix such as 「リスク１：」). Leaves hold one value of a `Kind`; groups hold
children; blocks are the repeating parts (システム1～20, 委託事項1～20 …).
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TypedDict, Unpack


class Kind(enum.Enum):
    """What a node holds, and so how it is validated and printed."""

    GROUP = "group"  # a heading with children, a mapping in YAML
    BLOCKS = "blocks"  # a repeating block, a list of mappings in YAML
    TEXT = "text"  # one line of text
    LONGTEXT = "longtext"  # paragraphs, a block scalar in YAML
    DATE = "date"  # an ISO date in YAML, 和暦 on paper
    CHOICE = "choice"  # one of the ＜選択肢＞
    CHECKS = "checks"  # the set of ticked boxes, [ ○ ] on paper
    COUNT = "count"  # a whole number, such as 「（ 3 ）件」
    FLAG = "flag"  # a single box printed on a heading, true or false
    LIST = "list"  # a list of short texts (record items of 別添１)
    FIXED = "fixed"  # text the form prints itself; nothing in YAML
    ECHO = "echo"  # repeats a block's name where the form prints it again


class Basis(enum.Enum):
    """How far a part of a catalog is borne out by sources (spipa.md §0).

    Unset on a node, the basis is inherited from the enclosing node; unset
    all the way up, the part is taken from the form as published.
    """

    SEED = "S"  # printed in the seed, a published 評価書
    CITED = "C"  # found in a cited public source
    MEMORY = "M"  # recalled from PPC material, not checked against it
    UNSURE = "?"  # uncertain; alternatives exist

    @property
    def verified(self) -> bool:
        return self in (Basis.SEED, Basis.CITED)


VALUE_KINDS = frozenset(
    {
        Kind.TEXT,
        Kind.LONGTEXT,
        Kind.DATE,
        Kind.CHOICE,
        Kind.CHECKS,
        Kind.COUNT,
        Kind.FLAG,
        Kind.LIST,
    }
)


@dataclass(frozen=True)
class Choices:
    """A ＜選択肢＞ list and the way the form numbers it.

    The form numbers Ⅰ's choices with a half-width 「1)」 and the rest with a
    full-width 「1）」; the renderer keeps that difference.
    """

    options: tuple[str, ...]
    full_width: bool = True

    def numbered(self) -> tuple[str, ...]:
        paren = "）" if self.full_width else ")"
        return tuple(f"{i}{paren} {o}" for i, o in enumerate(self.options, 1))


@dataclass(frozen=True)
class Option:
    """One box of a checkbox group.

    `detail` says what the box carries beside its tick: free text in
    （ … ） (「その他」), or a count (「提供を行っている（ 1 ）件」).
    `group` is the band the box is printed under (「・識別情報」).
    """

    label: str
    detail: str = ""  # "", "text" or "count"
    group: str = ""


@dataclass(frozen=True)
class Node:
    """One section, heading, item or repeating block of a form."""

    key: str
    kind: Kind
    label: str = ""
    number: str = ""
    mark: str = ""
    important: bool | None = None
    optional: bool = False
    choices: Choices | None = None
    options: tuple[Option, ...] = ()
    children: tuple[Node, ...] = ()
    sub_of: str = ""
    note: str = ""
    ref: str = ""
    text: str = ""
    block_label: str = ""
    name_key: str = ""
    max_items: int = 0
    in_path: bool = True
    suffix: str = ""
    basis: Basis | None = None

    @property
    def title(self) -> str:
        """The label as the form prints it."""
        return self.label or self.key

    @property
    def in_yaml(self) -> bool:
        return self.kind not in (Kind.FIXED, Kind.ECHO)

    def child(self, key: str) -> Node:
        for c in self.children:
            if c.key == key:
                return c
        raise KeyError(f"{self.key} has no item {key}")

    def option(self, label: str) -> Option | None:
        for o in self.options:
            if o.label == label:
                return o
        return None


@dataclass(frozen=True)
class Form:
    """A version of one 様式, keyed by the stamp printed on its cover."""

    stamp: str
    name: str
    filename: str
    schema_name: str
    children: tuple[Node, ...]
    appendix_title: str = ""
    _refs: dict[str, tuple[str, ...]] = field(
        default_factory=dict, repr=False, compare=False, hash=False
    )

    def __post_init__(self) -> None:
        for node, path in walk(self.children):
            if node.ref:
                if node.ref in self._refs:
                    raise ValueError(f"duplicate ref {node.ref}")
                self._refs[node.ref] = path

    @property
    def printed_stamp(self) -> str:
        return f"[{self.stamp}]"

    def has(self, ref: str) -> bool:
        """Whether the form declares an item with `ref`."""
        return ref in self._refs

    def path(self, ref: str) -> tuple[str, ...]:
        """The YAML key path of the node declared with `ref`."""
        return self._refs[ref]

    def node(self, ref: str) -> Node:
        return self.node_at(self.path(ref))

    def node_at(self, path: tuple[str, ...]) -> Node:
        nodes = self.children
        found: Node | None = None
        for key in path:
            found = next((n for n in nodes if n.key == key), None)
            if found is None:
                raise KeyError("/".join(path))
            nodes = found.children
        if found is None:
            raise KeyError("empty path")
        return found


def walk(
    nodes: tuple[Node, ...], prefix: tuple[str, ...] = ()
) -> Iterator[tuple[Node, tuple[str, ...]]]:
    """Every node under `nodes` with its YAML key path, in form order."""
    for node in nodes:
        path = (*prefix, node.key)
        yield node, path
        yield from walk(node.children, path)


class Extra(TypedDict, total=False):
    """The optional attributes of a node, for the constructors below."""

    label: str
    number: str
    mark: str
    important: bool | None
    optional: bool
    sub_of: str
    note: str
    ref: str
    block_label: str
    name_key: str
    max_items: int
    in_path: bool
    suffix: str
    basis: Basis | None


# The constructors keep a catalog readable as a list of the form's rows:
# the kind is the function, the YAML key comes first.


def group(key: str, *children: Node, **kw: Unpack[Extra]) -> Node:
    return Node(key, Kind.GROUP, children=children, **kw)


def blocks(key: str, *children: Node, **kw: Unpack[Extra]) -> Node:
    kw.setdefault("max_items", 20)
    return Node(key, Kind.BLOCKS, children=children, **kw)


def text(key: str, **kw: Unpack[Extra]) -> Node:
    return Node(key, Kind.TEXT, **kw)


def longtext(key: str, **kw: Unpack[Extra]) -> Node:
    return Node(key, Kind.LONGTEXT, **kw)


def date(key: str, **kw: Unpack[Extra]) -> Node:
    return Node(key, Kind.DATE, **kw)


def choice(key: str, choices: Choices, **kw: Unpack[Extra]) -> Node:
    return Node(key, Kind.CHOICE, choices=choices, **kw)


def checks(key: str, *options: Option, **kw: Unpack[Extra]) -> Node:
    return Node(key, Kind.CHECKS, options=options, **kw)


def count(key: str, **kw: Unpack[Extra]) -> Node:
    return Node(key, Kind.COUNT, **kw)


def flag(key: str, **kw: Unpack[Extra]) -> Node:
    return Node(key, Kind.FLAG, **kw)


def items(key: str, **kw: Unpack[Extra]) -> Node:
    return Node(key, Kind.LIST, **kw)


def fixed(key: str, wording: str, **kw: Unpack[Extra]) -> Node:
    return Node(key, Kind.FIXED, text=wording, **kw)


def echo(key: str, source: str, **kw: Unpack[Extra]) -> Node:
    return Node(key, Kind.ECHO, text=source, **kw)
