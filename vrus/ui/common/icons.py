"""The window's icons: SVG files in ``resources/icons``, drawn for VRUS."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from vrus.paths import resource

ICON_NAMES = ("app", "members", "events", "lunch", "reports", "settings")


def icon(name: str) -> QIcon:
    path = resource("icons", f"{name}.svg")
    if not path.is_file():
        # A missing icon is a packaging bug; fail loudly rather than show blank buttons.
        raise FileNotFoundError(f"icon {name!r} is missing from {path.parent}")
    return QIcon(str(path))
