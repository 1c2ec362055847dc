"""pydantic models of the forms, generated from the catalog.

Nothing about an item is written here: its YAML key, type, choices and
Japanese title come from its catalog node. Field names are positional
(`x0`, `x1`, …) because the Japanese keys are not Python names; the keys
are the aliases, and validation reads by alias only.
"""

from __future__ import annotations

import types
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, create_model

from hpia import values
from hpia.catalog import labels
from hpia.catalog.nodes import Form, Kind, Node
from hpia.schema_parts import field_schema, form_description, item_description

STAMP_KEY = "様式"


class FormPart(BaseModel):
    """Base of every generated model: unknown keys are errors at every level."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        validate_by_alias=True,
        validate_by_name=False,
        serialize_by_alias=True,
        hide_input_in_errors=False,
    )


def reader(node: Node) -> values.Reader:
    """The reader that checks a YAML value of `node`, as validation does."""
    match node.kind:
        case Kind.TEXT | Kind.LONGTEXT:
            return values.read_text
        case Kind.CHOICE:
            assert node.choices is not None
            return values.choice_reader(node.choices, node.optional)
        case Kind.DATE:
            return values.date_reader(node.optional)
        case Kind.COUNT:
            return values.count_reader(node.optional)
        case Kind.FLAG:
            return values.read_flag
        case Kind.LIST:
            return values.read_list
        case Kind.CHECKS:
            return values.checks_reader(node)
    raise ValueError(f"{node.key} holds no value")


def _value_field(node: Node, path: tuple[str, ...], form: Form) -> Any:
    info = Field(
        alias=node.key,
        title=labels.heading(node),
        description=item_description(form, node, path),
        json_schema_extra=field_schema(node),
    )
    return (Annotated[Any, BeforeValidator(reader(node))], info)


def _group_model(form: Form, node: Node, path: tuple[str, ...]) -> type[FormPart]:
    fields: dict[str, Any] = {}
    for i, child in enumerate(c for c in node.children if c.in_yaml):
        fields[f"x{i}"] = _field(form, child, (*path, child.key))
    name = labels.item_label(form, path) or node.key
    return create_model(name, __base__=FormPart, **fields)


def _field(form: Form, node: Node, path: tuple[str, ...]) -> Any:
    if node.kind is Kind.GROUP:
        model = _group_model(form, node, path)
        return (model, _container_info(form, node, path))
    if node.kind is Kind.BLOCKS:
        model = _group_model(form, node, path)
        info = _container_info(form, node, path, max_length=node.max_items)
        # Built at run time: the element type is itself generated.
        return (types.GenericAlias(list, (model,)), info)
    return _value_field(node, path, form)


def _container_info(
    form: Form, node: Node, path: tuple[str, ...], max_length: int | None = None
) -> Any:
    return Field(
        alias=node.key,
        title=labels.heading(node),
        description=item_description(form, node, path),
        max_length=max_length,
    )


_MODELS: dict[str, type[FormPart]] = {}


def form_model(form: Form) -> type[FormPart]:
    """The model of a whole form file: the stamp, then the form's parts."""
    if form.stamp not in _MODELS:
        _MODELS[form.stamp] = _build(form)
    return _MODELS[form.stamp]


def _build(form: Form) -> type[FormPart]:
    fields: dict[str, Any] = {
        "stamp": (
            str,
            Field(
                alias=STAMP_KEY,
                title="様式",
                description=f"表紙に印刷される様式の版。「{form.stamp}」と記入する。",
                json_schema_extra={"enum": [form.stamp]},
            ),
        )
    }
    for i, node in enumerate(form.children):
        fields[f"x{i}"] = _field(form, node, (node.key,))
    model = create_model(form.name, __base__=FormPart, **fields)
    model.__doc__ = form_description(form)
    return model
