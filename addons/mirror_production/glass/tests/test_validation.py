# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""One row per validation rule: the issue codes, and a message that gives the
numbers and says how to fix it.

Defaults (``Rules()``): holes at least Ø thickness, 2 × thickness from edges, other
holes and cutouts; sides 20–6000 mm; at most 10 000 pieces; furnace 100 × 250 to
2440 × 3660 mm. Mirror 4 mm → 8 mm clearance, clear float 8 mm → 16 mm.
"""

from dataclasses import replace

import pytest
from glass import validation
from glass.spec import PriceBand
from glass.validation import Issue, fmt

NAN = float("nan")
# every message says how to fix the problem, with one of these
FIX_VERBS = (
    "Enter",
    "Check",
    "Split",
    "split",
    "Move",
    "Remove",
    "Add",
    "add",
    "Choose",
    "choose",
    "Use",
    "attach",
    "Set",
    "make",
    "set the same",
)
INF = float("inf")


def row(codes, fragments=(), material="mirror4", width=1000, height=500, **kwargs):
    """A table row: ``make_spec`` arguments, the expected codes (in order) and the
    fragments the first issue's rendered message must contain."""
    return (
        dict(material=material, width=width, height=height, **kwargs),
        codes,
        fragments,
    )


RULES = {
    # ---- sizes ------------------------------------------------------------------
    "width zero": row(["size_positive"], ["0 × 500 mm", "Enter the size"], width=0),
    "width negative": row(
        ["size_positive"], ["-100 × 500 mm", "millimetres"], width=-100
    ),
    "height zero": row(["size_positive"], ["1000 × 0 mm", "Enter the size"], height=0),
    "height missing": row(["size_positive"], ["1000 × 0 mm"], height=None),
    "width not a number": row(
        ["size_number"], ["nan × 500", "must be numbers", "Enter the size"], width=NAN
    ),
    "height infinite": row(["size_number"], ["1000 × inf"], height=INF),
    "width minus infinity": row(["size_number"], ["-inf × 500"], width=-INF),
    # past Rules.max_number (a billion): a typing or encoding error
    "width absurdly large": row(["size_number"], ["1000000000000 × 500"], width=1e12),
    # 10 < 20 mm
    "narrower than min_side": row(
        ["size_min"],
        ["10 × 500 mm", "narrower than 20 mm", "Check that the size is in millimetres"],
        width=10,
    ),
    # 7000 > 6000 mm (and so does not fit the 6000 × 3210 sheet either)
    "longer than max_side": row(
        ["size_max", "sheet"],
        [
            "7000 × 500 mm",
            "larger than 6000 mm",
            "Check that the size is in millimetres",
        ],
        material="clear8",
        width=7000,
    ),
    # ---- quantity ---------------------------------------------------------------
    "quantity zero": row(["quantity"], ["got 0", "Enter how many"], quantity=0),
    "quantity negative": row(["quantity"], ["got -2", "Enter how many"], quantity=-2),
    "quantity fractional": row(["quantity"], ["got 2.5", "whole number"], quantity=2.5),
    "quantity missing": row(["quantity"], ["got 0", "Enter how many"], quantity=None),
    "quantity not a number": row(["quantity"], ["Enter how many"], quantity=NAN),
    "quantity infinite": row(["quantity"], ["Enter how many"], quantity=INF),
    # 10 001 > 10 000
    "quantity too large": row(
        ["quantity_max"],
        ["10001 identical pieces", "10000 allowed", "split the order"],
        quantity=10001,
    ),
    # ---- stock sheets -------------------------------------------------------------
    # 3300 > 3210 as is, 3300 > 2250 rotated
    "larger than the sheet": row(
        ["sheet"],
        [
            "3300 × 1000 mm",
            "Silver mirror 4 mm",
            "even rotated",
            "3210 × 2250 mm",
            "Split",
        ],
        width=3300,
        height=1000,
    ),
    # sheet 1600 × 2200: 2100 × 1500 only fits rotated, and patterned glass cannot turn
    "directional only fits rotated": row(
        ["sheet"],
        [
            "2100 × 1500 mm",
            "1600 × 2200 mm",
            "cannot be rotated",
            "choose another material",
        ],
        material="patterned6",
        width=2100,
        height=1500,
    ),
    "no sheet sizes": row(
        ["no_sheet"],
        ["Silver mirror 4 mm has no stock sheet size", "Add its sheet sizes"],
        material_changes={"sheets": ()},
    ),
    # ---- shape --------------------------------------------------------------------
    "circle not round": row(
        ["circle"], ["600 × 500 mm", "choose the oval shape"], width=600, shape="circle"
    ),
    # shorter side 600 → radius at most 300
    "corner radius zero": row(
        ["corner_radius"],
        ["at most 300 mm", "800 × 600 mm", "got 0 mm", "Enter a radius in that range"],
        width=800,
        height=600,
        shape="rounded",
        corner_radius=0,
    ),
    "corner radius over half the side": row(
        ["corner_radius"],
        ["at most 300 mm", "got 301 mm"],
        width=800,
        height=600,
        shape="rounded",
        corner_radius=301,
    ),
    "corner radius not a number": row(
        ["corner_radius"],
        ["at most 300 mm", "got nan mm"],
        width=800,
        height=600,
        shape="rounded",
        corner_radius=NAN,
    ),
    "corner radius infinite": row(
        ["corner_radius"],
        ["got inf mm"],
        width=800,
        height=600,
        shape="rounded",
        corner_radius=INF,
    ),
    # a rectangle does not use its radius, but NaN is never a radius
    "corner radius not a number on a rectangle": row(
        ["corner_radius_number"],
        ["got nan", "Enter 0"],
        corner_radius=NAN,
    ),
    "custom shape without drawing": row(
        ["drawing"], ["attach the drawing"], width=700, height=400, shape="custom"
    ),
    "unknown shape": row(["shape"], ["triangle", "Choose rectangle"], shape="triangle"),
    "negative shape surcharge": row(
        ["surcharge"], ["got -50", "Enter 0 or the extra price"], shape_surcharge=-50
    ),
    "shape surcharge not a number": row(
        ["surcharge"],
        ["must be a number", "got nan", "Enter 0 or the extra price"],
        shape_surcharge=NAN,
    ),
    "shape surcharge infinite": row(
        ["surcharge"], ["at most 1000000000", "got inf"], shape_surcharge=INF
    ),
    "urgency not a number": row(
        ["urgency"],
        ["must be a number", "got nan %", "Enter 0 or the surcharge"],
        urgency_percent=NAN,
    ),
    "negative urgency": row(
        ["urgency"], ["got -5 %", "Enter 0 or the surcharge"], urgency_percent=-5
    ),
    "material without thickness": row(
        ["thickness"],
        ["Silver mirror 4 mm has no thickness", "Set its thickness"],
        material_changes={"thickness": 0},
    ),
    "material thickness not a number": row(
        ["thickness"],
        ["has no thickness"],
        material_changes={"thickness": NAN},
    ),
    # ---- holes ----------------------------------------------------------------------
    # Ø6 < 8 mm thick
    "hole thinner than the glass": row(
        ["hole_diameter"],
        ["Hole 1", "Ø6 mm", "(8 mm)", "at least 8 mm"],
        material="clear8",
        width=1000,
        height=1000,
        holes=[(6, 500, 500)],
    ),
    # Ø3 < 4 mm (no drill that small either: the diameter is reported first)
    "hole thinner than the mirror": row(
        ["hole_diameter"],
        ["Ø3 mm", "(4 mm)", "at least 4 mm"],
        holes=[(3, 500, 250, None)],
    ),
    # Ø10 at x = 20: 20 − 5 = 15 mm < 2 × 8 = 16 mm
    "hole near a straight edge": row(
        ["hole_edge"],
        [
            "Hole 1",
            "Ø10 mm at x=20, y=500",
            "is 15 mm",
            "at least 16 mm",
            "Move the hole",
        ],
        material="clear8",
        width=1000,
        height=1000,
        holes=[(10, 20, 500)],
    ),
    # corner r = 100 centred (100, 100); hole at (35, 35): 100 − 65·√2 = 8.08, − 5 =
    # 3.1 mm
    # (the same hole in a square corner is 30 mm from both edges: see VALID)
    "hole near a rounded corner": row(
        ["hole_edge"],
        ["is 3.1 mm", "at least 8 mm", "Move the hole"],
        width=500,
        height=500,
        shape="rounded",
        corner_radius=100,
        holes=[(10, 35, 35)],
    ),
    # circle Ø600: (300, 590) is 300 − 290 = 10 mm inside, − 5 = 5 mm < 8
    "hole near a circle's edge": row(
        ["hole_edge"],
        ["x=300, y=590", "is 5 mm", "at least 8 mm"],
        width=600,
        height=600,
        shape="circle",
        edges="polished",
        holes=[(10, 300, 590)],
    ),
    # (30, 30) is in the circle's bounding square but outside the glass
    "hole outside a circle": row(
        ["hole_edge"],
        ["Move the hole towards the middle"],
        width=600,
        height=600,
        shape="circle",
        holes=[(10, 30, 30)],
    ),
    # centres 12 mm apart − 5 − 5 = 2 mm < 8
    "holes too close": row(
        ["hole_distance"],
        ["Holes 1 and 2", "2 mm apart", "at least 8 mm", "Move one of them"],
        holes=[(10, 200, 200), (10, 212, 200)],
    ),
    # the Ø5–20 drill cannot make a Ø35 hole
    "hole with the wrong drilling operation": row(
        ["hole_operation_size"],
        ["Hole 1", "Ø5–20 mm", "not Ø35 mm", "Choose the drilling operation"],
        holes=[(35, 200, 200, "drill_small")],
    ),
    "hole without drilling operation": row(
        ["hole_operation"],
        ["Hole 1", "Ø8 mm", "4 mm glass", "add a drilling operation"],
        holes=[(8, 200, 200, None)],
    ),
    "hole position not a number": row(
        ["hole_number"],
        ["Hole 1", "Ø10 at x=nan, y=200", "must be numbers", "Enter them"],
        holes=[(10, NAN, 200)],
    ),
    # the second hole is reported, and neither compared with the first nor refused
    # for its drill
    "hole diameter infinite": row(
        ["hole_number"],
        ["Hole 2", "Øinf at x=300"],
        holes=[(10, 200, 200), (INF, 300, 200)],
    ),
    "hole position minus infinity": row(
        ["hole_number"], ["y=-inf"], holes=[(10, 200, -INF)]
    ),
    "hole with an operation that is not drilling": row(
        ["hole_operation_category"],
        ["Hole 1", "Rectangular cutout is not a drilling operation", "Ø10 mm"],
        holes=[(10, 200, 200, "cutout")],
    ),
    # 51 > 50 holes: one issue, no pair of the 1275 compared
    "more holes than allowed": row(
        ["holes_max"],
        ["at most 50 holes", "this one has 51", "Check the holes"],
        holes=[(10, 500, 250)] * 51,
    ),
    # ---- cutouts --------------------------------------------------------------------
    # corner (5, 400) is 5 mm from the left edge < 8
    "cutout near the edge": row(
        ["cutout_edge"],
        [
            "Cutout 1",
            "200 × 100 mm at x=5, y=400",
            "at least 8 mm",
            "Move it or make it",
        ],
        width=1000,
        height=1000,
        cutouts=[(200, 100, 5, 400)],
    ),
    "cutout across the edge": row(
        ["cutout_edge"],
        ["x=950, y=400"],
        width=1000,
        height=1000,
        cutouts=[(100, 100, 950, 400)],
    ),
    "cutout outside the glass": row(
        ["cutout_edge"],
        ["x=1100"],
        width=1000,
        height=1000,
        cutouts=[(100, 100, 1100, 400)],
    ),
    # cutout x 400–600: hole Ø10 at x = 390 is 10 − 5 = 5 mm from it < 8
    "hole near a cutout": row(
        ["cutout_hole"],
        ["Hole 1", "closer than 8 mm", "cutout 1", "Move the hole or the cutout"],
        width=1000,
        height=1000,
        cutouts=[(200, 100, 400, 400)],
        holes=[(10, 390, 450)],
    ),
    "hole inside a cutout": row(
        ["cutout_hole"],
        ["Hole 1", "cutout 1"],
        width=1000,
        height=1000,
        cutouts=[(200, 100, 400, 400)],
        holes=[(10, 500, 450)],
    ),
    "cutout without operation": row(
        ["cutout_operation"],
        ["Cutout 1", "200 × 100 mm", "4 mm glass", "Add one to the catalog"],
        width=1000,
        height=1000,
        cutouts=[(200, 100, 400, 400, None)],
    ),
    "cutout without size": row(
        ["cutout_size"],
        ["Cutout 1", "0 × 100 mm", "Enter its width"],
        cutouts=[(0, 100, 400, 200)],
    ),
    "cutout position not a number": row(
        ["cutout_number"],
        ["Cutout 1", "200 × 100 at x=400, y=nan", "must be numbers", "Enter them"],
        width=1000,
        height=1000,
        cutouts=[(200, 100, 400, NAN)],
    ),
    "cutout size infinite": row(
        ["cutout_number"],
        ["inf × 100"],
        width=1000,
        height=1000,
        cutouts=[(INF, 100, 400, 400)],
    ),
    # a NaN hole is reported once, not again as too close to the cutout
    "hole not a number beside a cutout": row(
        ["hole_number"],
        ["Hole 1"],
        width=1000,
        height=1000,
        cutouts=[(200, 100, 400, 400)],
        holes=[(10, NAN, NAN)],
    ),
    "cutout with an operation that is not a cutout": row(
        ["cutout_operation_category"],
        ["Cutout 1", "Drilling Ø5–20 is not a cutout operation", "Choose a cutout"],
        width=1000,
        height=1000,
        cutouts=[(200, 100, 400, 400, "drill_small")],
    ),
    "more cutouts than allowed": row(
        ["cutouts_max"],
        ["at most 20 cutouts", "this one has 21", "Check the cutouts"],
        width=1000,
        height=1000,
        cutouts=[(50, 50, 400, 400)] * 21,
    ),
    # ---- tempering ------------------------------------------------------------------
    "tempering a mirror": row(
        ["temper_material"],
        ["Silver mirror 4 mm cannot be tempered", "Remove tempering"],
        operations=("tempering",),
    ),
    # 90 < 100 mm
    "too narrow for the furnace": row(
        ["temper_min"],
        ["90 × 300 mm", "at least 100 × 250 mm", "make the piece larger"],
        material="clear8",
        width=90,
        height=300,
        operations=("tempering",),
    ),
    # 200 < 250 mm on the long side
    "too short for the furnace": row(
        ["temper_min"],
        ["200 × 200 mm", "100 × 250 mm"],
        material="clear8",
        width=200,
        height=200,
        operations=("tempering",),
    ),
    # 2500 > 2440 mm on the short side
    "too wide for the furnace": row(
        ["temper_max"],
        ["2500 × 3000 mm", "at most 2440 × 3660 mm", "split the piece"],
        material="clear8",
        width=2500,
        height=3000,
        operations=("tempering",),
    ),
    # 3700 > 3660 mm on the long side (fits the 6000 × 3210 sheet rotated)
    "too long for the furnace": row(
        ["temper_max"],
        ["2000 × 3700 mm", "2440 × 3660 mm"],
        material="clear8",
        width=2000,
        height=3700,
        operations=("tempering",),
    ),
    # ---- operations -----------------------------------------------------------------
    # the 20 mm facet is made on 3–6 mm glass only
    "operation outside its thickness range": row(
        ["operation_thickness"],
        [
            "Facet 20 mm",
            "3–6 mm thick",
            "Clear float 8 mm is 8 mm",
            "Remove the operation",
        ],
        material="clear8",
        edges="facet20",
    ),
    "operation with no upper thickness": row(
        ["operation_thickness"],
        ["Safety film", "10–∞ mm", "is 8 mm"],
        material="clear8",
        operations=("film",),
        op_changes={"film": {"thickness_min": 10}},
    ),
    # tempering allowed on 4–12 mm, but only the 4–6 mm band has a price
    "operation without a price band": row(
        ["operation_price"],
        ["Tempering has no price for 8 mm glass", "Add a price for this thickness"],
        material="clear8",
        operations=("tempering",),
        op_changes={"tempering": {"bands": (PriceBand(4, 6, 500.0, 300.0),)}},
    ),
    "operation with unknown basis": row(
        ["basis"],
        ["Packing", "weekly", "Set its basis to area, length, piece, unit or fixed"],
        operations=("packing",),
        op_changes={"packing": {"basis": "weekly"}},
    ),
    # 2 × 20 ≥ 40 mm: the facets would meet; at most (40 − 1) / 2 → 19 mm
    "facet too wide": row(
        ["facet_width"],
        ["20 mm facet", "shorter side is 40 mm", "at most 19 mm"],
        width=40,
        height=300,
        edges="facet20",
    ),
    "edge that is not edge work": row(
        ["edge_operation"],
        ["Tempering is not edge work", "Choose an edge operation"],
        edges={"bottom": "tempering"},
    ),
    "drilling on every edge": row(
        ["edge_operation"],
        ["Drilling Ø5–20 is not edge work"],
        edges="drill_small",
    ),
    "round piece with one edge side": row(
        ["round_edges"],
        ["round or oval piece", "'All sides'"],
        width=600,
        height=600,
        shape="circle",
        edges={"bottom": "polished"},
    ),
    "oval with mixed edges": row(
        ["round_edges"],
        ["oval piece", "same edge work on all sides"],
        width=800,
        height=400,
        shape="oval",
        edges={
            "bottom": "ground",
            "right": "polished",
            "top": "polished",
            "left": "polished",
        },
    ),
}


