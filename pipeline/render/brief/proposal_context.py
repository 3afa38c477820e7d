"""The one typed view each proposal sees: what the customer's senior, middle and front-line people read.

Customer-facing by construction: this module reads only the deal's value proposition,
our team, the customer's name and top contact, the audience (form of address) and the
plan of the analysis; never scores, positions, margins, tactics or competitors. Every
figure is the analysis' own (payback, curve, milestones), only formatted here.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from pipeline.analysis.chain import team_member
from pipeline.analysis.results import Analysis, PaybackCurve
from pipeline.analysis.smart import outcome_phrase
from pipeline.analysis.value import tracking_sentence
from pipeline.load.model import AUDIENCES, Deal
from pipeline.render.brief.format import capitalized, format_date, reflow, signed_percent
from pipeline.render.brief.proposal_words import say
from pipeline.render.brief.rows import Figure
from pipeline.render.office.chart_spec import ChartSpec, Series
from pipeline.words import wording

HEADINGS = ("h_outcomes", "h_commitment", "h_next", "h_summary", "h_results", "h_return", "h_budget",
            "h_milestones", "h_changes", "h_how", "h_support", "h_measure", "h_contacts", "col_metric",
            "col_change", "col_item", "col_value", "col_when", "col_milestone", "col_role", "col_name")
LEADERS = ("top", "deputy")  # whom the senior letter is addressed to, in this order
SENIOR_OUTCOMES = 3  # the letter names the deal's first outcomes, at most this many


@dataclass(frozen=True)
class ProposalContext:
    """What one level's proposal shows; field names are the template's variables. A field a
    level does not use is empty, so one template can lay out all three."""

    language: str
    level: str
    doc_title: str
    subtitle: str
    header: str
    customer: str
    us: str
    date: str
    h: dict[str, str]
    message: str  # the team's own words for this level (value_proposition.levels), or ""
    salutation: str
    paragraphs: list[str]
    outcomes_intro: str
    outcomes: list[str]
    outcome_rows: list[Figure]
    commitment: str
    next_step: str
    closing: list[str]
    signature: list[str]
    return_rows: list[Figure]
    charts: list[ChartSpec]
    budget: list[str]
    milestones: list[Figure]
    steps: list[str]
    support: list[str]
    measure: list[str]
    contacts: list[Figure]

    def mapping(self) -> dict[str, object]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def proposal_contexts(analysis: Analysis) -> dict[str, ProposalContext]:
    """The three proposals, in the order senior, middle, front-line."""
    return {level: reflow(proposal_context(analysis, level), analysis.deal.language) for level in AUDIENCES}


def proposal_context(analysis: Analysis, level: str) -> ProposalContext:
    deal, lang = analysis.deal, analysis.deal.language
    common = common_fields(analysis)
    parts = {"senior": senior_parts, "middle": middle_parts, "frontline": frontline_parts}[level](analysis, common)
    empty = {f.name: ([] if "list" in str(f.type) else "") for f in fields(ProposalContext)}
    own = analysis.value.levels[level]
    return ProposalContext(**{
        **empty,
        "language": lang, "level": level,
        "doc_title": say(lang, f"title_{level}", customer=deal.customer.name, offering=common["offering_title"]),
        "subtitle": say(lang, "subtitle", us=deal.us.name, customer=deal.customer.name, date=common["date"]),
        "header": say(lang, "header", us=deal.us.name, customer=deal.customer.name),
        "customer": deal.customer.name, "us": deal.us.name, "date": common["date"],
        "h": {key: say(lang, key, address=common["address"]) for key in HEADINGS},
        "message": own.message if own.from_deal and not names_a_rival(own.message, deal) else "",
        **parts,
    })


RIVAL_WORDS = ("对手", "竞争", "competitor", "rival")


def names_a_rival(message: str, deal: Deal) -> bool:
    """The team's own level message is meant for the customer, but one that names a competitor
    (or speaks of competitors) is kept out of a document the customer keeps."""
    lowered = message.lower()
    return (any(c.name.lower() in lowered for c in deal.competitors)
            or any(word in lowered for word in RIVAL_WORDS))


def common_fields(analysis: Analysis) -> dict[str, str]:
    deal, lang = analysis.deal, analysis.deal.language
    spec = deal.value_proposition.specific
    offering = wording.unstopped(spec.offering)
    start = wording.start_date(lang, spec.start)
    return {
        "address": analysis.audience.address,
        "date": format_date(lang, deal.date),
        "start": start,
        "start_when": start if lang == "zh" else f"{'in' if isinstance(spec.start, str) else 'on'} {start}",
        "offering": offering,
        "offering_title": capitalized(wording.bare(lang, offering)),
        "investment": wording.money(lang, spec.investment.amount, spec.investment.currency),
    }


def person(deal: Deal, level: str) -> str | None:
    """Our person at an audience level: our_team's, else who of ours holds a link there (the analysis' rule)."""
    return team_member(deal, level)


def outcome_lines(deal: Deal) -> list[str]:
    """Each outcome as the value proposition words it: 网上交易容量提高25% / Raise … by 25%."""
    lang, spec = deal.language, deal.value_proposition.specific
    return [capitalized(wording.text(lang, wording.change_verb(o.metric, o.change_pct), metric=o.metric,
                                     pct=wording.percent(abs(o.change_pct))))
            for o in spec.outcomes]


# --- senior: a letter ------------------------------------------------------------------


def senior_parts(analysis: Analysis, common: dict[str, str]) -> dict[str, object]:
    deal, lang, value = analysis.deal, analysis.deal.language, analysis.value
    spec, leader = deal.value_proposition.specific, person(deal, "senior")
    months = value.payback_months
    money_line = (say(lang, "investment_line", investment=common["investment"]) if months is None else
                  say(lang, "payback_line", investment=common["investment"], months=wording.whole_months(months)))
    commitment = (say(lang, "commitment_person", us=deal.us.name, person=leader, address=common["address"]) if leader
                  else say(lang, "commitment_none", us=deal.us.name, address=common["address"]))
    improves = wording.unstopped(deal.value_proposition.overall.improves)
    return {
        "salutation": salutation(analysis),
        "paragraphs": [say(lang, "thanks", address=common["address"], us=deal.us.name, improves=improves),
                       analysis.value.overall],
        "outcomes_intro": ("" if lang == "zh" else " ").join((say(
            lang, "outcomes_when", offering=common["offering"], start=common["start"],
            outcomes=outcome_phrase(lang, spec.model_copy(update={"outcomes": spec.outcomes[:SENIOR_OUTCOMES]}))),
            money_line)),
        "commitment": commitment,
        "next_step": say(lang, "next_step", start=common["start"], start_when=common["start_when"]),
        "closing": [line for line in (say(lang, "closing"), say(lang, "regards")) if line],
        "signature": [line for line in (leader, deal.us.name, common["date"]) if line],
    }


def salutation(analysis: Analysis) -> str:
    """To the customer's top contact, else a deputy, else the leadership as a whole."""
    deal, lang = analysis.deal, analysis.deal.language
    for level in LEADERS:
        contacts = analysis.chain.levels[level].contacts
        if contacts:
            return say(lang, "salutation_person", name=contacts[0].name)
    return say(lang, "salutation_leaders", customer=deal.customer.name)


