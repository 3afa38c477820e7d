"""The deck's words: one Jinja file per language (templates/deck/<lang>/slides.j2), a block per text.

Blocks are rendered one at a time with the deal's context plus what a slide adds,
in the sandboxed strict environment, so a missing variable or block is an error
that names the template.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

import jinja2

from pipeline.analysis.results import Analysis
from pipeline.errors import TemplateError
from pipeline.load.method import standard_indicators
from pipeline.load.model import LANGUAGES
from pipeline.templates import jinja_environment
from pipeline.words import wording
from pipeline.words.labels import audience_label, label

MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")
SENTENCE_END = re.compile(r"(?<=[。！？!?])\s*|(?<=[.;；])\s+")


def template_name(language: str) -> str:
    return f"deck/{language}/slides.j2"


@functools.lru_cache(maxsize=4)
def _template(language: str) -> jinja2.Template:
    try:
        return jinja_environment().get_template(template_name(language))
    except jinja2.TemplateError as error:
        raise TemplateError(f"{template_name(language)}: {error}") from error


num = wording.score  # an input score or weight: the wording module's one format


def long_date(language: str, day: dt.date) -> str:
    if language == "zh":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"


def joined(language: str, text: str) -> str:
    """Free text from YAML as one paragraph: Chinese lines join without spaces, English with."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return ("" if language == "zh" else " ").join(lines)


def sentences(language: str, text: str | None) -> list[str]:
    if not text:
        return []
    return [s.strip() for s in SENTENCE_END.split(joined(language, text)) if s and s.strip()]


def leads(analysis: Analysis, dimension: str, name: str) -> bool:
    """The analysis' standing: we lead every competitor on the item by the method's 5 points."""
    return analysis.standings.item(dimension, name).now.position == "advantage"


def named(language: str, shorts: dict[str, str], company) -> str:
    """A company's full name, with the short name the tables and charts use when it differs."""
    short = shorts[company.id]
    if short == company.name:
        return company.name
    return f"{company.name}（简称{short}）" if language == "zh" else f"{company.name} (“{short}”)"


class DeckText:
    """Renders the blocks of one language's deck template for one analysis."""

    def __init__(self, analysis: Analysis):
        deal = analysis.deal
        self.language = deal.language
        self.template = _template(self.language)
        self.base = {
            "analysis": analysis,
            "deal": deal,
            "us": deal.us.name,
            "customer": deal.customer.name,
            "competitors": [c.name for c in deal.competitors],
            "label": functools.partial(label, self.language),
            "audience": functools.partial(audience_label, self.language),
            "concerns": analysis.audience.concerns,
            "level_title": analysis.audience.level_titles.__getitem__,
            "address": analysis.audience.address,
            "organisation": analysis.audience.organisation,
            "standards": [{"name": s.name(self.language), "weight": s.weight} for s in standard_indicators()],
            "num": num,
            "index": wording.index,
            "margin": wording.margin,
            "total": wording.total,
            "change": wording.change,
            "payback_line": wording.payback_line(self.language, analysis.value.payback_computed,
                                                 analysis.value.payback_stated),
            "standings": analysis.standings,
            "company": deal.company_name,
            "named": functools.partial(named, self.language, deal.short_names()),
            "date": long_date(self.language, deal.date),
            "leads": functools.partial(leads, analysis),
        }

    def block(self, name: str, strip: bool = True, **extra) -> str:
        """The text of block `name`, stripped unless asked not to."""
        render = self.template.blocks.get(name)
        if render is None:
            raise TemplateError(f"{template_name(self.language)} has no block '{name}'")
        try:
            text = "".join(render(self.template.new_context({**self.base, **extra})))
            return text.strip() if strip else text
        except jinja2.TemplateError as error:
            raise TemplateError(f"{template_name(self.language)}, block '{name}': {error}") from error

    def word(self, name: str) -> str:
        """A short piece kept exactly, spaces included (a separator, a colon)."""
        return self.block(name, strip=False)

    def lines(self, name: str, **extra) -> list[str]:
        """The block's non-empty lines; leading spaces are kept (they mark a sub-level)."""
        return [line.rstrip() for line in self.block(name, **extra).split("\n") if line.strip()]


def warm_up() -> None:
    """Compile the slide texts of both languages, once per worker, before the first deal."""
    for language in LANGUAGES:
        _template(language)
