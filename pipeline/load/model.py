"""The deal file as typed data: the public input contract (docs/deal-file.md).

Plain data only: no I/O here. The loader turns YAML into a `Deal`; every later
stage reads it and never changes it. Rules that need more than one field (unique
ids, every company scored) live in `pipeline.load.rules`, so that the loader can report
them with their positions together with the field errors.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, Optional, Union

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

LANGUAGES = ("zh", "en")
DIMENSIONS = ("key_buying_factors", "business_capabilities", "relationship_capabilities")
CHAIN_LEVELS = ("top", "deputy", "manager", "frontline")
AUDIENCES = ("senior", "middle", "frontline")
SURROUNDING_KINDS = (
    "government", "ministry", "regulator", "investor", "shareholder", "consultant", "partner",
)
# Which audience level each chain level belongs to (METHOD.md section 3).
# The kinds of customer (customer.type): they decide how the documents address the customer,
# its words for strategy and policy and the names of its chain levels (pipeline.analysis.audience).
CUSTOMER_TYPES = ("enterprise", "government", "hospital", "school", "institution")
# Chinese words a user may write for a type; the loaded deal holds the English value.
CUSTOMER_TYPE_SYNONYMS = {"企业": "enterprise", "公司": "enterprise", "政府": "government",
                          "政府机关": "government", "医院": "hospital", "学校": "school",
                          "高校": "school", "事业单位": "institution"}
AUDIENCE_OF_LEVEL = {"top": "senior", "deputy": "senior", "manager": "middle", "frontline": "frontline"}

ID_PATTERN = r"^[A-Za-z0-9_-]+$"
YEAR_MONTH = r"^\d{4}-(0[1-9]|1[0-2])$"

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, min_length=1, max_length=64)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
# Numbers are strict: YAML's `yes` or a quoted "90" must not pass as a number.
Score = Annotated[float, Field(ge=0, le=100, strict=True, description="0-100")]
Weight = Annotated[float, Field(gt=0, strict=True, description="A positive importance weight (权重系数).")]
Number = Annotated[float, Field(strict=True)]
Positive = Annotated[float, Field(gt=0, strict=True)]
Strength = Annotated[int, Field(ge=0, le=5, strict=True)]
Influence = Annotated[int, Field(ge=1, le=5, strict=True)]
Level = Literal["top", "deputy", "manager", "frontline"]
Kind = Literal["government", "ministry", "regulator", "investor", "shareholder", "consultant", "partner"]
Language = Literal["zh", "en"]
CustomerTypeName = Literal["enterprise", "government", "hospital", "school", "institution",
                           "企业", "公司", "政府", "政府机关", "医院", "学校", "高校", "事业单位"]
CustomerType = Annotated[CustomerTypeName, AfterValidator(lambda v: CUSTOMER_TYPE_SYNONYMS.get(v, v))]
YearMonth = Annotated[str, StringConstraints(pattern=YEAR_MONTH)]  # a start given as 2026-12
# How often the results are reported, and the months each period spans.
CADENCE_MONTHS = {"monthly": 1, "quarterly": 3, "half-yearly": 6, "yearly": 12}
Cadence = Literal["monthly", "quarterly", "half-yearly", "yearly"]


class Contract(BaseModel):
    """Base of every model of the contract: unknown keys are errors, values frozen."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, coerce_numbers_to_str=True, allow_inf_nan=False,
        use_attribute_docstrings=True,
    )


class Company(Contract):
    """Us or a competitor."""

    id: Id
    """Letters, digits, '-' and '_'; the key of this company in every `scores`."""
    name: Text
    """The name shown in the documents."""
    short_name: Optional[Text] = None
    """Optional: the name in tables, legends, chart labels and the chain, e.g. 华南信息 for
    华南信息网络集团股份有限公司; derived from `name` when absent."""


class Customer(Contract):
    """The customer of the bid (大客户)."""

    name: Text
    short_name: Optional[Text] = None
    """Optional: the customer's name where room is short (the chain); derived from `name` when absent."""
    segment: Optional[Text] = None
    """Optional: the customer's segment, e.g. 金融行业客户."""
    type: Optional[CustomerType] = None
    """Optional: enterprise (企业) | government (政府) | hospital (医院) | school (学校) | institution
    (事业单位). It decides how the documents address the customer (贵公司, 贵局, 贵院 …), its chain
    levels' names and its concerns; when absent it is inferred from the name, with a warning."""


class Item(Contract):
    """One key buying factor, capability or relationship indicator."""

    name: Text
    weight: Optional[Weight] = None
    """The importance weight; a standard relationship indicator of the method (templates/method.json)
    may omit it and takes the standard one, every other item needs one."""
    scores: dict[str, Score]
    """A 0-100 score for every company, by company id: {us: 90, A: 60}."""
    in_3_years: Optional[dict[str, Score]] = None
    """Optional: our target and competitors' projection in three years, by company id."""
    kind: Optional[Literal["price", "other"]] = None
    """Optional, key buying factors: `price` marks a factor about price (a concession may fall
    only on one), `other` one that is not, whatever its name; without it a name with a price
    word (价格, 资费, 费用, 成本, 报价, 折扣, TCO, price, cost, tariff, fee, discount) counts as price."""
    standard: Optional[Text] = None
    """Optional, relationship indicators: which of the method's standard indicators this item is, by
    its id in templates/method.json (account_manager_influence, internal_coordination,
    senior_management_attention, transaction_history_reputation, long_term_cooperation,
    solution_design), or `none` for an indicator of the team's own whatever its name; without it
    the name decides, in any wording the library accepts (客户经理影响力, "Influence of the account
    manager" …)."""


