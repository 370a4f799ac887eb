# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Value objects describing a glass piece specification.

All sizes are in millimetres, areas in m², lengths in metres and money in the
company currency. The objects are immutable so they can be shared and cached.
"""

from dataclasses import dataclass, field

from .i18n import _lt

SIDES = ("bottom", "right", "top", "left")

# Every choice below is defined once, here, with its English label: the Odoo models
# build their selection fields from these dicts (``list(SHAPE_LABELS.items())``), and
# the pure package checks values against their keys.
SHAPE_RECTANGLE = "rectangle"
SHAPE_ROUNDED = "rounded"
SHAPE_CIRCLE = "circle"
SHAPE_OVAL = "oval"
SHAPE_CUSTOM = "custom"
SHAPE_LABELS = {
    SHAPE_RECTANGLE: _lt("Rectangle"),
    SHAPE_ROUNDED: _lt("Rectangle with rounded corners"),
    SHAPE_CIRCLE: _lt("Circle"),
    SHAPE_OVAL: _lt("Oval"),
    SHAPE_CUSTOM: _lt("Custom shape (drawing)"),
}
SHAPES = tuple(SHAPE_LABELS)

# What an operation's price is multiplied by.
BASIS_AREA = "area"  # billable m² of the piece
BASIS_LENGTH = "length"  # linear metres (edges: the sides it is applied to)
BASIS_PIECE = "piece"  # each glass piece
BASIS_UNIT = "unit"  # each hole, cutout or rounded corner
BASIS_FIXED = "fixed"  # once per order line
BASIS_LABELS = {
    BASIS_AREA: _lt("Per m²"),
    BASIS_LENGTH: _lt("Per linear metre"),
    BASIS_PIECE: _lt("Per piece"),
    BASIS_UNIT: _lt("Per hole / cutout / corner"),
    BASIS_FIXED: _lt("Fixed per line"),
}
BASES = tuple(BASIS_LABELS)

# Operation categories, in technological order.
CATEGORY_LABELS = {
    "cutting": _lt("Cutting"),
    "edge": _lt("Edge work"),
    "drilling": _lt("Drilling"),
    "cutout": _lt("Cutout"),
    "corner": _lt("Corner rounding"),
    "facet": _lt("Facet"),
    "sandblasting": _lt("Sandblasting / matting"),
    "uv_print": _lt("UV print"),
    "tempering": _lt("Tempering"),
    "lamination": _lt("Lamination"),
    "film": _lt("Safety film"),
    "qc": _lt("Quality check"),
    "packing": _lt("Packing"),
    "other": _lt("Other"),
}
CATEGORIES = tuple(CATEGORY_LABELS)
# categories a line states in its own fields (edges per side, holes, cutouts); the
# others are chosen on the line as extra operations
LINE_FIELD_CATEGORIES = ("edge", "drilling", "cutout")
EXTRA_CATEGORIES = tuple(c for c in CATEGORIES if c not in LINE_FIELD_CATEGORIES)

EDGE_TYPE_LABELS = {
    "arrised": _lt("Arrised"),
    "ground": _lt("Ground"),
    "polished": _lt("Polished"),
    "facet": _lt("Facet"),
}
EDGE_TYPES = tuple(EDGE_TYPE_LABELS)


@dataclass(frozen=True)
class PriceBand:
    """Price and cost of an operation for a range of glass thickness.

    ``thickness_max`` of 0 means no upper bound.
    """

    thickness_min: float = 0.0
    thickness_max: float = 0.0
    price: float = 0.0
    cost: float = 0.0

    def covers(self, thickness):
        return thickness >= self.thickness_min and (
            not self.thickness_max or thickness <= self.thickness_max
        )


@dataclass(frozen=True)
class Operation:
    """A processing operation of the catalog (edge work, drilling, tempering…)."""

    name: str
    category: str = "other"
    basis: str = BASIS_PIECE
    bands: tuple = ()
    key: object = None
    code: str = ""
    min_charge: float = 0.0
    thickness_min: float = 0.0
    thickness_max: float = 0.0
    size_min: float = 0.0
    size_max: float = 0.0
    edge_type: str = ""
    facet_width: float = 0.0
    curved_factor: float = 1.0
    time_norm: float = 0.0  # minutes per unit of the basis
    time_setup: float = 0.0  # minutes per order line

    def band(self, thickness):
        """The price band for ``thickness``, or ``None`` when none covers it."""
        for band in self.bands:
            if band.covers(thickness):
                return band
        return None

    def allows_thickness(self, thickness):
        return thickness >= self.thickness_min and (
            not self.thickness_max or thickness <= self.thickness_max
        )

    def covers_size(self, size):
        return size >= self.size_min and (not self.size_max or size <= self.size_max)


@dataclass(frozen=True)
class Material:
    """A glass material (a product sold by m²)."""

    name: str
    thickness: float
    price_m2: float = 0.0
    cost_m2: float = 0.0
    kind: str = "float"
    directional: bool = False
    temperable: bool = True
    sheets: tuple = ()  # ((width, height), ...) in mm
    min_line_price: float = 0.0


@dataclass(frozen=True)
class Hole:
    """A drilled hole: diameter and centre position from the bottom-left corner."""

    diameter: float
    x: float
    y: float
    operation: Operation = None


@dataclass(frozen=True)
class Cutout:
    """A rectangular cutout: size and bottom-left corner position."""

    width: float
    height: float
    x: float
    y: float
    operation: Operation = None


@dataclass(frozen=True)
class Rules:
    """Workshop rules of thumb; every value is configurable per company."""

    min_billable_area: float = 0.25  # m² billed at least, per piece
    weight_per_m2_mm: float = 2.5  # kg per m² per mm of thickness
    min_side: float = 20.0  # mm: narrower strips cannot be cut
    max_side: float = 6000.0  # mm: nothing longer exists in any stock
    max_quantity: int = 10000
    hole_min_diameter_factor: float = 1.0  # × thickness
    hole_edge_distance_factor: float = 2.0  # × thickness, from edges and holes
    furnace_min_short: float = 100.0
    furnace_min_long: float = 250.0
    furnace_max_short: float = 2440.0
    furnace_max_long: float = 3660.0
    # limits of one request, checked before any work that grows faster than its size
    max_holes: int = 50  # holes per piece
    max_cutouts: int = 20  # cutouts per piece
    max_lines: int = 500  # glass lines per order (or per request of several lines)
    max_cut_time_limit: float = 600.0  # s: longest cutting optimization of a batch
    max_issues_per_rule: int = 5  # problems listed per rule, then "and N more"
    # no measure (mm), amount or percent of a glass line comes near this: a larger
    # number is a typing or encoding error, and would overflow the price
    max_number: float = 1e9


@dataclass(frozen=True)
class PieceSpec:
    """N identical pieces of glass: one order line."""

    material: Material
    width: float
    height: float
    quantity: int = 1
    shape: str = SHAPE_RECTANGLE
    corner_radius: float = 0.0
    edges: dict = field(default_factory=dict)  # side -> Operation or None
    holes: tuple = ()
    cutouts: tuple = ()
    operations: tuple = ()  # extra operations (tempering, film, packing…)
    urgency_percent: float = 0.0
    shape_surcharge: float = 0.0  # manual, per piece (custom shapes)
    has_drawing: bool = False
    glass_price_factor: float = 1.0  # customer pricelist on the glass price

    @property
    def thickness(self):
        return self.material.thickness

    def edge(self, side):
        return self.edges.get(side)

    def all_operations(self):
        """Every operation the spec uses, each once, in a stable order."""
        seen = []
        for operation in [self.edges.get(side) for side in SIDES]:
            if operation and operation not in seen:
                seen.append(operation)
        for item in list(self.holes) + list(self.cutouts):
            if item.operation and item.operation not in seen:
                seen.append(item.operation)
        for operation in self.operations:
            if operation not in seen:
                seen.append(operation)
        return seen

    def tempered(self):
        return any(op.category == "tempering" for op in self.operations)
