"""The tactics playbook: editable rules read from a JSON file under templates/.

A rule's condition is a small fixed vocabulary of keys (never evaluated code), so a
trainer can add or reword rules without touching Python. A typo in a key or value
is an error that names the file and the rule.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from pipeline.analysis.settings import PLAYBOOK
from pipeline.errors import TemplateError
from pipeline.templates import find_template
from pipeline.words.messages import say

# How a dimension stands against the competitors taken together.
Standing = Literal["advantage_all", "advantage_any", "disadvantage_any", "disadvantage_all", "no_disadvantage",
                   "parity_any"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class When(Strict):
    """Every given key must hold for the rule to fire."""

    kbf: Optional[Standing] = None  # key buying factor match
    business: Optional[Standing] = None
    relationship: Optional[Standing] = None
    chain_intact: Optional[bool] = None  # every level of the chain held
    top_held: Optional[bool] = None  # the number one (一把手) level held
    below_top_held: Optional[bool] = None  # every level below the number one held
    surrounding_flagged: Optional[bool] = None  # some influential surrounding relation is weak
    # a competitor beats us on a price-kind key buying factor (the concession claim's): "any", or
    # one whose name contains one of these words
    kbf_item_trailing: Optional[Union[Literal["any"], list[str]]] = None
    exclusive: Optional[bool] = None  # an advantage on every dimension against every competitor
    trailing_projection: Optional[bool] = None  # a competitor's 3-year index passes ours of today


class Words(Strict):
    """A text in both languages; may use the facts as {{ name }}."""

    zh: str = Field(min_length=1)
    en: str = Field(min_length=1)


class Rule(Strict):
    id: str = Field(pattern=r"^[a-z0-9-]+$")
    when: When
    title: Words
    recommendation: Words
    reason: Words


class Playbook(Strict):
    about: list[str] = []  # notes for whoever edits the file: the conditions and facts it may use
    rules: list[Rule] = Field(min_length=1)


def load_playbook(path: Optional[Path] = None) -> Playbook:
    """The rules in `path`, else the playbook found in the shipped templates; read once per file version."""
    path = Path(path or find_template(PLAYBOOK))
    stat = path.stat() if path.is_file() else None
    key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size) if stat else None
    if key not in _LOADED:
        _LOADED.clear()
        _LOADED[key] = _read_playbook(path)
    return _LOADED[key]


_LOADED: dict = {}


MAX_PLAYBOOK_BYTES = 1024 * 1024  # the shipped one is a few KB


def _read_playbook(path: Path) -> Playbook:
    try:
        playbook = Playbook.model_validate(json.loads(_read_capped(path)))
    except (OSError, ValueError) as error:
        raise TemplateError(f"{path}: {problem(error)}") from error
    except RecursionError:
        raise TemplateError(say("playbook_too_deep", path=path)) from None
    duplicated = sorted({r.id for r in playbook.rules if [x.id for x in playbook.rules].count(r.id) > 1})
    if duplicated:
        raise TemplateError(say("playbook_ids_repeated", path=path, ids=say("list_comma").join(duplicated)))
    return playbook


def _read_capped(path: Path) -> str:
    """The file's text; never more than the cap is read, so /dev/zero or a huge file is refused at once."""
    if not path.exists():
        raise TemplateError(say("playbook_missing", path=path))
    if not path.is_file():
        raise TemplateError(say("playbook_not_regular", path=path))
    with open(path, "rb") as handle:
        data = handle.read(MAX_PLAYBOOK_BYTES + 1)
    if len(data) > MAX_PLAYBOOK_BYTES:
        raise TemplateError(say("playbook_too_large", path=path, limit=MAX_PLAYBOOK_BYTES // 1024))
    return data.decode("utf-8")


def problem(error: Exception) -> str:
    """Every problem, each with its place in the file (rules[2].when.kbf: …)."""
    if isinstance(error, ValidationError):
        return "; ".join(f"{place(e['loc'])}: {e['msg']}" for e in error.errors())
    return str(error)


def place(loc: tuple) -> str:
    return "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in loc).lstrip(".")
