"""Undo and redo of whole actions by scope snapshots (vrus.undo): each round trip leaves the
register exactly as it was (every table compared, the exports too), redo gives exactly the
state after the action, and an undo over rows changed meanwhile is refused, changing
nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from tests.factories import add_person
from vrus import undo as undo_module
from vrus.backup import KEEP_SETTING, backups_to_keep, set_backups_to_keep
from vrus.conflicts import ConflictError
from vrus.db.engine import Database
from vrus.db.models import (
    AuditEntry,
    Base,
    Ensemble,
    Guardian,
    Instrument,
    Membership,
    Municipality,
    MunicipalityPopulation,
    Organisation,
    Person,
    Setting,
)
from vrus.exporting import export
from vrus.memberships import (
    change_membership_instrument,
    end_membership,
    move_up,
    start_membership,
)
from vrus.opening import open_database
from vrus.persons import (
    add_guardian,
    create_person,
    link_guardian,
    person_details,
    remove_guardian,
    undo_changes,
    update_guardian,
    update_person,
)
from vrus.population import import_population
from vrus.reference import (
    save_organisation,
    update_ensemble_limits,
    update_instrument,
    update_municipality,
)
from vrus.reports.course_rules import (
    course_rules,
    remove_built_in_rule,
    removed_key,
    set_course_rule,
    setting_key,
)
from vrus.undo import Scope, Step, StepConflict, record, recording, redo, snapshot, undo

D = dt.date
# Written by every action and by no undo in the same way: not the register's content.
NOT_CONTENT = {"audit_entries", "register_changes", "presence"}


@pytest.fixture
def other(db: Database) -> Iterator[Database]:
    """A second user: the same register opened again."""
    second = open_database(db.url)
    yield second
    second.close()


def dump(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table but the bookkeeping ones, without the version counters."""
    found = {}
    with db.sessions() as session:
        for table in Base.metadata.sorted_tables:
            if table.name in NOT_CONTENT:
                continue
            columns = [c for c in table.columns if c.name != "version"]
            rows = session.execute(select(*columns)).all()
            found[table.name] = sorted((tuple(row) for row in rows), key=repr)
    return found


def exports(db: Database, folder: Path) -> dict[str, bytes]:
    """The member, guardian and membership exports as bytes."""
    folder.mkdir(exist_ok=True)
    files = {}
    for what in ("members", "guardians", "memberships"):
        result = export(db, what, folder / f"{what}.csv")
        files[what] = result.path.read_bytes()
    return files


def versions(db: Database, model: type, row_id: int) -> int:
    with db.sessions() as session:
        return int(session.get_one(model, row_id).version)


def round_trip(db: Database, tmp_path: Path, run: Callable[[], tuple[Any, Step]]) -> Any:
    """Do the action, undo it, redo it, undo it again: each time the register is exactly
    the state before or after (and the exports agree)."""
    before, files = dump(db), exports(db, tmp_path / "before")
    result, step = run()
    after, files_after = dump(db), exports(db, tmp_path / "after")
    assert step.changed and after != before
    undo(db, step)
    assert dump(db) == before
    assert exports(db, tmp_path / "undone") == files
    redo(db, step)
    assert dump(db) == after
    assert exports(db, tmp_path / "redone") == files_after
    undo(db, step)
    assert dump(db) == before
    return result, step


def ensemble(db: Database, short: str) -> int:
    with db.sessions() as session:
        return session.scalars(select(Ensemble.id).where(Ensemble.short_name == short)).one()


def junior(db: Database) -> int:
    pid = add_person(db, "Sofie", "Hansen", D(2013, 2, 2))
    start_membership(db, pid, ensemble(db, "junior"), 3, D(2022, 8, 20))
    return pid


# --- the actions, each round trip -----------------------------------------------------------


def test_a_new_person_is_undone_and_redone_with_the_same_id(db: Database, tmp_path: Path) -> None:
    add_person(db, "Åse", "Ødegård")  # the export has rows to keep
    values = {"first_name": "Øystein", "last_name": "Aas", "birth_date": D(2012, 3, 4)}
    person_id, step = round_trip(
        db,
        tmp_path,
        lambda: record(db, lambda: create_person(db, values), extra=lambda pid: Scope([pid])),
    )
    with db.sessions() as session:
        assert session.get(Person, person_id) is None
    redo(db, step)
    with db.sessions() as session:
        assert session.get_one(Person, person_id).first_name == "Øystein"


