# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Price of a glass order line with its breakdown.

The price of one line is built from items, each explained: the glass (billable
area × price per m², the customer's pricelist applied), each edge work (linear
metres, curved edges × the operation's factor), holes, cutouts, rounded corners,
extra operations (per m², linear metre, piece, unit or line), a manual surcharge
for custom shapes; then each operation's minimum charge per line, the material's
minimum line price and the urgency surcharge.
"""

from collections import OrderedDict
from dataclasses import dataclass, field

from . import geometry
from .spec import (
    BASIS_AREA,
    BASIS_FIXED,
    BASIS_LENGTH,
    BASIS_PIECE,
    BASIS_UNIT,
)

KIND_GLASS = "glass"
KIND_EDGE = "edge"
KIND_HOLE = "hole"
KIND_CUTOUT = "cutout"
KIND_OPERATION = "operation"
KIND_SHAPE = "shape"
KIND_MINIMUM = "minimum"
KIND_URGENCY = "urgency"

UOM_M2 = "m2"
UOM_M = "m"
UOM_UNIT = "unit"
UOM_LINE = "line"
UOM_PERCENT = "percent"


def _round(amount):
    return round(amount + 0.0, 2)


@dataclass
class PriceItem:
    """One explained component of a line's price.

    ``quantity`` and ``rate`` are per piece (per line for ``line`` items);
    ``amount`` and ``cost`` are for the whole line.
    """

    kind: str
    name: str
    quantity: float
    uom: str
    rate: float
    amount: float
    cost: float = 0.0
    operation: object = None
    curved_length: float = 0.0
    curved_factor: float = 1.0
    minimum_applied: bool = False

    def as_dict(self):
        return {
            "kind": self.kind,
            "name": self.name,
            "quantity": round(self.quantity, 4),
            "uom": self.uom,
            "rate": _round(self.rate),
            "amount": _round(self.amount),
            "cost": _round(self.cost),
            "operation": getattr(self.operation, "key", None) or False,
            "curved_length": round(self.curved_length, 4),
            "curved_factor": self.curved_factor,
            "minimum_applied": self.minimum_applied,
        }


@dataclass
class Quote:
    """The price of a line: its items and totals, with the piece's measures."""

    quantity: int
    items: list = field(default_factory=list)
    area: float = 0.0
    billable_area: float = 0.0
    perimeter: float = 0.0
    weight: float = 0.0
    edge_lengths: dict = field(default_factory=dict)

    @property
    def total(self):
        return _round(sum(item.amount for item in self.items))

    @property
    def total_cost(self):
        return _round(sum(item.cost for item in self.items))

    @property
    def unit_price(self):
        return _round(self.total / self.quantity) if self.quantity else 0.0

    @property
    def unit_cost(self):
        return _round(self.total_cost / self.quantity) if self.quantity else 0.0

    @property
    def margin(self):
        return _round(self.total - self.total_cost)

    def amount_of(self, kind):
        return _round(sum(item.amount for item in self.items if item.kind == kind))

    def as_dict(self):
        return {
            "quantity": self.quantity,
            "area": round(self.area, 4),
            "billable_area": round(self.billable_area, 4),
            "perimeter": round(self.perimeter, 4),
            "weight": round(self.weight, 3),
            "unit_price": self.unit_price,
            "total": self.total,
            "unit_cost": self.unit_cost,
            "total_cost": self.total_cost,
            "items": [item.as_dict() for item in self.items],
        }


def _band_rates(operation, thickness):
    band = operation.band(thickness)
    if band is None:
        return 0.0, 0.0
    return band.price, band.cost


def _unit_count(spec, operation):
    if operation.category == "corner":
        return geometry.rounded_corner_count(spec)
    if operation.category == "drilling":
        return len(spec.holes)
    if operation.category == "cutout":
        return len(spec.cutouts)
    return 1


def _basis_quantity(spec, operation, billable, perimeter):
    basis = operation.basis
    if basis == BASIS_AREA:
        return billable, UOM_M2
    if basis == BASIS_LENGTH:
        return perimeter, UOM_M
    if basis == BASIS_UNIT:
        return _unit_count(spec, operation), UOM_UNIT
    if basis == BASIS_FIXED:
        return 1, UOM_LINE
    assert basis == BASIS_PIECE, basis
    return 1, UOM_UNIT


def quote(spec, rules):
    """Price ``spec`` (a :class:`~.spec.PieceSpec`) under ``rules``."""
    quantity = geometry.piece_count(spec.quantity)
    thickness = spec.thickness
    material = spec.material
    billable = geometry.billable_area(spec, rules)
    perimeter = geometry.perimeter(spec)
    result = Quote(
        quantity=quantity,
        area=geometry.area(spec),
        billable_area=billable,
        perimeter=perimeter,
        weight=geometry.weight(spec, rules),
        edge_lengths=geometry.edge_lengths(spec),
    )
    items = result.items

    glass_rate = material.price_m2 * spec.glass_price_factor
    items.append(
        PriceItem(
            KIND_GLASS,
            material.name,
            billable,
            UOM_M2,
            glass_rate,
            billable * glass_rate * quantity,
            geometry.bounding_area(spec) * material.cost_m2 * quantity,
        )
    )

    for operation, (straight, curved) in result.edge_lengths.items():
        price, cost = _band_rates(operation, thickness)
        factor = operation.curved_factor or 1.0
        weighted = straight + curved * factor
        items.append(
            PriceItem(
                KIND_EDGE,
                operation.name,
                straight + curved,
                UOM_M,
                price,
                weighted * price * quantity,
                weighted * cost * quantity,
                operation=operation,
                curved_length=curved,
                curved_factor=factor,
            )
        )

    for kind, elements in ((KIND_HOLE, spec.holes), (KIND_CUTOUT, spec.cutouts)):
        counts = OrderedDict()
        for element in elements:
            if element.operation:
                counts[element.operation] = counts.get(element.operation, 0) + 1
        for operation, count in counts.items():
            price, cost = _band_rates(operation, thickness)
            items.append(
                PriceItem(
                    kind,
                    operation.name,
                    count,
                    UOM_UNIT,
                    price,
                    count * price * quantity,
                    count * cost * quantity,
                    operation=operation,
                )
            )

    for operation in spec.operations:
        price, cost = _band_rates(operation, thickness)
        basis_qty, uom = _basis_quantity(spec, operation, billable, perimeter)
        multiplier = 1 if operation.basis == BASIS_FIXED else quantity
        items.append(
            PriceItem(
                KIND_OPERATION,
                operation.name,
                basis_qty,
                uom,
                price,
                basis_qty * price * multiplier,
                basis_qty * cost * multiplier,
                operation=operation,
            )
        )

    if spec.shape_surcharge:
        items.append(
            PriceItem(
                KIND_SHAPE,
                "",
                1,
                UOM_UNIT,
                spec.shape_surcharge,
                spec.shape_surcharge * quantity,
            )
        )

    # round each item as it is shown, so that the minimum line price and the urgency
    # surcharge are computed on the very amounts the breakdown adds up
    for item in items:
        item.amount = _round(item.amount)
        item.cost = _round(item.cost)

    # an operation's minimum charge applies to the whole line, when the operation is
    # done at all (a corner rounding on a rectangle counts 0 corners: nothing to charge)
    for item in items:
        operation = item.operation
        if (
            operation
            and operation.min_charge
            and quantity
            and item.quantity
            and item.amount < operation.min_charge
        ):
            item.amount = operation.min_charge
            item.minimum_applied = True

    subtotal = _round(sum(item.amount for item in items))
    if quantity and material.min_line_price and subtotal < material.min_line_price:
        items.append(
            PriceItem(
                KIND_MINIMUM,
                material.name,
                1,
                UOM_LINE,
                material.min_line_price - subtotal,
                material.min_line_price - subtotal,
            )
        )
        subtotal = material.min_line_price

    if spec.urgency_percent:
        items.append(
            PriceItem(
                KIND_URGENCY,
                "",
                spec.urgency_percent,
                UOM_PERCENT,
                subtotal / quantity if quantity else 0.0,
                subtotal * spec.urgency_percent / 100.0,
            )
        )

    for item in items:
        item.amount = _round(item.amount)
        item.cost = _round(item.cost)
    return result
