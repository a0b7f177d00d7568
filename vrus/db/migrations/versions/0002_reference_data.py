"""Reference data: municipalities with successors, populations, instruments, ensembles,
organisations and the IRIS project, from the files in resources/data.

Uses lightweight table definitions rather than the ORM models, so later model changes never
break this migration.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

import csv
import datetime as dt
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from vrus.paths import resource

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

POPULATION_SOURCE = "SSB table 07459, 1 January"

_meta = sa.MetaData()
# Tables whose new ids are needed get a real primary key column, so inserted_primary_key works.
municipalities = sa.Table(
    "municipalities",
    _meta,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("number", sa.String),
    sa.Column("name", sa.String),
    sa.Column("county", sa.String),
    sa.Column("population", sa.Integer),
    sa.Column("population_year", sa.Integer),
    sa.Column("in_region", sa.Boolean),
    sa.Column("valid_from", sa.Date),
    sa.Column("valid_to", sa.Date),
    sa.Column("successor_id", sa.Integer),
)
populations = sa.table(
    "municipality_populations",
    sa.column("municipality_id", sa.Integer),
    sa.column("year", sa.Integer),
    sa.column("age", sa.Integer),
    sa.column("persons", sa.Integer),
    sa.column("source", sa.String),
)
instruments = sa.table(
    "instruments",
    sa.column("name_nb", sa.String),
    sa.column("name_en", sa.String),
    sa.column("section", sa.String),
    sa.column("hard_to_recruit", sa.Boolean),
    sa.column("target_count", sa.Integer),
    sa.column("sort_order", sa.Integer),
)
ensembles = sa.table(
    "ensembles",
    sa.column("name", sa.String),
    sa.column("short_name", sa.String),
    sa.column("min_age", sa.Integer),
    sa.column("max_age", sa.Integer),
    sa.column("sort_order", sa.Integer),
    sa.column("next_ensemble_id", sa.Integer),
    sa.column("id", sa.Integer),
)
organisations = sa.Table(
    "organisations",
    _meta,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.String),
    sa.Column("kind", sa.String),
    sa.Column("municipality_id", sa.Integer),
    sa.Column("archived", sa.Boolean),
)
projects = sa.table(
    "projects",
    sa.column("name", sa.String),
    sa.column("description", sa.Text),
    sa.column("funder_id", sa.Integer),
)


def _rows(name: str) -> list[dict[str, str]]:
    with resource("data", name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _int(text: str) -> int | None:
    return int(text) if text.strip() else None


def _date(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text.strip() else None


def _inserted_id(bind: sa.Connection, statement: sa.Insert) -> int:
    key = bind.execute(statement).inserted_primary_key
    if key is None:  # never for one row into a table with an integer primary key
        raise RuntimeError(f"no primary key from {statement}")
    return int(key[0])


def _load_municipalities(bind: sa.Connection) -> dict[str, int]:
    rows = _rows("municipalities.csv")
    ids: dict[str, int] = {}
    for row in rows:
        ids[row["number"]] = _inserted_id(
            bind,
            municipalities.insert().values(
                number=row["number"],
                name=row["name"],
                county=row["county"] or None,
                population=_int(row["population"]),
                population_year=_int(row["population_year"]),
                in_region=row["in_region"] == "1",
                valid_from=_date(row["valid_from"]),
                valid_to=_date(row["valid_to"]),
                successor_id=None,
            ),
        )
    for row in rows:
        if row["successor"]:
            bind.execute(
                municipalities.update()
                .where(municipalities.c.id == ids[row["number"]])
                .values(successor_id=ids[row["successor"]])
            )
    return ids


def _load_populations(ids: dict[str, int]) -> None:
    op.bulk_insert(
        populations,
        [
            {
                "municipality_id": ids[row["number"]],
                "year": int(row["year"]),
                "age": _int(row["age"]),
                "persons": int(row["persons"]),
                "source": POPULATION_SOURCE,
            }
            for row in _rows("population.csv")
        ],
    )


def _load_organisations(bind: sa.Connection, ids: dict[str, int]) -> dict[str, int]:
    org_ids: dict[str, int] = {}
    for row in _rows("organisations.csv"):
        org_ids[row["name"]] = _inserted_id(
            bind,
            organisations.insert().values(
                name=row["name"],
                kind=row["kind"],
                archived=False,
                municipality_id=ids.get(row["municipality_number"]),
            ),
        )
    return org_ids


def _load_ensembles(bind: sa.Connection) -> None:
    rows = _rows("ensembles.csv")
    op.bulk_insert(
        ensembles,
        [
            {
                "name": r["name"],
                "short_name": r["short_name"],
                "min_age": _int(r["min_age"]),
                "max_age": _int(r["max_age"]),
                "sort_order": int(r["sort_order"]),
            }
            for r in rows
        ],
    )
    for row in rows:
        if row["moves_up_to"]:
            target = (
                sa.select(ensembles.c.id)
                .where(ensembles.c.short_name == row["moves_up_to"])
                .scalar_subquery()
            )
            bind.execute(
                ensembles.update()
                .where(ensembles.c.short_name == row["short_name"])
                .values(next_ensemble_id=target)
            )


def upgrade() -> None:
    bind = op.get_bind()
    ids = _load_municipalities(bind)
    _load_populations(ids)
    op.bulk_insert(
        instruments,
        [
            {
                "name_nb": r["name_nb"],
                "name_en": r["name_en"],
                "section": r["section"],
                "hard_to_recruit": r["hard_to_recruit"] == "1",
                "target_count": _int(r["target_count"]),
                "sort_order": int(r["sort_order"]),
            }
            for r in _rows("instruments.csv")
        ],
    )
    _load_ensembles(bind)
    org_ids = _load_organisations(bind, ids)
    op.bulk_insert(
        projects,
        [
            {
                "name": "IRIS",
                "description": "Musicians from Dextra Musica give master classes and group rehearsals; "
                "joint activities with Sandefjord/Grenland and El Sistema.",
                "funder_id": org_ids.get("Sparebankstiftelsen DNB"),
            }
        ],
    )


def downgrade() -> None:
    # Only reference rows can be removed here; if the register holds persons or events that
    # refer to them, the foreign keys refuse, which is what protects the data.
    for table in (
        "projects",
        "organisations",
        "ensembles",
        "instruments",
        "municipality_populations",
    ):
        op.execute(sa.text(f"DELETE FROM {table}"))
    op.execute(sa.text("UPDATE municipalities SET successor_id = NULL"))
    op.execute(sa.text("DELETE FROM municipalities"))
