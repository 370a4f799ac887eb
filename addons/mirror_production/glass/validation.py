# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Validation of a glass piece specification.

:func:`validate` returns a list of :class:`Issue`; an empty list means the spec
can be made. Each issue carries an English message template marked for
translation, its parameters, and the field it is about, so that every caller
(backend form, portal, bot, API) shows the same clear message in the user's
language: what is wrong and how to fix it.
"""

import math
from dataclasses import dataclass, field

from . import geometry
from .i18n import _lt
from .spec import (
    BASES,
    SHAPE_CIRCLE,
    SHAPE_CUSTOM,
    SHAPE_OVAL,
    SHAPE_ROUNDED,
    SHAPES,
    SIDES,
)


def fmt(number):
    """A number as a workshop writes it: 4, 2.5, 0.25 (no trailing zeros)."""
    if number is None:
        return ""
    if float(number).is_integer():
        return str(int(number))
    return f"{number:.3f}".rstrip("0").rstrip(".")


@dataclass(frozen=True)
class Issue:
    code: str
    message: str
    params: dict = field(default_factory=dict)
    field: str = ""

    def render(self, translate=None):
        """The message in the caller's language (``translate`` maps a template)."""
        template = translate(self.message) if translate else self.message
        return template % self.params if self.params else template


MORE_MESSAGE = _lt(
    "…and %(count)s more problems of the same kind. Check the list again once the "
    "ones above are fixed."
)


class _Collector:
    """The issues found so far, at most ``limit`` per rule (issue code).

    Past the limit an issue is only counted, so that a request with a thousand
    clashing holes answers with a few examples and one "and N more" issue instead
    of a million messages.
    """

    def __init__(self, limit=None):
        self.issues = []
        self.limit = limit
        self.counts = {}

    def add(self, code, message, field_name="", **params):
        count = self.counts.get(code, 0) + 1
        self.counts[code] = count
        if self.limit is not None and count > self.limit:
            return
        self.issues.append(
            Issue(code, message, {k: _param(v) for k, v in params.items()}, field_name)
        )

    def finish(self):
        """The issues, each capped rule followed by its "and N more" issue."""
        if self.limit is None:
            return self.issues
        last = {issue.code: index for index, issue in enumerate(self.issues)}
        result = []
        for index, issue in enumerate(self.issues):
            result.append(issue)
            hidden = self.counts[issue.code] - self.limit
            if hidden > 0 and last[issue.code] == index:
                result.append(
                    Issue("more", MORE_MESSAGE, {"count": fmt(hidden)}, issue.field)
                )
        return result


def _param(value):
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return fmt(value)
    return value


def is_number(value, rules=None):
    """Whether ``value`` is a finite number (below ``rules.max_number`` if given).

    NaN and infinity come in through JSON-RPC and XML-RPC; they compare False with
    everything, so a check written ``value < minimum`` would let them through.
    """
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    if not math.isfinite(value):
        return False
    return rules is None or abs(value) <= rules.max_number


def validate_counts(holes, cutouts, rules):
    """The issues of a piece with more holes or cutouts than ``rules`` allow.

    Checked before anything else: the checks between holes compare every pair.
    """
    out = _Collector()
    if holes > rules.max_holes:
        out.add(
            "holes_max",
            _lt(
                "A piece can have at most %(max)s holes, and this one has %(count)s. "
                "Check the holes: remove the duplicates, or split the piece (the "
                "limit is a sales setting)."
            ),
            "holes",
            count=holes,
            max=rules.max_holes,
        )
    if cutouts > rules.max_cutouts:
        out.add(
            "cutouts_max",
            _lt(
                "A piece can have at most %(max)s cutouts, and this one has "
                "%(count)s. Check the cutouts: remove the duplicates, or split the "
                "piece (the limit is a sales setting)."
            ),
            "cutouts",
            count=cutouts,
            max=rules.max_cutouts,
        )
    return out.issues