# --- middle: the business case ------------------------------------------------------------


def middle_parts(analysis: Analysis, common: dict[str, str]) -> dict[str, object]:
    deal, lang, value = analysis.deal, analysis.deal.language, analysis.value
    spec = deal.value_proposition.specific
    benefit = spec.monthly_benefit
    benefit_text = "" if benefit is None else wording.money(lang, benefit.amount, benefit.currency)
    months = value.payback_months
    summary = [
        say(lang, "summary_offer", start=common["start"], us=deal.us.name, address=common["address"],
            offering=common["offering"], outcomes=outcome_phrase(lang, spec)),
        say(lang, "summary_money", investment=common["investment"],
            benefit="" if benefit is None else say(lang, "summary_benefit", benefit=benefit_text),
            payback="" if months is None else say(lang, "summary_payback", months=wording.payback(months))),
    ]
    if spec.tracking is not None:
        summary.append(tracking_sentence(lang, spec.tracking))
    rows = [Figure(say(lang, "row_investment"), common["investment"])]
    if benefit is not None:
        rows.append(Figure(say(lang, "row_benefit"), benefit_text))
    if months is not None:
        rows.append(Figure(say(lang, "row_payback"), say(lang, "months", n=wording.payback(months))))
    rows.append(Figure(say(lang, "row_start"), common["start"]))
    curve = analysis.plan.payback_curve
    return {
        "paragraphs": summary,
        "outcome_rows": [Figure(capitalized(o.metric), f"{signed_percent(o.change_pct)}%") for o in spec.outcomes],
        "return_rows": rows,
        "charts": [] if curve is None else [payback_chart(lang, curve, common["investment"], benefit_text)],
        "budget": budget_lines(analysis, common),
        "milestones": [Figure(wording.start_date(lang, m.month), milestone_words(analysis, m.key, common["offering"]))
                       for m in analysis.plan.milestones],
    }


