"""Positioning: advantage / parity / disadvantage at ±5, one sentence per competitor, the overview."""

from __future__ import annotations

import itertools

import pytest

from pipeline.analysis.analyze import analyze
from pipeline.analysis.position import classify, sentence
from pipeline.load.model import DIMENSIONS
from pipeline.words.wording import in_sentence
from tests.deals import dims, item, make, xyz


def analysed(deal):
    result = analyze(deal)
    return result.positioning, result.overview


@pytest.fixture(scope="module")
def xyz_result():
    return analysed(xyz())


def test_xyz_margins_and_positions(xyz_result):
    positioning, _ = xyz_result
    # margins from the exact indexes, never the rounded ones: KBF us 1225/15, A 1055/15, B 1115/15,
    # C 965/15; business us 1090/12, A 700/12, B 910/12, C 670/12; relationship us 1840/23, A 1410/23,
    # B 1830/23, C 1330/23 (11.333…, not 81.67 - 70.33 = 11.34)
    assert positioning["A"].margins == {"key_buying_factors": 170 / 15, "business_capabilities": 32.5,
                                        "relationship_capabilities": 430 / 23}
    assert positioning["B"].margins == {"key_buying_factors": 110 / 15, "business_capabilities": 15.0,
                                        "relationship_capabilities": 10 / 23}
    assert positioning["C"].margins == {"key_buying_factors": 260 / 15, "business_capabilities": 35.0,
                                        "relationship_capabilities": 510 / 23}
    assert (positioning["B"].key_buying_factors, positioning["B"].business_capabilities,
            positioning["B"].relationship_capabilities) == ("advantage", "advantage", "parity")
    assert list(positioning) == ["A", "B", "C"]


def test_xyz_sentences(xyz_result):
    positioning, _ = xyz_result
    assert positioning["A"].sentence == "相对于对手A而言，我方在客户购买关键因素的匹配、业务能力和客户关系能力方面均占有相对优势。"
    assert positioning["B"].sentence == "相对于对手B而言，我方在客户购买关键因素的匹配和业务能力方面占有相对优势，在客户关系能力方面与其相当。"


@pytest.mark.parametrize("margin, expected", [
    (5.0, "advantage"), (4.99, "parity"), (0, "parity"), (-4.99, "parity"), (-5.0, "disadvantage"), (-30, "disadvantage"),
])
def test_thresholds(margin, expected):
    assert classify(margin) == expected


def test_threshold_on_real_scores():
    # KBF 85 - 80 = +5 -> advantage; business 75 - 80 = -5 -> disadvantage; relationship 84 - 80 -> parity
    positioning, _ = analysed(make(**dims((85, 80, 80), (75, 80, 80), (84, 80, 80))))
    a = positioning["A"]
    assert (a.key_buying_factors, a.business_capabilities, a.relationship_capabilities) == \
        ("advantage", "disadvantage", "parity")


ADV, PAR, DIS = "advantage", "parity", "disadvantage"


@pytest.mark.parametrize("positions, zh, en", [
    ((ADV, ADV, DIS),
     "相对于对手A而言，我方在客户购买关键因素的匹配和业务能力方面占有相对优势，而在客户关系能力方面居于相对劣势。",
     "Against 对手A, we hold a relative advantage in key buying factor match and business capability, "
     "but a relative disadvantage in customer relationship capability."),
    ((ADV, ADV, ADV),
     "相对于对手A而言，我方在客户购买关键因素的匹配、业务能力和客户关系能力方面均占有相对优势。",
     "Against 对手A, we hold a relative advantage in key buying factor match, business capability "
     "and customer relationship capability."),
    ((PAR, PAR, PAR),
     "相对于对手A而言，我方在客户购买关键因素的匹配、业务能力和客户关系能力方面均与其相当。",
     "Against 对手A, we are on a par with them in key buying factor match, business capability "
     "and customer relationship capability."),
    ((DIS, PAR, DIS),
     "相对于对手A而言，我方在业务能力方面与其相当，而在客户购买关键因素的匹配和客户关系能力方面居于相对劣势。",
     "Against 对手A, we are on a par with them in business capability, but hold a relative disadvantage "
     "in key buying factor match and customer relationship capability."),
    ((ADV, PAR, DIS),
     "相对于对手A而言，我方在客户购买关键因素的匹配方面占有相对优势，在业务能力方面与其相当，而在客户关系能力方面居于相对劣势。",
     "Against 对手A, we hold a relative advantage in key buying factor match, are on a par with them in "
     "business capability, but hold a relative disadvantage in customer relationship capability."),
    ((DIS, DIS, DIS),
     "相对于对手A而言，我方在客户购买关键因素的匹配、业务能力和客户关系能力方面均居于相对劣势。",
     "Against 对手A, we hold a relative disadvantage in key buying factor match, business capability "
     "and customer relationship capability."),
])
def test_sentences_in_both_languages(positions, zh, en):
    by_dimension = dict(zip(("key_buying_factors", "business_capabilities", "relationship_capabilities"), positions))
    assert sentence("zh", "对手A", by_dimension) == zh
    assert sentence("en", "对手A", by_dimension) == en


def test_sentence_uses_the_deal_names_and_language():
    positioning, _ = analysed(make(language="en", **dims((90, 80, 70), (90, 70, 70), (60, 80, 70))))
    assert positioning["A"].sentence == ("Against Rival A, we hold a relative advantage in key buying factor "
                                         "match and business capability, but a relative disadvantage in customer "
                                         "relationship capability.")


