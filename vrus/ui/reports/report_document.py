"""A built report as the Reports page shows it: the head (what the report is, its title, the
one finding in a box, the facts under it) and the tables, one tab each, with their notes.

Texts come from the report's ``Translator``, so the screen reads as the exported files do.
The finding's box is red when the report says it is bad news (``Report.alert``: a course that
does not qualify), green for a course that qualifies, and quiet blue otherwise.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from vrus.reports.language import Translator
from vrus.reports.tables import Report, Table
from vrus.ui.common.clipboard import copy_personal
from vrus.ui.common.colours import (
    ALERT_BACKGROUND,
    FINDING_BACKGROUND,
    FINDING_EDGE,
    GOOD,
    GOOD_BACKGROUND,
    MARK_EDGE,
    MARKED_BACKGROUND,
    QUIET,
    WARNING,
    shade,
    text_style,
)
from vrus.ui.common.plain_text import plain_label
from vrus.ui.common.widgets import fit_columns, read_only_table
from vrus.ui.reports.report_models import ReportTableModel

GOOD_COLOUR = GOOD.light  # the course qualifies (on a dark palette: GOOD.dark)


def _bold(label: QLabel, scale: float = 1.0) -> QLabel:
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    return label


def _quiet(text: str = "") -> QLabel:
    label = plain_label(text)
    label.setWordWrap(True)
    label.setStyleSheet(text_style(QUIET))
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class ReportHead(QWidget):
    """The report's kicker, title, finding and facts; or a message in their place."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportHead")
        # As tall as its text: the room left over goes to the chart and the tables.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.kicker = plain_label()
        self.kicker.setObjectName("reportKicker")
        self.kicker.setStyleSheet(text_style(QUIET))
        self.title = _bold(plain_label(), 1.25)
        self.title.setObjectName("reportTitle")
        self.title.setWordWrap(True)
        self.headline = _bold(plain_label(), 1.1)
        self.headline.setObjectName("reportHeadline")
        self.headline.setWordWrap(True)
        self.headline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.lines = _quiet()
        self.lines.setObjectName("reportLines")
        self.message = plain_label()
        self.message.setObjectName("reportMessage")
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(4)
        for widget in (self.kicker, self.title, self.headline, self.lines, self.message):
            layout.addWidget(widget)

    def show_report(self, report: Report, tr: Translator) -> None:
        self.message.setVisible(False)
        self.kicker.setText(tr(report.kicker))
        self.title.setText(tr(report.title))
        self.kicker.setVisible(True)
        self.title.setVisible(True)
        text = tr(report.headline) if report.headline is not None else ""
        self.headline.setText(text)
        self.headline.setVisible(bool(text))
        if report.alert:
            colour, background, edge = shade(WARNING), ALERT_BACKGROUND, shade(WARNING)
        elif report.kind == "course":  # the verdict: it qualifies
            colour, background, edge = shade(GOOD), GOOD_BACKGROUND, shade(GOOD)
        else:
            colour, background, edge = "palette(text)", FINDING_BACKGROUND, shade(FINDING_EDGE)
        self.headline.setStyleSheet(
            f"QLabel#reportHeadline {{ color: {colour}; background: {shade(background)};"
            f" border-left: 4px solid {edge}; padding: 6px 10px; }}"
        )
        self.lines.setText("\n".join(tr(line) for line in report.lines))
        self.lines.setVisible(bool(report.lines))

    def show_message(self, text: str, *, error: bool = False) -> None:
        for label in (self.kicker, self.title, self.headline, self.lines):
            label.clear()
            label.setVisible(False)
        self.message.setText(text)
        self.message.setStyleSheet(text_style(WARNING if error else QUIET))
        self.message.setVisible(True)


