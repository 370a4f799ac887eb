# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The Odoo models' planning API: a batch's pieces and stock in; sheets with their
pieces, reusable offcuts and numbered cuts out, as the workshop sees them.

Their drawings (cut maps) are in :mod:`cutting.cut_map`.

The Odoo models hand over plain values (a piece's key is whatever identifies it for
the caller, e.g. a record id) and get plain values back; nothing here imports Odoo.
Every plan is verified by the independent :mod:`cutting.checker` before it is
returned.
"""

import math
from dataclasses import dataclass, field

from . import checker
from ._glass import _lt
from .errors import CuttingError
from .instance import Instance, Item, Params, Sheet
from .layout import to_nodes
from .optimizer import Optimizer
from .plan import RESIDUAL, WASTE


@dataclass(frozen=True)
class Piece:
    key: object
    width: int  # along the sheet's width when not rotated
    height: int
    rotatable: bool = True

    def fits(self, width, height):
        """Does the piece fit a ``width`` × ``height`` area, turned if it may be?"""
        if self.width <= width and self.height <= height:
            return True
        return self.rotatable and self.height <= width and self.width <= height


@dataclass(frozen=True)
class Stock:
    """Full sheets of one size (``quantity`` of them) or one remnant."""

    key: object
    width: int
    height: int
    quantity: int = 1
    remnant: bool = False


@dataclass(frozen=True)
class Settings:
    trim: int = 10  # cut off every edge of a full sheet (remnants have clean edges)
    cut_width: int = 0  # 0 for scored glass
    min_waste: int = 20  # the narrowest strip that can be snapped off
    remnant_short: int = 400  # an offcut at least this size is kept as a remnant
    remnant_long: int = 800

    def keeps(self, width, height):
        """Is a ``width`` × ``height`` offcut worth keeping in stock?"""
        return (
            min(width, height) >= self.remnant_short
            and max(width, height) >= self.remnant_long
        )


@dataclass(frozen=True)
class PlacedPiece:
    key: object
    x: int
    y: int
    width: int  # as cut: rotated when the piece is turned
    height: int
    rotated: bool


@dataclass(frozen=True)
class Rect:
    x: int
    y: int
    width: int
    height: int

    @property
    def area(self):
        return self.width * self.height


@dataclass(frozen=True)
class Cut:
    number: int  # in cutting order, from 1 on each sheet
    level: int  # 1: across the sheet's width (a 1-cut), 2: across a strip, ...
    x0: int
    y0: int
    x1: int
    y1: int


class _Yield:
    """Glass consumed and yield from ``area``, ``pieces_area`` and ``offcut_area``."""

    @property
    def consumed_area(self):
        """The glass it costs: all of it but the offcuts kept as remnants."""
        return self.area - self.offcut_area

    @property
    def yield_ratio(self):
        return checker.yield_ratio(self.pieces_area, self.consumed_area)


@dataclass
class PlannedSheet(_Yield):
    stock: Stock
    pieces: list = field(default_factory=list)  # PlacedPiece
    offcuts: list = field(default_factory=list)  # Rect, kept as remnants
    waste: list = field(default_factory=list)  # Rect, thrown away
    cuts: list = field(default_factory=list)  # Cut, in cutting order
    trim: int = 0

    @property
    def area(self):
        return self.stock.width * self.stock.height

    @property
    def pieces_area(self):
        return sum(piece.width * piece.height for piece in self.pieces)

    @property
    def offcut_area(self):
        return sum(offcut.area for offcut in self.offcuts)


@dataclass
class WorkshopPlan(_Yield):
    sheets: list = field(default_factory=list)  # PlannedSheet, in cutting order
    loss: int = 0  # the challenge's geometric loss, in mm²
    optimal: bool = False
    seconds: float = 0.0
    beam: int = 0

    @property
    def area(self):
        return sum(sheet.area for sheet in self.sheets)

    @property
    def pieces_area(self):
        return sum(sheet.pieces_area for sheet in self.sheets)

    @property
    def offcut_area(self):
        return sum(sheet.offcut_area for sheet in self.sheets)


def build_instance(pieces, stock, settings, name="batch"):
    """The optimizer's instance; raises :class:`CuttingError` on bad input."""
    if not pieces:
        raise CuttingError("empty", _lt("There are no pieces to cut."))
    if not any(entry.quantity > 0 for entry in stock):
        raise CuttingError(
            "no_stock", _lt("There are no sheets or remnants in stock to cut from.")
        )
    for piece in pieces:
        if piece.width <= 0 or piece.height <= 0:
            raise CuttingError(
                "bad_piece",
                _lt("Piece %(piece)s has no size (%(width)s × %(height)s mm)."),
                piece=piece.key,
                width=piece.width,
                height=piece.height,
            )
    # a sheet's id is its entry's index in ``stock``: the plan maps back by it
    sheets = [
        Sheet(
            id=index,
            width=entry.width,
            height=entry.height,
            quantity=entry.quantity,
            remnant=entry.remnant,
            trim=0 if entry.remnant else settings.trim,
        )
        for index, entry in enumerate(stock)
        if entry.quantity > 0
    ]
    widest = max(sheet.width for sheet in sheets)
    params = Params(
        plate_width=widest,
        plate_height=max(sheet.height for sheet in sheets),
        max_plates=sum(sheet.quantity for sheet in sheets),
        # a workshop's cutting table has no distance limits between cuts: only the
        # narrowest strip that can be snapped off
        min1cut=1,
        max1cut=widest,
        min2cut=1,
        min_waste=max(1, settings.min_waste),
        trim=settings.trim,
        cut_width=settings.cut_width,
    )
    items = [
        Item(
            id=index,
            length=piece.width,
            width=piece.height,
            stack=index,
            sequence=1,
            rotatable=piece.rotatable,
        )
        for index, piece in enumerate(pieces)
    ]
    return Instance(name=name, items=items, params=params, sheets=sheets)


