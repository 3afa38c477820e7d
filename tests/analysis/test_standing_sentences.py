"""Issue 12's findings, one test each, with the exact sentence the documents now say.

Each deal is small and inline, so the scores that decide the sentence are in view.
"""

from __future__ import annotations

import ast

import pytest

from pipeline.analysis.analyze import analyze
from pipeline.render.brief.context import brief_context
from tests.deals import item, make, xyz
from tests.paths import ROOT

RENDER = ROOT / "pipeline" / "render"
INPUTS = ROOT / "inputs"


def tactic(analysis, rule):
    return next((t for t in analysis.tactics if t.rule == rule), None)


def test_the_lever_is_never_a_capability_we_trail_on():
    # 应用迁移与集成能力: us 70, A 85 -> never the lever; 全程全网 95 against 80 is.
    analysis = analyze(make(business_capabilities=[item("全程全网", 95, 80, 70), item("应用迁移与集成能力", 70, 85, 60)],
                            key_buying_factors=[item("安全性", 80, 75, 70)],
                            relationship_capabilities=[item("客户经理的影响力", 80, 78, 70)]))
    assert analysis.overview.statement == (
        "对于BanksAcme，以我方在安全性方面的优势为基础，充分发挥全程全网等全业务优势进行综合业务捆绑，"
        "从而赢得客户的忠诚和新业务，力争达成全面合作协议。")


def test_the_english_example_no_longer_calls_a_low_capability_a_strength():
    from pipeline.load.deal import load_deal
    analysis = analyze(load_deal(INPUTS / "northbank-branch-network.yaml")[0])
    sd_wan = analysis.standings.item("business_capabilities", "Managed SD-WAN")
    assert sd_wan.now.lead == "rival"  # slide 4 marks it low
    assert "Managed SD-WAN" not in analysis.overview.statement
    assert analysis.overview.statement == (
        "For Northbank Financial Group (Banking), build on our strength in Integrated voice, data and security bundle "
        "and National end-to-end network, use our full-service strength to bundle integrated services, give larger "
        "discounts on Total cost of ownership, where Meridian Networks leads, and so win loyalty and new business, "
        "aiming for a comprehensive agreement.")


def test_trailing_on_total_cost_of_ownership_gets_the_price_tactic():
    # 总体拥有成本: us 60, A 80 -> 成本 is a price word
    analysis = analyze(make(key_buying_factors=[item("安全性", 90, 70, 70, weight=3),
                                                item("总体拥有成本", 60, 80, 70, weight=2)]))
    assert tactic(analysis, "concede-on-price").recommendation == (
        "不与对手打价格战，而以综合业务捆绑守住整体方案，在总体拥有成本上给予更大优惠，换取客户的忠诚和新业务。")


def test_a_price_a_rival_leads_on_is_never_brought_out_as_ours():
    # 价格: A 90 against our 60; 安全性 a tie with A: we lead on no factor, so the tactic changes shape
    analysis = analyze(make(key_buying_factors=[item("价格", 60, 90, 70), item("安全性", 80, 80, 70)]))
    assert tactic(analysis, "reframe-buying-factors").recommendation == (
        "我方在客户购买关键因素上没有一项领先所有对手：在方案交流中帮助客户认识我方整体方案能带来的价值，"
        "把决策引向总体回报而不是单项比较。")
    assert "突出我方领先" not in " ".join(t.recommendation for t in analysis.tactics)


def test_the_concession_is_the_largest_weighted_gap_and_not_called_what_matters_most_unless_it_is():
    # 价格 trails by 30 at weight 1 (30); 资费 by 15 at weight 4 (60): 资费. The heaviest factor is 安全性.
    analysis = analyze(make(key_buying_factors=[item("安全性", 90, 70, 70, weight=5), item("价格", 60, 90, 70, weight=1),
                                                item("资费", 70, 85, 80, weight=4)]))
    assert tactic(analysis, "concede-on-price").recommendation == (
        "不与对手打价格战，而以综合业务捆绑守住整体方案，在资费上给予更大优惠，换取客户的忠诚和新业务。")
    assert "但在资费上给予更大优惠（Rival A在此领先）" in analysis.overview.statement


@pytest.mark.parametrize("language, said", [
    ("zh", "不与对手打价格战，而以综合业务捆绑守住整体方案，在客户最关心的价格上给予更大优惠，换取客户的忠诚和新业务。"),
    ("en", "Do not fight a price war. Hold the whole offer together with bundled services, give a larger discount on "
           "价格, which the customer cares about most, and win loyalty and new business in return."),
])
def test_what_matters_most_is_the_single_heaviest_factor(language, said):
    analysis = analyze(make(language=language, key_buying_factors=[item("价格", 60, 80, 70, weight=5),
                                                                   item("安全性", 90, 70, 70, weight=3)]))
    assert tactic(analysis, "concede-on-price").recommendation == said


