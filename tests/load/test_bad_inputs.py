"""Malformed deal files (tests/bad_inputs/): each ends in one clear first line, never a traceback.

The table gives each file's expected first problem; the folder and the table must
list the same files, so a new bad input cannot be added without its message.
"""

from __future__ import annotations

import os

import pytest

from pipeline.errors import InputError
from pipeline.load.deal import load_deal
from pipeline.load.read import MAX_BYTES
from tests.paths import TESTS

FOLDER = TESTS / "bad_inputs"
ID = "an id of letters, digits, '-' and '_' (at most 64, no spaces or '/')"
EMPTY = ("empty file; a deal needs title, date, customer, us, competitors, key_buying_factors, "
         "business_capabilities, relationship_capabilities, value_proposition and chain "
         "(dealdocs new FILE.yaml writes one to fill in)")

FIRST_PROBLEM = {
    # YAML syntax, in plain words
    "yaml-colon-in-text.yaml": "3:10: YAML syntax error: a ':' where no key can start; put text that contains ': ' in quotes",
    "yaml-tab-indent.yaml": "7:1: YAML syntax error: a tab character; indent with spaces, not tabs",
    "yaml-unclosed-flow.yaml": "9:12: YAML syntax error: a {...} is not closed with '}', or its entries lack a ',' between them",
    "yaml-unclosed-at-end.yaml": "42:12: YAML syntax error: a [...] that starts here is never closed with ']'",
    "yaml-unclosed-quote.yaml": "3:8: YAML syntax error: a quoted text that starts here is never closed",
    "yaml-bad-indent.yaml": "32:4: YAML syntax error: this line's indentation does not match the lines above it",
    "yaml-undefined-alias.yaml": "7:9: YAML syntax error: alias *customer refers to no anchor defined before it",
    "yaml-two-documents.yaml": "41:1: a second YAML document ('---'); a deal file holds exactly one",
    # what the file holds
    "empty.yaml": f" {EMPTY}",
    "comments-only.yaml": f" {EMPTY}",
    "top-level-list.yaml": "1:1: the file holds a list; a deal file is a mapping of keys (title: ..., date: ..., customer: ...)",
    "binary.yaml": " binary data, not text (a NUL byte at byte offset 8); a deal file is YAML text saved as UTF-8",
    "utf-16.yaml": " saved as UTF-16; save the file as UTF-8",
    "gbk.yaml": "1:3: not UTF-8 text (byte 0xD3 at byte offset 2); save the file as UTF-8 (it may have been saved "
                "as GBK or another legacy encoding)",
    "control-character.yaml": "3:10: control character U+0001 is not allowed in a YAML file; delete it (inside double "
                              "quotes, write \\n for a line break)",
    "python-tag.yaml": "3:8: title: unsupported YAML tag '!!python/object/apply:os.system'; remove it (a deal file "
                       "holds only text, numbers, dates, lists and mappings)",
    # files built to hurt the loader
    "alias-bomb.yaml": "2:16: aliases expand too much (over 100000 values); a deal file does not need aliases that "
                       "repeat like this",
    "alias-loop.yaml": "2:8: an alias refers to the list or mapping it is inside (a loop); remove it",
    "deep-nesting.yaml": "2:71: nesting too deep (more than 64 levels); a deal file needs only a few",
    "id-dot-dot.yaml": f"2:5: id: expected {ID}, got '../../etc/passwd'",
    "bad.stem.yaml": "2:1: id: missing, and the file name 'bad.stem' is not a valid id; add id: <letters, digits, '-' and '_'>",
    # the contract's rules
    "duplicate-key.yaml": "8:3: customer.name: duplicate key 'name' (first at line 7); keep only one of them",
    "unknown-key.yaml": "30:3: value_proposition.specifc: unknown key; did you mean 'specific'?",
    "missing-title.yaml": "2:1: title: missing; add title: <some text>",
    "score-out-of-range.yaml": "15:18: key_buying_factors[0].scores.us: expected a number from 0 to 100, got 150",
    "weight-negative.yaml": "22:13: relationship_capabilities[0].weight: expected a positive number, got -5",
    "strength-fraction.yaml": "39:45: chain.customer[1].strength: expected a whole number from 0 to 5, got 3.5",
    "influence-zero.yaml": "41:47: chain.surrounding[0].influence: expected a whole number from 1 to 5, got 0",
    "bad-language.yaml": "4:11: language: expected one of zh, en, got 'fr'",
    "bad-level.yaml": "38:26: chain.customer[0].level: expected one of top (一把手), deputy (副总经理), manager (部门或分管经理), frontline (一线员工), got 'boss'",
    "bad-kind.yaml": "41:26: chain.surrounding[0].kind: expected one of government, ministry, regulator, investor, "
                     "shareholder, consultant, partner, got 'bank'",
    "bad-standard.yaml": "23:15: relationship_capabilities[0].standard: unknown standard indicator "
                         "'acount_manager_influence'; did you mean 'account_manager_influence'? It takes one of: "
                         "account_manager_influence (Account manager's influence), internal_coordination (Internal "
                         "coordination capability), senior_management_attention (Senior management's attention to the "
                         "project), transaction_history_reputation (Transaction history and reputation), "
                         "long_term_cooperation (Long-term cooperation potential), solution_design (Solution design "
                         "capability), none",
    "bad-start.yaml": "31:12: value_proposition.specific.start: expected a date like 2026-12-01 or a year-month like "
                      "2026-12, got '2026-13'",
    "empty-dimension.yaml": "20:28: relationship_capabilities: empty; add at least one item: - {name: ..., weight: 5, "
                            "scores: {us: 80, A: 60}}",
    "duplicate-id.yaml": "11:10: competitors[1].id: duplicate id 'A' (also competitors[0].id at line 10); give each "
                         "company its own id",
    "unknown-score-id.yaml": "24:26: relationship_capabilities[0].in_3_years.C: unknown company id 'C'; the companies "
                             "are: us, A, B",
    "missing-score.yaml": "19:13: business_capabilities[0].scores: no score for B; every company needs one: add B: <0-100>",
    "duplicate-item-name.yaml": "20:11: business_capabilities[1].name: duplicate item name '全程全网' (also at line 17); "
                                "each item of a dimension needs its own name",
}


