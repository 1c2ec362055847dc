"""From a path of keys and list indexes to a line and column of the file.

ruamel.yaml keeps positions on containers only (`lc`), so a path is
followed container by container; where it ends at a key that is missing,
the position is that of the nearest container that exists.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

Position = tuple[int, int]


def locate(tree: Any, path: Sequence[str | int], *, at_key: bool = False) -> Position:
    """1-based (line, col) of the value at `path`, or of its key if `at_key`."""
    position = (0, 0)
    node = tree
    for i, step in enumerate(path):
        last = i == len(path) - 1
        if isinstance(node, CommentedMap) and step in node:
            child = node[step]
            # Containers and empty values have no position of their own
            # worth pointing at: point at their key.
            as_key = (
                (at_key and last)
                or child is None
                or isinstance(child, CommentedMap | CommentedSeq)
            )
            position = node.lc.key(step) if as_key else node.lc.value(step)
            node = child
        elif (
            isinstance(node, CommentedSeq)
            and isinstance(step, int)
            and step < len(node)
        ):
            position = node.lc.item(step)
            node = node[step]
        else:
            break
    return position[0] + 1, position[1] + 1


def source_token(text: str, position: Position) -> str:
    """The value as written at `position`, up to a comment or the line's end."""
    lines = text.splitlines()
    line, col = position
    if not 0 < line <= len(lines):
        return ""
    rest = lines[line - 1][col - 1 :]
    cut = rest.find(" #")
    return (rest if cut < 0 else rest[:cut]).strip()
