"""The one typed view each brief sees: everything that differs by audience level is decided here.

`brief_context(analysis, level)` reads the analysis and only formats it: every
number shown comes from the analysis (scores, indices, margins, payback), never
recomputed. The result is plain data; the renderer turns it into a Jinja mapping.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, fields, is_dataclass, replace
from typing import Optional

from pipeline import wording
from pipeline.labels import CONCERNS, audience_label, label
from pipeline.model import AUDIENCE_OF_LEVEL, AUDIENCES, DIMENSIONS, Deal, Money
from pipeline.render.brief_words import HEADINGS, word
from pipeline.results import Analysis, ContactLink, WeakLink

SERVICE_DIMENSIONS = ("key_buying_factors", "business_capabilities")


@dataclass(frozen=True)
class Figure:
    label: str
    value: str


@dataclass(frozen=True)
class ContactRow:
    name: str
    title: str
    role: str
    strength: str
    status: str
    holder: str


@dataclass(frozen=True)
class IndexRow:
    company: str
    kbf: str
    bc: str
    rc: str


@dataclass(frozen=True)
class ItemRow:
    dimension: str
    item: str
    weight: str
    us: str
    others: str


@dataclass(frozen=True)
class WinRow:
    competitor: str
    facts: str


@dataclass(frozen=True)
class Objection:
    objection: str
    answer: str


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float, ...]


@dataclass(frozen=True)
class ChartSpec:
    """A chart as data: 'radar' (a value per category) or 'map' (one (x, y) point per series)."""

    kind: str
    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    x_title: str = ""
    y_title: str = ""
    caption: str = ""
    companies: int = 0  # the first series are the companies; any after them are projections


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
    competition = _COMPETITION[level](analysis)
    return BriefContext(
        language=lang, level=level, level_name=name,
        doc_title=word(lang, "doc_title", level=name),
        subtitle=word(lang, "subtitle", customer=deal.customer.name, level=in_text, date=format_date(lang, deal.date)),
        deal_title=deal.title, customer=deal.customer.name, date=format_date(lang, deal.date),
        confidential=word(lang, "confidential"),
        h=headings(lang, in_text),
        concerns=list(analysis.value.levels[level].concerns or CONCERNS[lang][level]),
        value_message=analysis.value.levels[level].message,
        figures=_FIGURES[level](analysis),
        our_side=our_side(analysis, level),
        contacts=[contact_row(lang, c) for c in level_contacts(analysis, level)],
        mend=[mend_line(lang, w) for w in level_weak_links(analysis, level)],
        **competition,
        talking_points=_TALKING[level](analysis),
        questions=_QUESTIONS[level](analysis),
        objections=_OBJECTIONS[level](analysis),
        goals=_GOALS[level](analysis),
    )


def audience_key(level: str) -> str:
    """The labels' key of an audience level ('frontline' is also a chain level there)."""
    return "frontline_audience" if level == "frontline" else level


def headings(lang: str, level_name: str) -> dict[str, str]:
    """Section headings and column names, with the three dimensions as kbf / bc / rc."""
    words = {key: text.format(level=level_name) for key, text in HEADINGS[lang].items()}
    return {**words, **{key: label(lang, dim) for key, dim in zip(("kbf", "bc", "rc"), DIMENSIONS)}}


# --- formatting -------------------------------------------------------------


LINE_BREAK = re.compile(r"[ \t]*\n\s*")


def reflow(value, lang: str):
    """Join lines that a YAML block wrapped (zh without a space, en with one): a brief
    paragraph wraps by itself, and a stray line break would show in the middle of it."""
    if isinstance(value, str):
        return LINE_BREAK.sub("" if lang == "zh" else " ", value.strip())
    if isinstance(value, (list, tuple)):
        return type(value)(reflow(v, lang) for v in value)
    if isinstance(value, dict):
        return {k: reflow(v, lang) for k, v in value.items()}
    if is_dataclass(value):
        return replace(value, **{f.name: reflow(getattr(value, f.name), lang) for f in fields(value)})
    return value


