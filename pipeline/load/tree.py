"""YAML node tree -> plain Python data, with the position of every field.

We convert nodes ourselves instead of letting PyYAML construct objects, so that
we keep where each value was written, keep mapping keys as the text the user
typed (`on`, `no`, `1` stay strings), report duplicate keys with both lines,
and cap how far aliases may expand (a "billion laughs" file stops here).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from pipeline.errors import InputError
from pipeline.load.clean import clean_text
from pipeline.load.compose import MAX_DEPTH
from pipeline.load.paths import child
from pipeline.words.messages import say

MAX_NODES = 100_000
TAG = "tag:yaml.org,2002:"
SCALAR_TAGS = {TAG + t for t in ("str", "null", "bool", "int", "float", "timestamp")}
# YAML 1.2 reads 1e6 as a number; PyYAML (YAML 1.1) as text. Users mean the number.
_EXPONENT_FLOAT = re.compile(r"^[-+]?(\d+(\.\d*)?|\.\d+)[eE][-+]?\d+$")

Position = tuple[int, int]


@dataclass
class Tree:
    """The data of a document and where its parts were written (1-based line, column).

    `positions` maps a field path to its value (for a block list or mapping, to its
    key); `keys` to the key itself; `raw` holds the typed text of plain scalars
    that YAML read as something else than text, for fields that want text.
    """

    data: object
    root: Position
    positions: dict[str, Position] = field(default_factory=dict)
    keys: dict[str, Position] = field(default_factory=dict)
    raw: dict[str, str] = field(default_factory=dict)
    problems: list[tuple[str, Position, str]] = field(default_factory=list)


def to_python(root: Node, shown: str) -> Tree:
    """Convert the document; InputError when aliases expand too much or loop."""
    tree = Tree(data=None, root=_pos(root))
    tree.data = _Converter(tree, shown).value(root, "", None)
    return tree


def _pos(node: Node) -> Position:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _Converter:
    def __init__(self, tree: Tree, shown: str):
        self.tree, self.shown = tree, shown
        self.count = 0
        self.active: list[int] = []  # ids of the collections being converted
        self.constructor = SafeConstructor()

    def value(self, node: Node, path: str, key_pos: Position | None) -> object:
        self._guard(node)
        self.tree.positions[path] = self._field_pos(node, key_pos)
        if isinstance(node, ScalarNode):
            return self.scalar(node, path)
        self.active.append(id(node))
        try:
            if node.tag not in (TAG + "map", TAG + "seq"):
                self._problem(path, _pos(node), _unsupported(node.tag))
            if isinstance(node, SequenceNode):
                return [self.value(item, child(path, i), None) for i, item in enumerate(node.value)]
            return self.mapping(node, path)
        finally:
            self.active.pop()

    def _guard(self, node: Node) -> None:
        """Stop at alias bombs, alias cycles and nesting built from aliases."""
        self.count += 1
        line, col = _pos(node)
        if self.count > MAX_NODES:
            self._fatal(line, col, say("yaml_aliases_expand", limit=MAX_NODES))
        if id(node) in self.active:
            self._fatal(line, col, say("yaml_alias_loop"))
        if len(self.active) >= MAX_DEPTH:
            self._fatal(line, col, say("yaml_alias_too_deep", limit=MAX_DEPTH))

    def _fatal(self, line: int, col: int, message: str) -> None:
        raise InputError([f"{self.shown}:{line}:{col}: {message}"])

    def _field_pos(self, node: Node, key_pos: Position | None) -> Position:
        """A block collection or an empty value is best shown at its key."""
        inline = node.flow_style if not isinstance(node, ScalarNode) else node.value != "" or node.style
        return _pos(node) if inline or key_pos is None else key_pos

    def scalar(self, node: ScalarNode, path: str) -> object:
        if node.tag not in SCALAR_TAGS:
            self._problem(path, _pos(node), _unsupported(node.tag))
            return clean_text(node.value)
        value = self._construct(node)
        if isinstance(value, str):
            return clean_text(value)
        if not node.style:  # plain: None from PyYAML, "" from libyaml
            self.tree.raw[path] = clean_text(node.value)
        return value

    def _construct(self, node: ScalarNode) -> object:
        if not node.style and node.tag == TAG + "str" and _EXPONENT_FLOAT.match(node.value):
            return float(node.value)
        try:
            return self.constructor.construct_object(node)
        except (ConstructorError, ValueError, OverflowError, KeyError):
            return node.value  # e.g. a date 2026-02-30: validation says what is wrong

    def mapping(self, node: MappingNode, path: str) -> dict:
        result: dict[str, object] = {}
        explicit = []
        here = self.tree.positions[path]
        for key_node, value_node in node.value:
            if key_node.tag == TAG + "merge":
                self.merge(value_node, path, result, _pos(key_node))
            else:
                explicit.append((key_node, value_node))
        self.tree.positions[path] = here  # a merge source must not move the mapping
        first_at: dict[str, int] = {}
        for key_node, value_node in explicit:
            self.entry(key_node, value_node, path, result, first_at)
        return result

    def entry(self, key_node: Node, value_node: Node, path: str, result: dict, first_at: dict) -> None:
        key_pos = _pos(key_node)
        if not isinstance(key_node, ScalarNode):
            self._problem(path, key_pos, say("yaml_key_not_text"))
            return
        key = clean_text(key_node.value)
        field_path = child(path, key)
        if key in first_at:
            self._problem(field_path, key_pos, say("yaml_duplicate_key", key=key, line=first_at[key]))
            return
        first_at[key] = key_pos[0]
        self.tree.keys[field_path] = key_pos
        result[key] = self.value(value_node, field_path, key_pos)

    def merge(self, node: Node, path: str, result: dict, at: Position) -> None:
        """`<<: *base` copies the keys of `base` that the mapping does not set itself."""
        sources = node.value if isinstance(node, SequenceNode) else [node]
        for source in sources:
            merged = self.value(source, path, None)
            if not isinstance(merged, dict):
                self._problem(path, at, say("yaml_merge_not_mapping"))
                continue
            for key, value in merged.items():
                result.setdefault(key, value)

    def _problem(self, path: str, pos: Position, message: str) -> None:
        self.tree.problems.append((path, pos, message))


def _unsupported(tag: str) -> str:
    shown = tag.replace(TAG, "!!")
    return say("yaml_tag_unsupported", tag=shown)
