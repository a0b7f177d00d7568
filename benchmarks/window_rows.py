"""The window's rows, with the real widgets offscreen, in a process of its own per register:
the minimum size, a keystroke in the member search, sorting by each column, refresh after a
change, and the floor, a plain sqlite3 query over the same file.

The runner starts it; by hand (prints one JSON line after RESULT_MARKER):

    python -m benchmarks.window_rows FILE --repeat 5 --rows min-size,search,sort,refresh

Each action is timed from just before it until the members model announces its new rows
(modelReset, layoutChanged, rowsInserted, rowsRemoved) - after the call if the model answers
at once, later if it answers from a worker thread - or, for refresh, until the page says the
listing is in the table (its ``filled`` signal).
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, Qt, QThreadPool, SignalInstance  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from benchmarks.environment import RESULT_MARKER  # noqa: E402
from vrus.db.engine import sqlite_url  # noqa: E402
from vrus.opening import open_database  # noqa: E402
from vrus.persons import update_person  # noqa: E402
from vrus.ui.app import create_main_window  # noqa: E402
from vrus.ui.common.core_actions import CoreActions  # noqa: E402
from vrus.ui.common.options import Settings  # noqa: E402

# Typed and erased again, as a coordinator looks people up: names with ø, å, Nguyễn.
TYPING = [*"nguyen", *["BACK"] * 6, *"øystein", *["BACK"] * 7, *"åse berg"]
# A person renamed to each in turn: from the top of the list to its end and back.
NEW_NAMES = ("Aaberg", "Østby")
FLOOR_QUERY = "SELECT id FROM persons ORDER BY id"


class Updates:
    """The moment the first of some signals came after ``arm``."""

    def __init__(self, *signals: SignalInstance) -> None:
        self.at: float | None = None
        self._armed = False
        for signal in signals:
            signal.connect(self._seen)

    def arm(self) -> None:
        self.at, self._armed = None, True

    def _seen(self, *_args: object) -> None:
        if self._armed and self.at is None:
            self.at = time.perf_counter()

    def wait(self, app: QApplication, started: float, timeout: float) -> float | None:
        """Seconds from ``started`` to the signal; None if it did not come in ``timeout``."""
        while self.at is None and time.perf_counter() - started < timeout:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
            if self.at is None:
                time.sleep(0.0002)
        self._armed = False
        return None if self.at is None else self.at - started


def settle(app: QApplication) -> None:
    """Whatever the last action left queued (repaints, a worker's answer) is done first."""
    app.processEvents()
    QThreadPool.globalInstance().waitForDone(60_000)
    app.processEvents()


class Sampler:
    def __init__(self, app: QApplication, timeout: float) -> None:
        self.app, self.timeout = app, timeout

    def __call__(self, updates: Updates, action: Callable[[], object]) -> float | None:
        settle(self.app)
        updates.arm()
        started = time.perf_counter()
        action()
        return updates.wait(self.app, started, self.timeout)


def series(
    sampler: Sampler, updates: Updates, actions: list[Callable[[], object]], what: str
) -> dict[str, Any]:
    """Each action timed; the first that brings no update ends the series (it would only
    wait the timeout again)."""
    samples: list[float] = []
    for action in actions:
        seconds = sampler(updates, action)
        if seconds is None:
            return {
                "samples": samples,
                "problem": f"no update within {sampler.timeout:g} s after {what}",
            }
        samples.append(seconds)
    return {"samples": samples, "problem": None}


def floor_samples(path: Path, count: int) -> list[float]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        samples = []
        for _ in range(count):
            started = time.perf_counter()
            connection.execute(FLOOR_QUERY).fetchall()
            samples.append(time.perf_counter() - started)
        return samples
    finally:
        connection.close()


def guarded(measure: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """A failure in one row is that row's problem, not the end of the others."""
    try:
        return measure()
    except Exception as error:  # a benchmark reports, it does not stop
        return {"samples": [], "problem": f"{type(error).__name__}: {error}"[:200]}


def measure(path: Path, rows: set[str], repeat: int, timeout: float) -> dict[str, Any]:
    app = QApplication.instance() or QApplication(sys.argv)
    folder = Path(tempfile.mkdtemp(prefix="vrus-window-"))
    db = open_database(sqlite_url(path))
    window = create_main_window(db, Settings.from_file(folder / "vrus.ini"), CoreActions())
    result: dict[str, Any] = {"floor": []}
    try:
        page = window.members_page
        model, table = page.model, page.table
        window.show_section("members")
        window.show()
        listed = Updates(model.modelReset, model.layoutChanged, model.rowsInserted)
        listed.arm()
        started = time.perf_counter()
        if not model.rowCount() and listed.wait(app, started, timeout) is None:
            result["listed"] = f"no members listed within {timeout:g} s"
        settle(app)
        sampler = Sampler(app, timeout)
        changes = Updates(
            model.modelReset, model.layoutChanged, model.rowsInserted, model.rowsRemoved
        )

        if "min-size" in rows:
            hint, minimum = window.minimumSizeHint(), window.minimumSize()
            result["min-size"] = (
                f"{hint.width()}x{hint.height()} (hint), {minimum.width()}x{minimum.height()} (set)"
            )

        if "search" in rows:
            search = page.filters.search
            search.setFocus()

            def press(key: str) -> None:
                if key == "BACK":
                    QTest.keyClick(search, Qt.Key.Key_Backspace)
                else:
                    QTest.keyClicks(search, key)

            def typing() -> dict[str, Any]:
                found: dict[str, Any] = {"samples": [], "problem": None}
                for _ in range(repeat):
                    result["floor"] += floor_samples(path, 1)
                    run = series(sampler, changes, [lambda k=k: press(k) for k in TYPING], "a key")
                    found["samples"] += run["samples"]
                    sampler(changes, search.clear)  # back to everyone; not a keystroke
                    if run["problem"]:
                        found["problem"] = run["problem"]
                        break
                return found

            result["search"] = guarded(typing)

        if "sort" in rows:
            header = table.horizontalHeader()
            result["sort"] = []
            for column in range(model.columnCount()):
                title = str(model.headerData(column, Qt.Orientation.Horizontal))

                def sort(column: int = column) -> None:
                    order = Qt.SortOrder.AscendingOrder
                    if header.sortIndicatorSection() == column:
                        order = (
                            Qt.SortOrder.DescendingOrder
                            if header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
                            else Qt.SortOrder.AscendingOrder
                        )
                    header.setSortIndicator(column, order)

                result["floor"] += floor_samples(path, 1)
                found = guarded(
                    lambda sort=sort: series(sampler, changes, [sort] * repeat, "a sort")
                )
                result["sort"].append({"column": title.lower(), **found})
            header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)

        if "refresh" in rows:
            filled = getattr(page, "filled", None)
            done = (
                Updates(filled)
                if filled is not None
                else Updates(
                    model.modelReset, model.layoutChanged, model.dataChanged, model.rowsInserted
                )
            )

            def refreshing() -> dict[str, Any]:
                person = model.person_id(0)
                samples = []
                for run in range(repeat):
                    result["floor"] += floor_samples(path, 1)
                    update_person(db, person, {"last_name": NEW_NAMES[run % len(NEW_NAMES)]})
                    seconds = sampler(done, page.refresh)
                    if seconds is None:
                        return {
                            "samples": samples,
                            "problem": f"refresh not done within {timeout:g} s",
                        }
                    samples.append(seconds)
                return {"samples": samples, "problem": None}

            result["refresh"] = guarded(refreshing)
        result["floor"] += floor_samples(path, max(repeat, 5))
    finally:
        QThreadPool.globalInstance().waitForDone(60_000)
        window.close()
        db.close()
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.window_rows")
    parser.add_argument("register", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--rows", default="min-size,search,sort,refresh")
    parser.add_argument("--timeout", type=float, default=60)
    args = parser.parse_args(argv)
    result = measure(args.register, set(args.rows.split(",")), args.repeat, args.timeout)
    print(RESULT_MARKER + json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