class Overall(Contract):
    """Step 1: 基于我们在<expertise>方面的知识和经验，我们具备<capability>的能力，为客户提高<improves>。"""

    expertise: Text
    capability: Text
    improves: Text


class Outcome(Contract):
    """One measurable result: what changes, and by how many percent."""

    metric: Text
    change_pct: Number
    """The change in percent: 25 for +25%, -15 for -15%."""


class Money(Contract):
    """An amount of money in a currency."""

    amount: Positive
    currency: Text
    """e.g. USD, CNY."""


class Specific(Contract):
    """Step 2, the SMART statement, from its parts."""

    start: Union[dt.date, YearMonth]
    """When the value starts: a date (2026-12-01) or a year-month (2026-12)."""
    offering: Text
    """What we provide."""
    outcomes: Annotated[list[Outcome], Field(min_length=1)]
    """At least one measurable outcome."""
    investment: Money
    """The customer's investment."""
    monthly_benefit: Optional[Money] = None
    """Optional: the customer's benefit per month."""
    payback_months: Optional[Positive] = None
    """Optional: the stated payback in months; checked against investment and monthly_benefit."""
    tracking: Optional[Text] = None
    """Optional: how the result will be measured."""
    tracking_cadence: Optional[Cadence] = None
    """Optional: how often the results are reported (monthly / quarterly / half-yearly / yearly); the
    first results report falls one period after the start. When absent it is read from `tracking`
    (每月, 每季度, 半年, 每年, monthly, quarterly, ...), else monthly."""
    first_report: Optional[Union[dt.date, YearMonth]] = None
    """Optional: when the first results report is due (2027-03 or 2027-03-15), if not one cadence
    after the start; not before the start."""


class Levels(Contract):
    """Step 3: the team's own wording per audience level; what is absent is generated."""

    senior: Optional[Text] = None
    middle: Optional[Text] = None
    frontline: Optional[Text] = None


Concern = Annotated[list[Text], Field(min_length=1)]


class Concerns(Contract):
    """Optional: what each audience level of this customer cares about, replacing the method's
    default concerns for the customer's type at that level."""

    senior: Optional[Concern] = None
    middle: Optional[Concern] = None
    frontline: Optional[Concern] = None


class ValueProposition(Contract):
    """The value proposition (价值命题) in the method's three steps."""

    overall: Overall
    specific: Specific
    levels: Optional[Levels] = None
    concerns: Optional[Concerns] = None
    """Optional: each level's concerns in the team's words (a list of phrases per level)."""


class Contact(Contract):
    """A person inside the customer and the strength of our link to them."""

    name: Text
    title: Optional[Text] = None
    """Optional: the person's job title."""
    level: Level
    """top (一把手) | deputy (副总经理) | manager (部门或分管经理) | frontline (一线员工)."""
    strength: Strength
    """0-5: 0 no relationship ... 5 a champion for us."""
    our_contact: Optional[Text] = None
    """Optional: who on our side holds this link."""


class Surrounding(Contract):
    """A relation around the chain (周边关系) that influences the customer."""

    name: Text
    kind: Kind
    influence: Influence
    """1-5: how strongly it influences the customer."""
    strength: Strength
    """0-5: the strength of our relationship with it."""


class OurTeam(Contract):
    """Optional: our people facing each audience level."""

    senior: Optional[Text] = None
    middle: Optional[Text] = None
    frontline: Optional[Text] = None


class Chain(Contract):
    """The relationship chain (关系链条)."""

    customer: list[Contact]
    """People inside the customer."""
    surrounding: list[Surrounding] = []
    """Optional: relations around the chain (周边关系)."""
    our_team: OurTeam = OurTeam()


class Deal(Contract):
    """One bid for one large customer, as the account manager describes it."""

    id: Optional[Id] = None
    """Optional, default: the file's stem. Letters, digits, '-' and '_' only."""
    title: Text
    language: Language = "zh"
    """zh (default) | en: the language of everything generated."""
    date: dt.date
    """The date of the analysis (ISO 8601); it dates every document."""
    customer: Customer
    us: Company
    competitors: Annotated[list[Company], Field(min_length=1)]
    """At least one competitor."""
    situation: Optional[Text] = None
    """Optional: the competitive background, free text."""
    key_buying_factors: Annotated[list[Item], Field(min_length=1)]
    """客户购买关键因素的匹配: at least one item."""
    business_capabilities: Annotated[list[Item], Field(min_length=1)]
    """业务能力: at least one item."""
    relationship_capabilities: Annotated[list[Item], Field(min_length=1)]
    """客户关系能力: at least one item."""
    positioning_statement: Optional[Text] = None
    """Optional: the team's own words; when absent a draft is generated."""
    value_proposition: ValueProposition
    chain: Chain

    @property
    def companies(self) -> list[Company]:
        """Us first, then the competitors in the file's order."""
        return [self.us, *self.competitors]

    def company_name(self, company_id: str) -> str:
        return next(c.name for c in self.companies if c.id == company_id)

    def short_names(self) -> dict[str, str]:
        """Each company's short name by id, and the customer's under the key '' (pipeline.load.short_names)."""
        from pipeline.load.short_names import (
            short_names,  # the rule lives with its word lists
        )

        return short_names([("", self.customer.name, self.customer.short_name),
                            *((c.id, c.name, c.short_name) for c in self.companies)])

    def dimension(self, name: str) -> list[Item]:
        return getattr(self, name)
