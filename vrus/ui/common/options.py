"""The window's user settings, declared once and typed, over QSettings (after Picard).

Every option is declared below with its key, its default and, where the values are closed,
its allowed choices. Code reads and writes options only through ``Settings.get``/``set`` with
these constants, so a key is never spelled twice, and a stored value of the wrong type or
outside the choices (a hand-edited file, a setting written by a newer VRUS) falls back to the
default instead of breaking the window.

Register-wide settings shared by every user of a database belong in the database
(``vrus.db.models.Setting``), not here: these are per user and per computer.

Tests pass ``Settings.from_file(tmp_path / "vrus.ini")`` and never touch the real config.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")


@dataclass(frozen=True)
class Option(Generic[T]):
    key: str
    default: T
    choices: tuple[T, ...] | None = None


LANGUAGES = ("nb", "en")

# Norwegian Bokmål is the default: the users are Norwegian; English is the source language.
LANGUAGE: Option[str] = Option("ui/language", "nb", LANGUAGES)
WINDOW_GEOMETRY: Option[QByteArray] = Option("window/geometry", QByteArray())
WINDOW_STATE: Option[QByteArray] = Option("window/state", QByteArray())
# A section key (see vrus.ui.main_window.SECTIONS) rather than an index, so reordering the
# sidebar does not send the user to the wrong page.
LAST_PAGE: Option[str] = Option("window/last_page", "members")
LAST_IMPORT_FOLDER: Option[str] = Option("import/last_folder", "")
LAST_EXPORT_FOLDER: Option[str] = Option("export/last_folder", "")
# The server the window opens at start (vrus.ui.files.server_dialog), as a URL without its
# password (that is in the key store); empty: the register file on this computer. Only the
# window reads it: the commands open what --db or VRUS_DATABASE_URL names.
SERVER_URL: Option[str] = Option("server/url", "")

OPTIONS: tuple[Option, ...] = (
    LANGUAGE,
    WINDOW_GEOMETRY,
    WINDOW_STATE,
    LAST_PAGE,
    LAST_IMPORT_FOLDER,
    LAST_EXPORT_FOLDER,
    SERVER_URL,
)


class Settings:
    """Typed access to one QSettings store."""

    def __init__(self, store: QSettings | None = None) -> None:
        # QSettings() finds the per-user file from the organisation and application names,
        # which vrus.ui.app sets before creating the settings.
        self._store = store if store is not None else QSettings()

    @classmethod
    def from_file(cls, path: str | Path) -> Settings:
        return cls(QSettings(str(path), QSettings.Format.IniFormat))

    @property
    def location(self) -> str:
        return self._store.fileName()

    def get(self, option: Option[T]) -> T:
        value = self._store.value(option.key, option.default)
        if not _same_type(value, option.default):
            return option.default
        if option.choices is not None and value not in option.choices:
            return option.default
        return value

    def set(self, option: Option[T], value: T) -> None:
        if not _same_type(value, option.default):
            raise TypeError(
                f"{option.key} takes {type(option.default).__name__}, not {type(value).__name__}"
            )
        if option.choices is not None and value not in option.choices:
            raise ValueError(f"{option.key} must be one of {option.choices}, not {value!r}")
        self._store.setValue(option.key, value)

    def reset(self, option: Option) -> None:
        self._store.remove(option.key)

    def sync(self) -> None:
        self._store.sync()


def _same_type(value: object, default: object) -> bool:
    return isinstance(value, type(default))
