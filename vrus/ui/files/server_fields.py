"""The fields of a server's address (host, port, database, user, password), as the server
dialog and the move-to-a-server dialog both ask for them."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QLineEdit, QSpinBox

from vrus.server.connection import DEFAULT_PORT


@dataclass
class AddressFields:
    host: QLineEdit
    port: QSpinBox
    database: QLineEdit
    user: QLineEdit
    password: QLineEdit


def address_fields(prefix: str) -> AddressFields:
    """The five fields, named ``<prefix>Host``, ``<prefix>Port``, ... for tests and styles;
    the password is masked."""
    host = QLineEdit()
    host.setObjectName(f"{prefix}Host")
    host.setPlaceholderText("db.example.no")
    port = QSpinBox()
    port.setObjectName(f"{prefix}Port")
    port.setRange(1, 65535)
    port.setValue(DEFAULT_PORT)
    port.setGroupSeparatorShown(False)
    port.setMaximumWidth(port.sizeHint().width() + 24)  # five digits, not a line
    database = QLineEdit()
    database.setObjectName(f"{prefix}Database")
    database.setPlaceholderText("vrus")
    user = QLineEdit()
    user.setObjectName(f"{prefix}User")
    password = QLineEdit()
    password.setObjectName(f"{prefix}Password")
    password.setEchoMode(QLineEdit.EchoMode.Password)
    return AddressFields(host, port, database, user, password)
