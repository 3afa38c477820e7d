"""LibreOffice opens the briefs: each converts to a PDF of 2-4 pages that shows the customer."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from pipeline.load.model import AUDIENCES
from pipeline.render.brief.briefs import render_briefs
from tests.render.brief.test_brief_helpers import example

pytestmark = [
    pytest.mark.office,
    pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                       reason="needs LibreOffice (soffice) and poppler-utils (pdftotext)"),
]


def convert(tmp_path: Path, name: str) -> dict[str, Path]:
    """All three briefs of one deal in one soffice call, on a profile of this test's own."""
    briefs = render_briefs(example(name))
    sources = []
    for level, blob in briefs.items():
        source = tmp_path / f"{name}-{level}.docx"
        source.write_bytes(blob)
        sources.append(str(source))
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), *sources],
                   check=True, capture_output=True, timeout=180)
    return {level: tmp_path / f"{name}-{level}.pdf" for level in AUDIENCES}


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def compact(text: str) -> str:
    """Without whitespace: pdftotext puts a space where the font changes between Latin and Chinese."""
    return re.sub(r"\s+", "", text)


def pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    return int(next(line.split()[1] for line in info.splitlines() if line.startswith("Pages:")))


@pytest.mark.parametrize(("name", "customer", "title"), [
    ("xyz-atm-network", "xyz投资公司", {"senior": "高层会谈简报", "middle": "中层会谈简报", "frontline": "基层会谈简报"}),
    ("northbank-branch-network", "Northbank Financial Group",
     {"senior": "Senior meeting brief", "middle": "Middle meeting brief", "frontline": "Front-line meeting brief"}),
])
def test_briefs_convert_to_pdf_with_the_customer_and_2_to_4_pages(tmp_path, name, customer, title):
    for level, pdf in convert(tmp_path, name).items():
        assert pdf.is_file(), f"LibreOffice made no PDF of the {level} brief"
        text = pdf_text(pdf)
        assert compact(customer) in compact(text)
        assert compact(title[level]) in compact(text)
        assert 2 <= pages(pdf) <= 4, (level, pages(pdf))