def test_xyz_overview(xyz_result):
    _, view = xyz_result
    # best competitor per dimension is B everywhere: (1225-1115)/15, (1090-910)/12, (1840-1830)/23
    assert view.margins == {"key_buying_factors": 110 / 15, "business_capabilities": 15.0,
                            "relationship_capabilities": 10 / 23}
    assert (view.strongest, view.weakest) == ("business_capabilities", "relationship_capabilities")
    assert view.statement_drafted is True
    # basis: business items with the widest lead (全程全网 95-80, 跨省市 90-75); lever: bundling;
    # concession: 价格, where A scores 90 against our 60 (not the heaviest factor: no 最关心);
    # relationship only at parity with B (+0.43) -> no exclusive agreement, the playbook's rule alike
    assert view.statement == (
        "对于金融行业客户xyz投资公司，以我方在全程全网和跨省市主备份不同路由方面的优势为基础，"
        "充分发挥全业务优势进行综合业务捆绑，但在价格上给予更大优惠（对手A在此领先），"
        "从而赢得客户的忠诚和新业务，力争达成全面合作协议。")


def test_the_deals_own_statement_wins():
    deal = make(positioning_statement="我们自己的定位。")
    _, view = analysed(deal)
    assert (view.statement, view.statement_drafted) == ("我们自己的定位。", False)


@pytest.mark.parametrize("written, shown", [
    ("以良好的客户关系为基础, 进行综合业务捆绑,\n但对长途业务给予优惠, 赢得客户的\n忠诚。\n",
     "以良好的客户关系为基础, 进行综合业务捆绑, 但对长途业务给予优惠, 赢得客户的忠诚。"),
    ("Build on our\nrelationships.\n\nThen bundle.\n", "Build on our relationships.\nThen bundle."),
])
def test_the_deals_statement_loses_only_the_yaml_line_breaks(written, shown):
    _, view = analysed(make(positioning_statement=written))
    assert view.statement == shown


def test_drafted_statement_in_english_with_a_disadvantage():
    deal = make(language="en", key_buying_factors=[
        {"name": "Security", "weight": 3, "scores": {"us": 90, "A": 70, "B": 60}},
        {"name": "Price", "weight": 1, "scores": {"us": 50, "A": 60, "B": 95}},
    ], business_capabilities=[
        {"name": "Bundling", "weight": 1, "scores": {"us": 90, "A": 60, "B": 60}},
        {"name": "Coverage", "weight": 1, "scores": {"us": 85, "A": 60, "B": 80}},
    ], relationship_capabilities=[{"name": "History", "weight": 1, "scores": {"us": 50, "A": 80, "B": 50}}])
    _, view = analysed(deal)
    # KBF us (270+50)/4 = 80, A 70, B 68.75 -> +10; business us 87.5, B 70 -> +17.5 (strongest);
    # relationship us 50, A 80 -> -30 (weakest); basis = Bundling (+30), Coverage (+5): no lever left
    assert (view.strongest, view.weakest) == ("business_capabilities", "relationship_capabilities")
    assert view.statement == (
        "For Acme (Banks), build on our strength in Bundling and Coverage, use our full-service strength "
        "to bundle integrated services, give larger discounts on Price, where Rival B leads, and so win loyalty and new business, aiming for a comprehensive agreement.")


def test_drafted_statement_names_a_lever_and_skips_the_concession():
    deal = make(customer={"name": "海关"}, key_buying_factors=[{"name": "安全性", "weight": 1,
                                                                "scores": {"us": 95, "A": 70, "B": 60}}],
                business_capabilities=[{"name": "综合业务捆绑", "weight": 1, "scores": {"us": 80, "A": 60, "B": 60}},
                                       {"name": "全程全网", "weight": 1, "scores": {"us": 70, "A": 60, "B": 65}}])
    _, view = analysed(deal)
    # strongest: KBF (+25); lever: the best business capability not about bundling; the default
    # relationship items leave no advantage everywhere -> a comprehensive, not exclusive, agreement
    assert view.statement == ("对于海关，以我方在安全性方面的优势为基础，充分发挥全程全网等全业务优势进行综合业务捆绑，"
                              "从而赢得客户的忠诚和新业务，力争达成全面合作协议。")


def test_the_basis_never_names_a_factor_we_trail_on():
    deal = make(language="en", key_buying_factors=[item("Security", 90, 70, 80, weight=3), item("Price", 60, 90, 70)],
                relationship_capabilities=[item("Influence", 60, 85, 70)])
    # KBF us (270 + 60)/4 = 82.5, best B 77.5 -> +5 strongest; Security leads by 10, Price trails by 30
    _, view = analysed(deal)
    assert view.statement.startswith("For Acme (Banks), build on our strength in Security, ")
    assert "give larger discounts on Price" in view.statement


@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_combination_names_each_dimension_once(language):
    names = {d: in_sentence(language, d) for d in DIMENSIONS}
    for combination in itertools.product((ADV, PAR, DIS), repeat=3):
        said = sentence(language, "X", dict(zip(DIMENSIONS, combination)))
        assert all(said.count(name) == 1 for name in names.values()), said
        assert said.startswith("相对于X而言，我方在" if language == "zh" else "Against X, we ")
        assert said.endswith("。" if language == "zh" else ".")
        assert (ADV in combination) == (("相对优势" if language == "zh" else "relative advantage") in said)
        assert (DIS in combination) == (("相对劣势" if language == "zh" else "relative disadvantage") in said)
