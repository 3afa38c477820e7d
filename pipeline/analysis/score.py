"""Weighted scores per dimension and company: Σ weight × score (总分数合计) and its index."""

from __future__ import annotations


from pipeline.analysis import exact
from pipeline.analysis.exact import Exact
from pipeline.analysis.results import CompanyScore
from pipeline.load.model import DIMENSIONS, Deal, Item

Scores = dict[str, dict[str, CompanyScore]]  # scores[dimension][company_id]


def score(deal: Deal) -> Scores:
    """Every company on every dimension, us first, then the competitors in file order."""
    return {
        dimension: {c.id: company_score(deal.dimension(dimension), c.id) for c in deal.companies}
        for dimension in DIMENSIONS
    }


def company_score(items: list[Item], company_id: str) -> CompanyScore:
    """The weighted total of one company over `items`, and that over the total weight (0-100),
    both exact and stored unrounded."""
    column = [item.scores[company_id] for item in items]
    total = exact.weighted_sum(weights(items), column)
    return CompanyScore(weighted_total=exact.stored(total), index=exact.stored(total / total_weight(items)))


def exact_index(items: list[Item], item_scores: list[float]) -> Exact:
    """One company's index over `items` exactly, `item_scores` in the order of `items`."""
    return exact.index(weights(items), item_scores)


def weights(items: list[Item]) -> list[float]:
    return [item.weight for item in items]


def weighted_total(items: list[Item], item_scores: list[float]) -> float:
    """Σ weight × score, `item_scores` given in the order of `items`."""
    return exact.stored(exact.weighted_sum(weights(items), item_scores))


def total_weight(items: list[Item]) -> Exact:
    return exact.total(item.weight for item in items)