def validate_lines(count, rules):
    """The issue of a request (an order) with more glass lines than ``rules`` allow."""
    out = _Collector()
    if count > rules.max_lines:
        out.add(
            "lines_max",
            _lt(
                "An order can have at most %(max)s glass lines, and this one would "
                "have %(count)s. Split it into several orders (the limit is a sales "
                "setting)."
            ),
            "order_line",
            count=count,
            max=rules.max_lines,
        )
    return out.issues


def validate(spec, rules):
    """All the problems of ``spec`` under ``rules`` (empty when it is valid).

    Too many holes or cutouts give that one issue and nothing else; each rule
    lists at most ``rules.max_issues_per_rule`` issues, then how many more.
    """
    counts = validate_counts(len(spec.holes or ()), len(spec.cutouts or ()), rules)
    if counts:
        return counts
    out = _Collector(rules.max_issues_per_rule)
    material = spec.material
    width, height = spec.width or 0.0, spec.height or 0.0
    thickness = material.thickness

    quantity = spec.quantity
    if (
        not is_number(quantity)  # NaN or ∞ from an API would crash int()
        or quantity < 1
        or quantity != int(quantity)
    ):
        out.add(
            "quantity",
            _lt(
                "The quantity must be a whole number of pieces, at least 1 (got "
                "%(qty)s). "
                "Enter how many identical pieces to make."
            ),
            "quantity",
            qty=spec.quantity if spec.quantity is not None else 0,
        )
    elif spec.quantity > rules.max_quantity:
        out.add(
            "quantity_max",
            _lt(
                "%(qty)s identical pieces on one line is more than the %(max)s "
                "allowed. "
                "Check the quantity or split the order into several lines."
            ),
            "quantity",
            qty=spec.quantity,
            max=rules.max_quantity,
        )

    thickness_ok = is_number(thickness) and thickness > 0
    if not thickness_ok:
        out.add(
            "thickness",
            _lt(
                "The material %(material)s has no thickness. Set its thickness in mm "
                "on the "
                "material."
            ),
            "material",
            material=material.name,
        )
    if not (is_number(width, rules) and is_number(height, rules)):
        out.add(
            "size_number",
            _lt(
                "Width and height must be numbers of millimetres (got %(width)s × "
                "%(height)s). Enter the size of the piece in millimetres."
            ),
            "width",
            width=width,
            height=height,
        )
        return out.finish()
    if not (width > 0 and height > 0):
        out.add(
            "size_positive",
            _lt(
                "Width and height must be positive (got %(width)s × %(height)s mm). "
                "Enter the size of the piece in millimetres."
            ),
            "width",
            width=width,
            height=height,
        )
        return out.finish()
    if min(width, height) < rules.min_side:
        out.add(
            "size_min",
            _lt(
                "A piece of %(width)s × %(height)s mm is too narrow: glass cannot be "
                "cut "
                "narrower than %(min)s mm. Check that the size is in millimetres, not "
                "centimetres."
            ),
            "width",
            width=width,
            height=height,
            min=rules.min_side,
        )
    if max(width, height) > rules.max_side:
        out.add(
            "size_max",
            _lt(
                "A piece of %(width)s × %(height)s mm is larger than %(max)s mm, the "
                "largest "
                "glass made. Check that the size is in millimetres."
            ),
            "width",
            width=width,
            height=height,
            max=rules.max_side,
        )
    _validate_sheet(spec, out)
    if spec.shape not in SHAPES:
        out.add(
            "shape",
            _lt(
                "Unknown shape %(shape)s. Choose rectangle, rounded, circle, oval or "
                "custom."
            ),
            "shape",
            shape=spec.shape,
        )
    _validate_shape(spec, rules, out)
    _validate_operations(spec, out)
    _validate_edges(spec, out)
    if thickness_ok:
        holes = _validate_holes(spec, rules, out)
        _validate_cutouts(spec, rules, holes, out)
    _validate_tempering(spec, rules, out)
    return out.finish()


