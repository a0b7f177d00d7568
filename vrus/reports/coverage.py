"""Recruitment coverage: is every municipality of the region represented in the orchestra?

For a season: one row per municipality of the region valid in it (2014: the 16, with Hurum,
Røyken, Svelvik, Nedre Eiker and Sande their own rows; 2026: the 12 of 2024), including those
with nobody; persons per ensemble whose membership overlaps the season, the total, members per
10 000 inhabitants and per 1 000 residents of each ensemble's own age band, and the culture
schools they come from. Everyone counts once per ensemble and once in the total (a junior who
moved up in the summer counts for both ensembles, once in the total).

Persons living outside the region, persons whose municipality cannot be placed in the season
(see ``vrus.reports.municipalities``; a postal code places a later municipality in an older
season where it can) and persons with no municipality recorded are listed separately, never
dropped. ``today_terms`` counts everything under today's municipalities,
so a long trend compares like with like. The trend shows earlier seasons side by side, each
counted under the same rows as the reported season.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import Select, distinct, func, select
from sqlalchemy.orm import Session

from vrus import clock
from vrus.collation import sort_key
from vrus.db.models import Instrument, Membership, Organisation, Person
from vrus.reports.common import (
    EnsembleInfo,
    Period,
    ensembles,
    main_ensemble,
    overlapping,
    season_period,
)
from vrus.reports.municipalities import Atlas, Figure, How
from vrus.seasons import FIRST_YEAR

TREND_SEASONS = 4  # earlier seasons beside the reported one
NO_INSTRUMENT = "none"


class RowKind:
    """What a row of the report stands for."""

    MUNICIPALITY = "municipality"
    UNKNOWN_PREDECESSOR = "unknown_predecessor"  # a later municipality, several candidates
    # A later municipality whose part (by postal code) was not in the region in the season.
    OUTSIDE_THEN = "outside_then"
    NOT_VALID = "not_valid"  # ended without a successor valid in the season
    NO_MUNICIPALITY = "no_municipality"
    REGION = "region"  # the sum over the region's municipalities


RowKey = tuple[str, int | None]


@dataclass
class Tally:
    persons: int = 0
    members: Counter[int] = field(default_factory=Counter)  # ensemble id -> persons
    sections: Counter[str] = field(default_factory=Counter)  # section -> persons
    schools: set[str] = field(default_factory=set)


@dataclass
class CoverageRow:
    kind: str
    municipality_id: int | None
    number: str | None
    name: str
    county: str | None
    in_region: bool
    members: dict[int, int]  # ensemble id -> persons, every ensemble present
    total: int
    culture_schools: list[str]
    sections: dict[str, int]
    population: Figure | None = None
    residents: dict[int, Figure | None] = field(default_factory=dict)  # per ensemble band
    candidates: list[str] = field(default_factory=list)  # UNKNOWN_PREDECESSOR
    # Region rows: the earliest rows it was formed from, as the register knows them
    # (Asker 2024: Asker, Hurum, Røyken); says when its figures cover more than the region.
    formed_from: tuple[str, ...] = ()
    # UNKNOWN_PREDECESSOR / OUTSIDE_THEN: parts that were outside the region in the season.
    outside_parts: list[str] = field(default_factory=list)

    @property
    def represented(self) -> bool:
        return self.total > 0

    @property
    def per_10000(self) -> float | None:
        if self.population is None or not self.population.persons:
            return None
        return self.total / self.population.persons * 10_000

    def per_1000(self, ensemble_id: int) -> float | None:
        figure = self.residents.get(ensemble_id)
        if figure is None or not figure.persons:
            return None
        return self.members.get(ensemble_id, 0) / figure.persons * 1_000


@dataclass(frozen=True)
class TrendSeason:
    year: int
    totals: dict[RowKey, int]
    covered: dict[int, int]  # ensemble id -> region municipalities with a member
    represented: int  # region municipalities with anyone


@dataclass
class Coverage:
    period: Period
    reference_day: dt.date  # municipalities as they were on this day
    today_terms: bool
    ensembles: list[EnsembleInfo]
    main: EnsembleInfo | None
    region: list[CoverageRow]
    region_total: CoverageRow
    outside: list[CoverageRow]
    trend: list[TrendSeason]
    # Members registered under a later municipality, placed in the season by postal code.
    by_postal_code: int = 0

    @property
    def region_size(self) -> int:
        return len(self.region)

    @property
    def covered(self) -> dict[int, int]:
        return {e.id: sum(1 for r in self.region if r.members[e.id]) for e in self.ensembles}

    @property
    def represented(self) -> int:
        return sum(1 for r in self.region if r.represented)


# --- counting ---------------------------------------------------------------------------------


# Where a person is placed: the municipality registered, and the postal code that places a
# later municipality in an older season.
_Place = tuple[int | None, str | None]
_PLACE = (Person.municipality_id, Person.postal_code)
_PERSONS = func.count(distinct(Membership.person_id))


def _memberships(period: Period) -> Select:
    """Memberships overlapping ``period`` with their persons, for counting per place."""
    return (
        select(*_PLACE)
        .select_from(Membership)
        .join(Person, Person.id == Membership.person_id)
        .where(*overlapping(period))
    )


def _places(session: Session, period: Period) -> dict[_Place, int]:
    """Persons with a membership overlapping ``period``, per place.

    Everything here is counted in the database per place and summed per row of the report
    in Python: a person lives in one place, so no person is in two groups, and a season of
    10 000 members comes back as a few hundred rows instead of one per member."""
    query = _memberships(period).add_columns(_PERSONS).group_by(*_PLACE)
    return {(mid, code): n for mid, code, n in session.execute(query)}


def _tally(
    session: Session,
    period: Period,
    placer: _Placer,
    places: dict[_Place, int],
    *,
    details: bool = True,
) -> dict[RowKey, Tally]:
    """Persons per row (``places``: ``_places`` of ``period``), per ensemble, and
    (``details``) per section and culture school."""
    tallies: dict[RowKey, Tally] = {}

    def tally(mid: int | None, code: str | None) -> Tally:
        return tallies.setdefault(placer.key(mid, code), Tally())

    for (mid, code), n in places.items():
        tally(mid, code).persons += n
    per_ensemble = _memberships(period).add_columns(Membership.ensemble_id, _PERSONS)
    for mid, code, ensemble_id, n in session.execute(
        per_ensemble.group_by(*_PLACE, Membership.ensemble_id)
    ):
        tally(mid, code).members[ensemble_id] += n
    if not details:
        return tallies
    # An erased person's membership keeps the section, not the instrument.
    section = func.coalesce(Instrument.section, Membership.section)
    per_section = (
        _memberships(period)
        .add_columns(section, _PERSONS)
        .outerjoin(Instrument, Instrument.id == Membership.instrument_id)
        .group_by(*_PLACE, section)
    )
    for mid, code, played, n in session.execute(per_section):
        tally(mid, code).sections[played or NO_INSTRUMENT] += n
    # By the school's id: a DISTINCT on its name would call the Norwegian collation.
    schools = dict(session.execute(select(Organisation.id, Organisation.name)).all())
    per_school = _memberships(period).add_columns(Person.culture_school_id).distinct()
    for mid, code, school_id in session.execute(per_school):
        if school_id is not None and schools.get(school_id):
            tally(mid, code).schools.add(schools[school_id])
    return tallies


@dataclass(frozen=True)
class _Spot:
    """Where one register entry counts in the season, and what the report says about it."""

    key: RowKey
    candidates: tuple[int, ...] = ()  # UNKNOWN_PREDECESSOR
    outside: tuple[str, ...] = ()  # UNKNOWN_PREDECESSOR / OUTSIDE_THEN
    by_postal_code: bool = False


class _Placer:
    """Row keys for municipality ids (and postal codes) on one day, each looked up once."""

    def __init__(self, atlas: Atlas, day: dt.date) -> None:
        self.atlas, self.day = atlas, day
        self.cache: dict[tuple[int | None, str | None], _Spot] = {}

    def key(self, municipality_id: int | None, postal_code: str | None = None) -> RowKey:
        return self.lookup(municipality_id, postal_code).key

    def lookup(self, municipality_id: int | None, postal_code: str | None = None) -> _Spot:
        wanted = (municipality_id, postal_code)
        if wanted not in self.cache:
            self.cache[wanted] = self._place(municipality_id, postal_code)
        return self.cache[wanted]

    def details(self, key: RowKey) -> tuple[tuple[int, ...], tuple[str, ...]]:
        """The candidates and outside parts of a row, over every entry counted under it."""
        spots = [s for s in self.cache.values() if s.key == key]
        candidates = {c for s in spots for c in s.candidates}
        outside = {o for s in spots for o in s.outside}
        return tuple(sorted(candidates)), tuple(sorted(outside, key=sort_key))

    def _place(self, municipality_id: int | None, postal_code: str | None) -> _Spot:
        if municipality_id is None or municipality_id not in self.atlas.rows:
            return _Spot((RowKind.NO_MUNICIPALITY, None))
        placement = self.atlas.place(municipality_id, self.day, postal_code)
        if placement.how is How.AMBIGUOUS:
            return _Spot(
                (RowKind.UNKNOWN_PREDECESSOR, municipality_id),
                placement.candidates,
                placement.outside,
            )
        if placement.how is How.OUTSIDE:
            return _Spot((RowKind.OUTSIDE_THEN, municipality_id), outside=placement.outside)
        if placement.how is How.GONE:
            return _Spot((RowKind.NOT_VALID, municipality_id))
        return _Spot(
            (RowKind.MUNICIPALITY, placement.municipality_id),
            by_postal_code=placement.how is How.POSTAL_CODE,
        )


def _placed_by_postal_code(places: dict[_Place, int], placer: _Placer) -> int:
    return sum(n for (mid, code), n in places.items() if placer.lookup(mid, code).by_postal_code)


# --- rows ----------------------------------------------------------------------------------


def _row(
    key: RowKey,
    tally: Tally,
    atlas: Atlas,
    found: list[EnsembleInfo],
    details: tuple[tuple[int, ...], tuple[str, ...]] = ((), ()),
) -> CoverageRow:
    kind, mid = key
    candidates, outside_parts = details
    municipality = atlas.rows.get(mid) if mid is not None else None
    return CoverageRow(
        kind=kind,
        municipality_id=mid,
        number=municipality.number if municipality else None,
        name=municipality.name if municipality else "",
        county=municipality.county if municipality else None,
        in_region=bool(municipality and municipality.in_region and kind == RowKind.MUNICIPALITY),
        members={e.id: tally.members.get(e.id, 0) for e in found},
        total=tally.persons,
        culture_schools=sorted(tally.schools, key=sort_key),
        sections=dict(tally.sections),
        candidates=sorted((atlas.rows[c].name for c in candidates), key=sort_key),
        outside_parts=list(outside_parts),
    )


def _with_figures(
    row: CoverageRow, atlas: Atlas, year: int, found: list[EnsembleInfo]
) -> CoverageRow:
    if row.municipality_id is None or row.kind != RowKind.MUNICIPALITY:
        return row
    row.population = atlas.population(row.municipality_id, year)
    row.residents = {
        e.id: atlas.residents(row.municipality_id, year, e.band) if e.band else None for e in found
    }
    row.formed_from = atlas.formed_from(row.municipality_id)
    return row


def _region_total(rows: list[CoverageRow], found: list[EnsembleInfo]) -> CoverageRow:
    """The sum over the region; figures summed where every municipality has one."""

    def summed(figures: list[Figure | None]) -> Figure | None:
        known = [f for f in figures if f is not None]
        if not known or len(known) < len(figures):
            return None
        return Figure(sum(f.persons for f in known), max(f.year for f in known))

    schools = {s for r in rows for s in r.culture_schools}
    sections: Counter[str] = Counter()
    for r in rows:
        sections.update(r.sections)
    return CoverageRow(
        kind=RowKind.REGION,
        municipality_id=None,
        number=None,
        name="",
        county=None,
        in_region=True,
        members={e.id: sum(r.members[e.id] for r in rows) for e in found},
        total=sum(r.total for r in rows),
        culture_schools=sorted(schools, key=sort_key),
        sections=dict(sections),
        population=summed([r.population for r in rows]),
        residents={e.id: summed([r.residents.get(e.id) for r in rows]) for e in found},
    )


def _outside_order(row: CoverageRow) -> tuple:
    rank = {
        RowKind.MUNICIPALITY: 0,
        RowKind.OUTSIDE_THEN: 1,
        RowKind.UNKNOWN_PREDECESSOR: 2,
        RowKind.NOT_VALID: 3,
        RowKind.NO_MUNICIPALITY: 4,
    }
    return rank[row.kind], sort_key(row.name), row.number or ""


# --- the report ----------------------------------------------------------------------------


def _trend_years(session: Session, period: Period, seasons: int) -> list[int]:
    """Up to ``seasons`` earlier years, leaving out those before anyone was a member."""
    first = session.scalar(select(func.min(Membership.start_date)))
    earliest = max(first.year if first else period.year, FIRST_YEAR)
    return [y for y in range(period.year - seasons, period.year) if y >= earliest]


def _trend(
    session: Session,
    years: list[int],
    placer: _Placer,
    region_keys: list[RowKey],
    found: list[EnsembleInfo],
    today: dt.date,
) -> list[TrendSeason]:
    result = []
    for year in years:
        period = season_period(session, year, today)
        tallies = _tally(session, period, placer, _places(session, period), details=False)
        in_region = [tallies.get(key, Tally()) for key in region_keys]
        result.append(
            TrendSeason(
                year=year,
                totals={k: t.persons for k, t in tallies.items()},
                covered={e.id: sum(1 for t in in_region if t.members.get(e.id)) for e in found},
                represented=sum(1 for t in in_region if t.persons),
            )
        )
    return result


def coverage(
    session: Session,
    season: int | None = None,
    *,
    today_terms: bool = False,
    today: dt.date | None = None,
    trend_seasons: int = TREND_SEASONS,
) -> Coverage:
    """The recruitment coverage of ``season`` (default: the current one)."""
    today = clock.or_today(today)
    period = season_period(session, season, today)
    # A season's municipalities are those valid when it began (calendar seasons begin on
    # 1 January, the day mergers take effect, so no season straddles a reform).
    day = today if today_terms else period.start
    atlas, found = Atlas(session), ensembles(session)
    placer = _Placer(atlas, day)
    places = _places(session, period)
    tallies = _tally(session, period, placer, places)
    region_keys: list[RowKey] = [
        (RowKind.MUNICIPALITY, m.id) for m in atlas.valid_on(day) if m.in_region
    ]
    region = [
        _with_figures(_row(k, tallies.get(k, Tally()), atlas, found), atlas, period.year, found)
        for k in region_keys
    ]
    region.sort(key=lambda r: (sort_key(r.name), r.number or ""))
    in_region = set(region_keys)
    outside = [
        _row(key, tally, atlas, found, placer.details(key))
        for key, tally in tallies.items()
        if key not in in_region
    ]
    outside.sort(key=_outside_order)
    result = Coverage(
        period=period,
        reference_day=day,
        today_terms=today_terms,
        ensembles=found,
        main=main_ensemble(found),
        region=region,
        region_total=_region_total(region, found),
        outside=outside,
        trend=[],
        by_postal_code=_placed_by_postal_code(places, placer),
    )
    years = _trend_years(session, period, trend_seasons)
    result.trend = [
        *_trend(session, years, placer, region_keys, found, today),
        TrendSeason(
            period.year,
            {k: t.persons for k, t in tallies.items()},
            result.covered,
            result.represented,
        ),
    ]
    return result
