"""Standings: for every item and every dimension's index, each company's figure today and three
years on, the margins against each rival and the best rival, and who leads.

The one place that compares scores. Everything that says who is ahead (claims, tactics,
statement, both renderers) reads these, so two rules hold everywhere: who is higher (`lead`: a
company leads only when strictly above every other; equal figures at the top are a tie), and
what may be said of it (`position`: the method's 5 points, an advantage at +5 or more, a
disadvantage at -5 or less, parity between). Figures are compared exactly
(`pipeline.analysis.exact`), never rounded first.
"""

from __future__ import annotations

from typing import Optional

from pipeline.analysis import exact
from pipeline.analysis.exact import Exact, Number
from pipeline.analysis.results import Figures, Lead, Position, Standing, Standings, ThreeYears
from pipeline.analysis.score import Scores, exact_index
from pipeline.analysis.settings import POSITION_MARGIN, PRICE_WORDS
from pipeline.analysis.three_years import later_scores, projected
from pipeline.load.model import DIMENSIONS, Deal, Item


def standings(deal: Deal, scores: Scores, future: ThreeYears) -> Standings:
    """Every item of every dimension, and every dimension's index."""
    return Standings(
        items={d: [item_standing(deal, d, item) for item in deal.dimension(d)] for d in DIMENSIONS},
        indexes={d: index_standing(deal, scores, future, d) for d in DIMENSIONS},
    )


FIVE = exact.exact(POSITION_MARGIN)


def figures(deal: Deal, given: dict[str, Number]) -> Figures:
    """Margins, the best rival, the leader and our position of one set of figures (company id ->
    figure), all decided on the exact figures."""
    values = {c: exact.exact(v) for c, v in given.items()}
    ours = values[deal.us.id]
    rivals = [c.id for c in deal.competitors]
    best = max(rivals, key=lambda r: values[r])  # ties: the first in the file
    top = max(values.values())
    margins = {r: ours - values[r] for r in rivals}
    return Figures(
        ours=exact.stored(ours),
        scores={c.id: exact.stored(values[c.id]) for c in deal.companies},
        margins={r: exact.stored(m) for r, m in margins.items()},
        best_rival=best,
        margin=exact.stored(margins[best]),
        lead=lead_of(margins[best]),
        leaders=[c.id for c in deal.companies if values[c.id] == top],
        position=classify(margins[best]),
        positions={r: classify(m) for r, m in margins.items()},
    )


def lead_of(margin: Number) -> Lead:
    """The tie rule: ahead only when strictly ahead."""
    if margin > 0:
        return "us"
    return "rival" if margin < 0 else "tie"


def classify(margin: Number) -> Position:
    """The method's 5 points: what may be said of a margin (exact: 4.996 is parity, 5 an advantage)."""
    value = exact.exact(margin)
    if value >= FIVE:
        return "advantage"
    return "disadvantage" if value <= -FIVE else "parity"


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
    """The dimension's index (exact); three years on when any company projects an item there."""
    projections = future.future.get(dimension, {})
    items = deal.dimension(dimension)
    later = None
    if projections:
        later = figures(deal, {c.id: exact_index(items, later_scores(items, c.id)) for c in deal.companies})
    return Standing(
        dimension=dimension, item=None, weight=None, price=False,
        now=figures(deal, {c.id: exact_indexes(items, c.id) for c in deal.companies}),
        in_3_years=later,
        kept=[c.id for c in deal.companies if c.id not in projections] if projections else [],
    )


def exact_indexes(items: list[Item], company: str) -> Exact:
    return exact_index(items, [item.scores[company] for item in items])


def is_price(item: Item) -> bool:
    """Price-kind: the factor's `kind` when given, else a price word in its name."""
    if item.kind is not None:
        return item.kind == "price"
    name = item.name.lower()
    return any(word.lower() in name for word in PRICE_WORDS)
