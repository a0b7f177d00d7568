"""Copying a whole register from one database into another, id for id, and proving the copy.

Moving a SQLite register onto a server (``vrus.server.transfer``), the portable register file a
server backup writes (``vrus.server.portable``) and restoring one onto a server all copy the
same way:

- The tables and their columns come from the models' metadata, in foreign-key order, never
  from a list here: a migration that adds a table or a column is copied without a change
  here. A table or column in either database that the models do not know, or one missing,
  refuses the copy rather than leave something behind.
- The source is read in one transaction (one consistent state of it); the target is emptied
  and written in one transaction, with its triggers off (the copy is of what the rows are, not
  a new round of changes: the change journal is copied, not written again), and committed
  only when every table's row count and checksum equal the source's. A foreign key that
  points into its own table (an ensemble's next ensemble, a municipality's successor) or
  round a cycle of tables is written empty first and filled in once every row is there.
- Ids are kept; on PostgreSQL each sequence then continues after the highest id.

- Who has a database open (``SESSION_TABLES``) is not the register: never copied.

A table's checksum is the sum, modulo 2^256, of the SHA-256 of each row's values as Python
gets them through the models' types (integers, text, booleans, dates alike from both
databases; datetimes brought to UTC without a zone, numbers to one form): it does not depend
on the order a database returns the rows in (SQLite and PostgreSQL sort text differently),
and counts every row however many are alike. The row count is checked beside it.
"""

from __future__ import annotations

import datetime as dt
import decimal
import hashlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    DateTime,
    LargeBinary,
    Numeric,
    Table,
    Time,
    bindparam,
    func,
    inspect,
    select,
    update,
)
from sqlalchemy.exc import DBAPIError
from sqlalchemy.schema import sort_tables_and_constraints
from sqlalchemy.sql import column as light_column
from sqlalchemy.sql import table as light_table

from vrus.db.engine import SQLITE_BEGIN, Database
from vrus.db.migrate import current_revision
from vrus.db.models import Base
from vrus.errors import VrusError
from vrus.texts import translate

# (rows done, rows in all): copying counts each row once, checking it once more.
Progress = Callable[[int, int], None]
# Called in the target's transaction once its tables are locked, before anything is written:
# raises to refuse the copy (``vrus.server.transfer``: only into an empty database).
BeforeCopy = Callable[[Connection, Sequence[Table]], None]

BATCH = 2000
_MODULUS = 1 << 256
# Each database's own bookkeeping: the schema version (the target has its own, from being
# migrated) and SQLite's internal tables (sqlite_sequence, sqlite_stat1).
_VERSION_TABLE = "alembic_version"
# Who has a database open now (vrus.presence), not what the register holds: never copied, and
# left alone in the target (its users' windows keep their rows there).
SESSION_TABLES = frozenset({"presence"})
# How long the target waits for another session's lock on its tables before giving up.
LOCK_TIMEOUT = "10s"


class CopyError(VrusError):
    """The copy was refused or did not check out; nothing was written to the target."""


@dataclass(frozen=True)
class TableCopy:
    """One table as copied: its rows and their checksum (equal on both sides)."""

    name: str
    rows: int
    checksum: str


@dataclass(frozen=True)
class CopyResult:
    tables: tuple[TableCopy, ...]

    @property
    def rows(self) -> int:
        return sum(table.rows for table in self.tables)


# --- What is copied ---------------------------------------------------------------------------


def _own_tables(connection: Connection) -> set[str]:
    names = set(inspect(connection).get_table_names())
    return {n for n in names if n != _VERSION_TABLE and not n.startswith("sqlite_")}


def register_tables(connection: Connection, database: str) -> list[Table]:
    """The register's tables in foreign-key order (without ``SESSION_TABLES``), after checking
    that ``connection`` has exactly the tables and columns of the models (``database`` names
    it in a refusal)."""
    known = Base.metadata.tables
    found = _own_tables(connection)
    unknown = sorted(found - known.keys())
    if unknown:
        raise CopyError(
            translate(
                "Core",
                "{database}: the table {table} is not one this VRUS knows; nothing was copied",
            ).format(database=database, table=unknown[0])
        )
    missing = sorted(known.keys() - found)
    if missing:
        raise CopyError(
            translate(
                "Core", "{database}: the table {table} is missing; nothing was copied"
            ).format(database=database, table=missing[0])
        )
    inspector = inspect(connection)
    for name, table in known.items():
        columns = {column["name"] for column in inspector.get_columns(name)}
        if columns != set(table.columns.keys()):
            raise CopyError(
                translate(
                    "Core",
                    "{database}: the table {table} has other columns than this VRUS knows; "
                    "nothing was copied",
                ).format(database=database, table=name)
            )
    return [
        table
        for table, _ in sort_tables_and_constraints(known.values())
        if table is not None and table.name not in SESSION_TABLES
    ]