def payback_chart(lang: str, curve: PaybackCurve, investment: str, benefit: str) -> ChartSpec:
    """The investment (flat), the cumulative benefit (rising) and the point where they meet."""
    months = tuple(float(m) for m in curve.months)
    payback = wording.payback(curve.payback_months)
    series = (
        Series(say(lang, "series_investment"), tuple(curve.investment for _ in months), months),
        Series(say(lang, "series_benefit"), tuple(curve.cumulative_benefit), months),
        Series(say(lang, "series_payback", months=payback), (curve.investment,), (curve.payback_months,)),
    )
    currency = wording.CURRENCIES[lang].get(curve.currency.upper(), curve.currency)
    return ChartSpec("payback", say(lang, "chart_title"), (), series, x_title=say(lang, "chart_x"),
                     y_title=say(lang, "chart_y", currency=currency),
                     caption=say(lang, "chart_caption", months=payback, investment=investment, benefit=benefit))


def budget_lines(analysis: Analysis, common: dict[str, str]) -> list[str]:
    deal, lang = analysis.deal, analysis.deal.language
    manager, field = person(deal, "middle"), person(deal, "frontline")
    ours = [say(lang, "us_middle", person=manager) if manager else say(lang, "us_middle_none"),
            say(lang, "us_frontline", person=field) if field else say(lang, "us_frontline_none")]
    money = "budget_money" if deal.value_proposition.specific.monthly_benefit else "budget_money_only"
    return [say(lang, money, investment=common["investment"], start=common["start"], start_when=common["start_when"]),
            say(lang, "budget_customer", address=common["address"]),
            say(lang, "budget_us", people=say(lang, "people_sep").join(ours))]


# --- front-line: the implementation and service plan ---------------------------------------


def frontline_parts(analysis: Analysis, common: dict[str, str]) -> dict[str, object]:
    deal, lang = analysis.deal, analysis.deal.language
    spec, field, manager = deal.value_proposition.specific, person(deal, "frontline"), person(deal, "middle")
    who = field or say(lang, "field_person")
    address = common["address"]
    support = [say(lang, "support_person", person=field, address=address) if field
               else say(lang, "support_none")]
    if manager:
        support.append(say(lang, "support_manager", person=manager))
    measure = ([tracking_sentence(lang, spec.tracking), report_line(analysis, address)]
               if spec.tracking is not None else [say(lang, "measure_none", address=address)])
    roles = (("frontline", field), ("middle", manager), ("senior", person(deal, "senior")))
    return {
        "outcomes_intro": say(lang, "changes_intro", offering=common["offering"], start=common["start"]),
        "outcomes": outcome_lines(deal),
        "steps": [capitalized(say(lang, key, person=who, address=address))
                  for key in ("how_before", "how_during", "how_after")],
        "support": support,
        "measure": measure,
        "contacts": [Figure(say(lang, f"role_{role}"), name) for role, name in roles if name],
    }


def stated_cadence(analysis: Analysis) -> bool:
    """The deal says how often results are reported (its tracking_cadence or its tracking's words);
    the monthly default dates the first report but is not promised as a cadence."""
    return analysis.plan.cadence_from in ("deal", "tracking")


def every(lang: str, analysis: Analysis) -> str:
    """How often results are reported, as the proposal says it (每季度, every quarter; 定期 by default)."""
    return say(lang, f"every_{analysis.plan.report_cadence}" if stated_cadence(analysis) else "every_default")


def milestone_words(analysis: Analysis, key: str, offering: str) -> str:
    """A milestone's line; the first report says the cadence when the deal states one."""
    lang = analysis.deal.language
    if key == "first_report" and stated_cadence(analysis):
        return say(lang, "ms_first_report_every", every=every(lang, analysis))
    return say(lang, f"ms_{key}", offering=offering)


def report_line(analysis: Analysis, address: str) -> str:
    """When the reports go to the customer: at the plan's cadence; a cadence longer than the quarterly
    review is not said to be checked at each review."""
    lang, cadence = analysis.deal.language, analysis.plan.report_cadence
    key = "measure_report_long" if cadence in ("half-yearly", "yearly") else "measure_report"
    return say(lang, key, address=address, every=every(lang, analysis))
