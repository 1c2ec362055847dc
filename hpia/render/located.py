"""Where a character of a value is written: its own line and column.

ruamel.yaml gives the position where a value starts; for a block scalar
(`|-`) that is the line of its key, while the value's paragraphs are the
lines after it. The character is therefore looked up in the file's text,
from the value's start up to the next position the tree knows (the next key
or list item), so it is found on its own line, whatever the scalar's style.
A character the text does not hold as written (a double-quoted escape such
as "\\U00020BB7") is placed at the value's start.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from hpia.locate import Position, locate
from hpia.yamlio import Source


class Spots:
    """Positions of the characters of one form file's values."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self._lines = source.text.split("\n")
        self._starts = sorted(set(_positions(source.tree)))

    def of(self, path: Sequence[str | int], char: str) -> Position:
        """1-based (line, col) of the first `char` of the value at `path`."""
        line, col = locate(self.source.tree, path)
        start = (line - 1, col - 1)
        after = bisect.bisect_right(self._starts, start)
        end = self._starts[after] if after < len(self._starts) else None
        found = self._find(char, start, end)
        return (found[0] + 1, found[1] + 1) if found else (line, col)

    def _find(
        self, char: str, start: tuple[int, int], end: tuple[int, int] | None
    ) -> tuple[int, int] | None:
        last = (
            len(self._lines) - 1 if end is None else min(end[0], len(self._lines) - 1)
        )
        for number in range(start[0], last + 1):
            text = self._lines[number]
            first = start[1] if number == start[0] else 0
            stop = end[1] if end is not None and number == end[0] else len(text)
            col = text.find(char, first, stop)
            if col >= 0:
                return number, col
        return None


def _positions(node: Any) -> Iterator[tuple[int, int]]:
    """0-based positions of every key, value and list item under `node`."""
    if isinstance(node, CommentedMap):
        for key, child in node.items():
            yield _pair(node.lc.key(key))
            yield _pair(node.lc.value(key))
            yield from _positions(child)
    elif isinstance(node, CommentedSeq):
        for i, child in enumerate(node):
            yield _pair(node.lc.item(i))
            yield from _positions(child)


def _pair(position: Any) -> tuple[int, int]:
    line, col = position
    return int(line), int(col)
