"""The JSON Schema of the deal file: shipped current, and agreeing with the loader."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from pipeline.load.schema import deal_json_schema, known_keys, type_at
from tests.conftest import EXAMPLES, ROOT
from tests.deals import MINIMAL_DEAL

SHIPPED = ROOT / "schema" / "deal.schema.json"
REFRESH = "python -m pipeline schema > schema/deal.schema.json"
HEADER = "# yaml-language-server: $schema=../schema/deal.schema.json"


def schema_text() -> str:
    return json.dumps(deal_json_schema(), indent=2, ensure_ascii=False) + "\n"


def editor_view(text: str) -> object:
    """The data as an editor's YAML plugin sees it: dates are strings."""
    return json.loads(json.dumps(yaml.safe_load(text), default=str))


def errors(data: object) -> list[str]:
    validator = jsonschema.Draft202012Validator(deal_json_schema(),
                                                format_checker=jsonschema.FormatChecker())
    return sorted(e.message for e in validator.iter_errors(data))


def test_the_shipped_schema_is_current():
    assert SHIPPED.read_text(encoding="utf-8") == schema_text(), f"{SHIPPED} is out of date; refresh it: {REFRESH}"


def test_the_refresh_command_prints_the_schema():
    run = subprocess.run([sys.executable, "-m", "pipeline", "schema"], cwd=ROOT, capture_output=True,
                         text=True, encoding="utf-8", check=True)
    assert run.stdout == schema_text()


def test_the_schema_text_is_stable():
    assert schema_text() == schema_text()
    assert list(deal_json_schema()) == sorted(deal_json_schema())


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_example_names_the_schema_and_keeps_it(path: Path):
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == HEADER
    assert errors(editor_view(text)) == []


@pytest.mark.parametrize("start", ["2026-12", "2026-12-01"])
def test_start_is_a_date_or_a_year_month(start):
    assert errors(editor_view(MINIMAL_DEAL.replace("start: 2026-12", f"start: '{start}'"))) == []


def test_the_schema_refuses_what_the_loader_refuses():
    text = MINIMAL_DEAL.replace("start: 2026-12", "start: 2026-13").replace("us: 90, A: 60, B: 70", "us: 150, A: 60, B: 70")
    text = text.replace("competitors:", "competitor:")
    assert errors(editor_view(text)) == [
        "'2026-13' is not valid under any of the given schemas",
        "'competitors' is a required property",
        "150 is greater than the maximum of 100",
        "Additional properties are not allowed ('competitor' was unexpected)",
    ]


def test_fields_carry_descriptions_for_the_editor():
    schema = deal_json_schema()
    specific = schema["$defs"]["Specific"]["properties"]
    assert "year-month" in specific["start"]["description"]
    assert schema["properties"]["language"]["description"].startswith("zh (default) | en")
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_known_keys_and_types_follow_the_model():
    assert known_keys(("chain", "customer", 0)) == ["name", "title", "level", "strength", "our_contact"]
    assert known_keys(("key_buying_factors", 3, "scores")) == []
    assert type_at(("key_buying_factors", 0, "name")) is str
    assert type_at(("nonsense",)) is None
