# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A plan as the searches build it (:class:`Layout`), and as the challenge's node
tree (:func:`to_nodes`).

A layout is sheets in use order, on each sheet 1-strips from left to right, in a
1-strip rows (2-strips) from bottom to top, in a row the placed pieces from left
to right. Both engines give one: the beam search (:mod:`cutting.optimizer`) and
PackingSolver (:mod:`cutting.treesearch`).

In the node tree, every sheet becomes a plate node (its usable part, inside the
trim), 1-strips become 1-nodes, rows 2-nodes and the pieces 3-nodes; a piece lower
than its row gets a trimming 4-cut. The gaps become waste nodes: a 1-strip's top, a
row's right end, the room left beside a defect. What is right of the last 1-strip
of the last sheet is the residual; on the other sheets it is waste, split into
1-strips no wider than ``max1cut``.
"""

from dataclasses import dataclass, field

from .plan import BRANCH, RESIDUAL, WASTE, Node


@dataclass
class Placement:
    item: int
    x: int
    y: int
    width: int  # along x, as cut (the item's size, rotated or not)
    height: int
    rotated: bool


@dataclass
class Layout:
    """A plan as rows of placements, ready to become a node tree."""

    sheets: list = field(default_factory=list)  # LayoutSheet, in use order
    loss: int = 0
    beam: int = 0  # the beam width that found it
    optimal: bool = False
    engine: str = "beam"  # the search that found it (see :mod:`cutting.treesearch`)


@dataclass
class LayoutSheet:
    sheet: object  # instance.Sheet
    strips: list = field(default_factory=list)  # LayoutStrip

    @property
    def x_end(self):
        return self.strips[-1].x1 if self.strips else 0


@dataclass
class LayoutStrip:
    x0: int
    x1: int
    rows: list = field(default_factory=list)  # LayoutRow


@dataclass
class LayoutRow:
    y0: int
    y1: int
    placements: list = field(default_factory=list)  # Placement, left to right


class _Ids:
    def __init__(self):
        self.next = 0

    def __call__(self):
        self.next += 1
        return self.next - 1


def to_nodes(layout, params):
    """The nodes of ``layout``, plate by plate in cutting order."""
    nodes = []
    new_id = _Ids()
    last = len(layout.sheets) - 1
    for plate, sheet_layout in enumerate(layout.sheets):
        sheet = sheet_layout.sheet
        trim = sheet.trim
        width, height = sheet.width - 2 * trim, sheet.height - 2 * trim
        root = Node(plate, new_id(), trim, trim, width, height, BRANCH, 0)
        nodes.append(root)
        for strip in sheet_layout.strips:
            _strip_nodes(nodes, new_id, plate, trim, height, root, strip, params)
        end = sheet_layout.x_end
        rest = width - end
        if rest <= 0:
            continue
        if plate == last:
            nodes.append(
                Node(
                    plate,
                    new_id(),
                    trim + end,
                    trim,
                    rest,
                    height,
                    RESIDUAL,
                    1,
                    root.id,
                )
            )
            continue
        pieces = -(-rest // params.max1cut)
        x = end
        for index in range(pieces):
            piece = rest // pieces + (1 if index < rest % pieces else 0)
            nodes.append(
                Node(plate, new_id(), trim + x, trim, piece, height, WASTE, 1, root.id)
            )
            x += piece
    return nodes


def _columns(placements):
    """A row's placements grouped by 3-node: two pieces share one x."""
    columns = []
    for placement in placements:
        if columns and columns[-1][0].x == placement.x:
            columns[-1].append(placement)
        else:
            columns.append([placement])
    return columns


def _parts(pieces, row, cut):
    """A 3-node's content from the bottom, as (type, height): a piece, a piece
    under its trim waste, a raised piece over a waste, or two pieces."""
    height = row.y1 - row.y0
    below = pieces[0].y - row.y0  # raised above a defect
    parts = [(WASTE, below)] if below else []
    parts += [(piece.item, piece.height + cut) for piece in pieces]
    above = height - sum(part_height for _kind, part_height in parts)
    if above:
        parts.append((WASTE, above))
    if len(parts) > 2 or above < 0:
        raise ValueError(f"row at {row.y0}: {parts} is not one 4-cut")
    return parts


def _strip_nodes(nodes, new_id, plate, trim, height, root, strip, params):
    cut = params.cut_width
    x0 = trim + strip.x0
    strip_width = strip.x1 - strip.x0
    strip_node = Node(
        plate, new_id(), x0, trim, strip_width, height, BRANCH, 1, root.id
    )
    strip_index = len(nodes)
    nodes.append(strip_node)
    kids = []
    for row in strip.rows:
        row_height = row.y1 - row.y0
        row_node = Node(
            plate,
            new_id(),
            x0,
            trim + row.y0,
            strip_width,
            row_height,
            BRANCH,
            2,
            strip_node.id,
        )
        row_index = len(nodes)
        nodes.append(row_node)
        cursor = strip.x0
        cols = []
        for pieces in _columns(row.placements):
            x = pieces[0].x
            if x > cursor:
                cols.append(
                    Node(
                        plate,
                        new_id(),
                        trim + cursor,
                        row_node.y,
                        x - cursor,
                        row_height,
                        WASTE,
                        3,
                        row_node.id,
                    )
                )
            width = pieces[0].width + cut
            parts = _parts(pieces, row, cut)
            column = Node(
                plate,
                new_id(),
                trim + x,
                row_node.y,
                width,
                row_height,
                parts[0][0] if len(parts) == 1 else BRANCH,
                3,
                row_node.id,
            )
            cols.append(column)
            if len(parts) > 1:
                y = column.y
                for kind, part_height in parts:
                    cols.append(
                        Node(
                            plate,
                            new_id(),
                            column.x,
                            y,
                            width,
                            part_height,
                            kind,
                            4,
                            column.id,
                        )
                    )
                    y += part_height
            cursor = x + width
        if cursor < strip.x1:
            cols.append(
                Node(
                    plate,
                    new_id(),
                    trim + cursor,
                    row_node.y,
                    strip.x1 - cursor,
                    row_height,
                    WASTE,
                    3,
                    row_node.id,
                )
            )
        if len(cols) == 1 and cols[0].type != BRANCH:
            # the row is one piece: the row node is that piece
            nodes[row_index] = Node(
                plate,
                row_node.id,
                row_node.x,
                row_node.y,
                row_node.width,
                row_node.height,
                cols[0].type,
                2,
                strip_node.id,
            )
        else:
            nodes.extend(cols)
        kids.append(nodes[row_index])
    top = strip.rows[-1].y1 if strip.rows else 0
    if top < height:
        kids.append(
            Node(
                plate,
                new_id(),
                x0,
                trim + top,
                strip_width,
                height - top,
                WASTE,
                2,
                strip_node.id,
            )
        )
        nodes.append(kids[-1])
    if len(kids) == 1 and kids[0].type != BRANCH:
        nodes[strip_index] = Node(
            plate,
            strip_node.id,
            x0,
            trim,
            strip_width,
            height,
            kids[0].type,
            1,
            root.id,
        )
        nodes.remove(kids[0])
