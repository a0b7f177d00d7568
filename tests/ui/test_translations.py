"""The Bokmål catalogue is complete and current, and the shipped .qm files match their .ts.

The catalogue covers the window (``self.tr`` and friends in vrus/ui) and the core's messages
(``translate("Core", ...)`` anywhere in vrus). If a test here fails after you changed
user-visible text, run ``python -m vrus.ui.i18n update``, translate what is marked unfinished in
resources/translations/vrus_nb.ts, then run ``python -m vrus.ui.i18n release`` and commit the
.ts and the .qm.
"""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

import vrus
from vrus.texts import CORE_CONTEXT
from vrus.ui import i18n

Key = tuple[str, str, str]  # context, source, disambiguation comment
PACKAGE = Path(vrus.__file__).resolve().parent


def messages(ts_file: Path) -> dict[Key, ET.Element]:
    found = {}
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            key = (name, message.findtext("source"), message.findtext("comment") or "")
            found[key] = message
    return found


def finished(message: ET.Element) -> bool:
    translation = message.find("translation")
    if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
        return False
    if message.get("numerus") == "yes":
        forms = translation.findall("numerusform")
        return bool(forms) and all((form.text or "").strip() for form in forms)
    return bool((translation.text or "").strip())


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> dict[Key, ET.Element]:
    """What pyside6-lupdate finds in vrus today, in a fresh catalogue."""
    fresh = tmp_path_factory.mktemp("lupdate") / "vrus_nb.ts"
    i18n.update_catalog(fresh)
    return messages(fresh)


def test_lupdate_finds_the_window_strings(extracted) -> None:
    assert ("MainWindow", "Members", "") in extracted
    assert ("WelcomePanel", "Load the demo season", "") in extracted
    assert len(extracted) > 40


def test_lupdate_finds_the_core_messages(extracted) -> None:
    # From vrus/validation.py and vrus/importing, outside vrus/ui.
    assert (CORE_CONTEXT, "'{value}' is not a real date", "") in extracted
    assert (CORE_CONTEXT, "row {row}, {column}: {message}", "") in extracted
    assert (CORE_CONTEXT, "{file}: the file is empty", "") in extracted


def core_calls() -> Iterator[tuple[Path, ast.Call]]:
    """Every ``translate("Core", ...)`` call in the package, as Python reads it."""
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            first = node.args[0]
            if (
                name == "translate"
                and isinstance(first, ast.Constant)
                and first.value == CORE_CONTEXT
            ):
                yield path, node


def test_core_messages_are_literal_for_lupdate() -> None:
    """lupdate sees only a literal text: an f-string would be looked up with its braces
    already filled in, and values passed in the same call are lost; values go in .format."""
    wrong = [
        f"{path.relative_to(PACKAGE.parent)}:{call.lineno}"
        for path, call in core_calls()
        if len(call.args) != 2
        or call.keywords
        or not isinstance(call.args[1], ast.Constant)
        or not isinstance(call.args[1].value, str)
    ]
    assert wrong == [], f"translate('Core', ...) needs a plain string and nothing else: {wrong}"


def test_every_core_message_is_extracted_and_translated(extracted) -> None:
    """The core's messages, found independently of lupdate, are in vrus_nb.ts, translated."""
    committed = messages(i18n.translations_dir() / "vrus_nb.ts")
    sources = {
        call.args[1].value for _path, call in core_calls() if isinstance(call.args[1], ast.Constant)
    }
    assert len(sources) > 50
    keys = {(CORE_CONTEXT, source, "") for source in sources}
    assert sorted(key[1] for key in keys - extracted.keys()) == [], "not found by lupdate"
    missing = sorted(key[1] for key in keys if key not in committed or not finished(committed[key]))
    assert missing == [], f"no Bokmål in vrus_nb.ts (run the update, then translate): {missing}"


def test_every_string_has_a_bokmal_translation(extracted) -> None:
    committed = messages(i18n.translations_dir() / "vrus_nb.ts")
    missing = sorted(key[:2] for key in extracted if key not in committed)
    unfinished = sorted(
        key[:2] for key in extracted if key in committed and not finished(committed[key])
    )
    assert missing == [], f"not in vrus_nb.ts (run the update): {missing}"
    assert unfinished == [], f"not translated in vrus_nb.ts: {unfinished}"


def test_catalogue_has_no_stale_entries(extracted) -> None:
    committed = messages(i18n.translations_dir() / "vrus_nb.ts")
    stale = sorted(key[:2] for key in committed if key not in extracted)
    assert stale == [], f"in vrus_nb.ts but no longer in the code (run the update): {stale}"


def test_translations_keep_their_placeholders() -> None:
    import re

    for key, message in messages(i18n.translations_dir() / "vrus_nb.ts").items():
        wanted = sorted(re.findall(r"\{\w+\}|%\d", key[1]))
        assert sorted(re.findall(r"\{\w+\}|%\d", message.findtext("translation"))) == wanted, key


@pytest.mark.parametrize("name", ["vrus_nb", "qtbase_nb"])
def test_shipped_qm_is_built_from_the_committed_ts(tmp_path: Path, name: str) -> None:
    folder = i18n.translations_dir()
    rebuilt = tmp_path / f"{name}.qm"
    i18n.release_catalog(folder / f"{name}.ts", rebuilt)
    assert rebuilt.read_bytes() == (folder / f"{name}.qm").read_bytes(), (
        f"{name}.qm is stale: run python -m vrus.ui.i18n release"
    )


@pytest.fixture
def translators(qapp) -> Iterator[list[QTranslator]]:
    installed: list[QTranslator] = []
    locale = QLocale()
    yield installed
    for translator in installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(locale)


def test_bokmal_is_installed_with_qt_strings(qapp, translators) -> None:
    translators += i18n.install_translators(qapp, "nb")
    assert len(translators) == 2
    assert QCoreApplication.translate("MainWindow", "Members") == "Medlemmer"
    # Qt's own standard button, from Qt's qtbase_nb or the fallback VRUS ships.
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Avbryt"
    assert QLocale().language() == QLocale.Language.NorwegianBokmal


def test_english_installs_nothing(qapp, translators) -> None:
    assert i18n.install_translators(qapp, "en") == []
    assert QCoreApplication.translate("MainWindow", "Members") == "Members"


def test_window_in_bokmal(qapp, translators, make_window) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    translators += i18n.install_translators(qapp, "nb")
    window = make_window()
    labels = [window.sidebar.item(row).text() for row in range(window.sidebar.count())]
    assert labels == ["Medlemmer", "Arrangementer", "Lunsj", "Rapporter", "Innstillinger"]
    assert window.members_page.welcome.demo_button.text() == "Last inn demosesongen"
    assert window.count_label.text() == "Personer i registeret: 0"
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Avbryt"


def test_qt_tools_are_found() -> None:
    for tool in ("lupdate", "lrelease"):
        assert i18n.qt_tool(tool).is_file()
