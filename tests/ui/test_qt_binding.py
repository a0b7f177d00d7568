"""Guards against known defects of the Qt binding that would crash the window in use."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_void_calls_keep_none_alive(qtbot) -> None:
    # PySide6 6.12.0 decremented None's reference count on every call that returns nothing;
    # a coordinator's session makes thousands of such calls and Python then aborts.
    label = QLabel("VRUS")
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(500):
        label.update()
        label.setText("Åse")
    assert sys.getrefcount(None) >= before - 50
