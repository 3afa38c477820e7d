"""Native, editable charts: clustered bars per dimension, the relationship radar, the positioning bubbles.

Each chart keeps its data in the embedded workbook, carries the East Asian font in
its text properties (LibreOffice shows boxes otherwise) and has the workbook's
dates pinned to the deal's date, so the same analysis gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
from contextlib import contextmanager
from dataclasses import dataclass

from pptx.chart.data import BubbleChartData, CategoryChartData
from pptx.chart.xlsx import BubbleWorkbookWriter, CategoryWorkbookWriter
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION, XL_LABEL_POSITION
from pptx.opc.constants import CONTENT_TYPE as CT, RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.oxml.ns import qn
from pptx.oxml.shapes.graphfrm import CT_GraphicalObjectFrame
from pptx.parts.chart import ChartPart
from pptx.parts.embeddedpackage import EmbeddedXlsxPart
from pptx.shapes.placeholder import PlaceholderGraphicFrame
from pptx.util import Emu, Pt, lazyproperty
from xlsxwriter import Workbook

from pipeline.render.deck_base import COLOURS, Fonts, Region, paint, set_typefaces, stroke
from pipeline.safety import WORKBOOK_OPTIONS

SERIES_COLOURS = ("accent", "orange", "teal", "grey", "light", "red")


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float, ...]
    colour: int  # the company's position: us 0, competitors 1..
    dashed: bool = False


@dataclass(frozen=True)
class Bubble:
    name: str
    x: float
    y: float
    size: float


class _Dated:
    """A workbook writer that stamps the deal's date: XlsxWriter otherwise writes the clock into docProps/core.xml."""

    @contextmanager
    def _open_worksheet(self, xlsx_file):
        workbook = Workbook(xlsx_file, WORKBOOK_OPTIONS)
        workbook.set_properties({"created": self._chart_data.created})  # also its modified date
        yield workbook, workbook.add_worksheet()
        workbook.close()


class _DatedCategoryWriter(_Dated, CategoryWorkbookWriter):
    pass


class _DatedBubbleWriter(_Dated, BubbleWorkbookWriter):
    pass


class CategoryData(CategoryChartData):
    """Category chart data whose embedded workbook carries `date`, not the time of the build."""

    def __init__(self, date: dt.date, number_format: str):
        super().__init__(number_format=number_format)
        self.created = dt.datetime.combine(date, dt.time())

    @lazyproperty
    def _workbook_writer(self):
        return _DatedCategoryWriter(self)


class BubbleData(BubbleChartData):
    """Bubble chart data whose embedded workbook carries `date`, not the time of the build."""

    def __init__(self, date: dt.date, number_format: str):
        super().__init__(number_format=number_format)
        self.created = dt.datetime.combine(date, dt.time())

    @lazyproperty
    def _workbook_writer(self):
        return _DatedBubbleWriter(self)


def insert(slide, chart_type, data, region: Region, placeholder=None):
    """A chart in a chart placeholder, or at `region` in place of a content placeholder or of none.

    In a chart placeholder the frame is made here, at `region` (the placeholder's inherited place), as
    python-pptx's insert_chart makes it, without its searches of the layout and of the whole package.
    """
    if hasattr(placeholder, "insert_chart"):
        rId = slide.part.relate_to(chart_part(slide, chart_type, data), RT.CHART)
        frame = CT_GraphicalObjectFrame.new_chart_graphicFrame(
            placeholder.shape_id, placeholder.name, rId, region.left, region.top, region.width, region.height)
        placeholder._replace_placeholder_with(frame)
        return PlaceholderGraphicFrame(frame, placeholder._parent)
    if placeholder is not None:
        placeholder.element.getparent().remove(placeholder.element)
    return slide.shapes.add_chart(chart_type, Emu(region.left), Emu(region.top), Emu(region.width),
                                  Emu(region.height), data)


