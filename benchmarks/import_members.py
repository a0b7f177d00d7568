"""Time the member import on a generated register: ``python benchmarks/import_members.py [N]``.

Writes an N-row CSV (default 5 000) and the same rows as XLSX into a temporary folder, then
times a dry run, the real import into an empty register, and a second import of the same file
(every row an update). Not a test: prints the figures for the record.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

from vrus.db.engine import sqlite_url
from vrus.importing import import_members
from vrus.opening import open_database

HEADERS = [
    "Fornavn",
    "Etternavn",
    "Fødselsdato",
    "Kommune",
    "Instrument",
    "Gruppe",
    "Innmeldt",
    "Telefon",
    "E-post",
    "Postnr",
    "Foresatt",
    "Foresatt telefon",
    "Kosthold",
    "Allergier",
    "Fotosamtykke",
]
FIRST = [
    "Åsmund",
    "Zoë",
    "Łukasz",
    "Ingrid",
    "Nora",
    "Emil",
    "Sofie",
    "Jakob",
    "Aurora",
    "Filip",
    "Maja",
    "Olav",
    "Thi",
    "Amir",
    "Sunniva",
]
LAST = [
    "Ødegård",
    "Nguyễn",
    "Berg",
    "Hansen",
    "Johansen",
    "Larsen",
    "Haugen",
    "Bakke",
    "Kowalski",
    "Aas",
    "Solberg",
    "Dahl-Hagen",
    "van der Berg",
]
PLACES = [
    "Asker",
    "Baerum",
    "Drammen",
    "Lier",
    "Modum",
    "Oevre Eiker",
    "Hole",
    "Ringerike",
    "3203",
    "Krodsherad",
    "Sigdal",
    "Jevnaker",
]
INSTRUMENTS = [
    "Fiolin",
    "Bratsj",
    "Cello",
    "Kontrabass",
    "Fløyte",
    "Obo",
    "Klarinett",
    "Fagott",
    "Horn",
    "Trompet",
    "Trombone",
    "Tuba",
    "Slagverk",
    "Harp",
]


def rows(count: int, seed: int = 7) -> list[list[str]]:
    rng = random.Random(seed)
    out = []
    for index in range(count):
        year = rng.randint(2009, 2017)
        born = dt.date(year, rng.randint(1, 12), rng.randint(1, 28))
        group = "ungdom" if year <= 2012 else "junior"
        first = f"{rng.choice(FIRST)}{index}"  # unique: every row a different person
        out.append(
            [
                first,
                rng.choice(LAST),
                born.strftime("%d.%m.%Y"),
                rng.choice(PLACES),
                rng.choice(INSTRUMENTS),
                group,
                "01.08.2024",
                f"9{index:07d}",
                f"p{index}@example.no",
                f"{rng.randint(1, 9999):04d}",
                "Kari og Ola Berg",
                f"4{index:07d} / 9{index:07d}",
                rng.choice(["", "vegetar", "halal", "ikke svin"]),
                rng.choice(["", "nøtter (alvorlig)", "pollen; katt"]),
                rng.choice(["ja", "nei"]),
            ]
        )
    return out


def write_csv(path: Path, data: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(HEADERS)
        writer.writerows(data)
    return path


def write_xlsx(path: Path, data: list[list[str]]) -> Path:
    import openpyxl

    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Medlemmer")
    sheet.append(HEADERS)
    for row in data:
        cells: list[object] = list(row)
        cells[2] = dt.datetime.strptime(row[2], "%d.%m.%Y").date()
        sheet.append(cells)
    workbook.save(path)
    return path


def timed(label: str, action) -> None:  # noqa: ANN001 - a plain callable
    start = time.perf_counter()
    report = action()
    seconds = time.perf_counter() - start
    print(f"{label:<34} {seconds:6.2f} s   {report.summary()}")


def main(count: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        data = rows(count)
        source = write_csv(base / "members.csv", data)
        workbook = write_xlsx(base / "members.xlsx", data)
        db = open_database(sqlite_url(base / "bench.sqlite3"))
        try:
            print(f"{count} rows, Python {sys.version.split()[0]}")
            timed("CSV dry run", lambda: import_members(db, source, dry_run=True))
            timed("CSV import, empty register", lambda: import_members(db, source))
            timed("CSV again (all updates)", lambda: import_members(db, source))
            timed("XLSX dry run (all updates)", lambda: import_members(db, workbook, dry_run=True))
        finally:
            db.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5000)
