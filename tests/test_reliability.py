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

from pipeline.build import DOCUMENTS
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
    assert len(one) == len(DOCUMENTS) * len(EXAMPLES)
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
    """Fails unless the file is whole: it parses as what its name says."""
    if path.suffix == ".pptx":
        Presentation(str(path))
    elif path.suffix == ".docx":
        Document(str(path))
    elif path.suffix == ".json":
        json.loads(path.read_text(encoding="utf-8"))
    else:
        assert zipfile.is_zipfile(path), path


def _generations(out: Path) -> dict[str, int]:
    """Each published deal folder's inode: publishing swaps in a new folder, so a new inode."""
    return {p.name: p.stat().st_ino for p in out.iterdir() if p.is_dir() and not p.name.startswith(".")} \
        if out.is_dir() else {}


def _kill_mid_way(command: list[str], out: Path, total: int, wanted: int) -> int:
    """Start a build, wait (polling the output) until at least `wanted` but not all of the deals
    are published anew, then kill its whole process group. Returns how many were published."""
    before = _generations(out)
    process = subprocess.Popen(command, cwd=ROOT, start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            now = _generations(out)
            fresh = sum(1 for name, inode in now.items() if before.get(name) != inode)
            if fresh >= wanted or process.poll() is not None:
                break
            time.sleep(0.001)
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    assert process.returncode == -signal.SIGKILL, "the build ended before it was killed"
    assert wanted <= fresh < total
    return fresh


def _assert_whole(out: Path) -> int:
    """Every published deal folder holds every document, each whole; returns how many folders."""
    folders = [p for p in out.iterdir() if p.is_dir() and not p.name.startswith(".")]
    for folder in folders:
        names = {p.name for p in folder.iterdir()}
        recorded = json.loads((folder / ".stamp.json").read_text(encoding="utf-8"))["documents"]
        assert set(recorded) | {".stamp.json"} == names, folder  # what was rendered, all of it
        assert set(DOCUMENTS) <= names, folder
        for path in folder.iterdir():
            _opens(path)
    return len(folders)


def test_a_build_killed_mid_way_leaves_only_whole_documents(tmp_path):
    total = 40
    deals = _make_batch(tmp_path / "inputs", total)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "pipeline", "build", *map(str, deals), "--out", str(out), "-j", "2"]
    for wanted in (1, 5, 10):
        _kill_mid_way([*command, "--force"], out, total, wanted)
        _assert_whole(out)
    finished = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert finished.returncode == 0, finished.stderr
    assert not (out / ".staging").exists()
    assert _assert_whole(out) == total


def test_builds_at_once_into_one_folder_publish_only_whole_folders_and_true_exit_codes(tmp_path):
    deals = _make_batch(tmp_path / "inputs", 12)
    bad = tmp_path / "inputs" / "bad.yaml"
    bad.write_text("title: [unclosed\n", encoding="utf-8")
    out = tmp_path / "out"
    base = [sys.executable, "-m", "pipeline", "build", "--out", str(out), "-j", "2", "--force"]
    runs = [[*base, *map(str, deals)], [*base, *map(str, deals), str(bad)], [*base, *map(str, deals[:6])]]
    processes = [subprocess.Popen(run, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
                 for run in runs]
    results = [(p.wait(timeout=600), p.stderr.read()) for p in processes]
    for process in processes:
        process.stderr.close()
    assert [code for code, _ in results] == [0, 1, 0], [err for _, err in results]
    assert "Traceback" not in "".join(err for _, err in results)
    assert f"{bad}:1:8: YAML syntax error" in results[1][1]
    assert not (out / ".staging").exists()
    assert _assert_whole(out) == 12


def test_a_second_build_waits_for_the_first_or_fails_at_once_with_no_wait(tmp_path):
    from pipeline.publish.output import session

    deal = _make_batch(tmp_path / "inputs", 1)[0]
    out = tmp_path / "out"
    command = [sys.executable, "-m", "pipeline", "build", str(deal), "--out", str(out), "-j", "1"]
    with session(out):  # as another build holds the folder
        refused = subprocess.run([*command, "--no-wait"], cwd=ROOT, capture_output=True, text=True, timeout=600)
        assert refused.returncode == 1
        assert refused.stderr.strip() == (f"error: another build (process {os.getpid()}) is writing into {out}/; "
                                          "wait for it to finish, or run without --no-wait to wait for it")
        waiting = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        first_line = waiting.stderr.readline()  # blocks until the build says it waits
        assert first_line == f"waiting for another build (process {os.getpid()}) writing into {out}/ to finish ...\n"
        assert not (out / "deal-000").exists()
    rest = waiting.stderr.read()
    waiting.stderr.close()
    assert waiting.wait(timeout=600) == 0, rest
    assert _assert_whole(out) == 1
