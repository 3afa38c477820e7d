"""The customer-facing plan behind the proposals: the payback curve and the milestones.

Decided here, once, so the middle proposal's chart and milestone table only arrange
what analysis.json holds: the investment against the cumulative benefit month by
month (only when the payback is computed from the figures, so the two lines really
cross there), and the dated milestones that follow from the SMART statement's start,
its tracking and its payback.
"""

from __future__ import annotations

import datetime as dt
import math

from pipeline.analysis.results import Milestone, PaybackCurve, PlanResult, ValueResult
from pipeline.analysis import exact
from pipeline.load.model import Deal
from pipeline.words.wording import whole_months

MIN_HORIZON = 12  # months shown at least: a year
MAX_POINTS = 40  # points on the curve at most; a longer horizon is sampled every few months
REVIEW_MONTHS = 3  # the first joint review of results, a quarter after the start
ANNUAL_MONTHS = 12


def plan(deal: Deal, value: ValueResult) -> PlanResult:
    return PlanResult(payback_curve=payback_curve(deal, value), milestones=milestones(deal, value))


def payback_curve(deal: Deal, value: ValueResult) -> PaybackCurve | None:
    """Cumulative benefit month by month, to half as long again as the payback (a year at least)."""
    spec = deal.value_proposition.specific
    if value.payback_computed is None or spec.monthly_benefit is None:
        return None
    horizon = max(MIN_HORIZON, whole_months(value.payback_computed * 1.5))
    step = math.ceil(horizon / MAX_POINTS)
    months = list(range(0, horizon + 1, step))
    if months[-1] != horizon:
        months.append(horizon)
    benefit = spec.monthly_benefit.amount
    return PaybackCurve(currency=spec.investment.currency, investment=spec.investment.amount,
                        monthly_benefit=benefit, payback_months=value.payback_computed, months=months,
                        cumulative_benefit=[exact.stored(exact.exact(benefit) * m) for m in months])


def milestones(deal: Deal, value: ValueResult) -> list[Milestone]:
    """Start, first results report (when results are tracked), first review, payback, first year."""
    spec = deal.value_proposition.specific
    offsets = [("start", 0)]
    if spec.tracking is not None:
        offsets.append(("first_report", 1))
    offsets.append(("review", REVIEW_MONTHS))
    if value.payback_months is not None:
        offsets.append(("payback", whole_months(value.payback_months)))
    offsets.append(("year", ANNUAL_MONTHS))
    start = start_month(spec.start)
    ordered = sorted(offsets, key=lambda pair: pair[1])  # stable: the list's order breaks ties
    return [Milestone(key=key, after_months=after, month=add_months(start, after)) for key, after in ordered]


def start_month(start: dt.date | str) -> str:
    return start if isinstance(start, str) else f"{start.year:04d}-{start.month:02d}"


def add_months(year_month: str, months: int) -> str:
    """'2026-12' plus 7 months is '2027-07'."""
    year, month = (int(part) for part in year_month.split("-"))
    total = year * 12 + month - 1 + months
    return f"{total // 12:04d}-{total % 12 + 1:02d}"
