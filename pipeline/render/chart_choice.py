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

from pipeline.analysis.results import Analysis

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
