"""The deck on ordinary masters, as users have them: python-pptx's (PowerPoint's standard layout
names, 4:3), the shipped master after a LibreOffice round trip, one whose layouts carry the Chinese
PowerPoint names, and one with only Title Slide / Title Only / Blank. Each deck opens, has every
slide of the shipped deck, carries the master's own theme and fonts, and converts with LibreOffice."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn

from pipeline.render.deck.slides import render_deck
from pipeline.render.office.master import SHIPPED_MASTER
from tests import ooxml
from tests.render.brief.test_brief_helpers import example

HAS_OFFICE = shutil.which("soffice") is not None and shutil.which("pdfinfo") is not None
needs_office = pytest.mark.skipif(not HAS_OFFICE, reason="needs LibreOffice (soffice) and poppler-utils")
CJK = re.compile(r"[\u4e00-\u9fff]")
ZH_NAMES = ["标题幻灯片", "标题和内容", "节标题", "两栏内容", "比较", "仅标题", "空白", "内容与标题",
            "图片与标题", "标题和竖排文字", "竖排标题与文本"]  # python-pptx's default layouts, in order
MASTERS = ["python-pptx default", "LibreOffice round trip", "Chinese layout names", "three layouts only"]


def soffice(profile: Path, outdir: Path, target: str, *sources: Path) -> None:
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{profile}", "--convert-to", target,
                    "--outdir", str(outdir), *map(str, sources)], check=True, capture_output=True, timeout=300)


def make_master(kind: str, folder: Path) -> Path:
    """The master of `kind`, made here from python-pptx's default or the shipped master."""
    path = folder / (re.sub(r"\W+", "-", kind) + ".pptx")
    if kind == "LibreOffice round trip":
        if not HAS_OFFICE:
            pytest.skip("needs LibreOffice (soffice)")
        source = folder / "shipped.pptx"
        shutil.copy(SHIPPED_MASTER, source)
        soffice(folder / "profile", folder / "saved", "pptx", source)
        shutil.move(folder / "saved" / "shipped.pptx", path)
        return path
    prs = Presentation()
    if kind == "Chinese layout names":
        for layout, name in zip(prs.slide_layouts, ZH_NAMES):
            layout.name = name
    if kind == "three layouts only":
        for layout in list(prs.slide_layouts):
            if layout.name not in ("Title Slide", "Title Only", "Blank"):
                prs.slide_layouts.remove(layout)
    prs.save(str(path))
    return path


@pytest.fixture(scope="module")
def analysis():
    return example("xyz-atm-network")


@pytest.fixture(scope="module")
def shipped_deck(analysis):
    return Presentation(io.BytesIO(render_deck(analysis)))


@pytest.fixture(scope="module")
def decks(tmp_path_factory, analysis):
    """kind -> (master path, deck bytes); made lazily, each once."""
    folder = tmp_path_factory.mktemp("masters")
    made: dict[str, tuple[Path, bytes]] = {}

    def deck(kind: str) -> tuple[Path, bytes]:
        if kind not in made:
            master = make_master(kind, folder)
            made[kind] = (master, render_deck(analysis, master))
        return made[kind]

    return deck


def titles(prs) -> list[str]:
    """Each slide's title, without the line breaks the engine puts in to keep an orphan with its word."""
    return [slide.shapes.title.text_frame.text.replace("\v", "") for slide in prs.slides]


def theme_of(prs) -> bytes:
    return prs.slide_master.part.part_related_by(RT.THEME).blob


def expected_fonts(master: Path) -> tuple[str, str]:
    """The Latin and East Asian body fonts a deck on `master` must use, read from the master's theme."""
    theme = etree.fromstring(theme_of(Presentation(str(master))))
    minor = theme.find(f".//{qn('a:minorFont')}")
    latin = minor.find(qn("a:latin")).get("typeface") or "Arial"
    hans = [f.get("typeface") for f in minor.findall(qn("a:font")) if f.get("script") == "Hans"]
    ea = minor.find(qn("a:ea")).get("typeface") or (hans[0] if hans else "") or "Microsoft YaHei"
    return latin, ea


def charts_and_tables(prs) -> tuple[list, int]:
    shapes = [shape for slide in prs.slides for shape in slide.shapes]
    return ([s.chart.chart_type for s in shapes if getattr(s, "has_chart", False)],
            sum(1 for s in shapes if getattr(s, "has_table", False)))


@pytest.mark.parametrize("kind", MASTERS)
def test_the_deck_has_every_slide_of_the_shipped_deck_in_order(decks, shipped_deck, kind):
    master, data = decks(kind)
    prs = Presentation(io.BytesIO(data))
    mine, shipped = titles(prs), titles(shipped_deck)
    position = 0
    for title in shipped:  # every slide of the shipped deck, in its order
        assert title in mine[position:], (kind, title)
        position = mine.index(title, position) + 1
    for title in mine:  # anything more is a continuation of one of them
        assert title in shipped or any(title != t and t in title for t in shipped), (kind, title)
    charts, tables = charts_and_tables(prs)
    shipped_charts, shipped_tables = charts_and_tables(shipped_deck)
    assert charts == shipped_charts and tables >= shipped_tables


