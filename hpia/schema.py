"""JSON Schema of each form, generated from its model, for `schema/`.

yaml-language-server validates draft-07 and shows hover text from `title`
and `description` (risks.md §3), so the generated schema is rewritten in
that dialect with every `$ref` inlined: each part of a form is used in one
place only, and an inlined schema hovers with its own Japanese title.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hpia.catalog.nodes import Form
from hpia.model import form_model

DRAFT_07 = "http://json-schema.org/draft-07/schema#"


def schema_of(form: Form) -> dict[str, Any]:
    raw = form_model(form).model_json_schema(by_alias=True)
    defs = raw.pop("$defs", {})
    inlined: dict[str, Any] = _inline(raw, defs)
    return {"$schema": DRAFT_07, "$id": f"{form.schema_name}.schema.json", **inlined}


def _inline(value: Any, defs: dict[str, Any]) -> Any:
    if isinstance(value, dict):
        ref = value.get("$ref")
        if isinstance(ref, str):
            target = defs[ref.removeprefix("#/$defs/")]
            merged = {**target, **{k: v for k, v in value.items() if k != "$ref"}}
            return _inline(merged, defs)
        return {k: _inline(v, defs) for k, v in value.items()}
    if isinstance(value, list):
        return [_inline(v, defs) for v in value]
    return value


def schema_text(form: Form) -> str:
    return json.dumps(schema_of(form), ensure_ascii=False, indent=2) + "\n"


def schema_path(root: Path, form: Form) -> Path:
    return root / "schema" / f"{form.schema_name}.schema.json"
