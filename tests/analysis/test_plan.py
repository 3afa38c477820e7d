"""The plan behind the proposals: the payback curve and the milestones, checked against the deal."""

from __future__ import annotations

import datetime as dt
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


# --- the first results report follows the tracking cadence (issue #23, point 9) ----------------

from pipeline.analysis.plan import cadence_in  # noqa: E402
from pipeline.render.brief.proposal_context import proposal_contexts  # noqa: E402
from tests.deals.fixtures import make  # noqa: E402


def first_report(analysis) -> tuple[int, str]:
    [found] = [(m.after_months, m.month) for m in analysis.plan.milestones if m.key == "first_report"]
    return found


@pytest.mark.parametrize(("tracking", "cadence"), [
    ("按月统计结算系统的中断时长", "monthly"), ("每季度对比话费账单", "quarterly"), ("季度报告", "quarterly"),
    ("每半年核对一次", "half-yearly"), ("半年度评估", "half-yearly"), ("每年审计", "yearly"), ("年度报告", "yearly"),
    ("monthly availability reports, reviewed quarterly with the CIO", "monthly"),
    ("Quarterly reports to the board", "quarterly"), ("a semi-annual review", "half-yearly"),
    ("an annual audit", "yearly"), ("跟踪客户的通讯传输容量来记录实际节约的成本", None),
])
def test_the_cadence_is_the_one_the_tracking_text_names_first(tracking, cadence):
    assert cadence_in(tracking) == cadence


@pytest.mark.parametrize(("specific", "after", "month", "cadence", "source"), [
    ({"tracking": "the transmission capacity"}, 1, "2027-01", "monthly", "default"),  # as before
    ({"tracking": "每季度统计传输容量"}, 3, "2027-03", "quarterly", "tracking"),
    ({"tracking": "half-yearly capacity reports"}, 6, "2027-06", "half-yearly", "tracking"),
    ({"tracking": "年度审计"}, 12, "2027-12", "yearly", "tracking"),
    ({"tracking": "按月统计", "tracking_cadence": "quarterly"}, 3, "2027-03", "quarterly", "deal"),  # the field wins
    ({"tracking": "按月统计", "first_report": "2027-05"}, 5, "2027-05", "monthly", "tracking"),  # a stated date wins
    ({"tracking": None, "tracking_cadence": "yearly"}, 12, "2027-12", "yearly", "deal"),
])
def test_the_first_report_falls_one_cadence_after_the_start_or_on_its_stated_date(specific, after, month, cadence,
                                                                                   source):
    analysis = analyze(make(specific=specific))  # starts 2026-12
    assert first_report(analysis) == (after, month)
    assert (analysis.plan.report_cadence, analysis.plan.cadence_from) == (cadence, source)
    offsets = [m.after_months for m in analysis.plan.milestones]
    assert offsets == sorted(offsets)


def test_a_stated_first_report_day_is_dated_by_its_month():
    analysis = analyze(make(specific={"start": dt.date(2026, 12, 15), "first_report": dt.date(2027, 2, 1)}))
    assert first_report(analysis) == (2, "2027-02")


def test_without_tracking_there_is_no_report_and_no_cadence():
    analysis = analyze(make(specific={"tracking": None}))
    assert "first_report" not in [m.key for m in analysis.plan.milestones]
    assert (analysis.plan.report_cadence, analysis.plan.cadence_from) == (None, None)


def test_the_shipped_examples_report_monthly_where_their_tracking_says_so():
    for name, source, month in (("city-medical-insurance", "tracking", "2027-04"),
                                ("south-gov-long-distance", "tracking", "2027-02"),
                                ("northbank-branch-network", "tracking", "2027-04"),
                                ("xyz-atm-network", "default", "2027-01")):
        plan = example(name).plan
        assert (plan.report_cadence, plan.cadence_from) == ("monthly", source), name
        assert first_report(example(name))[1] == month


def milestone_line(analysis, month: str) -> str:
    rows = proposal_contexts(analysis)["middle"].milestones
    return next(row.value for row in rows if row.label.replace(" ", "") == month)


def test_the_middle_proposal_says_the_cadence_of_the_first_report():
    quarterly_zh = analyze(make(specific={"tracking": "每季度统计传输容量"}))
    assert milestone_line(quarterly_zh, "2027年3月") == "提交第一份效果报告，此后每季度一份"  # was 2027年1月 | 提交第一份效果报告
    quarterly_en = analyze(make(language="en", specific={"tracking": "quarterly capacity reports"}))
    assert milestone_line(quarterly_en, "March2027") == "First results report, then every quarter"
    unstated = analyze(make(specific={"tracking": "the transmission capacity"}))
    assert milestone_line(unstated, "2027年1月") == "提交第一份效果报告"  # no cadence promised that the deal does not give


def test_the_frontline_proposal_says_how_often_reports_go_to_the_customer():
    def measure(**changes) -> list[str]:
        return proposal_contexts(analyze(make(**changes)))["frontline"].measure

    assert measure(specific={"tracking": "每季度统计传输容量"})[-1] == "效果报告每季度提交贵公司，并在每个季度的回顾中由双方共同核对。"
    assert measure(specific={"tracking": "年度审计"})[-1] == "效果报告每年提交贵公司，由双方共同核对。"
    assert measure(specific={"tracking": "the transmission capacity"})[-1] == "效果报告定期提交贵公司，并在每个季度的回顾中由双方共同核对。"
    assert (measure(language="en", specific={"tracking": "monthly capacity reports"})[-1]
            == "Results reports go to your company every month and are checked together at each quarterly review.")
