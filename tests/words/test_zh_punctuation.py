"""Generated Chinese uses full-width punctuation: no ASCII , . ; : ? ( ) beside a Chinese character, no
space beside a full-width mark and no doubled mark, in the example deals' analysis.json, deck and briefs.

Text the user typed is masked out first (a customer name such as 对手A(移动运营商) stays as written),
so an offender is always words the project generated.
"""

from __future__ import annotations

import html
import json
import re
import zipfile
from pathlib import Path

import pytest

from pipeline.load.deal import load_deal
from pipeline.words.wording import unwrap
from tools.golden import EXAMPLES, build_examples

HAN = "\u3400-\u4dbf\u4e00-\u9fff"
OFFENDER = re.compile(rf"[{HAN}][,.;:?]|[,.;:?] ?[{HAN}]|[{HAN}] ?[()]|[()] ?[{HAN}]"  # ASCII marks beside Chinese
                      r"|[，。：；？！（）、] | [，。：；？！（）、]"  # a space beside a full-width mark
                      r"|[，。：；？！、][，。：；、]")  # a doubled mark from a join: 。。 ，。
TABLE_CELL = " | "  # how tools/golden.py joins the cells of a table row
MASK = "\x00"
CHART_TEXT = re.compile(r"<(?:c:v|a:t)>([^<]*)</(?:c:v|a:t)>")  # series names, categories, titles


def zh_deals() -> list[Path]:
    return [path for path in EXAMPLES if load_deal(path)[0].language == "zh"]


def user_texts(path: Path) -> list[str]:
    """Every string of the deal file, as typed and as the documents reflow it, longest first."""
    found: list[str] = []
    strings(load_deal(path)[0].model_dump(mode="json"), found)
    pieces = {piece for text in found for piece in (text, unwrap(text), *text.splitlines(),
                                                     *unwrap(text).split("。")) if piece.strip()}
    return sorted(pieces, key=lambda piece: (-len(piece), piece))


def strings(value, found: list[str]) -> None:
    if isinstance(value, str):
        found.append(value)
    elif isinstance(value, dict):
        for inner in value.values():
            strings(inner, found)
    elif isinstance(value, list):
        for inner in value:
            strings(inner, found)


def masked(text: str, typed: list[str]) -> str:
    for piece in typed:
        text = text.replace(piece, MASK)
    return text


def offenders(where: str, lines: list[str], typed: list[str]) -> list[str]:
    """`where: line` for each generated line that breaks the rule, user text masked."""
    found = []
    for line in lines:
        cells = masked(line, typed).split(TABLE_CELL)
        if any(OFFENDER.search(cell.strip()) for cell in cells):
            found.append(f"{where}: {line}")
    return found


def document_lines(name: str, text: str) -> list[str]:
    """A golden text's lines, without the chart data that tools/golden.py writes as `name: [values]`."""
    lines, in_chart = [], False
    for line in text.splitlines():
        in_chart = line.startswith("[chart") or (in_chart and line.startswith("  "))
        if not in_chart:
            lines.append(line)
    return lines


def chart_lines(path: Path) -> list[str]:
    """The words of every chart in an Office file (tools/golden.py gives no chart text for briefs)."""
    with zipfile.ZipFile(path) as package:
        return [html.unescape(text) for name in sorted(package.namelist())
                if re.fullmatch(r"(word|ppt)/charts/chart\d+\.xml", name)
                for text in CHART_TEXT.findall(package.read(name).decode("utf-8"))]


def analysis_lines(path: Path) -> list[str]:
    found: list[str] = []
    strings(json.loads(path.read_text(encoding="utf-8")), found)
    return [line for text in found for line in text.splitlines()]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("zh-punctuation")
    return out, build_examples(out)


@pytest.mark.parametrize("deal", zh_deals(), ids=lambda path: path.stem)
def test_generated_chinese_uses_full_width_punctuation(built, deal):
    out, texts = built
    typed = user_texts(deal)
    found = offenders(f"{deal.stem}/analysis.json", analysis_lines(out / deal.stem / "analysis.json"), typed)
    documents = {name: text for name, text in texts.items() if name.startswith(f"{deal.stem}/")}
    assert len(documents) == 7  # the deck, three briefs and three proposals were all read
    for name, text in sorted(documents.items()):
        found += offenders(name, document_lines(name, text), typed)
    charts = [path for path in sorted((out / deal.stem).iterdir()) if path.suffix in (".pptx", ".docx")]
    assert len(charts) == 7
    for path in charts:
        found += offenders(f"{deal.stem}/{path.name} charts", chart_lines(path), typed)
    assert not found, "ASCII punctuation or a stray space in generated Chinese:\n" + "\n".join(found)


def test_the_check_finds_generated_ascii_punctuation_and_spares_typed_text():
    typed = ["对手A(移动运营商)", "xyz投资公司"]
    lines = ["相对于对手A(移动运营商)而言，我方领先。", "投资回收期: 5.9个月", "数字 5.9 和 xyz投资公司 不算",
             "理由。 多了空格", "名称 | 数值", "得分90, 高于", "成本。。", "价格，。", "1,000万美元", "公司 (目标)"]
    assert offenders("doc", lines, typed) == ["doc: 投资回收期: 5.9个月", "doc: 理由。 多了空格", "doc: 得分90, 高于",
                                              "doc: 成本。。", "doc: 价格，。", "doc: 公司 (目标)"]
