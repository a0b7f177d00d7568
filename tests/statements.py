"""Counting the SQL statements a piece of work sends to the database.

How a test says "no query per person, per event or per page" without timing anything: the
count stays the same when the register grows, whatever the machine's speed."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine


@contextmanager
def counted_statements() -> Iterator[list[str]]:
    """The statements every engine executes inside the block, in order."""
    statements: list[str] = []

    def note(*args: Any) -> None:  # (connection, cursor, statement, parameters, ...)
        statements.append(args[2])

    event.listen(Engine, "before_cursor_execute", note)
    try:
        yield statements
    finally:
        event.remove(Engine, "before_cursor_execute", note)
