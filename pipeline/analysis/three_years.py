"""Three years on (竞争对手3年后 / 我们3年后的目标): projected indexes and our gaps.

An item without a figure for a company keeps that company's score of today, so a
projection never invents a number; the note says so in the deal's language.
"""

from __future__ import annotations

from pipeline.analysis.results import FutureScore, Gap, ThreeYears
from pipeline.analysis import exact
from pipeline.analysis.score import Scores, exact_index, weighted_total
from pipeline.load.model import DIMENSIONS, Deal, Item
from pipeline.words.wording import text


def three_years(deal: Deal, scores: Scores) -> ThreeYears:
    """Future indexes for every company with a figure in a dimension, and our gaps, largest first."""
    future = {d: projections(deal, deal.dimension(d)) for d in DIMENSIONS}
    return ThreeYears(
        future={d: f for d, f in future.items() if f},
        our_gaps=our_gaps(deal),
        note=text(deal.language, "three_years_note"),
    )


def projections(deal: Deal, items: list[Item]) -> dict[str, FutureScore]:
    return {c.id: future_score(items, c.id) for c in deal.companies if any(projected(i, c.id) for i in items)}


def projected(item: Item, company_id: str) -> bool:
    return item.in_3_years is not None and company_id in item.in_3_years


def later_scores(items: list[Item], company_id: str) -> list[float]:
    """A company's figures three years on, item by item: its projection, else today's score."""
    return [item.in_3_years[company_id] if projected(item, company_id) else item.scores[company_id] for item in items]


def future_score(items: list[Item], company_id: str) -> FutureScore:
    """One company's index three years on; items without a figure keep today's score."""
    values = later_scores(items, company_id)
    return FutureScore(
        weighted_total=weighted_total(items, values),
        index=exact.stored(exact_index(items, values)),
        projected_items=[i.name for i in items if projected(i, company_id)],
        kept_items=[i.name for i in items if not projected(i, company_id)],
    )


def our_gaps(deal: Deal) -> list[Gap]:
    """Target minus today for every item where we set a target; ties keep the file's order."""
    gaps = [gap(d, item, deal.us.id) for d in DIMENSIONS for item in deal.dimension(d) if projected(item, deal.us.id)]
    return sorted(gaps, key=lambda g: -g.gap)


def gap(dimension: str, item: Item, us: str) -> Gap:
    now, target = item.scores[us], item.in_3_years[us]
    return Gap(dimension=dimension, item=item.name, now=now, target=target, gap=exact.stored(exact.exact(target) - exact.exact(now)))
