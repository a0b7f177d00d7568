"""One signal that says "the register's content changed".

Whatever changes the register (loading the demo, an import) announces it here once; each view
re-reads what it shows. No view reaches into another to refresh it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class RegisterChanges(QObject):
    changed = Signal()