def test_move_up_is_undone_to_the_junior_membership(db: Database, tmp_path: Path) -> None:
    pid = junior(db)
    new_id, step = round_trip(
        db, tmp_path, lambda: record(db, lambda: move_up(db, pid, D(2026, 8, 15)), Scope([pid]))
    )
    assert step.person_ids == {pid}
    with db.sessions() as session:
        assert session.get(Membership, new_id) is None
        (only,) = session.scalars(select(Membership).where(Membership.person_id == pid))
        assert (only.end_date, only.end_reason) == (None, None)


def test_starting_a_membership_is_undone(db: Database, tmp_path: Path) -> None:
    pid = add_person(db, "Lars", "Berg")
    round_trip(
        db,
        tmp_path,
        lambda: record(
            db,
            lambda: start_membership(db, pid, ensemble(db, "ungdom"), 5, D(2026, 9, 1)),
            Scope([pid]),
        ),
    )


def test_ending_a_membership_is_undone(db: Database, tmp_path: Path) -> None:
    pid = junior(db)
    with db.sessions() as session:
        mid = session.scalars(select(Membership.id).where(Membership.person_id == pid)).one()
    round_trip(
        db,
        tmp_path,
        lambda: record(
            db,
            lambda: end_membership(db, mid, D(2026, 6, 30), "quit", "moved away"),
            Scope([pid]),
        ),
    )


def test_adding_a_guardian_is_undone_guardian_and_all(db: Database, tmp_path: Path) -> None:
    pid = junior(db)
    values = {"first_name": "Kari", "last_name": "Hansen", "email": "kari@example.no"}
    gid, _step = round_trip(
        db,
        tmp_path,
        lambda: record(
            db,
            lambda: add_guardian(db, pid, values, "mother"),
            Scope([pid]),
            extra=lambda gid: Scope(guardians=[gid]),
        ),
    )
    with db.sessions() as session:
        assert session.get(Guardian, gid) is None


def _with_guardian(db: Database) -> tuple[int, int]:
    pid = junior(db)
    gid = add_guardian(db, pid, {"first_name": "Kari", "last_name": "Hansen"}, "mother")
    return pid, gid


def test_editing_a_guardian_is_undone(db: Database, tmp_path: Path) -> None:
    pid, gid = _with_guardian(db)
    round_trip(
        db,
        tmp_path,
        lambda: record(
            db,
            lambda: update_guardian(db, gid, {"phone": "41234567", "email": "kari@example.no"}),
            Scope([pid], guardians=[gid]),
        ),
    )


def test_changing_a_guardians_relation_is_undone(db: Database, tmp_path: Path) -> None:
    pid, gid = _with_guardian(db)
    round_trip(
        db,
        tmp_path,
        lambda: record(
            db,
            lambda: update_guardian(db, gid, {}, person_id=pid, relation="guardian"),
            Scope([pid], guardians=[gid]),
        ),
    )


def test_removing_a_guardian_puts_the_guardian_back_with_the_same_id(
    db: Database, tmp_path: Path
) -> None:
    pid, gid = _with_guardian(db)
    update_guardian(db, gid, {"email": "kari@example.no"})  # version 2
    round_trip(
        db,
        tmp_path,
        lambda: record(db, lambda: remove_guardian(db, pid, gid), Scope([pid], guardians=[gid])),
    )
    with db.sessions() as session:
        details = person_details(session, pid)
    assert [(g.id, g.email, g.relation) for g in details.guardians] == [
        (gid, "kari@example.no", "mother")
    ]


def test_removing_a_siblings_guardian_keeps_the_guardian(db: Database, tmp_path: Path) -> None:
    pid, gid = _with_guardian(db)
    sibling = add_person(db, "Jonas", "Hansen")
    link_guardian(db, sibling, gid, "mother")
    round_trip(
        db,
        tmp_path,
        lambda: record(db, lambda: remove_guardian(db, pid, gid), Scope([pid], guardians=[gid])),
    )


def test_linking_a_siblings_guardian_is_undone_without_touching_the_guardian(
    db: Database, tmp_path: Path
) -> None:
    """The guardian is reached only after the action (through the new link): it was not
    written, so undo leaves it, and the sibling's link, alone."""
    pid, gid = _with_guardian(db)
    sibling = add_person(db, "Jonas", "Hansen")
    round_trip(
        db,
        tmp_path,
        lambda: record(db, lambda: link_guardian(db, sibling, gid, "father"), Scope([sibling])),
    )
    with db.sessions() as session:
        assert session.get(Guardian, gid) is not None


