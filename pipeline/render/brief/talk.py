"""What to say at each level: talking points, questions, likely objections with answers, goals.

Everything here is worded from the analysis' claims; nothing compares scores.
"""

from __future__ import annotations

from pipeline.analysis.claims import of
from pipeline.analysis.results import Analysis, Claim
from pipeline.analysis.smart import outcome_phrase
from pipeline.load.model import DIMENSIONS, Deal, Outcome
from pipeline.render.brief.facts import SERVICE_DIMENSIONS
from pipeline.render.brief.format import (
    capitalized,
    format_start,
    money,
    months,
    percent,
)
from pipeline.render.brief.people import (
    level_contacts,
    level_weak_links,
    our_person,
    team_line,
)
from pipeline.render.brief.rows import Objection
from pipeline.render.brief.words import word
from pipeline.words import wording

VERB_DIRECTION = {"raise": "up", "save": "save", "cut": "down"}
# What a brief says to the customer (talking points, objections and their answers) quotes no
# score, index, margin or strength: those stay in the sections for our team. Objections come
# from the trail claims: key buying factors for the senior level, every item for the middle
# level, the service items for the front line.
OBJECTION_DIMENSIONS = {"senior": ("key_buying_factors",), "middle": DIMENSIONS, "frontline": SERVICE_DIMENSIONS}


def strengths_line(analysis: Analysis) -> list[str]:
    """Where we lead the field (the statement's basis claims), said without figures."""
    lang, basis = analysis.deal.language, of(analysis.claims, "statement.basis")
    if not basis:
        return []
    return [word(lang, "tp_strengths", items=wording.join(lang, [c.item for c in basis]),
                 customer=analysis.deal.customer.name)]


def outcome_lines(deal: Deal) -> list[str]:
    lang = deal.language
    return [word(lang, "tp_outcome", metric=capitalized(o.metric), direction=direction(lang, o),
                 pct=percent(abs(o.change_pct))) for o in deal.value_proposition.specific.outcomes]


def senior_talking(analysis: Analysis) -> list[str]:
    return [analysis.value.overall, *strengths_line(analysis), *outcome_lines(analysis.deal)]


def middle_talking(analysis: Analysis) -> list[str]:
    value, lang = analysis.value, analysis.deal.language
    lines = [value.specific]  # it states the investment and the payback already
    lines.append(word(lang, "tp_team", team=team_line(analysis)))
    return lines


def frontline_talking(analysis: Analysis) -> list[str]:
    deal, lang = analysis.deal, analysis.deal.language
    lines = outcome_lines(deal)
    if deal.value_proposition.specific.tracking:
        lines.append(word(lang, "tp_tracking", tracking=tracking(deal)))
    service = [c for c in of(analysis.claims, "brief.strengths", "lead") if c.dimension in SERVICE_DIMENSIONS]
    lines += [word(lang, "tp_best", item=c.item) for c in service[:2]]
    return lines


def direction(lang: str, outcome: Outcome) -> str:
    """提高, 节省 (a cost) or 降低; up or down: the analysis' own choice of verb."""
    return word(lang, VERB_DIRECTION[wording.change_verb(outcome.metric, outcome.change_pct)])


def tracking(deal: Deal) -> str:
    """The team's tracking words without their closing stop: the briefs' sentences end them."""
    return wording.unstopped(deal.value_proposition.specific.tracking)


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


def objections(analysis: Analysis, level: str) -> list[Objection]:
    """One objection per trail claim of the level's dimensions, in the customer's words, each with
    its own answer built from that claim."""
    trails = [c for c in of(analysis.claims, "brief.objection", "trail") if c.dimension in OBJECTION_DIMENSIONS[level]]
    return [Objection(objection_words(analysis, c), answer(analysis, c, level)) for c in trails]


def senior_objections(analysis: Analysis) -> list[Objection]:
    return objections(analysis, "senior")


def middle_objections(analysis: Analysis) -> list[Objection]:
    return objections(analysis, "middle")


def frontline_objections(analysis: Analysis) -> list[Objection]:
    return objections(analysis, "frontline")


def kind_of(analysis: Analysis, claim: Claim) -> str:
    """price, factor, capability or relationship: which way the customer puts it and we answer."""
    if claim.dimension == "key_buying_factors":
        return "price" if analysis.standings.item(claim.dimension, claim.item).price else "factor"
    return "capability" if claim.dimension == "business_capabilities" else "relationship"


def objection_words(analysis: Analysis, claim: Claim) -> str:
    deal = analysis.deal
    return word(deal.language, f"obj_{kind_of(analysis, claim)}", competitor=deal.company_name(claim.company),
                item=claim.item)


def answer(analysis: Analysis, claim: Claim, level: str) -> str:
    """What we offer on the item the objection names, with the deal's evidence: the value
    proposition's figures for a price, our commitment and tracking for a factor or capability,
    our person for a relationship; and where we do better than every rival (no figures)."""
    deal, lang = analysis.deal, analysis.deal.language
    specific = deal.value_proposition.specific
    kind = kind_of(analysis, claim)
    evidence = lead_clause(analysis)
    if kind == "price":
        paid = analysis.value.payback_months
        payback = "" if paid is None else word(lang, "ans_payback", payback=months(lang, paid))
        return word(lang, "ans_price", item=claim.item, customer=deal.customer.name,
                    investment=money(specific.investment, lang), payback=payback,
                    outcomes=outcome_phrase(lang, specific), lead=evidence)
    if kind == "relationship":
        owner = our_person(analysis, level) or word(lang, "default_owner")
        return word(lang, "ans_relationship", item=claim.item, owner=owner, lead=evidence)
    tracked = word(lang, "ans_tracked", tracking=tracking(deal)) if specific.tracking else ""
    return word(lang, "ans_offer", item=claim.item, offering=wording.bare(lang, specific.offering),
                tracked=tracked, lead=evidence)


def lead_clause(analysis: Analysis, limit: int = 2) -> str:
    """Where our service is better, said without naming a rival, so only where we lead every rival by
    the method's 5 points (the brief.strengths claims on key buying factors and business
    capabilities, what weighs most first); none such: the answer stands on its commitment alone."""
    lang = analysis.deal.language
    strengths = [c for c in of(analysis.claims, "brief.strengths", "lead") if c.dimension in SERVICE_DIMENSIONS]
    if not strengths:
        return ""
    return word(lang, "ans_lead", items=wording.join(lang, [c.item for c in strengths[:limit]]))


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
