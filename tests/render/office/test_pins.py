"""Each library the Office engine relies on is the pinned minor version, and pyproject.toml says so."""

from __future__ import annotations

import re
import tomllib
from importlib.metadata import version

import pytest

from pipeline.render.office.pins import PINS
from tests.paths import ROOT


def declared() -> dict[str, str]:
    """pyproject.toml's dependencies, by lower-case distribution name."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    found = {}
    for requirement in project["dependencies"]:
        name = re.match(r"[A-Za-z0-9_.-]+", requirement).group(0)
        found[name.lower()] = requirement[len(name):].strip()
    return found


@pytest.mark.parametrize("library", sorted(PINS))
def test_the_installed_version_is_the_pinned_minor_version(library):
    installed = version(library)
    assert installed.split(".")[:2] == PINS[library].minor.split("."), (
        f"{library} {installed} is installed but the Office engine is pinned to {PINS[library].minor}.x "
        f"({PINS[library].why}); check the byte-for-byte tests against {library}, then move the pin "
        "in pipeline/render/office/pins.py and pyproject.toml together")


@pytest.mark.parametrize("library", sorted(PINS))
def test_pyproject_allows_exactly_the_pinned_minor_version(library):
    specifier = declared()[library.lower()]
    bounds = dict((op, v) for op, v in re.findall(r"(>=|<)\s*([0-9.]+)", specifier))
    assert bounds["<"] == PINS[library].upper()
    assert bounds[">="].split(".")[:2] == PINS[library].minor.split(".")


def test_upper_is_the_next_minor_version():
    assert PINS["python-pptx"].upper() == "1.1" and PINS["docxtpl"].upper() == "0.21"