def first_problem(path: str) -> str:
    with pytest.raises(InputError) as caught:
        load_deal(path)
    return caught.value.problems[0]


def test_the_table_lists_every_bad_input():
    assert sorted(p.name for p in FOLDER.iterdir()) == sorted(FIRST_PROBLEM)


@pytest.mark.parametrize("name, expected", FIRST_PROBLEM.items(), ids=FIRST_PROBLEM.keys())
def test_bad_input(name, expected, monkeypatch):
    monkeypatch.chdir(FOLDER)
    assert first_problem(name) == f"{name}:{expected}"  # " message" when there is no line


def test_a_50_mb_file_is_refused_without_reading_it(tmp_path, monkeypatch):
    import pipeline.load.read as yaml_read

    path = tmp_path / "huge.yaml"
    with open(path, "wb") as f:
        f.truncate(50 * 1024 * 1024)  # sparse: 50 MB by its size, nothing on disk

    def no_reading(*_):
        raise AssertionError("the file was read; the size check must come first")

    monkeypatch.setattr(yaml_read, "_read_capped", no_reading)
    problem = first_problem(str(path))
    assert problem == f"{path}: file too large (50.0 MB); a deal file is at most 512 KB (is this the right file?)"


def test_a_file_just_over_the_cap_is_refused(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_bytes(b"#" * (MAX_BYTES + 1))
    assert first_problem(str(path)) == f"{path}: file too large (512 KB); a deal file is at most 512 KB (is this the right file?)"


def test_a_directory_is_refused(tmp_path):
    assert first_problem(str(tmp_path)) == f"{tmp_path}: is a directory; give the path of one deal file (.yaml)"


def test_a_missing_file_is_refused(tmp_path):
    assert first_problem(str(tmp_path / "nope.yaml")) == f"{tmp_path / 'nope.yaml'}: no such file"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_is_refused_without_waiting_for_data(tmp_path):
    path = tmp_path / "pipe.yaml"
    os.mkfifo(path)
    assert first_problem(str(path)) == f"{path}: not a regular file; give the path of one deal file (.yaml)"


def test_the_path_is_shown_as_the_caller_gave_it(monkeypatch):
    monkeypatch.chdir(FOLDER.parent)
    assert first_problem("./bad_inputs/empty.yaml") == f"./bad_inputs/empty.yaml: {EMPTY}"
