"""Native, editable charts inside a .docx: a chart part with its embedded workbook.

python-pptx writes the chart XML (c:chartSpace) and the workbook; this module
adds what a Word chart needs around them (a title, axis titles, an East Asian
font, the link to the workbook) and an inline drawing placed where the template
says `{{ c.drawing }}`. The parts are built once per chart and reused.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from typing import Callable

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part
from docx.shared import Cm
from lxml import etree
from pptx.chart.xmlwriter import ChartXmlWriter

from pipeline.render.office import palette
from pipeline.render.office.chart_data import chart_data, workbook_blob
from pipeline.render.office.chart_spec import ChartSpec, axis_span, label_sides
from pipeline.render.office.chart_workbook import direct_workbook

C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
NS = {"c": C, "a": A, "r": R}
LATIN_FONT = "Arial"
EAST_ASIAN_FONT = "Microsoft YaHei"  # 微软雅黑, as in the shipped templates: Office has it
WIDTH = Cm(15)  # the text column of the brief's A4 page
HEIGHTS = {"radar": Cm(11), "bars": Cm(7.5), "map": Cm(8.5), "payback": Cm(6.8)}  # a radar's names need room
TEXT, TITLE = 1000, 1200  # hundredths of a point: chart text and chart title (at least 9 pt in a brief)
OPACITY = "60000"  # a point's fill lets the ones behind it show
PALETTE = tuple(palette.rgb(n) for n in range(len(palette.SLOTS)))  # the deck's colours, us first
CHART_PARTNAME = "/word/charts/chart%d.xml"
WORKBOOK_PARTNAME = "/word/embeddings/Microsoft_Excel_Sheet%d.xlsx"


@dataclass(frozen=True)
class ChartBlobs:
    chart_xml: bytes  # refers to its workbook as rId1
    workbook: bytes


@functools.lru_cache(maxsize=64)
def chart_blobs(spec: ChartSpec, stamp: dt.date) -> ChartBlobs:
    """The chart part and workbook bytes of `spec`; the workbook is dated `stamp`, not now."""
    chart_type, data = chart_data(spec)
    root = etree.fromstring(ChartXmlWriter(chart_type, data).xml.encode("utf-8"))
    decorate(root, spec)
    xml = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return ChartBlobs(xml, direct_workbook(spec, stamp) or workbook_blob(data, stamp))


# --- chart XML ---------------------------------------------------------------------


def el(tag: str, **attrs: str) -> etree._Element:
    prefix, name = tag.split(":")
    element = etree.Element(f"{{{NS[prefix]}}}{name}")
    for key, value in attrs.items():
        element.set(key, value)
    return element


def sub(parent, tag: str, **attrs: str) -> etree._Element:
    child = el(tag, **attrs)
    parent.append(child)
    return child


def decorate(root, spec: ChartSpec) -> None:
    chart = root.find("c:chart", NS)
    for old in [*chart.findall("c:title", NS), *chart.findall("c:autoTitleDeleted", NS)]:
        chart.remove(old)  # python-pptx writes autoTitleDeleted for some chart types: never twice
    chart.insert(0, title(spec.title, TITLE))
    chart.insert(1, el("c:autoTitleDeleted", val="0"))
    if spec.kind == "map":
        decorate_map(root, spec)
    elif spec.kind == "bars":
        decorate_bars(root, spec)
    elif spec.kind == "payback":
        decorate_payback(root, spec)
    else:
        colour_radar(root, spec)
    place_legend(chart, "b")
    if spec.kind == "payback":  # the marked point is labelled on the plot: not again in the legend
        hide_from_legend(chart, [i for i, s in enumerate(spec.series) if len(s.values) == 1])
    for old in root.findall("c:txPr", NS):
        root.remove(old)
    root.append(text_properties(TEXT))
    external = sub(root, "c:externalData", **{f"{{{R}}}id": "rId1"})
    sub(external, "c:autoUpdate", val="0")


def decorate_map(root, spec: ChartSpec) -> None:
    """Each company's point in its colour, translucent, ours (the last) outlined; names placed apart;
    both axes titled and fitted to the data with a margin."""
    points = [s.values for s in spec.series]
    spans = (axis_span([p[0] for p in points]), axis_span([p[1] for p in points]))
    sides = label_sides([(p[0], p[1]) for p in points], spans)
    last = len(spec.series) - 1
    for index, (series, data, side) in enumerate(zip(root.iterfind(".//c:ser", NS), spec.series, sides)):
        x_values = series.find("c:xVal", NS)
        x_values.addprevious(marker(palette.rgb(data.colour), size=12, outlined=index == last))
        x_values.addprevious(series_name_labels(side))
    axes = root.findall(".//c:valAx", NS)
    for axis, text, (low, high) in zip(axes, (spec.x_title, spec.y_title), spans):
        axis_range(axis, low, high, 5 if high - low <= 40 else 10)
        anchor = axis.find("c:majorGridlines", NS)
        (anchor if anchor is not None else axis.find("c:axPos", NS)).addnext(title(text, TEXT))


def decorate_payback(root, spec: ChartSpec) -> None:
    """Lines in the brief's colours (the investment dashed), a one-point series as a labelled
    marker (the payback point); both axes titled and starting at zero."""
    for index, (series, data) in enumerate(zip(root.iterfind(".//c:ser", NS), spec.series)):
        colour = PALETTE[index % len(PALETTE)]
        if len(data.values) == 1:
            old = series.find("c:marker", NS)
            old.addprevious(line(colour, dashed=False, width="0"))
            old.addnext(series_name_labels("b"))
            old.addnext(marker(colour))
            series.remove(old)
        else:
            series.find("c:tx", NS).addnext(line(colour, dashed=index == 0))
    horizon = max(x for s in spec.series for x in s.x)
    for axis, text, high in zip(root.findall(".//c:valAx", NS), (spec.x_title, spec.y_title), (horizon, None)):
        orientation = axis.find("c:scaling/c:orientation", NS)
        orientation.addnext(el("c:min", val="0"))
        if high is not None:
            orientation.addnext(el("c:max", val=f"{high:g}"))
        anchor = axis.find("c:majorGridlines", NS)
        (anchor if anchor is not None else axis.find("c:axPos", NS)).addnext(title(text, 900))
        for old in axis.findall("c:numFmt", NS):
            old.set("formatCode", "#,##0")
            old.set("sourceLinked", "0")


def colour_radar(root, spec: ChartSpec) -> None:
    """Each series in its company's colour, three-year lines dashed; the scale 0-100, gridlines every 20."""
    for series, data in zip(root.findall(".//c:ser", NS), spec.series):
        colour = palette.rgb(data.colour)
        series.find("c:tx", NS).addnext(line(colour, dashed=data.later))
        series.find("c:spPr", NS).addnext(marker(colour, size=5))
    axis_range(root.find(".//c:valAx", NS), 0, 100, 20)


