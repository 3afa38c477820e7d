"""Same input, same bytes; a killed build leaves only whole files."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

from docx import Document
from pptx import Presentation

from tests.conftest import EXAMPLES, ROOT


def _build(out: Path, seed: str) -> None:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    result = subprocess.run(
        [sys.executable, "-m", "pipeline", "build", *map(str, EXAMPLES), "--out", str(out), "-j", "2"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stderr


def _files(out: Path) -> dict[str, bytes]:
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and not p.name.startswith(".")
    }


def test_two_builds_at_different_times_and_hash_seeds_give_the_same_bytes(tmp_path):
    _build(tmp_path / "one", "1")
    time.sleep(2.1)  # zip dates have a two-second resolution: cross a boundary
    _build(tmp_path / "two", "2")
    one, two = _files(tmp_path / "one"), _files(tmp_path / "two")
    assert len(one) == 5 * len(EXAMPLES)
    assert one.keys() == two.keys()
    assert [name for name in one if one[name] != two[name]] == []


def _make_batch(folder: Path, copies: int) -> list[Path]:
    folder.mkdir()
    deals = []
    for number in range(copies):
        source = EXAMPLES[number % len(EXAMPLES)]
        text = source.read_text(encoding="utf-8")
        text = text.replace(f"id: {source.stem}", f"id: deal-{number:03d}")
        path = folder / f"deal-{number:03d}.yaml"
        path.write_text(text, encoding="utf-8")
        deals.append(path)
    return deals


def _opens(path: Path) -> None:
    if path.suffix == ".pptx":
        Presentation(str(path))
    elif path.suffix == ".docx":
        Document(str(path))
    elif path.suffix == ".json":
        json.loads(path.read_text(encoding="utf-8"))
    else:
        zipfile.is_zipfile(path)


def test_a_build_killed_mid_way_leaves_only_whole_documents(tmp_path):
    deals = _make_batch(tmp_path / "inputs", 40)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "pipeline", "build", *map(str, deals), "--out", str(out), "-j", "2"]
    killed_mid_way = 0
    for delay in (0.9, 1.6, 2.3):
        process = subprocess.Popen([*command, "--force"], cwd=ROOT, start_new_session=True,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        killed_mid_way += process.poll() is None
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        published = [p for p in out.rglob("*") if p.is_file() and ".staging" not in p.parts]
        for path in published:
            _opens(path)
        for folder in (p for p in out.iterdir() if p.is_dir() and p.name != ".staging"):
            names = {p.name for p in folder.iterdir()}
            assert {"analysis.json", "training-deck.pptx", "brief-senior.docx"} <= names, folder
    assert killed_mid_way >= 2, "the builds finished before they could be killed: make the batch larger"
    finished = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert finished.returncode == 0, finished.stderr
    assert not (out / ".staging").exists()
    assert len([p for p in out.iterdir() if p.is_dir()]) == 40
