"""Bulk inserts (``vrus.db.bulk``): the rows stored are exactly those SQLAlchemy's own insert
stores, in the same order with the same ids, whichever way they go in."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    UniqueConstraint,
    func,
    insert,
    inspect,
    select,
)
from sqlalchemy.engine.default import DefaultExecutionContext
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from vrus.db import bulk
from vrus.db.engine import Database

pytestmark = pytest.mark.sqlite_only(
    "the SQLite bulk path; on a server the demo uses executemany (test_demo.py runs on both)"
)


def _shout(context: DefaultExecutionContext) -> str:
    return context.get_current_parameters()["name"].upper()


def _tables() -> tuple[Table, Table]:
    """Two tables alike: one filled by SQLAlchemy, one by ``vrus.db.bulk``."""
    metadata = MetaData()
    return tuple(  # type: ignore[return-value]
        Table(
            name,
            metadata,
            Column("id", Integer, primary_key=True),
            Column("name", String(100), nullable=False),
            Column("loud", String(100), default=_shout),  # reads the row (name keys do)
            Column("kind", String(10), default="plain"),
            Column("day", Date),
            Column("at", DateTime, default=lambda: dt.datetime(2026, 1, 2, 3, 4, 5)),
            Column("flag", Boolean, default=False),
            Column("count", Integer),
            UniqueConstraint("name", "count", name=f"uq_{name}"),
            Index(f"ix_{name}_day", "day"),
        )
        for name in ("by_sqlalchemy", "by_bulk")
    )


NAMES = (
    "Åse Ødegård",
    "Nguyễn Thị Ánh",
    "Łukasz O'Brien",
    'quote " and back\\slash',
    "tab\tnew\nline",
    "emoji 🎻 outside the BMP",
    "",
)


def _rows(count: int) -> list[dict]:
    start = dt.datetime(2026, 3, 1, 9, 30, 15, 250)
    return [
        {
            "name": NAMES[i % len(NAMES)] + str(i),
            "day": None if i % 5 == 0 else dt.date(2026, 1, 1) + dt.timedelta(days=i % 40),
            "flag": i % 3 == 0,
            "count": None if i % 7 == 0 else i * 1000,
            **({"at": start + dt.timedelta(minutes=i)} if i % 2 else {}),
        }
        for i in range(count)
    ]


def _stored(session: Session, table: Table) -> list[tuple]:
    """Every value with SQLite's own type of it, by id."""
    columns = ", ".join(f"{c.name}, typeof({c.name})" for c in table.c)
    sql = f"SELECT {columns} FROM {table.name} ORDER BY id"
    return [tuple(row) for row in session.connection().exec_driver_sql(sql)]


def _fill_both(db: Database, rows: Callable[[], list[dict]]) -> tuple[list, list]:
    theirs, ours = _tables()
    with db.transaction() as session:
        theirs.metadata.create_all(session.connection())
        # One key set per statement, as the demo's rows have.
        for keys in ({"at"}, set()):
            same = [row for row in rows() if ("at" in row) == bool(keys)]
            session.execute(insert(theirs), same)
            bulk.insert_rows(session, ours, [row for row in rows() if ("at" in row) == bool(keys)])
        return _stored(session, theirs), _stored(session, ours)


@pytest.mark.parametrize("json", [True, False], ids=["json", "executemany"])
def test_rows_as_sqlalchemy_stores_them(
    db: Database, monkeypatch: pytest.MonkeyPatch, json: bool
) -> None:
    if not json:  # SQLite before 3.38 (or another database): executemany
        monkeypatch.setattr(bulk, "JSON_OPERATORS", (99, 0))
    monkeypatch.setattr(bulk, "BATCH", 7)  # several batches
    theirs, ours = _fill_both(db, lambda: _rows(40))
    assert len(ours) == 40
    assert ours == theirs
    assert {row[4] for row in ours} >= {"ÅSE ØDEGÅRD0", "EMOJI 🎻 OUTSIDE THE BMP5"}


def test_ids_come_back_in_the_order_of_the_rows(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bulk, "BATCH", 3)
    _, table = _tables()
    with db.transaction() as session:
        table.metadata.create_all(session.connection())
        first = bulk.insert_rows_ids(session, table, [{"name": f"a{i}"} for i in range(5)])
        session.execute(table.delete().where(table.c.id == first[-1]))
        rows = [{"name": name} for name in ("x", "Ø", "b", "a", "c", "y", "z")]
        ids = bulk.insert_rows_ids(session, table, rows)
        names = dict(session.execute(select(table.c.id, table.c.name)).all())
    assert [names[i] for i in ids] == ["x", "Ø", "b", "a", "c", "y", "z"]
    assert ids == sorted(ids) and ids[0] == first[-2] + 1  # the deleted id given again


