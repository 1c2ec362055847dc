"""How items are named: in messages (「Ⅱ-２-② 対象となる本人の数」) and in
the 別添２ table (「Ⅱ特定個人情報ファイルの概要 ４．… ②…」).

Paths are YAML key paths in which a list index stands for a block
(`("基本情報", "…システム", 2, "システムの名称")`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from hpia.catalog.nodes import Form, Kind, Node

ROMAN = frozenset("ⅠⅡⅢⅣⅤⅥ")
Path = Sequence[str | int]


def full_width_number(n: int) -> str:
    """1 → 「１」, 12 → 「１２」, as the form numbers its blocks."""
    return "".join(chr(ord(d) - ord("0") + ord("０")) for d in str(n))


def short_number(node: Node) -> str:
    """The number without its separator: 「１．」 → 「１」."""
    return node.number.rstrip("．：　 ")


def heading(node: Node) -> str:
    """The node's number and label as the form prints them together."""
    if not node.number:
        return node.title
    gap = "　" if node.number in ROMAN else ""
    return f"{node.number}{gap}{node.title}"


@dataclass(frozen=True)
class Step:
    """One node on a path, with the block index that led into it."""

    node: Node
    index: int | None = None


def steps(form: Form, path: Path) -> list[Step]:
    """Resolve a key path to the nodes it passes, blocks with their index."""
    out: list[Step] = []
    nodes = form.children
    i = 0
    while i < len(path):
        key = path[i]
        node = next((n for n in nodes if n.key == key), None)
        if node is None:
            break
        index = None
        if node.kind is Kind.BLOCKS and i + 1 < len(path):
            nxt = path[i + 1]
            if isinstance(nxt, int):
                index = nxt
                i += 1
        out.append(Step(node, index))
        nodes = node.children
        i += 1
    return out


def _block_name(step: Step) -> str:
    assert step.index is not None
    return f"{step.node.block_label}{full_width_number(step.index + 1)}"


def item_label(form: Form, path: Path) -> str:
    """「Ⅱ-２-② 対象となる本人の数」: the numbers of the way in, then the label."""
    trail = steps(form, path)
    if not trail:
        return str(path[0]) if path else "文書"

    numbers: list[str] = []
    for step in trail:
        if step.node.number:
            numbers.append(short_number(step.node))
        if step.index is not None and (step.node.in_path or step.index > 0):
            numbers.append(_block_name(step))

    last = trail[-1]
    words = [] if last.index is not None else [last.node.title]
    main = _sibling(trail, last.node.sub_of) if last.node.sub_of else None
    if main is not None:
        if main.number:
            numbers.append(short_number(main))
        words.insert(0, main.title)
    if not numbers and len(trail) > 1:
        words.insert(0, trail[0].node.title)

    return " ".join(["-".join(numbers), *words]).strip()


def _sibling(trail: list[Step], key: str) -> Node | None:
    if len(trail) < 2:
        return None
    parent = trail[-2].node
    return next((c for c in parent.children if c.key == key), None)


def change_label(form: Form, path: Path) -> str:
    """The 項目 of a 別添２ row, each level as printed, separated by spaces."""
    parts: list[str] = []
    trail = steps(form, path)
    for step in trail:
        node = step.node
        if node.kind is Kind.BLOCKS:
            if node.number:
                parts.append(heading(node))
            if step.index is not None and node.in_path:
                parts.append(_block_name(step))
            continue
        if node.sub_of:
            main = _sibling(trail, node.sub_of)
            if main is not None:
                parts.append(heading(main))
        if node.number in ROMAN:
            parts.append(f"{node.number}{node.title}")
        else:
            parts.append(heading(node))
    return " ".join(parts)