def decorate_bars(root, spec: ChartSpec) -> None:
    """Too few indicators for a radar: horizontal bars in the table's order, top down, the scale 0-100."""
    for series, data in zip(root.findall(".//c:ser", NS), spec.series):
        properties = el("c:spPr")
        fill = sub(sub(properties, "a:solidFill"), "a:srgbClr", val=palette.rgb(data.colour))
        if data.later:
            sub(fill, "a:alpha", val="45000")
        series.find("c:tx", NS).addnext(properties)
    category, value = root.find(".//c:catAx", NS), root.find(".//c:valAx", NS)
    category.find("c:scaling/c:orientation", NS).set("val", "maxMin")
    crosses = value.find("c:crosses", NS)
    if crosses is not None:
        crosses.set("val", "max")
    axis_range(value, 0, 100, 20)


def line(colour: str, dashed: bool, width: str = "22225"):
    properties = el("c:spPr")
    outline = sub(properties, "a:ln", w=width)
    if width == "0":  # no line: a marker only
        sub(outline, "a:noFill")
        return properties
    sub(sub(outline, "a:solidFill"), "a:srgbClr", val=colour)
    if dashed:
        sub(outline, "a:prstDash", val="dash")
    return properties


def place_legend(chart, side: str) -> None:
    """A legend at `side` (python-pptx writes none for radar charts); below keeps the plot its width."""
    for old in chart.findall("c:legend", NS):
        chart.remove(old)
    legend = el("c:legend")
    sub(legend, "c:legendPos", val=side)
    sub(legend, "c:overlay", val="0")
    chart.find("c:plotArea", NS).addnext(legend)


def axis_range(axis, low: float, high: float, step: float) -> None:
    """The axis from `low` to `high` with a major unit of `step` (schema order: max before min)."""
    scaling = axis.find("c:scaling", NS)
    for old in [*scaling.findall("c:max", NS), *scaling.findall("c:min", NS)]:
        scaling.remove(old)
    before = [e for e in (scaling.find("c:logBase", NS), scaling.find("c:orientation", NS)) if e is not None]
    at = scaling.index(before[-1]) + 1 if before else 0
    scaling.insert(at, el("c:min", val=f"{low:g}"))
    scaling.insert(at, el("c:max", val=f"{high:g}"))
    for old in axis.findall("c:majorUnit", NS):
        axis.remove(old)
    unit = el("c:majorUnit", val=f"{step:g}")
    later = [axis.find(f"c:{tag}", NS) for tag in ("minorUnit", "dispUnits", "extLst")]
    later = [e for e in later if e is not None]
    if later:
        later[0].addprevious(unit)
    else:
        axis.append(unit)


def hide_from_legend(chart, indices: list[int]) -> None:
    position = chart.find("c:legend/c:legendPos", NS)
    for index in reversed(indices):
        entry = el("c:legendEntry")
        sub(entry, "c:idx", val=str(index))
        sub(entry, "c:delete", val="1")
        position.addnext(entry)


