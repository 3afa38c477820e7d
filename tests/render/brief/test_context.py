"""The per-level views: what each level sees, decided in pipeline.render.brief.context."""

from __future__ import annotations

import pytest

from pipeline.analysis.analyze import analyze
from pipeline.load.model import AUDIENCES, Deal
from pipeline.render.brief.context import BriefContext, brief_context, brief_contexts
from pipeline.render.brief.format import index, percent, reflow, score, signed, signed_percent
from pipeline.words.labels import CONCERNS
from tests.render.brief.test_brief_helpers import contacts_at, example

XYZ = "xyz-atm-network"
NORTHBANK = "northbank-branch-network"


@pytest.mark.parametrize("level", AUDIENCES)
def test_contacts_are_only_those_of_the_level(level):
    analysis = example(XYZ)
    names = {row.name for row in brief_context(analysis, level).contacts}
    assert names == contacts_at(analysis.deal, level)


def test_the_senior_view_holds_the_number_one_and_the_deputies_with_their_links():
    rows = {row.name: row for row in brief_context(example(XYZ), "senior").contacts}
    assert set(rows) == {"陈总", "周总", "吴总"}
    assert (rows["陈总"].title, rows["陈总"].role, rows["陈总"].strength, rows["陈总"].status, rows["陈总"].holder) == \
        ("总经理", "一把手", "2/5", "薄弱", "李总")
    assert rows["吴总"].holder == "—"


@pytest.mark.parametrize("level", AUDIENCES)
def test_concerns_are_the_methods_three_for_the_level(level):
    assert brief_context(example(XYZ), level).concerns == CONCERNS["zh"][level]


def test_weak_links_are_flagged_only_at_their_level():
    analysis = example(XYZ)
    frontline = brief_context(analysis, "frontline").mend
    assert len(frontline) == 2
    assert frontline[0].startswith("刘工：薄弱。") and frontline[1].startswith("钱工：断裂。")
    middle = brief_context(analysis, "middle").mend
    assert middle == []  # 郑经理 4 and 孙经理 3: the middle level holds
    senior = brief_context(analysis, "senior").mend
    assert [line.split("：")[0] for line in senior] == ["陈总", "吴总", "证监会派出机构"]


def test_middle_figures_carry_investment_and_payback_from_the_analysis():
    analysis = example(XYZ)
    figures = {f.label: f.value for f in brief_context(analysis, "middle").figures}
    assert analysis.value.payback_months == 1_000_000 / 170_000
    assert figures["客户投资"] == "100万美元"
    assert figures["每月收益"] == "17万美元"
    assert figures["投资回收期"] == "5.9个月"
    assert figures["投资回收期（团队估计）"] == "6个月"
    assert figures["我方团队"] == "高层 李总 / 中层 王经理 / 基层 赵工"


def test_senior_figures_carry_the_customers_figures_and_our_position_stays_internal():
    analysis = example(XYZ)
    senior = brief_context(analysis, "senior")
    figures = {f.label: f.value for f in senior.figures}
    assert figures == {"网上交易容量": "+25%", "全国网络扩容投资": "-15%", "起始时间": "2026年12月"}
    # our standing is in the competition section, which is for our team only
    assert "我方最强维度（领先最强对手）：业务能力 +15.0" in senior.sentences
    assert senior.h["competition"] == "竞争态势（仅供我方团队，不对客户引用）"


def test_frontline_figures_carry_outcomes_the_work_and_the_tracking():
    figures = {f.label: f.value for f in brief_context(example(XYZ), "frontline").figures}
    assert figures["全国网络扩容投资"] == "-15%"
    assert figures["实施安排"] == "自2026年12月起实施ATM数据通信组网"
    assert figures["效果跟踪方式"] == "跟踪客户的通讯传输容量来记录实际节约的成本"
    assert figures["我方现场对接人"] == "赵工"


