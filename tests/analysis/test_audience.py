"""Who the customer is: its type (given, a Chinese synonym, or inferred from the name with a warning),
how it is addressed, its chain levels' names and its concerns, in zh and en, and documents of a
non-enterprise customer that never call it a company."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from pipeline.analysis.analyze import analyze
from pipeline.analysis.audience import infer_type
from pipeline.load.model import Deal
from pipeline.render.brief.briefs import render_briefs
from pipeline.render.brief.proposals import render_proposals
from pipeline.render.deck.slides import render_deck
from tests.deals import deal_data, make
from tests.render.brief.test_brief_helpers import body_lines, table_with_header
from tools.golden import brief_text, deck_text


def customer(name: str, kind: str | None = None, language: str = "zh", **value) -> dict:
    data = deal_data(customer={"name": name, **({"type": kind} if kind else {})}, language=language)
    data["value_proposition"].update(value)
    return data


def audience_of(name: str, kind: str | None = None, language: str = "zh", **value):
    return analyze(Deal.model_validate(customer(name, kind, language, **value))).audience


# name -> (type, zh address) when customer.type is absent
ZH_NAMES = {
    "某市医疗保障局": ("government", "贵局"),
    "某省人民政府办公厅": ("government", "贵厅"),
    "某市卫生健康委员会": ("government", "贵委"),
    "某市发展和改革委": ("government", "贵委"),
    "某区人民政府办": ("government", "贵办"),
    "某市人民政府": ("government", "贵单位"),
    "某省海关": ("government", "贵关"),
    "某市第一人民医院": ("hospital", "贵院"),
    "某某大学": ("school", "贵校"),
    "某市第二中学": ("school", "贵校"),
    "某职业技术学院": ("school", "贵校"),
    "xyz投资公司": ("enterprise", "贵公司"),
    "某某银行": ("enterprise", "贵行"),
    "某某医院管理有限公司": ("enterprise", "贵公司"),
    "某某集团": ("enterprise", "贵公司"),
}


@pytest.mark.parametrize("name", ZH_NAMES)
def test_type_and_address_are_inferred_from_a_chinese_name(name):
    kind, address = ZH_NAMES[name]
    result = audience_of(name)
    assert (result.customer_type, result.address, result.type_inferred) == (kind, address, True)


EN_NAMES = {
    "City Medical Insurance Bureau": ("government", "your bureau"),
    "Harbour Customs": ("government", "your office"),
    "Provincial Health Commission": ("government", "your commission"),
    "St Mary's Hospital": ("hospital", "your hospital"),
    "Northern University": ("school", "your university"),
    "Riverside School": ("school", "your school"),
    "Northbank Financial Group": ("enterprise", "your company"),
    "Acme": ("enterprise", "your company"),
}


@pytest.mark.parametrize("name", EN_NAMES)
def test_type_and_address_are_inferred_from_an_english_name(name):
    kind, address = EN_NAMES[name]
    result = audience_of(name, language="en")
    assert (result.customer_type, result.address) == (kind, address)


def test_an_inferred_public_body_is_a_warning_on_customer_type_that_the_field_silences():
    deal_guess = analyze(make(customer={"name": "某市医疗保障局"}))
    [finding] = [f for f in deal_guess.findings if f.field == "customer.type"]
    assert "'government'" in finding.message and "贵局" in finding.message and "set customer.type" in finding.message
    confirmed = analyze(make(customer={"name": "某市医疗保障局", "type": "government"}))
    assert confirmed.audience.customer_type == "government" and not confirmed.audience.type_inferred
    assert not [f for f in confirmed.findings if f.field == "customer.type"]
    # an enterprise guess is the method's own default: no warning
    assert not [f for f in analyze(make(customer={"name": "xyz投资公司"})).findings if f.field == "customer.type"]


@pytest.mark.parametrize("given, kind", [("企业", "enterprise"), ("政府", "government"), ("医院", "hospital"),
                                         ("学校", "school"), ("事业单位", "institution"), ("hospital", "hospital")])
def test_chinese_synonyms_of_the_type_load_as_the_english_value(given, kind):
    assert make(customer={"name": "某单位", "type": given}).customer.type == kind


def test_an_unknown_type_is_refused():
    with pytest.raises(ValidationError):
        make(customer={"name": "某单位", "type": "company"})


def test_the_given_type_wins_over_the_name():
    result = audience_of("某某大学附属医院", "school")
    assert (result.customer_type, result.address, result.organisation) == ("school", "贵校", "学校")
    assert infer_type("某某大学附属医院") == "hospital"


# Exact words per type, zh: organisation, level titles top..frontline, the senior concerns.
ZH = {
    "enterprise": ("公司", ["一把手", "副总经理", "部门或分管经理", "一线员工"],
                   ["识别企业面临的问题和挖掘新兴机会", "拟定公司战略日程表", "确立企业文化和基本政策"]),
    "government": ("单位", ["一把手", "分管领导", "处室负责人", "工作人员"],
                   ["识别本地区、本部门面临的问题和挖掘新的发展机遇", "拟定工作规划和重点任务", "确立政策方针和基本制度"]),
    "hospital": ("医院", ["院长", "副院长", "科室主任", "医护及工作人员"],
                 ["识别医院面临的问题和挖掘新的发展机遇", "拟定医院工作规划和发展目标", "确立医院文化和基本制度"]),
    "school": ("学校", ["校长", "副校长", "院系或处室负责人", "教职工"],
               ["识别学校面临的问题和挖掘新的发展机遇", "拟定学校工作规划和发展目标", "确立学校文化和基本制度"]),
    "institution": ("单位", ["一把手", "分管领导", "部门负责人", "工作人员"],
                    ["识别单位面临的问题和挖掘新的发展机遇", "拟定单位工作规划和发展目标", "确立单位文化和基本制度"]),
}
EN = {
    "enterprise": ("company", ["Number one", "Deputy general managers", "Department and line managers",
                               "Front-line staff"], "set the company's strategic agenda"),
    "government": ("organisation", ["Number one", "Deputy heads in charge", "Division heads", "Staff"],
                   "set the work plan and priorities"),
    "hospital": ("hospital", ["Hospital president", "Vice presidents", "Department directors",
                              "Clinical and other staff"], "set the hospital's work plan and goals"),
    "school": ("school", ["Head of the school", "Deputy heads", "Heads of departments and offices",
                          "Teaching and other staff"], "set the school's work plan and goals"),
    "institution": ("organisation", ["Number one", "Deputy heads in charge", "Department heads", "Staff"],
                    "set the organisation's work plan and goals"),
}


@pytest.mark.parametrize("kind", ZH)
def test_each_type_has_its_words_in_chinese(kind):
    organisation, titles, senior = ZH[kind]
    result = audience_of("某客户", kind)
    assert result.organisation == organisation
    assert list(result.level_titles.values()) == titles and list(result.level_titles) == [
        "top", "deputy", "manager", "frontline"]
    assert result.concerns["senior"] == senior
    if kind != "enterprise":
        words = "".join(w for ws in result.concerns.values() for w in ws)
        assert not {"企业", "公司"} & {words[i:i + 2] for i in range(len(words))}


@pytest.mark.parametrize("kind", EN)
def test_each_type_has_its_words_in_english(kind):
    organisation, titles, agenda = EN[kind]
    result = audience_of("Some customer", kind, "en")
    assert result.organisation == organisation and list(result.level_titles.values()) == titles
    assert agenda in result.concerns["senior"]
    if kind != "enterprise":
        assert not any("company" in c or "corporate" in c or "enterprise" in c
                       for cs in result.concerns.values() for c in cs)


def test_the_deals_own_concerns_replace_one_level_only():
    result = audience_of("某市医疗保障局", "government", concerns={"middle": ["医保基金的使用效率", "信息化项目的审批"]})
    assert result.concerns["middle"] == ["医保基金的使用效率", "信息化项目的审批"]
    assert result.concerns["senior"] == ZH["government"][2]
    assert result.concerns_from_deal == {"senior": False, "middle": True, "frontline": False}


def test_the_deals_own_concerns_read_as_one_line_each():
    result = audience_of("某校", "school", concerns={"senior": ["办学\n  质量", "招生\n\n规模"]})
    assert result.concerns["senior"] == ["办学质量", "招生规模"]


def test_the_analysis_carries_the_concerns_to_each_level_message():
    analysis = analyze(make(customer={"name": "某市第一人民医院"}))
    assert analysis.value.levels["senior"].concerns == ZH["hospital"][2]


def test_a_missing_level_is_named_in_the_customers_own_ranks():
    data = deal_data(customer={"name": "某市医疗保障局", "type": "government"})
    data["chain"]["customer"] = [c for c in data["chain"]["customer"] if c["level"] != "deputy"]
    actions = [w.action for w in analyze(Deal.model_validate(data)).chain.weak_links if w.problem == "missing"]
    assert actions == ["分管领导层面尚无联系人：由Li通过已有联系人引荐，找到并结识该层面的关键人物"]


def documents(name: str, kind: str | None, language: str) -> dict[str, str]:
    """Every brief's, proposal's and the deck's text (slides and notes) of the small deal for `name`."""
    analysis = analyze(Deal.model_validate(customer(name, kind, language)))
    texts = {}
    with tempfile.TemporaryDirectory() as scratch:
        for level, blob in render_briefs(analysis).items():
            (Path(scratch) / f"{level}.docx").write_bytes(blob)
            texts[level] = brief_text(Path(scratch) / f"{level}.docx")
        for level, blob in render_proposals(analysis).items():
            (Path(scratch) / f"proposal-{level}.docx").write_bytes(blob)
            texts[f"proposal-{level}"] = brief_text(Path(scratch) / f"proposal-{level}.docx")
        (Path(scratch) / "deck.pptx").write_bytes(render_deck(analysis))
        texts["deck"] = deck_text(Path(scratch) / "deck.pptx")
    return texts


