"""The seed assessment: valid, faithful to the published text, and stable.

The seed is the 重点項目評価書 Hitachinaka published on 令和7年4月15日,
transcribed from its PDF text into the form's YAML.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from conftest import ROOT, SEED_FORM, Run
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString
from seed_artefacts import ARTEFACTS
from seedtext import coverage

from hpia.yamlio import dump, make_yaml


def carried_text() -> str:
    """The repository's YAML and catalog, where the seed's words must be."""
    places = [
        *sorted((ROOT / "assessments").rglob("*.yaml")),
        *sorted((ROOT / "change_log").rglob("*.yaml")),
        *sorted((ROOT / "hpia" / "catalog").glob("*.py")),
        *sorted(p for p in (ROOT / "templates").rglob("*") if p.is_file()),
    ]
    return "\n".join(p.read_text(encoding="utf-8") for p in places)


def test_seed_is_valid_with_its_known_gaps(hpia: Callable[..., Run]) -> None:
    result = hpia("validate", SEED_FORM)
    file = SEED_FORM
    assert result.code == 0
    assert result.out.splitlines() == [
        f"{file}:11:10: 表紙 評価書番号: 警告: 値が（不明）です。"
        "根拠となる資料で確認して記入してください。",
        f"{file}:217:13: Ⅱ-４ 委託の有無 件数: 警告: "
        "件数は3件ですが、委託事項は4件記入されています。",
    ]


def test_seed_content_is_carried() -> None:
    found = coverage(carried_text())
    missing = set(found.missing)
    assert found.share >= 0.90, f"coverage {found.share:.3f}"
    assert missing - ARTEFACTS.keys() == set(), "missing without a reason"
    assert ARTEFACTS.keys() - missing == set(), "listed but now carried"


def test_load_and_dump_leaves_the_seed_byte_identical() -> None:
    for path in (SEED_FORM, *(ROOT / "change_log").rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        assert dump(make_yaml().load(text)) == text, path


def test_seed_declares_its_schema_for_the_editor() -> None:
    first = SEED_FORM.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=")
    target = (SEED_FORM.parent / first.split("=", 1)[1]).resolve()
    assert target == ROOT / "schema" / "juten-r06-10.schema.json"


def _scalars(node: Any) -> Iterator[tuple[CommentedMap, str]]:
    if isinstance(node, CommentedMap):
        for key, value in node.items():
            if isinstance(value, CommentedMap | CommentedSeq):
                yield from _scalars(value)
            else:
                yield node, key
    elif isinstance(node, CommentedSeq):
        for item in node:
            yield from _scalars(item)


def test_each_value_sits_on_its_key_line_or_in_a_block_scalar() -> None:
    tree = make_yaml().load(SEED_FORM.read_text(encoding="utf-8"))
    for mapping, key in _scalars(tree):
        value = mapping[key]
        assert not isinstance(value, FoldedScalarString), key
        if isinstance(value, LiteralScalarString) or value is None:
            continue
        assert mapping.lc.key(key)[0] == mapping.lc.value(key)[0], key
