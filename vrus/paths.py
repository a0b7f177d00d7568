"""Where VRUS finds its shipped resources and keeps its user files."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "vrus"
APP_AUTHOR = "Vestregionen"
DATABASE_NAME = "vrus.sqlite3"


def resources_dir() -> Path:
    """The ``resources`` folder: inside the installed package, or beside it in a checkout."""
    packaged = Path(__file__).resolve().parent / "resources"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parent.parent / "resources"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError("VRUS resources are missing; reinstall the program")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) readable by the owner only: it holds children's data."""
    path.mkdir(parents=True, exist_ok=True)
    os.chmod(path, 0o700)
    return path


def user_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def user_log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))


def default_database_path() -> Path:
    return user_data_dir() / DATABASE_NAME