def deferred_columns(tables: Sequence[Table]) -> dict[str, list[Column[Any]]]:
    """Per table, the foreign-key columns written after every row is in: those pointing into
    their own table, and those round a cycle of tables (which no order of tables satisfies)."""
    cyclic = {
        fkc
        for table, constraints in sort_tables_and_constraints(tables)
        if table is None
        for fkc in constraints
    }
    deferred: dict[str, list[Column[Any]]] = {}
    for table in tables:
        for fkc in table.foreign_key_constraints:
            if fkc.referred_table is table or fkc in cyclic:
                deferred.setdefault(table.name, []).extend(fkc.columns)
    for name, columns in deferred.items():
        for column in columns:
            if not column.nullable:  # would need deferrable constraints; none in the schema
                raise CopyError(f"{name}.{column.name} cannot be copied (a required cycle)")
    return deferred


# --- Checksums --------------------------------------------------------------------------------


def _utc_naive(value: dt.datetime) -> dt.datetime:
    # Stored timestamps are UTC without a zone; a server's column may hand one back with it.
    if value.tzinfo is None:
        return value
    return value.astimezone(dt.UTC).replace(tzinfo=None)


def _plain_time(value: dt.time) -> dt.time:
    return value.replace(tzinfo=None)


def _number(value: float | decimal.Decimal) -> str:
    # 1.5 as float from SQLite, Decimal("1.50") from a NUMERIC column: the same number.
    return str(decimal.Decimal(str(value)).normalize())


def _hex(value: bytes | memoryview) -> str:
    return bytes(value).hex()


def _normaliser(column: Column[Any]) -> Callable[[Any], Any] | None:
    """How a column's values are made alike on both sides; None: as read (integers, text,
    booleans and dates come back as the same Python values from both databases)."""
    kind = column.type
    if isinstance(kind, DateTime):
        return _utc_naive
    if isinstance(kind, Time):
        return _plain_time
    if isinstance(kind, Numeric):  # Float is a Numeric
        return _number
    if isinstance(kind, LargeBinary):
        return _hex
    return None


class Checksum:
    """The checksum of a table's rows, added up row by row in any order."""

    def __init__(self, table: Table) -> None:
        self.rows = 0
        self._sum = 0
        self._normalisers = [
            (index, normaliser)
            for index, column in enumerate(table.columns)
            if (normaliser := _normaliser(column)) is not None
        ]

    def add(self, row: Sequence[object]) -> None:
        values = tuple(row)
        if self._normalisers:
            changed = list(values)
            for index, normaliser in self._normalisers:
                if changed[index] is not None:
                    changed[index] = normaliser(changed[index])
            values = tuple(changed)
        # The repr of a tuple of these values is unambiguous (strings are quoted and escaped,
        # None is not "None").
        data = repr(values).encode("utf-8")
        self._sum = (self._sum + int.from_bytes(hashlib.sha256(data).digest(), "big")) % _MODULUS
        self.rows += 1

    @property
    def hexdigest(self) -> str:
        return f"{self._sum:064x}"


def _rows(connection: Connection, table: Table) -> Iterator[Sequence[Any]]:
    """The table's rows in batches, by primary key, in the column order of the metadata."""
    # yield_per on the statement: on the connection it would stay for every later statement.
    statement = select(table).order_by(*table.primary_key.columns)
    result = connection.execute(statement.execution_options(yield_per=BATCH))
    yield from result.partitions()


def checksum_of(
    connection: Connection, table: Table, on_batch: Callable[[int], None] | None = None
) -> Checksum:
    """Read the table's rows back and add them up (the target's side of the check)."""
    checksum = Checksum(table)
    for batch in _rows(connection, table):
        for row in batch:
            checksum.add(row)
        if on_batch is not None:
            on_batch(len(batch))
    return checksum


# --- Reading and writing ----------------------------------------------------------------------


def _sqlite(db: Database) -> bool:
    return db.engine.dialect.name == "sqlite"


@contextmanager
def reading(db: Database, *, lock: bool = False) -> Iterator[Connection]:
    """One transaction to read the whole source in: one consistent state of it. ``lock`` (a
    SQLite register being moved) also takes the write lock, so nobody saves into the file
    while its rows move."""
    with db.engine.connect() as connection:
        if _sqlite(db):
            connection.exec_driver_sql("BEGIN IMMEDIATE" if lock else "BEGIN")
        else:
            connection = connection.execution_options(isolation_level="REPEATABLE READ")
            connection.begin()
            connection.exec_driver_sql("SET TRANSACTION READ ONLY")
        try:
            yield connection
        finally:
            connection.rollback()


