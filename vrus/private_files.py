"""Writing the files VRUS makes for the user: printouts, reports, exports and backups.

Every one of them can hold children's names, phone numbers and allergies, so every one is
written the same way, here:

- into a temporary file in the target's folder, created readable by its owner only (0600),
  flushed to the disk, then moved over the target with ``os.replace``. A reader finds the old
  file or the new one, never half of one; a failure (a full disk, an interrupt) leaves the
  old file as it was and no temporary file behind. What was at the target is replaced, not
  written into: a file that others could read becomes one they cannot, and a symbolic link
  is replaced by the file, not followed to wherever it points.
- The folder must exist: VRUS does not create folders where it was told to write. A folder
  given as the file is refused.
- Any ``OSError`` becomes a ``FileWriteError`` naming the file and the reason, which the
  command line prints as one line and the window shows in its own language.

Backups are written into a new file instead (``create_private_file``): SQLite's backup API
copies into a file by name, and a backup never overwrites anything.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import BinaryIO

from vrus.errors import VrusError
from vrus.texts import translate


class FileWriteError(VrusError):
    """A file cannot be written where the user asked; ``message`` names the file and why."""


def check_target(path: str | os.PathLike[str]) -> Path:
    """The absolute path to write, refused before any work when it cannot be a file there:
    a folder, or a missing folder to put it in."""
    target = Path(path).expanduser().absolute()
    if target.is_dir() and not target.is_symlink():
        raise FileWriteError(translate("Core", "{path} is a folder").format(path=str(target)))
    _check_folder(target)
    return target


def _check_folder(target: Path) -> None:
    if not target.parent.is_dir():
        raise FileWriteError(
            translate("Core", "the folder {folder} does not exist").format(
                folder=str(target.parent)
            )
        )


def cannot_write(path: Path, error: OSError) -> FileWriteError:
    """The one message for a file that could not be written."""
    return FileWriteError(
        translate("Core", "cannot write {path}: {reason}").format(
            path=str(path), reason=error.strerror or str(error)
        )
    )


@contextmanager
def private_file(path: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """A binary file to write into; it replaces ``path`` when the block ends without error.

    An ``OSError`` in the block (writing the handle, typically) becomes a
    ``FileWriteError``; any error leaves ``path`` as it was.
    """
    target = check_target(path)
    try:
        fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    except OSError as error:
        raise cannot_write(target, error) from None
    temporary = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o600)  # mkstemp's mode, whatever the umask took off
        os.replace(temporary, target)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise cannot_write(target, error) from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    sync_folder(target.parent)


def write_private_file(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` as described above; returns the absolute path written."""
    target = check_target(path)
    with private_file(target) as handle:
        handle.write(data)
    return target


def create_private_file(path: str | os.PathLike[str]) -> Path | None:
    """Create a new, empty file readable by its owner only, for a copy to be written into;
    None when anything is there already (a file, a folder, a link: never overwritten, never
    followed). The folder must exist."""
    target = Path(path).expanduser().absolute()
    _check_folder(target)
    try:
        fd = os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return None
    except OSError as error:
        raise cannot_write(target, error) from None
    os.close(fd)
    return target


def create_numbered_private_file(folder: Path, stem: str, suffix: str) -> Path:
    """A new, empty, owner-only file ``<stem><suffix>`` in ``folder``, or ``<stem>-2<suffix>``,
    ``-3`` ... when the name is taken: the first free one."""
    counter = 1
    while True:
        number = "" if counter == 1 else f"-{counter}"
        created = create_private_file(folder / f"{stem}{number}{suffix}")
        if created is not None:
            return created
        counter += 1


def sync_folder(folder: Path) -> None:
    """Make a rename or a new file's name survive a power cut (POSIX; Windows cannot open a
    folder)."""
    with suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
