"""No figure without data: a 3-year line, target or note only where the deal gives one for that
company (READING.md). The radar (or its bars) in the deck and in the briefs, its title, its line under
the chart, its notes and caption, and the discussion slide's reference answer, on deals with no
`in_3_years` at all, with a rival's projection only, and with our targets only, in zh and en."""

from __future__ import annotations

import io

import pytest
from docx import Document
from pptx import Presentation

from pipeline.analysis.analyze import analyze
from pipeline.render.brief.briefs import render_briefs
from pipeline.render.deck.slides import render_deck
from tests.deals import deal_data, item
from tests.render.deck.test_chart_picture import NS, parts, series_name

RADAR_TITLE = {"zh": ("客户关系能力：现在与3年后", "客户关系能力：现在的得分"),
               "en": ("Relationship capability: now and in three years", "Relationship capability: today's scores")}


def relationship(future_a=None, future_us=None) -> list[dict]:
    """Three indicators (a radar); A is the strongest rival in relationship capability (75 against B's 60)."""
    def fut(n):
        given = {}
        if future_a and n in future_a:
            given["A"] = future_a[n]
        if future_us and n in future_us:
            given["us"] = future_us[n]
        return given or None
    return [item("Influence", 70, 80, 60, weight=5, future=fut(0)), item("Coordination", 80, 70, 60, weight=4,
                                                                         future=fut(1)),
            item("History", 60, 75, 60, weight=4, future=fut(2))]


def built(language: str, future_a=None, future_us=None):
    from pipeline.load.model import Deal

    data = deal_data(language=language, relationship_capabilities=relationship(future_a, future_us))
    analysis = analyze(Deal.model_validate(data))
    return analysis, render_deck(analysis), render_briefs(analysis)


def radar_slide(deck: bytes):
    prs = Presentation(io.BytesIO(deck))
    for slide in prs.slides:
        for shape in slide.shapes:
            if getattr(shape, "has_chart", False) and shape.chart.chart_type is not None and \
                    shape.chart._chartSpace.find(".//c:radarChart", NS) is not None:
                return slide, shape.chart
    raise AssertionError("no radar")


def slide_series(chart) -> dict[str, tuple]:
    return {s.name: tuple(s.values) for s in chart.series}


def slide_text(slide) -> list[str]:
    return [p.text for shape in slide.shapes if shape.has_text_frame for p in shape.text_frame.paragraphs]


def notes(slide) -> str:
    return slide.notes_slide.notes_text_frame.text


def brief_radar(blob: bytes) -> dict[str, list[float]]:
    charts = [c for c in parts(blob, "word/charts/").values() if c.find(".//c:radarChart", NS) is not None]
    assert len(charts) == 1
    return {series_name(ser): [float(v.text) for v in ser.iterfind("c:val//c:v", NS)]
            for ser in charts[0].iterfind(".//c:ser", NS)}


def brief_text(blob: bytes) -> str:
    return "\n".join(p.text for p in Document(io.BytesIO(blob)).paragraphs)


def discussion_notes(deck: bytes) -> str:
    prs = Presentation(io.BytesIO(deck))
    slide = next(s for s in prs.slides if s.shapes.title.text_frame.text in ("讨论", "Discussion"))
    return notes(slide)


def test_a_deal_without_any_3_year_figure_draws_today_only_and_says_so_zh():
    analysis, deck, briefs = built("zh")
    slide, chart = radar_slide(deck)
    assert slide_series(chart) == {"Rival A": (80, 70, 75), "我们现在": (70, 80, 60)}
    lines = slide_text(slide)
    assert lines[0] == RADAR_TITLE["zh"][1]  # the kicker above the action title
    assert "交易文件没有给出3年后的数值，图中只有现在的得分。" in lines
    said = notes(slide)
    assert said.splitlines()[0] == "雷达图把各项关系指标放在同一张图上。交易文件没有给出3年后的数值，图中只有现在的得分。"
    assert "3年后的目标" not in said and "虚线" not in said and analysis.three_years.note not in said
    # the briefs: the same two lines, and a caption that promises no 3-year figure
    assert brief_radar(briefs["middle"]) == {"Rival A": [80, 70, 75], "我们现在": [70, 80, 60]}
    text = brief_text(briefs["middle"])
    assert "客户关系能力雷达图：最强对手Rival A和我方现在的得分（交易文件没有给出3年后的数值）。" in text
    assert "现在与3年后" not in text
    assert "参考答案二（交易文件给出的我方客户关系能力3年目标）：交易文件没有给出我方客户关系能力的3年后目标。" \
        in discussion_notes(deck)


