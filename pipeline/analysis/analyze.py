"""The analysis stage: one deal in, its whole Analysis out, before any file is written.

The only place that knows the order of the method's steps (score, three years, standings, drivers,
position, claims, chain, audience, value, tactics, plan, robustness); the order of the pipeline's stages
(load, analyze, render, publish) is `pipeline.build`'s.
"""

from __future__ import annotations

from typing import Optional

from pipeline.analysis import audience as customer
from pipeline.analysis import departures
from pipeline.analysis.chain import chain
from pipeline.analysis.claims import claims
from pipeline.analysis.drivers import drivers
from pipeline.analysis.departures import method_check, with_standard_weights
from pipeline.analysis.plan import plan
from pipeline.analysis.playbook import Playbook
from pipeline.analysis.position import (
    overview,
    position,
    statement_findings,
    strongest_dimension,
)
from pipeline.analysis.results import Analysis
from pipeline.analysis.robustness import robustness
from pipeline.analysis.score import score
from pipeline.analysis.smart import findings
from pipeline.analysis.standings import standings
from pipeline.analysis.tactics import tactics
from pipeline.analysis.three_years import three_years
from pipeline.analysis.value import value
from pipeline.load.model import Deal


def analyze(deal: Deal, playbook: Optional[Playbook] = None) -> Analysis:
    """Score, position, chain, tactics and value proposition for `deal` (pure: no I/O but the playbook)."""
    deal = with_standard_weights(deal)
    scores = score(deal)
    future = three_years(deal, scores)
    ranks = standings(deal, scores, future)
    weighs = drivers(deal, ranks)
    positioning = position(deal, scores)
    found = claims(deal, ranks, positioning, strongest_dimension(ranks)[0])
    standing = overview(deal, ranks, found)
    links = chain(deal)
    who = customer.audience(deal)
    check = method_check(deal, positioning)
    valued = value(deal, links, found, who)
    return Analysis(
        deal=deal,
        audience=who,
        method=check,
        scores=scores,
        three_years=future,
        standings=ranks,
        drivers=weighs,
        positioning=positioning,
        overview=standing,
        claims=found,
        tactics=tactics(deal, scores, positioning, links, playbook, found, future),
        chain=links,
        value=valued,
        findings=[*customer.findings(deal, who), *departures.findings(deal, check, positioning), *findings(deal),
                  *statement_findings(standing)],
        plan=plan(deal, valued),
        robustness=robustness(deal),
    )
