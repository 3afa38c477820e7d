"""A native chart as data, and where its axes and labels go: the charts' public surface.

The deck and the briefs say what a chart shows (`ChartSpec`, its `Series`); the engine draws it
(`charts` in a slide, `docx_chart` in a Word document), spanning the axes and placing the labels
the same way in both.
"""

from __future__ import annotations

from dataclasses import dataclass


TORNADO_FORMAT = "+0.0;-0.0;0"  # a swing's sign always shown


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float, ...]
    x: tuple[float, ...] = ()  # a 'payback' chart's x value of each point (months)
    colour: int = 0  # the company's place in deal.companies (us 0): its palette colour
    later: bool = False  # three years on: drawn dashed


@dataclass(frozen=True)
class ChartSpec:
    """A chart as data: 'radar', 'bars' or 'tornado' (a value per category), 'map' (one (x, y) point per
    series), 'bubble' (one (x, y, size) point per series) or 'payback' (lines through each series'
    (x, value) points; a one-point series is a marked point)."""

    kind: str
    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    x_title: str = ""
    y_title: str = ""
    caption: str = ""
    companies: int = 0  # the first series are the companies; any after them are projections


def axis_span(values: list[float], room: float = 5.0, step: float = 5.0) -> tuple[float, float]:
    """Bounds around `values` with at least `room` each side, on `step`s, within 0-100.

    Fitted to the data: companies between 55 and 75 spread over the chart, not a band of it.
    """
    low = max(0.0, (min(values) - room) // step * step)
    high = min(100.0, -(-(max(values) + room) // step) * step)
    if high - low < 4 * step:  # companies close together still get a readable scale
        middle = (low + high) / 2
        low, high = max(0.0, middle - 2 * step), min(100.0, middle + 2 * step)
    return low, high


NEAR = 0.18  # of an axis' span: closer neighbours would print their names over each other


def label_sides(points: list[tuple[float, float]], spans: tuple[tuple[float, float], tuple[float, float]]) -> list[str]:
    """Where each point's name goes ('t' above, 'b' below, 'l' left, 'r' right): above unless a
    neighbour is near, then on the side away from the nearest one. Two names on one side of
    the same pair never collide: the pair's names go to opposite sides."""
    (x0, x1), (y0, y1) = spans
    scaled = [((x - x0) / ((x1 - x0) or 1), (y - y0) / ((y1 - y0) or 1)) for x, y in points]
    sides = []
    for n, (x, y) in enumerate(scaled):
        others = [(ox - x, oy - y, k) for k, (ox, oy) in enumerate(scaled) if k != n]
        near = [o for o in others if (o[0] ** 2 + o[1] ** 2) ** 0.5 < NEAR]
        if not near:
            sides.append("t")
            continue
        dx, dy, k = min(near, key=lambda o: (o[0] ** 2 + o[1] ** 2, o[2]))
        if dx == dy == 0:  # the same place: the first name above, the other below
            sides.append("t" if n < k else "b")
        elif abs(dy) >= abs(dx):
            sides.append("b" if dy > 0 else "t")
        else:
            sides.append("l" if dx > 0 else "r")
    return sides