def _validate_sheet(spec, out):
    material = spec.material
    sheets = [tuple(sheet) for sheet in material.sheets]
    if not sheets:
        out.add(
            "no_sheet",
            _lt(
                "The material %(material)s has no stock sheet size. Add its sheet "
                "sizes on "
                "the material before selling it."
            ),
            "material",
            material=material.name,
        )
        return
    if geometry.fits_sheet(
        spec.width, spec.height, sheets, rotate=not material.directional
    ):
        return
    sheet = geometry.largest_sheet(sheets)
    if material.directional:
        message = _lt(
            "A piece of %(width)s × %(height)s mm does not fit on a sheet of "
            "%(material)s "
            "(largest sheet %(sheet_width)s × %(sheet_height)s mm). This glass has a "
            "direction and cannot be rotated: swap width and height only if the "
            "pattern "
            "allows it, split the piece or choose another material."
        )
    else:
        message = _lt(
            "A piece of %(width)s × %(height)s mm does not fit on a sheet of "
            "%(material)s, "
            "even rotated (largest sheet %(sheet_width)s × %(sheet_height)s mm). Split "
            "the "
            "piece or choose another material."
        )
    out.add(
        "sheet",
        message,
        "width",
        width=spec.width,
        height=spec.height,
        material=material.name,
        sheet_width=sheet[0],
        sheet_height=sheet[1],
    )


def _validate_shape(spec, rules, out):
    width, height = spec.width, spec.height
    radius = spec.corner_radius or 0.0
    if spec.shape == SHAPE_CIRCLE and abs(width - height) > 0.05:
        out.add(
            "circle",
            _lt(
                "A circle has one diameter, but width and height differ (%(width)s × "
                "%(height)s mm). Enter the diameter as both width and height, or "
                "choose "
                "the oval shape."
            ),
            "height",
            width=width,
            height=height,
        )
    if spec.shape == SHAPE_ROUNDED:
        limit = min(width, height) / 2.0
        if not (is_number(radius) and 0 < radius <= limit):
            out.add(
                "corner_radius",
                _lt(
                    "The corner radius must be more than 0 and at most %(max)s mm "
                    "(half the "
                    "shorter side) for a %(width)s × %(height)s mm piece; got "
                    "%(radius)s mm. "
                    "Enter a radius in that range, or choose the rectangle shape."
                ),
                "corner_radius",
                max=limit,
                width=width,
                height=height,
                radius=radius,
            )
    elif not is_number(radius, rules):
        out.add(
            "corner_radius_number",
            _lt(
                "The corner radius must be a number of millimetres (got %(radius)s). "
                "Enter 0 for a piece without rounded corners."
            ),
            "corner_radius",
            radius=radius,
        )
    if spec.shape == SHAPE_CUSTOM and not spec.has_drawing:
        out.add(
            "drawing",
            _lt(
                "A custom shape needs its drawing: attach the drawing (PDF, DXF or "
                "image) "
                "to the line."
            ),
            "drawing",
        )
    if not is_number(spec.shape_surcharge, rules):
        out.add(
            "surcharge",
            _lt(
                "The shape surcharge must be a number of at most %(max)s (got "
                "%(amount)s). Enter 0 or the extra price per piece."
            ),
            "shape_surcharge",
            amount=spec.shape_surcharge,
            max=rules.max_number,
        )
    elif spec.shape_surcharge < 0:
        out.add(
            "surcharge",
            _lt(
                "The shape surcharge cannot be negative (got %(amount)s). Enter 0 or "
                "the "
                "extra price per piece."
            ),
            "shape_surcharge",
            amount=spec.shape_surcharge,
        )
    if not is_number(spec.urgency_percent, rules):
        out.add(
            "urgency",
            _lt(
                "The urgency surcharge must be a number of at most %(max)s %% (got "
                "%(percent)s %%). Enter 0 or the surcharge in percent."
            ),
            "urgency",
            percent=spec.urgency_percent,
            max=rules.max_number,
        )
    elif spec.urgency_percent < 0:
        out.add(
            "urgency",
            _lt(
                "The urgency surcharge cannot be negative (got %(percent)s %%). Enter "
                "0 or "
                "the surcharge in percent."
            ),
            "urgency",
            percent=spec.urgency_percent,
        )


