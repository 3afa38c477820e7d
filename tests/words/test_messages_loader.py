"""The loader's, the playbook's, the output folder's and the workbook's messages in Chinese, each on
its file (and line), as `dealdocs` prints them under a Chinese locale (#17); the expected texts are
written out here, not made by the code's formatting."""

from __future__ import annotations

import ast
import errno
import json

import pytest
from openpyxl import load_workbook

from pipeline.build import Options, _too_slow, build_deal
from pipeline.errors import OutputError
from pipeline.cli.main import main
from pipeline.load.deal import load_deal
from pipeline.publish.output import describe, refuse_unless_ours
from pipeline.workbook.export import export_workbook
from tests.conftest import ROOT
from tests.deals import MINIMAL_DEAL

SUMMARY_ONE_INVALID = "已检查 1 个交易：0 个有效，1 个无效"


@pytest.fixture
def chinese(monkeypatch):
    monkeypatch.delenv("DEALDOCS_LANG")
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")


def checked(capsys, deal, *options: str) -> list[str]:
    assert main(["check", *options, str(deal)]) != 0
    return capsys.readouterr().err.splitlines()


def test_a_duplicate_key_in_chinese_names_both_lines(chinese, capsys, tmp_path):
    deal = tmp_path / "demo.yaml"
    assert MINIMAL_DEAL.splitlines()[5] == "  name: 某省海关"  # line 6
    deal.write_text(MINIMAL_DEAL.replace("  name: 某省海关\n", "  name: 某省海关\n  name: 某海关\n"), encoding="utf-8")
    assert checked(capsys, deal) == [
        f"{deal}:7:3: customer.name: 重复的键 'name'（第一次出现在第 6 行）；请只保留其中一个", SUMMARY_ONE_INVALID]


def test_an_unsupported_tag_in_chinese(chinese, capsys, tmp_path):
    deal = tmp_path / "demo.yaml"
    deal.write_text(MINIMAL_DEAL.replace("title: 演示项目", "title: !!python/object/apply:os.system ['echo hi']"),
                    encoding="utf-8")
    assert checked(capsys, deal) == [
        f"{deal}:2:8: title: 不支持的 YAML 标签 '!!python/object/apply:os.system'；请删除它"
        "（交易文件只包含文字、数字、日期、列表和映射）", SUMMARY_ONE_INVALID]


def test_a_playbook_with_repeated_rule_ids_in_chinese(chinese, capsys, tmp_path):
    deal = tmp_path / "demo.yaml"
    deal.write_text(MINIMAL_DEAL, encoding="utf-8")
    words = {"zh": "标题", "en": "Title"}
    rule = {"when": {}, "title": words, "recommendation": words, "reason": words}
    playbook = tmp_path / "playbook.json"
    playbook.write_text(json.dumps({"rules": [{"id": i, **rule} for i in ("b", "a", "b", "a", "c")]}), encoding="utf-8")
    assert main(["check", "--playbook", str(playbook), str(deal)]) == 2
    assert capsys.readouterr().err == f"错误：{playbook}：规则 id 必须唯一，重复的有：a、b；请修改或删除重复的规则\n"


def test_an_out_that_is_a_file_in_chinese(chinese, capsys, tmp_path):
    deal, out = tmp_path / "demo.yaml", tmp_path / "out"
    deal.write_text(MINIMAL_DEAL, encoding="utf-8")
    out.write_text("not a folder", encoding="utf-8")
    assert main(["build", str(deal), "--out", str(out)]) != 0
    assert capsys.readouterr().err.strip() == f"错误：无法写入 {out}：它是文件，不是文件夹；--out 必须是文件夹"
    assert out.read_text(encoding="utf-8") == "not a folder"  # a file we did not make is never touched


def test_a_missing_workbook_sheet_in_chinese(chinese, capsys, tmp_path):
    deal_file = tmp_path / "demo.yaml"
    deal_file.write_text(MINIMAL_DEAL, encoding="utf-8")
    book = tmp_path / "demo.xlsx"
    book.write_bytes(export_workbook(load_deal(deal_file)[0]))
    workbook = load_workbook(book)
    workbook["业务能力"].title = "业务"
    workbook.save(book)
    assert main(["import", str(book), "--out", str(tmp_path / "back")]) != 0
    assert capsys.readouterr().err.splitlines()[0] == (
        f"{book}：没有名为 '业务能力' 或 'Business capabilities' 的工作表；现有的工作表是：交易、客户购买关键因素、业务、"
        "客户关系能力、价值命题、关系链条（请导出一个新的工作簿查看格式）")


def test_no_time_limit_builds_the_deal(tmp_path):
    """Options(time_limit=None) once formatted None into the time-limit message: every deal failed."""
    deal = tmp_path / "demo.yaml"
    deal.write_text(MINIMAL_DEAL, encoding="utf-8")
    outcome = build_deal(str(deal), Options(tmp_path / "out", time_limit=None), "test")
    assert (outcome.status, outcome.errors) == ("built", ())
    assert (tmp_path / "out" / "demo" / "analysis.json").is_file()


@pytest.mark.parametrize("catalogue", ["en.py", "zh.py"])
def test_no_key_is_written_twice_in_a_catalogue(catalogue):
    """A dict literal keeps the last of two equal keys silently: a message would say another's words."""
    tree = ast.parse((ROOT / "pipeline" / "words" / "messages" / catalogue).read_text(encoding="utf-8"))
    keys = [key.value for node in ast.walk(tree) if isinstance(node, ast.Dict) for key in node.keys]
    assert len(keys) > 150 and sorted(k for k in set(keys) if keys.count(k) > 1) == []


def test_the_output_folders_refusals_in_chinese(chinese, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "demo").write_text("theirs", encoding="utf-8")
    with pytest.raises(OutputError) as refused:
        refuse_unless_ours(out / "demo")
    assert str(refused.value) == f"{out / 'demo'} 是一个不是 dealdocs 创建的文件，已保持原样：请把它移走，或给这个交易换一个 id"
    full = OSError(errno.ENOSPC, "No space left on device", str(out / "demo"))
    assert describe(full, out) == f"无法写入 {out / 'demo'}：No space left on device；请释放一些磁盘空间，或用 --out 构建到另一个文件夹"
    assert (out / "demo").read_text(encoding="utf-8") == "theirs"


def test_the_time_limit_names_the_users_own_files_in_chinese(chinese, tmp_path):
    brief, playbook = tmp_path / "brief.docx", tmp_path / "playbook.json"
    outcome = Options(brief_template=brief, playbook=playbook, time_limit=0.5)
    assert _too_slow(outcome) == (f"已在 0.5 秒后停止，这是单个交易的时间上限；简报模板 {brief} 或 playbook 文件 {playbook} "
                                  "可能陷入了无限循环，请检查")
    assert _too_slow(Options(time_limit=None)) == ""  # no limit: nothing is ever said
