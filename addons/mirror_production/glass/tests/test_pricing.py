# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Line prices and their breakdown, with every figure worked out by hand.

Catalog prices are in ``conftest.py``: mirror 4 mm 1000/m² (cost 600), clear 8 mm
1600/m² (cost 900), ground edge 40/m on ≤ 6 mm, polished 80/m (curved × 1.5)…
"""

import math

import pytest
from glass import pricing
from glass.pricing import (
    KIND_CUTOUT,
    KIND_EDGE,
    KIND_GLASS,
    KIND_HOLE,
    KIND_MINIMUM,
    KIND_OPERATION,
    KIND_SHAPE,
    KIND_URGENCY,
)

PI = math.pi


def items_of(quote, kind):
    return [item for item in quote.items if item.kind == kind]


def amounts_by_key(quote, kind):
    return {item.operation.key: item.amount for item in items_of(quote, kind)}


@pytest.mark.parametrize(
    ("material", "shape", "width", "height", "quantity", "factor", "amount", "cost"),
    [
        # 1000 × 500 = 0.5 m² × 1000 = 500; cost 0.5 × 600 = 300
        ("mirror4", "rectangle", 1000, 500, 1, 1.0, 500.0, 300.0),
        # small piece: 0.06 m² billed 0.25 × 1000 = 250; cost on real glass 0.06 × 600
        # = 36
        ("mirror4", "rectangle", 300, 200, 1, 1.0, 250.0, 36.0),
        # 4 small pieces: 0.25 × 1000 × 4 = 1000; cost 0.06 × 600 × 4 = 144
        ("mirror4", "rectangle", 300, 200, 4, 1.0, 1000.0, 144.0),
        # 2 m² × 1000 × 3 = 6000; cost 2 × 600 × 3 = 3600
        ("mirror4", "rectangle", 2000, 1000, 3, 1.0, 6000.0, 3600.0),
        # a circle Ø600 is billed on its 600 × 600 square: 0.36 × 1000 = 360; cost 0.36
        # × 600
        ("mirror4", "circle", 600, 600, 1, 1.0, 360.0, 216.0),
        # clear 8 mm: 1.5 m² × 1600 = 2400; cost 1.5 × 900 = 1350
        ("clear8", "rectangle", 1500, 1000, 1, 1.0, 2400.0, 1350.0),
        # customer pricelist −10 %: 0.5 × 1000 × 0.9 = 450 (cost unchanged 300)
        ("mirror4", "rectangle", 1000, 500, 1, 0.9, 450.0, 300.0),
        # pricelist +15 % on a small piece: 0.25 × 1000 × 1.15 × 2 = 575; cost 0.06 ×
        # 600 × 2
        ("mirror4", "rectangle", 300, 200, 2, 1.15, 575.0, 72.0),
    ],
)
def test_glass_price(
    make_spec, rules, material, shape, width, height, quantity, factor, amount, cost
):
    spec = make_spec(
        material,
        width,
        height,
        shape=shape,
        quantity=quantity,
        glass_price_factor=factor,
    )
    quote = pricing.quote(spec, rules)
    (glass,) = items_of(quote, KIND_GLASS)
    assert glass.amount == amount
    assert glass.cost == cost
    assert glass.uom == "m2"
    assert glass.name == spec.material.name
    assert quote.total == amount


def test_pricelist_factor_applies_to_the_glass_only(make_spec, rules):
    # glass 0.5 × 1000 × 0.8 = 400; ground edge 3.0 m × 40 = 120 (no discount); packing
    # 250
    spec = make_spec(
        "mirror4",
        1000,
        500,
        edges="ground",
        operations=("packing",),
        glass_price_factor=0.8,
    )
    quote = pricing.quote(spec, rules)
    assert quote.amount_of(KIND_GLASS) == 400.0
    assert quote.amount_of(KIND_EDGE) == 120.0
    assert quote.amount_of(KIND_OPERATION) == 250.0
    assert quote.total == 770.0


@pytest.mark.parametrize(
    ("material", "shape", "radius", "width", "height", "quantity", "edges", "expected"),
    [
        # only the two long sides ground: (1.0 + 1.0) m × 40 = 80
        (
            "mirror4",
            "rectangle",
            0,
            1000,
            500,
            1,
            {"bottom": "ground", "top": "ground"},
            {"ground": 80.0},
        ),
        # only the left side: 0.5 m × 40 = 20
        ("mirror4", "rectangle", 0, 1000, 500, 1, {"left": "ground"}, {"ground": 20.0}),
        # mixed: bottom ground 1.0 × 40 = 40; right+top+left polished 2.0 m × 80 = 160
        (
            "mirror4",
            "rectangle",
            0,
            1000,
            500,
            1,
            {
                "bottom": "ground",
                "right": "polished",
                "top": "polished",
                "left": "polished",
            },
            {"ground": 40.0, "polished": 160.0},
        ),
        # all ground on 8 mm uses the 8–19 mm band: 3.0 m × 60 = 180
        ("clear8", "rectangle", 0, 1000, 500, 1, "ground", {"ground": 180.0}),
        # circle Ø600 polished: π·0.6 = 1.884956 m curved × 1.5 × 80 = 226.1947 → 226.19
        ("mirror4", "circle", 0, 600, 600, 1, "polished", {"polished": 226.19}),
        # circle Ø600 ground (factor 1): 1.884956 m × 40 = 75.398 → 75.40
        ("mirror4", "circle", 0, 600, 600, 1, "ground", {"ground": 75.40}),
        # rounded r = 50 polished: (2.6 straight + 0.314159 curved × 1.5) × 80
        # = 3.071239 × 80 = 245.699 → 245.70
        ("mirror4", "rounded", 50, 1000, 500, 1, "polished", {"polished": 245.70}),
        # quantity scales: 2.0 m × 40 × 3 = 240
        (
            "mirror4",
            "rectangle",
            0,
            1000,
            500,
            3,
            {"bottom": "ground", "top": "ground"},
            {"ground": 240.0},
        ),
    ],
)
def test_edge_price_per_side(
    make_spec, rules, material, shape, radius, width, height, quantity, edges, expected
):
    spec = make_spec(
        material,
        width,
        height,
        shape=shape,
        corner_radius=radius,
        quantity=quantity,
        edges=edges,
    )
    quote = pricing.quote(spec, rules)
    assert amounts_by_key(quote, KIND_EDGE) == expected


@pytest.mark.parametrize(
    ("shape", "radius", "edge", "length", "curved", "factor", "cost"),
    [
        # rectangle ground: 3.0 m, nothing curved; cost 3.0 × 15 = 45
        ("rectangle", 0, "ground", 3.0, 0.0, 1.0, 45.0),
        # circle Ø600 polished: 1.884956 m all curved, × 1.5; cost 2.827433 × 30 = 84.82
        ("circle", 0, "polished", 1.884956, 1.884956, 1.5, 84.82),
        # rounded r = 50: 2.6 + 0.314159 m, 0.314159 curved; cost 3.071239 × 30 = 92.14
        ("rounded", 50, "polished", 2.914159, 0.314159, 1.5, 92.14),
    ],
)
def test_edge_item_explains_curved_length(
    make_spec, rules, shape, radius, edge, length, curved, factor, cost
):
    width = 600 if shape == "circle" else 1000
    height = 600 if shape == "circle" else 500
    spec = make_spec(
        "mirror4", width, height, shape=shape, corner_radius=radius, edges=edge
    )
    (item,) = items_of(pricing.quote(spec, rules), KIND_EDGE)
    assert item.quantity == pytest.approx(length, abs=1e-6)
    assert item.curved_length == pytest.approx(curved, abs=1e-6)
    assert item.curved_factor == factor
    assert item.uom == "m"
    assert item.cost == cost


@pytest.mark.parametrize(
    ("material", "holes", "quantity", "expected"),
    [
        # mirror 4 mm: 2 × Ø8 at 50 = 100; 1 × Ø35 at 90
        (
            "mirror4",
            [(8, 100, 100), (8, 900, 100), (35, 500, 250)],
            1,
            {"drill_small": 100.0, "drill_large": 90.0},
        ),
        # same holes in 8 mm glass (8–12 mm bands): 2 × 70 = 140; 1 × 120
        (
            "clear8",
            [(8, 100, 100), (8, 900, 100), (35, 500, 250)],
            1,
            {"drill_small": 140.0, "drill_large": 120.0},
        ),
        # 2 pieces with 2 small holes each: 2 × 50 × 2 = 200
        ("mirror4", [(8, 100, 100), (10, 900, 100)], 2, {"drill_small": 200.0}),
        # a hole without a drilling operation is not priced (validation refuses it)
        ("mirror4", [(8, 100, 100, None)], 1, {}),
    ],
)
def test_holes_priced_per_hole_by_their_operation(
    make_spec, rules, material, holes, quantity, expected
):
    spec = make_spec(material, 1000, 500, holes=holes, quantity=quantity)
    quote = pricing.quote(spec, rules)
    assert amounts_by_key(quote, KIND_HOLE) == expected
    for item in items_of(quote, KIND_HOLE):
        assert item.uom == "unit"


@pytest.mark.parametrize(
    ("cutouts", "quantity", "amount", "count"),
    [
        # one cutout at 350
        ([(200, 100, 400, 200)], 1, 350.0, 1),
        # two cutouts × 350 × 3 pieces = 2100
        ([(200, 100, 100, 200), (100, 100, 700, 200)], 3, 2100.0, 2),
    ],
)
def test_cutouts(make_spec, rules, cutouts, quantity, amount, count):
    spec = make_spec("mirror4", 1000, 500, cutouts=cutouts, quantity=quantity)
    quote = pricing.quote(spec, rules)
    (item,) = items_of(quote, KIND_CUTOUT)
    assert (item.quantity, item.rate, item.amount) == (count, 350.0, amount)


@pytest.mark.parametrize(
    ("shape", "radius", "quantity", "units", "amount"),
    [
        # 4 rounded corners × 60 = 240
        ("rounded", 50, 1, 4, 240.0),
        # 4 × 60 × 2 pieces = 480
        ("rounded", 50, 2, 4, 480.0),
        # a plain rectangle has no rounded corner: 0
        ("rectangle", 0, 1, 0, 0.0),
    ],
)
def test_rounded_corners_per_corner(
    make_spec, rules, shape, radius, quantity, units, amount
):
    spec = make_spec(
        "mirror4",
        800,
        600,
        shape=shape,
        corner_radius=radius,
        quantity=quantity,
        operations=("corner",),
    )
    (item,) = items_of(pricing.quote(spec, rules), KIND_OPERATION)
    assert (item.quantity, item.uom, item.amount) == (units, "unit", amount)


@pytest.mark.parametrize(
    ("thickness", "rate", "amount", "cost"),
    [
        # 1.0 m² × 500 (4–6 mm band); cost 1.0 × 300
        (4, 500.0, 500.0, 300.0),
        (6, 500.0, 500.0, 300.0),
        # 1.0 m² × 700 (8–12 mm band); cost 1.0 × 420
        (8, 700.0, 700.0, 420.0),
        (10, 700.0, 700.0, 420.0),
    ],
)
def test_thickness_bands(make_spec, rules, thickness, rate, amount, cost):
    spec = make_spec(
        "clear8",
        1000,
        1000,
        material_changes={"thickness": thickness},
        operations=("tempering",),
    )
    (item,) = items_of(pricing.quote(spec, rules), KIND_OPERATION)
    assert (item.rate, item.amount, item.cost) == (rate, amount, cost)
    assert not item.minimum_applied


@pytest.mark.parametrize(
    ("width", "height", "quantity", "amount", "minimum_applied"),
    [
        # 300 × 400 = 0.12 m² billed 0.25 × 500 = 125 < 400 minimum → 400
        (300, 400, 1, 400.0, True),
        # 0.25 × 500 × 3 = 375 < 400 → 400: the minimum is per line, not per piece
        (300, 400, 3, 400.0, True),
        # 0.25 × 500 × 4 = 500 ≥ 400: no minimum
        (300, 400, 4, 500.0, False),
        # 1.0 m² × 500 = 500
        (1000, 1000, 1, 500.0, False),
    ],
)
def test_operation_minimum_charge_per_line(
    make_spec, rules, width, height, quantity, amount, minimum_applied
):
    spec = make_spec(
        "clear8",
        width,
        height,
        quantity=quantity,
        material_changes={"thickness": 4},
        operations=("tempering",),
    )
    (item,) = items_of(pricing.quote(spec, rules), KIND_OPERATION)
    assert item.amount == amount
    assert item.minimum_applied is minimum_applied


def test_edge_minimum_charge(make_spec, rules):
    # only the left side: 0.5 m × 40 = 20 < 100 → 100
    spec = make_spec(
        "mirror4",
        1000,
        500,
        edges={"left": "ground"},
        op_changes={"ground": {"min_charge": 100}},
    )
    (item,) = items_of(pricing.quote(spec, rules), KIND_EDGE)
    assert (item.amount, item.minimum_applied) == (100.0, True)


@pytest.mark.parametrize(
    ("width", "height", "quantity", "edges", "minimum", "total"),
    [
        # glass 0.25 × 1000 = 250 < 1500 → minimum item 1250, total 1500
        (300, 200, 1, None, 1250.0, 1500.0),
        # glass 250 + ground edge 1.0 m × 40 = 40 → 290 → minimum 1210, total 1500
        (300, 200, 1, "ground", 1210.0, 1500.0),
        # 10 pieces: 0.25 × 1000 × 10 = 2500 ≥ 1500: no minimum
        (300, 200, 10, None, None, 2500.0),
        # exactly 1.5 m² × 1000 = 1500: no minimum item
        (1500, 1000, 1, None, None, 1500.0),
    ],
)
def test_material_minimum_line_price(
    make_spec, rules, width, height, quantity, edges, minimum, total
):
    spec = make_spec(
        "mirror4",
        width,
        height,
        quantity=quantity,
        edges=edges,
        material_changes={"min_line_price": 1500.0},
    )
    quote = pricing.quote(spec, rules)
    minimums = items_of(quote, KIND_MINIMUM)
    if minimum is None:
        assert minimums == []
    else:
        (item,) = minimums
        assert (item.amount, item.uom, item.cost) == (minimum, "line", 0.0)
        assert item.name == "Silver mirror 4 mm"
    assert quote.total == total


def test_minimum_line_price_is_exact_after_rounding(make_spec, rules):
    # rounded 300 × 300, r = 22: each side 300 − 44 = 256 mm straight + π·22/2 =
    # 34.5575 curved
    #   glass    0.09 m² billed 0.25 × 1000                       = 250
    #   ground   bottom + top: (0.512 + 0.069115) × 40 = 23.2446  →  23.24
    #   polished left + right: (0.512 + 0.069115 × 1.5) × 80 = 49.2538 → 49.25
    #   subtotal 322.49 → minimum 1500 − 322.49 = 1177.51 → exactly 1500.00
    # (computed on the unrounded 322.4984 the minimum was 1177.50 and the line 1499.99)
    spec = make_spec(
        "mirror4",
        300,
        300,
        shape="rounded",
        corner_radius=22,
        edges={
            "bottom": "ground",
            "top": "ground",
            "left": "polished",
            "right": "polished",
        },
        material_changes={"min_line_price": 1500.0},
    )
    quote = pricing.quote(spec, rules)
    assert [(item.kind, item.amount) for item in quote.items] == [
        (KIND_GLASS, 250.0),
        (KIND_EDGE, 23.24),
        (KIND_EDGE, 49.25),
        (KIND_MINIMUM, 1177.51),
    ]
    assert quote.total == 1500.0


@pytest.mark.parametrize(
    ("shape", "radius", "units", "amount", "minimum_applied"),
    [
        # 4 corners × 60 = 240 < 300 minimum → 300
        ("rounded", 50, 4, 300.0, True),
        # no rounded corner, no corner work: the minimum is not charged for nothing
        ("rectangle", 0, 0, 0.0, False),
    ],
)
def test_operation_minimum_only_when_the_operation_is_done(
    make_spec, rules, shape, radius, units, amount, minimum_applied
):
    spec = make_spec(
        "mirror4",
        800,
        600,
        shape=shape,
        corner_radius=radius,
        operations=("corner",),
        op_changes={"corner": {"min_charge": 300.0}},
    )
    (item,) = items_of(pricing.quote(spec, rules), KIND_OPERATION)
    assert (item.quantity, item.amount, item.minimum_applied) == (
        units,
        amount,
        minimum_applied,
    )


@pytest.mark.parametrize(
    ("width", "height", "quantity", "edges", "min_line", "percent", "urgency", "total"),
    [
        # glass 500 + ground 3.0 m × 40 = 120 → 620; +10 % = 62 → 682
        (1000, 500, 1, "ground", 0.0, 10, 62.0, 682.0),
        # after the material minimum: 250 → 1500 (minimum), +20 % of 1500 = 300 → 1800
        (300, 200, 1, None, 1500.0, 20, 300.0, 1800.0),
        # 2 pieces: (500 + 120) × 2 = 1240; +25 % = 310 → 1550
        (1000, 500, 2, "ground", 0.0, 25, 310.0, 1550.0),
        # no urgency: no item
        (1000, 500, 1, "ground", 0.0, 0, None, 620.0),
    ],
)
def test_urgency_surcharge_on_the_subtotal_after_minimums(
    make_spec, rules, width, height, quantity, edges, min_line, percent, urgency, total
):
    spec = make_spec(
        "mirror4",
        width,
        height,
        quantity=quantity,
        edges=edges,
        urgency_percent=percent,
        material_changes={"min_line_price": min_line},
    )
    quote = pricing.quote(spec, rules)
    urgent = items_of(quote, KIND_URGENCY)
    if urgency is None:
        assert urgent == []
    else:
        (item,) = urgent
        assert (item.amount, item.quantity, item.uom) == (urgency, percent, "percent")
        # the rate is the subtotal per piece it is a percentage of
        assert item.rate * quantity * percent / 100 == pytest.approx(urgency)
        assert quote.items[-1] is item
    assert quote.total == total


@pytest.mark.parametrize(
    ("operation", "quantity", "basis_qty", "uom", "amount", "cost"),
    [
        # packing is fixed per line: 250 whatever the quantity; cost 100
        ("packing", 1, 1, "line", 250.0, 100.0),
        ("packing", 5, 1, "line", 250.0, 100.0),
        # film per billable m²: 0.5 × 150 × 2 = 150; cost 0.5 × 70 × 2 = 70
        ("film", 2, 0.5, "m2", 150.0, 70.0),
        # tempering per m² on 4 mm: 0.5 × 500 × 2 = 500; cost 0.5 × 300 × 2 = 300
        ("tempering", 2, 0.5, "m2", 500.0, 300.0),
    ],
)
def test_extra_operation_basis(
    make_spec, rules, operation, quantity, basis_qty, uom, amount, cost
):
    spec = make_spec(
        "clear8",
        1000,
        500,
        quantity=quantity,
        material_changes={"thickness": 4},
        operations=(operation,),
    )
    (item,) = items_of(pricing.quote(spec, rules), KIND_OPERATION)
    assert (item.quantity, item.uom, item.amount, item.cost) == (
        basis_qty,
        uom,
        amount,
        cost,
    )


@pytest.mark.parametrize(
    ("surcharge", "quantity", "expected"),
    [
        # 300 per piece × 2 = 600
        (300.0, 2, 600.0),
        (125.5, 1, 125.5),
        # no surcharge: no item
        (0.0, 1, None),
    ],
)
def test_shape_surcharge(make_spec, rules, surcharge, quantity, expected):
    spec = make_spec(
        "mirror4",
        700,
        400,
        shape="custom",
        has_drawing=True,
        shape_surcharge=surcharge,
        quantity=quantity,
    )
    items = items_of(pricing.quote(spec, rules), KIND_SHAPE)
    if expected is None:
        assert items == []
    else:
        (item,) = items
        assert (item.rate, item.amount) == (surcharge, expected)


@pytest.mark.parametrize(
    ("quantity", "total", "unit_price", "total_cost", "unit_cost", "margin"),
    [
        # glass 0.5 × 1000 = 500 (cost 300), ground 3.0 × 40 = 120 (cost 45), packing
        # 250
        # (cost 100, once): 1 → 870 / 445
        (1, 870.0, 870.0, 445.0, 445.0, 425.0),
        # 2 → (500 + 120) × 2 + 250 = 1490; cost (300 + 45) × 2 + 100 = 790; margin 700
        (2, 1490.0, 745.0, 790.0, 395.0, 700.0),
        # 3 → 620 × 3 + 250 = 2110 → 703.33 each; cost 345 × 3 + 100 = 1135 → 378.33
        (3, 2110.0, 703.33, 1135.0, 378.33, 975.0),
        # 7 → 620 × 7 + 250 = 4590 → 655.714 → 655.71; cost 345 × 7 + 100 = 2515 →
        # 359.29
        (7, 4590.0, 655.71, 2515.0, 359.29, 2075.0),
    ],
)
def test_quantity_cost_margin_and_unit_price(
    make_spec, rules, quantity, total, unit_price, total_cost, unit_cost, margin
):
    spec = make_spec(
        "mirror4", 1000, 500, quantity=quantity, edges="ground", operations=("packing",)
    )
    quote = pricing.quote(spec, rules)
    assert quote.total == total
    assert quote.unit_price == unit_price
    assert quote.total_cost == total_cost
    assert quote.unit_cost == unit_cost
    assert quote.margin == margin


def test_full_breakdown_in_technological_order(make_spec, rules):
    # clear float 4 mm, 1000 × 500, 2 pieces, polished all round, 2 small holes,
    # 1 cutout, tempered, filmed, packed, 10 % urgent:
    #   glass     0.5 × 1600 × 2            = 1600
    #   polished  3.0 × 80 × 2              =  480
    #   holes     2 × 50 × 2                =  200
    #   cutout    1 × 350 × 2               =  700
    #   tempering 0.5 × 500 × 2             =  500
    #   film      0.5 × 150 × 2             =  150
    #   packing   250 once                  =  250
    #   subtotal                              3880; urgency 10 % = 388 → 4268
    spec = make_spec(
        "clear8",
        1000,
        500,
        material_changes={"thickness": 4},
        quantity=2,
        edges="polished",
        holes=[(8, 100, 100), (8, 900, 100)],
        cutouts=[(200, 100, 400, 200)],
        operations=("tempering", "film", "packing"),
        urgency_percent=10,
    )
    quote = pricing.quote(spec, rules)
    assert [(item.kind, item.amount) for item in quote.items] == [
        (KIND_GLASS, 1600.0),
        (KIND_EDGE, 480.0),
        (KIND_HOLE, 200.0),
        (KIND_CUTOUT, 700.0),
        (KIND_OPERATION, 500.0),
        (KIND_OPERATION, 150.0),
        (KIND_OPERATION, 250.0),
        (KIND_URGENCY, 388.0),
    ]
    assert quote.total == 4268.0
    assert quote.unit_price == 2134.0


def test_zero_quantity_prices_nothing(make_spec, rules):
    spec = make_spec(
        "mirror4",
        300,
        200,
        quantity=0,
        operations=("tempering",),
        material_changes={"min_line_price": 1500.0},
    )
    quote = pricing.quote(spec, rules)
    assert quote.total == 0.0
    assert quote.unit_price == 0.0
    assert items_of(quote, KIND_MINIMUM) == []
    assert not any(item.minimum_applied for item in quote.items)


def test_as_dict(make_spec, rules):
    # mirror 4 mm, 1000 × 500, 2 pieces, ground bottom only, packing:
    #   glass 0.5 × 1000 × 2 = 1000 (cost 0.5 × 600 × 2 = 600)
    #   ground 1.0 × 40 × 2 = 80 (cost 1.0 × 15 × 2 = 30)
    #   packing 250 (cost 100)
    # total 1330, cost 730, unit 665 / 365; weight 0.5 × 4 × 2.5 = 5 kg
    spec = make_spec(
        "mirror4",
        1000,
        500,
        quantity=2,
        edges={"bottom": "ground"},
        operations=("packing",),
    )
    data = pricing.quote(spec, rules).as_dict()
    assert data == {
        "quantity": 2,
        "area": 0.5,
        "billable_area": 0.5,
        "perimeter": 3.0,
        "weight": 5.0,
        "unit_price": 665.0,
        "total": 1330.0,
        "unit_cost": 365.0,
        "total_cost": 730.0,
        "items": [
            {
                "kind": "glass",
                "name": "Silver mirror 4 mm",
                "quantity": 0.5,
                "uom": "m2",
                "rate": 1000.0,
                "amount": 1000.0,
                "cost": 600.0,
                "operation": False,
                "curved_length": 0.0,
                "curved_factor": 1.0,
                "minimum_applied": False,
            },
            {
                "kind": "edge",
                "name": "Ground edge",
                "quantity": 1.0,
                "uom": "m",
                "rate": 40.0,
                "amount": 80.0,
                "cost": 30.0,
                "operation": "ground",
                "curved_length": 0.0,
                "curved_factor": 1.0,
                "minimum_applied": False,
            },
            {
                "kind": "operation",
                "name": "Packing",
                "quantity": 1,
                "uom": "line",
                "rate": 250.0,
                "amount": 250.0,
                "cost": 100.0,
                "operation": "packing",
                "curved_length": 0.0,
                "curved_factor": 1.0,
                "minimum_applied": False,
            },
        ],
    }


def test_as_dict_rounds_measures(make_spec, rules):
    # circle Ø600 in 6 mm: area π·0.09 = 0.28274 m², perimeter π·0.6 = 1.88496 m,
    # weight 0.2827433 × 6 × 2.5 = 4.241 kg
    spec = make_spec("patterned6", 600, 600, shape="circle", edges="polished")
    data = pricing.quote(spec, rules).as_dict()
    assert (data["area"], data["billable_area"], data["perimeter"], data["weight"]) == (
        0.2827,
        0.36,
        1.885,
        4.241,
    )
    # 1.884956 m curved × 1.5 × 80 = 226.19; glass 0.36 × 1400 = 504
    edge = data["items"][1]
    assert (edge["curved_length"], edge["curved_factor"], edge["amount"]) == (
        1.885,
        1.5,
        226.19,
    )
    assert data["total"] == 730.19
