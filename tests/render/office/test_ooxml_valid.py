"""Every XML part of every document built from the example deals is valid OOXML.

Valid means: the ISO/IEC 29500 transitional schemas (tests/ooxml-schemas/) accept it once
markup compatibility is applied as Office applies it; embedded workbooks are opened and
checked part by part too. See tests/ooxml.py for the three library deviations tolerated.
"""

from __future__ import annotations

import io
import zipfile

import pytest

from pipeline.build import analyse_file
from pipeline.render.brief.briefs import render_briefs
from pipeline.render.deck.slides import render_deck
from tests import ooxml
from tests.conftest import EXAMPLES
from tests.render.brief.test_brief_helpers import docxtpl_briefs


@pytest.fixture(scope="module", params=EXAMPLES, ids=lambda path: path.stem)
def documents(request) -> dict[str, bytes]:
    analysis, _ = analyse_file(str(request.param))
    built = {"training-deck.pptx": render_deck(analysis)}
    built.update({f"brief-{level}.docx": blob for level, blob in render_briefs(analysis).items()})
    built.update({f"reference-brief-{level}.docx": blob for level, blob in docxtpl_briefs(analysis).items()})
    return built


def test_every_part_of_every_document_validates(documents):
    for name, blob in documents.items():
        assert ooxml.problems(blob) == [], name


def test_embedded_workbooks_are_checked_too(documents):
    """Each chart's data travels as an .xlsx inside the package; those parts count as ours as well."""
    charts = workbooks = 0
    for blob in documents.values():
        with zipfile.ZipFile(io.BytesIO(blob)) as archive:
            names = archive.namelist()
            charts += sum(1 for part in names if part.rsplit("/", 1)[-1].startswith("chart") and part.endswith(".xml"))
            workbooks += sum(1 for part in names if part.endswith(".xlsx"))
    assert charts > 0 and workbooks == charts


def test_the_validator_refuses_what_the_standard_refuses(documents):
    """An attribute the standard does not know is reported, with the part's name."""
    blob = documents["training-deck.pptx"]
    broken = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(blob)) as source, zipfile.ZipFile(broken, "w") as target:
        for part in source.namelist():
            data = source.read(part)
            if part == "ppt/slides/slide2.xml":
                data = data.replace(b"<a:rPr ", b'<a:rPr bogus="1" ', 1)
            target.writestr(part, data)
    found = ooxml.problems(broken.getvalue())
    assert any(p.startswith("ppt/slides/slide2.xml") and "bogus" in p for p in found)
