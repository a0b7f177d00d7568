"""Connecting to a server (issue 17): the address and its URL, the password in the key store
and nowhere else, one clear line for each way a connection fails, and a register file on a
network share refused before anything touches it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from tests.keystore import FileKeyring
from vrus.cli import main
from vrus.db import network_share
from vrus.db.engine import sqlite_url
from vrus.db.keys import KeyStoreError
from vrus.db.network_share import Mount, NetworkShareError
from vrus.errors import DatabaseError
from vrus.opening import open_database
from vrus.server.connection import (
    KEY_STORE_SERVICE,
    ServerAddress,
    ServerConnectionError,
    check_server,
    connection_problem,
    forget,
    password_for,
    require_driver,
    save_password,
    server_address,
    url_with_password,
    with_stored_password,
    without_password,
)
from vrus.validation import ValidationError

ADDRESS = ServerAddress(host="db.example.no", database="vrus", user="anne")
URL = "postgresql+psycopg://anne@db.example.no:5432/vrus"
# Characters that mean something in a URL: they must survive the trip through it.
AWKWARD = "p@ss:w/rd?#%æ"

# --- the address and its URL --------------------------------------------------------------------


def test_an_address_becomes_the_url_vrus_opens() -> None:
    assert ADDRESS.url() == URL
    assert ADDRESS.entry == "anne@db.example.no:5432/vrus"
    other = ServerAddress(host="10.0.0.5", port=6543, database="vrus_2026", user="kari")
    assert other.url() == "postgresql+psycopg://kari@10.0.0.5:6543/vrus_2026"


def test_a_password_with_url_characters_survives_the_url() -> None:
    url = ADDRESS.url(AWKWARD)
    parsed = make_url(url)
    assert parsed.password == AWKWARD
    assert (parsed.username, parsed.host, parsed.port, parsed.database) == (
        "anne",
        "db.example.no",
        5432,
        "vrus",
    )
    assert ServerAddress.from_url(url) == ADDRESS  # the address never holds the password
    assert AWKWARD not in without_password(url)
    assert without_password(url) == URL


def test_what_is_typed_becomes_an_address() -> None:
    address = server_address("  db.example.no ", "", " vrus ", "anne")
    assert address == ADDRESS  # trimmed; an empty port is PostgreSQL's 5432
    assert server_address("db.example.no", "6543", "vrus", "anne").port == 6543


@pytest.mark.parametrize(
    ("host", "port", "database", "user", "field"),
    [
        ("", 5432, "vrus", "anne", "host"),
        ("db example", 5432, "vrus", "anne", "host"),
        ("anne@db.example.no", 5432, "vrus", "anne", "host"),
        ("db.example.no", "five", "vrus", "anne", "port"),
        ("db.example.no", 70000, "vrus", "anne", "port"),
        ("db.example.no", 5432, " ", "anne", "database"),
        ("db.example.no", 5432, "vrus", "", "user"),
    ],
)
def test_a_missing_or_wrong_field_is_named(host, port, database, user, field) -> None:
    with pytest.raises(ValidationError) as refused:
        server_address(host, port, database, user)
    assert refused.value.field == field


def test_only_a_postgresql_url_is_a_server_address(tmp_path: Path) -> None:
    with pytest.raises(Exception, match="not a PostgreSQL server address"):
        ServerAddress.from_url(sqlite_url(tmp_path / "vrus.sqlite3"))


# --- the password in the key store ------------------------------------------------------------


def test_the_password_is_kept_in_the_key_store(key_store: FileKeyring) -> None:
    assert password_for(ADDRESS) is None
    save_password(ADDRESS, AWKWARD)
    assert key_store.entries() == {f"{KEY_STORE_SERVICE}\n{ADDRESS.entry}": AWKWARD}
    assert password_for(ADDRESS) == AWKWARD
    assert make_url(url_with_password(ADDRESS)).password == AWKWARD
    # Another login on the same server has its own entry.
    other = ServerAddress(host="db.example.no", database="vrus", user="kari")
    assert password_for(other) is None
    assert url_with_password(other) == other.url()

    save_password(ADDRESS, "new one")
    assert password_for(ADDRESS) == "new one"
    forget(ADDRESS)
    assert password_for(ADDRESS) is None
    assert key_store.entries() == {}
    forget(ADDRESS)  # nothing to forget: no error


def test_without_a_key_store_nothing_is_kept() -> None:
    # tests/conftest.py switches the key store off unless a test takes ``key_store``.
    assert password_for(ADDRESS) is None
    with pytest.raises(KeyStoreError, match="no key store"):
        save_password(ADDRESS, "secret")
    forget(ADDRESS)
    assert url_with_password(ADDRESS) == URL


def test_a_url_without_password_takes_the_kept_one(key_store: FileKeyring, tmp_path) -> None:
    save_password(ADDRESS, AWKWARD)
    assert make_url(with_stored_password(URL)).password == AWKWARD
    typed = ADDRESS.url("given")
    assert with_stored_password(typed) == typed  # a password given is used as given
    file_url = sqlite_url(tmp_path / "vrus.sqlite3")
    assert with_stored_password(file_url) == file_url
    other = "postgresql+psycopg://kari@db.example.no/vrus"
    assert with_stored_password(other) == other


# --- what a failed connection says ------------------------------------------------------------

SERVER = 'connection failed: connection to server at "10.1.2.3", port 5432 failed: '


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        (
            SERVER + 'FATAL:  password authentication failed for user "anne"',
            "anne@db.example.no:5432/vrus: the password is wrong (or the server has no user anne)",
        ),
        (
            SERVER + "fe_sendauth: no password supplied",
            "anne@db.example.no:5432/vrus: the server asks for a password; type it in",
        ),
        (
            SERVER + 'FATAL:  role "anne" does not exist',
            "anne@db.example.no:5432/vrus: the server has no user anne (the database owner "
            "adds it with 'vrus server add-user')",
        ),
        (
            SERVER + 'FATAL:  database "vrus" does not exist',
            "anne@db.example.no:5432/vrus: the server has no database vrus; check the name "
            "(the owner of the server creates it)",
        ),
        (
            SERVER + 'FATAL:  permission denied for database "vrus"\nDETAIL:  User does not '
            "have CONNECT privilege.",
            "anne@db.example.no:5432/vrus: the user anne may not connect to the database vrus",
        ),
        (
            SERVER + 'FATAL:  no pg_hba.conf entry for host "10.9.9.9", user "anne", '
            'database "vrus", no encryption',
            "anne@db.example.no:5432/vrus: the server does not accept anne from this computer "
            "(its pg_hba.conf; see docs/server.md)",
        ),
        (
            "failed to resolve host 'db.example.no': [Errno -2] Name or service not known",
            "db.example.no: no computer has this name; check the host name and the internet "
            "connection",
        ),
        (
            SERVER + "Connection refused\n\tIs the server running on that host and accepting "
            "TCP/IP connections?",
            "db.example.no:5432: no database server answers there; check the host name and "
            "port, and that the server is running",
        ),
        (
            "connection timeout expired",
            "db.example.no:5432: the server does not answer; check the host name and port, the "
            "network, and that no firewall is in the way",
        ),
        (
            SERVER + "server does not support SSL, but SSL was required",
            "anne@db.example.no:5432/vrus: the encrypted connection (TLS) failed: the server "
            "and this computer do not agree on TLS or its certificate (see docs/server.md)",
        ),
        (
            SERVER + "FATAL:  sorry, too many clients already; too many connections",
            "anne@db.example.no:5432/vrus: the server has no free connections now; try again later",
        ),
    ],
)
def test_each_failure_has_its_line(message: str, expected: str) -> None:
    problem = connection_problem(Exception(message), ADDRESS.url(AWKWARD))
    assert problem is not None
    assert str(problem) == expected
    assert AWKWARD not in str(problem)


def test_an_unknown_failure_is_left_to_the_caller() -> None:
    assert connection_problem(Exception("something else entirely"), URL) is None
    assert str(connection_problem(ImportError("psycopg"), URL)).endswith(
        "pip install 'vrus[server]'"
    )


def test_a_missing_driver_points_to_the_server_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # import psycopg now fails
    with pytest.raises(ServerConnectionError, match=r"pip install 'vrus\[server\]'"):
        require_driver()
    with pytest.raises(ServerConnectionError, match=r"vrus\[server\]"):
        check_server(URL)


# --- against the test run's PostgreSQL server ---------------------------------------------------


def test_the_check_finds_a_set_up_register(pg_databases) -> None:
    url = pg_databases.fresh()
    try:
        found = check_server(url)
    finally:
        pg_databases.drop(url)
    address = ServerAddress.from_url(url)
    assert str(found) == f"{address}: connected; the register is there."


def test_the_check_says_what_is_wrong(pg_server, pg_databases) -> None:
    port = pg_server.port
    user = pg_server.superuser
    cases = {
        pg_server.url("no_such_register"): (
            f"{user}@127.0.0.1:{port}/no_such_register: the server has no database "
            "no_such_register; check the name (the owner of the server creates it)"
        ),
        pg_server.url("postgres", "nobody_here"): (
            f"nobody_here@127.0.0.1:{port}/postgres: the server has no user nobody_here (the "
            "database owner adds it with 'vrus server add-user')"
        ),
    }
    empty = pg_databases.fresh(migrated=False)
    cases[empty] = (
        f"{ServerAddress.from_url(empty)}: connected, but the database holds no VRUS register "
        "yet: its owner runs 'vrus server setup' first (docs/server.md)"
    )
    try:
        for url, expected in cases.items():
            with pytest.raises(ServerConnectionError) as refused:
                check_server(url)
            assert str(refused.value) == expected
    finally:
        pg_databases.drop(empty)


def test_a_port_nobody_listens_on(pg_server) -> None:
    import socket

    with socket.socket() as probe:  # a port that was free a moment ago: nothing listens
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"postgresql+psycopg://anne@127.0.0.1:{port}/vrus"
    with pytest.raises(ServerConnectionError, match=f"127.0.0.1:{port}: no database server"):
        check_server(url, timeout=3)


def test_opening_a_missing_database_says_so_in_one_line(
    pg_server, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    url = pg_server.url("no_such_register")
    with pytest.raises(DatabaseError, match="the server has no database no_such_register"):
        open_database(url)
    monkeypatch.setenv("VRUS_DATABASE_URL", url)
    assert main(["events", "list"]) == 1
    err = capsys.readouterr().err
    assert err == (
        f"vrus: error: {ServerAddress.from_url(url)}: the server has no database "
        "no_such_register; check the name (the owner of the server creates it)\n"
    )


# --- a register file on a network share --------------------------------------------------------

MOUNTINFO = """\
22 27 0:21 / /proc rw,relatime - proc proc rw
27 1 254:0 / / rw,relatime - ext4 /dev/vda rw
61 27 0:52 / /home/anne/Felles\\040disk rw,relatime shared:30 - cifs //nas/felles rw,vers=3.1.1
62 27 0:53 / /mnt/nfs rw,relatime - nfs4 nas:/export rw,vers=4.2
63 62 254:1 / /mnt/nfs/local rw,relatime - ext4 /dev/vdb rw
64 27 0:54 / /mnt/ssh rw,nosuid,nodev - fuse.sshfs anne@server:/srv rw
65 27 0:55 / /mnt/wsl rw - 9p drvfs rw
"""


def test_mountinfo_is_read_with_its_escapes() -> None:
    mounts = network_share.linux_mounts(MOUNTINFO)
    assert Mount("/home/anne/Felles disk", "cifs") in mounts
    assert Mount("/mnt/nfs/local", "ext4") in mounts
    assert len(mounts) == 7


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/home/anne/Felles disk/vrus.sqlite3", "cifs"),
        ("/mnt/nfs/vrus/vrus.sqlite3", "nfs4"),
        ("/mnt/nfs/local/vrus.sqlite3", None),  # a local disk mounted inside the share
        ("/mnt/nfsx/vrus.sqlite3", None),  # a name that only begins like the share
        ("/mnt/ssh/vrus.sqlite3", "fuse.sshfs"),
        ("/mnt/wsl/vrus.sqlite3", None),  # the same computer's disk, shared with a VM
        ("/home/anne/vrus.sqlite3", None),
    ],
)
def test_the_mount_that_holds_a_path(path: str, kind: str | None) -> None:
    mount = network_share.mount_of(path, network_share.linux_mounts(MOUNTINFO))
    assert mount is not None
    assert (mount.fstype if network_share.is_network_type(mount.fstype) else None) == kind


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/mountinfo")
def test_linux_reads_the_mount_table(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    share = tmp_path / "share"
    share.mkdir()
    fake = MOUNTINFO + f"70 27 0:60 / {share} rw - nfs nas:/x rw\n"
    monkeypatch.setattr(network_share, "read_mountinfo", lambda: fake)
    assert network_share.network_file_system(share / "new" / "vrus.sqlite3") == "nfs"
    assert network_share.network_file_system(tmp_path / "vrus.sqlite3") is None
    # A link into the share is the share.
    (tmp_path / "link").symlink_to(share)
    assert network_share.network_file_system(tmp_path / "link" / "vrus.sqlite3") == "nfs"
    # The real table of this machine: the test's own folder is on a local disk.
    monkeypatch.undo()
    assert network_share.network_file_system(tmp_path / "vrus.sqlite3") is None


def test_the_macos_mount_list() -> None:
    listing = (
        "/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)\n"
        "//anne@nas._smb._tcp.local/Felles on /Volumes/Felles (smbfs, nodev, nosuid, "
        "mounted by anne)\n"
        "nas:/export on /Volumes/nfs share (nfs, asynchronous)\n"
    )
    mounts = network_share.bsd_mounts(listing)
    assert mounts == [
        Mount("/", "apfs"),
        Mount("/Volumes/Felles", "smbfs"),
        Mount("/Volumes/nfs share", "nfs"),
    ]
    assert network_share.mount_of("/Volumes/nfs share/vrus.sqlite3", mounts).fstype == "nfs"


def test_windows_shares(monkeypatch: pytest.MonkeyPatch) -> None:
    types = {"Z:\\": 4, "C:\\": 3}  # DRIVE_REMOTE, DRIVE_FIXED
    monkeypatch.setattr(network_share, "drive_type", lambda root: types.get(root, 0))
    assert network_share.windows_remote(r"\\nas\felles\vrus.sqlite3")
    assert network_share.windows_remote(r"\\?\UNC\nas\felles\vrus.sqlite3")
    assert network_share.windows_remote(r"Z:\VRUS\vrus.sqlite3")
    assert not network_share.windows_remote(r"C:\Users\anne\vrus.sqlite3")
    assert not network_share.windows_remote(r"\\?\C:\Users\anne\vrus.sqlite3")


@pytest.fixture
def share(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder that the mount table says is an NFS share."""
    folder = tmp_path / "share"
    folder.mkdir()
    mounts = [Mount("/", "ext4"), Mount(str(folder.resolve()), "nfs4")]
    monkeypatch.setattr(network_share, "current_mounts", lambda: mounts)
    return folder


