"""The user's templates, the deck's too-long texts and the CLI's help in Chinese (#17): each message as a
Chinese account manager reads it, with the file, the field and the fix; the English stays as it was."""

from __future__ import annotations

import re

import docx
import pytest
import yaml

from pipeline.analysis.analyze import analyze
from pipeline.build import check_deal
from pipeline.cli.main import main
from pipeline.errors import TemplateError
from pipeline.load.deal import load_deal
from pipeline.render.brief.briefs import render_briefs
from pipeline.render.deck.slides import render_deck
from tests.conftest import ROOT
from tests.render.brief.test_brief_helpers import example
from tests.render.brief.test_brief_template import user_template

XYZ = ROOT / "inputs" / "xyz-atm-network.yaml"
NORTHBANK = ROOT / "inputs" / "northbank-branch-network.yaml"
ENGLISH_WORDS = re.compile(r"\b(?:the|is|too|long|for|its|shorten|even|at|not|a|of)\b")


@pytest.fixture
def chinese(monkeypatch):
    monkeypatch.setenv("DEALDOCS_LANG", "zh")


def test_a_word_document_given_as_the_deck_template_is_refused_in_chinese(tmp_path, chinese):
    path = tmp_path / "corp.docx"
    docx.Document().save(str(path))
    analysis = analyze(load_deal(XYZ)[0])
    with pytest.raises(TemplateError) as error:
        render_deck(analysis, path)
    assert str(error.value) == (f"{path} 是一个 Word 文档，不是 PowerPoint 演示文稿；--deck-template 需要用 PowerPoint、"
                                "WPS 或 LibreOffice Impress 保存的 .pptx")


def test_a_jinja_syntax_error_of_a_word_template_names_the_paragraph_in_chinese(tmp_path, chinese):
    path = user_template(tmp_path, "{{ customer }}", "Contacts: {{ contacts[0].name ", "{{ date }}")
    with pytest.raises(TemplateError) as error:
        render_briefs(example("xyz-atm-network"), path)
    paragraph = "Contacts: {{ contacts[0].name"
    assert str(error.value).startswith(f"简报模板 {path.resolve()}：段落“{paragraph}”（第 2 段）或它之前有 Jinja 语法错误：")


def test_a_template_the_sandbox_refuses_is_said_in_chinese(tmp_path, chinese):
    path = user_template(tmp_path, "{% for i in range(10**9) %}{% endfor %}")
    with pytest.raises(TemplateError) as error:
        render_briefs(example("xyz-atm-network"), path)
    assert str(error.value) == f"简报模板 {path.resolve()} 出错：range 有 {10**9} 个数；模板最多只能用 100000 个"


def _where(path, field: str, value: str) -> str:
    lines = path.read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.endswith(f": {value}"))
    return f"{path}:{line}:{lines[line - 1].index(value) + 1}: {field}: "


def test_a_deal_text_too_long_for_its_slide_box_names_the_field_in_chinese(tmp_path, chinese):
    data = yaml.safe_load(XYZ.read_text(encoding="utf-8"))
    long = "客户的网络建设需要统一规划分步实施并且保证业务连续性" * 4
    for i, item in enumerate(data["key_buying_factors"]):
        item["name"] = (f"{i}" + long)[:80]  # the most a name may have: the slide's title quotes the first
    path = tmp_path / "deal.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=200), encoding="utf-8")
    (error,) = check_deal(str(path)).errors
    where = _where(path, "key_buying_factors[0].name", data["key_buying_factors"][0]["name"])
    assert error.startswith(f"{where}幻灯片标题太长，即使缩到 16 磅也放不进标题框：'"), error
    assert error.endswith("…'") and not ENGLISH_WORDS.search(error.removeprefix(where))


def test_a_name_too_long_for_the_chain_diagram_says_how_far_to_shorten_in_chinese(tmp_path, chinese):
    data = yaml.safe_load(NORTHBANK.read_text(encoding="utf-8"))
    data["chain"]["surrounding"] = [{"name": f"{i}" + "W" * 59, "kind": "regulator", "influence": 5, "strength": 1}
                                    for i in range(10)]
    path = tmp_path / "deal.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=200), encoding="utf-8")
    (error,) = check_deal(str(path)).errors
    where = _where(path, "chain.surrounding[0].name", "0" + "W" * 59)
    said = re.fullmatch(re.escape(where) + r"太长，即使缩到 7 磅也放不进关系链图的框；请缩短到大约 (\d+) 个字符", error)
    assert said and 1 <= int(said.group(1)) < 60, error


