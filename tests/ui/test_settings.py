"""Typed settings over an injected QSettings file, and the Settings page."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings

from vrus.ui.common.options import LANGUAGE, LAST_PAGE, OPTIONS, WINDOW_GEOMETRY, Settings


def test_defaults_without_a_file(settings: Settings) -> None:
    assert settings.get(LANGUAGE) == "nb"
    assert settings.get(LAST_PAGE) == "members"
    assert settings.get(WINDOW_GEOMETRY).isEmpty()


def test_options_are_declared_once() -> None:
    keys = [option.key for option in OPTIONS]
    assert len(keys) == len(set(keys))


def test_values_persist_to_the_injected_file(settings_file: Path) -> None:
    first = Settings.from_file(settings_file)
    first.set(LANGUAGE, "en")
    first.set(WINDOW_GEOMETRY, QByteArray(b"\x01\x02"))
    first.sync()
    assert settings_file.is_file()
    again = Settings.from_file(settings_file)
    assert again.get(LANGUAGE) == "en"
    assert again.get(WINDOW_GEOMETRY) == QByteArray(b"\x01\x02")
    assert again.location == str(settings_file)


def test_bad_stored_values_fall_back_to_the_default(settings_file: Path) -> None:
    raw = QSettings(str(settings_file), QSettings.Format.IniFormat)
    raw.setValue(LANGUAGE.key, "de")
    raw.setValue(WINDOW_GEOMETRY.key, "not bytes")
    raw.sync()
    settings = Settings.from_file(settings_file)
    assert settings.get(LANGUAGE) == "nb"
    assert settings.get(WINDOW_GEOMETRY).isEmpty()


def test_setting_a_bad_value_is_refused(settings: Settings) -> None:
    with pytest.raises(ValueError):
        settings.set(LANGUAGE, "sv")
    with pytest.raises(TypeError):
        settings.set(LAST_PAGE, 3)


def test_default_settings_stay_out_of_the_real_config(qapp, _user_settings_in_tmp) -> None:
    names = qapp.organizationName(), qapp.applicationName()
    qapp.setOrganizationName("Vestregionen")
    qapp.setApplicationName("VRUS")
    try:
        location = Settings().location
    finally:
        qapp.setOrganizationName(names[0])
        qapp.setApplicationName(names[1])
    assert Path(location) == _user_settings_in_tmp / "Vestregionen" / "VRUS.conf"


def test_language_selector_saves_and_announces_restart(qtbot, window, settings_file) -> None:
    window.show_section("settings")
    page = window.pages.currentWidget()
    assert page.language.currentData() == "nb"
    assert not page.restart_note.isVisible()
    page.language.setCurrentIndex(page.language.findData("en"))
    assert Settings.from_file(settings_file).get(LANGUAGE) == "en"
    assert page.restart_note.isVisible()
    page.language.setCurrentIndex(page.language.findData("nb"))
    assert Settings.from_file(settings_file).get(LANGUAGE) == "nb"
    assert not page.restart_note.isVisible()


def test_settings_page_shows_database_and_log_locations(window, db) -> None:
    from PySide6.QtWidgets import QLabel

    from vrus.logsetup import log_file

    page = window.pages.widget(4)
    assert page.findChild(QLabel, "databaseLocation").text() == str(db.path)
    assert page.findChild(QLabel, "logLocation").text() == str(log_file())
