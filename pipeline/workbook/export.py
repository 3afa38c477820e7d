"""A deal as the scoring workbook an account manager fills in (`dealdocs export DEAL.yaml`).

One sheet per dimension in the method's table layout, whose weighted totals and indexes
are Excel formulas giving the figures of analysis.json; the deal, the value proposition
and the chain as forms with drop-downs. Text is always written as text (a name such as
`=1+1` or `007` stays what it is), and the workbook is dated from the deal, so the same
deal gives the same bytes.
"""

from __future__ import annotations

import datetime as dt

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from pipeline.analysis.departures import with_standard_weights
from pipeline.load.method import standard_ids
from pipeline.load.model import DIMENSIONS, Deal
from pipeline.render.office.xlsx import workbook_bytes
from pipeline.words.labels import label
from pipeline.workbook.layout import (
    CHOICES,
    COMPETITOR,
    CONTACT,
    EMPTY_CONCERNS,
    EMPTY_LEVELS,
    FIRST_COMPANY_COLUMN,
    FIRST_ITEM_ROW,
    ITEM_KEY_COLUMNS,
    OUTCOME,
    SHEETS,
    SPARE_ROWS,
    SURROUNDING,
    TEAM_FIELDS,
    VALUE_FIELDS,
    WORDS,
    customer_types,
    deal_fields,
)

CREATOR = "dealdocs"
BOLD = Font(bold=True)
GREY = Font(color="808080", size=9)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
FORMULA_FILL = PatternFill("solid", fgColor="F2F2F2")


def export_workbook(deal: Deal) -> bytes:
    """The .xlsx bytes of the scoring workbook of `deal`.

    A standard indicator without a weight is written with the method's weight, the one the
    analysis uses, so the sheet's formulas give analysis.json's totals."""
    deal = with_standard_weights(deal)
    book = Workbook()
    lang = deal.language
    deal_sheet(book.active, deal, SHEETS[lang]["deal"])
    for dimension in DIMENSIONS:
        dimension_sheet(book.create_sheet(SHEETS[lang][dimension]), deal, dimension)
    value_sheet(book.create_sheet(SHEETS[lang]["value"]), deal)
    chain_sheet(book.create_sheet(SHEETS[lang]["chain"]), deal)
    stamp = dt.datetime.combine(deal.date, dt.time())
    book.properties.creator = book.properties.lastModifiedBy = CREATOR
    book.properties.created = book.properties.modified = stamp
    book.properties.title = deal.title
    return workbook_bytes(book)


def put(sheet, row: int, column: int, value, font=None, fill=None):
    """One cell; text stays text (openpyxl would take `=…` for a formula)."""
    cell = sheet.cell(row=row, column=column)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
    if font:
        cell.font = font
    if fill:
        cell.fill = fill
    return cell


def pick(sheet, column: int, rows: range, choices: tuple[str, ...]) -> None:
    """A drop-down of `choices` on the cells of one column."""
    if not rows:
        return
    rule = DataValidation(type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True,
                          showErrorMessage=True)
    rule.error = ", ".join(choices)
    letter = get_column_letter(column)
    rule.add(f"{letter}{rows.start}:{letter}{rows.stop - 1}")
    sheet.add_data_validation(rule)


def number_rule(sheet, cells: str, low: float, high: float | None, message: str) -> None:
    rule = (DataValidation(type="decimal", operator="between", formula1=str(low), formula2=str(high))
            if high is not None else DataValidation(type="decimal", operator="greaterThan", formula1=str(low)))
    rule.showErrorMessage, rule.error, rule.allow_blank = True, message, True
    rule.add(cells)
    sheet.add_data_validation(rule)


def form_header(sheet, lang: str) -> int:
    words = WORDS[lang]
    for column, text in enumerate((words["key"], words["label"], words["value"]), start=1):
        put(sheet, 1, column, text, BOLD, HEADER_FILL)
    sheet.column_dimensions["A"].width = 30
    sheet.column_dimensions["B"].width = 36
    for letter in "CDEFG":
        sheet.column_dimensions[letter].width = 24
    return 2


