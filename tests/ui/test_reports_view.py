"""The Reports view on the demo season: every report builds off the GUI thread and shows what
the core computed (compared with ``build_report``, not with numbers written here), the chart
gets the report's series, exports read back with æøå, and Print makes a real PDF through the
shared Print button with the system's viewer faked."""

from __future__ import annotations

import csv
import stat
import threading

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from tests.ui.lunch_support import DEMO_TODAY, fake_viewer, load_demo_season, pdf_text
from vrus.reports import build_report
from vrus.reports.course_rules import set_course_rule
from vrus.reports.labels import MARKED_LABEL
from vrus.reports.language import Translator
from vrus.reports.tables import Report
from vrus.seasons import list_events
from vrus.ui.common.changes import RegisterChanges
from vrus.ui.common.colours import WARNING_COLOUR
from vrus.ui.files import printing
from vrus.ui.reports import reports_page
from vrus.ui.reports.report_document import GOOD_COLOUR
from vrus.ui.reports.report_models import (
    MARK_BACKGROUND,
    MARKED_ROLE,
    TOTAL_ROLE,
    VALUE_ROLE,
    ReportTableModel,
)
from vrus.ui.reports.reports_page import KINDS, ReportsPage
from vrus.validation import ValidationError

TR = Translator("nb")


@pytest.fixture
def demo(db) -> list[int]:
    """The demo register; returns the ids of the 2026 season's weekend seminars."""
    load_demo_season(db)
    with db.sessions() as session:
        return [e.id for e in list_events(session, 2026, DEMO_TODAY) if e.kind == "seminar"]


def make_page(qtbot, db, *, show: bool = True) -> ReportsPage:
    changes = RegisterChanges()
    page = ReportsPage(db, changes, title="Reports", language="nb", today=lambda: DEMO_TODAY)
    changes.setParent(page)
    qtbot.addWidget(page)
    page.resize(1180, 760)
    if show:
        page.show()
        qtbot.waitExposed(page)
    return page


def wait_built(qtbot, page: ReportsPage, kind: str | None = None) -> Report:
    qtbot.waitUntil(
        lambda: (
            not page.building
            and page.report is not None
            and (kind is None or page.report.kind == kind)
        ),
        timeout=20_000,
    )
    return page.report


def expected(db, kind: str, **options) -> Report:
    with db.sessions() as session:
        return build_report(session, kind, today=DEMO_TODAY, **options)


@pytest.fixture
def page(qtbot, db, demo) -> ReportsPage:
    page = make_page(qtbot, db)
    wait_built(qtbot, page, "coverage")
    return page


def column_texts(model: ReportTableModel, column: int = 0) -> list[str]:
    return [model.index(row, column).data() for row in range(model.rowCount())]


# --- Coverage --------------------------------------------------------------------------------


def test_opens_on_the_coverage_of_the_current_season(page, db) -> None:
    assert page.kind.currentData() == "coverage" and page.season_year == 2026
    core = expected(db, "coverage")
    assert page.title.text() == TR(core.title)
    # "10 av 12 kommuner representert i Ungdomssymfonikerne", as the core counts it.
    assert page.headline.text() == TR(core.headline)
    assert str(core.data["covered"][core.data["main_ensemble"]]) in page.headline.text()
    for line in core.lines:
        assert TR(line) in page.lines.text()


def test_a_row_per_municipality_including_one_with_nobody(page, db) -> None:
    core = expected(db, "coverage")
    model = page.table_model("municipalities")
    names = [m["name"] for m in core.data["municipalities"]]
    assert column_texts(model)[: len(names)] == names  # every municipality, in order
    assert model.rowCount() == len(names) + 1  # and the region's total
    nobody = [row for row, m in enumerate(core.data["municipalities"]) if m["total"] == 0]
    assert nobody, "the demo has a municipality with nobody in the orchestra"
    for row in range(len(names)):
        index = model.index(row, 0)
        assert index.data(MARKED_ROLE) == (row in nobody)
    marked = model.index(nobody[0], 0)
    assert marked.data(Qt.ItemDataRole.BackgroundRole).color() == QColor(MARK_BACKGROUND)
    assert marked.data(Qt.ItemDataRole.ToolTipRole) == TR(
        MARKED_LABEL.format(what=core.table("municipalities").mark_note)
    )
    total = model.index(model.rowCount() - 1, 0)
    assert total.data(TOTAL_ROLE) and total.data(Qt.ItemDataRole.FontRole).bold()
    legend = page.tabs.widget(0).findChild(QWidget, "markLegend")
    assert legend is not None and legend.isVisible()


