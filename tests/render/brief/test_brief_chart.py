"""The native charts of the briefs: well-ordered chart XML, its workbook (written directly, as
XlsxWriter writes it), label placement."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from pipeline.render.brief.context import brief_context
from pipeline.render.office.chart_spec import ChartSpec, Series
from pipeline.render.office.chart_spec import label_sides
from pipeline.render.office.chart_workbook import direct_workbook
from pipeline.render.office.chart_data import chart_data, workbook_blob
from pipeline.render.office.docx_chart import NS, chart_blobs
from tests.render.brief.test_brief_helpers import example

DATE = dt.date(2026, 11, 20)


def local(element) -> str:
    return etree.QName(element).localname


def senior_map() -> ChartSpec:
    return brief_context(example("xyz-atm-network"), "senior").charts[0]


def middle_radar() -> ChartSpec:
    return brief_context(example("xyz-atm-network"), "middle").charts[0]


def test_chart_elements_are_in_schema_order():
    for spec in (senior_map(), middle_radar()):
        root = etree.fromstring(chart_blobs(spec, DATE).chart_xml)
        assert [local(e) for e in root][-3:] == ["chart", "txPr", "externalData"]
        chart = root.find("c:chart", NS)
        assert [local(e) for e in chart] == ["title", "autoTitleDeleted", "plotArea", "legend", "plotVisOnly",
                                            "dispBlanksAs", "showDLblsOverMax"]
        assert root.find("c:externalData", NS).get(f"{{{NS['r']}}}id") == "rId1"


def test_map_axes_are_titled_and_fitted_to_the_scores_with_a_margin():
    spec = senior_map()
    root = etree.fromstring(chart_blobs(spec, DATE).chart_xml)
    axes = root.findall(".//c:valAx", NS)
    titles = ["".join(a.itertext()) for a in (axis.find("c:title", NS) for axis in axes)]
    assert titles == ["业务能力", "客户购买关键因素的匹配"]
    for axis, values in zip(axes, zip(*(s.values for s in spec.series))):
        scaling = [local(e) for e in axis.find("c:scaling", NS)]
        assert scaling == ["orientation", "max", "min"]
        low, high = (float(axis.find(f"c:scaling/c:{end}", NS).get("val")) for end in ("min", "max"))
        assert 0 <= low <= min(values) - 5 and max(values) + 5 <= high <= 100
        assert high - low < 60  # fitted: the points spread over the chart, not a band of a 0-100 scale
    # xyz: business indices 55.8 .. 90.8, key-buying-factor indices 64.3 .. 81.7
    assert [float(a.find("c:scaling/c:min", NS).get("val")) for a in axes] == [50, 55]


def test_our_point_is_drawn_last_outlined_and_every_point_translucent():
    root = etree.fromstring(chart_blobs(senior_map(), DATE).chart_xml)
    series = root.findall(".//c:ser", NS)
    assert series[-1].find("c:tx//c:v", NS).text == "中国电信某省公司"
    widths = [int(s.find("c:marker/c:spPr/a:ln", NS).get("w")) for s in series]
    assert widths[-1] > max(widths[:-1])
    assert all(s.find("c:marker/c:spPr/a:solidFill/a:srgbClr/a:alpha", NS) is not None for s in series)


def test_scatter_series_keep_their_element_order():
    root = etree.fromstring(chart_blobs(senior_map(), DATE).chart_xml)
    for series in root.iterfind(".//c:ser", NS):
        names = [local(e) for e in series]
        assert names == ["idx", "order", "tx", "spPr", "marker", "dLbls", "xVal", "yVal", "smooth"]


def test_radar_is_the_methods_picture_in_each_companys_colour():
    """xyz: 对手B leads the rivals in relationship capability; us and our target in our colour, 3-year lines dashed."""
    spec = middle_radar()
    root = etree.fromstring(chart_blobs(spec, DATE).chart_xml)
    series = root.findall(".//c:ser", NS)
    assert [s.find("c:tx//c:v", NS).text for s in series] == ["对手B", "对手B3年后", "我们现在", "我们3年后的目标"]
    colours = [s.find("c:spPr/a:ln/a:solidFill/a:srgbClr", NS).get("val") for s in series]
    assert colours[0] == colours[1] != colours[2] == colours[3] == "12355B"
    assert [s.find("c:spPr/a:ln/a:prstDash", NS) is not None for s in series] == [False, True, False, True]
    axis = root.find(".//c:valAx", NS)
    assert [axis.find(f"c:scaling/c:{end}", NS).get("val") for end in ("min", "max")] == ["0", "100"]
    assert axis.find("c:majorUnit", NS).get("val") == "20"


def test_the_workbook_holds_the_data_and_the_deals_date():
    workbook = zipfile.ZipFile(io.BytesIO(chart_blobs(middle_radar(), DATE).workbook))
    strings = workbook.read("xl/sharedStrings.xml").decode()
    for name in ("我们现在", "对手B", "对手B3年后", "客户经理的影响力"):
        assert name in strings
    assert b"<dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-11-20T00:00:00Z" in workbook.read("docProps/core.xml")


def test_chart_parts_are_built_once_per_chart():
    spec = middle_radar()
    assert chart_blobs(spec, DATE) is chart_blobs(spec, DATE)


def test_a_name_goes_to_the_side_away_from_the_nearest_company():
    spans = ((0.0, 100.0), (0.0, 100.0))
    assert label_sides([(50.0, 50.0), (52.0, 60.0), (90.0, 90.0)], spans) == ["b", "t", "t"]  # near pair apart
    assert label_sides([(10.0, 10.0), (20.0, 12.0)], spans) == ["l", "r"]
    assert label_sides([(1.0, 1.0), (1.0, 1.0)], spans) == ["t", "b"]  # the same place: one above, one below
    assert label_sides([(1.0, 1.0)], spans) == ["t"]


# --- the workbook written directly is XlsxWriter's, byte for byte ------------------------


def xlsxwriter_workbook(spec: ChartSpec, stamp: dt.date) -> bytes:
    return workbook_blob(chart_data(spec)[1], stamp)


@pytest.mark.parametrize("spec", [senior_map, middle_radar], ids=["map", "radar"])
def test_the_direct_workbook_is_xlsxwriters(spec):
    assert direct_workbook(spec(), DATE) == xlsxwriter_workbook(spec(), DATE)


def payback_charts():
    """The business cases' payback charts: a year, two and a half, and a long sampled horizon."""
    from pipeline.render.brief.proposal_context import proposal_context

    charts = [proposal_context(example(name), "middle").charts[0]
              for name in ("xyz-atm-network", "south-gov-long-distance", "northbank-branch-network")]
    long = tuple(float(m) for m in range(0, 121, 3))
    charts.append(ChartSpec("payback", "t", (), (Series("Investment", tuple(5e6 for _ in long), long),
                                                 Series("Benefit", tuple(m * 62_500.5 for m in long), long),
                                                 Series("Payback (80 months)", (5e6,), (79.99,)))))
    return charts


