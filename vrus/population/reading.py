"""Which kind of file a user chose, read into counts of persons.

Statbank offers more formats than VRUS reads; the ones a user is likely to pick by mistake
(Excel, PX) are named in the refusal, so the user knows what to download instead. Text comes
as SSB writes it (ISO-8859-1 for CSV), or as UTF-8 after a round through another program.
"""

from __future__ import annotations

from pathlib import Path

from vrus.population.cells import Cell
from vrus.population.counts import Counts, count_cells
from vrus.population.errors import PopulationFileError, file_error, not_statbank
from vrus.population.jsonstat import read_jsonstat
from vrus.population.statbank_csv import read_statbank_csv
from vrus.texts import translate

_ZIP = b"PK\x03\x04"  # XLSX (and ODS) are zip files
_OLE = b"\xd0\xcf\x11\xe0"  # the old binary .xls
_PX_KEYWORDS = (
    "CHARSET=",
    "AXIS-VERSION=",
    "CODEPAGE=",
    "LANGUAGE=",
    "CREATION-DATE=",
    "DECIMALS=",
    "MATRIX=",
)


def read_population_file(path: str | Path) -> Counts:
    path = Path(path)
    if not path.is_file():
        raise PopulationFileError(
            translate("Core", "{path} does not exist or is not a file").format(path=str(path))
        )
    try:
        data = path.read_bytes()
    except OSError as error:
        raise PopulationFileError(
            translate("Core", "{file}: cannot be read ({reason})").format(
                file=path.name, reason=error.strerror
            )
        ) from None
    return count_cells(cells_of(data, path.name), path.name)


def cells_of(data: bytes, file: str) -> list[Cell]:
    """The file's figures as cells, whichever format it is in."""
    if not data.strip():
        raise file_error(file, translate("Core", "the file is empty"))
    if data.startswith((_ZIP, _OLE)):
        raise file_error(
            file,
            translate(
                "Core",
                "an Excel workbook; download the table from Statbank as CSV or JSON-stat instead",
            ),
        )
    text = decode(data)
    if "\x00" in text:
        raise file_error(file, not_statbank())  # a binary file of some other kind
    start = text.lstrip()
    if start.startswith(("{", "[")):
        return read_jsonstat(text, file)
    if start.upper().startswith(_PX_KEYWORDS):
        raise file_error(
            file,
            translate(
                "Core", "a PX file; download the table from Statbank as CSV or JSON-stat instead"
            ),
        )
    return read_statbank_csv(text, file)


def decode(data: bytes) -> str:
    """UTF-8 (with or without a BOM), UTF-16 with a BOM, else ISO-8859-1 as SSB writes CSV.

    UTF-8 almost never decodes text written in a one-byte encoding (its multi-byte sequences
    are strict), so trying it first is safe; Windows-1252 is tried before ISO-8859-1 because
    Excel writes it, and the two agree on every Norwegian letter.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")  # decodes any byte