class ReportTables(QTabWidget):
    """A tab per table (and one for the prose of the annual report). Each tab has the
    table's full title, the table, what its shaded rows mean, and its notes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportTabs")
        self.setDocumentMode(True)
        self.setElideMode(Qt.TextElideMode.ElideRight)  # the full title is the tooltip
        self.setUsesScrollButtons(True)
        self.models: list[ReportTableModel] = []
        self.views: list[QTableView] = []

    def clear_tables(self) -> None:
        self.blockSignals(True)
        while self.count():
            page = self.widget(0)
            self.removeTab(0)
            page.deleteLater()
        self.blockSignals(False)
        self.models, self.views = [], []
        self._tabs_take_focus()

    def show_report(self, report: Report, tr: Translator) -> None:
        # The same table stays in front when only the season or an option changed.
        bar = self.tabBar()
        keep = bar.tabData(self.currentIndex()) if self.count() else None
        self.clear_tables()
        if report.paragraphs:
            self.addTab(self._prose(report, tr), self.tr("Text"))
            self.setTabToolTip(0, self.tr("The report in prose, to copy into a document"))
            bar.setTabData(0, f"{report.kind}:prose")
        for table in report.tables:
            index = self.addTab(self._table_page(table, tr), tr(table.sheet or table.title))
            self.setTabToolTip(index, tr(table.title))
            bar.setTabData(index, f"{report.kind}:{table.key}")
        for index in range(self.count()):
            if keep is not None and bar.tabData(index) == keep:
                self.setCurrentIndex(index)
        self._tabs_take_focus()

    def _tabs_take_focus(self) -> None:
        """No Tab stop on a bar without tabs (no report yet): nobody could see it."""
        policy = Qt.FocusPolicy.TabFocus if self.count() else Qt.FocusPolicy.NoFocus
        self.tabBar().setFocusPolicy(policy)

    def table_model(self, key: str) -> ReportTableModel:
        return next(model for model in self.models if model.table.key == key)

    def _prose(self, report: Report, tr: Translator) -> QWidget:
        browser = QTextBrowser()
        browser.setObjectName("reportProse")
        browser.setOpenLinks(False)
        browser.setHtml("".join(f"<p>{html.escape(tr(p))}</p>" for p in report.paragraphs))
        return browser

    def _table_page(self, table: Table, tr: Translator) -> QWidget:
        page = QWidget()
        view = self._table_view(table, tr, page)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(_bold(plain_label(tr(table.title))))
        layout.addWidget(view, 1)
        if table.marked and table.mark_note is not None:
            layout.addWidget(self._mark_legend(table, tr))
        for note in table.notes:
            layout.addWidget(_quiet(tr(note)))
        return page

    def _table_view(self, table: Table, tr: Translator, page: QWidget) -> QTableView:
        model = ReportTableModel(table, tr, page)
        view = QTableView()
        view.setObjectName(f"reportTable_{table.key or len(self.views)}")
        view.setModel(model)
        read_only_table(view)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # A last column of text (the reasons, the culture schools) takes the room that is
        # left; a last column of figures stays by the others.
        header.setStretchLastSection(bool(table.columns) and not table.columns[-1].numeric)
        fit_columns(view, range(model.columnCount()), air=18, widest=300)
        copy = QAction(self.tr("Copy"), view)
        copy.setShortcuts(QKeySequence.StandardKey.Copy)
        copy.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        copy.triggered.connect(lambda _checked=False, v=view: self.copy_rows(v))
        view.addAction(copy)
        self.models.append(model)
        self.views.append(view)
        return view

    def _mark_legend(self, table: Table, tr: Translator) -> QWidget:
        swatch = QFrame()
        swatch.setFixedSize(14, 14)
        swatch.setStyleSheet(
            f"background: {shade(MARKED_BACKGROUND)}; border: 1px solid {shade(MARK_EDGE)};"
        )
        text = plain_label(
            self.tr("Shaded: {what} ({count})").format(
                what=tr(table.mark_note), count=len(table.marked)
            )
        )
        text.setWordWrap(True)
        legend = QWidget()
        legend.setObjectName("markLegend")
        row = QHBoxLayout(legend)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(swatch)
        row.addWidget(text, 1)
        return legend

    def copy_rows(self, view: QTableView) -> None:
        """The selected rows (or all) with the headings, tab-separated, for pasting into a
        spreadsheet or a document. Reports name children (ages, course participants): the
        clipboard is cleared again after a while and when VRUS closes."""
        model = view.model()
        rows = sorted({index.row() for index in view.selectionModel().selectedRows()})
        if not rows:
            rows = list(range(model.rowCount()))
        copy_personal(model.rows_as_text(rows))
