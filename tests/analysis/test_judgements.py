"""Judgements that hold on every deal: exact margins, the method's 5 points, what weighs most.

An independent checker recomputes from the deal file alone, in fractions (never from the
analysis' own figures): every index and margin, every position, each item's share of the
margin (weight × difference ÷ Σ weight), the key and the gap; then checks them against
analysis.json and against the slide titles that name them, and checks that an unnamed strength
in an objection's answer leads every rival by 5 points or more.
"""

from __future__ import annotations

import io
from fractions import Fraction

from hypothesis import HealthCheck, given, settings
from pptx import Presentation

from pipeline.analysis.analyze import analyze
from pipeline.load.model import DIMENSIONS, Deal
from pipeline.render.brief.context import brief_context
from pipeline.render.deck.slides import render_deck
from pipeline.words.labels import label
from pipeline.words.wording import index as index_text
from pipeline.words.wording import join
from pipeline.words.wording import margin as margin_text
from tests.analysis.test_claims import NAMES, deals
from tests.deals import item, make

SERVICE = ("key_buying_factors", "business_capabilities")


def q(value) -> Fraction:
    return Fraction(str(value))


def exact_index(deal: Deal, dimension: str, company: str) -> Fraction:
    items = deal.dimension(dimension)
    return sum(q(i.weight) * q(i.scores[company]) for i in items) / sum(q(i.weight) for i in items)


def position_of(margin: Fraction) -> str:
    return "advantage" if margin >= 5 else "disadvantage" if margin <= -5 else "parity"


def shares(deal: Deal, dimension: str, rival: str) -> dict[str, Fraction]:
    items, us = deal.dimension(dimension), deal.us.id
    whole = sum(q(i.weight) for i in items)
    return {i.name: q(i.weight) * (q(i.scores[us]) - q(i.scores[rival])) / whole for i in items}


def key_and_gap(deal: Deal, dimension: str, rival: str) -> tuple[list[str], list[str]]:
    by_item = shares(deal, dimension, rival)
    top, bottom = max(by_item.values()), min(by_item.values())
    key = [n for n, s in by_item.items() if s == top] if top > 0 else []
    gap = [n for n, s in by_item.items() if s == bottom] if bottom < 0 else []
    return key, gap


def strongest_rival(deal: Deal, dimension: str) -> str:
    values = {c.id: exact_index(deal, dimension, c.id) for c in deal.competitors}
    top = max(values.values())
    return next(c.id for c in deal.competitors if values[c.id] == top)


def check_numbers(deal: Deal, analysis) -> None:
    us = deal.us.id
    for dimension in DIMENSIONS:
        for rival in deal.competitors:
            margin = exact_index(deal, dimension, us) - exact_index(deal, dimension, rival.id)
            assert analysis.positioning[rival.id].margins[dimension] == float(margin)
            assert getattr(analysis.positioning[rival.id], dimension) == position_of(margin)
            driver = analysis.drivers.against[dimension][rival.id]
            assert driver.margin == float(margin) and driver.position == position_of(margin)
            assert [c.contribution for c in driver.contributions] == [float(s) for s in shares(deal, dimension, rival.id).values()]
            assert (driver.key, driver.gap) == key_and_gap(deal, dimension, rival.id)
        best = strongest_rival(deal, dimension)
        assert analysis.drivers.strongest[dimension].rival == best
        assert analysis.overview.margins[dimension] == float(exact_index(deal, dimension, us) - exact_index(deal, dimension, best))


def deck_titles(analysis) -> list[str]:
    deck = Presentation(io.BytesIO(render_deck(analysis)))
    titles = [s.shapes.title.text for s in deck.slides if s.shapes.title is not None and s.shapes.title.has_text_frame]
    return [title.splitlines()[-1] for title in titles if title.strip()]  # a topic line may stand above the action title


def check_titles(deal: Deal, analysis) -> None:
    """Each dimension's action title says the position the 5 points allow and names what weighs most."""
    lang, us = deal.language, deal.us.id
    titles = deck_titles(analysis)
    for dimension in DIMENSIONS:
        topic = label(lang, dimension) + ("：" if lang == "zh" else ": ")
        mine = [t for t in titles if t.startswith(topic)]
        assert mine, (dimension, titles)
        rival = strongest_rival(deal, dimension)
        margin = exact_index(deal, dimension, us) - exact_index(deal, dimension, rival)
        key, gap = key_and_gap(deal, dimension, rival)
        for title in mine:
            said_lead = ("领先" in title) if lang == "zh" else (" lead" in title)
            said_par = ("持平" in title) if lang == "zh" else ("on a par" in title)
            assert said_lead == (abs(margin) >= 5), (title, margin)
            assert said_par == (abs(margin) < 5), (title, margin)
            if margin >= 5:
                assert index_text(float(margin)) in title and join(lang, key) in title, (title, key)
            elif margin <= -5:
                assert index_text(float(-margin)) in title and join(lang, gap) in title, (title, gap)
            else:
                assert margin_text(float(margin)) in title and (not gap or join(lang, gap) in title), (title, gap)


def check_unnamed_strengths(deal: Deal, analysis) -> None:
    """An objection's answer names a strength only where we lead every rival by 5 or more."""
    us, rivals = deal.us.id, [c.id for c in deal.competitors]
    for level in ("senior", "middle", "frontline"):
        for objection in brief_context(analysis, level).objections:
            for dimension in SERVICE:
                for i in deal.dimension(dimension):
                    if i.name in objection.answer and i.name not in objection.objection:
                        lead = min(q(i.scores[us]) - q(i.scores[r]) for r in rivals)
                        assert lead >= 5, (i.name, objection.answer, i.scores)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(deals())
def test_margins_positions_and_drivers_are_exact_on_every_deal(deal):
    analysis = analyze(deal)
    check_numbers(deal, analysis)
    check_unnamed_strengths(deal, analysis)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(deals())
def test_the_action_titles_say_what_the_numbers_allow(deal):
    check_titles(deal, analyze(deal))


def test_names_stay_apart():
    names = [n for group in NAMES.values() for n in group]
    assert not any(a != b and a in b for a in names for b in names)


# --- the boundary, by hand: 4.99, 5.00 and 5.01 -------------------------------------------


def one_item(ours: float, theirs: float):
    return make(key_buying_factors=[item("安全性", ours, theirs, 0)], business_capabilities=[item("全程全网", 80, 70, 70)],
                relationship_capabilities=[item("客户经理的影响力", 80, 70, 70)])


def test_five_points_exactly_is_an_advantage_and_4_99_is_parity():
    for ours, expected in ((79.99, "parity"), (80, "advantage"), (80.01, "advantage")):
        analysis = analyze(one_item(ours, 75))
        assert analysis.positioning["A"].key_buying_factors == expected
        assert analysis.standings.indexes["key_buying_factors"].now.position == expected
    # 0.1 + 0.2 is 0.3 exactly here: 75.3 - 70.3 is 5, not the 4.999… floats would give
    analysis = analyze(one_item(75.3, 70.3))
    assert analysis.positioning["A"].key_buying_factors == "advantage"


def test_a_tie_and_a_small_lead_are_parity_in_the_title():
    titles = deck_titles(analyze(one_item(78.5, 75)))
    assert "客户购买关键因素的匹配：与最强对手基本持平（+3.5）" in titles
