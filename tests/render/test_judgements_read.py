"""Issue 23's findings on the shipped examples, one test each, with the sentence before and after.

Each figure in a comment is worked out by hand from the example's deal file.
"""

from __future__ import annotations

import io

import pytest
from docx import Document
from pptx import Presentation

from pipeline.analysis.analyze import analyze
from pipeline.render.brief.briefs import render_briefs
from pipeline.render.brief.proposals import render_proposals
from pipeline.render.deck.slides import render_deck
from tests.deals import item, make
from tests.render.brief.test_brief_helpers import example


def titles(analysis) -> list[str]:
    """Each slide's action title: the title's last paragraph (a topic may stand above it), its line
    breaks undone."""
    deck = Presentation(io.BytesIO(render_deck(analysis)))
    joint = "" if analysis.deal.language == "zh" else " "
    return [s.shapes.title.text_frame.paragraphs[-1].text.replace("\x0b", joint) for s in deck.slides
            if s.shapes.title is not None]


def docx_text(data: bytes) -> str:
    document = Document(io.BytesIO(data))
    return "\n".join([p.text for p in document.paragraphs] +
                     [c.text for t in document.tables for r in t.rows for c in r.cells])


@pytest.fixture(scope="module")
def examples():
    return {name: example(name) for name in ("xyz-atm-network", "south-gov-long-distance",
                                             "northbank-branch-network", "city-medical-insurance")}


def test_margins_come_from_exact_indexes(examples):
    # xyz KBF: (1225 - 1055) / 15 = 11.333…, not 81.67 - 70.33 = 11.34
    assert examples["xyz-atm-network"].positioning["A"].margins["key_buying_factors"] == 170 / 15
    # northbank business over Meridian: 14.1667, not 14.16 from two rounded indexes
    northbank = examples["northbank-branch-network"]
    assert round(northbank.positioning["meridian"].margins["business_capabilities"], 4) == 14.1667


def test_an_index_is_rounded_once(examples):
    # city-medical's middle brief: an index of exactly 63.947… prints 63.9 (it printed 64.0 by way of 63.95)
    analysis = examples["city-medical-insurance"]
    text = docx_text(render_briefs(analysis)["middle"])
    exact = [s.index for by_company in analysis.scores.values() for s in by_company.values()
             if 63.94 < s.index < 63.95]
    assert exact and "63.9" in text and "64.0" not in text


def test_a_lead_under_5_points_is_parity_in_the_titles(examples):
    # xyz relationship: 1840/23 - 1830/23 = +0.43 -> was 「客户关系能力：我方领先最强对手0.4分」
    xyz = titles(examples["xyz-atm-network"])
    assert xyz[6] == xyz[7] == "客户关系能力：与最强对手基本持平（+0.4），最该补的是客户经理的影响力"
    # south-gov KBF +3.5 -> was 「我方领先最强对手3.5分」
    assert titles(examples["south-gov-long-distance"])[4] == \
        "客户购买关键因素的匹配：与最强对手基本持平（+3.5），最该补的是长途资费水平"
    # northbank relationship -2.8 -> was "Meridian Networks leads us by 2.8"
    northbank = titles(examples["northbank-branch-network"])
    assert northbank[6] == northbank[7] == ("Customer relationship capability: on a par with Meridian Networks "
                                            "(-2.8); Account manager's influence is the gap to close first")


def test_the_key_is_what_weighs_most(examples):
    # northbank KBF against Meridian: Payment network resilience adds +6.25 to the margin,
    # Regulatory compliance reporting +5.00 -> was "…; Regulatory compliance reporting is the key"
    analysis = examples["northbank-branch-network"]
    driver = analysis.drivers.strongest["key_buying_factors"]
    shares = {c.item: round(c.contribution, 2) for c in driver.contributions}
    assert shares["Payment network resilience"] == 6.25 and shares["Regulatory compliance reporting"] == 5.0
    assert driver.key == ["Payment network resilience"]
    assert titles(analysis)[4] == ("Key buying factor match: we lead the strongest rival by 5.6 points, "
                                   "mainly on Payment network resilience")


def test_an_unnamed_strength_holds_against_every_rival(examples):
    # city-medical: B ties us on 专网加云的一体化方案, so the cost objection's answer no longer names it
    analysis = examples["city-medical-insurance"]
    briefs = render_briefs(analysis)
    for level in ("senior", "middle"):
        text = docx_text(briefs[level])
        assert "我们在本地驻场运维与应急响应和医保结算的连续性与可靠性方面更有优势。" in text
        assert "专网加云的一体化方案和" not in text
    said = {c.item for c in analysis.claims if c.use == "brief.strengths" and c.item}
    for name in said:
        standing = next(s for d in analysis.standings.items.values() for s in d if s.item == name)
        assert min(standing.now.margins.values()) >= 5, name


def test_the_map_title_says_a_tie_and_a_trail_as_they_are():
    # before: 「领先最少的是…（0.0）」 at a tie, 「我方最大优势在…（-22.0）」 when we trail everywhere
    tie = make(key_buying_factors=[item("安全性", 80, 80, 70)], business_capabilities=[item("全程全网", 90, 70, 70)],
               relationship_capabilities=[item("客户经理的影响力", 90, 70, 70)])
    assert titles(analyze(tie))[8] == "我方最大优势在业务能力（+20.0），客户购买关键因素的匹配与最强对手基本持平（0.0）"
    behind = make(key_buying_factors=[item("安全性", 50, 72, 60)], business_capabilities=[item("全程全网", 50, 80, 60)],
                  relationship_capabilities=[item("客户经理的影响力", 50, 85, 60)])
    assert titles(analyze(behind))[8] == "三个维度我方都落后最强对手，最少的是客户购买关键因素的匹配（-22.0），最多的是客户关系能力（-35.0）"


def test_a_percentage_reads_the_same_in_every_sentence_and_table():
    # change_pct 12.25 printed 「提高12.3%」 in one place and 「提高12.25%」 in another
    deal = make()
    data = deal.model_dump()
    data["value_proposition"]["specific"]["outcomes"][0]["change_pct"] = 12.25
    analysis = analyze(type(deal).model_validate(data))
    texts = [docx_text(b) for b in render_briefs(analysis).values()]
    texts += [docx_text(b) for b in render_proposals(analysis).values()]
    joined = "\n".join(texts)
    assert "12.25" in joined and "12.3%" not in joined and "+12.3" not in joined
