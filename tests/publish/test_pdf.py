"""A real reader opens every document: LibreOffice converts each one, and the PDF says what it must."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from decimal import ROUND_HALF_UP, Decimal

import pytest

from pipeline.batch import build_all

from pipeline.build import DOCUMENTS, Options
from pipeline.publish.pdf import convert, documents_under
from tests.conftest import EXAMPLES

pytestmark = [
    pytest.mark.office,
    pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                       reason="LibreOffice or poppler not installed"),
]


def _squeeze(text: str) -> str:
    """Without whitespace: a PDF breaks lines wherever the layout did."""
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def pdf_texts(tmp_path_factory) -> dict[str, str]:
    out = tmp_path_factory.mktemp("pdf")
    assert build_all([str(p) for p in EXAMPLES], Options(out_dir=out)).ok
    documents = documents_under(out)
    pdfs = convert(documents, jobs=2)
    texts = {}
    for document, pdf in zip(documents, pdfs):
        assert pdf.stat().st_size > 1000, pdf
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        texts[f"{document.parent.name}/{document.name}"] = _squeeze(text)
    return texts, out


def _analysis(out, deal_id):
    return json.loads((out / deal_id / "analysis.json").read_text(encoding="utf-8"))


def test_every_document_of_every_example_converts(pdf_texts):
    texts, _ = pdf_texts
    office = [name for name in DOCUMENTS if name.endswith((".pptx", ".docx"))]  # the deck, briefs, proposals
    assert len(texts) == len(office) * len(EXAMPLES) and len(office) == 7


@pytest.mark.parametrize("deal", [p.stem for p in EXAMPLES])
def test_each_pdf_names_the_customer_and_carries_its_key_numbers(pdf_texts, deal):
    texts, out = pdf_texts
    analysis = _analysis(out, deal)
    customer = _squeeze(analysis["deal"]["customer"]["name"])
    for name in ("training-deck.pptx", "brief-senior.docx", "brief-middle.docx", "brief-frontline.docx",
                 "proposal-senior.docx", "proposal-middle.docx", "proposal-frontline.docx"):
        assert customer in texts[f"{deal}/{name}"], name
    relationship_total = analysis["scores"]["relationship_capabilities"]["us"]["weighted_total"]
    assert f"{relationship_total:g}" in texts[f"{deal}/training-deck.pptx"]
    payback = analysis["value"]["payback_months"]
    months = str(Decimal(str(payback)).quantize(Decimal("0.1"), ROUND_HALF_UP)).removesuffix(".0")  # one decimal
    assert months in texts[f"{deal}/brief-middle.docx"]
    assert months in texts[f"{deal}/proposal-middle.docx"]  # the proposal writes analysis.json's figure the same way
    first_outcome = analysis["deal"]["value_proposition"]["specific"]["outcomes"][0]["change_pct"]
    assert f"{abs(first_outcome):g}%" in texts[f"{deal}/brief-frontline.docx"]


def test_chinese_comes_out_in_a_cjk_font_not_boxes(pdf_texts):
    texts, out = pdf_texts
    deck = texts["xyz-atm-network/training-deck.pptx"]
    assert "客户关系能力" in deck and "价值命题" in deck
    for name in ("training-deck.pdf", "brief-senior.pdf", "proposal-senior.pdf"):
        fonts = subprocess.run(["pdffonts", str(out / "xyz-atm-network" / name)],
                               capture_output=True, text=True, check=True).stdout
        assert "CJK" in fonts, f"{name} embeds no CJK font:\n{fonts}"
