"""Three years on: projected indexes (items without a figure keep today's score) and our gaps."""

from __future__ import annotations

import pytest

from pipeline.analysis.results import FutureScore, Gap
from pipeline.analysis.score import score
from pipeline.analysis.three_years import three_years
from tests.deals import item, make, xyz


@pytest.fixture(scope="module")
def result():
    deal = xyz()
    return three_years(deal, score(deal))


def test_only_companies_with_a_figure_are_projected(result):
    assert list(result.future) == ["relationship_capabilities"]
    assert list(result.future["relationship_capabilities"]) == ["us", "B"]


def test_our_future_index(result):
    # 5*85 + 4*85 + 3*90 + 4*85 + 3*90 + 4*90 = 2005; 2005/23 = 87.17…, unrounded
    assert result.future["relationship_capabilities"]["us"] == FutureScore(
        weighted_total=2005, index=2005 / 23, kept_items=[],
        projected_items=["客户经理的影响力", "组织内部协调能力", "高层对项目的重视程度", "交易历史及口碑",
                         "长期合作潜力", "解决方案的设计能力"])


def test_competitor_keeps_todays_score_where_not_projected(result):
    # B: 5*90 + 4*80 + 3*80 (kept) + 4*90 + 3*70 + 4*80 = 1900; 1900/23 = 82.61…, unrounded
    b = result.future["relationship_capabilities"]["B"]
    assert (b.weighted_total, b.index) == (1900, 1900 / 23)
    assert b.kept_items == ["高层对项目的重视程度"]
    assert "高层对项目的重视程度" not in b.projected_items and len(b.projected_items) == 5


def test_our_gaps_largest_first(result):
    assert [(g.item, g.now, g.target, g.gap) for g in result.our_gaps] == [
        ("客户经理的影响力", 70, 85, 15),
        ("交易历史及口碑", 75, 85, 10),
        ("组织内部协调能力", 80, 85, 5),     # ties keep the file's order
        ("高层对项目的重视程度", 85, 90, 5),
        ("长期合作潜力", 85, 90, 5),
        ("解决方案的设计能力", 90, 90, 0),
    ]
    assert {g.dimension for g in result.our_gaps} == {"relationship_capabilities"}


def test_note_in_the_deals_language(result):
    assert result.note == "未给出3年后数值的指标按当前得分计算。"
    deal = make(language="en")
    assert three_years(deal, score(deal)).note == "Items without a 3-year figure keep today's score."


def test_no_projection_at_all():
    deal = make()
    result = three_years(deal, score(deal))
    assert (result.future, result.our_gaps) == ({}, [])


def test_competitor_only_projection_and_a_lowered_target():
    deal = make(key_buying_factors=[item("x", 80, 70, 60, weight=1, future={"A": 90}), item("y", 50, 50, 50, weight=3)],
                business_capabilities=[item("z", 90, 70, 60, future={"us": 85})])
    result = three_years(deal, score(deal))
    # A: (1*90 + 3*50) / 4 = 60; y keeps today's 50
    assert result.future["key_buying_factors"] == {"A": FutureScore(weighted_total=240, index=60,
                                                                    projected_items=["x"], kept_items=["y"])}
    assert result.future["business_capabilities"]["us"].index == 85
    assert result.our_gaps == [Gap(dimension="business_capabilities", item="z", now=90, target=85, gap=-5)]