def test_no_rows_insert_nothing(db: Database) -> None:
    _, table = _tables()
    with db.transaction() as session:
        table.metadata.create_all(session.connection())
        bulk.insert_rows(session, table, [])
        assert bulk.insert_rows_ids(session, table, []) == []
        assert session.scalar(select(func.count()).select_from(table)) == 0


def test_background_keeps_the_order(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bulk, "BATCH", 4)
    theirs, ours = _tables()
    with db.transaction() as session:
        theirs.metadata.create_all(session.connection())
        session.execute(insert(theirs), _rows(30))
        with bulk.in_background(session) as run:
            for start in range(0, 30, 6):
                bulk.insert_rows(session, ours, _rows(30)[start : start + 6], run)
        assert _stored(session, ours) == _stored(session, theirs)


def test_a_failure_in_the_background_is_raised_and_nothing_is_kept(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bulk, "BATCH", 4)
    _, table = _tables()
    with db.transaction() as session:
        table.metadata.create_all(session.connection())
    with (
        pytest.raises(IntegrityError),
        db.transaction() as session,
        bulk.in_background(session) as run,
    ):
        bulk.insert_rows(session, table, [{"name": "twice", "count": 1}], run)
        bulk.insert_rows(session, table, [{"name": "twice", "count": 1}], run)
        for _ in range(20):  # goes on queueing; the failure is raised here or at the end
            bulk.insert_rows(session, table, _rows(8), run)
    with db.transaction() as session:
        assert session.scalar(select(func.count()).select_from(table)) == 0


def test_indexes_are_made_again_as_they_were(db: Database) -> None:
    _, table = _tables()
    with db.transaction() as session:
        table.metadata.create_all(session.connection())
    schema = "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'by_bulk' ORDER BY name"
    with db.transaction() as session:
        before = session.connection().exec_driver_sql(schema).all()
        with bulk.indexes_set_aside(session, (table,)):
            present = inspect(session.connection())
            during = [index["name"] for index in present.get_indexes(table.name)]
            unique = [each["name"] for each in present.get_unique_constraints(table.name)]
            bulk.insert_rows(session, table, _rows(10))
        after = session.connection().exec_driver_sql(schema).all()
    assert during == [] and unique == ["uq_by_bulk"]  # unique ones stay
    assert after == before and any(name == "ix_by_bulk_day" for _, name, _ in after)

    with (
        pytest.raises(RuntimeError),
        db.transaction() as session,
        bulk.indexes_set_aside(session, (table,)),
    ):
        raise RuntimeError("disk full")
    with db.transaction() as session:
        assert session.connection().exec_driver_sql(schema).all() == before


def test_the_cache_is_set_back(db: Database) -> None:
    def cache_size(session: Session) -> int:
        return session.connection().exec_driver_sql("PRAGMA cache_size").scalar_one()

    with db.transaction() as session:
        before = cache_size(session)
        with bulk.bulk_cache(session, kib=50_000):
            assert cache_size(session) == -50_000
        assert cache_size(session) == before
    with (
        pytest.raises(IntegrityError),
        db.transaction() as session,
        bulk.bulk_cache(session, kib=50_000),
    ):
        session.connection().exec_driver_sql("INSERT INTO persons (id) VALUES (NULL)")
    with db.transaction() as session:
        assert cache_size(session) == before


def test_what_json_cannot_carry_goes_through_sqlalchemy(db: Database) -> None:
    metadata = MetaData()
    table = Table(
        "odd",
        metadata,
        Column("id", Integer, primary_key=True),
        Column("share", Float),  # a float as text could round differently
        Column("made", String(10), default=func.lower("MADE IN SQL")),
    )
    with db.transaction() as session:
        metadata.create_all(session.connection())
        bulk.insert_rows(session, table, [{"share": 0.1}, {"share": 1 / 3}])
        stored = session.execute(select(table.c.share, table.c.made).order_by(table.c.id)).all()
        with pytest.raises(ValueError), bulk.in_background(session) as run:
            bulk.insert_rows(session, table, [{"share": 0.5}], run)
    assert stored == [(0.1, "made in sql"), (1 / 3, "made in sql")]
