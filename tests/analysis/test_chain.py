"""The relationship chain: status per contact, held levels, the zipper, flagged relations, weak links."""

from __future__ import annotations

import pytest

from pipeline.analysis.chain import chain, status
from pipeline.analysis.results import WeakLink
from tests.deals import HELD_CHAIN, contact, make, xyz


@pytest.fixture(scope="module")
def xyz_chain():
    return chain(xyz())


@pytest.mark.parametrize("strength, expected", [
    (0, "broken"), (1, "weak"), (2, "weak"), (3, "held"), (4, "strong"), (5, "strong"),
])
def test_status(strength, expected):
    assert status(strength) == expected


def test_xyz_levels(xyz_chain):
    levels = xyz_chain.levels
    assert list(levels) == ["top", "deputy", "manager", "frontline"]
    assert [(lv.audience, lv.strongest, lv.held, lv.missing, lv.owner) for lv in levels.values()] == [
        ("senior", "陈总", False, False, "李总"),     # 陈总 2: weak
        ("senior", "周总", True, False, "李总"),      # 周总 4, 吴总 1
        ("middle", "郑经理", True, False, "王经理"),  # 郑经理 4, 孙经理 3
        ("frontline", "刘工", False, False, "赵工"),  # 刘工 1, 钱工 0
    ]
    assert [(c.name, c.status) for c in levels["frontline"].contacts] == [("刘工", "weak"), ("钱工", "broken")]
    assert levels["top"].contacts[0].title == "总经理"
    assert xyz_chain.intact is False


def test_xyz_surrounding(xyz_chain):
    # influence >= 4 and strength <= 2: only 证监会派出机构 (4, 2); 控股股东 has 3, 咨询公司 influence 3
    assert [(s.name, s.flagged) for s in xyz_chain.surrounding] == [
        ("证监会派出机构", True), ("控股股东集团信息中心", False), ("某咨询公司", False)]


def test_xyz_weak_links(xyz_chain):
    assert [(w.level, w.who, w.problem, w.owner) for w in xyz_chain.weak_links] == [
        ("top", "陈总", "weak", "李总"),
        ("deputy", "吴总", "weak", "李总"),
        ("frontline", "刘工", "weak", "赵工"),
        ("frontline", "钱工", "broken", "赵工"),
        (None, "证监会派出机构", "surrounding", "李总"),
    ]
    actions = [w.action for w in xyz_chain.weak_links]
    assert actions[0] == "由李总安排与陈总的高层互访，将关系强度从2提升到3以上"
    assert actions[2] == "由赵工加强与刘工的日常沟通，将关系强度从1提升到3以上"
    assert actions[3] == "由赵工通过已有联系人引荐结识钱工，从零开始建立关系"
    assert actions[4] == "由李总拜访证监会派出机构（监管机构），争取其对项目的支持（影响力4，关系强度2）"


def test_all_held_is_intact():
    result = chain(make())
    assert result.intact is True
    assert all(lv.held and not lv.missing for lv in result.levels.values())
    assert result.weak_links == []


def test_a_level_with_no_contact():
    result = chain(make(chain_customer=[c for c in HELD_CHAIN if c["level"] != "manager"]))
    manager = result.levels["manager"]
    assert (manager.missing, manager.held, manager.strongest, manager.contacts, manager.owner) == \
        (True, False, None, [], "Wang")
    assert result.intact is False
    assert result.weak_links == [WeakLink(
        level="manager", who=None, problem="missing", owner="Wang",
        action="部门或分管经理层面尚无联系人：由Wang通过已有联系人引荐，找到并结识该层面的关键人物")]


def test_a_held_level_still_lists_its_weak_contact():
    result = chain(make(chain_customer=[*HELD_CHAIN, contact("Clerk", "frontline", 2)]))
    assert result.intact is True
    assert [(w.who, w.problem, w.owner) for w in result.weak_links] == [("Clerk", "weak", "Zhao")]


def test_only_a_surrounding_relation_flagged():
    result = chain(make(chain_surrounding=[
        {"name": "Regulator", "kind": "regulator", "influence": 4, "strength": 2},
        {"name": "Ministry", "kind": "ministry", "influence": 3, "strength": 0},  # not influential enough
        {"name": "Bank", "kind": "investor", "influence": 5, "strength": 3},       # held well enough
    ]))
    assert result.intact is True
    assert [s.flagged for s in result.surrounding] == [True, False, False]
    assert result.weak_links == [WeakLink(
        level=None, who="Regulator", problem="surrounding", owner="Li",
        action="由Li拜访Regulator（监管机构），争取其对项目的支持（影响力4，关系强度2）")]


