"""Characters that must not hide in a form: controls and invisible marks.

YAML turns some of them into something else without a word (U+0085 NEL
becomes a space, risks.md §2) and others print as nothing while changing
the text (U+200B, U+2028). Each is refused at its line and column, named
by its code point, so that what the file says is what the PDF shows.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

_NAMES = {
    "\u0085": "改行（NEL）",
    "\u200b": "幅のない空白",
    "\u200c": "幅のない非接合子",
    "\u200d": "幅のない接合子",
    "\u2028": "行区切り",
    "\u2029": "段落区切り",
    "\u2060": "単語結合子",
    "\ufeff": "幅のない改行しない空白（BOM）",
}
_ALLOWED_CONTROLS = frozenset("\t\n\r")


def _is_unseen(char: str) -> bool:
    if char in _NAMES:
        return True
    return unicodedata.category(char) == "Cc" and char not in _ALLOWED_CONTROLS


def unseen_characters(text: str) -> Iterator[tuple[int, int, str]]:
    """(line, col, message) for each hidden character, 1-based."""
    for number, line in enumerate(text.split("\n"), 1):
        for col, char in enumerate(line, 1):
            if _is_unseen(char):
                name = _NAMES.get(char, "制御文字")
                yield (
                    number,
                    col,
                    (
                        f"見えない文字（{name}、U+{ord(char):04X}）があります。"
                        "削除するか、通常の空白・改行に置き換えてください。"
                    ),
                )
