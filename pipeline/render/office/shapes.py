"""The deck's drawing machinery: regions, fitted text, theme fills and outlines, new shapes.

Every text the renderer writes goes through `fill`, which measures it with
`textfit`, picks the largest size that fits between the given limits and sets the
fonts explicitly (Latin and East Asian, from the template's theme), so no text
overflows its box and Chinese never falls back to a font without its glyphs.

Text, fills and outlines are written as XML directly, the same XML python-pptx's
setters make (tests/render/deck/test_deck_build.py compares them): a deck writes thousands of
them, and python-pptx's per-call searches were most of a deck's time.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional
from xml.sax.saxutils import quoteattr

from lxml import etree
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml import parse_xml
from pptx.oxml.ns import qn
from pptx.shapes.shapetree import BaseShapeFactory, SlideShapes
from pptx.util import Emu, Pt

from pipeline.errors import RenderError
from pipeline.render.office import textfit
from pipeline.words.messages import say

EMU_PER_PT = 12700
INSET_X, INSET_Y = 7.2, 3.6  # points: python-pptx's and PowerPoint's default text insets
BULLET_INDENT = 21.6  # points per outline level in the shipped master
DEFAULT_EA = "Microsoft YaHei"  # 微软雅黑: Office ships it on Windows and macOS; LibreOffice substitutes
LANG = {"zh": "zh-CN", "en": "en-US"}
PH = f"{qn('p:nvSpPr')}/{qn('p:nvPr')}/{qn('p:ph')}"  # a shape's placeholder mark
AFTER_FONTS = {qn("a:hlinkClick"), qn("a:hlinkMouseOver"), qn("a:rtl"), qn("a:extLst")}
# Qualified names, worked out once: python-pptx's qn() is a measurable cost at a few thousand calls a deck.
A_BODYPR, A_P, A_PPR, A_R, A_T, A_RPR = (qn(t) for t in ("a:bodyPr", "a:p", "a:pPr", "a:r", "a:t", "a:rPr"))
A_SOLIDFILL, A_SCHEMECLR, A_LATIN, A_EA = (qn(t) for t in ("a:solidFill", "a:schemeClr", "a:latin", "a:ea"))
A_NOAUTOFIT = qn("a:noAutofit")
A_NS = A_P[1:A_P.index("}")]  # DrawingML's namespace
AUTOFITS = {A_NOAUTOFIT, qn("a:normAutofit"), qn("a:spAutoFit")}
AFTER_AUTOFIT = {qn("a:scene3d"), qn("a:sp3d"), qn("a:flatTx"), qn("a:extLst")}
A_LN, A_NOFILL, A_PRSTDASH = qn("a:ln"), qn("a:noFill"), qn("a:prstDash")
SHAPE_FILLS = {qn(f"a:{t}") for t in ("noFill", "solidFill", "gradFill", "blipFill", "pattFill", "grpFill")}
LINE_FILLS = {qn(f"a:{t}") for t in ("noFill", "solidFill", "gradFill", "pattFill")}
AFTER_SHAPE_FILL = {qn(f"a:{t}") for t in ("ln", "effectLst", "effectDag", "scene3d", "sp3d", "extLst")}
AFTER_LINE = {qn(f"a:{t}") for t in ("effectLst", "effectDag", "scene3d", "sp3d", "extLst")}
AFTER_DASH = {qn(f"a:{t}") for t in ("round", "bevel", "miter", "headEnd", "tailEnd", "extLst")}
AFTER_LINE_FILL = {qn("a:prstDash"), qn("a:custDash"), *AFTER_DASH}
DASHES = {qn("a:prstDash"), qn("a:custDash")}
SubElement = etree.SubElement
COLOURS = {  # theme slots, so a corporate master's palette shows through
    "accent": MSO_THEME_COLOR.ACCENT_1,
    "teal": MSO_THEME_COLOR.ACCENT_2,
    "orange": MSO_THEME_COLOR.ACCENT_3,
    "grey": MSO_THEME_COLOR.ACCENT_4,
    "light": MSO_THEME_COLOR.ACCENT_5,
    "red": MSO_THEME_COLOR.ACCENT_6,
    "text": MSO_THEME_COLOR.TEXT_1,
    "title": MSO_THEME_COLOR.TEXT_2,
    "white": MSO_THEME_COLOR.BACKGROUND_1,
    "pale": MSO_THEME_COLOR.BACKGROUND_2,
}


SCHEME = {  # the same slots by their names in DrawingML
    "accent": "accent1", "teal": "accent2", "orange": "accent3", "grey": "accent4", "light": "accent5",
    "red": "accent6", "text": "tx1", "title": "tx2", "white": "bg1", "pale": "bg2",
}


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    colour: Optional[str] = None  # a key of COLOURS


@dataclass(frozen=True)
class Para:
    runs: tuple[Run, ...]
    level: int = 0
    plain: bool = False  # no bullet even in a bulleted text (a closing line under a list)

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


def para(text: str, level: int = 0, bold: bool = False, colour: Optional[str] = None) -> Para:
    return Para((Run(text, bold, colour),), level)


@dataclass(frozen=True)
class Region:
    """A rectangle on the slide in EMU."""

    left: int
    top: int
    width: int
    height: int

    def box(self, indent: float = 0.0) -> textfit.Box:
        """The room for text inside, in points, after insets and a bullet indent."""
        return textfit.Box(self.width / EMU_PER_PT - 2 * INSET_X - indent, self.height / EMU_PER_PT - 2 * INSET_Y)

    def rows(self, count: int, gap: int = 0) -> list["Region"]:
        return self.stacked([1.0] * count, gap)

    def stacked(self, shares: list[float], gap: int = 0) -> list["Region"]:
        """Rows top to bottom, each as tall as its share of the room."""
        room, top, out = self.height - gap * (len(shares) - 1), self.top, []
        for share in shares:
            height = int(room * share / sum(shares))
            out.append(Region(self.left, top, self.width, height))
            top += height + gap
        return out

    def columns(self, shares: list[float], gap: int = 0) -> list["Region"]:
        room, left, out = self.width - gap * (len(shares) - 1), self.left, []
        for share in shares:
            width = int(room * share / sum(shares))
            out.append(Region(left, self.top, width, self.height))
            left += width + gap
        return out

    def grid(self, count: int, per_column: int, gap: int = 0) -> list["Region"]:
        """`count` cells filled column by column, at most `per_column` to a column."""
        columns = -(-count // per_column)
        rows = -(-count // columns)
        cells = [cell.rows(rows, gap) for cell in self.columns([1.0] * columns, gap)]
        return [cells[n // rows][n % rows] for n in range(count)]

    def grown(self, dx: float, dy: float) -> "Region":
        """The region larger by `dx`, `dy` points on every side (negative shrinks)."""
        x, y = int(dx * EMU_PER_PT), int(dy * EMU_PER_PT)
        return Region(self.left - x, self.top - y, self.width + 2 * x, self.height + 2 * y)

    @classmethod
    def of(cls, shape) -> "Region":
        return cls(int(shape.left), int(shape.top), int(shape.width), int(shape.height))


class NumberedShapes(SlideShapes):
    """A slide's shapes that number new ones from a running count.

    python-pptx finds each new shape's id by searching the whole slide for ids, then asks
    whether the new shape is a placeholder; on a slide of many shapes that is most of the
    cost. The count starts (and restarts, when shapes came or went some other way) from
    python-pptx's own search, so ids are the same.
    """

    def __init__(self, slide):
        super().__init__(slide.shapes._spTree, slide)
        self._last, self._children = 0, -1

    @property
    def _next_shape_id(self) -> int:
        if len(self._spTree) != self._children:
            self._last = super()._next_shape_id - 1
        self._last += 1
        self._children = len(self._spTree) + 1  # with the one shape about to be added
        return self._last

    def _shape_factory(self, shape_elm):
        return BaseShapeFactory(shape_elm, self)  # a shape added here is never a placeholder


@dataclass(frozen=True)
class Bullet:
    """One outline level of the master's body style: left margin and hanging indent (EMU), the
    bullet character and its font. A placeholder inherits it; a text box does not, so it is written."""

    margin: int
    indent: int
    char: str
    font: str = "Arial"


# The shipped master's body style, for a master that leaves a level without a bullet character.
BULLETS = (Bullet(274320, -274320, "•"), Bullet(548640, -274320, "–"), Bullet(822960, -274320, "•"))


@dataclass(frozen=True)
class Fonts:
    latin: str
    east_asian: str
    language: str
    bullets: tuple[Bullet, ...] = BULLETS  # the master's body-style bullets by level

    def bullet(self, level: int) -> Bullet:
        return self.bullets[min(level, len(self.bullets) - 1)]


def theme_fonts(prs, language: str) -> Fonts:
    """The minor (body) fonts of the master's theme; what it leaves empty is ours.

    An empty East Asian font is taken from the theme's font for simplified Chinese
    (<a:font script="Hans">, as Office's own themes give it), else our default.
    """
    theme = etree.fromstring(prs.slide_master.part.part_related_by(RT.THEME).blob)
    minor = theme.find(f".//{qn('a:minorFont')}")
    bullets = body_bullets(prs.slide_master.element)
    if minor is None:
        return Fonts("Arial", DEFAULT_EA, language, bullets)
    latin, ea = minor.find(qn("a:latin")), minor.find(qn("a:ea"))
    hans = next((f.get("typeface") for f in minor.findall(qn("a:font")) if f.get("script") == "Hans"), "")
    east_asian = (ea.get("typeface") if ea is not None else "") or hans or DEFAULT_EA
    return Fonts((latin.get("typeface") if latin is not None else "") or "Arial", east_asian, language, bullets)


def body_bullets(master) -> tuple[Bullet, ...]:
    """The bullets of the master's body style (<p:txStyles><p:bodyStyle>), levels 1-3; where the master
    gives a level no bullet character, margin or indent, the shipped master's."""
    out = []
    for level, default in enumerate(BULLETS, start=1):
        pPr = master.find(f"{qn('p:txStyles')}/{qn('p:bodyStyle')}/{qn(f'a:lvl{level}pPr')}")
        char = pPr.find(qn("a:buChar")) if pPr is not None else None
        if char is None or not char.get("char"):
            out.append(default)
            continue
        font = pPr.find(qn("a:buFont"))
        out.append(Bullet(int(pPr.get("marL", default.margin)), int(pPr.get("indent", default.indent)), char.get("char"),
                          font.get("typeface", "Arial") if font is not None else default.font))
    return tuple(out)


def set_typefaces(rPr, fonts: Fonts) -> None:
    """<a:latin> and <a:ea> on a run or default run properties, in schema order."""
    rPr.set("lang", LANG[fonts.language])
    for tag in ("a:latin", "a:ea", "a:cs", "a:sym"):
        for old in rPr.findall(qn(tag)):
            rPr.remove(old)
    etree.SubElement(rPr, qn("a:latin"), typeface=fonts.latin)
    etree.SubElement(rPr, qn("a:ea"), typeface=fonts.east_asian)
    for later in [c for c in rPr if c.tag in AFTER_FONTS]:  # these follow the fonts in the schema
        rPr.remove(later)
        rPr.append(later)


def indent_of(p: Para, bulleted: bool) -> float:
    return BULLET_INDENT * (p.level + 1) if bulleted and not p.plain else 0.0


def fitted_size(paras: list[Para], region: Region, largest: float, smallest: float, bulleted: bool) -> Optional[float]:
    """The largest size at which `paras` fit `region`, or None."""
    room, measurable = region.box().height, _measurable(paras, region, bulleted)
    return textfit.largest_fitting(lambda size: _height(measurable, size) <= room, largest, smallest)


def height_at(paras: list[Para], region: Region, size: float, bulleted: bool, gap: float = 0.4) -> float:
    return _height(_measurable(paras, region, bulleted), size, gap)


def _measurable(paras: list[Para], region: Region, bulleted: bool) -> list[tuple[str, float, bool]]:
    """Each paragraph's text, room in points and boldness: worked out once for every size tried."""
    return [(p.text, region.box(indent_of(p, bulleted)).width, all(r.bold for r in p.runs)) for p in paras]


def _height(measurable: list[tuple[str, float, bool]], size: float, gap: float = 0.4) -> float:
    lines = sum(len(textfit.wrap(text, size, width, bold)) for text, width, bold in measurable)
    return textfit.text_height(lines, size) + gap * size * max(len(measurable) - 1, 0)


def fill(frame, paras: list[Para], region: Region, fonts: Fonts, largest: float, smallest: float,
         bulleted: bool = False, anchor=MSO_ANCHOR.TOP) -> float:
    """Write `paras` into a text frame at the largest size that fits; RenderError if none does."""
    size = fitted_size(paras, region, largest, smallest, bulleted)
    if size is None:
        first = paras[0].text[:40] if paras else ""
        raise RenderError(say("too_long_box", size=smallest, start=first),
                          text="\n".join(p.text for p in paras))
    write(frame, paras, fonts, size, bulleted, anchor, region=region)
    return size


def write(frame, paras: list[Para], fonts: Fonts, size: float, bulleted: bool, anchor=MSO_ANCHOR.TOP,
          gap: float = 0.4, region: Optional[Region] = None) -> None:
    """Replace the frame's text with `paras` at `size`: exact line spacing, no autofit, fonts on every run;
    lines broken where the fitting engine keeps an orphan with its word, when the `region` is known."""
    write_body(frame._txBody, paras, fonts, size, bulleted, anchor, gap, region)


def write_body(body, paras: list[Para], fonts: Fonts, size: float, bulleted: bool, anchor=MSO_ANCHOR.TOP,
               gap: float = 0.4, region: Optional[Region] = None) -> None:
    """`write` on a bare <a:txBody>: the paragraphs as XML text parsed at once, the same XML as python-pptx's
    setters give, many times faster. A placeholder's bullets come from its layout and master; a text box's
    are written from the master's body style, as it inherits none."""
    _body_properties(body.find(A_BODYPR), MSO_ANCHOR.to_xml(anchor))
    first = body.find(A_P)
    pPr = first.find(A_PPR) if first is not None else None
    align = pPr.get("algn", "") if pPr is not None else ""  # a new shape's own alignment, e.g. centred
    for old in body.findall(A_P):
        body.remove(old)
    if not paras:
        SubElement(body, A_P)  # a text body holds at least one paragraph
        return
    widths = [region.box(indent_of(p, bulleted)).width for p in paras] if region is not None else None
    own = bulleted and body.getparent().find(PH) is None  # a text box: no bullets to inherit
    body.extend(from_xml(paragraphs_xml(paras, fonts, size, bulleted, gap, align, widths=widths, own_bullets=own)))


def paragraphs_xml(paras: list[Para], fonts: Fonts, size: float, bulleted: bool, gap: float = 0.4, align: str = "",
                   last: str = "", widths: Optional[list[float]] = None, own_bullets: bool = False) -> str:
    """The <a:p> elements of `paras` as XML text; `last` is an alignment set after the rest (a table cell's).

    With the room of each paragraph (`widths`, points), a line break goes where the fitting engine keeps
    an orphan with the word before it, so viewers break there too. `own_bullets`: the bullets of the
    master's body style written out (a text box's), not inherited (a placeholder's).
    """
    sz, font = str(int(round(size * 100))), _font_xml(fonts)
    out = []
    for n, p in enumerate(paras):
        at = None if widths is None else textfit.forced_break(p.text, size, widths[n], all(r.bold for r in p.runs))
        bullet = fonts.bullet(p.level) if own_bullets and not p.plain else None
        out.append(_paragraph(p, font, sz, size, bulleted, size * gap if n else 0.0, align, last, at, bullet))
    return "".join(out)


def from_xml(text: str):
    """DrawingML elements written as XML text, parsed at once: the children of the returned wrapper."""
    wrapper = parse_xml(f'<w xmlns:a="{A_NS}">{text}</w>')
    for t in wrapper.iter(A_T):
        t.text = t.text or ""  # an empty run keeps its <a:t></a:t>, as an element built by hand has it
    return wrapper


def _body_properties(bodyPr, anchor: str) -> None:
    """Word wrap on, autofit off (<a:noAutofit/> in schema order), the vertical anchor."""
    bodyPr.set("wrap", "square")
    for old in [c for c in bodyPr if c.tag in AUTOFITS]:
        bodyPr.remove(old)
    later = next((c for c in bodyPr if c.tag in AFTER_AUTOFIT), None)
    if later is None:
        SubElement(bodyPr, A_NOAUTOFIT)
    else:
        later.addprevious(bodyPr.makeelement(A_NOAUTOFIT, {}))
    bodyPr.set("anchor", anchor)


def _paragraph(p: Para, font: tuple[str, str], sz: str, size: float, bulleted: bool, before: float,
               align: str, last: str, at: Optional[int] = None, bullet: Optional[Bullet] = None) -> str:
    """One <a:p>: level, margins, alignment, exact line spacing (viewers' font metrics differ), space
    before, bullet, runs (with a line break at offset `at`)."""
    bulleted = bulleted and not p.plain
    attributes = f' lvl="{p.level}"'
    if bullet is not None:
        attributes += f' marL="{bullet.margin}" indent="{bullet.indent}"'
    attributes += (f' algn="{align}"' if align else "") + ("" if bulleted else ' marL="0" indent="0"')
    attributes += f' algn="{last}"' if last else ""
    spacing = f'<a:lnSpc><a:spcPts val="{int(round(size * textfit.LINE_HEIGHT * 100))}"/></a:lnSpc>'
    if before:
        spacing += f'<a:spcBef><a:spcPts val="{int(round(before * 100))}"/></a:spcBef>'
    if not bulleted:
        mark = "<a:buNone/>"
    elif bullet is not None:
        mark = f"<a:buFont typeface={quoteattr(bullet.font)}/><a:buChar char={quoteattr(bullet.char)}/>"
    else:
        mark = ""
    runs = "".join(_run(r, font, sz) for r in (p.runs if at is None else _broken(p.runs, at)))
    return f"<a:p><a:pPr{attributes}>{spacing}{mark}</a:pPr>{runs}</a:p>"


def _broken(runs: tuple[Run, ...], at: int) -> list:
    """The runs with a line break (None) at offset `at` of their joined text, the run there split in two."""
    out, start = [], 0
    for r in runs:
        end = start + len(r.text)
        if start < at < end:
            out += [Run(r.text[: at - start], r.bold, r.colour), None, Run(r.text[at - start:], r.bold, r.colour)]
        elif at == start and start:
            out += [None, r]
        else:
            out.append(r)
        start = end
    return out


def _run(r: Optional[Run], font: tuple[str, str], sz: str) -> str:
    if r is None:
        return f'<a:br><a:rPr lang="{font[0]}" sz="{sz}">{font[1]}</a:rPr></a:br>'
    bold = ' b="1"' if r.bold else ""
    colour = f'<a:solidFill><a:schemeClr val="{SCHEME[r.colour]}"/></a:solidFill>' if r.colour else ""
    return f'<a:r><a:rPr lang="{font[0]}" sz="{sz}"{bold}>{colour}{font[1]}</a:rPr><a:t>{_escaped(r.text)}</a:t></a:r>'


def _font_xml(fonts: Fonts) -> tuple[str, str]:
    """The run language and the <a:latin>, <a:ea> elements every run carries."""
    faces = f"<a:latin typeface={quoteattr(fonts.latin)}/><a:ea typeface={quoteattr(fonts.east_asian)}/>"
    return LANG[fonts.language], faces


def _escaped(text: str) -> str:
    """Text for XML content; a carriage return kept as such (a parser would turn a raw one into a newline)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def textbox(shapes, region: Region, paras: list[Para], fonts: Fonts, largest: float, smallest: float,
            anchor=MSO_ANCHOR.TOP, bulleted: bool = False):
    """A free text box holding `paras`, fitted; `bulleted`: with the bullets of the master's body style."""
    shape = shapes.add_textbox(Emu(region.left), Emu(region.top), Emu(region.width), Emu(region.height))
    fill(shape.text_frame, paras, region, fonts, largest, smallest, bulleted, anchor)
    return shape


def solid(shape, colour: str, line: Optional[str] = None) -> None:
    """A theme-coloured fill, with a theme-coloured outline or none (XML as python-pptx's fill setters make it)."""
    spPr = shape._element.spPr
    paint(spPr, colour)
    _fill(_ln(spPr), LINE_FILLS, AFTER_LINE_FILL, line)


def paint(spPr, colour: str) -> None:
    """A solid theme-coloured fill in shape properties (<p:spPr>, or <c:spPr> of a chart series or marker)."""
    _fill(spPr, SHAPE_FILLS, AFTER_SHAPE_FILL, colour)


def stroke(spPr, colour: str, width: float, dash: Optional[str] = None) -> None:
    """The outline in shape properties: theme colour, `width` points, and a preset dash ('dash', 'solid') if given."""
    ln = _ln(spPr)
    ln.set("w", str(Pt(width)))
    _fill(ln, LINE_FILLS, AFTER_LINE_FILL, colour)
    if dash is not None:
        dash_line(spPr, dash)


def dash_line(spPr, dash: str) -> None:
    """The outline's preset dash, replacing any other."""
    ln = _ln(spPr)
    for old in [c for c in ln if c.tag in DASHES]:
        ln.remove(old)
    _insert(ln, ln.makeelement(A_PRSTDASH, {"val": dash}), AFTER_DASH)


def _fill(parent, fills: set, later: set, colour: Optional[str]) -> None:
    """Replace the fill of <p:spPr> or <a:ln> with a solid theme colour, or with none."""
    for old in [c for c in parent if c.tag in fills]:
        parent.remove(old)
    new = parent.makeelement(A_SOLIDFILL if colour else A_NOFILL, {})
    if colour:
        SubElement(new, A_SCHEMECLR, val=SCHEME[colour])
    _insert(parent, new, later)


def _ln(spPr):
    found = spPr.find(A_LN)
    return found if found is not None else _insert(spPr, spPr.makeelement(A_LN, {}), AFTER_LINE)


def _insert(parent, child, later: set):
    """`child` into `parent` before its first child of a `later` kind (the schema's order), else last."""
    follower = next((c for c in parent if c.tag in later), None)
    if follower is None:
        parent.append(child)
    else:
        follower.addprevious(child)
    return child


def rounded_box(shapes, region: Region, paras: list[Para], fonts: Fonts, size: float, colour: str,
                line: Optional[str] = None, dashed: bool = False, insets: tuple[float, float] = (INSET_X, INSET_Y),
                line_width: Optional[float] = None, anchor=MSO_ANCHOR.MIDDLE):
    """A rounded rectangle filled and outlined in theme colours, holding `paras` at `size` points,
    with `insets` (points: left and right, top and bottom)."""
    shape = shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, Emu(region.left), Emu(region.top),
                             Emu(region.width), Emu(region.height))
    solid(shape, colour, line)
    shape.adjustments[0] = 0.12
    spPr = shape._element.spPr
    if dashed:
        dash_line(spPr, "dash")
    if line_width is not None:
        _ln(spPr).set("w", str(Pt(line_width)))
    body = shape._element.txBody
    bodyPr = body.find(A_BODYPR)
    for side, inset in (("lIns", insets[0]), ("rIns", insets[0]), ("tIns", insets[1]), ("bIns", insets[1])):
        bodyPr.set(side, str(Pt(inset)))
    write_body(body, paras, fonts, size, False, anchor)
    return shape


def connector(shapes, points: tuple[int, int, int, int], colour: str, width: float, dashed: bool = False):
    """A straight line from (x1, y1) to (x2, y2) in EMU, theme-coloured, `width` points, dashed or solid."""
    line = shapes.add_connector(MSO_CONNECTOR.STRAIGHT, *(Emu(v) for v in points))
    stroke(line._element.spPr, colour, width, "dash" if dashed else "solid")
    return line
