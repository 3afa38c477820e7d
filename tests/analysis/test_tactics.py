"""Tactics: each playbook rule firing and not firing, reasons with the deal's facts, a safe playbook."""

from __future__ import annotations

import json

import pytest

from pipeline.analysis.analyze import analyze
from pipeline.analysis.facts import facts
from pipeline.analysis.playbook import Playbook, When, load_playbook
from pipeline.analysis.score import score
from pipeline.errors import TemplateError
from tests.deals import HELD_CHAIN, contact, dims, item, make, xyz

SHIPPED = load_playbook()


def fired(deal, playbook=None):
    return analyze(deal, playbook).tactics


def rule_ids(deal):
    return [t.rule for t in fired(deal)]


def by_rule(deal, rule):
    return next(t for t in fired(deal) if t.rule == rule)


def test_shipped_playbook_has_the_rules():
    assert [r.id for r in SHIPPED.rules] == [
        "bundle-on-business", "concede-on-price", "senior-to-senior", "mend-the-zipper", "work-surrounding",
        "exclusive-agreement", "invest-in-gaps", "reframe-buying-factors"]


def test_xyz_tactics():
    tactics_ = fired(xyz())
    assert [t.rule for t in tactics_] == ["concede-on-price", "senior-to-senior", "mend-the-zipper", "work-surrounding",
                                          "invest-in-gaps"]
    reasons = {t.rule: t.reason for t in tactics_}
    # was 「一把手以下的一线员工尚无3以上的关系。」: now it names each contact it is about (#23)
    assert reasons["mend-the-zipper"] == "一线员工层面还没有强度达到3分的关系（刘工 1分、钱工 0分）。"
    assert reasons["concede-on-price"] == "对手A在价格上得分90，高于我方的60。"
    # was 「关系链条在一把手处断开（陈总的关系强度为2），没有达到3以上的关系。」
    assert reasons["senior-to-senior"] == "关系链条在一把手处断开，还没有强度达到3分的关系（陈总 2分）。"
    assert reasons["work-surrounding"] == "证监会派出机构（监管机构，影响力4，关系强度2）对客户影响大，而我方关系薄弱。"
    # B in 3 years: 1900/23 = 82.61 > our 80 today; our target 2005/23 = 87.17 (shown to one decimal)
    assert reasons["invest-in-gaps"] == (
        "对手B在3年后的客户关系能力预计达到82.6分，超过我方现在的80.0分（我方目标87.2分）；"
        "我方最大的差距在于客户经理的影响力 70→85（+15）、交易历史及口碑 75→85（+10）、组织内部协调能力 80→85（+5）。")
    assert tactics_[0].title == "捆绑销售，在价格上让步"
    assert tactics_[1].recommendation.startswith("由李总出面")


def test_an_even_intact_deal_fires_nothing():
    assert rule_ids(make()) == []


def test_bundle_on_business():
    deal = make(**dims((80, 80, 80), (90, 70, 70), (60, 80, 60)))
    assert by_rule(deal, "bundle-on-business").reason == \
        "我方在客户关系能力方面落后于Rival A（Rival A -20.0、Rival B 0.0），但在业务能力方面领先所有对手（Rival A +20.0、Rival B +20.0）。"
    assert "bundle-on-business" not in rule_ids(make(**dims((80, 80, 80), (90, 70, 88), (60, 80, 60))))
    assert "bundle-on-business" not in rule_ids(make(**dims((80, 80, 80), (90, 70, 70), (80, 80, 60))))


def test_concede_on_a_price_like_factor_only():
    priced = make(key_buying_factors=[item("安全性", 90, 70, 70, weight=3), item("资费水平", 60, 90, 70)])
    assert by_rule(priced, "concede-on-price").reason == "Rival A在资费水平上得分90，高于我方的60。"
    assert by_rule(priced, "concede-on-price").title == "捆绑销售，在资费水平上让步"
    unpriced = make(key_buying_factors=[item("安全性", 60, 90, 70), item("资费水平", 90, 70, 70)])
    assert "concede-on-price" not in rule_ids(unpriced)


