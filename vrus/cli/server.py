"""``vrus server setup [URL]`` and ``vrus server add-user NAME --role ROLE``: a register on a
PostgreSQL server shared by several users (``vrus.server.roles``; docs/server.md).

Both run before (and instead of) opening the register as the other commands do: ``setup``
works on an empty database, and neither must ever make a register file when ``--db`` names
one by mistake. They connect as the database's owner: ``setup`` to the URL given (else
``--db`` or ``VRUS_DATABASE_URL``), ``add-user`` to ``--db`` or ``VRUS_DATABASE_URL``.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any, TextIO

from vrus.cli.base import ExitCode
from vrus.texts import translate

ROLES = ("coordinator", "lunch", "instructor", "reader")


def _url(given: str | None, db: str | None) -> str:
    from vrus.db.engine import check_env_url, resolve_url
    from vrus.server.connection import with_stored_password

    if given:
        check_env_url(given, variable="URL")
        url = given
    else:
        url = resolve_url(db)
    return with_stored_password(url)


def _shown(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def cmd_server_setup(url: str, *, out: TextIO) -> ExitCode:
    """Migrate the server database at ``url`` and make its roles and grants."""
    from sqlalchemy.engine import make_url

    from vrus.server.roles import ROLE_ORDER, group_role, setup

    setup(url)
    database = make_url(url).database or ""
    groups = ", ".join(group_role(database, role) for role in ROLE_ORDER)
    out.write(
        str(
            translate(
                "Core",
                "{database} is set up for several users (roles {groups}); add each user with "
                "'vrus server add-user NAME --role ROLE'",
            ).format(database=_shown(url), groups=groups)
        )
        + "\n"
    )
    return ExitCode.OK


def cmd_server_add_user(
    url: str,
    *,
    name: str,
    role: str,
    password_file: str | None = None,
    out: TextIO,
) -> ExitCode:
    """Create the login ``name`` with ``role``; the password from ``password_file``, typed on
    a terminal, or none (no terminal: nothing waits for an answer)."""
    from vrus.server.roles import add_user, ask_password, read_password_file

    password = read_password_file(password_file) if password_file else ask_password(name)
    add_user(url, name, role, password)
    done = (
        translate("Core", "Login {name} created with the role {role} and a password")
        if password is not None
        else translate(
            "Core",
            "Login {name} created with the role {role}, without a password (for a server "
            "that lets it in by peer or certificate)",
        )
    )
    out.write(str(done.format(name=name, role=role)) + "\n")
    return ExitCode.OK


def _setup(args: argparse.Namespace) -> int:
    return cmd_server_setup(_url(args.url, args.db), out=sys.stdout)


def _add_user(args: argparse.Namespace) -> int:
    return cmd_server_add_user(
        _url(None, args.db),
        name=args.name,
        role=args.role,
        password_file=args.password_file,
        out=sys.stdout,
    )


def add_commands(subparsers: Any) -> None:
    """``vrus server setup|add-user``."""
    server = subparsers.add_parser(
        "server", help="a register on a PostgreSQL server: set it up, add users"
    )
    actions = server.add_subparsers(dest="server_action", metavar="ACTION", required=True)
    setup = actions.add_parser(
        "setup",
        help="as the database's owner: make the schema, the roles and their permissions "
        "(again after upgrading VRUS)",
    )
    setup.add_argument(
        "url",
        nargs="?",
        metavar="URL",
        help="postgresql+psycopg://owner@host/database (default: --db, VRUS_DATABASE_URL)",
    )
    setup.set_defaults(before_open=_setup)
    add_user = actions.add_parser(
        "add-user",
        help="as the database's owner (--db or VRUS_DATABASE_URL): a login for one user",
    )
    add_user.add_argument("name", metavar="NAME", help="the login's name, exactly as written")
    add_user.add_argument("--role", choices=ROLES, required=True, help="what the user may do")
    add_user.add_argument(
        "--password-file",
        metavar="FILE",
        help="the password in FILE's first line (default: asked on a terminal; without "
        "one, no password)",
    )
    add_user.set_defaults(before_open=_add_user)
