"""The whole printed document: cover, 項目一覧, the parts, 別添１ and 別添２.

The parts come in the order of the form's 項目一覧 (spipa.md §1.1): Ⅰ, then
for the 特定個人情報ファイル blocks Ⅱ of every file, 別添１ of every file
and Ⅲ of every file, then Ⅳ and Ⅴ; 別添２ closes the document.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby
from typing import Any

from hpia.assessment import Assessment
from hpia.catalog import labels
from hpia.catalog.nodes import Kind, Node
from hpia.changelog import ChangeRow
from hpia.render.view import Row, Walker, heading, printed_lines, printed_value
from hpia.values import UNKNOWN
from hpia.wareki import to_wareki

ROMAN = labels.ROMAN


@dataclass(frozen=True)
class Section:
    """One part of the form, started on a new page: Ⅰ, Ⅱ, Ⅲ, Ⅳ, Ⅴ."""

    title: str
    rows: tuple[Row, ...]
    kind: str = "section"


@dataclass(frozen=True)
class RecordList:
    """One list of 別添１: 「＜名称＞」, then the items, then a note."""

    title: str
    numbered: tuple[str, ...]  # 「１．宛名番号」… when printed as a run
    bullets: tuple[str, ...]
    note: str


@dataclass(frozen=True)
class Appendix:
    """（別添１） of one 特定個人情報ファイル."""

    title: str
    lists: tuple[RecordList, ...]
    kind: str = "appendix"


@dataclass(frozen=True)
class CoverItem:
    """A cover item; a long one prints its label over its text."""

    label: str
    value: str
    long: bool


# Characters a line of 別添２'s item, before and after columns holds.
CHANGE_COLUMN_CHARS = {"item": 12, "before": 16, "after": 16, "reason": 7}

# A 別添２ row up to this many lines is kept on one page. A longer one
# breaks between lines; a kept row taller than a page would lose the
# repeated head (WeasyPrint #2679, risks.md §1.3), so this stays well
# under a page.
CHANGE_KEEP_LINES = 45


@dataclass(frozen=True)
class PrintedChange:
    """A 別添２ row with its date in 和暦."""

    date: str
    item: str
    before: str
    after: str
    timing: str
    reason: str

    @property
    def keep(self) -> bool:
        lines = max(
            printed_lines(getattr(self, column), chars)
            for column, chars in CHANGE_COLUMN_CHARS.items()
        )
        return lines <= CHANGE_KEEP_LINES


@dataclass(frozen=True)
class View:
    """Everything the templates print, in the order of the form."""

    stamp: str
    name: str
    cover_heads: tuple[CoverItem, ...]  # 評価書番号 and 評価書名, side by side
    cover: tuple[tuple[CoverItem, ...], ...]  # runs of short or long items
    contents: tuple[str, ...]
    parts: tuple[Section | Appendix, ...]
    changes_title: str
    changes: tuple[PrintedChange, ...]


# The cover items printed side by side under their heads, by catalog ref.
COVER_HEADS = ("number", "title")


def assemble(assessment: Assessment, rows: list[ChangeRow]) -> View:
    form = assessment.form
    data = assessment.data
    cover = form.node_at(form.path("title")[:1])

    parts: list[Section | Appendix] = []
    contents: list[str] = []
    for node in form.children:
        if node is cover:
            continue
        for title, made in _parts(node, data.get(node.key)):
            if title not in contents:
                contents.append(title)
            parts.extend(made)
    contents.append(form.appendix_title)

    cover_data = data.get(cover.key) or {}
    heads = [c for c in cover.children if c.ref in COVER_HEADS]
    others = [c for c in cover.children if c.ref not in COVER_HEADS]
    return View(
        stamp=form.printed_stamp,
        name=form.name,
        cover_heads=_cover(heads, cover_data),
        cover=_runs(_cover(others, cover_data)),
        contents=tuple(contents),
        parts=tuple(parts),
        changes_title=form.appendix_title,
        changes=tuple(_change(r) for r in rows),
    )


def _cover(nodes: list[Node], data: dict[str, Any]) -> tuple[CoverItem, ...]:
    return tuple(
        CoverItem(
            n.title, printed_value(n, data.get(n.key)), long=n.kind is Kind.LONGTEXT
        )
        for n in nodes
    )


def _runs(items: tuple[CoverItem, ...]) -> tuple[tuple[CoverItem, ...], ...]:
    """Consecutive short items share a table; each long one has a box."""
    return tuple(tuple(run) for _, run in groupby(items, key=lambda i: i.long))


def _parts(node: Node, value: Any) -> list[tuple[str, list[Section | Appendix]]]:
    """The parts a top-level node prints, each under its 項目一覧 title."""
    if node.kind is Kind.GROUP:
        return [(heading(node, marks=False), [_section(node, value or {}, {})])]
    if node.kind is not Kind.BLOCKS:
        return []
    entries: list[dict[str, Any]] = value or []
    return [
        (heading(child, marks=False), [_file_part(child, e) for e in entries])
        for child in node.children
        if child.kind in (Kind.GROUP, Kind.BLOCKS)
    ]


def _file_part(node: Node, entry: dict[str, Any]) -> Section | Appendix:
    """Ⅱ, 別添１ or Ⅲ of one file; `entry` is the file's block."""
    if node.kind is Kind.BLOCKS:
        return _appendix(node, entry.get(node.key) or [])
    names = {k: str(v) for k, v in entry.items() if isinstance(v, str)}
    return _section(node, entry.get(node.key) or {}, names)


def _section(node: Node, data: dict[str, Any], names: dict[str, str]) -> Section:
    rows = Walker(names).rows(node.children, data)
    return Section(heading(node), tuple(rows))


def _appendix(node: Node, entries: list[dict[str, Any]]) -> Appendix:
    return Appendix(heading(node), tuple(record_list(node, e) for e in entries))


def record_list(node: Node, entry: dict[str, Any]) -> RecordList:
    """A list as its 形式 says: a numbered run, or one item a line."""
    items = [str(i) for i in entry.get(_key(node, Kind.LIST)) or []]
    style = entry.get(_key(node, Kind.CHOICE))
    style_node = next(c for c in node.children if c.kind is Kind.CHOICE)
    assert style_node.choices is not None
    as_run = style == style_node.choices.options[0]
    run = tuple(
        f"{labels.full_width_number(i)}．{item}" for i, item in enumerate(items, 1)
    )
    title = str(entry.get(node.name_key) or "")
    return RecordList(
        title=f"＜{title}＞" if title else "",
        numbered=run if as_run else (),
        bullets=() if as_run else tuple(items),
        note=str(entry.get(_key(node, Kind.LONGTEXT)) or ""),
    )


def _key(node: Node, kind: Kind) -> str:
    return next(c.key for c in node.children if c.kind is kind)


def _change(row: ChangeRow) -> PrintedChange:
    return PrintedChange(
        date=UNKNOWN if row.date is None else to_wareki(row.date),
        item=row.item,
        before=row.before,
        after=row.after,
        timing=row.timing,
        reason=row.reason,
    )
