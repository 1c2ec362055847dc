"""Lint: what a reviewer would mark before the 評価書 is published.

All warnings. Each finding points at the offending words themselves where
they can be found in the file, not just at the item:

- citations of provisions the law no longer has (`citations`);
- a choice written in another width or spacing than the form prints it:
  validation accepts it, the published form should not show it;
- placeholders left from a template (○○) and 「未定」 where the item needs
  a value, and items the form asks for left empty (指針 第10: the review
  asks whether every item of the form was considered and filled in);
- 「，」 and 「、」 both used as the comma of one document.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from hpia.assessment import Assessment, Path
from hpia.catalog.labels import item_label
from hpia.catalog.nodes import Kind
from hpia.locate import locate
from hpia.problems import Level, Problem
from hpia.rules import citations
from hpia.rules.items import Item, items
from hpia.values import fold

EVERY_ITEM = "指針 第10（審査の観点: 様式で求める全ての項目の記載）"
CHOICE_TEXT = "様式（＜選択肢＞の文言）"
COMMAS = "公用文作成の考え方（令和4年 文化審議会建議: 読点の統一）"

PLACEHOLDER = re.compile(r"[○〇●]{2,}|[○〇]年[○〇]月|[○〇]月[○〇]日")
UNDECIDED = re.compile(r"^\s*未定[。．.]?\s*$")


def check(a: Assessment) -> Iterator[Problem]:
    every = list(items(a))
    for item in every:
        yield from repealed(a, item)
        yield from choice_width(a, item)
        yield from placeholders(a, item)
        yield from empty(a, item)
    yield from commas(a, every)


def _raw(a: Assessment, path: Path) -> Any:
    value: Any = a.source.tree
    for step in path:
        value = value[step]
    return value


def _at(a: Assessment, path: Path, needle: str = "") -> tuple[int, int]:
    """Where `needle` is written in the item at `path`, else the item."""
    line, col = a.position(path)
    if not needle:
        return line, col
    lines = a.source.text.splitlines()
    for number in range(line, min(line + _extent(a, path), len(lines)) + 1):
        found = lines[number - 1].find(needle)
        if found >= 0:
            return number, found + 1
    return line, col


def _extent(a: Assessment, path: Path) -> int:
    """How many lines the item's value may take in the file."""
    raw = _raw(a, path)
    if isinstance(raw, str):
        return raw.count("\n") + 1
    return len(raw) if isinstance(raw, list) else 0


def _warning(
    a: Assessment, path: Path, message: str, rule: str, source: str, needle: str = ""
) -> Problem:
    line, col = _at(a, path, needle)
    label = item_label(a.form, path)
    return Problem(a.file, line, col, label, message, Level.WARNING, rule, source)


def repealed(a: Assessment, item: Item) -> Iterator[Problem]:
    for text in item.texts():
        for found in citations.repealed_citations(text):
            gone = found.repealed
            yield _warning(
                a,
                item.path,
                f"「{found.text}」（{gone.was}）は令和6年施行の番号法改正で"
                f"なくなりました。現在は{gone.now}です。",
                "repealed-citation",
                citations.SOURCE,
                found.text,
            )


def choice_width(a: Assessment, item: Item) -> Iterator[Problem]:
    """A choice, or a ticked box's label, as the form prints it."""
    if item.unknown or item.value in (None, "", {}):
        return
    if item.node.kind is Kind.CHOICE:
        written = _raw(a, item.path)
        if isinstance(written, str) and written != item.value:
            yield _width_warning(a, item.path, written, item.value)
    elif item.node.kind is Kind.CHECKS:
        for i, entry in enumerate(_raw(a, item.path)):
            written = entry if isinstance(entry, str) else next(iter(entry))
            canonical = next(k for k in item.value if _same(k, written))
            if written != canonical:
                yield _width_warning(a, (*item.path, i), written, canonical)


def _same(canonical: str, written: str) -> bool:
    return fold(canonical) == fold(written)


def _width_warning(a: Assessment, path: Path, written: str, canonical: str) -> Problem:
    line, col = locate(a.source.tree, path)
    return Problem(
        a.file,
        line,
        col,
        item_label(a.form, path),
        f"「{written}」は様式の表記「{canonical}」と全角・半角や空白が違います。"
        "様式どおりに書いてください。",
        Level.WARNING,
        "choice-width",
        CHOICE_TEXT,
    )


def placeholders(a: Assessment, item: Item) -> Iterator[Problem]:
    for text in item.texts():
        for match in PLACEHOLDER.finditer(text):
            yield _warning(
                a,
                item.path,
                f"「{match.group(0)}」は記入例の伏せ字のままです。"
                "実際の内容を記入してください。",
                "placeholder",
                EVERY_ITEM,
                match.group(0),
            )
        if not item.node.optional and UNDECIDED.match(text):
            yield _warning(
                a,
                item.path,
                "「未定」のままです。公表する前に決まった内容を記入してください。",
                "placeholder",
                EVERY_ITEM,
            )


def empty(a: Assessment, item: Item) -> Iterator[Problem]:
    """Text the form asks for, left blank where the part applies.

    Choices and dates left blank are validation errors already; the name
    of a repeating block is checked by validation too.
    """
    kind = item.node.kind
    if kind not in (Kind.TEXT, Kind.LONGTEXT, Kind.LIST):
        return
    if item.node.optional or not item.applies or item.names_block:
        return
    value = item.value
    if (value or "").strip() if isinstance(value, str) else value:
        return
    yield _warning(
        a,
        item.path,
        "記入がありません。様式の項目は全て検討して記入してください"
        "（該当しなければ「なし」「－」など）。",
        "empty-item",
        EVERY_ITEM,
    )


def commas(a: Assessment, every: list[Item]) -> Iterator[Problem]:
    """One comma for the whole document: 「，」 or 「、」, not both."""
    where: dict[str, list[Item]] = {"，": [], "、": []}
    total = {"，": 0, "、": 0}
    for item in every:
        for text in item.texts():
            for mark in where:
                if mark in text:
                    where[mark].append(item)
                    total[mark] += text.count(mark)
    if not all(total.values()):
        return
    fewer = min(total, key=lambda m: (total[m], m))
    more = "、" if fewer == "，" else "，"
    yield _warning(
        a,
        where[fewer][0].path,
        f"読点に「，」（{total['，']}か所）と「、」（{total['、']}か所）が"
        f"混在しています。多い方の「{more}」にそろえてください"
        f"（少ない方の「{fewer}」の最初はここ）。",
        "mixed-commas",
        COMMAS,
        fewer,
    )
