"""The analysis stage: one deal in, its whole Analysis out, before any file is written.

The only place that knows the order of the stages (METHOD.md sections 1-3).
"""

from __future__ import annotations

from typing import Optional

from pipeline.chain import chain
from pipeline.model import Deal
from pipeline.playbook import Playbook
from pipeline.position import overview, position
from pipeline.results import Analysis
from pipeline.robustness import robustness
from pipeline.score import score
from pipeline.smart import findings
from pipeline.tactics import tactics
from pipeline.three_years import three_years
from pipeline.value import value


def analyze(deal: Deal, playbook: Optional[Playbook] = None) -> Analysis:
    """Score, position, chain, tactics and value proposition for `deal` (pure: no I/O but the playbook)."""
    scores = score(deal)
    positioning = position(deal, scores)
    standing = overview(deal, scores, positioning)
    links = chain(deal)
    return Analysis(
        deal=deal,
        scores=scores,
        three_years=three_years(deal, scores),
        positioning=positioning,
        overview=standing,
        tactics=tactics(deal, scores, positioning, links, playbook),
        chain=links,
        value=value(deal, links, standing),
        findings=findings(deal),
        robustness=robustness(deal, standing),
    )
