"""The typed results of the analysis stages: what analysis.json holds.

Every renderer reads these and only these, so a number shown in the deck and
in a brief is the same number. Plain data, no I/O; key order is declaration
order, so the JSON is stable.
"""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, computed_field

from pipeline.load.model import Deal
from pipeline.words.messages import finding

Position = Literal["advantage", "parity", "disadvantage"]
LinkStatus = Literal["strong", "held", "weak", "broken"]
SmartLetter = Literal["S", "M", "A", "R", "T"]
# Who is ahead on one figure. The one tie rule, used everywhere: a company leads only when
# its figure is strictly above every other company's; equal figures at the top are a "tie".
Lead = Literal["us", "rival", "tie"]
ClaimKind = Literal["strength", "lever", "lead", "dimension_lead", "trail", "concession", "cares_most", "exclusive"]


class Result(BaseModel):
    model_config = ConfigDict(frozen=True)


class Finding(Result):
    """A doubt about valid content (never stops the build): `field` is the deal path, e.g.
    `value_proposition.specific.payback_months`, which the CLI maps to a file line. It is a message
    of the catalogues (`key`, `values`), worded when printed in the user's language (`say`), so
    analysis.json is the same whatever the locale; `message` is its English wording, for a reader."""

    field: str
    key: str
    values: dict[str, str] = {}

    @computed_field
    @property
    def message(self) -> str:
        return finding(self.key, self.values, "en")

    def say(self, language: Optional[str] = None) -> str:
        """The warning in `language`, else in the messages' language (--lang, the locale)."""
        return finding(self.key, self.values, language)


class CompanyScore(Result):
    """One company on one dimension: Σ weight × score (总分数合计) and that over Σ weight."""

    weighted_total: float
    index: float


class FutureScore(Result):
    """A company's index three years on; items without a figure keep today's score."""

    weighted_total: float
    index: float
    projected_items: list[str]
    kept_items: list[str]


class Gap(Result):
    """One indicator we mean to strengthen: target minus today, for us."""

    dimension: str
    item: str
    now: float
    target: float
    gap: float


class ThreeYears(Result):
    # future[dimension][company_id], only for companies with any in_3_years figure there
    future: dict[str, dict[str, FutureScore]]
    our_gaps: list[Gap]  # largest gap first
    note: str  # says, in the deal's language, that unprojected items keep today's score


class CompetitorPosition(Result):
    """Our standing against one competitor per dimension, with the margins behind it."""

    key_buying_factors: Position
    business_capabilities: Position
    relationship_capabilities: Position
    margins: dict[str, float]  # our index minus theirs, per dimension
    sentence: str  # 相对于对手A而言，我方在……方面占有相对优势，而在……方面居于相对劣势。


class Overview(Result):
    """Our strongest and weakest dimension against the field, and the statement."""

    strongest: str  # a dimension name
    weakest: str
    margins: dict[str, float]  # our index minus the best competitor's, per dimension
    statement: str
    statement_drafted: bool  # False when the deal gave its own positioning_statement


class Figures(Result):
    """Every company's figure on one item (or one dimension's index) at one time, and who leads.

    `margins[rival]` is ours minus that rival's; `margin` is ours minus the best rival's.
    Read `lead` (and `ahead_of` / `behind`) instead of comparing figures: that is the one tie rule;
    read `position` / `positions` for what may be said (a lead or a trail only at 5 points or more).
    Every figure is the exact value, unrounded: round it once, when printing it.
    """

    ours: float  # our figure
    scores: dict[str, float]  # company id -> figure, us first, then the competitors in file order
    margins: dict[str, float]  # competitor id -> ours minus theirs
    best_rival: str  # the competitor with the highest figure (ties: the first in the file)
    margin: float  # ours minus the best rival's
    lead: Lead  # "us" when margin > 0, "rival" when margin < 0, else "tie"
    leaders: list[str]  # every company id with the top figure (two or more: a tie at the top)
    position: Position  # what may be said against the best rival: the method's 5 points on `margin`
    positions: dict[str, Position]  # competitor id -> the same against that rival

    def ahead_of(self, rival: str) -> bool:
        """We score strictly above this rival."""
        return self.margins[rival] > 0

    def behind(self, rival: str) -> bool:
        """This rival scores strictly above us."""
        return self.margins[rival] < 0


class Standing(Result):
    """One item of a dimension (or, with `item` None, the dimension's index): today and three years on."""

    dimension: str
    item: Optional[str]  # the item's name; None for the dimension's index
    weight: Optional[float]  # the item's weight; None for an index
    price: bool  # a price-kind key buying factor (`kind: price`, or a price word in its name)
    now: Figures
    in_3_years: Optional[Figures]  # None when no company gives a 3-year figure here
    kept: list[str]  # companies whose 3-year figure is today's (they gave none); empty without in_3_years


class Standings(Result):
    """Per-item and per-index standings: every "who leads, by how much" the documents state."""

    items: dict[str, list[Standing]]  # items[dimension], in the file's order
    indexes: dict[str, Standing]  # indexes[dimension]: the dimension's index (0-100)

    def item(self, dimension: str, name: str) -> Standing:
        return next(s for s in self.items[dimension] if s.item == name)


