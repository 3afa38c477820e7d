"""Standings: for every item and every dimension's index, each company's figure today and three
years on, the margins against each rival and the best rival, and who leads.

The one place that compares scores. Everything that says who is ahead (claims, tactics,
statement, both renderers) reads these, so one tie rule holds everywhere: a company leads
only when strictly above every other; equal figures at the top are a tie.
"""

from __future__ import annotations

from typing import Optional

from pipeline.analysis.results import Figures, Lead, Standing, Standings, ThreeYears
from pipeline.analysis.score import Scores
from pipeline.analysis.settings import PRICE_WORDS, rounded
from pipeline.analysis.three_years import projected
from pipeline.load.model import DIMENSIONS, Deal, Item


def standings(deal: Deal, scores: Scores, future: ThreeYears) -> Standings:
    """Every item of every dimension, and every dimension's index."""
    return Standings(
        items={d: [item_standing(deal, d, item) for item in deal.dimension(d)] for d in DIMENSIONS},
        indexes={d: index_standing(deal, scores, future, d) for d in DIMENSIONS},
    )


def figures(deal: Deal, values: dict[str, float]) -> Figures:
    """Margins, the best rival and the leader of one set of figures (company id -> figure)."""
    ours = values[deal.us.id]
    rivals = [c.id for c in deal.competitors]
    best = max(rivals, key=lambda r: values[r])  # ties: the first in the file
    top = max(values.values())
    margin = rounded(ours - values[best])
    return Figures(
        ours=ours,
        scores={c.id: values[c.id] for c in deal.companies},
        margins={r: rounded(ours - values[r]) for r in rivals},
        best_rival=best,
        margin=margin,
        lead=lead_of(margin),
        leaders=[c.id for c in deal.companies if values[c.id] == top],
    )


def lead_of(margin: float) -> Lead:
    """The tie rule: ahead only when strictly ahead."""
    if margin > 0:
        return "us"
    return "rival" if margin < 0 else "tie"


def item_standing(deal: Deal, dimension: str, item: Item) -> Standing:
    given = [c.id for c in deal.companies if projected(item, c.id)]
    later: Optional[Figures] = None
    if given:
        later = figures(deal, {c.id: item.in_3_years[c.id] if c.id in given else item.scores[c.id]
                               for c in deal.companies})
    return Standing(
        dimension=dimension, item=item.name, weight=item.weight,
        price=dimension == "key_buying_factors" and is_price(item),
        now=figures(deal, {c.id: item.scores[c.id] for c in deal.companies}),
        in_3_years=later,
        kept=[c.id for c in deal.companies if c.id not in given] if given else [],
    )


def index_standing(deal: Deal, scores: Scores, future: ThreeYears, dimension: str) -> Standing:
    """The dimension's index; three years on when any company projects an item there."""
    projections = future.future.get(dimension, {})
    later = None
    if projections:
        later = figures(deal, {c.id: projections[c.id].index if c.id in projections else scores[dimension][c.id].index
                               for c in deal.companies})
    return Standing(
        dimension=dimension, item=None, weight=None, price=False,
        now=figures(deal, {c.id: scores[dimension][c.id].index for c in deal.companies}),
        in_3_years=later,
        kept=[c.id for c in deal.companies if c.id not in projections] if projections else [],
    )


def is_price(item: Item) -> bool:
    """Price-kind: the factor's `kind` when given, else a price word in its name."""
    if item.kind is not None:
        return item.kind == "price"
    name = item.name.lower()
    return any(word.lower() in name for word in PRICE_WORDS)