def test_every_table_of_the_report_has_a_tab(page, db) -> None:
    core = expected(db, "coverage")
    assert page.tabs.count() == len(core.tables)
    assert [page.tabs.tabToolTip(i) for i in range(page.tabs.count())] == [
        TR(table.title) for table in core.tables
    ]
    assert [m.table.key for m in page.models] == [t.key for t in core.tables]


def test_the_chart_gets_the_reports_series(page, db) -> None:
    core = expected(db, "coverage")
    chart = page.chart
    assert page.chart_area.isVisible()
    assert chart.chart == core.charts[0]
    assert chart.series_labels == [TR(s.label) for s in core.charts[0].series]
    assert chart.categories == [m["name"] for m in core.data["municipalities"]]
    assert chart.totals() == [m["total"] for m in core.data["municipalities"]]
    assert [chart.marked(r) for r in range(len(chart.categories))] == [
        m["total"] == 0 for m in core.data["municipalities"]
    ]
    assert "Asker" in chart.row_tooltip(int(chart._layout().plot.top()) + 2)
    assert not chart.grab().isNull()


def test_instrumentation_is_drawn_against_the_target(qtbot, page, db) -> None:
    page.choose("instrumentation")
    report = wait_built(qtbot, page, "instrumentation")
    core = expected(db, "instrumentation")
    chart = page.chart
    assert chart.chart == core.charts[0]
    assert chart.target == [TR(s.label) for s in core.charts[0].series].index("Mål")
    members, target = core.charts[0].series[0].values, core.charts[0].series[1].values
    assert [chart.marked(r) for r in range(len(members))] == [
        m < t for m, t in zip(members, target, strict=True)
    ]
    assert not chart.grab().isNull()
    assert page.headline.text() == TR(report.headline)


def test_instruments_are_named_in_the_reports_language(qtbot, db, demo) -> None:
    """The register keeps the Bokmål names; the English window's report names them in
    English, in the table and on the chart."""
    pages = {}
    for language in ("nb", "en"):
        changes = RegisterChanges()
        page = ReportsPage(
            db, changes, title="Reports", language=language, today=lambda: DEMO_TODAY
        )
        changes.setParent(page)
        qtbot.addWidget(page)
        page.show()
        page.choose("instrumentation")
        wait_built(qtbot, page, "instrumentation")
        pages[language] = page
    names = {
        language: column_texts(page.table_model("instruments")) for language, page in pages.items()
    }
    assert "Fiolin" in names["nb"] and "Violin" not in names["nb"]
    assert "Violin" in names["en"] and "Fiolin" not in names["en"]
    assert "Violin" in pages["en"].chart.categories


def test_todays_municipalities_only_where_it_applies(qtbot, page, db) -> None:
    visible = {}
    for kind in KINDS:
        page.choose(kind)
        visible[kind] = page.today_terms.isVisibleTo(page)
    assert visible == {k: k in ("coverage", "attendance") for k in KINDS}
    page.choose("coverage")
    wait_built(qtbot, page, "coverage")
    page.today_terms.setChecked(True)
    qtbot.waitUntil(
        lambda: page.request is not None and page.request.today_terms and not page.building,
        timeout=20_000,
    )
    core = expected(db, "coverage", today_terms=True)
    assert page.table_model("municipalities").table.notes == core.table("municipalities").notes


def test_another_season(qtbot, page, db) -> None:
    seasons = [page.season.itemData(i) for i in range(page.season.count())]
    assert seasons[0] == 2026 and len(seasons) > 1
    page.season.setCurrentIndex(page.season.findData(seasons[1]))
    qtbot.waitUntil(
        lambda: (
            page.request is not None and page.request.season == seasons[1] and not page.building
        ),
        timeout=20_000,
    )
    core = expected(db, "coverage", season=seasons[1])
    assert page.title.text() == TR(core.title)
    assert column_texts(page.table_model("municipalities")) == [
        TR.cell(row[0], core.table("municipalities").columns[0])
        for row in core.table("municipalities").rows
    ]


