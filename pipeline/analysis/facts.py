"""The facts of one deal that a tactic's reason may quote, as short strings in the deal's language.

Every fact is always present (empty when it does not apply), so a playbook template
that names an unknown fact fails at once under the strict template environment.
"""

from __future__ import annotations

from typing import Optional

from pipeline.analysis.audience import level_title
from pipeline.analysis.chain import team_member
from pipeline.analysis.claims import of
from pipeline.analysis.results import ChainLevel, ChainResult, Claim, CompetitorPosition, ContactLink, ThreeYears
from pipeline.analysis.score import Scores
from pipeline.analysis.settings import HELD_MIN, POSITION_MARGIN, REASON_GAPS
from pipeline.load.model import Deal
from pipeline.words.wording import (
    change,
    in_sentence,
    index,
    join,
    margin,
    number,
    score,
    text,
)

# The playbook's short names for the three dimensions.
SHORT = {"kbf": "key_buying_factors", "business": "business_capabilities", "relationship": "relationship_capabilities"}
LIST_SEPARATOR = {"zh": "、", "en": "; "}
CLAUSE_SEPARATOR = {"zh": "；", "en": "; "}  # between clauses that each name a level


def facts(deal: Deal, scores: Scores, positioning: dict[str, CompetitorPosition], chain: ChainResult,
          future: ThreeYears, claimed: list[Claim]) -> dict[str, str]:
    """Every fact, keyed by the name a playbook text uses for it; what names an item comes from a claim."""
    best = of(claimed, "tactic.reframe-buying-factors")
    senior = team_member(deal, "senior")
    found = {"customer": deal.customer.name, "us": deal.us.name,
             "senior_owner": senior or text(deal.language, "senior_stand_in"), "senior_person": senior or "",
             "best_factor": best[0].item if best else "",
             "position_margin": number(POSITION_MARGIN)}
    for short, dimension in SHORT.items():
        found |= dimension_facts(deal, positioning, short, dimension)
    return found | chain_facts(deal, chain) | trailing_facts(deal, claimed) | projection_facts(deal, scores, future)




def listed(language: str, items: list[str]) -> str:
    return LIST_SEPARATOR[language].join(items)


def dimension_facts(deal: Deal, positioning: dict[str, CompetitorPosition], short: str, dimension: str) -> dict[str, str]:
    """kbf_ahead / kbf_behind (competitor names), kbf_margins (对手A +11.34、…), kbf_min_margin."""
    rivals = [(c, positioning[c.id]) for c in deal.competitors]
    return {
        f"{short}_ahead": join(deal.language, [c.name for c, p in rivals if getattr(p, dimension) == "advantage"]),
        f"{short}_behind": join(deal.language, [c.name for c, p in rivals if getattr(p, dimension) == "disadvantage"]),
        f"{short}_margins": listed(deal.language, [f"{c.name} {margin(p.margins[dimension])}" for c, p in rivals]),
        f"{short}_min_margin": margin(min(p.margins[dimension] for _, p in rivals)),
    }


def chain_facts(deal: Deal, chain: ChainResult) -> dict[str, str]:
    language = deal.language
    top = chain.levels["top"]
    top_state = (listed(language, [text(language, "fact_top_strength", who=c.name, strength=c.strength)
                                   for c in top.contacts]) if top.contacts else text(language, "fact_no_contact"))
    flagged = [text(language, "fact_flagged", who=s.name, kind=in_sentence(language, s.kind), influence=s.influence,
                    strength=s.strength) for s in chain.surrounding if s.flagged]
    return {
        "unheld_levels": listed(language, [level_title(deal, lv.level, True) for lv in chain.levels.values()
                                           if not lv.held]),
        "unheld_below_top": listed(language, [level_title(deal, lv.level, True) for lv in chain.levels.values()
                                              if not lv.held and lv.level != "top"]),
        "top_state": top_state,
        "top_people": people(language, top.contacts),
        "unheld_below_top_detail": CLAUSE_SEPARATOR[language].join(
            unheld(deal, lv) for lv in chain.levels.values() if not lv.held and lv.level != "top"),
        "unheld_below_top_owners": CLAUSE_SEPARATOR[language].join(
            owned(deal, lv) for lv in chain.levels.values() if not lv.held and lv.level != "top"),
        "flagged": listed(language, flagged),
    }


