"""The typed results of the analysis stages: what analysis.json holds.

Every renderer reads these and only these, so a number shown in the deck and
in a brief is the same number. Plain data, no I/O; key order is declaration
order, so the JSON is stable.
"""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict

from pipeline.model import Deal

Position = Literal["advantage", "parity", "disadvantage"]
LinkStatus = Literal["strong", "held", "weak", "broken"]
SmartLetter = Literal["S", "M", "A", "R", "T"]


class Result(BaseModel):
    model_config = ConfigDict(frozen=True)


class Finding(Result):
    """A doubt about valid content (never stops the build): `field` is the deal path, e.g.
    `value_proposition.specific.payback_months`, which the CLI maps to a file line."""

    field: str
    message: str


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
    rivals: dict[str, str] = {}  # per dimension, the strongest competitor's id: highest index (ties: first in file)


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


class Analysis(Result):
    """Everything computed for one deal, before any file is written."""

    deal: Deal
    scores: dict[str, dict[str, CompanyScore]]  # scores[dimension][company_id]
    three_years: ThreeYears
    positioning: dict[str, CompetitorPosition]  # positioning[competitor_id]
    overview: Overview
    tactics: list[Tactic]
    chain: ChainResult
    value: ValueResult
    findings: list[Finding]