def marker(colour: str, size: int = 9, outlined: bool = False):
    """A round marker in `colour`; a map's point translucent, ours with a solid outline."""
    node = el("c:marker")
    sub(node, "c:symbol", val="circle")
    sub(node, "c:size", val=str(size))
    properties = sub(node, "c:spPr")
    fill = sub(sub(properties, "a:solidFill"), "a:srgbClr", val=colour)
    if size > 9:
        sub(fill, "a:alpha", val=OPACITY)
    outline = sub(properties, "a:ln", w="28575" if outlined else "9525")
    sub(sub(outline, "a:solidFill"), "a:srgbClr", val=colour)
    return node


def series_name_labels(side: str):
    labels = el("c:dLbls")
    sub(labels, "c:dLblPos", val=side)
    for name, val in (("showLegendKey", "0"), ("showVal", "0"), ("showCatName", "0"),
                      ("showSerName", "1"), ("showPercent", "0"), ("showBubbleSize", "0")):
        sub(labels, f"c:{name}", val=val)
    return labels


def title(text: str, size: int):
    node = el("c:title")
    rich = sub(sub(node, "c:tx"), "c:rich")
    sub(rich, "a:bodyPr")
    sub(rich, "a:lstStyle")
    paragraph = sub(rich, "a:p")
    fonts(sub(sub(paragraph, "a:pPr"), "a:defRPr", sz=str(size), b="1"))
    run = sub(paragraph, "a:r")
    fonts(sub(run, "a:rPr", lang="zh-CN", sz=str(size), b="1"))
    sub(run, "a:t").text = text
    sub(node, "c:overlay", val="0")
    return node


def text_properties(size: int):
    """Chart-wide text: an East Asian font, or LibreOffice and Word draw Chinese in a fallback."""
    node = el("c:txPr")
    sub(node, "a:bodyPr")
    sub(node, "a:lstStyle")
    paragraph = sub(node, "a:p")
    fonts(sub(sub(paragraph, "a:pPr"), "a:defRPr", sz=str(size)))
    sub(paragraph, "a:endParaRPr", lang="zh-CN")
    return node


def fonts(run_properties) -> None:
    sub(run_properties, "a:latin", typeface=LATIN_FONT)
    sub(run_properties, "a:ea", typeface=EAST_ASIAN_FONT)


# --- into the document -------------------------------------------------------------


class InlineChart:
    """A chart for the template: `{{ c.drawing }}` places it, `{{ c.caption }}` captions it."""

    def __init__(self, place: Callable[[ChartBlobs], str], spec: ChartSpec, stamp: dt.date):
        self.caption = spec.caption
        self.drawing = Drawing(place, spec, stamp)


class Drawing:
    """Rendered by the template: `place` adds the chart parts to the part being rendered and
    returns the relationship id the inline drawing refers to (as docxtpl's InlineImage does)."""

    def __init__(self, place: Callable[[ChartBlobs], str], spec: ChartSpec, stamp: dt.date):
        self.place, self.spec, self.stamp = place, spec, stamp

    def __html__(self) -> str:
        rel_id = self.place(chart_blobs(self.spec, self.stamp))
        inline = inline_xml(rel_id, self.spec.title, HEIGHTS[self.spec.kind])
        return f'</w:t></w:r><w:r><w:drawing>{inline}</w:drawing></w:r><w:r><w:t xml:space="preserve">'

    __str__ = __html__


def docxtpl_placer(tpl) -> Callable[[ChartBlobs], str]:
    """Place charts in the part docxtpl is rendering (the docxtpl path of `pipeline.render.brief.briefs`)."""
    return lambda blobs: add_chart(tpl.current_rendering_part, blobs)


def add_chart(part, blobs: ChartBlobs) -> str:
    package = part.package
    chart = Part(package.next_partname(CHART_PARTNAME), CT.DML_CHART, blobs.chart_xml, package)
    workbook = Part(package.next_partname(WORKBOOK_PARTNAME), CT.SML_SHEET, blobs.workbook, package)
    chart.relate_to(workbook, RT.PACKAGE)  # its first relationship: rId1, as the chart XML says
    return part.relate_to(chart, RT.CHART)


def inline_xml(rel_id: str, name: str, height: int) -> str:
    alt = etree.Element("x")
    alt.set("descr", name)
    descr = etree.tostring(alt).decode()[len("<x "):-len("/>")]
    return (
        f'<wp:inline xmlns:wp="{WP}" distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="{WIDTH}" cy="{height}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:docPr id="1" name="Chart" {descr}/><wp:cNvGraphicFramePr/>'
        f'<a:graphic xmlns:a="{A}"><a:graphicData uri="{C}">'
        f'<c:chart xmlns:c="{C}" xmlns:r="{R}" r:id="{rel_id}"/>'
        "</a:graphicData></a:graphic></wp:inline>"
    )
