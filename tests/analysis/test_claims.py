"""Every claim the analysis makes, checked against the deal's own numbers by an independent checker.

The checker below recomputes from the deal (scores, weights, names), never from the
analysis' standings, so a wrong rule in `pipeline.analysis.claims` or `pipeline.analysis.standings` fails here.
Deals are drawn over the whole range: 2-6 companies, ties, one-item dimensions, missing
3-year figures, price and non-price factors (by `kind: price` or by name), both languages.
"""

from __future__ import annotations

from fractions import Fraction

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.analysis.analyze import analyze
from pipeline.load.model import DIMENSIONS, Deal
from tests.deals import deal_data

# Names that are no substring of one another, so a name found in a sentence is that item.
KBF_NAMES = ["安全性", "价格", "总体拥有成本", "服务响应", "Reliability", "Tariff level", "Support hours",
             "Fee schedule", "示范效应"]
BUSINESS_NAMES = ["全程全网", "应急响应", "Managed SD-WAN", "Bundling desk", "Migration"]
RELATIONSHIP_NAMES = ["客户经理的影响力", "交易历史及口碑", "Executive access", "长期合作潜力"]
NAMES = {"key_buying_factors": KBF_NAMES, "business_capabilities": BUSINESS_NAMES,
         "relationship_capabilities": RELATIONSHIP_NAMES}
PRICE_WORDS = ("价格", "资费", "费用", "成本", "报价", "折扣", "tco", "price", "cost", "tariff", "fee", "discount")
# repeats make ties common; 74.99 / 75.01 against 80 and 70 put margins at 4.99, 5 and 5.01
SCORES = st.sampled_from([40, 55, 60, 60, 70, 74.99, 75, 75.01, 80, 85, 90, 90, 95])
IDS = ["us", "A", "B", "C", "D", "E"]


@st.composite
def deals(draw) -> Deal:
    ids = IDS[:draw(st.integers(2, 6))]
    rivals = ids[1:]
    data = deal_data(language=draw(st.sampled_from(["zh", "en"])),
                     competitors=[{"id": r, "name": f"Rival {r}"} for r in rivals])
    for dimension in DIMENSIONS:
        names = draw(st.lists(st.sampled_from(NAMES[dimension]), min_size=1, max_size=4, unique=True))
        items = []
        for name in names:
            item = {"name": name, "weight": draw(st.sampled_from([1, 2, 3, 3, 5])),
                    "scores": {cid: draw(SCORES) for cid in ids}}
            kind = draw(st.sampled_from([None, None, "price", "other"]))
            if dimension == "key_buying_factors" and kind:
                item["kind"] = kind
            projected = draw(st.lists(st.sampled_from(ids), unique=True, max_size=len(ids)))
            if projected:  # some companies only: the others keep today's score
                item["in_3_years"] = {cid: draw(SCORES) for cid in projected}
            items.append(item)
        data[dimension] = items
    return Deal.model_validate(data)


# --- the independent checker: from the deal's numbers only ------------------------------


def item_of(deal: Deal, dimension: str, name: str):
    matches = [i for i in deal.dimension(dimension) if i.name == name]
    assert len(matches) == 1, (dimension, name)
    return matches[0]


def q(value) -> Fraction:
    """A figure of the deal as the decimal it was written as."""
    return Fraction(str(value))


def index_of(deal: Deal, dimension: str, company: str) -> Fraction:
    """The exact index: Σ weight × score ÷ Σ weight in fractions, never rounded."""
    items = deal.dimension(dimension)
    return sum(q(i.weight) * q(i.scores[company]) for i in items) / sum(q(i.weight) for i in items)


def best_rival(deal: Deal, values: dict[str, float]) -> str:
    top = max(values[c.id] for c in deal.competitors)
    return next(c.id for c in deal.competitors if values[c.id] == top)


def price_kind(item) -> bool:
    if item.kind is not None:
        return item.kind == "price"
    return any(word in item.name.lower() for word in PRICE_WORDS)


def check(deal: Deal, claim) -> None:
    """One claim against the deal: the rule of its kind holds, and its figures are the deal's."""
    us, rivals = deal.us.id, [c.id for c in deal.competitors]
    if claim.kind == "exclusive":
        margins = {(d, r): index_of(deal, d, us) - index_of(deal, d, r) for d in DIMENSIONS for r in rivals}
        assert all(m >= 5 for m in margins.values()), margins
        assert claim.margin == float(min(margins.values())) == float(margins[(claim.dimension, claim.company)])
        return
    if claim.kind == "dimension_lead":
        values = {c.id: index_of(deal, claim.dimension, c.id) for c in deal.companies}
        assert values[us] - max(values[r] for r in rivals) >= 5, values  # the method's 5 points
        assert claim.company == best_rival(deal, values)
        assert (claim.ours, claim.theirs) == (float(values[us]), float(values[claim.company]))
        return
    item = item_of(deal, claim.dimension, claim.item)
    scores = item.scores
    best = best_rival(deal, scores)
    theirs = scores[claim.company or best]
    assert (claim.ours, claim.theirs, claim.weight) == (scores[us], theirs, item.weight)
    assert claim.margin == float(q(scores[us]) - q(theirs))
    lead = {r: q(scores[us]) - q(scores[r]) for r in rivals}  # exact item margins
    if claim.kind in ("strength", "lever"):
        assert min(lead.values()) >= 5, (claim, scores)  # 5 points ahead of every rival, or no strength
        assert claim.company == best
        if claim.kind == "lever":
            assert claim.dimension == "business_capabilities"
    elif claim.kind == "lead":
        if claim.company is None:
            assert min(lead.values()) >= 5, (claim, scores)
        else:
            assert lead[claim.company] >= 5, (claim, scores)
    elif claim.kind == "trail":
        assert lead[claim.company] <= -5 and claim.company == best, (claim, scores)
    elif claim.kind == "concession":
        assert claim.dimension == "key_buying_factors" and price_kind(item), claim
        assert lead[best] <= -5 and claim.company == best, (claim, scores)
    elif claim.kind == "cares_most":
        weights = [i.weight for i in deal.key_buying_factors]
        assert claim.dimension == "key_buying_factors"
        assert item.weight == max(weights) and weights.count(item.weight) == 1, (claim, weights)
    else:
        raise AssertionError(f"unknown claim kind {claim.kind}")


