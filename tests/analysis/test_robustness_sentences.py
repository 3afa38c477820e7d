"""The robustness sentences as a trainer says them aloud (READING.md, issue #23 point 10): each shape
in zh and en, the exact words, on hand-made deals and the shipped examples. Before, the slide read
「整体定位在1种一项权重±1的变化下会改变」 and 「与…在客户购买关键因素的匹配方面的持平，只要…就会变为优势」."""

from __future__ import annotations

import pytest

from pipeline.analysis.analyze import analyze
from pipeline.analysis.results import Flip, PositionRobustness
from pipeline.analysis.robustness import note, statement_sentence
from pipeline.load.deal import load_deal
from pipeline.load.model import Deal
from tests.conftest import ROOT
from tests.deals import deal_data, item, make


def flip(kind, delta, becomes, company=None, item_name="Price"):
    return Flip(kind=kind, dimension="key_buying_factors", item=item_name, item_index=0, company=company,
                delta=delta, becomes=becomes)


def test_the_statement_one_breaker_names_it_zh_and_en():
    # Price +1 is the only ±1 weight change that moves a position (test_robustness: the advantage over A)
    deal = make(key_buying_factors=[item("Price", 80, 80, 70), item("Speed", 90, 80, 70)])
    assert analyze(deal).robustness.statement == "只要“Price”的权重增加1，整体定位就会改变；其他任何一项权重变动1分都不会改变它。"
    en = Deal.model_validate(deal_data(language="en", key_buying_factors=[item("Price", 80, 80, 70),
                                                                          item("Speed", 90, 80, 70)]))
    assert analyze(en).robustness.statement == ("Only one change of 1 in a single weight alters our overall positioning: "
                                                "the weight of Price going up by 1.")


def test_the_statement_many_breakers_and_holding_zh_and_en():
    breakers = [flip("weight", -1.0, None), flip("weight", 1.0, None, item_name="Speed")]
    assert statement_sentence("zh", breakers) == "只要有一项权重变动1分，整体定位就可能改变（共有2种这样的变动，例如“Price”的权重减少1）。"
    assert statement_sentence("en", breakers) == ("Moving a single weight by 1 can change our overall positioning "
                                                  "(there are 2 such changes, for example the weight of Price going "
                                                  "down by 1).")
    assert statement_sentence("zh", []) == "任何一项权重变动1分，整体定位（对每个对手的定位和我方最强的维度）都不会改变。"
    assert statement_sentence("en", []) == ("Our overall positioning (every position and our strongest dimension) "
                                            "stays the same whichever single weight moves by 1.")


def position(weight=None, score=None, now="advantage"):
    return PositionRobustness(competitor="A", dimension="key_buying_factors", position=now, margin=6.0,
                              weight_flip=weight, score_flip=score)


NOTES = [
    ("same", position(flip("weight", 2.0, "parity"), flip("score", -10.0, "parity", "us", "Speed")),
     "只要“Price”的权重增加2，或者我方在“Speed”上的得分减少10分，就会变为持平。",
     "if the weight of Price went up by 2, or if we scored 10 less on Speed, we would be on a par."),
    ("both", position(flip("weight", -1.0, "advantage"), flip("score", 5.0, "disadvantage", "A"), "parity"),
     "只要“Price”的权重减少1，就会变为优势；而Rival A在“Price”上的得分增加5分，则会变为劣势。",
     "if the weight of Price went down by 1, we would hold an advantage; if Rival A scored 5 more on Price, we would "
     "be at a disadvantage."),
    ("weight", position(flip("weight", 1.0, "parity")),
     "只要“Price”的权重增加1，就会变为持平；任何一项得分增减10分以内都不会改变。",
     "if the weight of Price went up by 1, we would be on a par; no change of up to 10 in one score would alter it."),
    ("score", position(None, flip("score", -10.0, "parity", "us")),
     "任何一项权重增减2分以内都不会改变；只要我方在“Price”上的得分减少10分，就会变为持平。",
     "no change of up to 2 in one weight would alter it; if we scored 10 less on Price, we would be on a par."),
    ("none", position(), "任何一项权重增减2分以内、任何一项得分增减10分以内，都不会改变。",
     "no change of up to 2 in one weight or of up to 10 in one score would alter it."),
]


