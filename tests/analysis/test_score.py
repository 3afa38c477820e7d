"""Weighted scores: Σ weight × score (总分数合计) and the index over Σ weight, per dimension and company."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.analysis.results import CompanyScore
from pipeline.analysis.score import score
from tests.deals import item, make, xyz


@pytest.fixture(scope="module")
def scores():
    return score(xyz())


def test_companies_in_order_us_first(scores):
    assert [list(by_company) for by_company in scores.values()] == [["us", "A", "B", "C"]] * 3
    assert list(scores) == ["key_buying_factors", "business_capabilities", "relationship_capabilities"]


@pytest.mark.parametrize("company, total, index", [
    ("us", 1225, 1225 / 15),  # 5*90 + 4*85 + 3*60 + 3*85 = 1225; 1225/15 = 81.666…
    ("A", 1055, 1055 / 15),   # 5*65 + 4*70 + 3*90 + 3*60 = 1055; 1055/15 = 70.333…
    ("B", 1115, 1115 / 15),   # 5*75 + 4*80 + 3*70 + 3*70 = 1115; 1115/15 = 74.333…
    ("C", 965, 965 / 15),    # 5*60 + 4*65 + 3*80 + 3*55 = 965;  965/15 = 64.333…
])
def test_key_buying_factors(scores, company, total, index):
    assert scores["key_buying_factors"][company] == CompanyScore(weighted_total=total, index=index)


@pytest.mark.parametrize("company, total, index", [
    ("us", 1090, 1090 / 12),  # 5*95 + 4*90 + 3*85 = 1090; 1090/12 = 90.833…
    ("A", 700, 700 / 12),    # 5*60 + 4*55 + 3*60 = 700;   700/12 = 58.333…
    ("B", 910, 910 / 12),    # 5*80 + 4*75 + 3*70 = 910;   910/12 = 75.833…
    ("C", 670, 670 / 12),    # 5*55 + 4*50 + 3*65 = 670;   670/12 = 55.833…
])
def test_business_capabilities(scores, company, total, index):
    assert scores["business_capabilities"][company] == CompanyScore(weighted_total=total, index=index)


@pytest.mark.parametrize("company, total, index", [
    ("us", 1840, 80.0),   # 5*70 + 4*80 + 3*85 + 4*75 + 3*85 + 4*90 = 1840; 1840/23 = 80
    ("A", 1410, 1410 / 23),    # 5*60 + 4*65 + 3*70 + 4*55 + 3*60 + 4*60 = 1410; 1410/23 = 61.304…
    ("B", 1830, 1830 / 23),   # 5*85 + 4*75 + 3*80 + 4*90 + 3*75 + 4*70 = 1830; 1830/23 = 79.565…
    ("C", 1330, 1330 / 23),   # 5*55 + 4*60 + 3*60 + 4*50 + 3*65 + 4*60 = 1330; 1330/23 = 57.826…
])
def test_relationship_capabilities(scores, company, total, index):
    assert scores["relationship_capabilities"][company] == CompanyScore(weighted_total=total, index=index)


def test_fractional_weights_are_exact_and_unrounded():
    # us: 0.5*100 + 2.5*33 = 132.5; 132.5 / 3 = 44.1666…, stored unrounded (printed 44.2)
    deal = make(key_buying_factors=[item("x", 100, 0, 0, weight=0.5), item("y", 33, 0, 100, weight=2.5)])
    kbf = score(deal)["key_buying_factors"]
    assert kbf["us"] == CompanyScore(weighted_total=132.5, index=132.5 / 3)
    assert kbf["A"] == CompanyScore(weighted_total=0, index=0)
    assert kbf["B"] == CompanyScore(weighted_total=250, index=250 / 3)  # 2.5*100 / 3


def test_decimal_weights_and_scores_are_read_as_written():
    # 0.1 and 0.2 are tenths, not the floats nearest to them: the two indexes tie exactly
    deal = make(key_buying_factors=[item("x", 70.1, 70.2, 0, weight=0.1), item("y", 70.2, 70.1, 0, weight=0.1)])
    kbf = score(deal)["key_buying_factors"]
    assert kbf["us"].index == kbf["A"].index == 70.15


def test_index_stays_on_the_0_to_100_scale():
    deal = make(business_capabilities=[item("x", 100, 0, 50, weight=7), item("y", 100, 0, 50, weight=9)])
    business = score(deal)["business_capabilities"]
    assert (business["us"].index, business["A"].index, business["B"].index) == (100, 0, 50)
    assert business["us"].weighted_total == 1600


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.floats(0.1, 20), st.floats(0, 100), st.floats(0, 100)), min_size=1, max_size=6))
def test_index_lies_between_the_lowest_and_highest_item_score(rows):
    items = [item(f"i{n}", us, a, 50, weight=w) for n, (w, us, a) in enumerate(rows)]
    result = score(make(relationship_capabilities=items))["relationship_capabilities"]
    for company, column in (("us", 1), ("A", 2)):
        values = [row[column] for row in rows]
        assert min(values) - 0.01 <= result[company].index <= max(values) + 0.01
        assert result[company].weighted_total == pytest.approx(sum(r[0] * r[column] for r in rows), abs=0.01)
