"""Random valid deals always build, and every document they give opens."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pptx import Presentation

from pipeline.build import Options, build_deal
from tests.conftest import EXAMPLES
from tests.load.test_fuzz_load import MUTATIONS
from tests.deals import valid_deals


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=valid_deals())
def test_a_random_valid_deal_builds_and_its_documents_open(text):
    with tempfile.TemporaryDirectory() as scratch:
        deal = Path(scratch) / "fuzzed.yaml"
        deal.write_text(text, encoding="utf-8")
        outcome = build_deal(str(deal), Options(out_dir=Path(scratch) / "out"), "fuzz")
        assert outcome.status == "built", outcome.errors
        folder = Path(scratch) / "out" / outcome.deal_id
        analysis = json.loads((folder / "analysis.json").read_text(encoding="utf-8"))
        deck = Presentation(str(folder / "training-deck.pptx"))
        assert len(deck.slides) >= 16
        assert all(slide.has_notes_slide for slide in deck.slides)
        for level in ("senior", "middle", "frontline"):
            brief = Document(str(folder / f"brief-{level}.docx"))
            body = "\n".join(p.text for p in brief.paragraphs)
            assert analysis["value"]["levels"][level]["message"].split("\n")[0][:12] in body + "".join(
                c.text for t in brief.tables for r in t.rows for c in r.cells)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_mangled_example_builds_or_fails_cleanly(data):
    """Mutations of the shipped examples: documents, or input errors; never an internal error."""
    example = data.draw(st.sampled_from(EXAMPLES))
    lines = example.read_text(encoding="utf-8").splitlines()
    for mutate in data.draw(st.lists(st.sampled_from(MUTATIONS), min_size=1, max_size=3)):
        mutate(data.draw, lines)
    with tempfile.TemporaryDirectory() as scratch:
        deal = Path(scratch) / "mangled.yaml"
        deal.write_text("\n".join(lines) + "\n", encoding="utf-8")
        outcome = build_deal(str(deal), Options(out_dir=Path(scratch) / "out"), "fuzz")
        assert not any("internal error" in line for line in outcome.errors), outcome.errors
        if outcome.status == "built":
            Presentation(str(Path(scratch) / "out" / outcome.deal_id / "training-deck.pptx"))
        else:
            assert outcome.errors and all(line.startswith(str(deal)) for line in outcome.errors)