@pytest.mark.parametrize("shape, given, zh, en", NOTES, ids=[n[0] for n in NOTES])
def test_each_note_shape_reads_as_said(shape, given, zh, en):
    assert note(make(), given) == zh
    assert note(Deal.model_validate(deal_data(language="en")), given) == en


def test_a_disadvantage_that_a_weight_turns_to_parity_zh():
    # us (50*3 + 90) / 4 = 60 against A's 70: -10; Lead +1 gives 66 against 70: parity (test_robustness)
    deal = make(relationship_capabilities=[item("Trail", 50, 70, 70, weight=3), item("Lead", 90, 70, 70, weight=1)])
    rob = analyze(deal).robustness
    assert "在客户关系能力上，我方落后于Rival A；只要“Lead”的权重增加1，就会变为持平。" in rob.sentence


def test_a_steady_advantage_over_one_rival_only():
    # relationship: +30 over A (steady), parity with B; KBF: parity with A that Security +1 flips
    data = deal_data(**{"key_buying_factors": [item("Security", 90, 70, 90), item("Speed", 60, 80, 60)],
                        "relationship_capabilities": [item("History", 90, 60, 88)]})
    rob = analyze(Deal.model_validate(data)).robustness
    assert rob.sentence.startswith("在客户关系能力上，我方对Rival A的优势很稳，任何一项权重增减2分以内都改变不了。")
    en = deal_data(language="en", **{"key_buying_factors": [item("Security", 90, 70, 90), item("Speed", 60, 80, 60)],
                                     "relationship_capabilities": [item("History", 90, 60, 88)]})
    assert analyze(Deal.model_validate(en)).robustness.sentence.startswith(
        "On customer relationship capability our advantage over Rival A is firm: no change of up to 2 in any one "
        "weight would alter it.")


def test_nothing_flips_at_all():
    # every item 40 points ahead of both: no weight or score change within reach moves a position
    data = deal_data(**{d: [item("X", 100, 40, 40), item("Y", 100, 40, 40)]
                        for d in ("key_buying_factors", "business_capabilities", "relationship_capabilities")})
    assert analyze(Deal.model_validate(data)).robustness.sentence == (
        "任何一项权重增减2分以内，都不会改变我方对任何对手的定位。任何一项得分增减10分以内，也都不会改变任何定位。")
    data["language"] = "en"
    assert analyze(Deal.model_validate(data)).robustness.sentence == (
        "No change of up to 2 in any one weight would change any of our positions. Nor would a change of up to 10 "
        "in any one score.")


EXAMPLES = {
    "south-gov-long-distance": (
        "在业务能力上，我方对所有对手都占优势，任何一项权重增减2分以内都改变不了。在客户购买关键因素的匹配上，"
        "我方与对手A（移动运营商）基本持平；只要“长途资费水平”的权重减少1，就会变为优势。",
        "只要有一项权重变动1分，整体定位就可能改变（共有5种这样的变动，例如“长途资费水平”的权重减少1）。"),
    "city-medical-insurance": (
        "在业务能力上，我方对所有对手都占优势，任何一项权重增减2分以内都改变不了。在客户购买关键因素的匹配上，"
        "我方对对手A（移动运营商）占优势；但只要“专线与运维资费”的权重增加2，就会变为持平。",
        "任何一项权重变动1分，整体定位（对每个对手的定位和我方最强的维度）都不会改变。"),
    "northbank-branch-network": (
        "On business capability we hold an advantage over every competitor, and no change of up to 2 in any one "
        "weight would alter that. On key buying factor match we hold an advantage over Meridian Networks, but if the "
        "weight of Payment network resilience went down by 1, we would be on a par.",
        "Moving a single weight by 1 can change our overall positioning (there are 4 such changes, for example the "
        "weight of Payment network resilience going down by 1)."),
}


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_the_shipped_examples_say_their_robustness_naturally(name):
    rob = analyze(load_deal(ROOT / "inputs" / f"{name}.yaml")[0]).robustness
    assert (rob.sentence, rob.statement) == EXAMPLES[name]


