"""The seed's content lines, and how much of them a text carries.

A content line is a line of the seed with 12 or more characters, 6 of them
Japanese, and without `[`, `]`, 選択肢 or a choice number like 「1）」
(the definition of issue 2). Lines and the text searched are compared
after NFKC with all white space removed, because the PDF extraction
breaks lines inside sentences.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

SEED_TEXT = (
    Path(__file__).resolve().parent / "fixtures" / "seed" / ("000_f935282281895000.txt")
)
_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
_CHOICE_NUMBER = re.compile(r"\d[)）]")
_SPACE = re.compile(r"\s+")


def squeeze(text: str) -> str:
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


def is_content(line: str) -> bool:
    if len(line) < 12 or len(_JAPANESE.findall(line)) < 6:
        return False
    if "[" in line or "]" in line or "選択肢" in line:
        return False
    return _CHOICE_NUMBER.search(line) is None


def content_lines(text: str | None = None) -> list[str]:
    seed = SEED_TEXT.read_text(encoding="utf-8") if text is None else text
    squeezed = (squeeze(raw) for raw in seed.splitlines())
    return [line for line in squeezed if is_content(line)]


@dataclass(frozen=True)
class Coverage:
    total: int
    missing: list[str]

    @property
    def share(self) -> float:
        return 1 - len(self.missing) / self.total


def coverage(haystack: str) -> Coverage:
    lines = content_lines()
    hay = squeeze(haystack)
    return Coverage(len(lines), [line for line in lines if line not in hay])
