"""Messages in zh and en: one catalogue per language, complete, chosen by --lang, then the locale;
the analysis' warnings, the limits and the id clash included, and nothing said outside the catalogues."""

from __future__ import annotations

import ast
import os
import re
import string
from pathlib import Path

import pytest

from pipeline.analysis.analyze import analyze
from pipeline.batch import id_clashes
from pipeline.build import analyse_file, analysis_json, warning_lines
from pipeline.cli.main import main
from pipeline.load.limits import check_limits
from pipeline.words.messages import CATALOGUES, choose, en, from_locale, language, zh
from tests.conftest import ROOT
from tests.deals import MINIMAL_DEAL, make

CJK = re.compile(r"[\u4e00-\u9fff]")


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_message_is_in_both_languages_with_the_same_fields():
    assert set(en.MESSAGES) == set(zh.MESSAGES)
    for key in en.MESSAGES:
        assert fields(en.MESSAGES[key]) == fields(zh.MESSAGES[key]), key


def test_the_chinese_catalogue_is_chinese():
    english_only = [key for key, text in zh.MESSAGES.items() if not CJK.search(text) and len(text) > 12]
    assert english_only == []


def test_every_message_the_code_says_is_in_the_catalogues():
    used = set()
    for path in (ROOT / "pipeline").rglob("*.py"):
        used |= set(re.findall(r"""\bsay\(\s*["']([a-z0-9_]+)["']""", path.read_text(encoding="utf-8")))
    compose = (ROOT / "pipeline" / "load" / "compose.py").read_text(encoding="utf-8")
    used |= set(re.findall(r""":\s*"(yaml_[a-z_]+)",""", compose))  # PyYAML's words -> message keys
    cli = (ROOT / "pipeline" / "cli" / "main.py").read_text(encoding="utf-8")
    used |= set(re.findall(r'"(deal_(?:valid|invalid|draft))"', cli))
    analysis = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "pipeline" / "analysis").glob("*.py"))
    findings = set(re.findall(r"""\bkey=["']([a-z0-9_]+)["']""", analysis))  # Finding(..., key="...")
    doubts = set(re.findall(r"""\bDoubt\([^)]*?["'](doubt_[a-z_]+)["']""", analysis))
    assert {"method_added", "type_inferred", "statement_drafted"} <= findings and len(doubts) == 6
    used |= findings | doubts
    assert used and used <= set(en.MESSAGES), used - set(en.MESSAGES)


# Where a message used to be English text in the code: each module (or only the named functions of it)
# must word what it says through the catalogues, so no string in it is a phrase of English words.
SAYS_ONLY_THROUGH_THE_CATALOGUE = {
    "pipeline/templates.py": None,
    "pipeline/load/limits.py": None,
    "pipeline/analysis/smart.py": None,
    "pipeline/analysis/departures.py": {"findings"},
    "pipeline/analysis/audience.py": {"findings"},
    "pipeline/analysis/position.py": {"statement_findings"},
    "pipeline/analysis/results.py": {"Finding"},
    "pipeline/batch.py": None,
    "pipeline/build.py": None,
    "pipeline/load/tree.py": None,
    "pipeline/load/rules.py": None,
    "pipeline/load/method.py": None,
    "pipeline/analysis/playbook.py": None,
    "pipeline/analysis/tactics.py": None,
    "pipeline/publish/output.py": None,
    "pipeline/publish/pdf.py": None,
    "pipeline/workbook/reader.py": None,
    # templates, rendering, CLI help (#17)
    "pipeline/safety.py": None,
    "pipeline/render/office/master.py": None,
    "pipeline/render/office/word_template.py": None,
    "pipeline/render/office/shapes.py": None,
    "pipeline/render/office/tables.py": None,
    "pipeline/render/office/slides.py": {"set_title"},
    "pipeline/render/office/docx_fill.py": {"prepare"},
    "pipeline/render/deck/chain.py": None,
    "pipeline/render/brief/briefs.py": {"render_brief"},
    "pipeline/cli/main.py": None,
    "pipeline/cli/usage.py": {"Formatter", "Parser", "argparse_says"},
    "pipeline/cli/book.py": None,
}
PROSE = re.compile(r"[A-Za-z']+ [a-z']+ [a-z']+")


def prose(source: str, names: set[str] | None) -> list[str]:
    """The string constants of the code (docstrings aside) that read as English words, in `names` only."""
    tree = ast.parse(source)
    scopes = [tree] if names is None else [node for node in ast.walk(tree) if
                                           isinstance(node, (ast.FunctionDef, ast.ClassDef)) and node.name in names]
    assert names is None or len(scopes) == len(names), names
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and node.body
                  and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    return [node.value for scope in scopes for node in ast.walk(scope)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
            and PROSE.search(node.value)]


