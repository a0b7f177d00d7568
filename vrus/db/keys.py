"""The register's key: where it comes from and where it is kept.

An encrypted register (SQLCipher) opens only with its key, 32 random bytes made when the
register is made, written as 64 hex characters (the "secret"). VRUS looks for it in order:

1. a key file named by ``--key-file`` or the environment variable ``VRUS_KEY_FILE``: for
   servers, scripts and CI, where no key store works. The file holds the key exactly as given
   (64 hex characters, the recovery sheet's groups, or any other line as a passphrase); VRUS
   reads it and never writes it;
2. the operating system's key store through ``keyring`` (Windows Credential Locker, macOS
   Keychain, Secret Service or KWallet on Linux), one entry per register, named by the
   register file's full path. keyring's own configuration is respected:
   ``PYTHON_KEYRING_BACKEND=keyring.backends.null.Keyring`` switches the key store off.

3. a key file remembered for the register on this computer: where no key store exists, the
   window's "Encrypt" writes a new key file where the user chooses and notes its path (only
   the path) in ``key-files.json`` in the user data folder.

With none of these, a new register is made unencrypted and VRUS says so (``vrus check``, the
window's banner). The secret never reaches a log line, an error message or the settings.
"""

from __future__ import annotations

import json
import os
import re
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vrus.errors import VrusError
from vrus.texts import translate

KEY_FILE_ENV = "VRUS_KEY_FILE"
KEY_STORE_SERVICE = "VRUS register key"
KEY_FILE = "key file"
KEY_STORE = "key store"
_HEX_KEY = re.compile(r"[0-9a-fA-F]{64}")
# A key file is a few bytes; anything big was named by mistake (a register, a backup).
_LARGEST_KEY_FILE = 4096


class KeyStoreError(VrusError):
    """The key store refused or failed (locked, no permission); the message says which."""


@dataclass(frozen=True)
class RegisterKey:
    """A register's key and where it was found (never shown: ``repr`` hides it)."""

    secret: str = ""
    source: str = KEY_STORE  # KEY_FILE or KEY_STORE
    location: str = ""  # the key file's path, or the key store's name

    def __repr__(self) -> str:
        return f"RegisterKey(source={self.source!r}, location={self.location!r})"

    @property
    def raw(self) -> bool:
        """64 hex characters: used as the key itself; anything else is a passphrase."""
        return _HEX_KEY.fullmatch(self.secret) is not None

    def pragma(self) -> str:
        """The statement that unlocks a SQLCipher connection with this key."""
        if self.raw:
            return f"PRAGMA key = \"x'{self.secret.lower()}'\""
        return "PRAGMA key = '{}'".format(self.secret.replace("'", "''"))

    def describe(self) -> str:
        """Where the key lives, for ``vrus check`` and the Settings page."""
        if self.source == KEY_FILE:
            return str(translate("Core", "the key file {path}").format(path=self.location))
        return str(translate("Core", "the key store ({name})").format(name=self.location))


def new_secret() -> str:
    """A new random key: 32 bytes from the operating system's generator, as 64 hex."""
    return secrets.token_hex(32)


# --- key files ------------------------------------------------------------------------------


def key_file_path(key_file: str | os.PathLike[str] | None = None) -> Path | None:
    """``--key-file`` wins, then ``VRUS_KEY_FILE``; None when neither names a file."""
    if key_file:
        return Path(key_file).expanduser()
    named = os.environ.get(KEY_FILE_ENV, "").strip()
    return Path(named).expanduser() if named else None


def read_key_file(path: Path) -> RegisterKey:
    """The key in ``path``: its one line, as given (the file is never changed)."""

    def refuse(reason: str) -> VrusError:
        return VrusError(
            translate("Core", "key file {path}: {reason}").format(path=str(path), reason=reason)
        )

    try:
        if path.stat().st_size > _LARGEST_KEY_FILE:
            raise refuse(str(translate("Core", "too big to be a key (a key is one line)")))
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise refuse(str(translate("Core", "no such file"))) from None
    except IsADirectoryError:
        raise refuse(str(translate("Core", "a folder, not a file"))) from None
    except UnicodeDecodeError:
        raise refuse(str(translate("Core", "not a text file"))) from None
    except OSError as error:
        raise refuse(error.strerror or type(error).__name__) from None
    secret = text.strip()
    if not secret:
        raise refuse(str(translate("Core", "the file is empty")))
    if "\n" in secret or not _HEX_KEY.fullmatch(secret) and _looks_like_recovery(secret):
        secret = _recovery_or_refuse(secret, refuse)
    return RegisterKey(secret, KEY_FILE, str(path.absolute()))


def _looks_like_recovery(text: str) -> bool:
    """The recovery sheet's groups ("ABCD-EFGH-…"), as opposed to a passphrase."""
    return re.fullmatch(r"[0-9A-Za-z]{4}(?:[-\s]+[0-9A-Za-z]{4}){13}", text.strip()) is not None


def _recovery_or_refuse(text: str, refuse: Any) -> str:
    from vrus.recovery_code import parse_recovery

    try:
        return parse_recovery(text)
    except VrusError as error:
        raise refuse(str(error)) from None