def test_several_calls_recorded_as_one_step(db: Database, tmp_path: Path) -> None:
    def run() -> tuple[int, Step]:
        with recording(db) as recorder:
            pid = create_person(db, {"first_name": "Nora", "last_name": "Lie"})
            recorder.grow(Scope([pid]))
            start_membership(db, pid, ensemble(db, "junior"), None, D(2026, 9, 1))
            gid = add_guardian(db, pid, {"first_name": "Per", "last_name": "Lie"}, "father")
            recorder.grow(Scope(guardians=[gid]))
        return pid, recorder.step

    round_trip(db, tmp_path, run)


# --- versions, refusals ---------------------------------------------------------------------


def test_versions_keep_rising_so_a_stale_editor_notices(db: Database, other: Database) -> None:
    pid, gid = _with_guardian(db)
    with db.sessions() as session:
        read = person_details(session, pid).guardians[0]  # an editor open at version 1
    _, step = record(
        db, lambda: update_guardian(db, gid, {"phone": "41234567"}), Scope(guardians=[gid])
    )
    undo(db, step)
    assert versions(db, Guardian, gid) == 3  # 1, the edit's 2, the undo's 3: never back to 1
    _, step = record(db, lambda: remove_guardian(db, pid, gid), Scope([pid], guardians=[gid]))
    undo(db, step)
    assert versions(db, Guardian, gid) == 4  # put back: the version it had, plus one
    redo(db, step)
    undo(db, step)
    assert versions(db, Guardian, gid) == 5
    # The editor that read version 1 and changes the phone another way meets a conflict
    # (the phone it showed is what the register holds again, so it is no silent overwrite).
    with pytest.raises(ConflictError):
        update_guardian(other, gid, {"phone": "99999999"}, expected_version=read.version)


def test_undo_over_another_users_change_is_refused_and_changes_nothing(
    db: Database, other: Database
) -> None:
    pid = junior(db)
    new_id, step = record(db, lambda: move_up(db, pid, D(2026, 8, 15)), Scope([pid]))
    change_membership_instrument(other, new_id, 5)  # another user, meanwhile
    state = dump(db)
    with pytest.raises(StepConflict) as refused:
        undo(db, step)
    assert refused.value.tables == ("memberships",)
    assert "nothing was changed" in str(refused.value)
    assert dump(db) == state


def test_undo_of_a_new_person_someone_added_to_is_refused(db: Database, other: Database) -> None:
    pid, step = record(
        db,
        lambda: create_person(db, {"first_name": "Nora", "last_name": "Lie"}),
        extra=lambda pid: Scope([pid]),
    )
    gid = add_guardian(other, pid, {"first_name": "Per", "last_name": "Lie"})
    state = dump(db)
    with pytest.raises(StepConflict):
        undo(db, step)
    assert dump(db) == state
    remove_guardian(other, pid, gid)  # back as the step left it: undo goes ahead
    undo(db, step)
    with db.sessions() as session:
        assert session.get(Person, pid) is None


def test_redo_over_a_change_is_refused(db: Database, other: Database) -> None:
    pid, gid = _with_guardian(db)
    _, step = record(
        db, lambda: update_guardian(db, gid, {"phone": "41234567"}), Scope(guardians=[gid])
    )
    undo(db, step)
    update_guardian(other, gid, {"email": "kari@example.no"})
    state = dump(db)
    with pytest.raises(StepConflict):
        redo(db, step)
    assert dump(db) == state


def test_a_field_edit_and_its_own_undo_do_not_block_the_step_before(db: Database) -> None:
    """The window's stack: move up, edit the phone, Ctrl+Z (the phone), Ctrl+Z (the move)."""
    pid = junior(db)
    before = dump(db)
    _, step = record(db, lambda: move_up(db, pid, D(2026, 8, 15)), Scope([pid]))
    change = update_person(db, pid, {"phone": "41234567"})
    undo_changes(db, [change])
    undo(db, step)
    after_undo = dump(db)
    # The person's row differs from ``before`` only in updated_at, which the field edit and
    # its own undo moved; the move up is gone exactly.
    assert after_undo["memberships"] == before["memberships"]


def test_growing_with_an_existing_id_is_a_programming_error(db: Database) -> None:
    pid = add_person(db, "Åse", "Lie")
    with pytest.raises(ValueError, match="existed before"), recording(db) as recorder:
        recorder.grow(Scope([pid]))


def test_a_failed_action_records_no_step(db: Database) -> None:
    pid = add_person(db, "Åse", "Lie")  # in no ensemble one can move up from
    with pytest.raises(Exception, match="move up"):
        record(db, lambda: move_up(db, pid, D(2026, 8, 15)), Scope([pid]))


