"""Retention: the rule, who is due for which step and since when, applying it, the command
line contract, and the statistics of past seasons before and after.

Dates are passed to the core explicitly (the rule is about dates, not about the day the suite
runs); the tests through ``vrus`` itself build their dates from the frozen clock's day.
"""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from sqlalchemy import delete, func, select

from tests.factories import add_attendance, add_member, phone_of
from vrus.cli import main
from vrus.cli.retention import cmd_retention
from vrus.db.engine import Database
from vrus.db.enums import ConsentKind
from vrus.db.models import (
    Allergy,
    AuditEntry,
    Consent,
    Ensemble,
    Guardian,
    Membership,
    Person,
    PersonGuardian,
    Setting,
)
from vrus.erasure import erase_persons
from vrus.retention import (
    COURSE_YEARS_SETTING,
    RetentionRule,
    Step,
    add_months,
    apply,
    due,
    retention_rule,
    set_contact_months,
    set_course_years,
)
from vrus.validation import ValidationError

D = dt.date


# --- building a register -------------------------------------------------------------------


def listed(db: Database, today: dt.date) -> dict[int, tuple[Step, dt.date]]:
    with db.sessions() as session:
        return {p.person_id: (p.step, p.due_since) for p in due(session, today).persons}


# --- the rule ------------------------------------------------------------------------------


def test_the_rule_defaults_to_three_months_and_five_years(db: Database) -> None:
    with db.sessions() as session:
        assert retention_rule(session) == RetentionRule(contact_months=3, course_years=5)


def test_the_setters_store_the_rule_for_everyone(db: Database) -> None:
    assert set_contact_months(db, 6) == 6
    assert set_course_years(db, " 10 ") == 10
    with db.sessions() as session:
        assert retention_rule(session) == RetentionRule(contact_months=6, course_years=10)
        assert session.get(Setting, COURSE_YEARS_SETTING).value == "10"


