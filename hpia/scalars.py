"""The two commonest YAML values of a form file, read without ruamel.yaml.

ruamel.yaml reads a character at a time in pure Python, so a long history
spends most of its time in the paragraphs of literal blocks (`|-`) and in
one-line texts. Their meaning is simple in the shapes form files use, and
these readers take only those shapes; anything else returns None and goes
to ruamel.yaml. Tests hold both answers equal on random texts.
"""

from __future__ import annotations

import re
from typing import Any

from ruamel.yaml.nodes import ScalarNode

# Characters a value may hold on the fast path: YAML's printable set
# (YAML 1.2 §5.1) less the line breaks of YAML 1.1 and the BOM. Text with
# any other goes to ruamel.yaml, which refuses or reads it its own way.
_ODD = re.compile(
    "[^\t\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd"
    "\U00010000-\U0010ffff]"
)
_HEADER = re.compile(r"[^:]*: \|([-+]?)\n")
# A plain scalar: no indicator first (YAML 1.2 §7.3.3), on one line.
_PLAIN = re.compile(r"[^ \t\n\-?:,\[\]{}#&*!|>'\"%@`][^\n]*")
_STR = "tag:yaml.org,2002:str"


def literal_block(entry: str, indent: int) -> str | None:
    """The text of `key: |` (or `|-`, `|+`) and its lines, at `indent`.

    Taken when the block has no indentation indicator, starts with a line
    of text and ends with a line break: the lines without their common
    indentation, the last line break dropped (-), kept (clip) or kept with
    the trailing empty lines (+). A less indented comment ends the block.
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
        elif line.lstrip(" ").startswith("#") and _only_comments(lines[at:]):
            return _chomp(text, header.group(1))
        else:
            return None
    return _chomp(text, header.group(1))


def one_line_text(value: str, resolver: Any) -> str | None:
    """A plain one-line value, if YAML reads it as text.

    Whether it is text (not a number, date, boolean or null) is asked of
    ruamel.yaml's own resolver, so the answer is the loader's.
    """
    value = value.rstrip(" ")
    odd = ": " in value or " #" in value or "\t" in value or value.endswith(":")
    if odd or not _PLAIN.fullmatch(value) or _ODD.search(value):
        return None
    tag = resolver.resolve(ScalarNode, value, (True, False))
    return value if str(tag) == _STR else None


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
