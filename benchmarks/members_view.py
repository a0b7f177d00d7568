"""How the Members view answers at 10 000 persons: keystrokes, scrolling, sorting.

Not a test: run it by hand after changing the member list, the model or the view, and
compare with the figures in the issue's closing note.

    python benchmarks/members_view.py            # 10 000 persons
    python benchmarks/members_view.py 2000       # another size

It fills a temporary database with ``vrus demo --members N`` (the command, as a user would),
opens the main window offscreen on the Members page and measures, with the real widgets:

- a keystroke in the search field until the model holds the new rows (the target is one
  frame, 16 ms), and until the table has repainted them;
- scrolling a page down through the table (rows are fetched in blocks when drawn);
- sorting by each column (a header click: a new ORDER BY in SQL);
- a full refresh (what every change to the register costs), and opening the editor.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint, QSize, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from vrus.db.engine import sqlite_url  # noqa: E402
from vrus.opening import open_database  # noqa: E402
from vrus.ui.app import create_main_window  # noqa: E402
from vrus.ui.common.core_actions import CoreActions  # noqa: E402
from vrus.ui.common.options import Settings  # noqa: E402
from vrus.ui.members.members_model import HEADERS  # noqa: E402

# Typed and erased again, as a coordinator looks people up: names with ø, å, Nguyễn.
TYPING = [
    "n",
    "g",
    "u",
    "y",
    "e",
    "n",
    "BACK",
    "BACK",
    "BACK",
    "BACK",
    "BACK",
    "BACK",
    "ø",
    "y",
    "s",
    "t",
    "e",
    "i",
    "n",
    "BACK",
    "BACK",
    "BACK",
    "BACK",
    "BACK",
    "BACK",
    "BACK",
    "å",
    "s",
    "e",
    " ",
    "b",
    "e",
    "r",
    "g",
]


def ms(seconds: float) -> float:
    return seconds * 1000


def summary(label: str, samples: list[float]) -> None:
    print(
        f"  {label:<46} median {statistics.median(samples):7.1f} ms   "
        f"max {max(samples):7.1f} ms   (n={len(samples)})"
    )


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return ms(time.perf_counter() - started)


def make_register(folder: Path, members: int) -> Path:
    path = folder / "members.sqlite3"
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "vrus", "--db", str(path), "demo", "--members", str(members)],
        check=True,
        capture_output=True,
        text=True,
    )
    print(f"vrus demo --members {members}: {time.perf_counter() - started:.1f} s")
    return path


def measure(path: Path, folder: Path) -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    db = open_database(sqlite_url(path))
    window = create_main_window(db, Settings.from_file(folder / "vrus.ini"), CoreActions())
    window.resize(QSize(1280, 800))
    window.show_section("members")
    window.show()
    app.processEvents()
    page = window.members_page
    table, model, search = page.table, page.model, page.filters.search
    viewport = table.viewport()
    print(f"{model.rowCount()} persons listed; window {window.width()}x{window.height()}")

    search.setFocus()
    model_only, painted = [], []
    for key in TYPING:

        def press(key: str = key) -> None:
            if key == "BACK":
                QTest.keyClick(search, Qt.Key.Key_Backspace)
            else:
                QTest.keyClicks(search, key)

        model_only.append(timed(press))
        painted.append(model_only[-1] + timed(viewport.repaint))
    print("Search as you type:")
    summary("keystroke -> model updated", model_only)
    summary("keystroke -> model updated and repainted", painted)
    search.clear()

    scroll = table.verticalScrollBar()
    scroll.setValue(0)
    app.processEvents()
    pages = []
    step = max(scroll.pageStep(), 1)
    for value in range(step, min(scroll.maximum(), step * 60), step):

        def down(value: int = value) -> None:
            scroll.setValue(value)
            viewport.repaint()

        pages.append(timed(down))
    jumps = [
        timed(lambda v=v: (scroll.setValue(v), viewport.repaint()))
        for v in (scroll.maximum(), scroll.maximum() // 2, 0)
    ]
    print("Scrolling:")
    summary("one page down, repainted", pages)
    summary("jump to end / middle / top, repainted", jumps)

    header = table.horizontalHeader()
    print("Sorting (header click, ascending then descending, repainted):")
    for column in range(model.columnCount()):
        samples = []
        for _ in range(2):
            pos = QPoint(header.sectionViewportPosition(column) + 4, header.height() // 2)
            samples.append(
                timed(
                    lambda pos=pos: (
                        QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=pos),
                        viewport.repaint(),
                    )
                )
            )
        summary(f"by {HEADERS[column].lower()}", samples)
    QTest.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(header.sectionViewportPosition(0) + 4, header.height() // 2),
    )

    refresh = [timed(lambda: (window.changes.changed.emit(), viewport.repaint())) for _ in range(5)]
    opened = [
        timed(lambda row=row: page.open_person(model.person_id(row)))
        for row in (0, 10, 100, 1000, 5000)
    ]
    print("Other:")
    summary("refresh after a change (queried again)", refresh)
    summary("open a person in the editor", opened)
    window.close()
    db.close()


def main(argv: list[str]) -> None:
    members = int(argv[0]) if argv else 10_000
    with tempfile.TemporaryDirectory() as folder:
        path = make_register(Path(folder), members)
        measure(path, Path(folder))


if __name__ == "__main__":
    main(sys.argv[1:])
