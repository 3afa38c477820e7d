"""The analysis' sentences in zh and en, and the way figures are written in each.

The method's vocabulary (dimension names, levels, concerns) is in `pipeline.words.labels`;
this module holds only the sentence patterns the analysis fills, so a translator
or trainer edits the words in one place.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import ROUND_HALF_UP, Decimal

from pipeline.words.labels import label

TEXT: dict[str, dict[str, str]] = {
    "zh": {
        # positioning, one sentence per competitor
        "relative_to": "相对于{name}而言，我方{clauses}。",
        "advantage_clause": "在{dims}方面{all}占有相对优势",
        "parity_clause": "在{dims}方面{all}与其相当",
        "disadvantage_clause": "在{dims}方面{all}居于相对劣势",
        "clause_join": "，",
        "all": "均",
        "but": "而",
        # three years on
        "three_years_note": "未给出3年后数值的指标按当前得分计算。",
        # drafted positioning statement (the long-distance example's shape)
        "statement_for": "对于{whom}",
        "statement_basis": "以我方在{items}方面的优势为基础",
        "statement_basis_value": "以我方能为客户带来的整体价值为基础",
        "statement_lever": "充分发挥全业务优势进行综合业务捆绑",
        "statement_lever_named": "充分发挥{lever}等全业务优势进行综合业务捆绑",
        "statement_lever_plain": "以综合业务捆绑带动整体方案",
        "statement_concession": "但在{item}上给予更大优惠（{leader}在此领先）",
        "statement_concession_most": "但在客户最关心的{item}上给予更大优惠（{leader}在此领先）",
        "statement_end_exclusive": "从而赢得客户的忠诚和新业务，力争达成全面的排他性协议",
        "statement_end_comprehensive": "从而赢得客户的忠诚和新业务，力争达成全面合作协议",
        "statement_join": "，",
        "statement_stop": "。",
        # chain actions
        "action_weak_senior": "由{owner}安排与{who}的高层互访，将关系强度从{strength}提升到{held}以上",
        "action_weak": "由{owner}加强与{who}的日常沟通，将关系强度从{strength}提升到{held}以上",
        "action_broken": "由{owner}通过已有联系人引荐结识{who}，从零开始建立关系",
        "action_missing": "{level}层面尚无联系人：由{owner}通过已有联系人引荐，找到并结识该层面的关键人物",
        "action_surrounding": "由{owner}拜访{who}（{kind}），争取其对项目的支持（影响力{influence}，关系强度{strength}）",
        "default_owner": "客户经理",
        "senior_stand_in": "我方高层领导",  # who works the senior level when the deal names nobody of ours there
        "nobody_ours": "我方在{audience}还没有对接人；",
        # value proposition
        "overall": "基于我们在{expertise}方面的知识和经验，我们具备{capability}的能力，为{customer}提高{improves}。",
        "specific_outcomes": "从{start}开始，基于我们提供的{offering}，{customer}将{outcomes}。",
        "specific_payback": "客户{investment}的投资将在{months}内收回。",
        "specific_investment": "客户将投资{investment}。",
        "tracking_recorded": "我们将通过{tracking}。",
        "tracking": "我们将通过{tracking}来记录实际效果。",
        "raise": "{metric}提高{pct}%",
        "save": "{metric}节省{pct}%",
        "cut": "{metric}降低{pct}%",
        "outcome_join": "，",
        "senior_message": "从战略上看，{offering}将帮助{customer}提高{improves}：{outcomes}。",
        "senior_position": "我方在{items}方面的优势，使我们成为{customer}可以信赖的长期合作伙伴。",
        "middle_message": "在预算与资源上，{customer}投资{investment}{payback}{benefit}，并将{outcomes}，每一笔投入都有可度量的回报。",
        "middle_payback": "，将在{months}内收回",
        "middle_benefit": "，每月带来{benefit}的收益",
        "frontline_message": "在日常运作中，{outcomes}；实施与运维由我方{person}负责，减少一线人员的工作量。{tracking}",
        "frontline_person": "团队",
        "frontline_tracking_missing": "我们将与一线人员共同确定记录实际效果的方法。",
        # SMART verdicts (the doubts behind them are in pipeline.words.messages, also the build's warnings)
        "smart_S_ok": "指明了业务价值：{offering}带来{metrics}的变化。",
        "smart_S_bad": "没有指明业务价值：{problems}。",
        "smart_M_ok": "结果可以度量：{outcomes}；投资{investment}。",
        "smart_A_ok": "各项变化都在±{limit}%以内。",
        "smart_A_bad": "难以实现：{problems}。",
        "smart_R_ok": "投资回收期{months}个月，在{low}到{high}个月之间，数字前后一致。",
        "smart_R_unknown": "没有回收期可供检验。",
        "smart_R_bad": "不够现实：{problems}。",
        "smart_T_ok": "从{start}开始，{months}个月内收回投资。",
        "smart_T_bad": "没有时间限制：{problems}。",
        "doubt_join": "；",
        # facts quoted by the tactics' reasons
        "fact_top_strength": "{who}的关系强度为{strength}",
        "fact_no_contact": "尚无联系人",
        "fact_person_strength": "{who} {strength}分",
        "fact_level_unheld": "{level}层面还没有强度达到{held}分的关系（{people}）",
        "fact_level_empty": "{level}层面还没有联系人",
        "fact_level_owner": "{level}层面由{owner}负责",
        "fact_level_no_owner": "{level}层面我方还没有对接人，先确定人选",
        "fact_flagged": "{who}（{kind}，影响力{influence}，关系强度{strength}）",
        "fact_gap": "{item} {now}→{target}（{gap}）",
        "fact_cares_most": "客户最关心的",
        "months": "{n}个月",
        "payback_line": "投资回收期：{months}",
        "payback_line_both": "投资回收期：按投资和每月收益计算为{computed}；交易文件写明{stated}",
    },
    "en": {
        "relative_to": "Against {name}, we {clauses}.",
        "advantage_clause": "hold a relative advantage in {dims}",
        "advantage_clause_after": "a relative advantage in {dims}",
        "parity_clause": "are on a par with them in {dims}",
        "disadvantage_clause": "hold a relative disadvantage in {dims}",
        "disadvantage_clause_after": "a relative disadvantage in {dims}",
        "clause_join": ", ",
        "all": "",
        "but": "but ",
        "three_years_note": "Items without a 3-year figure keep today's score.",
        "statement_for": "For {whom}",
        "statement_basis": "build on our strength in {items}",
        "statement_basis_value": "build on the overall value we bring the customer",
        "statement_lever": "use our full-service strength to bundle integrated services",
        "statement_lever_named": "use our full-service strength, {lever} above all, to bundle integrated services",
        "statement_lever_plain": "carry the whole offer with bundled integrated services",
        "statement_concession": "give larger discounts on {item}, where {leader} leads",
        "statement_concession_most": "give larger discounts on {item}, which the customer cares about most and where {leader} leads",
        "statement_end_exclusive": "and so win loyalty and new business, aiming for a comprehensive exclusive agreement",
        "statement_end_comprehensive": "and so win loyalty and new business, aiming for a comprehensive agreement",
        "statement_join": ", ",
        "statement_stop": ".",
        "action_weak_senior": "{owner} to arrange senior-to-senior meetings with {who} and lift the link from {strength} to {held} or more",
        "action_weak": "{owner} to keep in regular touch with {who} and lift the link from {strength} to {held} or more",
        "action_broken": "{owner} to get an introduction to {who} through an existing contact and build the link from zero",
        "action_missing": "no contact among the {level}: {owner} to find and meet the key people there through an introduction from an existing contact",
        "action_surrounding": "{owner} to visit {who} ({kind}) and win its support for the project (influence {influence}, strength {strength})",
        "default_owner": "the account manager",
        "senior_stand_in": "one of our senior managers",
        "nobody_ours": "nobody of ours faces the {audience} level yet; ",
        "overall": "Based on our knowledge and experience in {expertise}, we have the capability to {capability}, to improve {improves} for {customer}.",
        "specific_outcomes": "From {start}, based on the {offering} we provide, {customer} will {outcomes}.",
        "specific_payback": "The customer's investment of {investment} pays back within {months}.",
        "specific_investment": "The customer invests {investment}.",
        "tracking_recorded": "We will {tracking}.",
        "tracking": "We will record the actual results through {tracking}.",
        "raise": "raise {metric} by {pct}%",
        "save": "cut {metric} by {pct}%",
        "cut": "cut {metric} by {pct}%",
        "outcome_join": " and ",
        "senior_message": "Strategically, our {offering} helps {customer} improve {improves}: it will {outcomes}.",
        "senior_position": " Our strength in {items} makes us a partner {customer} can rely on for the long term.",
        "middle_message": "For budget and resources: {customer} invests {investment}{payback}{benefit}, and will {outcomes}: every amount spent has a measurable return.",
        "middle_payback": ", paid back within {months}",
        "middle_benefit": ", with a benefit of {benefit} a month",
        "frontline_message": "Day to day, the front line will {outcomes}; {person} handles implementation and operation for us, taking work off the front line. {tracking}",
        "frontline_person": "our team",
        "frontline_tracking_missing": "We will agree with the front line how the actual results are recorded.",
        "smart_S_ok": "Names a business value: {offering} changes {metrics}.",
        "smart_S_bad": "Names no business value: {problems}.",
        "smart_M_ok": "Measurable: {outcomes}; investment {investment}.",
        "smart_A_ok": "Every change is within ±{limit}%.",
        "smart_A_bad": "Hard to achieve: {problems}.",
        "smart_R_ok": "Payback of {months} months, between {low} and {high} months, and the figures agree.",
        "smart_R_unknown": "No payback to check.",
        "smart_R_bad": "Not realistic as stated: {problems}.",
        "smart_T_ok": "From {start}, paid back within {months} months.",
        "smart_T_bad": "Not time-based: {problems}.",
        "doubt_join": "; ",
        "fact_top_strength": "{who} at strength {strength}",
        "fact_no_contact": "no contact yet",
        "fact_person_strength": "{who}, strength {strength}",
        "fact_level_unheld": "no link of {held} or more yet among the {level} ({people})",
        "fact_level_empty": "no contact yet among the {level}",
        "fact_level_owner": "{owner} for the {level}",
        "fact_level_no_owner": "nobody of ours yet for the {level}: name someone first",
        "fact_flagged": "{who} ({kind}, influence {influence}, strength {strength})",
        "fact_gap": "{item} {now}→{target} ({gap})",
        "fact_cares_most": ", which the customer cares about most,",
        "months": "{n} months",
        "payback_line": "Payback: {months}",
        "payback_line_both": "Payback: {computed} from the investment and the monthly benefit; the deal file states {stated}",
    },
}

CURRENCIES = {
    "zh": {"USD": "美元", "CNY": "元", "RMB": "元", "EUR": "欧元", "HKD": "港元", "JPY": "日元", "GBP": "英镑"},
    "en": {"USD": "US dollars", "CNY": "yuan", "RMB": "yuan", "EUR": "euros", "HKD": "Hong Kong dollars",
           "JPY": "yen", "GBP": "pounds sterling"},
}
# Large-number units, largest first: Chinese counts in 万 and 亿, English in million and billion.
UNITS = {"zh": ((1e8, "亿"), (1e4, "万")), "en": ((1e9, " billion"), (1e6, " million"))}
# A reduced metric that names one of these is a cost the customer saves (节省), else it is
# lowered (降低), as the source words its examples.
COST_WORDS = ("费", "成本", "投资", "支出", "开支", "cost", "spend", "expens", "invest")
ARTICLE = re.compile(r"^(a|an|the)\s+", re.IGNORECASE)
CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
# What may close a piece of the user's text that a sentence goes on after: a full stop,
# comma or semicolon, ASCII or full-width, and the spaces around it.
CLOSING = re.compile(r"[\s。．.，,；;]+$")
TENTH = Decimal("0.1")
HUNDREDTH = Decimal("0.01")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")


def text(language: str, key: str, **values: object) -> str:
    """The sentence `key` in `language`, filled with `values`."""
    return TEXT[language][key].format(**values)


def join(language: str, items: list[str]) -> str:
    """A list as prose: zh 甲、乙和丙, en a, b and c."""
    if len(items) <= 1:
        return "".join(items)
    comma, last = ("、", "和") if language == "zh" else (", ", " and ")
    return comma.join(items[:-1]) + last + items[-1]


def change_verb(metric: str, change_pct: float) -> str:
    """The key of an outcome's wording: raise for a rise, save for a cost that falls, cut otherwise."""
    if change_pct >= 0:
        return "raise"
    return "save" if any(word in metric.lower() for word in COST_WORDS) else "cut"


