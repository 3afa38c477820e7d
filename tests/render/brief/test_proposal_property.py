"""Nothing internal reaches a proposal, on every deal: no competitor, score, index, margin, weight,
relationship strength, tactic or trainer text, in Chinese and in English.

Generated deals get competitors with names found nowhere else, and items named with
common words (价格, service, time ...), so that an item's name in a proposal proves
nothing: what would prove a leak is a competitor's name, a word of the method's
internal vocabulary, or a number that is not one of the customer-facing figures.
The customer-facing text the deal itself supplies (names, offering, outcomes,
tracking, the team's own level messages) is taken out before looking.
"""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from pipeline.analysis.analyze import analyze
from pipeline.analysis.results import Analysis
from pipeline.load.deal import load_deal
from pipeline.load.model import AUDIENCES, DIMENSIONS, Deal
from pipeline.render.brief.proposals import render_proposals
from pipeline.words import wording
from tests.conftest import EXAMPLES
from tests.deals import valid_deal_data

COMMON_WORDS = {"zh": ("价格", "服务", "安全性", "网络", "效率", "成本", "时间", "质量", "方案"),
                "en": ("price", "service", "security", "network", "time", "cost", "quality", "plan", "support")}
FORBIDDEN = {
    "zh": ("对手", "竞争", "得分", "分数", "指数", "权重", "优势", "劣势", "关系强度", "战术", "内部", "机密", "简报",
           "链条", "谈话要点", "异议", "一把手"),
    "en": ("competitor", "rival", "score", "index", "weight", "margin", "advantage", "strength", "tactic",
           "playbook", "internal", "confidential", "brief", "talking point", "objection", "trainer"),
}
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
W_T = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"
LINE_BREAK = re.compile(r"[ \t]*\n\s*")


def marker(index: int) -> str:
    return f"Kqzv{index}Xw"


@st.composite
def sanitised_deals(draw) -> Deal:
    """A generated deal in a chosen language, competitors named by markers, items by common words."""
    data = draw(valid_deal_data())
    language = draw(st.sampled_from(["zh", "en"]))
    data["language"] = language
    for index, competitor in enumerate(data["competitors"]):
        competitor["name"] = marker(index)
    words = list(COMMON_WORDS[language])
    for dimension in DIMENSIONS:
        for index, item in enumerate(data[dimension]):
            item["name"] = words[(index + 3 * DIMENSIONS.index(dimension)) % len(words)]
    return Deal.model_validate(data)


def all_text(blob: bytes) -> str:
    """Every text node of every XML part: body, header, footer, charts, core properties."""
    texts = []
    with zipfile.ZipFile(io.BytesIO(blob)) as package:
        for member in package.namelist():
            if member.endswith(".xml"):
                texts.extend(etree.fromstring(package.read(member)).itertext())
    return "\n".join(texts)


def document_text(blob: bytes) -> str:
    """What a reader reads: the text runs of the body, header and footer."""
    texts = []
    with zipfile.ZipFile(io.BytesIO(blob)) as package:
        for member in package.namelist():
            if re.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", member):
                texts.extend(t.text or "" for t in etree.fromstring(package.read(member)).iter(W_T))
    return "\n".join(texts)


def supplied_texts(deal: Deal) -> list[str]:
    """The deal's own customer-facing words, in every form a proposal may print them."""
    vp, spec, team = deal.value_proposition, deal.value_proposition.specific, deal.chain.our_team
    texts = [deal.title, deal.customer.name, deal.us.name, spec.offering, spec.tracking or "",
             spec.investment.currency, *(o.metric for o in spec.outcomes),
             vp.overall.expertise, vp.overall.capability, vp.overall.improves,
             *(getattr(vp.levels, level) or "" for level in AUDIENCES if vp.levels),
             *(getattr(team, level) or "" for level in AUDIENCES),
             *(c.our_contact or "" for c in deal.chain.customer),  # our people the chain names (#23)
             *(c.name for c in deal.chain.customer if c.level in ("top", "deputy"))]
    if spec.monthly_benefit:
        texts.append(spec.monthly_benefit.currency)
    forms = set()
    for text in filter(None, texts):
        for flat in (text, LINE_BREAK.sub("", text.strip()), LINE_BREAK.sub(" ", text.strip())):
            unstopped = wording.unstopped(flat)
            forms.update({flat, unstopped, wording.bare(deal.language, unstopped), wording.unwrap(flat)})
    return sorted(filter(None, forms), key=len, reverse=True)


def without_supplied(text: str, deal: Deal) -> str:
    for supplied in supplied_texts(deal):
        text = re.sub(re.escape(supplied), " ", text, flags=re.IGNORECASE)
    return text


