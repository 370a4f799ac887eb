# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The production route of a glass line: order of the steps, quantities, minutes."""

import pytest
from glass import routing
from glass.spec import SIDES, Hole, Material, Operation, PieceSpec

MATERIAL = Material("Float 4 mm", 4, sheets=((3210, 2250),))
CUT = Operation("Cut", "cutting", "area", time_norm=2, time_setup=5)
GROUND = Operation("Ground", "edge", "length", edge_type="ground", time_norm=1.5)
FACET = Operation("Facet 20", "edge", "length", edge_type="facet", facet_width=20)
DRILL = Operation("Drill", "drilling", "unit", time_norm=1)
TEMPER = Operation("Temper", "tempering", "area", time_norm=3)
FILM = Operation("Film", "film", "area")
SAND = Operation("Sandblast", "sandblasting", "area")
QC = Operation("QC", "qc", "piece", time_norm=0.5)
PACK = Operation("Pack", "packing", "fixed", time_setup=6)


def spec(**values):
    base = dict(material=MATERIAL, width=1000, height=500, quantity=3)
    return PieceSpec(**dict(base, **values))


def test_technological_order_whatever_the_entry_order():
    # entered: packing, film, tempering, QC, sandblasting; holes and edges
    piece = spec(
        edges={side: GROUND for side in SIDES},
        holes=(Hole(8, 100, 100, DRILL),),
        operations=(PACK, FILM, TEMPER, QC, SAND),
    )
    names = [step.operation.name for step in routing.route(piece, CUT)]
    assert names == [
        "Cut", "Ground", "Drill", "Sandblast", "Temper", "Film", "QC", "Pack",
    ]  # fmt: skip


def test_facet_comes_after_the_other_edges_and_drilling():
    piece = spec(
        edges={"bottom": FACET, "top": FACET, "left": GROUND, "right": GROUND},
        holes=(Hole(8, 100, 100, DRILL),),
    )
    stages = [step.stage for step in routing.route(piece)]
    assert stages == ["edge", "drilling", "facet"]


@pytest.mark.parametrize(
    ("operation", "quantity", "minutes"),
    [
        # 3 pieces × 0.5 m² = 1.5 m²; 5 + 2 × 1.5
        (CUT, 1.5, 8.0),
        # 3 × 3 m of edge; 1.5 × 9
        (GROUND, 9.0, 13.5),
        # 3 pieces × 2 holes
        (DRILL, 6, 6.0),
        # 3 × 0.5 m²
        (TEMPER, 1.5, 4.5),
        (QC, 3, 1.5),
        # once per line
        (PACK, 1, 6.0),
    ],
)
def test_quantities_and_minutes(operation, quantity, minutes):
    piece = spec(
        edges={side: GROUND for side in SIDES},
        holes=(Hole(8, 100, 100, DRILL), Hole(8, 900, 100, DRILL)),
        operations=(TEMPER, QC, PACK),
    )
    [step] = [s for s in routing.route(piece, CUT) if s.operation == operation]
    assert step.quantity == pytest.approx(quantity)
    assert step.minutes == pytest.approx(minutes)


def test_no_cutting_operation_and_no_processing():
    assert routing.route(spec()) == []
    assert [s.operation for s in routing.route(spec(), CUT)] == [CUT]
