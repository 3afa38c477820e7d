"""Generate templates/brief/brief.docx, the docxtpl template of the per-level meeting briefs.

Run from the repository root: `python3 tools/make_brief_template.py`. The output
is committed; running this again gives the same bytes.

It starts from python-docx's bundled document but fixes what that gets wrong for
Chinese (PITFALLS.md): East Asian language zh-CN instead of ja-JP/en-US, an
explicit East Asian font on every style instead of theme fonts, and a font table
entry that tells Word which Chinese font to substitute. Styling lives in named
styles (Title, Heading 1/2, Callout, Table Heading, Brief Table ...), so a
designer can restyle the brief in Word without touching code.
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor

OUTPUT = Path(__file__).resolve().parent.parent / "templates" / "brief" / "brief.docx"
LATIN_FONT = "Arial"
EAST_ASIAN_FONT = "Noto Sans CJK SC"
EAST_ASIAN_FALLBACK = "Microsoft YaHei"  # what Word substitutes where Noto is not installed
ACCENT = RGBColor(0x1F, 0x4E, 0x79)
GREY = RGBColor(0x59, 0x59, 0x59)
FIXED_TIME = datetime(2026, 1, 1, tzinfo=timezone.utc)
# Styles that state their fonts themselves (not only through the document defaults), so
# that Word's style dialog shows the East Asian font a designer is to keep or replace.
FONT_STYLES = ("Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "Header", "Footer", "Caption",
               "List Bullet", "List Number", "Intro", "Callout", "Table Heading", "Table Text")


def main() -> None:
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_bytes(build())
    print(f"wrote {OUTPUT}")


def build() -> bytes:
    """The template as bytes, with fixed zip dates so that a rerun changes nothing."""
    document = docx.Document()
    fix_language_and_fonts(document)
    define_styles(document)
    set_page(document)
    write_header_footer(document.sections[0])
    write_body(document)
    set_properties(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return pin_zip_dates(buffer.getvalue())


# --- language and fonts ---------------------------------------------------------


def fix_language_and_fonts(document) -> None:
    settings = document.settings.element
    for lang in settings.iter(qn("w:themeFontLang")):
        lang.set(qn("w:eastAsia"), "zh-CN")
    styles = document.styles.element
    for element in styles.iter(qn("w:lang")):
        element.set(qn("w:eastAsia"), "zh-CN")
    for fonts in styles.iter(qn("w:rFonts")):
        set_fonts(fonts)
    for part in document.part.package.iter_parts():
        if str(part.partname).endswith("theme1.xml"):
            part._blob = fix_theme_blob(part.blob)
    drop_styles_with_effects(document)
    declare_fonts(document)
    drop_thumbnail(document)


def set_fonts(fonts) -> None:
    """Explicit Latin and East Asian fonts; theme references would override them."""
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), LATIN_FONT)
    fonts.set(qn("w:eastAsia"), EAST_ASIAN_FONT)


def drop_styles_with_effects(document) -> None:
    """Word 2010's second copy of the styles would keep the old fonts and lack ours; Word
    2013 and later neither need nor write it, so styles.xml stays the one place to restyle."""
    for rel_id, rel in list(document.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            document.part.drop_rel(rel_id)


def fix_theme_blob(blob: bytes) -> bytes:
    """The theme's East Asian fonts, for anything that still asks the theme."""
    text = blob.decode("utf-8").replace('<a:ea typeface=""/>', f'<a:ea typeface="{EAST_ASIAN_FONT}"/>')
    text = re.sub(r'(<a:font script="Hans" typeface=")[^"]*(")', rf"\g<1>{EAST_ASIAN_FONT}\g<2>", text)
    return text.encode("utf-8")


def declare_fonts(document) -> None:
    """Font table entries: charset 86 (GB2312) and an altName steer Word to a Chinese font."""
    font_table = next(p for p in document.part.package.iter_parts() if str(p.partname).endswith("fontTable.xml"))
    entry = (f'<w:font {nsdecls("w")} w:name="{EAST_ASIAN_FONT}"><w:altName w:val="{EAST_ASIAN_FALLBACK}"/>'
             '<w:charset w:val="86"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>')
    latin = (f'<w:font {nsdecls("w")} w:name="{LATIN_FONT}"><w:altName w:val="Liberation Sans"/>'
             '<w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>')
    text = font_table.blob.decode("utf-8")
    strip = lambda xml: re.sub(r"\sxmlns:w=\"[^\"]*\"", "", xml, count=1)
    text = text.replace("</w:fonts>", strip(entry) + strip(latin) + "</w:fonts>")
    font_table._blob = text.encode("utf-8")