class Contribution(Result):
    """One item's share of an index margin: weight × (ours − theirs) ÷ Σ weight."""

    item: str
    weight: float
    margin: float  # our score minus the rival's on the item
    contribution: float  # its share of the index margin (the shares add up to the margin)


class Driver(Result):
    """What makes our index margin against one rival on one dimension."""

    dimension: str
    rival: str  # the competitor's id
    margin: float  # our index minus theirs (exact, unrounded)
    position: Position  # the method's 5 points on `margin`
    contributions: list[Contribution]  # per item, in the file's order
    key: list[str]  # the item(s) that weigh most for us: the largest positive share; two or more tie; none positive: empty
    gap: list[str]  # the item(s) that weigh most against us: the most negative share; empty when none is negative


class Drivers(Result):
    """Every driver of the deal: `against[dimension][rival]`, and each dimension against its
    strongest rival (the best rival of its index, as the standings name it)."""

    against: dict[str, dict[str, Driver]]
    strongest: dict[str, Driver]


class Claim(Result):
    """One assertion about standing, as data: the wording layer turns it into zh/en words.

    kind                 what it asserts                                             company
    strength / lever     we lead every rival by 5 or more on `item` (lever: a business item)  the best rival
    lead                 we lead `company` by 5 or more on `item` (None: every rival)    a rival or None
    dimension_lead       we lead the best rival by 5 or more on `dimension`'s index      the best rival
    trail                `company` leads us by 5 or more on `item` (the rival furthest ahead)  that rival
    concession           a price-kind key buying factor where `company` leads us by 5 or more  the best rival
    cares_most           `item` has the highest weight of the key buying factors     None
    exclusive            an advantage (>= POSITION_MARGIN) on every dimension against every rival;
                         supported by the narrowest index margin (its dimension and rival)

    `ours` / `theirs` / `margin` are the supporting figures (today's), `theirs` the figure of
    `company` (of the best rival for cares_most, of the weakest margin's rival for exclusive).
    `use` says which sentence states it: statement.basis, statement.lever, statement.concession,
    statement.exclusive, tactic.<rule id>, brief.objection, brief.wins, brief.strengths.
    """

    kind: ClaimKind
    dimension: Optional[str]  # None for exclusive
    item: Optional[str]  # None for a dimension's index and for exclusive
    company: Optional[str]
    ours: float
    theirs: float
    margin: float
    weight: Optional[float] = None
    use: str


class Tactic(Result):
    rule: str  # the playbook rule's id
    title: str
    recommendation: str
    reason: str  # why it fired, with this deal's facts


class ContactLink(Result):
    name: str
    title: Optional[str]
    level: str
    strength: int
    status: LinkStatus  # strong 4-5, held 3, weak 1-2, broken 0
    our_contact: Optional[str]


class ChainLevel(Result):
    level: str  # top | deputy | manager | frontline
    audience: str  # senior | middle | frontline
    contacts: list[ContactLink]
    strongest: Optional[str]  # the name of the strongest contact
    held: bool  # some contact has strength >= 3
    missing: bool  # no contact at all
    owner: Optional[str]  # our person at the matching audience level


class SurroundingLink(Result):
    name: str
    kind: str
    influence: int
    strength: int
    flagged: bool  # influence >= 4 and strength <= 2


class WeakLink(Result):
    """A link to mend: a weak or broken contact, a missing level, a flagged relation."""

    level: Optional[str]  # the chain level, None for a surrounding relation
    who: Optional[str]  # the contact or relation; None for a missing level
    problem: Literal["weak", "broken", "missing", "surrounding"]
    owner: Optional[str]
    action: str


class ChainResult(Result):
    levels: dict[str, ChainLevel]  # in order top, deputy, manager, frontline
    intact: bool  # every level held: the zipper holds
    surrounding: list[SurroundingLink]
    weak_links: list[WeakLink]


class SmartCheck(Result):
    ok: bool
    reason: str


class LevelMessage(Result):
    """Step 3 for one audience level, with who sits on each side."""

    message: str
    from_deal: bool  # the deal's own wording
    concerns: list[str]  # the method's three concerns for the level
    customer_contacts: list[str]
    our_person: Optional[str]


class ValueResult(Result):
    overall: str  # step 1, the filled template sentence
    specific: str  # step 2, the SMART statement
    payback_months: Optional[float]  # computed when both figures exist, else the stated one
    payback_computed: Optional[float]
    payback_stated: Optional[float]
    smart: dict[SmartLetter, SmartCheck]
    smart_ok: bool
    levels: dict[str, LevelMessage]  # senior, middle, frontline


class Flip(Result):
    """One change of one input: an item's weight, or one company's score on an item."""

    kind: Literal["weight", "score"]
    dimension: str
    item: str
    item_index: int  # the item's place in its dimension, from 0
    company: Optional[str]  # the company whose score changes; None for a weight
    delta: float  # the change: ±1, ±2 for a weight, ±5, ±10 for a score
    becomes: Optional[Position]  # the position it turns into; None where it breaks the statement


