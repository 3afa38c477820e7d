"""Any valid deal renders a whole deck: every slide titled and noted, nothing overflowing, the numbers its own."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from pptx import Presentation

from pipeline.analysis.analyze import analyze
from pipeline.load.deal import load_deal
from pipeline.render.deck.slides import render_deck
from tests.render.deck.test_deck_fit import overflows
from tests.deals import valid_deals


def deck_of(text: str):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "deal.yaml"
        path.write_text(text, encoding="utf-8")
        deal, _ = load_deal(path)
    analysis = analyze(deal)
    return analysis, Presentation(io.BytesIO(render_deck(analysis)))


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(valid_deals())
def test_any_valid_deal_gives_a_complete_deck_that_fits(text):
    analysis, prs = deck_of(text)
    slides = list(prs.slides)
    assert len(slides) >= 18
    assert slides[0].shapes.title.text_frame.text == analysis.deal.title
    assert all(s.notes_slide.notes_text_frame.text.strip() for s in slides)
    assert overflows(prs) == []
    table = next(shape.table for s in slides for shape in s.shapes
                 if getattr(shape, "has_table", False) and shape.has_table)
    us = analysis.scores["key_buying_factors"][analysis.deal.us.id]
    index_row = [cell.text for cell in list(table.rows)[-1].cells]
    assert index_row[2].partition(".")[2].isdigit() and len(index_row[2].partition(".")[2]) == 1  # one decimal
    assert abs(float(index_row[2]) - us.index) <= 0.05 + 1e-9