def plan_batch(
    pieces, stock, settings=None, time_limit=30.0, seed=0, max_beam=None, progress=None
):
    """The best plan found within ``time_limit`` seconds, verified.

    ``progress(fraction, loss)`` is called after each round of the search.
    Raises :class:`CuttingError` (``empty``, ``no_stock``, ``bad_piece``,
    ``too_big``, ``time``, ``no_plan``, ``invalid``).
    """
    settings = settings or Settings()
    pieces, stock = list(pieces), list(stock)
    instance = build_instance(pieces, stock, settings)
    optimizer = Optimizer(instance, seed=seed)
    result = optimizer.solve(
        time_limit=time_limit, max_beam=max_beam, progress=progress
    )
    nodes = to_nodes(result.layout, instance.params)
    report = checker.check(instance, nodes)
    if not report.valid:  # never hand over a plan the workshop could not cut
        raise CuttingError(
            "invalid",
            _lt("The cutting plan failed its check: %(errors)s"),
            errors="; ".join(report.errors[:3]),
        )
    result_plan = _from_nodes(instance, nodes, result.layout, pieces, stock, settings)
    result_plan.loss = report.loss
    result_plan.optimal = result.optimal
    result_plan.seconds = result.elapsed
    result_plan.beam = result.layout.beam
    return result_plan


def estimate(pieces, sizes, settings=None, time_limit=1.0):
    """A quick plan on new full sheets of ``sizes`` ((width, height) pairs), for a
    quotation: as many sheets as the pieces could need, a short search."""
    pieces = list(pieces)
    area = sum(piece.width * piece.height for piece in pieces)
    stock = []
    for index, (width, height) in enumerate(sizes):
        usable = max(1, width * height)
        stock.append(
            Stock(
                key=index,
                width=width,
                height=height,
                quantity=len(pieces) + math.ceil(2 * area / usable),
            )
        )
    return plan_batch(pieces, stock, settings, time_limit=time_limit, max_beam=64)


