"""Competitive positioning: advantage, parity or disadvantage per competitor and dimension,
our strongest and weakest dimension against the field, and the positioning statement."""

from __future__ import annotations

from typing import Optional

from pipeline.model import DIMENSIONS, Company, Deal, Item
from pipeline.results import CompetitorPosition, Overview, Position
from pipeline.score import Scores
from pipeline.settings import BASIS_ITEMS, BUNDLING_WORDS, POSITION_MARGIN, rounded
from pipeline.wording import in_sentence, join, text, unwrap

BUSINESS = "business_capabilities"


def position(deal: Deal, scores: Scores) -> dict[str, CompetitorPosition]:
    """Our standing against each competitor, in the file's order."""
    return {rival.id: against(deal, scores, rival) for rival in deal.competitors}


def against(deal: Deal, scores: Scores, rival: Company) -> CompetitorPosition:
    margins = {d: margin(scores, d, deal.us.id, rival.id) for d in DIMENSIONS}
    positions = {d: classify(m) for d, m in margins.items()}
    return CompetitorPosition(**positions, margins=margins, sentence=sentence(deal.language, rival.name, positions))


def margin(scores: Scores, dimension: str, ours: str, theirs: str) -> float:
    """Our index minus theirs, from the stored (rounded) indexes."""
    return rounded(scores[dimension][ours].index - scores[dimension][theirs].index)


def classify(value: float) -> Position:
    if value >= POSITION_MARGIN:
        return "advantage"
    return "disadvantage" if value <= -POSITION_MARGIN else "parity"


def sentence(language: str, name: str, positions: dict[str, Position]) -> str:
    """相对于对手A而言，我方在……方面占有相对优势，而在……方面居于相对劣势。"""
    groups = [(p, [d for d in DIMENSIONS if positions[d] == p]) for p in ("advantage", "parity", "disadvantage")]
    groups = [(p, dims) for p, dims in groups if dims]
    clauses = [clause(language, p, dims, i > 0 and groups[i - 1][0] == "advantage") for i, (p, dims) in enumerate(groups)]
    if language == "zh" and len(groups) > 1 and groups[-1][0] == "disadvantage":
        clauses[-1] = text(language, "but") + clauses[-1]  # 而在……方面居于相对劣势
    return text(language, "relative_to", name=name, clauses=joined_clauses(language, clauses))


def clause(language: str, position_: Position, dims: list[str], follows_advantage: bool) -> str:
    """One group of dimensions; English drops the repeated 'hold' right after an advantage."""
    key = f"{position_}_clause"
    if language == "en" and follows_advantage and position_ == "disadvantage":
        key = "disadvantage_clause_after"
    every = text(language, "all") if len(dims) == len(DIMENSIONS) else ""
    return text(language, key, dims=join(language, [in_sentence(language, d) for d in dims]), all=every)


def joined_clauses(language: str, clauses: list[str]) -> str:
    """zh: 甲，乙，丙; en: a, b, and c."""
    if language == "zh" or len(clauses) == 1:
        return text(language, "clause_join").join(clauses)
    return ", ".join(clauses[:-1]) + ", and " + clauses[-1]


def overview(deal: Deal, scores: Scores, positioning: dict[str, CompetitorPosition]) -> Overview:
    """Our margin over the best competitor per dimension, and the statement (the deal's own wins)."""
    margins = {d: field_margin(deal, scores, d) for d in DIMENSIONS}
    strongest = max(DIMENSIONS, key=lambda d: margins[d])  # ties: the first in DIMENSIONS
    weakest = min(DIMENSIONS, key=lambda d: margins[d])
    own = deal.positioning_statement
    statement = unwrap(own) if own is not None else draft_statement(deal, strongest, positioning)
    return Overview(strongest=strongest, weakest=weakest, margins=margins,
                    statement=statement, statement_drafted=own is None,
                    rivals={d: strongest_rival(deal, scores, d) for d in DIMENSIONS})


def strongest_rival(deal: Deal, scores: Scores, dimension: str) -> str:
    """The competitor with the highest index today in `dimension` (ties: the first in the file)."""
    return max(deal.competitors, key=lambda rival: scores[dimension][rival.id].index).id


def field_margin(deal: Deal, scores: Scores, dimension: str) -> float:
    best = max(scores[dimension][rival.id].index for rival in deal.competitors)
    return rounded(scores[dimension][deal.us.id].index - best)


def item_margin(deal: Deal, item: Item) -> float:
    """Our score on one item minus the best competitor's."""
    return item.scores[deal.us.id] - max(item.scores[rival.id] for rival in deal.competitors)


def best_items(deal: Deal, dimension: str, count: int) -> list[Item]:
    """Our `count` items with the widest lead, in that order (ties keep the file's order)."""
    return sorted(deal.dimension(dimension), key=lambda item: -item_margin(deal, item))[:count]


def basis_items(deal: Deal, dimension: str) -> list[Item]:
    """Our best items of a dimension where we lead the field; the single best when we lead nowhere."""
    ranked = best_items(deal, dimension, BASIS_ITEMS)
    return [item for item in ranked if item_margin(deal, item) > 0] or ranked[:1]


def contested_factor(deal: Deal, words: Optional[list[str]] = None) -> Optional[tuple[Item, Company]]:
    """The key buying factor where a competitor beats us by most (among those whose name holds
    one of `words`, if given), and that competitor."""
    trailing = [item for item in deal.key_buying_factors if item_margin(deal, item) < 0 and named(item, words)]
    if not trailing:
        return None
    item = min(trailing, key=lambda i: item_margin(deal, i))
    leader = max(deal.competitors, key=lambda rival: item.scores[rival.id])
    return item, leader


def named(item: Item, words: Optional[list[str]]) -> bool:
    return words is None or any(word.lower() in item.name.lower() for word in words)


def draft_statement(deal: Deal, strongest: str, positioning: dict[str, CompetitorPosition]) -> str:
    """For whom, on what basis, with what lever, what concession, to what end (长途电话竞争定位)."""
    language = deal.language
    basis = basis_items(deal, strongest)
    parts = [
        text(language, "statement_for", whom=whom(deal)),
        text(language, "statement_basis", items=join(language, [i.name for i in basis])),
        lever(deal, basis),
    ]
    contested = contested_factor(deal)
    if contested is not None:
        parts.append(text(language, "statement_concession", item=contested[0].name, leader=contested[1].name))
    parts.append(text(language, ending(positioning)))
    return text(language, "statement_join").join(parts) + text(language, "statement_stop")


def whom(deal: Deal) -> str:
    segment = deal.customer.segment
    if segment is None:
        return deal.customer.name
    return f"{segment}{deal.customer.name}" if deal.language == "zh" else f"{deal.customer.name} ({segment})"


def lever(deal: Deal, basis: list[Item]) -> str:
    """Bundling, carried by our best business capability not already named as the basis."""
    candidates = [item for item in best_items(deal, BUSINESS, len(deal.business_capabilities))
                  if item not in basis and not is_bundling(item.name)]
    if not candidates:
        return text(deal.language, "statement_lever")
    return text(deal.language, "statement_lever_named", lever=candidates[0].name)


def is_bundling(name: str) -> bool:
    return any(word in name.lower() for word in BUNDLING_WORDS)


def ending(positioning: dict[str, CompetitorPosition]) -> str:
    """Exclusive when no competitor beats us on any dimension; comprehensive otherwise."""
    beaten = any(getattr(p, d) == "disadvantage" for p in positioning.values() for d in DIMENSIONS)
    return "statement_end_comprehensive" if beaten else "statement_end_exclusive"
