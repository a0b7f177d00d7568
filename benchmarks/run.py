"""The benchmark runner: every row of issue 16's table, each against its floor measured in
the same run, printed and written to ``docs/benchmarks.md``.

    python -m benchmarks                         # 10 000 and 100 000 persons, 5 runs each
    python benchmarks/run.py --sizes 2000 --repeat 3 --output /tmp/benchmarks.md
    python -m benchmarks --only search sort      # some rows (names: --help)

It makes the registers with the real command (``vrus demo``, ``vrus demo --members N``) in
a temporary folder, with keyring switched off and no key file, and removes them at the end.
Not a test: it prints and writes figures; ``tests/test_benchmarks.py`` runs it at a tiny size
to keep it working.
"""

from __future__ import annotations

import sys
from pathlib import Path

if not __package__:  # ``python benchmarks/run.py``: the checkout on the path, as with -m
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

import argparse  # noqa: E402
import json  # noqa: E402
import shlex  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402

from benchmarks import document, machine, startup  # noqa: E402
from benchmarks.catalogue import BY_KEY, KINDS, REPORTS, STARTUP, WINDOW  # noqa: E402
from benchmarks.environment import (  # noqa: E402
    PYTHON,
    REPO,
    RESULT_MARKER,
    CommandFailed,
    isolate,
)
from benchmarks.registers import demo_register, scale_register  # noqa: E402
from benchmarks.results import TEXT, Row, Table, size_text  # noqa: E402

SIZES = (10_000, 100_000)
REPEAT = 5
OUTPUT = REPO / "docs" / "benchmarks.md"


def sizes(text: str) -> list[int]:
    try:
        found = [int(part.replace("_", "")) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a list of sizes: {text!r}") from None
    if not found or any(size < 1 for size in found):
        raise argparse.ArgumentTypeError("sizes are numbers of persons, 1 or more")
    return found


def positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("at least 1")
    return value


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Measure VRUS against floors measured in the same run; write the table.",
        epilog="rows: " + ", ".join(kind.key for kind in KINDS),
    )
    parser.add_argument(
        "--sizes",
        type=sizes,
        default=list(SIZES),
        metavar="N,N",
        help="persons in the scale registers (default 10000,100000); the reports run at "
        "the smallest",
    )
    parser.add_argument(
        "--repeat", type=positive, default=REPEAT, metavar="N", help="runs of each row (5)"
    )
    parser.add_argument(
        "--output",
        type=Path,
        default=OUTPUT,
        metavar="PATH",
        help="the Markdown file written (default docs/benchmarks.md)",
    )
    parser.add_argument(
        "--only", nargs="+", metavar="ROW", help="run only these rows (names below)"
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=60,
        metavar="SECONDS",
        help="how long a start or an action may take before it is 'not measured' (60)",
    )
    args = parser.parse_args(argv)
    chosen = [key for item in args.only or [] for key in item.split(",") if key]
    unknown = [key for key in chosen if key not in BY_KEY]
    if unknown:
        parser.error(f"no such row: {', '.join(unknown)} (rows: {', '.join(BY_KEY)})")
    args.wanted = tuple(kind.key for kind in KINDS if not chosen or kind.key in chosen)
    return args


def window_rows(
    path: Path,
    label: str,
    persons: int | None,
    keys: tuple[str, ...],
    args: argparse.Namespace,
    env: dict[str, str],
    table: Table,
) -> None:
    """The window's rows on one register, in a process of its own (benchmarks.window_rows)."""
    command = [PYTHON, "-m", "benchmarks.window_rows", str(path), "--repeat", str(args.repeat)]
    command += ["--rows", ",".join(keys), "--timeout", f"{args.timeout:g}"]
    done = subprocess.run(command, env=env, cwd=REPO, capture_output=True, text=True)
    found = [line for line in done.stdout.splitlines() if line.startswith(RESULT_MARKER)]
    result = json.loads(found[-1][len(RESULT_MARKER) :]) if found else None
    failure = None
    if result is None:
        last = (done.stderr.strip().splitlines() or ["nothing on stderr"])[-1]
        failure = f"the window's process exited {done.returncode}: {last[:160]}"
    elif result.get("listed"):
        failure = result["listed"]

    def row(key: str, title: str | None = None) -> Row:
        kind = BY_KEY[key]
        made = Row(key, title or kind.title, label, target=kind.target(persons))
        made.missing = failure
        if result is not None:
            made.floor = list(result.get("floor", []))
        return made

    for key in keys:
        if key == "min-size":
            made = row(key)
            made.kind = TEXT
            made.value = result.get("min-size") if result else None
            made.missing = None if made.value else failure or "not reported"
            table.add(made)
        elif key == "sort" and result is not None and "sort" in result:
            for column in result["sort"]:
                table.add(fill(row(key, f"sort by {column['column']}"), column))
        elif result is not None and key in result:
            table.add(fill(row(key), result[key]))
        else:
            table.add(row(key))


