"""Claims: every assertion about standing that a document states, as typed data.

Each rule of what may be said is here, once: a strength, lever or lead names only an item
where we are strictly ahead; a concession only a price-kind key buying factor where a rival
is ahead; "what the customer cares about most" only the single factor of the highest
weight; an exclusive agreement only an advantage on every dimension against every rival.
The wording layer (`pipeline.words.wording`, the renderers) turns claims into words and never
judges; tests check every claim against the deal's own numbers.
"""

from __future__ import annotations

from typing import Optional

from pipeline.analysis.results import Claim, CompetitorPosition, Standing, Standings
from pipeline.analysis.settings import BASIS_ITEMS, BUNDLING_WORDS
from pipeline.load.model import DIMENSIONS, Deal

BUSINESS = "business_capabilities"
KBF = "key_buying_factors"


def claims(deal: Deal, standings: Standings, positioning: dict[str, CompetitorPosition],
           strongest: str) -> list[Claim]:
    """Every claim of the deal, grouped by the sentence that states it."""
    basis = basis_claims(standings, strongest)
    found = [*basis, *lever_claims(standings, basis), *concession_claims(standings)]
    found += exclusive_claims(deal, standings, positioning)
    found += [lead_claim(s, None, "brief.strengths") for d in DIMENSIONS for s in leading(standings, d)]
    found += [lead_claim(s, r.id, "brief.wins") for r in deal.competitors for s in wins(standings, r.id)]
    found += [trail_claim(s) for d in DIMENSIONS for s in standings.items[d] if s.now.lead == "rival"]
    best = best_factor(standings)
    if best is not None:
        found.append(lead_claim(best, None, "tactic.reframe-buying-factors"))
    found += [dimension_claim(standings.indexes[d]) for d in DIMENSIONS if standings.indexes[d].now.lead == "us"]
    return found


def of(found: list[Claim], use: str, kind: Optional[str] = None) -> list[Claim]:
    """The claims a sentence states, in order."""
    return [c for c in found if c.use == use and (kind is None or c.kind == kind)]


def leading(standings: Standings, dimension: str) -> list[Standing]:
    """The dimension's items where we lead every rival, widest lead first (ties: the file's order)."""
    ahead = [s for s in standings.items[dimension] if s.now.lead == "us"]
    return sorted(ahead, key=lambda s: -s.now.margin)


def wins(standings: Standings, rival: str) -> list[Standing]:
    """Every item where we score above this rival, widest lead first (ties: dimension, then file order)."""
    ahead = [s for d in DIMENSIONS for s in standings.items[d] if s.now.ahead_of(rival)]
    return sorted(ahead, key=lambda s: -s.now.margins[rival])


def basis_claims(standings: Standings, strongest: str) -> list[Claim]:
    """Our widest leads in the strongest dimension; else our widest leads anywhere; else none."""
    items = leading(standings, strongest)[:BASIS_ITEMS]
    if not items:
        items = sorted((s for d in DIMENSIONS for s in leading(standings, d)), key=lambda s: -s.now.margin)[:BASIS_ITEMS]
    return [item_claim("strength", s, s.now.best_rival, "statement.basis") for s in items]


def lever_claims(standings: Standings, basis: list[Claim]) -> list[Claim]:
    """The business capability that carries bundling: our widest lead not named as the basis,
    and not bundling itself; else, when we lead the business index, the full-service strength."""
    named = {(c.dimension, c.item) for c in basis}
    for s in leading(standings, BUSINESS):
        if (BUSINESS, s.item) not in named and not is_bundling(s.item or ""):
            return [item_claim("lever", s, s.now.best_rival, "statement.lever")]
    index = standings.indexes[BUSINESS]
    if index.now.lead == "us":
        return [dimension_claim(index, "statement.lever")]
    return []


def is_bundling(name: str) -> bool:
    return any(word in name.lower() for word in BUNDLING_WORDS)


def concession_claims(standings: Standings) -> list[Claim]:
    """The price-kind factor where we trail by the largest weighted gap (weight × margin), and,
    when it alone has the highest weight, that the customer cares about it most."""
    trailing = [s for s in standings.items[KBF] if s.price and s.now.lead == "rival"]
    if not trailing:
        return []
    chosen = min(trailing, key=lambda s: s.weight * s.now.margin)  # ties: the first in the file
    found = [item_claim("concession", chosen, chosen.now.best_rival, "statement.concession")]
    if cares_most(standings) == [chosen]:
        found.append(item_claim("cares_most", chosen, None, "statement.concession"))
    return found


def cares_most(standings: Standings) -> list[Standing]:
    """The key buying factors of the highest weight (two or more when tied)."""
    top = max(s.weight for s in standings.items[KBF])
    return [s for s in standings.items[KBF] if s.weight == top]


def exclusive(positioning: dict[str, CompetitorPosition]) -> bool:
    """The one rule for an exclusive agreement (statement and playbook alike): an advantage on
    every dimension against every competitor."""
    return all(getattr(p, d) == "advantage" for p in positioning.values() for d in DIMENSIONS)


def exclusive_claims(deal: Deal, standings: Standings, positioning: dict[str, CompetitorPosition]) -> list[Claim]:
    """The exclusive claim, supported by our narrowest index margin (dimension and rival)."""
    if not exclusive(positioning):
        return []
    margin, dimension, rival = min((positioning[r.id].margins[d], d, r.id) for d in DIMENSIONS
                                   for r in deal.competitors)
    now = standings.indexes[dimension].now
    return [Claim(kind="exclusive", dimension=dimension, item=None, company=rival, ours=now.scores[deal.us.id],
                  theirs=now.scores[rival], margin=margin, use="statement.exclusive")]


def best_factor(standings: Standings) -> Optional[Standing]:
    """The key buying factor where we lead every rival by most; None when we lead on none."""
    ahead = leading(standings, KBF)
    return ahead[0] if ahead else None


def item_claim(kind: str, s: Standing, company: Optional[str], use: str) -> Claim:
    """A claim on one item; `theirs` is `company`'s figure, or the best rival's when None."""
    rival = company or s.now.best_rival
    return Claim(kind=kind, dimension=s.dimension, item=s.item, company=company, ours=s.now.ours,
                 theirs=s.now.scores[rival], margin=s.now.margins[rival], weight=s.weight, use=use)


def lead_claim(s: Standing, company: Optional[str], use: str) -> Claim:
    return item_claim("lead", s, company, use)


def trail_claim(s: Standing) -> Claim:
    return item_claim("trail", s, s.now.best_rival, "brief.objection")


def dimension_claim(index: Standing, use: str = "brief.strengths") -> Claim:
    rival = index.now.best_rival
    return Claim(kind="dimension_lead", dimension=index.dimension, item=None, company=rival, ours=index.now.ours,
                 theirs=index.now.scores[rival], margin=index.now.margin, use=use)
