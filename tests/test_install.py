"""A non-editable install works from any folder: the templates travel as package data.

The project is built into a wheel and installed (not -e) into a fresh virtual environment made in
a temporary folder; its dependencies are the ones this environment already has (nothing is
downloaded for them), seen through a .pth file that leaves out this checkout's own editable install. Then,
from a folder outside the repository, `dealdocs build` builds one example deal and publishes its
eight documents.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from tests.paths import ROOT

pytestmark = pytest.mark.install
DOCUMENTS = {"analysis.json", "training-deck.pptx", *(f"{kind}-{level}.docx" for kind in ("brief", "proposal")
                                                       for level in ("senior", "middle", "frontline"))}
SOURCES = ("pyproject.toml", "README.md", "pipeline", "templates")  # what the wheel is built from
OURS = ("dealdocs", "__editable__", "pipeline", "dealdocs_templates")  # this checkout's install, left out


def run(*command, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    done = subprocess.run([str(c) for c in command], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"{' '.join(map(str, command))}\n{done.stdout}\n{done.stderr}"
    return done


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A fresh venv holding the project installed from its wheel; its bin folder."""
    tmp = tmp_path_factory.mktemp("install")
    source = tmp / "source"  # a copy: building writes build/ and *.egg-info beside the sources
    source.mkdir()
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(ROOT / name, source / name)
    # the wheel is built as `make` installs the project: setuptools from pip's configured sources
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", tmp / "wheels", source, cwd=tmp)
    deps = tmp / "deps"  # this environment's packages, without the project itself
    deps.mkdir()
    site = Path(sysconfig.get_paths()["purelib"])
    for entry in site.iterdir():
        if not entry.name.startswith(OURS) and entry.suffix != ".pth":
            (deps / entry.name).symlink_to(entry)
    venv = tmp / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp)
    python = venv / "bin" / "python"
    purelib = run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=tmp).stdout.strip()
    (Path(purelib) / "dealdocs-deps.pth").write_text(f"{deps}\n")
    wheel = next((tmp / "wheels").glob("dealdocs-*.whl"))
    run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index", "-q", wheel, cwd=tmp)
    return venv / "bin"


def test_an_installed_dealdocs_builds_a_deal_from_a_folder_outside_the_repository(installed, tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    shutil.copy(ROOT / "inputs" / "northbank-branch-network.yaml", work / "deal.yaml")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    where = run(installed / "python", "-c", "import pipeline, pipeline.templates as t; print(pipeline.__file__); "
                "print(t.SHIPPED)", cwd=work, env=env).stdout.split()
    assert all(Path(p).is_relative_to(installed.parent) for p in where), where  # the installed copy, not ours
    run(installed / "dealdocs", "build", "deal.yaml", "--out", "out", cwd=work, env=env)
    (folder,) = [p for p in (work / "out").iterdir() if p.is_dir()]  # the deal's folder
    assert {p.name for p in folder.iterdir() if not p.name.startswith(".")} == DOCUMENTS  # and its build stamp
    assert all((folder / name).stat().st_size > 1000 for name in DOCUMENTS)
