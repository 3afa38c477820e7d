"""What the relationship radar and the positioning map show, chosen once for the deck and the briefs.

The method's radar compares three series: the competitor now, the competitor three years
on (竞争对手3年后) and us now (我们现在); our target three years on joins them when the
deal gives one. The competitor is the strongest rival in relationship capability (the
analysis' standings name it), so at most four lines ever cross. A dimension of fewer than three
items cannot make a radar (one axis is a line, two a strip): it is drawn as bars.
On the map our bubble comes last, so it is drawn on top.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.results import Analysis

RADAR = "relationship_capabilities"
RADAR_LEAST = 3  # items a radar needs; fewer are drawn as bars


@dataclass(frozen=True)
class Line:
    company: str  # the company's id
    position: int  # its place in deal.companies (us 0): its colour
    values: tuple[float, ...]  # one per relationship indicator, in the file's order
    later: bool  # three years on: the rival's projection or our target
    is_us: bool


def radar_lines(analysis: Analysis) -> list[Line]:
    """The strongest rival now and in three years, us now, and our target when the deal sets one
    (the analysis' standings: who is the best rival, each figure, which ones were kept from today)."""
    deal = analysis.deal
    standings = analysis.standings.items[RADAR]
    positions = {c.id: n for n, c in enumerate(deal.companies)}
    rival, us = analysis.standings.indexes[RADAR].now.best_rival, deal.us.id

    def figures(company: str, later: bool) -> tuple[float, ...]:
        return tuple(((s.in_3_years or s.now) if later else s.now).scores[company] for s in standings)

    lines = [Line(rival, positions[rival], figures(rival, False), False, False),
             Line(rival, positions[rival], figures(rival, True), True, False),
             Line(us, 0, figures(us, False), False, True)]
    if any(s.in_3_years is not None and us not in s.kept for s in standings):
        lines.append(Line(us, 0, figures(us, True), True, True))
    return lines


def radar_kind(analysis: Analysis) -> str:
    """'radar', or 'bars' when the dimension has too few items for one."""
    return "radar" if len(analysis.deal.dimension(RADAR)) >= RADAR_LEAST else "bars"


def map_order(analysis: Analysis) -> list[tuple[int, str]]:
    """(position, company id) in drawing order: the competitors, then us on top."""
    companies = [(n, c.id) for n, c in enumerate(analysis.deal.companies)]
    return [*companies[1:], companies[0]]


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
