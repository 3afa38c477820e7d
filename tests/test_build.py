"""The orchestrator end to end: documents, incremental rebuilds, failures, stale output."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document
from pptx import Presentation

from pipeline.build import DOCUMENTS, Options, build_all, build_deal
from tests.conftest import EXAMPLES, ROOT

XYZ = ROOT / "inputs" / "xyz-atm-network.yaml"


def run_cli(*args: str, cwd: Path = ROOT, env: dict | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "pipeline", *args], cwd=cwd, capture_output=True, text=True, env=env, timeout=600
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("build")
    summary = build_all([str(p) for p in EXAMPLES], Options(out_dir=out), jobs=2)
    assert summary.ok, [o.errors for o in summary.outcomes]
    return out


def test_every_example_deal_gets_every_document(built):
    for deal in EXAMPLES:
        folder = built / deal.stem
        assert sorted(p.name for p in folder.iterdir() if not p.name.startswith(".")) == sorted(DOCUMENTS)
        Presentation(str(folder / "training-deck.pptx"))
        for level in ("senior", "middle", "frontline"):
            Document(str(folder / f"brief-{level}.docx"))


def test_analysis_json_holds_the_documented_keys(built):
    analysis = json.loads((built / "xyz-atm-network" / "analysis.json").read_text(encoding="utf-8"))
    # key buying factors for us: (5*90 + 4*85 + 3*60 + 3*85) / 15 = 1225 / 15 = 81.67
    assert analysis["scores"]["key_buying_factors"]["us"]["weighted_total"] == 1225
    assert analysis["scores"]["key_buying_factors"]["us"]["index"] == pytest.approx(81.67, abs=0.01)
    assert analysis["positioning"]["A"]["business_capabilities"] == "advantage"
    assert analysis["chain"]["levels"]["frontline"]["held"] is False
    assert analysis["value"]["payback_months"] == pytest.approx(5.88, abs=0.01)
    assert set(analysis["value"]["smart"]) == {"S", "M", "A", "R", "T"}
    assert analysis["value"]["levels"]["senior"]["message"]


def test_an_unchanged_deal_is_skipped_and_a_changed_one_rebuilt(tmp_path):
    deal = tmp_path / "xyz.yaml"
    shutil.copy(XYZ, deal)
    options = Options(out_dir=tmp_path / "out")
    assert build_all([str(deal)], options).count("built") == 1
    assert build_all([str(deal)], options).count("skipped") == 1
    deal.write_text(deal.read_text(encoding="utf-8").replace("weight: 5", "weight: 4", 1), encoding="utf-8")
    assert build_all([str(deal)], options).count("built") == 1
    forced = Options(out_dir=tmp_path / "out", force=True)
    assert build_all([str(deal)], forced).count("built") == 1


def test_a_deleted_output_folder_is_rebuilt(tmp_path):
    options = Options(out_dir=tmp_path)
    build_all([str(XYZ)], options)
    shutil.rmtree(tmp_path / "xyz-atm-network")
    assert build_all([str(XYZ)], options).count("built") == 1


def test_a_bad_deal_fails_alone_and_the_batch_goes_on(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: [unclosed\n", encoding="utf-8")
    result = run_cli("build", str(XYZ), str(bad), "--out", str(tmp_path / "out"), "-j", "2")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert any(line.startswith(f"{bad}:") and "YAML syntax error" in line for line in result.stderr.splitlines())
    assert "built 1, skipped 0 (up to date), failed 1" in result.stderr
    assert str(bad) in result.stderr.splitlines()[-1]
    assert (tmp_path / "out" / "xyz-atm-network" / "training-deck.pptx").is_file()
    assert not (tmp_path / "out" / "bad").exists()


def test_the_last_good_documents_stay_and_are_called_stale(tmp_path):
    deal = tmp_path / "deal.yaml"
    shutil.copy(XYZ, deal)
    options = Options(out_dir=tmp_path / "out")
    build_all([str(deal)], options)
    deck = (tmp_path / "out" / "xyz-atm-network" / "training-deck.pptx").read_bytes()
    deal.write_text(deal.read_text(encoding="utf-8").replace("strength: 4", "strength: 9", 1), encoding="utf-8")
    summary = build_all([str(deal)], options)
    errors = summary.outcomes[0].errors
    assert summary.count("failed") == 1
    assert "chain.customer[1].strength" in errors[0]
    assert errors[-1] == (
        f"{deal}: note: the documents in {tmp_path / 'out' / 'xyz-atm-network'}/ "
        "are from the last good build and are now stale"
    )
    assert (tmp_path / "out" / "xyz-atm-network" / "training-deck.pptx").read_bytes() == deck


def test_two_deals_with_one_id_fail_the_second(tmp_path):
    twin = tmp_path / "twin.yaml"
    shutil.copy(XYZ, twin)
    summary = build_all([str(XYZ), str(twin)], Options(out_dir=tmp_path / "out"), jobs=1)
    failed = [o for o in summary.outcomes if o.status == "failed"]
    assert len(failed) == 1
    assert "id 'xyz-atm-network' is already used by" in failed[0].errors[0]


def test_an_id_that_climbs_out_is_rejected_and_nothing_is_written_outside(tmp_path):
    out = tmp_path / "out"
    evil = tmp_path / "evil.yaml"
    evil.write_text(XYZ.read_text(encoding="utf-8").replace("id: xyz-atm-network", "id: ../escaped"), encoding="utf-8")
    summary = build_all([str(evil)], Options(out_dir=out))
    assert summary.count("failed") == 1
    assert "id" in summary.outcomes[0].errors[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["evil.yaml", "out"]


def test_an_internal_error_is_one_line_with_a_debug_hint(tmp_path, monkeypatch):
    import pipeline.build as build

    def explode(*_):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(build, "analyze", explode)
    outcome = build_deal(str(XYZ), Options(out_dir=tmp_path), "env")
    assert outcome.status == "failed"
    assert outcome.errors == (
        f"{XYZ}: internal error: ZeroDivisionError: division by zero "
        "(run again with --debug for the details, and please report it)",
    )
    debug = build_deal(str(XYZ), Options(out_dir=tmp_path, debug=True), "env")
    assert "Traceback" in debug.errors[1]


def test_usage_errors_exit_2():
    assert run_cli("build", "-j", "0").returncode == 2
    assert run_cli("frobnicate").returncode == 2
    assert run_cli().returncode == 2


def test_check_writes_nothing_and_reports_every_deal(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("", encoding="utf-8")
    result = run_cli("check", str(XYZ), str(bad), cwd=tmp_path)
    assert result.returncode == 1
    assert "checked 2 deal(s): 1 valid, 1 invalid" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.yaml"]


def test_help_shows_examples():
    result = run_cli("--help")
    assert result.returncode == 0
    assert "dealdocs check inputs/*.yaml" in result.stdout


def test_a_playbook_of_ones_own_drives_the_tactics(tmp_path):
    playbook = tmp_path / "mine.json"
    playbook.write_text(json.dumps({"rules": [{
        "id": "always",
        "when": {},
        "title": {"zh": "先拜访一把手", "en": "Visit the number one first"},
        "recommendation": {"zh": "由我方高层拜访。", "en": "Our senior visits."},
        "reason": {"zh": "本规则总会触发。", "en": "This rule always fires."},
    }]}, ensure_ascii=False), encoding="utf-8")
    result = run_cli("build", str(XYZ), "--out", str(tmp_path / "out"), "--playbook", str(playbook), "-j", "1")
    assert result.returncode == 0, result.stderr
    analysis = json.loads((tmp_path / "out" / "xyz-atm-network" / "analysis.json").read_text(encoding="utf-8"))
    assert [t["rule"] for t in analysis["tactics"]] == ["always"]
    assert analysis["tactics"][0]["title"] == "先拜访一把手"


def test_a_broken_playbook_is_one_usage_error(tmp_path):
    playbook = tmp_path / "broken.json"
    playbook.write_text('{"rules": [{"id": "x"}]}', encoding="utf-8")
    result = run_cli("build", str(XYZ), "--out", str(tmp_path / "out"), "--playbook", str(playbook))
    assert result.returncode == 2
    assert result.stderr.startswith(f"error: {playbook}: rules[0].when: Field required")
    assert not (tmp_path / "out").exists()


def test_any_executor_runs_the_per_deal_build(tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(2) as executor:
        summary = build_all([str(p) for p in EXAMPLES], Options(out_dir=tmp_path), executor=executor)
    assert summary.count("built") == len(EXAMPLES)
    assert all((tmp_path / p.stem / "training-deck.pptx").is_file() for p in EXAMPLES)


def test_pdf_without_documents_says_to_build_first(tmp_path):
    result = run_cli("pdf", "--out", str(tmp_path))
    assert result.returncode == 1
    assert result.stderr.strip() in (
        f"error: no documents under {tmp_path}/; run `dealdocs build` (or `make proposals`) first",
        "error: LibreOffice is not installed; install it with: apt-get install -y libreoffice-writer-nogui "
        "libreoffice-impress-nogui fonts-noto-cjk",
    )
