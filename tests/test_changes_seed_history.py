"""The seed's own history, replayed in git, gives the seed's 別添２.

The seed's 別添２ says what each item read before each change. Starting
from today's juten.yaml and putting back those before-texts, newest change
first, gives the versions published before 令和7年3月31日, 令和6年4月4日,
令和5年3月29日 and 令和4年5月19日. Committed in order, each with its
変更日, they are a history from which `hpia changes` must give the seed's
rows again: the same items, texts and timing.

The seed is a PDF's text, so the comparison allows for what the PDF did:
cells cut off at the row's height (one text is then the start of the
other), line breaks and spaces of the layout (ignored), and full-width
digits (compared as half-width). Where the form's own cell is cut off
before the text a row of 令和7年3月31日 shows after the change (Ⅱ６, Ⅲ１０),
the row's text completes today's version. Its three rows on the third
page have no date in the extracted text; their changes are those of
令和7年3月31日.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import SEED_DIR, SEED_FORM
from gitrepo import GitRepo
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.scalarstring import LiteralScalarString

from hpia import catalog
from hpia.catalog.nodes import Form, Kind, Node
from hpia.changes import Row, change_table
from hpia.changes.change_log import LoggedRow, load
from hpia.changes.rows import item_label
from hpia.values import fold
from hpia.wareki import from_wareki
from hpia.yamlio import dump, make_yaml

FORM = catalog.FORMS[0]
CHANGES = [dt.date(2022, 5, 19), dt.date(2023, 3, 29), dt.date(2024, 4, 4)]
LAST_CHANGE = dt.date(2025, 3, 31)

# The seed's words for items the catalog names otherwise.
SPELLINGS = {
    "１．基礎項目評価書": "１．基礎項目評価",
    "①システムの内容": "①システムの名称",
    "４．個人情報の利用": "４．個人番号の利用",
}
# Its second row is printed as Ⅰ５②, but its texts are those of Ⅰ４
# (番号法第9条), as before-git.yaml notes.
MISPRINTED = {1: ("基本情報", "個人番号の利用", "法令上の根拠")}


# The ※ items among them (spipa.md §4.1): Ⅰ４ and Ⅰ５② 法令上の根拠, Ⅱ６
# 保管場所, Ⅲ７ その他の措置の内容, Ⅲ１０; the seed filed them 事後 all the same.
IMPORTANT = {
    "Ⅰ基本情報 ４．個人番号の利用 法令上の根拠",
    "Ⅰ基本情報 ５．情報提供ネットワークシステムによる情報連携 ②法令上の根拠",
    "Ⅱ特定個人情報ファイルの概要 ６．特定個人情報の保管・消去 保管場所",
    "Ⅲリスク対策 ７．特定個人情報の保管・消去 "
    "リスク：　特定個人情報の漏えい・滅失・毀損リスク その他の措置の内容",
    "Ⅲリスク対策 １０．その他のリスク対策",
}


def squeeze(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text)
    return "".join(c for c in folded if not c.isspace())


def leaves(
    nodes: tuple[Node, ...], data: Any, path: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[str | int, ...], Node]]:
    """Every item of the form in `data`, with its path."""
    for node in nodes:
        if not node.in_yaml or not isinstance(data, dict):
            continue
        here = (*path, node.key)
        if node.kind is Kind.GROUP:
            yield from leaves(node.children, data.get(node.key), here)
        elif node.kind is Kind.BLOCKS:
            for i, block in enumerate(data.get(node.key) or []):
                yield from leaves(node.children, block, (*here, i))
        else:
            yield here, node


def resolve(form: Form, data: Any, number: int, label: str) -> tuple[str | int, ...]:
    """The path of the item a row of the seed's 別添２ names."""
    if number in MISPRINTED:
        return MISPRINTED[number]
    for printed, ours in SPELLINGS.items():
        label = label.replace(printed, ours)
    parts = [squeeze(p) for p in label.split()]

    def names(path: tuple[str | int, ...]) -> bool:
        target, at = squeeze(item_label(form, path)), 0
        for part in parts:
            at = target.find(part, at)
            if at < 0:
                return False
            at += len(part)
        return True

    found = [path for path, _ in leaves(form.children, data) if names(path)]
    assert found, label
    return min(found, key=lambda p: len(item_label(form, p)))


def node_at(path: tuple[str | int, ...]) -> Node:
    return FORM.node_at(tuple(str(p) for p in path if isinstance(p, str)))


def unprinted(node: Node, text: str) -> Any:
    """A printed text back as the YAML value that prints it."""
    if node.kind is Kind.DATE:
        return from_wareki(text)
    if node.kind is Kind.CHOICE:
        assert node.choices is not None
        return next(o for o in node.choices.options if fold(o) == fold(text))
    return LiteralScalarString(text) if "\n" in text else text


def change_date(row: LoggedRow) -> dt.date:
    return row.date or LAST_CHANGE


