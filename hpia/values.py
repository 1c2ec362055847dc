"""The values an item can hold, read from YAML and checked.

Each reader takes what ruamel.yaml produced for one item and returns the
value hpia works with, or raises `PydanticCustomError` with a Japanese
message. YAML's own typing never changes a value silently: a number or a
date where text is meant is an error that asks for quotes, not a
conversion.
"""

from __future__ import annotations

import datetime as dt
import functools
import unicodedata
from collections.abc import Callable, Mapping
from typing import Any

from pydantic_core import PydanticCustomError

from hpia.catalog.nodes import Choices, Node, Option
from hpia.yamlio import InvalidDate

UNKNOWN = "（不明）"
"""Written in place of a value the source does not state. Never blank."""

Ticks = dict[str, str | int | None]
"""Ticked boxes of a checkbox item, in the form's order: label → detail."""

Reader = Callable[[Any], Any]


def fold(text: str) -> str:
    """Compare key of a choice: full and half width alike, spaces ignored."""
    folded = unicodedata.normalize("NFKC", text)
    return "".join(c for c in folded if not c.isspace())


def is_unknown(value: object) -> bool:
    return isinstance(value, str) and fold(value) == fold(UNKNOWN)


def yaml_type(value: object) -> str:
    """What YAML made of a scalar, in the words of the messages."""
    if isinstance(value, bool):
        return "真偽値"
    if isinstance(value, int | float):
        return "数値"
    if isinstance(value, dt.datetime):
        return "日時"
    if isinstance(value, dt.date):
        return "日付"
    if isinstance(value, list):
        return "リスト"
    if isinstance(value, Mapping):
        return "キーと値の組"
    return type(value).__name__


def _not_text(value: object) -> PydanticCustomError:
    return PydanticCustomError(
        "hpia_not_text",
        "文字列ではなく{yaml_type}として読まれました。"
        "書いたとおりの文字にするには引用符で囲んでください。",
        {"yaml_type": yaml_type(value)},
    )


def _single(value: object) -> None:
    """Refuse a list or a mapping where the form holds one value."""
    if isinstance(value, list):
        raise PydanticCustomError(
            "hpia_single", "一覧ではなく、値を1つだけ書いてください。"
        )
    if isinstance(value, Mapping):
        raise PydanticCustomError(
            "hpia_single", "「キー: 値」の形ではなく、値を1つだけ書いてください。"
        )


def read_text(value: object) -> str:
    if value is None:
        return ""
    _single(value)
    if not isinstance(value, str):
        raise _not_text(value)
    return str(value)


def _quoted(options: tuple[str, ...]) -> str:
    return "".join(f"「{o}」" for o in options)


def choice_reader(choices: Choices, optional: bool) -> Reader:
    by_key = {fold(o): o for o in choices.options}
    listed = _quoted(choices.options)

    def read(value: object) -> str | None:
        if value is None or value == "":
            if optional:
                return None
            raise PydanticCustomError(
                "hpia_choice_empty",
                "選択されていません。選択肢: {options}",
                {"options": listed},
            )
        _single(value)
        if is_unknown(value):
            return UNKNOWN
        # A number here (「50」) is no choice either: list the choices.
        found = by_key.get(fold(str(value))) if isinstance(value, str) else None
        if found is None:
            raise PydanticCustomError(
                "hpia_choice",
                "「{value}」は選択肢にありません。選択肢: {options}",
                {"value": str(value), "options": listed},
            )
        return found

    return read


def date_reader(optional: bool) -> Reader:
    def read(value: object) -> dt.date | str | None:
        if value is None or value == "":
            if optional:
                return None
            raise PydanticCustomError(
                "hpia_date_empty",
                "日付がありません。2025-04-15 のように西暦で記入してください。",
            )
        _single(value)
        if isinstance(value, dt.datetime):
            raise PydanticCustomError(
                "hpia_date",
                "時刻のない日付を 2025-04-15 のように記入してください。",
            )
        if isinstance(value, dt.date):
            return value
        if isinstance(value, InvalidDate):
            raise PydanticCustomError(
                "hpia_date",
                "「{value}」は存在しない日付です。",
                {"value": str(value)},
            )
        if isinstance(value, str) and is_unknown(value):
            return UNKNOWN
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        raise PydanticCustomError(
            "hpia_date",
            "「{value}」は日付として読めません。"
            "2025-04-15 のように西暦の年-月-日で記入してください。",
            {"value": str(value)},
        )

    return read


