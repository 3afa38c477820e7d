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

from typing import Optional

from pipeline.analysis import exact
from pipeline.analysis.exact import Exact
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


def index(weights: list[float], scores: list[float]) -> Exact:
    """Σ weight × score over Σ weight, exactly, as the stored index (pipeline.analysis.score.company_score)."""
    return exact.index(weights, scores)


def column(items: list[Item], company_id: str) -> list[float]:
    return [item.scores[company_id] for item in items]


def margin_after(items: list[Item], us: str, rival: str, weights: list[float],
                 ours: Optional[list[float]] = None, theirs: Optional[list[float]] = None) -> Exact:
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
    found = PositionRobustness(competitor=rival, dimension=dimension, position=now, margin=exact.stored(margin),
                               weight_flip=weight_flip(dimension, items, us, rival, now),
                               score_flip=score_flip(dimension, items, us, rival, now))
    return found.model_copy(update={"note": note(deal, found)})


def standing(columns: list[list[float]], weights: list[float]) -> tuple[tuple[Position, ...], Exact]:
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
                      swings=swings(deal), sentence=sentence(deal, positions),
                      statement=statement_sentence(deal.language, breakers))


# --- the sentences ---------------------------------------------------------------------------------
# Each says its facts as a trainer would say them aloud: which item, which change, which position it
# becomes. The direction of a change is chosen here, never in a template.

WORDS = {
    "zh": {
        "becomes": {"advantage": "优势", "parity": "持平", "disadvantage": "劣势"},
        "state": {"advantage": "我方对{rival}占优势", "parity": "我方与{rival}基本持平",
                  "disadvantage": "我方落后于{rival}"},
        "robust_all": "在{dim}上，我方对所有对手都占优势，任何一项权重增减2分以内都改变不了",
        "robust_one": "在{dim}上，我方对{rival}的优势很稳，任何一项权重增减2分以内都改变不了",
        "weight_flip": "在{dim}上，{state}；{turn}{weight}，就会变为{becomes}",
        "score_flip": "在{dim}上，{state}；{turn}{score}，就会变为{becomes}",
        "turn": {"advantage": "但只要", "parity": "只要", "disadvantage": "只要"},
        "weight": "“{item}”的权重{verb}{n}",
        "weight_example": "“{item}”的权重{verb}{n}",
        "score": "{who}在“{item}”上的得分{verb}{n}分",
        "rises": "增加", "falls": "减少", "us": "我方",
        "nothing_flips": "任何一项得分增减10分以内，也都不会改变任何定位",
        "all_weights_hold": "任何一项权重增减2分以内，都不会改变我方对任何对手的定位",
        "join": "。", "stop": "。",
        "statement_holds": "任何一项权重变动1分，整体定位（对每个对手的定位和我方最强的维度）都不会改变。",
        "statement_one": "只要{weight}，整体定位就会改变；其他任何一项权重变动1分都不会改变它。",
        "statement_some": "只要有一项权重变动1分，整体定位就可能改变（共有{n}种这样的变动，例如{weight}）。",
        "note_same": "只要{weight}，或者{score}，就会变为{becomes}。",
        "note_both": "只要{weight}，就会变为{becomes}；而{score}，则会变为{becomes_score}。",
        "note_weight": "只要{weight}，就会变为{becomes}；任何一项得分增减10分以内都不会改变。",
        "note_score": "任何一项权重增减2分以内都不会改变；只要{score}，就会变为{becomes_score}。",
        "note_none": "任何一项权重增减2分以内、任何一项得分增减10分以内，都不会改变。",
    },
    "en": {
        "becomes": {"advantage": "we would hold an advantage", "parity": "we would be on a par",
                    "disadvantage": "we would be at a disadvantage"},
        "state": {"advantage": "we hold an advantage over {rival}", "parity": "we are on a par with {rival}",
                  "disadvantage": "we are at a disadvantage against {rival}"},
        "robust_all": "On {dim} we hold an advantage over every competitor, and no change of up to 2 in any one "
                      "weight would alter that",
        "robust_one": "On {dim} our advantage over {rival} is firm: no change of up to 2 in any one weight would "
                      "alter it",
        "weight_flip": "On {dim} {state}, {turn} {weight}, {becomes}",
        "score_flip": "On {dim} {state}, {turn} {score}, {becomes}",
        "turn": {"advantage": "but if", "parity": "but if", "disadvantage": "but if"},
        "weight": "the weight of {item} went {verb} by {n}",
        "weight_example": "the weight of {item} going {verb} by {n}",
        "score": "{who} scored {n} {verb} on {item}",
        "rises": "up", "falls": "down", "score_rises": "more", "score_falls": "less", "us": "we",
        "nothing_flips": "Nor would a change of up to 10 in any one score",
        "all_weights_hold": "No change of up to 2 in any one weight would change any of our positions",
        "join": ". ", "stop": ".",
        "statement_holds": "Our overall positioning (every position and our strongest dimension) stays the same "
                           "whichever single weight moves by 1.",
        "statement_one": "Only one change of 1 in a single weight alters our overall positioning: {weight}.",
        "statement_some": "Moving a single weight by 1 can change our overall positioning (there are {n} such changes, "
                          "for example {weight}).",
        "note_same": "if {weight}, or if {score}, {becomes}.",
        "note_both": "if {weight}, {becomes}; if {score}, {becomes_score}.",
        "note_weight": "if {weight}, {becomes}; no change of up to 10 in one score would alter it.",
        "note_score": "no change of up to 2 in one weight would alter it; if {score}, {becomes_score}.",
        "note_none": "no change of up to 2 in one weight or of up to 10 in one score would alter it.",
    },
}


