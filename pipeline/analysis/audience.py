"""Who the customer is (企业, 政府, 医院, 学校, 事业单位), decided once for every document.

A government bureau addressed as 贵公司, asked about its 公司战略日程表 or shown a 副总经理 row is
told we did not look at it. The type comes from `customer.type`; when that is absent it is
inferred from the customer's name, and a non-enterprise guess is reported so the user can confirm
it by setting the field.
"""

from __future__ import annotations

import re

from pipeline.analysis.results import Audience, Finding
from pipeline.load.model import AUDIENCES, CUSTOMER_TYPES, Deal
from pipeline.words.audience import (
    ADDRESS,
    CONCERNS,
    DEFAULT_ADDRESS,
    INFER,
    LEVEL_TITLES,
    ORGANISATION,
)
from pipeline.words.wording import unwrap_lines

TYPE_FIELD = "customer.type"


def holds(name: str, word: str) -> bool:
    """Whether a (lower-cased) name holds `word`: Chinese anywhere, an English word whole
    (Northbank is no bank)."""
    if not word.isascii():
        return word in name
    return re.search(rf"(?<![a-z]){re.escape(word)}(?![a-z])", name) is not None


def infer_type(name: str) -> str:
    """The customer type a name suggests: the first type of `INFER` one of whose words it holds."""
    lowered = name.lower()
    for customer_type, words in INFER:
        if any(holds(lowered, word) for word in words):
            return customer_type
    return "enterprise"


def address(language: str, customer_type: str, name: str) -> str:
    """贵公司 / 贵局 / 贵院 … (en: your company, your bureau …): by the end of the name, else the type's."""
    stripped = name.strip().rstrip("）)").lower()
    for word, form in sorted(ADDRESS[language][customer_type], key=lambda pair: -len(pair[0])):
        if (stripped.endswith(word) if language == "zh" else holds(stripped, word)):
            return form
    return DEFAULT_ADDRESS[language][customer_type]


def audience(deal: Deal) -> Audience:
    """The customer's type and the words the documents use for it and its levels."""
    language, given = deal.language, deal.customer.type
    kind = customer_type(deal)
    own = deal.value_proposition.concerns
    defaults = CONCERNS[language][kind]
    concerns = {level: [one_line(c) for c in getattr(own, level)] if own and getattr(own, level) else
                list(defaults[level]) for level in AUDIENCES}
    return Audience(
        customer_type=kind,
        type_inferred=given is None,
        address=address(language, kind, deal.customer.name),
        organisation=ORGANISATION[language][kind],
        level_titles=dict(LEVEL_TITLES[language][kind]),
        concerns=concerns,
        concerns_from_deal={level: bool(own and getattr(own, level)) for level in AUDIENCES},
    )


def findings(deal: Deal, result: Audience) -> list[Finding]:
    """A guessed type other than enterprise is reported: the whole wording of the documents follows it."""
    if not result.type_inferred or result.customer_type == "enterprise":
        return []
    return [Finding(field=TYPE_FIELD, key="type_inferred", values={
        "customer_type": result.customer_type, "name": deal.customer.name, "address": result.address,
        "types": " | ".join(CUSTOMER_TYPES)})]


def customer_type(deal: Deal) -> str:
    """The deal's customer type, given or inferred."""
    return deal.customer.type or infer_type(deal.customer.name)


def level_title(deal: Deal, level: str, in_sentence: bool = False) -> str:
    """A chain level's name for this customer (副总经理 / 分管领导 / 副院长 …); lower-cased for the
    inside of an English sentence when `in_sentence`."""
    word = LEVEL_TITLES[deal.language][customer_type(deal)][level]
    return word[0].lower() + word[1:] if in_sentence and deal.language == "en" else word


def one_line(concern: str) -> str:
    """A concern as one line of a list: YAML's wrapped lines joined, a tab read as a space (Word
    would drop it from a line of text)."""
    return unwrap_lines(concern).replace("\t", " ")
