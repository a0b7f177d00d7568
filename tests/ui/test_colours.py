"""The window's colours are readable on a light and on a dark system palette.

Every colour that means something is a ``Tone`` (vrus/ui/common/colours.py): a shade for a
light palette and one for a dark one. Text keeps a contrast of at least 4.5:1 (WCAG 2.1 AA)
in both: the palette's text on each background tone, each coloured text on the palette's
grounds. The palettes are Qt's light Fusion palette and the dark ones of the systems VRUS
runs on (Windows' dark mode, KDE's Breeze Dark, macOS' dark appearance, whose text is a
little grey), as Qt gives them to the application.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from tests.ui.helpers import add_person
from vrus.ui.common import colours
from vrus.ui.common.colours import Tone, is_dark, shade
from vrus.ui.common.icons import DARK_SHADES, dark_svg
from vrus.ui.members.members_model import COL_FLAGS, COL_PHOTOS, MembersModel

AA = 4.5
Role = QPalette.ColorRole


def palette(window: str, base: str, alternate: str, text: str) -> QPalette:
    made = QPalette(QColor(window))
    for role, colour in (
        (Role.Window, window),
        (Role.Base, base),
        (Role.AlternateBase, alternate),
        (Role.Text, text),
        (Role.WindowText, text),
    ):
        made.setColor(role, QColor(colour))
    return made


LIGHT = {"Fusion": palette("#efefef", "#ffffff", "#f7f7f7", "#000000")}
DARK = {
    "Windows dark": palette("#1e1e1e", "#2d2d2d", "#353535", "#ffffff"),
    "Breeze Dark": palette("#2a2e32", "#1b1e20", "#232629", "#fcfcfc"),
    "macOS dark": palette("#323232", "#1e1e1e", "#2a2a2a", "#dcdcdc"),
}
PALETTES = {**LIGHT, **DARK}
GROUNDS = (Role.Base, Role.Window, Role.AlternateBase)
# Text in a colour of its own, on the palette's grounds.
TEXT_TONES = ("WARNING", "GOOD", "CAUTION", "INFO", "QUIET", "MUTED")


def tones(suffix: str = "") -> dict[str, Tone]:
    return {
        name: value
        for name, value in vars(colours).items()
        if isinstance(value, Tone) and name.endswith(suffix)
    }


def luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(one: QColor | str, other: QColor | str) -> float:
    """WCAG 2.1's contrast ratio, from 1 (the same) to 21 (black on white)."""
    light, dark = sorted((luminance(QColor(one)), luminance(QColor(other))), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_contrast_is_wcags() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast("#b3261e", "#b3261e") == 1


@pytest.mark.parametrize("name", list(PALETTES))
def test_the_shade_follows_the_palette(name: str) -> None:
    dark = name in DARK
    assert is_dark(PALETTES[name]) is dark
    for tone in tones().values():
        assert shade(tone, PALETTES[name]) == (tone.dark if dark else tone.light)


@pytest.mark.parametrize("name", list(PALETTES))
def test_the_palettes_text_reads_on_every_background(name: str) -> None:
    used = PALETTES[name]
    text = used.color(Role.Text)
    ratios = {
        tone: contrast(text, shade(value, used)) for tone, value in tones("_BACKGROUND").items()
    }
    assert len(ratios) >= 10
    poor = {tone: round(ratio, 2) for tone, ratio in ratios.items() if ratio < AA}
    assert not poor, poor


@pytest.mark.parametrize("name", list(PALETTES))
def test_coloured_text_reads_on_the_palettes_grounds(name: str) -> None:
    used = PALETTES[name]
    ratios = {
        (tone, ground.name): contrast(shade(getattr(colours, tone), used), used.color(ground))
        for tone in TEXT_TONES
        for ground in GROUNDS
    }
    poor = {pair: round(ratio, 2) for pair, ratio in ratios.items() if ratio < AA}
    assert not poor, poor


@pytest.mark.parametrize("name", list(PALETTES))
def test_text_on_its_own_ground_reads(name: str) -> None:
    """A warning in its box (the banner, the lunch warning), the sidebar's section."""
    used = PALETTES[name]
    pairs = [
        (colours.WARNING, colours.ALERT_BACKGROUND),
        (colours.SELECTED_TEXT, colours.SELECTED_BACKGROUND),
        (colours.GOOD, colours.GOOD_BACKGROUND),
    ]
    for text, ground in pairs:
        assert contrast(shade(text, used), shade(ground, used)) >= AA, (text, ground)


def test_the_dark_icons_keep_none_of_the_light_shades() -> None:
    svg = '<svg stroke="#1f4e79"><rect fill="#FFFFFF"/><path fill="#d6e4f0"/></svg>'
    drawn = dark_svg(svg)
    assert not any(light in drawn.lower() for light in DARK_SHADES)
    assert all(dark in drawn for dark in DARK_SHADES.values())


@pytest.fixture
def dark_application(qapp) -> Iterator[QPalette]:
    """The application on a dark system palette, as a dark theme gives it."""
    before = QApplication.palette()
    QApplication.setPalette(DARK["Breeze Dark"])
    yield DARK["Breeze Dark"]
    QApplication.setPalette(before)


def test_the_members_flags_follow_a_dark_palette(dark_application, db) -> None:
    """Red "No photos" and the flags' red, readable on the dark table (drawn at data())."""
    add_person(
        db,
        "Åsmund",
        "Ødegård",
        born=dt.date(2006, 5, 17),
        municipality="Asker",
        ensemble="Juniorsymfonikerne",
    )  # 20 in 2026: above the juniors' upper limit
    model = MembersModel(db, today=lambda: dt.date(2026, 10, 1))
    model.refresh()
    photos = model.index(0, COL_PHOTOS).data(Qt.ItemDataRole.ForegroundRole).color()
    flag = model.index(0, COL_FLAGS).data(Qt.ItemDataRole.ForegroundRole).color()
    assert photos.name() == flag.name() == colours.WARNING.dark
    ground = dark_application.color(Role.Base)
    assert contrast(photos, ground) >= AA