def test_concede_names_the_matched_factor_not_the_widest_gap():
    deal = make(key_buying_factors=[item("Security", 40, 95, 70), item("Price", 70, 75, 70)])
    assert by_rule(deal, "concede-on-price").reason == "Rival A在Price上得分75，高于我方的70。"


def test_senior_to_senior():
    weak_top = [contact("老总", "top", 2), *HELD_CHAIN[1:]]
    assert by_rule(make(chain_customer=weak_top), "senior-to-senior").reason == \
        "关系链条在一把手处断开，还没有强度达到3分的关系（老总 2分）。"
    no_top = by_rule(make(language="en", chain_customer=HELD_CHAIN[1:]), "senior-to-senior")
    assert no_top.reason == "The chain breaks at the top: we have no contact yet at the number one's level."
    assert "senior-to-senior" not in rule_ids(make())


def test_mend_the_zipper():
    weak_middle = [*HELD_CHAIN[:2], contact("M", "manager", 1), contact("F", "frontline", 0)]
    assert by_rule(make(chain_customer=weak_middle), "mend-the-zipper").reason == \
        "部门或分管经理层面还没有强度达到3分的关系（M 1分）；一线员工层面还没有强度达到3分的关系（F 0分）。"
    weak_top_too = [contact("T", "top", 1), *weak_middle[1:]]
    assert by_rule(make(language="en", chain_customer=weak_top_too), "mend-the-zipper").reason == \
        ("Below the number one, no link of 3 or more yet among the department and line managers (M, strength 1); "
         "no link of 3 or more yet among the front-line staff (F, strength 0).")
    only_top = [contact("T", "top", 1), *HELD_CHAIN[1:]]
    assert "mend-the-zipper" not in rule_ids(make(chain_customer=only_top))  # senior-to-senior covers it
    assert "mend-the-zipper" not in rule_ids(make())


def test_work_surrounding():
    flagged = make(language="en", chain_surrounding=[{"name": "CSRC", "kind": "regulator", "influence": 4, "strength": 1}])
    assert by_rule(flagged, "work-surrounding").reason == (
        "These surrounding relations carry weight with the customer while our link is weak: "
        "CSRC (regulator, influence 4, strength 1).")
    calm = make(chain_surrounding=[{"name": "CSRC", "kind": "regulator", "influence": 4, "strength": 3}])
    assert "work-surrounding" not in rule_ids(calm)


def test_exclusive_agreement():
    strong = make(language="en", **dims((90, 70, 80), (90, 70, 70), (90, 80, 85)))
    assert by_rule(strong, "exclusive-agreement").reason == (
        "We lead every competitor by 5 points or more: key buying factor match Rival A +20.0; Rival B +10.0; "
        "business capability Rival A +20.0; Rival B +20.0; customer relationship capability Rival A +10.0; Rival B +5.0.")
    assert "exclusive-agreement" not in rule_ids(make(**dims((90, 70, 80), (90, 70, 70), (90, 80, 86))))


def test_invest_in_gaps():
    overtaken = make(language="en", relationship_capabilities=[
        item("Influence", 70, 80, 60, future={"A": 90, "us": 85}), item("History", 80, 60, 60, future={"us": 84})])
    # A in 3 years: (90 + 60)/2 = 75, level with our 75 today: not passing
    assert "invest-in-gaps" not in rule_ids(overtaken)
    passing = make(language="en", relationship_capabilities=[
        item("Influence", 70, 80, 60, future={"A": 90, "us": 85}), item("History", 80, 62, 60, future={"us": 84})])
    # A: (90 + 62)/2 = 76 > ours (70 + 80)/2 = 75; our target (85 + 84)/2 = 84.5
    assert by_rule(passing, "invest-in-gaps").reason == (
        "Rival A is projected at 76.0 in customer relationship capability in three years, above our 75.0 today "
        "(our target: 84.5); our largest gaps: Influence 70→85 (+15); History 80→84 (+4).")
    assert "invest-in-gaps" not in rule_ids(make())


