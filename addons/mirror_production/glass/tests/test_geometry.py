# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Areas, perimeters, per-side edge lengths, weights and distances."""

import math

import pytest
from glass import geometry
from glass.spec import Cutout, Hole

PI = math.pi


@pytest.mark.parametrize(
    ("shape", "width", "height", "radius", "expected"),
    [
        # 1000 × 500 mm = 500 000 mm² = 0.5 m²
        ("rectangle", 1000, 500, 0, 0.5),
        # 300 × 200 = 60 000 mm² = 0.06 m²
        ("rectangle", 300, 200, 0, 0.06),
        # 0.5 − (4 − π)·50² / 1e6 = 0.5 − 0.0021460184 = 0.4978539816
        ("rounded", 1000, 500, 50, 0.4978539816),
        # radius 0 is a plain rectangle: 0.5
        ("rounded", 1000, 500, 0, 0.5),
        # 500 × 500, r = 250 is a circle: 0.25 − (4 − π)·250²/1e6 = π·250²/1e6 =
        # 0.1963495408
        ("rounded", 500, 500, 250, 0.1963495408),
        # π · 300² = 282 743.3388 mm² = 0.2827433388 m²
        ("circle", 600, 600, 0, 0.2827433388),
        # π · 400 · 200 = 251 327.4123 mm² = 0.2513274123 m²
        ("oval", 800, 400, 0, 0.2513274123),
        # custom shapes are measured on their bounding rectangle: 700 × 400 = 0.28 m²
        ("custom", 700, 400, 0, 0.28),
    ],
)
def test_area(make_spec, shape, width, height, radius, expected):
    spec = make_spec("mirror4", width, height, shape=shape, corner_radius=radius)
    assert geometry.area(spec) == pytest.approx(expected, abs=1e-9)


@pytest.mark.parametrize(
    ("shape", "width", "height", "expected_bounding", "expected_billable"),
    [
        # 1000 × 500 = 0.5 m² ≥ 0.25: billed 0.5
        ("rectangle", 1000, 500, 0.5, 0.5),
        # 300 × 200 = 0.06 m² < 0.25: billed 0.25
        ("rectangle", 300, 200, 0.06, 0.25),
        # 500 × 500 = 0.25 exactly: billed 0.25
        ("rectangle", 500, 500, 0.25, 0.25),
        # a circle is cut from its square: 600 × 600 = 0.36 m²
        ("circle", 600, 600, 0.36, 0.36),
        # oval 800 × 400 = 0.32 m² bounding rectangle
        ("oval", 800, 400, 0.32, 0.32),
    ],
)
def test_bounding_and_billable_area(
    make_spec, rules, shape, width, height, expected_bounding, expected_billable
):
    spec = make_spec("mirror4", width, height, shape=shape)
    assert geometry.bounding_area(spec) == pytest.approx(expected_bounding)
    assert geometry.billable_area(spec, rules) == pytest.approx(expected_billable)


@pytest.mark.parametrize(
    ("shape", "width", "height", "radius", "expected"),
    [
        # 2 · (1000 + 500) = 3000 mm = 3.0 m
        ("rectangle", 1000, 500, 0, 3.0),
        # straight 2·(1000 − 100) + 2·(500 − 100) = 2600 mm, arcs 2π·50 = 314.1593 mm
        # → 2.9141592654 m
        ("rounded", 1000, 500, 50, 2.9141592654),
        # π · 600 = 1884.9556 mm
        ("circle", 600, 600, 0, 1.8849555922),
        # Ramanujan II, a = 400, b = 200: h = (200/600)² = 1/9,
        # π·600·(1 + (1/3)/(10 + √(11/3))) = 1884.9556 · 1.0279763 = 1937.6896 mm
        ("oval", 800, 400, 0, 1.9376896432),
    ],
)
def test_perimeter(make_spec, shape, width, height, radius, expected):
    spec = make_spec("mirror4", width, height, shape=shape, corner_radius=radius)
    assert geometry.perimeter(spec) == pytest.approx(expected, abs=1e-9)