def _from_nodes(instance, nodes, plan_layout, pieces, stock, settings):
    """Group the node tree back by sheet, in the workshop's terms."""
    by_plate = {}
    for node in nodes:
        by_plate.setdefault(node.plate, []).append(node)
    result = WorkshopPlan()
    for plate in sorted(by_plate):
        plate_nodes = by_plate[plate]
        root = next(node for node in plate_nodes if node.parent is None)
        # the layout knows which sheet each plate is (two remnants may be alike)
        sheet = plan_layout.sheets[plate].sheet
        planned = PlannedSheet(stock=stock[sheet.id], trim=sheet.trim)
        children = {}
        for node in plate_nodes:
            if node.parent is not None:
                children.setdefault(node.parent, []).append(node)
        cut = instance.params.cut_width
        for node in plate_nodes:
            if node.is_item:
                piece = pieces[node.type]
                width, height = node.width - cut, node.height - cut
                planned.pieces.append(
                    PlacedPiece(
                        key=piece.key,
                        x=node.x,
                        y=node.y,
                        width=width,
                        height=height,
                        rotated=(width, height) != (piece.width, piece.height),
                    )
                )
            elif node.type in (WASTE, RESIDUAL) and node.id not in children:
                rect = Rect(node.x, node.y, node.width, node.height)
                if settings.keeps(rect.width, rect.height):
                    planned.offcuts.append(rect)
                else:
                    planned.waste.append(rect)
        planned.cuts = _cuts(root, children)
        result.sheets.append(planned)
    return result


def _cuts(root, children):
    """The guillotine cuts of one sheet in the order they are made: a cut parts a
    node's first child from the rest, then that child is cut up, then the next."""
    cuts = []

    def visit(node):
        kids = sorted(children.get(node.id, []), key=lambda kid: (kid.x, kid.y))
        for index, kid in enumerate(kids):
            if index < len(kids) - 1:
                if kid.cut % 2:  # 1- and 3-cuts run along y, at the kid's right
                    x = kid.x + kid.width
                    line = (x, node.y, x, node.y + node.height)
                else:  # 2- and 4-cuts run along x, at the kid's top
                    y = kid.y + kid.height
                    line = (node.x, y, node.x + node.width, y)
                cuts.append(Cut(len(cuts) + 1, kid.cut, *line))
            visit(kid)

    visit(root)
    return cuts


# ------------------------------------------------------------- stored sheets


def sheet_to_dict(sheet):
    """A planned sheet as JSON-ready data, without its stock (stored apart)."""
    return {
        "width": sheet.stock.width,
        "height": sheet.stock.height,
        "remnant": sheet.stock.remnant,
        "trim": sheet.trim,
        "pieces": [
            [piece.key, piece.x, piece.y, piece.width, piece.height, piece.rotated]
            for piece in sheet.pieces
        ],
        "offcuts": [
            [rect.x, rect.y, rect.width, rect.height] for rect in sheet.offcuts
        ],
        "waste": [[rect.x, rect.y, rect.width, rect.height] for rect in sheet.waste],
        "cuts": [
            [cut.number, cut.level, cut.x0, cut.y0, cut.x1, cut.y1]
            for cut in sheet.cuts
        ],
    }


def sheet_from_dict(data, key=None):
    """The :class:`PlannedSheet` stored by :func:`sheet_to_dict`."""
    return PlannedSheet(
        stock=Stock(
            key, data["width"], data["height"], remnant=bool(data.get("remnant"))
        ),
        pieces=[PlacedPiece(*values) for values in data.get("pieces", [])],
        offcuts=[Rect(*values) for values in data.get("offcuts", [])],
        waste=[Rect(*values) for values in data.get("waste", [])],
        cuts=[Cut(*values) for values in data.get("cuts", [])],
        trim=data.get("trim", 0),
    )
