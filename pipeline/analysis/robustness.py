"""How robust is our position: the smallest change of one input that flips a conclusion.

For each competitor and dimension, the smallest change of one item's weight (±1, ±2)
or of one company's score on one item (±5, ±10) that turns the position into another
(advantage / parity / disadvantage); whether our overall statement (every position and
our strongest dimension) holds under every ±1 change of one weight; and, for the
deck's tornado chart, how far each item's weight (−2 / +2) moves our margin against
the strongest rival. Every position is decided on exact indexes, as `pipeline.analysis.standings`
decides it (`pipeline.analysis.exact`), so "no change" gives the stored figures and a flip found
here is a flip the pipeline would report; a float estimate only skips the changes that cannot
come near a boundary.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Optional

from pipeline.analysis import exact
from pipeline.analysis.position import classify
from pipeline.analysis.results import (
    Flip,
    Position,
    PositionRobustness,
    Robustness,
    Swing,
)
from pipeline.analysis.settings import POSITION_MARGIN
from pipeline.load.model import DIMENSIONS, Deal, Item
from pipeline.words.wording import in_sentence, number

WEIGHT_STEPS = (1.0, 2.0)
SCORE_STEPS = (5.0, 10.0)
SWING_STEP = 2.0
STATEMENT_STEP = 1.0


def index(weights: list[float], scores: list[float]) -> Fraction:
    """Σ weight × score over Σ weight, exactly, as the stored index (pipeline.analysis.score.company_score)."""
    return exact.index(weights, scores)


def column(items: list[Item], company_id: str) -> list[float]:
    return [item.scores[company_id] for item in items]


def margin_after(items: list[Item], us: str, rival: str, weights: list[float],
                 ours: Optional[list[float]] = None, theirs: Optional[list[float]] = None) -> Fraction:
    """Our index minus the rival's with the given weights (and scores, when changed), exactly."""
    ours = column(items, us) if ours is None else ours
    theirs = column(items, rival) if theirs is None else theirs
    return (exact.weighted_sum(weights, ours) - exact.weighted_sum(weights, theirs)) / exact.total(weights)


def changed(values: list[float], at: int, delta: float) -> list[float]:
    return [v + delta if i == at else v for i, v in enumerate(values)]


def weight_changes(items: list[Item], steps: tuple[float, ...]):
    """(item index, delta, new weights), smallest change first, then in file order, − before +;
    a weight must stay positive."""
    weights = [item.weight for item in items]
    for step in steps:
        for at, weight in enumerate(weights):
            for delta in (-step, step):
                if weight + delta > 0:
                    yield at, delta, changed(weights, at, delta)


# A float estimate of a margin is within far less than this of the exact one: a change whose
# estimate stays this far inside its band cannot flip, and only the others are computed exactly.
SAFE = 1e-6


def rough(margin: float) -> Position:
    """The position of a float estimate: only ever used SAFE inside a band, never on a boundary."""
    if margin >= POSITION_MARGIN:
        return "advantage"
    return "disadvantage" if margin <= -POSITION_MARGIN else "parity"


def surely_stays(estimate: float, now: Position) -> bool:
    return rough(estimate - SAFE) == now == rough(estimate + SAFE)


def weight_flip(dimension: str, items: list[Item], us: str, rival: str, now: Position) -> Optional[Flip]:
    weights, ours, theirs = [item.weight for item in items], column(items, us), column(items, rival)
    whole = sum(weights)
    mine, yours = sum(w * s for w, s in zip(weights, ours)), sum(w * s for w, s in zip(weights, theirs))
    for step in WEIGHT_STEPS:
        for at, weight in enumerate(weights):
            for delta in (-step, step):
                if weight + delta <= 0:
                    continue
                estimate = (mine + delta * ours[at] - yours - delta * theirs[at]) / (whole + delta)
                if surely_stays(estimate, now):
                    continue
                becomes = classify(margin_after(items, us, rival, changed(weights, at, delta), ours, theirs))
                if becomes != now:
                    return Flip(kind="weight", dimension=dimension, item=items[at].name, item_index=at, company=None,
                                delta=delta, becomes=becomes)
    return None


def score_flip(dimension: str, items: list[Item], us: str, rival: str, now: Position) -> Optional[Flip]:
    """Smallest change first, then file order, us before the rival, − before +; a score stays in 0-100."""
    weights = [item.weight for item in items]
    ours, theirs = column(items, us), column(items, rival)
    whole = sum(weights)
    gap = (sum(w * s for w, s in zip(weights, ours)) - sum(w * s for w, s in zip(weights, theirs))) / whole
    for step in SCORE_STEPS:
        for at in range(len(items)):
            for company in (us, rival):
                for delta in (-step, step):
                    mine = ours if company == us else theirs
                    if not 0 <= mine[at] + delta <= 100:
                        continue
                    sign = 1 if company == us else -1
                    if surely_stays(gap + sign * weights[at] * delta / whole, now):
                        continue
                    moved = changed(mine, at, delta)
                    pair = (moved, theirs) if company == us else (ours, moved)
                    becomes = classify(margin_after(items, us, rival, weights, *pair))
                    if becomes != now:
                        return Flip(kind="score", dimension=dimension, item=items[at].name, item_index=at,
                                    company=company, delta=delta, becomes=becomes)
    return None


