"""``vrus events list|add|signup``: the command functions, the argparse wiring, and (once
``vrus.cli`` registers them) the real ``vrus`` command."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json

import pytest
from sqlalchemy import select

from tests.factories import add_person
from vrus.cli import main
from vrus.cli.events import add_commands, cmd_events_add, cmd_events_list, cmd_events_signup
from vrus.db.models import Ensemble, Event, SignUp
from vrus.errors import VrusError
from vrus.memberships import start_membership

D = dt.date


def _add(db, *args: str, **kwargs) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    assert cmd_events_add(db, *args, out=out, err=err, **kwargs) == 0
    return int(out.getvalue()), err.getvalue()


def _list(db, fmt: str, season: int | None = 2014) -> str:
    out = io.StringIO()
    assert cmd_events_list(db, season=season, fmt=fmt, out=out) == 0
    return out.getvalue()


def _members(db, short: str, *names: str) -> list[int]:
    with db.transaction() as session:
        ensemble = session.scalars(select(Ensemble.id).where(Ensemble.short_name == short)).one()
    ids = [add_person(db, name, "Berg") for name in names]
    for pid in ids:
        start_membership(db, pid, ensemble, None, D(2013, 8, 15))
    return ids


def test_add_prints_the_id_and_warns_about_a_weekday_seminar(db) -> None:
    event_id, warning = _add(
        db,
        kind="seminar",
        title="Samspilltreff",
        date="06.03.2014",
        ensembles=["UNGDOM", "Juniorsymfonikerne"],
        venue="Sandvika",
    )
    assert warning == "vrus: warning: Thursday 06.03.2014 is not a weekend day\n"
    with db.transaction() as session:
        event = session.get(Event, event_id)
        assert sorted(link.ensemble.short_name for link in event.invited) == ["junior", "ungdom"]
        assert (event.venue, [d.date for d in event.days]) == ("Sandvika", [D(2014, 3, 6)])
    second, warning = _add(
        db, kind="iris", title="Superhelg", date="8.2.2014", days=2, iris_type="superhelg"
    )
    assert second == event_id + 1 and warning == ""


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"date": "31.02.2014"}, "--date: '31.02.2014' is not a real date"),
        ({"date": "neste lørdag"}, "--date: 'neste lørdag' is not a date: use dd.mm.yyyy"),
        (
            {"ensembles": ["senior"]},
            "--ensemble: 'senior' is not an ensemble: use "
            "Ungdomssymfonikerne (ungdom), Juniorsymfonikerne (junior)",
        ),
        ({"days": 0}, "--days: an event needs at least one day"),
        ({"title": ""}, "--title: is required"),
    ],
)
def test_add_refuses_bad_input_with_one_line_naming_it(db, kwargs, message) -> None:
    values = {"kind": "seminar", "title": "Helgeseminar", "date": "08.02.2014", **kwargs}
    with pytest.raises(VrusError) as error:
        cmd_events_add(db, **values, out=io.StringIO())
    assert str(error.value).startswith(message) and "\n" not in str(error.value)
    with db.transaction() as session:
        assert session.scalars(select(Event)).all() == []


def test_list_text_csv_and_json(db) -> None:
    _add(db, kind="seminar", title="Samspilltreff", date="06.03.2014", ensembles=["ungdom"])
    _add(db, kind="iris", title="Superhelg", date="08.02.2014", days=2, iris_type="superhelg")
    text = _list(db, "text")
    assert text.startswith("Season 2014: 2 event(s)\n")
    assert text.index("Superhelg [iris/superhelg]") < text.index("Samspilltreff [seminar]")
    assert "lørdag 08.02.2014" in text and "søndag 09.02.2014" in text
    assert "torsdag 06.03.2014" in text
    assert "warning: Thursday 06.03.2014 is not a weekend day" in text
    assert "invited: Ungdomssymfonikerne" in text

    rows = list(csv.DictReader(io.StringIO(_list(db, "csv"))))
    assert [(r["date"], r["weekday"], r["weekday_nb"], r["warning"]) for r in rows] == [
        ("2014-02-08", "Saturday", "lørdag", ""),
        ("2014-02-09", "Sunday", "søndag", ""),
        ("2014-03-06", "Thursday", "torsdag", "Thursday 06.03.2014 is not a weekend day"),
    ]

    data = json.loads(_list(db, "json"))
    assert data["season"] == 2014 and [e["title"] for e in data["events"]] == [
        "Superhelg",
        "Samspilltreff",
    ]
    assert data["events"][0]["project"] == "IRIS"
    assert data["events"][1]["days"][0] == {
        "id": data["events"][1]["days"][0]["id"],
        "date": "2014-03-06",
        "weekday": "Thursday",
        "weekday_nb": "torsdag",
        "start_time": None,
        "end_time": None,
        "present": None,
    }
    assert data["events"][1]["warnings"][0]["code"] == "seminar_not_weekend"


def test_list_csv_never_hands_a_spreadsheet_a_formula(db) -> None:
    _add(db, kind="seminar", title='=HYPERLINK("http://x";"klikk")', date="08.02.2014")
    rows = list(csv.DictReader(io.StringIO(_list(db, "csv"))))
    assert [r["title"] for r in rows] == ['\'=HYPERLINK("http://x";"klikk")']


def test_list_of_an_empty_season(db, frozen_clock: dt.date) -> None:
    assert _list(db, "text", season=2031) == "No events in season 2031.\n"
    assert json.loads(_list(db, "json", season=2031)) == {"season": 2031, "events": []}
    assert _list(db, "text", season=None).startswith(f"No events in season {frozen_clock.year}")


def test_signup_all_invited(db) -> None:
    ids = _members(db, "ungdom", "Ida", "Jon")
    _members(db, "junior", "Kim")
    event_id, _ = _add(
        db, kind="seminar", title="Helgeseminar 1", date="08.02.2014", days=2, ensembles=["ungdom"]
    )
    out = io.StringIO()
    assert cmd_events_signup(db, event_id=event_id, all_invited=True, lunch=True, out=out) == 0
    assert out.getvalue() == (
        "Helgeseminar 1 (lørdag 08.02.2014): 2 invited, 2 sign-up(s) set to yes with lunch\n"
    )
    with db.transaction() as session:
        rows = session.scalars(select(SignUp).where(SignUp.event_id == event_id)).all()
        assert {(r.person_id, r.attending, r.wants_lunch) for r in rows} == {
            (ids[0], "yes", True),
            (ids[1], "yes", True),
        }
    with pytest.raises(VrusError, match="event 999 is not in the register"):
        cmd_events_signup(db, event_id=999, all_invited=True, out=io.StringIO())
    empty, _ = _add(db, kind="seminar", title="Tomt", date="15.02.2014")
    with pytest.raises(VrusError, match="nobody is invited to 'Tomt'"):
        cmd_events_signup(db, event_id=empty, all_invited=True, out=io.StringIO())


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="vrus")
    add_commands(parser.add_subparsers(dest="command"))
    return parser


def test_register_event_commands_parses_the_documented_forms(db, capsys) -> None:
    _members(db, "junior", "Kim")
    parser = _parser()
    args = parser.parse_args(
        [
            "events",
            "add",
            "--kind",
            "seminar",
            "--title",
            "Helgeseminar",
            "--date",
            "08.02.2014",
            "--days",
            "2",
            "--ensemble",
            "ungdom",
            "junior",
            "--ensemble",
            "aspirant",
        ]
    )
    assert args.ensemble == ["ungdom", "junior", "aspirant"]
    assert args.handler(db, args) == 0
    event_id = int(capsys.readouterr().out)
    args = parser.parse_args(["events", "signup", str(event_id), "--all-invited", "--lunch"])
    assert (args.event, args.all_invited, args.lunch) == (event_id, True, True)
    assert args.handler(db, args) == 0
    args = parser.parse_args(["events", "list", "--season", "2014", "--format", "json"])
    assert args.handler(db, args) == 0
    assert json.loads(capsys.readouterr().out.split("\n", 1)[1])["events"][0]["id"] == event_id


@pytest.mark.parametrize(
    "argv",
    [
        ["events"],
        ["events", "add", "--kind", "party", "--title", "x", "--date", "1.1.2014"],
        ["events", "signup", "7"],
        ["events", "signup", "x7", "--all-invited"],
        ["events", "list", "--format", "xml"],
    ],
)
def test_usage_errors_exit_2(argv, capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        _parser().parse_args(argv)
    assert exit_info.value.code == 2


def test_through_the_vrus_command(db, capsys) -> None:
    _members(db, "ungdom", "Ida")
    assert (
        main(
            [
                "--db",
                db.url,
                "events",
                "add",
                "--kind",
                "seminar",
                "--title",
                "Samspilltreff",
                "--date",
                "06.03.2014",
                "--ensemble",
                "ungdom",
            ]
        )
        == 0
    )
    captured = capsys.readouterr()
    event_id = int(captured.out)
    assert "Thursday 06.03.2014 is not a weekend day" in captured.err
    assert main(["--db", db.url, "events", "signup", str(event_id), "--all-invited"]) == 0
    assert "1 sign-up(s) set to yes without lunch" in capsys.readouterr().out
    assert main(["--db", db.url, "events", "list", "--season", "2014"]) == 0
    assert "torsdag 06.03.2014" in capsys.readouterr().out
    assert (
        main(
            [
                "--db",
                db.url,
                "events",
                "add",
                "--kind",
                "seminar",
                "--title",
                "X",
                "--date",
                "31.02.2014",
            ]
        )
        == 1
    )
    assert capsys.readouterr().err == "vrus: error: --date: '31.02.2014' is not a real date\n"
