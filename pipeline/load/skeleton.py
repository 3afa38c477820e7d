"""`dealdocs new`: a commented deal file to fill in, in zh or en.

Every required field is present, with a `<…>` placeholder where only the team
knows the value (the loader lists what is left); the method's standard
relationship indicators and one contact per chain level are filled in already.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Optional

from pipeline.load.model import ID_PATTERN

SCHEMA = Path(__file__).resolve().parents[2] / "schema" / "deal.schema.json"
REPOSITORY = SCHEMA.parent.parent



def relationship_indicators() -> list[tuple[str, str, float]]:
    """The method's weighted relationship indicators (templates/method.json): (zh, en, weight)."""
    from pipeline.load.method import standard_indicators

    return [(s.zh, s.en, s.weight) for s in standard_indicators()]


def last_id() -> str:
    """The id of the last indicator the skeleton lists: the example of `standard:` under it."""
    from pipeline.load.method import standard_indicators

    return standard_indicators()[-1].id or "none"

WORDS = {
    "zh": {
        "intro": ("# 新的交易文件：把每个 <…> 换成实际内容，然后运行 dealdocs check {name}\n"
                  "# 它会列出还没填的地方。字段说明见 docs/deal-file.md，方法见 docs/method.md。\n"),
        "id": "由文件名而来：字母、数字、'-'、'_'",
        "title": "<项目名称>", "language": "zh | en：生成文档的语言", "date": "分析日期",
        "customer": "<客户名称>", "segment": "可选：客户细分，如 金融行业客户",
        "us": "<我方公司名称>", "competitor": "<竞争对手名称>",
        "competitors": "至少一个；id 用在下面每个 scores 里",
        "dimensions": "# 竞争定位的三个维度。每项：名称、权重（正数）和每家公司 0-100 的得分。",
        "kbf": "客户购买关键因素的匹配", "kbf_name": "<客户购买关键因素>",
        "bc": "业务能力", "bc_name": "<业务能力>",
        "rc": "客户关系能力：方法的标准指标和权重，可增删",
        "weight": "<权重>", "score": "<0-100>",
        "in_3_years": "可选：3年后我们的目标和对手的预计",
        "standard": "可选：名称和方法的说法不同时，注明是哪项标准指标（见 docs/deal-file.md），none 为团队自选",
        "step1": "第一步：基于我们在<专长>方面的知识和经验，我们具备<能力>的能力，为客户提高<什么>",
        "expertise": "<专长领域>", "capability": "<能力>", "improves": "<为客户提高什么>",
        "step2": "第二步：具体化（SMART）", "start": "<2026-12>", "start_note": "开始的日期或年月",
        "offering": "<我们提供的产品或服务>", "metric": "<可度量的结果>", "change": "<百分比>",
        "outcomes": "至少一个；change_pct 如 25（提高25%）或 -15（降低15%）",
        "amount": "<金额>", "currency": "CNY",
        "optional_value": ("    # monthly_benefit: {amount: 170000, currency: CNY}   # 可选：客户每月的收益\n"
                           "    # payback_months: 6                                  # 可选：回收期（月）\n"
                           "    # tracking: 跟踪……来记录实际效果                        # 可选：如何跟踪结果\n"
                           "    # tracking_cadence: monthly                          # 可选：多久报告一次效果：monthly / quarterly / half-yearly / yearly\n"
                           "    # first_report: 2027-03                              # 可选：第一份效果报告的时间（不写则按周期推算）\n"),
        "chain": "关系链条", "people": "客户内部的人；strength 0-5（3及以上为已建立）",
        "person": "<姓名>", "strength": "<0-5>",
        "surrounding": ("  # surrounding:                # 可选：周边关系\n"
                        "  #   - {name: 省通信管理局, kind: regulator, influence: 4, strength: 2}\n"),
    },
    "en": {
        "intro": ("# A new deal file: replace every <…> with the real value, then run dealdocs check {name}\n"
                  "# to list what is left. The fields: docs/deal-file.md; the method: docs/method.md.\n"),
        "id": "from the file name: letters, digits, '-' and '_'",
        "title": "<title of the bid>", "language": "zh | en: the language of the documents",
        "date": "the date of the analysis",
        "customer": "<customer name>", "segment": "optional: the customer's segment",
        "us": "<our company>", "competitor": "<competitor name>",
        "competitors": "at least one; the id is used in every scores below",
        "dimensions": "# The three dimensions of positioning. Each item: a name, a weight (positive) and a 0-100 score per company.",
        "kbf": "key buying factor match", "kbf_name": "<key buying factor>",
        "bc": "business capability", "bc_name": "<business capability>",
        "rc": "relationship capability: the method's standard indicators and weights; add or remove",
        "weight": "<weight>", "score": "<0-100>",
        "in_3_years": "optional: our target and the competitor's projection in three years",
        "standard": "optional: which standard indicator an item worded otherwise is (docs/deal-file.md); none = the team's own",
        "step1": "step 1: based on our knowledge and experience in <expertise>, we can <capability>, improving <improves>",
        "expertise": "<area of expertise>", "capability": "<capability>", "improves": "<what improves for the customer>",
        "step2": "step 2: specific (SMART)", "start": "<2026-12>", "start_note": "a date or a year-month",
        "offering": "<what we provide>", "metric": "<measurable result>", "change": "<percent>",
        "outcomes": "at least one; change_pct like 25 (+25%) or -15 (-15%)",
        "amount": "<amount>", "currency": "USD",
        "optional_value": ("    # monthly_benefit: {amount: 170000, currency: USD}   # optional: the customer's benefit a month\n"
                           "    # payback_months: 6                                  # optional: the payback in months\n"
                           "    # tracking: by tracking ...                          # optional: how the result is measured\n"
                           "    # tracking_cadence: monthly                          # optional: how often results are reported: monthly / quarterly / half-yearly / yearly\n"
                           "    # first_report: 2027-03                              # optional: when the first results report is due (else one period after the start)\n"),
        "chain": "the relationship chain", "people": "people inside the customer; strength 0-5 (3 or more is held)",
        "person": "<name>", "strength": "<0-5>",
        "surrounding": ("  # surrounding:                # optional: relations around the chain\n"
                        "  #   - {name: Regulator, kind: regulator, influence: 4, strength: 2}\n"),
    },
}