def test_owner_falls_back_to_the_contacts_own_link():
    chain_ = [contact("Top", "top", 1, our_contact="Boss"), *HELD_CHAIN[1:]]
    result = chain(make(chain_customer=chain_, chain_our_team={}))
    assert [(w.who, w.owner) for w in result.weak_links] == [("Top", "Boss")]
    # Boss holds the top link: the chain names our person there, so the level is not unassigned (#23)
    assert result.levels["top"].owner == "Boss" and result.levels["deputy"].owner == "Boss"


def test_no_owner_at_all_names_the_account_manager():
    result = chain(make(language="en", chain_customer=HELD_CHAIN[:3], chain_our_team={}))
    assert result.weak_links == [WeakLink(
        level="frontline", who=None, problem="missing", owner=None,
        action="nobody of ours faces the front-line level yet; no contact among the front-line staff: the account "
               "manager to find and meet the key people there through an introduction from an existing contact")]


def test_strongest_tie_goes_to_the_first_in_the_file():
    result = chain(make(chain_customer=[*HELD_CHAIN, contact("Second", "manager", 5)]))
    assert result.levels["manager"].strongest == "Manager"


def test_actions_in_english():
    chain_ = [contact("Boss", "top", 2), contact("Dep", "deputy", 0), *HELD_CHAIN[2:]]
    result = chain(make(language="en", chain_customer=chain_,
                        chain_surrounding=[{"name": "CSRC", "kind": "regulator", "influence": 5, "strength": 1}]))
    assert [w.action for w in result.weak_links] == [
        "Li to arrange senior-to-senior meetings with Boss and lift the link from 2 to 3 or more",
        "Li to get an introduction to Dep through an existing contact and build the link from zero",
        "Li to visit CSRC (regulator) and win its support for the project (influence 5, strength 1)",
    ]


# --- people by rank (issue #23, point 8) --------------------------------------------------------

NO_TEAM_CHAIN = [contact("陈总", "top", 2, our_contact="李总"), contact("吴总", "deputy", 1),
                 contact("郑经理", "manager", 4, our_contact="王经理"), contact("刘工", "frontline", 1),
                 contact("钱工", "frontline", 0)]


def test_owners_come_from_our_team_else_from_who_holds_a_link_at_that_level():
    result = chain(make(chain_customer=NO_TEAM_CHAIN, chain_our_team={}))
    assert {lv.level: lv.owner for lv in result.levels.values()} == {
        "top": "李总", "deputy": "李总", "manager": "王经理", "frontline": None}
    team = chain(make(chain_customer=NO_TEAM_CHAIN, chain_our_team={"senior": "孙总"}))
    assert team.levels["top"].owner == "孙总" and team.levels["manager"].owner == "王经理"


def test_the_senior_level_is_never_worked_by_the_account_manager():
    """Was 「由客户经理安排与陈总的高层互访…」 when the deal named nobody senior."""
    result = chain(make(chain_customer=[contact("陈总", "top", 2), *HELD_CHAIN[1:]], chain_our_team={}))
    assert [w.action for w in result.weak_links] == [
        "我方在高层还没有对接人；由我方高层领导安排与陈总的高层互访，将关系强度从2提升到3以上"]
    en = chain(make(language="en", chain_customer=[contact("Chen", "top", 2), *HELD_CHAIN[1:]], chain_our_team={},
                    chain_surrounding=[{"name": "CSRC", "kind": "regulator", "influence": 5, "strength": 1}]))
    assert [w.action for w in en.weak_links] == [
        "nobody of ours faces the senior level yet; one of our senior managers to arrange senior-to-senior meetings "
        "with Chen and lift the link from 2 to 3 or more",
        "one of our senior managers to visit CSRC (regulator) and win its support for the project (influence 5, "
        "strength 1)"]
    assert all(w.owner is None for w in en.weak_links)


def test_nobody_of_ours_at_a_level_is_said_once_and_a_held_link_names_its_holder():
    result = chain(make(chain_customer=NO_TEAM_CHAIN, chain_our_team={}))
    assert [(w.who, w.owner, w.action) for w in result.weak_links] == [
        ("陈总", "李总", "由李总安排与陈总的高层互访，将关系强度从2提升到3以上"),
        ("吴总", "李总", "由李总安排与吴总的高层互访，将关系强度从1提升到3以上"),
        ("刘工", None, "我方在基层还没有对接人；由客户经理加强与刘工的日常沟通，将关系强度从1提升到3以上"),
        ("钱工", None, "由客户经理通过已有联系人引荐结识钱工，从零开始建立关系"),
    ]


def test_the_shipped_examples_owners_are_their_teams():
    from tests.render.brief.test_brief_helpers import example

    xyz_chain = example("xyz-atm-network").chain
    assert [(w.who, w.owner) for w in xyz_chain.weak_links] == [
        ("陈总", "李总"), ("吴总", "李总"), ("刘工", "赵工"), ("钱工", "赵工"), ("证监会派出机构", "李总")]
    assert not any(w.action.startswith("我方在") for w in xyz_chain.weak_links)  # everyone is named