def number(value: float) -> str:
    """A score or index as people write it: 90, 82.5."""
    rounded = round(value, 1)
    return str(int(rounded)) if rounded == int(rounded) else f"{rounded:.1f}"


def signed(value: float) -> str:
    return ("+" if round(value, 1) > 0 else "") + number(value)


def money(amount: Money, lang: str) -> str:
    """The deal's money as the value proposition words it (100万美元, 1 million US dollars)."""
    return wording.money(lang, amount.amount, amount.currency)


def months(lang: str, value: float) -> str:
    return word(lang, "months", n=number(value))


def format_date(lang: str, date: dt.date) -> str:
    return wording.start_date(lang, date)


def format_start(lang: str, start: dt.date | str) -> str:
    """The SMART start: a full date, or a year-month such as 2026-12."""
    return wording.start_date(lang, start)


def capitalized(text: str) -> str:
    """A sentence's first letter in upper case (Chinese is unchanged)."""
    return text[:1].upper() + text[1:]


def joined(lang: str, items: list[str]) -> str:
    return word(lang, "list_sep").join(items)


# --- who sits on each side --------------------------------------------------


def chain_levels(level: str) -> list[str]:
    """The chain levels (top, deputy, ...) that make up one audience level."""
    return [chain for chain, audience in AUDIENCE_OF_LEVEL.items() if audience == level]


def level_contacts(analysis: Analysis, level: str) -> list[ContactLink]:
    return [c for chain in chain_levels(level) for c in analysis.chain.levels[chain].contacts]


def level_weak_links(analysis: Analysis, level: str) -> list[WeakLink]:
    """Weak, broken or missing links at this level; the senior brief also gets surrounding ones."""
    mine = set(chain_levels(level))
    return [w for w in analysis.chain.weak_links
            if w.level in mine or (w.level is None and level == "senior")]


def contact_row(lang: str, contact: ContactLink) -> ContactRow:
    none = word(lang, "none")
    return ContactRow(
        name=contact.name, title=contact.title or none, role=label(lang, contact.level),
        strength=f"{contact.strength}/5", status=label(lang, contact.status),
        holder=contact.our_contact or none,
    )


def mend_line(lang: str, link: WeakLink) -> str:
    who = link.who or label(lang, link.level or "missing")
    problem = label(lang, "weak" if link.problem == "surrounding" else link.problem)
    return word(lang, "mend_line", who=who, problem=problem, action=link.action)


def our_person(analysis: Analysis, level: str) -> Optional[str]:
    return analysis.value.levels[level].our_person


def our_side(analysis: Analysis, level: str) -> str:
    lang, person = analysis.deal.language, our_person(analysis, level)
    if person:
        return word(lang, "our_side", person=person)
    return word(lang, "our_side_none", level=wording.in_sentence(lang, audience_key(level)))


# --- the numbers each level needs ---------------------------------------------


def outcome_figures(deal: Deal) -> list[Figure]:
    """Each measurable outcome of the SMART statement, as a signed percentage."""
    return [Figure(capitalized(o.metric), f"{signed(o.change_pct)}%") for o in deal.value_proposition.specific.outcomes]


def senior_figures(analysis: Analysis) -> list[Figure]:
    deal, overview, lang = analysis.deal, analysis.overview, analysis.deal.language
    mending = len(analysis.chain.weak_links)
    chain = word(lang, "chain_intact") if analysis.chain.intact and not mending else word(lang, "chain_broken", n=mending)
    return [
        *outcome_figures(deal),
        Figure(word(lang, "fig_start"), format_start(lang, deal.value_proposition.specific.start)),
        Figure(word(lang, "fig_strongest"),
               f"{label(lang, overview.strongest)} {signed(overview.margins[overview.strongest])}"),
        Figure(word(lang, "fig_weakest"),
               f"{label(lang, overview.weakest)} {signed(overview.margins[overview.weakest])}"),
        Figure(word(lang, "fig_chain"), chain),
    ]


