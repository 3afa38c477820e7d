"""The method's library (templates/method.json): standard weights a deal may omit, departures the
build warns about and the deck marks, and our standing on the standard indicators alone."""

from __future__ import annotations

import io
import json
import re

import pytest
from pptx import Presentation

from pipeline.analysis.analyze import analyze
from pipeline.load.method import library, standard_indicators, standard_weight
from pipeline.load.model import Deal
from pipeline.render.deck.slides import render_deck
from tests.conftest import ROOT
from tests.deals import deal_data, item, problems_after_edit

# The method's five indicators and weights (METHOD.md section 1), written out here, not read from the library.
METHOD = {"客户经理的影响力": 5, "组织内部协调能力": 4, "高层对项目的重视程度": 3, "交易历史及口碑": 4, "长期合作潜力": 3}
METHOD_EN = {"Account manager's influence": 5, "Internal coordination capability": 4,
             "Senior management's attention to the project": 3, "Transaction history and reputation": 4,
             "Long-term cooperation potential": 3}


def test_the_library_holds_the_methods_five_indicators_and_weights_in_both_languages():
    assert {s.zh: s.weight for s in standard_indicators()} == METHOD
    assert {s.en: s.weight for s in standard_indicators()} == METHOD_EN
    raw = json.loads((ROOT / "templates" / "method.json").read_text(encoding="utf-8"))
    last = raw["relationship_capabilities"][-1]
    assert (last["id"], last["zh"], last["en"], last["weight"]) == ("solution_design", "解决方案的设计能力",
                                                                    "Solution design capability", None)
    assert {s.zh for s in library().business_capabilities} == {"全程全网", "综合业务捆绑"}


@pytest.mark.parametrize("name, weight", [("客户经理的影响力", 5), (" 客户经理的影响力 ", 5),
                                          ("account manager's influence", 5), ("解决方案的设计能力", None),
                                          ("Vendor lunches", None)])
def test_a_standard_name_in_either_language_finds_its_weight(name, weight):
    assert standard_weight("relationship_capabilities", name) == weight


def relationship(*items: dict) -> Deal:
    return Deal.model_validate(deal_data(relationship_capabilities=list(items)))


def standard_items(**overrides: float) -> list[dict]:
    """The five standard indicators scored us 80 / A 70 / B 60, weights omitted unless overridden."""
    out = []
    for name in METHOD:
        data = {"name": name, "scores": {"us": 80, "A": 70, "B": 60}}
        if name in overrides:
            data["weight"] = overrides[name]
        out.append(data)
    return out


def test_an_omitted_standard_weight_is_filled_from_the_library_and_is_no_departure():
    analysis = analyze(relationship(*standard_items()))
    assert [i.weight for i in analysis.deal.relationship_capabilities] == list(METHOD.values())
    assert analysis.scores["relationship_capabilities"]["us"].weighted_total == 80 * 19
    assert not analysis.method.departs and analysis.method.departures == []
    assert not [f for f in analysis.findings if f.field.startswith("relationship_capabilities")]


def test_a_missing_weight_on_an_item_of_the_teams_own_is_an_error_at_its_line(tmp_path):
    problems = problems_after_edit(tmp_path, "    weight: 4\n    scores: {us: 90, A: 60, B: 70}",
                                   "    scores: {us: 90, A: 60, B: 70}")
    assert problems == [
        "demo.yaml:12:5: key_buying_factors[0].weight: missing; the method gives standard weights only to its "
        "relationship indicators (客户经理的影响力 5, 组织内部协调能力 4, 高层对项目的重视程度 3, 交易历史及口碑 4, "
        "长期合作潜力 3), so it needs its own: add weight: <a positive number>"]
    assert problems_after_edit(tmp_path, "  - name: 客户经理的影响力\n    weight: 5",
                               "  - name: 客户经理的影响力x") == [
        "demo.yaml:20:5: relationship_capabilities[0].weight: missing; '客户经理的影响力x' is not one of the method's "
        "standard relationship indicators (客户经理的影响力 5, 组织内部协调能力 4, 高层对项目的重视程度 3, 交易历史及口碑 4, "
        "长期合作潜力 3), so it needs its own: add weight: <a positive number>"]


