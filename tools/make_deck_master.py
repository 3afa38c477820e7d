"""Generate templates/deck/master.pptx: the shipped master of the training deck.

Run `python3 tools/make_deck_master.py` after changing this file and commit both.
The master is built from python-pptx's default package, re-drawn at 16:9 with our
palette, theme fonts that name an East Asian typeface, and named layouts whose
typed placeholders the renderer fills. Output bytes are reproducible: fixed core
properties and fixed zip dates.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
import zipfile
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml import parse_xml
from pptx.oxml.ns import qn
from pptx.util import Emu

OUT = Path(__file__).resolve().parent.parent / "templates" / "deck" / "master.pptx"

NS = (
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"'
)
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"

WIDTH, HEIGHT = 12192000 / 914400, 7.5  # inches, 16:9 (exactly 12192000 x 6858000 EMU)
LATIN, EAST_ASIAN = "Arial", "Noto Sans CJK SC"
PALETTE = {  # a restrained corporate palette: deep blue, teal, orange accent
    "dk1": "1F2A36", "lt1": "FFFFFF", "dk2": "12355B", "lt2": "E9EEF3",
    "accent1": "12355B", "accent2": "138A8A", "accent3": "E07B24",
    "accent4": "7A8793", "accent5": "5B8DB8", "accent6": "B23A48",
    "hlink": "138A8A", "folHlink": "5B6B7A",
}

TITLE_BOX = (0.5, 0.3, 12.333, 0.9)
BODY_BOX = (0.5, 1.45, 12.333, 5.3)
FOOTER_BOX = (0.5, 6.95, 9.5, 0.4)
NUMBER_BOX = (11.833, 6.95, 1.0, 0.4)


def emu(inches: float) -> int:
    return int(round(inches * 914400))


def xfrm(box: tuple[float, float, float, float]) -> str:
    x, y, w, h = (emu(v) for v in box)
    return f'<a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="{h}"/></a:xfrm>'


def placeholder(sid: int, name: str, ph: str, box, body: str = "", prompt: str = "") -> str:
    """A placeholder shape; `ph` is the inside of <p:ph .../>, `body` its txBody content."""
    text = f'<a:r><a:rPr lang="en-US"/><a:t>{prompt}</a:t></a:r>' if prompt else ""
    return (
        f'<p:sp><p:nvSpPr><p:cNvPr id="{sid}" name="{name}"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>'
        f'<p:nvPr><p:ph {ph}/></p:nvPr></p:nvSpPr><p:spPr>{xfrm(box)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr>'
        f'<p:txBody>{body or "<a:bodyPr/><a:lstStyle/>"}<a:p>{text}<a:endParaRPr lang="zh-CN"/></a:p></p:txBody></p:sp>'
    )


def rect(sid: int, name: str, box, colour: str) -> str:
    """A plain filled rectangle drawn on the master or a layout (decoration, no text)."""
    return (
        f'<p:sp><p:nvSpPr><p:cNvPr id="{sid}" name="{name}"/><p:cNvSpPr/><p:nvPr userDrawn="1"/></p:nvSpPr>'
        f'<p:spPr>{xfrm(box)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        f'<a:solidFill><a:schemeClr val="{colour}"/></a:solidFill><a:ln><a:noFill/></a:ln></p:spPr>'
        f'<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang="zh-CN"/></a:p></p:txBody></p:sp>'
    )


def sptree(shapes: list[str]) -> str:
    return (
        '<p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>'
        '<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/>'
        '<a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>' + "".join(shapes) + "</p:spTree>"
    )


def small_text(align: str, colour: str = "accent4") -> str:
    return (
        '<a:bodyPr anchor="ctr" lIns="0" rIns="0"/><a:lstStyle><a:lvl1pPr algn="%s"><a:defRPr sz="1000">'
        '<a:solidFill><a:schemeClr val="%s"/></a:solidFill></a:defRPr></a:lvl1pPr></a:lstStyle>' % (align, colour)
    )


SLIDE_NUMBER = (
    '<a:fld id="{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}" type="slidenum">'
    '<a:rPr lang="en-US"/><a:t>&#8249;#&#8250;</a:t></a:fld>'
)


def footer_shapes(first_id: int) -> list[str]:
    """Footer and slide number placeholders, repeated on every layout that shows them."""
    number = placeholder(first_id + 1, "Slide Number", 'type="sldNum" sz="quarter" idx="12"', NUMBER_BOX, small_text("r"))
    number = number.replace('<a:p><a:endParaRPr', f"<a:p>{SLIDE_NUMBER}<a:endParaRPr", 1)
    return [placeholder(first_id, "Footer", 'type="ftr" sz="quarter" idx="11"', FOOTER_BOX, small_text("l")), number]


def level_style(level: int, size: int, bullet: str, indent: float) -> str:
    mar = emu(indent * (level + 1))
    return (
        f'<a:lvl{level + 1}pPr marL="{mar}" indent="-{emu(indent)}" algn="l">'
        f'<a:spcBef><a:spcPts val="0"/></a:spcBef><a:buFont typeface="Arial"/><a:buChar char="{bullet}"/>'
        f'<a:defRPr sz="{size * 100}"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill>'
        '<a:latin typeface="+mn-lt"/><a:ea typeface="+mn-ea"/><a:cs typeface="+mn-cs"/></a:defRPr></a:lvl%dpPr>'
        % (level + 1)
    )


TX_STYLES = (
    "<p:txStyles><p:titleStyle><a:lvl1pPr algn=\"l\"><a:defRPr sz=\"2800\" b=\"1\"><a:solidFill>"
    '<a:schemeClr val="tx2"/></a:solidFill><a:latin typeface="+mj-lt"/><a:ea typeface="+mj-ea"/>'
    '<a:cs typeface="+mj-cs"/></a:defRPr></a:lvl1pPr></p:titleStyle><p:bodyStyle>'
    + level_style(0, 20, "&#8226;", 0.3)
    + level_style(1, 18, "&#8211;", 0.3)
    + level_style(2, 16, "&#8226;", 0.3)
    + '</p:bodyStyle><p:otherStyle><a:defPPr><a:defRPr lang="zh-CN"/></a:defPPr>'
    '<a:lvl1pPr><a:defRPr sz="1800"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill>'
    '<a:latin typeface="+mn-lt"/><a:ea typeface="+mn-ea"/><a:cs typeface="+mn-cs"/></a:defRPr></a:lvl1pPr>'
    "</p:otherStyle></p:txStyles>"
)

BODY_PR = '<a:bodyPr vert="horz" lIns="91440" tIns="45720" rIns="91440" bIns="45720" rtlCol="0">'


def master_xml() -> str:
    shapes = [
        placeholder(2, "Title Placeholder", 'type="title"', TITLE_BOX,
                    BODY_PR.replace(">", ' anchor="b">', 1) + "</a:bodyPr><a:lstStyle/>", "Title"),
        placeholder(3, "Text Placeholder", 'type="body" idx="1"', BODY_BOX, BODY_PR + "</a:bodyPr><a:lstStyle/>", "Text"),
        rect(4, "Title Rule", (0.5, 1.27, 12.333, 0.05), "accent2"),
        rect(5, "Footer Rule", (0.5, 6.9, 12.333, 0.01), "accent4"),
        *footer_shapes(6),
    ]
    return (
        f"<p:sldMaster {NS}><p:cSld><p:bg><p:bgRef idx=\"1001\"><a:schemeClr val=\"bg1\"/></p:bgRef></p:bg>"
        f"{sptree(shapes)}</p:cSld>"
        '<p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" '
        'accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/>'
        f"<p:sldLayoutIdLst/>{TX_STYLES}</p:sldMaster>"
    )


def title_ph(sid: int = 2) -> str:
    return placeholder(sid, "Title", 'type="title"', TITLE_BOX)


def body_ph(sid: int, idx: int, box, name: str = "Text") -> str:
    return placeholder(sid, name, f'type="body" idx="{idx}"', box, prompt=name)


def typed_ph(sid: int, kind: str, idx: int, box, name: str) -> str:
    return placeholder(sid, name, f'type="{kind}" sz="quarter" idx="{idx}"', box, prompt=name)


def split(box, left_share: float, gap: float = 0.3):
    x, y, w, h = box
    lw = (w - gap) * left_share
    return (x, y, lw, h), (x + lw + gap, y, w - gap - lw, h)


WHITE_TITLE = (
    '<a:bodyPr anchor="b"/><a:lstStyle><a:lvl1pPr algn="l"><a:defRPr sz="4000" b="1">'
    '<a:solidFill><a:schemeClr val="bg1"/></a:solidFill></a:defRPr></a:lvl1pPr></a:lstStyle>'
)
SUBTITLE = (
    '<a:bodyPr anchor="t"/><a:lstStyle><a:lvl1pPr marL="0" indent="0" algn="l"><a:buNone/><a:defRPr sz="2000">'
    '<a:solidFill><a:schemeClr val="tx2"/></a:solidFill></a:defRPr></a:lvl1pPr></a:lstStyle>'
)


def layouts() -> list[tuple[str, str, list[str], bool]]:
    """(name, layout type, shapes, show master shapes) for every layout, in menu order."""
    chart_left, text_right = split(BODY_BOX, 0.62)
    table_left, chart_right = split(BODY_BOX, 0.5)
    left, right = split(BODY_BOX, 0.5)
    band = (0.0, 0.0, WIDTH, 4.6)
    return [
        ("Title", "title", [
            rect(2, "Title Band", band, "accent1"),
            rect(3, "Title Accent", (0.0, 4.6, WIDTH, 0.12), "accent3"),
            placeholder(4, "Title", 'type="ctrTitle"', (0.8, 1.2, 11.7, 3.0), WHITE_TITLE, "Title"),
            placeholder(5, "Subtitle", 'type="subTitle" idx="1"', (0.8, 5.0, 11.7, 1.6), SUBTITLE, "Subtitle"),
        ], False),
        ("Section", "secHead", [
            rect(2, "Section Band", (0.0, 2.3, WIDTH, 2.2), "accent1"),
            placeholder(3, "Title", 'type="title"', (0.8, 2.4, 11.7, 1.3), WHITE_TITLE, "Section"),
            placeholder(4, "Text", 'type="body" idx="1"', (0.8, 4.7, 11.7, 1.2), SUBTITLE, "Text"),
            *footer_shapes(5),
        ], False),
        ("Title and Content", "obj", [title_ph(), body_ph(3, 1, BODY_BOX), *footer_shapes(4)], True),
        ("Two Content", "twoObj", [
            title_ph(), body_ph(3, 1, left, "Left Text"), body_ph(4, 2, right, "Right Text"), *footer_shapes(5),
        ], True),
        ("Title and Chart", "chart", [title_ph(), typed_ph(3, "chart", 13, BODY_BOX, "Chart"), *footer_shapes(4)], True),
        ("Title, Chart and Text", "chartAndTx", [
            title_ph(), typed_ph(3, "chart", 13, chart_left, "Chart"), body_ph(4, 1, text_right), *footer_shapes(5),
        ], True),
        ("Title and Table", "tbl", [title_ph(), typed_ph(3, "tbl", 13, BODY_BOX, "Table"), *footer_shapes(4)], True),
        ("Title, Table and Chart", "cust", [
            title_ph(), typed_ph(3, "tbl", 13, table_left, "Table"), typed_ph(4, "chart", 14, chart_right, "Chart"),
            *footer_shapes(5),
        ], True),
        ("Blank with Title", "titleOnly", [title_ph(), *footer_shapes(3)], True),
    ]


def layout_xml(name: str, kind: str, shapes: list[str], show_master: bool) -> str:
    show = "" if show_master else ' showMasterSp="0"'
    return (
        f'<p:sldLayout {NS} type="{kind}" preserve="1"{show}><p:cSld name="{name}">{sptree(shapes)}</p:cSld>'
        "<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>"
    )


def themed(blob: bytes) -> bytes:
    """The default theme with our colours and fonts (Latin and East Asian for both roles)."""
    theme = etree.fromstring(blob)
    theme.set("name", "dealdocs")
    scheme = theme.find(f".//{A}clrScheme")
    scheme.set("name", "dealdocs")
    for slot, value in PALETTE.items():
        el = scheme.find(f"{A}{slot}")
        el.clear()
        etree.SubElement(el, f"{A}srgbClr", val=value)
    fonts = theme.find(f".//{A}fontScheme")
    fonts.set("name", "dealdocs")
    for role in ("majorFont", "minorFont"):
        font = fonts.find(f"{A}{role}")
        font.find(f"{A}latin").set("typeface", LATIN)
        font.find(f"{A}ea").set("typeface", EAST_ASIAN)
        font.find(f"{A}font[@script='Hans']").set("typeface", EAST_ASIAN)
    return etree.tostring(theme, xml_declaration=True, encoding="UTF-8", standalone=True)


def build() -> bytes:
    """The master's bytes: python-pptx's default package redrawn with our theme, master and layouts."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = Emu(emu(WIDTH)), Emu(emu(HEIGHT))
    master_part = prs.slide_master.part
    theme_part = master_part.part_related_by(RT.THEME)
    theme_part._blob = themed(theme_part.blob)
    rids = [entry.get(qn("r:id")) for entry in master_part._element.find(f".//{qn('p:sldLayoutIdLst')}")]
    master_part._element = parse_xml(master_xml())
    replace_layouts(master_part, rids)
    core = prs.core_properties
    core.title, core.author, core.last_modified_by = "dealdocs deck master", "dealdocs", "dealdocs"
    core.created = core.modified = dt.datetime(2026, 1, 1)
    core.revision = 1
    out = io.BytesIO()
    prs.save(out)
    return pinned(out.getvalue())


def replace_layouts(master_part, rids: list[str]) -> None:
    """Reuse the default layout parts for ours, in order; drop the ones left over."""
    id_list = master_part._element.find(f".//{qn('p:sldLayoutIdLst')}")
    specs = layouts()
    for n, rid in enumerate(rids):
        if n >= len(specs):
            master_part.drop_rel(rid)
            continue
        master_part.related_part(rid)._element = parse_xml(layout_xml(*specs[n]))
        etree.SubElement(id_list, qn("p:sldLayoutId"), {"id": str(2147483649 + n), qn("r:id"): rid})


def pinned(blob: bytes) -> bytes:
    """The same zip with every member dated 1980-01-01, so the bytes do not change per run."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(blob)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(zipfile.ZipInfo(info.filename, (1980, 1, 1, 0, 0, 0)), src.read(info.filename),
                         compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def main() -> int:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(build())
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
