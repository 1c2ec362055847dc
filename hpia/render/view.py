"""The form laid out as the official 様式 lays it out, as rows for the templates.

Walking the catalog with the assessment's values, this module decides what
each table row of the printed form holds: a heading band (「１．…」,
「リスク：…」, 「システム2～5」), a label beside its content, a label over
wide content. Numbers, labels, ※ marks and ＜選択肢＞ all come from the
catalog; the templates only turn these rows into HTML.

The grouping of repeating blocks and the printing of choices and boxes
follow the published form (spipa.md §1.1).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from hpia.catalog import labels
from hpia.catalog.nodes import Choices, Kind, Node, Option
from hpia.wareki import to_wareki

# The form prints block 1 alone, then 2～5, 6～10, 11～15 and 16～20, each
# range under its own band even when empty (spipa.md §1.1).
BLOCK_RANGES = ((1, 1), (2, 5), (6, 10), (11, 15), (16, 20))

# A long-text item with a label longer than this prints the label as a band
# over the full width, as the form does for 「…におけるその他のリスク及び
# そのリスクに対する措置」.
WIDE_LABEL = 24

# Choices whose longest option is at most this long sit in two columns.
SHORT_OPTION = 10

# Boxes up to this many characters wide sit three to a line, else two.
BOX_COLUMN = 14

# A row up to about this many printed lines is kept on one page; a longer
# one may break between lines. Cells break on their own, so a row broken
# near the foot of a page can leave a one-line cell (the label) behind.
KEEP_LINES = 30
LINE_CHARS = 40  # characters a line of the content column holds


@dataclass(frozen=True)
class Text:
    text: str
    kind: str = "text"


@dataclass(frozen=True)
class Choice:
    """「[ 選んだ値 ]」 beside the numbered ＜選択肢＞."""

    value: str
    options: tuple[str, ...]
    count: str = ""  # 「（ 3 ）件」 of a count item that belongs to the choice
    stacked: bool = False  # long options: the list goes under the value
    columns: int = 1
    kind: str = "choice"


@dataclass(frozen=True)
class Box:
    """One 「[ ○ ] label」, with its （ … ） when it has one."""

    label: str
    ticked: bool
    detail: str = ""
    detail_kind: str = ""  # "", "text" or "count"


@dataclass(frozen=True)
class BoxGroup:
    title: str  # 「識別情報」, or "" for an ungrouped item
    boxes: tuple[Box, ...]


@dataclass(frozen=True)
class Checks:
    groups: tuple[BoxGroup, ...]
    columns: int = 2
    kind: str = "checks"


Content = Text | Choice | Checks


def printed_lines(text: str, line_chars: int) -> int:
    """About how many lines `text` takes in a column of `line_chars`."""
    return sum(len(line) // line_chars + 1 for line in text.split("\n"))


def keeps(content: Content) -> bool:
    """Whether a row of `content` is short enough to keep on one page."""
    if not isinstance(content, Text):
        return True
    return printed_lines(content.text, LINE_CHARS) <= KEEP_LINES


@dataclass(frozen=True)
class Heading:
    """A shaded band across the table: 「１．…」, 「リスク：…」, 「システム1」."""

    text: str
    level: int
    name: str = ""  # a block's name, printed after its number
    flags: tuple[Box, ...] = ()
    kind: str = "heading"


@dataclass(frozen=True)
class Item:
    """A label and its content; `wide` puts the content under the label."""

    label: str
    content: Content
    sub: bool = False
    wide: bool = False
    kind: str = "item"

    @property
    def keep(self) -> bool:
        return keeps(self.content)


@dataclass(frozen=True)
class Wide:
    """Content across the full width, under a numbered heading."""

    content: Content
    kind: str = "wide"

    @property
    def keep(self) -> bool:
        return keeps(self.content)


@dataclass(frozen=True)
class Nested:
    """A label over several sub-items (「④使用の主体」 → 使用部署, 使用者数)."""

    label: str
    rows: tuple[Item, ...]
    kind: str = "nested"


Row = Heading | Item | Wide | Nested


def heading(node: Node, marks: bool = True) -> str:
    """The node's number and label, then its ※ and suffix unless `marks` is off."""
    text = labels.heading(node)
    if node.number.startswith("（"):
        text = f"{node.number}　{node.title}"
    tails = (node.mark, node.suffix) if marks else ()
    for tail in tails:
        if tail:
            text += f"　{tail}"
    return text


