"""The method's standard relationship indicators by meaning (issue #23, point 7): the accepted wordings
of templates/method.json, the name key, and an item's `standard:` (an indicator's id, or `none`)."""

from __future__ import annotations

import pytest
import yaml
from pydantic import ValidationError

from pipeline.analysis.analyze import analyze
from pipeline.build import analysis_json
from pipeline.load.deal import load_deal
from pipeline.load.method import Library, key, standard
from pipeline.load.model import Deal
from tests.conftest import ROOT
from tests.deals import MINIMAL_DEAL, deal_data, item, problems_after_edit, to_yaml
from tests.load.test_method import METHOD, relationship_slide

NORTHBANK = ROOT / "inputs" / "northbank-branch-network.yaml"
IDS = ["account_manager_influence", "internal_coordination", "senior_management_attention",
       "transaction_history_reputation", "long_term_cooperation"]
# The five in other words people use, weights left to the library.
ZH_WORDED = ["客户经理影响力", "内部协调能力", "高层重视程度", "交易历史和口碑", "长期合作前景"]
EN_WORDED = ["Influence of the account manager", "Internal coordination", "Executive attention to the project",
             "Track record and reputation", "Potential for long-term cooperation"]
# The northbank example's own words for them, and the same indicators worded otherwise.
NORTHBANK_RENAMED = {"Account manager's influence": "Influence of the Account Manager",
                     "Internal coordination capability": "Internal coordination",
                     "Senior management's attention to the project": "Senior management attention",
                     "Transaction history and reputation": "Transaction history & reputation",
                     "Long-term cooperation potential": "Long term cooperation potential"}


@pytest.mark.parametrize("name, found", [
    ("客户经理的影响力", "account_manager_influence"), ("客户经理影响力", "account_manager_influence"),
    ("客户经理 的 影响力。", "account_manager_influence"), ("Account manager's influence", "account_manager_influence"),
    ("Influence of the account manager", "account_manager_influence"),
    ("ACCOUNT-MANAGER INFLUENCE", "account_manager_influence"), ("Account manager’s influence", "account_manager_influence"),
    ("Ａｃｃｏｕｎｔ　manager influence", "account_manager_influence"),
    ("高层重视程度", "senior_management_attention"), ("Executive attention to the project", "senior_management_attention"),
    ("Senior management attention", "senior_management_attention"),
    ("Transaction history & reputation", "transaction_history_reputation"),
    ("交易历史与口碑", "transaction_history_reputation"), ("长期合作潜力（）", "long_term_cooperation"),
    ("解决方案设计能力", "solution_design"), ("Vendor lunches", None), ("客户满意度", None), ("影响力", None)])
def test_a_standard_indicator_is_found_in_any_accepted_wording(name, found):
    match = standard("relationship_capabilities", name)
    assert (match.id if match else None) == found


def test_the_key_ignores_width_case_punctuation_spaces_de_articles_and_possessives():
    assert key("Ｔhe  Account-Manager's   Influence!") == key("account manager influence") == "accountmanagerinfluence"
    assert key("客户经理的影响力（注）") == "客户经理影响力注"


def test_a_library_whose_wordings_name_two_indicators_is_refused():
    rows = [{"id": "a", "zh": "甲", "en": "Alpha", "weight": 1, "also": {"en": ["The beta"]}},
            {"id": "b", "zh": "乙", "en": "Beta", "weight": 2}]
    with pytest.raises(ValidationError, match="Beta"):
        Library.model_validate({"relationship_capabilities": rows})
    with pytest.raises(ValidationError):
        Library.model_validate({"relationship_capabilities": [{**rows[1], "id": "none"}]})


def worded(names: list[str], language: str = "zh", **extra) -> Deal:
    items = [{"name": n, "scores": {"us": 80, "A": 70, "B": 60}} for n in names]
    return Deal.model_validate(deal_data(language=language, relationship_capabilities=items, **extra))


@pytest.mark.parametrize("names, language", [(ZH_WORDED, "zh"), (EN_WORDED, "en")])
def test_the_five_in_other_words_are_no_departure_and_take_the_standard_weights(names, language):
    analysis = analyze(worded(names, language))
    method = analysis.method
    assert [i.weight for i in analysis.deal.relationship_capabilities] == list(METHOD.values())
    assert not method.departs and method.departures == [] and method.changed == []
    assert method.standard_of == IDS and method.standard_items == names
    assert not [f for f in analysis.findings if f.field.startswith("relationship_capabilities")]


def test_analysis_json_says_which_standard_indicator_each_item_is():
    import json
    deal = Deal.model_validate(deal_data(relationship_capabilities=[
        *({"name": n, "scores": {"us": 80, "A": 70, "B": 60}} for n in ZH_WORDED[:4]),
        item("客户满意度", 90, 50, 50, 2)]))
    method = json.loads(analysis_json(analyze(deal)))["method"]
    assert method["standard_of"] == [*IDS[:4], None]
    assert [(d["kind"], d["item"]) for d in method["departures"]] == [("added", "客户满意度"), ("omitted", "长期合作潜力")]


