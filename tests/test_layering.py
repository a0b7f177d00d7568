"""The core never loads Qt: only ``vrus.ui`` may import PySide6.

The command line, the database, the demo data and the printing must run on a machine without
a screen (and without Qt's system libraries), and their tests must not need a QApplication.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import vrus

PACKAGE_DIR = Path(vrus.__file__).resolve().parent
QT_MODULES = ("PySide6", "shiboken6")

# Runs in a fresh interpreter: imports every core module, opens and migrates a database (which
# runs the Alembic env.py and every migration script), then reports what got imported. The
# modules are found from the files, so new ones are covered without touching this test, also
# in folders without __init__.py (pkgutil.walk_packages would skip those, and would import
# vrus.ui to look inside it).
_PROBE = textwrap.dedent("""
    import importlib, json, pathlib, sys
    import vrus

    def qt_loaded():
        return sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))

    def skip(name):
        return (name == "vrus.ui" or name.startswith("vrus.ui.") or name == "vrus.__main__"
                or name == "vrus.db.migrations.env")

    root = pathlib.Path(vrus.__file__).resolve().parent
    names = []
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names.append(".".join(parts))

    imported, failed, culprit = [], {}, []
    for name in names:
        if skip(name):
            continue
        try:
            importlib.import_module(name)
        except Exception as error:
            failed[name] = repr(error)
            continue
        imported.append(name)
        if qt_loaded() and not culprit:
            culprit.append(name)

    from vrus.db.engine import sqlite_url
    from vrus.opening import open_database
    open_database(sqlite_url(sys.argv[1])).close()

    print(json.dumps({"file": vrus.__file__, "imported": imported, "failed": failed,
                      "qt": qt_loaded(), "culprit": culprit}))
""")


def test_core_modules_do_not_load_qt(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, str(tmp_path / "layering.sqlite3")],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=PACKAGE_DIR.parent,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])

    assert Path(report["file"]).resolve().parent == PACKAGE_DIR
    assert report["failed"] == {}, f"core modules that fail to import: {report['failed']}"
    expected = {
        "vrus.cli",
        "vrus.collation",
        "vrus.paths",
        "vrus.db",
        "vrus.db.models",
        "vrus.db.engine",
        "vrus.db.migrate",
    }
    assert expected <= set(report["imported"])
    top = sorted({name.split(".")[0] for name in report["qt"]})
    assert top == [], (
        f"importing the core loaded {top} (first after importing {report['culprit']}); only "
        "vrus.ui may import Qt: import it inside the function that needs it, as vrus.cli does "
        "for the window"
    )


def _core_files() -> list[Path]:
    ui = PACKAGE_DIR / "ui"
    return sorted(path for path in PACKAGE_DIR.rglob("*.py") if ui not in path.parents)


def _qt_imports(path: Path) -> list[str]:
    """``import PySide6...``/``from shiboken6 import ...`` anywhere in the file, also inside
    functions, and ``importlib.import_module("PySide6...")`` with a literal name."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        elif (
            isinstance(node, ast.Call)
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
            and getattr(node.func, "attr", getattr(node.func, "id", None))
            in ("import_module", "__import__")
        ):
            names = [node.args[0].value]
        found += [
            f"{path.relative_to(PACKAGE_DIR.parent)}:{node.lineno} {name}"
            for name in names
            if name.split(".")[0] in QT_MODULES
        ]
    return found


def test_no_qt_import_outside_ui() -> None:
    files = _core_files()
    assert PACKAGE_DIR / "cli" / "__init__.py" in files
    offenders = [hit for path in files for hit in _qt_imports(path)]
    assert offenders == [], f"Qt imported outside vrus/ui: {offenders}"