def printed_value(node: Node, value: Any) -> str:
    """A single value as the form prints it in its cell."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return to_wareki(value)
    if node.kind is Kind.COUNT:
        return f"（ {value} ）件"
    if isinstance(value, list):
        return "\n".join(str(v) for v in value)
    return str(value)


def _is_heading_number(number: str) -> bool:
    return number.endswith("．") or "：" in number


def choice(node: Node, value: Any, count: str = "") -> Choice:
    assert node.choices is not None
    choices: Choices = node.choices
    longest = max(len(o) for o in choices.options)
    return Choice(
        value=printed_value(node, value),
        options=choices.numbered(),
        count=count,
        stacked=longest > 2 * SHORT_OPTION,
        columns=2 if longest <= SHORT_OPTION else 1,
    )


def _box(option: Option, ticks: dict[str, Any]) -> Box:
    ticked = option.label in ticks
    detail = ticks.get(option.label)
    return Box(
        label=option.label,
        ticked=ticked,
        detail="" if detail is None else str(detail),
        detail_kind=option.detail,
    )


def checks(node: Node, value: Any) -> Checks:
    ticks: dict[str, Any] = value if isinstance(value, dict) else {}
    groups: list[BoxGroup] = []
    for option in node.options:
        if not groups or groups[-1].title != option.group:
            groups.append(BoxGroup(option.group, ()))
        last = groups[-1]
        groups[-1] = BoxGroup(last.title, (*last.boxes, _box(option, ticks)))
    widest = max((_box_width(o) for o in node.options if o.detail != "text"), default=0)
    return Checks(tuple(groups), columns=3 if widest <= BOX_COLUMN else 2)


def _box_width(option: Option) -> int:
    """About how many characters wide 「[ ○ ] label （ n ） 件」 prints."""
    return len(option.label) + 4 + (6 if option.detail == "count" else 0)


class Walker:
    """Turns one part of the catalog and its values into rows."""

    def __init__(self, names: dict[str, str]) -> None:
        self.names = names  # values an ECHO node repeats, by key

    def rows(self, nodes: tuple[Node, ...], data: dict[str, Any]) -> list[Row]:
        out: list[Row] = []
        for node in nodes:
            if node.kind is Kind.FLAG:
                continue  # printed in the band of the group that holds it
            if node.kind is Kind.COUNT and node.sub_of:
                continue  # printed beside the choice it belongs to
            out.extend(self.node_rows(node, data, nodes))
        return out

    def node_rows(
        self, node: Node, data: dict[str, Any], siblings: tuple[Node, ...]
    ) -> list[Row]:
        if node.kind is Kind.GROUP:
            return self.group(node, data.get(node.key) or {})
        if node.kind is Kind.BLOCKS:
            return self.blocks(node, data.get(node.key) or [])
        if _is_heading_number(node.number):
            content = self.content(node, data, siblings)
            return [Heading(heading(node), 1), Wide(content)]
        return [self.item(node, data, siblings)]

    def group(self, node: Node, data: dict[str, Any]) -> list[Row]:
        if not _is_heading_number(node.number):
            inner = [r for r in self.rows(node.children, data) if isinstance(r, Item)]
            return [Nested(heading(node), tuple(inner))]
        flags = tuple(
            Box(c.title, bool(data.get(c.key)))
            for c in node.children
            if c.kind is Kind.FLAG
        )
        level = 1 if node.number.endswith("．") else 2
        band = Heading(heading(node), level, flags=flags)
        return [band, *self.rows(node.children, data)]

    def blocks(self, node: Node, entries: list[dict[str, Any]]) -> list[Row]:
        out: list[Row] = []
        if node.number:
            out.append(Heading(heading(node), 1))
        for first, last in BLOCK_RANGES:
            if first > node.max_items:
                break
            if first == last:
                out.extend(self.block(node, first, entries, level=2))
                continue
            out.append(Heading(f"{node.block_label}{first}～{last}", 2))
            for n in range(first, min(last, len(entries)) + 1):
                out.extend(self.block(node, n, entries, level=3))
        return out

    def block(
        self, node: Node, n: int, entries: list[dict[str, Any]], level: int
    ) -> list[Row]:
        data = entries[n - 1] if n <= len(entries) else {}
        name_node = node.child(node.name_key) if node.name_key else None
        in_band = name_node is not None and not name_node.number
        name = str(data.get(node.name_key) or "") if in_band else ""
        children = tuple(c for c in node.children if not (in_band and c is name_node))
        band = Heading(f"{node.block_label}{n}", level, name=name)
        return [band, *self.rows(children, data)]

    def item(
        self, node: Node, data: dict[str, Any], siblings: tuple[Node, ...]
    ) -> Item:
        content = self.content(node, data, siblings)
        label = heading(node)
        wide = node.kind is Kind.LONGTEXT and len(label) > WIDE_LABEL
        return Item(label, content, sub=bool(node.sub_of), wide=wide)

    def content(
        self, node: Node, data: dict[str, Any], siblings: tuple[Node, ...]
    ) -> Content:
        value = data.get(node.key)
        match node.kind:
            case Kind.CHOICE:
                return choice(node, value, self.count_of(node, data, siblings))
            case Kind.CHECKS:
                return checks(node, value)
            case Kind.FIXED:
                return Text(node.text)
            case Kind.ECHO:
                return Text(self.names.get(node.text, ""))
        return Text(printed_value(node, value))

    def count_of(
        self, node: Node, data: dict[str, Any], siblings: tuple[Node, ...]
    ) -> str:
        """The 「（ n ）件」 of a count item printed beside this choice."""
        for c in siblings:
            if c.kind is Kind.COUNT and c.sub_of == node.key:
                value = data.get(c.key)
                return printed_value(c, "　" if value is None else value)
        return ""