def test_a_tie_for_the_heaviest_weight_names_none_as_what_matters_most():
    analysis = analyze(make(key_buying_factors=[item("价格", 60, 80, 70, weight=5), item("安全性", 90, 70, 70, weight=5)]))
    assert "最关心" not in analysis.overview.statement
    assert "最关心" not in tactic(analysis, "concede-on-price").recommendation


def test_a_factor_that_is_not_a_price_gets_no_concession():
    # the south-gov example's 示范效应 says kind: other; a factor of that name concedes nothing
    factor = item("IP电话对长途价格的示范效应", 55, 95, 70, weight=3) | {"kind": "other"}
    analysis = analyze(make(key_buying_factors=[factor, item("安全性", 90, 70, 70, weight=3)]))
    assert tactic(analysis, "concede-on-price") is None
    assert "优惠" not in analysis.overview.statement
    from pipeline.load.deal import load_deal
    south = analyze(load_deal(INPUTS / "south-gov-long-distance.yaml")[0])
    assert tactic(south, "concede-on-price").title == "捆绑销售，在长途资费水平上让步"


def test_exclusive_follows_one_rule_for_the_statement_and_the_playbook():
    # xyz: relationship only at parity with B (80 against 79.57): neither says exclusive
    analysis = analyze(xyz())
    assert analysis.overview.statement.endswith("从而赢得客户的忠诚和新业务，力争达成全面合作协议。")
    assert tactic(analysis, "exclusive-agreement") is None
    ahead = analyze(make(key_buying_factors=[item("安全性", 90, 70, 70)], business_capabilities=[item("全程全网", 90, 70, 70)],
                         relationship_capabilities=[item("客户经理的影响力", 90, 70, 84)]))
    assert ahead.overview.statement.endswith("从而赢得客户的忠诚和新业务，力争达成全面的排他性协议。")
    assert tactic(ahead, "exclusive-agreement") is not None


def test_a_tie_is_not_a_lead_in_the_deck_or_the_briefs():
    analysis = analyze(make(key_buying_factors=[item("安全性", 80, 80, 70)], business_capabilities=[item("全程全网", 90, 70, 70)]))
    assert analysis.standings.item("key_buying_factors", "安全性").now.lead == "tie"
    from pipeline.render.deck.text import leads
    assert not leads(analysis, "key_buying_factors", "安全性")
    wins = {r.competitor: r.facts for r in brief_context(analysis, "frontline").win_rows}
    assert wins["Rival A"] == "全程全网 90:70"  # the tie with A on 安全性 is no win


def test_numbers_read_the_same_everywhere():
    # xyz: payback 1,000,000 / 170,000 = 5.88 -> 5.9 in every sentence; the deal states 6
    analysis = analyze(xyz())
    middle = brief_context(analysis, "middle")
    said = " ".join([analysis.value.specific, analysis.value.levels["middle"].message,
                     *(f.value for f in middle.figures), *middle.goals, *(o.answer for o in middle.objections)])
    assert "5.88" not in said and "6个月内收回" not in said
    assert said.count("5.9个月") >= 4
    assert {f.label: f.value for f in middle.figures}["投资回收期（团队估计）"] == "6个月"


def test_no_module_under_render_compares_scores():
    """A static check: no comparison, max, min or sort in pipeline/render touches a score, index,
    margin, weighted total or 3-year figure. Judging who leads is the analysis' job."""
    found = []
    for path in sorted(RENDER.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(source)):
            if judges(node) and FIGURES & names_in(node):
                found.append(f"{path.relative_to(RENDER)}:{node.lineno}: {ast.get_source_segment(source, node)}")
    assert found == []


FIGURES = {"scores", "margin", "margins", "weighted_total", "in_3_years", "ours", "theirs"}
ORDERING = (ast.Lt, ast.LtE, ast.Gt, ast.GtE, ast.Eq, ast.NotEq)


def judges(node: ast.AST) -> bool:
    """An ordering comparison, or a max/min/sorted call."""
    if isinstance(node, ast.Compare):
        return any(isinstance(op, ORDERING) for op in node.ops)
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("max", "min", "sorted")


def names_in(node: ast.AST) -> set[str]:
    """The attribute names and string keys a node reads (scores, .margin, ["in_3_years"])."""
    found = set()
    for part in ast.walk(node):
        if isinstance(part, ast.Attribute):
            found.add(part.attr)
        elif isinstance(part, ast.Name):
            found.add(part.id)
        elif isinstance(part, ast.Constant) and isinstance(part.value, str):
            found.add(part.value)
    return found


def test_the_static_check_finds_a_comparison_of_scores():
    source = "def f(item, us, them):\n    return item.scores[us] >= item.scores[them]\n"
    node = next(n for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Compare))
    assert judges(node) and FIGURES & names_in(node)
