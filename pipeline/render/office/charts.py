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
from pptx.enum.chart import (
    XL_CHART_TYPE,
    XL_LABEL_POSITION,
    XL_LEGEND_POSITION,
    XL_TICK_LABEL_POSITION,
)
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.oxml.ns import qn
from pptx.oxml.shapes.graphfrm import CT_GraphicalObjectFrame
from pptx.parts.chart import ChartPart
from pptx.parts.embeddedpackage import EmbeddedXlsxPart
from pptx.shapes.placeholder import PlaceholderGraphicFrame
from pptx.util import Emu, Pt, lazyproperty
from xlsxwriter import Workbook

from pipeline.render.office import palette
from pipeline.render.office.chart_data import CATEGORY_FORMATS
from pipeline.render.office.chart_spec import ChartSpec, axis_span, label_sides
from pipeline.render.office.chart_spec import Series as ChartSeries
from pipeline.render.office.chart_workbook import direct_workbook
from pipeline.render.office.shapes import (
    A_SCHEMECLR,
    COLOURS,
    Fonts,
    Region,
    paint,
    set_typefaces,
    stroke,
)
from pipeline.safety import WORKBOOK_OPTIONS

CHART_TEXT = 12  # points: every chart text on a slide, read from the back of a room
GRID_STEP = 20  # the scores' gridlines: 0, 20, ... 100
BUBBLE_ALPHA = "60000"  # a bubble's fill lets the ones behind it show (60 % opaque)
LABEL_POSITIONS = {"t": XL_LABEL_POSITION.ABOVE, "b": XL_LABEL_POSITION.BELOW,
                   "l": XL_LABEL_POSITION.LEFT, "r": XL_LABEL_POSITION.RIGHT}


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float, ...]
    colour: int  # the company's position in deal.companies (us 0): its palette colour
    dashed: bool = False


@dataclass(frozen=True)
class Bubble:
    name: str
    x: float
    y: float
    size: float
    colour: int = 0  # the company's position in deal.companies (us 0)
    ours: bool = False  # outlined, and drawn last so it is on top


class _Dated:
    """A workbook writer that stamps the deal's date: XlsxWriter otherwise writes the clock into docProps/core.xml."""

    @contextmanager
    def _open_worksheet(self, xlsx_file):
        workbook = Workbook(xlsx_file, WORKBOOK_OPTIONS)
        created = dt.datetime.combine(self._chart_data.date, dt.time())
        workbook.set_properties({"created": created})  # also its modified date
        yield workbook, workbook.add_worksheet()
        workbook.close()


class _DatedCategoryWriter(_Dated, CategoryWorkbookWriter):
    pass


class _DatedBubbleWriter(_Dated, BubbleWorkbookWriter):
    pass


class CategoryData(CategoryChartData):
    """Category chart data ('bars', 'radar' or 'tornado') whose embedded workbook carries `date`, not
    the time of the build; written directly, as XlsxWriter writes it, when its values are plain."""

    def __init__(self, date: dt.date, kind: str):
        super().__init__(number_format=CATEGORY_FORMATS[kind])
        self.kind, self.date = kind, date

    @lazyproperty
    def _workbook_writer(self):
        return _DatedCategoryWriter(self)

    @property
    def xlsx_blob(self) -> bytes:
        spec = ChartSpec(self.kind, "", tuple(c.label for c in self.categories),
                         tuple(ChartSeries(s.name, tuple(s.values)) for s in self))
        return direct_workbook(spec, self.date) or super().xlsx_blob


class BubbleData(BubbleChartData):
    """Bubble chart data whose embedded workbook carries `date`, not the time of the build; written
    directly, as XlsxWriter writes it, when each series is one point of plain values."""

    def __init__(self, date: dt.date):
        super().__init__(number_format="0.0")
        self.date = date

    @lazyproperty
    def _workbook_writer(self):
        return _DatedBubbleWriter(self)

    @property
    def xlsx_blob(self) -> bytes:
        series = (ChartSeries(s.name, tuple(v for point in zip(s.x_values, s.y_values, s.bubble_sizes) for v in point))
                  for s in self)  # (x, y, size): a series of more points has more values, which the writer declines
        return direct_workbook(ChartSpec("bubble", "", (), tuple(series)), self.date) or super().xlsx_blob


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
    """Horizontal clustered bars, one series per company, in the table's order top to bottom, scores 0-100.

    The categories stay in the table's order in the data; the category axis runs top down
    (reversed, with the value axis kept at the bottom) so the first item is the top bar.
    """
    data = CategoryData(date, "bars")
    data.categories = list(categories)
    for s in series:
        data.add_series(s.name, list(s.values))
    frame = insert(slide, XL_CHART_TYPE.BAR_CLUSTERED, data, region, placeholder)
    chart = frame.chart
    _axis_range(chart.value_axis, 0, 100)
    chart.category_axis.reverse_order = True
    chart.value_axis._element.find(qn("c:crosses")).set("val", "max")  # at the last (bottom) category
    chart.plots[0].gap_width = 60
    chart.plots[0].overlap = 0
    for ser, s in zip(_sers(chart), series):
        paint(ser.get_or_add_spPr(), palette.slot(s.colour))
        if s.dashed:  # a projection or target: the company's colour, lighter
            _translucent(ser.get_or_add_spPr(), "45000")
    _finish(chart, fonts, size=CHART_TEXT)
    return frame


