"""The one typed view each brief sees: everything that differs by audience level is decided here.

`brief_context(analysis, level)` reads the analysis and only formats it: every
number shown comes from the analysis (scores, indices, margins, payback), never
recomputed. The tables below say which function gives each part at each level;
the result is plain data that the renderer turns into a Jinja mapping.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from pipeline.analysis.results import Analysis
from pipeline.load.model import AUDIENCES, DIMENSIONS
from pipeline.render.brief import facts, talk
from pipeline.render.brief.format import format_date, reflow
from pipeline.render.brief.people import (
    audience_key,
    contact_row,
    level_contacts,
    level_weak_links,
    mend_line,
    our_side,
)
from pipeline.render.brief.rows import (
    ChartSpec,
    ContactRow,
    Figure,
    IndexRow,
    ItemRow,
    Objection,
    WinRow,
)
from pipeline.render.brief.words import HEADINGS, word
from pipeline.words import wording
from pipeline.words.labels import audience_label, label

# The brief's sections (by their heading's key in `h`) whose every word may be said to the
# customer: no score, index, margin or relationship strength of ours in them. The others,
# the competition section above all, are for our team only.
SAID_TO_CUSTOMER = ("value", "talking", "questions", "objections")
FIGURES = {"senior": facts.senior_figures, "middle": facts.middle_figures, "frontline": facts.frontline_figures}
COMPETITION = {"senior": facts.senior_competition, "middle": facts.middle_competition,
               "frontline": facts.frontline_competition}
TALKING = {"senior": talk.senior_talking, "middle": talk.middle_talking, "frontline": talk.frontline_talking}
QUESTIONS = {"senior": talk.senior_questions, "middle": talk.middle_questions, "frontline": talk.frontline_questions}
OBJECTIONS = {"senior": talk.senior_objections, "middle": talk.middle_objections,
              "frontline": talk.frontline_objections}
GOALS = {"senior": talk.senior_goals, "middle": talk.middle_goals, "frontline": talk.frontline_goals}


@dataclass(frozen=True)
class BriefContext:
    """What one level's brief shows; field names are the template's variables."""

    language: str
    level: str
    level_name: str
    doc_title: str
    subtitle: str
    deal_title: str
    customer: str
    date: str
    confidential: str
    h: dict[str, str]
    concerns: list[str]
    value_message: str
    figures: list[Figure]
    our_side: str
    contacts: list[ContactRow]
    mend: list[str]
    competition_intro: str
    sentences: list[str]
    index_rows: list[IndexRow]
    item_rows: list[ItemRow]
    win_rows: list[WinRow]
    charts: list[ChartSpec]
    talking_points: list[str]
    questions: list[str]
    objections: list[Objection]
    goals: list[str]

    def mapping(self) -> dict[str, object]:
        """The template variables, top level only (nested values stay typed)."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


def brief_contexts(analysis: Analysis) -> dict[str, BriefContext]:
    """The three views, in the order senior, middle, front-line."""
    return {level: brief_context(analysis, level) for level in AUDIENCES}


def brief_context(analysis: Analysis, level: str) -> BriefContext:
    """The view of `analysis` for one audience level."""
    return reflow(build_context(analysis, level), analysis.deal.language)


def build_context(analysis: Analysis, level: str) -> BriefContext:
    deal, lang = analysis.deal, analysis.deal.language
    name, in_text = audience_label(lang, level), wording.in_sentence(lang, audience_key(level))
    competition = COMPETITION[level](analysis)
    return BriefContext(
        language=lang, level=level, level_name=name,
        doc_title=word(lang, "doc_title", level=name),
        subtitle=word(lang, "subtitle", customer=deal.customer.name, level=in_text, date=format_date(lang, deal.date)),
        deal_title=deal.title, customer=deal.customer.name, date=format_date(lang, deal.date),
        confidential=word(lang, "confidential"),
        h=headings(lang, in_text),
        concerns=list(analysis.value.levels[level].concerns or analysis.audience.concerns[level]),
        value_message=analysis.value.levels[level].message,
        figures=FIGURES[level](analysis),
        our_side=our_side(analysis, level),
        contacts=[contact_row(lang, c, analysis.audience.level_titles) for c in level_contacts(analysis, level)],
        mend=[mend_line(lang, w, analysis.audience.level_titles) for w in level_weak_links(analysis, level)],
        **competition,
        talking_points=TALKING[level](analysis),
        questions=QUESTIONS[level](analysis),
        objections=OBJECTIONS[level](analysis),
        goals=GOALS[level](analysis),
    )


def headings(lang: str, level_name: str) -> dict[str, str]:
    """Section headings and column names, with the three dimensions as kbf / bc / rc."""
    words = {key: text.format(level=level_name) for key, text in HEADINGS[lang].items()}
    return {**words, **{key: label(lang, dim) for key, dim in zip(("kbf", "bc", "rc"), DIMENSIONS)}}