def position_robustness(deal: Deal, rival: str, dimension: str) -> PositionRobustness:
    items, us = deal.dimension(dimension), deal.us.id
    margin = margin_after(items, us, rival, [item.weight for item in items])
    now = classify(margin)
    return PositionRobustness(competitor=rival, dimension=dimension, position=now, margin=exact.stored(margin),
                              weight_flip=weight_flip(dimension, items, us, rival, now),
                              score_flip=score_flip(dimension, items, us, rival, now))


def standing(columns: list[list[float]], weights: list[float]) -> tuple[tuple[Position, ...], Fraction]:
    """Our position against each competitor on one dimension (`columns`: our scores, then each
    competitor's), and our margin over the best of them, exactly."""
    ours, *theirs = (index(weights, scores) for scores in columns)
    positions = tuple(classify(ours - t) for t in theirs)
    return positions, ours - max(theirs)


def rough_standing(columns: list[list[float]], weights: list[float]) -> Optional[tuple[tuple[Position, ...], float]]:
    """`standing` in floats, or None when a margin comes within SAFE of a boundary (then only the
    exact one decides)."""
    whole = sum(weights)
    ours, *theirs = (sum(w * v for w, v in zip(weights, scores)) / whole for scores in columns)
    margins = [ours - t for t in theirs]
    if any(abs(abs(m) - POSITION_MARGIN) <= SAFE for m in margins):
        return None
    return tuple(rough(m) for m in margins), ours - max(theirs)


def strongest(margins: dict) -> str:
    return max(DIMENSIONS, key=lambda d: margins[d])  # ties: the first, as pipeline.analysis.position.overview


def surely_strongest(margins: dict[str, float], first: str) -> bool:
    """`first` leads the other dimensions' margins by more than SAFE, or trails one by more: a float
    estimate cannot mistake which is strongest."""
    return all(abs(margins[first] - m) > SAFE for d, m in margins.items() if d != first)


def statement_breakers(deal: Deal) -> list[Flip]:
    """Every ±1 change of one weight that changes a position or our strongest dimension (a float
    estimate first; the exact standing wherever the estimate comes near a boundary or a tie)."""
    columns = {d: [column(deal.dimension(d), c.id) for c in deal.companies] for d in DIMENSIONS}
    now = {d: standing(columns[d], [i.weight for i in deal.dimension(d)]) for d in DIMENSIONS}
    first = strongest({d: m for d, (_, m) in now.items()})
    breakers = []
    for dimension in DIMENSIONS:
        items = deal.dimension(dimension)
        for at, delta, weights in weight_changes(items, (STATEMENT_STEP,)):
            estimate = rough_standing(columns[dimension], weights)
            if estimate is not None:
                positions, field = estimate
                margins = {d: field if d == dimension else float(m) for d, (_, m) in now.items()}
                if not surely_strongest(margins, first):
                    estimate = None
            if estimate is None:
                positions, field = standing(columns[dimension], weights)
                margins = {d: field if d == dimension else m for d, (_, m) in now.items()}
            if positions != now[dimension][0] or strongest(margins) != first:
                breakers.append(Flip(kind="weight", dimension=dimension, item=items[at].name, item_index=at,
                                     company=None, delta=delta, becomes=None))
    return breakers


def swings(deal: Deal) -> list[Swing]:
    """How far −2 and +2 on each item's weight move our margin against the strongest rival on
    its dimension; the largest swing first (a tornado). A weight of 2 or less goes down by 1, or not at all."""
    rows = []
    for dimension in DIMENSIONS:
        items, us = deal.dimension(dimension), deal.us.id
        rival = max(deal.competitors, key=lambda c: index([i.weight for i in items], column(items, c.id))).id  # ties: the first
        weights = [item.weight for item in items]
        base = margin_after(items, us, rival, weights)
        for at, item in enumerate(items):
            down = next((d for d in (-SWING_STEP, -1.0) if item.weight + d > 0), 0.0)
            low = margin_after(items, us, rival, changed(weights, at, down)) - base
            high = margin_after(items, us, rival, changed(weights, at, SWING_STEP)) - base
            rows.append(Swing(dimension=dimension, item=item.name, rival=rival, down_delta=down,
                              down=exact.stored(low), up_delta=SWING_STEP, up=exact.stored(high)))
    order = sorted(range(len(rows)), key=lambda n: (-max(abs(rows[n].down), abs(rows[n].up)), n))
    return [rows[n] for n in order]


