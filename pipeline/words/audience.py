"""How each type of customer is spoken to and about, in zh and en: one table a translator edits.

The method's source speaks of an enterprise (企业, 公司, 副总经理, 公司战略日程表, 企业文化); most
key accounts are government bodies, hospitals and schools, whose people hear those words as
someone else's. Each type keeps the method's three concerns per level (METHOD.md section 2, step 3)
and its four chain levels (section 3), in the words that type uses.
"""

from __future__ import annotations

# The name's ending (or word) that says how a body is addressed, first match wins; the type's
# default follows. zh endings are matched at the end of the name, en words anywhere in it.
ADDRESS: dict[str, dict[str, tuple[tuple[str, str], ...]]] = {
    "zh": {
        "enterprise": (("银行", "贵行"),),
        "government": (("海关", "贵关"), ("局", "贵局"), ("厅", "贵厅"), ("委", "贵委"),
                       ("委员会", "贵委"), ("办", "贵办"), ("办公室", "贵办")),
        "hospital": (),
        "school": (),
        "institution": (("医院", "贵院"), ("研究院", "贵院"), ("学校", "贵校"), ("大学", "贵校"),
                        ("学院", "贵院")),
    },
    "en": {
        "enterprise": (("bank", "your bank"),),
        "government": (("bureau", "your bureau"), ("commission", "your commission"),
                       ("customs", "your office"), ("department", "your department"),
                       ("ministry", "your ministry"), ("agency", "your agency")),
        "hospital": (),
        "school": (("university", "your university"), ("college", "your college")),
        "institution": (),
    },
}

DEFAULT_ADDRESS = {
    "zh": {"enterprise": "贵公司", "government": "贵单位", "hospital": "贵院", "school": "贵校",
           "institution": "贵单位"},
    "en": {"enterprise": "your company", "government": "your office", "hospital": "your hospital",
           "school": "your school", "institution": "your organisation"},
}

ORGANISATION = {
    "zh": {"enterprise": "公司", "government": "单位", "hospital": "医院", "school": "学校",
           "institution": "单位"},
    "en": {"enterprise": "company", "government": "organisation", "hospital": "hospital",
           "school": "school", "institution": "organisation"},
}

# The chain's four levels (top, deputy, manager, frontline) as each type names them.
LEVEL_TITLES: dict[str, dict[str, dict[str, str]]] = {
    "zh": {
        "enterprise": {"top": "一把手", "deputy": "副总经理", "manager": "部门或分管经理", "frontline": "一线员工"},
        "government": {"top": "一把手", "deputy": "分管领导", "manager": "处室负责人", "frontline": "工作人员"},
        "hospital": {"top": "院长", "deputy": "副院长", "manager": "科室主任", "frontline": "医护及工作人员"},
        "school": {"top": "校长", "deputy": "副校长", "manager": "院系或处室负责人", "frontline": "教职工"},
        "institution": {"top": "一把手", "deputy": "分管领导", "manager": "部门负责人", "frontline": "工作人员"},
    },
    "en": {
        "enterprise": {"top": "Number one", "deputy": "Deputy general managers",
                       "manager": "Department and line managers", "frontline": "Front-line staff"},
        "government": {"top": "Number one", "deputy": "Deputy heads in charge",
                       "manager": "Division heads", "frontline": "Staff"},
        "hospital": {"top": "Hospital president", "deputy": "Vice presidents",
                     "manager": "Department directors", "frontline": "Clinical and other staff"},
        "school": {"top": "Head of the school", "deputy": "Deputy heads",
                   "manager": "Heads of departments and offices", "frontline": "Teaching and other staff"},
        "institution": {"top": "Number one", "deputy": "Deputy heads in charge",
                        "manager": "Department heads", "frontline": "Staff"},
    },
}


def _public(org: str) -> dict[str, list[str]]:
    """The method's concerns as a public body of kind `org` (单位, 医院, 学校) words them."""
    return {
        "senior": [f"识别{org}面临的问题和挖掘新的发展机遇", f"拟定{org}工作规划和发展目标",
                   f"确立{org}文化和基本制度"],
        "middle": [f"不断用创新的方法推动{org}工作目标的完成", "确定和分配预算", f"分配{org}资源"],
        "frontline": ["节约开支", "执行预算", "完成工作部署的落实"],
    }


def _public_en(org: str, rules: str) -> dict[str, list[str]]:
    return {
        "senior": [f"identify the problems the {org} faces and find new opportunities for its work",
                   f"set the {org}'s work plan and goals", rules],
        "middle": [f"keep driving the {org}'s goals with innovative methods", "set and allocate budgets",
                   "allocate resources"],
        "frontline": ["save costs", "execute the budget", "carry out the work plan"],
    }


# What each audience level cares about (METHOD.md step 3), by language and customer type.
CONCERNS: dict[str, dict[str, dict[str, list[str]]]] = {
    "zh": {
        "enterprise": {
            "senior": ["识别企业面临的问题和挖掘新兴机会", "拟定公司战略日程表", "确立企业文化和基本政策"],
            "middle": ["不断用创新的方法推动企业目标的完成", "确定和分配预算", "分配企业资源"],
            "frontline": ["节约开支", "花费预算", "完成战略的执行"],
        },
        "government": {
            "senior": ["识别本地区、本部门面临的问题和挖掘新的发展机遇", "拟定工作规划和重点任务", "确立政策方针和基本制度"],
            "middle": ["不断用创新的方法推动工作目标的完成", "确定和分配预算", "分配人员和资源"],
            "frontline": ["节约开支", "执行预算", "完成工作部署的落实"],
        },
        "hospital": _public("医院"),
        "school": _public("学校"),
        "institution": _public("单位"),
    },
    "en": {
        "enterprise": {
            "senior": ["identify the problems the enterprise faces and find emerging opportunities",
                       "set the company's strategic agenda", "establish corporate culture and basic policy"],
            "middle": ["keep driving the enterprise's goals with innovative methods", "set and allocate budgets",
                       "allocate resources"],
            "frontline": ["save costs", "spend the budget", "execute the strategy"],
        },
        "government": {
            "senior": ["identify the problems of the region or sector and find new opportunities for its work",
                       "set the work plan and priorities", "establish policy and the basic rules"],
            "middle": ["keep driving the work's goals with innovative methods", "set and allocate budgets",
                       "allocate staff and resources"],
            "frontline": ["save costs", "execute the budget", "carry out the work plan"],
        },
        "hospital": _public_en("hospital", "establish the hospital's culture and basic rules"),
        "school": _public_en("school", "establish the school's culture and basic rules"),
        "institution": _public_en("organisation", "establish the organisation's culture and basic rules"),
    },
}

# Words in a customer's name that say its type when the deal does not, tried in this order
# (lower case for English): a company's name wins (医院管理有限公司 is an enterprise), then a
# hospital or a school (a 医院 of a 卫生健康委员会 is still a hospital), then a government body.
INFER: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("enterprise", ("公司", "集团", "银行", "company", "bank", "group", "corporation", "inc.", "ltd", "plc")),
    ("hospital", ("医院", "卫生院", "hospital", "clinic", "medical center", "medical centre")),
    ("school", ("学校", "大学", "学院", "中学", "小学", "university", "college", "school", "academy")),
    ("government", ("政府", "海关", "局", "厅", "委", "办", "government", "bureau", "ministry", "customs",
                    "commission", "municipal", "council", "agency", "authority", "department of")),
)