def middle_figures(analysis: Analysis) -> list[Figure]:
    deal, value, lang = analysis.deal, analysis.value, analysis.deal.language
    specific = deal.value_proposition.specific
    rows = [Figure(word(lang, "fig_investment"), money(specific.investment, lang))]
    if specific.monthly_benefit:
        rows.append(Figure(word(lang, "fig_benefit"), money(specific.monthly_benefit, lang)))
    rows += payback_figures(analysis)
    rows += [
        Figure(word(lang, "fig_start"), format_start(lang, specific.start)),
        Figure(word(lang, "fig_offering"), specific.offering),
        Figure(word(lang, "fig_team"), team_line(deal)),
    ]
    return rows


def payback_figures(analysis: Analysis) -> list[Figure]:
    """The payback the analysis settled on, and the team's own figure when it differs."""
    value, lang = analysis.value, analysis.deal.language
    rows = []
    if value.payback_months is not None:
        rows.append(Figure(word(lang, "fig_payback"), months(lang, value.payback_months)))
    stated = value.payback_stated
    if stated is not None and value.payback_months is not None and round(stated, 1) != round(value.payback_months, 1):
        rows.append(Figure(word(lang, "fig_payback_stated"), months(lang, stated)))
    return rows


def team_line(deal: Deal) -> str:
    lang, team = deal.language, deal.chain.our_team
    missing = word(lang, "unassigned")
    return word(lang, "team_line", senior=team.senior or missing, middle=team.middle or missing,
                frontline=team.frontline or missing)


def frontline_figures(analysis: Analysis) -> list[Figure]:
    deal, lang = analysis.deal, analysis.deal.language
    specific = deal.value_proposition.specific
    rows = outcome_figures(deal)
    rows.append(Figure(word(lang, "fig_effort"),
                       word(lang, "effort_line", start=format_start(lang, specific.start), offering=specific.offering)))
    if specific.tracking:
        rows.append(Figure(word(lang, "fig_tracking"), specific.tracking))
    rows.append(Figure(word(lang, "fig_contact"), our_person(analysis, "frontline") or word(lang, "unassigned")))
    return rows


_FIGURES = {"senior": senior_figures, "middle": middle_figures, "frontline": frontline_figures}


# --- the competitive picture at each level's depth ----------------------------


def _competition(intro: str, sentences=(), index_rows=(), item_rows=(), win_rows=(),
                 charts=()) -> dict[str, object]:
    return {
        "competition_intro": intro, "sentences": list(sentences), "index_rows": list(index_rows),
        "item_rows": list(item_rows), "win_rows": list(win_rows), "charts": list(charts),
    }


def senior_competition(analysis: Analysis) -> dict[str, object]:
    lang = analysis.deal.language
    sentences = [analysis.positioning[c.id].sentence for c in analysis.deal.competitors]
    return _competition(analysis.overview.statement, sentences=sentences,
                        charts=[positioning_map(analysis), relationship_radar(analysis)])


def middle_competition(analysis: Analysis) -> dict[str, object]:
    lang = analysis.deal.language
    return _competition(word(lang, "intro_middle"), index_rows=index_rows(analysis),
                        item_rows=item_rows(analysis.deal), charts=[relationship_radar(analysis)])


def frontline_competition(analysis: Analysis) -> dict[str, object]:
    return _competition(word(analysis.deal.language, "intro_frontline"), win_rows=win_rows(analysis.deal))


_COMPETITION = {"senior": senior_competition, "middle": middle_competition, "frontline": frontline_competition}


def index_rows(analysis: Analysis) -> list[IndexRow]:
    scores = analysis.scores
    return [IndexRow(company=c.name, **{key: number(scores[dim][c.id].index) for key, dim in
                                        zip(("kbf", "bc", "rc"), DIMENSIONS)})
            for c in analysis.deal.companies]


