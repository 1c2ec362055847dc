"""The form's own consistency rules (spipa.md §1.3): answers that must agree.

Each rule reads one file block (Ⅱ and Ⅲ of one 特定個人情報ファイル) or the
whole document and yields problems located at the item to fix. Errors are
contradictions in the form itself; warnings are combinations that are
allowed but usually a slip (spipa.md §1.3 says to treat most as warnings;
the ones the form's wording makes impossible are errors here).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from hpia.assessment import Assessment, Path
from hpia.catalog import labels
from hpia.catalog.nodes import Kind
from hpia.problems import Level, Problem

FileRule = Callable[[Assessment, int], Iterator[Problem]]

NETWORK = "情報提供ネットワークシステム"


def _blank(value: object) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _name(a: Assessment, ref: str, *indexes: int) -> str:
    return labels.item_label(a.form, a.ref_path(ref, *indexes))


def entrust_count(a: Assessment, f: int) -> Iterator[Problem]:
    """Ⅱ４: 「委託する」 has as many 委託事項 as its 件数; 「委託しない」 has none.

    A 件数 that disagrees with the 委託事項 given is a warning, not an error:
    the seed itself, as published, states 3 件 and lists four 委託事項, and
    spipa.md §1.3 treats these agreements as warnings.
    """
    entrust = a.value("entrust", f)
    count = a.value("entrust_count", f)
    written = a.count("entrustments", f)
    at_count = a.ref_path("entrust_count", f)
    if entrust == "委託する":
        if count is None:
            yield a.problem(at_count, "「委託する」ときは件数を記入してください。")
        elif isinstance(count, int) and count != written:
            yield a.problem(
                at_count,
                f"件数は{count}件ですが、委託事項は{written}件記入されています。",
                Level.WARNING,
                rule="entrust-count",
            )
    elif entrust == "委託しない":
        if written:
            yield a.problem(
                a.ref_path("entrustments", f),
                f"「委託しない」としていますが、委託事項が{written}件記入されています。",
                rule="entrust-count",
            )
        if count not in (None, 0):
            yield a.problem(at_count, "「委託しない」ときは件数を空欄にしてください。")


def entrust_box(a: Assessment, f: int) -> Iterator[Problem]:
    """Ⅲ４ 「委託しない」 agrees with Ⅱ４ 委託の有無."""
    entrust = a.value("entrust", f)
    box = a.value("no_entrust", f)
    at_box = a.ref_path("no_entrust", f)
    if entrust == "委託する" and box:
        yield a.problem(
            at_box,
            f"{_name(a, 'entrust', f)}が「委託する」なのに、チェックが入っています。",
            rule="entrust-box",
        )
    if entrust == "委託しない" and not box:
        yield a.problem(
            at_box,
            f"{_name(a, 'entrust', f)}が「委託しない」なら、ここにチェックを入れます。",
            Level.WARNING,
            rule="entrust-box",
        )


def reentrust(a: Assessment, f: int) -> Iterator[Problem]:
    """④再委託の有無 decides whether ⑤ and ⑥ are written."""
    for e in range(a.count("entrustments", f)):
        answer = a.value("reentrust", f, e)
        for ref in ("permission", "reentrusted"):
            path = a.ref_path(ref, f, e)
            empty = _blank(a.at(path))
            if answer == "再委託しない" and not empty:
                yield a.problem(
                    path, "「再委託しない」ときは空欄にしてください。", rule="reentrust"
                )
            if answer == "再委託する" and empty:
                yield a.problem(
                    path, "「再委託する」ときは記入してください。", rule="reentrust"
                )


def reentrust_care(a: Assessment, f: int) -> Iterator[Problem]:
    """Ⅲ４ 再委託先の担保 is 「再委託していない」 exactly when no 委託事項 is."""
    if a.value("no_entrust", f):
        return
    care = a.value("reentrust_care", f)
    entrusted = [
        a.value("reentrust", f, e) == "再委託する"
        for e in range(a.count("entrustments", f))
    ]
    at_care = a.ref_path("reentrust_care", f)
    if any(entrusted) and care == "再委託していない":
        yield a.problem(
            at_care,
            "「再委託する」委託事項があるので「再委託していない」は選べません。",
            rule="reentrust-care",
        )
    if entrusted and not any(entrusted) and care not in (None, "再委託していない"):
        yield a.problem(
            at_care,
            "どの委託事項も「再委託しない」なので、通常は「再委託していない」を選びます。",
            Level.WARNING,
            rule="reentrust-care",
        )


def provision(a: Assessment, f: int) -> Iterator[Problem]:
    """Ⅱ５: the boxes and their 件数 agree with the 提供先 and 移転先 given."""
    at = a.ref_path("provision", f)
    ticks = a.value("provision", f)
    if not ticks:
        yield a.problem(at, "いずれかにチェックを入れてください。", rule="provision")
        return
    if "行っていない" in ticks and len(ticks) > 1:
        yield a.problem(
            at,
            "「行っていない」と他の選択肢に同時にチェックがあります。",
            rule="provision",
        )
    for box, ref, word in (
        ("提供を行っている", "recipients", "提供先"),
        ("移転を行っている", "transferees", "移転先"),
    ):
        written = a.count(ref, f)
        if box not in ticks:
            if written:
                yield a.problem(
                    at,
                    f"{word}が{written}件記入されていますが、「{box}」にチェックがありません。",
                    rule="provision",
                )
            continue
        stated = ticks[box]
        if stated is None:
            yield a.problem(
                at, f"「{box}」の件数を記入してください。", rule="provision"
            )
        elif stated != written:
            yield a.problem(
                at,
                f"「{box}」は{stated}件ですが、{word}は{written}件記入されています。",
                rule="provision",
            )


def network(a: Assessment, f: int) -> Iterator[Problem]:
    """Ⅰ５① 実施の有無 against Ⅲ６ and the ticks of the network elsewhere."""
    linkage = a.value("linkage")
    boxes = (a.value("no_network_in", f), a.value("no_network_out", f))
    if linkage == "実施しない" and not all(boxes):
        yield a.problem(
            a.ref_path("no_network_in", f),
            f"{_name(a, 'linkage')}が「実施しない」なら、「接続しない（入手）」と"
            "「接続しない（提供）」の両方にチェックを入れます。",
            Level.WARNING,
            rule="network",
        )
    if linkage == "実施しない":
        for path in _network_ticks(a, f):
            yield a.problem(
                path,
                f"{_name(a, 'linkage')}が「実施しない」なのに、"
                f"「{NETWORK}」にチェックがあります。",
                Level.WARNING,
                rule="network",
            )
    if linkage == "実施する" and all(boxes):
        yield a.problem(
            a.ref_path("no_network_in", f),
            f"{_name(a, 'linkage')}が「実施する」のに、"
            "両方とも「接続しない」になっています。",
            Level.WARNING,
            rule="network",
        )


def _network_ticks(a: Assessment, f: int) -> Iterator[Path]:
    """Where 情報提供ネットワークシステム is ticked: Ⅰ２③, Ⅱ３②, Ⅱ５⑥."""
    places = [a.ref_path("system_links", s) for s in range(a.count("systems"))]
    places.append(a.ref_path("acquisition", f))
    places += [
        a.ref_path("provision_methods", f, r) for r in range(a.count("recipients", f))
    ]
    yield from (p for p in places if NETWORK in a.at(p))


def incident(a: Assessment, f: int) -> Iterator[Problem]:
    """Ⅲ７②: 「発生あり」 needs その内容 and 再発防止策の内容."""
    answer = a.value("incident", f)
    for ref in ("incident_detail", "incident_prevention"):
        path = a.ref_path(ref, f)
        empty = _blank(a.at(path))
        if answer == "発生あり" and empty:
            yield a.problem(
                path, "「発生あり」のときは記入してください。", rule="incident"
            )
        if answer == "発生なし" and not empty:
            yield a.problem(
                path,
                "「発生なし」なのに記入があります。",
                Level.WARNING,
                rule="incident",
            )


def record_count(a: Assessment, f: int) -> Iterator[Problem]:
    """Ⅱ２④ 記録される項目 matches the number of items listed in 別添１."""
    listed: set[str] = set()
    for r in range(a.count("record_lists", f)):
        listed.update(a.value("record_items", f, r))
    band = a.value("record_count", f)
    bounds = {
        "10項目未満": (0, 9),
        "10項目以上50項目未満": (10, 49),
        "50項目以上100項目未満": (50, 99),
        "100項目以上": (100, 10**9),
    }
    if band not in bounds or not listed:
        return
    low, high = bounds[band]
    if not low <= len(listed) <= high:
        yield a.problem(
            a.ref_path("record_count", f),
            f"別添１の記録項目は{len(listed)}項目ですが、「{band}」が選ばれています。",
            Level.WARNING,
            rule="record-count",
        )


FILE_RULES: tuple[FileRule, ...] = (
    entrust_count,
    entrust_box,
    reentrust,
    reentrust_care,
    provision,
    network,
    incident,
    record_count,
)


def block_names(a: Assessment) -> Iterator[Problem]:
    """Every repeating block has a name, unique among its siblings.

    The change table matches blocks by name (not position), so a missing or
    repeated name would pair the wrong blocks.
    """
    for path, entries, name_key, word in _all_blocks(a, a.data, ()):
        seen: dict[str, int] = {}
        for i, entry in enumerate(entries):
            name = str(entry.get(name_key) or "")
            at = (*path, i, name_key)
            if _blank(name):
                yield a.problem(
                    at, f"{word}の名称を記入してください。", rule="block-name"
                )
            elif name in seen:
                yield a.problem(
                    at,
                    f"「{name}」は{word}{seen[name] + 1}と同じ名称です。"
                    "名称は重複できません。",
                    rule="block-name",
                )
            else:
                seen[name] = i


def _all_blocks(
    a: Assessment, data: dict[str, object], path: Path
) -> Iterator[tuple[Path, list[dict[str, object]], str, str]]:
    keys = tuple(k for k in path if isinstance(k, str))
    children = a.form.node_at(keys).children if keys else a.form.children
    for node in children:
        value = data.get(node.key)
        if node.kind is Kind.BLOCKS and isinstance(value, list):
            yield (*path, node.key), value, node.name_key, node.block_label
            for i, entry in enumerate(value):
                yield from _all_blocks(a, entry, (*path, node.key, i))
        elif node.kind is Kind.GROUP and isinstance(value, dict):
            yield from _all_blocks(a, value, (*path, node.key))


def check(a: Assessment) -> Iterator[Problem]:
    """Every consistency problem of a validated assessment."""
    yield from block_names(a)
    if not a.form.has("files"):
        # The file rules read Ⅱ and Ⅲ of a 重点 (様式3); the 基礎 has neither.
        return
    for f in range(a.count("files")):
        for rule in FILE_RULES:
            yield from rule(a, f)


# What each rule above rests on, for `hpia check`: the form's own items.
SOURCES = {
    "entrust-count": "様式3 Ⅱ４（委託の有無・件数・委託事項）",
    "entrust-box": "様式3 Ⅱ４・Ⅲ４（委託しない）",
    "reentrust": "様式3 Ⅱ４④～⑥（再委託）",
    "reentrust-care": "様式3 Ⅱ４④・Ⅲ４（再委託先の担保）",
    "provision": "様式3 Ⅱ５（提供・移転の有無・件数）",
    "network": "様式3 Ⅰ５①・Ⅲ６（情報提供ネットワークシステム）",
    "incident": "様式3 Ⅲ７②（重大事故）",
    "record-count": "様式3 Ⅱ２④・別添１（記録される項目）",
    "block-name": "様式（繰り返し項目の名称）",
}
