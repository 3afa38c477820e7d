"""The one synthetic deal generator (tests/deals): the benchmark's deals deterministic, valid and complete;
the property tests' deals valid over the contract's whole range; both from the same code."""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from collections import Counter
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, Phase, given, settings

from pipeline.load.deal import load_deal
from pipeline.load.model import CHAIN_LEVELS, DIMENSIONS
from tests.deals import generator, load_in, realistic_deal_data, valid_deals, write_deals
from tests.deals.choosers import Drawn, Seeded
from tests.deals.full_range import TRICKY_IDS, FullRange
from tests.deals.realistic import Realistic
from tests.deals.vocabulary import INDICATOR_WEIGHTS, INDICATORS
from tests.deals.yaml_text import STYLES, in_style
from tools import bench

N = 6
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> list[Path]:
    return write_deals(tmp_path_factory.mktemp("deals"), N)


@pytest.fixture(scope="module")
def deals(generated):
    return [load_deal(path)[0] for path in generated]


def contents(paths: list[Path]) -> list[bytes]:
    return [path.read_bytes() for path in paths]


def test_same_seed_same_bytes(generated, tmp_path):
    again = write_deals(tmp_path, N)
    assert [p.name for p in again] == [p.name for p in generated]
    assert contents(again) == contents(generated)


def test_another_seed_other_deals(generated, tmp_path):
    other = write_deals(tmp_path, N, seed=7)
    assert all(a != b for a, b in zip(contents(other), contents(generated)))


def test_a_shorter_run_is_a_prefix_of_a_longer_one(generated, tmp_path):
    assert contents(write_deals(tmp_path, 2)) == contents(generated[:2])


def test_the_command_line_writes_the_benchmarks_deals(generated, tmp_path, capsys):
    from tests.deals.__main__ import main

    assert main(["--deals", "2", "--out", str(tmp_path)]) == 0
    assert contents(sorted(tmp_path.glob("*.yaml"))) == contents(generated[:2])
    assert capsys.readouterr().out == f"wrote 2 deals into {tmp_path}/\n"


def test_file_names_and_ids(generated, deals):
    assert [p.name for p in generated] == [f"synthetic-000{i}.yaml" for i in range(1, N + 1)]
    assert [d.id for d in deals] == [p.stem for p in generated]