def robustness(deal: Deal) -> Robustness:
    """The whole robustness result for one deal, with its sentence in the deal's language."""
    positions = [position_robustness(deal, c.id, d) for c in deal.competitors for d in DIMENSIONS]
    breakers = statement_breakers(deal)
    return Robustness(positions=positions, statement_holds=not breakers, statement_breakers=breakers,
                      swings=swings(deal), sentence=sentence(deal, positions))


# --- the one sentence ----------------------------------------------------------------------------

WORDS = {
    "zh": {
        "advantage": "优势", "parity": "持平", "disadvantage": "劣势",
        "robust_all": "我方在{dim}方面对所有对手的{pos}经得起任何一项权重±2的变化",
        "robust_one": "我方在{dim}方面对{rival}的{pos}经得起任何一项权重±2的变化",
        "weight_flip": "与{rival}在{dim}方面的{pos}，只要“{item}”的权重{verb}{n}就会变为{becomes}",
        "score_flip": "与{rival}在{dim}方面的{pos}，只要{who}在“{item}”上的分数{verb}{n}分就会变为{becomes}",
        "nothing_flips": "任何一项分数±10的变化也不会改变",
        "all_weights_hold": "任何一项权重±2的变化都不会改变我方的任何定位",
        "rises": "增加", "falls": "减少", "join": "；", "stop": "。", "us": "我方",
    },
    "en": {
        "advantage": "advantage", "parity": "parity", "disadvantage": "disadvantage",
        "robust_all": "our {pos} on {dim} over every competitor survives any ±2 change of one weight",
        "robust_one": "our {pos} on {dim} over {rival} survives any ±2 change of one weight",
        "weight_flip": "the {pos} on {dim} with {rival} becomes {becomes} if the weight of {item} {verb} by {n}",
        "score_flip": "the {pos} on {dim} with {rival} becomes {becomes} if {who} score on {item} {verb} by {n}",
        "nothing_flips": "nor does any change of one score by up to ±10",
        "all_weights_hold": "no change of one weight by up to ±2 changes any of our positions",
        "rises": "rises", "falls": "falls", "join": "; ", "stop": ".", "us": "our",
    },
}


def sentence(deal: Deal, positions: list[PositionRobustness]) -> str:
    """What the trainer should know: our steadiest advantage and the position the smallest weight
    change flips; when no weight change flips anything, that, and the position the smallest score change flips."""
    words = WORDS[deal.language]
    if any(p.weight_flip for p in positions):
        parts = [robust_part(deal, positions), fragile_part(deal, positions, "weight_flip")]
    else:
        parts = [words["all_weights_hold"], fragile_part(deal, positions, "score_flip")]
    text = words["join"].join(p for p in parts if p)
    if deal.language == "en":
        text = text[0].upper() + text[1:]
    return text + words["stop"]


def robust_part(deal: Deal, positions: list[PositionRobustness]) -> Optional[str]:
    """The dimension where no weight change flips our advantage over any competitor (the widest such);
    else the widest such advantage over one competitor; else nothing."""
    words, lang = WORDS[deal.language], deal.language
    steady = [p for p in positions if p.position == "advantage" and p.weight_flip is None]
    whole = [d for d in DIMENSIONS if sum(1 for p in steady if p.dimension == d) == len(deal.competitors)]
    if whole:
        dimension = max(whole, key=lambda d: min(p.margin for p in steady if p.dimension == d))
        return words["robust_all"].format(dim=in_sentence(lang, dimension), pos=words["advantage"])
    if not steady:
        return None
    best = max(steady, key=lambda p: p.margin)  # ties: the first
    return words["robust_one"].format(dim=in_sentence(lang, best.dimension), pos=words["advantage"],
                                      rival=deal.company_name(best.competitor))


def fragile_part(deal: Deal, positions: list[PositionRobustness], kind: str) -> str:
    """The position flipped by the smallest change of this kind (the first such, in competitor then
    dimension order); when none flips, says so."""
    words, lang = WORDS[deal.language], deal.language
    flipped = [p for p in positions if getattr(p, kind) is not None]
    if not flipped:
        return words["nothing_flips"]
    p = min(flipped, key=lambda p: abs(getattr(p, kind).delta))
    flip = getattr(p, kind)
    rival = deal.company_name(p.competitor)
    who = words["us"] if flip.company == deal.us.id else (rival if lang == "zh" else f"{rival}'s")
    return words[kind].format(
        pos=words[p.position], dim=in_sentence(lang, p.dimension), rival=rival, item=flip.item, who=who,
        verb=words["rises" if flip.delta > 0 else "falls"], n=number(abs(flip.delta)), becomes=words[flip.becomes])
