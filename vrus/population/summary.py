"""What an import of population figures would change, or changed, in lines to read.

The command line prints them; Settings shows them before asking whether to store. One line
per municipality and year that changes, then what was skipped and why, then the outcome.
Lines are ``Text``: English on the command line, the window's language in the window.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from vrus.collation import sort_key
from vrus.population.storing import Change, ImportResult, Plan
from vrus.reports.labels import Item, commas
from vrus.texts import Text, translate

SHOWN_AGES = 5  # changed ages listed one by one; more are counted
SHOWN_NUMBERS = 20  # municipality numbers not in the register, listed; more are counted


def summary_lines(result: ImportResult) -> list[Text]:
    return [*preview_lines(result), outcome_line(result)]


def preview_lines(result: ImportResult) -> list[Text]:
    """What the file changes, per municipality and year, and what it skips."""
    plan = result.plan
    lines = [
        translate(
            "Core", "{file}: new figures {new}, changed {changed}, unchanged {unchanged}."
        ).format(file=result.file, new=plan.new, changed=plan.changed, unchanged=plan.unchanged)
    ]
    return lines + change_lines(plan) + skipped_lines(plan)


def change_lines(plan: Plan) -> list[Text]:
    """ "Asker (3203) 2027: inhabitants 101 509 → 102 300, new ages 6–19"."""
    groups: dict[tuple[str, str, int], list[Change]] = defaultdict(list)
    for change in plan.changes:
        groups[change.name, change.number, change.year].append(change)
    lines = []
    for (name, number, year), changes in sorted(
        groups.items(), key=lambda item: (sort_key(item[0][0]), item[0][1], item[0][2])
    ):
        lines.append(
            translate("Core", "{name} ({number}) {year}: {details}").format(
                name=name, number=number, year=year, details=_details(changes)
            )
        )
    return lines


def _details(changes: list[Change]) -> Item:
    parts: list[Text] = []
    for change in changes:
        if change.age is None:
            parts.append(
                translate("Core", "inhabitants {new}").format(new=grouped(change.new))
                if change.old is None
                else translate("Core", "inhabitants {old} → {new}").format(
                    old=grouped(change.old), new=grouped(change.new)
                )
            )
    new_ages = [c.age for c in changes if c.age is not None and c.old is None]
    if new_ages:
        parts.append(translate("Core", "new ages {ages}").format(ages=age_ranges(new_ages)))
    changed = [c for c in changes if c.age is not None and c.old is not None]
    if len(changed) > SHOWN_AGES:
        parts.append(
            translate("Core", "changed ages {ages}").format(
                ages=age_ranges(c.age for c in changed if c.age is not None)
            )
        )
    else:
        parts += [
            translate("Core", "age {age}: {old} → {new}").format(
                age=c.age, old=grouped(c.old or 0), new=grouped(c.new)
            )
            for c in changed
        ]
    return commas(parts)


def skipped_lines(plan: Plan) -> list[Text]:
    lines = []
    if plan.not_in_register:
        numbers = sorted(plan.not_in_register)
        listed = ", ".join(
            f"{n} ({year_ranges(plan.not_in_register[n])})" for n in numbers[:SHOWN_NUMBERS]
        )
        lines.append(
            translate("Core", "Not in the register, skipped: {numbers}.").format(numbers=listed)
            if len(numbers) <= SHOWN_NUMBERS
            else translate(
                "Core", "Not in the register, skipped: {numbers} and {count} more municipalities."
            ).format(numbers=listed, count=len(numbers) - SHOWN_NUMBERS)
        )
    counts = plan.counts
    if counts.larger_regions:
        lines.append(
            translate(
                "Core", "Figures for the whole country or for counties, skipped: {count}."
            ).format(count=counts.larger_regions)
        )
    if counts.without_figure:
        lines.append(
            translate(
                "Core", "Cells without a figure (SSB's '.' or '..'), skipped: {count}."
            ).format(count=counts.without_figure)
        )
    if counts.summed_totals:
        lines.append(
            translate(
                "Core",
                "Whole populations added up from every age 0–105 (the file has no total): {count}.",
            ).format(count=counts.summed_totals)
        )
    return lines


def outcome_line(result: ImportResult) -> Text:
    plan = result.plan
    if not plan.changes:
        return translate("Core", "The register already has these figures: nothing to store.")
    if not result.stored:
        return translate("Core", "Dry run: nothing was stored.")
    return translate("Core", "Stored in the register: {count} figures.").format(
        count=len(plan.changes)
    )


def grouped(number: int) -> str:
    """101 509: thousands apart by a no-break space, as in Norwegian (and SI) writing."""
    return f"{number:,}".replace(",", "\u00a0")


def age_ranges(ages: Iterable[int]) -> str:
    """6, 7, 8, 10 -> "6–8, 10"."""
    return _ranges(sorted(set(ages)))


def year_ranges(years: Iterable[int]) -> str:
    return _ranges(sorted(set(years)))


def _ranges(values: list[int]) -> str:
    spans: list[list[int]] = []
    for value in values:
        if spans and value == spans[-1][1] + 1:
            spans[-1][1] = value
        else:
            spans.append([value, value])
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in spans)
