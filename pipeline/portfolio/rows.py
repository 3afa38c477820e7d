"""The book of business: one row per deal, read from the deals' analyses, for the portfolio
workbook and page. Every figure is the analysis' own; this module only picks and labels them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pipeline.analysis.results import Analysis
from pipeline.build import DOCUMENTS
from pipeline.load.model import CHAIN_LEVELS, DIMENSIONS
from pipeline.words.labels import label

SMART = ("S", "M", "A", "R", "T")
PASS, FAIL = "✓", "✗"

WORDS = {
    "zh": {
        "deal": "交易", "title": "项目", "customer": "客户", "type": "客户类型", "date": "日期", "stage": "价值命题阶段",
        "index": "我方指数：", "margin": "对最强对手：", "strongest": "最强维度", "weakest": "最弱维度",
        "advantage": "优势数", "parity": "持平数", "disadvantage": "劣势数", "top": "一把手关系",
        "held": "已建立层级", "broken": "断裂/缺失环节", "surrounding": "最弱周边关系", "payback": "回收期（月）",
        "tactics": "战术", "robust": "定位经得起±1权重变化", "documents": "文件",
        "stage_1": "第一步：总体", "stage_2": "第二步：具体化（SMART）", "stage_3": "第三步：层次化",
        "yes": "是", "no": "否", "status_held": "已建立", "status_broken": "断裂", "status_missing": "缺失",
        "status_weak": "薄弱", "status_strong": "牢固",
        "actions": "下一步行动", "action": "行动", "owner": "负责人", "why": "原因", "item": "项目",
        "weight": "权重", "our_score": "我方分数", "rival": "最强对手", "rival_score": "对手分数",
        "item_margin": "分差", "unassigned": "未指定",
        "page_title": "客户组合：所有交易一览", "map": "定位图：每个交易一个气泡",
        "map_x": "业务能力：对最强对手的指数差", "map_y": "客户购买关键因素的匹配：对最强对手的指数差",
        "map_size": "气泡大小：客户关系能力指数", "chain": "关系链条健康度", "sort_hint": "点击表头排序",
        "deck": "培训课件", "brief_senior": "高层简报", "brief_middle": "中层简报", "brief_frontline": "基层简报",
        "analysis": "分析数据", "problem_broken": "关系断裂", "problem_weak": "关系薄弱", "problem_missing": "层级缺失",
        "problem_surrounding": "周边关系", "problem_tactic": "战术",
        "type_enterprise": "企业", "type_government": "政府", "type_hospital": "医院", "type_school": "学校",
        "type_institution": "事业单位",
    },
    "en": {
        "deal": "Deal", "title": "Title", "customer": "Customer", "type": "Customer type", "date": "Date",
        "stage": "Value proposition stage", "index": "Our index: ", "margin": "Against the strongest: ",
        "strongest": "Strongest dimension", "weakest": "Weakest dimension", "advantage": "Advantages",
        "parity": "Parities", "disadvantage": "Disadvantages", "top": "Number-one link", "held": "Levels held",
        "broken": "Broken or missing links", "surrounding": "Weakest surrounding relation",
        "payback": "Payback (months)", "tactics": "Tactics", "robust": "Survives every ±1 weight change",
        "documents": "Documents", "stage_1": "Step 1: overall", "stage_2": "Step 2: specific (SMART)",
        "stage_3": "Step 3: layered", "yes": "yes", "no": "no", "status_held": "held", "status_broken": "broken",
        "status_missing": "missing", "status_weak": "weak", "status_strong": "strong",
        "actions": "Next actions", "action": "Action", "owner": "Owner", "why": "Why", "item": "Item",
        "weight": "Weight", "our_score": "Our score", "rival": "Strongest rival", "rival_score": "Their score",
        "item_margin": "Margin", "unassigned": "unassigned",
        "page_title": "Book of business: every deal at a glance", "map": "Positioning map: one bubble per deal",
        "map_x": "Business capability: margin over the strongest rival",
        "map_y": "Key buying factor match: margin over the strongest rival",
        "map_size": "Bubble size: relationship capability index", "chain": "Chain health",
        "sort_hint": "Click a column heading to sort", "deck": "Training deck", "brief_senior": "Senior brief",
        "brief_middle": "Middle brief", "brief_frontline": "Front-line brief", "analysis": "Analysis",
        "problem_broken": "broken link", "problem_weak": "weak link", "problem_missing": "missing level",
        "problem_surrounding": "surrounding relation", "problem_tactic": "tactic",
        "type_enterprise": "enterprise", "type_government": "government", "type_hospital": "hospital",
        "type_school": "school", "type_institution": "institution",
    },
}


@dataclass(frozen=True)
class DealRow:
    """One deal in the book of business."""

    id: str
    title: str
    customer: str
    customer_type: str
    date: str
    stage: int  # 1-3: how far the value proposition is worked out
    index: dict[str, float]  # our index per dimension
    margin: dict[str, float]  # against the strongest rival per dimension
    strongest: str
    weakest: str
    counts: dict[str, int]  # advantage / parity / disadvantage over every competitor and dimension
    top: str  # held | broken | missing | weak | strong: the number-one link
    chain: dict[str, str]  # chain level -> the status of its strongest link (missing when nobody)
    held: int  # levels held, of four
    broken: int  # broken links and missing levels
    surrounding: str  # the weakest surrounding relation (flagged first), or ''
    smart: dict[str, bool]
    payback: float | None
    tactics: list[str]
    robust: bool
    documents: dict[str, str]  # document kind -> path relative to the portfolio's folder
    relationship_index: float


@dataclass(frozen=True)
class Action:
    deal: str
    customer: str
    action: str
    owner: str
    why: str


def stage(analysis: Analysis) -> int:
    """1 until the SMART statement holds, 2 until every level has the team's own words, then 3."""
    if not analysis.value.smart_ok:
        return 1
    return 3 if all(level.from_deal for level in analysis.value.levels.values()) else 2


