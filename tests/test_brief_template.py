"""The brief template: the shipped one matches its generator; a user's own is checked first."""

from __future__ import annotations

import importlib.util
import zipfile
from pathlib import Path

import docx
import jinja2
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from lxml import etree

from pipeline.errors import TemplateError
from pipeline.render.brief import render_briefs, warm_up
from pipeline.render.brief_template import CONTEXT_NAMES, environment, load_brief_template
from tests.test_brief_helpers import body_text, example, header_text

ROOT = Path(__file__).resolve().parent.parent
GENERATOR = ROOT / "tools" / "make_brief_template.py"
SHIPPED = ROOT / "templates" / "brief" / "brief.docx"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CONTEXT_LIST = ("charts, competition_intro, concerns, confidential, contacts, customer, date, "
                "deal_title, doc_title, figures, goals, h, index_rows, item_rows, language, level, level_name, "
                "mend, objections, our_side, questions, sentences, subtitle, talking_points, value_message, "
                "win_rows")


def generator():
    spec = importlib.util.spec_from_file_location("make_brief_template", GENERATOR)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def user_template(tmp_path: Path, *lines: str, header: str = "") -> Path:
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    if header:
        document.sections[0].header.paragraphs[0].text = header
    path = tmp_path / "corp.docx"
    document.save(path)
    return path


def test_the_committed_template_is_what_the_generator_makes():
    assert generator().build() == SHIPPED.read_bytes()


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
                                f"context does not have (it has: {CONTEXT_LIST})")


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


def test_a_jinja_syntax_error_names_the_template(tmp_path):
    path = user_template(tmp_path, "{{ customer ")
    with pytest.raises(TemplateError) as error:
        render_briefs(example("xyz-atm-network"), path)
    assert str(error.value).startswith(f"brief template {path.resolve()}: line ")


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
    order = [tag.split(":")[1] for tag in generator().PPR_ORDER]
    with zipfile.ZipFile(SHIPPED) as package:
        for name in ("word/styles.xml", "word/document.xml", "word/header1.xml", "word/footer1.xml"):
            root = etree.fromstring(package.read(name))
            for ppr in root.iter(f"{W}pPr"):
                children = [etree.QName(child).localname for child in ppr]
                assert children == sorted(children, key=order.index), (name, children)
