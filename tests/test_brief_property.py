"""Any valid deal gives three briefs whose who's-who holds exactly that level's contacts."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from pipeline.analyze import analyze
from pipeline.labels import CONCERNS
from pipeline.load import load_deal
from pipeline.model import AUDIENCE_OF_LEVEL, AUDIENCES
from pipeline.render.brief import render_briefs
from pipeline.render.brief_format import reflow
from pipeline.render.brief_words import HEADINGS
from tests.strategies import valid_deals
from tests.test_brief_helpers import body_lines, open_docx


def whos_who(blob: bytes, first_heading: str) -> list[str] | None:
    for table in open_docx(blob).tables:
        if table.rows[0].cells[0].text == first_heading:
            return [row.cells[0].text for row in table.rows[1:]]
    return None


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=valid_deals())
def test_any_valid_deal_gives_three_level_briefs(text):
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "fuzzed.yaml"
        path.write_text(text, encoding="utf-8")
        deal = load_deal(path)[0]
    briefs = render_briefs(analyze(deal))
    assert list(briefs) == list(AUDIENCES)
    words = HEADINGS[deal.language]
    for level, blob in briefs.items():
        lines = body_lines(blob)
        assert not [line for line in lines if "{{" in line or "{%" in line]
        assert set(CONCERNS[deal.language][level]) <= set(lines)
        names = whos_who(blob, words["name"])
        expected = sorted(reflow(c.name, deal.language) for c in deal.chain.customer
                          if AUDIENCE_OF_LEVEL[c.level] == level)
        if expected:
            assert sorted(names) == expected
        else:
            assert names is None and words["no_contacts"] in lines