@pytest.mark.parametrize(
    ("kwargs", "codes", "fragments"), RULES.values(), ids=RULES.keys()
)
def test_rule(make_spec, rules, kwargs, codes, fragments):
    issues = validation.validate(make_spec(**kwargs), rules)
    assert [issue.code for issue in issues] == codes
    message = issues[0].render()
    for fragment in fragments:
        assert fragment in message
    assert "%(" not in message  # every parameter was filled in
    for issue in issues:
        assert any(verb in issue.render() for verb in FIX_VERBS), issue.render()
    assert all(isinstance(issue, Issue) and issue.field for issue in issues)


VALID = {
    "mirror with holes": dict(
        material="mirror4",
        quantity=2,
        edges="ground",
        holes=[(8, 100, 100), (8, 900, 100)],
    ),
    # Ø10 at x = 21 in 8 mm: 21 − 5 = 16 mm = 2 × 8 exactly
    "hole exactly at the edge clearance": dict(
        material="clear8", width=1000, height=1000, holes=[(10, 21, 500)]
    ),
    # centres 18 mm apart − 10 = 8 mm = 2 × 4 exactly
    "holes exactly at the clearance": dict(holes=[(10, 200, 200), (10, 218, 200)]),
    # the hole that is too close to a rounded corner is fine in a square corner: 35 − 5
    # = 30
    "hole in a square corner": dict(width=500, height=500, holes=[(10, 35, 35)]),
    # 100 − 60·√2 = 15.15, − 5 = 10.15 mm ≥ 8
    "hole clear of a rounded corner": dict(
        width=500, height=500, shape="rounded", corner_radius=100, holes=[(10, 40, 40)]
    ),
    "circle polished all round with a hole": dict(
        width=600, height=600, shape="circle", edges="polished", holes=[(35, 300, 300)]
    ),
    "oval ground all round": dict(width=800, height=400, shape="oval", edges="ground"),
    "rounded with corner rounding": dict(
        width=800,
        height=600,
        shape="rounded",
        corner_radius=300,
        operations=("corner",),
    ),
    "custom with its drawing": dict(
        width=700, height=400, shape="custom", has_drawing=True, shape_surcharge=300
    ),
    "tempered clear float fully processed": dict(
        material="clear8",
        width=1000,
        height=2000,
        edges="polished",
        holes=[(35, 500, 1000)],
        cutouts=[(200, 100, 400, 200)],
        operations=("tempering", "film", "packing"),
        urgency_percent=20,
    ),
    "tempered at the furnace minimum": dict(
        material="clear8", width=100, height=250, operations=("tempering",)
    ),
    "tempered at the furnace maximum": dict(
        material="clear8", width=2440, height=3660, operations=("tempering",)
    ),
    "directional glass along its sheet": dict(
        material="patterned6", width=1500, height=2100
    ),
    "plain glass fitting only rotated": dict(width=2250, height=3210),
    # 2 × 20 = 40 < 41 mm
    "facet just fits": dict(width=41, height=300, edges="facet20"),
    # hole 20 − 5 = 15 mm from the cutout ≥ 8; cutout 8 mm from the left edge exactly
    "cutout with hole and edge at clearance": dict(
        width=1000, height=1000, cutouts=[(200, 100, 8, 400)], holes=[(10, 228, 450)]
    ),
    "maximum quantity": dict(quantity=10000),
    "smallest piece": dict(width=20, height=20),
    "largest sheet-size piece": dict(material="clear8", width=6000, height=3210),
}


