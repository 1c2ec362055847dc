"""Many versions of one form file, read fast.

A change table reads every version of a form file in its git history. A
full ruamel.yaml parse of a 2,000-line form takes tens of milliseconds (it
is pure Python, risks.md §2), so a thousand versions would take minutes.
Consecutive versions differ in a few lines, so each version is cut along
its block structure into pieces, one per mapping entry or list item, found
by indentation; only pieces whose text was not seen in the previous version
are parsed again. Unchanged parts of the result are the very same objects
as before, which lets a comparison skip them by identity.

Values come out as plain Python (dict, list, str, int, float, bool, date,
datetime, None), resolved by the same loader `hpia validate` uses. A version
the cut cannot handle (a directive, a quoted or complex key, an anchor used
in another piece, a duplicate key) goes to the full parser, which then gives
the same value or the same error.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import TaggedScalar
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import ScalarNode

from hpia.yamlio import make_yaml


class Unreadable(Exception):
    """The text is not a YAML mapping; the message says why, in Japanese."""


class _Fallback(Exception):
    """A piece the cut cannot take: parse the whole version instead."""


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
# 2025-04-15) and merge keys go to the full parser.
_KEY = re.compile(
    r"([^\s#'\"?:&*!|>%@`{}\[\],<0-9.+~-][^:#]*?|-[^\s:#][^:#]*?):(?: +|$)", re.M
)
_NOT_TEXT = re.compile(r"(?i:null|true|false|-[0-9.].*)")
_SEQUENCE = re.compile(r"-(?: +|$)", re.M)


class Reader:
    """Reads versions of one file in order, reusing what did not change."""

    def __init__(self) -> None:
        self._yaml: YAML = make_yaml()
        # Leaves are small and kept for good; blocks, which can be as large
        # as the file, only from one version to the next.
        self._leaves: dict[str, Any] = {}
        self._seen: dict[str, Any] = {}
        self._now: dict[str, Any] = {}
        self._parts: dict[str, tuple[str, ...]] = {}

    def read(self, text: str) -> dict[str, Any]:
        """The version `text` as plain data; `Unreadable` if it is not."""
        text = text.removeprefix("\ufeff")
        self._now = {}
        try:
            value = self._mapping(text, 0)
        except _Fallback:
            return self._whole(text)
        self._seen = self._now
        if len(self._parts) > 2 * len(self._now):
            self._parts = {k: v for k, v in self._parts.items() if k in self._now}
        return value

    def _whole(self, text: str) -> dict[str, Any]:
        try:
            tree = make_yaml().load(text)
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

    def _mapping(
        self, body: str, indent: int, parts: list[str] | None = None
    ) -> dict[str, Any]:
        """The entries of a block mapping whose keys sit at `indent`."""
        out: dict[str, Any] = {}
        for key, entry, value_at in _entries(body, indent):
            if key in out:
                raise _Fallback
            out[key] = self._entry(key, entry, indent, value_at)
            if parts is not None:
                parts.append(entry)
        return out

    def _entry(self, key: str, entry: str, indent: int, value_at: int) -> Any:
        known = self._leaves.get(entry, _MISSING)
        if known is _MISSING:
            known = self._now.get(entry, _MISSING)
        if known is _MISSING and entry in self._seen:
            self._keep(entry)
            known = self._seen[entry]
        if known is _MISSING:
            known = self._fresh(key, entry, indent, value_at)
        return known

    def _keep(self, entry: str) -> None:
        """Carry a block seen in the last version, and its blocks, forward."""
        self._now[entry] = self._seen[entry]
        for part in self._parts.get(entry, ()):
            if part in self._seen and part not in self._now:
                self._keep(part)

    def _fresh(self, key: str, entry: str, indent: int, value_at: int) -> Any:
        first_end = entry.find("\n") + 1 or len(entry)
        rest = entry[value_at:first_end].strip()
        body = entry[first_end:]
        value: Any = None
        parts: list[str] = []
        if (rest == "" or rest.startswith("#")) and _has_content(body):
            inner, is_list = _nested_indent(body, indent)
            if is_list:
                value = self._items(body, inner, parts)
            elif inner > indent:
                value = self._mapping(body, inner, parts)
        if value is None:
            return self._leaf(key, entry, indent)
        self._now[entry] = value
        self._parts[entry] = tuple(parts)
        return value

    def _items(self, body: str, dash: int, parts: list[str]) -> list[Any] | None:
        """A list of mappings (repeating blocks); None for any other list."""
        out: list[Any] = []
        for item in _pieces(body, dash, "-"):
            parts.append(item)
            known = self._now.get(item, _MISSING)
            if known is _MISSING and item in self._seen:
                self._keep(item)
                known = self._seen[item]
            if known is _MISSING:
                known = self._item(item, dash)
            if known is None:
                return None
            out.append(known)
        return out

    def _item(self, item: str, dash: int) -> dict[str, Any] | None:
        marker = _SEQUENCE.match(item, dash)
        if marker is None:
            raise _Fallback
        inner = marker.end()
        if _KEY.match(item, inner) is None:
            return None
        parts: list[str] = []
        value = self._mapping(" " * inner + item[inner:], inner, parts)
        self._now[item] = value
        self._parts[item] = tuple(parts)
        return value

    def _leaf(self, key: str, entry: str, indent: int) -> Any:
        known = self._leaves.get(entry, _MISSING)
        if known is _MISSING:
            known = self._parse_leaf(key, entry, indent)
            self._leaves[entry] = known
        return known

    def _parse_leaf(self, key: str, entry: str, indent: int) -> Any:
        fast = _literal(entry, indent)
        if fast is None:
            fast = self._plain(entry, indent)
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

    def _plain(self, entry: str, indent: int) -> str | None:
        """A one-line value that YAML reads as text, or None.

        Whether a plain scalar is text (and not a number, date or null) is
        asked of ruamel.yaml's own resolver, so the answer is the loader's.
        """
        found = _KEY.match(entry, indent)
        line_end = entry.find("\n")
        if found is None or line_end < 0 or entry[line_end:].strip("\n"):
            return None
        value = entry[found.end() : line_end].rstrip(" ")
        odd = ": " in value or " #" in value or "\t" in value or value.endswith(":")
        if odd or not _PLAIN.fullmatch(value) or _ODD.search(value):
            return None
        tag = self._yaml.resolver.resolve(ScalarNode, value, (True, False))
        return value if str(tag) == "tag:yaml.org,2002:str" else None


_MISSING = object()
# A plain scalar: no indicator first (YAML 1.2 §7.3.3), one line.
_PLAIN = re.compile(r"[^ \t\n\-?:,\[\]{}#&*!|>'\"%@`][^\n]*")


def _has_content(text: str) -> bool:
    """Whether `text` holds more than blank lines and comments."""
    return re.search(r"(?m)^[ ]*[^ \n#]", text) is not None


def _pieces(body: str, indent: int, lead: str) -> Iterator[str]:
    """`body` cut before each line that starts with `lead` at `indent`.

    Content less indented than `indent` (comments aside) means the cut
    would not follow YAML's structure.
    """
    first = re.compile(lead)
    at_start = body.startswith(" " * indent) and first.match(body, indent)
    starts = [0] if at_start else []
    # A literal "\n" first lets the regex engine skip ahead fast.
    for line in re.finditer(rf"\n( {{0,{indent}}})(?=[^ \n#])", body):
        if len(line.group(1)) != indent or not first.match(body, line.end()):
            raise _Fallback
        starts.append(line.start(1))
    if not starts or _has_content(body[: starts[0]]):
        raise _Fallback
    for begin, end in zip(starts, [*starts[1:], len(body)], strict=True):
        yield body[begin:end]


def _entries(body: str, indent: int) -> Iterator[tuple[str, str, int]]:
    """(key, entry text, where its value starts) for each entry at `indent`."""
    for entry in _pieces(body, indent, r"[^\s#]"):
        found = _KEY.match(entry, indent)
        if found is None:
            raise _Fallback
        key = found.group(1).rstrip()
        if _NOT_TEXT.fullmatch(key):
            raise _Fallback
        yield key, entry, found.end()


def _nested_indent(body: str, indent: int) -> tuple[int, bool]:
    """The indentation of the block under a key, and whether it is a list."""
    found = re.search(r"(?m)^([ ]*)([^ \n#])", body)
    assert found is not None
    inner = len(found.group(1))
    is_list = _SEQUENCE.match(body, found.start(2)) is not None and inner >= indent
    return inner, is_list


# Characters a literal block may hold on the fast path: YAML's printable
# set (YAML 1.2 §5.1) less the line breaks of YAML 1.1 and the BOM. Text
# with any other goes to ruamel.yaml, which rejects or reads it its way.
_ODD = re.compile(
    "[^\t\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
_HEADER = re.compile(r"[^:]*: \|([-+]?)\n")


def _literal(entry: str, indent: int) -> str | None:
    """The text of a literal block (`|`, `|-`, `|+`) in its plain form.

    Most of a form's text is literal blocks, and ruamel.yaml reads them a
    character at a time. Their meaning is simple when the block has no
    indentation indicator, starts with a line of text and ends with a line
    break: the lines without their common indentation, the last line break
    dropped (-), kept (clip) or kept with the trailing empty lines (+). A
    less indented comment ends the block. Any other shape returns None and
    goes to ruamel.yaml.
    """
    header = _HEADER.match(entry, indent)
    if header is None or not entry.endswith("\n") or _ODD.search(entry):
        return None
    lines = entry[header.end() : -1].split("\n")
    margin = len(lines[0]) - len(lines[0].lstrip(" "))
    if margin <= indent or not lines[0].strip():
        return None
    pad = " " * margin
    text: list[str] = []
    for at, line in enumerate(lines):
        if (line.startswith(pad) and line.strip(" ")) or line == pad:
            text.append(line[margin:])
        elif len(line) < margin and not line.strip(" "):
            text.append("")
        elif line.lstrip(" ").startswith("#"):
            return _chomp(text, header.group(1)) if _only_comments(lines[at:]) else None
        else:
            return None
    return _chomp(text, header.group(1))


def _only_comments(lines: list[str]) -> bool:
    return all(
        not line.strip(" ") or line.lstrip(" ").startswith("#") for line in lines
    )


def _chomp(lines: list[str], indicator: str) -> str:
    """Join block lines; trailing empty lines as the chomping indicator says."""
    last = len(lines)
    while last and lines[last - 1] == "":
        last -= 1
    body = "\n".join(lines[:last])
    if indicator == "-":
        return body
    if indicator == "+":
        return body + "\n" * (len(lines) - last + 1)
    return body + "\n"
