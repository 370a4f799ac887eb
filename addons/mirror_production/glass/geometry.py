# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Geometry of a glass piece: areas, edge lengths, outline and distances.

Sizes are millimetres in, m² and metres out. Holes and cutouts are placed from
the bottom-left corner of the piece's bounding rectangle.
"""

import math
from collections import OrderedDict

from .spec import (
    SHAPE_CIRCLE,
    SHAPE_OVAL,
    SHAPE_ROUNDED,
    SIDES,
)

MM2_PER_M2 = 1_000_000.0
MM_PER_M = 1000.0
OUTLINE_SEGMENTS = 256


def piece_count(quantity):
    """The whole number of pieces of a line: 0 for what is not a finite number.

    Pricing and routing may be asked about a spec that validation refused (a form
    being filled in); NaN or infinity from an API must not crash ``int()``.
    """
    if isinstance(quantity, bool) or not isinstance(quantity, int | float):
        return 0
    if not math.isfinite(quantity):
        return 0
    return max(int(quantity), 0)


def bounding_area(spec):
    """Area of the bounding rectangle in m² (the glass actually cut off a sheet)."""
    return spec.width * spec.height / MM2_PER_M2


def area(spec):
    """Real area of the piece in m²."""
    width, height = spec.width, spec.height
    if spec.shape == SHAPE_CIRCLE:
        return math.pi * (width / 2.0) * (width / 2.0) / MM2_PER_M2
    if spec.shape == SHAPE_OVAL:
        return math.pi * width * height / 4.0 / MM2_PER_M2
    if spec.shape == SHAPE_ROUNDED:
        radius = spec.corner_radius
        return (width * height - (4.0 - math.pi) * radius * radius) / MM2_PER_M2
    return width * height / MM2_PER_M2


def billable_area(spec, rules):
    """Area billed per piece: the bounding rectangle, at least the minimum."""
    return max(bounding_area(spec), rules.min_billable_area)


def ellipse_perimeter(width, height):
    """Ramanujan's second approximation, exact for a circle."""
    # a negative size is refused by validation, but a form being filled in is
    # measured before it is valid: never a math domain error
    a, b = abs(width) / 2.0, abs(height) / 2.0
    if not a + b:
        return 0.0
    h = ((a - b) / (a + b)) ** 2
    return math.pi * (a + b) * (1 + 3 * h / (10 + math.sqrt(4 - 3 * h)))


def side_lengths(spec):
    """Straight and curved length in metres of each side's edge.

    A circle or an oval has one curved edge, shared out between the four sides
    in proportion to their length so that per-side edge work still adds up.
    A rounded rectangle's corner arcs are curved and split half to each side.
    Custom shapes are measured on their bounding rectangle.
    """
    width, height = spec.width, spec.height
    lengths = OrderedDict()
    if spec.shape in (SHAPE_CIRCLE, SHAPE_OVAL):
        perimeter = ellipse_perimeter(width, height)
        half = abs(width) + abs(height)
        for side in SIDES:
            side_length = abs(width if side in ("bottom", "top") else height)
            share = side_length / (2 * half) if half else 0.0
            lengths[side] = (0.0, perimeter * share / MM_PER_M)
        return lengths
    radius = spec.corner_radius if spec.shape == SHAPE_ROUNDED else 0.0
    arc = math.pi * radius / 2.0  # two halves of quarter arcs
    for side in SIDES:
        straight = (width if side in ("bottom", "top") else height) - 2 * radius
        lengths[side] = (max(straight, 0.0) / MM_PER_M, arc / MM_PER_M)
    return lengths


def perimeter(spec):
    """Perimeter of the piece in metres."""
    return sum(straight + curved for straight, curved in side_lengths(spec).values())


def edge_lengths(spec):
    """Length in metres per edge operation: ``{operation: (straight, curved)}``."""
    result = OrderedDict()
    for side, (straight, curved) in side_lengths(spec).items():
        operation = spec.edge(side)
        if not operation:
            continue
        done_straight, done_curved = result.get(operation, (0.0, 0.0))
        result[operation] = (done_straight + straight, done_curved + curved)
    return result


