"""A throwaway PostgreSQL server for the tests: its own cluster in a temporary folder.

PostgreSQL refuses to run as root, so as root the cluster belongs to the ``postgres`` OS user
(Debian's package creates it) and its commands run through ``runuser``. The server listens on
a free port of 127.0.0.1 only, trusts local connections (nothing else can reach it) and is
stopped, with its folder removed, when the test run ends.

``VRUS_TEST_POSTGRESQL`` chooses: ``require`` (``.ci/run``: a missing server fails the run),
``skip`` (no PostgreSQL tests), unset (used when the binaries are there, skipped otherwise).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

ENV = "VRUS_TEST_POSTGRESQL"


class NoServer(Exception):
    """PostgreSQL cannot be started here; the message says why."""


def wanted() -> str:
    return os.environ.get(ENV, "").strip().lower() or "auto"


def _bin_dir() -> Path:
    """The folder of ``initdb`` and ``pg_ctl``: Debian keeps them out of PATH."""
    found = shutil.which("pg_ctl")
    if found and shutil.which("initdb"):
        return Path(found).resolve().parent
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if Path(folder, "pg_ctl").exists() and Path(folder, "initdb").exists():
            return Path(folder)
    raise NoServer("PostgreSQL's initdb and pg_ctl were not found (Debian: apt install postgresql)")


def _null_for_everyone() -> None:
    """initdb (as postgres) writes to /dev/null; some containers have it root-only (seen
    on these machines: crw-------). Everyone may write to it on any normal system."""
    import stat

    mode = os.stat("/dev/null").st_mode
    if stat.S_ISCHR(mode) and not mode & stat.S_IWOTH:
        os.chmod("/dev/null", 0o666)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Server:
    folder: Path
    port: int
    superuser: str
    bin_dir: Path
    as_user: list[str]

    def url(self, database: str = "postgres", user: str | None = None) -> str:
        return f"postgresql+psycopg://{user or self.superuser}@127.0.0.1:{self.port}/{database}"

    def stop(self) -> None:
        subprocess.run(
            [
                *self.as_user,
                str(self.bin_dir / "pg_ctl"),
                "-D",
                str(self.folder / "data"),
                "-m",
                "immediate",
                "-w",
                "stop",
            ],
            capture_output=True,
            check=False,
        )
        shutil.rmtree(self.folder, ignore_errors=True)


def start() -> Server:
    """Initialise and start a cluster; raises NoServer with the reason where it cannot."""
    bin_dir = _bin_dir()
    folder = Path(tempfile.mkdtemp(prefix="vrus-pg."))
    if os.geteuid() == 0:
        if shutil.which("runuser") is None:
            raise NoServer("running as root, and runuser is missing to start PostgreSQL")
        try:
            import pwd

            account = pwd.getpwnam("postgres")
        except KeyError:
            raise NoServer("running as root, and there is no postgres OS user") from None
        os.chown(folder, account.pw_uid, account.pw_gid)
        _null_for_everyone()
        as_user = ["runuser", "-u", "postgres", "--"]
        superuser = "postgres"
    else:
        import getpass

        as_user = []
        superuser = getpass.getuser()
    data = folder / "data"
    port = _free_port()
    # C.UTF-8: the cluster's own collation is byte order; VRUS sorts names with its ICU
    # collation (nb-NO), which the tests check on this server.
    subprocess.run(
        [
            *as_user,
            str(bin_dir / "initdb"),
            "-D",
            str(data),
            "-U",
            superuser,
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        ],
        capture_output=True,
        check=True,
    )
    options = (
        f"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={folder} "
        "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"
    )
    result = subprocess.run(
        [
            *as_user,
            str(bin_dir / "pg_ctl"),
            "-D",
            str(data),
            "-o",
            options,
            "-l",
            str(folder / "log"),
            "-w",
            "start",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        log = (folder / "log").read_text() if (folder / "log").exists() else result.stderr
        shutil.rmtree(folder, ignore_errors=True)
        raise NoServer(f"PostgreSQL did not start: {log.strip()[-500:]}")
    return Server(folder=folder, port=port, superuser=superuser, bin_dir=bin_dir, as_user=as_user)


class Databases:
    """Databases made fresh for each test, copied from a template migrated once (copying
    takes some 60 ms, migrating 700)."""

    TEMPLATE = "vrus_template"

    def __init__(self, server: Server) -> None:
        from sqlalchemy import create_engine

        self.server = server
        self.admin = create_engine(server.url(), isolation_level="AUTOCOMMIT")
        self.count = 0
        self._template_ready = False

    def _sql(self, statement: str) -> None:
        with self.admin.connect() as connection:
            connection.exec_driver_sql(statement)

    def _make_template(self) -> None:
        from vrus.opening import open_database

        self._sql(f"CREATE DATABASE {self.TEMPLATE}")
        open_database(self.server.url(self.TEMPLATE)).close()
        self._template_ready = True

    def fresh(self, *, migrated: bool = True) -> str:
        """The URL of a new database: migrated to head, or empty (``migrated=False``)."""
        self.count += 1
        name = f"vrus_test_{self.count}"
        if migrated:
            if not self._template_ready:
                self._make_template()
            self._sql(f"CREATE DATABASE {name} TEMPLATE {self.TEMPLATE}")
        else:
            self._sql(f"CREATE DATABASE {name}")
        return self.server.url(name)

    def drop(self, url: str) -> None:
        name = url.rsplit("/", 1)[1]
        self._sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def close(self) -> None:
        self.admin.dispose()