def test_a_null_weight_is_a_missing_one_at_its_line(tmp_path):
    """`weight: ~` on an item of the team's own is refused like an absent weight (it once reached the
    arithmetic as None: an internal error); on a standard indicator it takes the library's weight."""
    problems = problems_after_edit(tmp_path, "    weight: 4\n    scores: {us: 90, A: 60, B: 70}",
                                   "    weight: ~\n    scores: {us: 90, A: 60, B: 70}")
    assert problems == [
        "demo.yaml:13:13: key_buying_factors[0].weight: missing; the method gives standard weights only to its "
        "relationship indicators (客户经理的影响力 5, 组织内部协调能力 4, 高层对项目的重视程度 3, 交易历史及口碑 4, "
        "长期合作潜力 3), so it needs its own: add weight: <a positive number>"]
    from pipeline.load.deal import load_deal
    from tests.deals import MINIMAL_DEAL
    path = tmp_path / "null.yaml"
    path.write_text(MINIMAL_DEAL.replace("  - name: 客户经理的影响力\n    weight: 5\n",
                                         "  - name: 客户经理的影响力\n    weight: ~\n"), encoding="utf-8")
    assert analyze(load_deal(path)[0]).deal.relationship_capabilities[0].weight == 5


def test_a_standard_weight_left_out_loads(tmp_path):
    from pipeline.load.deal import load_deal
    from tests.deals import MINIMAL_DEAL
    path = tmp_path / "demo.yaml"
    path.write_text(MINIMAL_DEAL.replace("  - name: 客户经理的影响力\n    weight: 5\n", "  - name: 客户经理的影响力\n"),
                    encoding="utf-8")
    deal, _ = load_deal(path)
    assert deal.relationship_capabilities[0].weight is None
    assert analyze(deal).deal.relationship_capabilities[0].weight == 5


def test_each_kind_of_departure_is_found_and_warned_with_its_field():
    deal = relationship(*standard_items(交易历史及口碑=6)[:4], item("解决方案的设计能力", 90, 50, 50, 4),
                        item("Vendor lunches", 90, 50, 50, 2))
    check = analyze(deal).method
    assert [(d.kind, d.item, d.index, d.weight, d.standard_weight) for d in check.departures] == [
        ("reweighted", "交易历史及口碑", 3, 6, 4), ("own_weight", "解决方案的设计能力", 4, 4, None),
        ("added", "Vendor lunches", 5, 2, None), ("omitted", "长期合作潜力", None, None, 3)]
    fields = [f.field for f in analyze(deal).findings if f.field.startswith("relationship")]
    assert fields[:3] == ["relationship_capabilities[3].weight", "relationship_capabilities[4].weight",
                          "relationship_capabilities[5].name"]
    messages = " ".join(f.message for f in analyze(deal).findings)
    assert "weight 6 for '交易历史及口碑' departs from the method's standard weight 4" in messages
    assert "'Vendor lunches' is not one of the method's standard relationship indicators" in messages
    assert "not scored" not in messages and len(fields) == 3  # left out: noted in the deck, not warned


def test_the_standing_on_the_standard_indicators_alone_is_reported_when_a_sixth_flips_it():
    # Standard five at their weights (sum 19): us 70 everywhere = index 70, A 78 everywhere = index 78:
    # A leads by 8, a disadvantage. A sixth of weight 30 where we score 100 and A 50 makes ours
    # (70*19 + 3000) / 49 = 88.37 and A's (78*19 + 1500) / 49 = 60.86: an advantage.
    five = [{"name": n, "scores": {"us": 70, "A": 78, "B": 78}} for n in METHOD]
    analysis = analyze(relationship(*five, item("Golf with the board", 100, 50, 50, 30)))
    assert analysis.positioning["A"].relationship_capabilities == "advantage"
    check = analysis.method
    assert check.standard_scores["us"].index == 70 and check.standard_scores["A"].index == 78
    assert check.standard_margins == {"A": -8, "B": -8}
    assert check.standard_positions == {"A": "disadvantage", "B": "disadvantage"}
    assert check.changed == ["A", "B"]
    flips = [f.message for f in analysis.findings if "alone" in f.message]
    assert flips[0] == ("on the method's standard indicators alone, at its weights, our relationship capability would be "
                        "'disadvantage' against Rival A (index margin -8.0), not 'advantage': the team's own indicators "
                        "or weights decide this comparison")