CHART_NAME, SHEET_NAME = "/ppt/charts/chart%d.xml", "/ppt/embeddings/Microsoft_Excel_Sheet%d.xlsx"


def chart_part(slide, chart_type, data):
    """A chart part with its embedded workbook, named as python-pptx names them (the first free numbers)."""
    package = slide.part.package
    names = _names_in_use(package)
    part = ChartPart.load(_free(CHART_NAME, names), CT.DML_CHART, package, data.xml_bytes(chart_type))
    part.chart_workbook.xlsx_part = EmbeddedXlsxPart(_free(SHEET_NAME, names), CT.SML_SHEET, package, data.xlsx_blob)
    return part


def _names_in_use(package) -> set[str]:
    """Names of the charts slides, layouts and masters relate to, and of those charts' workbooks.

    python-pptx's next_partname walks the whole package (thousands of steps) for each name;
    charts only ever hang off these parts, and workbooks off charts.
    """
    presentation = package.presentation_part
    parents = [presentation.related_part(s.rId) for s in presentation._element.get_or_add_sldIdLst()]
    for master in presentation.presentation.slide_masters:
        parents += [master.part, *(layout.part for layout in master.slide_layouts)]
    charts = [rel.target_part for parent in parents for rel in parent.rels.values() if rel.reltype == RT.CHART]
    sheets = [rel.target_part for chart in charts for rel in chart.rels.values() if rel.reltype == RT.PACKAGE]
    return {str(part.partname) for part in [*charts, *sheets]}


def _free(template: str, names: set[str]) -> PackURI:
    number = 1
    while template % number in names:
        number += 1
    return PackURI(template % number)


def bar_chart(slide, categories: list[str], series: list[Series], region: Region, fonts: Fonts,
              date: dt.date, placeholder=None):
    """Horizontal clustered bars, one series per company, first category on top, scores 0-100."""
    data = CategoryData(date, number_format="0")
    data.categories = list(reversed(categories))
    for s in series:
        data.add_series(s.name, list(reversed(s.values)))
    frame = insert(slide, XL_CHART_TYPE.BAR_CLUSTERED, data, region, placeholder)
    chart = frame.chart
    _axis_range(chart.value_axis, 0, 100)
    chart.plots[0].gap_width = 60
    chart.plots[0].overlap = 0
    for ser, s in zip(_sers(chart), series):
        paint(ser.get_or_add_spPr(), SERIES_COLOURS[s.colour % 6])
    _finish(chart, fonts, size=11 if len(categories) <= 5 else 9)
    return frame


def radar_chart(slide, categories: list[str], series: list[Series], region: Region, fonts: Fonts,
                date: dt.date, low: float, placeholder=None):
    """Relationship indicators around the radar; today's lines solid, projections and targets dashed."""
    data = CategoryData(date, number_format="0")
    data.categories = categories
    for s in series:
        data.add_series(s.name, list(s.values))
    frame = insert(slide, XL_CHART_TYPE.RADAR_MARKERS, data, region, placeholder)
    chart = frame.chart
    _axis_range(chart.value_axis, low, 100)
    for ser, s in zip(_sers(chart), series):
        colour = SERIES_COLOURS[s.colour % 6]
        stroke(ser.get_or_add_spPr(), colour, 1.75 if s.dashed else 2.25, "dash" if s.dashed else "solid")
        paint(ser.get_or_add_marker().get_or_add_spPr(), colour)
    _finish(chart, fonts, size=11)
    return frame