def test_a_deal_without_any_3_year_figure_draws_today_only_and_says_so_en():
    _, deck, briefs = built("en")
    slide, chart = radar_slide(deck)
    assert slide_series(chart) == {"Rival A": (80, 70, 75), "Us now": (70, 80, 60)}
    lines = slide_text(slide)
    assert lines[0] == RADAR_TITLE["en"][1]
    assert "The deal file gives no 3-year figures: the chart shows today's scores only." in lines
    assert notes(slide).splitlines()[0] == ("The radar puts every relationship indicator on one picture. The deal "
                                            "file gives no 3-year figures: the chart shows today's scores only.")
    assert brief_radar(briefs["middle"]) == {"Rival A": [80, 70, 75], "Us now": [70, 80, 60]}
    assert ("Relationship capability radar: the strongest rival, Rival A, and us now (the deal file gives no "
            "3-year figures).") in brief_text(briefs["middle"])
    assert "Reference answer 2 (our 3-year relationship targets in the deal file): the deal file gives no 3-year " \
        "relationship targets for us." in discussion_notes(deck)


def test_only_the_rival_projects_its_line_is_drawn_and_our_target_is_said_missing():
    analysis, deck, briefs = built("zh", future_a={0: 90})
    slide, chart = radar_slide(deck)
    # A's other indicators keep today's score, as the analysis projects them
    assert slide_series(chart) == {"Rival A": (80, 70, 75), "Rival A3年后": (90, 70, 75), "我们现在": (70, 80, 60)}
    lines = slide_text(slide)
    assert lines[0] == RADAR_TITLE["zh"][0]
    assert "交易文件没有给出我方3年后的目标，图中虚线只有Rival A3年后的预测。" in lines
    said = notes(slide).splitlines()
    assert said[:2] == ["雷达图把各项关系指标放在同一张图上：实线是现在，虚线是Rival A3年后的预测。"
                        "交易文件没有给出我方3年后的目标，图中没有这条线。", analysis.three_years.note]
    assert "我们3年后的目标" not in notes(slide)
    assert brief_radar(briefs["middle"]) == {"Rival A": [80, 70, 75], "Rival A3年后": [90, 70, 75],
                                             "我们现在": [70, 80, 60]}
    assert ("客户关系能力雷达图：最强对手Rival A现在与3年后的得分，以及我方现在的得分（交易文件没有给出我方3年后的目标）。"
            in brief_text(briefs["middle"]))
    assert "交易文件没有给出我方客户关系能力的3年后目标。" in discussion_notes(deck)


def test_a_rival_that_is_not_the_strongest_projecting_draws_no_line_for_the_strongest():
    from pipeline.load.model import Deal

    rel = relationship()
    rel[0]["in_3_years"] = {"B": 90}  # B projects; A, the strongest, does not
    analysis = analyze(Deal.model_validate(deal_data(relationship_capabilities=rel)))
    slide, chart = radar_slide(render_deck(analysis))
    assert list(slide_series(chart)) == ["Rival A", "我们现在"]
    assert slide_text(slide)[0] == RADAR_TITLE["zh"][1]


def test_only_we_set_targets_our_line_is_drawn_and_the_rivals_is_said_missing():
    _, deck, briefs = built("zh", future_us={0: 85, 2: 70})
    slide, chart = radar_slide(deck)
    assert slide_series(chart) == {"Rival A": (80, 70, 75), "我们现在": (70, 80, 60),
                                   "我们3年后的目标": (85, 80, 70)}
    lines = slide_text(slide)
    assert lines[0] == RADAR_TITLE["zh"][0]
    assert "交易文件没有给出Rival A3年后的数值，图中虚线只有我们3年后的目标。" in lines
    assert notes(slide).splitlines()[0] == ("雷达图把各项关系指标放在同一张图上：实线是现在，虚线是我们3年后的目标。"
                                            "交易文件没有给出Rival A3年后的数值，图中没有这条线。")
    assert "Rival A3年后" not in brief_radar(briefs["middle"])
    assert ("客户关系能力雷达图：最强对手Rival A和我方现在的得分，以及我方3年后的目标（交易文件没有给出Rival A3年后的数值）。"
            in brief_text(briefs["middle"]))
    assert "参考答案二（交易文件给出的我方客户关系能力3年目标）：Influence 70 → 85（+15）、History 60 → 70（+10）。" \
        in discussion_notes(deck)