@pytest.mark.parametrize("kwargs", VALID.values(), ids=VALID.keys())
def test_valid_specs_have_no_issue(make_spec, rules, kwargs):
    assert validation.validate(make_spec(**kwargs), rules) == []


@pytest.mark.parametrize(
    ("rules_changes", "codes"),
    [
        # Ø10 at x = 20 in 4 mm mirror: 15 mm ≥ 8 by default…
        ({}, []),
        # …but not with a 5 × thickness rule: 15 < 20
        ({"hole_edge_distance_factor": 5.0}, ["hole_edge"]),
        # Ø10 < 3 × 4 = 12 mm
        ({"hole_min_diameter_factor": 3.0}, ["hole_diameter"]),
        # a 1000 mm side over a 900 mm limit (and still on the sheet)
        ({"max_side": 900.0}, ["size_max"]),
    ],
)
def test_rules_are_configurable(make_spec, rules, rules_changes, codes):
    spec = make_spec("mirror4", 1000, 500, holes=[(10, 20, 250)])
    issues = validation.validate(spec, replace(rules, **rules_changes))
    assert [issue.code for issue in issues] == codes


@pytest.mark.parametrize(
    ("rules_changes", "holes", "cutouts", "codes"),
    [
        ({}, 50, 20, []),
        ({"max_holes": 2}, 3, 0, ["holes_max"]),
        ({"max_holes": 3}, 3, 0, []),
        ({"max_cutouts": 0}, 0, 1, ["cutouts_max"]),
        ({"max_holes": 0, "max_cutouts": 0}, 1, 1, ["holes_max", "cutouts_max"]),
    ],
)
def test_hole_and_cutout_limits_are_configurable(
    make_spec, rules, rules_changes, holes, cutouts, codes
):
    # holes in a 10 × 5 grid 90 mm apart, cutouts in a 4 × 5 grid: all valid
    grid = [(10, 50 + 90 * (i % 10), 50 + 90 * (i // 10)) for i in range(holes)]
    boxes = [
        (40, 40, 2000 + 100 * (i % 4), 1000 + 100 * (i // 4)) for i in range(cutouts)
    ]
    spec = make_spec("clear8", 3000, 1500, holes=grid, cutouts=boxes)
    issues = validation.validate(spec, replace(rules, **rules_changes))
    assert [issue.code for issue in issues] == codes


def test_limits_are_checked_before_anything_else(make_spec, rules):
    # 1,200 holes at one point once gave 719,400 issues in 33 s: now one issue, and
    # nothing else is checked (not even the zero width and quantity); the time is
    # measured by tests/benchmarks/bench_holes.py
    spec = make_spec(width=0, quantity=0, holes=[(10, 500, 250)] * 1200)
    issues = validation.validate(spec, rules)
    assert [issue.code for issue in issues] == ["holes_max"]
    assert "1200" in issues[0].render()


def test_issues_of_one_rule_stop_at_a_few(make_spec, rules):
    # 10 holes at one point: 45 clashing pairs, 5 listed, then one "40 more"
    spec = make_spec(holes=[(10, 500, 250)] * 10)
    issues = validation.validate(spec, rules)
    codes = [issue.code for issue in issues]
    assert codes == ["hole_distance"] * 5 + ["more"]
    assert "Holes 1 and 6" in issues[4].render()
    more = issues[-1]
    assert more.field == "holes"
    assert more.render().startswith("…and 40 more problems of the same kind")
    assert any(verb in more.render() for verb in FIX_VERBS)
    # the cap is a rule too; the "more" issue follows its own rule's issues
    issues = validation.validate(
        make_spec(quantity=0, holes=[(10, 500, 250)] * 4),
        replace(rules, max_issues_per_rule=2),
    )
    codes = [issue.code for issue in issues]
    assert codes == ["quantity", "hole_distance", "hole_distance", "more"]
    assert issues[-1].params == {"count": "4"}


@pytest.mark.parametrize(("count", "codes"), [(0, []), (500, []), (501, ["lines_max"])])
def test_lines_per_order_limit(rules, count, codes):
    issues = validation.validate_lines(count, rules)
    assert [issue.code for issue in issues] == codes
    if issues:
        message = issues[0].render()
        assert "at most 500 glass lines" in message
        assert "would have 501" in message
        assert "Split it" in message
        assert issues[0].field == "order_line"


def test_counts_alone(rules):
    assert validation.validate_counts(50, 20, rules) == []
    codes = [i.code for i in validation.validate_counts(51, 21, rules)]
    assert codes == ["holes_max", "cutouts_max"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1, True),
        (2.5, True),
        (-3.0, True),
        (1e9, True),
        (1e10, False),
        (NAN, False),
        (INF, False),
        (-INF, False),
        (True, False),
        ("5", False),
        (None, False),
    ],
)
def test_is_number(rules, value, expected):
    assert validation.is_number(value, rules) is expected


def test_several_issues_are_all_reported(make_spec, rules):
    # quantity 0, a hole without drill too close to the edge, tempering a mirror
    spec = make_spec(quantity=0, holes=[(8, 5, 250, None)], operations=("tempering",))
    codes = [issue.code for issue in validation.validate(spec, rules)]
    assert codes == ["quantity", "hole_operation", "hole_edge", "temper_material"]


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        (dict(quantity=0), "quantity"),
        (dict(width=0), "width"),
        (dict(shape="circle", width=600, height=500), "height"),
        (dict(holes=[(10, 200, 200), (10, 205, 200)]), "holes"),
        (dict(cutouts=[(100, 100, 0, 0)]), "cutouts"),
        (dict(operations=("tempering",)), "operations"),
        (dict(shape="custom"), "drawing"),
        (dict(width=40, height=300, edges="facet20"), "edges"),
    ],
)
def test_issue_field(make_spec, rules, kwargs, field):
    (issue,) = validation.validate(make_spec(**kwargs), rules)
    assert issue.field == field


def test_render_translates_the_template_then_fills_it(make_spec, rules):
    (issue,) = validation.validate(make_spec(quantity=0), rules)
    french = {
        issue.message: "La quantité doit être un nombre entier (reçu %(qty)s).",
    }
    assert (
        issue.render(french.get) == "La quantité doit être un nombre entier (reçu 0)."
    )
    assert issue.params == {"qty": "0"}


def test_render_without_params_keeps_the_template(make_spec, rules):
    (issue,) = validation.validate(
        make_spec(width=700, height=400, shape="custom"), rules
    )
    assert issue.params == {}
    assert issue.render() == issue.message


@pytest.mark.parametrize(
    ("number", "text"),
    [
        (4, "4"),
        (4.0, "4"),
        (2.5, "2.5"),
        (0.25, "0.25"),
        (1 / 3, "0.333"),  # three decimals at most
        (2.0004, "2"),  # rounds to 2.000 → 2
        (-100, "-100"),
        (10001, "10001"),
        (None, ""),
    ],
)
def test_fmt(number, text):
    assert fmt(number) == text
