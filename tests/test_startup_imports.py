"""What starting VRUS imports: the parser (``vrus --help``) loads no database, PDF or window
library, and opening a register at the newest schema does not import Alembic.

Each start is a fresh ``python`` process, since this one has imported everything already.
Nothing here measures time: the modules loaded are what the start-up costs come from.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.factories import add_person
from vrus.cli.files import EXPORTS as CLI_EXPORTS
from vrus.db.engine import Database, sqlite_url
from vrus.db.migrate import HEAD_REVISION, alembic_head, current_revision, downgrade
from vrus.exporting import EXPORTS

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("alembic", "reportlab", "PySide6", "sqlalchemy", "openpyxl")


def _loaded_after(code: str, *args: str) -> dict[str, object]:
    """Runs ``code`` in a new interpreter; its last line printed is JSON."""
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_the_head_revision_is_the_newest_migration() -> None:
    # A new migration changes HEAD_REVISION too: the start compares the register with it.
    assert alembic_head() == HEAD_REVISION


def test_the_parser_names_every_export() -> None:
    assert CLI_EXPORTS == EXPORTS


def test_building_the_parser_loads_no_heavy_library() -> None:
    report = _loaded_after(
        """
        import json, sys
        import vrus.cli
        vrus.cli.build_parser().format_help()
        heavy = sys.argv[1].split(",")
        print(json.dumps({"loaded": sorted({m.split(".")[0] for m in sys.modules} & set(heavy))}))
        """,
        ",".join(HEAVY),
    )
    assert report["loaded"] == []


@pytest.mark.sqlite_only("reads the SQLite file's schema version without Alembic")
def test_opening_a_current_register_does_not_import_alembic(db: Database) -> None:
    add_person(db, "Kari", "Nordmann")
    db.close()
    report = _loaded_after(
        """
        import json, sys
        from vrus.cli import main
        code = main(["--db", sys.argv[1], "check"])  # opens, backs up, checks, closes
        print(json.dumps({"code": code, "alembic": "alembic" in sys.modules}))
        """,
        str(db.path),
    )
    assert report == {"code": 0, "alembic": False}


@pytest.mark.sqlite_only("downgrades and upgrades the SQLite file")
def test_an_older_register_is_still_upgraded(db: Database) -> None:
    # The other side of skipping Alembic: a register not at the head is migrated as before.
    downgrade(db, "0005")
    db.close()
    report = _loaded_after(
        """
        import json, sys
        from vrus.db.engine import sqlite_url
        from vrus.db.migrate import current_revision
        from vrus.opening import open_database
        db = open_database(sqlite_url(sys.argv[1]))
        with db.engine.connect() as connection:
            revision = current_revision(connection)
        db.close()
        print(json.dumps({"revision": revision, "alembic": "alembic" in sys.modules}))
        """,
        str(db.path),
    )
    assert report == {"revision": HEAD_REVISION, "alembic": True}


def test_current_revision_reads_what_alembic_wrote(db: Database) -> None:
    from alembic.runtime.migration import MigrationContext

    with db.engine.connect() as connection:
        assert (
            current_revision(connection)
            == MigrationContext.configure(connection).get_current_revision()
        )


def test_a_new_file_has_no_revision(tmp_path: Path) -> None:
    from vrus.db.engine import connect

    fresh = connect(sqlite_url(tmp_path / "new.sqlite3"))
    try:
        with fresh.engine.connect() as connection:
            assert current_revision(connection) is None
    finally:
        fresh.close()