def test_a_register_on_a_share_is_refused_and_not_made(share: Path, key_store: FileKeyring) -> None:
    path = share / "vrus.sqlite3"
    with pytest.raises(NetworkShareError) as refused:
        open_database(sqlite_url(path))
    assert str(refused.value) == (
        f"{path} is on a network share (nfs4): SQLite's locking does not work there, and the "
        "register could be damaged when two computers use it. Keep the file on this computer; "
        "for several users, share a server instead ('vrus server setup', docs/server.md)"
    )
    assert list(share.iterdir()) == []
    assert key_store.entries() == {}  # no key was made for a register never made


def test_a_register_moved_to_a_share_is_left_as_it_was(
    share: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    local = tmp_path / "vrus.sqlite3"
    open_database(sqlite_url(local), encrypt=False).close()
    moved = share / "vrus.sqlite3"
    local.rename(moved)
    before = moved.read_bytes(), moved.stat().st_mtime_ns
    assert main(["--db", str(moved), "events", "list"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"vrus: error: {moved} is on a network share (nfs4)")
    assert len(err.strip().splitlines()) == 1
    assert (moved.read_bytes(), moved.stat().st_mtime_ns) == before
    assert sorted(p.name for p in share.iterdir()) == ["vrus.sqlite3"]  # no -wal, no -shm


# --- docs/server.md ---------------------------------------------------------------------------


def test_every_command_in_the_server_guide_exists() -> None:
    import re
    import shlex

    from vrus.cli import build_parser

    guide = Path(__file__).resolve().parent.parent / "docs" / "server.md"
    blocks = re.findall(r"^ *```sh\n(.*?)^ *```", guide.read_text(encoding="utf-8"), re.M | re.S)
    commands = []
    for line in "\n".join(blocks).splitlines():
        words = shlex.split(line, comments=True)
        while words and re.fullmatch(r"(export )?[A-Z_]+=.*", " ".join(words[:1])):
            words = words[1:]  # VRUS_DATABASE_URL=... before the command
        if words[:1] == ["export"]:
            continue
        if words[:1] == ["vrus"]:
            commands.append(words[1:])
    assert len(commands) >= 8
    parser = build_parser()
    for words in commands:
        parser.parse_args(words)  # an unknown command or option exits here
