"""The figures and the competitive picture each level needs, at that level's depth.

Senior: outcomes and our position against the field, the positioning statement and
map. Middle: budget, payback and resources, the index and item tables, the radar.
Front-line: outcomes, the work and its tracking, the service facts that beat each rival.
"""

from __future__ import annotations

from pipeline.analysis.claims import of
from pipeline.analysis.results import Analysis
from pipeline.load.model import DIMENSIONS, Deal
from pipeline.render import chart_choice
from pipeline.render.brief.format import (
    capitalized,
    format_start,
    index,
    joined,
    margin,
    money,
    months,
    score,
    signed_percent,
)
from pipeline.render.brief.people import our_person, team_line
from pipeline.render.brief.rows import (
    ChartSpec,
    Figure,
    IndexRow,
    ItemRow,
    Series,
    WinRow,
)
from pipeline.render.brief.words import word
from pipeline.words.labels import label

SERVICE_DIMENSIONS = ("key_buying_factors", "business_capabilities")


def outcome_figures(deal: Deal) -> list[Figure]:
    """Each measurable outcome of the SMART statement, as a signed percentage."""
    return [Figure(capitalized(o.metric), f"{signed_percent(o.change_pct)}%") for o in deal.value_proposition.specific.outcomes]


def senior_figures(analysis: Analysis) -> list[Figure]:
    """The customer's figures only: our standing and the chain are for our team (the competition section)."""
    deal, lang = analysis.deal, analysis.deal.language
    return [
        *outcome_figures(deal),
        Figure(word(lang, "fig_start"), format_start(lang, deal.value_proposition.specific.start)),
    ]


def internal_figures(analysis: Analysis) -> list[str]:
    """Our strongest and weakest dimension against the best rival, and the chain: for our team."""
    overview, lang = analysis.overview, analysis.deal.language
    mending = len(analysis.chain.weak_links)
    chain = word(lang, "chain_intact") if analysis.chain.intact and not mending else word(lang, "chain_broken", n=mending)
    return [
        word(lang, "internal_figure", label=word(lang, "fig_strongest"),
             value=f"{label(lang, overview.strongest)} {margin(overview.margins[overview.strongest])}"),
        word(lang, "internal_figure", label=word(lang, "fig_weakest"),
             value=f"{label(lang, overview.weakest)} {margin(overview.margins[overview.weakest])}"),
        word(lang, "internal_figure", label=word(lang, "fig_chain"), value=chain),
    ]


def middle_figures(analysis: Analysis) -> list[Figure]:
    deal, lang = analysis.deal, analysis.deal.language
    specific = deal.value_proposition.specific
    rows = [Figure(word(lang, "fig_investment"), money(specific.investment, lang))]
    if specific.monthly_benefit:
        rows.append(Figure(word(lang, "fig_benefit"), money(specific.monthly_benefit, lang)))
    rows += payback_figures(analysis)
    rows += [
        Figure(word(lang, "fig_start"), format_start(lang, specific.start)),
        Figure(word(lang, "fig_offering"), specific.offering),
        Figure(word(lang, "fig_team"), team_line(analysis)),
    ]
    return rows


def payback_figures(analysis: Analysis) -> list[Figure]:
    """The payback the analysis settled on, and the team's own figure when it reads otherwise."""
    value, lang = analysis.value, analysis.deal.language
    rows = []
    if value.payback_months is not None:
        rows.append(Figure(word(lang, "fig_payback"), months(lang, value.payback_months)))
    stated = value.payback_stated
    if stated is not None and value.payback_months is not None and months(lang, stated) != months(lang, value.payback_months):
        rows.append(Figure(word(lang, "fig_payback_stated"), months(lang, stated)))
    return rows


def frontline_figures(analysis: Analysis) -> list[Figure]:
    deal, lang = analysis.deal, analysis.deal.language
    specific = deal.value_proposition.specific
    rows = outcome_figures(deal)
    rows.append(Figure(word(lang, "fig_effort"),
                       word(lang, "effort_line", start=format_start(lang, specific.start), offering=specific.offering)))
    if specific.tracking:
        rows.append(Figure(word(lang, "fig_tracking"), specific.tracking))
    rows.append(Figure(word(lang, "fig_contact"), our_person(analysis, "frontline") or word(lang, "unassigned")))
    return rows




# --- the competitive picture at each level's depth ----------------------------


def _competition(intro: str, sentences=(), index_rows=(), item_rows=(), win_rows=(),
                 charts=()) -> dict[str, object]:
    return {
        "competition_intro": intro, "sentences": list(sentences), "index_rows": list(index_rows),
        "item_rows": list(item_rows), "win_rows": list(win_rows), "charts": list(charts),
    }


