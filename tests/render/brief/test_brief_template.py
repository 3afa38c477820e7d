"""The brief template: the shipped one has what a template needs; a user's own is checked first, and the
fast path fills it as docxtpl would."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import jinja2
import pytest
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls
from lxml import etree

from pipeline.errors import TemplateError
from pipeline.render.brief.briefs import render_briefs, warm_up
from pipeline.render.brief.context import brief_context
from pipeline.render.brief.template import CONTEXT_NAMES, load_brief_template
from pipeline.render.office.word_template import environment
from tests.paths import ROOT
from tests.render.brief.test_brief_helpers import (
    body_text,
    docxtpl_briefs,
    example,
    header_text,
)

SHIPPED = ROOT / "templates" / "brief" / "brief.docx"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CONTEXT_LIST = ("charts, competition_intro, concerns, confidential, contacts, customer, date, "
                "deal_title, doc_title, figures, goals, h, index_rows, item_rows, language, level, level_name, "
                "mend, objections, our_side, questions, sentences, subtitle, talking_points, value_message, "
                "win_rows")


PPR_ORDER = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
             "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
             "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
             "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
             "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange")
def user_template(tmp_path: Path, *lines: str, header: str = "") -> Path:
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    if header:
        document.sections[0].header.paragraphs[0].text = header
    path = tmp_path / "corp.docx"
    document.save(path)
    return path


def test_the_shipped_template_asks_only_for_context_variables():
    assert ", ".join(sorted(CONTEXT_NAMES)) == CONTEXT_LIST
    assert load_brief_template().path == SHIPPED


def test_the_template_is_read_once_and_reused():
    assert load_brief_template() is load_brief_template()


def test_a_users_template_is_used(tmp_path):
    path = user_template(tmp_path, "{{ customer }} — {{ level_name }}", "{%p for c in concerns %}", "{{ c }}",
                         "{%p endfor %}", header="CORP {{ confidential }}")
    briefs = render_briefs(example("xyz-atm-network"), path)
    assert body_text(briefs["middle"]).split("\n")[:2] == ["xyz投资公司 — 中层", "不断用创新的方法推动企业目标的完成"]
    assert header_text(briefs["senior"]) == "CORP 内部资料 / 机密"


def test_a_template_asking_for_an_unknown_variable_is_refused(tmp_path):
    path = user_template(tmp_path, "{{ customer }} {{ budget_code }}", "{{ region }}")
    with pytest.raises(TemplateError) as error:
        render_briefs(example("xyz-atm-network"), path)
    assert str(error.value) == (f"brief template {path.resolve()} uses budget_code, region, which the brief "
                                f"context does not have (it has: {CONTEXT_LIST}; see docs/template-variables.md)")


def test_a_template_using_an_undefined_style_is_refused(tmp_path):
    document = docx.Document()
    paragraph = document.add_paragraph("{{ customer }}")
    paragraph._p.get_or_add_pPr().append(parse_xml(f'<w:pStyle {nsdecls("w")} w:val="CorpBanner"/>'))
    path = tmp_path / "corp.docx"
    document.save(path)
    with pytest.raises(TemplateError) as error:
        render_briefs(example("xyz-atm-network"), path)
    assert str(error.value) == (f"brief template {path.resolve()} uses style 'CorpBanner', which its styles do "
                                "not define; define it in Word (Styles pane) or apply a defined style")


def test_a_missing_attribute_is_a_template_error(tmp_path):
    path = user_template(tmp_path, "{{ h.budget }}")
    with pytest.raises(TemplateError) as error:
        render_briefs(example("xyz-atm-network"), path)
    assert str(error.value) == f"brief template {path.resolve()}: 'dict object' has no attribute 'budget'"


def test_the_sandbox_refuses_reaching_into_python(tmp_path):
    path = user_template(tmp_path, "{{ customer.__class__.__mro__ }}")
    with pytest.raises(TemplateError) as error:
        render_briefs(example("xyz-atm-network"), path)
    assert str(error.value).startswith(f"brief template {path.resolve()}: ")


def test_a_jinja_syntax_error_names_the_template_and_the_paragraph(tmp_path):
    path = user_template(tmp_path, "{{ customer }}", "Contacts: {{ contacts[0].name ", "{{ date }}")
    with pytest.raises(TemplateError) as error:
        render_briefs(example("xyz-atm-network"), path)
    assert str(error.value).startswith(f'brief template {path.resolve()}: Jinja syntax error in or before the '
                                       f'paragraph "Contacts: {{{{ contacts[0].name" (paragraph 2): ')


def test_an_unclosed_paragraph_loop_is_reported_at_its_opening_paragraph(tmp_path):
    path = user_template(tmp_path, "{{ customer }}", "{%p for c in concerns %}", "{{ c }}", "The end.")
    with pytest.raises(TemplateError) as error:
        render_briefs(example("xyz-atm-network"), path)
    message = str(error.value)
    assert message.startswith(f"brief template {path.resolve()}: Jinja syntax error in or before the paragraph ")
    assert "'endfor'" in message and "line 1 of its XML" not in message


def test_a_file_that_is_not_a_zip_is_refused(tmp_path):
    path = tmp_path / "corp.docx"
    path.write_text("not a document")
    with pytest.raises(TemplateError) as error:
        render_briefs(example("xyz-atm-network"), path)
    assert str(error.value) == (f"template {path} is not an Office file (.pptx/.docx are zip packages); "
                                "save it from PowerPoint or Word")


def test_a_zip_that_is_not_a_word_document_is_refused(tmp_path):
    path = tmp_path / "corp.docx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
    with pytest.raises(TemplateError) as error:
        render_briefs(example("xyz-atm-network"), path)
    assert str(error.value).startswith(f"brief template {path.resolve()} is not a Word document (")


def test_a_missing_user_template_is_refused(tmp_path):
    with pytest.raises(TemplateError) as error:
        render_briefs(example("xyz-atm-network"), tmp_path / "nowhere.docx")
    assert str(error.value) == f"template {tmp_path / 'nowhere.docx'} not found"


def test_each_template_source_is_compiled_once():
    environment().from_string("{{ customer }}")
    assert environment().from_string("{{ customer }}") is environment().from_string("{{ customer }}")
    render_briefs(example("xyz-atm-network"))
    compiled = dict(environment()._compiled)
    render_briefs(example("xyz-atm-network"))
    assert environment()._compiled == compiled


def test_the_compiling_environment_stays_sandboxed_strict_and_escaping():
    env = environment()
    assert env.autoescape is True and env.undefined is jinja2.StrictUndefined
    assert env.from_string("{{ name }}").render(name="张三 & <Co>") == "张三 &amp; &lt;Co&gt;"
    with pytest.raises(jinja2.exceptions.SecurityError):
        env.from_string("{{ f.__globals__ }}").render(f=lambda: 0)


def test_warm_up_loads_the_shipped_template():
    warm_up()
    assert load_brief_template().path == SHIPPED


def test_paragraph_properties_are_in_schema_order():
    """Word refuses a file whose w:pPr children are out of the schema's order."""
    order = list(PPR_ORDER)
    with zipfile.ZipFile(SHIPPED) as package:
        for name in ("word/styles.xml", "word/document.xml", "word/header1.xml", "word/footer1.xml"):
            root = etree.fromstring(package.read(name))
            for ppr in root.iter(f"{W}pPr"):
                children = [etree.QName(child).localname for child in ppr]
                assert children == sorted(children, key=order.index), (name, children)