def read_count(value: object, optional: bool = True) -> int | str | None:
    if value is None or value == "":
        if optional:
            return None
        raise PydanticCustomError("hpia_count_empty", "件数がありません。")
    if isinstance(value, str) and is_unknown(value):
        return UNKNOWN
    _single(value)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise PydanticCustomError(
            "hpia_count",
            "「{value}」は件数として読めません。0 以上の整数で記入してください。",
            {"value": str(value)},
        )
    return int(value)


def count_reader(optional: bool) -> Reader:
    return functools.partial(read_count, optional=optional)


def read_flag(value: object) -> bool:
    if isinstance(value, bool):
        return value
    if value is None:
        raise PydanticCustomError(
            "hpia_flag",
            "チェックの有無がありません。"
            "チェックありは true、なしは false と記入してください。",
        )
    raise PydanticCustomError(
        "hpia_flag",
        "「{value}」はチェックの有無として読めません。"
        "チェックありは true、なしは false と記入してください。",
        {"value": str(value)},
    )


def read_list(value: object) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise PydanticCustomError(
            "hpia_list", "「- 項目」の形で1行に1つずつ並べてください。"
        )
    return [read_text(v) for v in value]


def checks_reader(node: Node) -> Reader:
    """Read 「- ラベル」 and 「- ラベル: 内容」 entries into ticks.

    The entries may come in any order; the result follows the form's.
    """
    by_key = {fold(o.label): o for o in node.options}
    listed = _quoted(tuple(o.label for o in node.options))

    def read(value: object) -> Ticks:
        if value is None:
            return {}
        if not isinstance(value, list):
            raise PydanticCustomError(
                "hpia_checks",
                "チェックした選択肢を「- ラベル」の形で並べてください。"
                "選択肢: {options}",
                {"options": listed},
            )
        ticked = dict(
            _tick(entry, by_key, listed, index) for index, entry in enumerate(value)
        )
        if len(ticked) < len(value):
            raise PydanticCustomError(
                "hpia_checks_twice", "同じ選択肢が2回以上チェックされています。"
            )
        order = [o.label for o in node.options]
        return {k: ticked[k] for k in order if k in ticked}

    return read


def _tick(
    entry: object, by_key: dict[str, Option], listed: str, index: int
) -> tuple[str, str | int | None]:
    """One entry of a checkbox list; errors carry its index for the line."""
    try:
        label, detail = _split_tick(entry)
        option = by_key.get(fold(label))
        if option is None:
            raise PydanticCustomError(
                "hpia_checks_option",
                "「{value}」は選択肢にありません。選択肢: {options}",
                {"value": label, "options": listed},
            )
        return option.label, _tick_detail(option, detail)
    except PydanticCustomError as err:
        raise PydanticCustomError(
            err.type, err.message_template, {**(err.context or {}), "index": index}
        ) from err


def _split_tick(entry: object) -> tuple[str, object]:
    if isinstance(entry, str):
        return entry, None
    if isinstance(entry, Mapping) and len(entry) == 1:
        ((label, detail),) = entry.items()
        if isinstance(label, str):
            return label, detail
    raise PydanticCustomError(
        "hpia_checks_entry",
        "チェックした選択肢は「- ラベル」または"
        "「- その他: 内容」の形で書いてください。",
    )


def _tick_detail(option: Option, detail: object) -> str | int | None:
    if detail is None:
        return None
    if option.detail == "count":
        return read_count(detail)
    if option.detail == "text":
        return read_text(detail)
    raise PydanticCustomError(
        "hpia_checks_detail",
        "「{label}」には（ ）内の記入欄がありません。",
        {"label": option.label},
    )
