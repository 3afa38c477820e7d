"""`dealdocs pdf`: only what changed, only the deals named, a line per document with -v."""

from __future__ import annotations

import os
import re
import shutil

import pytest

from pipeline.batch import build_all

from pipeline.build import DOCUMENTS, Options
from pipeline.cli.main import main
from pipeline.publish.pdf import up_to_date
from tests.conftest import ROOT

XYZ = ROOT / "inputs" / "xyz-atm-network.yaml"
NORTHBANK = ROOT / "inputs" / "northbank-branch-network.yaml"
OFFICE = [name.rsplit(".", 1)[0] for name in DOCUMENTS if name.endswith((".pptx", ".docx"))]
N = len(OFFICE)


def test_a_pdf_is_up_to_date_only_when_written_after_its_document(tmp_path):
    document = tmp_path / "brief-senior.docx"
    document.write_bytes(b"x")
    assert not up_to_date(document)
    pdf = tmp_path / "brief-senior.pdf"
    pdf.write_bytes(b"%PDF")
    os.utime(document, ns=(2_000_000_000_000_000_000, 2_000_000_000_000_000_000))
    os.utime(pdf, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    assert not up_to_date(document)
    os.utime(pdf, ns=(3_000_000_000_000_000_000, 3_000_000_000_000_000_000))
    assert up_to_date(document)


def test_a_named_deal_that_is_not_built_says_how_to_build_it(capsys, tmp_path):
    assert main(["pdf", str(XYZ), "--out", str(tmp_path)]) == 1
    assert capsys.readouterr().err == (f"error: {XYZ}: not built yet (no {tmp_path}/xyz-atm-network/); "
                                       f"run: dealdocs build {XYZ}\n")


def test_a_named_deal_that_does_not_exist_is_a_usage_error(capsys, tmp_path):
    assert main(["pdf", str(tmp_path / "nope.yaml"), "--out", str(tmp_path)]) == 2
    assert capsys.readouterr().err == f"error: {tmp_path / 'nope.yaml'}: no such file\n"


@pytest.mark.office
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_pdf_converts_only_the_deals_named_and_then_only_what_changed(capsys, tmp_path):
    out = tmp_path / "out"
    assert build_all([str(XYZ), str(NORTHBANK)], Options(out_dir=out), jobs=1).ok
    capsys.readouterr()
    assert main(["pdf", str(XYZ), "--out", str(out), "-j", "2", "-v"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert sorted(re.sub(r" in \d+\.\d s$", "", line) for line in err[:-1]) == sorted(
        f"pdf {out}/xyz-atm-network/{name}.pdf" for name in OFFICE)
    assert err[-1] == f"converted {N} document(s) to PDF, 0 up to date, under {out}/"
    assert not list((out / "northbank-branch-network").glob("*.pdf"))
    first = {name: (out / "xyz-atm-network" / f"{name}.pdf").read_bytes()[:4] for name in OFFICE}
    assert set(first.values()) == {b"%PDF"}

    assert main(["pdf", "--out", str(out), "-j", "2"]) == 0  # every deal: the other deal's documents only
    assert capsys.readouterr().err == f"converted {N} document(s) to PDF, {N} up to date, under {out}/\n"
    assert main(["pdf", "--out", str(out)]) == 0
    assert capsys.readouterr().err == f"converted 0 document(s) to PDF, {2 * N} up to date, under {out}/\n"

    assert build_all([str(XYZ)], Options(out_dir=out, force=True), jobs=1).ok  # new documents, no PDFs
    assert main(["pdf", "--out", str(out), "-q"]) == 0
    assert capsys.readouterr().err == ""
    assert all((out / "xyz-atm-network" / f"{name}.pdf").is_file() for name in OFFICE)
