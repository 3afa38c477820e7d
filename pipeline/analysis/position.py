"""Competitive positioning: advantage, parity or disadvantage per competitor and dimension,
our strongest and weakest dimension against the field, and the positioning statement."""

from __future__ import annotations

from pipeline.analysis.claims import of
from pipeline.analysis.results import (
    Claim,
    CompetitorPosition,
    Finding,
    Overview,
    Position,
    Standings,
)
from pipeline.analysis import exact
from pipeline.analysis.score import Scores
from pipeline.analysis.standings import classify, exact_indexes
from pipeline.load.model import DIMENSIONS, Company, Deal
from pipeline.words.wording import in_sentence, join, text, unwrap


def position(deal: Deal, scores: Scores) -> dict[str, CompetitorPosition]:
    """Our standing against each competitor, in the file's order."""
    return {rival.id: against(deal, rival) for rival in deal.competitors}


def against(deal: Deal, rival: Company) -> CompetitorPosition:
    margins = {d: margin(deal, d, deal.us.id, rival.id) for d in DIMENSIONS}
    positions = {d: classify(m) for d, m in margins.items()}
    return CompetitorPosition(**positions, margins={d: exact.stored(m) for d, m in margins.items()},
                              sentence=sentence(deal.language, rival.name, positions))


def margin(deal: Deal, dimension: str, ours: str, theirs: str):
    """Our index minus theirs, exactly (from the deal's figures, never from a rounded index)."""
    items = deal.dimension(dimension)
    return exact_indexes(items, ours) - exact_indexes(items, theirs)


def sentence(language: str, name: str, positions: dict[str, Position]) -> str:
    """相对于对手A而言，我方在……方面占有相对优势，而在……方面居于相对劣势。"""
    groups = [(p, [d for d in DIMENSIONS if positions[d] == p]) for p in ("advantage", "parity", "disadvantage")]
    groups = [(p, dims) for p, dims in groups if dims]
    clauses = [clause(language, p, dims, i > 0 and groups[i - 1][0] == "advantage") for i, (p, dims) in enumerate(groups)]
    contrast = len(groups) > 1 and groups[-1][0] == "disadvantage"
    if language == "zh" and contrast:
        clauses[-1] = text(language, "but") + clauses[-1]  # 而在……方面居于相对劣势
    return text(language, "relative_to", name=name, clauses=joined_clauses(language, clauses, contrast))


def clause(language: str, position_: Position, dims: list[str], follows_advantage: bool) -> str:
    """One group of dimensions; English drops the repeated 'hold' right after an advantage."""
    key = f"{position_}_clause"
    if language == "en" and follows_advantage and position_ == "disadvantage":
        key = "disadvantage_clause_after"
    every = text(language, "all") if len(dims) == len(DIMENSIONS) else ""
    return text(language, key, dims=join(language, [in_sentence(language, d) for d in dims]), all=every)


def joined_clauses(language: str, clauses: list[str], contrast: bool = False) -> str:
    """zh: 甲，乙，丙; en: a, b, and c — or a, b, but c when c is the disadvantage after the rest."""
    if language == "zh" or len(clauses) == 1:
        return text(language, "clause_join").join(clauses)
    last = text(language, "but") if contrast else "and "
    return ", ".join(clauses[:-1]) + ", " + last + clauses[-1]


def strongest_dimension(standings: Standings) -> tuple[str, str, dict[str, float]]:
    """Our strongest and weakest dimension against the best rival, and the margins behind them."""
    margins = {d: standings.indexes[d].now.margin for d in DIMENSIONS}
    strongest = max(DIMENSIONS, key=lambda d: margins[d])  # ties: the first in DIMENSIONS
    weakest = min(DIMENSIONS, key=lambda d: margins[d])
    return strongest, weakest, margins


def overview(deal: Deal, standings: Standings, found: list[Claim]) -> Overview:
    """Our margin over the best competitor per dimension, and the statement (the deal's own wins)."""
    strongest, weakest, margins = strongest_dimension(standings)
    own = deal.positioning_statement
    statement = unwrap(own) if own is not None else draft_statement(deal, found)
    return Overview(strongest=strongest, weakest=weakest, margins=margins,
                    statement=statement, statement_drafted=own is None)


def draft_statement(deal: Deal, found: list[Claim]) -> str:
    """For whom, on what basis, with what lever, what concession, to what end (长途电话竞争定位),
    each part worded from its claims; a part with no claim changes shape rather than name a wrong item."""
    language = deal.language
    parts = [text(language, "statement_for", whom=whom(deal)), basis(deal, of(found, "statement.basis")),
             lever(deal, of(found, "statement.lever"))]
    concession = of(found, "statement.concession", "concession")
    if concession:
        key = "statement_concession_most" if of(found, "statement.concession", "cares_most") else "statement_concession"
        parts.append(text(language, key, item=concession[0].item, leader=deal.company_name(concession[0].company)))
    ending = "statement_end_exclusive" if of(found, "statement.exclusive") else "statement_end_comprehensive"
    parts.append(text(language, ending))
    return text(language, "statement_join").join(parts) + text(language, "statement_stop")


def basis(deal: Deal, strengths: list[Claim]) -> str:
    if not strengths:
        return text(deal.language, "statement_basis_value")
    return text(deal.language, "statement_basis", items=join(deal.language, [c.item for c in strengths]))


def whom(deal: Deal) -> str:
    segment = deal.customer.segment
    if segment is None:
        return deal.customer.name
    return f"{segment}{deal.customer.name}" if deal.language == "zh" else f"{deal.customer.name} ({segment})"


def lever(deal: Deal, levers: list[Claim]) -> str:
    """Bundling, carried by a business capability where we lead; our full-service strength when we lead
    the business index without such an item; bundling alone when we lead neither."""
    if not levers:
        return text(deal.language, "statement_lever_plain")
    if levers[0].item is None:
        return text(deal.language, "statement_lever")
    return text(deal.language, "statement_lever_named", lever=levers[0].item)


def statement_findings(standing: Overview) -> list[Finding]:
    """A drafted statement is said once, as a warning (and in the deck's notes), never on a slide."""
    if not standing.statement_drafted:
        return []
    return [Finding(field="positioning_statement", key="statement_drafted")]
