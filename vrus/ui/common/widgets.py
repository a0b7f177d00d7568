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
    rows = view.verticalHeader()
    rows.setVisible(False)
    # The default row height is needlessly tall for one line of text.
    rows.setDefaultSectionSize(view.fontMetrics().height() + 10)
    header = view.horizontalHeader()
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setHighlightSections(False)
    header.setStretchLastSection(True)
    return view


def fit_columns(view: QTableView, columns: range, *, air: int = 24, widest: int = 320) -> None:
    """Size ``columns`` to their contents plus some air (there is no grid between them)."""
    for column in columns:
        view.resizeColumnToContents(column)
        view.setColumnWidth(column, min(view.columnWidth(column) + air, widest))