def form_rows(sheet, row: int, fields, values: dict[str, object], lang: str) -> int:
    """Key, label and value rows; returns the next free row."""
    for key, zh, en, kind in fields:
        put(sheet, row, 1, key, GREY)
        put(sheet, row, 2, zh if lang == "zh" else en)
        value = values.get(key)
        if kind == "list":
            for n, phrase in enumerate(value or ()):
                put(sheet, row, 3 + n, phrase)
            row += 1
            continue
        cell = put(sheet, row, 3, value)
        if kind == "date" and value is not None:
            cell.number_format = "yyyy-mm-dd"
        if kind in ("language", "customer_type", "cadence"):
            choices = customer_types() if kind == "customer_type" else CHOICES[kind]
            pick(sheet, 3, range(row, row + 1), choices)
        row += 1
    return row


def table_rows(sheet, row: int, table: tuple[str, tuple[str, ...]], title: str, entries: list[dict]) -> int:
    """A titled table: a row per entry keyed in column A, and spare keyed rows; drop-downs where the
    field has choices. Returns the next free row."""
    key, columns = table
    put(sheet, row, 2, title, BOLD, HEADER_FILL)
    for n, name in enumerate(columns):
        put(sheet, row, FIRST_COMPANY_COLUMN + n, name, GREY, HEADER_FILL)
    row += 1
    first = row
    for entry in [*entries, *({} for _ in range(SPARE_ROWS))]:
        put(sheet, row, 1, key, GREY)
        for n, name in enumerate(columns):
            put(sheet, row, FIRST_COMPANY_COLUMN + n, entry.get(name))
        row += 1
    for n, name in enumerate(columns):
        if name in CHOICES:
            pick(sheet, FIRST_COMPANY_COLUMN + n, range(first, row), CHOICES[name])
    return row + 1


def flat(data: dict, prefix: str = "") -> dict[str, object]:
    """{'customer': {'name': x}} as {'customer.name': x}."""
    out: dict[str, object] = {}
    for key, value in data.items():
        path = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(flat(value, path + "."))
        else:
            out[path] = value
    return out


def deal_sheet(sheet, deal: Deal, title: str) -> None:
    sheet.title = title
    lang = deal.language
    values = flat(deal.model_dump(exclude_none=True, include={"id", "title", "language", "date", "customer", "us",
                                                               "situation", "positioning_statement"}))
    row = form_rows(sheet, form_header(sheet, lang), deal_fields(), values, lang) + 1
    table_rows(sheet, row, COMPETITOR, WORDS[lang]["competitors"], [c.model_dump() for c in deal.competitors])