def allowed_numbers(analysis: Analysis) -> set[str]:
    """The numbers a proposal may show besides those in the deal's own words: money, outcome
    changes, payback, dates, milestones, and the page number (1)."""
    deal, lang = analysis.deal, analysis.deal.language
    spec = deal.value_proposition.specific
    shown = [wording.money(lang, spec.investment.amount, spec.investment.currency),
             wording.start_date(lang, spec.start), wording.start_date(lang, deal.date),
             *(wording.number(abs(o.change_pct)) for o in spec.outcomes),
             *(wording.start_date(lang, m.month) for m in analysis.plan.milestones)]
    if spec.monthly_benefit:
        shown.append(wording.money(lang, spec.monthly_benefit.amount, spec.monthly_benefit.currency))
    if analysis.value.payback_months is not None:
        shown += [wording.payback(analysis.value.payback_months), str(wording.whole_months(analysis.value.payback_months))]
    return {"1"} | {n.replace(",", "") for text in shown for n in NUMBER.findall(text)}


def internal_sentences(analysis: Analysis) -> list[str]:
    """Sentences of the analysis that are for our team only."""
    sentences = [p.sentence for p in analysis.positioning.values()] + [analysis.overview.statement]
    sentences += [t.title for t in analysis.tactics] + [t.recommendation for t in analysis.tactics]
    sentences += [w.action for w in analysis.chain.weak_links]
    return [s for s in sentences if len(s) >= 8]


def assert_nothing_internal(analysis: Analysis) -> None:
    deal = analysis.deal
    for level, blob in render_proposals(analysis).items():
        everything = all_text(blob)
        for competitor in deal.competitors:
            assert competitor.name.lower() not in everything.lower(), f"{level}: {competitor.name}"
        supplied = supplied_texts(deal)
        for sentence in internal_sentences(analysis):
            if not any(sentence in text for text in supplied):  # not the deal's own words given twice
                assert sentence not in everything, f"{level}: internal sentence {sentence!r}"
        ours = without_supplied(everything, deal).lower()
        for word in FORBIDDEN[deal.language]:
            assert word not in ours, f"{level}: internal word {word!r}"
        numbers = {n.replace(",", "") for n in NUMBER.findall(document_text(blob))}
        allowed = allowed_numbers(analysis) | {n.replace(",", "") for text in supplied_texts(deal)
                                               for n in NUMBER.findall(text)}
        assert numbers <= allowed, f"{level}: numbers not customer-facing: {numbers - allowed}"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sanitised_deals())
def test_no_proposal_says_anything_internal(deal):
    assert_nothing_internal(analyze(deal))


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_no_example_proposal_says_anything_internal(path):
    assert_nothing_internal(analyze(load_deal(path)[0]))


@pytest.mark.parametrize("language", ["zh", "en"])
def test_items_named_with_common_words_leave_no_score_behind(language):
    """Items called 价格 / price, 服务 / service ...: their names may appear in ordinary words, their
    scores and weights (all distinct, none a customer-facing figure) never do."""
    import yaml

    from tests.deals import MINIMAL_DEAL

    data = yaml.safe_load(MINIMAL_DEAL)
    data["language"] = language
    data["value_proposition"]["specific"]["tracking"] = "按月核对账单" if language == "zh" else "monthly bills"
    words = COMMON_WORDS[language]
    for number, dimension in enumerate(DIMENSIONS):
        item = data[dimension][0]
        item["name"], item["weight"] = words[number], 7 + number
        item["scores"] = {"us": 71 + number, "A": 53 + number, "B": 47 + number}
    data["competitors"] = [{"id": "A", "name": marker(0)}, {"id": "B", "name": marker(1)}]
    analysis = analyze(Deal.model_validate(data))
    assert_nothing_internal(analysis)
    for blob in render_proposals(analysis).values():
        text = document_text(blob)
        for number in ("71", "72", "73", "53", "54", "55", "47", "48", "49"):
            assert number not in text


def test_a_team_message_that_names_a_competitor_stays_out():
    from tests.render.brief.test_brief_helpers import example

    analysis = example("northbank-branch-network")
    deal = analysis.deal
    levels = deal.value_proposition.levels.model_copy(update={"senior": "Unlike Meridian Networks, we never fail."})
    vp = deal.value_proposition.model_copy(update={"levels": levels})
    analysis = analyze(deal.model_copy(update={"value_proposition": vp}))
    senior = all_text(render_proposals(analysis)["senior"])
    assert "Meridian" not in senior and "never fail" not in senior
    middle = all_text(render_proposals(analysis)["middle"])
    assert "Move 140 branches onto one managed network" in middle  # the team's own middle message stays