def senior_competition(analysis: Analysis) -> dict[str, object]:
    sentences = [analysis.positioning[c.id].sentence for c in analysis.deal.competitors]
    sentences += internal_figures(analysis) + [analysis.robustness.sentence] + tactic_lines(analysis)
    return _competition(analysis.overview.statement, sentences=sentences,
                        charts=[positioning_map(analysis), relationship_radar(analysis)])


def middle_competition(analysis: Analysis) -> dict[str, object]:
    lang = analysis.deal.language
    return _competition(word(lang, "intro_middle"), sentences=tactic_lines(analysis), index_rows=index_rows(analysis),
                        item_rows=item_rows(analysis.deal), charts=[relationship_radar(analysis)])


def tactic_lines(analysis: Analysis) -> list[str]:
    """The playbook's first two tactics: advice for our team, never said to the customer."""
    lang = analysis.deal.language
    return [word(lang, "tactic_line", title=t.title, recommendation=t.recommendation) for t in analysis.tactics[:2]]


def frontline_competition(analysis: Analysis) -> dict[str, object]:
    return _competition(word(analysis.deal.language, "intro_frontline"), win_rows=win_rows(analysis))




def index_rows(analysis: Analysis) -> list[IndexRow]:
    scores = analysis.scores
    shorts = analysis.deal.short_names()
    return [IndexRow(company=shorts[c.id], **{key: index(scores[dim][c.id].index) for key, dim in
                                        zip(("kbf", "bc", "rc"), DIMENSIONS)})
            for c in analysis.deal.companies]


def item_rows(deal: Deal) -> list[ItemRow]:
    lang, us, shorts = deal.language, deal.us.id, deal.short_names()
    return [ItemRow(dimension=label(lang, dim), item=item.name, weight=score(item.weight),
                    us=score(item.scores[us]),
                    others=joined(lang, [f"{shorts[c.id]} {score(item.scores[c.id])}" for c in deal.competitors]))
            for dim in SERVICE_DIMENSIONS for item in deal.dimension(dim)]


def service_wins(analysis: Analysis, competitor_id: str) -> list[str]:
    """The key-buying-factor and capability items where we lead this competitor (its lead claims)."""
    lang = analysis.deal.language
    return [word(lang, "score_pair", item=c.item, us=score(c.ours), them=score(c.theirs))
            for c in of(analysis.claims, "brief.wins", "lead")
            if c.company == competitor_id and c.dimension in SERVICE_DIMENSIONS]


def win_rows(analysis: Analysis) -> list[WinRow]:
    deal = analysis.deal
    sep = word(deal.language, "fact_sep")
    shorts = deal.short_names()
    return [WinRow(shorts[c.id], sep.join(service_wins(analysis, c.id)) or word(deal.language, "none"))
            for c in deal.competitors]


def positioning_map(analysis: Analysis) -> ChartSpec:
    """A point per company at its business and key-buying-factor indices; ours last, on top."""
    lang, scores, shorts = analysis.deal.language, analysis.scores, analysis.deal.short_names()
    series = tuple(Series(shorts[c], (scores["business_capabilities"][c].index,
                                              scores["key_buying_factors"][c].index), colour=n)
                   for n, c in chart_choice.map_order(analysis))
    return ChartSpec("map", word(lang, "map_title"), (), series, x_title=word(lang, "axis_x"),
                     y_title=word(lang, "axis_y"), caption=word(lang, "caption_map"), companies=len(series))


def relationship_radar(analysis: Analysis) -> ChartSpec:
    """The deck's radar (chart_choice.radar): the strongest rival now and in 3 years (when it projects),
    us now and our target (when set); the caption names what the deal does not give."""
    deal, lang = analysis.deal, analysis.deal.language
    picture = chart_choice.radar(analysis)
    series = tuple(Series(_line_name(lang, deal, line), line.values, colour=line.position, later=line.later)
                   for line in picture.lines)
    caption = word(lang, f"caption_radar_{picture.later}", shape=word(lang, f"shape_{picture.kind}"),
                   rival=deal.short_names()[picture.rival])
    return ChartSpec("radar" if picture.kind == "radar" else "bars", word(lang, "radar_title"),
                     tuple(i.name for i in deal.relationship_capabilities), series, caption=caption,
                     companies=len(series))


def _line_name(lang: str, deal: Deal, line: chart_choice.Line) -> str:
    if line.is_us:
        return label(lang, "our_target" if line.later else "us_now")
    name = deal.short_names()[line.company]
    return word(lang, "series_later", company=name, later=label(lang, "in_3_years")) if line.later else name
