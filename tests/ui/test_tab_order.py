"""Every control of every page is reached with Tab, in reading order, and Tab always moves on.

Each test shows one page (or tab, or state of a page) of the window over the demo season,
puts the focus on the sidebar and presses Tab until the focus is back there, noting where it
goes. Then:

- every visible, enabled control of the page that takes the focus by Tab was reached, and
  nothing else on the page was (a stop one cannot see is a lost Tab);
- the page's stops come in one run, between the sidebar and the window's own controls;
- each stop follows the one before it in reading order: to the right in the same row, or
  below; a panel beside another (a column, the person editor) is read whole before the
  next. Compared where the two stops' branches part (their common ancestor's children),
  with a tolerance of a few pixels;
- no control keeps the Tab to itself (a table that walks its cells with Tab is a trap: the
  arrow keys move in it).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from tests.ui.demo_support import VIEWS, demo_template, demo_window, show_view
from vrus.ui.main_window import MainWindow

TOLERANCE = 4  # pixels: widgets in one row are not always aligned to the pixel
MAX_STOPS = 150


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_template(tmp_path_factory.mktemp("demo"))


@pytest.fixture
def window(qtbot, template: Path, tmp_path: Path):
    with demo_window(qtbot, template, tmp_path) as window:
        yield window


def describe(widget: QWidget | None) -> str:
    if widget is None:
        return "nothing"
    text = widget.text() if isinstance(widget, QAbstractButton) else ""
    name = widget.objectName() or text or type(widget).__name__
    place = widget.mapTo(widget.window(), QPoint(0, 0))
    return f"{type(widget).__name__} {name!r} at ({place.x()}, {place.y()})"


def tab_cycle(start: QWidget) -> list[QWidget]:
    """Where Tab takes the focus from ``start`` until it is back there."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    assert QApplication.focusWidget() is start
    stops = [start]
    for _ in range(MAX_STOPS):
        QTest.keyClick(stops[-1], Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        assert widget is not None, f"Tab from {describe(stops[-1])} loses the focus"
        assert widget is not stops[-1], f"Tab stays in {describe(widget)}: a focus trap"
        if widget is start:
            return stops
        assert widget not in stops, f"Tab goes round without the sidebar: {describe(widget)}"
        stops.append(widget)
    raise AssertionError(f"Tab never comes back to the sidebar: {[describe(w) for w in stops]}")


def takes_tab(widget: QWidget) -> bool:
    return (
        widget.isVisible()
        and widget.isEnabled()
        and widget.focusProxy() is None
        and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
    )


def rect_in(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def same_row(a: QRect, b: QRect) -> bool:
    overlap = min(a.bottom(), b.bottom()) - max(a.top(), b.top())
    return overlap > 0.5 * min(a.height(), b.height())


def reads_before(a: QRect, b: QRect) -> bool:
    if same_row(a, b):
        return b.left() >= a.left() - TOLERANCE
    return b.center().y() > a.center().y() - TOLERANCE


def branches(a: QWidget, b: QWidget) -> tuple[QWidget, QWidget] | None:
    """The children of a's and b's common ancestor that hold each; None when one holds the
    other."""
    path_a = [a]
    while path_a[-1].parentWidget() is not None:
        path_a.append(path_a[-1].parentWidget())
    below_b = b
    ancestor = b
    while ancestor not in path_a:
        below_b, ancestor = ancestor, ancestor.parentWidget()
    if ancestor is a or ancestor is b:
        return None
    return path_a[path_a.index(ancestor) - 1], below_b


def order_faults(stops: list[QWidget], window: QWidget) -> list[str]:
    faults = []
    for a, b in zip(stops, stops[1:], strict=False):
        if a.isAncestorOf(b):
            continue  # into a container's own controls (a scroll area's form)
        if b.isAncestorOf(a):
            faults.append(f"{describe(b)} after its own {describe(a)}")
            continue
        parted = branches(a, b)
        assert parted is not None
        one, other = parted
        if not reads_before(rect_in(one, window), rect_in(other, window)):
            faults.append(f"{describe(b)} after {describe(a)}")
    return faults


@pytest.mark.parametrize("view", list(VIEWS))
def test_tab_reaches_every_control_in_reading_order(qtbot, window: MainWindow, view: str) -> None:
    show_view(qtbot, window, view)
    page = window.pages.currentWidget()
    cycle = tab_cycle(window.sidebar)

    on_page = [w for w in cycle if page.isAncestorOf(w)]
    others = [w for w in cycle if not page.isAncestorOf(w)]
    # The window's own stops: the sidebar, then (after the page) the banner's button.
    assert others == [window.sidebar, window.encrypt_button], [describe(w) for w in others]
    first = cycle.index(on_page[0])
    assert cycle[first : first + len(on_page)] == on_page, "the page is entered more than once"

    expected = [w for w in page.findChildren(QWidget) if takes_tab(w)]
    missed = [describe(w) for w in expected if w not in on_page]
    assert not missed, f"not reached with Tab: {missed}"
    unseen = [describe(w) for w in on_page if w not in expected or w.size().isEmpty()]
    assert not unseen, f"Tab stops that cannot be seen: {unseen}"

    faults = order_faults(on_page, window)
    assert not faults, "out of reading order:\n" + "\n".join(
        [*faults, "the order:", *map(describe, on_page)]
    )


def test_a_table_gives_tab_back(qtbot, window: MainWindow) -> None:
    """The members' table is one stop: Tab leaves it at once, whatever row is current."""
    show_view(qtbot, window, "members")
    table = window.members_page.table
    table.setFocus(Qt.FocusReason.TabFocusReason)
    table.setCurrentIndex(table.model().index(3, 1))
    QTest.keyClick(table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not table
    assert window.members_page.isAncestorOf(QApplication.focusWidget()) or (
        QApplication.focusWidget() is window.encrypt_button
    )


@pytest.mark.parametrize(
    ("key", "modifier"),
    [
        (Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier),
        (Qt.Key.Key_F4, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Menu, Qt.KeyboardModifier.NoModifier),
    ],
)
def test_the_print_menu_opens_from_the_keyboard(
    qtbot, window: MainWindow, key: Qt.Key, modifier: Qt.KeyboardModifier
) -> None:
    """Printing and saving as PDF are in the print button's menu: the keyboard opens it as
    it opens a combo box's list (Space opens the PDF itself)."""
    show_view(qtbot, window, "members")
    printing = window.members_page.print_contacts
    shown = []

    def close() -> None:
        shown.append(True)
        QTimer.singleShot(0, printing.menu.close)

    printing.menu.aboutToShow.connect(close)
    printing.button.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClick(printing.button, key, modifier)
    assert shown == [True]
    assert "Alt+Down" in printing.button.accessibleDescription()


def test_the_course_seminars_are_reached_after_another_report(qtbot, window: MainWindow) -> None:
    """Choosing the course report while another report was being made once left the list
    of seminars disabled: neither Tab nor a click could tick one."""
    show_view(qtbot, window, "reports-course-unticked")
    seminars = window.reports_page.seminars
    assert seminars.isEnabled()
    assert seminars in tab_cycle(window.sidebar)
