"""The scoring workbook: export -> import gives the same analysis; Excel's totals are analysis.json's;
a problem in the workbook is located at its cell in the loader's words."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from pipeline.analysis.analyze import analyze
from pipeline.build import analysis_json
from pipeline.cli.main import main
from pipeline.errors import InputError
from pipeline.load.deal import load_deal
from pipeline.load.model import DIMENSIONS
from pipeline.words.labels import label
from pipeline.workbook.export import export_workbook
from pipeline.workbook.layout import SHEETS
from pipeline.workbook.reader import deal_yaml, import_workbook
from tests.conftest import EXAMPLES
from tests.deals import MINIMAL_DEAL, to_yaml, valid_deal_data


def round_trip(deal, folder: Path):
    """The deal exported, imported, written as YAML and loaded again by the loader."""
    book = folder / "deal.xlsx"
    book.write_bytes(export_workbook(deal))
    again = folder / "again.yaml"
    again.write_text(deal_yaml(import_workbook(book)), encoding="utf-8")
    return load_deal(again)[0]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_examples_come_back_with_an_identical_analysis(path, tmp_path):
    deal, _ = load_deal(path)
    assert analysis_json(analyze(round_trip(deal, tmp_path))) == analysis_json(analyze(deal))
    assert export_workbook(deal) == export_workbook(deal)  # same deal, same bytes


def test_short_names_and_a_factors_kind_come_back(tmp_path):
    """The optional fields the documents use beyond the method's table: short names and `kind`."""
    import yaml

    data = yaml.safe_load(next(p for p in EXAMPLES if p.stem == "xyz-atm-network").read_text(encoding="utf-8"))
    data["customer"]["short_name"] = "医保局"
    data["us"]["short_name"] = "我方"
    data["competitors"][0]["short_name"] = "甲"
    data["key_buying_factors"][0]["kind"] = "price"
    data["key_buying_factors"][-1]["kind"] = "other"
    path = tmp_path / "deal.yaml"
    path.write_text(to_yaml(data), encoding="utf-8")
    deal, _ = load_deal(path)
    again = round_trip(deal, tmp_path)
    assert (again.customer.short_name, again.us.short_name, again.competitors[0].short_name) == ("医保局", "我方", "甲")
    assert again.key_buying_factors[0].kind == "price" and again.key_buying_factors[-1].kind == "other"
    assert analysis_json(analyze(again)) == analysis_json(analyze(deal))


def test_a_relationship_indicators_standard_comes_back(tmp_path):
    """`standard:` (which of the method's indicators an item is, or none) has its own column, with a drop-down."""
    import yaml

    data = yaml.safe_load(next(p for p in EXAMPLES if p.stem == "northbank-branch-network").read_text(encoding="utf-8"))
    data["relationship_capabilities"][0].update(name="Customer intimacy", standard="account_manager_influence")
    data["relationship_capabilities"][0].pop("weight")
    data["relationship_capabilities"][-1]["standard"] = "none"
    path = tmp_path / "deal.yaml"
    path.write_text(to_yaml(data), encoding="utf-8")
    deal, _ = load_deal(path)
    again = round_trip(deal, tmp_path)
    assert [i.standard for i in again.relationship_capabilities] == ["account_manager_influence", *[None] * 4, "none"]
    assert again.relationship_capabilities[0].weight == 5  # written with the method's weight, as shown
    assert analysis_json(analyze(again)) == analysis_json(analyze(deal))
    sheet = load_workbook(io.BytesIO(export_workbook(deal)))["Relationship capabilities"]
    column = next(c.column for c in sheet[3] if c.value == "standard")
    assert sheet.cell(row=4, column=column).value == "account_manager_influence"
    assert any("none" in str(rule.formula1) for rule in sheet.data_validations.dataValidation)


@pytest.mark.parametrize("first", ["2027-05", "2027-05-15"])
def test_the_tracking_cadence_and_a_stated_first_report_come_back(tmp_path, first):
    import yaml

    data = yaml.safe_load(next(p for p in EXAMPLES if p.stem == "xyz-atm-network").read_text(encoding="utf-8"))
    data["value_proposition"]["specific"]["tracking_cadence"] = "quarterly"
    data["value_proposition"]["specific"]["first_report"] = first
    path = tmp_path / "deal.yaml"
    path.write_text(to_yaml(data).replace(f"'{first}'", first), encoding="utf-8")
    deal, _ = load_deal(path)
    again = round_trip(deal, tmp_path)
    assert again.value_proposition.specific.tracking_cadence == "quarterly"
    assert again.value_proposition.specific.first_report == deal.value_proposition.specific.first_report
    assert analysis_json(analyze(again)) == analysis_json(analyze(deal))


