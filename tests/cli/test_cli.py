"""The command line's conventions: --version, -q/-v, exit 2 on usage errors, a closed pipe, .yml files."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest

from pipeline import __version__
from pipeline.cli.main import main
from tests.conftest import ROOT
from tests.deals import MINIMAL_DEAL

XYZ = ROOT / "inputs" / "xyz-atm-network.yaml"


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out == f"dealdocs {__version__}\n"


@pytest.mark.parametrize("command", ["build", "check"])
def test_a_missing_deal_file_is_a_usage_error(capsys, tmp_path, command):
    code, _, err = run(capsys, command, str(tmp_path / "nope.yaml"), str(XYZ))
    assert code == 2
    assert err == f"error: {tmp_path / 'nope.yaml'}: no such file\n"


def test_an_unknown_option_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as done:
        main(["check", "--no-such-option"])
    assert done.value.code == 2


def test_a_closed_pipe_ends_quietly():
    """`dealdocs schema | head -3`: the reader is gone before we write; no traceback."""
    read, write = os.pipe()
    os.close(read)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-m", "pipeline", "schema"], stdout=write, stderr=subprocess.PIPE,
                            cwd=ROOT, env=env, text=True, timeout=120)
    os.close(write)
    assert result.stderr == ""
    assert result.returncode == 141


def test_check_quiet_prints_only_errors(capsys, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(MINIMAL_DEAL.replace("weight: 4", "weight: -4"), encoding="utf-8")
    code, out, err = run(capsys, "check", "-q", str(XYZ), str(bad))
    assert code == 1 and out == ""
    assert err == f"{bad}:13:13: key_buying_factors[0].weight: expected a positive number, got -4\n"


def test_check_verbose_has_a_line_per_deal_with_its_time(capsys, tmp_path):
    good = tmp_path / "good.yml"
    good.write_text(MINIMAL_DEAL, encoding="utf-8")
    code, _, err = run(capsys, "-v", "check", str(good), str(XYZ))
    assert code == 0
    assert re.search(rf"^valid {re.escape(str(good))} in \d+\.\d\d s$", err, re.M)
    assert re.search(rf"^valid {re.escape(str(XYZ))} in \d+\.\d\d s$", err, re.M)
    assert err.splitlines()[-1] == "checked 2 deal(s): 2 valid, 0 invalid"


def test_build_summary_names_the_folder_and_verbose_each_deal(capsys, tmp_path):
    out = tmp_path / "docs-out"
    code, _, err = run(capsys, "build", str(XYZ), "--out", str(out), "-j", "1", "-v")
    assert code == 0
    lines = err.splitlines()
    assert re.fullmatch(rf"built {re.escape(str(XYZ))} -> {re.escape(str(out))}/xyz-atm-network/ in \d+\.\d\d s",
                        lines[-2])
    assert re.fullmatch(rf"built 1, skipped 0 \(up to date\), failed 0 in \d+\.\d s; documents in {re.escape(str(out))}/",
                        lines[-1])
    code, _, err = run(capsys, "build", str(XYZ), "--out", str(out), "-q")
    assert code == 0 and err == ""


def test_yml_files_are_deal_files(capsys, tmp_path, monkeypatch):
    (tmp_path / "inputs").mkdir()
    shutil.copy(XYZ, tmp_path / "inputs" / "xyz.yml")
    (tmp_path / "inputs" / "notes.txt").write_text("not a deal", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "check")
    assert code == 0
    assert err.splitlines()[-1] == "checked 1 deal(s): 1 valid, 0 invalid"


def test_make_help_lists_user_targets_apart_from_maintainer_ones():
    if not shutil.which("make"):
        pytest.skip("make not installed")
    result = subprocess.run(["make", "-s", "help"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    users, maintainers = result.stdout.split("For maintainers of dealdocs:")
    targets = lambda text: re.findall(r"make (\S+)", text)  # noqa: E731
    assert {"proposals", "check", "pdf", "new"} <= set(targets(users))
    assert {"golden", "schema", "bench"} <= set(targets(maintainers))
    assert not {"golden", "schema", "bench"} & set(targets(users))


def test_readme_uses_the_installed_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "python -m pipeline" not in readme
    assert "dealdocs build" in readme and "dealdocs check" in readme


def test_check_names_the_copy_that_kept_the_examples_id(capsys, tmp_path):
    """A copied example with its id unchanged fails check as it would fail build, and the copy is blamed."""
    example, copy = tmp_path / "xyz.yaml", tmp_path / "my-copy.yaml"
    shutil.copy(XYZ, example)
    shutil.copy(XYZ, copy)
    os.utime(example, (1_000_000_000, 1_000_000_000))
    code, _, err = run(capsys, "check", "-q", str(example), str(copy))
    assert code == 1
    assert err == (f"{copy}: id 'xyz-atm-network' is also the id of {example}, whose documents go to "
                   f"build/xyz-atm-network/; {copy} is the newer of the two, so change its id: "
                   "(each deal needs its own id)\n")
