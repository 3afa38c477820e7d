"""One format per quantity (issue 12, point 3): every index and every index margin that the deck
(slides and notes) and the briefs write is written to exactly one decimal (80.0, +15.0, 77.1).

The figures are found through the analysis, not by guessing which numbers of a text are indexes:
every index (today, in 3 years, on the method's standard indicators) and every index margin the
analysis holds. The deals (tests.analysis.test_claims) draw every score from multiples of 5 and
every weight from 1-5, so a score, a score difference, a weight, a weighted total, a strength or a
count is a multiple of 5 or below 32; an index or margin that rounds to a whole X.0 outside those
can only be that figure, and written bare ("77", "+37") it is a figure that lost its ".0". One
written with two decimals ("77.33") is one that was not rounded.
"""

from __future__ import annotations

import io
import re

from hypothesis import HealthCheck, example, given, settings
from pptx import Presentation

from pipeline.analysis.analyze import analyze
from pipeline.analysis.results import Analysis
from pipeline.load.model import DIMENSIONS, Deal
from pipeline.render.brief.briefs import render_briefs
from pipeline.render.deck.slides import render_deck
from tests.analysis.test_claims import deals
from tests.deals import deal_data, item
from tests.render.brief.test_brief_helpers import body_lines

NUMBER = re.compile(r"(?<![\d.])[+-]?\d+(?:\.\d+)?(?![\d.])")
# Below this a whole number may be a count, a slide number, a day or month, a weight or a strength.
SMALL = 32


def one_decimal(value: float) -> str:
    """The expected writing of an index, computed here: half away from zero, to one decimal."""
    tenths = int(abs(value) * 10 + 0.5 + 1e-9)
    return ("-" if value < 0 and tenths else "") + f"{tenths // 10}.{tenths % 10}"


def signed(value: float) -> str:
    shown = one_decimal(value)
    return shown if shown.startswith("-") or shown == "0.0" else "+" + shown


def figures(analysis: Analysis) -> set[float]:
    """Every index and index margin the analysis holds (and so a document may print)."""
    found: set[float] = set()
    for by_company in analysis.scores.values():
        found |= {s.index for s in by_company.values()}
    for by_company in analysis.three_years.future.values():
        found |= {s.index for s in by_company.values()}
    for position in analysis.positioning.values():
        found |= set(position.margins.values())
    found |= set(analysis.overview.margins.values())
    for standing in analysis.standings.indexes.values():
        for at in (standing.now, standing.in_3_years):
            if at is not None:
                found |= {at.margin, *at.margins.values(), *at.scores.values()}
    method = analysis.method
    if method.standard_scores:
        found |= {s.index for s in method.standard_scores.values()}
    found |= set((method.standard_margins or {}).values())
    found |= {p.margin for p in analysis.robustness.positions}
    found |= {c for claim in analysis.claims if claim.item is None for c in (claim.ours, claim.theirs, claim.margin)}
    return found


def deck_lines(blob: bytes) -> list[str]:
    """The slides' text (shapes, groups, tables) and the notes, line by line; charts' data aside."""
    lines: list[str] = []

    def shape_lines(shape) -> None:
        if shape.shape_type == 6:  # a group
            for inner in shape.shapes:
                shape_lines(inner)
        elif getattr(shape, "has_table", False) and shape.has_table:
            lines.extend(cell.text for row in shape.table.rows for cell in row.cells)
        elif shape.has_text_frame:
            lines.extend(shape.text_frame.text.splitlines())

    for slide in Presentation(io.BytesIO(blob)).slides:
        for shape in slide.shapes:
            shape_lines(shape)
        if slide.has_notes_slide:
            lines.extend(slide.notes_slide.notes_text_frame.text.splitlines())
    return lines


def document_lines(analysis: Analysis) -> list[str]:
    lines = deck_lines(render_deck(analysis))
    for blob in render_briefs(analysis).values():
        lines.extend(body_lines(blob))
    return lines


def misprinted(analysis: Analysis, lines: list[str]) -> list[tuple[str, str]]:
    """(token, line) for every number that is an index or margin of the analysis not written to one decimal."""
    values = figures(analysis)
    rounded_twice = {f"{abs(v):.2f}" for v in values}
    bare = {one_decimal(abs(v))[:-2] for v in values if one_decimal(v).endswith(".0")}
    bare = {b for b in bare if int(b) >= SMALL and int(b) % 5}
    wrong = []
    for line in lines:
        for token in NUMBER.findall(line):
            digits = token.lstrip("+-")
            decimals = digits.partition(".")[2]
            if len(decimals) >= 2 and f"{float(digits):.2f}" in rounded_twice:
                wrong.append((token, line))
            elif not decimals and digits in bare:
                wrong.append((token, line))
    return wrong


def a_deal_with_whole_indexes() -> Deal:
    """Weights 2 and 3: the indexes are whole numbers that are no score (77.0, 64.0, 49.0 ...)."""
    def pair(first: str, second: str, us: tuple, a: tuple, b: tuple) -> list[dict]:
        return [{**item(first, us[0], a[0], b[0]), "weight": 2}, {**item(second, us[1], a[1], b[1]), "weight": 3}]
    return Deal.model_validate(deal_data(
        key_buying_factors=pair("安全性", "价格", (80, 75), (40, 55), (90, 60)),
        business_capabilities=pair("全程全网", "应急响应", (95, 70), (60, 70), (40, 55)),
        relationship_capabilities=pair("客户经理的影响力", "交易历史及口碑", (70, 85), (95, 40), (60, 70))))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@example(deal=a_deal_with_whole_indexes())
@given(deal=deals())
def test_every_index_and_margin_in_the_deck_and_briefs_has_one_decimal(deal):
    analysis = analyze(deal)
    lines = document_lines(analysis)
    assert misprinted(analysis, lines) == []
    text = "\n".join(lines)
    # and they are there: every company's index on every dimension (the briefs' index table), and
    # our margin over the strongest rival on every dimension (the deck's and the briefs' overview)
    for dimension in DIMENSIONS:
        for company in deal.companies:
            assert one_decimal(analysis.scores[dimension][company.id].index) in text, (dimension, company.id)
    overview = analysis.overview
    for dimension in (overview.strongest, overview.weakest):
        assert signed(overview.margins[dimension]) in text, dimension


def test_the_hand_made_deal_prints_its_whole_indexes_with_a_decimal():
    """By hand: KBF us (2×80 + 3×75)/5 = 77, A (80 + 165)/5 = 49, B (180 + 180)/5 = 72; relationship
    us (140 + 255)/5 = 79, A 62, B 66: our margin +13.0 over B."""
    analysis = analyze(a_deal_with_whole_indexes())
    text = "\n".join(document_lines(analysis))
    assert "77.0" in text and "49.0" in text and "72.0" in text and "79.0" in text and "+13.0" in text
    assert not re.search(r"(?<![\d.])77(?![\d.])", text)
    assert misprinted(analysis, document_lines(analysis)) == []


def test_the_checker_finds_a_bare_or_unrounded_figure():
    """The check itself can fail: a whole index written bare, or an index written with two decimals."""
    analysis = analyze(a_deal_with_whole_indexes())
    assert misprinted(analysis, ["我方指数77，领先最强对手5"]) == [("77", "我方指数77，领先最强对手5")]
    assert misprinted(analysis, ["index 77.00"]) == [("77.00", "index 77.00")]
    assert misprinted(analysis, ["index 12.34, score 75, 3 rivals"]) == []  # no figure of this deal
    assert misprinted(analysis, ["我方指数77.0"]) == []