def test_the_scope_map_names_real_tables_and_columns() -> None:
    for tables in undo_module.SCOPE_TABLES.values():
        for table, via in tables.items():
            assert table in Base.metadata.tables
            if via not in Base.metadata.tables[table].c:
                assert via in tables and list(tables).index(via) < list(tables).index(table)
                undo_module._link(table, via)  # exactly one foreign key between them


def test_a_snapshot_of_a_person_holds_their_rows_and_guardians(db: Database) -> None:
    pid, gid = _with_guardian(db)
    with db.sessions() as session:
        shot = snapshot(session, Scope([pid]))
    assert set(shot.keys("persons")) == {(pid,)}
    assert set(shot.keys("guardians")) == {(gid,)}
    assert set(shot.keys("person_guardians")) == {(pid, gid)}
    assert len(shot.keys("memberships")) == 1
    assert shot.row("guardians", (gid,))["first_name"] == "Kari"


def test_an_undo_is_in_the_audit_trail(db: Database) -> None:
    pid, gid = _with_guardian(db)
    _, step = record(db, lambda: remove_guardian(db, pid, gid), Scope([pid], guardians=[gid]))
    with db.sessions() as session:
        seen = session.scalar(select(func.max(AuditEntry.id)))
    undo(db, step)
    with db.sessions() as session:
        entries = session.execute(
            select(AuditEntry.action, AuditEntry.table_name, AuditEntry.person_id).where(
                AuditEntry.id > seen
            )
        ).all()
    assert sorted(entries, key=repr) == sorted(
        [("create", "guardians", None), ("create", "person_guardians", pid)], key=repr
    )


# --- reference data and settings (the Settings page) -------------------------------------------


def municipality(db: Database, number: str) -> int:
    with db.sessions() as session:
        return session.scalars(
            select(Municipality.id).where(
                Municipality.number == number, Municipality.valid_to.is_(None)
            )
        ).one()


def stored_setting(db: Database, key: str) -> str | None:
    with db.sessions() as session:
        row = session.get(Setting, key)
        return None if row is None else row.value


def test_a_municipality_change_is_undone_and_redone(db: Database, tmp_path: Path) -> None:
    mid = municipality(db, "3203")
    with db.sessions() as session:
        was = session.get_one(Municipality, mid)
        in_region, population = was.in_region, was.population
    round_trip(
        db,
        tmp_path,
        lambda: record(
            db,
            lambda: update_municipality(db, mid, in_region=not in_region, population=123_456),
            Scope(municipalities=[mid]),
        ),
    )
    with db.sessions() as session:
        back = session.get_one(Municipality, mid)
        assert (back.in_region, back.population) == (in_region, population)


def test_an_instrument_and_an_ensemble_change_are_undone(db: Database, tmp_path: Path) -> None:
    with db.sessions() as session:
        instrument = session.scalars(select(Instrument.id).order_by(Instrument.id)).first()
    assert instrument is not None
    junior_id = ensemble(db, "junior")

    def run() -> tuple[None, Step]:
        scope = Scope(instruments=[instrument], ensembles=[junior_id])
        with recording(db, scope) as recorder:
            update_instrument(db, instrument, target_count=7, hard_to_recruit=True)
            update_ensemble_limits(db, junior_id, 9, 15)
        return None, recorder.step

    round_trip(db, tmp_path, run)


def test_a_new_organisation_is_undone_and_redone_with_the_same_id(
    db: Database, tmp_path: Path
) -> None:
    oid, step = round_trip(
        db,
        tmp_path,
        lambda: record(
            db,
            lambda: save_organisation(db, None, name="Vestby musikkskole", kind="culture_school"),
            extra=lambda oid: Scope(organisations=[oid]),
        ),
    )
    with db.sessions() as session:
        assert session.get(Organisation, oid) is None
    redo(db, step)
    with db.sessions() as session:
        assert session.get_one(Organisation, oid).name == "Vestby musikkskole"


def test_undo_of_an_organisation_someone_chose_since_is_refused(
    db: Database, other: Database
) -> None:
    """Deleting it would set the person's culture school to nothing, unseen."""
    oid, step = record(
        db,
        lambda: save_organisation(db, None, name="Vestby musikkskole", kind="culture_school"),
        extra=lambda oid: Scope(organisations=[oid]),
    )
    pid = add_person(other, "Åse", "Lie")
    update_person(other, pid, {"culture_school_id": oid})
    state = dump(db)
    with pytest.raises(StepConflict) as refused:
        undo(db, step)
    assert refused.value.tables == ("persons",)
    assert dump(db) == state
    update_person(other, pid, {"culture_school_id": None})  # no longer in use: undo goes ahead
    undo(db, step)
    with db.sessions() as session:
        assert session.get(Organisation, oid) is None