@pytest.mark.parametrize(
    ("setter", "value", "reason"),
    [
        (set_contact_months, -1, "must be between 0 and 120 months"),
        (set_contact_months, 121, "must be between 0 and 120 months"),
        (set_contact_months, "tre", "'tre' is not a whole number"),
        (set_contact_months, 2.5, "'2.5' is not a whole number"),
        (set_course_years, 31, "must be between 0 and 30 years"),
        (set_course_years, True, "'True' is not a whole number"),
    ],
)
def test_a_value_outside_the_bounds_is_refused_and_nothing_saved(
    db: Database, setter, value, reason: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        setter(db, value)
    assert str(refused.value) == reason
    with db.sessions() as session:
        assert retention_rule(session) == RetentionRule()


def test_a_value_broken_outside_the_program_gives_the_default(db: Database) -> None:
    with db.transaction() as session:
        session.add(Setting(key=COURSE_YEARS_SETTING, value="fem"))
    with db.sessions() as session:
        assert retention_rule(session).course_years == 5


@pytest.mark.parametrize(
    ("day", "months", "later"),
    [
        (D(2025, 12, 31), 3, D(2026, 3, 31)),
        (D(2026, 11, 30), 3, D(2027, 2, 28)),
        (D(2027, 11, 30), 3, D(2028, 2, 29)),
        (D(2026, 6, 15), 0, D(2026, 6, 15)),
        (D(2026, 10, 31), 14, D(2027, 12, 31)),
    ],
)
def test_months_later_keeps_the_day_or_takes_the_last_of_the_month(day, months, later) -> None:
    assert add_months(day, months) == later


# --- who is due ----------------------------------------------------------------------------


def test_contact_data_is_due_on_the_day_three_months_after_the_end(db: Database) -> None:
    kari = add_member(db, "Kari", (D(2020, 8, 15), D(2026, 6, 30)))
    assert listed(db, D(2026, 9, 29)) == {}
    assert listed(db, D(2026, 9, 30)) == {kari: (Step.CONTACT, D(2026, 9, 30))}
    with db.sessions() as session:
        (person,) = due(session, D(2026, 9, 30)).persons
    assert (person.name, person.left_on, person.last_year) == (
        "Kari Testesen",
        D(2026, 6, 30),
        2026,
    )
    assert person.erase_from == D(2032, 1, 1)
    assert "until 31.12.2031" in str(person.action)


def test_erasure_is_due_the_day_after_the_fifth_course_year(db: Database) -> None:
    kari = add_member(db, "Kari", (D(2020, 8, 15), D(2026, 6, 30)))
    assert listed(db, D(2031, 12, 31)) == {kari: (Step.CONTACT, D(2026, 9, 30))}
    assert listed(db, D(2032, 1, 1)) == {kari: (Step.ERASE, D(2032, 1, 1))}


def test_a_membership_without_an_end_date_is_never_due(db: Database) -> None:
    add_member(db, "Ola", (D(2010, 1, 1), D(2011, 6, 30)), (D(2011, 7, 1), None))
    add_member(db, "Siri", (D(2012, 1, 1), None))
    add_member(db, "Per", (D(2099, 1, 1), None))  # not begun yet
    assert listed(db, D(2100, 1, 1)) == {}


def test_the_latest_end_of_several_memberships_counts(db: Database) -> None:
    per = add_member(db, "Per", (D(2018, 1, 1), D(2022, 6, 30)), (D(2022, 7, 1), D(2024, 12, 31)))
    assert listed(db, D(2025, 3, 30)) == {}
    assert listed(db, D(2025, 3, 31)) == {per: (Step.CONTACT, D(2025, 3, 31))}
    assert listed(db, D(2030, 1, 1)) == {per: (Step.ERASE, D(2030, 1, 1))}


def test_attending_after_the_membership_ended_moves_both_steps(db: Database) -> None:
    anna = add_member(db, "Anna", (D(2019, 1, 1), D(2024, 6, 30)))
    add_attendance(db, anna, D(2026, 2, 7))  # came back as a guest
    assert listed(db, D(2026, 5, 6)) == {}
    assert listed(db, D(2026, 5, 7)) == {anna: (Step.CONTACT, D(2026, 5, 7))}
    assert listed(db, D(2031, 12, 31))[anna][0] is Step.CONTACT
    assert listed(db, D(2032, 1, 1)) == {anna: (Step.ERASE, D(2032, 1, 1))}


def test_a_person_without_any_membership_counts_from_being_registered(db: Database) -> None:
    # Stored in UTC: noon of 15.01.2026 here, in whatever zone the test runs.
    noon = dt.datetime(2026, 1, 15, 12).astimezone(dt.UTC).replace(tzinfo=None)
    guest = add_member(db, "Gjest", created=noon)
    assert listed(db, D(2026, 4, 14)) == {}
    assert listed(db, D(2026, 4, 15)) == {guest: (Step.CONTACT, D(2026, 4, 15))}
    assert listed(db, D(2032, 1, 1)) == {guest: (Step.ERASE, D(2032, 1, 1))}


def test_a_person_without_contact_or_health_data_has_no_step_one(db: Database) -> None:
    quiet = add_member(db, "Stille", (D(2020, 1, 1), D(2025, 6, 30)), phone=None)
    assert listed(db, D(2026, 6, 1)) == {}
    assert listed(db, D(2031, 1, 1)) == {quiet: (Step.ERASE, D(2031, 1, 1))}


@pytest.mark.parametrize("held", ["guardian", "allergy", "health consent", "notes"])
def test_guardians_health_data_or_notes_alone_make_step_one_due(db: Database, held: str) -> None:
    person_id = add_member(db, "Mia", (D(2020, 1, 1), D(2025, 6, 30)), phone=None)
    with db.transaction() as session:
        if held == "guardian":
            guardian = Guardian(first_name="Kari", last_name="Testesen")
            session.add(PersonGuardian(person_id=person_id, guardian=guardian))
        elif held == "allergy":
            session.add(Allergy(person_id=person_id, allergen="Nøtter"))
        elif held == "health consent":
            session.add(Consent(person_id=person_id, kind=ConsentKind.HEALTH_DATA.value))
        else:
            session.get(Person, person_id).notes = "Trenger hjelp med noter"
    assert listed(db, D(2026, 6, 1)) == {person_id: (Step.CONTACT, D(2025, 9, 30))}


def test_a_photo_consent_is_no_reason_for_step_one(db: Database) -> None:
    person_id = add_member(db, "Mia", (D(2020, 1, 1), D(2025, 6, 30)), phone=None)
    with db.transaction() as session:
        session.add(Consent(person_id=person_id, kind=ConsentKind.PHOTO.value))
    assert listed(db, D(2026, 6, 1)) == {}


def test_step_one_done_is_not_listed_again_until_erasure(db: Database) -> None:
    kari = add_member(db, "Kari", (D(2020, 8, 15), D(2026, 6, 30)))
    result = apply(db, D(2026, 10, 1))
    assert (result.contact_removed, result.erased) == ([kari], [])
    assert listed(db, D(2026, 10, 1)) == {}
    assert listed(db, D(2031, 12, 31)) == {}
    assert listed(db, D(2032, 1, 1)) == {kari: (Step.ERASE, D(2032, 1, 1))}


def test_erased_persons_are_never_listed(db: Database) -> None:
    kari = add_member(db, "Kari", (D(2020, 8, 15), D(2021, 6, 30)))
    erase_persons(db, [kari])
    assert listed(db, D(2100, 1, 1)) == {}


def test_a_longer_rule_makes_fewer_persons_due(db: Database) -> None:
    kari = add_member(db, "Kari", (D(2020, 8, 15), D(2026, 6, 30)))
    set_contact_months(db, 6)
    assert listed(db, D(2026, 12, 29)) == {}
    assert listed(db, D(2026, 12, 30)) == {kari: (Step.CONTACT, D(2026, 12, 30))}
    set_course_years(db, 0)
    assert listed(db, D(2027, 1, 1)) == {kari: (Step.ERASE, D(2027, 1, 1))}


def test_erasure_never_comes_before_the_contact_period_ends(db: Database) -> None:
    kari = add_member(db, "Kari", (D(2020, 8, 15), D(2026, 6, 30)))
    set_course_years(db, 0)
    set_contact_months(db, 12)
    assert listed(db, D(2027, 1, 1)) == {}
    assert listed(db, D(2027, 6, 30)) == {kari: (Step.ERASE, D(2027, 6, 30))}


def test_the_list_is_by_step_then_in_norwegian_name_order(db: Database) -> None:
    for last in ("Ås", "Zahl", "Øvre", "Berg"):
        add_member(db, "Ida", (D(2020, 1, 1), D(2025, 6, 30)), last=last)
    add_member(db, "Ida", (D(2010, 1, 1), D(2012, 6, 30)), last="Aal")
    with db.sessions() as session:
        plan = due(session, D(2026, 1, 1))
    assert [(p.step, p.last_name) for p in plan.persons] == [
        (Step.CONTACT, "Berg"),
        (Step.CONTACT, "Zahl"),
        (Step.CONTACT, "Øvre"),
        (Step.CONTACT, "Ås"),
        (Step.ERASE, "Aal"),
    ]


# --- applying ------------------------------------------------------------------------------


def test_apply_does_each_step_and_leaves_members_alone(db: Database) -> None:
    leaver = add_member(db, "Kari", (D(2020, 8, 15), D(2025, 6, 30)))
    old = add_member(db, "Ola", (D(2014, 8, 15), D(2019, 6, 30)))
    current = add_member(db, "Siri", (D(2014, 8, 15), None))
    with db.transaction() as session:
        guardian = Guardian(first_name="Mor", last_name="Testesen", phone="+4798765432")
        session.add(PersonGuardian(person_id=leaver, guardian=guardian))
        session.add(Allergy(person_id=leaver, allergen="Nøtter"))
    result = apply(db, D(2026, 1, 1))
    assert (result.contact_removed, result.erased) == ([leaver], [old])
    with db.sessions() as session:
        kept = session.get(Person, leaver)
        assert (kept.first_name, kept.birth_date, kept.phone) == ("Kari", D(2008, 5, 17), None)
        assert kept.erased_at is None and not kept.allergies and not kept.guardian_links
        assert session.scalars(select(Guardian)).all() == []  # left with no child
        assert len(session.scalars(select(Membership).where(Membership.person_id == leaver)).all())
        erased = session.get(Person, old)
        assert erased.erased_at is not None and erased.first_name != "Ola"
        untouched = session.get(Person, current)
        assert (untouched.first_name, untouched.phone) == ("Siri", "+4791234567")
    assert listed(db, D(2026, 1, 1)) == {}


def test_a_reviewed_plan_does_only_what_is_still_due(db: Database) -> None:
    back = add_member(db, "Kari", (D(2020, 8, 15), D(2025, 6, 30)))
    gone = add_member(db, "Ola", (D(2020, 8, 15), D(2025, 6, 30)))
    with db.sessions() as session:
        plan = due(session, D(2026, 1, 1))
    assert {p.person_id for p in plan.persons} == {back, gone}
    with db.transaction() as session:  # Kari comes back before the plan is applied
        session.add(
            Membership(
                person_id=back,
                ensemble_id=session.scalars(
                    select(Ensemble.id).where(Ensemble.short_name == "ungdom")
                ).one(),
                start_date=D(2025, 12, 1),
            )
        )
    late = add_member(db, "Per", (D(2020, 8, 15), D(2025, 6, 30)))  # due, but not reviewed
    result = apply(db, plan)
    assert (result.contact_removed, result.erased) == ([gone], [])
    assert phone_of(db, back) == phone_of(db, late) == "+4791234567"
    assert phone_of(db, gone) is None


# --- the command line ----------------------------------------------------------------------


@pytest.fixture
def due_register(db: Database) -> dict[str, int]:
    """One person due for each step on 01.01.2026, and a member who is not."""
    ids = {
        "contact": add_member(db, "Kari", (D(2020, 8, 15), D(2025, 6, 30)), last="Ødegård"),
        "erase": add_member(db, "Ola", (D(2014, 8, 15), D(2019, 6, 30)), last="Berg"),
        "member": add_member(db, "Siri", (D(2014, 8, 15), None)),
    }
    # Building wrote audit entries dated on the frozen clock's day, which may be any day:
    # the tests below put in the entries they are about.
    with db.transaction() as session:
        session.execute(delete(AuditEntry))
    return ids


def add_audit_entry(db: Database, at: dt.datetime) -> None:
    with db.transaction() as session:
        session.add(AuditEntry(at=at, actor="coordinator", action="update", table_name="persons"))


TODAY = D(2026, 1, 1)


def test_json_lists_what_is_due_and_changes_nothing(db: Database, due_register) -> None:
    out = io.StringIO()
    assert cmd_retention(db, fmt="json", out=out, today=TODAY) == 0
    data = json.loads(out.getvalue())
    assert data == {
        "today": "2026-01-01",
        "rule": {"contact_months": 3, "course_years": 5},
        "due": [
            {
                "id": due_register["contact"],
                "name": "Kari Ødegård",
                "step": "contact",
                "due_since": "2025-09-30",
                "left_on": "2025-06-30",
                "last_course_year": 2025,
                "erase_from": "2031-01-01",
            },
            {
                "id": due_register["erase"],
                "name": "Ola Berg",
                "step": "erase",
                "due_since": "2025-01-01",
                "left_on": "2019-06-30",
                "last_course_year": 2019,
                "erase_from": "2025-01-01",
            },
        ],
        "audit_entries_expired": 0,
        "applied": None,
    }
    assert phone_of(db, due_register["contact"]) == phone_of(db, due_register["erase"])
    assert listed(db, TODAY) == {
        due_register["contact"]: (Step.CONTACT, D(2025, 9, 30)),
        due_register["erase"]: (Step.ERASE, D(2025, 1, 1)),
    }


def test_audit_entries_past_their_keeping_period_are_listed_and_deleted(
    db: Database, due_register
) -> None:
    add_audit_entry(db, dt.datetime(2023, 12, 30, 12))  # 733 days before: past 730
    add_audit_entry(db, dt.datetime(2024, 1, 2, 12))  # 730 days before: kept
    with db.sessions() as session:
        assert due(session, TODAY).audit_expired == 1
    out = io.StringIO()
    cmd_retention(db, out=out, today=TODAY)
    assert "Audit entries past their keeping period: 1" in out.getvalue()
    assert apply(db, TODAY).audit_deleted == 1
    with db.sessions() as session:
        kept = session.scalars(select(AuditEntry.at).where(AuditEntry.at < dt.datetime(2025, 1, 1)))
        assert kept.all() == [dt.datetime(2024, 1, 2, 12)]
        assert due(session, TODAY).audit_expired == 0


def test_old_audit_entries_alone_are_applied_too(db: Database) -> None:
    add_audit_entry(db, dt.datetime(2020, 1, 1, 12))
    out = io.StringIO()
    assert cmd_retention(db, fmt="json", apply=True, out=out, today=TODAY) == 0
    data = json.loads(out.getvalue())
    assert (data["due"], data["audit_entries_expired"]) == ([], 1)
    assert data["applied"] == {"contact_removed": [], "erased": [], "audit_entries_deleted": 1}
    with db.sessions() as session:
        old = select(func.count()).where(AuditEntry.at < dt.datetime(2021, 1, 1))
        assert session.scalar(old) == 0


def test_text_names_the_persons_with_dates(db: Database, due_register) -> None:
    out = io.StringIO()
    cmd_retention(db, out=out, today=TODAY)
    text = out.getvalue()
    assert "Due on 01.01.2026:" in text
    assert "Step 1, remove contact and health data and guardians (1)" in text
    assert "Step 2, erase (1)" in text
    contact_line = next(line for line in text.splitlines() if "Kari Ødegård" in line)
    assert contact_line.split()[0] == str(due_register["contact"])
    assert "30.06.2025" in contact_line and "30.09.2025" in contact_line
    assert "01.01.2031" in contact_line


def test_nothing_due_says_so(db: Database) -> None:
    out = io.StringIO()
    cmd_retention(db, out=out, today=TODAY, apply=True, ask=lambda _q: pytest.fail("asked"))
    assert "Nothing is due on 01.01.2026." in out.getvalue()


def test_apply_asks_on_a_terminal_and_no_changes_nothing(db: Database, due_register) -> None:
    asked: list[str] = []

    def no(question: str) -> bool:
        asked.append(question)
        return False

    out = io.StringIO()
    assert cmd_retention(db, apply=True, ask=no, out=out, today=TODAY) == 0
    assert asked == ["Apply? [y/N] "]
    assert out.getvalue().rstrip().endswith("Nothing was changed.")
    assert len(listed(db, TODAY)) == 2


def test_apply_yes_on_a_terminal_does_it_without_asking(db: Database, due_register) -> None:
    out = io.StringIO()

    def ask(_question: str) -> bool:
        raise AssertionError("--yes must not ask")

    assert cmd_retention(db, fmt="json", apply=True, yes=True, ask=ask, out=out, today=TODAY) == 0
    applied = json.loads(out.getvalue())["applied"]
    assert applied == {
        "contact_removed": [due_register["contact"]],
        "erased": [due_register["erase"]],
        "audit_entries_deleted": 0,
    }
    assert listed(db, TODAY) == {}


def test_apply_answered_yes_does_it(db: Database, due_register) -> None:
    out = io.StringIO()
    cmd_retention(db, apply=True, ask=lambda _q: True, out=out, today=TODAY)
    assert (
        out.getvalue()
        .rstrip()
        .endswith(
            "Removed the contact and health data of 1 person(s); erased 1 person(s); "
            "deleted 0 audit entries."
        )
    )
    assert listed(db, TODAY) == {}


def test_yes_without_apply_is_refused(db: Database, capsys) -> None:
    assert main(["--db", db.url, "retention", "--yes"]) == 1
    assert capsys.readouterr().err.strip() == "vrus: error: --yes goes with --apply"


def _due_now(db: Database, today: dt.date) -> dict[str, int]:
    """Persons due for each step on the frozen clock's day."""
    return {
        "contact": add_member(
            db, "Kari", (D(today.year - 3, 1, 1), today - dt.timedelta(days=200))
        ),
        "erase": add_member(db, "Ola", (D(today.year - 9, 1, 1), D(today.year - 7, 6, 30))),
        "member": add_member(db, "Siri", (D(today.year - 3, 1, 1), None)),
    }


def test_vrus_retention_without_a_terminal_applies_without_asking(
    db: Database, frozen_clock: dt.date, monkeypatch, capsys
) -> None:
    ids = _due_now(db, frozen_clock)
    monkeypatch.setattr("sys.stdin", io.StringIO("n\n"))  # a pipe: no one to answer
    assert main(["--db", db.url, "retention"]) == 0
    listing = capsys.readouterr().out
    assert "Kari Testesen" in listing and "Ola Testesen" in listing and "Siri" not in listing
    assert len(listed(db, frozen_clock)) == 2  # listing changed nothing
    assert main(["--db", db.url, "retention", "--apply", "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert "Apply?" not in captured.err
    assert json.loads(captured.out)["applied"] == {
        "contact_removed": [ids["contact"]],
        "erased": [ids["erase"]],
        "audit_entries_deleted": 0,  # the only entries are today's, from building
    }
    assert listed(db, frozen_clock) == {}
    assert phone_of(db, ids["member"]) == "+4791234567"


def test_vrus_retention_on_a_terminal_asks(
    db: Database, frozen_clock: dt.date, monkeypatch, capsys
) -> None:
    _due_now(db, frozen_clock)

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr("sys.stdin", Terminal("n\n"))
    assert main(["--db", db.url, "retention", "--apply"]) == 0
    captured = capsys.readouterr()
    assert captured.err == "Apply? [y/N] "
    assert "Nothing was changed." in captured.out
    assert len(listed(db, frozen_clock)) == 2
    monkeypatch.setattr("sys.stdin", Terminal("j\n"))
    assert main(["--db", db.url, "retention", "--apply"]) == 0
    assert listed(db, frozen_clock) == {}


# --- the statistics of past seasons stay the same -------------------------------------------

DEMO_DAY = D(2026, 11, 26)  # the demo's season: 2023-2026
LATER = "2030-06-01"  # leavers of 2023-2024 are due for erasure, those of 2025-2026 for step 1
PAST_SEASONS = (2023, 2024, 2025, 2026)


def _figures(db: Database, today: dt.date, report: str) -> dict:
    """One report of every past season as its JSON has it (the annual report, the coverage
    report or the season ages); of the ages report's lists of names only how many are in
    them (names go by design)."""
    from vrus.reports.ages import ages_json, season_ages
    from vrus.reports.annual import annual_summary
    from vrus.reports.annual_report import annual_json
    from vrus.reports.coverage import coverage
    from vrus.reports.coverage_report import coverage_json

    figures: dict = {}
    with db.sessions() as session:
        for year in PAST_SEASONS:
            if report == "annual":
                data = annual_json(annual_summary(session, year, today=today))
                data["paragraphs"] = [str(text) for text in data["paragraphs"]]
            elif report == "coverage":
                data = coverage_json(coverage(session, year, today=today))
            else:
                ages = ages_json(season_ages(session, year, today=today))
                data = {k: len(v) if isinstance(v, list) else v for k, v in ages.items()}
            figures[str(year)] = data
    return json.loads(json.dumps(figures, default=str))


REPORTS = ("annual", "coverage", "ages")


def _differences(before: object, after: object, path: str = "") -> list[str]:
    if isinstance(before, dict) and isinstance(after, dict):
        return [
            line
            for key in sorted(before.keys() | after.keys(), key=str)
            for line in _differences(before.get(key), after.get(key), f"{path}.{key}")
        ]
    if isinstance(before, list) and isinstance(after, list) and len(before) == len(after):
        return [
            line
            for i, (a, b) in enumerate(zip(before, after, strict=True))
            for line in _differences(a, b, f"{path}[{i}]")
        ]
    return [] if before == after else [f"{path}: {before!r} -> {after!r}"]


@pytest.fixture
def demo_moved_on(db: Database, frozen_clock: dt.date) -> dict:
    """The demo register some years on, retention applied; returns the figures before."""
    from vrus.demo import load_demo

    load_demo(db, today=DEMO_DAY)
    with db.sessions() as session:
        plan = due(session, frozen_clock)
    # Both steps have people in them, or the comparison below would prove little.
    assert len(plan.of(Step.CONTACT)) >= 5 and len(plan.of(Step.ERASE)) >= 5
    before = {report: _figures(db, frozen_clock, report) for report in REPORTS}
    result = apply(db, frozen_clock)
    assert len(result.erased) == len(plan.of(Step.ERASE))
    assert len(result.contact_removed) == len(plan.of(Step.CONTACT))
    return before


@pytest.mark.today(LATER)
@pytest.mark.parametrize("report", REPORTS)
def test_figures_of_past_seasons_are_the_same_after_retention(
    db: Database, frozen_clock: dt.date, demo_moved_on: dict, report: str
) -> None:
    changed = _differences(demo_moved_on[report], _figures(db, frozen_clock, report))
    assert not changed, "\n".join(["figures that changed (before -> after):", *changed])


def test_step_one_keeps_where_a_member_counted_before_the_reform(db: Database) -> None:
    """A member registered under today's Asker is counted in 2014 where the postal code lay
    then (Røyken); removing the contact data must not move them out of the 2014 figures."""
    from vrus.reports.coverage import coverage
    from vrus.reports.coverage_report import coverage_json

    siri = add_member(db, "Siri", (D(2013, 8, 15), D(2014, 12, 31)), postal_code="3440")

    def counted() -> dict:
        with db.sessions() as session:
            data = coverage_json(coverage(session, 2014, today=D(2015, 6, 1)))
        return {
            "placed_by_postal_code": data["placed_by_postal_code"],
            "represented": data["represented"],
            "rows": {r["name"]: r["total"] for r in data["municipalities"] if r["total"]},
        }

    before = counted()
    assert before == {"placed_by_postal_code": 1, "represented": 1, "rows": {"Røyken": 1}}
    assert apply(db, D(2015, 6, 1)).contact_removed == [siri]
    assert counted() == before