@contextmanager
def writing(db: Database) -> Iterator[Connection]:
    """One transaction on the target, committed when the block ends without error."""
    engine = db.engine.execution_options(**{SQLITE_BEGIN: "IMMEDIATE"}) if _sqlite(db) else None
    with (engine or db.engine).begin() as connection:
        yield connection


class _TargetSide:
    """What each kind of target database needs around the copy."""

    def __init__(self, connection: Connection, tables: Sequence[Table]) -> None:
        self.connection = connection
        self.tables = tables
        self._triggers: list[tuple[str, str]] = []

    def _quote(self, table: Table) -> str:
        return self.connection.dialect.identifier_preparer.format_table(table)

    def lock(self) -> None:
        """Hold the tables (no other session reads half a copy) and switch their triggers off."""
        if self.connection.dialect.name == "postgresql":
            self.connection.exec_driver_sql(f"SET LOCAL lock_timeout = '{LOCK_TIMEOUT}'")
            for table in self.tables:
                # Takes the table's exclusive lock to the end of the transaction too; undone
                # with everything else if the copy is rolled back.
                self.connection.exec_driver_sql(
                    f"ALTER TABLE {self._quote(table)} DISABLE TRIGGER USER"
                )
            return
        # SQLite cannot switch a trigger off: they are dropped in this transaction and made
        # again, with their very text (the integrity check knows VRUS's triggers by it).
        self._triggers = [
            (str(name), str(sql))
            for name, sql in self.connection.exec_driver_sql(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
            )
        ]
        for name, _sql in self._triggers:
            self.connection.exec_driver_sql(f'DROP TRIGGER "{name}"')

    def clear(self) -> None:
        """Remove every row the target has (a set-up database's reference data)."""
        if self.connection.dialect.name == "postgresql":
            names = ", ".join(self._quote(table) for table in self.tables)
            self.connection.exec_driver_sql(f"TRUNCATE {names}")
            return
        for table in reversed(self.tables):
            self.connection.execute(table.delete())

    def finish(self) -> None:
        """Triggers back on; sequences continue after the highest id copied."""
        if self.connection.dialect.name != "postgresql":
            for _name, sql in self._triggers:
                self.connection.exec_driver_sql(sql)
            return
        for table in self.tables:
            self.connection.exec_driver_sql(f"ALTER TABLE {self._quote(table)} ENABLE TRIGGER USER")
            for column in table.primary_key.columns:
                sequence = self.connection.scalar(
                    select(func.pg_get_serial_sequence(table.name, column.name))
                )
                if sequence is None:
                    continue
                highest = self.connection.scalar(select(func.max(column)))
                # is_called false: the next id handed out is exactly highest + 1 (1 if empty).
                self.connection.execute(select(func.setval(sequence, (highest or 0) + 1, False)))


class _Counter:
    def __init__(self, total: int, progress: Progress | None) -> None:
        self.done = 0
        self.total = total
        self.progress = progress

    def add(self, rows: int) -> None:
        self.done += rows
        if self.progress is not None:
            self.progress(self.done, self.total)


Writer = Callable[[list[tuple[Any, ...]]], None]


@contextmanager
def _writer(write: Connection, table: Table) -> Iterator[Writer]:
    """What puts a batch of rows (tuples in the metadata's column order) into the table: one
    COPY per table on PostgreSQL (an INSERT per row is ten times slower over the network),
    an INSERT of many rows elsewhere. Refusals name the table."""
    if write.dialect.name != "postgresql":
        names = list(table.columns.keys())
        statement = table.insert()

        def insert(rows: list[tuple[Any, ...]]) -> None:
            try:
                write.execute(statement, [dict(zip(names, row, strict=True)) for row in rows])
            except DBAPIError as error:
                raise _refused_row(table.name, error.orig or error) from None

        yield insert
        return
    dialect = write.dialect
    preparer = dialect.identifier_preparer
    columns = ", ".join(preparer.quote(column.name) for column in table.columns)
    processors = [
        (index, processor)
        for index, column in enumerate(table.columns)
        if (processor := column.type.dialect_impl(dialect).bind_processor(dialect)) is not None
    ]
    raw = write.connection.driver_connection
    assert raw is not None  # a connection in a transaction has its driver's
    driver_error = dialect.loaded_dbapi.Error
    try:
        with (
            raw.cursor() as cursor,
            cursor.copy(f"COPY {preparer.format_table(table)} ({columns}) FROM STDIN") as copy,
        ):

            def put(rows: list[tuple[Any, ...]]) -> None:
                for row in rows:
                    if processors:
                        values = list(row)
                        for index, processor in processors:
                            values[index] = processor(values[index])
                        row = tuple(values)
                    copy.write_row(row)

            yield put
    except driver_error as error:
        raise _refused_row(table.name, error) from None