def test_no_robustness_block_of_the_deck_compares_a_number():
    for lang in ("zh", "en"):
        text = (ROOT / "templates" / "deck" / lang / "slides.j2").read_text(encoding="utf-8")
        start = text.index("{% block robust_title %}")
        end = text.index("{% block statement_title %}")
        assert "delta" not in text[start:end] and ">" not in text[start:end].replace("{{", "").replace("}}", "") \
            .replace("%}", "").replace("->", "")


# --- the positioning sentence (pipeline.analysis.position.sentence), the method's shape ---------------

from pipeline.analysis.position import sentence as position_sentence  # noqa: E402
from pipeline.load.model import DIMENSIONS  # noqa: E402

POSITIONING = [
    (("advantage", "advantage", "disadvantage"),
     "相对于对手A而言，我方在客户购买关键因素的匹配和业务能力方面占有相对优势，而在客户关系能力方面居于相对劣势。",
     # before: "Relative to Rival A, we hold a relative advantage in …, and a relative disadvantage in …"
     "Against Rival A, we hold a relative advantage in key buying factor match and business capability, but a "
     "relative disadvantage in customer relationship capability."),
    (("advantage", "parity", "disadvantage"),
     "相对于对手A而言，我方在客户购买关键因素的匹配方面占有相对优势，在业务能力方面与其相当，而在客户关系能力方面居于相对劣势。",
     "Against Rival A, we hold a relative advantage in key buying factor match, are on a par with them in business "
     "capability, but hold a relative disadvantage in customer relationship capability."),
    (("parity", "parity", "parity"),
     "相对于对手A而言，我方在客户购买关键因素的匹配、业务能力和客户关系能力方面均与其相当。",
     # before: "Relative to Rival A, we are on a par in …"
     "Against Rival A, we are on a par with them in key buying factor match, business capability and customer "
     "relationship capability."),
    (("advantage", "parity", "parity"),
     "相对于对手A而言，我方在客户购买关键因素的匹配方面占有相对优势，在业务能力和客户关系能力方面与其相当。",
     "Against Rival A, we hold a relative advantage in key buying factor match, and are on a par with them in "
     "business capability and customer relationship capability."),
    (("parity", "parity", "disadvantage"),
     "相对于对手A而言，我方在客户购买关键因素的匹配和业务能力方面与其相当，而在客户关系能力方面居于相对劣势。",
     "Against Rival A, we are on a par with them in key buying factor match and business capability, but hold a "
     "relative disadvantage in customer relationship capability."),
    (("disadvantage", "disadvantage", "disadvantage"),
     "相对于对手A而言，我方在客户购买关键因素的匹配、业务能力和客户关系能力方面均居于相对劣势。",
     "Against Rival A, we hold a relative disadvantage in key buying factor match, business capability and customer "
     "relationship capability."),
]


@pytest.mark.parametrize("combo, zh, en", POSITIONING, ids=["-".join(c[0]) for c in POSITIONING])
def test_the_positioning_sentence_reads_naturally(combo, zh, en):
    positions = dict(zip(DIMENSIONS, combo))
    assert position_sentence("zh", "对手A", positions) == zh
    assert position_sentence("en", "Rival A", positions) == en


def test_every_english_positioning_sentence_has_one_but_only_before_a_final_disadvantage():
    import itertools

    for combo in itertools.product(("advantage", "parity", "disadvantage"), repeat=3):
        said = position_sentence("en", "Rival A", dict(zip(DIMENSIONS, combo)))
        groups = [p for p in ("advantage", "parity", "disadvantage") if p in combo]
        assert said.count(" but ") == (1 if len(groups) > 1 and groups[-1] == "disadvantage" else 0), said
        assert said.startswith("Against Rival A, we ") and said.endswith(".") and "  " not in said
