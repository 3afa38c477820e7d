"""Text -> YAML node tree, safely, with every YAML failure as one plain line.

Composing (not constructing) keeps each node's position and builds no objects.
Depth is capped while composing, because PyYAML recurses per level.

A valid file is composed by libyaml (about five times faster), after a flat pass
over its events has checked the depth (libyaml's composer recurses in C and
would crash the process on deep nesting). Anything unusual (an error, too deep,
no libyaml) is composed again by the pure-Python loader, so every message
comes from one place and reads the same.
"""

from __future__ import annotations

import yaml
from yaml.nodes import Node

from pipeline.errors import InputError
from pipeline.yaml_keyboard import syntax_hint

MAX_DEPTH = 64

# PyYAML's wording, and what it usually means in a hand-written deal file.
PLAIN_WORDS = {
    "mapping values are not allowed here":
        "a ':' where no key can start; put text that contains ': ' in quotes",
    "found character '\\t' that cannot start any token":
        "a tab character; indent with spaces, not tabs",
    "could not find expected ':'":
        "a key without ':' after it, or a text spanning lines that should be in quotes",
    "did not find expected key":
        "this line does not line up with the keys above it; check its indentation",
    "did not find expected '-' indicator":
        "this line does not line up with the list items above it; check its indentation",
    "found unexpected end of stream":
        "a quoted text that starts here is never closed",
    "found a tab character that violates indentation":
        "a tab character in the indentation; indent with spaces, not tabs",
}
PLAIN_STARTS = {
    "expected ',' or '}', but got '<stream end>'": "a {...} that starts here is never closed with '}'",
    "expected ',' or ']', but got '<stream end>'": "a [...] that starts here is never closed with ']'",
    "expected ',' or '}'": "a {...} is not closed with '}', or its entries lack a ',' between them",
    "expected ',' or ']'": "a [...] is not closed with ']', or its items lack a ',' between them",
    "expected <block end>": "this line's indentation does not match the lines above it",
}


class _Loader(yaml.SafeLoader):
    """SafeLoader whose composer refuses to nest deeper than MAX_DEPTH."""

    depth = 0

    def compose_node(self, parent, index):
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise _TooDeep(self.peek_event().start_mark)
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


class _TooDeep(Exception):
    def __init__(self, mark):
        self.mark = mark


def compose(text: str, shown: str) -> Node | None:
    """The document's root node (None when it holds nothing); InputError on bad YAML."""
    fast = _compose_fast(text)
    if fast is not _UNUSUAL:
        return fast
    try:
        return yaml.compose(text, Loader=_Loader)
    except _TooDeep as e:
        raise InputError([f"{_at(shown, e.mark)}: nesting too deep (more than {MAX_DEPTH} levels); "
                          "a deal file needs only a few"]) from None
    except RecursionError:
        raise InputError([f"{shown}: nesting too deep; a deal file needs only a few levels"]) from None
    except yaml.reader.ReaderError as e:
        raise InputError([_unprintable(text, e, shown)]) from None
    except yaml.MarkedYAMLError as e:
        raise InputError([_typed(text, e, shown) or _syntax(e, shown)]) from None


_UNUSUAL = object()
_OPEN = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_CLOSE = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


def _compose_fast(text: str):
    """libyaml's node tree for a well-formed, shallow file; _UNUSUAL for anything else."""
    loader = getattr(yaml, "CSafeLoader", None)
    if loader is None:
        return _UNUSUAL
    try:
        depth = 0
        for event in yaml.parse(text, Loader=loader):
            if isinstance(event, _OPEN):
                depth += 1
                if depth > MAX_DEPTH:
                    return _UNUSUAL
            elif isinstance(event, _CLOSE):
                depth -= 1
        return yaml.compose(text, Loader=loader)
    except yaml.YAMLError:
        return _UNUSUAL


def _at(shown: str, mark) -> str:
    return f"{shown}:{mark.line + 1}:{mark.column + 1}"


def _typed(text: str, e: yaml.MarkedYAMLError, shown: str) -> str | None:
    """The error named by what was typed (a full-width colon, a quote that goes on), on its line."""
    marks = [m for m in (e.problem_mark, e.context_mark) if m is not None]
    if not marks or e.context == "expected a single document in the stream":
        return None
    hint = syntax_hint(text, max(m.line for m in marks))
    return f"{shown}:{hint.line}:{hint.column}: YAML syntax error: {hint.message}" if hint else None


def _syntax(e: yaml.MarkedYAMLError, shown: str) -> str:
    if e.context == "expected a single document in the stream":
        return (f"{_at(shown, e.problem_mark)}: a second YAML document ('---'); "
                "a deal file holds exactly one")
    if e.problem and e.problem.startswith("found undefined alias"):
        name = e.problem.split()[-1]
        return (f"{_at(shown, e.problem_mark)}: YAML syntax error: alias *{name.strip(chr(39))} "
                "refers to no anchor defined before it")
    mark = e.problem_mark or e.context_mark
    if e.context_mark and "end of stream" in (e.problem or "").replace("<stream end>", "end of stream"):
        mark = e.context_mark  # the file ended: show where the unclosed part began
    words = _plain(e.problem or "invalid YAML")
    where = _at(shown, mark) if mark else shown
    return f"{where}: YAML syntax error: {words}"


def _plain(problem: str) -> str:
    if problem in PLAIN_WORDS:
        return PLAIN_WORDS[problem]
    for start, words in PLAIN_STARTS.items():
        if problem.startswith(start):
            return words
    return problem


def _unprintable(text: str, e: yaml.reader.ReaderError, shown: str) -> str:
    """A raw control character: PyYAML refuses them outside quoted escapes."""
    before = text[:e.position]
    line = before.count("\n") + 1
    col = e.position - (before.rfind("\n") + 1) + 1
    return (f"{shown}:{line}:{col}: control character U+{e.character:04X} is not allowed in a "
            "YAML file; delete it (inside double quotes, write \\n for a line break)")
