"""Is a register file on a network share? SQLite's locking does not work there.

SQLite keeps two writers apart with file locks, which NFS, SMB/CIFS and the FUSE file
systems over a network implement partly or not at all (https://www.sqlite.org/useovernet.html):
two computers opening one register on a shared drive can damage it, and WAL mode needs memory
shared between the processes, which two computers do not have. So a register on a network
share is refused, with a pointer to the shared server that is made for several users.

- Linux: the mount that holds the file, from ``/proc/self/mountinfo``, and its type.
- macOS (and the BSDs): the same, from the ``mount`` command's list.
- Windows: a UNC path (``\\\\server\\share\\...``) or a drive letter Windows calls remote.

Shares a virtual machine or WSL makes of the same computer's disk (9p, virtiofs) are not
network shares: one computer, one set of locks.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath

from vrus.errors import VrusError
from vrus.texts import Text, translate

NETWORK_TYPES = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb3",
        "smbfs",
        "smb2",
        "afs",
        "ncpfs",
        "coda",
        "ceph",
        "glusterfs",
        "lustre",
        "beegfs",
        "davfs",
        "webdav",
        "sshfs",
        "afpfs",
        "fuse.sshfs",
        "fuse.davfs2",
        "fuse.glusterfs",
        "fuse.ceph",
        "fuse.rclone",
        "fuse.s3fs",
        "fuse.gvfsd-fuse",  # GNOME's smb:// and sftp:// mounts under /run/user/*/gvfs
    }
)

MOUNTINFO = Path("/proc/self/mountinfo")
_DRIVE_REMOTE = 4  # GetDriveTypeW


@dataclass(frozen=True)
class Mount:
    point: str
    fstype: str


class NetworkShareError(VrusError):
    """The register file is on a network share; the message says why that is refused."""


def refuse_network_share(path: Path) -> None:
    """Refuse a register at ``path`` on a network share, before anything touches the file."""
    kind = network_file_system(path)
    if kind is not None:
        raise NetworkShareError(on_network_share(path, kind))


def on_network_share(path: Path, kind: str) -> Text:
    return translate(
        "Core",
        "{path} is on a network share ({kind}): SQLite's locking does not work there, and "
        "the register could be damaged when two computers use it. Keep the file on this "
        "computer; for several users, share a server instead ('vrus server setup', "
        "docs/server.md)",
    ).format(path=str(path), kind=kind)


def network_file_system(path: Path) -> str | None:
    """The network file system ``path`` is on ("nfs4", "cifs", "network drive"), or None
    for a local disk (and wherever it cannot be told)."""
    if sys.platform == "win32":
        return "network drive" if windows_remote(os.path.abspath(path)) else None
    mounts = current_mounts()
    if not mounts:
        return None
    mount = mount_of(_existing(path), mounts)
    if mount is not None and is_network_type(mount.fstype):
        return mount.fstype
    return None


def is_network_type(fstype: str) -> bool:
    return fstype.lower() in NETWORK_TYPES


def _existing(path: Path) -> str:
    """The real path of ``path`` or, for a file not made yet, of its nearest folder that is
    there (a symbolic link into a share counts as the share)."""
    absolute = Path(os.path.abspath(Path(path).expanduser()))
    for candidate in (absolute, *absolute.parents):
        if candidate.exists():
            return os.path.realpath(candidate)
    return str(absolute)


def mount_of(path: str, mounts: list[Mount]) -> Mount | None:
    """The mount that holds ``path``: the longest mount point it is under; of two on the same
    point, the later (it hides the earlier)."""
    best: Mount | None = None
    for mount in mounts:
        point = mount.point.rstrip("/") or "/"
        under = point == "/" or path == point or path.startswith(point + "/")
        if under and (best is None or len(point) >= len(best.point.rstrip("/") or "/")):
            best = mount
    return best


def current_mounts() -> list[Mount]:
    """This computer's mounts; empty where they cannot be read."""
    if sys.platform.startswith("linux"):
        text = read_mountinfo()
        return linux_mounts(text) if text else []
    if sys.platform == "darwin" or "bsd" in sys.platform:
        text = read_mount_list()
        return bsd_mounts(text) if text else []
    return []


def read_mountinfo() -> str:
    try:
        return MOUNTINFO.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def read_mount_list() -> str:
    try:
        result = subprocess.run(
            ["/sbin/mount"], capture_output=True, text=True, timeout=5, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return result.stdout if result.returncode == 0 else ""


_OCTAL = re.compile(r"\\([0-7]{3})")


def _unescape(field: str) -> str:
    """mountinfo writes a space in a mount point as \\040 (tab, newline, backslash too)."""
    return _OCTAL.sub(lambda match: chr(int(match.group(1), 8)), field)


def linux_mounts(text: str) -> list[Mount]:
    """The mounts of a ``/proc/self/mountinfo``: ``id parent major:minor root point options
    [optional fields...] - fstype source super-options``."""
    mounts = []
    for line in text.splitlines():
        before, separator, after = line.partition(" - ")
        fields = before.split()
        if not separator or len(fields) < 5 or not after.split():
            continue
        mounts.append(Mount(_unescape(fields[4]), after.split()[0]))
    return mounts


_BSD_LINE = re.compile(r"^.* on (?P<point>/.*?) \((?P<fstype>[^,)]+)")


def bsd_mounts(text: str) -> list[Mount]:
    """The mounts of macOS's ``mount`` list: ``source on /point (type, options...)``."""
    mounts = []
    for line in text.splitlines():
        match = _BSD_LINE.match(line)
        if match:
            mounts.append(Mount(match.group("point"), match.group("fstype").strip()))
    return mounts


def windows_remote(path: str) -> bool:
    """A UNC path (``\\\\server\\share\\...``), or one on a drive letter mapped to a share
    (``GetDriveTypeW``: DRIVE_REMOTE); ``path`` is absolute."""
    drive = PureWindowsPath(path).drive.replace("/", "\\")
    if drive.startswith("\\\\"):
        # \\?\C:\... is the long form of a local path; \\?\UNC\server\share is remote.
        if drive.startswith(("\\\\?\\", "\\\\.\\")):
            return drive[4:].upper().startswith("UNC")
        return True
    return bool(drive) and drive_type(drive + "\\") == _DRIVE_REMOTE


def drive_type(root: str) -> int:
    """Windows' type of the drive at ``root`` ("Z:\\"); 0 (unknown) elsewhere."""
    try:
        import ctypes

        windll = ctypes.windll  # type: ignore[attr-defined]
        return int(windll.kernel32.GetDriveTypeW(root))
    except (AttributeError, OSError):
        return 0
