# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Shared catalog and builders for the pure ``glass`` package tests.

No database, no Odoo: ``addons/mirror_production`` goes on ``sys.path`` so the
package imports as top-level ``glass``. Tables in the test modules name catalog
entries by key (``"mirror4"``, ``"ground"``…) and the ``make_spec`` fixture turns
them into a :class:`glass.spec.PieceSpec`.

Catalog (prices per m², per linear metre or per unit; cost in brackets):

* ``mirror4``    silver mirror 4 mm, 1000 (600) /m², sheet 3210 × 2250, not temperable
* ``patterned6`` directional patterned glass 6 mm, 1400 (800) /m², sheet 1600 × 2200
* ``clear8``     clear float 8 mm, 1600 (900) /m², sheet 6000 × 3210
* ``ground``     ground edge /m: 0–6 mm 40 (15), 8–19 mm 60 (25)
* ``polished``   polished edge /m: 0–19 mm 80 (30), curved × 1.5
* ``facet20``    20 mm facet /m, only on 3–6 mm glass: 200 (80)
* ``drill_small`` drilling Ø5–20 /hole: 0–6 mm 50 (20), 8–12 mm 70 (30)
* ``drill_large`` drilling Ø21–60 /hole: 0–6 mm 90 (35), 8–12 mm 120 (50)
* ``cutout``     rectangular cutout /unit: 0–19 mm 350 (150)
* ``corner``     corner rounding /corner: 0–19 mm 60 (20)
* ``tempering``  /m², glass 4–12 mm: 4–6 mm 500 (300), 8–12 mm 700 (420), minimum 400
* ``film``       safety film /m², any thickness: 150 (70)
* ``packing``    packing, fixed per line: 250 (100)
"""

import sys
import types
from dataclasses import replace
from pathlib import Path

import pytest

ADDON_DIR = Path(__file__).resolve().parents[2]  # addons/mirror_production
if str(ADDON_DIR) not in sys.path:
    sys.path.insert(0, str(ADDON_DIR))

import glass  # noqa: E402


def _shield_addon_package():
    """Keep pytest from importing Odoo.

    pytest imports the ``__init__.py`` of every package above a test (looking for
    ``setup_module``), and the addon's imports its Odoo models. Register the addon
    as a bare package so that import is a no-op, and its ``glass`` sub-package as
    the very ``glass`` module the tests use (not a second copy of it).
    """
    name = ADDON_DIR.name
    if name not in sys.modules:
        addon = types.ModuleType(name)
        addon.__file__ = str(ADDON_DIR / "__init__.py")
        addon.__path__ = [str(ADDON_DIR)]
        sys.modules[name] = addon
    sys.modules.setdefault(f"{name}.glass", glass)


_shield_addon_package()

from glass.spec import (  # noqa: E402
    BASIS_AREA,
    BASIS_FIXED,
    BASIS_LENGTH,
    BASIS_UNIT,
    SIDES,
    Cutout,
    Hole,
    Material,
    Operation,
    PieceSpec,
    PriceBand,
    Rules,
)

MATERIALS = {
    "mirror4": Material(
        "Silver mirror 4 mm",
        4.0,
        price_m2=1000.0,
        cost_m2=600.0,
        kind="mirror",
        temperable=False,
        sheets=((3210, 2250),),
    ),
    "patterned6": Material(
        "Patterned glass 6 mm",
        6.0,
        price_m2=1400.0,
        cost_m2=800.0,
        kind="patterned",
        directional=True,
        sheets=((1600, 2200),),
    ),
    "clear8": Material(
        "Clear float 8 mm",
        8.0,
        price_m2=1600.0,
        cost_m2=900.0,
        sheets=((6000, 3210),),
    ),
}

OPERATIONS = {
    "ground": Operation(
        "Ground edge",
        "edge",
        BASIS_LENGTH,
        bands=(PriceBand(0, 6, 40.0, 15.0), PriceBand(8, 19, 60.0, 25.0)),
        key="ground",
        code="GE",
        edge_type="ground",
    ),
    "polished": Operation(
        "Polished edge",
        "edge",
        BASIS_LENGTH,
        bands=(PriceBand(0, 19, 80.0, 30.0),),
        key="polished",
        code="PE",
        edge_type="polished",
        curved_factor=1.5,
    ),
    "facet20": Operation(
        "Facet 20 mm",
        "edge",
        BASIS_LENGTH,
        bands=(PriceBand(3, 6, 200.0, 80.0),),
        key="facet20",
        code="F20",
        thickness_min=3,
        thickness_max=6,
        edge_type="facet",
        facet_width=20.0,
    ),
    "drill_small": Operation(
        "Drilling Ø5–20",
        "drilling",
        BASIS_UNIT,
        bands=(PriceBand(0, 6, 50.0, 20.0), PriceBand(8, 12, 70.0, 30.0)),
        key="drill_small",
        size_min=5,
        size_max=20,
    ),
    "drill_large": Operation(
        "Drilling Ø21–60",
        "drilling",
        BASIS_UNIT,
        bands=(PriceBand(0, 6, 90.0, 35.0), PriceBand(8, 12, 120.0, 50.0)),
        key="drill_large",
        size_min=21,
        size_max=60,
    ),
    "cutout": Operation(
        "Rectangular cutout",
        "cutout",
        BASIS_UNIT,
        bands=(PriceBand(0, 19, 350.0, 150.0),),
        key="cutout",
    ),
    "corner": Operation(
        "Corner rounding",
        "corner",
        BASIS_UNIT,
        bands=(PriceBand(0, 19, 60.0, 20.0),),
        key="corner",
    ),
    "tempering": Operation(
        "Tempering",
        "tempering",
        BASIS_AREA,
        bands=(PriceBand(4, 6, 500.0, 300.0), PriceBand(8, 12, 700.0, 420.0)),
        key="tempering",
        min_charge=400.0,
        thickness_min=4,
        thickness_max=12,
    ),
    "film": Operation(
        "Safety film",
        "film",
        BASIS_AREA,
        bands=(PriceBand(0, 0, 150.0, 70.0),),
        key="film",
    ),
    "packing": Operation(
        "Packing",
        "packing",
        BASIS_FIXED,
        bands=(PriceBand(0, 0, 250.0, 100.0),),
        key="packing",
    ),
}


def resolve_operation(value, op_changes=None):
    """A catalog key (changed by ``op_changes[key]`` if given), an Operation or None."""
    if value is None or isinstance(value, Operation):
        return value
    changes = (op_changes or {}).get(value)
    return replace(OPERATIONS[value], **changes) if changes else OPERATIONS[value]


def resolve_material(value, changes=None):
    material = MATERIALS[value] if isinstance(value, str) else value
    return replace(material, **changes) if changes else material


def _drilling_for(diameter):
    """The catalog key of the drilling operation for ``diameter`` (None: no such
    drill).
    """
    for key in ("drill_small", "drill_large"):
        if OPERATIONS[key].covers_size(diameter):
            return key
    return None


def build_spec(
    material="mirror4",
    width=1000.0,
    height=500.0,
    *,
    material_changes=None,
    op_changes=None,
    edges=None,
    holes=(),
    cutouts=(),
    operations=(),
    **kwargs,
):
    """A :class:`PieceSpec` from table-friendly values.

    ``edges``: a catalog key for all four sides, or ``{side: key}``.
    ``holes``: ``(diameter, x, y)`` (drilling picked by diameter) or
    ``(diameter, x, y, key_or_None)``.
    ``cutouts``: ``(width, height, x, y)`` (the cutout operation) or with a 5th
    ``key_or_None``.
    ``operations``: catalog keys or :class:`Operation` objects.
    ``material_changes`` / ``op_changes`` (``{key: changes}``): field overrides of
    the catalog entries, e.g. ``{"tempering": {"min_charge": 0}}``.
    """

    def resolve(value):
        return resolve_operation(value, op_changes)

    if isinstance(edges, str):
        edges = dict.fromkeys(SIDES, edges)
    edge_ops = {side: resolve(key) for side, key in (edges or {}).items()}
    hole_objs = []
    for hole in holes:
        diameter, x, y, *rest = hole
        operation = resolve(_drilling_for(diameter) if not rest else rest[0])
        hole_objs.append(Hole(diameter, x, y, operation))
    cutout_objs = []
    for cutout in cutouts:
        c_width, c_height, x, y, *rest = cutout
        operation = resolve("cutout" if not rest else rest[0])
        cutout_objs.append(Cutout(c_width, c_height, x, y, operation))
    return PieceSpec(
        resolve_material(material, material_changes),
        width,
        height,
        edges=edge_ops,
        holes=tuple(hole_objs),
        cutouts=tuple(cutout_objs),
        operations=tuple(resolve(op) for op in operations),
        **kwargs,
    )


@pytest.fixture
def rules():
    """The workshop's default rules of thumb (DESIGN.md)."""
    return Rules()


@pytest.fixture
def materials():
    return MATERIALS


@pytest.fixture
def ops():
    return OPERATIONS


@pytest.fixture
def make_spec():
    """``make_spec(material_key, width, height, edges=..., holes=..., ...)``."""
    return build_spec
