"""A key store for tests: keyring's interface over a JSON file or a dict.

Tests never touch the real key store of the machine they run on (``tests/conftest.py``
switches keyring off for every test). A test that needs one takes the ``key_store`` fixture
(this backend, in memory); a test that starts ``vrus`` in a subprocess sets
``PYTHON_KEYRING_BACKEND=tests.keystore.FileKeyring`` and ``VRUS_TEST_KEY_STORE`` to a JSON
file, which plays the key store of one "computer" (an empty file: a new computer).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

STORE_ENV = "VRUS_TEST_KEY_STORE"


class FileKeyring(KeyringBackend):
    """Entries in the JSON file ``VRUS_TEST_KEY_STORE`` names, or in memory without it."""

    priority = 1  # type: ignore[assignment]
    name = "Test key store"

    def __init__(self) -> None:
        super().__init__()
        self.memory: dict[str, str] = {}

    def _path(self) -> Path | None:
        named = os.environ.get(STORE_ENV)
        return Path(named) if named else None

    def _load(self) -> dict[str, str]:
        path = self._path()
        if path is None:
            return self.memory
        if not path.exists() or path.stat().st_size == 0:
            return {}
        return json.loads(path.read_text(encoding="utf-8"))

    def _save(self, entries: dict[str, str]) -> None:
        path = self._path()
        if path is None:
            self.memory = entries
        else:
            path.write_text(json.dumps(entries), encoding="utf-8")

    @staticmethod
    def _name(service: str, username: str) -> str:
        return f"{service}\n{username}"

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(self._name(service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        entries = dict(self._load())
        entries[self._name(service, username)] = password
        self._save(entries)

    def delete_password(self, service: str, username: str) -> None:
        entries = dict(self._load())
        if entries.pop(self._name(service, username), None) is None:
            raise PasswordDeleteError("no such entry")
        self._save(entries)

    def entries(self) -> dict[str, str]:
        return dict(self._load())