@pytest.mark.parametrize(
    ("width", "height"),
    [(600, 600), (1, 1), (2000, 2000)],
)
def test_ellipse_perimeter_is_exact_for_a_circle(width, height):
    # h = 0 → π · (a + b) = π · diameter
    assert geometry.ellipse_perimeter(width, height) == pytest.approx(PI * width)


def test_ellipse_perimeter_of_nothing_is_zero():
    assert geometry.ellipse_perimeter(0, 0) == 0.0


QUARTER_ARC_50 = (
    PI * 50 / 2 / 1000
)  # 78.5398 mm: two halves of two quarter arcs per side
CIRCLE_600_QUARTER = PI * 600 / 4 / 1000  # 471.2389 mm: a quarter of the circumference
OVAL_800_400 = 1937.6896432260169 / 1000  # see test_perimeter


@pytest.mark.parametrize(
    ("shape", "width", "height", "radius", "expected"),
    [
        # straight sides, nothing curved
        (
            "rectangle",
            1000,
            500,
            0,
            {
                "bottom": (1.0, 0.0),
                "right": (0.5, 0.0),
                "top": (1.0, 0.0),
                "left": (0.5, 0.0),
            },
        ),
        # r = 50: bottom/top 1000 − 2·50 = 900 mm straight, left/right 500 − 100 = 400
        # mm;
        # each side gets half of its two corner arcs: 2 · ½ · (π·50/2) = 78.54 mm curved
        (
            "rounded",
            1000,
            500,
            50,
            {
                "bottom": (0.9, QUARTER_ARC_50),
                "right": (0.4, QUARTER_ARC_50),
                "top": (0.9, QUARTER_ARC_50),
                "left": (0.4, QUARTER_ARC_50),
            },
        ),
        # a circle is all curved: each side gets a quarter of π·600 = 471.24 mm
        (
            "circle",
            600,
            600,
            0,
            dict.fromkeys(
                ("bottom", "right", "top", "left"), (0.0, CIRCLE_600_QUARTER)
            ),
        ),
        # an oval shares its 1937.69 mm by side length: bottom/top 800/2400 = 1/3,
        # left/right 400/2400 = 1/6
        (
            "oval",
            800,
            400,
            0,
            {
                "bottom": (0.0, OVAL_800_400 / 3),
                "right": (0.0, OVAL_800_400 / 6),
                "top": (0.0, OVAL_800_400 / 3),
                "left": (0.0, OVAL_800_400 / 6),
            },
        ),
    ],
)
def test_side_lengths(make_spec, shape, width, height, radius, expected):
    spec = make_spec("mirror4", width, height, shape=shape, corner_radius=radius)
    lengths = geometry.side_lengths(spec)
    assert list(lengths) == ["bottom", "right", "top", "left"]
    for side, (straight, curved) in expected.items():
        assert lengths[side] == pytest.approx((straight, curved), abs=1e-9), side
    # the sides add up to the perimeter
    assert sum(s + c for s, c in lengths.values()) == pytest.approx(
        geometry.perimeter(spec)
    )


@pytest.mark.parametrize(
    ("shape", "radius", "edges", "expected"),
    [
        # only the two long sides ground: 1.0 + 1.0 m
        ("rectangle", 0, {"bottom": "ground", "top": "ground"}, {"ground": (2.0, 0.0)}),
        # bottom ground 1.0 m; right + top + left polished 0.5 + 1.0 + 0.5 = 2.0 m
        (
            "rectangle",
            0,
            {
                "bottom": "ground",
                "right": "polished",
                "top": "polished",
                "left": "polished",
            },
            {"ground": (1.0, 0.0), "polished": (2.0, 0.0)},
        ),
        # rounded r = 50, all polished: straight 0.9+0.4+0.9+0.4 = 2.6 m, curved 2π·50
        # = 0.314 m
        ("rounded", 50, "polished", {"polished": (2.6, 2 * PI * 50 / 1000)}),
        # no edge work at all
        ("rectangle", 0, None, {}),
    ],
)
def test_edge_lengths(make_spec, ops, shape, radius, edges, expected):
    spec = make_spec(
        "mirror4", 1000, 500, shape=shape, corner_radius=radius, edges=edges
    )
    lengths = geometry.edge_lengths(spec)
    assert {op.key: value for op, value in lengths.items()} == {
        key: pytest.approx(value) for key, value in expected.items()
    }


