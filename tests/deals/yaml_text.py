"""Deal data as YAML text, in the styles the tests read and the benchmark writes.

`to_yaml`: PyYAML's block style, or nested parts in flow style, the way a user's editor keeps
a file. `deal_yaml`: the benchmark's own writer (block mappings, flat mappings in flow style,
strings plain when YAML reads them back as the same string, else double-quoted), so its
files read like the examples; the property tests write in it too, so it is tried on the
contract's whole range.
"""

from __future__ import annotations

import datetime as dt
import json
import re

import yaml

STYLES = ("block", "flow", "bench")


def in_style(data: dict, style: str) -> str:
    """The deal's YAML text in one of STYLES."""
    return deal_yaml(data) if style == "bench" else to_yaml(data, False if style == "block" else None)


def to_yaml(data: dict, flow: bool | None = False) -> str:
    """Deal data as YAML text, the way a user's editor would keep it."""
    header = "# yaml-language-server: $schema=../schema/deal.schema.json\n"
    return header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=flow)


PLAIN_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
YAML_11_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}
FLOW_WIDTH = 100


def deal_yaml(data: dict) -> str:
    header = "# A synthetic deal written by tests/deals for the benchmark.\n"
    return header + "\n".join(block(data, 0)) + "\n"


def block(mapping: dict, indent: int) -> list[str]:
    pad, lines = " " * indent, []
    for key, value in mapping.items():
        if isinstance(value, list) and value:
            lines += [f"{pad}{plain_or_quoted(key)}:", *sequence(value, indent + 2)]
        elif isinstance(value, dict) and not flowing(value):
            lines += [f"{pad}{plain_or_quoted(key)}:", *block(value, indent + 2)]
        else:
            lines.append(f"{pad}{plain_or_quoted(key)}: {inline(value)}")
    return lines


def sequence(values: list, indent: int) -> list[str]:
    pad, lines = " " * indent, []
    for value in values:
        if isinstance(value, dict) and not flowing(value):
            inner = block(value, indent + 2)
            lines += [f"{pad}- {inner[0].lstrip()}", *inner[1:]]
        else:
            lines.append(f"{pad}- {inline(value)}")
    return lines


def flowing(mapping: dict) -> bool:
    """A flat, short mapping reads best on one line: {us: 90, A: 60}."""
    flat = not any(isinstance(v, (dict, list)) for v in mapping.values())
    return flat and len(inline(mapping)) <= FLOW_WIDTH


def inline(value) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{plain_or_quoted(k)}: {inline(v)}" for k, v in value.items()) + "}"
    if value == []:
        return "[]"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return plain_or_quoted(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool) and "e" not in repr(value):
        return repr(value)
    raise TypeError(f"no YAML form for {type(value).__name__}: {value!r}")



def plain_or_quoted(text: str) -> str:
    """Plain when YAML reads it back as the same string (us, top, CNY), else double-quoted.

    A JSON string is a valid YAML double-quoted scalar, escapes included.
    """
    plain = PLAIN_WORD.fullmatch(text) and text.lower() not in YAML_11_WORDS
    return text if plain else json.dumps(text, ensure_ascii=False)
