"""Claims: every assertion about standing that a document states, as typed data.

Each rule of what may be said is here, once, on the method's 5 points: a strength, lever or
lead names only an item where we are 5 points or more ahead (of every rival when no rival is
named, of that rival when one is); a trail or a concession only an item where a rival is 5 or
more ahead of us (a concession only on a price-kind key buying factor); "what the customer
cares about most" only the single factor of the highest weight; an exclusive agreement only an
advantage on every dimension against every rival. Among several, what weighs most comes first:
weight × margin ÷ Σ weight, the item's share of the index margin (`pipeline.analysis.drivers`).
The wording layer (`pipeline.words.wording`, the renderers) turns claims into words and never
judges; tests check every claim against the deal's own numbers.
"""

from __future__ import annotations

from typing import Optional

from pipeline.analysis.exact import Exact, exact, total
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
    strengths = sorted((s for d in DIMENSIONS for s in leading(standings, d)), key=lambda s: -share(standings, s, s.now.margin))
    found += [lead_claim(s, None, "brief.strengths") for s in strengths]  # what weighs most first, across dimensions
    found += [lead_claim(s, r.id, "brief.wins") for r in deal.competitors for s in wins(standings, r.id)]
    found += [trail_claim(s) for d in DIMENSIONS for s in trailing(standings, d)]
    best = best_factor(standings)
    if best is not None:
        found.append(lead_claim(best, None, "tactic.reframe-buying-factors"))
    found += [dimension_claim(standings.indexes[d]) for d in DIMENSIONS
              if standings.indexes[d].now.position == "advantage"]
    return found


def of(found: list[Claim], use: str, kind: Optional[str] = None) -> list[Claim]:
    """The claims a sentence states, in order."""
    return [c for c in found if c.use == use and (kind is None or c.kind == kind)]


def share(standings: Standings, s: Standing, margin: float) -> Exact:
    """The item's share of its dimension's index margin at `margin`: weight × margin ÷ Σ weight."""
    whole = total(i.weight for i in standings.items[s.dimension])
    return exact(s.weight) * exact(margin) / whole


def leading(standings: Standings, dimension: str) -> list[Standing]:
    """The dimension's items where we lead every rival by 5 or more, what weighs most first (its
    share against the nearest rival; ties: the file's order)."""
    ahead = [s for s in standings.items[dimension] if s.now.position == "advantage"]
    return sorted(ahead, key=lambda s: -share(standings, s, s.now.margin))


def wins(standings: Standings, rival: str) -> list[Standing]:
    """Every item where we lead this rival by 5 or more, what weighs most first (ties: dimension,
    then file order)."""
    ahead = [s for d in DIMENSIONS for s in standings.items[d] if s.now.positions[rival] == "advantage"]
    return sorted(ahead, key=lambda s: -share(standings, s, s.now.margins[rival]))


def trailing(standings: Standings, dimension: str) -> list[Standing]:
    """The dimension's items where the best rival leads us by 5 or more, what weighs most against us first."""
    behind = [s for s in standings.items[dimension] if s.now.position == "disadvantage"]
    return sorted(behind, key=lambda s: share(standings, s, s.now.margin))


def basis_claims(standings: Standings, strongest: str) -> list[Claim]:
    """What weighs most among our leads in the strongest dimension; else among our leads anywhere; else none."""
    items = leading(standings, strongest)[:BASIS_ITEMS]
    if not items:
        items = sorted((s for d in DIMENSIONS for s in leading(standings, d)),
                       key=lambda s: -share(standings, s, s.now.margin))[:BASIS_ITEMS]
    return [item_claim("strength", s, s.now.best_rival, "statement.basis") for s in items]


def lever_claims(standings: Standings, basis: list[Claim]) -> list[Claim]:
    """The business capability that carries bundling: what weighs most among our leads not named
    as the basis, and not bundling itself; else, when we lead the business index by 5 or more, the
    full-service strength."""
    named = {(c.dimension, c.item) for c in basis}
    for s in leading(standings, BUSINESS):
        if (BUSINESS, s.item) not in named and not is_bundling(s.item or ""):
            return [item_claim("lever", s, s.now.best_rival, "statement.lever")]
    index = standings.indexes[BUSINESS]
    if index.now.position == "advantage":
        return [dimension_claim(index, "statement.lever")]
    return []


def is_bundling(name: str) -> bool:
    return any(word in name.lower() for word in BUNDLING_WORDS)


def concession_claims(standings: Standings) -> list[Claim]:
    """The price-kind factor where a rival leads us by 5 or more and that weighs most against us
    (weight × margin), and,
    when it alone has the highest weight, that the customer cares about it most."""
    behind = [s for s in trailing(standings, KBF) if s.price]
    if not behind:
        return []
    chosen = behind[0]  # what weighs most against us; ties: the first in the file
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
    """The key buying factor that weighs most among those where we lead every rival by 5 or more;
    None when there is none."""
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
