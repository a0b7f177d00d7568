"""Signals that say "the register's content changed".

Whatever changes the register (loading the demo, an import, an edit) announces it here once;
each view re-reads what it shows. No view reaches into another to refresh it.

``changed`` means anything may have changed: lists are queried again. ``personChanged`` is
for an edit of one person's own details (a field, a guardian): lists redraw that person's
row but keep their order and selection, so the row being edited does not jump away.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class RegisterChanges(QObject):
    changed = Signal()
    personChanged = Signal(int)  # noqa: N815 - Qt's naming for signals
