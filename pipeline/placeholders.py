"""Placeholders: the `<…>` values of a new deal file that are still to be filled in.

`dealdocs new` writes every required field with a placeholder such as `<项目名称>`
or `<0-100>`. While any is left, the file is a draft: the loader reports one line
listing what is left (not an error per placeholder), and it does not build.
"""

from __future__ import annotations

import re

from pipeline.yaml_path import child

PLACEHOLDER = re.compile(r"^<[^<>\n]+>$")


def is_placeholder(value: object) -> bool:
    return isinstance(value, str) and PLACEHOLDER.match(value.strip()) is not None


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
