"""Reading downloads of SSB table 07459: Statbank's CSV layouts and JSON-stat, and refusals.

The fixtures in tests/data/population are written the way SSB's formats are documented and
published examples look (see the README there): the same figures in several layouts must
read the same, and a file that is not table 07459 is refused with one clear message.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vrus.population.cells import age_of, municipality_number, persons_of, sex_of
from vrus.population.counts import count_cells
from vrus.population.errors import CellError, PopulationFileError
from vrus.population.reading import cells_of, read_population_file

DATA = Path(__file__).parent / "data" / "population"


def _read(name: str):
    return read_population_file(DATA / name)


def _read_text(tmp_path: Path, text: str, name: str = "download.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return read_population_file(path)


# --- the layouts ------------------------------------------------------------------------------


def test_norwegian_semicolon_download_in_iso_8859_1() -> None:
    counts = _read("07459-nb-semicolon-latin1.csv")
    assert len(counts.figures) == 2 * 14 * 2  # Asker and Holmestrand, ages 6-19, two years
    assert counts.figures["3203", 2026, 6] == 1237
    assert counts.figures["3903", 2027, 19] == counts.figures["3903", 2026, 19] + 2
    assert ("3203", 2026, None) not in counts.figures  # ages 6-19 only: no whole population


def test_all_layouts_read_the_same_figures() -> None:
    semicolon = _read("07459-nb-semicolon-latin1.csv").figures
    assert _read("07459-jsonstat2.json").figures == semicolon
    of_2027 = {key: n for key, n in semicolon.items() if key[1] == 2027}
    assert _read("07459-en-comma-long.csv").figures == of_2027
    # Men and women added up, from CSV and from a sparse JSON-stat object.
    assert _read("07459-nb-tab-sexes.csv").figures == of_2027
    assert _read("07459-jsonstat2-sexes-sparse.json").figures == of_2027


def test_whole_populations_and_what_is_skipped() -> None:
    counts = _read("07459-en-totals.csv")
    assert counts.figures["3203", 2026, None] == 101_509
    assert counts.figures["3203", 2027, None] == 102_300
    assert counts.figures["0301", 2027, None] == 724_290  # Oslo: the register decides
    assert ("1103", 2027, None) not in counts.figures  # "." : no figure
    assert counts.larger_regions == 4  # the whole country and Akershus, two years each
    assert counts.without_figure == 1


def test_every_age_adds_up_to_the_whole_population(tmp_path: Path) -> None:
    lines = ['"region";"alder";"Personer 2027"']
    lines += [f'"K-3318 Krødsherad";"{age} år";{10 + age}' for age in range(105)]
    lines.append('"K-3318 Krødsherad";"105 år eller eldre";1')
    counts = _read_text(tmp_path, "\n".join(lines))
    assert counts.figures["3318", 2027, 105] == 1
    assert counts.figures["3318", 2027, None] == sum(10 + a for a in range(105)) + 1
    assert counts.summed_totals == 1


def test_footnotes_under_the_table_are_not_figures(tmp_path: Path) -> None:
    counts = _read_text(
        tmp_path,
        '"region";"Personer 2027"\n"K-3310 Hole";7244\n\n"Kilde: Statistisk sentralbyrå"\n',
    )
    assert counts.figures == {("3310", 2027, None): 7244}


def test_a_year_column_and_codes_as_the_api_writes_them(tmp_path: Path) -> None:
    counts = _read_text(
        tmp_path,
        "Region,Alder,ContentsCode,Tid,value\n"
        "3310,006,Personer1,2027,88\n3310,105+,Personer1,2027,0\n",
    )
    assert counts.figures == {("3310", 2027, 6): 88, ("3310", 2027, 105): 0}


def test_jsonstat_1_bundle_of_the_old_api(tmp_path: Path) -> None:
    bundle = {
        "dataset": {
            "label": "07459: Befolkning, etter region, statistikkvariabel og år",
            "dimension": {
                "Region": {"category": {"index": {"3310": 0}, "label": {"3310": "Hole"}}},
                "ContentsCode": {"category": {"index": {"Personer1": 0}}},
                "Tid": {"category": {"index": {"2026": 0, "2027": 1}}},
                "id": ["Region", "ContentsCode", "Tid"],
                "size": [1, 1, 2],
                "role": {"time": ["Tid"], "geo": ["Region"], "metric": ["ContentsCode"]},
            },
            "value": [7205, 7244],
        }
    }
    counts = _read_text(tmp_path, json.dumps(bundle), "07459.json")
    assert counts.figures == {("3310", 2026, None): 7205, ("3310", 2027, None): 7244}


# --- cells ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("3203", "3203"),
        ("K-3203", "3203"),
        ("K-3203 Asker", "3203"),
        ("3203 Asker", "3203"),
        ("3203 - Asker", "3203"),
        ("0301 Oslo", "0301"),
        ("0 Hele landet", None),
        ("F-32 Akershus", None),
        ("32 Akershus", None),
        ("Hele landet", None),
    ],
)
def test_regions(text: str, number: str | None) -> None:
    assert municipality_number(text) == number


@pytest.mark.parametrize("text", ["Asker", "32031 Asker", "K-32 Asker"])
def test_regions_that_are_not_municipality_numbers(text: str) -> None:
    with pytest.raises(CellError):
        municipality_number(text)


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("006", 6),
        ("6", 6),
        ("6 år", 6),
        ("6 years", 6),
        ("1 year", 1),
        ("006 6 år", 6),
        ("006 - 6 år", 6),
        ("105+", 105),
        ("105 år eller eldre", 105),
        ("105 years or older", 105),
        ("Alle aldre", None),
        ("All ages", None),
        ("999", None),
        ("F000-999", None),
        ("000-105+", None),
        ("F013-013", 13),
    ],
)
def test_ages(text: str, age: int | None) -> None:
    assert age_of(text) == age


@pytest.mark.parametrize("text", ["F006-009", "0-4 år", "0 - 4 år", "106", "six", "6,5"])
def test_ages_that_are_not_one_year_of_age(text: str) -> None:
    with pytest.raises(CellError):
        age_of(text)


@pytest.mark.parametrize(
    ("value", "persons"),
    [
        ("1237", 1237),
        ("101 509", 101_509),
        ("101\u00a0509", 101_509),
        (1237, 1237),
        (1237.0, 1237),
        (".", None),
        ("..", None),
        (":", None),
        (None, None),
        ("-", 0),
    ],
)
def test_persons(value: object, persons: int | None) -> None:
    assert persons_of(value) == persons


@pytest.mark.parametrize("value", ["12x", "-5", -5, 1.5, "1,5", True])
def test_not_persons(value: object) -> None:
    with pytest.raises(CellError):
        persons_of(value)


@pytest.mark.parametrize(
    ("text", "sex"),
    [
        ("1", "1"),
        ("Menn", "1"),
        ("Males", "1"),
        ("2 Kvinner", "2"),
        ("2 - Kvinner", "2"),
        ("Begge kjønn", "both"),
    ],
)
def test_sexes(text: str, sex: str) -> None:
    assert sex_of(text) == sex


# --- refusals ---------------------------------------------------------------------------------


def _refusal(path: Path) -> str:
    with pytest.raises(PopulationFileError) as caught:
        read_population_file(path)
    return str(caught.value)


def test_another_table_is_refused() -> None:
    assert _refusal(DATA / "03031-other-table.csv") == (
        "03031-other-table.csv: the figures are from SSB table 03031, not table 07459 "
        "(population by region, age and year)"
    )


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("members.csv", "not a download of table 07459 from SSB's Statbank"),
        ("not-jsonstat.json", "JSON, but not a JSON-stat dataset"),
    ],
)
def test_files_of_other_kinds_are_refused(name: str, message: str) -> None:
    assert message in _refusal(DATA / name)


def test_a_bad_row_names_the_row_and_field() -> None:
    message = _refusal(DATA / "07459-bad-row.csv")
    assert message == (
        "07459-bad-row.csv: row 8, Personer 2027: '1 2x4' is not a number of persons"
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"  \r\n\n", "the file is empty"),
        (b"\x00\x01\x02garbage\xff", "not a download of table 07459"),
        (b"PK\x03\x04rest of a zip", "an Excel workbook"),
        (b'CHARSET="ANSI";\nAXIS-VERSION="2013";\n', "a PX file"),
        (b"{not json", "not valid JSON"),
        (b'{"class": "collection", "link": {}}', "a JSON-stat collection, not a dataset"),
        (b'"region";"Personer 2027"\n"Asker";7\n', "'Asker' has no municipality number"),
        (b'"alder";"Personer 2027"\n"6 \xc3\xa5r";7\n', "no column for the region"),
        (b'"region";"alder";"Personer"\n"3203";"6";7\n', "the column 'Personer' has no year"),
        # A member list has a municipality column but nothing else of the table.
        (b"Fornavn;Etternavn;Kommune\nAnna;Berg;Asker\n", "not a download of table 07459"),
        (b'"region";"Levendef\xc3\xb8dte 2027"\n"3203";7\n', "is not a count of persons"),
        (b'"region";"alder";"Personer 2027"\n"3203";"F006-009";7\n', "is an age group"),
        (
            b'"region";"alder";"Personer 2027"\n"3203";"6 \xc3\xa5r"\n',
            "row 2 has 2 fields, the heading has 3",
        ),
        (b'"region";"kj\xc3\xb8nn";"Personer 2027"\n"3203";"Menn";7\n', "one sex only"),
        (b'"region";"Personer 2027"\n"F-32 Akershus";741357\n', "no figures for any municipality"),
    ],
)
def test_wrong_files_get_one_clear_message(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "download.csv"
    path.write_bytes(content)
    assert message in _refusal(path)


def test_a_real_workbook_is_refused(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["region", "alder", "Personer 2027"])
    book.save(tmp_path / "07459.xlsx")
    assert "an Excel workbook; download the table from Statbank as CSV or JSON-stat" in _refusal(
        tmp_path / "07459.xlsx"
    )


def test_jsonstat_divided_by_what_vrus_does_not_read(tmp_path: Path) -> None:
    dataset = json.loads((DATA / "07459-jsonstat2-sexes-sparse.json").read_text("utf-8"))
    dataset["id"][1] = "Landbakgrunn"
    dataset["dimension"]["Landbakgrunn"] = dataset["dimension"].pop("Kjonn")
    path = tmp_path / "07459.json"
    path.write_text(json.dumps(dataset), encoding="utf-8")
    assert "divided by 'Landbakgrunn'" in _refusal(path)


def test_jsonstat_metadata_without_figures(tmp_path: Path) -> None:
    dataset = json.loads((DATA / "07459-jsonstat2.json").read_text("utf-8"))
    del dataset["value"]
    path = tmp_path / "07459.json"
    path.write_text(json.dumps(dataset), encoding="utf-8")
    assert "the dataset has no figures" in _refusal(path)


def test_missing_file(tmp_path: Path) -> None:
    assert "does not exist or is not a file" in _refusal(tmp_path / "nowhere.csv")


def test_many_bad_rows_are_counted(tmp_path: Path) -> None:
    rows = "\n".join(f'"3203";"{age} år";x{age}' for age in range(6, 20))
    path = tmp_path / "bad.csv"
    path.write_text('"region";"alder";"Personer 2027"\n' + rows, encoding="utf-8")
    with pytest.raises(PopulationFileError) as caught:
        read_population_file(path)
    assert "(and 11 more problems)" in str(caught.value)
    assert len(caught.value.problems) == 14


# --- anything at all ----------------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        '"',
        ";",
        ",",
        "\t",
        "\n",
        "\r\n",
        " ",
        "region",
        "alder",
        "år",
        "kjønn",
        "Personer 2027",
        "K-3203 Asker",
        "6 år",
        "105+",
        "F000-999",
        ".",
        "..",
        "-",
        "12",
        "{",
        "}",
        "[",
        "]",
        ":",
        '"class"',
        '"dataset"',
        "07459:",
        "03031:",
        "Menn",
        "\x00",
    ]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.text(max_size=400), st.lists(_PIECES, max_size=80).map("".join), st.binary(max_size=200)
    )
)
def test_any_file_is_read_or_refused_clearly(content: str | bytes) -> None:
    data = content if isinstance(content, bytes) else content.encode("utf-8")
    try:
        count_cells(cells_of(data, "download.csv"), "download.csv")
    except PopulationFileError as error:
        assert str(error).startswith("download.csv: ")
