"""The recruitment coverage as a document (``Report``) and as JSON.

The JSON keeps the shape agreed in the issue (``season``, ``municipalities`` with ``number``,
``name``, ``county``, ``population``, ``members`` per ensemble, ``total``, ``per_10000``;
``outside_region``; ``covered``; ``region_size``) and adds what the tables show.
"""

from __future__ import annotations

from typing import Any

from vrus.reports.coverage import Coverage, CoverageRow, RowKind, TrendSeason
from vrus.reports.labels import NO_INSTRUMENT, SECTIONS, commas, join
from vrus.reports.municipalities import Figure
from vrus.reports.tables import Cell, Chart, Column, Kind, Report, Series, Table
from vrus.texts import Text, translate

SECTION_ORDER = [*SECTIONS, "none"]


# --- lines under the title ----------------------------------------------------------------


def summary_lines(cov: Coverage) -> list[Text]:
    """ "N of 16 municipalities represented in Ungdomssymfonikerne", per ensemble, the
    orchestra first, then for all ensembles together."""
    covered, size = cov.covered, cov.region_size
    order = ([cov.main] if cov.main else []) + [e for e in cov.ensembles if e != cov.main]
    lines = [
        translate("Core", "{n} of {size} municipalities represented in {ensemble}").format(
            n=covered[e.id], size=size, ensemble=e.name
        )
        for e in order
    ]
    lines.append(
        translate("Core", "{n} of {size} municipalities represented in any ensemble").format(
            n=cov.represented, size=size
        )
    )
    return lines


def figure_years(figures: list[Figure | None]) -> list[int]:
    return sorted({f.year for f in figures if f is not None})


def _year_suffix(label: Text, years: list[int]) -> Text:
    """ "Per 10 000 inhabitants (2015)": the year of the figures in the column heading."""
    if len(years) != 1:
        return label
    return translate("Core", "{label} ({year})").format(label=label, year=str(years[0]))


def source_notes(cov: Coverage) -> list[Text]:
    """Which municipalities, and which year's population figures."""
    season = cov.period.year
    if cov.today_terms:
        lines = [
            translate(
                "Core",
                "Municipalities as they are today ({day}); members "
                "registered under a former municipality count under its "
                "successor.",
            ).format(day=cov.reference_day)
        ]
    else:
        lines = [
            translate(
                "Core",
                "Municipalities as they were in {season}; members "
                "registered under a municipality of another time count "
                "under the one valid then.",
            ).format(season=season)
        ]
    if cov.by_postal_code == 1:
        lines.append(
            translate(
                "Core",
                "1 member registered under a municipality formed later "
                "is counted where their postal code lay in {season} "
                "(Posten's postal code register, 2018).",
            ).format(season=season)
        )
    elif cov.by_postal_code:
        lines.append(
            translate(
                "Core",
                "{n} members registered under a municipality formed "
                "later are counted where their postal code lay in "
                "{season} (Posten's postal code register, 2018).",
            ).format(n=cov.by_postal_code, season=season)
        )
    population = figure_years([r.population for r in cov.region])
    residents = figure_years([f for r in cov.region for f in r.residents.values()])
    if population or residents:
        line = translate(
            "Core",
            "Population on 1 January: inhabitants {population}, residents by age {residents}.",
        ).format(
            population=join([str(y) for y in population]) or "–",
            residents=join([str(y) for y in residents]) or "–",
        )
        lines.append(line)
        lines += _other_years(season, population + residents)
    return lines


def _other_years(season: int, years: list[int]) -> list[Text]:
    """Why figures of other years than the season's are used, as it is: the register has
    none for the season, or has them for some municipalities only (2019: the 2014
    municipalities that were only renumbered since have figures of 2019, the merged ones
    their newest before), or has only later ones."""
    notes: list[Text] = []
    if any(y < season for y in years):
        notes.append(
            translate(
                "Core",
                "Where the register has no figures for {season}, the newest before it are used.",
            ).format(season=str(season))
            if season in years
            else translate(
                "Core", "The register has no figures for {season}: the newest before it are used."
            ).format(season=str(season))
        )
    if any(y > season for y in years):
        notes.append(
            translate(
                "Core",
                "Where the register has no figures for {season} or "
                "earlier, the oldest after it are used.",
            ).format(season=str(season))
        )
    return notes