@pytest.mark.parametrize("kind", MASTERS)
def test_the_deck_carries_the_masters_theme_and_its_fonts(decks, kind):
    master, data = decks(kind)
    prs = Presentation(io.BytesIO(data))
    assert theme_of(prs) == theme_of(Presentation(str(master)))
    assert (prs.slide_width, prs.slide_height) == (Presentation(str(master)).slide_width,
                                                   Presentation(str(master)).slide_height)
    latin, ea = expected_fonts(master)
    checked = 0
    for slide in prs.slides:
        for run in slide.shapes._spTree.iter(qn("a:r")):
            if CJK.search(run.findtext(qn("a:t")) or ""):
                rpr = run.find(qn("a:rPr"))
                assert (rpr.find(qn("a:latin")).get("typeface"), rpr.find(qn("a:ea")).get("typeface")) == (latin, ea)
                checked += 1
    assert checked > 100


@pytest.mark.parametrize("kind", ["python-pptx default", "three layouts only"])
def test_slides_charts_and_the_chain_diagram_use_only_the_masters_theme_colours(decks, kind):
    _, data = decks(kind)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        drawn = [name for name in package.namelist() if re.match(r"ppt/(slides|charts)/[^/]+\.xml$", name)]
        assert len([name for name in drawn if "/charts/" in name]) == 5  # the four analysis charts and the robustness tornado
        for name in drawn:
            xml = package.read(name).decode()
            assert "srgbClr" not in xml and "sysClr" not in xml, name
        chain = next(package.read(name).decode() for name in drawn
                     if "/slides/" in name and package.read(name).decode().count("<p:cxnSp>") >= 3)
        assert re.search(r'<a:schemeClr val="accent[56]"', chain)  # held and broken links: theme accents


@pytest.mark.parametrize("kind", MASTERS)
def test_no_placeholder_is_left_empty_and_only_the_masters_layouts_are_used(decks, kind):
    master, data = decks(kind)
    prs = Presentation(io.BytesIO(data))
    names = {layout.name for layout in Presentation(str(master)).slide_layouts}
    for n, slide in enumerate(prs.slides, 1):
        assert slide.slide_layout.name in names
        for ph in slide.placeholders:
            if ph.has_text_frame:
                assert ph.text_frame.text.strip(), (kind, n, ph.name)


@pytest.mark.parametrize("kind", ["python-pptx default", "Chinese layout names", "three layouts only"])
def test_every_part_of_the_deck_is_valid_ooxml(decks, kind):
    assert ooxml.problems(decks(kind)[1], kind) == []


def test_python_pptx_default_uses_its_standard_layouts_and_its_hans_font(decks):
    master, data = decks("python-pptx default")
    prs = Presentation(io.BytesIO(data))
    used = [slide.slide_layout.name for slide in prs.slides]
    assert used[0] == "Title Slide" and used[1] == "Title and Content"
    assert {"Two Content", "Title Only"} <= set(used)
    assert expected_fonts(master) == ("Calibri", "宋体")  # the theme names no ea face: its Hans face is used


def test_three_layouts_only_draws_what_the_master_has_no_placeholder_for(decks):
    master, data = decks("three layouts only")
    prs = Presentation(io.BytesIO(data))
    assert {slide.slide_layout.name for slide in prs.slides} == {"Title Slide", "Title Only"}
    agenda = prs.slides[1]
    boxes = [shape for shape in agenda.shapes if not shape.is_placeholder and shape.has_text_frame]
    assert boxes and "\n" in boxes[0].text_frame.text  # the agenda's points, in a drawn text box


def test_chinese_layout_names_are_chosen_by_what_they_hold(decks):
    _, data = decks("Chinese layout names")
    used = [slide.slide_layout.name for slide in Presentation(io.BytesIO(data)).slides]
    assert used[0] == "标题幻灯片" and used[1] == "标题和内容" and "两栏内容" in used and "仅标题" in used


def test_a_libreoffice_round_trip_of_the_shipped_master_gives_the_same_slides(decks):
    master, data = decks("LibreOffice round trip")
    layouts = {layout.name for layout in Presentation(str(master)).slide_layouts}
    assert "Title, Table and Chart" not in layouts  # LibreOffice wrote its own layouts
    used = {slide.slide_layout.name for slide in Presentation(io.BytesIO(data)).slides}
    assert used <= layouts and "Title Slide" in used


@needs_office
@pytest.mark.office
def test_every_deck_converts_with_libreoffice_page_per_slide(decks, tmp_path):
    sources = []
    for kind in MASTERS:
        _, data = decks(kind)
        source = tmp_path / (re.sub(r"\W+", "-", kind) + ".pptx")
        source.write_bytes(data)
        sources.append(source)
    soffice(tmp_path / "profile", tmp_path, "pdf", *sources)
    for source in sources:
        pdf = source.with_suffix(".pdf")
        assert pdf.is_file(), source.name
        info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
        pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
        assert pages == len(Presentation(str(source)).slides), source.name
