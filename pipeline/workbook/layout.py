"""The scoring workbook's layout, shared by the export and the import: sheet names, the forms' rows.

Forms (the deal, the value proposition, the chain) keep the field's key in column A,
its label in B and its value from C on, so the import finds a field by its key wherever
the row sits. The dimension sheets follow the method's table: a row per item with its
weight, a column per company, the weighted totals (总分数合计) and indexes below.
"""

from __future__ import annotations

from pipeline.load import model
from pipeline.load.model import CADENCE_MONTHS, CHAIN_LEVELS, DIMENSIONS, LANGUAGES, SURROUNDING_KINDS

SHEETS = {
    "zh": {"deal": "交易", "key_buying_factors": "客户购买关键因素", "business_capabilities": "业务能力",
           "relationship_capabilities": "客户关系能力", "value": "价值命题", "chain": "关系链条"},
    "en": {"deal": "Deal", "key_buying_factors": "Key buying factors", "business_capabilities": "Business capabilities",
           "relationship_capabilities": "Relationship capabilities", "value": "Value proposition",
           "chain": "Relationship chain"},
}
ROLES = ("deal", *DIMENSIONS, "value", "chain")

WORDS = {
    "zh": {"item": "项目", "weight": "权重", "ids": "公司代号", "total": "总分数合计", "index": "指数",
           "later": "3年后：", "key": "字段", "label": "说明", "value": "填写", "competitors": "竞争对手（代号、名称）",
           "outcomes": "可以度量的结果（指标、变化百分比）", "contacts": "客户内部的人（姓名、职务、层级、关系强度0-5、我方联系人）",
           "surrounding": "周边关系（名称、类型、影响力1-5、关系强度0-5）", "team": "我方面对各层的人"},
    "en": {"item": "Item", "weight": "Weight", "ids": "Company id", "total": "Weighted total", "index": "Index",
           "later": "In 3 years: ", "key": "Field", "label": "Meaning", "value": "Value",
           "competitors": "Competitors (id, name)", "outcomes": "Measurable outcomes (metric, change in %)",
           "contacts": "People inside the customer (name, title, level, strength 0-5, our contact)",
           "surrounding": "Surrounding relations (name, kind, influence 1-5, strength 0-5)",
           "team": "Our people facing each level"},
}
TOTAL_LABELS = {WORDS[lang][key] for lang in LANGUAGES for key in ("total", "index")}
FIRST_ITEM_ROW = 4  # row 1 the title, 2 the company names, 3 their ids
KIND = "kind"  # row 3's marker of a key buying factor's kind column (price | other), right of the 3-year figures
KIND_WORDS = {"zh": "类别（price 价格类 / other 非价格）", "en": "Kind (price / other)"}
STANDARD = "standard"  # row 3's marker of a relationship indicator's `standard:` column (an id | none), in the same place
STANDARD_WORDS = {"zh": "对应的标准指标（可选：id / none 团队自选）", "en": "Standard indicator (optional: id / none = team's own)"}
# The optional column of an item's key beyond the method's table, by dimension: (row 3's marker, its header).
ITEM_KEY_COLUMNS = {"key_buying_factors": (KIND, KIND_WORDS), "relationship_capabilities": (STANDARD, STANDARD_WORDS)}
FIRST_COMPANY_COLUMN = 3  # C


def customer_types() -> tuple[str, ...]:
    """The customer types the contract allows (customer.type), as the loaded deal holds them."""
    return tuple(getattr(model, "CUSTOMER_TYPES", ()))


