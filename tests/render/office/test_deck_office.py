"""LibreOffice opens the Chinese deck, lays out every slide and draws Chinese with a CJK font."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from pipeline.analysis.analyze import analyze
from pipeline.load.deal import load_deal
from pipeline.render.deck.slides import render_deck

pytestmark = [
    pytest.mark.office,
    pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                       reason="LibreOffice and poppler-utils are not installed"),
]


@pytest.fixture(scope="module")
def pdf(root, tmp_path_factory):
    folder = tmp_path_factory.mktemp("deck-office")
    deal, _ = load_deal(root / "inputs" / "xyz-atm-network.yaml")
    deck = folder / "deck.pptx"
    deck.write_bytes(render_deck(analyze(deal)))
    profile = (folder / "profile").as_uri()
    done = subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation={profile}", "--convert-to", "pdf", "--outdir", str(folder), str(deck)],
        capture_output=True, text=True, timeout=180,
    )
    out = folder / "deck.pdf"
    assert done.returncode == 0 and out.is_file(), f"conversion failed: {done.stdout}{done.stderr}"
    return out


def run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def words_of(pdf, *pages: str) -> str:
    """The PDF's text without whitespace: pdftotext puts spaces between Chinese and Latin."""
    return "".join(run("pdftotext", *pages, str(pdf), "-").split())


def test_every_slide_becomes_a_page(pdf):
    pages = [line.split()[-1] for line in run("pdfinfo", str(pdf)).splitlines() if line.startswith("Pages:")]
    assert pages == ["22"]


def test_chinese_is_drawn_with_a_cjk_font_not_boxes(pdf):
    assert "NotoSansCJK" in run("pdffonts", str(pdf)).replace(" ", "")
    text = words_of(pdf)
    for words in ("客户关系能力比较分析", "总分数合计", "竞争定位图", "关系链条模型", "中国电信某省公司", "1840"):
        assert words in text


def test_charts_text_is_chinese_too(pdf):
    text = words_of(pdf, "-f", "8", "-l", "9")
    assert "我们现在" in text and "我们3年后的目标" in text
    assert "业务能力指数" in text