def drop_thumbnail(document) -> None:
    """python-docx's bundled thumbnail shows some other document: leave it out."""
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package.rels.pop(rel_id)


# --- styles -----------------------------------------------------------------------


def define_styles(document) -> None:
    styles = document.styles
    normal = styles["Normal"]
    normal.font.size = Pt(10.5)
    normal.paragraph_format.space_after = Pt(4)
    normal.paragraph_format.line_spacing = 1.2
    style_text(styles["Title"], 22, bold=True, color=ACCENT, after=2)
    title_border_off(styles["Title"])
    style_text(styles["Subtitle"], 10.5, color=GREY, after=10, italic=False)
    style_text(styles["Heading 1"], 14, bold=True, color=ACCENT, before=14, after=4)
    style_text(styles["Heading 2"], 11.5, bold=True, color=ACCENT, before=8, after=3)
    style_text(styles["Caption"], 9, color=GREY, after=8, bold=False)
    for name in ("List Bullet", "List Number"):
        styles[name].paragraph_format.space_after = Pt(2)
    add_paragraph_style(styles, "Intro", 10.5, after=4)
    styles["Intro"].paragraph_format.keep_with_next = True  # never left alone above its table
    add_paragraph_style(styles, "Callout", 11, color=ACCENT, after=8, before=4)
    callout_box(styles["Callout"])
    add_paragraph_style(styles, "Table Heading", 9.5, bold=True, after=0, color=RGBColor(0xFF, 0xFF, 0xFF))
    add_paragraph_style(styles, "Table Text", 9.5, after=0)
    for name in ("Table Heading", "Table Text"):
        styles[name].paragraph_format.line_spacing = 1.0
    add_table_style(document)
    for name in FONT_STYLES:
        set_fonts(styles[name].element.get_or_add_rPr().get_or_add_rFonts())


def style_text(style, size: float, bold: bool | None = None, color=None, before: float | None = None,
               after: float | None = None, italic: bool | None = None) -> None:
    style.font.size = Pt(size)
    if bold is not None:
        style.font.bold = bold
    if italic is not None:
        style.font.italic = italic
    if color is not None:
        style.font.color.rgb = color
        for color_el in style.element.rPr.iter(qn("w:color")):
            for attr in ("w:themeColor", "w:themeShade", "w:themeTint"):
                color_el.attrib.pop(qn(attr), None)
    if before is not None:
        style.paragraph_format.space_before = Pt(before)
    if after is not None:
        style.paragraph_format.space_after = Pt(after)


def add_paragraph_style(styles, name: str, size: float, **text) -> None:
    style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    style.quick_style = True
    style_text(style, size, **text)


def title_border_off(style) -> None:
    """The bundled Title draws a rule under itself; our header already separates."""
    for border in style.element.pPr.findall(qn("w:pBdr")):
        style.element.pPr.remove(border)


# The children of w:pPr in schema order (ECMA-376 CT_PPrBase), for inserting where Word expects.
PPR_ORDER = ("w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl",
             "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens",
             "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN",
             "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
             "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
             "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")


