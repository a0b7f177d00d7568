"""The one refresh rule: a view on screen refreshes on a change, a hidden one when shown."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QWidget

from vrus.ui.common.changes import RegisterChanges
from vrus.ui.common.stale import RefreshWhenShown


class View(QWidget):
    def __init__(self, changes: RegisterChanges, *, stale: bool = False) -> None:
        super().__init__()
        self.refreshes = 0
        self.freshness = RefreshWhenShown(self, self.refresh, changes, stale=stale)

    def refresh(self) -> None:
        self.refreshes += 1


def shown(qtbot, widget: QWidget) -> None:
    widget.show()
    qtbot.waitExposed(widget)


def test_a_visible_view_refreshes_at_once(qtbot) -> None:
    changes = RegisterChanges()
    view = View(changes)
    qtbot.addWidget(view)
    shown(qtbot, view)
    changes.changed.emit()
    assert view.refreshes == 1 and not view.freshness.stale
    changes.changed.emit()
    assert view.refreshes == 2


def test_a_hidden_view_refreshes_once_when_shown(qtbot) -> None:
    changes = RegisterChanges()
    view = View(changes)
    qtbot.addWidget(view)
    changes.changed.emit()
    assert view.refreshes == 0 and view.freshness.stale
    shown(qtbot, view)
    assert view.refreshes == 1 and not view.freshness.stale
    view.hide()
    shown(qtbot, view)
    assert view.refreshes == 1  # nothing changed meanwhile: nothing read


def test_several_changes_while_hidden_give_one_refresh(qtbot) -> None:
    changes = RegisterChanges()
    view = View(changes)
    qtbot.addWidget(view)
    shown(qtbot, view)
    view.hide()
    for _ in range(5):
        changes.changed.emit()
    assert view.refreshes == 0
    shown(qtbot, view)
    assert view.refreshes == 1


def test_a_view_stale_from_the_start_reads_when_first_shown(qtbot) -> None:
    view = View(RegisterChanges(), stale=True)
    qtbot.addWidget(view)
    assert view.refreshes == 0 and view.freshness.stale
    shown(qtbot, view)
    assert view.refreshes == 1


def test_a_tab_behind_another_is_hidden_until_chosen(qtbot) -> None:
    changes = RegisterChanges()
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    front, back = View(changes), View(changes)
    tabs.addTab(front, "Front")
    tabs.addTab(back, "Back")
    shown(qtbot, tabs)
    changes.changed.emit()
    assert (front.refreshes, back.refreshes) == (1, 0)
    tabs.setCurrentWidget(back)
    assert (front.refreshes, back.refreshes) == (1, 1)
    tabs.hide()
    changes.changed.emit()
    changes.changed.emit()
    shown(qtbot, tabs)  # the tab in front is shown with its window, the other is not
    assert (front.refreshes, back.refreshes) == (1, 2)
    tabs.setCurrentWidget(front)
    assert (front.refreshes, back.refreshes) == (2, 2)


def test_a_closed_view_hears_no_more_changes(qtbot) -> None:
    changes = RegisterChanges()
    view = View(changes)
    freshness = view.freshness
    shown(qtbot, view)
    destroyed = []
    freshness.destroyed.connect(lambda: destroyed.append(True))
    view.deleteLater()
    qtbot.waitUntil(lambda: bool(destroyed))
    changes.changed.emit()  # no call into the deleted view


def test_an_edit_of_one_person_counts_as_a_change(qtbot) -> None:
    """A birth date or a diet edited in the person editor changes the age panel and the lunch
    counts, though the member lists only redraw that person's row."""
    changes = RegisterChanges()
    view = View(changes)
    qtbot.addWidget(view)
    changes.personChanged.emit(7)
    assert view.refreshes == 0 and view.freshness.stale
    shown(qtbot, view)
    assert view.refreshes == 1
    changes.personChanged.emit(7)
    assert view.refreshes == 2