def in_company_order(data: dict) -> dict:
    """The workbook has a column per company, so it gives each item's scores in the companies' order; a
    file that lists them in another order comes back with the same figures in that order."""
    ids = [data["us"]["id"], *(c["id"] for c in data["competitors"])]
    for dimension in DIMENSIONS:
        for item in data[dimension]:
            for key in ("scores", "in_3_years"):
                if key in item:
                    item[key] = {cid: item[key][cid] for cid in ids if cid in item[key]}
    return data


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(valid_deal_data().map(in_company_order), st.sampled_from([False, None]))
def test_any_valid_deal_comes_back_with_an_identical_analysis(data, flow):
    text = to_yaml(data, flow)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "deal.yaml"
        path.write_text(text, encoding="utf-8")
        deal, _ = load_deal(path)
        assert analysis_json(analyze(round_trip(deal, Path(folder)))) == analysis_json(analyze(deal))


def test_text_that_looks_like_a_formula_or_a_number_stays_text(tmp_path):
    text = MINIMAL_DEAL.replace("name: 安全性", "name: '=SUM(A1:A3)'").replace("name: 对手A", "name: '007'")
    (tmp_path / "demo.yaml").write_text(text, encoding="utf-8")
    deal, _ = load_deal(tmp_path / "demo.yaml")
    back = round_trip(deal, tmp_path)
    assert back.key_buying_factors[0].name == "=SUM(A1:A3)" and back.competitors[0].name == "007"


def test_each_dimension_is_the_methods_table_with_formulas_for_the_totals():
    deal, _ = load_deal(EXAMPLES[-1])  # xyz
    book = load_workbook(io.BytesIO(export_workbook(deal)))
    assert book.sheetnames == ["交易", "客户购买关键因素", "业务能力", "客户关系能力", "价值命题", "关系链条"]
    sheet = book["客户关系能力"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == label("zh", "relationship_capabilities")
    assert rows[1][:6] == ("项目", "权重", "中国电信某省公司", "对手A", "对手B", "对手C")
    assert rows[2][2:6] == ("us", "A", "B", "C")
    items = deal.relationship_capabilities
    assert [r[:3] for r in rows[3:3 + len(items)]] == [(i.name, i.weight, i.scores["us"]) for i in items]
    last = 3 + len(items)
    assert rows[last][0] == "总分数合计" and rows[last + 1][0] == "指数"
    assert rows[last][2] == f"=SUMPRODUCT($B$4:$B${last},C4:C{last})"  # exact, never rounded before it is shown
    assert rows[last + 1][3] == f"=SUMPRODUCT($B$4:$B${last},D4:D{last})/SUM($B$4:$B${last})"
    assert sheet.cell(row=last + 2, column=4).number_format == "0.0"


def test_forms_offer_drop_downs_for_levels_strengths_kinds_and_language():
    deal, _ = load_deal(EXAMPLES[-1])
    book = load_workbook(io.BytesIO(export_workbook(deal)))
    lists = {rule.formula1 for name in ("交易", "关系链条") for rule in book[name].data_validations.dataValidation
             if rule.type == "list"}
    assert {'"zh,en"', '"top,deputy,manager,frontline"', '"0,1,2,3,4,5"', '"1,2,3,4,5"',
            '"government,ministry,regulator,investor,shareholder,consultant,partner"'} <= lists
    chain = book["关系链条"]
    strength = next(r for r in chain.data_validations.dataValidation if r.formula1 == '"0,1,2,3,4,5"')
    # the drop-down covers every contact row (column F) and the spare rows after them
    first = next(str(rng) for rng in strength.sqref.ranges)
    assert first == f"F3:F{3 + len(deal.chain.customer) + 3 - 1}"


@pytest.mark.office
def test_excel_totals_recalculated_by_libreoffice_equal_analysis_json(tmp_path):
    calc = Path("/usr/lib/libreoffice/program/libsclo.so")
    if shutil.which("soffice") is None or not calc.exists():
        if os.environ.get("REQUIRE_OFFICE") == "1":
            pytest.fail("REQUIRE_OFFICE=1 but LibreOffice Calc (libreoffice-calc-nogui) is not installed")
        pytest.skip("LibreOffice Calc is not installed (apt-get install libreoffice-calc-nogui)")
    deals = [load_deal(path)[0] for path in EXAMPLES]
    for deal in deals:
        (tmp_path / f"{deal.id}.xlsx").write_bytes(export_workbook(deal))
    out = tmp_path / "recalculated"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to",
                    "xlsx", "--outdir", str(out), *map(str, sorted(tmp_path.glob("*.xlsx")))],
                   check=True, capture_output=True, timeout=300)
    for deal in deals:
        scores = analyze(deal).scores
        book = load_workbook(out / f"{deal.id}.xlsx", data_only=True)
        for dimension in DIMENSIONS:
            rows = list(book[SHEETS[deal.language][dimension]].iter_rows(values_only=True))
            last = 3 + len(deal.dimension(dimension))
            for n, company in enumerate(deal.companies):
                assert rows[last][2 + n] == pytest.approx(scores[dimension][company.id].weighted_total, abs=1e-9)
                assert rows[last + 1][2 + n] == pytest.approx(scores[dimension][company.id].index, abs=1e-9)