# --- Every kind ---------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_builds(qtbot, page, db, demo, kind) -> None:
    page.choose(kind)
    if kind == "course":
        page.set_events(demo[:2])
    report = wait_built(qtbot, page, kind)
    core = expected(db, kind, event_ids=demo[:2] if kind == "course" else ())
    assert not page.message.isVisible()
    assert page.title.text() == TR(core.title)
    assert page.tabs.count() == len(core.tables) + (1 if core.paragraphs else 0)
    for model, table in zip(page.models, core.tables, strict=True):
        assert model.rowCount() == len(table.rows)
        assert [model.heading(c) for c in range(model.columnCount())] == [
            TR(c.label) for c in table.columns
        ]
    assert page.chart_area.isVisibleTo(page) == bool(core.charts)
    assert page.export_xlsx.isEnabled() and page.print_button.button.isEnabled()
    if core.paragraphs:
        prose = page.tabs.widget(0).toPlainText()
        assert TR(core.paragraphs[0]) in prose
    assert report.kind == kind


def test_the_course_asks_for_seminars_then_says_whether_it_qualifies(qtbot, page, db, demo) -> None:
    page.choose("course")
    assert page.course_box.isVisible()
    assert page.seminars.count() == len(demo)
    assert page.report is None and not page.building
    assert page.message.isVisible() and "Tick one or more seminars" in page.message.text()
    assert not page.export_csv.isEnabled() and not page.print_button.button.isEnabled()

    page.set_events(demo[:1])
    wait_built(qtbot, page, "course")
    core = expected(db, "course", event_ids=demo[:1])
    assert core.data["qualifies"] and not page.report.alert
    assert page.headline.text() == TR(core.headline)
    assert GOOD_COLOUR in page.headline.styleSheet()  # green: it qualifies

    set_course_rule(db, "min_participants", 200)
    page.refresh()
    qtbot.waitUntil(
        lambda: page.report is not None and page.report.alert and not page.building, timeout=20_000
    )
    core = expected(db, "course", event_ids=demo[:1])
    assert not core.data["qualifies"]
    assert page.headline.text() == TR(core.headline)  # "... does not qualify: <why>."
    assert TR(core.data["problems"][0]) in page.headline.text()
    assert WARNING_COLOUR in page.headline.styleSheet()  # red: it does not
    assert page.checked_events() == tuple(demo[:1])  # the ticks survive a refresh


# --- Building off the GUI thread ---------------------------------------------------------------


def test_nothing_is_built_until_the_page_is_shown(qtbot, db, demo) -> None:
    page = make_page(qtbot, db, show=False)
    assert page.report is None and page.task is None
    page.show()
    assert wait_built(qtbot, page, "coverage").kind == "coverage"


def test_busy_while_building_and_the_last_choice_wins(qtbot, page, db, monkeypatch) -> None:
    release, started = threading.Event(), threading.Event()
    real = reports_page.build_report

    def slow(session, kind, **options):
        started.set()
        release.wait(10)
        return real(session, kind, **options)

    monkeypatch.setattr(reports_page, "build_report", slow)
    page.choose("ages")
    assert started.wait(10)
    assert page.building and page.busy.isVisible()
    assert page.status.text() == "Making the report…"
    assert not page.export_xlsx.isEnabled() and not page.export_xlsx_action.isEnabled()
    page.choose("attendance")  # chosen while "ages" is being built
    release.set()
    report = wait_built(qtbot, page, "attendance")
    qtbot.waitUntil(lambda: not page.busy.isVisible())
    assert page.request.kind == "attendance" and report.kind == "attendance"
    assert page.status.text() == ""


def test_a_refusal_is_shown_instead_of_the_report(qtbot, page, monkeypatch) -> None:
    def refuse(session, kind, **options):
        from vrus.texts import translate

        raise ValidationError(
            "season",
            translate("Core", "'{year}' is not a season year ({first}-{last})").format(
                year=1900, first=2008, last=2100
            ),
        )

    monkeypatch.setattr(reports_page, "build_report", refuse)
    page.choose("ages")
    qtbot.waitUntil(lambda: page.message.isVisible() and not page.building, timeout=10_000)
    assert page.report is None
    assert page.message.text().startswith("The report could not be made.")
    assert "1900" in page.message.text()
    assert not page.export_csv.isEnabled()


