"""Two versions of a form file to the items that changed.

The walk follows the catalog, so every change is named by a path of the
form's own keys; repeating blocks are matched by identity, not by their
place in the list: first by name (the block's `name_key` item), then a
block whose name changed is paired with the unmatched block of the other
version that still reads the same in most of its items. Inserting
システム2 is then one added block, not a change to every later system.

Values are compared as the printed form shows them (hpia.printed), so a
change of quoting, of choice width (「１０人未満」 for 「10人未満」) or of the
order ticks are written in is no change at all.

A version's data is plain Python from `hpia.chunked`; parts that did not
change between two versions are the same objects and are skipped at once.

No general deep diff (deepdiff) is used: it pairs list items by position,
or by a pairwise identity function that it calls for every nested list
(risks.md §5), and its paths would still have to be named by the catalog.
Walking the catalog matches blocks and names items in one pass.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydantic_core import PydanticCustomError

from hpia.catalog.nodes import Form, Kind, Node
from hpia.model import reader
from hpia.printed import printed
from hpia.values import fold

Path = tuple[str | int, ...]

# The cover's 公表日 dates the publication itself: every version of the
# 評価書 has a new one, and 別添２ does not list it (nor does the seed's).
NOT_ROWS = frozenset({"published"})


@dataclass(frozen=True)
class Change:
    """One item whose printed text differs between two versions.

    `path` names the item in the newer version (in the older one for an
    item of a removed block); `ident` names it across versions, with each
    block index replaced by the block's name.
    """

    path: Path
    node: Node
    before: str
    after: str
    ident: tuple[object, ...]


def compare(form: Form, old: Any, new: Any) -> list[Change]:
    """The changed items, in the form's order."""
    return list(_nodes(form.children, old, new, (), ()))


def text_of(node: Node, value: Any) -> str:
    """A raw YAML value as the printed form shows it.

    A value the form's reader refuses (an old version may be invalid) is
    shown as written rather than dropped.
    """
    try:
        checked = reader(node)(value)
    except (PydanticCustomError, TypeError, ValueError):
        return _as_written(value)
    return printed(node, checked)


def _as_written(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "、".join(_as_written(v) for v in value)
    if isinstance(value, dict):
        return "、".join(f"{k}（{_as_written(v)}）" for k, v in value.items())
    return str(value)


def _get(data: Any, key: str) -> Any:
    return data.get(key) if isinstance(data, dict) else None


def _nodes(
    nodes: tuple[Node, ...], old: Any, new: Any, path: Path, ident: tuple[object, ...]
) -> Iterator[Change]:
    for node in nodes:
        if not node.in_yaml or node.ref in NOT_ROWS:
            continue
        before, after = _get(old, node.key), _get(new, node.key)
        if before is after:
            continue
        here, named = (*path, node.key), (*ident, node.key)
        if node.kind is Kind.GROUP:
            yield from _nodes(node.children, before, after, here, named)
        elif node.kind is Kind.BLOCKS:
            yield from _blocks(node, before, after, here, named)
        elif before != after:
            yield from _leaf(node, before, after, here, named)


def _leaf(
    node: Node, old: Any, new: Any, path: Path, ident: tuple[object, ...]
) -> Iterator[Change]:
    before, after = text_of(node, old), text_of(node, new)
    if before != after:
        yield Change(path, node, before, after, ident)


def _blocks(
    node: Node, old: Any, new: Any, path: Path, ident: tuple[object, ...]
) -> Iterator[Change]:
    olds = old if isinstance(old, list) else []
    news = new if isinstance(new, list) else []
    pairs = match_blocks(node, olds, news)
    paired_old = {i for i, _ in pairs}

    for i, j in sorted(pairs, key=lambda p: p[1]):
        yield from _nodes(
            node.children,
            olds[i],
            news[j],
            (*path, j),
            (*ident, _name(node, news[j], j)),
        )
    for j in sorted(set(range(len(news))) - {j for _, j in pairs}):
        yield from _whole(node, news[j], (*path, j), ident, j, added=True)
    for i in sorted(set(range(len(olds))) - paired_old):
        yield from _whole(node, olds[i], (*path, i), ident, i, added=False)


def _whole(
    node: Node, block: Any, path: Path, ident: tuple[object, ...], at: int, added: bool
) -> Iterator[Change]:
    """Every filled item of a block that was added or removed."""
    empty: dict[str, Any] = {}
    old, new = (empty, block) if added else (block, empty)
    yield from _nodes(node.children, old, new, path, (*ident, _name(node, block, at)))


def _name(node: Node, block: Any, at: int) -> object:
    name = _get(block, node.name_key) if node.name_key else None
    return ("名称", fold(name)) if isinstance(name, str) and name.strip() else at


def match_blocks(node: Node, olds: list[Any], news: list[Any]) -> list[tuple[int, int]]:
    """Pairs (old index, new index) of blocks that are the same block."""
    pairs: list[tuple[int, int]] = []
    free_new = list(range(len(news)))
    new_names = [_name(node, block, -1) for block in news]

    # Same name: the same block, wherever it moved.
    for i, block in enumerate(olds):
        name = _name(node, block, -1)
        if name == -1:
            continue
        j = next((j for j in free_new if new_names[j] == name), None)
        if j is not None:
            pairs.append((i, j))
            free_new.remove(j)

    # Renamed: the same place in a list of the same length, or mostly the
    # same content.
    paired = {i for i, _ in pairs}
    for i in (i for i in range(len(olds)) if i not in paired):
        same_place = len(olds) == len(news) and i in free_new
        j = i if same_place else _most_alike(node, olds[i], news, free_new)
        if j is not None:
            pairs.append((i, j))
            free_new.remove(j)
    return pairs


def _most_alike(node: Node, block: Any, news: list[Any], free: list[int]) -> int | None:
    scored = [(_likeness(node, block, news[j]), j) for j in free]
    best = max(scored, default=(0.0, -1), key=lambda s: (s[0], -s[1]))
    return best[1] if best[0] >= 0.5 else None


def _likeness(node: Node, a: Any, b: Any) -> float:
    """Share of a block's filled items (its name aside) that read the same."""
    keys = [c.key for c in node.children if c.in_yaml and c.key != node.name_key]
    filled = [k for k in keys if _get(a, k) not in (None, "", [], {}) or _get(b, k)]
    if not filled:
        return 1.0
    same = sum(1 for k in filled if _get(a, k) == _get(b, k))
    return same / len(filled)