def bubble_chart(slide, bubbles: list[Bubble], axis_titles: tuple[str, str], region: Region, fonts: Fonts,
                 date: dt.date, placeholder=None):
    """One labelled bubble per company: x business index, y key-buying-factor index, size relationship index."""
    data = BubbleData(date, number_format="0.0")
    for b in bubbles:
        data.add_series(b.name).add_data_point(b.x, b.y, b.size)
    frame = insert(slide, XL_CHART_TYPE.BUBBLE, data, region, placeholder)
    chart = frame.chart
    low_x, high_x = _span([b.x for b in bubbles])
    low_y, high_y = _span([b.y for b in bubbles])
    _axis_range(chart.category_axis, low_x, high_x)
    _axis_range(chart.value_axis, low_y, high_y)
    plot = chart.plots[0]
    plot.bubble_scale = 45
    _series_name_labels(plot)
    for n, ser in enumerate(_sers(chart)):
        paint(ser.get_or_add_spPr(), SERIES_COLOURS[n % 6])
        if crowded_below(bubbles, n):
            _name_below(chart.series[n])
    for axis, title in zip((chart.category_axis, chart.value_axis), axis_titles):
        axis.has_title = True
        axis.axis_title.text_frame.text = title
        for run in (r for p in axis.axis_title.text_frame.paragraphs for r in p.runs):
            run.font.size = Pt(11)
            set_typefaces(run.font._rPr, fonts)
    crowded = any(crowded_below(bubbles, n) for n in range(len(bubbles)))
    _finish(chart, fonts, size=11, legend=crowded)  # names may overlap: colours then tell
    return frame


def _sers(chart) -> list:
    """The chart's <c:ser> elements in python-pptx's series order, found once (chart.series[n] searches each time)."""
    return list(chart._chartSpace.plotArea.sers)


def _series_name_labels(plot) -> None:
    """Each bubble labelled with its company's name (the series name), not its value."""
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.show_series_name = True
    labels.show_value = False
    labels.position = XL_LABEL_POSITION.ABOVE
    labels.font.bold = True
    labels.font.size = Pt(11)


NEAR = 8.0  # index points: bubbles closer than this on both axes would print their names over each other


def crowded_below(bubbles: list[Bubble], n: int) -> bool:
    """Whether bubble `n` has a near neighbour above it, so its name goes below instead."""
    me = bubbles[n]
    return any(abs(o.x - me.x) < NEAR and 0 <= o.y - me.y < NEAR and (o.y > me.y or k < n)
               for k, o in enumerate(bubbles) if k != n)


def _name_below(series) -> None:
    """The series' one label below its bubble, still showing the series name only."""
    label = series.points[0].data_label
    label.position = XL_LABEL_POSITION.BELOW
    label.font.bold = True
    label.font.size = Pt(11)
    dLbl = label._dLbl
    for tag, value in (("c:showVal", "0"), ("c:showSerName", "1"), ("c:showCatName", "0"), ("c:showBubbleSize", "0")):
        found = dLbl.find(qn(tag))
        if found is not None:
            found.set("val", value)


def _span(values: list[float]) -> tuple[float, float]:
    """Axis bounds in tens around the values, with room for the bubbles, within 0-100."""
    low = max(0.0, (min(values) // 10) * 10 - 10)
    high = min(100.0, -(-max(values) // 10) * 10 + 10)
    return low, high


def _axis_range(axis, low: float, high: float) -> None:
    axis.minimum_scale = low
    axis.maximum_scale = high
    axis.has_major_gridlines = True
    axis.major_gridlines.format.line.color.theme_color = COLOURS["pale"]


def _finish(chart, fonts: Fonts, size: float, legend: bool = True) -> None:
    chart.has_legend = legend
    if legend:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
    chart.font.size = Pt(size)
    chart_fonts(chart, fonts)


def chart_fonts(chart, fonts: Fonts) -> None:
    """<a:latin> and <a:ea> in the chart's text properties (c:txPr), which every chart text inherits."""
    chart.font.name = fonts.latin
    txPr = chart._chartSpace.find(qn("c:txPr"))
    rPr = txPr.find(f"{qn('a:p')}/{qn('a:pPr')}/{qn('a:defRPr')}")
    set_typefaces(rPr, fonts)
    for labels in chart._chartSpace.iter(qn("c:dLbls")):
        for defRPr in labels.iter(qn("a:defRPr")):
            set_typefaces(defRPr, fonts)
