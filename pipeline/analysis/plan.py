"""The customer-facing plan behind the proposals: the payback curve and the milestones.

Decided here, once, so the middle proposal's chart and milestone table only arrange
what analysis.json holds: the investment against the cumulative benefit month by
month (only when the payback is computed from the figures, so the two lines really
cross there), and the dated milestones that follow from the SMART statement's start,
its tracking and its payback. The first results report falls one reporting period after the
start (the deal's `tracking_cadence`, else the period its tracking text names, else a month),
or on the deal's own `first_report` date.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Optional

from pipeline.analysis.results import Milestone, PaybackCurve, PlanResult, ValueResult
from pipeline.analysis import exact
from pipeline.load.model import CADENCE_MONTHS, Deal, Specific
from pipeline.words.wording import whole_months

MIN_HORIZON = 12  # months shown at least: a year
MAX_POINTS = 40  # points on the curve at most; a longer horizon is sampled every few months
REVIEW_MONTHS = 3  # the first joint review of results, a quarter after the start
ANNUAL_MONTHS = 12
DEFAULT_CADENCE = "monthly"
# Words in a tracking text that name how often results are reported. At one place the longer
# word wins (半年度 is half-yearly, not yearly; semi-annual is not annual).
CADENCE_WORDS = {
    "monthly": ("每月", "每个月", "月度", "按月", "逐月", "monthly", "every month", "each month"),
    "quarterly": ("每季度", "每个季度", "每季", "季度", "按季", "quarterly", "every quarter", "each quarter"),
    "half-yearly": ("半年", "每半年", "半年度", "half-yearly", "half yearly", "half-year", "semi-annual",
                    "semiannual", "every six months", "six-monthly", "biannual"),
    "yearly": ("每年", "年度", "按年", "逐年", "yearly", "annual", "annually", "every year", "each year"),
}


def plan(deal: Deal, value: ValueResult) -> PlanResult:
    cadence, source = report_cadence(deal.value_proposition.specific)
    return PlanResult(payback_curve=payback_curve(deal, value), milestones=milestones(deal, value),
                      report_cadence=cadence, cadence_from=source)


def reports(spec: Specific) -> bool:
    """Results are reported when the deal says how they are tracked, how often, or when first."""
    return spec.tracking is not None or spec.tracking_cadence is not None or spec.first_report is not None


def report_cadence(spec: Specific) -> tuple[Optional[str], Optional[str]]:
    """(cadence, where it came from): the deal's field, else the tracking text's words, else monthly."""
    if not reports(spec):
        return None, None
    if spec.tracking_cadence is not None:
        return spec.tracking_cadence, "deal"
    named = cadence_in(spec.tracking or "")
    return (named, "tracking") if named else (DEFAULT_CADENCE, "default")


def cadence_in(tracking: str) -> Optional[str]:
    """The cadence the text names first (每月 … 每季度 reads monthly), or None."""
    lowered = tracking.lower()
    found = [(lowered.find(word), -len(word), cadence) for cadence, words in CADENCE_WORDS.items()
             for word in words if word in lowered]
    return min(found)[2] if found else None


def first_report_months(spec: Specific) -> int:
    """Months from the start to the first results report: the stated date's, else one period."""
    if spec.first_report is not None:
        return months_between(start_month(spec.start), start_month(spec.first_report))
    cadence, _ = report_cadence(spec)
    return CADENCE_MONTHS[cadence or DEFAULT_CADENCE]


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
    if reports(spec):
        offsets.append(("first_report", first_report_months(spec)))
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


def months_between(start: str, end: str) -> int:
    """'2026-12' to '2027-03' is 3 months."""
    (y1, m1), (y2, m2) = ((int(part) for part in ym.split("-")) for ym in (start, end))
    return (y2 - y1) * 12 + m2 - m1
