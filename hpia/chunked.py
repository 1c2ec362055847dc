"""Many versions of one form file, read fast.

A change table reads every version of a form file in its git history. A
full ruamel.yaml parse of a 2,000-line form takes tens of milliseconds (it
is pure Python, risks.md §2), so a thousand versions would take minutes.

A version is cut along its block structure into pieces, one per mapping
entry or list item, found by indentation; each piece remembers where it
lies. The next version is compared with the last byte for byte: the lines
that differ lie in one piece, or a few, and only those are cut and read
again. Everything else keeps its value, the very same objects as before,
which also lets a later comparison skip them by identity. Leaf values are
read by hpia.scalars where their shape is plain, else by ruamel.yaml, and
remembered by their text.

Values come out as plain Python (dict, list, str, int, float, bool, date,
datetime, None), resolved by the same loader `hpia validate` uses. A version
the cut cannot handle (a directive, a quoted or complex key, an anchor used
in another piece, a duplicate key, a tab) goes to ruamel.yaml whole, which
then gives the same value or the same error.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import TaggedScalar
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from hpia.scalars import literal_block, one_line_text
from hpia.yamlio import make_yaml

BOM = b"\xef\xbb\xbf"


class Unreadable(Exception):
    """The text is not a YAML mapping; the message says why, in Japanese."""


class _Fallback(Exception):
    """A piece the cut cannot take: read the whole version instead."""


def plain(value: Any) -> Any:
    """ruamel.yaml's round-trip types as plain Python values."""
    if isinstance(value, dict):
        return {plain(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    if isinstance(value, str):
        return str(value)
    if isinstance(value, dt.datetime):
        return dt.datetime.fromisoformat(value.isoformat())
    if isinstance(value, TaggedScalar):
        return plain(value.value)  # a local tag (!x) means nothing to a form
    return value


# A mapping key as form files write it: plain, ended by ": " or the line's
# end. Keys YAML would read as something other than text (null, true, 10,
# 2025-04-15) and merge keys go to ruamel.yaml.
_KEY = re.compile(
    rb"([^\s#'\"?:&*!|>%@`{}\[\],<0-9.+~-][^:#\n]*?|-[^\s:#][^:#\n]*?):(?: +|$)",
    re.M,
)
_NOT_TEXT = re.compile(r"(?i:null|true|false|-[0-9.].*)")
_DASH = re.compile(rb"-(?: +|$)", re.M)
_CONTENT = re.compile(rb"(?m)^( *)[^ \n#]")


@dataclass(frozen=True, slots=True)
class _Piece:
    """A mapping entry or list item of one version, and where it lies.

    `start` and `end` count bytes from the start of the enclosing piece.
    A piece holding a block mapping or a list of mappings has `parts`,
    whose keys sit at `inner` (the dashes, for a list); a leaf has none.
    `item` marks a list item's mapping, whose first line starts with "- ".
    """

    start: int
    end: int
    key: str | None
    value: Any
    parts: tuple[_Piece, ...] | None = None
    inner: int = -1
    is_list: bool = False
    item: bool = False

    def moved(self, delta: int) -> _Piece:
        """The same piece, `delta` bytes further on."""
        return _Piece(
            self.start + delta,
            self.end + delta,
            self.key,
            self.value,
            self.parts,
            self.inner,
            self.is_list,
            self.item,
        )


class Reader:
    """Reads versions of one file in order, reusing what did not change."""

    def __init__(self) -> None:
        self._yaml: YAML = make_yaml()
        self._leaves: dict[bytes, Any] = {}
        self._last: tuple[bytes, _Piece] | None = None

    def read(self, data: bytes) -> dict[str, Any]:
        """The version `data` (UTF-8) as plain data; `Unreadable` if not."""
        data = data.removeprefix(BOM)
        try:
            whole = self._next(data)
        except _Fallback:
            self._last = None
            return self._whole(data)
        self._last = (data, whole)
        value: dict[str, Any] = whole.value
        return value

    def _next(self, data: bytes) -> _Piece:
        if self._last is not None:
            try:
                return _Update(self, self._last, data).run()
            except _Fallback:
                pass
        _decode(data)
        return self._root(data)

    def _root(self, data: bytes) -> _Piece:
        parts = self.mapping(data, 0, len(data), 0, 0)
        return _Piece(0, len(data), None, _value(parts, False), tuple(parts), 0)

    def _whole(self, data: bytes) -> dict[str, Any]:
        try:
            tree = make_yaml().load(_decode(data))
        except MarkedYAMLError as err:
            line = err.problem_mark.line + 1 if err.problem_mark else "?"
            raise Unreadable(
                f"{line}行目: YAMLとして読めません（{err.problem}）。"
            ) from err
        except YAMLError as err:
            raise Unreadable(f"YAMLとして読めません（{err}）。") from err
        if not isinstance(tree, dict):
            raise Unreadable("最上位が「キー: 値」の並びではありません。")
        value: dict[str, Any] = plain(tree)
        return value

    # Cutting

    def mapping(
        self,
        data: bytes,
        start: int,
        end: int,
        indent: int,
        base: int,
        item: bool = False,
    ) -> list[_Piece]:
        """The entries of a block mapping in data[start:end], keys at `indent`.

        With `item`, the first line is a list item's ("- key: …").
        """
        starts = _starts(data, start, end, indent, rb"[^\s#]", first=item)
        bounds = zip(starts, [*starts[1:], end], strict=True)
        return [
            self._entry(data, s, e, indent, base, item and s == start)
            for s, e in bounds
        ]

    def items(
        self, data: bytes, start: int, end: int, dash: int, base: int
    ) -> list[_Piece] | None:
        """The items of a list of mappings; None for a list of anything else."""
        starts = _starts(data, start, end, dash, rb"-")
        out = []
        for s, e in zip(starts, [*starts[1:], end], strict=True):
            marker = _DASH.match(data, s + dash)
            if marker is None:
                raise _Fallback
            inner = marker.end() - s
            if _KEY.match(data, s + inner) is None:
                return None
            parts = self.mapping(data, s, e, inner, s, item=True)
            value = _value(parts, False)
            out.append(
                _Piece(s - base, e - base, None, value, tuple(parts), inner, item=True)
            )
        return out

    def _entry(
        self, data: bytes, start: int, end: int, indent: int, base: int, first: bool
    ) -> _Piece:
        found = _KEY.match(data, start + indent)
        if found is None:
            raise _Fallback
        key = _decode(found.group(1)).rstrip()
        if _NOT_TEXT.fullmatch(key):
            raise _Fallback

        line_end = data.find(b"\n", start, end)
        body = end if line_end < 0 else line_end + 1
        rest = data[found.end() : body].strip()
        nested = _CONTENT.search(data, body, end)
        if (rest == b"" or rest.startswith(b"#")) and nested is not None:
            inner = len(nested.group(1))
            if _DASH.match(data, nested.end(1)) and inner >= indent:
                parts = self.items(data, body, end, inner, start)
                if parts is not None:
                    value = _value(parts, True)
                    return _Piece(
                        start - base, end - base, key, value, tuple(parts), inner, True
                    )
            elif inner > indent:
                parts = self.mapping(data, body, end, inner, start)
                value = _value(parts, False)
                return _Piece(start - base, end - base, key, value, tuple(parts), inner)

        text = data[start:end]
        if first:
            text = b" " * indent + text[indent:]
        return _Piece(start - base, end - base, key, self._leaf(key, text, indent))

    # Leaves

    def _leaf(self, key: str, entry: bytes, indent: int) -> Any:
        known = self._leaves.get(entry, _MISSING)
        if known is _MISSING:
            known = self._read_leaf(key, _decode(entry), indent)
            self._leaves[entry] = known
        return known

    def _read_leaf(self, key: str, entry: str, indent: int) -> Any:
        fast = literal_block(entry, indent)
        if fast is None and entry.count("\n") == 1:
            value = entry[entry.index(":", indent) + 1 : -1]
            fast = one_line_text(value.lstrip(" "), self._yaml.resolver)
        if fast is not None:
            return fast

        text = re.sub(rf"(?m)^ {{0,{indent}}}", "", entry) if indent else entry
        try:
            tree = self._yaml.load(text)
        except YAMLError as err:
            # An instance may stay broken after an error (risks.md §2).
            self._yaml = make_yaml()
            raise _Fallback from err
        if not isinstance(tree, dict) or list(tree) != [key]:
            raise _Fallback
        return plain(tree[key])


_MISSING = object()


class _Update:
    """The next version from the last one, re-cutting only what changed."""

    def __init__(self, reader: Reader, last: tuple[bytes, _Piece], data: bytes) -> None:
        self.reader = reader
        self.old, self.tree = last
        self.data = data
        self.delta = len(data) - len(self.old)

    def run(self) -> _Piece:
        old, data = self.old, self.data
        if old == data:
            return self.tree
        same_start = _common_start(old, data)
        same_end = _common_end(old, data, min(len(old), len(data)) - same_start)

        # Whole lines: from the first changed line to the end of the last. A
        # text inserted at the start of a line changes that line too.
        self.first = old.rfind(b"\n", 0, same_start) + 1
        last = max(same_start, len(old) - same_end)
        after = old.find(b"\n", last)
        self.after = len(old) if after < 0 else after + 1
        _decode(data[self.first : self.after + self.delta])
        return self._piece(self.tree, 0)

    def _piece(self, piece: _Piece, at: int) -> _Piece:
        """`piece` (starting at `at` in both versions) in the new version."""
        parts = piece.parts
        assert parts is not None
        before = [p for p in parts if at + p.end < self.first]
        later = [p for p in parts if at + p.start >= self.after]
        middle = parts[len(before) : len(parts) - len(later)]
        if not middle or at + middle[0].start > self.first:
            raise _Fallback  # a change before the first piece: cut it all

        inside, inside_at = middle[0], at + middle[0].start
        # Into the one piece that holds the change, unless the change reaches
        # its first nested line, which sets the nested indentation.
        if (
            len(middle) == 1
            and inside.parts
            and inside_at + inside.parts[0].start < self.first
        ):
            fresh = [self._piece(inside, inside_at)]
        else:
            fresh = self._cut(piece, at, at + middle[0].start, at + middle[-1].end)

        parts = (*before, *fresh, *(p.moved(self.delta) for p in later))
        return dataclasses.replace(
            piece,
            end=piece.end + self.delta,
            value=_value(list(parts), piece.is_list),
            parts=parts,
        )

    def _cut(self, piece: _Piece, at: int, start: int, end: int) -> list[_Piece]:
        end += self.delta
        if piece.is_list:
            found = self.reader.items(self.data, start, end, piece.inner, at)
            if found is None:
                raise _Fallback
            return found
        first = piece.item and start == at
        return self.reader.mapping(self.data, start, end, piece.inner, at, first)


def _value(parts: list[_Piece], is_list: bool) -> Any:
    if is_list:
        return [p.value for p in parts]
    out = {p.key: p.value for p in parts}
    if len(out) != len(parts):
        raise _Fallback  # a duplicate key: ruamel.yaml says where
    return out


def _starts(
    data: bytes, start: int, end: int, indent: int, lead: bytes, first: bool = False
) -> list[int]:
    """Where each piece of data[start:end] starts: lines at `indent`.

    `first` takes the first line as a piece whatever it starts with (a list
    item's "- "). Content less indented than `indent` (comments aside), or
    before the first piece, means the cut would not follow YAML's structure.
    """
    pattern = _line_pattern(indent)
    opens = re.compile(lead)
    at_start = data[start : start + indent] == b" " * indent and opens.match(
        data, start + indent
    )
    starts = [start] if first or at_start else []
    for line in pattern.finditer(data, start, end):
        if len(line.group(1)) != indent or not opens.match(data, line.end()):
            raise _Fallback
        starts.append(line.start(1))
    if not starts or _CONTENT.search(data, start, starts[0]):
        raise _Fallback
    return starts


_PATTERNS: dict[int, re.Pattern[bytes]] = {}


def _line_pattern(indent: int) -> re.Pattern[bytes]:
    """Lines indented `indent` or less that hold content, not comments.

    A literal "\\n" first lets the regex engine skip ahead fast.
    """
    if indent not in _PATTERNS:
        _PATTERNS[indent] = re.compile(rb"\n( {0,%d})(?=[^ \n#])" % indent)
    return _PATTERNS[indent]


def _common_start(a: bytes, b: bytes) -> int:
    """How many bytes `a` and `b` share at the start.

    Whole blocks first, then halving within the block that differs: each
    step compares bytes in C, never one at a time in Python.
    """
    size, at, step = min(len(a), len(b)), 0, 4096
    while at < size and a[at : at + step] == b[at : at + step]:
        at = min(at + step, size)
    low, high = at, min(at + step, size)
    while low < high:
        middle = (low + high) // 2
        if a[low : middle + 1] == b[low : middle + 1]:
            low = middle + 1
        else:
            high = middle
    return low


def _common_end(a: bytes, b: bytes, most: int) -> int:
    """How many bytes `a` and `b` share at the end, at most `most`."""

    def same(n: int, m: int) -> bool:
        """Whether the bytes n+1 … m from the end are the same."""
        return a[len(a) - m : len(a) - n] == b[len(b) - m : len(b) - n]

    n, step = 0, 4096
    while n < most and same(n, min(n + step, most)):
        n = min(n + step, most)
    low, high = n, min(n + step, most)
    while low < high:
        middle = (low + high) // 2
        if same(low, middle + 1):
            low = middle + 1
        else:
            high = middle
    return low


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise Unreadable("文字コードが UTF-8 ではありません。") from err