def test_a_setting_stored_anew_is_removed_by_undo(db: Database, tmp_path: Path) -> None:
    key = setting_key("min_hours", 2027)
    assert stored_setting(db, key) is None
    round_trip(
        db,
        tmp_path,
        lambda: record(
            db, lambda: set_course_rule(db, "min_hours", "7.5", 2027), Scope(settings={key})
        ),
    )
    assert stored_setting(db, key) is None


def test_a_removed_setting_is_put_back_by_undo(db: Database, tmp_path: Path) -> None:
    key = setting_key("min_age")
    set_course_rule(db, "min_age", 15)
    round_trip(
        db,
        tmp_path,
        lambda: record(db, lambda: set_course_rule(db, "min_age", None), Scope(settings=key)),
    )
    assert stored_setting(db, key) == "15"


def test_removing_the_built_in_rule_of_2014_is_undone(db: Database, tmp_path: Path) -> None:
    key = removed_key("min_hours", 2014)
    _, step = round_trip(
        db,
        tmp_path,
        lambda: record(
            db, lambda: remove_built_in_rule(db, 2014, "min_hours"), Scope(settings={key})
        ),
    )
    with db.sessions() as session:
        assert course_rules(session, 2014).removed == ()
    redo(db, step)
    with db.sessions() as session:
        assert course_rules(session, 2014).removed == ("min_hours",)


def test_a_changed_setting_is_undone_to_its_value(db: Database, tmp_path: Path) -> None:
    set_backups_to_keep(db, 12)
    round_trip(
        db,
        tmp_path,
        lambda: record(db, lambda: set_backups_to_keep(db, 20), Scope(settings={KEEP_SETTING})),
    )
    assert backups_to_keep(db) == 12


def test_undo_of_a_setting_changed_meanwhile_is_refused(db: Database, other: Database) -> None:
    _, step = record(db, lambda: set_backups_to_keep(db, 20), Scope(settings={KEEP_SETTING}))
    set_backups_to_keep(other, 25)
    state = dump(db)
    with pytest.raises(StepConflict) as refused:
        undo(db, step)
    assert refused.value.tables == ("settings",)
    assert dump(db) == state
    set_backups_to_keep(other, 20)  # as the step left it again
    undo(db, step)
    assert stored_setting(db, KEEP_SETTING) is None


def test_redo_of_a_setting_someone_stored_meanwhile_is_refused(
    db: Database, other: Database
) -> None:
    key = setting_key("min_participants", 2026)
    _, step = record(
        db, lambda: set_course_rule(db, "min_participants", 4, 2026), Scope(settings={key})
    )
    undo(db, step)
    set_course_rule(other, "min_participants", 5, 2026)
    state = dump(db)
    with pytest.raises(StepConflict):
        redo(db, step)
    assert dump(db) == state


def test_a_population_import_is_undone_new_and_changed_figures_alike(
    db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "07459.csv"
    path.write_text(
        '"region";"alder";"Personer 2026";"Personer 2027"\n'
        '"K-3203 Asker";"13 år";1400;1410\n"K-3203 Asker";"Alle aldre";101600;102000\n',
        encoding="utf-8",
    )
    asker = municipality(db, "3203")
    with db.sessions() as session:
        held = session.scalar(select(func.count()).select_from(MunicipalityPopulation))
    result, step = round_trip(
        db,
        tmp_path,
        lambda: record(db, lambda: import_population(db, path), Scope(populations=[asker])),
    )
    assert (result.plan.new, result.plan.changed) == (2, 2)
    with db.sessions() as session:
        assert session.scalar(select(func.count()).select_from(MunicipalityPopulation)) == held


def test_settings_and_figures_are_named_in_the_scope_not_grown(db: Database) -> None:
    with pytest.raises(ValueError, match="not grown"), recording(db) as recorder:
        recorder.grow(Scope(settings={KEEP_SETTING}))
    with pytest.raises(ValueError, match="not grown"), recording(db) as recorder:
        recorder.grow(Scope(populations=[municipality(db, "3203")]))


def test_scopes_of_every_kind_unite() -> None:
    united = Scope([1], settings="backups.keep") | Scope(organisations=[2], settings=["a"])
    assert united == Scope(persons=[1], organisations=[2], settings={"backups.keep", "a"})
    assert united.ids("settings") == {"backups.keep", "a"}
    assert not Scope() and Scope(ensembles=[3])
