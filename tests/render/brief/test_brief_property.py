"""Any valid deal gives three briefs whose who's-who holds exactly that level's contacts, and the fast
path gives the bytes docxtpl gives."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from pipeline.analysis.analyze import analyze
from pipeline.load.deal import load_deal
from pipeline.load.model import AUDIENCE_OF_LEVEL, AUDIENCES
from pipeline.render.brief.briefs import render_briefs
from pipeline.render.brief.format import reflow
from pipeline.render.brief.words import HEADINGS
from tests.render.brief.test_brief_helpers import body_lines, docxtpl_briefs, open_docx
from tests.deals import valid_deals


def fuzzed_deal(text: str):
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "fuzzed.yaml"
        path.write_text(text, encoding="utf-8")
        return load_deal(path)[0]


def whos_who(blob: bytes, first_heading: str) -> list[str] | None:
    for table in open_docx(blob).tables:
        if table.rows[0].cells[0].text == first_heading:
            return [row.cells[0].text for row in table.rows[1:]]
    return None


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=valid_deals())
def test_any_valid_deal_gives_three_level_briefs(text):
    deal = fuzzed_deal(text)
    analysis = analyze(deal)
    briefs = render_briefs(analysis)
    assert list(briefs) == list(AUDIENCES)
    words = HEADINGS[deal.language]
    for level, blob in briefs.items():
        lines = body_lines(blob)
        assert not [line for line in lines if "{{" in line or "{%" in line]
        assert set(analysis.audience.concerns[level]) <= set(lines)
        names = whos_who(blob, words["name"])
        expected = sorted(reflow(c.name, deal.language) for c in deal.chain.customer
                          if AUDIENCE_OF_LEVEL[c.level] == level)
        if expected:
            assert sorted(names) == expected
        else:
            assert names is None and words["no_contacts"] in lines


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=valid_deals())
def test_any_valid_deal_gets_docxtpls_bytes_from_the_fast_path(text):
    analysis = analyze(fuzzed_deal(text))
    assert render_briefs(analysis) == docxtpl_briefs(analysis)