# --- located problems --------------------------------------------------------------------------------


def edited(tmp_path: Path, edit) -> list[str]:
    """The problems of the minimal deal's workbook after `edit(book)`, the file shown as deal.xlsx."""
    (tmp_path / "demo.yaml").write_text(MINIMAL_DEAL, encoding="utf-8")
    deal, _ = load_deal(tmp_path / "demo.yaml")
    book = load_workbook(io.BytesIO(export_workbook(deal)))
    edit(book)
    book.save(tmp_path / "deal.xlsx")
    with pytest.raises(InputError) as caught:
        import_workbook(tmp_path / "deal.xlsx")
    return [p.replace(str(tmp_path) + "/", "") for p in caught.value.problems]


def test_a_score_of_the_wrong_type_is_located_at_its_cell(tmp_path):
    def edit(book):
        book["业务能力"]["D4"] = "很高"
    assert edited(tmp_path, edit) == [
        "deal.xlsx:业务能力!D4: business_capabilities[0].scores.A: expected a number from 0 to 100, got '很高'"]


def test_a_strength_of_7_is_located_at_its_cell(tmp_path):
    def edit(book):
        book["关系链条"]["F4"] = 7
    assert edited(tmp_path, edit) == [
        "deal.xlsx:关系链条!F4: chain.customer[1].strength: expected a whole number from 0 to 5, got 7"]


def test_a_missing_company_is_located_at_the_empty_score_and_named(tmp_path):
    def edit(book):
        book["客户购买关键因素"]["E4"] = None
    assert edited(tmp_path, edit) == [
        "deal.xlsx:客户购买关键因素!E4: key_buying_factors[0].scores: no score for B; every company needs one: "
        "add B: <0-100>"]


def test_a_company_column_taken_away_is_reported_on_every_item(tmp_path):
    def edit(book):
        sheet = book["客户关系能力"]
        sheet["E3"] = None  # B's id gone: its column is no longer a company's
    problems = edited(tmp_path, edit)
    assert problems == ["deal.xlsx:客户关系能力!C4: relationship_capabilities[0].scores: no score for B; every "
                        "company needs one: add B: <0-100>"]


def test_a_missing_required_field_is_located_at_its_form_row(tmp_path):
    def edit(book):
        book["价值命题"]["C6"] = None  # specific.offering
    assert edited(tmp_path, edit) == [
        "deal.xlsx:价值命题!C6: value_proposition.specific.offering: missing; add offering: <some text>"]


@pytest.mark.parametrize("name, content", [("deal.xlsx", b"not a zip"), ("deal.csv", None), ("gone.xlsx", b"")])
def test_a_file_that_is_not_a_workbook_is_one_clear_line(tmp_path, name, content):
    deal, _ = load_deal(EXAMPLES[-1])
    if name == "deal.csv":
        content = export_workbook(deal)  # a real workbook under a name openpyxl refuses
    if content:
        (tmp_path / name).write_bytes(content)
    with pytest.raises(InputError) as caught:
        import_workbook(tmp_path / name)
    [problem] = caught.value.problems
    assert problem.startswith(str(tmp_path / name) + ": ")
    assert problem.endswith("no such file" if name == "gone.xlsx" else "export one with: dealdocs export DEAL.yaml")


# --- the commands ----------------------------------------------------------------------------------


def test_export_then_import_by_the_commands_never_replaces_a_file_silently(tmp_path, capsys):
    deal_file = tmp_path / "xyz.yaml"
    shutil.copy(EXAMPLES[-1], deal_file)
    foreign = tmp_path / "xyz.xlsx"
    foreign.write_bytes(b"someone else's workbook")
    assert main(["export", str(deal_file)]) == 1
    assert foreign.read_bytes() == b"someone else's workbook"
    foreign.unlink()
    assert main(["export", str(deal_file)]) == 0
    assert main(["export", str(deal_file)]) == 0  # our own export is replaced
    assert main(["import", str(tmp_path / "xyz.xlsx")]) == 1  # xyz.yaml exists
    assert "exists; use --force" in capsys.readouterr().err
    assert main(["import", str(tmp_path / "xyz.xlsx"), "--out", str(tmp_path / "back")]) == 0
    again, _ = load_deal(tmp_path / "back" / "xyz.yaml")
    original, _ = load_deal(deal_file)
    assert analysis_json(analyze(again)) == analysis_json(analyze(original))