def item_rows(deal: Deal) -> list[ItemRow]:
    lang, us = deal.language, deal.us.id
    return [ItemRow(dimension=label(lang, dim), item=item.name, weight=number(item.weight),
                    us=number(item.scores[us]),
                    others=joined(lang, [f"{c.name} {number(item.scores[c.id])}" for c in deal.competitors]))
            for dim in SERVICE_DIMENSIONS for item in deal.dimension(dim)]


def service_wins(deal: Deal, competitor_id: str) -> list[str]:
    """The key-buying-factor and capability items where we score above this competitor."""
    lang, us = deal.language, deal.us.id
    return [word(lang, "score_pair", item=item.name, us=number(item.scores[us]), them=number(item.scores[competitor_id]))
            for dim in SERVICE_DIMENSIONS for item in deal.dimension(dim)
            if item.scores[us] > item.scores[competitor_id]]


def win_rows(deal: Deal) -> list[WinRow]:
    sep = word(deal.language, "fact_sep")
    return [WinRow(c.name, sep.join(service_wins(deal, c.id)) or word(deal.language, "none"))
            for c in deal.competitors]


def positioning_map(analysis: Analysis) -> ChartSpec:
    lang, scores = analysis.deal.language, analysis.scores
    series = tuple(Series(c.name, (scores["business_capabilities"][c.id].index, scores["key_buying_factors"][c.id].index))
                   for c in analysis.deal.companies)
    return ChartSpec("map", word(lang, "map_title"), (), series, x_title=word(lang, "axis_x"),
                     y_title=word(lang, "axis_y"), caption=word(lang, "caption_map"), companies=len(series))


def relationship_radar(analysis: Analysis) -> ChartSpec:
    deal, lang = analysis.deal, analysis.deal.language
    items = deal.relationship_capabilities
    series = [Series(c.name, tuple(i.scores[c.id] for i in items)) for c in deal.companies]
    targets = tuple((i.in_3_years or {}).get(deal.us.id, i.scores[deal.us.id]) for i in items)
    if any(i.in_3_years and deal.us.id in i.in_3_years for i in items):
        series.append(Series(f"{deal.us.name} ({label(lang, 'our_target')})", targets))
    return ChartSpec("radar", word(lang, "radar_title"), tuple(i.name for i in items), tuple(series),
                     caption=word(lang, "caption_radar"), companies=len(deal.companies))


# --- talking points, questions, objections, goals -------------------------------


def tactic_lines(analysis: Analysis) -> list[str]:
    return [t.recommendation for t in analysis.tactics[:2]]


def senior_talking(analysis: Analysis) -> list[str]:
    lang, overview = analysis.deal.language, analysis.overview
    lines = [analysis.value.overall]
    if overview.margins[overview.strongest] > 0:
        lines.append(word(lang, "tp_lead", dimension=label(lang, overview.strongest),
                          margin=number(overview.margins[overview.strongest])))
    lines += tactic_lines(analysis)
    lines += [word(lang, "tp_gap", item=g.item, now=number(g.now), target=number(g.target))
              for g in analysis.three_years.our_gaps[:2]]
    return lines


def middle_talking(analysis: Analysis) -> list[str]:
    deal, value, lang = analysis.deal, analysis.value, analysis.deal.language
    lines = [value.specific]  # it states the investment and the payback already
    lines += tactic_lines(analysis)
    lines.append(word(lang, "tp_team", team=team_line(deal)))
    return lines


def frontline_talking(analysis: Analysis) -> list[str]:
    deal, lang = analysis.deal, analysis.deal.language
    specific = deal.value_proposition.specific
    lines = [word(lang, "tp_outcome", metric=capitalized(o.metric), direction=word(lang, "up" if o.change_pct > 0 else "down"),
                  pct=number(abs(o.change_pct))) for o in specific.outcomes]
    if specific.tracking:
        lines.append(word(lang, "tp_tracking", tracking=specific.tracking))
    lines += [word(lang, "tp_best", item=i.name, us=number(i.scores[deal.us.id]))
              for i in items_we_lead_all(deal)[:2]]
    return lines