def schema_reference(target: Path) -> Optional[str]:
    """The `$schema` value for a file at `target`: relative inside the repository, else absolute."""
    if not SCHEMA.is_file():
        return None
    folder = target.resolve().parent
    if folder == REPOSITORY or REPOSITORY in folder.parents:
        return Path(os.path.relpath(SCHEMA, folder)).as_posix()
    return SCHEMA.as_posix()


def valid_id(stem: str) -> bool:
    import re

    return re.fullmatch(ID_PATTERN, stem) is not None and len(stem) <= 64


def skeleton(target: Path, language: str = "zh", today: Optional[dt.date] = None) -> str:
    """The text of a new deal file for `target` (its stem is the id)."""
    w = WORDS[language]
    today = today or dt.date.today()
    schema = schema_reference(target)
    head = f"# yaml-language-server: $schema={schema}\n" if schema else "# (dealdocs schema > deal.schema.json gives your editor the schema)\n"
    score = w["score"]
    scores = f"{{us: {score}, A: {score}}}"
    relationship = "".join(
        f"  - name: {zh if language == 'zh' else en}\n    weight: {weight:g}\n    scores: {scores}\n"
        for zh, en, weight in relationship_indicators()
    )
    levels = "".join(f"    - {{name: {w['person']}, level: {level}, strength: {w['strength']}}}\n"
                     for level in ("top", "deputy", "manager", "frontline"))
    return (
        head + w["intro"].format(name=target.name)
        + f"id: {target.stem:<26}  # {w['id']}\n"
        + f"title: {w['title']}\n"
        + f"language: {language:<20}  # {w['language']}\n"
        + f"date: {today.isoformat():<24}  # {w['date']}\n\n"
        + f"customer:\n  name: {w['customer']}\n  # segment: ...           # {w['segment']}\n\n"
        + f"us: {{id: us, name: {w['us']}}}\n"
        + f"competitors:                  # {w['competitors']}\n  - {{id: A, name: {w['competitor']}}}\n\n"
        + w["dimensions"] + "\n"
        + f"key_buying_factors:           # {w['kbf']}\n"
        + f"  - name: {w['kbf_name']}\n    weight: {w['weight']}\n    scores: {scores}\n"
        + f"business_capabilities:        # {w['bc']}\n"
        + f"  - name: {w['bc_name']}\n    weight: {w['weight']}\n    scores: {scores}\n"
        + f"relationship_capabilities:    # {w['rc']}\n"
        + relationship
        + f"    # in_3_years: {{us: 85, A: 70}}   # {w['in_3_years']}\n"
        + f"    # standard: {last_id()}   # {w['standard']}\n\n"
        + "value_proposition:\n"
        + f"  overall:                      # {w['step1']}\n"
        + f"    expertise: {w['expertise']}\n    capability: {w['capability']}\n    improves: {w['improves']}\n"
        + f"  specific:                     # {w['step2']}\n"
        + f"    start: {w['start']:<20}  # {w['start_note']}\n"
        + f"    offering: {w['offering']}\n"
        + f"    outcomes:                   # {w['outcomes']}\n"
        + f"      - {{metric: {w['metric']}, change_pct: {w['change']}}}\n"
        + f"    investment: {{amount: {w['amount']}, currency: {w['currency']}}}\n"
        + w["optional_value"] + "\n"
        + f"chain:                          # {w['chain']}\n"
        + f"  customer:                     # {w['people']}\n"
        + levels
        + w["surrounding"]
    )


def _aligned(text: str, column: int = 32) -> str:
    """Comments after a value start in one column, so the file reads as a form."""
    lines = []
    for line in text.split("\n"):
        code, sep, comment = line.partition("  # ")
        if sep and code.strip() and not code.lstrip().startswith("#"):
            line = f"{code.rstrip():<{column - 1}} # {comment}"
        lines.append(line)
    return "\n".join(lines)


def write_new(target: Path, language: str = "zh", today: Optional[dt.date] = None) -> None:
    """Create the file; FileExistsError when it exists (never overwrite a file we did not make)."""
    text = _aligned(skeleton(target, language, today))
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "x", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
