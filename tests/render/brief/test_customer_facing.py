"""What a brief marks as said to the customer quotes none of our own figures (issue 13, point 3).

The customer-facing sections are found through the Word template's structure: the part of
the body under each `{{ h.<key> }}` heading, for the keys `context.SAID_TO_CUSTOMER`
names, and the context fields its tags read. Over generated deals (tests.analysis.test_claims'
strategy) whose value-proposition figures lie outside the scores' range, no number of the
scores' range, no N/5 strength and no word of scoring may appear there; and every objection
of a brief has an answer of its own.
"""

from __future__ import annotations

import re
import zipfile

from hypothesis import HealthCheck, given, settings
from lxml import etree

from pipeline.analysis.analyze import analyze
from pipeline.load.model import AUDIENCES
from pipeline.render.brief.context import SAID_TO_CUSTOMER, brief_context
from tests.analysis.test_claims import deals
from tests.paths import ROOT

TEMPLATE = ROOT / "templates" / "brief" / "brief.docx"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HEADING = re.compile(r"^\{\{\s*h\.(\w+)\s*\}\}$")
LOOP = re.compile(r"\{%\w*\s+for\s+(\w+)\s+in\s+(\w+)")
VALUE = re.compile(r"\{\{\s*(\w+)")
# Scores and indexes are drawn from 40-95; the deal's value figures (25 %, -15 %, 100万美元,
# 5.9 months, 2026) lie outside 35-99.9, so such a number in a customer-facing text is ours.
NUMBER = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])")
SCORING = re.compile(r"\d\s*/\s*5|\d+分|领先\d|指数|关系强度|\d\s*points?\b|\b(index|strength|scores?)\s*(of\s*)?\d")


def sections() -> dict[str, set[str]]:
    """The context fields each Heading 1 section of the template reads, by the heading's key."""
    root = etree.fromstring(zipfile.ZipFile(TEMPLATE).read("word/document.xml"))
    found: dict[str, set[str]] = {}
    current, loops = None, {}
    for paragraph in root.iter(f"{W}p"):
        style = paragraph.find(f"{W}pPr/{W}pStyle")
        text = "".join(t.text or "" for t in paragraph.iter(f"{W}t")).strip()
        heading = HEADING.match(text)
        if style is not None and style.get(f"{W}val") == "Heading1" and heading:
            current = heading.group(1)
            found[current] = set()
            continue
        if current is None:
            continue
        for var, iterable in LOOP.findall(text):
            loops[var] = iterable
            found[current].add(iterable)
        found[current] |= {loops.get(name, name) for name in VALUE.findall(text) if name != "h"}
    return found


def words(value) -> list[str]:
    """Every string a context value holds (lists and row objects included)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)):
        return [w for v in value for w in words(v)]
    if hasattr(value, "__dataclass_fields__"):
        return [w for name in value.__dataclass_fields__ for w in words(getattr(value, name))]
    return []


def test_the_template_has_the_customer_facing_sections():
    found = sections()
    assert set(SAID_TO_CUSTOMER) <= set(found)
    assert found["talking"] == {"talking_points"} and found["objections"] == {"objections"}
    assert "value_message" in found["value"] and "sentences" in found["competition"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(deals())
def test_what_is_said_to_the_customer_quotes_none_of_our_figures(deal):
    analysis, fields = analyze(deal), sections()
    for level in AUDIENCES:
        context = brief_context(analysis, level)
        said = [w for key in SAID_TO_CUSTOMER for name in fields[key] for w in words(getattr(context, name))]
        for text in said:
            ours = [n for n in NUMBER.findall(text) if 35 <= float(n) < 100]
            assert ours == [], (level, text)
            assert not SCORING.search(text), (level, text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(deals())
def test_no_two_objections_of_a_brief_share_an_answer(deal):
    analysis = analyze(deal)
    for level in AUDIENCES:
        answers = [o.answer for o in brief_context(analysis, level).objections]
        assert len(answers) == len(set(answers)), (level, answers)