def in_sentence(language: str, key: str) -> str:
    """A label as it reads inside an English sentence (lower case); Chinese unchanged."""
    word = label(language, key)
    return word if language == "zh" else word[0].lower() + word[1:]


def number(value: float) -> str:
    """A figure without a needless decimal part, to two decimals at most, a half rounded away from
    zero: 25, 12.5, 5.88, 1,000 (limits, amounts)."""
    shown = Decimal(repr(float(value))).quantize(HUNDREDTH, rounding=ROUND_HALF_UP)
    shown = shown.copy_abs() if shown.is_zero() else shown
    return f"{shown:,}".rstrip("0").rstrip(".") if "." in f"{shown}" else f"{shown:,}"


# --- one format per quantity, the same in every document ---------------------------------


def percent(value: float) -> str:
    """A percentage as the deal gives it, to two decimals at most: 25, 12.25, 0.5 (the same in the
    sentence, the table and the proposal: 12.25 never becomes 12.3 elsewhere)."""
    return number(value)


def signed_percent(value: float) -> str:
    """A percentage change, signed, by the same rule: +25, -15, +12.25."""
    return ("+" if Decimal(repr(float(value))) > 0 and number(value) != "0" else "") + number(value)


def tenths(value: float) -> Decimal:
    """A figure to one decimal, a half rounded away from zero (46.25 -> 46.3), as a reader and Excel do."""
    shown = Decimal(repr(float(value))).quantize(TENTH, rounding=ROUND_HALF_UP)
    return shown.copy_abs() if shown.is_zero() else shown  # never "-0.0"


