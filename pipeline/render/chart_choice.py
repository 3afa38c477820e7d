"""What the relationship radar and the positioning map show, chosen once for the deck and the briefs.

The method's radar compares three series: the competitor now, the competitor three years
on (竞争对手3年后) and us now (我们现在); our target three years on joins them when the
deal gives one. A 3-year line is drawn only for a company that gives a 3-year figure on at least
one indicator (its other indicators keep today's score, as the analysis projects them); a rival
that projects nothing, or a deal with no `in_3_years` at all, gets no copy of today's line, and
`Radar` says which lines are missing so the words can say so. The competitor is the strongest rival in relationship capability (the
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


@dataclass(frozen=True)
class Radar:
    """What the radar shows: its lines, the rival it compares, and which 3-year lines the deal gives."""

    lines: list[Line]
    rival: str  # the strongest rival in relationship capability, by id
    rival_later: bool  # the rival gives a 3-year figure on at least one indicator: its dashed line is drawn
    us_later: bool  # we set a 3-year target on at least one indicator: our dashed line is drawn
    kind: str  # 'radar', or 'bars' (radar_kind)

    @property
    def later(self) -> str:
        """Which 3-year lines are drawn: 'both', 'rival', 'us' or 'none' (the words' choice of sentence)."""
        return {(True, True): "both", (True, False): "rival", (False, True): "us"}.get(
            (self.rival_later, self.us_later), "none")


def projects(analysis: Analysis, company: str) -> bool:
    """The company gives a 3-year figure on at least one relationship indicator (the analysis' projection)."""
    return company in analysis.three_years.future.get(RADAR, {})


def radar(analysis: Analysis) -> Radar:
    lines = radar_lines(analysis)
    rival, us = analysis.standings.indexes[RADAR].now.best_rival, analysis.deal.us.id
    return Radar(lines=lines, rival=rival, rival_later=projects(analysis, rival), us_later=projects(analysis, us),
                 kind=radar_kind(analysis))


def radar_lines(analysis: Analysis) -> list[Line]:
    """The strongest rival now, and in three years when it projects an indicator; us now, and our target
    when the deal sets one (the analysis' standings: who is the best rival, each figure, which ones
    were kept from today)."""
    deal = analysis.deal
    standings = analysis.standings.items[RADAR]
    positions = {c.id: n for n, c in enumerate(deal.companies)}
    rival, us = analysis.standings.indexes[RADAR].now.best_rival, deal.us.id

    def figures(company: str, later: bool) -> tuple[float, ...]:
        return tuple(((s.in_3_years or s.now) if later else s.now).scores[company] for s in standings)

    lines = [Line(rival, positions[rival], figures(rival, False), False, False)]
    if projects(analysis, rival):
        lines.append(Line(rival, positions[rival], figures(rival, True), True, False))
    lines.append(Line(us, 0, figures(us, False), False, True))
    if projects(analysis, us):
        lines.append(Line(us, 0, figures(us, True), True, True))
    return lines


def radar_kind(analysis: Analysis) -> str:
    """'radar', or 'bars' when the dimension has too few items for one."""
    return "radar" if len(analysis.deal.dimension(RADAR)) >= RADAR_LEAST else "bars"


def map_order(analysis: Analysis) -> list[tuple[int, str]]:
    """(position, company id) in drawing order: the competitors, then us on top."""
    companies = [(n, c.id) for n, c in enumerate(analysis.deal.companies)]
    return [*companies[1:], companies[0]]
