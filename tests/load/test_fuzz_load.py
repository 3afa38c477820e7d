"""Fuzzing the loader: valid deals always load; mangled ones end in InputError or a Deal, nothing else."""

from __future__ import annotations

import re

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.errors import InputError
from pipeline.load.deal import load_deal
from pipeline.load.model import Deal
from tests.deals import valid_deals

FUZZ = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                        HealthCheck.too_slow])
PROBLEM = re.compile(r"^deal\.yaml(:\d+:\d+)?: \S")
JUNK = st.text(st.one_of(st.sampled_from(":-[]{}&*!|>#%@`'\"\t\n ,?~\\"), st.characters(max_codepoint=0x1F),
                         st.sampled_from("一二三\ufeff\ufffe\u2028\x85"), st.characters()), min_size=1, max_size=12)
VALUES = st.sampled_from(["[1, 2]", "{a: 1}", "yes", "~", "", "-1", "1e999", "'text'", "2026-13-45", "!!binary aGk=",
                          "&x 1", "*x", "|", "!!python/name:os.system", "<<: *x", "0x1F", ".nan", "[[[[", "'a"])


def write(tmp_path, content: str | bytes):
    path = tmp_path / "deal.yaml"
    if isinstance(content, str):
        content = content.encode("utf-8", errors="surrogatepass")
    path.write_bytes(content)
    return path


def load_or_problems(path) -> Deal | list[str]:
    """The deal, or its problems; any other exception fails the test."""
    try:
        return load_deal(path.name)[0]
    except InputError as e:
        return e.problems


@FUZZ
@given(text=valid_deals())
def test_a_valid_deal_always_loads(tmp_path, monkeypatch, text):
    monkeypatch.chdir(tmp_path)
    data = yaml.safe_load(text)
    deal, source = load_deal(write(tmp_path, text).name)
    assert [c.id for c in deal.companies] == [data["us"]["id"]] + [c["id"] for c in data["competitors"]]
    assert deal.id == data.get("id", "deal") and deal.title == data["title"].strip()
    assert len(deal.chain.customer) == len(data["chain"]["customer"])
    assert deal.key_buying_factors[0].scores == data["key_buying_factors"][0]["scores"]
    assert source.line_of("relationship_capabilities[0].weight") > source.line_of("key_buying_factors")


def delete_line(draw, lines):
    del lines[draw(st.integers(0, len(lines) - 1))]


def duplicate_line(draw, lines):
    i = draw(st.integers(0, len(lines) - 1))
    lines.insert(i, lines[i])


def swap_characters(draw, lines):
    i = draw(st.integers(0, len(lines) - 1))
    line = lines[i]
    if len(line) > 1:
        j = draw(st.integers(0, len(line) - 2))
        lines[i] = line[:j] + line[j + 1] + line[j] + line[j + 2:]


def change_value(draw, lines):
    candidates = [i for i, line in enumerate(lines) if ": " in line]
    if candidates:
        i = draw(st.sampled_from(candidates))
        lines[i] = lines[i].split(": ", 1)[0] + ": " + draw(VALUES)


def insert_junk(draw, lines):
    i = draw(st.integers(0, len(lines) - 1))
    j = draw(st.integers(0, len(lines[i])))
    lines[i] = lines[i][:j] + draw(JUNK) + lines[i][j:]


def reindent(draw, lines):
    i = draw(st.integers(0, len(lines) - 1))
    lines[i] = " " * draw(st.integers(0, 6)) + lines[i].lstrip()


MUTATIONS = [delete_line, duplicate_line, swap_characters, change_value, insert_junk, reindent]


@FUZZ
@given(text=valid_deals(), data=st.data())
def test_a_mangled_deal_ends_in_input_error_or_a_deal(tmp_path, monkeypatch, text, data):
    monkeypatch.chdir(tmp_path)
    lines = text.splitlines()
    for mutate in data.draw(st.lists(st.sampled_from(MUTATIONS), min_size=1, max_size=4)):
        mutate(data.draw, lines)
    result = load_or_problems(write(tmp_path, "\n".join(lines) + "\n"))
    assert isinstance(result, Deal) or (result and all(PROBLEM.match(p) and "\n" not in p for p in result))


@FUZZ
@given(text=valid_deals(), cut=st.floats(0, 1), junk=st.binary(min_size=1, max_size=8))
def test_cut_or_byte_damaged_deals_end_in_input_error_or_a_deal(tmp_path, monkeypatch, text, cut, junk):
    monkeypatch.chdir(tmp_path)
    raw = text.encode("utf-8")
    at = int(len(raw) * cut)
    for content in (raw[:at], raw[:at] + junk + raw[at:]):
        result = load_or_problems(write(tmp_path, content))
        assert isinstance(result, Deal) or (result and all(PROBLEM.match(p) for p in result))
