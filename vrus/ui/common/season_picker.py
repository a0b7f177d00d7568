"""The season combo the Events, Lunch and Reports pages share."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from vrus.db.engine import Database
from vrus.seasons import season_years


def fill_season_combo(combo: QComboBox, db: Database, selected: int, current: int) -> None:
    """Every season in the register, plus the current one and ``selected`` (which may not
    have events yet), newest first, with ``selected`` chosen and no change signal sent."""
    with db.sessions() as session:
        years = set(season_years(session))
    years |= {current, selected}
    combo.blockSignals(True)
    combo.clear()
    for year in sorted(years, reverse=True):
        combo.addItem(str(year), year)
    combo.setCurrentIndex(combo.findData(selected))
    combo.blockSignals(False)
