"""The floor of the start-up rows: a bare PySide6 window with a table, nothing of VRUS.

Started by the runner exactly as VRUS is (same Python, same environment, offscreen), it
speaks the same start-up probe: with ``VRUS_STARTUP_PROBE=FILE`` it appends to FILE

    first_paint <time.time()>      when the window gets its first Paint event
    members_filled <time.time()>   the same moment: its table is filled before it shows
    max_rss_kb <peak resident memory of the process, KiB>

and quits with exit code 0. The table is a ``QTableView`` over a small ``QStandardItemModel``
in a ``QMainWindow`` of VRUS's default size; only what that needs is imported.

    VRUS_STARTUP_PROBE=/tmp/probe QT_QPA_PLATFORM=offscreen python benchmarks/bare_window.py
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

PROBE = "VRUS_STARTUP_PROBE"
ROWS, COLUMNS = 20, 11  # about what the Members table shows on screen
SIZE = (1100, 720)  # VRUS's default window size (vrus.ui.main_window.DEFAULT_SIZE)


def peak_memory_kb() -> int:
    """The process's peak resident set (Linux reports KiB; 0 where ``resource`` is absent)."""
    try:
        import resource
    except ImportError:  # Windows
        return 0
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def note(line: str) -> None:
    path = os.environ.get(PROBE)
    if path:
        with open(path, "a", encoding="ascii") as probe:
            probe.write(line + "\n")


class FirstPaint(QObject):
    """Notes the window's first Paint event, then quits the application."""

    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self._app = app
        self._seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and not self._seen:
            self._seen = True
            now = time.time()
            note(f"first_paint {now!r}")
            note(f"members_filled {now!r}")
            QTimer.singleShot(0, self._finish)
        return False

    def _finish(self) -> None:
        note(f"max_rss_kb {peak_memory_kb()}")
        self._app.quit()


def table_model() -> QStandardItemModel:
    model = QStandardItemModel(ROWS, COLUMNS)
    model.setHorizontalHeaderLabels([f"Column {c + 1}" for c in range(COLUMNS)])
    for row in range(ROWS):
        for column in range(COLUMNS):
            model.setItem(row, column, QStandardItem(f"Cell {row + 1}.{column + 1}"))
    return model


def main() -> int:
    app = QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("Bare window")
    model = table_model()
    table = QTableView()
    table.setModel(model)
    window.setCentralWidget(table)
    window.resize(*SIZE)
    watcher = FirstPaint(app)
    window.installEventFilter(watcher)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
