"""The one clock of VRUS: every "today" and "now" in the core comes from here.

The rules, so that a date means the same everywhere:

- **today** is the calendar date on the computer's clock, in the computer's local time zone:
  the day the coordinator sees in the corner of her screen. Ages, seasons, age flags, the
  daily backup and "printed on" count from it.
- **Stored timestamps** (``created_at``, ``updated_at``, ``archived_at`` ...) are **UTC**,
  written without a zone (SQLite has none; PostgreSQL's ``timestamp without time zone`` the
  same). ``utc_now()`` makes them; ``local_date()`` turns one into the local day for showing.
- **File names** that carry a time (backups, the copies before a migration or a restore) are
  read by people, so they use the local wall clock (``local_now()``); VRUS compares them only
  with each other and with ``today()``, which is local too.

Functions that depend on the date take ``today``/``now`` parameters (default: this clock), so
the window can pin one day for a whole session and tests can pass any day. Tests freeze this
clock (and Python's) with time-machine in ``tests/conftest.py``.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable

Today = Callable[[], dt.date]  # a source of "today", injected where a caller may pin the day


def today() -> dt.date:
    """The local calendar date."""
    return dt.date.today()


def local_now() -> dt.datetime:
    """The local wall-clock time to the second, without a zone (for names people read)."""
    return dt.datetime.now().replace(microsecond=0)


def utc_now() -> dt.datetime:
    """The time to store: UTC to the second, without a zone."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


def epoch_seconds() -> float:
    """Seconds since 1970, to the microsecond (``time.time()``): for measuring, never stored
    (the start-up probe, ``vrus.ui.startup_probe``)."""
    return time.time()


def local_date(stored: dt.datetime) -> dt.date:
    """The local calendar day of a stored (UTC) timestamp."""
    return stored.replace(tzinfo=dt.UTC).astimezone().date()


def or_today(day: dt.date | None) -> dt.date:
    """``day`` if the caller pinned one, else today: the common default of core functions."""
    return day if day is not None else today()
