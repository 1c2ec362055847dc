"""A problem found in a form file, and the one way it is printed.

`FILE:LINE:COL: 項目ラベル: 説明` — the compiler convention, so editors can
jump to the line. Lines and columns count from 1. A problem prints on one
line whatever it quotes: line breaks show as ⏎.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from dataclasses import dataclass

# What ends a line in a terminal or an editor: CRLF counts as one break.
_LINE_BREAK = re.compile("\r\n|[\n\r\x0b\x0c\x85\u2028\u2029]")
RETURN_SIGN = "⏎"


def one_line(text: str, limit: int | None = None) -> str:
    """`text` on one line: each line break as ⏎; cut with … past `limit` chars.

    A problem is one line, so that editors and grep can read it; a value
    quoted in it may hold line breaks (a block scalar, U+2028 from history).
    """
    flat = _LINE_BREAK.sub(RETURN_SIGN, text)
    if limit is not None and len(flat) > limit:
        return flat[: limit - 1] + "…"
    return flat


class Level(enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def word(self) -> str:
        return {"error": "", "warning": "警告: ", "info": "参考: "}[self.value]


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    col: int
    label: str
    message: str
    level: Level = Level.ERROR
    rule: str = ""  # a short id of the rule (`yearly-review`)
    source: str = ""  # what the rule rests on: 指針, 規則, 記載要領, 様式

    def format(self) -> str:
        where = f"{one_line(self.file)}:{self.line}:{self.col}"
        label, message = one_line(self.label), one_line(self.message)
        return f"{where}: {label}: {self.level.word}{message}"

    def format_with_rule(self) -> str:
        """The print format, then the rule and its source in brackets."""
        basis = "｜".join(part for part in (self.rule, self.source) if part)
        return f"{self.format()} [{basis}]" if basis else self.format()

    def as_dict(self) -> dict[str, str | int]:
        """The finding as JSON fields, for machine-read output."""
        return {
            "level": self.level.value,
            "file": self.file,
            "line": self.line,
            "col": self.col,
            "label": self.label,
            "rule": self.rule,
            "source": self.source,
            "message": self.message,
        }

    @property
    def is_error(self) -> bool:
        return self.level is Level.ERROR


def ordered(problems: Iterable[Problem]) -> list[Problem]:
    """File by file, top to bottom, as an editor lists them."""
    return sorted(problems, key=lambda p: (p.file, p.line, p.col))