def _validate_operations(spec, out):
    thickness = spec.thickness
    for operation in spec.all_operations():
        if operation.basis not in BASES:
            out.add(
                "basis",
                _lt(
                    "The operation %(operation)s has an unknown pricing basis "
                    "%(basis)s. Set "
                    "its basis to area, length, piece, unit or fixed."
                ),
                "operations",
                operation=operation.name,
                basis=operation.basis,
            )
        if not operation.allows_thickness(thickness):
            out.add(
                "operation_thickness",
                _lt(
                    "%(operation)s is done on glass %(min)s–%(max)s mm thick, and "
                    "%(material)s is %(thickness)s mm. Remove the operation or choose "
                    "another material."
                ),
                "operations",
                operation=operation.name,
                min=operation.thickness_min,
                max=operation.thickness_max or "∞",
                material=spec.material.name,
                thickness=thickness,
            )
        elif operation.band(thickness) is None:
            out.add(
                "operation_price",
                _lt(
                    "%(operation)s has no price for %(thickness)s mm glass. Add a "
                    "price "
                    "for this thickness to the operation."
                ),
                "operations",
                operation=operation.name,
                thickness=thickness,
            )


def _validate_edges(spec, out):
    width, height = spec.width, spec.height
    shorter = min(width, height)
    seen = []
    for side in SIDES:
        operation = spec.edge(side)
        if operation is None or operation in seen:
            continue
        seen.append(operation)
        if operation.category != "edge":
            out.add(
                "edge_operation",
                _lt(
                    "%(operation)s is not edge work, so it cannot be set on an edge "
                    "of the glass. Choose an edge operation (arrised, ground, "
                    "polished or facet), or none."
                ),
                "edges",
                operation=operation.name,
            )
    if spec.shape in (SHAPE_CIRCLE, SHAPE_OVAL):
        edges = {spec.edge(side) for side in SIDES}
        if len(edges) > 1:
            out.add(
                "round_edges",
                _lt(
                    "A round or oval piece has one continuous edge: set the same edge "
                    "work "
                    "on all sides (use 'All sides')."
                ),
                "edges",
            )
    facets = {spec.edge(side) for side in SIDES if spec.edge(side)}
    for operation in facets:
        facet = operation.facet_width
        if operation.edge_type == "facet" and facet and 2 * facet >= shorter:
            out.add(
                "facet_width",
                _lt(
                    "A %(facet)s mm facet is too wide for a piece whose shorter side "
                    "is "
                    "%(side)s mm: facets on opposite sides would meet. Use a facet of "
                    "at "
                    "most %(max)s mm or a larger piece."
                ),
                "edges",
                facet=facet,
                side=shorter,
                max=max(math.floor((shorter - 1) / 2.0), 0),
            )


