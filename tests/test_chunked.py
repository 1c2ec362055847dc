from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest
from gitrepo import FIXTURE
from ruamel.yaml.error import YAMLError

from hpia.chunked import Reader, Unreadable, _common_end, _common_start, plain
from hpia.yamlio import make_yaml


def full(text: str) -> Any:
    """What a whole-file parse gives: the answer the reader must match."""
    return plain(make_yaml().load(text))


def ours(reader: Reader) -> Any:
    """The reader's `read`, taking text as the form files' UTF-8."""
    return lambda text: reader.read(text.encode("utf-8"))


def outcome(read: Any, text: str) -> Any:
    """The value read, or "unreadable" for a text the reader refuses."""
    try:
        return read(text)
    except (Unreadable, YAMLError):
        return "unreadable"


def test_reads_a_form_file_as_the_full_parser_does() -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    assert ours(Reader())(text) == full(text)


def test_values_are_plain_python() -> None:
    value = ours(Reader())('a: "quoted"\nb: 2025-04-15\nc:\n  - 1\n  - x\n')
    assert value == {"a": "quoted", "b": dt.date(2025, 4, 15), "c": [1, "x"]}
    assert type(value["a"]) is str and type(value["c"]) is list


def test_unchanged_parts_of_the_next_version_are_the_same_objects() -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    edited = text.replace("部署: 部署", "部署: 健康推進課")
    reader = Reader()
    first, second = ours(reader)(text), ours(reader)(edited)

    assert second == full(edited)
    assert second["特定個人情報ファイル"] is first["特定個人情報ファイル"]
    assert second["基本情報"] is not first["基本情報"]


EDITS = [
    pytest.param("部署: 部署", "部署: 健康推進課", id="plain value"),
    pytest.param("    二行目。\n", "    二行目。\n\n    三行目。\n", id="lines added"),
    pytest.param(
        "  他の評価実施機関:\n", "  他の評価実施機関: なし\n", id="empty filled"
    ),
    pytest.param(
        "    - システムの名称: 宛名管理システム\n",
        "    - システムの名称: 住民記録システム\n      # 新しいシステム\n",
        id="comment in a block",
    ),
    pytest.param(
        "        - 情報提供ネットワークシステム\n",
        "        - 情報提供ネットワークシステム\n        - 庁内連携システム\n",
        id="tick added",
    ),
    pytest.param("事務の内容: |-\n", "事務の内容: |+\n", id="keep trailing lines"),
    pytest.param("事務の内容: |-\n", "事務の内容: |\n", id="clip"),
    pytest.param("事務の内容: |-\n", "事務の内容: |2-\n", id="indentation indicator"),
    pytest.param("事務の内容: |-\n", "事務の内容: >-\n", id="folded"),
    pytest.param("    部署: 部署\n", "    部署: 部署  # 担当\n", id="trailing comment"),
    pytest.param("    部署: 部署\n", '    "部署": 部署\n', id="quoted key"),
    pytest.param("    部署: 部署\n", "    部署: &a 部署\n", id="anchor"),
    pytest.param(
        "    部署: 部署\n    所属長の役職名: 所属長の役職名\n",
        "    部署: &a 部署\n    所属長の役職名: *a\n",
        id="alias to another piece",
    ),
    pytest.param(
        "    部署: 部署\n", "    部署: [健康推進課,\n      保健センター]\n", id="flow"
    ),
    pytest.param("    部署: 部署\n", "    部署: 010\n", id="number"),
    pytest.param("    部署: 部署\n", "    部署: 'yes'\n", id="quoted value"),
    pytest.param("    部署: 部署\n", "    部署: 部署\n    null: x\n", id="null key"),
    pytest.param(
        "    部署: 部署\n", "    部署: 部署\n    <<: {a: 1}\n", id="merge key"
    ),
    pytest.param("様式:", "%YAML 1.2\n---\n様式:", id="directive"),
    pytest.param(
        "    部署: 部署\n", "    部署: \u3000全角で始まる\n", id="full-width space"
    ),
    pytest.param("    二行目。\n", "    二行目。\u2028続き\n", id="line separator"),
    pytest.param("    部署: 部署\n", "\t部署: 部署\n", id="tab"),
]


@pytest.mark.parametrize(("old", "new"), EDITS)
def test_an_edited_version_reads_as_the_full_parser_reads_it(
    old: str, new: str
) -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    assert old in text
    edited = text.replace(old, new, 1)
    reader = Reader()
    ours(reader)(text)
    assert outcome(ours(reader), edited) == outcome(full, edited)


BROKEN = [
    pytest.param(
        "    部署: 部署\n", "    部署: 部署\n    部署: 二重\n", id="duplicate key"
    ),
    pytest.param("    部署: 部署\n", "    部署: 'unclosed\n", id="unclosed quote"),
    pytest.param("    部署: 部署\n", "    部署: *nowhere\n", id="unknown alias"),
]


@pytest.mark.parametrize(("old", "new"), BROKEN)
def test_a_version_the_full_parser_refuses_is_unreadable(old: str, new: str) -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    edited = text.replace(old, new, 1)
    reader = Reader()
    ours(reader)(text)
    with pytest.raises(Unreadable, match="YAMLとして読めません"):
        ours(reader)(edited)