def score(value: float) -> str:
    """An input score or weight to one decimal, without a needless ".0": 90, 82.5."""
    shown = str(tenths(value))
    return shown[:-2] if shown.endswith(".0") else shown


def change(value: float) -> str:
    """A change of an input score, signed: +15, -2.5, 0."""
    return ("+" if tenths(value) > 0 else "") + score(value)


def index(value: float) -> str:
    """An index (0-100), or the size of an index margin, always to one decimal: 81.7, 80.0."""
    return str(tenths(value))


def margin(value: float) -> str:
    """An index margin, signed, always to one decimal: +15.0, -0.4, 0.0."""
    return ("+" if tenths(value) > 0 else "") + index(value)


def total(value: float) -> str:
    """A weighted total (Σ weight × score), a whole number, as the method's table writes it: 1225."""
    return f"{round(value)}"


def payback(value: float) -> str:
    """A payback in months, to one decimal: 5.9, 16."""
    return score(value)


def months(language: str, value: float) -> str:
    """A payback with its unit: 5.9个月, 5.9 months."""
    return text(language, "months", n=payback(value))


def payback_line(language: str, computed: float | None, stated: float | None) -> str:
    """The payback said once: the computed figure, and the deal's own only when it reads otherwise."""
    if computed is None and stated is None:
        return ""
    if computed is None or stated is None or payback(computed) == payback(stated):
        return text(language, "payback_line", months=months(language, computed if computed is not None else stated))
    return text(language, "payback_line_both", computed=months(language, computed), stated=months(language, stated))