def test_build_help_is_chinese_with_lang_zh(capsys, monkeypatch):
    monkeypatch.setenv("DEALDOCS_LANG", "en")  # restored after: main() chooses zh for this process
    with pytest.raises(SystemExit) as done:
        main(["--lang", "zh", "build", "--help"])
    assert done.value.code == 0
    shown = capsys.readouterr().out
    lines = [" ".join(line.split()) for line in shown.splitlines()]
    assert lines[0].startswith("用法：dealdocs build [-h]")
    for line in ("生成每个交易的文档", "位置参数:", "DEAL.yaml 交易文件（默认：inputs/*.yaml）", "选项:",
                 "-h, --help 显示此帮助并退出", "--force 已是最新的交易也重新生成", "--out DIR 输出文件夹（默认：build）",
                 "--debug 显示内部错误的详细信息", "示例：", "dealdocs check inputs/*.yaml 检查并报告问题，不写任何文件"):
        assert line in lines, line
    assert "rebuild even" not in shown and "usage:" not in shown and "options:" not in shown


def test_build_help_stays_english_with_lang_en(capsys, monkeypatch):
    monkeypatch.setenv("DEALDOCS_LANG", "en")
    with pytest.raises(SystemExit):
        main(["build", "--lang", "en", "--help"])
    lines = [" ".join(line.split()) for line in capsys.readouterr().out.splitlines()]
    assert lines[0].startswith("usage: dealdocs build [-h]")
    for line in ("options:", "-h, --help show this help message and exit",
                 "--force rebuild even the deals that are up to date", "examples:"):
        assert line in lines, line


def test_a_bad_job_count_is_refused_in_chinese(capsys, monkeypatch):
    monkeypatch.setenv("DEALDOCS_LANG", "en")
    with pytest.raises(SystemExit) as done:
        main(["--lang", "zh", "build", "-j", "0"])
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("用法：dealdocs build")
    said = err.splitlines()[-1]
    assert said == "dealdocs build：错误：参数 -j/--jobs：应为不小于 1 的整数，实际为 '0'"


@pytest.mark.parametrize("argv, chinese, english", [
    (["new"], "dealdocs new：错误：缺少必需的参数：FILE.yaml",
     "dealdocs new: error: the following arguments are required: FILE.yaml"),
    (["build", "--executor", "foo"], "dealdocs build：错误：参数 --executor：无效的值 'foo'（可选：'process', 'thread', 'dask'）",
     "dealdocs build: error: argument --executor: invalid choice: 'foo' (choose from 'process', 'thread', 'dask')"),
    (["build", "--nope"], "dealdocs：错误：无法识别的参数：--nope", "dealdocs: error: unrecognized arguments: --nope"),
])
def test_argparse_s_own_errors_are_said_in_the_chosen_language(capsys, monkeypatch, argv, chinese, english):
    """In English argparse's words exactly; in Chinese the usual ones translated, the user's values as typed."""
    monkeypatch.setenv("DEALDOCS_LANG", "en")
    for lang, expected in (("zh", chinese), ("en", english)):
        with pytest.raises(SystemExit) as done:
            main(["--lang", lang, *argv])
        assert done.value.code == 2
        assert capsys.readouterr().err.splitlines()[-1] == expected


def test_the_word_templates_kinds_are_worded_in_both_catalogues():
    from pipeline.render.brief.proposals import PROPOSAL
    from pipeline.render.brief.template import BRIEF
    from pipeline.words.messages import en, zh

    for kind in (BRIEF, PROPOSAL):
        assert {kind.what, kind.context} <= set(en.MESSAGES) & set(zh.MESSAGES)
    assert (en.MESSAGES[PROPOSAL.what], zh.MESSAGES[PROPOSAL.what]) == ("proposal template", "建议书模板")


def test_a_template_not_found_names_where_it_looked_in_chinese(chinese, tmp_path):
    from pipeline.templates import SHIPPED, find_template

    with pytest.raises(TemplateError) as error:
        find_template("missing.docx", (tmp_path,))
    assert str(error.value) == (f"找不到模板 'missing.docx'（查找过：{tmp_path}、{SHIPPED}）；"
                                "请检查文件名和所在的文件夹")