def test_a_change_in_the_register_builds_again(qtbot, page, db) -> None:
    first = page.report
    from tests.ui.helpers import add_person

    add_person(
        db,
        "Åsmund",
        "Ødegård",
        municipality="Krødsherad",
        ensemble="Ungdomssymfonikerne",
        since=DEMO_TODAY,
    )
    page.findChild(RegisterChanges).changed.emit()  # the page is shown: built at once
    qtbot.waitUntil(lambda: page.report is not first and not page.building, timeout=20_000)
    model = page.table_model("municipalities")
    row = column_texts(model).index("Krødsherad")
    assert not model.index(row, 0).data(MARKED_ROLE)


# --- Export and print ----------------------------------------------------------------------


def fake_save_dialog(monkeypatch, path):
    asked = []

    def choose(_parent, _caption, proposed, _filters, *args, **kwargs):
        asked.append(proposed)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(choose))
    return asked


def test_export_to_csv_reads_back_with_norwegian_letters(
    qtbot, page, db, tmp_path, monkeypatch
) -> None:
    asked = fake_save_dialog(monkeypatch, tmp_path / "dekning")
    with qtbot.waitSignal(page.exported, timeout=10_000) as done:
        qtbot.mouseClick(page.export_csv, Qt.MouseButton.LeftButton)
    path = tmp_path / "dekning.csv"
    assert done.args == [str(path)]
    assert asked[0].endswith("rekruttering-2026.csv")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600  # it may list children
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    names = {row[0] for row in rows if row}
    core = expected(db, "coverage")
    assert {m["name"] for m in core.data["municipalities"]} <= names
    assert "Bærum" in names and "Øvre Eiker" in names and "Krødsherad" in names
    assert rows[0] == [TR(core.title)]
    assert page.status.text() == "Saved dekning.csv"


def test_export_to_xlsx_reads_back_with_norwegian_letters(
    qtbot, page, db, tmp_path, monkeypatch
) -> None:
    page.choose("ages")
    wait_built(qtbot, page, "ages")
    target = tmp_path / "alder.xlsx"
    asked = fake_save_dialog(monkeypatch, target)
    with qtbot.waitSignal(page.exported, timeout=10_000):
        qtbot.mouseClick(page.export_xlsx, Qt.MouseButton.LeftButton)
    assert asked[0].endswith("aldersfordeling-2026.xlsx")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    book = openpyxl.load_workbook(target)
    cells = {
        str(cell.value)
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    }
    core = expected(db, "ages")
    names = [row[0] for row in core.table("ages_out").rows]
    assert names and set(names) <= cells
    assert any(ch in "".join(names) for ch in "æøåÆØÅ")  # the demo's names have them


def test_an_existing_file_becomes_private_too(qtbot, page, tmp_path, monkeypatch) -> None:
    target = tmp_path / "gammel.csv"
    target.write_text("old")
    target.chmod(0o644)
    fake_save_dialog(monkeypatch, target)
    with qtbot.waitSignal(page.exported, timeout=10_000):
        page.export("csv")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert "Bærum" in target.read_text(encoding="utf-8-sig")


def test_cancelled_export_writes_nothing(qtbot, page, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *args, **kwargs: ("", ""))
    )
    page.export("xlsx")
    assert page.export_task is None and list(tmp_path.glob("*.xlsx")) == []


def focus_table(qtbot, page) -> None:
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.views[0].setFocus()
    qtbot.waitUntil(lambda: page.views[0].hasFocus())


