"""Field paths as users read them: `key_buying_factors[0].scores.us`, `chain.customer[2]`."""

from __future__ import annotations

import re
from typing import NamedTuple

_LAST = re.compile(r"(\.[^.\[]*|\[\d+\])$")


def child(path: str, key: str | int) -> str:
    """The path of a mapping key (str) or a list index (int) under `path`."""
    if isinstance(key, int):
        return f"{path}[{key}]"
    key = key or "''"  # an empty key must not become its parent's path
    return f"{path}.{key}" if path else key


def parent(path: str) -> str:
    """The path one level up; '' for a top-level key."""
    match = _LAST.search(path)
    return path[:match.start()] if match and match.start() > 0 else ""


def from_parts(parts: tuple[str | int, ...]) -> str:
    """The path of a sequence of keys and indexes, as pydantic's `loc` gives them."""
    path = ""
    for part in parts:
        path = child(path, part)
    return path


class Issue(NamedTuple):
    """One problem with a field: `at` says whether it is shown at the field's value,
    at its key (an unknown or duplicate key) or at the mapping that should hold it."""

    path: str
    message: str
    at: str = "value"  # "value" | "key" | "parent"
