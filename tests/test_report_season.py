"""Instrumentation, ages, attendance and the annual summary on a small hand-made register.

The 2014 season, reported on 30.06.2014 (so "held" means begun by then):
- Orchestra: Anna (violin, born 1996: 18, ages out), Bo (viola, 2000: 14), Cato (oboe, 1999).
- Juniors: Dina (violin, born 2001: 13, ages out of the juniors and may move up).
- Left: Eirik (orchestra, cello) to a talent programme 31.03; Frida (juniors) moved up
  31.01 and is in the orchestra from 01.02 (horn).
- Events: seminar 08.-09.02 (10-16, 10-15), IRIS superhelg Saturday 08.03, IRIS
  samspilltreff on Thursday 06.03 (the date the 2014 report printed as "Søndag 06.03"),
  concert 05.04 with 150 in the audience, a seminar 06.-07.09 still to come.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import insert, select

from tests.statements import counted_statements
from vrus.attendance import record_attendance
from vrus.db.models import (
    Attendance,
    Ensemble,
    Event,
    EventDay,
    Instrument,
    Membership,
    Municipality,
    Person,
)
from vrus.events import create_event
from vrus.reports import KINDS, build_report
from vrus.reports.ages import season_ages
from vrus.reports.annual import annual_summary
from vrus.reports.annual_report import paragraphs
from vrus.reports.attendance import season_attendance
from vrus.reports.instrumentation import instrumentation
from vrus.reports.language import Translator
from vrus.reports.output import render_text

D, T = dt.date, dt.time
TODAY = D(2014, 6, 30)
EN = Translator("en")


def _ids(session, model, column, values) -> dict[str, int]:
    return dict(session.execute(select(column, model.id).where(column.in_(values))).all())


def person(db, first: str, born: dt.date, *stints) -> int:
    with db.transaction() as session:
        ensembles = _ids(session, Ensemble, Ensemble.short_name, ["ungdom", "junior"])
        instruments = _ids(session, Instrument, Instrument.name_en, [s[1] for s in stints])
        row = Person(first_name=first, last_name="Sesongsen", birth_date=born)
        session.add(row)
        session.flush()
        for short, instrument, start, end, reason in stints:
            session.add(
                Membership(
                    person_id=row.id,
                    ensemble_id=ensembles[short],
                    instrument_id=instruments[instrument],
                    start_date=start,
                    end_date=end,
                    end_reason=reason,
                )
            )
        return row.id


@pytest.fixture
def season(db):
    ids = {
        "Anna": person(db, "Anna", D(1996, 4, 1), ("ungdom", "Violin", D(2010, 8, 1), None, None)),
        "Bo": person(db, "Bo", D(2000, 4, 1), ("ungdom", "Viola", D(2013, 8, 1), None, None)),
        "Cato": person(db, "Cato", D(1999, 4, 1), ("ungdom", "Oboe", D(2012, 8, 1), None, None)),
        "Dina": person(db, "Dina", D(2001, 4, 1), ("junior", "Violin", D(2011, 8, 1), None, None)),
        "Eirik": person(
            db,
            "Eirik",
            D(1998, 4, 1),
            ("ungdom", "Cello", D(2011, 8, 1), D(2014, 3, 31), "talent_programme"),
        ),
        "Frida": person(
            db,
            "Frida",
            D(2000, 6, 1),
            ("junior", "Violin", D(2010, 8, 1), D(2014, 1, 31), "moved_up"),
            ("ungdom", "French horn", D(2014, 2, 1), None, None),
        ),
    }
    with db.transaction() as session:
        orchestra = _ids(session, Ensemble, Ensemble.short_name, ["ungdom", "junior"])
    both = list(orchestra.values())
    seminar = create_event(
        db,
        kind="seminar",
        title="Helgeseminar 1",
        start=D(2014, 2, 8),
        days=2,
        ensemble_ids=both,
        start_time=T(10),
        end_time=T(16),
    )
    create_event(
        db,
        kind="iris",
        title="Superhelg",
        start=D(2014, 3, 8),
        iris_type="superhelg",
        ensemble_ids=both,
    )
    create_event(
        db,
        kind="iris",
        title="Samspilltreff og felles konsert",
        start=D(2014, 3, 6),
        iris_type="samspilltreff",
        ensemble_ids=both,
    )
    create_event(
        db,
        kind="concert",
        title="Konsert i Jar kirke",
        start=D(2014, 4, 5),
        venue="Jar kirke",
        audience_count=150,
        ensemble_ids=both,
    )
    create_event(
        db, kind="seminar", title="Helgeseminar 2", start=D(2014, 9, 6), days=2, ensemble_ids=both
    )
    with db.transaction() as session:
        days = [d.id for d in session.get(Event, seminar).days]
    for name in ("Anna", "Bo", "Cato", "Frida"):
        for day in days:
            record_attendance(db, day, ids[name], "present")
    record_attendance(db, days[0], ids["Dina"], "present")
    record_attendance(db, days[1], ids["Dina"], "absent")
    return ids


def test_instrumentation_gaps_first_hard_to_recruit_marked(db, season) -> None:
    with db.transaction() as session:
        found = instrumentation(session, 2014, today=TODAY)
    names = [line.instrument.name_en if line.instrument else None for line in found.lines]
    main_id = found.main.id
    missing = [line.missing(main_id) for line in found.lines]
    # Violin: target 16, Anna: 15 missing first; every gap before every full instrument.
    assert names[0] == "Violin" and missing[0] == 15
    gaps = len(found.gaps)
    assert missing[:gaps] == sorted(missing[:gaps], reverse=True) and min(missing[:gaps]) > 0
    assert all(m == 0 for m in missing[gaps:])
    viola = found.lines[names.index("Viola")]
    assert viola.count(main_id) == 1 and viola.instrument.hard_to_recruit
    # Ties broken by hard-to-recruit first: double bass (3, hard) before trumpet (3).
    assert names.index("Double bass") < names.index("Trumpet")
    report = build_report_in(db, "instrumentation")
    table = report.table("instruments")
    hard = {str(row[0]) for row in table.rows if str(row[-1]) == "yes"}
    assert hard == {"Bratsj", "Kontrabass", "Obo", "Fagott"}
    # The register's names in Bokmål; a report in English names the instruments in English,
    # in its tables, its chart and its text.
    english, bokmal = Translator("en"), Translator("nb")
    assert (bokmal(table.rows[0][0]), english(table.rows[0][0])) == ("Fiolin", "Violin")
    assert english(report.charts[0].categories[0]) == "Violin"
    text = render_text(report, english)
    assert "Double bass" in text and "Kontrabass" not in text
    assert "Kontrabass" in render_text(report, bokmal)


def build_report_in(db, kind: str, **options):
    with db.transaction() as session:
        return build_report(session, kind, season=2014, today=TODAY, **options)


def test_ages_distribution_and_flags(db, season) -> None:
    with db.transaction() as session:
        report = season_ages(session, 2014, today=TODAY)
    spread = report.distribution()
    assert spread[18]["Ungdomssymfonikerne"] == 1  # Anna
    assert spread[14]["Ungdomssymfonikerne"] == 2  # Bo and Frida
    assert spread[13]["Juniorsymfonikerne"] == 1  # Dina
    assert {r.first_name for r in report.overview.ages_out} == {"Anna", "Dina"}
    assert {r.first_name for r in report.overview.may_move_up} == {"Dina"}
    table = build_report_in(db, "ages").table("ensembles")
    assert table.rows[0][:5] == ["Ungdomssymfonikerne", "13–18", 4, 14, 18]
    ages_out = build_report_in(db, "ages").table("ages_out")
    instruments = {str(row[2]): Translator("en")(row[2]) for row in ages_out.rows if row[2]}
    assert instruments and all(
        english == {"Fiolin": "Violin", "Cello": "Cello", "Fløyte": "Flute"}.get(nb, english)
        for nb, english in instruments.items()
    )


def test_attendance_per_member_and_event(db, season) -> None:
    with db.transaction() as session:
        report = season_attendance(session, 2014, today=TODAY)
    rates = {m.first_name: m.rate for m in report.members}
    assert rates["Anna"] == 1.0 and rates["Dina"] == 0.5
    assert report.until == TODAY and len(report.days) == 2
    events = build_report_in(db, "attendance").table("events")
    assert events.rows[0][0] == "Helgeseminar 1" and events.rows[0][3] == 2


def test_annual_summary_counts(db, season) -> None:
    with db.transaction() as session:
        summary = annual_summary(session, 2014, today=TODAY)
    orchestra, juniors = summary.ensembles[0], summary.ensembles[1]
    assert orchestra.members == 5 and orchestra.age_range == (14, 18)
    assert juniors.members == 2 and juniors.moved_up == 1
    assert summary.members == 6  # Frida once, in both ensembles
    assert [e.title for e in summary.seminars] == ["Helgeseminar 1"]
    assert len(summary.planned("seminar")) == 1
    assert [e.title for e in summary.iris] == ["Samspilltreff og felles konsert", "Superhelg"]
    assert dict(summary.departures) == {"talent_programme": 1}


def test_annual_prose_in_full_sentences_with_weekdays(db, season) -> None:
    with db.transaction() as session:
        summary = annual_summary(session, 2014, today=TODAY)
    text = [EN(p) for p in paragraphs(summary)]
    assert text[0] == (
        "In 2014 Vestregionens Ungdomssymfonikere had 6 members: 5 in "
        "Ungdomssymfonikerne (aged 14–18) and 2 in Juniorsymfonikerne "
        "(aged 13–14)."
    )
    assert text[1] == (
        "The orchestra held one weekend seminar (2 rehearsal days). Planned for "
        "the rest of the season: one weekend seminar."
    )
    assert text[2] == (
        "Concerts: Konsert i Jar kirke (Saturday 05.04.2014, Jar kirke, an audience of 150)."
    )
    # The report printed "Søndag 06.03"; the date says Thursday.
    assert "Samspilltreff og felles konsert (Thursday 06.03.2014)" in text[3]
    assert text[-1] == (
        "One member left during the season (talent programme: 1). One member "
        "moved up to the next ensemble."
    )
    nb = Translator("nb")
    assert "torsdag 06.03.2014" in nb(paragraphs(summary)[3])


def test_annual_tables_have_no_names(db, season) -> None:
    report = build_report_in(db, "annual")
    cells = {str(c) for table in report.tables for row in table.rows for c in row}
    assert not {"Anna", "Sesongsen"} & {w for c in cells for w in c.replace(",", " ").split()}
    departures = report.table("departures")
    assert [[str(c) for c in row] for row in departures.rows] == [
        ["Ungdomssymfonikerne", "talent programme", "1"],
        ["Juniorsymfonikerne", "moved up", "1"],
    ]


def _statements(db, kind: str, **options) -> int:
    with counted_statements() as statements:
        build_report_in(db, kind, **options)
    return len(statements)


def _more_members(db, count: int) -> None:
    """``count`` more orchestra members in Asker, present on both days of the seminar and
    at one more event."""
    create_event(
        db,
        kind="iris",
        title="Gruppeøvelse",
        start=D(2014, 3, 15),
        iris_type="gruppeovelse",
        ensemble_ids=[_ensemble_id(db, "ungdom")],
    )
    with db.transaction() as session:
        ungdom = session.scalars(select(Ensemble.id).where(Ensemble.short_name == "ungdom")).one()
        violin = session.scalars(select(Instrument.id).where(Instrument.name_en == "Violin")).one()
        asker = session.scalars(select(Municipality.id).where(Municipality.number == "0220")).one()
        ids = session.scalars(
            insert(Person).returning(Person.id),
            [
                {
                    "first_name": f"Ny {n}",
                    "last_name": "Sesongsen",
                    "birth_date": D(2000, 1, 1),
                    "municipality_id": asker,
                }
                for n in range(count)
            ],
        ).all()
        session.execute(
            insert(Membership),
            [
                {
                    "person_id": pid,
                    "ensemble_id": ungdom,
                    "instrument_id": violin,
                    "start_date": D(2013, 8, 1),
                }
                for pid in ids
            ],
        )
        days = session.scalars(
            select(EventDay.id)
            .join(Event)
            .where(Event.title.in_(["Helgeseminar 1", "Gruppeøvelse"]))
        ).all()
        session.execute(
            insert(Attendance),
            [
                {"event_day_id": day, "person_id": pid, "status": "present"}
                for day in days
                for pid in ids
            ],
        )


def _ensemble_id(db, short: str) -> int:
    with db.transaction() as session:
        return session.scalars(select(Ensemble.id).where(Ensemble.short_name == short)).one()


def test_reports_send_as_many_statements_for_a_larger_register(db, season) -> None:
    """No query per member, per event or per day: 40 more members who came to the seminar
    and to one more event, and every report sends the same statements as before (counted,
    not timed, so the test does not depend on the machine's speed)."""
    with db.transaction() as session:
        seminar = session.scalars(select(Event.id).where(Event.title == "Helgeseminar 1")).one()
    kinds = {kind: {"event_ids": [seminar]} if kind == "course" else {} for kind in KINDS}
    before = {kind: _statements(db, kind, **options) for kind, options in kinds.items()}
    rows = len(build_report_in(db, "attendance").table("members").rows)
    _more_members(db, 40)
    after = {kind: _statements(db, kind, **options) for kind, options in kinds.items()}
    assert after == before
    assert len(build_report_in(db, "attendance").table("members").rows) == rows + 40
