"""The docs in the repository: every link stays inside it, the references match the schema and the
CLI, and the tutorial's commands run as written."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys

import pytest

from pipeline.cli.main import _parser
from tests.conftest import ROOT
from tools import deal_reference

DOCS = ROOT / "docs"
PAGES = [ROOT / "README.md", *sorted(DOCS.glob("*.md")), *sorted((ROOT / "templates").rglob("*.md"))]
LINK = re.compile(r"\]\(([^)\s]+)\)")


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_relative_link_resolves_inside_the_repository(page):
    for target in LINK.findall(page.read_text(encoding="utf-8")):
        if re.match(r"[a-z]+:", target) or target.startswith("#"):
            continue
        resolved = (page.parent / target.split("#")[0]).resolve()
        assert ROOT in resolved.parents or resolved == ROOT, f"{page.name}: {target} leaves the repository"
        assert resolved.exists(), f"{page.name}: {target} does not exist"
        assert not target.startswith("../"), f"{page.name}: {target} climbs out of its folder; link within docs/"


def test_nothing_points_at_the_team_notes():
    texts = [p.read_text(encoding="utf-8") for p in PAGES]
    texts += [p.read_text(encoding="utf-8") for p in (ROOT / "inputs").glob("*.y*ml")]
    for text in texts:
        assert "../shared" not in text and "METHOD.md" not in text and "FORMAT.md" not in text


def test_the_readme_links_the_docs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for page in ("docs/README.md", "docs/tutorial.md", "docs/method.md", "docs/deal-file.md", "docs/cli.md"):
        assert f"({page})" in readme


def test_the_deal_file_reference_is_generated_from_the_schema():
    page = (DOCS / "deal-file.md").read_text(encoding="utf-8")
    assert page == deal_reference.page_with_table(page), "run: python tools/deal_reference.py --write"
    documented = set(re.findall(r"^\| `([^`]+)` \|", page, re.M))
    assert {"title", "customer.type", "chain.customer[].level", "value_proposition.specific.start",
            "key_buying_factors[].kind"} <= documented


def test_the_reference_walks_every_field_of_the_schema():
    from pipeline.load.schema import deal_json_schema

    schema = deal_json_schema()
    paths = {row[0] for row in deal_reference.rows(schema)}
    for name, model in schema["$defs"].items():
        for field in model.get("properties", {}):
            assert any(p == field or p.endswith("." + field) for p in paths), (name, field)
    assert set(schema["properties"]) <= paths


def test_the_cli_reference_names_every_command_and_option():
    page = (DOCS / "cli.md").read_text(encoding="utf-8")
    parser = _parser()
    commands = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")  # noqa: SLF001
    for name, sub in commands.choices.items():
        assert f"`dealdocs {name}" in page, name
        for action in sub._actions:  # noqa: SLF001
            for option in action.option_strings:
                assert f"`{option}" in page or f" {option}" in page, (name, option)


def tutorial_steps() -> list[tuple[str, str]]:
    """(kind, text) of each fenced block of the tutorial, in order."""
    text = (DOCS / "tutorial.md").read_text(encoding="utf-8")
    return re.findall(r"```(\w+)\n(.*?)```", text, re.S)


def test_the_tutorial_runs_as_written(tmp_path):
    """Each command with the output it shows (in Chinese, as a zh_CN reader sees it), the deal as shown."""
    env = {k: v for k, v in os.environ.items() if k not in ("DEALDOCS_LANG", "LC_ALL", "LC_MESSAGES")}
    env.update(LANG="zh_CN.UTF-8", PYTHONPATH=str(ROOT))
    last = None
    ran = []
    for kind, body in tutorial_steps():
        if kind == "sh":
            line = body.strip()
            command, _, comment = line.partition("  # ")
            if "needs LibreOffice" in comment:
                continue  # dealdocs pdf: tests/publish/test_pdf_incremental.py runs it
            expected = int(re.search(r"exit (\d+)", comment).group(1)) if "exit" in comment else 0
            words = shlex.split(command)
            assert words[0] == "dealdocs"
            last = subprocess.run([sys.executable, "-m", "pipeline", *words[1:]], cwd=tmp_path, env=env,
                                  capture_output=True, text=True, timeout=600)
            assert last.returncode == expected, (command, last.stderr)
            ran.append(words[1])
        elif kind == "text":
            output = last.stdout + last.stderr
            for shown in body.strip().splitlines():
                assert shown.removesuffix(", …") in output, (shown, output)
        elif kind == "yaml" and body.startswith("# file: "):
            name = body.splitlines()[0].removeprefix("# file: ").strip()
            assert (tmp_path / name).is_file(), "the tutorial fills in the file `new` wrote"
            (tmp_path / name).write_text(body, encoding="utf-8")
    assert ran == ["new", "check", "check", "build"]
    folder = tmp_path / "build" / "customs-2026"
    assert {"training-deck.pptx", "brief-senior.docx", "proposal-senior.docx", "analysis.json"} <= {
        p.name for p in folder.iterdir()}


def test_the_tutorial_deal_keeps_every_field_of_the_skeleton(tmp_path):
    """What the tutorial shows filled in is what `new` wrote: the same required fields, no placeholder left."""
    import yaml

    from pipeline.load.skeleton import skeleton

    blank = yaml.safe_load(skeleton(tmp_path / "customs-2026.yaml"))
    filled = yaml.safe_load(next(body for kind, body in tutorial_steps() if kind == "yaml"))

    def keys(data, prefix=""):
        if isinstance(data, dict):
            return {k2 for k, v in data.items() for k2 in {prefix + k} | keys(v, prefix + k + ".")}
        if isinstance(data, list) and data:
            return keys(data[0], prefix)
        return set()

    assert keys(blank) <= keys(filled)
    assert "<" not in str(filled)


def test_make_new_writes_the_deal_into_inputs():
    if not shutil.which("make"):
        pytest.skip("make not installed")
    result = subprocess.run(["make", "-s", "-n", "new", "NAME=x"], cwd=ROOT, capture_output=True, text=True)
    assert "-m pipeline new inputs/x.yaml" in result.stdout
