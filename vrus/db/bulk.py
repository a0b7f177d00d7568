"""Inserting millions of rows in one unit of work: ``vrus demo --members 100000``.

SQLAlchemy's ``session.execute(insert(table), rows)`` spends more time on each row's
parameters than SQLite spends inserting it, and keeps RETURNING in the order of the rows on
SQLite only by inserting them one statement at a time. Here the rows get their Python-side
defaults and the columns' own bind processing (dates and times in the database's form) as
SQLAlchemy would give them, and then go to the database as they are: on SQLite as one JSON
array per batch, which SQLite reads in C instead of binding every value from Python (and
without holding Python's lock, so the next rows can be made meanwhile). On SQLite a bigger
page cache and indexes made after the rows keep the cost per row the same at any size.
Other databases get executemany and RETURNING.

The rows stored, their ids and their order are exactly those SQLAlchemy's own insert gives;
only the time differs. Columns of other types than these plain ones (text, whole numbers,
yes/no, dates and times), and defaults computed in SQL, go through SQLAlchemy's insert.
"""

from __future__ import annotations

import json
import queue
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from operator import itemgetter
from typing import Any

from sqlalchemy import (
    Boolean,
    ColumnDefault,
    Connection,
    Date,
    DateTime,
    Index,
    Integer,
    String,
    Table,
    Time,
    func,
    insert,
    inspect,
    select,
)
from sqlalchemy.orm import Session

BATCH = 20_000  # rows per statement: bounded memory in the driver, few round trips
CACHE_KIB = 256 * 1024
# value ->> n (SQLite 3.38): the n-th value of a JSON array, as an SQL value.
JSON_OPERATORS = (3, 38)
# Types whose values, once bound, are text, whole numbers or NULL: JSON carries them exactly.
PLAIN_TYPES = (String, Integer, Boolean, Date, DateTime, Time)
Row = dict[str, Any]
Run = Callable[[str, Any], Any]  # executes one statement with its parameters


def insert_rows(session: Session, table: Table, rows: list[Row], run: Run | None = None) -> None:
    """Insert ``rows`` (dicts with the same keys) in batches; the rows are used up (their
    values are replaced by the bound ones). ``run`` executes the statements
    (``in_background``); without it they run here."""
    if not rows:  # an empty executemany would insert one row of defaults
        return
    keys = list(rows[0])
    if not _plain(table, keys):
        if run is not None:
            raise ValueError(f"{table.name}: needs SQLAlchemy's insert, not in the background")
        for start in range(0, len(rows), BATCH):
            session.execute(insert(table), rows[start : start + BATCH])
        return
    keys += _fill_defaults(table, keys, rows)
    connection = session.connection()
    _bind(connection, table, keys, rows)
    statements = _as_json if _reads_json(connection) else _as_many
    execute = run or connection.exec_driver_sql
    for statement, parameters in statements(connection, table, keys, rows):
        execute(statement, parameters)


