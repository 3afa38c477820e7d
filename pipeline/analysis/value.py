"""The value proposition in three steps (价值命题): overall, specific (SMART), per level.

Step 3 frames the same figures by what each audience level cares about; the deal's
own wording for a level always wins over the generated one.
"""

from __future__ import annotations

from typing import Optional

from pipeline.analysis.audience import audience as customer_audience
from pipeline.analysis.chain import team_member
from pipeline.analysis.claims import of
from pipeline.analysis.results import (
    Audience,
    ChainResult,
    Claim,
    LevelMessage,
    ValueResult,
)
from pipeline.analysis.smart import investment, outcome_phrase, payback, smart
from pipeline.load.model import AUDIENCES, Deal
from pipeline.words.wording import (
    bare,
    join,
    money,
    start_date,
    text,
    unstopped,
    unwrap,
)
from pipeline.words.wording import months as wording_months


def value(deal: Deal, chain: ChainResult, found: Optional[list[Claim]] = None,
          audience: Optional[Audience] = None) -> ValueResult:
    """All three steps; the claims let the senior message name where we are strongest (no figures:
    the messages are said to the customer); `audience` gives each level's concerns (worked out
    from the deal when not given)."""
    audience = audience or customer_audience(deal)
    paid = payback(deal.value_proposition.specific)
    checks = smart(deal)
    return ValueResult(
        overall=overall(deal),
        specific=specific(deal),
        payback_months=paid.months,
        payback_computed=paid.computed,
        payback_stated=paid.stated,
        smart=checks,
        smart_ok=all(check.ok for check in checks.values()),
        levels={level: level_message(deal, chain, found or [], level, audience.concerns[level]) for level in AUDIENCES},
    )


def overall(deal: Deal) -> str:
    """Step 1: 基于我们在…方面的知识和经验，我们具备…的能力，为…提高…。"""
    o = deal.value_proposition.overall
    return text(deal.language, "overall", expertise=o.expertise, capability=o.capability,
                customer=deal.customer.name, improves=unstopped(o.improves))


def specific(deal: Deal) -> str:
    """Step 2: start, offering, outcomes, investment and payback, tracking (the source's sentence)."""
    language, spec = deal.language, deal.value_proposition.specific
    sentences = [text(language, "specific_outcomes", start=start_date(language, spec.start),
                      offering=bare(language, spec.offering),
                      customer=deal.customer.name, outcomes=outcome_phrase(language, spec)),
                 payback_sentence(deal)]
    if spec.tracking is not None:
        sentences.append(tracking_sentence(language, spec.tracking))
    return ("" if language == "zh" else " ").join(sentences)


def payback_sentence(deal: Deal) -> str:
    language, spec = deal.language, deal.value_proposition.specific
    months = payback(spec).months
    if months is None:
        return text(language, "specific_investment", investment=investment(language, spec))
    return text(language, "specific_payback", investment=investment(language, spec), months=wording_months(language, months))


def tracking_sentence(language: str, tracking: str) -> str:
    """我们将通过…来记录实际效果。 The team's words are kept whole when they already say 'record';
    only a closing stop of theirs goes, so the sentence ends once."""
    tracking = unstopped(unwrap(tracking))
    records = "记录" in tracking if language == "zh" else "record" in tracking.lower()
    if language == "zh":
        tracking = tracking.removeprefix("通过")
    return text(language, "tracking_recorded" if records else "tracking", tracking=tracking)


def level_message(deal: Deal, chain: ChainResult, found: list[Claim], audience: str,
                  concerns: list[str]) -> LevelMessage:
    """One audience level: the deal's wording or ours, its concerns, and who sits on each side."""
    own = getattr(deal.value_proposition.levels, audience) if deal.value_proposition.levels else None
    generated = {"senior": senior, "middle": middle, "frontline": frontline}[audience]
    return LevelMessage(
        message=unwrap(own) if own is not None else generated(deal, chain, found),
        from_deal=own is not None,
        concerns=concerns,
        customer_contacts=[c.name for lv in chain.levels.values() if lv.audience == audience for c in lv.contacts],
        our_person=team_member(deal, audience),
    )


def senior(deal: Deal, chain: ChainResult, found: list[Claim]) -> str:
    """The strategic outcome, and the items where we lead the field (the statement's basis)."""
    language, vp = deal.language, deal.value_proposition
    message = text(language, "senior_message", offering=bare(language, vp.specific.offering),
                   customer=deal.customer.name,
                   improves=unstopped(vp.overall.improves), outcomes=outcome_phrase(language, vp.specific))
    strengths = of(found, "statement.basis")
    if not strengths:
        return message
    return message + text(language, "senior_position", items=join(language, [c.item for c in strengths]),
                          customer=deal.customer.name)


def middle(deal: Deal, chain: ChainResult, found: list[Claim]) -> str:
    """Budget and resources: the investment, its payback and the monthly benefit."""
    language, spec = deal.language, deal.value_proposition.specific
    months = payback(spec).months
    benefit = spec.monthly_benefit
    return text(
        language, "middle_message", customer=deal.customer.name, investment=investment(language, spec),
        payback="" if months is None else text(language, "middle_payback", months=wording_months(language, months)),
        benefit="" if benefit is None else text(language, "middle_benefit",
                                                benefit=money(language, benefit.amount, benefit.currency)),
        outcomes=outcome_phrase(language, spec),
    )


def frontline(deal: Deal, chain: ChainResult, found: list[Claim]) -> str:
    """Costs saved, the effort we take off them, and how the results will be tracked."""
    language, spec = deal.language, deal.value_proposition.specific
    tracked = (tracking_sentence(language, spec.tracking) if spec.tracking is not None
               else text(language, "frontline_tracking_missing"))
    return text(language, "frontline_message", outcomes=outcome_phrase(language, spec, saving_only=True),
                person=team_member(deal, "frontline") or text(language, "frontline_person"), tracking=tracked)
