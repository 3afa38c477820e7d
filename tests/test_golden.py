"""The example deals' documents, as text, match tests/golden/ (refresh: `make golden`)."""

from __future__ import annotations

import difflib

import pytest

from tools.golden import GOLDEN, build_examples


@pytest.fixture(scope="module")
def texts(tmp_path_factory):
    return build_examples(tmp_path_factory.mktemp("golden"))


def test_every_document_has_a_golden_file(texts):
    on_disk = sorted(p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*.txt"))
    assert on_disk == sorted(texts), "documents and golden files differ: run `make golden` and review the diff"


def test_document_text_matches_the_golden_text(texts):
    for name, text in sorted(texts.items()):
        expected = (GOLDEN / name).read_text(encoding="utf-8")
        if text != expected:
            diff = "".join(difflib.unified_diff(
                expected.splitlines(True), text.splitlines(True), f"golden/{name}", "built", n=1))
            pytest.fail(f"{name} changed; if intended, run `make golden` and commit the diff:\n{diff[:4000]}")