def test_reframe_buying_factors():
    deal = make(key_buying_factors=[item("安全性", 90, 80, 80), item("速度", 40, 90, 60, weight=3)])
    # KBF us (90 + 120)/4 = 52.5, A 87.5, B 65
    tactic = by_rule(deal, "reframe-buying-factors")
    assert tactic.reason == "我方在客户购买关键因素的匹配上落后于Rival A和Rival B（Rival A -35.0、Rival B -12.5）。"
    assert "安全性" in tactic.recommendation
    assert "reframe-buying-factors" not in rule_ids(make())


def test_the_playbooks_notes_list_every_fact_and_condition():
    deal = xyz()
    scores, result = score(deal), analyze(deal)
    known = facts(deal, scores, result.positioning, result.chain, result.three_years, result.claims)
    listed = next(line for line in SHIPPED.about if line.startswith("Facts: ")).removeprefix("Facts: ").split(", ")
    assert listed == list(known)
    notes = " ".join(SHIPPED.about)
    assert all(condition in notes for condition in When.model_fields)


@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_shipped_rule_renders_with_this_deals_facts(language):
    always = Playbook(rules=[r.model_copy(update={"when": When()}) for r in SHIPPED.rules])
    deal = xyz().model_copy(update={"language": language})
    tactics_ = fired(deal, always)
    assert [t.rule for t in tactics_] == [r.id for r in SHIPPED.rules]
    for t in tactics_:
        assert t.title and t.recommendation and t.reason
        assert "{" not in t.title + t.recommendation + t.reason


def write(tmp_path, rules):
    path = tmp_path / "playbook.json"
    path.write_text(json.dumps({"rules": rules}, ensure_ascii=False), encoding="utf-8")
    return path


def rule(**changes):
    words = {"zh": "标题", "en": "Title"}
    return {"id": "r", "when": {}, "title": words, "recommendation": words, "reason": words, **changes}


def test_unknown_condition_key_is_an_error(tmp_path):
    path = write(tmp_path, [rule(when={"kbff": "advantage_all"})])
    with pytest.raises(TemplateError) as error:
        load_playbook(path)
    assert str(error.value) == f"{path}: rules[0].when.kbff: Extra inputs are not permitted"


def test_condition_values_are_a_fixed_vocabulary_never_code(tmp_path):
    path = write(tmp_path, [rule(), rule(id="s", when={"kbf": "__import__('os').system('true')"})])
    with pytest.raises(TemplateError) as error:
        load_playbook(path)
    assert str(error.value) == (
        f"{path}: rules[1].when.kbf: Input should be 'advantage_all', 'advantage_any', 'disadvantage_any', "
        "'disadvantage_all', 'no_disadvantage' or 'parity_any'")


def test_repeated_rule_ids(tmp_path):
    path = write(tmp_path, [rule(), rule()])
    with pytest.raises(TemplateError) as error:
        load_playbook(path)
    assert str(error.value) == f"{path}: rule ids must be unique, repeated: r"


def test_malformed_json(tmp_path):
    path = tmp_path / "playbook.json"
    path.write_text("{", encoding="utf-8")
    with pytest.raises(TemplateError, match=r"playbook\.json: Expecting property name"):
        load_playbook(path)


def test_reason_naming_an_unknown_fact(tmp_path):
    playbook = load_playbook(write(tmp_path, [rule(reason={"zh": "{{ nope }}", "en": "x"})]))
    with pytest.raises(TemplateError) as error:
        fired(make(), playbook)
    assert str(error.value).startswith("playbook rule 'r': 'nope' is undefined (known facts: best_factor, business_ahead")


def test_templates_are_sandboxed(tmp_path):
    playbook = load_playbook(write(tmp_path, [rule(reason={"zh": "{{ customer.__class__.__mro__ }}", "en": "x"})]))
    with pytest.raises(TemplateError, match="unsafe"):
        fired(make(), playbook)


def test_a_custom_rule_with_facts(tmp_path):
    custom = rule(when={"chain_intact": True, "kbf": "no_disadvantage"},
                  reason={"zh": "{{ customer }}: {{ kbf_margins }}", "en": "x"})
    playbook = load_playbook(write(tmp_path, [custom]))
    assert [(t.rule, t.title, t.reason) for t in fired(make(), playbook)] == [("r", "标题", "Acme: Rival A 0.0、Rival B 0.0")]


