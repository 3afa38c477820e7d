"""Every default and threshold of the analysis, in one place, so a rule is changed once.

The thresholds are the project's choices where METHOD.md is silent; each line says
what it decides.
"""

from __future__ import annotations

# Indexes, margins and paybacks are computed and compared exactly (pipeline.analysis.exact) and
# stored unrounded; each is rounded once, when printed (pipeline.words.wording).

# The method's 5 points: our index (or score) minus a competitor's is an advantage at or above
# +5, a disadvantage at or below -5, parity between; no lead or trail is said under it.
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