def radar_chart(slide, categories: list[str], series: list[Series], region: Region, fonts: Fonts,
                date: dt.date, placeholder=None):
    """Relationship indicators around the radar, 0 to 100 from the centre with gridlines every 20;
    today's lines solid, projections and targets dashed, each in its company's colour."""
    data = CategoryData(date, "radar")
    data.categories = categories
    for s in series:
        data.add_series(s.name, list(s.values))
    frame = insert(slide, XL_CHART_TYPE.RADAR_MARKERS, data, region, placeholder)
    chart = frame.chart
    _axis_range(chart.value_axis, 0, 100)
    for ser, s in zip(_sers(chart), series):
        colour = palette.slot(s.colour)
        stroke(ser.get_or_add_spPr(), colour, 1.75 if s.dashed else 2.25, "dash" if s.dashed else "solid")
        paint(ser.get_or_add_marker().get_or_add_spPr(), colour)
    _finish(chart, fonts, size=CHART_TEXT)
    return frame


def bubble_chart(slide, bubbles: list[Bubble], axis_titles: tuple[str, str], region: Region, fonts: Fonts,
                 date: dt.date, placeholder=None):
    """One labelled bubble per company, in the order given (ours last, on top): x business index,
    y key-buying-factor index, size relationship index. Fills are translucent, ours outlined;
    each name sits on the side away from its nearest neighbour; the axes fit the data."""
    data = BubbleData(date)
    for b in bubbles:
        data.add_series(b.name).add_data_point(b.x, b.y, b.size)
    frame = insert(slide, XL_CHART_TYPE.BUBBLE, data, region, placeholder)
    chart = frame.chart
    spans = axis_span([b.x for b in bubbles], room=8), axis_span([b.y for b in bubbles], room=8)
    _axis_range(chart.category_axis, *spans[0])
    _axis_range(chart.value_axis, *spans[1])
    plot = chart.plots[0]
    plot.bubble_scale = 45
    _series_name_labels(plot)
    sides = label_sides([(b.x, b.y) for b in bubbles], spans)
    for n, (ser, b) in enumerate(zip(_sers(chart), bubbles)):
        spPr = ser.get_or_add_spPr()
        paint(spPr, palette.slot(b.colour))
        _translucent(spPr, BUBBLE_ALPHA)
        if b.ours:
            stroke(spPr, palette.slot(b.colour), 2.5, "solid")
        _name_at(chart.series[n], LABEL_POSITIONS[sides[n]])
    for axis, title in zip((chart.category_axis, chart.value_axis), axis_titles):
        axis.has_title = True
        axis.axis_title.text_frame.text = title
        for run in (r for p in axis.axis_title.text_frame.paragraphs for r in p.runs):
            run.font.size = Pt(CHART_TEXT)
            set_typefaces(run.font._rPr, fonts)
    _finish(chart, fonts, size=CHART_TEXT, legend=False)  # each bubble carries its company's name
    return frame


def tornado_chart(slide, categories: list[str], series: list[tuple[str, list[float]]], region: Region, fonts: Fonts,
                  date, placeholder=None):
    """Overlapping horizontal bars around zero, the largest swing on top, the axis symmetric: the
    first series orange, the second the accent colour."""
    data = CategoryData(date, "tornado")
    data.categories = list(reversed(categories))
    for name, values in series:
        data.add_series(name, list(reversed(values)))
    frame = insert(slide, XL_CHART_TYPE.BAR_CLUSTERED, data, region, placeholder)
    chart = frame.chart
    reach = max([abs(v) for _, values in series for v in values] + [1.0])
    bound = float(-(-reach // 1))  # whole points
    axis = chart.value_axis
    axis.minimum_scale, axis.maximum_scale = -bound, bound
    axis.has_major_gridlines = False
    chart.category_axis.tick_label_position = XL_TICK_LABEL_POSITION.LOW  # names at the left edge, off the bars
    plot = chart.plots[0]
    plot.overlap = 100
    plot.gap_width = 40
    for ser, colour in zip(_sers(chart), ("orange", "accent")):
        paint(ser.get_or_add_spPr(), colour)
    _finish(chart, fonts, size=11 if len(categories) <= 5 else 9)
    return frame


def _translucent(spPr, alpha: str) -> None:
    """The series fill's theme colour let through at `alpha` (thousandths of a percent opaque)."""
    colour = spPr.find(f"{qn('a:solidFill')}/{A_SCHEMECLR}")
    for old in colour.findall(qn("a:alpha")):
        colour.remove(old)
    colour.append(colour.makeelement(qn("a:alpha"), {"val": alpha}))


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
    labels.font.size = Pt(CHART_TEXT)


def _name_at(series, position) -> None:
    """The series' one label at `position` beside its bubble, still showing the series name only."""
    label = series.points[0].data_label
    label.position = position
    label.font.bold = True
    label.font.size = Pt(CHART_TEXT)
    dLbl = label._dLbl
    for tag, value in (("c:showVal", "0"), ("c:showSerName", "1"), ("c:showCatName", "0"), ("c:showBubbleSize", "0")):
        found = dLbl.find(qn(tag))
        if found is not None:
            found.set("val", value)


def _axis_range(axis, low: float, high: float, step: float | None = None) -> None:
    """The axis from `low` to `high`, a gridline every `step` (every 20 on a 0-100 score axis)."""
    axis.minimum_scale = low
    axis.maximum_scale = high
    axis.major_unit = step or (GRID_STEP if (low, high) == (0, 100) else 5 * (1 + int(high - low > 40)))
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