def test_each_level_sees_the_competition_at_its_own_depth():
    analysis = example(XYZ)
    senior, middle, frontline = (brief_context(analysis, level) for level in AUDIENCES)
    assert senior.competition_intro == analysis.overview.statement
    assert senior.sentences[:3] == [analysis.positioning[c].sentence for c in ("A", "B", "C")]
    assert senior.sentences[6] == analysis.robustness.sentence  # after the three internal figures
    assert [c.kind for c in senior.charts] == ["map", "radar"] and not senior.index_rows and not senior.win_rows
    assert [r.company for r in middle.index_rows] == ["中国电信某省公司", "对手A", "对手B", "对手C"]
    assert middle.index_rows[0].kbf == index(analysis.scores["key_buying_factors"]["us"].index) == "81.7"
    assert [r.item for r in middle.item_rows][:2] == ["网络交易的安全性", "交易高峰的实时性"]
    assert middle.item_rows[0].others == "对手A 65、对手B 75、对手C 60"
    assert [c.kind for c in middle.charts] == ["radar"]
    assert middle.sentences == [f"战术——{t.title}：{t.recommendation}" for t in analysis.tactics[:2]]
    assert frontline.charts == [] and not frontline.index_rows and not frontline.sentences


def test_frontline_service_facts_are_the_items_where_we_score_higher():
    rows = {r.competitor: r.facts for r in brief_context(example(XYZ), "frontline").win_rows}
    # what weighs most first, weight × lead ÷ Σ weight against A: 全程全网 5×35/12 = 14.6,
    # 跨省市 4×35/12 = 11.7, 安全性 5×25/15 = 8.3, 捆绑 3×25/12 = 6.3, 统一网管 3×25/15 = 5, 实时性 4×15/15 = 4
    assert rows["对手A"] == ("全程全网 95:60；跨省市主备份不同路由 90:55；网络交易的安全性 90:65；"
                           "综合业务捆绑 85:60；统一网管与服务响应 85:60；交易高峰的实时性 85:70")
    assert "价格" not in rows["对手A"]  # 60 against A's 90


def test_objections_come_from_where_we_trail_in_the_customers_words():
    analysis = example(XYZ)
    senior = brief_context(analysis, "senior").objections
    # 价格: A 90 against our 60, the only key buying factor where a rival leads
    assert [o.objection for o in senior] == ["对手A在价格上给的条件比你们好。"]
    middle = [o.objection for o in brief_context(analysis, "middle").objections]
    # relationship: B 85 against our 70 on influence, 90 against 75 on history
    assert middle == ["对手A在价格上给的条件比你们好。", "说到客户经理的影响力，对手B给我们的印象更好。",
                      "说到交易历史及口碑，对手B给我们的印象更好。"]
    frontline = [o.objection for o in brief_context(analysis, "frontline").objections]
    assert frontline == ["对手A在价格上给的条件比你们好。"]  # relationship items are not service facts


def test_each_objection_has_its_own_answer_from_its_claim():
    answers = {o.objection: o.answer for o in brief_context(example(XYZ), "middle").objections}
    # a price: the value proposition's figures; the evidence, said without naming a rival, is where we
    # lead every rival by 5 or more, what weighs most first: 全程全网 5×15/12 = 6.25 (over B), then
    # 安全性 5×15/15 = 5 and 跨省市 4×15/12 = 5 (a tie: the key buying factor first)
    assert answers["对手A在价格上给的条件比你们好。"] == (
        "价格要放在总体回报里看：xyz投资公司投资100万美元，5.9个月内收回，并将网上交易容量提高25%，"
        "全国网络扩容投资节省15%。我们在全程全网和网络交易的安全性方面更有优势。")
    # a relationship item: our person at the level; the same unnamed strengths
    assert answers["说到客户经理的影响力，对手B给我们的印象更好。"] == (
        "在客户经理的影响力方面，我们由王经理专人负责与贵方的对接，定期沟通进展、及时回应需求。"
        "我们在全程全网和网络交易的安全性方面更有优势。")
    assert len(set(answers.values())) == len(answers)


def test_radar_has_the_strongest_rival_now_and_later_us_and_our_target():
    chart = brief_context(example(XYZ), "middle").charts[0]
    assert chart.kind == "radar" and chart.categories[0] == "客户经理的影响力"
    assert [s.name for s in chart.series] == ["对手B", "对手B3年后", "我们现在", "我们3年后的目标"]
    assert chart.series[2].values[0] == 70 and chart.series[-1].values[0] == 85
    assert [s.later for s in chart.series] == [False, True, False, True]


def test_english_deal_gives_english_views():
    context = brief_context(example(NORTHBANK), "middle")
    assert context.h["concerns"] == "What the customer's middle level cares about"
    assert context.doc_title == "Middle meeting brief"
    assert context.confidential == "Internal / Confidential"
    assert context.concerns == CONCERNS["en"]["middle"]
    assert context.index_rows[0].company == "Coastal Telecom Enterprise"


