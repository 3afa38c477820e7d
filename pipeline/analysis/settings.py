"""Every default and threshold of the analysis, in one place, so a rule is changed once.

The thresholds are the project's choices where METHOD.md is silent; each line says
what it decides.
"""

from __future__ import annotations

# Stored scores, indexes, margins and paybacks are rounded to this many decimals,
# and every comparison uses the rounded values, so the numbers a reader sees add up.
DECIMALS = 2

# Our index minus a competitor's: advantage at or above +5, disadvantage at or below -5.
POSITION_MARGIN = 5.0

# Link status by strength (0-5): strong 4-5, held 3, weak 1-2, broken 0.
STRONG_MIN = 4
HELD_MIN = 3
WEAK_MIN = 1

# A surrounding relation is flagged when it matters (influence >= 4) and we are weak there.
FLAG_INFLUENCE_MIN = 4
FLAG_STRENGTH_MAX = 2

# SMART doubts: an outcome beyond ±100 %, a payback outside 1-60 months, a stated
# payback more than 10 % off the one the figures give.
MAX_CHANGE_PCT = 100.0
PAYBACK_MIN_MONTHS = 1.0
PAYBACK_MAX_MONTHS = 60.0
PAYBACK_TOLERANCE = 0.10

# How many of our best items a drafted positioning statement names as its basis,
# and how many of our largest 3-year gaps a tactic's reason names.
BASIS_ITEMS = 2
REASON_GAPS = 3

# A business capability whose name says bundling is the means of the lever, not the lever.
BUNDLING_WORDS = ("捆绑", "bundl")

# A key buying factor is price-kind when the deal says `kind: price`, or else when its
# name holds one of these words (case-insensitive): only there may we concede.
PRICE_WORDS = ("价格", "资费", "费用", "成本", "报价", "折扣", "TCO", "price", "cost", "tariff", "fee", "discount")

# The shipped tactics playbook (found in the user's template folders first).
PLAYBOOK = "playbook.json"


def rounded(value: float) -> float:
    """A stored figure: rounded once, the same way everywhere."""
    return round(value, DECIMALS) + 0.0  # + 0.0 turns -0.0 into 0.0