def test_ctrl_e_and_ctrl_shift_e_export(qtbot, page, tmp_path, monkeypatch) -> None:
    focus_table(qtbot, page)
    fake_save_dialog(monkeypatch, tmp_path / "a.xlsx")
    with qtbot.waitSignal(page.exported, timeout=10_000):
        qtbot.keyClick(page.views[0], Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert openpyxl.load_workbook(tmp_path / "a.xlsx").worksheets
    fake_save_dialog(monkeypatch, tmp_path / "b.csv")
    with qtbot.waitSignal(page.exported, timeout=10_000):
        qtbot.keyClick(
            page.views[0],
            Qt.Key.Key_E,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    assert "Bærum" in (tmp_path / "b.csv").read_text(encoding="utf-8-sig")


def test_print_makes_the_pdf_through_the_shared_button(
    qtbot, page, db, tmp_path, monkeypatch
) -> None:
    viewer = fake_viewer(monkeypatch, tmp_path)
    qtbot.mouseClick(page.print_button.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(viewer.urls), timeout=20_000)
    path = viewer.paths[0]
    assert path.name == "rekruttering-2026.pdf"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    core = expected(db, "coverage")
    title, text, pages = pdf_text(path)
    assert title == TR(core.title)
    assert "Krødsherad" in text and "Øvre Eiker" in text
    assert pages >= 1


def test_ctrl_p_prints_or_says_why_not(qtbot, page, tmp_path, monkeypatch) -> None:
    viewer = fake_viewer(monkeypatch, tmp_path)
    monkeypatch.setattr(printing, "printers_available", lambda: False)
    focus_table(qtbot, page)
    qtbot.keyClick(page.views[0], Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(viewer.urls), timeout=20_000)  # opened to print from the viewer
    box = page.print_button.message_box
    assert box is not None and "printer" in box.text()
    box.accept()
    assert pdf_text(viewer.paths[0])[1]


def test_copy_puts_the_rows_on_the_clipboard(qtbot, page) -> None:
    view = page.views[0]
    view.selectRow(1)
    page.copy_rows(view)
    lines = QGuiApplication.clipboard().text().splitlines()
    model = page.models[0]
    assert lines[0].split("\t")[0] == model.heading(0)
    assert lines[1].split("\t")[0] == model.index(1, 0).data()


def test_copied_rows_are_cleared_again(qtbot, page, monkeypatch) -> None:
    """Reports name children: what was copied does not stay on the clipboard."""
    from vrus.ui.common import clipboard

    monkeypatch.setattr(clipboard, "CLEAR_AFTER_MINUTES", 0.005)  # 300 ms
    monkeypatch.setattr(clipboard, "_clipboard", None)
    page.copy_rows(page.views[0])
    assert QGuiApplication.clipboard().text()
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() == "", timeout=5000)


# --- The window and the model ----------------------------------------------------------------


def test_the_window_shows_the_reports_in_its_section(qtbot, db, demo, make_window) -> None:
    window = make_window(today=DEMO_TODAY)
    window.show_section("reports")
    page = window.reports_page
    assert window.pages.currentWidget() is page
    report = wait_built(qtbot, page, "coverage")
    assert page.headline.text() == TR(report.headline)


def test_the_table_model_passes_qtmodeltester(qtmodeltester, db, demo) -> None:
    for kind in ("coverage", "ages", "course"):
        core = expected(db, kind, event_ids=demo[:2] if kind == "course" else ())
        for table in core.tables:  # an empty table among them ("outside the age limits")
            model = ReportTableModel(table, TR)
            qtmodeltester.check(model, force_py=True)


def test_the_model_formats_as_the_files_do(db, demo) -> None:
    core = expected(db, "course", event_ids=demo[:2])
    table = core.table("participants")
    model = ReportTableModel(table, TR)
    for column, spec in enumerate(table.columns):
        index = model.index(0, column)
        assert index.data() == TR.cell(table.rows[0][column], spec)
        assert index.data(VALUE_ROLE) == table.rows[0][column]
        alignment = Qt.AlignmentFlag(index.data(Qt.ItemDataRole.TextAlignmentRole))
        assert bool(alignment & Qt.AlignmentFlag.AlignRight) == spec.numeric
    assert model.index(0, 6).data().endswith("%")  # the share of the hours, as in the PDF


def test_long_headings_wrap_and_keep_their_whole_text_as_tooltip(db, demo) -> None:
    table = expected(db, "coverage").table("municipalities")
    model = ReportTableModel(table, TR)
    long = max(range(len(table.columns)), key=lambda c: len(TR(table.columns[c].label)))
    heading = model.headerData(long, Qt.Orientation.Horizontal)
    assert "\n" in heading
    assert heading.replace("\n", " ") == TR(table.columns[long].label)
    # The whole heading, and under it how the figure is computed (tests/ui/test_help.py).
    tooltip = model.headerData(long, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert tooltip.startswith(f"<p><b>{TR(table.columns[long].label)}</b></p>")
