"""Population figures for today's municipalities: residents on 1 January 2019-2026 (whole
population and single years of age 6-19) of the 12 municipalities of 2024, from
resources/data/population-2024-borders.csv.

They go beside the 2014-border figures of 0002, on the rows valid from 2024-01-01, matched by
number. A number the register lacks (a user may have removed a row) is skipped rather than
failing the upgrade, and so is a figure the register already holds for that row, year and
age: what the user stored wins. Lightweight table definitions, not the ORM models, so later
model changes never break this migration.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02
"""

import csv
import datetime as dt
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from vrus.paths import resource

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SOURCE = "SSB table 07459, 1 January (2024 borders)"
DATA_FILE = "population-2024-borders.csv"
BORDERS_FROM = dt.date(2024, 1, 1)
WHOLE_POPULATION = "all"  # the file's age for the whole population (stored as NULL)

municipalities = sa.table(
    "municipalities",
    sa.column("id", sa.Integer),
    sa.column("number", sa.String),
    sa.column("valid_from", sa.Date),
)
populations = sa.table(
    "municipality_populations",
    sa.column("municipality_id", sa.Integer),
    sa.column("year", sa.Integer),
    sa.column("age", sa.Integer),
    sa.column("persons", sa.Integer),
    sa.column("source", sa.String),
)


def _rows() -> list[dict[str, str]]:
    with resource("data", DATA_FILE).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _rows_of_2024(bind: sa.Connection) -> dict[str, int]:
    """Municipality number -> id of the row that begins with the 2024 borders."""
    query = sa.select(municipalities.c.number, municipalities.c.id).where(
        municipalities.c.valid_from == BORDERS_FROM
    )
    return {number: mid for number, mid in bind.execute(query)}


def _held(bind: sa.Connection, ids: list[int]) -> set[tuple[int, int, int | None]]:
    query = sa.select(populations.c.municipality_id, populations.c.year, populations.c.age).where(
        populations.c.municipality_id.in_(ids)
    )
    return {(mid, year, age) for mid, year, age in bind.execute(query)}


def upgrade() -> None:
    bind = op.get_bind()
    ids = _rows_of_2024(bind)
    held = _held(bind, list(ids.values()))
    new = []
    for row in _rows():
        mid = ids.get(row["number_2024"])
        if mid is None:
            continue
        age = None if row["age"] == WHOLE_POPULATION else int(row["age"])
        if (mid, int(row["year"]), age) in held:
            continue
        new.append(
            {
                "municipality_id": mid,
                "year": int(row["year"]),
                "age": age,
                "persons": int(row["persons"]),
                "source": SOURCE,
            }
        )
    if new:
        op.bulk_insert(populations, new)


def downgrade() -> None:
    # Exactly the rows this migration loaded: they carry its source. Figures imported or
    # changed since carry another source and stay.
    op.execute(populations.delete().where(populations.c.source == SOURCE))
