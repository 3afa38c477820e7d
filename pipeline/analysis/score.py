"""Weighted scores per dimension and company: Σ weight × score (总分数合计) and its index."""

from __future__ import annotations

from pipeline.analysis.results import CompanyScore
from pipeline.analysis.settings import rounded
from pipeline.load.model import DIMENSIONS, Deal, Item

Scores = dict[str, dict[str, CompanyScore]]  # scores[dimension][company_id]


def score(deal: Deal) -> Scores:
    """Every company on every dimension, us first, then the competitors in file order."""
    return {
        dimension: {c.id: company_score(deal.dimension(dimension), c.id) for c in deal.companies}
        for dimension in DIMENSIONS
    }


def company_score(items: list[Item], company_id: str) -> CompanyScore:
    """The weighted total of one company over `items`, and that over the total weight (0-100)."""
    total = weighted_total(items, [item.scores[company_id] for item in items])
    return CompanyScore(weighted_total=rounded(total), index=rounded(total / total_weight(items)))


def weighted_total(items: list[Item], item_scores: list[float]) -> float:
    """Σ weight × score, `item_scores` given in the order of `items`."""
    return sum(item.weight * value for item, value in zip(items, item_scores, strict=True))


def total_weight(items: list[Item]) -> float:
    return sum(item.weight for item in items)
