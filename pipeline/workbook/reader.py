"""The scoring workbook back to a deal (`dealdocs import DEAL.xlsx`), every problem located
as `DEAL.xlsx:Sheet!C7: field: message`, in the loader's words.

The workbook is read into the plain data a YAML file holds, remembering the cell of each
field, then checked by the loader's own field validation and cross-field rules. The deal
is written back as YAML only when it is valid.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from pipeline.errors import InputError, TemplateError
from pipeline.load.model import DIMENSIONS, LANGUAGES, Deal
from pipeline.load.paths import parent
from pipeline.load.rules import check_rules
from pipeline.load.validate import text_fields, validate
from pipeline.safety import check_user_template
from pipeline.words.messages import say
from pipeline.workbook.layout import (
    COMPETITOR,
    CONTACT,
    EMPTY_CONCERNS,
    EMPTY_LEVELS,
    FIRST_COMPANY_COLUMN,
    FIRST_ITEM_ROW,
    ITEM_KEY_COLUMNS,
    OUTCOME,
    ROLES,
    SHEETS,
    SURROUNDING,
    TEAM_FIELDS,
    TOTAL_LABELS,
    VALUE_FIELDS,
    deal_fields,
)

MAX_ROWS = 2000  # a scoring sheet is a few dozen rows; a million-row sheet is not one


@dataclass
class Reading:
    """The data read so far, the cell of each field path and the typed text of each cell."""

    shown: str
    data: dict = field(default_factory=dict)
    cells: dict[str, str] = field(default_factory=dict)
    raw: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def set(self, path: str, value, sheet: str, cell: str) -> None:
        """Put `value` at a dotted path (`a.b[2].c` is built by the callers as nested dicts)."""
        self.cells[path] = f"{sheet}!{cell}"
        if value is None:
            return
        target, keys = self.data, path.split(".")
        for key in keys[:-1]:
            target = target.setdefault(key, {})
        target[keys[-1]] = value
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            self.raw[path] = repr(value) if isinstance(value, float) and not value.is_integer() else str(int(value))

    def where(self, path: str) -> str:
        """The cell of a field path, or of its nearest ancestor that has one."""
        while path not in self.cells and path:
            path = parent(path)
        return f"{self.shown}:{self.cells[path]}" if path in self.cells else self.shown


def import_workbook(path: Path | str) -> Deal:
    """Read and validate one scoring workbook; raise InputError listing every problem with its cell."""
    shown = str(path)
    reading = Reading(shown)
    if not Path(path).is_file():
        raise InputError([say("workbook_missing", path=shown)])
    try:
        check_user_template(Path(path))  # size, parts and compression, as any Office file a user gives us
        book = load_workbook(path, data_only=False, read_only=False)
    except TemplateError as error:
        raise InputError([unreadable(shown, str(error).removeprefix("template "))]) from None
    except Exception as error:  # noqa: BLE001 - openpyxl raises many kinds on a damaged or foreign file
        raise InputError([unreadable(shown, f"{type(error).__name__}: {error}")]) from None
    sheets = find_sheets(book, reading)
    if reading.problems:
        raise InputError(reading.problems)
    read_deal(sheets["deal"], reading)
    for dimension in DIMENSIONS:
        read_dimension(sheets[dimension], dimension, reading)
    read_value(sheets["value"], reading)
    read_chain(sheets["chain"], reading)
    data = text_fields(reading.data, {p: r for p, r in reading.raw.items()})
    deal, issues = validate(data)
    issues += check_rules(data, lambda p: reading.cells.get(p, "?"))
    problems = [f"{reading.where(i.path)}: {i.path}: {i.message}" for i in issues]
    problems = list(dict.fromkeys(problems))
    if problems or deal is None:
        raise InputError(problems or [say("workbook_no_deal", path=shown)])
    return deal


def unreadable(shown: str, why: str) -> str:
    return say("workbook_unreadable", path=shown, why=why)


def find_sheets(book, reading: Reading) -> dict:
    """Each role's sheet, by its name in either language."""
    found = {}
    for role in ROLES:
        names = [SHEETS[lang][role] for lang in LANGUAGES]
        sheet = next((book[n] for n in names if n in book.sheetnames), None)
        if sheet is None:
            reading.problems.append(say("workbook_no_sheet", path=reading.shown, first=names[0], second=names[1],
                                        sheets=say("list_comma").join(book.sheetnames)))
        found[role] = sheet
    return found


