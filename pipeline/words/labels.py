"""The method's vocabulary in both languages: one place, so every document says it alike."""

from __future__ import annotations

from pipeline.words.audience import CONCERNS as TYPE_CONCERNS
from pipeline.words.audience import LEVEL_TITLES

LABELS: dict[str, dict[str, str]] = {
    "zh": {
        # the three dimensions of competitive positioning
        "key_buying_factors": "客户购买关键因素的匹配",
        "business_capabilities": "业务能力",
        "relationship_capabilities": "客户关系能力",
        # chain levels inside the customer, as an enterprise names them
        **LEVEL_TITLES["zh"]["enterprise"],
        # audience levels
        "senior": "高层",
        "middle": "中层",
        "frontline_audience": "基层",
        # surrounding relations
        "government": "政府部门",
        "ministry": "部委",
        "regulator": "监管机构",
        "investor": "投资银行",
        "shareholder": "股东单位",
        "consultant": "咨询师、管理顾问",
        "partner": "合资、合作伙伴",
        # positions
        "advantage": "相对优势",
        "parity": "相当",
        "disadvantage": "相对劣势",
        # link status
        "strong": "牢固",
        "held": "已建立",
        "weak": "薄弱",
        "broken": "断裂",
        "missing": "缺失",
        # SMART
        "S": "具体的",
        "M": "可以度量的",
        "A": "可以实现的",
        "R": "是现实的",
        "T": "有时间限制的",
        "us_now": "我们现在",
        "in_3_years": "3年后",
        "our_target": "我们3年后的目标",
    },
    "en": {
        "key_buying_factors": "Key buying factor match",
        "business_capabilities": "Business capability",
        "relationship_capabilities": "Customer relationship capability",
        **LEVEL_TITLES["en"]["enterprise"],
        "senior": "Senior",
        "middle": "Middle",
        "frontline_audience": "Front-line",
        "government": "Government",
        "ministry": "Ministry",
        "regulator": "Regulator",
        "investor": "Investment bank",
        "shareholder": "Shareholder",
        "consultant": "Consultant",
        "partner": "Partner",
        "advantage": "advantage",
        "parity": "parity",
        "disadvantage": "disadvantage",
        "strong": "strong",
        "held": "held",
        "weak": "weak",
        "broken": "broken",
        "missing": "missing",
        "S": "Specific",
        "M": "Measurable",
        "A": "Achievable",
        "R": "Realistic",
        "T": "Time-based",
        "us_now": "Us now",
        "in_3_years": "in 3 years",
        "our_target": "Our 3-year target",
    },
}

# What each audience level of an enterprise cares about (METHOD.md, step 3); other customer
# types word them their own way (pipeline.words.audience).
CONCERNS: dict[str, dict[str, list[str]]] = {language: by_type["enterprise"]
                                             for language, by_type in TYPE_CONCERNS.items()}


def label(language: str, key: str) -> str:
    """The word for `key` in `language`; audience 'frontline' is asked as 'frontline_audience'."""
    return LABELS[language][key]


def audience_label(language: str, audience: str) -> str:
    return LABELS[language]["frontline_audience" if audience == "frontline" else audience]
