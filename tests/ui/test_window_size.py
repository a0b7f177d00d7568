"""The window's size never depends on the data: a register of many persons (with many diet
notes on a seminar day, which once made the Lunch page 2 000 px tall) asks for the same
minimum size as the demo season, on every page."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from vrus.db.engine import sqlite_url
from vrus.demo import load_demo
from vrus.opening import open_database
from vrus.ui.app import create_main_window
from vrus.ui.common.core_actions import CoreActions
from vrus.ui.common.options import Settings
from vrus.ui.main_window import SECTION_KEYS

TODAY = dt.date(2026, 11, 26)


def minimum_sizes(qtbot, tmp_path: Path, members: int | None) -> list[QSize]:
    path = tmp_path / f"register-{members}.sqlite3"
    db = open_database(sqlite_url(path))
    try:
        load_demo(db, members=members, today=TODAY)
        window = create_main_window(
            db, Settings.from_file(tmp_path / f"{members}.ini"), CoreActions(), today=lambda: TODAY
        )
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        sizes = []
        for key in SECTION_KEYS:  # each page is built when first shown
            window.show_section(key)
            QApplication.sendPostedEvents()  # the layout requests of the page just built
            window.layout().activate()
            sizes.append(window.minimumSizeHint())
        window.close()
        return sizes
    finally:
        db.close()


def test_the_minimum_size_is_the_same_for_78_and_1500_persons(qtbot, tmp_path: Path) -> None:
    small = minimum_sizes(qtbot, tmp_path, None)
    large = minimum_sizes(qtbot, tmp_path, 1500)
    assert large == small
    # And it fits a small laptop screen.
    assert all(size.height() <= 700 and size.width() <= 1280 for size in large)