def value_of(cell):
    """A cell's value as the YAML would hold it: dates as dates, empty text as nothing."""
    value = cell.value
    if isinstance(value, dt.datetime):
        return value.date() if value.time() == dt.time() else value
    if isinstance(value, str):
        return value if value.strip() else None
    return value


def keyed_rows(sheet):
    """(row number, key in column A, the row's cells) of every row with a key."""
    for row in sheet.iter_rows(min_row=2, max_row=min(sheet.max_row, MAX_ROWS)):
        key = row[0].value
        if isinstance(key, str) and key.strip():
            yield row[0].row, key.strip(), row


def form_value(sheet, reading: Reading, prefix: str, fields) -> None:
    kinds = {key: kind for key, _, _, kind in fields}
    for number, key, row in keyed_rows(sheet):
        if kinds.get(key) == "list":
            form_list(sheet, reading, prefix + key, number)
        elif key in kinds:
            cell = sheet.cell(row=number, column=3)
            reading.set(prefix + key, value_of(cell), sheet.title, cell.coordinate)


def form_list(sheet, reading: Reading, path: str, number: int) -> None:
    """A list field: one entry a cell from column C on, up to the first empty one."""
    reading.cells[path] = f"{sheet.title}!C{number}"
    entries = []
    for column in range(3, sheet.max_column + 1):
        cell = sheet.cell(row=number, column=column)
        value = value_of(cell)
        if value is None:
            break
        reading.cells[f"{path}[{len(entries)}]"] = f"{sheet.title}!{cell.coordinate}"
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            reading.raw[f"{path}[{len(entries)}]"] = text_of(value)
        entries.append(value)
    if entries:
        reading.set(path, entries, sheet.title, f"C{number}")


def table(sheet, reading: Reading, spec, path: str) -> None:
    """The rows keyed `spec`'s key as a list at `path`; rows with nothing filled in are left out."""
    key, columns = spec
    entries = []
    for number, row_key, _ in keyed_rows(sheet):
        if row_key != key:
            continue
        cells = [sheet.cell(row=number, column=FIRST_COMPANY_COLUMN + n) for n in range(len(columns))]
        values = [value_of(c) for c in cells]
        if all(v is None for v in values):
            continue
        at = f"{path}[{len(entries)}]"
        reading.cells[at] = f"{sheet.title}!{cells[0].coordinate}"
        entry = {}
        for name, cell, value in zip(columns, cells, values):
            reading.cells[f"{at}.{name}"] = f"{sheet.title}!{cell.coordinate}"
            if value is not None:
                entry[name] = value
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    reading.raw[f"{at}.{name}"] = text_of(value)
        entries.append(entry)
    reading.cells.setdefault(path, f"{sheet.title}!A1")
    target, keys = reading.data, path.split(".")
    for part in keys[:-1]:
        target = target.setdefault(part, {})
    target[keys[-1]] = entries


def text_of(value) -> str:
    return str(int(value)) if isinstance(value, int) or float(value).is_integer() else repr(value)


def read_deal(sheet, reading: Reading) -> None:
    form_value(sheet, reading, "", deal_fields())
    table(sheet, reading, COMPETITOR, "competitors")
    reading.cells.setdefault("", f"{sheet.title}!A1")


