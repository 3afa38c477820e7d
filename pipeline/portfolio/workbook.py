"""build/portfolio.xlsx: a row per deal (frozen header, filters, red where a deal needs help),
a sheet per dimension with the scores, and a sheet of next actions with their owners."""

from __future__ import annotations

import datetime as dt

from openpyxl import Workbook
from openpyxl.formatting.rule import CellIsRule, FormulaRule
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from pipeline.analysis.results import Analysis
from pipeline.load.model import DIMENSIONS
from pipeline.portfolio.rows import (
    FAIL,
    PASS,
    SMART,
    WORDS,
    Action,
    DealRow,
    dimension_label,
)
from pipeline.render.office.xlsx import workbook_bytes
from pipeline.workbook.export import CREATOR, put

RED = PatternFill("solid", fgColor="FFC7CE")
RED_TEXT = Font(color="9C0006")
HEADER = PatternFill("solid", fgColor="DDEBF7")
BOLD = Font(bold=True)
# One format per quantity, as the documents write it: an index and a payback to one decimal, a margin
# signed; the cells keep the exact figure.
ONE_DECIMAL = "0.0"
SIGNED = "+0.0;-0.0;0.0"


def columns(lang: str) -> list[tuple[str, object]]:
    """(heading, how to get the cell from a DealRow) in the order of the sheet."""
    w = WORDS[lang]
    cols: list[tuple[str, object]] = [
        (w["deal"], lambda r: r.id), (w["title"], lambda r: r.title), (w["customer"], lambda r: r.customer),
        (w["type"], lambda r: r.customer_type), (w["date"], lambda r: r.date),
        (w["stage"], lambda r: w[f"stage_{r.stage}"]),
    ]
    cols += [(w["index"] + dimension_label(lang, d), lambda r, d=d: r.index[d]) for d in DIMENSIONS]
    cols += [(w["margin"] + dimension_label(lang, d), lambda r, d=d: r.margin[d]) for d in DIMENSIONS]
    cols += [
        (w["strongest"], lambda r: dimension_label(lang, r.strongest)),
        (w["weakest"], lambda r: dimension_label(lang, r.weakest)),
        (w["advantage"], lambda r: r.counts["advantage"]), (w["parity"], lambda r: r.counts["parity"]),
        (w["disadvantage"], lambda r: r.counts["disadvantage"]),
        (w["top"], lambda r: w[f"status_{r.top}"]), (w["held"], lambda r: r.held), (w["broken"], lambda r: r.broken),
        (w["surrounding"], lambda r: r.surrounding),
    ]
    cols += [(letter, lambda r, x=letter: PASS if r.smart[x] else FAIL) for letter in SMART]
    cols += [(w["payback"], lambda r: r.payback), (w["tactics"], lambda r: "; ".join(r.tactics)),
             (w["robust"], lambda r: w["yes"] if r.robust else w["no"])]
    return cols


def portfolio_workbook(rows: list[DealRow], analyses: list[Analysis], actions: list[Action], lang: str,
                       date: dt.date) -> bytes:
    """The workbook's bytes, dated `date` (the newest deal's), so the same deals give the same bytes."""
    book = Workbook()
    deals_sheet(book.active, rows, lang)
    for dimension in DIMENSIONS:
        scores_sheet(book.create_sheet(dimension_label(lang, dimension)[:31]), analyses, dimension, lang)
    actions_sheet(book.create_sheet(WORDS[lang]["actions"]), actions, lang)
    stamp = dt.datetime.combine(date, dt.time())
    book.properties.creator = book.properties.lastModifiedBy = CREATOR
    book.properties.created = book.properties.modified = stamp
    return workbook_bytes(book)


def header(sheet, headings: list[str]) -> None:
    for n, text in enumerate(headings, start=1):
        put(sheet, 1, n, text, BOLD, HEADER)
        sheet.column_dimensions[get_column_letter(n)].width = max(10, min(28, len(text) * 2))
    sheet.freeze_panes = "B2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(headings))}1"


def deals_sheet(sheet, rows: list[DealRow], lang: str) -> None:
    sheet.title = WORDS[lang]["deal"]
    cols = columns(lang)
    header(sheet, [heading for heading, _ in cols])
    for letter, width in (("A", 26), ("B", 34), ("C", 26)):  # the deal's id, title and customer: read whole
        sheet.column_dimensions[letter].width = width
    w = WORDS[lang]
    formats = {n: SIGNED if heading.startswith(w["margin"]) else ONE_DECIMAL
               for n, (heading, _) in enumerate(cols, start=1)
               if heading.startswith((w["index"], w["margin"])) or heading == w["payback"]}
    for r, row in enumerate(rows, start=2):
        for c, (_, get) in enumerate(cols, start=1):
            cell = put(sheet, r, c, get(row))
            if c in formats:
                cell.number_format = formats[c]
    last = max(2, len(rows) + 1)
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(cols))}{last}"
    headings = [heading for heading, _ in cols]
    top = get_column_letter(headings.index(w["top"]) + 1)
    broken = f'OR({top}2="{w["status_broken"]}",{top}2="{w["status_missing"]}")'
    sheet.conditional_formatting.add(f"{top}2:{top}{last}", FormulaRule(formula=[broken], fill=RED, font=RED_TEXT))
    against = get_column_letter(headings.index(w["disadvantage"]) + 1)
    sheet.conditional_formatting.add(f"{against}2:{against}{last}",
                                     CellIsRule(operator="greaterThan", formula=["0"], fill=RED, font=RED_TEXT))
    first, end = (get_column_letter(headings.index(x) + 1) for x in ("S", "T"))
    sheet.conditional_formatting.add(f"{first}2:{end}{last}",
                                     CellIsRule(operator="equal", formula=[f'"{FAIL}"'], fill=RED, font=RED_TEXT))


def scores_sheet(sheet, analyses: list[Analysis], dimension: str, lang: str) -> None:
    """A row per deal and item: weight, our score, the strongest rival's on that item, the margin."""
    w = WORDS[lang]
    header(sheet, [w["deal"], w["customer"], w["item"], w["weight"], w["our_score"], w["rival"], w["rival_score"],
                   w["item_margin"]])
    r = 2
    for analysis in analyses:
        deal = analysis.deal
        for standing in analysis.standings.items[dimension]:  # the analysis names the best rival and the margin
            now, rival = standing.now, standing.now.best_rival
            values = [deal.id, deal.customer.name, standing.item, standing.weight, now.ours, deal.company_name(rival),
                      now.scores[rival], now.margin]
            for c, value in enumerate(values, start=1):
                put(sheet, r, c, value)
            r += 1
    sheet.auto_filter.ref = f"A1:H{max(2, r - 1)}"


def actions_sheet(sheet, actions: list[Action], lang: str) -> None:
    w = WORDS[lang]
    header(sheet, [w["deal"], w["customer"], w["action"], w["owner"], w["why"]])
    for r, action in enumerate(actions, start=2):
        for c, value in enumerate((action.deal, action.customer, action.action, action.owner, action.why), start=1):
            put(sheet, r, c, value)
    sheet.column_dimensions["C"].width = 60
    sheet.auto_filter.ref = f"A1:E{max(2, len(actions) + 1)}"
