"""A report's bar chart (``vrus.reports.tables.Chart``) drawn with QPainter, without Qt Charts.

Horizontal bars, one row per category, top-down in the report's order, like the PDF's charts
(``vrus.reports.charts``) and in the same colours:

- stacked (members per ensemble in each municipality): the parts side by side in one bar and
  the total at its end, so a municipality with nobody shows a "0" and a shaded row rather
  than a bar too short to see;
- against a target (members per instrument): the target as an outlined bar and the members
  as a filled bar inside it, so the gap is the empty part; rows below the target are shaded;
- otherwise the series as thin bars side by side.

The rows share the height there is (between a readable minimum and a comfortable maximum);
below the minimum the widget asks for more height and its scroll area scrolls.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from vrus.reports.charts import nice_step
from vrus.reports.language import Translator
from vrus.reports.tables import Chart
from vrus.texts import translate
from vrus.ui.common.colours import (
    CAUTION,
    GRID_LINE,
    MARKED_BACKGROUND,
    QUIET,
    Tone,
    colour,
    is_dark,
)

# The PDF's colours (vrus.reports.charts.PALETTE), so screen and paper look alike. On a dark
# palette the two slate blues swap lightness, so every bar stands out from the dark ground.
PALETTE = ("#3E5568", "#7FA1BE", "#D7B46A", "#A8C3A0", "#C77D6E", "#9A9A9A")
DARK_PALETTE = ("#B8CBDC", "#5F86A8", "#D7B46A", "#A8C3A0", "#C77D6E", "#9A9A9A")
TARGET = translate("Core", "Target")  # the series drawn as the outline to fill
TARGET_EDGE = Tone("#6b7886", "#8d99a6")
TARGET_FILL = Tone("#f1f3f6", "#2c333b")

PAD = 12
MIN_ROW, MAX_ROW = 16, 30  # pixels per category
SWATCH = 10


@dataclass(frozen=True)
class _Layout:
    title: QRect
    legend: list[tuple[int, QRect, QRect]]  # series, its swatch, its name
    plot: QRectF  # the bars' area, from value 0 to the axis' end
    labels: QRectF  # the category names, left of the plot
    row: float
    axis_max: float
    step: float


def _series_colour(index: int) -> QColor:
    palette = DARK_PALETTE if is_dark() else PALETTE
    return QColor(palette[index % len(palette)])


class ReportChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportChart")
        self.chart: Chart | None = None
        self.title = ""
        self.categories: list[str] = []
        self.series_labels: list[str] = []
        self.target: int | None = None  # the series that is the target, when there is one
        self._tr = Translator("en")
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_chart(self, chart: Chart | None, tr: Translator) -> None:
        self.chart = chart
        self._tr = tr
        self.title = tr(chart.title) if chart else ""
        self.categories = [tr(c) for c in chart.categories] if chart else []
        self.series_labels = [tr(s.label) for s in chart.series] if chart else []
        self.target = None
        if chart is not None and not chart.stacked and len(chart.series) >= 2:
            self.target = next((i for i, s in enumerate(chart.series) if s.label == TARGET), None)
        self.setAccessibleName(self.title)
        self._ask_for_height()
        self.updateGeometry()
        self.update()

    # --- Figures --------------------------------------------------------------------------------

    def totals(self) -> list[float]:
        if self.chart is None:
            return []
        return [sum(values) for values in zip(*(s.values for s in self.chart.series), strict=True)]

    def marked(self, row: int) -> bool:
        """Nobody in a stacked row; fewer than the target in a row against one."""
        chart = self.chart
        if chart is None:
            return False
        if chart.stacked:
            return self.totals()[row] == 0
        if self.target is not None:
            target = chart.series[self.target].values[row]
            return any(
                s.values[row] < target for i, s in enumerate(chart.series) if i != self.target
            )
        return False

    def _largest(self) -> float:
        chart = self.chart
        if chart is None:
            return 0
        if chart.stacked:
            return max(self.totals(), default=0)
        return max((v for s in chart.series for v in s.values), default=0)

    def _value_text(self, row: int) -> str:
        chart = self.chart
        if chart.stacked:
            return self._number(self.totals()[row])
        if self.target is not None:
            others = [s for i, s in enumerate(chart.series) if i != self.target]
            target = chart.series[self.target].values[row]
            shown = " · ".join(self._number(s.values[row]) for s in others)
            return f"{shown} / {self._number(target)}" if target else shown
        return ""

    def _number(self, value: float) -> str:
        return self._tr.number(value, 0 if float(value).is_integer() else 1)

    # --- Layout ---------------------------------------------------------------------------------

    def _fonts(self) -> tuple[QFont, QFont, QFont]:
        base = QFont(self.font())
        title = QFont(base)
        title.setBold(True)
        small = QFont(base)
        small.setPointSizeF(base.pointSizeF() * 0.88)
        return base, title, small

    def _header(self, width: int) -> tuple[QRect, list[tuple[int, QRect, QRect]], int]:
        """The title (wrapped) and the legend (flowing onto more lines when narrow); returns
        them and the height they take."""
        _base, title_font, small = self._fonts()
        inner = max(width - 2 * PAD, 60)
        title = QFontMetrics(title_font).boundingRect(
            QRect(PAD, PAD, inner, 10_000), int(Qt.TextFlag.TextWordWrap), self.title
        )
        metrics = QFontMetrics(small)
        line = max(metrics.height(), SWATCH) + 4
        x, y = PAD, title.bottom() + 8
        legend = []
        for index, label in enumerate(self.series_labels):
            text_width = metrics.horizontalAdvance(label) + 2
            needed = SWATCH + 5 + text_width
            if x > PAD and x + needed > PAD + inner:
                x, y = PAD, y + line
            swatch = QRect(x, y + (line - SWATCH) // 2, SWATCH, SWATCH)
            legend.append((index, swatch, QRect(x + SWATCH + 5, y, text_width, line)))
            x += needed + 16
        bottom = y + line if legend else title.bottom()
        return title, legend, bottom + 10

    def _axis_height(self) -> int:
        return QFontMetrics(self._fonts()[2]).height() + 8

    def needed_height(self, width: int, row: float = MIN_ROW) -> int:
        _title, _legend, top = self._header(width)
        return int(top + len(self.categories) * row + self._axis_height() + PAD)

    def _layout(self) -> _Layout:
        width, height = self.width(), self.height()
        title, legend, top = self._header(width)
        base, _title_font, small = self._fonts()
        count = max(len(self.categories), 1)
        room = height - top - self._axis_height() - PAD
        row = min(max(room / count, MIN_ROW), MAX_ROW)
        names = QFontMetrics(base)
        label_width = min(
            max((names.horizontalAdvance(c) for c in self.categories), default=0) + 12,
            int(width * 0.4),
        )
        values = QFontMetrics(small)
        ends = (
            max(
                (
                    values.horizontalAdvance(self._value_text(r))
                    for r in range(len(self.categories))
                ),
                default=0,
            )
            + 8
        )
        left = PAD + label_width
        plot = QRectF(left, top, max(width - left - PAD - ends, 20), row * len(self.categories))
        largest = self._largest()
        step = nice_step(largest) if largest > 0 else 1
        axis_max = max(step, math.ceil(largest / step) * step)
        return _Layout(
            title,
            legend,
            plot,
            QRectF(PAD, top, label_width - 10, plot.height()),
            row,
            axis_max,
            step,
        )

    def _ask_for_height(self) -> None:
        self.setMinimumHeight(self.needed_height(max(self.width(), 200)) if self.chart else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        # The title and legend wrap when narrow: the rows' minimum room stays the same.
        self._ask_for_height()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(420, self.needed_height(420, 24) if self.chart else 120)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(260, 80)

    # --- Drawing --------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        if self.chart is None or not self.categories:
            return
        layout = self._layout()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        try:
            self._draw_header(painter, layout)
            self._draw_marks(painter, layout)
            self._draw_grid(painter, layout)
            for row in range(len(self.categories)):
                self._draw_row(painter, layout, row)
        finally:
            painter.end()

    def _ink(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.Text)

    def _ground(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.Base)

    def _draw_header(self, painter: QPainter, layout: _Layout) -> None:
        _base, title_font, small = self._fonts()
        painter.setPen(self._ink())
        painter.setFont(title_font)
        painter.drawText(layout.title, int(Qt.TextFlag.TextWordWrap), self.title)
        painter.setFont(small)
        for index, swatch, text in layout.legend:
            if index == self.target:
                painter.setPen(QPen(colour(TARGET_EDGE), 1))
                painter.setBrush(colour(TARGET_FILL))
                painter.drawRect(QRectF(swatch).adjusted(0.5, 0.5, -0.5, -0.5))
            else:
                painter.fillRect(swatch, _series_colour(index))
            painter.setPen(self._ink())
            painter.drawText(
                text,
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                self.series_labels[index],
            )

    def _row_rect(self, layout: _Layout, row: int) -> QRectF:
        return QRectF(PAD, layout.plot.top() + row * layout.row, self.width() - 2 * PAD, layout.row)

    def _draw_marks(self, painter: QPainter, layout: _Layout) -> None:
        for row in range(len(self.categories)):
            if self.marked(row):
                painter.fillRect(self._row_rect(layout, row), colour(MARKED_BACKGROUND))

    def _draw_grid(self, painter: QPainter, layout: _Layout) -> None:
        plot, small = layout.plot, self._fonts()[2]
        painter.setFont(small)
        metrics = QFontMetrics(small)
        value = 0.0
        while value <= layout.axis_max + 1e-9:
            x = plot.left() + plot.width() * value / layout.axis_max
            painter.setPen(QPen(colour(GRID_LINE if value else QUIET), 1))
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            text = self._number(value)
            painter.setPen(colour(QUIET))
            painter.drawText(
                QPointF(
                    x - metrics.horizontalAdvance(text) / 2, plot.bottom() + 4 + metrics.ascent()
                ),
                text,
            )
            value += layout.step

    def _x(self, layout: _Layout, value: float) -> float:
        return layout.plot.width() * value / layout.axis_max

    def _draw_row(self, painter: QPainter, layout: _Layout, row: int) -> None:
        base, _title, small = self._fonts()
        band = self._row_rect(layout, row)
        painter.setFont(base)
        painter.setPen(self._ink())
        label = QFontMetrics(base).elidedText(
            self.categories[row], Qt.TextElideMode.ElideRight, int(layout.labels.width())
        )
        painter.drawText(
            QRectF(layout.labels.left(), band.top(), layout.labels.width(), band.height()),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            label,
        )
        if self.chart.stacked:
            end = self._draw_stacked(painter, layout, band, row)
        elif self.target is not None:
            end = self._draw_against_target(painter, layout, band, row)
        else:
            end = self._draw_grouped(painter, layout, band, row)
        text = self._value_text(row)
        if text:
            painter.setFont(small)
            painter.setPen(colour(CAUTION if self.marked(row) else QUIET))
            metrics = QFontMetrics(small)
            painter.drawText(QPointF(end + 5, band.center().y() + metrics.ascent() / 2 - 1), text)

    def _draw_stacked(self, painter: QPainter, layout: _Layout, band: QRectF, row: int) -> float:
        height = max(layout.row * 0.62, 8)
        top = band.center().y() - height / 2
        x = layout.plot.left()
        for index, series in enumerate(self.chart.series):
            width = self._x(layout, series.values[row])
            if width > 0:
                painter.fillRect(QRectF(x, top, width, height), _series_colour(index))
                x += width
                # A hairline of the background between the parts, so like colours separate.
                painter.fillRect(QRectF(x - 0.5, top, 1, height), self._ground())
        return x

    def _draw_against_target(
        self, painter: QPainter, layout: _Layout, band: QRectF, row: int
    ) -> float:
        left = layout.plot.left()
        target = self.chart.series[self.target].values[row]
        outer = max(layout.row * 0.7, 10)
        end = left
        if target > 0:
            painter.setPen(QPen(colour(TARGET_EDGE), 1))
            painter.setBrush(colour(TARGET_FILL))
            box = QRectF(left, band.center().y() - outer / 2, self._x(layout, target), outer)
            painter.drawRect(box.adjusted(0.5, 0.5, -0.5, -0.5))
            end = box.right()
        others = [i for i in range(len(self.chart.series)) if i != self.target]
        inner = max(outer * 0.55, 5) / len(others)
        top = band.center().y() - inner * len(others) / 2
        for position, index in enumerate(others):
            width = self._x(layout, self.chart.series[index].values[row])
            painter.fillRect(
                QRectF(left, top + position * inner, width, inner),
                _series_colour(index),
            )
            end = max(end, left + width)
        return end

    def _draw_grouped(self, painter: QPainter, layout: _Layout, band: QRectF, row: int) -> float:
        series = self.chart.series
        bar = max(layout.row * 0.75, 6) / len(series)
        top = band.center().y() - bar * len(series) / 2
        end = layout.plot.left()
        for index, one in enumerate(series):
            width = self._x(layout, one.values[row])
            painter.fillRect(
                QRectF(layout.plot.left(), top + index * bar, width, bar - 1),
                _series_colour(index),
            )
            end = max(end, layout.plot.left() + width)
        return end

    # --- Tooltips ---------------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.row_tooltip(event.pos().y())
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
            event.accept()
            return True
        return super().event(event)

    def row_tooltip(self, y: int) -> str:
        """Every figure of the row under ``y``: "Asker: Ungdomssymfonikerne 4, … (total 12)"."""
        if self.chart is None or not self.categories:
            return ""
        layout = self._layout()
        row = math.floor((y - layout.plot.top()) / layout.row)
        if not 0 <= row < len(self.categories):
            return ""
        parts = [
            f"{label} {self._number(series.values[row])}"
            for label, series in zip(self.series_labels, self.chart.series, strict=True)
        ]
        text = self.tr("{category}: {figures}").format(
            category=self.categories[row], figures=", ".join(parts)
        )
        if self.chart.stacked:
            text += " " + self.tr("(total {total})").format(total=self._number(self.totals()[row]))
        return text
