"""Reading and writing form files with ruamel.yaml, round trip.

One configuration serves reading and writing, so that loading a file and
dumping it again gives back the same bytes: comments, key order, block
scalars and quotes are kept, and long Japanese lines are never wrapped
(ruamel would otherwise fold a sentence without spaces onto a new line).
A file that cannot be read becomes one located `SourceError`.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError

from hpia.characters import unseen_characters
from hpia.errors import SourceError
from hpia.problems import Problem
from hpia.yamlsyntax import explicit_tag, item_at, syntax_problem

NO_WRAP = 1 << 20


class InvalidDate(str):
    """A scalar that YAML takes for a date but that is no day of the
    calendar (「2025-02-30」): kept as written, so that validation can say
    so at its line instead of ruamel.yaml failing on the whole file."""


class _Constructor(RoundTripConstructor):
    def construct_yaml_timestamp(self, node: Any, values: Any = None) -> Any:
        try:
            return super().construct_yaml_timestamp(node, values)
        except ValueError:
            return InvalidDate(node.value)


_Constructor.add_constructor(
    "tag:yaml.org,2002:timestamp", _Constructor.construct_yaml_timestamp
)


def make_yaml() -> YAML:
    """A fresh round-trip YAML instance.

    A new one per file: after a reader error an instance stays broken
    (risks.md §2).
    """
    yaml = YAML(typ="rt")
    yaml.Constructor = _Constructor
    yaml.preserve_quotes = True
    yaml.width = NO_WRAP
    yaml.allow_unicode = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


@dataclass(frozen=True)
class Source:
    """A form file as read: its text and its YAML tree with positions."""

    path: Path
    text: str
    tree: CommentedMap

    @property
    def name(self) -> str:
        return str(self.path)


def dump(tree: Any) -> str:
    out = io.StringIO()
    make_yaml().dump(tree, out)
    return out.getvalue()


def read_source(path: Path) -> Source:
    raw = _read_bytes(path)
    text = _decode(path, raw).removeprefix("\ufeff")
    unseen = next(unseen_characters(text), None)
    if unseen is not None:
        line, col, message = unseen
        label = item_at(text, line) or "文書"
        raise SourceError(Problem(str(path), line, col, label, message))
    tagged = explicit_tag(path, text)
    if tagged is not None:
        raise SourceError(tagged)
    tree = _parse(path, text)
    if tree is None:
        raise SourceError(
            _problem(path, 1, 1, "ファイルが空です。評価書の内容を記入してください。")
        )
    if not isinstance(tree, CommentedMap):
        raise SourceError(
            _problem(
                path,
                1,
                1,
                "最上位は「様式: …」のような「キー: 値」の並びにしてください。",
            )
        )
    return Source(path, text, tree)


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except IsADirectoryError as err:
        message = "ファイルではなくフォルダです。"
        raise SourceError(_problem(path, 1, 1, message)) from err
    except PermissionError as err:
        message = "読み取る権限がありません。ファイルの権限を確かめてください。"
        raise SourceError(_problem(path, 1, 1, message)) from err
    except FileNotFoundError as err:
        message = "ファイルが見つかりません（壊れたリンクかもしれません）。"
        raise SourceError(_problem(path, 1, 1, message)) from err
    except OSError as err:
        message = f"ファイルを読めません（{err.strerror}）。"
        raise SourceError(_problem(path, 1, 1, message)) from err


def _problem(path: Path, line: int, col: int, message: str) -> Problem:
    return Problem(str(path), line, col, "文書", message)


def _decode(path: Path, raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        start = raw.rfind(b"\n", 0, err.start) + 1
        col = len(raw[start : err.start].decode("utf-8", "replace")) + 1
        raise SourceError(_problem(path, line, col, _encoding_hint(raw))) from err


def _encoding_hint(raw: bytes) -> str:
    message = "文字コードが UTF-8 ではありません。"
    try:
        raw.decode("cp932")
    except UnicodeDecodeError:
        return message + "UTF-8 で保存し直してください。"
    return message + (
        "Shift_JIS（CP932）で保存されているようです。"
        "エディタで文字コードを UTF-8 にして保存し直してください。"
    )


def _parse(path: Path, text: str) -> Any:
    try:
        return make_yaml().load(text)
    except MarkedYAMLError as err:
        raise SourceError(syntax_problem(path, text, err)) from err
    except (ValueError, TypeError, KeyError, IndexError, AttributeError) as err:
        # ruamel.yaml's constructors fail this way on values they cannot
        # convert; the known causes are refused before parsing.
        message = "YAMLとして読めない値があります。値を引用符で囲んでください。"
        raise SourceError(_problem(path, 1, 1, message)) from err
