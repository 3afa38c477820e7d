"""What weighs most: each item's share of our index margin, and the key and the gap it makes.

An item's contribution against a rival is weight × (our score − theirs) ÷ Σ weight; the
contributions of a dimension add up to the index margin exactly. Against each rival, the key is
the item that contributes most for us and the gap the one that contributes most against us —
never the largest raw margin nor the first item (READING.md: "what weighs most"). Items that
contribute equally are a tie, and both are named.
"""

from __future__ import annotations


from pipeline.analysis import exact
from pipeline.analysis.exact import Exact
from pipeline.analysis.results import Contribution, Driver, Drivers, Standings
from pipeline.analysis.score import total_weight
from pipeline.analysis.standings import classify
from pipeline.load.model import DIMENSIONS, Deal


def drivers(deal: Deal, standings: Standings) -> Drivers:
    """Every rival on every dimension, and each dimension against its strongest rival."""
    against = {d: {r.id: driver(deal, d, r.id) for r in deal.competitors} for d in DIMENSIONS}
    return Drivers(against=against,
                   strongest={d: against[d][standings.indexes[d].now.best_rival] for d in DIMENSIONS})


def driver(deal: Deal, dimension: str, rival: str) -> Driver:
    items, us = deal.dimension(dimension), deal.us.id
    whole = total_weight(items)
    shares = [exact.exact(i.weight) * (exact.exact(i.scores[us]) - exact.exact(i.scores[rival])) / whole
              for i in items]
    margin = exact.total(shares)
    return Driver(
        dimension=dimension, rival=rival, margin=exact.stored(margin), position=classify(margin),
        contributions=[Contribution(item=i.name, weight=i.weight, margin=exact.stored(
            exact.exact(i.scores[us]) - exact.exact(i.scores[rival])), contribution=exact.stored(share))
            for i, share in zip(items, shares)],
        key=most(items, shares, 1), gap=most(items, shares, -1))


def most(items, shares: list[Exact], sign: int) -> list[str]:
    """The items whose share is largest in `sign`'s direction (ties all named); none when no share
    points that way."""
    pointing = [s * sign for s in shares if s * sign > 0]
    if not pointing:
        return []
    top = max(pointing)
    return [i.name for i, s in zip(items, shares) if s * sign == top]