@pytest.mark.parametrize(
    ("material", "shape", "width", "height", "expected_kg"),
    [
        # 0.5 m² × 4 mm × 2.5 kg/m²/mm = 5 kg
        ("mirror4", "rectangle", 1000, 500, 5.0),
        # 2.0 m² × 8 mm × 2.5 = 40 kg
        ("clear8", "rectangle", 2000, 1000, 40.0),
        # real area, not billed area: 0.06 m² × 4 × 2.5 = 0.6 kg
        ("mirror4", "rectangle", 300, 200, 0.6),
        # circle Ø600: 0.2827433 m² × 6 mm × 2.5 = 4.2411501 kg
        ("patterned6", "circle", 600, 600, 4.2411500823),
    ],
)
def test_weight(make_spec, rules, material, shape, width, height, expected_kg):
    spec = make_spec(material, width, height, shape=shape)
    assert geometry.weight(spec, rules) == pytest.approx(expected_kg)


@pytest.mark.parametrize(
    ("shape", "radius", "expected"),
    [("rounded", 50, 4), ("rounded", 0, 0), ("rectangle", 50, 0), ("circle", 0, 0)],
)
def test_rounded_corner_count(make_spec, shape, radius, expected):
    spec = make_spec("mirror4", 600, 600, shape=shape, corner_radius=radius)
    assert geometry.rounded_corner_count(spec) == expected


def test_outline_of_rectangle_is_its_four_corners(make_spec):
    spec = make_spec("mirror4", 1000, 500)
    assert geometry.outline(spec) == [(0.0, 0.0), (1000, 0.0), (1000, 500), (0.0, 500)]


@pytest.mark.parametrize(
    ("shape", "radius", "segments", "expected_points"),
    [
        ("circle", 0, 256, 256),
        ("oval", 0, 64, 64),
        # 4 corners × (64 + 1) points
        ("rounded", 50, 256, 260),
    ],
)
def test_outline_point_count_and_bounds(
    make_spec, shape, radius, segments, expected_points
):
    width = height = 600
    spec = make_spec("mirror4", width, height, shape=shape, corner_radius=radius)
    points = geometry.outline(spec, segments)
    assert len(points) == expected_points
    xs, ys = [x for x, _ in points], [y for _, y in points]
    assert min(xs) == pytest.approx(0, abs=1e-9) and max(xs) == pytest.approx(width)
    assert min(ys) == pytest.approx(0, abs=1e-9) and max(ys) == pytest.approx(height)


SQUARE = [(0.0, 0.0), (100.0, 0.0), (100.0, 100.0), (0.0, 100.0)]


@pytest.mark.parametrize(
    ("x", "y", "expected"),
    [
        (50, 50, 50.0),  # centre: 50 mm to every side
        (10, 50, 10.0),  # 10 mm from the left side
        (90, 95, 5.0),  # 5 mm from the top
        (110, 50, -10.0),  # outside, 10 mm right of the right side
        (-3, -4, -5.0),  # outside the corner: √(3² + 4²) = 5
    ],
)
def test_distance_to_outline(x, y, expected):
    assert geometry.distance_to_outline(SQUARE, x, y) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("hole", "expected"),
    [
        # Ø10 at x = 30: 30 − 5 = 25 mm of glass to the left edge
        (Hole(10, 30, 50), 25.0),
        # Ø20 at x = 5: 5 − 10 = −5, the hole cuts through the edge
        (Hole(20, 5, 50), -5.0),
    ],
)
def test_hole_edge_clearance(hole, expected):
    assert geometry.hole_edge_clearance(SQUARE, hole) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        # centres 50 mm apart (30, 40, 50 triangle) − 5 − 10 = 35 mm
        (Hole(10, 100, 100), Hole(20, 130, 140), 35.0),
        # centres 8 mm apart − 5 − 5 = −2: they overlap
        (Hole(10, 100, 100), Hole(10, 108, 100), -2.0),
    ],
)
def test_holes_clearance(first, second, expected):
    assert geometry.holes_clearance(first, second) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("cutout", "expected"),
    [
        # 40 × 20 at (30, 40): nearest corner (30, 40) is 30 mm from the left
        (Cutout(40, 20, 30, 40), 30.0),
        # 20 × 20 at (70, 10): corner (90, 10) is 10 from the right and the bottom
        (Cutout(20, 20, 70, 10), 10.0),
        # sticks out of the right edge: corner (110, 60) is 10 mm outside
        (Cutout(20, 20, 90, 40), -10.0),
        # bigger than the glass: the outline's corners fall inside the cutout
        (Cutout(200, 200, -50, -50), -1.0),
    ],
)
def test_cutout_edge_clearance(cutout, expected):
    assert geometry.cutout_edge_clearance(SQUARE, cutout) == pytest.approx(expected)