@pytest.mark.parametrize("index", range(4))
def test_the_direct_payback_workbook_is_xlsxwriters(index):
    spec = payback_charts()[index]
    direct = direct_workbook(spec, DATE)
    assert direct is not None and direct == xlsxwriter_workbook(spec, DATE)


def test_a_workbook_xlsxwriter_would_write_differently_is_left_to_it():
    for name in ("=SUM(A1)", "http://example.com", "", " padded", "tab\there", "<r>rich</r>", "_x0041_"):
        assert direct_workbook(ChartSpec("map", "t", (), (Series(name, (1.0, 2.0)),)), DATE) is None, name
    assert direct_workbook(ChartSpec("map", "t", (), (Series("a", (float("nan"), 2.0)),)), DATE) is None
    assert direct_workbook(ChartSpec("map", "t", (), (Series("a", (1.0, 2.0, 3.0)),)), DATE) is None
    spec = ChartSpec("map", "t", (), (Series("=A1", (1.0, 2.0)), Series("b", (3.0, 4.0))))
    assert chart_blobs(spec, DATE).workbook == xlsxwriter_workbook(spec, DATE)  # XlsxWriter wrote it


names = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
numbers = st.one_of(st.integers(-10**6, 10**6), st.floats(allow_nan=False, allow_infinity=False, width=64))


@st.composite
def chart_specs(draw) -> ChartSpec:
    kind = draw(st.sampled_from(["radar", "bars", "tornado", "map", "bubble"]))
    if kind in ("radar", "bars", "tornado"):
        categories = tuple(draw(st.lists(names, min_size=1, max_size=8)))
        series = draw(st.lists(st.builds(Series, names, st.tuples(*[numbers] * len(categories))), min_size=1,
                               max_size=6))
        return ChartSpec(kind, "t", categories, tuple(series))
    point = st.tuples(*[numbers] * (2 if kind == "map" else 3))
    series = draw(st.lists(st.builds(Series, names, point), min_size=1, max_size=8))
    return ChartSpec(kind, "t", (), tuple(series))


@settings(max_examples=250, deadline=None)
@given(spec=chart_specs(), day=st.dates(dt.date(1980, 1, 1), dt.date(2099, 12, 31)))
def test_any_chart_gets_xlsxwriters_workbook_or_none(spec, day):
    direct = direct_workbook(spec, day)
    assert direct is None or direct == xlsxwriter_workbook(spec, day)
    plain = all(name and name.strip() == name and not re.search(r"[\x00-\x1f=:<_]", name)
                for name in (*spec.categories, *(s.name for s in spec.series)))
    if plain:
        assert direct is not None


def test_each_kind_s_fixed_parts_are_made_once_per_process():
    """A brief draws all three kinds; the cache of their fixed parts holds every kind, so none is
    rebuilt with XlsxWriter per chart (a cache one too small once cost 4 % of a deal's time)."""
    from pipeline.render.office.chart_workbook import skeleton_of

    specs = [senior_map(), middle_radar(), payback_charts()[0]]
    assert sorted({spec.kind for spec in specs}) == ["map", "payback", "radar"]
    skeleton_of.cache_clear()
    for _ in range(3):
        for spec in specs:
            assert direct_workbook(spec, DATE) is not None
    assert skeleton_of.cache_info().misses == 3