@pytest.mark.parametrize("name, kind, language, address", [
    ("某市医疗保障局", None, "zh", "贵局"), ("某市第一人民医院", "hospital", "zh", "贵院"),
    ("某某大学", "school", "zh", "贵校"), ("某研究所", "institution", "zh", "贵单位"),
    ("City Medical Insurance Bureau", "government", "en", None),
])
def test_no_document_of_a_public_body_calls_it_a_company(name, kind, language, address):
    texts = documents(name, kind, language)
    for document, text in texts.items():
        assert "贵公司" not in text and "your company" not in text.lower(), document
        assert "副总经理" not in text and "公司战略" not in text and "企业文化" not in text, document
        assert "deputy general manager" not in text.lower() and "corporate culture" not in text.lower(), document
    assert len(texts) == 7
    if address:
        assert address in texts["senior"]


def test_an_enterprise_is_still_addressed_as_a_company():
    texts = documents("xyz投资公司", None, "zh")
    assert "贵公司希望与服务商建立怎样的长期合作关系？" in texts["senior"]
    assert "副总经理" in texts["deck"]


def test_the_senior_brief_asks_in_the_customers_address():
    lines = body_lines(render_briefs(analyze(make(customer={"name": "某省海关", "type": "政府"})))["senior"])
    assert "贵关希望与服务商建立怎样的长期合作关系？" in lines
    assert "贵关在trading speed方面，当前面临的最大问题是什么？" in lines