def people(language: str, contacts: list[ContactLink]) -> str:
    """Each contact with the strength of our link: 陈总 2分、吴总 1分 / Chen 2; Wu 1."""
    return listed(language, [text(language, "fact_person_strength", who=c.name, strength=c.strength) for c in contacts])


def unheld(deal: Deal, level: ChainLevel) -> str:
    """Why a level is not held, naming each of its contacts: 一线员工层面还没有强度达到3分的关系（刘工 1分、钱工 0分）."""
    title = level_title(deal, level.level, True)
    if not level.contacts:
        return text(deal.language, "fact_level_empty", level=title)
    return text(deal.language, "fact_level_unheld", level=title, held=HELD_MIN,
                people=people(deal.language, level.contacts))


def owned(deal: Deal, level: ChainLevel) -> str:
    """Who of ours builds a level's links: 一线员工层面由赵工负责, or that nobody of ours is there yet."""
    title = level_title(deal, level.level, True)
    if level.owner:
        return text(deal.language, "fact_level_owner", level=title, owner=level.owner)
    return text(deal.language, "fact_level_no_owner", level=title)


def trailing_facts(deal: Deal, claimed: list[Claim]) -> dict[str, str]:
    """The price-kind factor a competitor wins (the concession claim): trailing_item, trailing_leader,
    trailing_ours, trailing_theirs, and trailing_cares_most (a phrase, empty unless it has the top weight)."""
    concession = of(claimed, "statement.concession", "concession")
    if not concession:
        return dict.fromkeys(("trailing_item", "trailing_leader", "trailing_ours", "trailing_theirs",
                              "trailing_cares_most"), "")
    claim = concession[0]
    most = of(claimed, "statement.concession", "cares_most")
    return {"trailing_item": claim.item, "trailing_leader": deal.company_name(claim.company),
            "trailing_ours": score(claim.ours), "trailing_theirs": score(claim.theirs),
            "trailing_cares_most": text(deal.language, "fact_cares_most") if most else ""}


def overtaking(deal: Deal, scores: Scores, future: ThreeYears) -> Optional[tuple[str, str]]:
    """(dimension, competitor id) whose 3-year index passes our index of today by most."""
    excess = [(f.index - scores[d][deal.us.id].index, d, company)
              for d, by_company in future.future.items() for company, f in by_company.items()
              if company != deal.us.id and f.index > scores[d][deal.us.id].index]
    if not excess:
        return None
    _, dimension, company = max(excess, key=lambda e: e[0])  # ties: the first found
    return dimension, company


def projection_facts(deal: Deal, scores: Scores, future: ThreeYears) -> dict[str, str]:
    language = deal.language
    gaps = listed(language, [text(language, "fact_gap", item=g.item, now=score(g.now), target=score(g.target),
                                  gap=change(g.gap)) for g in future.our_gaps[:REASON_GAPS]])
    found = overtaking(deal, scores, future)
    if found is None:
        return {"gaps": gaps} | dict.fromkeys(
            ("projection_rival", "projection_dimension", "projection_index", "our_index", "our_future_index"), "")
    dimension, company = found
    ours = future.future[dimension].get(deal.us.id)
    return {
        "gaps": gaps,
        "projection_rival": deal.company_name(company),
        "projection_dimension": in_sentence(language, dimension),
        "projection_index": index(future.future[dimension][company].index),
        "our_index": index(scores[dimension][deal.us.id].index),
        "our_future_index": index(ours.index if ours else scores[dimension][deal.us.id].index),
    }

