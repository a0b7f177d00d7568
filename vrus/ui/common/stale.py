"""When a view reads the register again: one rule for every page and panel that need not
read while it is hidden (the Events, Lunch and Reports pages, the age-limit panel).

As Anki's screens mark themselves stale from what an operation changed instead of each
writing its own refresh rule: on a change announced on ``RegisterChanges`` a view on screen
refreshes at once; a hidden one only notes that it is stale, and refreshes once when it is
next shown, however many changes came meanwhile. So the change every click in the Events
grid announces costs such a page nothing while it is hidden.

A page keeps one and gives it the method that reads what it shows::

    self.freshness = RefreshWhenShown(self, self.refresh, changes)

``stale=True`` is for a view that reads nothing until it is first shown. A view inside a tab
or a stack counts as hidden while another tab or page is in front of it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from vrus.ui.common.changes import RegisterChanges


class RefreshWhenShown(QObject):
    """Calls ``refresh`` on a change while ``view`` is visible, else when it is next shown."""

    def __init__(
        self,
        view: QWidget,
        refresh: Callable[[], object],
        changes: RegisterChanges | None = None,
        *,
        stale: bool = False,
    ) -> None:
        super().__init__(view)  # goes with the view, and so do its connections
        self._view = view
        self._refresh = refresh
        self._stale = stale
        view.installEventFilter(self)
        if changes is not None:
            changes.changed.connect(self.register_changed)
            # One person's own details (a birth date, a diet, a municipality) change what
            # these views count too, though the lists keep their rows.
            changes.personChanged.connect(self._person_changed)

    @property
    def stale(self) -> bool:
        """A change came while the view was hidden, or it has not been shown yet."""
        return self._stale

    def register_changed(self) -> None:
        """What the view shows may be out of date."""
        if self._view.isVisible():
            self.refresh_now()
        else:
            self._stale = True

    def _person_changed(self, _person_id: int) -> None:
        self.register_changed()

    def refresh_now(self) -> None:
        self._stale = False
        self._refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        # Qt marks the view visible before it sends the Show event, so the view reads the
        # register as a visible view and, for a report, starts building at once.
        if watched is self._view and event.type() == QEvent.Type.Show and self._stale:
            self.refresh_now()
        return False