def _parts_note(cov: Coverage) -> Text | None:
    """Where a municipality's figure is the sum of its predecessors', say which."""
    items: list[Text | str] = []
    for row in cov.region:
        parts = row.population.parts if row.population else ()
        if len(parts) > 1:
            items.append(
                translate("Core", "{name} = {parts}").format(name=row.name, parts=" + ".join(parts))
            )
        elif parts and parts != (row.name,):
            items.append(
                translate(
                    "Core", "{name} = {part} only (the register has no figures for the rest)"
                ).format(name=row.name, part=parts[0])
            )
    if not items:
        return None
    return translate("Core", "Inhabitants of merged municipalities: {items}.").format(
        items=join(items)
    )


def larger_than_region_notes(cov: Coverage) -> list[Text]:
    """A municipality whose own figures also count areas that were never in the region:
    today's Holmestrand is Sande (the member) with old Holmestrand and Hof, so its figures
    per inhabitant cannot be set beside Sande's of 2014. The register knows it from the
    names: none of the rows the municipality was formed from carries its name."""
    notes: list[Text] = []
    for row in cov.region:
        own_figures = row.population is not None and not row.population.parts
        if own_figures and row.formed_from and row.name not in row.formed_from:
            parts = join(list(row.formed_from))
            notes.append(
                translate(
                    "Core",
                    "{name} ({number}) is larger than {parts}, its part in the region: its "
                    "figures also count areas that were never in the region, so members "
                    "per 10 000 inhabitants (and per 1 000 by age) are not comparable with "
                    "those of {parts} in earlier seasons.",
                ).format(name=row.name, number=row.number, parts=parts)
            )
    return notes


def outside_line(cov: Coverage) -> Text | None:
    away = sum(r.total for r in cov.outside)
    if not away:
        return None
    if away == 1:
        return translate(
            "Core",
            "1 member is not counted under a municipality of the region; "
            "they are listed separately.",
        )
    return translate(
        "Core",
        "{n} members are not counted under a municipality of the "
        "region; they are listed separately.",
    ).format(n=away)


# --- tables -----------------------------------------------------------------------------------


def _main_table(cov: Coverage) -> Table:
    banded = [e for e in cov.ensembles if e.band]
    population = figure_years([r.population for r in cov.region])
    columns = [Column(translate("Core", "Municipality")), Column(translate("Core", "No."))]
    columns += [Column(e.name, Kind.INT) for e in cov.ensembles]
    columns += [
        Column(translate("Core", "Total"), Kind.INT),
        Column(_year_suffix(translate("Core", "Inhabitants"), population), Kind.INT),
        Column(translate("Core", "Per 10 000 inhabitants"), Kind.NUMBER, 2),
    ]
    columns += [
        Column(
            _year_suffix(
                translate("Core", "{ensemble} per 1 000 aged {low}–{high}").format(
                    ensemble=e.name, low=e.min_age, high=e.max_age
                ),
                figure_years([r.residents.get(e.id) for r in cov.region]),
            ),
            Kind.NUMBER,
            2,
        )
        for e in banded
    ]
    columns.append(Column(translate("Core", "Culture schools")))
    table = Table(
        translate("Core", "Members per municipality, season {season}").format(
            season=cov.period.year
        ),
        columns,
        key="municipalities",
        total_rows=1,
        mark_note=translate("Core", "nobody from the municipality this season"),
    )

    def cells(row: CoverageRow, name: Text | str, schools: Text | str) -> list:
        return [
            name,
            row.number or "",
            *[row.members[e.id] for e in cov.ensembles],
            row.total,
            row.population.persons if row.population else None,
            row.per_10000,
            *[row.per_1000(e.id) for e in banded],
            schools,
        ]

    for row in cov.region:
        table.add(cells(row, row.name, ", ".join(row.culture_schools)), marked=not row.represented)
    total = cov.region_total
    table.add(
        cells(
            total,
            translate("Core", "The region ({n} municipalities)").format(n=cov.region_size),
            translate("Core", "{n} culture schools").format(n=len(total.culture_schools)),
        )
    )
    parts = _parts_note(cov)
    table.notes += source_notes(cov) + ([parts] if parts else []) + larger_than_region_notes(cov)
    return table


def _unknown_note(row: CoverageRow, season: int) -> Text:
    """Why a later municipality has no row of the season: which ones it could be."""
    if row.outside_parts:
        return translate(
            "Core",
            "formed after {season} from {candidates} and parts outside "
            "the region ({parts}); no postal code in the register says "
            "which",
        ).format(season=season, candidates=commas(row.candidates), parts=join(row.outside_parts))
    return translate(
        "Core", "formed after {season} from {candidates}; no postal code in the register says which"
    ).format(season=season, candidates=join(row.candidates))