def money(language: str, amount: float, currency: str) -> str:
    """zh 100万美元, en 1 million US dollars; exact, so a unit is used only when it divides cleanly."""
    name = CURRENCIES[language].get(currency.upper())
    figure = scaled(language, amount)
    if name is None:
        return f"{figure} {currency}" if language == "en" else f"{figure}{currency}"
    return f"{figure}{name}" if language == "zh" else f"{figure} {name}"


def scaled(language: str, amount: float) -> str:
    for size, unit in UNITS[language]:
        if amount >= size and round(amount / size, 2) * size == amount:
            return number(amount / size) + unit
    return number(amount)


def start_date(language: str, start: dt.date | str) -> str:
    """zh 2026年12月 / 2026年12月1日, en December 2026 / 1 December 2026."""
    if isinstance(start, str):
        year, month = (int(part) for part in start.split("-"))
        return f"{year}年{month}月" if language == "zh" else f"{MONTHS_EN[month - 1]} {year}"
    if language == "zh":
        return f"{start.year}年{start.month}月{start.day}日"
    return f"{start.day} {MONTHS_EN[start.month - 1]} {start.year}"


def whole_months(months: float) -> int:
    """A payback as the reader is told it: within this many whole months."""
    return math.ceil(round(months, 6))


def bare(language: str, phrase: str) -> str:
    """An English noun phrase without its leading article, for 'the … we provide', 'our …'."""
    return ARTICLE.sub("", phrase, count=1) if language == "en" else phrase


def unstopped(words: str) -> str:
    """The user's words without the stop that closes them, so a sentence can go on or end after
    them without '。。' or '，。'; nothing else in them changes."""
    return CLOSING.sub("", words)


def unwrap(words: str) -> str:
    """The team's text with the line breaks of its YAML block undone: none between two Chinese
    characters, a space elsewhere; a blank line stays a paragraph break."""
    return "\n".join(unwrap_lines(p) for p in PARAGRAPH_BREAK.split(words.strip()))


def unwrap_lines(paragraph: str) -> str:
    joined = ""
    for line in (line.strip() for line in paragraph.splitlines()):
        if joined and line:
            joined += "" if CJK.match(joined[-1]) and CJK.match(line[0]) else " "
        joined += line
    return joined