def level_status(analysis: Analysis, level: str) -> str:
    found = analysis.chain.levels[level]
    if found.missing:
        return "missing"
    return max((c for c in found.contacts), key=lambda c: c.strength).status


def weakest_relation(analysis: Analysis) -> str:
    relations = analysis.chain.surrounding
    if not relations:
        return ""
    worst = min(relations, key=lambda r: (not r.flagged, r.strength, -r.influence))
    return f"{worst.name} ({worst.strength}/5)"


def deal_row(analysis: Analysis, lang: str) -> DealRow:
    deal = analysis.deal
    counts = {p: 0 for p in ("advantage", "parity", "disadvantage")}
    for standing in analysis.positioning.values():
        for dimension in DIMENSIONS:
            counts[getattr(standing, dimension)] += 1
    return DealRow(
        id=deal.id, title=deal.title, customer=deal.customer.name, customer_type=WORDS[lang][f"type_{analysis.audience.customer_type}"],
        date=deal.date.isoformat(), stage=stage(analysis),
        index={d: analysis.scores[d][deal.us.id].index for d in DIMENSIONS},
        margin=dict(analysis.overview.margins), strongest=analysis.overview.strongest,
        weakest=analysis.overview.weakest, counts=counts, top=level_status(analysis, "top"),
        chain={level: level_status(analysis, level) for level in CHAIN_LEVELS},
        held=sum(1 for level in analysis.chain.levels.values() if level.held),
        broken=sum(1 for w in analysis.chain.weak_links if w.problem in ("broken", "missing")),
        surrounding=weakest_relation(analysis),
        smart={letter: analysis.value.smart[letter].ok for letter in SMART},
        payback=analysis.value.payback_months, tactics=[t.title for t in analysis.tactics],
        robust=analysis.robustness.statement_holds,
        documents={name: f"{deal.id}/{name}" for name in DOCUMENTS},
        relationship_index=analysis.scores["relationship_capabilities"][deal.us.id].index,
    )


def next_actions(analysis: Analysis, lang: str) -> list[Action]:
    """The links to mend (with their owners), then the tactics (owned by our senior person)."""
    deal, words = analysis.deal, WORDS[lang]
    actions = [Action(deal.id, deal.customer.name, w.action, w.owner or words["unassigned"],
                      words[f"problem_{w.problem}"] + (f": {w.who}" if w.who else ""))
               for w in analysis.chain.weak_links]
    senior = analysis.value.levels["senior"].our_person or words["unassigned"]
    actions += [Action(deal.id, deal.customer.name, t.recommendation, senior, f"{words['problem_tactic']}: {t.title}")
                for t in analysis.tactics]
    return actions


def read_analyses(out_dir: Path, deal_ids: list[str]) -> list[Analysis]:
    """The analyses of the built deals, in the order given."""
    return [Analysis.model_validate_json((out_dir / deal_id / "analysis.json").read_text(encoding="utf-8"))
            for deal_id in deal_ids]


def dimension_label(lang: str, dimension: str) -> str:
    return label(lang, dimension)