def test_the_relationship_slide_does_not_mark_an_indicator_in_other_words():
    rows, notes = relationship_slide(worded(EN_WORDED, "en"))
    assert rows[0][1:-1] == EN_WORDED and rows[-1][1:-1] == ["5", "4", "3", "4", "3"]
    assert "(team's own)" not in " ".join(rows[0]) and "method:" not in " ".join(rows[-1])
    rows, _ = relationship_slide(worded(ZH_WORDED))
    assert rows[0][1:-1] == ZH_WORDED and not any("团队自选" in cell for cell in rows[0])


def renamed_northbank(tmp_path, **standards: str):
    """The northbank example with its five standard indicators worded otherwise; `standards` add a
    `standard:` to the item of that (new) name."""
    data = yaml.safe_load(NORTHBANK.read_text(encoding="utf-8"))
    for entry in data["relationship_capabilities"]:
        entry["name"] = NORTHBANK_RENAMED.get(entry["name"], entry["name"])
        if entry["name"] in standards:
            entry["standard"] = standards[entry["name"]]
    path = tmp_path / "northbank.yaml"
    path.write_text(to_yaml(data), encoding="utf-8")
    return analyze(load_deal(path)[0])


def test_northbank_worded_otherwise_gets_the_same_check_as_in_the_methods_words(tmp_path):
    """The issue's report: an English deal with 'Influence of the account manager' and so on was warned
    of a flip computed from the few names that matched exactly. Now the check is the example's own:
    Solution design capability (weight 4) is the team's, and on the standard five alone Meridian leads."""
    original, renamed = analyze(load_deal(NORTHBANK)[0]), renamed_northbank(tmp_path)
    assert renamed.method.standard_of == [*IDS, "solution_design"]
    assert [(d.kind, d.index) for d in renamed.method.departures] == [("own_weight", 5)]
    assert renamed.method.standard_margins == original.method.standard_margins
    assert renamed.method.standard_positions == original.method.standard_positions
    assert renamed.method.changed == original.method.changed
    assert [f.key for f in renamed.findings] == [f.key for f in original.findings]


def test_standard_names_the_indicator_whatever_the_name(tmp_path):
    deal = Deal.model_validate(deal_data(relationship_capabilities=[
        {"name": "客户关系人脉", "standard": "account_manager_influence", "scores": {"us": 80, "A": 70, "B": 60}},
        *({"name": n, "scores": {"us": 80, "A": 70, "B": 60}} for n in list(METHOD)[1:])]))
    analysis = analyze(deal)
    assert analysis.deal.relationship_capabilities[0].weight == 5
    assert analysis.method.standard_of == IDS and not analysis.method.departs
    rows, _ = relationship_slide(deal)
    assert rows[0][1] == "客户关系人脉"


def test_standard_claims_its_indicator_before_a_name_that_reads_as_it():
    deal = Deal.model_validate(deal_data(relationship_capabilities=[
        item("客户经理的影响力", 80, 70, 60, 5),
        {"name": "客户经理在客户处的分量", "standard": "account_manager_influence", "weight": 5,
         "scores": {"us": 80, "A": 70, "B": 60}}]))
    analysis = analyze(deal)
    assert analysis.method.standard_of == [None, "account_manager_influence"]
    again = next(f for f in analysis.findings if f.field == "relationship_capabilities[0].name")
    assert again.key == "method_again" and "relationship_capabilities[1] already is" in again.message


def test_standard_none_makes_an_item_the_teams_own():
    deal = Deal.model_validate(deal_data(relationship_capabilities=[
        {**item("客户经理的影响力", 90, 50, 50, 5), "standard": "none"},
        *({"name": n, "scores": {"us": 80, "A": 70, "B": 60}} for n in list(METHOD)[1:])]))
    analysis = analyze(deal)
    method = analysis.method
    assert method.standard_of == [None, *IDS[1:]]
    assert [(d.kind, d.item, d.index) for d in method.departures] == [
        ("added", "客户经理的影响力", 0), ("omitted", "客户经理的影响力", None)]
    assert method.standard_items == list(METHOD)[1:]
    finding = next(f for f in analysis.findings if f.field.startswith("relationship_capabilities[0]"))
    assert (finding.field, finding.key) == ("relationship_capabilities[0].standard", "method_declared_own")
    rows, _ = relationship_slide(deal)
    assert rows[0][1] == "客户经理的影响力（团队自选）"