def test_a_playbook_s_texts_are_compiled_once_per_process(monkeypatch):
    """Every deal fills the same rules: the second deal compiles none of their texts again, and a
    changed text is compiled afresh (the store is keyed by the text itself)."""
    import jinja2

    compiled = []
    original = jinja2.Environment.compile
    monkeypatch.setattr(jinja2.Environment, "compile", lambda self, source, *a, **k: (
        compiled.append(source), original(self, source, *a, **k))[1])
    first = fired(xyz())
    assert fired(xyz()) == first
    compiled.clear()
    assert fired(xyz()) == first and compiled == []
    changed = json.loads(SHIPPED.model_dump_json())
    changed["rules"][[r["id"] for r in changed["rules"]].index(first[0].rule)]["title"]["zh"] = "改：{{ us }}"
    again = fired(xyz(), Playbook.model_validate(changed))
    assert again[0].title == f"改：{xyz().us.name}" and again[1:] == first[1:]
    assert compiled == ["改：{{ us }}"]


# --- people by rank (issue #23, point 8) --------------------------------------------------------

WEAK_BELOW = [contact("陈总", "top", 2, our_contact="李总"), contact("周总", "deputy", 4),
              contact("郑经理", "manager", 4, our_contact="王经理"), contact("刘工", "frontline", 1),
              contact("钱工", "frontline", 0)]


def test_senior_to_senior_names_the_senior_person_the_chain_gives_not_the_account_manager():
    """No our_team, but 李总 holds the top link: he is our senior person (was 「由客户经理出面」)."""
    tactic = by_rule(make(chain_customer=WEAK_BELOW, chain_our_team={}), "senior-to-senior")
    assert tactic.title == "高层对高层"
    assert tactic.recommendation == "由李总出面，安排与客户一把手的高层互访，把公司高层对项目的重视传达到客户最高层。"
    assert "客户经理" not in tactic.recommendation


def test_senior_to_senior_without_a_senior_person_says_so_and_names_no_account_manager():
    chain_ = [contact("陈总", "top", 2), *HELD_CHAIN[1:]]
    zh = by_rule(make(chain_customer=chain_, chain_our_team={"middle": "Wang"}), "senior-to-senior")
    assert zh.recommendation == ("我方在高层还没有对接人：先确定由哪位领导出面，再由其安排与客户一把手的高层互访，"
                                 "把公司高层对项目的重视传达到客户最高层。")
    en = by_rule(make(language="en", chain_customer=chain_, chain_our_team={}), "senior-to-senior")
    assert en.recommendation == (
        "Nobody of ours faces the senior level yet: first decide which of our senior managers goes, then have them "
        "arrange senior-to-senior meetings with the customer's number one, so that our management's commitment to "
        "the project reaches the top.")
    assert "account manager" not in en.recommendation


def test_mend_the_zipper_names_who_of_ours_builds_each_level_or_that_nobody_is_there():
    tactic = by_rule(make(chain_customer=WEAK_BELOW, chain_our_team={}), "mend-the-zipper")
    assert tactic.reason == "一线员工层面还没有强度达到3分的关系（刘工 1分、钱工 0分）。"
    assert tactic.recommendation.endswith("由对应层级的我方人员逐一建立这些层级的关系：一线员工层面我方还没有对接人，先确定人选。")
    named = by_rule(make(chain_customer=WEAK_BELOW), "mend-the-zipper")  # our_team: frontline Zhao
    assert named.recommendation.endswith("：一线员工层面由Zhao负责。")


def test_the_reason_is_true_of_each_contact_it_names():
    """Two of three levels below the top held: the reason names only the level that is not, and each of
    its contacts is under 3 (was 「一把手以下的一线员工尚无3以上的关系」 for the whole chain below the top)."""
    for deal in (make(chain_customer=WEAK_BELOW), make(language="en", chain_customer=WEAK_BELOW)):
        reason = by_rule(deal, "mend-the-zipper").reason
        assert "刘工" in reason and "钱工" in reason and "郑经理" not in reason and "周总" not in reason