# --- the key store ----------------------------------------------------------------------------


def _backend() -> Any | None:
    """keyring's backend when it is a real key store; None when keyring has none (a headless
    machine) or is configured off."""
    try:
        import keyring
        from keyring.backends import chainer, fail, null
    except ImportError:  # keyring is a dependency; a broken install is no key store
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:  # keyring's configuration named a backend that cannot load
        return None
    if isinstance(backend, fail.Keyring | null.Keyring):
        return None
    if isinstance(backend, chainer.ChainerBackend) and not backend.backends:
        return None
    return backend


def key_store_name() -> str | None:
    """The key store's name ("SecretService Keyring", "Windows WinVaultKeyring"), or None."""
    backend = _backend()
    if backend is None:
        return None
    name = getattr(backend, "name", "") or type(backend).__name__
    return str(name)


def _entry(path: Path) -> str:
    return str(Path(path).expanduser().absolute())


def stored_key(path: Path) -> RegisterKey | None:
    """The key the key store holds for the register at ``path``, or None."""
    backend = _backend()
    if backend is None:
        return None
    try:
        secret = backend.get_password(KEY_STORE_SERVICE, _entry(path))
    except Exception as error:  # locked, refused, the key store's service not running
        raise KeyStoreError(_store_failed(error)) from None
    if not secret:
        return None
    return RegisterKey(str(secret), KEY_STORE, key_store_name() or "")


def store_key(path: Path, secret: str) -> RegisterKey:
    """Keep ``secret`` in the key store as the key of the register at ``path``."""
    backend = _backend()
    if backend is None:
        raise KeyStoreError(no_key_store())
    try:
        backend.set_password(KEY_STORE_SERVICE, _entry(path), secret)
    except Exception as error:
        raise KeyStoreError(_store_failed(error)) from None
    return RegisterKey(secret, KEY_STORE, key_store_name() or "")


def forget_key(path: Path) -> None:
    """Remove the register's entry from the key store (after ``vrus decrypt`` in place, or
    when an encryption was undone); nothing when there is none."""
    backend = _backend()
    if backend is None:
        return
    try:
        backend.delete_password(KEY_STORE_SERVICE, _entry(path))
    except Exception:  # no such entry (keyring raises PasswordDeleteError), or refused
        return


def _store_failed(error: BaseException) -> str:
    # The type only: a key store's message could echo what it was given.
    return str(
        translate("Core", "the key store did not answer ({kind}); is it unlocked?").format(
            kind=type(error).__name__
        )
    )


def no_key_store() -> str:
    return str(
        translate(
            "Core",
            "this computer has no key store VRUS can use; give a key file with --key-file "
            "or {variable}",
        ).format(variable=KEY_FILE_ENV)
    )


# --- key files remembered per register ---------------------------------------------------------

REMEMBERED_NAME = "key-files.json"


def _remembered_file() -> Path:
    from vrus.paths import user_data_dir

    return user_data_dir() / REMEMBERED_NAME


def _remembered() -> dict[str, str]:
    try:
        data = json.loads(_remembered_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def remember_key_file(register: Path, key_file: Path) -> None:
    """Note that the register at ``register`` opens with ``key_file`` on this computer."""
    from vrus.paths import private_dir
    from vrus.private_files import write_private_file

    entries = _remembered()
    entries[_entry(register)] = str(Path(key_file).absolute())
    target = _remembered_file()
    private_dir(target.parent)
    write_private_file(target, json.dumps(entries, indent=1).encode("utf-8"))


def remembered_key_file(register: Path) -> Path | None:
    named = _remembered().get(_entry(register))
    return Path(named) if named else None


def write_new_key_file(target: Path) -> RegisterKey:
    """A new random key in the new owner-only file ``target`` (never over another file)."""
    from vrus.private_files import check_target, create_private_file

    path = check_target(target)
    if create_private_file(path) is None:
        raise VrusError(
            translate("Core", "{path} already exists; choose another name").format(path=str(path))
        )
    secret = new_secret()
    path.write_text(secret + "\n", encoding="utf-8")
    return RegisterKey(secret, KEY_FILE, str(path))


def find_key(
    path: Path | None, key_file: str | os.PathLike[str] | None = None
) -> RegisterKey | None:
    """The key for the register at ``path``: the key file (``--key-file``, ``VRUS_KEY_FILE``)
    wins, then the key store's entry for the file, then a key file remembered for it; None
    when none has one."""
    named = key_file_path(key_file)
    if named is not None:
        return read_key_file(named)
    if path is None:
        return None
    stored = stored_key(path)
    if stored is not None:
        return stored
    remembered = remembered_key_file(path)
    return read_key_file(remembered) if remembered is not None else None


def key_for_new_register(
    path: Path, key_file: str | os.PathLike[str] | None = None
) -> RegisterKey | None:
    """The key a register about to be made at ``path`` gets: the key file's, the key store's
    entry (a recovery key imported before the register was restored), or a new random key
    kept in the key store; None (unencrypted) when there is no key file and no key store."""
    found = find_key(path, key_file)
    if found is not None:
        return found
    if _backend() is None:
        return None
    return store_key(path, new_secret())