def fill(row: Row, found: dict) -> Row:
    row.samples = list(found.get("samples", []))
    problem = found.get("problem")
    if problem and not row.samples:
        row.missing = problem
    elif problem:
        row.note = f"stopped: {problem}"
    return row


def judge_min_size(rows: list[Row]) -> None:
    """The window's minimum size must not depend on the data: each size against the demo."""
    sized = [row for row in rows if row.key == "min-size" and row.measured]
    reference = next((row.value for row in sized if row.size == "demo"), None)
    for row in sized:
        if reference is None:
            row.verdict = "-"
        else:
            row.verdict = "yes" if row.value == reference else "**no**"


def in_catalogue_order(rows: list[Row]) -> list[Row]:
    order = {kind.key: index for index, kind in enumerate(KINDS)}
    return sorted(rows, key=lambda row: order[row.key])  # stable: sizes stay in run order


def measure(args: argparse.Namespace, folder: Path, env: dict[str, str], table: Table) -> None:
    wanted = args.wanted
    places = folder / "registers"
    startup_keys = tuple(key for key in STARTUP if key in wanted)
    window_keys = tuple(key for key in WINDOW if key in wanted)
    report_keys = tuple(key for key in REPORTS if key in wanted)

    demo = demo_register(places, env) if startup_keys or "min-size" in wanted else None
    scale: dict[int, Path] = {}
    if "demo" in wanted or startup_keys or window_keys or report_keys:
        for persons in args.sizes:
            print(f"making the register of {size_text(persons)} persons ...", flush=True)
            path, row = scale_register(places, persons, env, args.repeat, "demo" in wanted)
            scale[persons] = path
            if row is not None:
                table.add(row)

    if startup_keys and demo is not None:
        registers = [startup.Register("demo", None, demo)]
        registers += [startup.Register(size_text(p), p, path) for p, path in scale.items()]
        startup.measure(
            registers, startup_keys, args.repeat, args.timeout, env, folder / "startup", table
        )

    if "min-size" in wanted and demo is not None:
        window_rows(demo, "demo", None, ("min-size",), args, env, table)
    if window_keys:
        for persons, path in scale.items():
            window_rows(path, size_text(persons), persons, window_keys, args, env, table)

    from benchmarks import core_rows  # VRUS's core, in this process: after isolate()

    if "import" in wanted:
        core_rows.import_row(folder / "import", args.repeat, table)
    if "attendance-pdf" in wanted:
        core_rows.attendance_pdf_row(folder / "attendance-pdf", args.repeat, table)
    if report_keys:
        persons = min(scale)
        core_rows.report_rows(scale[persons], persons, report_keys, args.repeat, table)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = parse(argv)
    command = shlex.join(["python", "-m", "benchmarks", *argv])
    began = time.perf_counter()
    table = Table()
    with tempfile.TemporaryDirectory(prefix="vrus-benchmarks-") as name:
        folder = Path(name)
        env = isolate(folder)  # before VRUS is imported here: keyring off, no key file
        from vrus import clock

        when = clock.local_now().strftime("%d.%m.%Y %H:%M")
        described = machine.describe()
        print(f"{command}  ({when})")
        for what, value in described:
            print(f"  {what}: {value}")
        print(flush=True)
        try:
            measure(args, folder, env, table)
        except CommandFailed as error:
            print(f"benchmarks: a register could not be made: {error}", file=sys.stderr)
            return 1
    rows = in_catalogue_order(table.rows)
    judge_min_size(rows)
    minutes = (time.perf_counter() - began) / 60
    not_run = [kind.key for kind in KINDS if kind.key not in args.wanted]
    text = document.render(
        rows,
        machine=described,
        when=when,
        command=command,
        not_run=not_run,
        notes=[f"The whole run took {minutes:.1f} min."],
    )
    document.write(args.output, text)
    print()
    print("\n".join(document.table_lines(rows)))
    print(f"\nwritten to {args.output} ({minutes:.1f} min)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
