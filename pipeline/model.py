"""The deal file as typed data: the public input contract of ../shared/FORMAT.md.

Plain data only: no I/O here. The loader turns YAML into a `Deal`; every later
stage reads it and never changes it. Rules that need more than one field (unique
ids, every company scored) live in `pipeline.rules`, so that the loader can report
them with their positions together with the field errors.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

LANGUAGES = ("zh", "en")
DIMENSIONS = ("key_buying_factors", "business_capabilities", "relationship_capabilities")
CHAIN_LEVELS = ("top", "deputy", "manager", "frontline")
AUDIENCES = ("senior", "middle", "frontline")
SURROUNDING_KINDS = (
    "government", "ministry", "regulator", "investor", "shareholder", "consultant", "partner",
)
# Which audience level each chain level belongs to (METHOD.md section 3).
AUDIENCE_OF_LEVEL = {"top": "senior", "deputy": "senior", "manager": "middle", "frontline": "frontline"}

ID_PATTERN = r"^[A-Za-z0-9_-]+$"
YEAR_MONTH = r"^\d{4}-(0[1-9]|1[0-2])$"

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, min_length=1, max_length=64)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Score = Annotated[float, Field(ge=0, le=100)]
Weight = Annotated[float, Field(gt=0)]
Strength = Annotated[int, Field(ge=0, le=5, strict=True)]
Influence = Annotated[int, Field(ge=1, le=5, strict=True)]
Level = Literal["top", "deputy", "manager", "frontline"]
Kind = Literal["government", "ministry", "regulator", "investor", "shareholder", "consultant", "partner"]
Language = Literal["zh", "en"]
YearMonth = Annotated[str, StringConstraints(pattern=YEAR_MONTH)]  # a start given as 2026-12


class Contract(BaseModel):
    """Base of every model of the contract: unknown keys are errors, values frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=True)


class Company(Contract):
    id: Id
    name: Text


class Customer(Contract):
    name: Text
    segment: Optional[Text] = None


class Item(Contract):
    """One key buying factor, capability or relationship indicator."""

    name: Text
    weight: Weight
    scores: dict[str, Score]
    in_3_years: Optional[dict[str, Score]] = None


class Overall(Contract):
    """Step 1: 基于我们在 <expertise> 方面的知识和经验, 我们具备 <capability> 的能力, 为客户提高 <improves>."""

    expertise: Text
    capability: Text
    improves: Text


class Outcome(Contract):
    metric: Text
    change_pct: float


class Money(Contract):
    amount: Annotated[float, Field(gt=0)]
    currency: Text


class Specific(Contract):
    """Step 2, the SMART statement, from its parts."""

    start: Union[dt.date, YearMonth]
    offering: Text
    outcomes: Annotated[list[Outcome], Field(min_length=1)]
    investment: Money
    monthly_benefit: Optional[Money] = None
    payback_months: Optional[Annotated[float, Field(gt=0)]] = None
    tracking: Optional[Text] = None


class Levels(Contract):
    """Step 3: the team's own wording per audience level; what is absent is generated."""

    senior: Optional[Text] = None
    middle: Optional[Text] = None
    frontline: Optional[Text] = None


class ValueProposition(Contract):
    overall: Overall
    specific: Specific
    levels: Optional[Levels] = None


class Contact(Contract):
    """A person inside the customer and the strength of our link to them."""

    name: Text
    title: Optional[Text] = None
    level: Level
    strength: Strength
    our_contact: Optional[Text] = None


class Surrounding(Contract):
    """A relation around the chain (周边关系) that influences the customer."""

    name: Text
    kind: Kind
    influence: Influence
    strength: Strength


class OurTeam(Contract):
    senior: Optional[Text] = None
    middle: Optional[Text] = None
    frontline: Optional[Text] = None


class Chain(Contract):
    customer: list[Contact]
    surrounding: list[Surrounding] = []
    our_team: OurTeam = OurTeam()


class Deal(Contract):
    """One bid for one large customer, as the account manager describes it."""

    id: Optional[Id] = None
    title: Text
    language: Language = "zh"
    date: dt.date
    customer: Customer
    us: Company
    competitors: Annotated[list[Company], Field(min_length=1)]
    situation: Optional[Text] = None
    key_buying_factors: Annotated[list[Item], Field(min_length=1)]
    business_capabilities: Annotated[list[Item], Field(min_length=1)]
    relationship_capabilities: Annotated[list[Item], Field(min_length=1)]
    positioning_statement: Optional[Text] = None
    value_proposition: ValueProposition
    chain: Chain

    @property
    def companies(self) -> list[Company]:
        """Us first, then the competitors in the file's order."""
        return [self.us, *self.competitors]

    def company_name(self, company_id: str) -> str:
        return next(c.name for c in self.companies if c.id == company_id)

    def dimension(self, name: str) -> list[Item]:
        return getattr(self, name)
