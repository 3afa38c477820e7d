"""Real bullets: a text box carries the master's body-style bullets (a hanging indent, wrapped lines
under the text), a placeholder inherits them from its layout, and a line that would end on an orphan
is broken where the fitting engine keeps it with its word."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import pytest
from pptx import Presentation
from pptx.util import Pt

from pipeline.analysis.analyze import analyze
from pipeline.load.deal import load_deal
from pipeline.render.deck.slides import render_deck
from pipeline.render.office import textfit
from pipeline.render.office.shapes import NumberedShapes, Region, para, textbox, theme_fonts

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"


def master_body_style(prs) -> list[dict]:
    """Levels 1-3 of the master's <p:bodyStyle>, read from its XML: margin, indent, bullet character."""
    master = ET.fromstring(prs.slide_master.part.blob)
    out = []
    for level in (1, 2, 3):
        pPr = master.find(f"{P}txStyles/{P}bodyStyle/{A}lvl{level}pPr")
        out.append({"marL": pPr.get("marL"), "indent": pPr.get("indent"), "char": pPr.find(f"{A}buChar").get("char")})
    return out


def paragraphs_of(shape) -> list:
    return ET.fromstring(shape._element.xml.encode()).iter(f"{A}p")


@pytest.fixture(scope="module")
def deck(root):
    deal, _ = load_deal(root / "inputs" / "xyz-atm-network.yaml")
    return Presentation(io.BytesIO(render_deck(analyze(deal))))


def test_the_glance_lists_carry_the_masters_bullets_with_a_hanging_indent(deck):
    style = master_body_style(deck)[0]
    slide = deck.slides[3]  # 三个维度一览
    items, closing = 0, 0
    for shape in slide.shapes:
        if not shape.has_text_frame or shape.is_placeholder or "指数" not in shape.text_frame.text:
            continue
        *listed, last = list(paragraphs_of(shape))
        for p in listed:
            pPr = p.find(f"{A}pPr")
            assert (pPr.get("marL"), pPr.get("indent")) == (style["marL"], style["indent"])
            assert int(pPr.get("indent")) < 0 < int(pPr.get("marL"))  # hanging: wrapped lines under the text
            assert pPr.find(f"{A}buChar").get("char") == style["char"]
            assert not "".join(t.text or "" for t in p.iter(f"{A}t")).startswith(("▪", "•", "-"))
            items += 1
        pPr = last.find(f"{A}pPr")  # the index line under the list: no bullet
        assert pPr.find(f"{A}buNone") is not None and pPr.get("marL") == "0"
        closing += 1
    assert closing == 3 and items >= 9


def test_a_placeholders_bullets_are_inherited_from_its_layout(deck):
    body = next(s for s in deck.slides[1].placeholders if s.placeholder_format.type != 1 and s.has_text_frame
                and len(s.text_frame.paragraphs) > 3)  # the agenda's list
    for p in paragraphs_of(body):
        pPr = p.find(f"{A}pPr")
        assert pPr.get("marL") is None and pPr.find(f"{A}buChar") is None and pPr.find(f"{A}buNone") is None
    assert master_body_style(deck)[0]["char"]  # what it inherits


def test_a_text_box_takes_the_bullets_of_a_users_master():
    prs = Presentation()  # python-pptx's default master: bullets at other margins than ours
    fonts = theme_fonts(prs, "zh")
    style = master_body_style(prs)
    assert [(str(b.margin), str(b.indent), b.char) for b in fonts.bullets] == [
        (s["marL"], s["indent"], s["char"]) for s in style]
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    region = Region(0, 0, int(Pt(300)), int(Pt(200)))
    shape = textbox(NumberedShapes(slide), region, [para("第一项"), para("第二项", level=1)], fonts, 18, 12,
                    bulleted=True)
    for p, level in zip(paragraphs_of(shape), (0, 1)):
        pPr = p.find(f"{A}pPr")
        assert (pPr.get("marL"), pPr.get("indent")) == (style[level]["marL"], style[level]["indent"])
        assert pPr.find(f"{A}buChar").get("char") == style[level]["char"]


def test_a_line_that_would_end_on_an_orphan_is_broken_before_the_word_it_goes_with():
    prs = Presentation()
    fonts = theme_fonts(prs, "zh")
    text = "我方指数81.7，领先最强对手7.3"
    width = next(w for w in range(120, 400) if textfit.forced_break(text, 14, w) is not None)
    region = Region(0, 0, int(Pt(width + 14.4)), int(Pt(200)))  # the box's insets around the room
    assert region.box().width == pytest.approx(width)
    shape = textbox(NumberedShapes(prs.slides.add_slide(prs.slide_layouts[6])), region, [para(text)], fonts, 14, 14)
    (p,) = list(paragraphs_of(shape))
    lines = textfit.wrap(text, 14, region.box().width)
    assert p.find(f"{A}br") is not None
    after = "".join(t.text for r in list(p)[list(p).index(p.find(f"{A}br")) + 1:] for t in r.iter(f"{A}t"))
    assert after == lines[-1] == "对手7.3"  # the number with the word it ends, not '手7.3' nor '7.3' alone
    assert shape.text_frame.text.replace("\v", "") == text