def test_cutout_edge_clearance_on_a_circle_is_taken_at_the_corners(make_spec):
    spec = make_spec("mirror4", 600, 600, shape="circle")
    points = geometry.outline(spec)
    # 200 × 200 centred: corner (400, 400) is 100·√2 = 141.42 mm from the centre,
    # 300 − 141.42 = 158.58 mm from the circle (the polygon is 0.02 mm inside it)
    clearance = geometry.cutout_edge_clearance(points, Cutout(200, 200, 200, 200))
    assert clearance == pytest.approx(300 - 100 * math.sqrt(2), abs=0.05)


@pytest.mark.parametrize(
    ("width", "height", "sheets", "rotate", "expected"),
    [
        (1000, 500, ((3210, 2250),), True, True),
        # exactly the sheet
        (3210, 2250, ((3210, 2250),), False, True),
        # only fits rotated
        (2250, 3210, ((3210, 2250),), True, True),
        (2250, 3210, ((3210, 2250),), False, False),
        # too large either way
        (3300, 1000, ((3210, 2250),), True, False),
        # the second sheet takes it
        (3000, 3000, ((3210, 2250), (6000, 3210)), False, True),
        # no sheets at all
        (100, 100, (), True, False),
    ],
)
def test_fits_sheet(width, height, sheets, rotate, expected):
    assert geometry.fits_sheet(width, height, sheets, rotate) is expected


@pytest.mark.parametrize(
    ("sheets", "expected"),
    [
        (((3210, 2250),), (3210, 2250)),
        # 6000 × 3210 = 19.26 m² beats 3210 × 2250 = 7.22 m²
        (((3210, 2250), (6000, 3210), (2000, 1000)), (6000, 3210)),
        ((), None),
    ],
)
def test_largest_sheet(sheets, expected):
    assert geometry.largest_sheet(sheets) == expected


@pytest.mark.parametrize(
    ("quantity", "pieces"),
    [
        (3, 3),
        (2.0, 2),
        (0, 0),
        (-4, 0),
        (None, 0),
        (float("nan"), 0),
        (float("inf"), 0),
        (float("-inf"), 0),
        (True, 0),
        ("5", 0),
    ],
)
def test_piece_count(quantity, pieces):
    # NaN or ∞ from an API used to crash int() in pricing and routing
    assert geometry.piece_count(quantity) == pieces


@pytest.mark.parametrize(
    ("shape", "width", "height", "radius"),
    [
        # a negative size made Ramanujan's square root negative: math domain error
        ("circle", 500, -300, 0),
        ("oval", -2775868368.0, 268945014.0, 0),
        # width + height = 0 divided the circle's edge between the sides by zero
        ("circle", 5, -5, 0),
        # x ** 2 raises OverflowError where x * x is infinite
        ("circle", 1e200, 1e200, 0),
        ("rounded", 1000, 500, 1e200),
    ],
)
def test_measures_of_a_spec_not_yet_valid_never_raise(
    make_spec, shape, width, height, radius
):
    """A form being filled in is measured (and priced) before it is validated."""
    spec = make_spec("mirror4", width, height, shape=shape, corner_radius=radius)
    geometry.area(spec)
    geometry.perimeter(spec)
    geometry.edge_lengths(spec)
