"""What to say at each level: talking points, questions, likely objections with answers, goals.

Objections come from where we trail: whole dimensions and key buying factors for the
senior level, every item for the middle level, the service items for the front line.
"""

from __future__ import annotations

from pipeline import wording
from pipeline.labels import label
from pipeline.model import DIMENSIONS, Deal, Outcome
from pipeline.render.brief_facts import SERVICE_DIMENSIONS
from pipeline.render.brief_format import capitalized, format_start, joined, money, months, number
from pipeline.render.brief_people import level_contacts, level_weak_links, our_person, team_line
from pipeline.render.brief_rows import Objection
from pipeline.render.brief_words import word
from pipeline.results import Analysis

VERB_DIRECTION = {"raise": "up", "save": "save", "cut": "down"}


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
    lines = [word(lang, "tp_outcome", metric=capitalized(o.metric), direction=direction(lang, o),
                  pct=number(abs(o.change_pct))) for o in specific.outcomes]
    if specific.tracking:
        lines.append(word(lang, "tp_tracking", tracking=tracking(deal)))
    lines += [word(lang, "tp_best", item=i.name, us=number(i.scores[deal.us.id]))
              for i in items_we_lead_all(deal)[:2]]
    return lines




def direction(lang: str, outcome: Outcome) -> str:
    """提高, 节省 (a cost) or 降低; up or down: the analysis' own choice of verb."""
    return word(lang, VERB_DIRECTION[wording.change_verb(outcome.metric, outcome.change_pct)])


def tracking(deal: Deal) -> str:
    """The team's tracking words without their closing stop: the briefs' sentences end them."""
    return wording.unstopped(deal.value_proposition.specific.tracking)


def items_we_lead_all(deal: Deal):
    us = deal.us.id
    return [i for dim in SERVICE_DIMENSIONS for i in deal.dimension(dim)
            if all(i.scores[us] > i.scores[c.id] for c in deal.competitors)]


def senior_questions(analysis: Analysis) -> list[str]:
    deal, lang = analysis.deal, analysis.deal.language
    vp = deal.value_proposition
    address = analysis.audience.address
    return [word(lang, "q_senior_1", improves=wording.unstopped(vp.overall.improves), address=address),
            word(lang, "q_senior_2", offering=vp.specific.offering),
            word(lang, "q_senior_3", address=address)]


def middle_questions(analysis: Analysis) -> list[str]:
    lang, payback = analysis.deal.language, analysis.value.payback_months
    second = (word(lang, "q_middle_2", payback=months(lang, payback)) if payback is not None
              else word(lang, "q_middle_2_none"))
    return [word(lang, "q_middle_1"), second, word(lang, "q_middle_3")]


def frontline_questions(analysis: Analysis) -> list[str]:
    deal, lang = analysis.deal, analysis.deal.language
    specific = deal.value_proposition.specific
    second = (word(lang, "q_front_2", tracking=tracking(deal)) if specific.tracking
              else word(lang, "q_front_2_none"))
    return [word(lang, "q_front_1"), second, word(lang, "q_front_3", start=format_start(lang, specific.start))]




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
    tracked = deal.value_proposition.specific.tracking
    rows = []
    for _, item, best in trailing_items(deal, SERVICE_DIMENSIONS):
        lead = lead_phrase(deal, best.id, SERVICE_DIMENSIONS)
        answer = (word(lang, "ans_front", lead=lead, tracking=tracking(deal)) if tracked
                  else word(lang, "ans_front_none", lead=lead))
        rows.append(Objection(item_objection(deal, item, best), answer))
    return rows




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
    first = (word(lang, "goal_front_1", tracking=tracking(deal)) if specific.tracking
             else word(lang, "goal_front_1_none"))
    return [first, word(lang, "goal_front_2", start=format_start(lang, specific.start)),
            word(lang, "goal_front_3"), *mend_goals(analysis, "frontline")]


_GOALS = {"senior": senior_goals, "middle": middle_goals, "frontline": frontline_goals}