_TALKING = {"senior": senior_talking, "middle": middle_talking, "frontline": frontline_talking}


def items_we_lead_all(deal: Deal):
    us = deal.us.id
    return [i for dim in SERVICE_DIMENSIONS for i in deal.dimension(dim)
            if all(i.scores[us] > i.scores[c.id] for c in deal.competitors)]


def senior_questions(analysis: Analysis) -> list[str]:
    deal, lang = analysis.deal, analysis.deal.language
    vp = deal.value_proposition
    return [word(lang, "q_senior_1", improves=vp.overall.improves),
            word(lang, "q_senior_2", offering=vp.specific.offering),
            word(lang, "q_senior_3")]


def middle_questions(analysis: Analysis) -> list[str]:
    lang, payback = analysis.deal.language, analysis.value.payback_months
    second = (word(lang, "q_middle_2", payback=months(lang, payback)) if payback is not None
              else word(lang, "q_middle_2_none"))
    return [word(lang, "q_middle_1"), second, word(lang, "q_middle_3")]


def frontline_questions(analysis: Analysis) -> list[str]:
    deal, lang = analysis.deal, analysis.deal.language
    specific = deal.value_proposition.specific
    second = (word(lang, "q_front_2", tracking=specific.tracking) if specific.tracking
              else word(lang, "q_front_2_none"))
    return [word(lang, "q_front_1"), second, word(lang, "q_front_3", start=format_start(lang, specific.start))]


_QUESTIONS = {"senior": senior_questions, "middle": middle_questions, "frontline": frontline_questions}


def lead_phrase(deal: Deal, competitor_id: str, dimensions=DIMENSIONS, limit: int = 2) -> str:
    """'We lead A on x, y': our largest item leads over this competitor, else a fallback."""
    lang, us = deal.language, deal.us.id
    leads = sorted(((i.scores[us] - i.scores[competitor_id], n, i.name)
                    for n, dim in enumerate(dimensions) for i in deal.dimension(dim)
                    if i.scores[us] > i.scores[competitor_id]), key=lambda t: (-t[0], t[1]))
    if not leads:
        return word(lang, "ans_no_lead")
    return word(lang, "ans_lead", competitor=deal.company_name(competitor_id),
                items=joined(lang, [name for _, _, name in leads[:limit]]))


def senior_objections(analysis: Analysis) -> list[Objection]:
    """Dimensions where a competitor leads us, then key buying factors where one scores higher."""
    deal, lang = analysis.deal, analysis.deal.language
    answer = lambda competitor_id: word(lang, "ans_senior", lead=lead_phrase(deal, competitor_id),
                                        overall=analysis.value.overall)
    rows = [Objection(dimension_objection(analysis, c, dim), answer(c.id))
            for c in deal.competitors for dim in DIMENSIONS
            if getattr(analysis.positioning[c.id], dim) == "disadvantage"]
    rows += [Objection(item_objection(deal, item, best), answer(best.id))
             for _, item, best in trailing_items(deal, ("key_buying_factors",))]
    return rows


def dimension_objection(analysis: Analysis, competitor, dim: str) -> str:
    scores, lang = analysis.scores[dim], analysis.deal.language
    return word(lang, "obj_dimension", competitor=competitor.name, dimension=label(lang, dim),
                them=number(scores[competitor.id].index), us=number(scores[analysis.deal.us.id].index))


def trailing_items(deal: Deal, dimensions) -> list[tuple[str, object, object]]:
    """(dimension, item, the competitor furthest ahead) for each item where someone beats us."""
    us, rows = deal.us.id, []
    for dim in dimensions:
        for item in deal.dimension(dim):
            best = max(deal.competitors, key=lambda c: item.scores[c.id])
            if item.scores[best.id] > item.scores[us]:
                rows.append((dim, item, best))
    return rows


