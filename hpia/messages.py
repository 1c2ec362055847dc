"""pydantic's validation errors, as Japanese problems located in the file.

pydantic has no Japanese messages (risks.md §3), and its built-in ones
speak of types, not of the form. Our own readers (hpia.values) raise
messages already in Japanese; the few built-in error types that reach a
user are translated here from their `type` and `ctx`.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from typing import Any

from pydantic_core import ErrorDetails

from hpia.catalog import labels
from hpia.catalog.nodes import Form, Node
from hpia.locate import locate, source_token
from hpia.problems import Problem
from hpia.yamlio import Source

Loc = Sequence[str | int]


def to_problems(
    form: Form, source: Source, errors: list[ErrorDetails]
) -> list[Problem]:
    return [_problem(form, source, err) for err in errors]


def _problem(form: Form, source: Source, err: ErrorDetails) -> Problem:
    loc = tuple(err["loc"])
    kind = err["type"]
    if kind == "extra_forbidden":
        line, col = locate(source.tree, loc, at_key=True)
        label = labels.item_label(form, loc[:-1]) or "文書"
        message = _unknown_key(form, loc)
    else:
        # A checkbox entry's error carries its index: point at that line.
        index = err.get("ctx", {}).get("index")
        at = (*loc, index) if isinstance(index, int) else loc
        line, col = locate(source.tree, at)
        label = labels.item_label(form, loc)
        message = _message(form, source, err, (line, col))
    return Problem(source.name, line, col, label, message)


def _message(form: Form, source: Source, err: ErrorDetails, at: tuple[int, int]) -> str:
    loc = tuple(err["loc"])
    kind = err["type"]
    if kind == "missing":
        key = loc[-1]
        return (
            f"項目「{key}」がありません。空欄の項目も「{key}:」の行は残してください。"
        )
    if kind == "hpia_not_text":
        written = source_token(source.text, at)
        return f'{err["msg"]}（例: {loc[-1]}: "{written}"）'
    if kind.startswith("hpia_"):
        return err["msg"]
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return "下位の項目を「キー: 値」の形で、字下げして書いてください。"
    if kind == "list_type":
        return "「- 」で始まる行の並びで書いてください。"
    if kind == "too_long":
        return _too_many(form, loc, err.get("ctx", {}))
    return f"値が正しくありません（{err['msg']}）。"


def _node(form: Form, loc: Loc) -> Node | None:
    trail = labels.steps(form, loc)
    return trail[-1].node if trail else None


def _too_many(form: Form, loc: Loc, ctx: dict[str, Any]) -> str:
    node = _node(form, loc)
    name = node.block_label if node is not None else "項目"
    most = ctx.get("max_length", "?")
    return (
        f"{name}は様式上{most}件までです（{ctx.get('actual_length', '?')}件あります）。"
    )


def _unknown_key(form: Form, loc: Loc) -> str:
    key = str(loc[-1])
    if "\u3000" in key:
        return (
            f"キー「{key}」に全角スペースが含まれています。"
            "字下げとキーの前後は半角スペースにしてください。"
        )
    parent = _node(form, loc[:-1]) if len(loc) > 1 else None
    siblings = parent.children if parent is not None else form.children
    allowed = [n.key for n in siblings if n.in_yaml]
    if len(loc) == 1:
        allowed.insert(0, "様式")
    message = f"様式にない項目「{key}」があります。"
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.5)
    if close:
        return message + f"「{close[0]}」の書き間違いではありませんか。"
    return message + "この階層に書ける項目: " + "、".join(f"「{a}」" for a in allowed)
