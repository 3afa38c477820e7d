"""The method's library (templates/method.json): its standard items, in zh and en, with weights.

The source gives weights only for its five relationship indicators (客户经理的影响力 5,
组织内部协调能力 4, 高层对项目的重视程度 3, 交易历史及口碑 4, 长期合作潜力 3). A deal item named like a
standard one (in either language) is that item, so it may leave its weight to the library; an
indicator or weight of the team's own is a departure that the deck marks and the build reports.
"""

from __future__ import annotations

import functools
import json
from typing import Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from pipeline.errors import TemplateError
from pipeline.templates import find_template
from pipeline.words.messages import say

LIBRARY = "method.json"


class Standard(BaseModel):
    """One item the method names: its names in both languages and, where the method gives one, its weight."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    zh: str = Field(min_length=1)
    en: str = Field(min_length=1)
    weight: Optional[float] = Field(default=None, gt=0)

    def name(self, language: str) -> str:
        return self.zh if language == "zh" else self.en


class Library(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    about: str = ""
    relationship_capabilities: list[Standard] = Field(min_length=1)
    key_buying_factors: list[Standard] = []
    business_capabilities: list[Standard] = []


@functools.lru_cache(maxsize=1)
def library() -> Library:
    """The shipped library, read once per process; a broken file is an error naming it."""
    path = find_template(LIBRARY)
    try:
        return Library.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, ValidationError) as error:
        raise TemplateError(say("method_invalid", path=path, error=error)) from error


def key(name: str) -> str:
    """How names are compared: case, surrounding spaces and inner runs of spaces do not count."""
    return " ".join(name.split()).casefold()


def standard(dimension: str, name: str) -> Optional[Standard]:
    """The library's item of `dimension` named `name` in either language, if any."""
    wanted = key(name)
    return next((s for s in getattr(library(), dimension) if wanted in (key(s.zh), key(s.en))), None)


def standard_weight(dimension: str, name: str) -> Optional[float]:
    """The weight the method gives an item of this name, if it gives one."""
    found = standard(dimension, name)
    return found.weight if found else None


def standard_indicators() -> list[Standard]:
    """The method's weighted relationship indicators, in the library's order."""
    return [s for s in library().relationship_capabilities if s.weight is not None]
