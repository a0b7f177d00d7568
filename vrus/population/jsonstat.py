"""JSON-stat datasets of table 07459, as SSB's PxWebApi returns them.

JSON-stat 2.0 (https://json-stat.org/format/; v2's default, v0's "json-stat2"): one dataset
with ``id`` (the dimensions, in order), ``size`` (categories per dimension), ``dimension``
(per id a ``category`` with ``index``, a list of codes or {code: position}, and ``label``)
and ``value``, the figures in row-major order (the last dimension varies fastest), a list
with nulls or a {position: figure} object. For 07459 SSB's dimensions are ``Region`` (codes
"3203", or "K-3203" with the codelist of today's municipalities), ``Kjonn`` ("1", "2"; left
out when summed), ``Alder`` ("000".."105+"; left out for all ages), ``ContentsCode``
("Personer1") and ``Tid`` ("2024"); ``role`` names the geo, time and metric ones. The older
JSON-stat 1.x bundle of v0 ({"dataset": {...}} with ``id``/``size`` inside ``dimension``) is
read too.
"""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Callable
from typing import Any

from vrus.population.cells import (
    Cell,
    age_of,
    check_table,
    municipality_number,
    sex_of,
)
from vrus.population.errors import CellError, PopulationFileError, file_error
from vrus.texts import Text, translate

MAX_FIGURES = 20_000_000  # far above all of 07459 for every municipality; a bound for junk
_IDS = {
    "region": "region",
    "alder": "age",
    "tid": "year",
    "kjonn": "sex",
    "contentscode": "contents",
}
_ROLES = {"geo": "region", "time": "year", "metric": "contents"}
_DIMENSION_NAMES = {"region": "Region", "year": "Tid"}  # SSB's ids, for messages


def read_jsonstat(text: str, file: str) -> list[Cell]:
    try:
        root = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as error:
        reason = getattr(error, "msg", "too deeply nested")
        raise file_error(
            file, translate("Core", "not valid JSON ({reason})").format(reason=reason)
        ) from None
    dataset, ids, sizes = _dataset(root, file)
    for title in (dataset.get("label"), _px(dataset).get("tableid")):
        if isinstance(title, str):
            check_table(title if ":" in title else f"{title}:", file)
    roles = _roles(dataset, ids, sizes, file)
    codes = [
        _codes(dataset["dimension"][dim], size, dim, file)
        for dim, size in zip(ids, sizes, strict=True)
    ]
    values = _values(dataset, math.prod(sizes), file)
    return _cells(ids, roles, codes, values)


# --- the dataset --------------------------------------------------------------------------------


def _dataset(root: Any, file: str) -> tuple[dict[str, Any], list[str], list[int]]:
    """The dataset with its dimension ids and sizes, JSON-stat 2.0 or 1.x."""
    if not isinstance(root, dict):
        raise file_error(file, not_jsonstat())
    kind = root.get("class")
    if kind == "dataset":
        return root, _list(root, "id", str, file), _list(root, "size", int, file)
    if isinstance(kind, str):
        raise file_error(
            file,
            translate(
                "Core", "a JSON-stat {kind}, not a dataset: download the table's figures"
            ).format(kind=kind),
        )
    bundled = [
        v
        for v in root.values()
        if isinstance(v, dict) and isinstance(v.get("dimension"), dict) and "id" in v["dimension"]
    ]
    if len(bundled) == 1:  # JSON-stat 1.x: {"dataset": {"dimension": {"id": ..., ...}}}
        dimension = bundled[0]["dimension"]
        return bundled[0], _list(dimension, "id", str, file), _list(dimension, "size", int, file)
    raise file_error(file, not_jsonstat())


def not_jsonstat() -> Text:
    return translate("Core", "JSON, but not a JSON-stat dataset from SSB's Statbank")


def _list(node: dict[str, Any], key: str, kind: type, file: str) -> list[Any]:
    found = node.get(key)
    if not isinstance(found, list) or not all(type(v) is kind for v in found):
        raise _malformed(file, key)
    return found


def _malformed(file: str, key: str) -> PopulationFileError:
    return file_error(
        file, translate("Core", "the JSON-stat dataset's '{key}' is malformed").format(key=key)
    )


def _px(dataset: dict[str, Any]) -> dict[str, Any]:
    extension = dataset.get("extension")
    px = extension.get("px") if isinstance(extension, dict) else None
    return px if isinstance(px, dict) else {}