def outside_label(row: CoverageRow, season: int) -> tuple[Text | str, Text]:
    """The row's name and a note saying why it is not one of the region's rows."""
    if row.kind == RowKind.UNKNOWN_PREDECESSOR:
        return (
            translate(
                "Core", "{name} ({number}): cannot be placed among the municipalities of {season}"
            ).format(name=row.name, number=row.number, season=season),
            _unknown_note(row, season),
        )
    if row.kind == RowKind.OUTSIDE_THEN:
        return (
            f"{row.name} ({row.number})",
            translate(
                "Core",
                "the postal code lies in {parts}, which was not part of the region in {season}",
            ).format(parts=join(row.outside_parts), season=season),
        )
    if row.kind == RowKind.NOT_VALID:
        return (
            f"{row.name} ({row.number})",
            translate("Core", "not a municipality in {season}").format(season=season),
        )
    if row.kind == RowKind.NO_MUNICIPALITY:
        return translate("Core", "No municipality recorded"), translate(
            "Core", "check the register"
        )
    return row.name, translate("Core", "outside the region")


def _outside_table(cov: Coverage) -> Table:
    columns = [Column(translate("Core", "Where")), Column(translate("Core", "No."))]
    columns += [Column(e.name, Kind.INT) for e in cov.ensembles]
    columns += [Column(translate("Core", "Total"), Kind.INT), Column(translate("Core", "Note"))]
    table = Table(
        translate("Core", "Members outside the region or not placed"), columns, key="outside_region"
    )
    for row in cov.outside:
        name, note = outside_label(row, cov.period.year)
        number = row.number if row.kind == RowKind.MUNICIPALITY else None
        table.add([name, number, *[row.members[e.id] for e in cov.ensembles], row.total, note])
    return table


def _section_table(cov: Coverage) -> Table:
    used = [
        s
        for s in SECTION_ORDER
        if s != "none" or any(r.sections.get("none") for r in [*cov.region, *cov.outside])
    ]
    columns = [Column(translate("Core", "Municipality"))]
    columns += [Column(SECTIONS.get(s, NO_INSTRUMENT), Kind.INT) for s in used]
    columns.append(Column(translate("Core", "Persons"), Kind.INT))
    table = Table(
        translate("Core", "Which municipalities feed which sections"),
        columns,
        key="sections",
        total_rows=1,
        notes=[translate("Core", "A member who plays in two sections counts in both.")],
        mark_note=translate("Core", "nobody from the municipality this season"),
    )
    for row in cov.region:
        table.add(
            [row.name, *[row.sections.get(s, 0) for s in used], row.total],
            marked=not row.represented,
        )
    if cov.outside:
        table.add(
            [
                translate("Core", "Outside the region or not placed"),
                *[sum(r.sections.get(s, 0) for r in cov.outside) for s in used],
                sum(r.total for r in cov.outside),
            ]
        )
    total = cov.region_total
    table.add(
        [
            translate("Core", "The region ({n} municipalities)").format(n=cov.region_size),
            *[total.sections.get(s, 0) for s in used],
            total.total,
        ]
    )
    table.total_rows = 1
    return table


def _trend_table(cov: Coverage) -> Table:
    seasons = cov.trend
    columns = [Column(translate("Core", "Municipality"))]
    columns += [Column(str(s.year), Kind.INT) for s in seasons]
    table = Table(
        translate("Core", "Trend: members per municipality, seasons {first}–{last}").format(
            first=seasons[0].year, last=seasons[-1].year
        ),
        columns,
        key="trend",
        mark_note=translate("Core", "nobody from the municipality this season"),
    )
    keys = [(RowKind.MUNICIPALITY, r.municipality_id) for r in cov.region]
    for row, key in zip(cov.region, keys, strict=True):
        table.add([row.name, *[s.totals.get(key, 0) for s in seasons]], marked=not row.represented)
    region_keys = set(keys)

    def away(season: TrendSeason) -> int:
        return sum(n for k, n in season.totals.items() if k not in region_keys)

    table.add([translate("Core", "Outside the region or not placed"), *map(away, seasons)])
    totals: list[list[Cell]] = [
        [translate("Core", "Members in all"), *[sum(s.totals.values()) for s in seasons]],
        [
            translate("Core", "Municipalities represented (of {n})").format(n=cov.region_size),
            *[s.represented for s in seasons],
        ],
    ]
    if cov.main is not None:
        totals.append(
            [
                translate("Core", "… of them in {ensemble}").format(ensemble=cov.main.name),
                *[s.covered.get(cov.main.id, 0) for s in seasons],
            ]
        )
    for cells in totals:
        table.add(cells)
    table.total_rows = len(totals)
    mode = (
        translate("Core", "Every season counted under today's municipalities.")
        if cov.today_terms
        else translate("Core", "Every season counted under the municipalities of {season}.").format(
            season=cov.period.year
        )
    )
    table.notes.append(mode)
    return table


