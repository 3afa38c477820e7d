"""Short company names for tables, legends, chart labels and the chain.

A company's (or the customer's) `short_name` when the deal gives one; otherwise one derived
from the official name: the legal-form words (股份有限公司, 有限责任公司, 有限公司, 分公司,
集团) dropped and a leading province or city (广东省, 广州市, 北京 …) too, so
「广东省华南信息网络集团股份有限公司」 becomes 「华南信息网络」. A derived name that would be
too short or that two companies would share falls back to the full name: short names are
unique within a deal. The full names are shown once, on the situation slide.
"""

from __future__ import annotations

import re

LEGAL_FORMS = ("股份有限公司", "有限责任公司", "有限公司", "分公司", "集团")
PROVINCES = (
    "北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建", "江西",
    "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海", "台湾", "内蒙古",
    "广西", "西藏", "宁夏", "新疆", "香港", "澳门",
    "广州", "深圳", "南京", "杭州", "成都", "武汉", "西安", "苏州", "厦门", "青岛", "大连", "宁波", "沈阳", "长沙",
    "郑州", "济南", "福州", "合肥", "昆明", "南宁", "贵阳", "太原", "石家庄", "哈尔滨", "长春", "南昌", "兰州",
    "海口", "乌鲁木齐", "呼和浩特", "银川", "西宁", "拉萨", "东莞", "佛山", "无锡",
)
REGION = re.compile("^(?:(?:" + "|".join(sorted(PROVINCES, key=len, reverse=True)) + ")"
                    r"(?:省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区)?)+")
SHORTEST = 2  # characters: a derived name shorter than this says too little


def derive(name: str) -> str:
    """The short form of an official name, or the name itself when nothing sensible remains."""
    short = name.strip()
    for form in LEGAL_FORMS:
        short = short.replace(form, "")
    short = REGION.sub("", short).strip(" ·-")
    return short if len(short) >= SHORTEST and short not in ("公司", "总公司") else name


def short_names(named: list[tuple[str, str, str | None]]) -> dict[str, str]:
    """{key: short name} for (key, full name, given short name or None); derived names stay unique."""
    given = {key: short for key, _, short in named if short}
    derived = {key: derive(name) for key, name, short in named if not short}
    taken = list(given.values()) + list(derived.values())
    full = {key: name for key, name, _ in named}
    return {key: given.get(key) or (derived[key] if taken.count(derived[key]) == 1 else full[key])
            for key, _, _ in named}