@pytest.mark.parametrize("path, names", SAYS_ONLY_THROUGH_THE_CATALOGUE.items())
def test_these_modules_say_nothing_outside_the_catalogue(path, names):
    assert prose((ROOT / path).read_text(encoding="utf-8"), names) == []


def test_the_prose_check_can_fail():
    code = 'def f(n):\n    """A docstring is fine."""\n    return f"{n} characters are too many"\n'
    assert prose(code, {"f"}) == [" characters are too many"]
    assert prose(code.replace(" characters are too many", "limit_text"), {"f"}) == []


@pytest.mark.parametrize("environment, expected", [
    ({"LC_ALL": "zh_CN.UTF-8"}, "zh"), ({"LANG": "zh_TW.UTF-8"}, "zh"), ({"LANG": "en_US.UTF-8"}, "en"),
    ({"LC_ALL": "C.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"), ({}, "en"), ({"LC_MESSAGES": "zh_CN"}, "zh"),
])
def test_the_locale_chooses_the_language(monkeypatch, environment, expected):
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "DEALDOCS_LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    assert from_locale() == expected and language() == expected
    assert choose("en") == "en" and language() == "en"  # --lang wins
    assert choose(None) == expected


def test_messages_in_chinese_on_the_right_line(capsys, tmp_path, monkeypatch):
    monkeypatch.delenv("DEALDOCS_LANG")
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    deal = tmp_path / "demo.yaml"
    deal.write_text(MINIMAL_DEAL.replace("title: 演示项目", "title：演示项目"), encoding="utf-8")
    assert main(["check", str(deal)]) == 1
    assert capsys.readouterr().err == (
        f"{deal}:2:6: YAML 语法错误：'title' 后面是全角冒号 '：'；请输入半角冒号加一个空格：title: ...\n"
        "已检查 1 个交易：0 个有效，1 个无效\n")
    deal.write_text(MINIMAL_DEAL.replace("level: top", "level: 高层").replace("weight: 4", "weight: ８5"),
                    encoding="utf-8")
    assert main(["check", str(deal)]) == 1
    assert capsys.readouterr().err.splitlines()[:2] == [
        f"{deal}:13:13: key_buying_factors[0].weight: '８5' 用了全角数字；请用半角数字输入 85",
        f"{deal}:37:26: chain.customer[0].level: '高层' 的意思是 top：请写 level: top；"
        "应为以下之一：top（一把手）、deputy（副总经理）、manager（部门或分管经理）、frontline（一线员工）",
    ]


def test_lang_option_overrides_the_locale(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert main(["check", "--lang", "en", str(tmp_path / "nope.yaml")]) == 2
    assert capsys.readouterr().err == f"error: {tmp_path / 'nope.yaml'}: no such file\n"
    assert main(["--lang=zh", "check", str(tmp_path / "nope.yaml")]) == 2
    assert capsys.readouterr().err == f"错误：{tmp_path / 'nope.yaml'}：文件不存在\n"


def test_catalogues_are_the_only_languages():
    assert set(CATALOGUES) == {"en", "zh"}
    assert Path(en.__file__).name == "en.py" and Path(zh.__file__).name == "zh.py"


# --- the analysis' warnings, the limits and the id clash, in both languages ---------------------


def test_the_analysis_warnings_are_printed_in_the_users_language_and_analysis_json_is_the_same(monkeypatch):
    path = ROOT / "inputs" / "xyz-atm-network.yaml"
    monkeypatch.setenv("DEALDOCS_LANG", "en")
    analysis, source = analyse_file(str(path))
    english, json_en = warning_lines(analysis, source), analysis_json(analysis)
    monkeypatch.setenv("DEALDOCS_LANG", "zh")
    analysis, source = analyse_file(str(path))
    chinese, json_zh = warning_lines(analysis, source), analysis_json(analysis)
    assert json_en == json_zh  # same input, same bytes, whatever the locale
    line = source.line_of("relationship_capabilities[5].weight")
    assert english[0] == (
        f"{path}:{line}: warning: relationship_capabilities[5].weight: the method names '解决方案的设计能力' but "
        "gives it no weight, and it is not one of its weighted indicators (客户经理的影响力 5、组织内部协调能力 4、"
        "高层对项目的重视程度 3、交易历史及口碑 4、长期合作潜力 3); its weight 4 is the team's own choice, marked so in the deck")
    assert chinese[0] == (
        f"{path}:{line}: 警告：relationship_capabilities[5].weight：方法提到 '解决方案的设计能力' 但没有给出权重，"
        "它也不是方法中带权重的指标（客户经理的影响力 5、组织内部协调能力 4、高层对项目的重视程度 3、交易历史及口碑 4、"
        "长期合作潜力 3）；权重 4 由团队自选，课件中已标出")
    assert chinese[1].endswith(": 警告：positioning_statement：交易文件没有写定位陈述，文档使用的是根据分析生成的草稿；"
                               "请团队改写后写进交易文件")
    assert english[1].endswith(": warning: positioning_statement: not given, so the documents use a draft generated "
                               "from the analysis; have the team rewrite it and put it in the deal file")


def test_each_kind_of_warning_has_its_chinese_wording(monkeypatch):
    """The customer type guessed, a standing the team's own indicators change, a SMART doubt: zh
    and en from one finding, the method's words (a position) in the message's language."""
    five = [{"name": n, "scores": {"us": 70, "A": 78, "B": 78}}
            for n in ("客户经理的影响力", "组织内部协调能力", "高层对项目的重视程度", "交易历史及口碑", "长期合作潜力")]
    golf = {"name": "Golf with the board", "weight": 30, "scores": {"us": 100, "A": 50, "B": 50}}
    deal = make(customer={"name": "某市医疗保障局"}, relationship_capabilities=[*five, golf],
                specific={"payback_months": 12})
    found = {}
    for finding in analyze(deal).findings:
        found.setdefault(finding.key, finding)  # the first of each kind: Rival A's
    assert found["type_inferred"].say("zh") == (
        "客户类型是根据名称 '某市医疗保障局' 推断的 'government'，文档因此称客户为'贵局'；请设置 customer.type"
        "（enterprise | government | hospital | school | institution）加以确认或更正，此警告即消失")
    assert found["method_changes_position"].say("zh") == (
        "只按方法的标准指标和权重计算，我方对Rival A的客户关系能力为'相对劣势'（指数差-8.0），而不是'相对优势'："
        "这一比较取决于团队自选的指标或权重")
    assert found["method_changes_position"].say("en").startswith(
        "on the method's standard indicators alone, at its weights, our relationship capability would be "
        "'disadvantage' against Rival A (index margin -8.0), not 'advantage'")
    assert found["doubt_stated"].say("zh") == "声明的回收期12个月与计算值5.9个月相差超过10%"
    assert found["doubt_stated"].message == "the stated payback of 12 months is more than 10% off the computed 5.9 months"
    monkeypatch.setenv("DEALDOCS_LANG", "zh")
    assert found["doubt_stated"].say() == "声明的回收期12个月与计算值5.9个月相差超过10%"


@pytest.mark.parametrize("chosen, expected", [
    ("en", ["151 characters; the documents carry at most 150 here: shorten it",
            "9 entries; the documents carry at most 8 competitors: keep the 8 that matter most",
            "expected a weight over 0 up to 1000, got 2000",
            "010 is read by YAML 1.1 as the octal number 8; write it without the leading zero (10), "
            "or in quotes if it is text"]),
    ("zh", ["151 个字符；文档在这里最多容纳 150 个：请缩短",
            "9 项；文档最多容纳 8 个竞争对手：请保留最重要的 8 个",
            "应为大于 0、不超过 1000 的权重，实际为 2000",
            "YAML 1.1 把 010 读作八进制数 8；请去掉开头的 0（写成 10），如果是文字请加引号"]),
])
def test_the_limits_speak_the_users_language(monkeypatch, chosen, expected):
    monkeypatch.setenv("DEALDOCS_LANG", chosen)
    data = {"title": "T" * 151, "competitors": [{"id": f"c{n}", "name": "C"} for n in range(9)],
            "key_buying_factors": [{"name": "安全性", "weight": 2000}],
            "business_capabilities": [{"name": "网络", "weight": 8}]}
    issues = check_limits(data, {"business_capabilities[0].weight": "010"})
    assert sorted(i.message for i in issues) == sorted(expected)


@pytest.mark.parametrize("chosen, fix, words", [
    ("en", "{path} is the newer of the two, so change its id:", "{path}: id 'dup' is also the id of {holder}, "
                                                               "whose documents go to {folder}/; {fix} (each deal needs its own id)"),
    ("zh", "{path} 是两者中较新的，请修改它的 id:", "{path}：id 'dup' 也是 {holder} 的 id，后者的文档在 {folder}/；{fix}"
                                               "（每个交易都需要自己的 id）"),
])
def test_the_id_clash_speaks_the_users_language(monkeypatch, tmp_path, chosen, fix, words):
    monkeypatch.setenv("DEALDOCS_LANG", chosen)
    older, newer = tmp_path / "a.yaml", tmp_path / "b.yaml"
    for path, when in ((older, 1_000_000), (newer, 2_000_000)):
        path.write_text("id: dup\n", encoding="utf-8")
        os.utime(path, (when, when))
    said = id_clashes({str(older): "dup", str(newer): "dup"}, tmp_path / "out")
    fixed = fix.format(path=newer)
    assert said == {str(newer): words.format(path=newer, holder=older, folder=tmp_path / "out" / "dup", fix=fixed)}