def test_a_list_at_the_top_is_unreadable() -> None:
    with pytest.raises(Unreadable, match="最上位"):
        ours(Reader())("- a\n- b\n")


def test_the_reader_goes_on_after_an_unreadable_version() -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    reader = Reader()
    ours(reader)(text)
    with pytest.raises(Unreadable):
        ours(reader)(text.replace("部署: 部署", "部署: 'x"))
    assert ours(reader)(text) == full(text)


LINES = [
    "本文です。",
    "　全角で始まる行",
    "  字下げした行",
    "",
    "a: b",
    "# 記号",
    "- 項目",
    "\t",
]


@pytest.mark.parametrize("seed", range(5))
def test_random_literal_blocks_read_as_the_full_parser_reads_them(seed: int) -> None:
    """Literal blocks take a fast path; it must agree with ruamel.yaml."""
    rng = random.Random(seed)
    for _ in range(300):
        header = rng.choice(["|", "|-", "|+"])
        lines = [rng.choice(LINES) for _ in range(rng.randint(1, 5))]
        lines[0] = lines[0] or "先頭"
        body = "".join(f"      {line}\n" if line else "\n" for line in lines)
        tail = rng.choice(["", "\n", "      \n", "    # 注記\n"])
        text = f"a:\n  b:\n    c: {header}\n{body}{tail}    d: x\n"
        assert outcome(ours(Reader()), text) == outcome(full, text), text


WORDS = [
    "10人未満",
    "yes",
    "No",
    "null",
    "~",
    "1_000",
    "0x1F",
    "0o17",
    ".5",
    "+1",
    "1e3",
]
WORDS += ["2025-04-01", "12:30", "a:b", "a: b", "x #y", "x#y", "〜", "\u3000全角", "-x"]
WORDS += [
    "'q'",
    '"q"',
    "@x",
    "%x",
    "a\tb",
    "x  ",
    "[a",
    "a]",
    "{a",
    "a,b",
    "true",
    "!x",
]


@pytest.mark.parametrize("seed", range(3))
def test_random_one_line_values_read_as_the_full_parser_reads_them(seed: int) -> None:
    """One-line text takes a fast path; it must agree with ruamel.yaml."""
    rng = random.Random(seed)
    for _ in range(300):
        value = "".join(rng.choice(WORDS) for _ in range(rng.randint(1, 3)))
        text = f"a:\n  b: {value}\n  c: x\n"
        assert outcome(ours(Reader()), text) == outcome(full, text), text


def edit_lines(rng: random.Random, lines: list[str]) -> list[str]:
    """One random edit: mostly of the kind people make, now and then a slip."""
    lines = list(lines)
    at = rng.randrange(len(lines))
    line = lines[at]
    indent = " " * (len(line) - len(line.lstrip(" ")))
    is_text = (
        bool(line.strip()) and ":" not in line and not line.lstrip().startswith("-")
    )
    match rng.randrange(10):
        case 0 | 1 if is_text:
            lines[at] = line + rng.choice(["改", "（変更）", " 追記"])
        case 2 if is_text:
            lines.insert(at, indent + rng.choice(LINES[:3]))
        case 3 if is_text:
            del lines[at]
        case 4 if ": " in line and not line.rstrip().endswith("|-"):
            lines[at] = f"{line.split(': ', 1)[0]}: {rng.choice(WORDS)}"
        case 5 if line.lstrip().startswith("- ") and ":" not in line:
            lines.insert(at + 1, f"{indent}- {rng.choice(LINES[:2])}")
        case 6:
            lines.insert(at, rng.choice(["", indent + "# 注記", "#"]))
        case 7:
            del lines[at]
        case 8:
            lines[at] = ("  " + line) if rng.random() < 0.5 else line[2:]
        case _:
            lines.insert(at, line)
    return lines


@pytest.mark.parametrize("seed", range(2))
def test_a_run_of_random_edits_reads_as_the_full_parser_reads_each(seed: int) -> None:
    """Each version is read from the last one; every one must be right.

    (Run with more seeds after changing hpia.chunked: 100 seeds of 150
    edits agreed when it was written.)
    """
    rng = random.Random(seed)
    start = FIXTURE.read_text(encoding="utf-8").split("\n")
    lines, reader, good = start, Reader(), [start]
    for _ in range(100):
        lines = rng.choice(good) if rng.random() < 0.2 else edit_lines(rng, lines)
        text = "\n".join(lines)
        expected = outcome(full, text)
        if expected != "unreadable":
            good.append(lines)
        assert outcome(ours(reader), text) == expected, text


def test_common_start_and_end_are_found_exactly() -> None:
    rng = random.Random(0)
    for _ in range(500):
        a = bytes(rng.choice(b"ab") for _ in range(rng.choice([0, 5, 4096, 9000])))
        b = bytearray(a)
        for _ in range(rng.randint(0, 3)):
            at = rng.randint(0, len(b))
            b[at : at + rng.randint(0, 2)] = b"x" * rng.randint(0, 2)
        start = next(
            (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y),
            min(len(a), len(b)),
        )
        most = min(len(a), len(b)) - start
        end = next((i for i in range(most) if a[-1 - i] != b[-1 - i]), most)
        assert _common_start(a, bytes(b)) == start
        assert _common_end(a, bytes(b), most) == end