def callout_box(style) -> None:
    """A rule on the left and a light fill; pBdr and shd go where the schema puts them."""
    ppr = style.element.get_or_add_pPr()
    for xml, tag in ((f'<w:pBdr {nsdecls("w")}><w:left w:val="single" w:sz="24" w:space="8" w:color="1F4E79"/></w:pBdr>',
                      "w:pBdr"),
                     (f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="EAF1F8"/>', "w:shd")):
        ppr.insert_element_before(parse_xml(xml), *PPR_ORDER[PPR_ORDER.index(tag) + 1:])
    style.paragraph_format.left_indent = Pt(11.35)
    style.paragraph_format.right_indent = Pt(5.65)


def add_table_style(document) -> None:
    """'Brief Table': thin grid, a shaded header row; cells' text uses Table Heading / Table Text."""
    xml = f"""<w:style {nsdecls("w")} w:type="table" w:customStyle="1" w:styleId="BriefTable">
  <w:name w:val="Brief Table"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:qFormat/>
  <w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>
  <w:tblPr>
    <w:tblBorders>
      <w:top w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>
      <w:left w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>
      <w:bottom w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>
      <w:right w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>
      <w:insideH w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>
      <w:insideV w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>
    </w:tblBorders>
    <w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>
      <w:bottom w:w="57" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>
  </w:tblPr>
  <w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:color w:val="FFFFFF"/></w:rPr>
    <w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="1F4E79"/></w:tcPr></w:tblStylePr>
</w:style>"""
    document.styles.element.append(parse_xml(xml))


# --- page, header and footer -----------------------------------------------------------


def set_page(document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2)
    section.top_margin, section.bottom_margin = Cm(2.2), Cm(2)
    section.header_distance = section.footer_distance = Cm(1)


def write_header_footer(section) -> None:
    header = section.header.paragraphs[0]
    header.style = "Header"
    header.add_run("{{ deal_title }} · {{ level_name }} · {{ confidential }}")
    footer = section.footer.paragraphs[0]
    footer.style = "Footer"
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_field(footer, "PAGE", "1")
    footer.add_run(" / ")
    add_field(footer, "NUMPAGES", "1")


def add_field(paragraph, instruction: str, shown: str) -> None:
    """A Word field (PAGE, NUMPAGES) as begin / instruction / separate / result / end runs."""
    parts = (f'<w:fldChar {nsdecls("w")} w:fldCharType="begin"/>',
             f'<w:instrText {nsdecls("w")} xml:space="preserve"> {instruction} </w:instrText>',
             f'<w:fldChar {nsdecls("w")} w:fldCharType="separate"/>',
             f'<w:t {nsdecls("w")}>{shown}</w:t>',
             f'<w:fldChar {nsdecls("w")} w:fldCharType="end"/>')
    for xml in parts:
        paragraph.add_run()._r.append(parse_xml(xml))


# --- the body: docxtpl tags, one {%p/{%tr per paragraph/row ------------------------------


def write_body(document) -> None:
    body = Body(document)
    body.para("{{ doc_title }}", "Title")
    body.para("{{ subtitle }}", "Subtitle")
    body.para("{{ h.concerns }}", "Heading 1")
    body.loop("c", "concerns", "{{ c }}", "List Bullet")
    body.para("{{ h.value }}", "Heading 1")
    body.para("{{ value_message }}", "Callout")
    body.table([("h.figure", "f.label", 6.0), ("h.figure_value", "f.value", 11.0)], "f", "figures")
    body.para("{{ h.people }}", "Heading 1")
    body.para("{{ our_side }}", "Intro")
    body.tag("{%p if contacts %}")
    body.table([("h.name", "c.name", 2.4), ("h.title", "c.title", 4.2), ("h.role", "c.role", 3.0),
                ("h.strength", "c.strength", 1.8), ("h.status", "c.status", 1.8), ("h.holder", "c.holder", 3.8)],
               "c", "contacts")
    body.tag("{%p else %}")
    body.para("{{ h.no_contacts }}")
    body.tag("{%p endif %}")
    body.tag("{%p if mend %}")
    body.para("{{ h.mend }}", "Heading 2")
    body.loop("m", "mend", "{{ m }}", "List Bullet")
    body.tag("{%p endif %}")
    body.para("{{ h.competition }}", "Heading 1")
    body.para("{{ competition_intro }}", "Intro")
    body.loop("s", "sentences", "{{ s }}", "List Bullet")
    body.guarded_table("index_rows", [("h.company", "r.company", 5.0), ("h.kbf", "r.kbf", 4.0),
                                      ("h.bc", "r.bc", 4.0), ("h.rc", "r.rc", 4.0)], "r")
    body.guarded_table("item_rows", [("h.dimension", "r.dimension", 2.8), ("h.item", "r.item", 4.0),
                                     ("h.weight", "r.weight", 1.5), ("h.us", "r.us", 1.3),
                                     ("h.others", "r.others", 7.4)], "r")
    body.guarded_table("win_rows", [("h.competitor", "r.competitor", 3.5), ("h.wins", "r.facts", 13.5)], "r")
    body.tag("{%p for c in charts %}")
    body.para("{{ c.drawing }}", "Intro", align=WD_ALIGN_PARAGRAPH.CENTER)
    body.para("{{ c.caption }}", "Caption", align=WD_ALIGN_PARAGRAPH.CENTER)
    body.tag("{%p endfor %}")
    body.para("{{ h.talking }}", "Heading 1")
    body.loop("t", "talking_points", "{{ t }}", "List Bullet")
    body.para("{{ h.questions }}", "Heading 1")
    body.loop("q", "questions", "{{ q }}", "List Number")
    body.para("{{ h.objections }}", "Heading 1")
    body.tag("{%p if objections %}")
    body.table([("h.objection", "o.objection", 7.0), ("h.answer", "o.answer", 10.0)], "o", "objections")
    body.tag("{%p else %}")
    body.para("{{ h.no_objections }}")
    body.tag("{%p endif %}")
    body.para("{{ h.goals }}", "Heading 1")
    body.loop("g", "goals", "{{ g }}", "List Bullet")


class Body:
    """Appends template paragraphs and tables to a document, keeping the docxtpl tag rules."""

    def __init__(self, document):
        self.document = document

    def para(self, text: str, style: str = "Normal", align=None):
        paragraph = self.document.add_paragraph(text, style=style)
        if align is not None:
            paragraph.alignment = align
        return paragraph

    def tag(self, text: str) -> None:
        self.para(text)

    def loop(self, var: str, items: str, text: str, style: str) -> None:
        self.tag(f"{{%p for {var} in {items} %}}")
        self.para(text, style)
        self.tag("{%p endfor %}")

    def guarded_table(self, items: str, columns, var: str) -> None:
        self.tag(f"{{%p if {items} %}}")
        self.table(columns, var, items)
        self.tag("{%p endif %}")

    def table(self, columns, var: str, items: str) -> None:
        """Header row, then `{%tr for %}` / the row / `{%tr endfor %}` (docxtpl drops the tag rows)."""
        table = self.document.add_table(rows=4, cols=len(columns))
        table.style = self.document.styles["Brief Table"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        mark_header(table.rows[0])
        table.rows[2]._tr.get_or_add_trPr().append(parse_xml(f'<w:cantSplit {nsdecls("w")}/>'))  # a row stays on one page
        texts = [[f"{{{{ {head} }}}}" for head, _, _ in columns],
                 [f"{{%tr for {var} in {items} %}}"] + [""] * (len(columns) - 1),
                 [f"{{{{ {var}.{cell.split('.', 1)[1]} }}}}" for _, cell, _ in columns],
                 ["{%tr endfor %}"] + [""] * (len(columns) - 1)]
        for col, (_, _, width) in enumerate(columns):
            table.columns[col].width = Cm(width)  # the grid: what LibreOffice lays out by
        for row_index, row in enumerate(texts):
            style = "Table Heading" if row_index == 0 else "Table Text"
            for col, text in enumerate(row):
                cell = table.rows[row_index].cells[col]
                cell.width = Cm(columns[col][2])
                cell.paragraphs[0].text = text
                cell.paragraphs[0].style = style
        self.para("", "Normal").paragraph_format.space_after = Pt(2)


def mark_header(row) -> None:
    """Repeat the header row on each page, and shade it directly too (LibreOffice
    applies table-style conditional formats only partly)."""
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(parse_xml(f'<w:tblHeader {nsdecls("w")}/>'))
    for cell in row.cells:
        cell._tc.get_or_add_tcPr().append(
            parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="1F4E79"/>'))


# --- properties and reproducible bytes -----------------------------------------------


def set_properties(document) -> None:
    props = document.core_properties
    props.title = "Meeting brief template"
    props.author = props.last_modified_by = "dealdocs"
    props.created = props.modified = FIXED_TIME.replace(tzinfo=None)
    props.revision = 1
    props.comments = "Generated by tools/make_brief_template.py; restyle it in Word, keeping the Jinja tags as they are."


def pin_zip_dates(blob: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(blob))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            pinned = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            pinned.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(pinned, source.read(info.filename))
    return out.getvalue()


if __name__ == "__main__":
    sys.exit(main())