# --- a user's template on the fast path gives what docxtpl gives -----------------------


def run_with_text(paragraph, text: str) -> None:
    """A run whose w:t holds `text` as is (python-docx would turn a tab into w:tab)."""
    t = OxmlElement("w:t")
    t.text = text
    paragraph.add_run()._r.append(t)


def with_footnote(document, text: str) -> None:
    """A footnotes part (python-docx cannot add one) whose only note reads `text`."""
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes {nsdecls("w")}>'
           f'<w:footnote w:id="0"><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:footnote></w:footnotes>')
    package = document.part.package
    footnotes = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, xml.encode("utf-8"), package)
    document.part.relate_to(footnotes, RT.FOOTNOTES)


def varied_template(tmp_path: Path) -> Path:
    """Column loops that fix_tables must widen, a literal tab, charts in the body and the footer, a footnote."""
    document = docx.Document()
    document.add_paragraph("{{ customer }} — {{ level_name }}")
    run_with_text(document.add_paragraph(), "{{ date }}\t{{ confidential }}")
    table = document.add_table(rows=1, cols=3)
    for cell, text in zip(table.rows[0].cells, ("{%tc for k in h %}", "{{ k }}", "{%tc endfor %}")):
        cell.text = text
    for line in ("{%p for c in charts %}", "{{ c.drawing }}", "{{ c.caption }}", "{%p endfor %}"):
        document.add_paragraph(line)
    document.sections[0].header.paragraphs[0].text = "{{ deal_title }} & {{ confidential }}"
    document.sections[0].footer.paragraphs[0].text = "{{ charts[-1].drawing if charts else subtitle }}"
    with_footnote(document, "{{ customer }}")
    path = tmp_path / "corp.docx"
    document.save(path)
    return path


def test_a_users_template_gets_the_bytes_docxtpl_gives(tmp_path):
    path = varied_template(tmp_path)
    assert load_brief_template(path).fast is not None
    analysis = example("xyz-atm-network")
    briefs = render_briefs(analysis, path)
    assert briefs == docxtpl_briefs(analysis, path)
    senior = zipfile.ZipFile(io.BytesIO(briefs["senior"]))
    document = senior.read("word/document.xml").decode()
    assert document.count("<w:gridCol ") == len(brief_context(analysis, "senior").h)  # fix_tables widened the grid
    assert '<w:tab/>' in document
    assert "charts/chart3.xml" in senior.read("word/_rels/footer1.xml.rels").decode()  # after the body's two
    assert "xyz投资公司" in senior.read("word/footnotes.xml").decode()


def test_footnotes_in_several_sections_are_left_to_docxtpl(tmp_path):
    document = docx.Document()
    document.add_paragraph("{{ customer }}")
    document.add_section()
    with_footnote(document, "{{ level_name }}")
    path = tmp_path / "corp.docx"
    document.save(path)
    assert load_brief_template(path).fast is None  # docxtpl renders footnotes once per section
    briefs = render_briefs(example("xyz-atm-network"), path)
    assert "xyz投资公司" in body_text(briefs["senior"])
    assert "高层" in zipfile.ZipFile(io.BytesIO(briefs["senior"])).read("word/footnotes.xml").decode()


def test_a_footnote_asking_for_an_unknown_variable_fails_with_the_templates_name(tmp_path):
    document = docx.Document()
    document.add_paragraph("{{ customer }}")
    with_footnote(document, "{{ budget_code }}")
    path = tmp_path / "corp.docx"
    document.save(path)
    with pytest.raises(TemplateError) as error:
        render_briefs(example("xyz-atm-network"), path)
    assert str(error.value) == f"brief template {path.resolve()}: 'budget_code' is undefined"
