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


def longest_within(data: object, text: str, path: str = "") -> str | None:
    """The path of the longest string in `data` that `text` holds, spaces and line breaks aside:
    when `text` is too long for its place, the field whose shortening helps most."""
    words = " ".join(text.split())
    found = [(len(value), at) for at, value in _strings(data, path) if len(value) > 1 and value in words]
    return max(found, key=lambda f: f[0])[1] if found else None


def _strings(data: object, path: str):
    if isinstance(data, str):
        yield path, " ".join(data.split())
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, child(path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, child(path, index))


class Issue(NamedTuple):
    """One problem with a field: `at` says whether it is shown at the field's value,
    at its key (an unknown or duplicate key) or at the mapping that should hold it."""

    path: str
    message: str
    at: str = "value"  # "value" | "key" | "parent"
