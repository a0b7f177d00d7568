"""Small widget helpers shared by the pages, so they look alike."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView, QVBoxLayout, QWidget

from vrus.ui.common.plain_text import plain_label


def heading_label(text: str) -> QLabel:
    label = plain_label(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    font.setBold(True)
    label.setFont(font)
    label.setObjectName("pageTitle")
    return label


def wrapped_label(text: str) -> QLabel:
    label = plain_label(text)
    label.setWordWrap(True)
    return label


def page_layout(page: QWidget, title: str) -> QVBoxLayout:
    """The layout every page starts with: the same margins and a heading."""
    layout = QVBoxLayout(page)
    layout.setContentsMargins(24, 18, 24, 12)
    layout.setSpacing(12)
    layout.addWidget(heading_label(title))
    return layout


def read_only_table(view: QTableView) -> QTableView:
    """The look of every list in VRUS: whole rows, one line each, no grid, like a tidy sheet."""
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    # Tab leaves the list (the arrows move in it): a table of 80 rows must not take 800 Tabs.
    view.setTabKeyNavigation(False)
    rows = view.verticalHeader()
    rows.setVisible(False)
    # The default row height is needlessly tall for one line of text.
    rows.setDefaultSectionSize(view.fontMetrics().height() + 10)
    header = view.horizontalHeader()
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setHighlightSections(False)
    header.setStretchLastSection(True)
    return view


def chain_focus(*widgets: QWidget) -> None:
    """Tab goes from each of ``widgets`` to the next, in reading order where the widgets were
    made in another order. One not in the window (a button never placed) is left out."""
    window = widgets[-1].window()
    placed = [widget for widget in widgets if widget.window() is window]
    for first, second in zip(placed, placed[1:], strict=False):
        QWidget.setTabOrder(first, second)


def focus_before(widget: QWidget, leaving: list[QWidget]) -> QWidget | None:
    """The widget Tab comes to ``widget`` from: the one before it in the focus chain that
    takes the focus, passing over ``leaving`` (widgets on their way out) and their children."""
    current = widget.previousInFocusChain()
    while current is not widget:
        gone = any(old is current or old.isAncestorOf(current) for old in leaving)
        if not gone and current.focusPolicy() & Qt.FocusPolicy.TabFocus:
            return current
        current = current.previousInFocusChain()
    return None


def fit_columns(view: QTableView, columns: range, *, air: int = 24, widest: int = 320) -> None:
    """Size ``columns`` to their contents plus some air (there is no grid between them)."""
    for column in columns:
        view.resizeColumnToContents(column)
        view.setColumnWidth(column, min(view.columnWidth(column) + air, widest))
