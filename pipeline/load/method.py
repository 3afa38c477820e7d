"""The method's library (templates/method.json): its standard items, in zh and en, with weights.

The source gives weights only for its five relationship indicators (客户经理的影响力 5,
组织内部协调能力 4, 高层对项目的重视程度 3, 交易历史及口碑 4, 长期合作潜力 3). A deal item named like a
standard one (in either language, in any wording the library accepts for it, compared by `key`)
is that item, so it may leave its weight to the library; an item may also say which one it is
(`standard: <id>`) or that it is the team's own (`standard: none`). An indicator or weight of the
team's own is a departure that the deck marks and the build reports.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from typing import Iterable, Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from pipeline.errors import TemplateError
from pipeline.templates import find_template
from pipeline.words.messages import say

LIBRARY = "method.json"
RELATIONSHIP = "relationship_capabilities"
NONE = "none"  # `standard: none`: the item is the team's own, whatever its name


class Standard(BaseModel):
    """One item the method names: its id, its names in both languages (and other wordings people
    use for it) and, where the method gives one, its weight."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Optional[str] = Field(default=None, pattern=r"^[a-z0-9_]+$")
    zh: str = Field(min_length=1)
    en: str = Field(min_length=1)
    weight: Optional[float] = Field(default=None, gt=0)
    also: dict[str, list[str]] = {}  # other accepted wordings, by language: {"zh": [...], "en": [...]}

    def name(self, language: str) -> str:
        return self.zh if language == "zh" else self.en

    def keys(self) -> set[str]:
        """Every accepted wording, compared as `key` compares names."""
        return {key(n) for n in (self.zh, self.en, *(w for words in self.also.values() for w in words))}


class Library(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    about: str = ""
    relationship_capabilities: list[Standard] = Field(min_length=1)
    key_buying_factors: list[Standard] = []
    business_capabilities: list[Standard] = []

    @model_validator(mode="after")
    def _distinct(self) -> "Library":
        """Every relationship indicator has its own id (never `none`), and no wording names two."""
        ids = [s.id for s in self.relationship_capabilities]
        if None in ids or NONE in ids or len(set(ids)) != len(ids):
            raise ValueError(say("method_ids", none=NONE, ids=ids))
        for dimension in ("relationship_capabilities", "key_buying_factors", "business_capabilities"):
            seen: dict[str, str] = {}
            for s in getattr(self, dimension):
                for k in s.keys():
                    if seen.setdefault(k, s.zh) != s.zh:
                        raise ValueError(say("method_wording_twice", item=s.zh, other=seen[k], key=k))
        return self


@functools.lru_cache(maxsize=1)
def library() -> Library:
    """The shipped library, read once per process; a broken file is an error naming it."""
    path = find_template(LIBRARY)
    try:
        return Library.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, ValidationError) as error:
        raise TemplateError(say("method_invalid", path=path, error=error)) from error


ARTICLES = re.compile(r"\b(?:the|a|an)\b")
POSSESSIVE = re.compile(r"(?<=\w)'s\b|(?<=s)'(?!\w)")
APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})


@functools.lru_cache(maxsize=4096)
def key(name: str) -> str:
    """How names are compared: full- and half-width forms, case, punctuation, spaces, 的, the English
    articles and possessives do not count ("Influence of the Account-Manager" = "influence of account
    manager"; 客户经理的影响力 = 客户经理影响力 = 客户经理 影响力（）); & is "and"."""
    text = unicodedata.normalize("NFKC", name).translate(APOSTROPHES).casefold().replace("&", " and ")
    text = ARTICLES.sub(" ", POSSESSIVE.sub("", text)).replace("的", "")
    return "".join(ch for ch in text if unicodedata.category(ch)[0] in "LN")


def standard(dimension: str, name: str) -> Optional[Standard]:
    """The library's item of `dimension` named `name` in any wording it accepts, if any."""
    return wordings(library(), dimension).get(key(name))


_WORDINGS: dict[str, tuple[Library, dict[str, Standard]]] = {}


def wordings(found: Library, dimension: str) -> dict[str, Standard]:
    """Every accepted wording's key of one dimension, to its item (the library allows no key twice),
    worked out once for the library in use."""
    held = _WORDINGS.get(dimension)
    if held is None or held[0] is not found:
        held = _WORDINGS[dimension] = (found, {k: s for s in getattr(found, dimension) for k in s.keys()})
    return held[1]


def standard_weight(dimension: str, name: str) -> Optional[float]:
    """The weight the method gives an item of this name, if it gives one."""
    found = standard(dimension, name)
    return found.weight if found else None


def standard_ids() -> list[str]:
    """What a relationship item's `standard:` may say: an indicator's id, or `none`."""
    return [s.id for s in library().relationship_capabilities] + [NONE]


def by_id(standard_id: str) -> Optional[Standard]:
    return next((s for s in library().relationship_capabilities if s.id == standard_id), None)


def indicator(name: str, standard_id: Optional[str] = None) -> Optional[Standard]:
    """The method's relationship indicator one item is: the one its `standard:` names, none for
    `standard: none`, else the one its name reads as."""
    if standard_id is not None:
        return by_id(standard_id.strip())
    return standard(RELATIONSHIP, name)


def indicators(items: Iterable[tuple[str, Optional[str]]]) -> list[Optional[Standard]]:
    """The standard indicator each of a deal's relationship items is, given (name, standard) pairs,
    counting each indicator once: an item that says `standard:` claims its indicator first; of the
    items whose names read as one indicator the first is it and a later one is the team's own."""
    pairs = list(items)
    found: list[Optional[Standard]] = [indicator(n, sid) if sid is not None else None for n, sid in pairs]
    taken = {s.id for s in found if s is not None}
    for n, (name, sid) in enumerate(pairs):
        if sid is None:
            match = standard(RELATIONSHIP, name)
            if match is not None and match.id not in taken:
                found[n] = match
                taken.add(match.id)
    return found


def standard_indicators() -> list[Standard]:
    """The method's weighted relationship indicators, in the library's order."""
    return [s for s in library().relationship_capabilities if s.weight is not None]