def complete(
    tree: CommentedMap, rows: list[tuple[tuple[str | int, ...], LoggedRow]]
) -> None:
    """Today's version with the cells the PDF cut off, from the rows' texts."""
    for path, row in rows:
        parent = tree
        for step in path[:-1]:
            parent = parent[step]
        now = str(parent[path[-1]] or "")
        if len(squeeze(row.after)) > len(squeeze(now)) and squeeze(
            row.after
        ).startswith(squeeze(now)):
            parent[path[-1]] = unprinted(node_at(path), row.after)


def put_back(
    tree: CommentedMap, rows: list[tuple[tuple[str | int, ...], LoggedRow]]
) -> None:
    """Turn a version into the one before it: the rows' before-texts."""
    added: set[tuple[str | int, ...]] = set()
    for path, row in rows:
        if row.before == "" and any(isinstance(p, int) for p in path[2:]):
            added.add(
                path[: max(i for i, p in enumerate(path) if isinstance(p, int)) + 1]
            )
            continue
        parent = tree
        for step in path[:-1]:
            parent = parent[step]
        parent[path[-1]] = unprinted(node_at(path), row.before)
    for block in sorted(added, reverse=True):
        parent = tree
        for step in block[:-1]:
            parent = parent[step]
        del parent[block[-1]]


def replay(repo: GitRepo) -> list[str]:
    """Commit the seed's versions, oldest first; the commits' ids."""
    seed = load(SEED_DIR).rows
    tree = make_yaml().load(SEED_FORM.read_text(encoding="utf-8"))
    data = tree
    located = [(resolve(FORM, data, i, r.item), r) for i, r in enumerate(seed)]
    complete(tree, [(p, r) for p, r in located if change_date(r) == LAST_CHANGE])

    versions = [dump(tree)]
    for day in [LAST_CHANGE, *reversed(CHANGES)]:
        put_back(tree, [(p, r) for p, r in located if change_date(r) == day])
        versions.append(dump(tree))
    versions.reverse()

    repo.write(repo.form, versions[0])
    shas = [repo.commit("Published before 令和4年5月19日", "2022-04-01T10:00:00+09:00")]
    for day, text in zip([*CHANGES, LAST_CHANGE], versions[1:], strict=True):
        repo.write(repo.form, text)
        shas.append(
            repo.commit(
                f"Changes of {day}",
                f"{day + dt.timedelta(days=10)}T10:00:00+09:00",
                trailer=f"変更日: {day}",
            )
        )
    return shas


def same_text(ours: str, seeds: str) -> bool:
    """Equal but for layout, or one cut off where the other goes on."""
    a, b = squeeze(ours), squeeze(seeds)
    return a.startswith(b) or b.startswith(a)


@pytest.fixture
def replayed(tmp_path: Path, git_config: Path) -> tuple[GitRepo, list[str]]:
    repo = GitRepo(tmp_path / "replay")
    repo.root.mkdir()
    repo.git("init", "-q")
    return repo, replay(repo)


def decide_as_the_seed_did(repo: GitRepo, rows: list[Row]) -> None:
    """Record the seed's 事後 for its ※ rows: formal changes, not 重要な変更."""
    records = "".join(
        f"  - 項目: {r.item}\n"
        f"    内容ハッシュ: {r.content_hash}\n"
        "    審査者: 法務課\n"
        f"    審査日: {r.date}\n"
        "    結論: 提出時期の変更\n"
        "    提出時期: 事後\n"
        "    理由: 法令の改正及びガバメントクラウドへの移行に伴う形式的な変更のため。\n"
        for r in rows
        if r.timing == "事前"
    )
    repo.write(repo.log_folder / "decisions" / "seed.yaml", "判断:\n" + records)


@pytest.mark.parametrize("published", [False, True], ids=["every commit", "published"])
def test_the_replayed_history_gives_the_seed_rows(
    replayed: tuple[GitRepo, list[str]], published: bool
) -> None:
    repo, shas = replayed
    if published:
        marks = zip([dt.date(2022, 4, 1), *CHANGES, LAST_CHANGE], shas, strict=True)
        repo.write(
            repo.log_folder / "publications.yaml",
            "公表:\n"
            + "".join(f"  - 公表日: {d}\n    コミット: {s}\n" for d, s in marks),
        )
    undecided = change_table(repo.folder).rows
    assert {r.item for r in undecided if r.timing == "事前"} == IMPORTANT
    decide_as_the_seed_did(repo, undecided)
    ours = change_table(repo.folder).rows

    seed = load(SEED_DIR).rows
    data = make_yaml().load(SEED_FORM.read_text(encoding="utf-8"))
    expected = [(resolve(FORM, data, i, r.item), r) for i, r in enumerate(seed)]
    assert {(r.date, r.path) for r in ours} == {
        (change_date(r), path) for path, r in expected
    }
    for row in ours:
        matching = [
            r for path, r in expected if (change_date(r), path) == (row.date, row.path)
        ]
        assert any(same_text(row.before, r.before) for r in matching), row.item
        assert any(same_text(row.after, r.after) for r in matching), row.item
        timings = {r.timing for r in matching} - {"（不明）"}
        assert timings <= {row.timing}, row.item