def item_objection(deal: Deal, item, competitor) -> str:
    return word(deal.language, "obj_item", competitor=competitor.name, item=item.name,
                them=number(item.scores[competitor.id]), us=number(item.scores[deal.us.id]))


def middle_answer(analysis: Analysis, dim: str, item, competitor) -> str:
    deal, lang = analysis.deal, analysis.deal.language
    lead = lead_phrase(deal, competitor.id)
    target = (item.in_3_years or {}).get(deal.us.id)
    if dim == "relationship_capabilities" and target is not None:
        return word(lang, "ans_relation", lead=lead, now=number(item.scores[deal.us.id]), target=number(target),
                    owner=our_person(analysis, "middle") or word(lang, "unassigned"))
    investment = money(deal.value_proposition.specific.investment, lang)
    if analysis.value.payback_months is None:
        return word(lang, "ans_middle_none", lead=lead, investment=investment)
    return word(lang, "ans_middle", lead=lead, investment=investment,
                payback=months(lang, analysis.value.payback_months))


def middle_objections(analysis: Analysis) -> list[Objection]:
    deal = analysis.deal
    return [Objection(item_objection(deal, item, best), middle_answer(analysis, dim, item, best))
            for dim, item, best in trailing_items(deal, DIMENSIONS)]


def frontline_objections(analysis: Analysis) -> list[Objection]:
    deal, lang = analysis.deal, analysis.deal.language
    tracking = deal.value_proposition.specific.tracking
    rows = []
    for _, item, best in trailing_items(deal, SERVICE_DIMENSIONS):
        lead = lead_phrase(deal, best.id, SERVICE_DIMENSIONS)
        answer = (word(lang, "ans_front", lead=lead, tracking=tracking) if tracking
                  else word(lang, "ans_front_none", lead=lead))
        rows.append(Objection(item_objection(deal, item, best), answer))
    return rows


_OBJECTIONS = {"senior": senior_objections, "middle": middle_objections, "frontline": frontline_objections}


def mend_goals(analysis: Analysis, level: str) -> list[str]:
    lang = analysis.deal.language
    return [word(lang, "goal_mend", action=w.action) for w in level_weak_links(analysis, level) if w.level][:2]


def senior_goals(analysis: Analysis) -> list[str]:
    deal, lang = analysis.deal, analysis.deal.language
    people = [c.name for c in level_contacts(analysis, "senior")]
    first = (word(lang, "goal_senior_1", people=wording.join(lang, people)) if people
             else word(lang, "goal_senior_1_none"))
    second = word(lang, "goal_senior_2", customer=deal.customer.name,
                  offering=deal.value_proposition.specific.offering)
    return [first, second, *mend_goals(analysis, "senior")]


def middle_goals(analysis: Analysis) -> list[str]:
    deal, lang, payback = analysis.deal, analysis.deal.language, analysis.value.payback_months
    investment = money(deal.value_proposition.specific.investment, lang)
    first = (word(lang, "goal_middle_1", investment=investment, payback=months(lang, payback))
             if payback is not None else word(lang, "goal_middle_1_none", investment=investment))
    return [first, word(lang, "goal_middle_2"), word(lang, "goal_middle_3"), *mend_goals(analysis, "middle")]


def frontline_goals(analysis: Analysis) -> list[str]:
    deal, lang = analysis.deal, analysis.deal.language
    specific = deal.value_proposition.specific
    first = (word(lang, "goal_front_1", tracking=specific.tracking) if specific.tracking
             else word(lang, "goal_front_1_none"))
    return [first, word(lang, "goal_front_2", start=format_start(lang, specific.start)),
            word(lang, "goal_front_3"), *mend_goals(analysis, "frontline")]


_GOALS = {"senior": senior_goals, "middle": middle_goals, "frontline": frontline_goals}