def insert_rows_ids(session: Session, table: Table, rows: list[Row]) -> list[int]:
    """Insert ``rows`` and return their ids (the column ``id``), in the order of ``rows``."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
        ids: list[int] = []
        for start in range(0, len(rows), BATCH):
            ids += session.execute(statement, rows[start : start + BATCH]).scalars().all()
        return ids
    # SQLite gives a new row the largest id plus one, and a unit of work holds the write lock
    # from its start (``Database.transaction``): the rows inserted are those above the
    # largest id before, in the order they were inserted.
    before = session.scalar(select(func.max(table.c.id))) or 0
    insert_rows(session, table, rows)
    new = select(table.c.id).where(table.c.id > before).order_by(table.c.id)
    ids = list(session.scalars(new))
    if len(ids) != len(rows):
        raise RuntimeError(f"{table.name}: {len(rows)} rows inserted, {len(ids)} new ids")
    return ids


@contextmanager
def bulk_cache(session: Session, kib: int = CACHE_KIB) -> Iterator[None]:
    """A page cache of up to ``kib`` KiB while millions of rows go in, on SQLite.

    With SQLite's default of 2 MB every row going into an index larger than that reads a
    page back and writes one out to the journal, so a load grows worse than linearly. The
    connection's own size is set again afterwards, whatever happened (on the driver's
    connection, which takes a PRAGMA even in a unit of work that failed).
    """
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        yield
        return
    driver = connection.connection.driver_connection
    assert driver is not None
    before = int(driver.execute("PRAGMA cache_size").fetchone()[0])
    driver.execute(f"PRAGMA cache_size=-{int(kib)}")
    try:
        yield
    finally:
        driver.execute(f"PRAGMA cache_size={before}")


@contextmanager
def indexes_set_aside(session: Session, tables: tuple[Table, ...]) -> Iterator[None]:
    """The plain (not unique) indexes of ``tables`` dropped while rows go in, and made again
    from the same definitions once they are in.

    Kept up to date row by row, an index of millions of rows by person costs a page per
    row, as the persons come in no order; made afterwards it is one sort. Within one unit of
    work: on an error its rollback brings the indexes back with everything else.
    """
    connection = session.connection()
    present = inspect(connection)
    dropped: list[Index] = []
    for table in tables:
        names = {index["name"] for index in present.get_indexes(table.name)}
        for index in sorted(table.indexes, key=lambda index: str(index.name)):
            if not index.unique and index.name in names:
                index.drop(connection)
                dropped.append(index)
    yield
    for index in dropped:
        index.create(connection)


@contextmanager
def in_background(session: Session) -> Iterator[Run]:
    """A ``run`` for ``insert_rows`` that executes the statements on a thread of its own, in
    order, while the caller makes the next rows: SQLite inserts a JSON batch in C without
    holding Python's lock, so making rows and inserting them share two processor cores.

    Nothing else may use the session until the block ends; the block ends when every
    statement has run, and raises what one of them raised.
    """
    connection = session.connection()
    if not _reads_json(connection):  # executemany binds each row in Python: nothing to share
        yield connection.exec_driver_sql
        return
    work: queue.Queue[tuple[str, Any] | None] = queue.Queue(maxsize=2)
    failed: list[BaseException] = []

    def write() -> None:
        while (item := work.get()) is not None:
            if not failed:  # after a failure the rest is only taken off the queue
                try:
                    connection.exec_driver_sql(*item)
                except BaseException as error:  # raised again in the caller's thread
                    failed.append(error)

    def run(statement: str, parameters: Any) -> None:
        if failed:
            raise failed[0]
        work.put((statement, parameters))

    writer = threading.Thread(target=write, name="vrus-bulk-insert", daemon=True)
    writer.start()
    try:
        yield run
    finally:
        work.put(None)
        writer.join()
    if failed:
        raise failed[0]


def _plain(table: Table, keys: list[str]) -> bool:
    """Whether rows of ``keys`` can go in here: plain types only, and every default of a
    column left out a value or a Python function (not SQL, not a sequence)."""
    for column in table.c:
        default = column.default
        if column.key in keys:
            if not isinstance(column.type, PLAIN_TYPES):
                return False
        elif default is not None and (
            not isinstance(default, ColumnDefault) or default.is_clause_element
        ):
            return False
    return True


def _fill_defaults(table: Table, keys: list[str], rows: list[Row]) -> list[str]:
    """Put the defaults of the columns missing from ``rows`` into them, called as SQLAlchemy
    calls them (a context-sensitive one reads the row being inserted through
    ``get_current_parameters``, as SQLAlchemy documents); the keys added."""
    defaults = [
        (column.key, column.default)
        for column in table.c
        if isinstance(column.default, ColumnDefault) and column.key not in keys
    ]
    context = _RowContext()
    for row in rows:
        context.current_parameters = row
        for key, default in defaults:
            row[key] = default.arg(context) if default.is_callable else default.arg
    return [key for key, _ in defaults]


class _RowContext:
    """What a context-sensitive column default may ask: the row it is computed for."""

    current_parameters: Row

    def get_current_parameters(self, isolate_multiinsert_groups: bool = True) -> Row:
        return self.current_parameters


def _bind(connection: Connection, table: Table, keys: list[str], rows: list[Row]) -> None:
    """Each column's bind processing, in place: once per distinct value (one time of
    recording per event day, a few dates)."""
    dialect = connection.dialect
    for key in keys:
        process = table.c[key].type.dialect_impl(dialect).bind_processor(dialect)
        if process is None:
            continue
        cached = lru_cache(maxsize=None)(process)
        for row in rows:
            row[key] = cached(row[key])


def _reads_json(connection: Connection) -> bool:
    version = connection.dialect.server_version_info
    return connection.dialect.name == "sqlite" and version is not None and version >= JSON_OPERATORS


def _as_json(
    connection: Connection, table: Table, keys: list[str], rows: list[Row]
) -> Iterator[tuple[str, Any]]:
    """One statement per batch, its rows one JSON array that SQLite reads in C."""
    quote = connection.dialect.identifier_preparer.quote
    columns = ", ".join(quote(table.c[key].name) for key in keys)
    values = ", ".join(f"value ->> {at}" for at in range(len(keys)))
    # ORDER BY key: the rows go in (and get their ids) in the order of the array.
    statement = (
        f"INSERT INTO {quote(table.name)} ({columns}) "
        f"SELECT {values} FROM json_each(?) ORDER BY key"
    )
    pick = itemgetter(*keys) if len(keys) > 1 else lambda row: (row[keys[0]],)
    for start in range(0, len(rows), BATCH):
        batch = list(map(pick, rows[start : start + BATCH]))
        yield statement, (json.dumps(batch, ensure_ascii=False),)


def _as_many(
    connection: Connection, table: Table, keys: list[str], rows: list[Row]
) -> Iterator[tuple[str, Any]]:
    """One executemany per batch."""
    compiled = insert(table).compile(dialect=connection.dialect, column_keys=keys)
    statement = str(compiled)
    order = list(compiled.positiontup or ()) if compiled.positional else []
    for start in range(0, len(rows), BATCH):
        batch = rows[start : start + BATCH]
        if order:  # the driver takes a tuple per row
            yield statement, [tuple(row[key] for key in order) for row in batch]
        else:
            yield statement, batch