def expected_concession(deal: Deal):
    """The price-kind factor a rival leads us on by 5 or more with the largest weighted gap (ties:
    the first in the file)."""
    us = deal.us.id
    gap = {n: max(q(i.scores[c.id]) for c in deal.competitors) - q(i.scores[us]) for n, i in enumerate(deal.key_buying_factors)}
    trailing = [(q(i.weight) * gap[n], n, i) for n, i in enumerate(deal.key_buying_factors)
                if price_kind(i) and gap[n] >= 5]
    if not trailing:
        return None
    return max(trailing, key=lambda t: (t[0], -t[1]))[2]


def named_items(deal: Deal, sentence: str) -> set[str]:
    return {i.name for d in DIMENSIONS for i in deal.dimension(d) if i.name in sentence}


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(deals())
def test_no_claim_contradicts_the_scores(deal):
    analysis = analyze(deal)
    for claim in analysis.claims:
        check(deal, claim)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(deals())
def test_the_statement_and_the_playbook_say_only_what_the_claims_allow(deal):
    analysis = analyze(deal)
    zh = deal.language == "zh"
    statement = analysis.overview.statement
    claimed = {c.item for c in analysis.claims if c.use.startswith("statement.") and c.item}
    # every item the statement names is one of its claims' items (and so passed the checker)
    assert named_items(deal, statement) <= claimed, statement
    # the concession: exactly the price-kind factor we trail by the largest weighted gap, or none
    concession = expected_concession(deal)
    conceded = [c.item for c in analysis.claims if c.kind == "concession"]
    assert conceded == ([concession.name] if concession else [])
    fired = {t.rule: t for t in analysis.tactics}
    assert ("concede-on-price" in fired) == (concession is not None)
    if concession is not None:
        assert concession.name in fired["concede-on-price"].recommendation
    # 最关心 / "cares about most" only for the single heaviest factor
    weights = [i.weight for i in deal.key_buying_factors]
    heaviest = [i.name for i in deal.key_buying_factors if i.weight == max(weights)]
    most = "最关心" if zh else "cares about most"
    says_most = most in statement or any(most in t.recommendation for t in analysis.tactics)
    assert says_most == (concession is not None and heaviest == [concession.name])
    # one exclusive rule: the statement's ending and the playbook's rule agree with the numbers
    us = deal.us.id
    exclusive = all(index_of(deal, d, us) - index_of(deal, d, r.id) >= 5
                    for d in DIMENSIONS for r in deal.competitors)
    assert (("排他性" if zh else "exclusive") in statement) == exclusive
    assert ("exclusive-agreement" in fired) == exclusive
    # reframe: the factor it brings out is one we lead every rival on by 5 or more
    if "reframe-buying-factors" in fired:
        named = named_items(deal, fired["reframe-buying-factors"].recommendation)
        for name in named:
            item = item_of(deal, "key_buying_factors", name)
            assert q(item.scores[us]) - max(q(item.scores[c.id]) for c in deal.competitors) >= 5


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(deals())
def test_standings_follow_one_tie_rule_today_and_in_three_years(deal):
    analysis = analyze(deal)
    us = deal.us.id
    for dimension in DIMENSIONS:
        for item, standing in zip(deal.dimension(dimension), analysis.standings.items[dimension], strict=True):
            later = {c.id: (item.in_3_years or {}).get(c.id, item.scores[c.id]) for c in deal.companies}
            for values, figures in ((item.scores, standing.now), (later, standing.in_3_years)):
                if figures is None:
                    assert not item.in_3_years
                    continue
                top = max(q(values[c.id]) for c in deal.competitors)
                lead = "us" if q(values[us]) > top else "rival" if q(values[us]) < top else "tie"
                position = "advantage" if q(values[us]) - top >= 5 else "disadvantage" if q(values[us]) - top <= -5 \
                    else "parity"
                assert figures.lead == lead and figures.margin == float(q(values[us]) - top)
                assert figures.position == position
                assert figures.best_rival == best_rival(deal, values)
                assert figures.margins == {c.id: float(q(values[us]) - q(values[c.id])) for c in deal.competitors}
            assert standing.price == (dimension == "key_buying_factors" and price_kind(item))
