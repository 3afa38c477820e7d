"""`dealdocs new`: a skeleton with every required field, whose placeholders are one "still to fill in" line."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from pipeline.batch import build_all

from pipeline.build import Options
from pipeline.cli.main import main
from pipeline.errors import Unfinished
from pipeline.load.deal import load_deal
from pipeline.load.placeholders import is_placeholder, known, placeholders
from pipeline.load.skeleton import SCHEMA, skeleton
from tests.conftest import ROOT

# A value for each kind of placeholder, as a team would fill it in.
FILLED = {"<0-100>": "70", "<0-5>": "3", "<2026-12>": "2027-01", "<权重>": "4", "<weight>": "4",
          "<金额>": "300000", "<amount>": "300000", "<百分比>": "20", "<percent>": "20"}


def fill(text: str) -> str:
    """Every placeholder replaced: numbers by numbers, text by a distinct text."""
    count = iter(range(1, 1000))
    return re.sub(r"<[^<>\n]+>", lambda m: FILLED.get(m.group(), f"text{next(count)}"), text)


def new(capsys, tmp_path: Path, *extra: str, name: str = "customs-2026.yaml") -> Path:
    target = tmp_path / name
    assert main(["new", str(target), *extra]) == 0
    assert capsys.readouterr().err == f"wrote {target}: replace each <…>, then run: dealdocs check {target}\n"
    return target


@pytest.mark.parametrize("language", ["zh", "en"])
def test_a_new_deal_is_one_warning_listing_what_is_left(capsys, tmp_path, language):
    target = new(capsys, tmp_path, "--language", language)
    text = target.read_text(encoding="utf-8")
    assert "id: customs-2026 " in text and f"language: {language} " in text
    with pytest.raises(Unfinished) as caught:
        load_deal(target)
    [line] = caught.value.problems
    expected_left = [p for p in placeholders(_yaml(text))]
    assert caught.value.left == expected_left and len(expected_left) == 38
    assert line.startswith(f"{target}:5: warning: still to fill in, 38 value(s) (replace each <…>): title (line 5), ")
    assert "chain.customer[3].strength (line 67)" in line
    # check: the same line, a summary that says it is a draft, exit 1; build refuses it with the same line
    assert main(["check", str(target)]) == 1
    err = capsys.readouterr().err
    assert err == f"{line}\nchecked 1 deal(s): 0 valid, 0 invalid, 1 still to fill in\n"
    summary = build_all([str(target)], Options(out_dir=tmp_path / "out"), jobs=1)
    [outcome] = summary.outcomes
    assert outcome.status == "failed" and outcome.draft and outcome.errors == (line,)
    assert not (tmp_path / "out" / "customs-2026").exists()


def _yaml(text: str):
    import yaml

    return yaml.safe_load(text)


@pytest.mark.parametrize("language", ["zh", "en"])
def test_a_filled_in_skeleton_is_a_valid_deal_with_the_methods_indicators(capsys, tmp_path, language):
    before = dt.date.today()
    target = new(capsys, tmp_path, "--language", language)
    after = dt.date.today()
    target.write_text(fill(target.read_text(encoding="utf-8")), encoding="utf-8")
    deal, _ = load_deal(target)
    assert deal.id == "customs-2026" and deal.language == language and before <= deal.date <= after
    names = {"zh": ["客户经理的影响力", "组织内部协调能力", "高层对项目的重视程度", "交易历史及口碑", "长期合作潜力"],
             "en": ["Account manager's influence", "Internal coordination capability",
                    "Senior management's attention to the project", "Transaction history and reputation",
                    "Long-term cooperation potential"]}[language]
    assert [i.name for i in deal.relationship_capabilities] == names  # the method library's (templates/method.json)
    assert [i.weight for i in deal.relationship_capabilities] == [5, 4, 3, 4, 3]
    assert [c.level for c in deal.chain.customer] == ["top", "deputy", "manager", "frontline"]


def test_a_mistake_beside_placeholders_is_an_error_and_the_list_follows(capsys, tmp_path):
    target = new(capsys, tmp_path)
    text = target.read_text(encoding="utf-8").replace("    weight: 5\n", "    weight: -5\n", 1)
    target.write_text(text, encoding="utf-8")
    assert main(["check", str(target)]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert lines[0] == f"{target}:28:13: relationship_capabilities[0].weight: expected a positive number, got -5"
    assert lines[1].startswith(f"{target}:5: warning: still to fill in, 38 value(s)")
    assert lines[2] == "checked 1 deal(s): 0 valid, 1 invalid"


def test_the_schema_line_works_from_inside_and_outside_the_repository(tmp_path):
    inside = skeleton(ROOT / "inputs" / "x.yaml")
    assert inside.startswith("# yaml-language-server: $schema=../schema/deal.schema.json\n")
    outside = skeleton(tmp_path / "deep" / "x.yaml")
    assert outside.startswith(f"# yaml-language-server: $schema={SCHEMA.as_posix()}\n") and SCHEMA.is_file()


@pytest.mark.parametrize("name, message", [
    ("my deal.yaml", "the file name 'my deal' is the deal's id, so it may hold only letters, digits, '-' and '_' "
                     "(e.g. customs-2026.yaml)"),
    ("deal.txt", "a deal file ends in .yaml or .yml"),
])
def test_new_refuses_a_name_that_cannot_be_a_deal(capsys, tmp_path, name, message):
    assert main(["new", str(tmp_path / name)]) == 2
    assert capsys.readouterr().err == f"error: {tmp_path / name}: {message}\n"
    assert list(tmp_path.iterdir()) == []


def test_new_never_overwrites(capsys, tmp_path):
    target = tmp_path / "mine.yml"
    target.write_text("mine", encoding="utf-8")
    assert main(["new", str(target)]) == 2
    assert capsys.readouterr().err == f"error: {target}: already exists; choose another name (nothing was changed)\n"
    assert target.read_text(encoding="utf-8") == "mine"


def test_only_the_placeholders_new_writes_count():
    assert is_placeholder("<项目名称>") and is_placeholder(" <0-100> ") and is_placeholder("<weight>")
    assert not is_placeholder("<0>") and not is_placeholder("a <项目名称>") and not is_placeholder(5)
    assert {"<0-100>", "<0-5>", "<2026-12>", "<权重>", "<weight>", "<姓名>", "<name>"} <= known()
