"""Messages in zh and en: one catalogue per language, complete, chosen by --lang, then the locale."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from pipeline.cli.main import main
from pipeline.words.messages import CATALOGUES, choose, en, from_locale, language, zh
from tests.conftest import ROOT
from tests.deals import MINIMAL_DEAL

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
    assert used and used <= set(en.MESSAGES), used - set(en.MESSAGES)


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
