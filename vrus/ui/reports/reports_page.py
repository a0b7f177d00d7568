"""The Reports page: pick a report and a season, read it, export it, print it.

The reports are the core's (``vrus.reports.build_report``): recruitment coverage per
municipality, instrumentation against the target, ages, attendance, the annual summary and
the course grant report. The page shows what the core computed, as the exported files have
it: the title, the one finding (in a box; red when it is bad news, as when a course does not
qualify), the facts under it, the annual report's prose (to copy into a document), the chart
beside the tables, and each table in a tab with its notes.

A report over a large register takes seconds, so it is built off the GUI thread (a moving
bar meanwhile); a choice made while one is being built is built when it is done. The page
builds nothing until it is first shown, and a change to the register while it is hidden only
marks it for building again.

Export: Ctrl+E writes an Excel workbook, Ctrl+Shift+E a CSV file (the core's ``render``, in
the window's language; files readable by the user only: several reports list children), and
Ctrl+P prints through the shared Print button (``vrus.ui.files.printing``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from vrus import clock
from vrus.clock import Today
from vrus.db.engine import Database
from vrus.db.enums import EventKind
from vrus.private_files import write_private_file
from vrus.reports import build_report
from vrus.reports.language import DEFAULT_LANGUAGE, Translator
from vrus.reports.output import default_filename, render
from vrus.reports.tables import Report
from vrus.seasons import current_season_year, list_events
from vrus.server.roles import Role, role_of
from vrus.ui.common.changes import RegisterChanges
from vrus.ui.common.colours import QUIET, text_style
from vrus.ui.common.messages import failure_text
from vrus.ui.common.page_shortcuts import PageShortcuts, page_action
from vrus.ui.common.plain_text import message_box, plain_label, plain_tooltip
from vrus.ui.common.season_picker import fill_season_combo
from vrus.ui.common.stale import RefreshWhenShown
from vrus.ui.common.tasks import BackgroundTask
from vrus.ui.common.widgets import heading_label
from vrus.ui.files.printing import Document, PdfMaker, PrintButton
from vrus.ui.reports.course_seminars import CourseSeminars
from vrus.ui.reports.report_chart import ReportChart
from vrus.ui.reports.report_document import ReportHead, ReportTables
from vrus.ui.reports.report_models import ReportTableModel

KINDS = ("coverage", "instrumentation", "ages", "attendance", "annual", "course")
TODAY_TERMS = frozenset({"coverage", "attendance"})  # where today's municipalities apply


@dataclass(frozen=True)
class ReportRequest:
    kind: str
    season: int
    today_terms: bool = False
    event_ids: tuple[int, ...] = ()


class ReportsPage(PageShortcuts, QWidget):
    reportShown = Signal()  # noqa: N815 - Qt's naming for signals
    exported = Signal(str)  # the path written

    def __init__(
        self,
        db: Database,
        changes: RegisterChanges,
        *,
        title: str,
        language: str = DEFAULT_LANGUAGE,
        today: Today | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._today: Today = today or clock.today
        self._language = language
        self._tr = Translator(language)
        self.report: Report | None = None
        self.request: ReportRequest | None = None  # what ``report`` answers
        self.task: BackgroundTask | None = None
        self.export_task: BackgroundTask | None = None
        self.message_box: QMessageBox | None = None
        self._building: ReportRequest | None = None
        self._pending = False
        # Stale from the start: nothing is built until the page is first shown.
        self.freshness = RefreshWhenShown(self, self.refresh, changes, stale=True)
        self._side_sized = False
        self._build(title)
        self._build_actions()
        self._fill_seasons(current_season_year(self._today()))
        self._fill_seminars()
        self._kind_chosen()

    # --- Building ---------------------------------------------------------------------------

    def _kind_labels(self) -> dict[str, str]:
        return {
            "coverage": self.tr("Recruitment and coverage"),
            "instrumentation": self.tr("Instrumentation"),
            "ages": self.tr("Ages"),
            "attendance": self.tr("Attendance"),
            "annual": self.tr("Annual report"),
            "course": self.tr("Course report"),
        }

    def _build(self, title: str) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 12)  # as widgets.page_layout
        layout.setSpacing(10)
        layout.addLayout(self._build_choices(title))
        layout.addLayout(self._build_tools())
        self.head = ReportHead()
        # Shortcuts to the head's labels.
        self.kicker, self.title = self.head.kicker, self.head.title
        self.headline, self.lines, self.message = (
            self.head.headline,
            self.head.lines,
            self.head.message,
        )
        layout.addWidget(self.head)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("reportSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self._build_side())
        self.tabs = ReportTables()
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        layout.addWidget(self.splitter, 1)

    def _build_choices(self, title: str) -> QHBoxLayout:
        self.kind = QComboBox()
        self.kind.setObjectName("reportKind")
        self.kind.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.kind.setMinimumContentsLength(22)
        for key, label in self._kind_labels().items():
            self.kind.addItem(label, key)
        kind_label = plain_label(self.tr("&Report"))
        kind_label.setBuddy(self.kind)
        self.season = QComboBox()
        self.season.setObjectName("reportSeason")
        self.season.setMinimumContentsLength(6)
        season_label = plain_label(self.tr("&Season"))
        season_label.setBuddy(self.season)
        self.today_terms = QCheckBox(self.tr("&Today's municipalities"))
        self.today_terms.setObjectName("todayMunicipalities")
        self.today_terms.setToolTip(
            self.tr(
                "Count everyone under the municipalities of today, to compare seasons across the "
                "2020 municipal reform (Røyken and Hurum count as Asker, Nedre Eiker and Svelvik "
                "as Drammen, Sande as Holmestrand)."
            )
        )
        top = QHBoxLayout()
        top.addWidget(heading_label(title))
        top.addStretch(1)
        for widget in (kind_label, self.kind, season_label, self.season):
            top.addWidget(widget)
        self.kind.currentIndexChanged.connect(self._kind_chosen)
        self.season.currentIndexChanged.connect(self._season_chosen)
        self.today_terms.toggled.connect(lambda _on: self.request_report())
        return top

    def _build_tools(self) -> QHBoxLayout:
        self.export_xlsx = QPushButton(self.tr("Export to Excel…"))
        self.export_xlsx.setObjectName("exportXlsx")
        self.export_xlsx.setToolTip(self.tr("An Excel workbook, a sheet per table (Ctrl+E)"))
        self.export_csv = QPushButton(self.tr("Export to CSV…"))
        self.export_csv.setObjectName("exportCsv")
        self.export_csv.setToolTip(
            self.tr("One CSV file with every table, for Excel or another program (Ctrl+Shift+E)")
        )
        self.export_xlsx.clicked.connect(lambda: self.export("xlsx"))
        self.export_csv.clicked.connect(lambda: self.export("csv"))
        self.print_button = PrintButton(
            self._db,
            self.tr("Print / PDF"),
            [Document("report", self.tr("the report"), self._pdf_maker)],
            name="printReport",
        )
        self.print_button.button.setToolTip(
            self.tr(
                "Open the report as PDF, with its charts; the menu sends it to a printer or saves "
                "it (Ctrl+P prints)"
            )
        )
        self.busy = QProgressBar()
        self.busy.setObjectName("reportBusy")
        self.busy.setRange(0, 0)  # no steps to count: a moving bar says "working"
        self.busy.setMaximumWidth(90)
        self.busy.setMaximumHeight(self.export_csv.sizeHint().height() // 2)
        self.busy.setTextVisible(False)
        self.busy.setVisible(False)
        self.status = plain_label()
        self.status.setObjectName("reportStatus")
        self.status.setStyleSheet(text_style(QUIET))
        tools = QHBoxLayout()
        for widget in (self.export_xlsx, self.export_csv, self.print_button):
            tools.addWidget(widget)
        tools.addSpacing(12)
        tools.addWidget(self.busy)
        tools.addWidget(self.status, 1)
        tools.addWidget(self.today_terms)
        return tools

    def _build_side(self) -> QWidget:
        self.chart = ReportChart()
        self.chart_area = QScrollArea()
        self.chart_area.setObjectName("reportChartArea")
        self.chart_area.setWidgetResizable(True)
        self.chart_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.chart_area.setWidget(self.chart)
        self.chart_area.setMinimumWidth(280)

        self.course_box = CourseSeminars()
        self.seminars = self.course_box.list
        self.course_box.changed.connect(self.request_report)

        side = QWidget()
        side.setObjectName("reportSide")
        layout = QVBoxLayout(side)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.addWidget(self.chart_area, 1)
        layout.addWidget(self.course_box, 1)
        return side

    def _build_actions(self) -> None:
        key = QKeySequence
        self.export_xlsx_action = page_action(
            self,
            self.tr("Export to Excel"),
            "exportXlsxAction",
            lambda: self.export("xlsx"),
            [key("Ctrl+E")],
        )
        self.export_csv_action = page_action(
            self,
            self.tr("Export to CSV"),
            "exportCsvAction",
            lambda: self.export("csv"),
            [key("Ctrl+Shift+E")],
        )
        self.print_action = page_action(
            self,
            self.tr("Print the report"),
            "printReportAction",
            self.print_report,
            [key("Ctrl+P")],
        )

    # --- Choices ----------------------------------------------------------------------------

    @property
    def kind_key(self) -> str:
        return str(self.kind.currentData())

    @property
    def season_year(self) -> int:
        return int(self.season.currentData())

    def choose(self, kind: str) -> None:
        self.kind.setCurrentIndex(self.kind.findData(kind))

    def checked_events(self) -> tuple[int, ...]:
        return self.course_box.checked()

    def set_events(self, event_ids: Iterable[int]) -> None:
        """Tick exactly ``event_ids`` in the course's seminar list."""
        self.course_box.set_checked(event_ids)

    def current_request(self) -> ReportRequest | None:
        kind = self.kind_key
        if kind == "course":
            events = self.checked_events()
            return ReportRequest(kind, self.season_year, event_ids=events) if events else None
        return ReportRequest(
            kind, self.season_year, today_terms=kind in TODAY_TERMS and self.today_terms.isChecked()
        )

    def _fill_seasons(self, selected: int) -> None:
        fill_season_combo(self.season, self._db, selected, current_season_year(self._today()))

    def _fill_seminars(self) -> None:
        with self._db.sessions() as session:
            self.course_box.fill(
                [
                    e
                    for e in list_events(session, self.season_year, self._today())
                    if e.kind == EventKind.SEMINAR.value
                ]
            )

    def _kind_chosen(self) -> None:
        kind = self.kind_key
        self.today_terms.setVisible(kind in TODAY_TERMS)
        self.course_box.setVisible(kind == "course")
        self.request_report()

    def _season_chosen(self) -> None:
        self._fill_seminars()
        self.request_report()

    def refresh(self) -> None:
        """The register changed: read the seasons and seminars, build the report again."""
        self._fill_seasons(self.season_year)
        self._fill_seminars()
        self.request_report()

    # --- Building the report off the GUI thread ---------------------------------------------

    @property
    def building(self) -> bool:
        return self.task is not None

    def request_report(self) -> None:
        """Build the report for the choices now shown (after the one being built, if any)."""
        if self.freshness.stale and not self.isVisible():
            return  # built when the page is shown
        if self.task is not None:
            self._pending = True
            return
        request = self.current_request()
        if request is None:
            # Also after a build that ended meanwhile (_next): the side must not stay disabled,
            # or the course's seminars could not be ticked, by mouse or by keyboard.
            self._set_building(False)
            self._show_nothing(self.tr("Tick one or more seminars to see the course report."))
            return
        db, today = self._db, self._today()

        def work(_progress) -> Report:
            # A reader (the steering group) gets the counts without the lists of names:
            # the database refuses it the names anyway.
            names = role_of(db) is not Role.READER
            with db.sessions() as session:
                return build_report(
                    session,
                    request.kind,
                    season=request.season,
                    today_terms=request.today_terms,
                    event_ids=request.event_ids,
                    today=today,
                    names=names,
                )

        self._building = request
        self.task = BackgroundTask(work, f"report {request.kind}")
        # Bound methods, so Qt drops the connections if the page is closed meanwhile.
        self.task.succeeded.connect(self._built)
        self.task.failed.connect(self._build_failed)
        self._set_building(True)
        self.task.start()

    def _set_building(self, building: bool) -> None:
        self.busy.setVisible(building)
        if building:
            self.status.setText(self.tr("Making the report…"))
            self.status.setToolTip("")
        elif self.status.text() == self.tr("Making the report…"):
            self.status.clear()
        self.splitter.setEnabled(not building)
        self._enable_output()

    def _next(self) -> bool:
        """After a build: start the one asked for meanwhile, if any."""
        self.task = None
        if self._pending:
            self._pending = False
            self.request_report()
            return True
        self._set_building(False)
        return False

    def _built(self, report: Report) -> None:
        request = self._building
        if not self._next():
            self.show_report(report, request)

    def _build_failed(self, error: BaseException) -> None:
        if not self._next():
            self._show_nothing(
                failure_text(self.tr("The report could not be made."), error), error=True
            )

    # --- Showing ------------------------------------------------------------------------------

    def show_report(self, report: Report, request: ReportRequest | None = None) -> None:
        self.report, self.request = report, request
        self.head.show_report(report, self._tr)
        self.chart.set_chart(report.charts[0] if report.charts else None, self._tr)
        self.chart_area.setVisible(bool(report.charts))
        self.tabs.show_report(report, self._tr)
        self._fit_side()
        self._enable_output()
        self.reportShown.emit()

    def _show_nothing(self, text: str, *, error: bool = False) -> None:
        self.report, self.request = None, None
        self.head.show_message(text, error=error)
        self.chart.set_chart(None, self._tr)
        self.chart_area.setVisible(False)
        self.tabs.clear_tables()
        self._fit_side()
        self._enable_output()

    def _fit_side(self) -> None:
        """Show the chart or the seminar list beside the tables; a width the user dragged
        to is kept while the side stays in view."""
        side = self.splitter.widget(0)
        visible = not self.chart_area.isHidden() or not self.course_box.isHidden()
        appears = visible and side.isHidden()
        side.setVisible(visible)
        if appears or (visible and not self._side_sized):
            total = max(self.splitter.width(), 600)
            self.splitter.setSizes([int(total * 0.36), total - int(total * 0.36)])
            self._side_sized = self.splitter.width() > 0 and self.isVisible()

    @property
    def models(self) -> list[ReportTableModel]:
        return self.tabs.models

    @property
    def views(self) -> list[QTableView]:
        return self.tabs.views

    def table_model(self, key: str) -> ReportTableModel:
        return self.tabs.table_model(key)

    def copy_rows(self, view: QTableView) -> None:
        self.tabs.copy_rows(view)

    # --- Export and print -----------------------------------------------------------------------

    def _enable_output(self) -> None:
        ready = self.report is not None and self.task is None
        for widget in (self.export_xlsx, self.export_csv):
            widget.setEnabled(ready and self.export_task is None)
        for action in (self.export_xlsx_action, self.export_csv_action, self.print_action):
            action.setEnabled(ready)
        self.print_button.button.setEnabled(ready and not self.print_button.running)

    def export(self, fmt: str) -> None:
        """Ask where, then write the report shown as ``fmt`` ('csv' or 'xlsx')."""
        report = self.report
        if report is None or self.task is not None or self.export_task is not None:
            return
        folder = Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        )
        caption, filters = {
            "xlsx": (self.tr("Export to Excel"), self.tr("Excel workbooks (*.xlsx)")),
            "csv": (self.tr("Export to CSV"), self.tr("CSV files (*.csv)")),
        }[fmt]
        path, _filter = QFileDialog.getSaveFileName(
            self, caption, str(folder / default_filename(report, fmt)), filters
        )
        if not path:
            return
        target = Path(path if path.lower().endswith(f".{fmt}") else f"{path}.{fmt}")
        language = self._language

        def work(_progress) -> Path:
            return write_private_file(target, render(report, fmt, Translator(language)))

        self.export_task = BackgroundTask(work, f"export {fmt}")
        self.export_task.succeeded.connect(self._exported)
        self.export_task.failed.connect(self._export_failed)
        self.busy.setVisible(True)
        self.status.setText(self.tr("Writing {file}…").format(file=target.name))
        self._enable_output()
        self.export_task.start()

    def _export_done(self) -> None:
        self.export_task = None
        self.busy.setVisible(self.task is not None)
        self._enable_output()

    def _exported(self, path: Path) -> None:
        self._export_done()
        self.status.setText(self.tr("Saved {file}").format(file=path.name))
        self.status.setToolTip(plain_tooltip(str(path)))
        self.exported.emit(str(path))

    def _export_failed(self, error: BaseException) -> None:
        self._export_done()
        self.status.clear()
        box = message_box(
            QMessageBox.Icon.Warning,
            self.tr("Export"),
            failure_text(self.tr("The file could not be written."), error),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setObjectName("exportMessage")
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.finished.connect(lambda _result: box.deleteLater())
        self.message_box = box
        box.open()

    def _pdf_maker(self) -> PdfMaker | None:
        """The report shown, as PDF: what is on the screen is what is printed."""
        report = self.report
        if report is None:
            return None
        language = self._language

        def make(_session) -> tuple[bytes, str]:
            return render(report, "pdf", Translator(language)), default_filename(report, "pdf")

        return make

    def print_report(self) -> None:
        if self.report is not None and self.task is None:
            self.print_button.print_pdf("report")
