from __future__ import annotations

import json
from collections.abc import Callable

from conftest import ROOT, Run

from hpia import catalog
from hpia.schema import schema_of, schema_path, schema_text


def test_committed_schemas_match_the_catalog() -> None:
    for form in catalog.FORMS:
        committed = schema_path(ROOT, form).read_text(encoding="utf-8")
        assert committed == schema_text(form), "run: hpia schema --write"


def test_check_reports_a_stale_schema(
    hpia: Callable[..., Run], tmp_path: object
) -> None:
    result = hpia("schema", "--check", "--root", tmp_path)
    assert result.code == 1
    assert "hpia schema --write で更新してください。" in result.err


def test_schema_is_draft_07_without_references() -> None:
    schema = schema_of(catalog.FORMS[0])
    text = json.dumps(schema, ensure_ascii=False)
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert "$ref" not in text and "$defs" not in text


def test_items_carry_japanese_titles_and_choices() -> None:
    schema = schema_of(catalog.FORMS[0])
    item = schema["properties"]["基本情報"]["properties"][
        "特定個人情報ファイルを取り扱う事務"
    ]["properties"]["対象人数"]
    assert item["title"] == "③対象人数"
    assert "10万人以上30万人未満" in item["enum"]
    assert item["description"].startswith("Ⅰ-１-③ 対象人数")
