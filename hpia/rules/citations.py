"""Provisions the forms may still cite that the law no longer has.

The 2024 reorganisation of the 番号法 (in force 令和6年) turned 別表第一
into 「別表」 and replaced 別表第二 by a 主務省令 under 第19条第8号; the
two old 主務省令 changed with them. The seed's own 別添２ shows every one
of these rewrites (its rows of 令和7年3月31日, spipa.md §4.1).

A 別表第一 or 別表第二 is taken for the 番号法's only when the 番号法 is
named shortly before it in the same citation (since the last 「・」 or
「。」): other laws (住民基本台帳法 …) have tables of the same name that
still stand.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

SOURCE = "番号法の改正（令和6年施行）・令和6年デジタル庁・総務省令第9号"

_ONE = "[一1１]"
_TWO = "[二2２]"
_NOT_DIGIT = "(?![0-9０-９])"
_MY_NUMBER_ACT = re.compile(r"番号法|番号の利用等に関する法律")
CONTEXT = 60  # characters before a 別表 in which the 番号法 must be named


@dataclass(frozen=True)
class Repealed:
    """A citation form that no longer exists, and what replaced it."""

    pattern: re.Pattern[str]
    was: str
    now: str
    needs_act: bool = True


# The two 主務省令 first: their titles contain the bare tables' words.
REPEALED = (
    Repealed(
        re.compile(rf"別表第{_ONE}の主務省令で定める事務を定める命令"),
        "番号法別表第一の主務省令で定める事務を定める命令",
        "番号法別表の主務省令で定める事務を定める命令",
        needs_act=False,
    ),
    Repealed(
        re.compile(rf"別表第{_TWO}の主務省令で定める事務及び情報を定める命令"),
        "番号法別表第二の主務省令で定める事務及び情報を定める命令",
        "番号法第十九条第八号に基づく利用特定個人情報の提供に関する命令"
        "（令和6年デジタル庁・総務省令第9号）",
        needs_act=False,
    ),
    Repealed(
        re.compile(rf"別表第{_ONE}{_NOT_DIGIT}"),
        "番号法別表第一",
        "番号法別表（例: 番号法第9条第1項 別表の14の項）",
    ),
    Repealed(
        re.compile(rf"別表第{_TWO}{_NOT_DIGIT}"),
        "番号法別表第二",
        "番号法第十九条第八号に基づく利用特定個人情報の提供に関する命令"
        "（令和6年デジタル庁・総務省令第9号）第2条の表",
    ),
)


@dataclass(frozen=True)
class Citation:
    text: str  # as written
    repealed: Repealed


def repealed_citations(text: str) -> Iterator[Citation]:
    """Each citation of a repealed provision in `text`, in order."""
    flat = text.replace("\n", "")
    taken: list[range] = []
    found: list[tuple[int, Citation]] = []
    for repealed in REPEALED:
        for match in repealed.pattern.finditer(flat):
            if any(match.start() in span for span in taken):
                continue
            if repealed.needs_act and not _after_act(flat, match.start()):
                continue
            taken.append(range(match.start(), match.end()))
            found.append((match.start(), Citation(match.group(0), repealed)))
    yield from (c for _, c in sorted(found, key=lambda f: f[0]))


def _after_act(flat: str, start: int) -> bool:
    """Whether the 番号法 is named in the same citation, before `start`."""
    before = flat[max(0, start - CONTEXT) : start]
    cut = max(before.rfind("・"), before.rfind("。"))
    return bool(_MY_NUMBER_ACT.search(before[cut + 1 :]))
