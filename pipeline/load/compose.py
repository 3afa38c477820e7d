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
from pipeline.load.keyboard import syntax_hint
from pipeline.words.messages import say

MAX_DEPTH = 64

# PyYAML's wording, and the message (pipeline.words.messages) of what it usually means in a hand-written deal file.
PLAIN_WORDS = {
    "mapping values are not allowed here": "yaml_colon_in_text",
    "found character '\\t' that cannot start any token": "yaml_tab",
    "could not find expected ':'": "yaml_key_without_colon",
    "did not find expected key": "yaml_key_misaligned",
    "did not find expected '-' indicator": "yaml_item_misaligned",
    "found unexpected end of stream": "yaml_quote_unclosed",
    "found a tab character that violates indentation": "yaml_tab_indent",
}
PLAIN_STARTS = {
    "expected ',' or '}', but got '<stream end>'": "yaml_brace_unclosed_end",
    "expected ',' or ']', but got '<stream end>'": "yaml_bracket_unclosed_end",
    "expected ',' or '}'": "yaml_brace_unclosed",
    "expected ',' or ']'": "yaml_bracket_unclosed",
    "expected <block end>": "yaml_indentation",
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
        raise InputError([f"{_at(shown, e.mark)}: {say('yaml_too_deep', limit=MAX_DEPTH)}"]) from None
    except RecursionError:
        raise InputError([f"{shown}: {say('yaml_too_deep_plain')}"]) from None
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
    return f"{shown}:{hint.line}:{hint.column}: {say('yaml_error', words=hint.message)}" if hint else None


def _syntax(e: yaml.MarkedYAMLError, shown: str) -> str:
    if e.context == "expected a single document in the stream":
        return f"{_at(shown, e.problem_mark)}: {say('yaml_second_document')}"
    if e.problem and e.problem.startswith("found undefined alias"):
        name = e.problem.split()[-1]
        return f"{_at(shown, e.problem_mark)}: {say('yaml_undefined_alias', name=name.strip(chr(39)))}"
    mark = e.problem_mark or e.context_mark
    if e.context_mark and "end of stream" in (e.problem or "").replace("<stream end>", "end of stream"):
        mark = e.context_mark  # the file ended: show where the unclosed part began
    words = _plain(e.problem or "invalid YAML")
    where = _at(shown, mark) if mark else shown
    return f"{where}: {say('yaml_error', words=words)}"


def _plain(problem: str) -> str:
    if problem in PLAIN_WORDS:
        return say(PLAIN_WORDS[problem])
    for start, key in PLAIN_STARTS.items():
        if problem.startswith(start):
            return say(key)
    return problem


def _unprintable(text: str, e: yaml.reader.ReaderError, shown: str) -> str:
    """A raw control character: PyYAML refuses them outside quoted escapes."""
    before = text[:e.position]
    line = before.count("\n") + 1
    col = e.position - (before.rfind("\n") + 1) + 1
    return f"{shown}:{line}:{col}: {say('yaml_control', code=e.character)}"
