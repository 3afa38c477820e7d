"""The charts read true and alike: one colour per company in deck and briefs, legible text,
the method's radar (bars when a dimension is too small for one), captions that say what is drawn."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
import yaml
from lxml import etree

from pipeline.analysis.analyze import analyze
from pipeline.load.deal import load_deal
from pipeline.render.brief.briefs import render_briefs
from pipeline.render.deck.slides import render_deck
from tests.conftest import EXAMPLES, ROOT

C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
NS = {"c": C, "a": A}


def parts(blob: bytes, prefix: str) -> dict[str, etree._Element]:
    with zipfile.ZipFile(io.BytesIO(blob)) as archive:
        return {name: etree.fromstring(archive.read(name)) for name in archive.namelist()
                if name.startswith(prefix) and name.endswith(".xml") and "/_rels/" not in name}


def deck_theme(blob: bytes) -> dict[str, str]:
    """The deck master's theme colours by slot name (accent1 ... accent6)."""
    with zipfile.ZipFile(io.BytesIO(blob)) as archive:
        theme = etree.fromstring(archive.read("ppt/theme/theme1.xml"))
    scheme = theme.find(".//a:clrScheme", NS)
    return {etree.QName(slot).localname: slot[0].get("val") for slot in scheme}


def series_name(ser) -> str:
    return ser.find("c:tx//c:v", NS).text


def deck_colours(blob: bytes) -> dict[str, str]:
    """Company name -> RGB of its bars (schemeClr resolved through the deck's theme), from the bar charts."""
    theme, out = deck_theme(blob), {}
    for chart in parts(blob, "ppt/charts/").values():
        if chart.find(".//c:barChart", NS) is None:
            continue
        for ser in chart.iterfind(".//c:ser", NS):
            fill = ser.find("c:spPr/a:solidFill/a:schemeClr", NS)
            if fill is not None:
                out.setdefault(series_name(ser), theme[fill.get("val")])
    return out


def brief_colours(blob: bytes) -> dict[str, str]:
    """Company name -> RGB of its point on the brief's positioning map."""
    out = {}
    for chart in parts(blob, "word/charts/").values():
        if chart.find(".//c:scatterChart", NS) is None:
            continue
        for ser in chart.iterfind(".//c:ser", NS):
            out[series_name(ser)] = ser.find("c:marker/c:spPr/a:solidFill/a:srgbClr", NS).get("val")
    return out


@pytest.fixture(scope="module", params=EXAMPLES, ids=lambda path: path.stem)
def built(request):
    analysis = analyze(load_deal(request.param)[0])
    return analysis, render_deck(analysis), render_briefs(analysis)


def test_a_company_has_one_colour_in_the_deck_and_the_briefs(built):
    analysis, deck, briefs = built
    names = list(analysis.deal.short_names().values())[1:]  # the companies' (the customer's is first)
    in_deck = {k: v for k, v in deck_colours(deck).items() if k in names}  # the companies' charts only
    in_brief = brief_colours(briefs["senior"])
    assert set(in_deck) == set(in_brief) == set(names)
    assert {n: in_deck[n] for n in names} == {n: in_brief[n] for n in names}
    assert in_deck[names[0]] == deck_theme(deck)["accent1"]  # us: the theme's first accent
    assert len(set(in_deck.values())) == len(names)


def sizes(chart) -> list[int]:
    return [int(e.get("sz")) for e in chart.iter(f"{{{A}}}defRPr", f"{{{A}}}rPr") if e.get("sz")]


def test_chart_text_is_at_least_12_pt_on_slides_and_9_pt_in_briefs(built):
    analysis, deck, briefs = built
    companies = {*analysis.deal.short_names().values(), "我们现在", "Us now"}
    for name, chart in parts(deck, "ppt/charts/").items():
        if not companies & {series_name(s) for s in chart.iterfind(".//c:ser", NS)}:
            continue  # the companies' charts (bars, radar, map); a teaching chart of another slide is not checked here
        assert sizes(chart) and min(sizes(chart)) >= 1200, name
    for level, blob in briefs.items():
        for name, chart in parts(blob, "word/charts/").items():
            assert sizes(chart) and min(sizes(chart)) >= 900, (level, name)


def small_radar_deal(tmp_path, count: int):
    data = yaml.safe_load((ROOT / "inputs" / "xyz-atm-network.yaml").read_text(encoding="utf-8"))
    data["relationship_capabilities"] = data["relationship_capabilities"][:count]
    path = tmp_path / "small.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return analyze(load_deal(path)[0])


@pytest.mark.parametrize("count", [1, 2])
def test_a_dimension_of_fewer_than_three_items_is_drawn_as_bars_and_captioned_so(tmp_path, count):
    analysis = small_radar_deal(tmp_path, count)
    charts = parts(render_deck(analysis), "ppt/charts/")
    assert not [c for c in charts.values() if c.find(".//c:radarChart", NS) is not None]
    bars = [c for c in charts.values() if c.find(".//c:barChart", NS) is not None]
    radar_bars = [c for c in bars if [series_name(s) for s in c.iterfind(".//c:ser", NS)][2:3] == ["我们现在"]]
    assert len(radar_bars) == 1
    briefs = render_briefs(analysis)
    brief_charts = parts(briefs["middle"], "word/charts/").values()
    assert [c.find(".//c:barChart", NS) is not None for c in brief_charts] == [True]
    text = "".join(parts(briefs["middle"], "word/document.xml")["word/document.xml"].itertext())
    assert "客户关系能力条形图" in text and "雷达图" not in text


def test_the_radar_axis_starts_at_zero_in_deck_and_briefs_alike(built):
    _, deck, briefs = built
    radars = [c for c in [*parts(deck, "ppt/charts/").values(), *parts(briefs["middle"], "word/charts/").values()]
              if c.find(".//c:radarChart", NS) is not None]
    assert len(radars) == 2
    for chart in radars:
        axis = chart.find(".//c:valAx", NS)
        bounds = [float(axis.find(f"c:scaling/c:{end}", NS).get("val")) for end in ("min", "max")]
        assert bounds == [0, 100] and float(axis.find("c:majorUnit", NS).get("val")) == 20
        names = [series_name(s) for s in chart.iterfind(".//c:ser", NS)]
        assert 3 <= len(names) <= 4 and names[2] in ("我们现在", "Us now")
        assert re.search("(3年后|in 3 years)$", names[1]) and names[1].startswith(names[0])


def test_brief_charts_span_the_text_column_with_the_legend_below(built):
    """A radar at least 10 cm wide (the issue's 2.5 cm radar under a legend larger than itself)."""
    _, _, briefs = built
    with zipfile.ZipFile(io.BytesIO(briefs["middle"])) as archive:
        document = etree.fromstring(archive.read("word/document.xml"))
    wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
    extents = [int(e.get("cx")) for e in document.iter(f"{{{wp}}}extent")]
    assert extents and min(extents) >= 10 * 360000  # EMU per cm
    for chart in parts(briefs["middle"], "word/charts/").values():
        assert chart.find("c:chart/c:legend/c:legendPos", NS).get("val") == "b"