def test_the_brief_lists_contacts_under_the_customers_own_level_names():
    blob = render_briefs(analyze(make(customer={"name": "某市第一人民医院"})))["senior"]
    rows = {row[0]: row for row in table_with_header(blob, "姓名")[1:]}
    assert rows["Top"][2] == "院长" and rows["Deputy"][2] == "副院长"


@settings(max_examples=60, deadline=None)
@given(name=st.text(min_size=1, max_size=30).filter(lambda s: s.strip()),
       kind=st.sampled_from([None, "enterprise", "government", "hospital", "school", "institution"]),
       language=st.sampled_from(["zh", "en"]))
def test_any_customer_gets_words_of_its_own_type(name, kind, language):
    result = audience_of(name, kind, language)
    assert result.customer_type == (kind or infer_type(name.strip()))
    assert result.type_inferred == (kind is None)
    words = " ".join([result.address, result.organisation, *result.level_titles.values(),
                      *(c for cs in result.concerns.values() for c in cs)]).lower()
    if result.customer_type != "enterprise":
        for company_word in ("贵公司", "your company", "副总经理", "公司战略", "企业文化", "corporate", "general manager"):
            assert company_word not in words
    assert list(result.level_titles) == ["top", "deputy", "manager", "frontline"]
    assert all(len(result.concerns[level]) == 3 for level in ("senior", "middle", "frontline"))