def _validate_holes(spec, rules, out):
    """Check the holes; return ``[(index, hole)]`` of those with usable numbers."""
    thickness = spec.thickness
    min_diameter = thickness * rules.hole_min_diameter_factor
    clearance = thickness * rules.hole_edge_distance_factor
    points = geometry.outline(spec)
    placed = []
    for index, hole in enumerate(spec.holes, start=1):
        if not all(is_number(v, rules) for v in (hole.diameter, hole.x, hole.y)):
            out.add(
                "hole_number",
                _lt(
                    "Hole %(index)s: its diameter and position must be numbers of "
                    "millimetres (got Ø%(diameter)s at x=%(x)s, y=%(y)s). Enter them "
                    "in millimetres."
                ),
                "holes",
                index=index,
                diameter=hole.diameter,
                x=hole.x,
                y=hole.y,
            )
            continue
        placed.append((index, hole))
        if not (hole.diameter >= min_diameter and hole.diameter > 0):
            out.add(
                "hole_diameter",
                _lt(
                    "Hole %(index)s: a Ø%(diameter)s mm hole is smaller than the glass "
                    "thickness (%(thickness)s mm), so the drill would break the glass. "
                    "Use "
                    "a diameter of at least %(min)s mm."
                ),
                "holes",
                index=index,
                diameter=hole.diameter,
                thickness=thickness,
                min=min_diameter,
            )
            continue
        if hole.operation is None:
            out.add(
                "hole_operation",
                _lt(
                    "Hole %(index)s: no drilling operation makes a Ø%(diameter)s mm "
                    "hole in "
                    "%(thickness)s mm glass. Choose another diameter or add a drilling "
                    "operation for it to the catalog."
                ),
                "holes",
                index=index,
                diameter=hole.diameter,
                thickness=thickness,
            )
        elif hole.operation.category != "drilling":
            out.add(
                "hole_operation_category",
                _lt(
                    "Hole %(index)s: %(operation)s is not a drilling operation. Choose "
                    "the drilling operation for a Ø%(diameter)s mm hole."
                ),
                "holes",
                index=index,
                operation=hole.operation.name,
                diameter=hole.diameter,
            )
        elif not hole.operation.covers_size(hole.diameter):
            out.add(
                "hole_operation_size",
                _lt(
                    "Hole %(index)s: %(operation)s drills holes of Ø%(min)s–%(max)s "
                    "mm, not "
                    "Ø%(diameter)s mm. Choose the drilling operation for this diameter."
                ),
                "holes",
                index=index,
                operation=hole.operation.name,
                min=hole.operation.size_min,
                max=hole.operation.size_max or "∞",
                diameter=hole.diameter,
            )
        edge = geometry.hole_edge_clearance(points, hole)
        if not edge >= clearance:
            out.add(
                "hole_edge",
                _lt(
                    "Hole %(index)s (Ø%(diameter)s mm at x=%(x)s, y=%(y)s) is "
                    "%(distance)s mm "
                    "from the edge of the glass; it must be at least %(min)s mm (2 × "
                    "thickness). Move the hole towards the middle of the piece."
                ),
                "holes",
                index=index,
                diameter=hole.diameter,
                x=hole.x,
                y=hole.y,
                distance=round(edge, 1),
                min=clearance,
            )
    # every pair: validate_counts has bounded the number of holes
    for position, (first_index, first) in enumerate(placed):
        for second_index, second in placed[position + 1 :]:
            gap = geometry.holes_clearance(first, second)
            if not gap >= clearance:
                out.add(
                    "hole_distance",
                    _lt(
                        "Holes %(first)s and %(second)s are %(distance)s mm apart "
                        "(edge to "
                        "edge); they must be at least %(min)s mm apart (2 × "
                        "thickness). Move "
                        "one of them."
                    ),
                    "holes",
                    first=first_index,
                    second=second_index,
                    distance=round(gap, 1),
                    min=clearance,
                )
    return placed