def test_a_deal_that_keeps_to_the_method_reports_no_standard_only_standing():
    check = analyze(relationship(*standard_items())).method
    assert check.standard_scores is None and check.changed == []


def one_line(text: str) -> str:
    """A table cell's text with the line breaks the deck puts into long headers, and those that keep an
    orphan with its word, taken out."""
    return re.sub(r"(?<=[\u4e00-\u9fff])\n(?=[\u4e00-\u9fff（])", "", text.replace("\v", "")).replace("\n", " ")


def relationship_slide(deal: Deal):
    prs = Presentation(io.BytesIO(render_deck(analyze(deal))))
    topics = ("客户关系能力比较分析", "Customer relationship capability compared")
    slide = next(s for s in prs.slides  # the topic is the kicker, the title's first line, above its action title
                 if s.shapes.title.text_frame.paragraphs[0].text in topics)
    table = next(sh.table for sh in slide.shapes if getattr(sh, "has_table", False) and sh.has_table)
    rows = [[one_line(c.text) for c in row.cells] for row in table.rows]
    return rows, slide.notes_slide.notes_text_frame.text


def test_the_relationship_slide_marks_the_teams_own_indicators_and_weights_in_chinese():
    deal = relationship(*standard_items(交易历史及口碑=6), item("解决方案的设计能力", 90, 50, 50, 4))
    rows, notes = relationship_slide(deal)
    assert rows[0][1:-1] == [*METHOD, "解决方案的设计能力（团队自选）"]
    assert rows[-1][1:-1] == ["5", "4", "3", "6（方法为4）", "3", "4（自选）"]
    assert "方法的标准指标及权重系数：客户经理的影响力 5、组织内部协调能力 4、高层对项目的重视程度 3、交易历史及口碑 4、长期合作潜力 3。" in notes
    assert "交易历史及口碑：权重6，方法的标准权重为4。" in notes
    assert "解决方案的设计能力：方法提到这一指标但没有给出权重，权重4由团队确定。" in notes
    assert "只按方法的标准指标和权重计算：" in notes


def test_the_relationship_slide_marks_the_teams_own_indicators_and_weights_in_english():
    data = deal_data(language="en", relationship_capabilities=[
        *({"name": n, "weight": w, "scores": {"us": 80, "A": 70, "B": 60}} for n, w in METHOD_EN.items()),
        item("Vendor lunches", 90, 50, 50, 2)])
    data["relationship_capabilities"][0]["weight"] = 7
    rows, notes = relationship_slide(Deal.model_validate(data))
    assert rows[0][1:-1] == [*METHOD_EN, "Vendor lunches (team's own)"]
    assert rows[-1][1:-1] == ["7 (method: 5)", "4", "3", "4", "3", "2 (own)"]
    assert "Account manager's influence: weight 7 where the method gives 5." in notes
    assert "Vendor lunches: not an indicator of the method; weight 2 set by the team." in notes
    assert "On the method's standard indicators and weights alone: advantage against Rival A" in notes


def test_a_deal_that_keeps_to_the_method_has_no_marks():
    rows, notes = relationship_slide(relationship(*standard_items()))
    assert rows[0][1:-1] == list(METHOD) and rows[-1][1:-1] == ["5", "4", "3", "4", "3"]
    assert "不同之处" not in notes


def test_the_northbank_example_shows_the_flip_the_issue_reported():
    from pipeline.load.deal import load_deal
    analysis = analyze(load_deal(ROOT / "inputs" / "northbank-branch-network.yaml")[0])
    meridian = next(c.id for c in analysis.deal.competitors if c.name == "Meridian Networks")
    assert analysis.positioning[meridian].relationship_capabilities == "parity"
    assert analysis.method.standard_positions[meridian] == "disadvantage"
    assert analysis.method.changed == [meridian]
