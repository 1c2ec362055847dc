"""A problem found in a form file, and the one way it is printed.

`FILE:LINE:COL: 項目ラベル: 説明` — the compiler convention, so editors can
jump to the line. Lines and columns count from 1.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass


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
    rule: str = ""
    source: str = ""

    def format(self) -> str:
        where = f"{self.file}:{self.line}:{self.col}"
        return f"{where}: {self.label}: {self.level.word}{self.message}"

    @property
    def is_error(self) -> bool:
        return self.level is Level.ERROR


def ordered(problems: Iterable[Problem]) -> list[Problem]:
    """File by file, top to bottom, as an editor lists them."""
    return sorted(problems, key=lambda p: (p.file, p.line, p.col))
