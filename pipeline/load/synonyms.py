"""The Chinese words people type for the contract's fixed values (levels, kinds), mapped to them.

The contract keeps its English values (`level: top`); a Chinese name is answered
with the value it stands for, so the fix is one edit. The table is documented in
docs/deal-file.md.
"""

from __future__ import annotations

from typing import Optional

SYNONYMS: dict[str, dict[str, str]] = {
    "level": {
        **dict.fromkeys(("一把手", "高层", "最高层", "总经理", "董事长", "局长", "院长", "行长", "厅长", "关长", "主任委员"), "top"),
        **dict.fromkeys(("副总", "副总经理", "副局长", "副院长", "副行长", "副厅长", "副关长", "分管领导", "副手"), "deputy"),
        **dict.fromkeys(("中层", "部门经理", "分管经理", "部门或分管经理", "处长", "科长", "主任"), "manager"),
        **dict.fromkeys(("基层", "一线", "一线员工", "员工", "工程师", "科员", "业务员", "联络员"), "frontline"),
    },
    "kind": {
        **dict.fromkeys(("政府", "政府部门", "省政府", "市政府"), "government"),
        **dict.fromkeys(("部委", "部门"), "ministry"),
        **dict.fromkeys(("监管", "监管机构", "监管部门", "通信管理局"), "regulator"),
        **dict.fromkeys(("投资银行", "投行", "投资方"), "investor"),
        **dict.fromkeys(("股东", "股东单位"), "shareholder"),
        **dict.fromkeys(("咨询", "咨询师", "顾问", "管理顾问", "咨询公司"), "consultant"),
        **dict.fromkeys(("合作伙伴", "合资", "伙伴", "合作方"), "partner"),
    },
    "tracking_cadence": {
        **dict.fromkeys(("每月", "月度", "按月", "month", "Monthly"), "monthly"),
        **dict.fromkeys(("每季度", "季度", "按季度", "quarter", "Quarterly"), "quarterly"),
        **dict.fromkeys(("半年", "每半年", "半年度", "half-year", "half yearly", "half-yearly ", "semiannual",
                         "semi-annual", "biannual"), "half-yearly"),
        **dict.fromkeys(("每年", "年度", "按年", "annual", "annually", "year", "Yearly"), "yearly"),
    },
}


def meant(field: str, typed: object) -> Optional[str]:
    """The contract's value for a Chinese word typed in `field` (level, kind), or None."""
    if not isinstance(typed, str):
        return None
    return SYNONYMS.get(field, {}).get(typed.strip())