def test_two_names_that_read_as_one_indicator_count_it_once():
    """A file valid before stays valid: the second is the team's own, and the warning says why."""
    deal = Deal.model_validate(deal_data(relationship_capabilities=[
        item("客户经理的影响力", 80, 70, 60, 5), item("Account manager's influence", 80, 70, 60, 5)]))
    analysis = analyze(deal)
    assert analysis.method.standard_of == ["account_manager_influence", None]
    finding = next(f for f in analysis.findings if f.field == "relationship_capabilities[1].name")
    assert finding.key == "method_again"
    assert finding.message.startswith("'Account manager's influence' reads as the method's '客户经理的影响力', "
                                      "which relationship_capabilities[0] already is")


RC = "  - name: 客户经理的影响力\n    weight: 5\n"


def test_a_misspelt_standard_is_an_error_at_its_value_with_the_nearest_id(tmp_path):
    problems = problems_after_edit(tmp_path, RC, RC + "    standard: acount_manager_influense\n")
    assert problems == [
        "demo.yaml:22:15: relationship_capabilities[0].standard: unknown standard indicator "
        "'acount_manager_influense'; did you mean 'account_manager_influence'? It takes one of: "
        "account_manager_influence (Account manager's influence), internal_coordination (Internal coordination "
        "capability), senior_management_attention (Senior management's attention to the project), "
        "transaction_history_reputation (Transaction history and reputation), long_term_cooperation "
        "(Long-term cooperation potential), solution_design (Solution design capability), none"]
    assert problems_after_edit(tmp_path, RC, RC + "    standard: golf\n")[0].startswith(
        "demo.yaml:22:15: relationship_capabilities[0].standard: unknown standard indicator 'golf'; it takes one of: ")


def test_a_misspelt_standard_is_worded_in_chinese(tmp_path, monkeypatch):
    monkeypatch.setenv("DEALDOCS_LANG", "zh")
    problems = problems_after_edit(tmp_path, RC, RC + "    standard: None \n")
    assert problems[0].startswith("demo.yaml:22:15: relationship_capabilities[0].standard: 未知的标准指标 'None'；"
                                  "是不是 'none'？可选：account_manager_influence (客户经理的影响力)、")


def test_standard_is_for_relationship_indicators_only_and_names_each_once(tmp_path):
    kbf = "  - name: 安全性\n    weight: 4\n"
    assert problems_after_edit(tmp_path, kbf, kbf + "    standard: none\n") == [
        "demo.yaml:14:5: key_buying_factors[0].standard: only a relationship indicator says which of the method's "
        "standard indicators it is; remove standard here"]
    twice = (RC + "    standard: account_manager_influence\n    scores: {us: 70, A: 85, B: 60}\n"
             "  - name: 客户人脉\n    standard: account_manager_influence\n")
    assert problems_after_edit(tmp_path, RC, twice) == [
        "demo.yaml:25:15: relationship_capabilities[1].standard: 'account_manager_influence' is already the standard "
        "indicator of relationship_capabilities[0].standard (line 22); each standard indicator is one item: remove "
        "one, or give this one standard: none if it is the team's own"]


def test_an_item_of_the_teams_own_needs_its_weight_and_a_named_one_needs_none(tmp_path):
    assert problems_after_edit(tmp_path, RC, "  - name: 客户经理的影响力\n    standard: none\n") == [
        "demo.yaml:20:5: relationship_capabilities[0].weight: missing; '客户经理的影响力' is an indicator of the "
        "team's own (standard: none), so it needs its own: add weight: <a positive number>"]
    assert problems_after_edit(tmp_path, RC, "  - name: 方案\n    standard: solution_design\n")[0].startswith(
        "demo.yaml:20:5: relationship_capabilities[0].weight: missing; the method names solution_design "
        "(解决方案的设计能力) but gives it no weight")
    text = MINIMAL_DEAL.replace(RC, "  - name: 人脉\n    standard: account_manager_influence\n")
    (tmp_path / "ok.yaml").write_text(text, encoding="utf-8")
    assert analyze(load_deal(tmp_path / "ok.yaml")[0]).deal.relationship_capabilities[0].weight == 5


def test_the_reference_lists_every_id_standard_takes():
    import re

    from pipeline.load.method import standard_ids
    page = (ROOT / "docs" / "deal-file.md").read_text(encoding="utf-8")
    page = page[page.index("## 标准客户关系指标的说法"):page.index("## Fields")]
    assert re.findall(r"^\| `([a-z_]+)` \| ", page, re.M) == standard_ids()


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_skeletons_standard_line_names_the_indicator_it_sits_under(language, tmp_path):
    from pipeline.load.skeleton import skeleton
    text = skeleton(tmp_path / "new.yaml", language)
    line = next(x for x in text.splitlines() if "# standard:" in x)
    sid = line.split("standard:")[1].split()[0]
    before = text[:text.index(line)]
    last = [x.split("name:")[1].strip() for x in before.splitlines() if x.startswith("  - name:")][-1]
    assert standard("relationship_capabilities", last).id == sid