def weight(spec, rules):
    """Weight of one piece in kg."""
    return area(spec) * spec.thickness * rules.weight_per_m2_mm


def rounded_corner_count(spec):
    return 4 if spec.shape == SHAPE_ROUNDED and spec.corner_radius > 0 else 0


def outline(spec, segments=OUTLINE_SEGMENTS):
    """The outline as a counter-clockwise list of (x, y) points, in mm."""
    width, height = spec.width, spec.height
    if spec.shape in (SHAPE_CIRCLE, SHAPE_OVAL):
        a, b = width / 2.0, height / 2.0
        return [
            (
                a + a * math.cos(2 * math.pi * i / segments),
                b + b * math.sin(2 * math.pi * i / segments),
            )
            for i in range(segments)
        ]
    radius = spec.corner_radius if spec.shape == SHAPE_ROUNDED else 0.0
    if radius <= 0:
        return [(0.0, 0.0), (width, 0.0), (width, height), (0.0, height)]
    points = []
    quarter = max(segments // 4, 2)
    centres = (
        (width - radius, radius, -90),
        (width - radius, height - radius, 0),
        (radius, height - radius, 90),
        (radius, radius, 180),
    )
    for cx, cy, start in centres:
        for i in range(quarter + 1):
            angle = math.radians(start + 90.0 * i / quarter)
            points.append(
                (cx + radius * math.cos(angle), cy + radius * math.sin(angle))
            )
    return points


def _segment_distance(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    t = (
        0.0
        if not length2
        else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length2))
    )
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def contains(points, x, y):
    """Whether (x, y) lies inside the polygon (ray casting)."""
    inside = False
    count = len(points)
    for i in range(count):
        ax, ay = points[i]
        bx, by = points[(i + 1) % count]
        if (ay > y) != (by > y):
            cross = ax + (y - ay) * (bx - ax) / (by - ay)
            if x < cross:
                inside = not inside
    return inside


def distance_to_outline(points, x, y):
    """Signed distance from (x, y) to the outline: positive inside, negative outside."""
    count = len(points)
    distance = min(
        _segment_distance(x, y, *points[i], *points[(i + 1) % count])
        for i in range(count)
    )
    return distance if contains(points, x, y) else -distance


def hole_edge_clearance(points, hole):
    """Distance from a hole's edge to the glass edge in mm (negative: it cuts
    through).
    """
    return distance_to_outline(points, hole.x, hole.y) - hole.diameter / 2.0


def holes_clearance(first, second):
    """Distance in mm between the edges of two holes (negative when they overlap)."""
    return (
        math.hypot(first.x - second.x, first.y - second.y)
        - first.diameter / 2.0
        - second.diameter / 2.0
    )


def cutout_corners(cutout):
    return [
        (cutout.x, cutout.y),
        (cutout.x + cutout.width, cutout.y),
        (cutout.x + cutout.width, cutout.y + cutout.height),
        (cutout.x, cutout.y + cutout.height),
    ]


def cutout_edge_clearance(points, cutout):
    """Smallest distance in mm from the cutout's rectangle to the glass edge."""
    corners = cutout_corners(cutout)
    clearance = min(distance_to_outline(points, x, y) for x, y in corners)
    # the outline may bulge into the rectangle between its corners
    for px, py in points:
        if (
            cutout.x < px < cutout.x + cutout.width
            and cutout.y < py < cutout.y + cutout.height
        ):
            return -1.0
    return clearance


def fits_sheet(width, height, sheets, rotate):
    """Whether a width × height rectangle fits on one of the sheets."""
    for sheet_width, sheet_height in sheets:
        if width <= sheet_width and height <= sheet_height:
            return True
        if rotate and height <= sheet_width and width <= sheet_height:
            return True
    return False


def largest_sheet(sheets):
    if not sheets:
        return None
    return max(sheets, key=lambda sheet: sheet[0] * sheet[1])