def _chart(cov: Coverage) -> Chart:
    return Chart(
        title=translate("Core", "Members per municipality and ensemble, season {season}").format(
            season=cov.period.year
        ),
        categories=tuple(r.name for r in cov.region),
        series=tuple(
            Series(e.name, tuple(float(r.members[e.id]) for r in cov.region)) for e in cov.ensembles
        ),
        stacked=True,
    )


def coverage_report(cov: Coverage) -> Report:
    summary = summary_lines(cov)
    away = outside_line(cov)
    return Report(
        kind="coverage",
        kicker=translate("Core", "Recruitment coverage"),
        title=translate("Core", "Is every municipality represented? Season {season}").format(
            season=cov.period.year
        ),
        headline=summary[0],
        lines=[*summary[1:], *([away] if away else [])],
        tables=[_main_table(cov), _outside_table(cov), _section_table(cov), _trend_table(cov)],
        charts=[_chart(cov)],
        data=coverage_json(cov),
        wide=True,
        file_label=str(cov.period.year),
    )


# --- JSON -------------------------------------------------------------------------------------


def _round(value: float | None) -> float | None:
    return round(value, 2) if value is not None else None


def _row_json(cov: Coverage, row: CoverageRow) -> dict[str, Any]:
    names = {e.id: e.name for e in cov.ensembles}
    data: dict[str, Any] = {
        "number": row.number,
        "name": row.name,
        "county": row.county,
        "population": row.population.persons if row.population else None,
        "members": {names[eid]: n for eid, n in row.members.items()},
        "total": row.total,
        "per_10000": _round(row.per_10000),
        "represented": row.represented,
        "population_year": row.population.year if row.population else None,
        "population_from": list(row.population.parts) if row.population else [],
        "per_1000_age_band": {},
        "culture_schools": row.culture_schools,
        "sections": dict(sorted(row.sections.items())),
    }
    for e in cov.ensembles:
        if e.band and row.kind in (RowKind.MUNICIPALITY, RowKind.REGION):
            figure = row.residents.get(e.id)
            data["per_1000_age_band"][e.name] = {
                "ages": list(e.band),
                "residents": figure.persons if figure else None,
                "year": figure.year if figure else None,
                "value": _round(row.per_1000(e.id)),
            }
    return data


def _outside_json(cov: Coverage, row: CoverageRow) -> dict[str, Any]:
    names = {e.id: e.name for e in cov.ensembles}
    return {
        "kind": row.kind,
        "name": row.name or None,
        "number": row.number,
        "candidates": row.candidates,
        "outside_parts": row.outside_parts,
        "members": {names[eid]: n for eid, n in row.members.items()},
        "total": row.total,
    }


def coverage_json(cov: Coverage) -> dict[str, Any]:
    names = {e.id: e.name for e in cov.ensembles}
    keys = [(RowKind.MUNICIPALITY, r.municipality_id) for r in cov.region]
    return {
        "season": str(cov.period.year),
        "period": {"start": cov.period.start.isoformat(), "end": cov.period.end.isoformat()},
        "municipalities_as_of": cov.reference_day.isoformat(),
        "today_municipalities": cov.today_terms,
        "municipalities": [_row_json(cov, r) for r in cov.region],
        "outside_region": [_outside_json(cov, r) for r in cov.outside],
        "region_total": _row_json(cov, cov.region_total),
        "covered": {names[eid]: n for eid, n in cov.covered.items()},
        "represented": cov.represented,
        "placed_by_postal_code": cov.by_postal_code,
        "region_size": cov.region_size,
        "main_ensemble": cov.main.name if cov.main else None,
        "summary": [str(line) for line in summary_lines(cov)],
        "trend": [
            {
                "season": str(s.year),
                "represented": s.represented,
                "covered": {names[eid]: n for eid, n in s.covered.items()},
                "totals": {
                    r.name: s.totals.get(k, 0) for r, k in zip(cov.region, keys, strict=True)
                },
                "outside_region": sum(n for k, n in s.totals.items() if k not in keys),
            }
            for s in cov.trend
        ],
    }
