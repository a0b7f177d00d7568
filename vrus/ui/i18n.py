"""Translations: the window speaks Norwegian Bokmål by default; English is the source text.

Strings are written in English in the code: ``self.tr()`` in widgets,
``QCoreApplication.translate(context, text)`` elsewhere, ``QT_TRANSLATE_NOOP`` for constants
that are translated where they are shown. The core (everything in ``vrus`` outside ``vrus/ui``)
does not import Qt; it marks its messages with ``vrus.texts.translate("Core", text)``, which
lupdate finds by name like the others (see ``vrus/texts.py``). The Bokmål text lives in
``resources/translations/vrus_nb.ts`` and is compiled to ``vrus_nb.qm``; both are committed, so
a checkout or a wheel runs without Qt's tools.

After changing user-visible text anywhere in ``vrus``::

    python -m vrus.ui.i18n update    # pyside6-lupdate: add new strings to vrus_nb.ts
    # translate the entries marked unfinished (pyside6-linguist, or any text editor)
    python -m vrus.ui.i18n release   # pyside6-lrelease: rebuild vrus_nb.qm (and qtbase_nb.qm)

``tests/ui/test_translations.py`` fails while ``vrus_nb.ts`` lacks a translation or
``vrus_nb.qm`` is older than the ``.ts``.

Qt's own strings (standard buttons such as "Cancel", the file dialog, text-field menus) come
from Qt's ``qtbase_nb.qm`` when the Qt installation has one. PySide6 wheels ship Nynorsk but
no Bokmål, so VRUS carries its own ``qtbase_nb.ts``, written by hand for the Qt dialogs it
uses, as the fallback.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from vrus.paths import resource

# Shown in their own language in the language selector, so they are never translated.
LANGUAGE_NAMES: dict[str, str] = {"nb": "Norsk bokmål", "en": "English"}

# lupdate reads the whole package: the window (vrus/ui) and the core's "Core" messages.
SOURCES = Path(__file__).resolve().parent.parent


def translations_dir() -> Path:
    return resource("translations")


def catalog(language: str) -> Path:
    """VRUS's own compiled translation for ``language``."""
    return translations_dir() / f"vrus_{language}.qm"


def qt_catalog(language: str) -> Path | None:
    """Qt's translation of its own widgets: Qt's file if installed, else the one we ship."""
    qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    for candidate in (
        qt_dir / f"qtbase_{language}.qm",
        translations_dir() / f"qtbase_{language}.qm",
    ):
        if candidate.is_file():
            return candidate
    return None


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Make ``language`` the window's language; English needs no translator."""
    if language == "en":
        return []
    if language == "nb":
        # Number and date formats follow the language: 1 234,5 and 31.12.2014.
        QLocale.setDefault(QLocale(QLocale.Language.NorwegianBokmal, QLocale.Country.Norway))
    installed = []
    for path in (catalog(language), qt_catalog(language)):
        if path is None:
            continue
        # Parented to the application so it lives as long as the application does.
        translator = QTranslator(app)
        if translator.load(str(path)):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


def qt_tool(name: str) -> Path:
    """The path to Qt's ``lupdate`` or ``lrelease`` as shipped with PySide6, also in a venv."""
    import PySide6

    suffix = ".exe" if sys.platform == "win32" else ""
    candidates = [
        Path(PySide6.__file__).resolve().parent / f"{name}{suffix}",
        Path(sys.executable).parent / f"pyside6-{name}{suffix}",
    ]
    found = shutil.which(f"pyside6-{name}")
    if found:
        candidates.append(Path(found))
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"cannot find Qt's {name}; install PySide6 with its tools")


def source_files() -> list[Path]:
    """Every module of ``vrus``: the window's and the core's.

    lupdate does not pick .py files out of a folder by itself, so it gets the list.
    """
    return sorted(SOURCES.rglob("*.py"))


def update_catalog(ts_file: Path) -> None:
    """Collect the strings of ``vrus`` into ``ts_file``, keeping existing translations."""
    command = [
        str(qt_tool("lupdate")),
        *map(str, source_files()),
        # No line numbers: moving code must not change the committed .ts.
        "-locations",
        "none",
        "-no-obsolete",
        "-ts",
        str(ts_file),
    ]
    subprocess.run(command, check=True, capture_output=True, text=True)


def release_catalog(ts_file: Path, qm_file: Path) -> None:
    command = [str(qt_tool("lrelease")), "-silent", str(ts_file), "-qm", str(qm_file)]
    subprocess.run(command, check=True, capture_output=True, text=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m vrus.ui.i18n", description="Update or build the window's translations."
    )
    parser.add_argument("step", choices=["update", "release"])
    args = parser.parse_args(argv)
    folder = translations_dir()
    if args.step == "update":
        update_catalog(folder / "vrus_nb.ts")
        print(f"updated {folder / 'vrus_nb.ts'}; translate the unfinished entries, then release")
    else:
        for name in ("vrus_nb", "qtbase_nb"):
            release_catalog(folder / f"{name}.ts", folder / f"{name}.qm")
            print(f"built {folder / f'{name}.qm'}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
