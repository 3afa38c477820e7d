"""The robustness slide: a native tornado chart of how each item's weight moves our margin,
beside the analysis' sentence on what survives and what flips (pipeline.robustness decides it)."""

from __future__ import annotations

from pptx.enum.chart import XL_CHART_TYPE, XL_TICK_LABEL_POSITION

from pipeline.render import deck_charts as charts
from pipeline.render.deck_base import fill, para, paint
from pipeline.render.deck_slide import Deck

BARS = 8  # the largest swings shown; the notes name every flip


def robustness(deck: Deck) -> None:
    t, analysis = deck.text, deck.analysis
    slide = deck.new("Title, Chart and Text", t.block("robust_title"), t.block("robust_notes"))
    swings = analysis.robustness.swings[:BARS]
    categories = [t.block("robust_category", item=s.item, dimension=s.dimension) for s in swings]
    series = [(t.block("robust_down"), [s.down for s in swings]), (t.block("robust_up"), [s.up for s in swings])]
    tornado(slide, categories, series, deck, deck.holder(slide, "chart"))
    paras = [para(line) for line in t.lines("robust_body")]
    fill(deck.body(slide).text_frame, paras, deck.region(slide, "body"), deck.fonts, 18, 10)


def tornado(slide, categories: list[str], series: list[tuple[str, list[float]]], deck: Deck, placeholder):
    """Overlapping horizontal bars around zero, the largest swing on top, the axis symmetric."""
    data = charts.CategoryData(deck.analysis.deal.date, number_format='+0.0;-0.0;0')
    data.categories = list(reversed(categories))
    for name, values in series:
        data.add_series(name, list(reversed(values)))
    region = deck.region(slide, "chart")
    frame = charts.insert(slide, XL_CHART_TYPE.BAR_CLUSTERED, data, region, placeholder)
    chart = frame.chart
    reach = max([abs(v) for _, values in series for v in values] + [1.0])
    bound = float(-(-reach // 1))  # whole points
    axis = chart.value_axis
    axis.minimum_scale, axis.maximum_scale = -bound, bound
    axis.has_major_gridlines = False
    chart.category_axis.tick_label_position = XL_TICK_LABEL_POSITION.LOW  # names at the left edge, off the bars
    plot = chart.plots[0]
    plot.overlap = 100
    plot.gap_width = 40
    for ser, colour in zip(charts._sers(chart), ("orange", "accent")):
        paint(ser.get_or_add_spPr(), colour)
    charts._finish(chart, deck.fonts, size=11 if len(categories) <= 5 else 9)
    return frame
