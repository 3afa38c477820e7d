"""Placeholders: the `<…>` values of a new deal file that are still to be filled in.

`dealdocs new` writes every required field with a placeholder such as `<项目名称>`
or `<0-100>`. While any is left, the file is a draft: the loader reports one line
listing what is left (not an error per placeholder), and it does not build. Only
the placeholders `new` writes count: a title that happens to be `<0>` is text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.load.paths import child

PLACEHOLDER = re.compile(r"<[^<>\n]+>")


@lru_cache(maxsize=1)
def known() -> frozenset[str]:
    """Every placeholder the skeletons of `dealdocs new` hold, in both languages."""
    from pipeline.load.skeleton import WORDS

    return frozenset(p for words in WORDS.values() for value in words.values() for p in PLACEHOLDER.findall(value)
                     if PLACEHOLDER.fullmatch(value.strip()))


def is_placeholder(value: object) -> bool:
    return isinstance(value, str) and value.strip() in known()


def still_to_fill_in(data: object, failed: set[str]) -> list[str]:
    """The paths of the placeholders left: a text one anywhere, a number or date one (`<0-100>`)
    only where it is not valid text, i.e. where validation failed."""
    return [p for p in placeholders(data) if p in failed or not re.search(r"\d", _value_at(data, p))]


def _value_at(data: object, path: str) -> str:
    for part in re.findall(r"[^.\[\]]+|\[\d+\]", path):
        data = data[int(part[1:-1])] if part.startswith("[") else data[part]
    return data


def placeholders(data: object, path: str = "") -> list[str]:
    """The field paths whose value is a placeholder, in the file's order."""
    if is_placeholder(data):
        return [path]
    if isinstance(data, dict):
        return [p for key, value in data.items() for p in placeholders(value, child(path, key))]
    if isinstance(data, list):
        return [p for i, value in enumerate(data) for p in placeholders(value, child(path, i))]
    return []


def covered(path: str, left: set[str]) -> bool:
    """Whether a problem at `path` is only that a placeholder is not a real value yet."""
    return path in left or any(path.startswith(p + ".") or path.startswith(p + "[") for p in left)