def read_dimension(sheet, dimension: str, reading: Reading) -> None:
    """Items from row 4 down to the total row; scores by the company ids of row 3."""
    reading.cells[dimension] = f"{sheet.title}!A{FIRST_ITEM_ROW}"
    ids = [(c.column, str(c.value).strip()) for c in sheet[3][FIRST_COMPANY_COLUMN - 1:] if c.value is not None]
    blank = next((col for col in range(FIRST_COMPANY_COLUMN, sheet.max_column + 2)
                  if sheet.cell(row=3, column=col).value is None), sheet.max_column + 1)
    marker = ITEM_KEY_COLUMNS[dimension][0] if dimension in ITEM_KEY_COLUMNS else None
    kind = next((col for col, cid in ids if marker is not None and cid == marker), None)  # kind or standard
    now = [(col, cid) for col, cid in ids if col < blank]
    later = [(col, cid) for col, cid in ids if col > blank and (kind is None or col < kind)]
    items = []
    for number in range(FIRST_ITEM_ROW, min(sheet.max_row, MAX_ROWS) + 1):
        name = value_of(sheet.cell(row=number, column=1))
        if isinstance(name, str) and name.strip() in TOTAL_LABELS:
            break
        cells = [sheet.cell(row=number, column=col) for col in range(1, blank)]
        if all(value_of(c) is None for c in cells):
            continue
        at = f"{dimension}[{len(items)}]"
        item = {}
        reading.cells[at] = f"{sheet.title}!A{number}"
        for key, column in (("name", 1), ("weight", 2)):
            cell = sheet.cell(row=number, column=column)
            reading.cells[f"{at}.{key}"] = f"{sheet.title}!{cell.coordinate}"
            put_value(item, key, value_of(cell), f"{at}.{key}", reading)
        if kind is not None:
            cell = sheet.cell(row=number, column=kind)
            reading.cells[f"{at}.{marker}"] = f"{sheet.title}!{cell.coordinate}"
            put_value(item, marker, value_of(cell), f"{at}.{marker}", reading)
        item["scores"] = scores_of(sheet, number, now, f"{at}.scores", reading, keep_empty_cell=True)
        projected = scores_of(sheet, number, later, f"{at}.in_3_years", reading)
        if projected:
            item["in_3_years"] = projected
        items.append(item)
    reading.data[dimension] = items


def put_value(target: dict, key: str, value, path: str, reading: Reading) -> None:
    if value is None:
        return
    target[key] = value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        reading.raw[path] = text_of(value)


def scores_of(sheet, number: int, columns, path: str, reading: Reading, keep_empty_cell: bool = False) -> dict:
    """{company id: score} of one row; an empty score cell is where a missing score is reported."""
    scores = {}
    for column, cid in columns:
        cell = sheet.cell(row=number, column=column)
        reading.cells[f"{path}.{cid}"] = f"{sheet.title}!{cell.coordinate}"
        value = value_of(cell)
        if value is None:
            if keep_empty_cell and path not in reading.cells:
                reading.cells[path] = f"{sheet.title}!{cell.coordinate}"
            continue
        scores[cid] = value
    reading.cells.setdefault(path, f"{sheet.title}!{get_column_letter(FIRST_COMPANY_COLUMN)}{number}")
    return scores


def read_value(sheet, reading: Reading) -> None:
    form_value(sheet, reading, "value_proposition.", VALUE_FIELDS)
    table(sheet, reading, OUTCOME, "value_proposition.specific.outcomes")
    reading.cells.setdefault("value_proposition", f"{sheet.title}!A1")
    proposition = reading.data.get("value_proposition", {})
    specific = proposition.get("specific", {})
    markers = {key for _, key, _ in keyed_rows(sheet)}
    for part, marker in (("levels", EMPTY_LEVELS), ("concerns", EMPTY_CONCERNS)):
        if marker in markers:
            proposition.setdefault(part, {})
    for part in ("start", "first_report"):
        if isinstance(specific.get(part), dt.datetime):
            specific[part] = specific[part].date()


def read_chain(sheet, reading: Reading) -> None:
    reading.data.setdefault("chain", {})
    table(sheet, reading, CONTACT, "chain.customer")
    table(sheet, reading, SURROUNDING, "chain.surrounding")
    form_value(sheet, reading, "chain.", TEAM_FIELDS)
    reading.cells.setdefault("chain", f"{sheet.title}!A1")


def deal_yaml(deal: Deal) -> str:
    """The deal as a YAML file, in the contract's key order, with the schema line editors use."""
    header = "# yaml-language-server: $schema=../schema/deal.schema.json\n"
    data = deal.model_dump(exclude_none=True)
    return header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