# Form rows: (key, zh label, en label, what the value is). Paths are the deal's field paths.
def deal_fields() -> list[tuple[str, str, str, str]]:
    fields = [
        ("id", "代号（字母、数字、-、_）", "Id (letters, digits, -, _)", "text"),
        ("title", "标题", "Title", "text"),
        ("language", "语言", "Language", "language"),
        ("date", "分析日期", "Date of the analysis", "date"),
        ("customer.name", "客户名称", "Customer", "text"),
        ("customer.segment", "客户行业（可选）", "Segment (optional)", "text"),
        ("customer.short_name", "客户简称（可选）", "Customer's short name (optional)", "text"),
    ]
    if customer_types():
        fields.append(("customer.type", "客户类型（可选）", "Customer type (optional)", "customer_type"))
    return fields + [
        ("us.id", "我方代号", "Our id", "text"),
        ("us.name", "我方名称", "Our name", "text"),
        ("us.short_name", "我方简称（可选）", "Our short name (optional)", "text"),
        ("situation", "竞争背景（可选）", "Situation (optional)", "text"),
        ("positioning_statement", "定位陈述（可选）", "Positioning statement (optional)", "text"),
    ]


VALUE_FIELDS = [
    ("overall.expertise", "第一步：基于我们在……方面的知识和经验", "Step 1: based on our knowledge and experience in", "text"),
    ("overall.capability", "我们具备……的能力", "we have the capability to", "text"),
    ("overall.improves", "为客户提高……", "to improve, for the customer,", "text"),
    ("specific.start", "第二步：开始时间（2026-12 或 2026-12-01）", "Step 2: start (2026-12 or 2026-12-01)", "start"),
    ("specific.offering", "我方提供", "Our offering", "text"),
    ("specific.investment.amount", "客户投资金额", "Customer's investment", "number"),
    ("specific.investment.currency", "投资币种", "Investment currency", "text"),
    ("specific.monthly_benefit.amount", "每月收益（可选）", "Monthly benefit (optional)", "number"),
    ("specific.monthly_benefit.currency", "收益币种（可选）", "Benefit currency (optional)", "text"),
    ("specific.payback_months", "回收期（月，可选）", "Payback in months (optional)", "number"),
    ("specific.tracking", "如何跟踪结果（可选）", "How the result is tracked (optional)", "text"),
    ("specific.tracking_cadence", "多久报告一次效果（可选：monthly / quarterly / half-yearly / yearly）",
     "How often results are reported (optional: monthly / quarterly / half-yearly / yearly)", "cadence"),
    ("specific.first_report", "第一份效果报告的时间（可选，2027-03）", "First results report due (optional, 2027-03)", "start"),
    ("levels.senior", "第三步：对高层的说法（可选）", "Step 3: to the senior level (optional)", "text"),
    ("levels.middle", "对中层的说法（可选）", "to the middle level (optional)", "text"),
    ("levels.frontline", "对基层的说法（可选）", "to the front-line (optional)", "text"),
    ("concerns.senior", "高层关心的问题（可选，每格一条）", "Senior concerns (optional, one a cell)", "list"),
    ("concerns.middle", "中层关心的问题（可选，每格一条）", "Middle concerns (optional, one a cell)", "list"),
    ("concerns.frontline", "基层关心的问题（可选，每格一条）", "Front-line concerns (optional, one a cell)", "list"),
]
EMPTY_CONCERNS = "concerns: {}"  # as EMPTY_LEVELS, for concerns
EMPTY_LEVELS = "levels: {}"  # a key row alone: step 3 given, with no wording for any level
TEAM_FIELDS = [
    ("our_team.senior", "面对高层", "Facing the senior level", "text"),
    ("our_team.middle", "面对中层", "Facing the middle level", "text"),
    ("our_team.frontline", "面对基层", "Facing the front-line", "text"),
]

# Table rows of the forms: key in column A, then these fields from column C on.
COMPETITOR = ("competitor", ("id", "name", "short_name"))
OUTCOME = ("outcome", ("metric", "change_pct"))
CONTACT = ("contact", ("name", "title", "level", "strength", "our_contact"))
SURROUNDING = ("surrounding", ("name", "kind", "influence", "strength"))
SPARE_ROWS = 3  # empty table rows, keyed and validated, for the user to fill

CHOICES = {
    "language": LANGUAGES,
    "level": CHAIN_LEVELS,
    "kind": SURROUNDING_KINDS,
    "strength": tuple(str(n) for n in range(6)),
    "influence": tuple(str(n) for n in range(1, 6)),
    "cadence": tuple(CADENCE_MONTHS),
}
