"""The plan behind the proposals: the payback curve and the milestones, checked against the deal."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings

from pipeline.analysis.analyze import analyze
from pipeline.analysis.plan import add_months
from pipeline.load.model import Deal
from tests.render.brief.test_brief_helpers import example
from tests.deals import valid_deal_data


def test_the_xyz_curve_is_the_investment_against_17万_a_month():
    plan = example("xyz-atm-network").plan
    curve = plan.payback_curve
    assert curve.investment == 1_000_000 and curve.monthly_benefit == 170_000 and curve.currency == "USD"
    assert curve.payback_months == 1_000_000 / 170_000  # as analysis.value gives it, unrounded
    assert curve.months == list(range(13))  # a year at least
    assert curve.cumulative_benefit[6] == 1_020_000 and curve.cumulative_benefit[5] == 850_000


def test_the_xyz_milestones_are_dated_from_december_2026():
    milestones = [(m.key, m.month) for m in example("xyz-atm-network").plan.milestones]
    assert milestones == [("start", "2026-12"), ("first_report", "2027-01"), ("review", "2027-03"),
                          ("payback", "2027-06"), ("year", "2027-12")]


def test_a_payback_past_a_year_comes_after_the_annual_review():
    keys = [m.key for m in example("south-gov-long-distance").plan.milestones]  # 30 months
    assert keys.index("year") < keys.index("payback")
    assert example("south-gov-long-distance").plan.payback_curve.months[-1] == 45  # half as long again


@pytest.mark.parametrize(("start", "months", "expected"), [
    ("2026-12", 0, "2026-12"), ("2026-12", 1, "2027-01"), ("2026-01", 11, "2026-12"), ("2026-05", 30, "2028-11"),
])
def test_add_months(start, months, expected):
    assert add_months(start, months) == expected


@settings(max_examples=40, deadline=None)
@given(valid_deal_data())
def test_the_curve_crosses_the_investment_at_the_payback_on_every_deal(data):
    analysis = analyze(Deal.model_validate(data))
    spec, curve = analysis.deal.value_proposition.specific, analysis.plan.payback_curve
    same_currency = (spec.monthly_benefit is not None
                     and spec.monthly_benefit.currency.upper() == spec.investment.currency.upper())
    assert (curve is not None) == same_currency
    if curve is None:
        return
    assert curve.months[0] == 0 and curve.months == sorted(set(curve.months))
    assert curve.months[-1] >= max(12, curve.payback_months)
    for month, benefit in zip(curve.months, curve.cumulative_benefit):
        assert math.isclose(benefit, spec.monthly_benefit.amount * month, rel_tol=1e-9, abs_tol=0.01)
    assert abs(curve.payback_months - spec.investment.amount / spec.monthly_benefit.amount) <= 0.005 + 1e-9
    offsets = [m.after_months for m in analysis.plan.milestones]
    assert offsets == sorted(offsets) and offsets[0] == 0
