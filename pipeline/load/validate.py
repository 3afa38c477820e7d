"""Plain data -> Deal, with every pydantic error turned into a message that says how to fix it.

What a field expects is decided by the field, not by pydantic's error type, so
`150`, `"abc"` and `true` given as a score all read "expected a number from 0
to 100". A union (the `start` field) yields one message, not one per member.
"""

from __future__ import annotations

import datetime as dt
import difflib
from typing import get_origin

from pydantic import ValidationError

from pipeline.load.keyboard import value_hint
from pipeline.load.model import (
    DIMENSIONS,
    CADENCE_MONTHS,
    LANGUAGES,
    SURROUNDING_KINDS,
    Deal,
)
from pipeline.load.paths import Issue, child, from_parts
from pipeline.load.schema import is_model, known_keys, step, type_at, unwrap
from pipeline.load.synonyms import meant
from pipeline.words.messages import say

SCORE_MAPS = ("scores", "in_3_years")
ITEM_EXAMPLE = "- {name: ..., weight: 5, scores: {us: 80, A: 60}}"

# What a field accepts, in words: a message (pipeline.words.messages) by the field's key.
EXPECT_BY_KEY = {key: f"expect_{key}" for key in (
    "weight", "strength", "influence", "amount", "payback_months", "change_pct", "language", "level", "kind",
    "date", "start", "id", "scores", "in_3_years", "tracking_cadence", "first_report")}
LISTED = {"language": LANGUAGES, "kind": SURROUNDING_KINDS, "tracking_cadence": tuple(CADENCE_MONTHS)}

# What to add when a required part is missing or empty, by its path without indexes: a message.
HINTS = {
    ("competitors",): "hint_competitors",
    ("us",): "hint_us",
    ("customer",): "hint_customer",
    ("value_proposition",): "hint_value_proposition",
    ("value_proposition", "overall"): "hint_overall",
    ("value_proposition", "specific"): "hint_specific",
    ("value_proposition", "specific", "outcomes"): "hint_outcomes",
    ("value_proposition", "specific", "investment"): "hint_investment",
    ("chain",): "hint_chain",
    ("chain", "customer"): "hint_chain_customer",
    **{(dimension,): "hint_items" for dimension in DIMENSIONS},
}


def text_fields(data: object, raw: dict[str, str]) -> object:
    """`data` with the typed text back where the contract wants text: `id: on` is 'on', not true."""
    return _textify(data, Deal, "", raw)


def _textify(value: object, annotation: object, path: str, raw: dict[str, str]) -> object:
    annotation = unwrap(annotation)
    if isinstance(value, dict):
        return {k: _textify(v, step(annotation, k), child(path, k), raw) for k, v in value.items()}
    if isinstance(value, list):
        return [_textify(v, step(annotation, i), child(path, i), raw) for i, v in enumerate(value)]
    if annotation is str and path in raw:
        return raw[path]
    return value


def validate(data: object) -> tuple[Deal | None, list[Issue]]:
    """The Deal, or None and one issue per faulty field."""
    try:
        return Deal.model_validate(data), []
    except ValidationError as e:
        return None, _issues(e, data)


def _issues(error: ValidationError, data: object) -> list[Issue]:
    issues: dict[str, Issue] = {}
    for e in error.errors(include_url=False):
        parts = _data_parts(e["loc"], data, e["type"] == "missing")
        issue = _issue(e, parts)
        issues.setdefault(issue.path, issue)  # a union's errors name one field once
    return list(issues.values())


def _data_parts(loc: tuple, data: object, missing: bool) -> tuple[str | int, ...]:
    """The part of pydantic's `loc` that exists in the data (drops union member tags)."""
    parts, current = [], data
    for i, part in enumerate(loc):
        if isinstance(current, dict) and part in current:
            current = current[part]
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            current = current[part]
        elif not (missing and i == len(loc) - 1 and isinstance(current, dict)):
            continue
        parts.append(part)
    return tuple(parts)


def _issue(e: dict, parts: tuple[str | int, ...]) -> Issue:
    path, kind, hint = from_parts(parts), e["type"], HINTS.get(_shape(parts))
    hint = say(hint) if hint else None
    if kind == "missing":
        return Issue(path, say("missing", hint=hint or _add(parts)), "parent")
    if kind == "extra_forbidden":
        return Issue(path, _unknown_key(parts), "key")
    if hint and (e["input"] is None or kind == "too_short"):
        return Issue(path, say("empty", hint=hint))
    return Issue(path, _typed(parts, e["input"]) or say("expected", what=_expect(parts), value=show(e["input"])))


def _typed(parts: tuple[str | int, ...], typed: object) -> str | None:
    """A wrong value explained by what was typed: a Chinese name of a level, full-width digits."""
    field = parts[-1] if parts else ""
    value = meant(str(field), typed)
    if value:
        return say("kb_synonym", typed=typed, value=value, field=field, expected=_expect(parts))
    return value_hint(typed)


def _shape(parts: tuple[str | int, ...]) -> tuple[str, ...]:
    return tuple(p for p in parts if isinstance(p, str))


def _add(parts: tuple[str | int, ...]) -> str:
    return say("add_key", key=parts[-1], what=_expect(parts))


def _expect(parts: tuple[str | int, ...]) -> str:
    """What the contract accepts at `parts`, in words."""
    if len(parts) >= 2 and parts[-2] in SCORE_MAPS:
        return say("expect_score")
    if parts and parts[-1] in EXPECT_BY_KEY:
        return say(EXPECT_BY_KEY[parts[-1]], values=", ".join(LISTED.get(parts[-1], ())))
    annotation = type_at(parts)
    if is_model(annotation):
        return say("expect_keys", keys=", ".join(annotation.model_fields))
    if get_origin(annotation) is list:
        return say("expect_list")
    return say("expect_text") if annotation is str else say("expect_mapping")


def _unknown_key(parts: tuple[str | int, ...]) -> str:
    key, known = str(parts[-1]), known_keys(parts[:-1])
    match = difflib.get_close_matches(key.lower(), known, n=1, cutoff=0.6)
    if match:
        return say("unknown_key_close", key=match[0])
    return say("unknown_key", keys=", ".join(known))


def show(value: object) -> str:
    """A value as the user wrote it, short."""
    if value is None:
        return say("nothing")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat(sep=" ") if isinstance(value, dt.datetime) else value.isoformat()
    if isinstance(value, dict):
        return say("a_mapping")
    if isinstance(value, list):
        return say("a_list")
    if isinstance(value, str) and len(value) > 40:
        return repr(value[:40] + "…")
    return repr(value)