def dimension_sheet(sheet, deal: Deal, dimension: str) -> None:
    """The method's table: items down, companies across, Σ weight × score and the index as formulas."""
    lang, words, items, companies = deal.language, WORDS[deal.language], deal.dimension(dimension), deal.companies
    put(sheet, 1, 1, label(lang, dimension), Font(bold=True, size=14))
    later = FIRST_COMPANY_COLUMN + len(companies) + 1  # the first 3-year column, after a blank one
    for n, company in enumerate(companies):
        put(sheet, 2, FIRST_COMPANY_COLUMN + n, company.name, BOLD, HEADER_FILL)
        put(sheet, 3, FIRST_COMPANY_COLUMN + n, company.id, GREY)
        put(sheet, 2, later + n, words["later"] + company.name, BOLD, HEADER_FILL)
        put(sheet, 3, later + n, company.id, GREY)
    put(sheet, 2, 1, words["item"], BOLD, HEADER_FILL)
    put(sheet, 2, 2, words["weight"], BOLD, HEADER_FILL)
    put(sheet, 3, 1, words["ids"], GREY)
    for r, item in enumerate(items, start=FIRST_ITEM_ROW):
        put(sheet, r, 1, item.name)
        put(sheet, r, 2, item.weight)
        for n, company in enumerate(companies):
            put(sheet, r, FIRST_COMPANY_COLUMN + n, item.scores[company.id])
            put(sheet, r, later + n, (item.in_3_years or {}).get(company.id))
    last = FIRST_ITEM_ROW + len(items) - 1
    weights = f"$B${FIRST_ITEM_ROW}:$B${last}"
    put(sheet, last + 1, 1, words["total"], BOLD, FORMULA_FILL)
    put(sheet, last + 2, 1, words["index"], BOLD, FORMULA_FILL)
    for n in range(len(companies)):
        letter = get_column_letter(FIRST_COMPANY_COLUMN + n)
        scores = f"{letter}{FIRST_ITEM_ROW}:{letter}{last}"
        # exact, as analysis.json's; the index is shown to one decimal, as the documents print it
        put(sheet, last + 1, FIRST_COMPANY_COLUMN + n, f"=SUMPRODUCT({weights},{scores})", BOLD, FORMULA_FILL)
        put(sheet, last + 2, FIRST_COMPANY_COLUMN + n, f"=SUMPRODUCT({weights},{scores})/SUM({weights})",
            BOLD, FORMULA_FILL).number_format = "0.0"
        sheet.cell(row=last + 1, column=FIRST_COMPANY_COLUMN + n).data_type = "f"
        sheet.cell(row=last + 2, column=FIRST_COMPANY_COLUMN + n).data_type = "f"
    if dimension in ITEM_KEY_COLUMNS:  # kind: price | other, or standard: <id> | none, after one more blank column
        marker, header = ITEM_KEY_COLUMNS[dimension]
        column = later + len(companies) + 1
        put(sheet, 2, column, header[lang], BOLD, HEADER_FILL)
        put(sheet, 3, column, marker, GREY)
        for r, item in enumerate(items, start=FIRST_ITEM_ROW):
            put(sheet, r, column, getattr(item, marker))
        pick(sheet, column, range(FIRST_ITEM_ROW, last + 1), ("price", "other") if marker == "kind" else tuple(standard_ids()))
    end = get_column_letter(later + len(companies) - 1)
    number_rule(sheet, f"C{FIRST_ITEM_ROW}:{end}{last}", 0, 100, "0-100")
    number_rule(sheet, f"B{FIRST_ITEM_ROW}:B{last}", 0, None, "> 0")
    sheet.column_dimensions["A"].width = 32
    sheet.freeze_panes = f"C{FIRST_ITEM_ROW}"


def value_sheet(sheet, deal: Deal) -> None:
    lang = deal.language
    proposition = deal.value_proposition
    values = flat(proposition.model_dump(exclude_none=True, exclude={"specific": {"outcomes"}}))
    start = proposition.specific.start
    values["specific.start"] = start.isoformat() if isinstance(start, dt.date) else start
    row = form_rows(sheet, form_header(sheet, lang), VALUE_FIELDS, values, lang)
    for part, marker in (("levels", EMPTY_LEVELS), ("concerns", EMPTY_CONCERNS)):
        given = getattr(proposition, part, None)
        if given is not None and not any(getattr(given, level) for level in ("senior", "middle", "frontline")):
            put(sheet, row, 1, marker, GREY)  # the file says `levels: {}`: kept, so the analysis is the same
            row += 1
    row += 1
    table_rows(sheet, row, OUTCOME, WORDS[lang]["outcomes"], [o.model_dump() for o in proposition.specific.outcomes])


def chain_sheet(sheet, deal: Deal) -> None:
    lang, chain = deal.language, deal.chain
    row = form_header(sheet, lang)
    row = table_rows(sheet, row, CONTACT, WORDS[lang]["contacts"], [c.model_dump() for c in chain.customer])
    row = table_rows(sheet, row, SURROUNDING, WORDS[lang]["surrounding"], [s.model_dump() for s in chain.surrounding])
    put(sheet, row, 2, WORDS[lang]["team"], BOLD, HEADER_FILL)
    form_rows(sheet, row + 1, TEAM_FIELDS, flat(chain.model_dump(exclude_none=True, include={"our_team"})), lang)
