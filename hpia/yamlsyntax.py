"""A form file that YAML cannot parse, as one located Japanese problem.

ruamel.yaml reports where parsing stopped, which is often lines after the
slip that caused it. The slips people make when typing Japanese are
looked for first, at or above that line: a full-width space used as
indentation or after the colon, a full-width colon, a value starting
with a character YAML treats as syntax. Otherwise ruamel's own message is
translated.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ruamel.yaml.constructor import DuplicateKeyError
from ruamel.yaml.error import MarkedYAMLError

from hpia.problems import Problem

_KEY_LINE = re.compile(r"^([ \t\u3000-]*)([^\s#:][^:#]*?)[:：]")
_STAMP_LINE = re.compile(r"^様式:\s*(\S.*)$", re.MULTILINE)
_BLOCK_START = re.compile(r":\s*[|>][-+0-9]*\s*(#.*)?$")

_REINDENT = "字下げがそろっていません。同じ階層の項目は同じ位置から書き始めてください。"
# ruamel.yaml's messages, in the order they are tried, and what they mean to
# someone editing the file.
_SYNTAX = (
    (
        "mapping values are not allowed",
        "ここに「: 」は書けません。"
        "値に「: 」を含むときは値全体を引用符で囲んでください。",
    ),
    ("could not find expected ':'", "「キー: 値」の「:」が見つかりません。"),
    ("'\\t'", "タブ文字は使えません。字下げは半角スペースで行ってください。"),
    ("another document", "1つのファイルに書ける評価書は1つです。「---」は使えません。"),
    ("expected <block end>", _REINDENT),
    ("quoted scalar", "引用符が閉じられていません。"),
    (
        "chomping or indentation indicators",
        "「|」の後に書けるのは「-」か「+」だけです。"
        "本文は次の行から字下げして書いてください。",
    ),
    (
        "mapping keys are not allowed",
        "「?」で始まる行は書けません。値なら引用符で囲んでください。",
    ),
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

_FULL_WIDTH_INDENT = (
    "字下げに全角スペースが使われています。半角スペースで字下げしてください。"
)
_FULL_WIDTH_COLON = (
    "全角の「：」ではキーと値を区切れません。半角の「:」と空白を使ってください。"
)

# Characters that YAML reads as syntax at the start of a plain value.
_LEADING = {
    "[": "「[」で始まる値は一覧として読まれます",
    "{": "「{」で始まる値は対応表として読まれます",
    "!": "「!」で始まる値は型の指定として読まれます",
    "&": "「&」で始まる値はアンカーとして読まれます",
    "*": "「*」で始まる値は別名として読まれます",
    "@": "「@」で始まる値は書けません",
    "`": "「`」で始まる値は書けません",
    "%": "「%」で始まる値は書けません",
}


def syntax_problem(path: Path, text: str, err: MarkedYAMLError) -> Problem:
    """The problem to show for a parse error of `text`."""
    if isinstance(err, DuplicateKeyError):
        return _duplicate(path, text, err)

    # Some scanner errors carry their position as the context only.
    mark = err.problem_mark or err.context_mark
    line = mark.line if mark is not None else 0
    blank = _blank_opening_block(text, line)
    if blank is not None:
        return _at(path, text, blank, 0, _INDENTED_BLANK)
    slip = _typing_slip(text, line)
    if slip is not None:
        at_line, col, message = slip
        return _at(path, text, at_line, col, message)
    if "quoted scalar" in f"{err.context}" and err.context_mark is not None:
        start = err.context_mark
        message = "この引用符が閉じられていません。"
        return _at(path, text, start.line, start.column, message)
    return _at(path, text, line, mark.column if mark else 0, _translate(err))


_INDENTED_BLANK = (
    "「|-」などの後の空行に、本文より深く空白が入っています。"
    "空行の空白を削除してください。"
)


def _blank_opening_block(text: str, line: int) -> int | None:
    """A white-space-only first line of the block scalar around `line`.

    ruamel.yaml takes a block's indentation from its first line, so blanks
    there make the block end early, or refuse the lines after it.
    """
    lines = text.splitlines()
    for number in range(min(line, len(lines) - 1), -1, -1):
        if _BLOCK_START.search(lines[number]):
            first = number + 1
            opening = first < len(lines) and lines[first] and not lines[first].strip()
            return first if opening else None
    return None


_TAG = re.compile(r"^[ -]*(?:[^\s#:][^:#]*:[ ]+|- +)(![^\s]*)")
_TAGGED = (
    "「{tag}」はYAMLの型の指定として読まれます。"
    "文字としての「!」なら値全体を引用符で囲んでください。"
)


def explicit_tag(path: Path, text: str) -> Problem | None:
    """A value with an explicit YAML tag (「!!int a」), refused before parsing.

    The form's types come from its catalog; a tag would only make ruamel.yaml
    convert (or fail to convert) the value on its own.
    """
    for number, line in _structure_lines(text, len(text)):
        found = _TAG.match(line)
        if found is not None:
            message = _TAGGED.format(tag=found.group(1))
            return _at(path, text, number, found.start(1), message)
    return None


def _at(path: Path, text: str, line: int, col: int, message: str) -> Problem:
    """A problem at 0-based `line` and `col`, labelled with its item."""
    return Problem(str(path), line + 1, col + 1, _label_at(text, line + 1), message)


def _translate(err: MarkedYAMLError) -> str:
    said = f"{err.problem or ''} {err.context or ''}"
    for needle, meaning in _SYNTAX:
        if needle in said:
            return meaning
    return f"YAMLとして読めません（{err.problem}）。"


def _duplicate(path: Path, text: str, err: DuplicateKeyError) -> Problem:
    mark = err.problem_mark
    first = _first_of(text, err.context_mark, mark)
    where = f"（最初は{first}行目）" if first else ""
    message = (
        f"キー「{_duplicate_key(err)}」が同じ階層に2回あります{where}。"
        "1つにまとめてください。"
    )
    return _at(path, text, mark.line, mark.column, message)


def _duplicate_key(err: DuplicateKeyError) -> str:
    problem = err.problem or ""
    start = problem.find('"') + 1
    end = problem.find('"', start)
    return problem[start:end] if 0 < start <= end else "?"


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


def _structure_lines(text: str, upto: int) -> Iterator[tuple[int, str]]:
    """Lines 0..upto that are YAML structure, not the inside of a block scalar."""
    block_indent: int | None = None
    for number, line in enumerate(text.splitlines()[: upto + 1]):
        indent = len(line) - len(line.lstrip(" "))
        if block_indent is not None:
            if not line.strip() or indent > block_indent:
                continue
            block_indent = None
        if _BLOCK_START.search(line):
            block_indent = indent
        yield number, line


def _typing_slip(text: str, error_line: int) -> tuple[int, int, str] | None:
    """The nearest slip at or above the error line: (line, col, message)."""
    slips = [
        slip
        for number, line in _structure_lines(text, error_line)
        if (slip := _slip_in(number, line)) is not None
    ]
    return slips[-1] if slips else None


def _slip_in(number: int, line: str) -> tuple[int, int, str] | None:
    """A slip on one structure line: (line, col, message), 0-based."""
    body = line.lstrip(" ")
    indent = len(line) - len(body)
    if body.startswith("\u3000"):
        return number, indent, _FULL_WIDTH_INDENT
    if body.startswith("#") or not body:
        return None
    if body.startswith("? ") or body == "?":
        return (
            number,
            indent,
            "「?」で始まる行は書けません。値なら引用符で囲んでください。",
        )

    key, colon, rest = body.partition(":")
    if not colon:
        if "：" in body and not body.startswith(("-", "・")):
            return number, indent + body.index("："), _FULL_WIDTH_COLON
        return None

    col = indent + len(key) + 1
    if rest.startswith("\u3000"):
        return number, col, "「:」の後が全角スペースです。半角スペースにしてください。"
    if rest and not rest[0].isspace() and not body.startswith("-"):
        return number, col, "「:」の後に半角スペースを入れてください。"
    return _value_slip(number, col + 1, rest.strip())


def _value_slip(number: int, col: int, value: str) -> tuple[int, int, str] | None:
    """A value whose first character YAML reads as syntax."""
    if not value:
        return None
    first = value[0]
    if first in "\"'" and (len(value) < 2 or not value.endswith(first)):
        return (
            number,
            col,
            (
                f"引用符（{first}）がこの行で閉じられていません。"
                "閉じるか、引用符を外してください。"
            ),
        )
    closes = {"[": "]", "{": "}"}
    if first in closes and value.endswith(closes[first]):
        return None  # a whole flow collection, such as 「[]」
    if first in _LEADING:
        return number, col, f"{_LEADING[first]}。値全体を引用符で囲んでください。"
    return None


def _label_at(text: str, line: int) -> str:
    """「YAML構文（表紙 評価書名）」: the label of a line YAML cannot parse."""
    item = item_at(text, line)
    return f"YAML構文（{item}）" if item else "YAML構文"


def item_at(text: str, line: int) -> str:
    """The item that 1-based `line` belongs to, found by indentation alone.

    For a file that cannot be parsed (or not yet): the keys above the line
    with less indentation are taken as its path. Empty when none is found.
    """
    path: list[str] = []
    depth = 1 << 30
    for raw in reversed(text.splitlines()[:line]):
        match = _KEY_LINE.match(raw)
        if match is not None and len(match.group(1)) < depth:
            path.insert(0, match.group(2))
            depth = len(match.group(1))
    return _item_name(text, path) if path else ""


def _item_name(text: str, path: list[str]) -> str:
    # Imported here: the catalog is not needed unless a file is broken.
    from hpia.catalog import find_form, labels

    stamp = _STAMP_LINE.search(text)
    form = find_form(stamp.group(1)) if stamp else None
    return labels.item_label(form, path) if form else path[-1]
