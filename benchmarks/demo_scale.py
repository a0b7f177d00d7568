"""How long ``vrus demo`` takes at scale: the default register and synthetic ones.

Not a test: run it by hand after changing the demo or the schema, and compare.

    python benchmarks/demo_scale.py            # default, 300, 2000, 5000, 10000
    python benchmarks/demo_scale.py 50000      # any sizes

Each size gets a fresh, migrated SQLite file in a temporary folder; only ``load_demo`` is
timed (migrating a new file is the same for every size).
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

from vrus.db.engine import sqlite_url
from vrus.demo import load_demo
from vrus.opening import open_database

SIZES: tuple[int | None, ...] = (None, 300, 2000, 5000, 10000)
TODAY = dt.date(2026, 11, 26)  # fixed, so runs compare like with like


def measure(members: int | None, folder: Path) -> None:
    path = folder / f"demo-{members or 'default'}.sqlite3"
    db = open_database(sqlite_url(path))
    try:
        started = time.perf_counter()
        summary = load_demo(db, members=members, today=TODAY)
        seconds = time.perf_counter() - started
    finally:
        db.close()
    rows = summary.persons + summary.guardians + summary.signups + summary.attendance
    size_mb = sum(p.stat().st_size for p in folder.glob(f"{path.name}*")) / 1e6
    print(
        f"{members or 'default':>8}  {seconds:7.2f} s  {summary.persons:7d} persons  "
        f"{summary.signups:8d} sign-ups  {summary.attendance:8d} attendance  "
        f"{rows / seconds:9.0f} rows/s  {size_mb:6.1f} MB"
    )


def main(argv: list[str]) -> None:
    sizes = [int(arg) for arg in argv] if argv else SIZES
    print(f"{'members':>8}  {'time':>9}  (load_demo only, today = {TODAY:%d.%m.%Y})")
    with tempfile.TemporaryDirectory() as folder:
        for members in sizes:
            measure(members, Path(folder))


if __name__ == "__main__":
    main(sys.argv[1:])
