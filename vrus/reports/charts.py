"""Bar charts for the PDF versions (reportlab graphics, DejaVu Sans).

Horizontal bars, one row per category, read top-down in the table's order; a legend names
the series. Whole-number axes (members are counted, never measured).
"""

from __future__ import annotations

import math

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm

from vrus.printing.fonts import REGULAR, register_fonts
from vrus.reports.language import Translator
from vrus.reports.tables import Chart

PALETTE = [
    colors.HexColor(c) for c in ("#3E5568", "#7FA1BE", "#D7B46A", "#A8C3A0", "#C77D6E", "#9A9A9A")
]
ROW = 13  # points per category
LABELS = 38 * mm  # room for the category names left of the bars
LEGEND = 16  # points for the legend row above the bars


def nice_step(largest: float) -> int:
    """An axis step of 1, 2 or 5 times a power of ten giving at most about 10 ticks."""
    if largest <= 10:
        return 1
    power = 10 ** math.floor(math.log10(largest / 10))
    for factor in (1, 2, 5, 10):
        if largest / (factor * power) <= 10:
            return factor * power
    return 10 * power


def chart_drawing(chart: Chart, tr: Translator, width: float) -> Drawing:
    register_fonts()
    rows = len(chart.categories)
    # Grouped bars: 6 points per bar and a gap; a stacked row is one bar.
    per_row = ROW if chart.stacked else 6 * len(chart.series) + 4
    plot_height = max(per_row * rows, 40)
    drawing = Drawing(width, plot_height + LEGEND + 24)
    bars = HorizontalBarChart()
    # types-reportlab has these as int; reportlab takes any number (points).
    bars.x, bars.y = LABELS, 18  # type: ignore[assignment]
    bars.width, bars.height = width - LABELS - 12, plot_height  # type: ignore[assignment]
    # reportlab draws the first category at the bottom, and within a category the first
    # series lowest: both reversed, the chart reads top-down in the legend's order.
    order = list(range(len(chart.series)))
    if not chart.stacked:
        order.reverse()
    bars.data = [tuple(reversed(chart.series[i].values)) for i in order]
    bars.categoryAxis.categoryNames = [tr(c) for c in reversed(chart.categories)]
    bars.categoryAxis.labels.fontName = REGULAR
    bars.categoryAxis.labels.fontSize = 8
    bars.categoryAxis.labels.boxAnchor = "e"
    bars.categoryAxis.labels.dx = -4
    if chart.stacked:
        bars.categoryAxis.style = "stacked"
    largest = max(
        (sum(values) for values in zip(*(s.values for s in chart.series), strict=True))
        if chart.stacked
        else (v for s in chart.series for v in s.values),
        default=0,
    )
    step = nice_step(largest)
    bars.valueAxis.valueMin = 0
    bars.valueAxis.valueMax = max(step, math.ceil(largest / step) * step)
    bars.valueAxis.valueStep = step
    bars.valueAxis.labels.fontName = REGULAR
    bars.valueAxis.labels.fontSize = 8
    bars.valueAxis.visibleGrid = True
    bars.valueAxis.gridStrokeColor = colors.HexColor("#DDDDDD")
    bars.barSpacing = 1
    bars.groupSpacing = 4
    for index, series in enumerate(order):
        bars.bars[index].fillColor = PALETTE[series % len(PALETTE)]
        bars.bars[index].strokeColor = None
    drawing.add(bars)
    if chart.stacked:
        _totals(drawing, bars, chart, tr)
    drawing.add(_legend(chart, tr, plot_height + 18 + 8))
    return drawing


def _totals(drawing: Drawing, bars: HorizontalBarChart, chart: Chart, tr: Translator) -> None:
    """Each stacked bar's total at its end, so a 0 (nobody) shows as a number, not as a
    bar too short to see."""
    rows = len(chart.categories)
    for index, values in enumerate(zip(*(s.values for s in chart.series), strict=True)):
        total = sum(values)
        x = bars.x + bars.width * total / bars.valueAxis.valueMax + 3
        # Category 0 is drawn at the top (the axis was reversed above).
        y = bars.y + bars.height * (rows - index - 0.5) / rows - 3
        drawing.add(
            String(
                x,
                y,
                tr.number(total, 0),
                fontName=REGULAR,
                fontSize=7.5,
                fillColor=colors.HexColor("#333333"),
            )
        )


def _legend(chart: Chart, tr: Translator, top: float) -> Legend:
    legend = Legend()
    legend.x, legend.y = LABELS, top + LEGEND - 4  # type: ignore[assignment]  # as bars.x
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.fontName = REGULAR
    legend.fontSize = 8.5
    legend.boxAnchor = "nw"
    legend.deltax = 10
    legend.dxTextSpace = 4
    legend.colorNamePairs = [
        (PALETTE[i % len(PALETTE)], tr(s.label)) for i, s in enumerate(chart.series)
    ]
    # One row of entries, each as wide as its name needs.
    legend.variColumn = True
    return legend
