# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The production route of a glass line: its operations in technological order.

Cutting comes first; then edge work, drilling and cutouts, facets, sandblasting and
print, tempering (after everything that cuts the glass: tempered glass can never be
cut again), lamination and film, quality check and packing. Each step carries the
quantity of its pricing basis for the whole line and the expected minutes from the
operation's time norm.
"""

from collections import OrderedDict
from dataclasses import dataclass

from . import geometry
from .spec import BASIS_AREA, BASIS_FIXED, BASIS_LENGTH, BASIS_UNIT, CATEGORIES

STAGE_ORDER = {category: index for index, category in enumerate(CATEGORIES)}


@dataclass(frozen=True)
class RouteStep:
    operation: object
    stage: str
    quantity: float  # basis quantity for all the pieces of the line
    minutes: float


def stage_of(operation):
    """The stage of an operation: a facet edge is done at the facet stage."""
    if operation.category == "edge" and operation.edge_type == "facet":
        return "facet"
    return operation.category if operation.category in STAGE_ORDER else "other"


def _quantity(spec, operation, pieces):
    basis = operation.basis
    if basis == BASIS_AREA:
        return geometry.bounding_area(spec) * pieces
    if basis == BASIS_LENGTH:
        return geometry.perimeter(spec) * pieces
    if basis == BASIS_UNIT:
        if operation.category == "corner":
            return geometry.rounded_corner_count(spec) * pieces
        return pieces
    if basis == BASIS_FIXED:
        return 1
    return pieces


def route(spec, cutting=None):
    """The steps of ``spec``'s route; ``cutting`` is the workshop's cutting step."""
    pieces = geometry.piece_count(spec.quantity)
    quantities = OrderedDict()

    def add(operation, quantity):
        if operation is not None:
            quantities[operation] = quantities.get(operation, 0.0) + quantity

    add(cutting, cutting and _quantity(spec, cutting, pieces))
    for operation, (straight, curved) in geometry.edge_lengths(spec).items():
        add(operation, (straight + curved) * pieces)
    for element in list(spec.holes) + list(spec.cutouts):
        add(element.operation, pieces)
    for operation in spec.operations:
        add(operation, _quantity(spec, operation, pieces))
    ordered = sorted(
        enumerate(quantities.items()),
        key=lambda item: (STAGE_ORDER[stage_of(item[1][0])], item[0]),
    )
    return [
        RouteStep(
            operation=operation,
            stage=stage_of(operation),
            quantity=quantity,
            minutes=operation.time_setup + operation.time_norm * quantity,
        )
        for _index, (operation, quantity) in ordered
    ]
