"""Statbank's CSV downloads of table 07459, in the layouts SSB writes them.

What a download looks like (public examples: sykdomspulsen-org/spldata,
data-raw/files/population/Personer2022.csv and Personer2010-2014.csv; SSB's API guide):

    "07459: Population, by region, age, contents and year"      <- title, when asked for

    "region";"age";"Persons 2022"                               <- one column per year
    "K-3001 Halden";"0 years";266

- separated by semicolons (Norwegian), commas (the API's default) or tabs;
- a title line or not, and footnotes after a blank line at the end;
- the years in the headings ("Personer 2022", or just "2022"), or in a column of their own
  ("år"/"year"/"Tid") with one column of figures;
- columns named in Norwegian, English or by code ("region"/"Region", "alder"/"age"/"Alder",
  "kjønn"/"sex"/"Kjonn", "statistikkvariabel"/"contents"/"ContentsCode");
- cells as codes, texts or both (see ``cells``).

The age column is missing when all ages were summed, the sex column when the sexes were.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from vrus.population.cells import TABLE_ID, Cell, check_contents, check_table
from vrus.population.errors import CellError, file_error, not_statbank, problems_error
from vrus.texts import Text, translate

_DELIMITERS = (";", "\t", ",")
_SNIFF_LINES = 30
_NAMES = {
    "region": {"region", "kommune", "municipality", "region/kommune"},
    "age": {"alder", "age", "ålder"},
    "year": {"år", "ar", "year", "tid", "time"},
    "sex": {"kjønn", "kjonn", "sex", "kön"},
    "contents": {"statistikkvariabel", "contents", "contentscode", "statistical variable"},
}
_YEAR_AT_END = re.compile(r"(?:^|\s)(\d{4})$")


@dataclass(frozen=True)
class _Layout:
    dimensions: dict[str, int]  # role -> column
    figures: dict[int, str | None]  # column of figures -> its year (None: in the year column)
    headers: list[str]


def read_statbank_csv(text: str, file: str) -> list[Cell]:
    delimiter = _delimiter(text)
    records = _records(text, delimiter)
    header_at, titles = _header(records, file)
    for title in titles:
        check_table(title, file)
    _line, headers = records[header_at]
    layout = _layout([_clean(h) for h in headers], file)
    return _cells(records[header_at + 1 :], layout, file)


def _records(text: str, delimiter: str) -> list[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        return [(reader.line_num, row) for row in reader]
    except csv.Error:
        # A quote left open, a NUL: not a table. The caller names the file.
        return []


def _delimiter(text: str) -> str:
    """The delimiter that splits the most of the first lines into the same number of columns
    (a title line stays one field: its commas are inside quotes)."""
    sample = "\n".join(text.splitlines()[:_SNIFF_LINES])

    def score(delimiter: str) -> tuple[int, int]:
        try:
            widths = [
                len(r) for r in csv.reader(io.StringIO(sample), delimiter=delimiter) if len(r) > 1
            ]
        except csv.Error:
            return (0, 0)
        if not widths:
            return (0, 0)
        width, count = Counter(widths).most_common(1)[0]
        return (count, width)

    return max(_DELIMITERS, key=score)


def _header(records: list[tuple[int, list[str]]], file: str) -> tuple[int, list[str]]:
    """The heading row (the first with two or more cells) and the title lines above it."""
    titles: list[str] = []
    for index, (_line, row) in enumerate(records):
        filled = [cell for cell in row if cell.strip()]
        if len(filled) >= 2:
            return index, titles
        titles += filled
    raise file_error(file, not_statbank())


def _layout(headers: list[str], file: str) -> _Layout:
    dimensions: dict[str, int] = {}
    others: list[int] = []
    for column, header in enumerate(headers):
        role = next((r for r, names in _NAMES.items() if header.lower() in names), None)
        if role is not None and role not in dimensions:
            dimensions[role] = column
        else:
            others.append(column)
    if not dimensions:
        raise file_error(file, not_statbank())
    for header in headers:
        check_table(header, file)  # a long layout names its column of figures by the table
    if "region" not in dimensions:
        raise file_error(
            file, translate("Core", "no column for the region (Statbank calls it 'region')")
        )
    if len(dimensions) == 1 and not any(_YEAR_AT_END.search(headers[c]) for c in others):
        # Only a region and no year anywhere: a member list with a "Kommune" column, say.
        raise file_error(file, not_statbank())
    figures = _figure_columns(headers, others, "year" in dimensions, file)
    return _Layout(dimensions, figures, headers)


def _figure_columns(
    headers: list[str], columns: list[int], year_column: bool, file: str
) -> dict[int, str | None]:
    if year_column:
        if len(columns) != 1:
            raise file_error(
                file,
                translate(
                    "Core",
                    "there should be one column of figures beside the year column, not {count}",
                ).format(count=len(columns)),
            )
        return {columns[0]: None}
    figures: dict[int, str | None] = {}
    for column in columns:
        match = _YEAR_AT_END.search(headers[column])
        if match is None:
            raise file_error(
                file,
                translate(
                    "Core", "the column '{column}' has no year, and there is no column for the year"
                ).format(column=headers[column]),
            )
        _check_label(headers[column][: match.start()], headers[column], file)
        figures[column] = match.group(1)
    if not figures:
        raise file_error(file, translate("Core", "no column of figures"))
    return figures


def _check_label(label: str, header: str, file: str) -> None:
    """ "Personer 2022" is table 07459's; "Levendefødte 2022" is another table's."""
    label = TABLE_ID.sub("", label).strip()
    if not label:
        return
    try:
        check_contents(label)
    except CellError as error:
        raise file_error(
            file,
            translate("Core", "column '{column}': {problem}").format(
                column=header, problem=error.message
            ),
        ) from None


def _cells(records: list[tuple[int, list[str]]], layout: _Layout, file: str) -> list[Cell]:
    cells: list[Cell] = []
    problems: list[Text] = []
    after_blank = False
    width = len(layout.headers)
    for line, row in records:
        filled = [cell for cell in row if cell.strip()]
        if not filled:
            after_blank = True
            continue
        if len(filled) == 1 and after_blank:
            continue  # a footnote under the table ("Kilde: Statistisk sentralbyrå")
        if len(row) != width:
            problems.append(
                translate(
                    "Core", "row {row} has {count} fields, the heading has {expected}"
                ).format(row=line, count=len(row), expected=width)
            )
            continue
        cells += _row_cells(line, row, layout)
    if problems:
        raise problems_error(file, problems)
    return cells


def _row_cells(line: int, row: list[str], layout: _Layout) -> list[Cell]:
    where = translate("Core", "row {row}").format(row=line)
    column = layout.dimensions

    def value(role: str) -> str | None:
        return row[column[role]] if role in column else None

    names = tuple((role, layout.headers[index]) for role, index in column.items())
    cells = []
    for index, year in layout.figures.items():
        fields = (*names, ("persons", layout.headers[index]))
        cells.append(
            Cell(
                where=where,
                region=row[column["region"]],
                year=year if year is not None else row[column["year"]],
                persons=row[index],
                age=value("age"),
                sex=value("sex"),
                contents=value("contents"),
                fields=fields,
            )
        )
    return cells


def _clean(header: str) -> str:
    return unicodedata.normalize("NFC", header).strip().strip('"').strip()
