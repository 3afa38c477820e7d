"""The value proposition: step 1 sentence, step 2 SMART statement and check, step 3 per level."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.analysis.analyze import analyze
from pipeline.analysis.chain import chain
from pipeline.analysis.smart import findings
from pipeline.analysis.value import value
from pipeline.words.wording import money, start_date
from tests.deals import make, xyz


def valued(deal, with_overview=True):
    return value(deal, chain(deal), analyze(deal).claims if with_overview else None)


@pytest.fixture(scope="module")
def xyz_value():
    return valued(xyz())


def test_step1_overall(xyz_value):
    assert xyz_value.overall == ("基于我们在全国ATM数据通信组网方面的知识和经验，我们具备构造跨省市主备份不同路由、"
                                 "统一网管监控的能力，为xyz投资公司提高网络交易的安全性和高效实时性。")


def test_step2_the_sources_sentence(xyz_value):
    assert xyz_value.specific == (
        "从2026年12月开始，基于我们提供的ATM数据通信组网，xyz投资公司将网上交易容量提高25%，全国网络扩容投资节省15%。"
        "客户100万美元的投资将在5.9个月内收回。我们将通过跟踪客户的通讯传输容量来记录实际节约的成本。")


def test_payback(xyz_value):
    # 1,000,000 / 170,000 = 5.882…, stored unrounded; the stated 6 is 2 % off, within 10 %
    assert (xyz_value.payback_computed, xyz_value.payback_stated, xyz_value.payback_months) == (
        1_000_000 / 170_000, 6, 1_000_000 / 170_000)


def test_xyz_is_smart(xyz_value):
    assert xyz_value.smart_ok is True
    assert {letter: check.reason for letter, check in xyz_value.smart.items()} == {
        "S": "指明了业务价值：ATM数据通信组网带来网上交易容量和全国网络扩容投资的变化。",
        "M": "结果可以度量：网上交易容量提高25%，全国网络扩容投资节省15%；投资100万美元。",
        "A": "各项变化都在±100%以内。",
        "R": "投资回收期5.9个月，在1到60个月之间，数字前后一致。",
        "T": "从2026年12月开始，5.9个月内收回投资。",
    }
    assert findings(xyz()) == []


def outcomes(*changes):
    return {"outcomes": [{"metric": f"m{i}", "change_pct": c} for i, c in enumerate(changes)]}


SPECIFIC = "value_proposition.specific"


@pytest.mark.parametrize("specific, letter, field, message", [
    (outcomes(0, 10), "S", f"{SPECIFIC}.outcomes[0].change_pct", "a change of 0% in m0 names no business value"),
    (outcomes(10, 150), "A", f"{SPECIFIC}.outcomes[1].change_pct", "a change of 150% in m1 is beyond ±100%"),
    (outcomes(-120), "A", f"{SPECIFIC}.outcomes[0].change_pct", "a change of -120% in m0 is beyond ±100%"),
    ({"monthly_benefit": None, "payback_months": 0.5}, "R", f"{SPECIFIC}.payback_months",
     "a payback of 0.5 months is outside 1-60 months"),
    ({"monthly_benefit": None, "payback_months": 72}, "R", f"{SPECIFIC}.payback_months",
     "a payback of 72 months is outside 1-60 months"),
    ({"monthly_benefit": {"amount": 2000000, "currency": "USD"}, "payback_months": None}, "R",
     f"{SPECIFIC}.monthly_benefit.amount", "a payback of 0.5 months is outside 1-60 months"),
    ({"payback_months": 6.6}, "R", f"{SPECIFIC}.payback_months",  # |6.6 - 5.88| = 0.72 > 0.588
     "the stated payback of 6.6 months is more than 10% off the computed 5.9 months"),
    ({"monthly_benefit": {"amount": 170000, "currency": "CNY"}}, "R", f"{SPECIFIC}.monthly_benefit.currency",
     "the investment (USD) and the monthly benefit (CNY) are in different currencies, so no payback can be computed"),
    ({"monthly_benefit": None, "payback_months": None}, "T", SPECIFIC,
     "there is no payback or monthly benefit, so no end"),
])
def test_each_smart_warning(specific, letter, field, message):
    deal = make(specific=specific)
    assert [(f.field, f.message) for f in findings(deal)] == [(field, message)]
    result = valued(deal)
    assert [l for l, check in result.smart.items() if not check.ok] == [letter]
    assert result.smart_ok is False


@pytest.mark.parametrize("specific", [
    outcomes(100, -100),                                   # ±100 % is the limit, not beyond it
    {"monthly_benefit": None, "payback_months": 1},        # 1 and 60 months are inside the range
    {"monthly_benefit": None, "payback_months": 60},
    {"monthly_benefit": {"amount": 1000000, "currency": "usd"}, "payback_months": 1},  # currency case ignored
])
def test_boundaries_are_no_warning(specific):
    assert findings(make(specific=specific)) == []


def test_within_tolerance_is_no_warning():
    # |6.45 - 5.88| = 0.57 <= 0.588 (10 % of 5.88)
    assert findings(make(specific={"payback_months": 6.45})) == []


def test_failed_letters_give_reasons_in_the_deals_language():
    result = valued(make(specific={**outcomes(150), "payback_months": 9}))
    assert result.smart["A"].reason == "难以实现：m0的变化150%超出了±100%。"
    assert result.smart["R"].reason == "不够现实：声明的回收期9个月与计算值5.9个月相差超过10%。"
    english = valued(make(language="en", specific={"monthly_benefit": None, "payback_months": None}))
    assert english.smart["T"].reason == "Not time-based: there is no payback or monthly benefit, so no end."
    assert english.smart["R"].reason == "No payback to check."


def test_currency_mismatch_falls_back_to_the_stated_payback():
    result = valued(make(specific={"monthly_benefit": {"amount": 170000, "currency": "CNY"}, "payback_months": 7}))
    assert (result.payback_computed, result.payback_stated, result.payback_months) == (None, 7, 7)
    assert "客户100万美元的投资将在7个月内收回。" in result.specific


def test_no_payback_states_the_investment_alone():
    result = valued(make(specific={"monthly_benefit": None, "payback_months": None, "tracking": None}))
    assert result.payback_months is None
    assert result.specific == ("从2026年12月开始，基于我们提供的data network，Acme将trading capacity提高25%，"
                               "network spending节省15%。客户将投资100万美元。")


def test_step2_in_english():
    result = valued(make(language="en", specific={"start": dt.date(2027, 3, 1), "tracking": "track the link load to record the savings"}))
    assert result.specific == (
        "From 1 March 2027, based on the data network we provide, Acme will raise trading capacity by 25% and "
        "cut network spending by 15%. The customer's investment of 1 million US dollars pays back within 5.9 months. "
        "We will track the link load to record the savings.")
    assert result.overall == ("Based on our knowledge and experience in networks, we have the capability to run a "
                              "national network, to improve trading speed for Acme.")


def test_tracking_without_saying_record():
    result = valued(make(specific={"tracking": "通过网管报表"}))
    assert result.specific.endswith("我们将通过网管报表来记录实际效果。")


@pytest.mark.parametrize("tracking", ["网管报表。", "网管报表.", "网管报表，", "网管报表；\n"])
def test_a_closing_stop_of_the_teams_words_is_not_doubled(tracking):
    result = valued(make(specific={"tracking": tracking}))
    assert result.specific.endswith("客户100万美元的投资将在5.9个月内收回。我们将通过网管报表来记录实际效果。")
    assert result.levels["frontline"].message.endswith("减少一线人员的工作量。我们将通过网管报表来记录实际效果。")


def test_an_improvement_ending_in_a_stop_reads_once():
    deal = make(value_proposition={**make().value_proposition.model_dump(mode="json"),
                                   "overall": {"expertise": "组网", "capability": "统一监控", "improves": "交易安全性。"}})
    assert valued(deal).overall == "基于我们在组网方面的知识和经验，我们具备统一监控的能力，为Acme提高交易安全性。"


@pytest.mark.parametrize("language, metric, change, expected", [
    ("zh", "网上交易容量", 25, "网上交易容量提高25%"),
    ("zh", "全国网络扩容投资", -15, "全国网络扩容投资节省15%"),
    ("zh", "长途话费年支出", -20, "长途话费年支出节省20%"),
    ("zh", "运维成本", -10, "运维成本节省10%"),
    ("zh", "日常开支", -10, "日常开支节省10%"),
    ("zh", "支付网络年中断分钟数", -80, "支付网络年中断分钟数降低80%"),
    ("zh", "network spending", -15, "network spending节省15%"),
    ("en", "outage minutes per year on the payment network", -80,
     "cut outage minutes per year on the payment network by 80%"),
    ("en", "annual network operating cost", -18, "cut annual network operating cost by 18%"),
    ("en", "trading capacity", 25, "raise trading capacity by 25%"),
])
def test_outcomes_are_raised_saved_or_cut(language, metric, change, expected):
    result = valued(make(language=language, specific={"outcomes": [{"metric": metric, "change_pct": change}]}))
    assert expected in result.specific


def test_step3_levels(xyz_value):
    levels = xyz_value.levels
    assert list(levels) == ["senior", "middle", "frontline"]
    assert [(lv.customer_contacts, lv.our_person, lv.from_deal) for lv in levels.values()] == [
        (["陈总", "周总", "吴总"], "李总", False),
        (["郑经理", "孙经理"], "王经理", False),
        (["刘工", "钱工"], "赵工", False),
    ]
    assert levels["middle"].concerns == ["不断用创新的方法推动企业目标的完成", "确定和分配预算", "分配企业资源"]
    # senior: strategic outcome and our lead (business capability, 90.83 - 75.83 = 15 over B)
    assert levels["senior"].message == (
        "从战略上看，ATM数据通信组网将帮助xyz投资公司提高网络交易的安全性和高效实时性：网上交易容量提高25%，"
        "全国网络扩容投资节省15%。我方在全程全网和跨省市主备份不同路由方面的优势，使我们成为xyz投资公司可以信赖的长期合作伙伴。")
    # middle: budget, investment, payback
    assert levels["middle"].message == (
        "在预算与资源上，xyz投资公司投资100万美元，将在5.9个月内收回，每月带来17万美元的收益，"
        "并将网上交易容量提高25%，全国网络扩容投资节省15%，每一笔投入都有可度量的回报。")
    # front line: cost saved, effort, tracking
    assert levels["frontline"].message == (
        "在日常运作中，全国网络扩容投资节省15%；实施与运维由我方赵工负责，减少一线人员的工作量。"
        "我们将通过跟踪客户的通讯传输容量来记录实际节约的成本。")


def test_the_deals_own_level_wording_wins():
    deal = make(value_proposition={**make().value_proposition.model_dump(mode="json"),
                                   "levels": {"senior": "我们自己的话。"}})
    levels = valued(deal).levels
    assert (levels["senior"].message, levels["senior"].from_deal) == ("我们自己的话。", True)
    assert levels["middle"].from_deal is False and levels["middle"].message.startswith("在预算与资源上")


def test_an_english_offering_keeps_one_article():
    result = valued(make(language="en", specific={"offering": "A managed branch network"}))
    assert result.specific.startswith("From December 2026, based on the managed branch network we provide, Acme will")
    assert result.levels["senior"].message.startswith("Strategically, our managed branch network helps Acme")


def test_the_deals_level_wording_loses_only_the_yaml_line_breaks():
    deal = make(value_proposition={**make().value_proposition.model_dump(mode="json"),
                                   "levels": {"middle": "在本预算周期内\n完成改造。\n"}})
    assert valued(deal).levels["middle"].message == "在本预算周期内完成改造。"


def test_step3_in_english_without_a_team_or_a_lead():
    deal = make(language="en", chain_our_team={}, specific={"monthly_benefit": None, "tracking": None,
                                                            "outcomes": [{"metric": "capacity", "change_pct": 30}]})
    levels = valued(deal).levels
    assert levels["senior"].message == ("Strategically, our data network helps Acme improve trading speed: "
                                        "it will raise capacity by 30%.")  # every margin is 0: no lead to claim
    assert levels["middle"].message == ("For budget and resources: Acme invests 1 million US dollars, paid back "
                                        "within 6 months, and will raise capacity by 30%: every amount spent has "
                                        "a measurable return.")
    assert levels["frontline"].message == (
        "Day to day, the front line will raise capacity by 30%; our team handles implementation and operation for "
        "us, taking work off the front line. We will agree with the front line how the actual results are recorded.")
    assert levels["frontline"].our_person is None
    assert levels["frontline"].concerns == ["save costs", "spend the budget", "execute the strategy"]


@pytest.mark.parametrize("language, amount, currency, expected", [
    ("zh", 1000000, "USD", "100万美元"), ("zh", 170000, "usd", "17万美元"), ("zh", 250000000, "CNY", "2.5亿元"),
    ("zh", 1234567, "CNY", "1,234,567元"), ("zh", 5000, "EUR", "5,000欧元"), ("zh", 30000, "SGD", "3万SGD"),
    ("en", 1000000, "USD", "1 million US dollars"), ("en", 170000, "USD", "170,000 US dollars"),
    ("en", 2500000000, "EUR", "2.5 billion euros"), ("en", 1500000, "SGD", "1.5 million SGD"),
])
def test_money(language, amount, currency, expected):
    assert money(language, amount, currency) == expected


@pytest.mark.parametrize("language, start, expected", [
    ("zh", "2026-12", "2026年12月"), ("en", "2026-12", "December 2026"),
    ("zh", dt.date(2027, 3, 5), "2027年3月5日"), ("en", dt.date(2027, 3, 5), "5 March 2027"),
])
def test_start(language, start, expected):
    assert start_date(language, start) == expected
