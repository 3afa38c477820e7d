"""The shape of the deal contract: what each place of a deal file accepts.

Read from the pydantic model, so there is one source of truth: the loader asks
it which keys are known at a place and which fields want text, and editors get
it as a JSON Schema (schema/deal.schema.json).
"""

from __future__ import annotations

import types
from typing import Annotated, Union, get_args, get_origin

from pydantic import BaseModel

from pipeline.load.model import Deal

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def deal_json_schema() -> dict:
    """The JSON Schema of a deal file, every mapping's keys sorted so the text is stable."""
    schema = Deal.model_json_schema()
    _standard_ids(schema)
    schema["$schema"] = SCHEMA_DIALECT
    schema["title"] = "Deal file (dealdocs, contract version 1)"
    schema["description"] = ("One bid for one large customer: competitors, the three dimensions of "
                             "competitive positioning, the value proposition and the relationship chain.")
    return _sorted(schema)


def _standard_ids(schema: dict) -> None:
    """An item's `standard:` takes the library's indicator ids or `none`: given to editors as an enum
    (the model keeps it text, so that the loader can name the nearest id for a typo)."""
    from pipeline.load.method import standard_ids

    field = schema.get("$defs", {}).get("Item", {}).get("properties", {}).get("standard")
    if field:
        field["anyOf"] = [{"enum": standard_ids(), "type": "string"}, {"type": "null"}]


def _sorted(value: object) -> object:
    if isinstance(value, dict):
        return {key: _sorted(value[key]) for key in sorted(value)}
    if isinstance(value, list):
        return [_sorted(item) for item in value]
    return value


def unwrap(annotation: object) -> object:
    """The type inside Annotated[...] and Optional[...]."""
    while True:
        origin = get_origin(annotation)
        args = [a for a in get_args(annotation) if a is not type(None)]
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType) and len(args) == 1:
            annotation = args[0]
        else:
            return annotation


def is_model(annotation: object) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def step(annotation: object, part: str | int) -> object | None:
    """The type one key or index further in, or None where the contract has no such place."""
    annotation = unwrap(annotation)
    origin = get_origin(annotation)
    if is_model(annotation) and isinstance(part, str):
        info = annotation.model_fields.get(part)
        return info.annotation if info else None
    if origin is list and isinstance(part, int):
        return get_args(annotation)[0]
    if origin is dict and isinstance(part, str):
        return get_args(annotation)[1]
    return None


def type_at(parts: tuple[str | int, ...]) -> object | None:
    """The contract's type at a path of keys and indexes from the top of the file."""
    annotation: object | None = Deal
    for part in parts:
        annotation = step(annotation, part)
        if annotation is None:
            return None
    return unwrap(annotation)


def known_keys(parts: tuple[str | int, ...]) -> list[str]:
    """The keys the contract knows in the mapping at `parts`, in declaration order."""
    annotation = type_at(parts)
    return list(annotation.model_fields) if is_model(annotation) else []
