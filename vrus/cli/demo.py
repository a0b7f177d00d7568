"""``vrus demo [--reset] [--members N]``: fill the register with the fictional demo season."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TextIO

from vrus.cli.base import ExitCode, handler, positive_int

if TYPE_CHECKING:
    from vrus.db.engine import Database


def cmd_demo(
    db: Database, *, reset: bool = False, members: int | None = None, out: TextIO
) -> ExitCode:
    from vrus.demo import load_demo

    summary = load_demo(db, reset=reset, members=members)
    print(summary.describe(), file=out)
    return ExitCode.OK


def add_commands(subparsers: Any) -> None:
    demo = subparsers.add_parser("demo", help="fill the register with the fictional demo season")
    demo.add_argument(
        "--reset", action="store_true", help="delete everything in the register first"
    )
    demo.add_argument(
        "--members",
        type=positive_int,
        metavar="N",
        help="make a larger synthetic register of N persons (scale tests)",
    )
    demo.set_defaults(handler=handler(cmd_demo, reset="reset", members="members"))
