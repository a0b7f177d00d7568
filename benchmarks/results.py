"""The rows of the benchmark table: what was measured, its floor, its target, and how a row
is written (median, p95, min, max, the floor's median, the ratio, met or not)."""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass, field

TIME, MEMORY, TEXT = "time", "memory", "text"


@dataclass(frozen=True)
class Target:
    """``statistic`` of the samples at most ``limit``: seconds for "median" and "p95", a
    multiple of the floor's median for "ratio"."""

    limit: float
    statistic: str = "median"

    def text(self) -> str:
        if self.statistic == "ratio":
            return f"<= {self.limit:g}x floor"
        limit = f"{self.limit:g} s" if self.limit >= 1 else f"{self.limit * 1000:g} ms"
        return f"{self.statistic} <= {limit}"


@dataclass
class Row:
    """One line of the table: a measurement at one size, or why it has none."""

    key: str  # the row's name on the command line (--only)
    title: str
    size: str
    kind: str = TIME  # TIME (samples in seconds), MEMORY (KiB) or TEXT (``value``)
    samples: list[float] = field(default_factory=list)
    floor: list[float] = field(default_factory=list)
    target: Target | None = None
    value: str | None = None  # TEXT rows
    verdict: str | None = None  # TEXT rows judge themselves
    missing: str | None = None  # the reason it was not measured
    note: str = ""  # e.g. runs that timed out

    @property
    def measured(self) -> bool:
        return self.missing is None and (bool(self.samples) or self.value is not None)

    def median(self) -> float:
        return statistics.median(self.samples)

    def p95(self) -> float:
        return percentile(self.samples, 95)

    def ratio(self) -> float | None:
        if not self.samples or not self.floor:
            return None
        floor = statistics.median(self.floor)
        return self.median() / floor if floor > 0 else None

    def met(self) -> bool | None:
        if not self.measured or self.target is None:
            return None
        if self.target.statistic == "ratio":
            ratio = self.ratio()
            return None if ratio is None else ratio <= self.target.limit
        figure = self.p95() if self.target.statistic == "p95" else self.median()
        return figure <= self.target.limit

    def cells(self) -> list[str]:
        """row, size, runs, median, p95, min, max, floor median, ratio, target, met."""
        head = [self.title, self.size]
        if not self.measured:
            reason = self.missing or "not measured"
            return [*head, "-", f"not measured: {reason}", *["-"] * 7]
        if self.kind == TEXT:
            return [
                *head,
                "1",
                self.value or "",
                *["-"] * 5,
                "same at every size",
                self.verdict or "-",
            ]
        show = time_text if self.kind == TIME else memory_text
        ratio = self.ratio()
        met = self.met()
        return [
            *head,
            str(len(self.samples)) + (f" ({self.note})" if self.note else ""),
            show(self.median()),
            show(self.p95()),
            show(min(self.samples)),
            show(max(self.samples)),
            show(statistics.median(self.floor)) if self.floor else "-",
            ratio_text(ratio),
            self.target.text() if self.target else "-",
            "-" if met is None else ("yes" if met else "**no**"),
        ]


HEADERS = ["row", "size", "runs", "median", "p95", "min", "max", "floor median", "ratio"]
HEADERS += ["target", "met"]


def percentile(samples: list[float], pct: float) -> float:
    """The ``pct`` percentile, the nearest-rank way: a value that was measured."""
    ordered = sorted(samples)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


def time_text(seconds: float) -> str:
    if seconds >= 1:
        return f"{seconds:.2f} s"
    ms = seconds * 1000
    return f"{ms:.2f} ms" if ms < 10 else f"{ms:.1f} ms"


def ratio_text(ratio: float | None) -> str:
    if ratio is None:
        return "-"
    return f"{ratio:.1f}x" if ratio < 10 else f"{ratio:.0f}x"


def memory_text(kib: float) -> str:
    return f"{kib / 1024:.0f} MB"


def size_text(persons: int) -> str:
    """10000 -> "10 000", as the issue writes it."""
    return f"{persons:,}".replace(",", " ")


class Table:
    """The rows of one run, in the order measured; each is printed as it comes."""

    def __init__(self, echo: bool = True) -> None:
        self.rows: list[Row] = []
        self._echo = echo

    def add(self, row: Row) -> None:
        self.rows.append(row)
        if self._echo:
            cells = row.cells()
            print(f"{cells[0]:<40} {cells[1]:>8}  " + "  ".join(cells[2:]), flush=True)