def _roles(dataset: dict[str, Any], ids: list[str], sizes: list[int], file: str) -> dict[str, str]:
    """{"region": "Region", "age": "Alder", ...}: SSB's ids, else the roles JSON-stat gives."""
    dimensions = dataset.get("dimension")
    if (
        not isinstance(dimensions, dict)
        or len(ids) != len(sizes)
        or not all(dim in dimensions for dim in ids)
    ):
        raise _malformed(file, "dimension")
    roles = {_IDS[dim.lower()]: dim for dim in ids if dim.lower() in _IDS}
    declared = dataset.get("role") or dimensions.get("role") or {}
    for role, dims in declared.items() if isinstance(declared, dict) else ():
        if role in _ROLES and isinstance(dims, list) and dims and dims[0] in ids:
            roles.setdefault(_ROLES[role], dims[0])
    for key in ("region", "year"):
        if key not in roles:
            raise file_error(
                file,
                translate("Core", "the dataset has no '{dimension}' dimension").format(
                    dimension=_DIMENSION_NAMES[key]
                ),
            )
    for dim, size in zip(ids, sizes, strict=True):
        if dim not in roles.values() and size > 1:
            raise file_error(
                file,
                translate(
                    "Core",
                    "the figures are also divided by '{dimension}', which VRUS does not "
                    "read; choose one value, or none, for it in Statbank",
                ).format(dimension=dim),
            )
    return roles


def _codes(dimension: Any, size: int, dim: str, file: str) -> list[tuple[str, str]]:
    """(code, label) of each category, in the dimension's order."""
    category = dimension.get("category") if isinstance(dimension, dict) else None
    if not isinstance(category, dict):
        raise _malformed(file, dim)
    index, labels = category.get("index"), category.get("label") or {}
    if index is None and isinstance(labels, dict) and len(labels) == 1:
        index = list(labels)  # JSON-stat lets a single category go without an index
    if isinstance(index, dict):  # {code: position}; the positions 0..n-1, each once
        positions = list(index.values())
        if all(type(p) is int for p in positions) and sorted(positions) == list(range(len(index))):
            index = sorted(index, key=index.__getitem__)
    if (
        not isinstance(index, list)
        or len(index) != size
        or not isinstance(labels, dict)
        or not all(isinstance(code, str) for code in index)
    ):
        raise _malformed(file, dim)
    return [(code, str(labels.get(code, code))) for code in index]


def _values(dataset: dict[str, Any], total: int, file: str) -> list[Any]:
    if total > MAX_FIGURES:
        raise _malformed(file, "size")
    found = dataset.get("value")
    if isinstance(found, dict):  # sparse: {"0": 101509, "18": 133228}
        values: list[Any] = [None] * total
        for key, figure in found.items():
            if not (isinstance(key, str) and key.isdigit() and int(key) < total):
                raise _malformed(file, "value")
            values[int(key)] = figure
        return values
    if not isinstance(found, list):
        raise file_error(
            file, translate("Core", "the dataset has no figures (is it the table's description?)")
        )
    if len(found) != total:
        raise file_error(
            file,
            translate(
                "Core",
                "the dataset has {count} figures where its dimensions make room for {expected}",
            ).format(count=len(found), expected=total),
        )
    return found


# --- the cells ------------------------------------------------------------------------------

_READERS: dict[str, Callable[[str], object]] = {
    "region": municipality_number,
    "age": age_of,
    "sex": sex_of,
}


def _cells(
    ids: list[str], roles: dict[str, str], codes: list[list[tuple[str, str]]], values: list[Any]
) -> list[Cell]:
    by_dim = {dim: position for position, dim in enumerate(ids)}
    chosen = {
        role: [_readable(role, code, label) for code, label in codes[by_dim[dim]]]
        for role, dim in roles.items()
    }
    fields = tuple((role, dim) for role, dim in roles.items()) + (("persons", "value"),)
    shown = [by_dim[roles[r]] for r in ("region", "age", "sex", "year") if r in roles]
    cells = []
    # itertools.product varies the last dimension fastest: JSON-stat's row-major order.
    for flat, picks in enumerate(itertools.product(*(range(len(c)) for c in codes))):

        def part(role: str, picks: tuple[int, ...] = picks) -> str | None:
            return chosen[role][picks[by_dim[roles[role]]]] if role in roles else None

        where = translate("Core", "value {index} ({cell})").format(
            index=flat, cell=", ".join(codes[d][picks[d]][0] for d in shown)
        )
        cells.append(
            Cell(
                where=where,
                region=part("region") or "",
                year=part("year") or "",
                persons=values[flat],
                age=part("age"),
                sex=part("sex"),
                contents=part("contents"),
                fields=fields,
            )
        )
    return cells


def _readable(role: str, code: str, label: str) -> str:
    """The code, unless only the label can be read ("Hele landet" has code "0"; an age
    grouping may have a code VRUS does not know but a label such as "6 år")."""
    reader = _READERS.get(role)
    if reader is None:
        return code
    for candidate in (code, label):
        try:
            reader(candidate)
        except CellError:
            continue
        return candidate
    return code