def _copy_table(
    read: Connection,
    write: Connection,
    table: Table,
    deferred: list[Column[Any]],
    later: list[tuple[Table, list[Column[Any]], list[dict[str, Any]]]],
    counter: _Counter,
) -> Checksum:
    checksum = Checksum(table)
    names = list(table.columns.keys())
    keys = [names.index(column.name) for column in table.primary_key.columns]
    held = [names.index(column.name) for column in deferred]
    fill_in: list[dict[str, Any]] = []
    with _writer(write, table) as put:
        for batch in _rows(read, table):
            rows = []
            for row in batch:
                checksum.add(row)
                if held and any(row[index] is not None for index in held):
                    fill_in.append({names[i]: row[i] for i in (*keys, *held)})
                    values = list(row)
                    for index in held:
                        values[index] = None
                    row = tuple(values)
                rows.append(tuple(row))
            put(rows)
            counter.add(len(batch))
    if fill_in:
        later.append((table, deferred, fill_in))
    return checksum


def _fill_in(
    write: Connection, table: Table, deferred: list[Column[Any]], rows: list[dict]
) -> None:
    """The deferred foreign keys, once every row they may point to is there. A bare table
    clause: the models' ``onupdate`` defaults must not touch the copied rows."""
    keys = [column.name for column in table.primary_key.columns]
    target = light_table(
        table.name, *(light_column(name) for name in (*keys, *(c.name for c in deferred)))
    )
    statement = (
        update(target)
        .where(*(target.c[name] == bindparam(f"k_{name}") for name in keys))
        .values({column.name: bindparam(f"v_{column.name}") for column in deferred})
    )
    parameters = [
        {**{f"k_{n}": row[n] for n in keys}, **{f"v_{c.name}": row[c.name] for c in deferred}}
        for row in rows
    ]
    try:
        write.execute(statement, parameters)
    except DBAPIError as error:
        raise _refused_row(table.name, error.orig or error) from None


def _refused_row(table: str, error: BaseException) -> CopyError:
    # The driver's first line names the constraint or the type (a name too long for its
    # column, which SQLite never checked); the values stay out of it (a COPY's context line,
    # which may quote a row, is the second line).
    reason = (str(error).strip().splitlines() or [type(error).__name__])[0]
    return CopyError(
        translate(
            "Core", "the rows of {table} could not be copied ({reason}); nothing was copied"
        ).format(table=table, reason=reason)
    )


def _mismatch(table: str) -> CopyError:
    return CopyError(
        translate(
            "Core",
            "the copy of {table} does not match the register (row count or checksum); "
            "nothing was copied",
        ).format(table=table)
    )


def copy_register(
    source: Database,
    target: Database,
    *,
    lock_source: bool = False,
    before_copy: BeforeCopy | None = None,
    progress: Progress | None = None,
) -> CopyResult:
    """Copy every row of ``source`` into ``target``, replacing what the target held, in one
    transaction on the target that is committed only when every table checks out.

    Both must be at the same schema version. Raises ``CopyError`` (the target unchanged).
    """
    with reading(source, lock=lock_source) as read:
        tables = register_tables(read, source.display_name)
        source_revision = current_revision(read)
        with writing(target) as write:
            register_tables(write, target.display_name)
            target_revision = current_revision(write)
            if source_revision != target_revision:
                raise CopyError(
                    translate(
                        "Core",
                        "the register has schema {source} and {database} schema {target}; "
                        "nothing was copied",
                    ).format(
                        source=source_revision or "-",
                        database=target.display_name,
                        target=target_revision or "-",
                    )
                )
            side = _TargetSide(write, tables)
            side.lock()
            if before_copy is not None:
                before_copy(write, tables)
            side.clear()
            sizes = {t.name: read.scalar(select(func.count()).select_from(t)) or 0 for t in tables}
            counter = _Counter(2 * sum(sizes.values()), progress)
            deferred = deferred_columns(tables)
            later: list[tuple[Table, list[Column[Any]], list[dict[str, Any]]]] = []
            copied = {
                table.name: _copy_table(
                    read, write, table, deferred.get(table.name, []), later, counter
                )
                for table in tables
            }
            for table, columns, rows in later:
                _fill_in(write, table, columns, rows)
            result = []
            for table in tables:
                mine = copied[table.name]
                theirs = checksum_of(write, table, counter.add)
                if (mine.rows, mine.hexdigest) != (theirs.rows, theirs.hexdigest):
                    raise _mismatch(table.name)
                result.append(TableCopy(table.name, mine.rows, mine.hexdigest))
            side.finish()
    return CopyResult(tuple(result))
