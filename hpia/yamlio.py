"""Reading and writing form files with ruamel.yaml, round trip.

One configuration serves reading and writing, so that loading a file and
dumping it again gives back the same bytes: comments, key order, block
scalars and quotes are kept, and long Japanese lines are never wrapped
(ruamel would otherwise fold a sentence without spaces onto a new line).
A file that cannot be read becomes one located `SourceError`.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.constructor import DuplicateKeyError
from ruamel.yaml.error import MarkedYAMLError

from hpia.errors import SourceError
from hpia.problems import Problem

NO_WRAP = 1 << 20
_KEY_LINE = re.compile(r"^([ \t-]*)([^\s#:][^:#]*?):(?:\s|$)")
_STAMP_LINE = re.compile(r"^様式:\s*(\S.*)$", re.MULTILINE)


def make_yaml() -> YAML:
    """A fresh round-trip YAML instance.

    A new one per file: after a reader error an instance stays broken
    (risks.md §2).
    """
    yaml = YAML(typ="rt")
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
    raw = path.read_bytes()
    text = _decode(path, raw).removeprefix("\ufeff")
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
    except DuplicateKeyError as err:
        mark = err.problem_mark
        first = _first_of(text, err.context_mark, mark)
        where = f"（最初は{first}行目）" if first else ""
        message = (
            f"キー「{_duplicate_key(err)}」が同じ階層に2回あります{where}。"
            "1つにまとめてください。"
        )
        raise SourceError(_located(path, text, mark, message)) from err
    except MarkedYAMLError as err:
        problem = _located(path, text, err.problem_mark, _syntax(err))
        raise SourceError(problem) from err


def _located(path: Path, text: str, mark: Any, message: str) -> Problem:
    line = mark.line + 1 if mark is not None else 1
    col = mark.column + 1 if mark is not None else 1
    return Problem(str(path), line, col, _label_at(text, line), message)


def _label_at(text: str, line: int) -> str:
    """The item a broken line belongs to, found by indentation alone.

    The file cannot be parsed, so the keys above the line with less
    indentation are taken as its path: 「YAML構文（表紙 評価書名）」.
    """
    path: list[str] = []
    depth = 1 << 30
    for raw in reversed(text.splitlines()[:line]):
        match = _KEY_LINE.match(raw)
        if match is not None and len(match.group(1)) < depth:
            path.insert(0, match.group(2))
            depth = len(match.group(1))
    if not path:
        return "YAML構文"
    return f"YAML構文（{_item_name(text, path)}）"


def _item_name(text: str, path: list[str]) -> str:
    # Imported here: the catalog reads YAML through this module's users,
    # and a syntax error is the rare path.
    from hpia.catalog import find_form, labels

    stamp = _STAMP_LINE.search(text)
    form = find_form(stamp.group(1)) if stamp else None
    return labels.item_label(form, path) if form else path[-1]


def _first_of(text: str, mapping: Any, duplicate: Any) -> int:
    """1-based line of the first of two equal keys in one mapping."""
    if mapping is None or duplicate is None:
        return 0
    lines = text.splitlines()
    col = duplicate.column
    key = lines[duplicate.line][col:].split(":", 1)[0]
    for i in range(mapping.line, duplicate.line):
        indent = len(lines[i]) - len(lines[i].lstrip(" -"))
        if indent == col and lines[i][col:].split(":", 1)[0] == key:
            return i + 1
    return 0


def _duplicate_key(err: DuplicateKeyError) -> str:
    problem = err.problem or ""
    start = problem.find('"') + 1
    end = problem.find('"', start)
    return problem[start:end] if 0 < start <= end else "?"


# ruamel.yaml's messages, in the order they are tried, and what they mean to
# someone editing the file.
_REINDENT = "字下げがそろっていません。同じ階層の項目は同じ位置から書き始めてください。"
_SYNTAX = (
    (
        "mapping values are not allowed",
        "ここに「: 」は書けません。"
        "値に「: 」を含むときは値全体を引用符で囲んでください。",
    ),
    ("could not find expected ':'", "「キー: 値」の「:」が見つかりません。"),
    ("'\\t'", "タブ文字は使えません。字下げは半角スペースで行ってください。"),
    ("expected <block end>", _REINDENT),
    ("quoted scalar", "引用符が閉じられていません。"),
    ("flow sequence", "「[」に対応する「]」がありません。"),
    ("flow mapping", "「{」に対応する「}」がありません。"),
    ("block mapping", _REINDENT),
    (
        "found undefined alias",
        "「*」で始まる値は別名として読まれます。文字なら引用符で囲んでください。",
    ),
    (
        "found character",
        "この位置の文字は値の先頭に書けません。値全体を引用符で囲んでください。",
    ),
)


def _syntax(err: MarkedYAMLError) -> str:
    said = f"{err.problem or ''} {err.context or ''}"
    for needle, meaning in _SYNTAX:
        if needle in said:
            return meaning
    return f"YAMLとして読めません（{err.problem}）。"