def test_languages_alternate(deals):
    assert [d.language for d in deals] == ["zh", "en"] * (N // 2)


def test_every_deal_has_four_competitors_and_eight_contacts(deals):
    for deal in deals:
        assert len(deal.competitors) == 4
        assert len({c.id for c in deal.companies}) == 5
        assert len(deal.chain.customer) == 8
        assert {c.level for c in deal.chain.customer} == {"top", "deputy", "manager", "frontline"}
        assert len({c.name for c in deal.chain.customer}) == 8


def test_three_dimensions_of_the_method(deals):
    for deal in deals:
        assert 4 <= len(deal.key_buying_factors) <= 6
        assert 3 <= len(deal.business_capabilities) <= 5
        indicators = [(item.name, item.weight) for item in deal.relationship_capabilities]
        assert indicators == list(zip(INDICATORS[deal.language], INDICATOR_WEIGHTS))


def test_every_company_scored_in_every_item(deals):
    for deal in deals:
        ids = {c.id for c in deal.companies}
        for dimension in ("key_buying_factors", "business_capabilities", "relationship_capabilities"):
            assert all(set(item.scores) == ids for item in deal.dimension(dimension))


def test_surroundings_and_our_team(deals):
    for deal in deals:
        assert 2 <= len(deal.chain.surrounding) <= 4
        team = deal.chain.our_team
        assert None not in (team.senior, team.middle, team.frontline)
        held = {c.our_contact for c in deal.chain.customer} - {None}
        assert held <= {team.senior, team.middle, team.frontline}


def test_payback_agrees_with_the_figures(deals):
    for deal in deals:
        spec = deal.value_proposition.specific
        computed = spec.investment.amount / spec.monthly_benefit.amount
        assert spec.investment.currency == spec.monthly_benefit.currency
        assert abs(spec.payback_months - computed) <= 0.1 * computed
        assert 1 <= spec.payback_months <= 60


def test_chinese_deals_speak_chinese(deals):
    zh = deals[0]
    assert zh.us.name.startswith("中国电信")
    assert all(CJK.search(c.name) for c in zh.chain.customer)
    assert zh.competitors[0].name.startswith("对手A")
    assert zh.chain.our_team.senior.endswith("总")
    assert zh.value_proposition.specific.investment.currency == "CNY"


def test_english_deals_speak_english(deals):
    en = deals[1]
    assert en.us.name.endswith("Telecom Enterprise")
    texts = (en.title, en.customer.name, en.situation, *(c.name for c in en.chain.customer))
    assert not any(CJK.search(text) for text in texts)
    assert en.value_proposition.specific.investment.currency == "USD"


# --- one generator for the benchmark, the property tests and the fuzzers ---

def test_the_bench_and_the_property_tests_draw_from_one_generator(monkeypatch, tmp_path):
    made = []

    def spy(choose, profile, index=0):
        data = real(choose, profile, index)
        made.append((type(choose), profile, data))
        return data

    real = generator.deal
    monkeypatch.setattr(generator, "deal", spy)
    written = write_deals(tmp_path, 2)
    drawn = draw_one(valid_deals())
    assert [(chooser, profile) for chooser, profile, _ in made[:2]] == [(Seeded, Realistic)] * 2
    assert {(chooser, profile) for chooser, profile, _ in made[2:]} == {(Drawn, FullRange)}
    assert yaml.safe_load(written[1].read_text(encoding="utf-8")) == made[1][2]
    assert yaml.safe_load(drawn) in [data for _, _, data in made[2:]]


def draw_one(strategy):
    """One example of `strategy`, generated without shrinking (`find` would shrink a whole deal for minutes)."""
    drawn = []

    @settings(max_examples=1, phases=[Phase.generate], database=None)
    @given(strategy)
    def draw(example):
        drawn.append(example)

    draw()
    return drawn[0]


def load_text(text: str):
    with tempfile.TemporaryDirectory() as folder:
        return load_in(Path(folder), "deal.yaml", text)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(realistic_deal_data())
def test_hypothesis_draws_the_benchmarks_deals_with_the_same_profile(data):
    deal = load_text(in_style(data, "bench"))
    assert (len(deal.competitors), len(deal.chain.customer)) == (4, 8)
    assert [(i.name, i.weight) for i in deal.relationship_capabilities] == list(
        zip(INDICATORS[deal.language], INDICATOR_WEIGHTS))
    spec = deal.value_proposition.specific
    assert spec.payback_months == round(spec.investment.amount / spec.monthly_benefit.amount)


def test_seeded_full_range_deals_load_and_read_back_in_every_style():
    choose = Seeded(11)
    for index in range(30):
        data = generator.deal(choose, FullRange, index)
        for style in STYLES:
            text = in_style(data, style)
            assert yaml.safe_load(text) == data, style
            deal = load_text(text)
            assert [c.id for c in deal.companies] == [data["us"]["id"], *(c["id"] for c in data["competitors"])]
            assert len(deal.chain.customer) == len(data["chain"]["customer"])


def test_the_full_range_reaches_the_contracts_corners():
    """Counted over 300 seeded deals: each corner the property tests rely on is reached."""
    choose = Seeded(5)
    deals = [generator.deal(choose, FullRange, index) for index in range(300)]
    competitors = Counter(len(d["competitors"]) for d in deals)
    assert set(competitors) == {1, 2, 3, 4}
    ids = {c["id"] for d in deals for c in [d["us"], *d["competitors"]]}
    assert set(TRICKY_IDS) <= ids
    assert {d.get("language") for d in deals} == {"zh", "en", None}
    for key in ("id", "situation", "positioning_statement"):
        assert Counter(key in d for d in deals).keys() == {True, False}, key
    items = [item for d in deals for dimension in DIMENSIONS for item in d[dimension]]
    assert {type(item["weight"]) for item in items} == {int, float}
    assert {type(score) for item in items for score in item["scores"].values()} == {int, float}
    assert min(score for item in items for score in item["scores"].values()) == 0
    assert Counter("in_3_years" in item for item in items).keys() == {True, False}
    chains = [d["chain"]["customer"] for d in deals]
    assert min(map(len, chains)) == 0 and max(map(len, chains)) == 6
    assert any({c["level"] for c in chain} < set(CHAIN_LEVELS) and chain for chain in chains)
    assert {c["level"] for chain in chains for c in chain} == set(CHAIN_LEVELS)
    starts = {type(d["value_proposition"]["specific"]["start"]) for d in deals}
    assert starts == {dt.date, str}
    specific = [d["value_proposition"]["specific"] for d in deals]
    for key in ("monthly_benefit", "payback_months", "tracking"):
        assert Counter(key in s for s in specific).keys() == {True, False}, key
    names = {d["title"] for d in deals}
    assert any(re.search(r"[\u4e00-\u9fff]", n) for n in names) and any("\n" in n or ": " in n for n in names)


# --- the benchmark's bookkeeping (tools/bench.py): parsing, arithmetic, verdicts; no timings ---

def test_bench_reads_the_cli_summary_line():
    errors = "x.yaml: warning: ...\nbuilt 3, skipped 197 (up to date), failed 0 in 1.2 s\n"
    assert bench.parse_summary(errors) == (3, 197, 0)


def test_bench_says_when_the_summary_line_is_missing():
    with pytest.raises(bench.BenchError) as caught:
        bench.parse_summary("Traceback ...\nImportError: no module named analyze\n")
    assert str(caught.value) == ("no 'built N, skipped N (up to date), failed N' line in the build's output:\n"
                                 "Traceback ...\nImportError: no module named analyze")


def test_bench_checks_what_a_run_did():
    run = bench.Run(deals=4, built=3, skipped=1, failed=0, wall_s=1.0, cpu_s=1.0, peak_mb=50.0)
    with pytest.raises(bench.BenchError) as caught:
        bench.expect(run, 4, 0, "full build")
    assert str(caught.value) == "full build: expected built 4, skipped 0; got built 3, skipped 1"


def test_bench_figures_per_deal():
    run = bench.Run(deals=200, built=200, skipped=0, failed=0, wall_s=10.0, cpu_s=18.0, peak_mb=120.5)
    assert bench.figures(run) == bench.Figures(
        wall_ms_per_deal=50.0, cpu_ms_per_deal=90.0, documents_per_s=160.0, peak_mb=120.5)


def test_bench_verdicts_against_the_targets():
    full = bench.Run(200, 200, 0, 0, wall_s=10.0, cpu_s=18.0, peak_mb=110.0)
    noop = bench.Run(200, 0, 200, 0, wall_s=2.0, cpu_s=1.0, peak_mb=40.0)
    quarter = bench.Run(50, 50, 0, 0, wall_s=3.0, cpu_s=5.0, peak_mb=100.0)
    result = bench.report(200, 2, full, noop, quarter)
    assert result["met"] == {"wall": True, "stretch": False, "noop": False, "flat_memory": True}
    assert result["noop"]["share_of_full"] == pytest.approx(0.2)
    assert result["memory_growth"] == pytest.approx(0.1)
    text = "\n".join(bench.lines(result))
    assert "50.0 ms/deal   target <= 75 (stretch <= 30)   ok, stretch MISSED" in text
    assert "20.0 % of the full build   target <= 15 %   MISSED" in text
    assert "100.0 MB at 50 deals, 110.0 MB at 200 deals: +10.0 %   target <= +10 %   ok" in text


def test_bench_below_the_target_count_gives_figures_without_a_verdict():
    full = bench.Run(20, 20, 0, 0, wall_s=3.0, cpu_s=4.0, peak_mb=90.0)
    noop = bench.Run(20, 0, 20, 0, wall_s=1.0, cpu_s=1.0, peak_mb=40.0)
    quarter = bench.Run(5, 5, 0, 0, wall_s=1.5, cpu_s=2.0, peak_mb=80.0)
    result = bench.report(20, 2, full, noop, quarter)
    assert result["met"] is None
    text = "\n".join(bench.lines(result))
    assert "MISSED" not in text and " ok" not in text
    assert "(targets are set at 200 deals: figures only, no verdict)" in text
    assert "150.0 ms/deal   target <= 75 (stretch <= 30)   (no verdict)" in text


def test_bench_names_where_time_goes():
    site = "/usr/lib/python3/site-packages/pptx/oxml/xmlchemy.py"
    assert bench.module_of(site, "xpath") == "pptx"
    assert bench.short_path(site) == "pptx/oxml/xmlchemy.py"
    assert bench.module_of(str(bench.ROOT / "pipeline" / "build.py"), "build_deal") == "pipeline/build.py"
    assert bench.module_of("~", "<built-in method posix.fsync>") == "built-in <built-in method posix.fsync>"