def _validate_cutouts(spec, rules, holes, out):
    thickness = spec.thickness
    clearance = thickness * rules.hole_edge_distance_factor
    points = geometry.outline(spec)
    for index, cutout in enumerate(spec.cutouts, start=1):
        numbers = (cutout.width, cutout.height, cutout.x, cutout.y)
        if not all(is_number(value, rules) for value in numbers):
            out.add(
                "cutout_number",
                _lt(
                    "Cutout %(index)s: its size and position must be numbers of "
                    "millimetres (got %(width)s × %(height)s at x=%(x)s, y=%(y)s). "
                    "Enter them in millimetres."
                ),
                "cutouts",
                index=index,
                width=cutout.width,
                height=cutout.height,
                x=cutout.x,
                y=cutout.y,
            )
            continue
        if not (cutout.width > 0 and cutout.height > 0):
            out.add(
                "cutout_size",
                _lt(
                    "Cutout %(index)s must have a positive size (got %(width)s × "
                    "%(height)s "
                    "mm). Enter its width and height in millimetres."
                ),
                "cutouts",
                index=index,
                width=cutout.width,
                height=cutout.height,
            )
            continue
        if cutout.operation is None:
            out.add(
                "cutout_operation",
                _lt(
                    "Cutout %(index)s: no cutout operation makes a %(width)s × "
                    "%(height)s mm "
                    "cutout in %(thickness)s mm glass. Add one to the catalog."
                ),
                "cutouts",
                index=index,
                width=cutout.width,
                height=cutout.height,
                thickness=thickness,
            )
        elif cutout.operation.category != "cutout":
            out.add(
                "cutout_operation_category",
                _lt(
                    "Cutout %(index)s: %(operation)s is not a cutout operation. Choose "
                    "a cutout operation for it."
                ),
                "cutouts",
                index=index,
                operation=cutout.operation.name,
            )
        edge = geometry.cutout_edge_clearance(points, cutout)
        if not edge >= clearance:
            out.add(
                "cutout_edge",
                _lt(
                    "Cutout %(index)s (%(width)s × %(height)s mm at x=%(x)s, y=%(y)s) "
                    "must "
                    "stay at least %(min)s mm (2 × thickness) inside the edge of the "
                    "glass. "
                    "Move it or make it smaller; a notch in the edge is a custom shape."
                ),
                "cutouts",
                index=index,
                width=cutout.width,
                height=cutout.height,
                x=cutout.x,
                y=cutout.y,
                min=clearance,
            )
        corners = geometry.cutout_corners(cutout)
        for hole_index, hole in holes:
            inside = geometry.distance_to_outline(corners, hole.x, hole.y)
            if not inside <= -(hole.diameter / 2.0 + clearance):
                out.add(
                    "cutout_hole",
                    _lt(
                        "Hole %(hole)s is closer than %(min)s mm (2 × thickness) to "
                        "cutout "
                        "%(index)s. Move the hole or the cutout."
                    ),
                    "holes",
                    hole=hole_index,
                    index=index,
                    min=clearance,
                )


def _validate_tempering(spec, rules, out):
    if not spec.tempered():
        return
    material = spec.material
    if not material.temperable:
        out.add(
            "temper_material",
            _lt(
                "%(material)s cannot be tempered. Remove tempering or choose a "
                "temperable glass."
            ),
            "operations",
            material=material.name,
        )
        return
    shorter, longer = sorted((spec.width, spec.height))
    if shorter < rules.furnace_min_short or longer < rules.furnace_min_long:
        out.add(
            "temper_min",
            _lt(
                "A piece of %(width)s × %(height)s mm is too small for the tempering "
                "furnace "
                "(at least %(min_short)s × %(min_long)s mm). Remove tempering or make "
                "the "
                "piece larger."
            ),
            "operations",
            width=spec.width,
            height=spec.height,
            min_short=rules.furnace_min_short,
            min_long=rules.furnace_min_long,
        )
    if shorter > rules.furnace_max_short or longer > rules.furnace_max_long:
        out.add(
            "temper_max",
            _lt(
                "A piece of %(width)s × %(height)s mm is too large for the tempering "
                "furnace "
                "(at most %(max_short)s × %(max_long)s mm). Remove tempering or split "
                "the "
                "piece."
            ),
            "operations",
            width=spec.width,
            height=spec.height,
            max_short=rules.furnace_max_short,
            max_long=rules.furnace_max_long,
        )