class PositionRobustness(Result):
    """The smallest change of one weight and of one score that flips our position (None: none does)."""

    competitor: str
    dimension: str
    position: Position
    margin: float
    weight_flip: Optional[Flip]
    score_flip: Optional[Flip]
    note: str = ""  # both flips in one sentence, in the deal's language (the deck's notes)


class Swing(Result):
    """One bar of the tornado: how our margin against the dimension's strongest rival moves
    when the item's weight goes down by `down_delta` and up by `up_delta`."""

    dimension: str
    item: str
    rival: str
    down_delta: float
    down: float
    up_delta: float
    up: float


class Robustness(Result):
    """How robust our position is (pipeline.analysis.robustness)."""

    positions: list[PositionRobustness]  # per competitor, then per dimension
    statement_holds: bool  # every position and our strongest dimension survive every ±1 weight change
    statement_breakers: list[Flip]  # the ±1 weight changes that would change them
    swings: list[Swing]  # largest swing first
    sentence: str  # our steadiest advantage and the most fragile position, in the deal's language
    statement: str  # whether one weight moved by 1 changes the overall positioning, in the deal's language


class Audience(Result):
    """Who the customer is and the words every document uses for it (pipeline.analysis.audience)."""

    customer_type: str  # enterprise | government | hospital | school | institution
    type_inferred: bool  # customer.type was absent: inferred from the customer's name
    address: str  # the form of address in the deal's language: 贵公司, 贵局, 贵院 / your company …
    organisation: str  # the customer as a kind: 公司, 单位, 医院, 学校 / company, organisation …
    level_titles: dict[str, str]  # chain level (top, deputy, manager, frontline) -> its name for this type
    concerns: dict[str, list[str]]  # senior, middle, frontline -> the concerns (METHOD.md step 3)
    concerns_from_deal: dict[str, bool]  # per level: the deal's own concerns replaced the method's


class Departure(Result):
    """Where the deal's relationship indicators leave the method's library (templates/method.json)."""

    item: str  # the indicator's name as the deal (added, reweighted) or the method (omitted) gives it
    kind: Literal["added", "own_weight", "reweighted", "omitted"]  # own_weight: the method names it, without a weight
    index: Optional[int]  # its place in relationship_capabilities; None when omitted
    weight: Optional[float]  # the deal's weight; None when omitted
    standard_weight: Optional[float]  # the method's; None when added


class MethodCheck(Result):
    """The deal against the method's standard relationship indicators, and what our standing would
    be on those alone, at the method's weights, when the deal departs from them (for the trainer)."""

    departs: bool
    departures: list[Departure]
    standard_items: list[str]  # the standard indicators the deal scores, in the deal's order
    standard_of: list[Optional[str]] = []  # per relationship item, in the deal's order: the id of the standard
    # indicator it is (templates/method.json; by its `standard:` or its name in any accepted wording), None if the team's own
    standard_scores: Optional[dict[str, CompanyScore]]  # by company, on those alone; None if it keeps to the method or has none
    standard_positions: Optional[dict[str, Position]]  # by competitor, on those alone
    standard_margins: Optional[dict[str, float]]  # our index minus theirs, by competitor
    changed: list[str]  # competitor ids whose relationship position the departures change


class PaybackCurve(Result):
    """The investment against the cumulative benefit, month by month from the start."""

    currency: str
    investment: float
    monthly_benefit: float
    payback_months: float  # where the two lines cross: value.payback_computed
    months: list[int]  # 0 .. the horizon (half as long again as the payback, a year at least)
    cumulative_benefit: list[float]  # monthly_benefit x month, per entry of `months`


class Milestone(Result):
    key: Literal["start", "first_report", "review", "payback", "year"]
    after_months: int  # months after the start
    month: str  # YYYY-MM


class PlanResult(Result):
    """What the customer-facing proposals promise over time (pipeline.analysis.plan)."""

    payback_curve: Optional[PaybackCurve]  # None unless the payback is computed from the figures
    milestones: list[Milestone]  # in time order
    # How often results are reported (None when the deal tracks no results), and where that came
    # from: the deal's tracking_cadence, words in its tracking text, or the monthly default.
    report_cadence: Optional[Literal["monthly", "quarterly", "half-yearly", "yearly"]] = None
    cadence_from: Optional[Literal["deal", "tracking", "default"]] = None


class Analysis(Result):
    """Everything computed for one deal, before any file is written."""

    deal: Deal
    audience: Audience
    method: MethodCheck
    scores: dict[str, dict[str, CompanyScore]]  # scores[dimension][company_id]
    three_years: ThreeYears
    standings: Standings
    drivers: Drivers  # what weighs most: each item's share of each index margin, the key and the gap
    positioning: dict[str, CompetitorPosition]  # positioning[competitor_id]
    overview: Overview
    claims: list[Claim]  # every assertion about standing that a document states
    tactics: list[Tactic]
    chain: ChainResult
    value: ValueResult
    findings: list[Finding]
    plan: PlanResult
    robustness: Robustness
