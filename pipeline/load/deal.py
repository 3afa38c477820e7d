"""YAML file -> Deal, or InputError listing every problem as `path:line:col: field: message`.

The steps, each in its own module: read the bytes (yaml_read), compose the YAML
nodes (yaml_compose), convert them keeping positions (yaml_tree), validate the
fields (yaml_validate) and the cross-field rules (rules). Only this stage
imports yaml; the Deal it returns is plain data.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from yaml.nodes import MappingNode, ScalarNode

from pipeline.errors import InputError, Unfinished
from pipeline.load.compose import compose
from pipeline.load.limits import check_limits
from pipeline.load.model import ID_PATTERN, Deal
from pipeline.load.paths import Issue, parent
from pipeline.load.placeholders import covered, still_to_fill_in
from pipeline.load.read import read_text
from pipeline.load.rules import check_rules
from pipeline.load.tree import Tree, to_python
from pipeline.load.validate import text_fields, validate
from pipeline.words.messages import say


@dataclass(frozen=True)
class Source:
    """Where a deal came from: its file and the 1-based (line, column) of each field path.

    `shown` is the path as the caller gave it, used in messages.
    """

    path: Path
    positions: dict[str, tuple[int, int]] = field(default_factory=dict)
    shown: str = ""

    def position_of(self, field_path: str) -> tuple[int, int] | None:
        """The position of a field, or of its nearest ancestor that has one."""
        while field_path not in self.positions:
            if not field_path:
                return None
            field_path = parent(field_path)
        return self.positions[field_path]

    def line_of(self, field_path: str) -> int | None:
        """The line of a field, or of its nearest ancestor that has one."""
        position = self.position_of(field_path)
        return position[0] if position else None

    def where(self, field_path: str) -> str:
        """`path:line:col` of a field, for messages; just `path` when it has no position."""
        shown = self.shown or str(self.path)
        position = self.position_of(field_path)
        return f"{shown}:{position[0]}:{position[1]}" if position else shown


def load_deal(path: Path | str) -> tuple[Deal, Source]:
    """Read and validate one deal file; raise InputError listing every problem."""
    shown = os.fspath(path)
    try:
        return _load(Path(path), shown)
    except RecursionError:
        raise InputError([f"{shown}: {say('yaml_too_deep_plain')}"]) from None


def _load(path: Path, shown: str) -> tuple[Deal, Source]:
    root = compose(read_text(path, shown), shown)
    _check_root(root, shown)
    tree = to_python(root, shown)
    data = text_fields(tree.data, tree.raw)
    source = Source(path, tree.positions, shown)
    deal, issues = validate(data)
    issues = _fold_misspelt_keys(issues + check_rules(data, source.line_of) + _default_id_issues(data, path))
    faulty = {i.path for i in issues}
    issues += [i for i in check_limits(data, tree.raw) if i.path not in faulty]
    left = still_to_fill_in(data, {i.path for i in issues})
    issues = [i for i in issues if not covered(i.path, set(left))]  # a placeholder is one line below, not an error
    problems = [(pos, path_, message) for path_, pos, message in tree.problems]
    said = {path_ for _, path_, _ in problems}  # e.g. an unsupported tag: no second word on it
    problems += [(_position(i, tree, source), i.path, i.message) for i in issues if i.path not in said]
    lines = [_format(shown, *problem) for problem in _in_order(problems)]
    if left:
        lines.append(_still_to_fill_in(shown, left, source))
    if problems:
        raise InputError(lines)
    if left:
        raise Unfinished(lines, left)
    if deal.id is None:
        deal = deal.model_copy(update={"id": path.stem})
    return deal, source


def _still_to_fill_in(shown: str, left: list[str], source: Source) -> str:
    """One line for every placeholder left, each with its line, so the file is worked through in one pass."""
    fields = ", ".join(say("field_at_line", field=p, line=source.line_of(p)) for p in left)
    return f"{shown}:{source.line_of(left[0])}: {say('still_to_fill_in', count=len(left), fields=fields)}"


def _check_root(root, shown: str) -> None:
    if root is None or (isinstance(root, ScalarNode) and root.tag.endswith(":null")):
        raise InputError([f"{shown}: {say('empty_file')}"])
    if not isinstance(root, MappingNode):
        what = say("a_list") if not isinstance(root, ScalarNode) else say("the_text", text=repr(root.value[:40]))
        line, col = root.start_mark.line + 1, root.start_mark.column + 1
        raise InputError([f"{shown}:{line}:{col}: {say('not_a_mapping', what=what)}"])


def _default_id_issues(data: dict, path: Path) -> list[Issue]:
    """Without `id:`, the file's stem is the id, so it must be a valid one."""
    if data.get("id") is not None or (re.fullmatch(ID_PATTERN, path.stem) and len(path.stem) <= 64):
        return []
    return [Issue("id", say("id_from_bad_stem", stem=path.stem), "parent")]


_SUGGESTION = re.compile(r"(?:did you mean|是不是) '([^']+)'[?？]$")  # the messages' unknown_key_close


def _fold_misspelt_keys(issues: list[Issue]) -> list[Issue]:
    """A misspelt key is one mistake: its 'did you mean' covers the 'missing' of the key it meant."""
    meant = set()
    for issue in issues:
        match = _SUGGESTION.search(issue.message) if issue.at == "key" else None
        if match:
            meant.add((parent(issue.path), match.group(1)))
    missing = say("missing", hint="").rstrip("; ；")
    return [i for i in issues
            if not (i.message.startswith(missing) and (parent(i.path), i.path.rsplit(".", 1)[-1]) in meant)]


def _position(issue: Issue, tree: Tree, source: Source) -> tuple[int, int]:
    if issue.at == "key" and issue.path in tree.keys:
        return tree.keys[issue.path]
    target = parent(issue.path) if issue.at == "parent" else issue.path
    return source.position_of(target) or tree.root


def _in_order(problems: list) -> list:
    """By line and column; once each."""
    return sorted(dict.fromkeys(problems), key=lambda p: p[0])


def _format(shown: str, position: tuple[int, int], field_path: str, message: str) -> str:
    where = f"{shown}:{position[0]}:{position[1]}"
    return f"{where}: {field_path}: {message}" if field_path else f"{where}: {message}"
