"""The robustness slide: a native tornado chart of how each item's weight moves our margin,
beside the analysis' sentence on what survives and what flips (pipeline.analysis.robustness decides it)."""

from __future__ import annotations

from pipeline.render.office import charts
from pipeline.render.office.shapes import fill, para
from pipeline.render.office.slides import Deck

BARS = 8  # the largest swings shown; the notes name every flip


def robustness(deck: Deck) -> None:
    t, analysis = deck.text, deck.analysis
    slide = deck.new("Title, Chart and Text", t.block("robust_title"), t.block("robust_notes"))
    swings = analysis.robustness.swings[:BARS]
    categories = [t.block("robust_category", item=s.item, dimension=s.dimension) for s in swings]
    series = [(t.block("robust_down"), [s.down for s in swings]), (t.block("robust_up"), [s.up for s in swings])]
    charts.tornado_chart(slide, categories, series, deck.region(slide, "chart"), deck.fonts, analysis.deal.date,
                         deck.holder(slide, "chart"))
    paras = [para(line) for line in t.lines("robust_body")]
    fill(deck.body(slide).text_frame, paras, deck.region(slide, "body"), deck.fonts, 18, 10)
