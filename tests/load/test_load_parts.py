"""The loader's small parts: field paths, string cleaning, raw keys and positions of odd YAML."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import InputError
from pipeline.load.clean import clean_text
from pipeline.load.deal import load_deal
from pipeline.load.paths import child, from_parts, longest_within, parent


def test_paths_read_as_users_write_them():
    assert from_parts(("chain", "customer", 2, "level")) == "chain.customer[2].level"
    assert child("", "title") == "title" and child("x", "") == "x.''"


@pytest.mark.parametrize("path, up", [
    ("chain.customer[2].level", "chain.customer[2]"), ("chain.customer[2]", "chain.customer"),
    ("chain", ""), ("", ""), ("matrix[0][1]", "matrix[0]"),
])
def test_parent_goes_one_level_up(path, up):
    assert parent(path) == up


@pytest.mark.parametrize("raw, clean", [
    ("a\x00b\x08c\x0cd\x1fe", "abcde"),
    ("line\vbreak", "line\nbreak"),
    ("tab\tnew\nret\r", "tab\tnew\nret\r"),
    ("x\ufffe\uffffy", "xy"),
    ("lone \ud800 high, lone \udfff low", "lone  high, lone  low"),
    ("pair \ud83d\ude00", "pair \U0001F600"),
    ("中文 and ascii", "中文 and ascii"),
])
def test_clean_text_keeps_only_xml_safe_characters(raw, clean):
    assert clean_text(raw) == clean


def problems(tmp_path, text: str) -> list[str]:
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_deal(path)
    return [p.removeprefix(f"{path}:") for p in caught.value.problems]


def test_the_longest_text_within_names_the_field_to_shorten():
    deal = {"title": "Bank", "chain": {"customer": [{"name": "Ann Lee", "title": "Chief\nRisk Officer"}]},
            "levels": {"senior": "Chief"}}
    # a box's text joins lines with spaces: "Chief\nRisk Officer" is in it; the longest such text wins
    assert longest_within(deal, "Ann Lee · Chief Risk Officer  4/5") == "chain.customer[0].title"
    assert longest_within(deal, "Ann Lee, Bank") == "chain.customer[0].name"
    assert longest_within(deal, "nothing of the deal") is None
    assert longest_within({"id": "a"}, "a b a") is None  # one character says nothing


def test_an_empty_key_is_named_not_lost(tmp_path):
    assert "1:1: '': unknown key; the keys here are: id, title" in problems(tmp_path, '"": 1\n')[-1]


def test_a_list_as_a_key_is_refused(tmp_path):
    assert "1:3: a key must be plain text, not a list or mapping" in problems(tmp_path, "? [a, b]\n: 1\n")


def test_a_mapping_that_merges_a_list_of_text_is_refused(tmp_path):
    assert "2:12: customer: '<<' merges only mappings" in problems(tmp_path, "x: &x text\ncustomer: {<<: *x}\n")


def test_a_scalar_with_an_explicit_wrong_tag_is_left_to_validation(tmp_path):
    assert problems(tmp_path, "title: !!bool maybe\n")[0] == "1:1: date: missing; add date: <a date like 2026-11-20>"


def test_a_file_with_a_utf8_bom_loads(tmp_path, example_paths):
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + Path(example_paths[0]).read_bytes())
    assert load_deal(path)[0].id