def weight_words(language: str, flip: Flip, key: str = "weight") -> str:
    """“价格”的权重增加1 / the weight of Price went up by 1 (as an example: going up by 1)."""
    words = WORDS[language]
    return words[key].format(item=flip.item, verb=words["rises" if flip.delta > 0 else "falls"],
                                  n=number(abs(flip.delta)))


def score_words(deal: Deal, flip: Flip) -> str:
    """我方在“价格”上的得分减少5分 / we scored 5 less on Price (or the rival, by name)."""
    lang = deal.language
    words = WORDS[lang]
    who = words["us"] if flip.company == deal.us.id else deal.company_name(flip.company)
    up = flip.delta > 0
    verb = words["rises" if up else "falls"] if lang == "zh" else words["score_rises" if up else "score_falls"]
    return words["score"].format(who=who, item=flip.item, verb=verb, n=number(abs(flip.delta)))


def sentence(deal: Deal, positions: list[PositionRobustness]) -> str:
    """What the trainer should know: our steadiest advantage and the position the smallest weight
    change flips; when no weight change flips anything, that, and the position the smallest score change flips."""
    words = WORDS[deal.language]
    if any(p.weight_flip for p in positions):
        parts = [robust_part(deal, positions), fragile_part(deal, positions, "weight_flip")]
    else:
        parts = [words["all_weights_hold"], fragile_part(deal, positions, "score_flip")]
    return words["join"].join(p for p in parts if p) + words["stop"]


def robust_part(deal: Deal, positions: list[PositionRobustness]) -> Optional[str]:
    """The dimension where no weight change flips our advantage over any competitor (the widest such);
    else the widest such advantage over one competitor; else nothing."""
    words, lang = WORDS[deal.language], deal.language
    steady = [p for p in positions if p.position == "advantage" and p.weight_flip is None]
    whole = [d for d in DIMENSIONS if sum(1 for p in steady if p.dimension == d) == len(deal.competitors)]
    if whole:
        dimension = max(whole, key=lambda d: min(p.margin for p in steady if p.dimension == d))
        return words["robust_all"].format(dim=in_sentence(lang, dimension))
    if not steady:
        return None
    best = max(steady, key=lambda p: p.margin)  # ties: the first
    return words["robust_one"].format(dim=in_sentence(lang, best.dimension), rival=deal.company_name(best.competitor))


def fragile_part(deal: Deal, positions: list[PositionRobustness], kind: str) -> str:
    """The position flipped by the smallest change of this kind (the first such, in competitor then
    dimension order); when none flips, says so."""
    words, lang = WORDS[deal.language], deal.language
    flipped = [p for p in positions if getattr(p, kind) is not None]
    if not flipped:
        return words["nothing_flips"]
    p = min(flipped, key=lambda p: abs(getattr(p, kind).delta))
    flip = getattr(p, kind)
    state = words["state"][p.position].format(rival=deal.company_name(p.competitor))
    change = {"weight": weight_words(lang, flip)} if kind == "weight_flip" else {"score": score_words(deal, flip)}
    return words[kind].format(dim=in_sentence(lang, p.dimension), state=state, turn=words["turn"][p.position],
                              becomes=words["becomes"][flip.becomes], **change)


def statement_sentence(language: str, breakers: list[Flip]) -> str:
    """Whether one weight moved by 1 changes the overall positioning, and how (the first such change)."""
    words = WORDS[language]
    if not breakers:
        return words["statement_holds"]
    key = "statement_one" if len(breakers) == 1 else "statement_some"
    return words[key].format(weight=weight_words(language, breakers[0], "weight_example"), n=len(breakers))


def note(deal: Deal, p: PositionRobustness) -> str:
    """The notes' line for one position: the smallest weight change and the smallest score change that
    flip it, or that none does."""
    words, lang = WORDS[deal.language], deal.language
    weight, score = p.weight_flip, p.score_flip
    if weight and score:
        key = "note_same" if weight.becomes == score.becomes else "note_both"
    else:
        key = "note_weight" if weight else "note_score" if score else "note_none"
    return words[key].format(
        weight=weight_words(lang, weight) if weight else "", score=score_words(deal, score) if score else "",
        becomes=words["becomes"][weight.becomes] if weight else "",
        becomes_score=words["becomes"][score.becomes] if score else "")
