"""Characters the pinned fonts cannot draw, found before layout.

WeasyPrint does not fail on such a character: it falls back to any font
Fontconfig knows (DejaVu draws ☑ in another style) or prints a box, and
only logs a warning; text extraction still sees the character, so no test
of the PDF's text would notice (risks.md §1.1). Checking every value
against the fonts' character maps names the character and the item.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path as FilePath
from typing import Any

from fontTools.ttLib import TTFont

from hpia.assessment import Path
from hpia.problems import one_line
from hpia.render.resources import Font

# Line breaks, tabs and invisible format characters print no glyph.
_INVISIBLE = frozenset({"Cc", "Cf"})


@functools.cache
def _cmap(path: FilePath) -> frozenset[int]:
    with TTFont(path, lazy=True) as font:
        return frozenset(font.getBestCmap())


def covered(fonts: Iterable[Font]) -> frozenset[int]:
    """The code points every one of `fonts` can draw."""
    maps = [_cmap(f.path) for f in fonts]
    return frozenset.intersection(*maps) if maps else frozenset()


def missing(text: str, drawable: frozenset[int]) -> list[str]:
    """The characters of `text` outside `drawable`, once each, in order."""
    out: list[str] = []
    for char in text:
        if ord(char) in drawable or char in out:
            continue
        if unicodedata.category(char) in _INVISIBLE:
            continue
        out.append(char)
    return out


def describe(chars: list[str]) -> str:
    """「𠮷」（U+20BB7） for each character; 改行文字（U+2028） for a line break.

    A line break quoted as it is would split the message's line.
    """
    return "、".join(_described(c) for c in chars)


def _described(char: str) -> str:
    code = f"U+{ord(char):04X}"
    if one_line(char) != char:
        return f"改行文字（{code}）"
    return f"「{char}」（{code}）"


def strings(value: Any, path: Path = ()) -> Iterator[tuple[Path, str]]:
    """Every string value in a nested value, with its path of keys and indexes."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, child in value.items():
            yield from strings(child, (*path, key))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield from strings(child, (*path, i))