def test_the_three_views_differ_and_map_to_template_variables():
    views = brief_contexts(example(XYZ))
    assert list(views) == ["senior", "middle", "frontline"]
    assert len({v.value_message for v in views.values()}) == 3
    mapping = views["senior"].mapping()
    assert set(mapping) == {f for f in BriefContext.__dataclass_fields__}
    assert mapping["customer"] == "xyz投资公司"


def test_numbers_are_shown_as_people_write_them():
    assert [score(90.0), score(82.5), score(5.88), signed(15), signed(-0.4), signed(0)] == \
        ["90", "82.5", "5.9", "+15", "-0.4", "0"]
    # a percentage keeps the deal's own figure, to two decimals, in every sentence and table
    assert [percent(25), percent(12.25), percent(0.5), signed_percent(12.25), signed_percent(-15)] == \
        ["25", "12.25", "0.5", "+12.25", "-15"]


def test_lines_a_yaml_block_wrapped_are_joined():
    data = example(XYZ).deal.model_dump(mode="json")
    data["value_proposition"]["specific"]["tracking"] = "跟踪客户的通讯传输容量\n  来记录实际节约的成本\n"
    context = brief_context(analyze(Deal.model_validate(data)), "frontline")
    figures = {f.label: f.value for f in context.figures}
    assert figures["效果跟踪方式"] == "跟踪客户的通讯传输容量来记录实际节约的成本"
    assert reflow("dual-routed\n  branch network\n", "en") == "dual-routed branch network"


def test_the_teams_closing_stop_is_not_doubled_by_the_briefs_sentences():
    data = example(XYZ).deal.model_dump(mode="json")
    data["value_proposition"]["specific"]["tracking"] = "跟踪客户的通讯传输容量。"
    data["value_proposition"]["overall"]["improves"] = "网络交易的安全性。"
    analysis = analyze(Deal.model_validate(data))
    frontline, senior = brief_context(analysis, "frontline"), brief_context(analysis, "senior")
    assert "效果如何跟踪：跟踪客户的通讯传输容量。" in frontline.talking_points
    assert "我们计划跟踪客户的通讯传输容量，贵方现有哪些数据可以作为基线？" in frontline.questions
    assert frontline.goals[0] == "商定效果跟踪方式：跟踪客户的通讯传输容量。"
    assert senior.questions[0] == "贵公司在网络交易的安全性方面，当前面临的最大问题是什么？"
    assert "效果可以通过跟踪客户的通讯传输容量来验证" not in frontline.objections[0].answer  # a price answer
    assert not any("。。" in o.answer for o in frontline.objections)


@pytest.mark.parametrize("change, direction", [(25, "提高"), (-15, "节省")])
def test_frontline_outcomes_use_the_analysis_verb(change, direction):
    data = example(XYZ).deal.model_dump(mode="json")
    data["value_proposition"]["specific"]["outcomes"] = [{"metric": "运维费用", "change_pct": change},
                                                          {"metric": "故障时长", "change_pct": -40}]
    points = brief_context(analyze(Deal.model_validate(data)), "frontline").talking_points
    assert points[:2] == [f"运维费用{direction}{abs(change)}%。", "故障时长降低40%。"]


def test_both_languages_have_the_same_wording_keys():
    from pipeline.render.brief.words import HEADINGS, WORDS
    assert set(WORDS["zh"]) == set(WORDS["en"]) and set(HEADINGS["zh"]) == set(HEADINGS["en"])


# --- people by rank (issue #23, point 8): 未指定 only where nobody of ours is at that level --------

def test_未指定_only_where_nobody_of_ours_is_at_that_level():
    from tests.deals.fixtures import contact, make

    chain_ = [contact("陈总", "top", 2, our_contact="李总"), contact("郑经理", "manager", 4, our_contact="王经理"),
              contact("刘工", "frontline", 1)]
    analysis = analyze(make(chain_customer=chain_, chain_our_team={}))
    middle = {f.label: f.value for f in brief_context(analysis, "middle").figures}
    assert middle["我方团队"] == "高层 李总 / 中层 王经理 / 基层 未指定"  # was 高层 未指定 / 中层 未指定 / 基层 未指定
    assert brief_context(analysis, "senior").our_side == "我方出席：李总"  # was 我方尚未指定高层对接人：…
    front = brief_context(analysis, "frontline")
    assert {f.label: f.value for f in front.figures}["我方现场对接人"] == "未指定"
    assert front.our_side == "我方尚未指定基层对接人：会谈前先确定由谁出面。"