def test_only_we_set_targets_in_english():
    _, deck, briefs = built("en", future_us={0: 85})
    slide, chart = radar_slide(deck)
    assert list(slide_series(chart)) == ["Rival A", "Us now", "Our 3-year target"]
    assert "The deal file gives no 3-year figures for Rival A: the only dashed line is our own target." in \
        slide_text(slide)
    assert notes(slide).splitlines()[0] == (
        "The radar puts every relationship indicator on one picture: solid lines are today, the dashed line our own "
        "target three years on. The deal file gives no 3-year figures for Rival A, so there is no line for them.")
    assert ("Relationship capability radar: the strongest rival, Rival A, and us now, with our 3-year target (the deal "
            "file gives no 3-year figures for Rival A).") in brief_text(briefs["middle"])


def test_both_project_no_missing_line_on_the_slide():
    _, deck, _ = built("zh", future_a={1: 75}, future_us={0: 85})
    slide, chart = radar_slide(deck)
    assert list(slide_series(chart)) == ["Rival A", "Rival A3年后", "我们现在", "我们3年后的目标"]
    assert not [line for line in slide_text(slide) if "交易文件没有" in line]
    assert notes(slide).splitlines()[0] == "雷达图把各项关系指标放在同一张图上：实线是现在，虚线是Rival A3年后的预测和我们3年后的目标。"


@pytest.mark.parametrize("count", [2])
def test_the_bar_fallback_follows_the_same_rule(count):
    from pipeline.load.model import Deal

    data = deal_data(relationship_capabilities=relationship()[:count])
    analysis = analyze(Deal.model_validate(data))
    deck = render_deck(analysis)
    prs = Presentation(io.BytesIO(deck))
    slide = next(s for s in prs.slides if any(p.text == RADAR_TITLE["zh"][1] for p in
                                              s.shapes.title.text_frame.paragraphs))
    chart = next(sh.chart for sh in slide.shapes if getattr(sh, "has_chart", False))
    assert slide_series(chart) == {"Rival A": (80, 70), "我们现在": (70, 80)}
    assert notes(slide).splitlines()[0] == "条形图把各项关系指标放在同一张图上。交易文件没有给出3年后的数值，图中只有现在的得分。"
    assert "客户关系能力条形图：最强对手Rival A和我方现在的得分（交易文件没有给出3年后的数值）。" in \
        brief_text(render_briefs(analysis)["middle"])


def test_only_the_rival_projects_in_english():
    _, deck, briefs = built("en", future_a={2: 85})
    slide, chart = radar_slide(deck)
    assert slide_series(chart) == {"Rival A": (80, 70, 75), "Rival A in 3 years": (80, 70, 85), "Us now": (70, 80, 60)}
    assert "The deal file gives no 3-year target for us: the only dashed line is the projection for Rival A." in \
        slide_text(slide)
    assert notes(slide).splitlines()[0] == (
        "The radar puts every relationship indicator on one picture: solid lines are today, the dashed line the "
        "projection for Rival A three years on. The deal file gives no 3-year target for us, so there is no line "
        "for it.")
    assert ("Relationship capability radar: the strongest rival, Rival A, now and in 3 years, and us now (the deal "
            "file gives no 3-year target for us).") in brief_text(briefs["middle"])


def test_the_shipped_examples_name_the_rival_whose_line_is_drawn():
    """Before: 「虚线是竞争对手3年后的预测和我们3年后的目标」 whoever projected; after: the rival drawn."""
    from pipeline.load.deal import load_deal
    from tests.conftest import ROOT

    for name, first in [("xyz-atm-network", "雷达图把各项关系指标放在同一张图上：实线是现在，虚线是对手B3年后的预测和我们3年后的目标。"),
                        ("northbank-branch-network", "The radar puts every relationship indicator on one picture: "
                         "solid lines are today, dashed lines the projection for Meridian Networks three years on "
                         "and our own target.")]:
        analysis = analyze(load_deal(ROOT / "inputs" / f"{name}.yaml")[0])
        slide, chart = radar_slide(render_deck(analysis))
        assert len(chart.series) == 4
        assert notes(slide).splitlines()[0] == first
        assert not [line for line in slide_text(slide) if "交易文件没有" in line or "The deal file gives" in line]
