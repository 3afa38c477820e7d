"""What a Chinese keyboard types in place of YAML's ASCII syntax, named as typed.

A Chinese input method gives a full-width colon `：`, comma `，`, quotes `“”` and
digits `８５` unless the writer switches to half-width. PyYAML then reports
something else, often a line or two later. These helpers look at the text the
person typed and say what it is and how to fix it, on the line where it was typed.
"""

from __future__ import annotations

import re
from typing import NamedTuple, Optional

from pipeline.words.messages import say

FULL_WIDTH_NUMBER = str.maketrans("０１２３４５６７８９．－＋", "0123456789.-+")
CHINESE_QUOTES = (("“", "”"), ("‘", "’"), ("「", "」"), ("『", "』"), ("＂", "＂"))

# A key typed with a full-width colon: `title：…` or `- name：…` with no ASCII ':' before it.
_FULL_WIDTH_KEY = re.compile(r"^(?P<lead>\s*(?:-\s+)?)(?P<key>[A-Za-z_][A-Za-z0-9_-]*)\s*(?P<colon>：)")
# `key: "quoted"and more` (or single quotes): a value that goes on after its closing quote.
_QUOTED_VALUE = re.compile(r"""^(?P<lead>\s*(?:-\s+)?[^\s:#'"][^:#]*:\s+)(?P<value>"(?:[^"\\]|\\.)*"|'(?:[^']|'')*')(?P<rest>[^\s#].*)?$""")
# `key:` or `- key:` at the start of a line: where its key begins.
_KEY = re.compile(r"^(?P<lead>\s*(?:-\s+)?)(?P<key>[^\s:#'\"{\[][^:#]*?):(?:\s|$)")
_BLOCK_SCALAR = re.compile(r":\s+[|>][-+0-9]*\s*(#.*)?$")


class Hint(NamedTuple):
    """A diagnosis at a 1-based line and column."""

    line: int
    column: int
    message: str


def syntax_hint(text: str, error_line: int) -> Optional[Hint]:
    """What the person typed that broke the YAML at or before 0-based `error_line`, if we can tell."""
    lines = text.split("\n")
    last = min(error_line, len(lines) - 1)
    for number, line in _structural_lines(lines, last):
        hint = _full_width_key(number, line)
        if hint:
            return hint
    return _on_error_line(lines, last)


def _structural_lines(lines: list[str], last: int):
    """(index, line) of the lines up to `last` that hold YAML structure, not block-text content."""
    block_indent = None
    for number, line in enumerate(lines[:last + 1]):
        stripped = line.strip()
        indent = len(line) - len(line.lstrip(" "))
        if block_indent is not None:
            if not stripped or indent > block_indent:
                continue
            block_indent = None
        if not stripped or stripped.startswith("#"):
            continue
        if _BLOCK_SCALAR.search(line):
            block_indent = indent
        yield number, line


def _full_width_key(number: int, line: str) -> Optional[Hint]:
    match = _FULL_WIDTH_KEY.match(line)
    if not match or ":" in line[:match.start("colon")]:
        return None
    key = match.group("key")
    return Hint(number + 1, match.start("colon") + 1, say("kb_colon", key=key, rest="..."))


def _on_error_line(lines: list[str], last: int) -> Optional[Hint]:
    line = lines[last] if 0 <= last < len(lines) else ""
    return (_full_width_comma(last, line) or _chinese_quotes(last, line) or _continued_quote(last, line)
            or _over_indented(lines, last))


def _chinese_quotes(number: int, line: str) -> Optional[Hint]:
    """`key: “text: more”`: YAML does not read Chinese quotes as quotes, so the ': ' inside breaks."""
    match = _KEY.match(line)
    value = line[match.end():].strip() if match else ""
    for opening, closing in CHINESE_QUOTES:
        if value.startswith(opening):
            inner = value[len(opening):].split(closing)[0]
            return Hint(number + 1, line.index(opening) + 1,
                        say("kb_quoted_value", quotes=opening + closing, key=match.group("key"), inner=inner))
    return None


def _full_width_comma(number: int, line: str) -> Optional[Hint]:
    """A `，` between the entries of a {...} or [...], outside quotes."""
    depth, quote = 0, ""
    for column, char in enumerate(line):
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'" and depth:
            quote = char
        elif char in "{[":
            depth += 1
        elif char in "}]":
            depth -= 1
        elif char == "#" and (column == 0 or line[column - 1] == " "):
            return None
        elif char == "，" and depth > 0:  # noqa: RUF001 - the character is the point
            return Hint(number + 1, column + 1, say("kb_comma"))
    return None


def _continued_quote(number: int, line: str) -> Optional[Hint]:
    match = _QUOTED_VALUE.match(line)
    if not match or not match.group("rest"):
        return None
    value, rest = match.group("value"), match.group("rest")
    other = "'" if value[0] == '"' else '"'
    return Hint(number + 1, match.end("value") + 1,
                say("kb_quote_goes_on", typed=value + rest, suggested=f"{other}{value}{rest}{other}"))


def _over_indented(lines: list[str], last: int) -> Optional[Hint]:
    """A key indented deeper than the key above it, whose value was plain text."""
    here = _KEY.match(lines[last]) if 0 <= last < len(lines) else None
    if not here:
        return None
    for above in range(last - 1, -1, -1):
        stripped = lines[above].strip()
        if not stripped or stripped.startswith("#"):
            continue
        match = _KEY.match(lines[above])
        if not match or stripped.endswith(":") or _BLOCK_SCALAR.search(lines[above]):
            return None
        ours, theirs = here.end("lead"), match.end("lead")
        if ours <= theirs:
            return None
        return Hint(last + 1, ours + 1, say("kb_over_indented", key=here.group("key"), above=match.group("key"),
                                            line=above + 1, ours=ours, theirs=theirs))
    return None


def value_hint(value: object) -> Optional[str]:
    """What is wrong with a typed value that only a Chinese keyboard explains, if anything."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    for opening, closing in CHINESE_QUOTES:
        if len(text) >= 2 and text.startswith(opening) and text.endswith(closing):
            inner = text[len(opening):-len(closing)]
            return say("kb_quotes_in_value", quotes=opening + closing, inner=inner)
    converted = text.translate(FULL_WIDTH_NUMBER)
    if converted != text and _is_number(converted):
        return say("kb_digits", typed=text, number=converted)
    match = _FULL_WIDTH_KEY.match(text)
    if match:
        key, rest = match.group("key"), text[match.end():].strip()
        return say("kb_colon", key=key, rest=rest)
    return None


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
