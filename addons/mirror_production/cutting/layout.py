# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""An optimizer's :class:`~cutting.optimizer.Layout` as the challenge's node tree.

Every sheet becomes a plate node (its usable part, inside the trim), 1-strips
become 1-nodes, rows 2-nodes and the pieces 3-nodes; a piece lower than its row
gets a trimming 4-cut. The gaps become waste nodes: a 1-strip's top, a row's right
end, the room left beside a defect. What is right of the last 1-strip of the last
sheet is the residual; on the other sheets it is waste, split into 1-strips no wider
than ``max1cut``.
"""

from .plan import BRANCH, RESIDUAL, WASTE, Node


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
        columns = []
        for placement in row.placements:
            if columns and columns[-1][0].x == placement.x:
                columns[-1].append(placement)  # two pieces in one 3-node
            else:
                columns.append([placement])
        for column_pieces in columns:
            placement = column_pieces[0]
            if placement.x > cursor:
                cols.append(
                    Node(
                        plate,
                        new_id(),
                        trim + cursor,
                        row_node.y,
                        placement.x - cursor,
                        row_height,
                        WASTE,
                        3,
                        row_node.id,
                    )
                )
            if len(column_pieces) == 2:
                upper = column_pieces[1]
                column = Node(
                    plate,
                    new_id(),
                    trim + placement.x,
                    row_node.y,
                    placement.width + cut,
                    row_height,
                    BRANCH,
                    3,
                    row_node.id,
                )
                cols.append(column)
                for piece in column_pieces:
                    cols.append(
                        Node(
                            plate,
                            new_id(),
                            column.x,
                            trim + piece.y,
                            column.width,
                            piece.height + cut,
                            piece.item,
                            4,
                            column.id,
                        )
                    )
                assert upper.y + upper.height + cut == row.y1
                cursor = placement.x + column.width
                continue
            item_width = placement.width + cut
            item_height = placement.height + cut
            below = placement.y - row.y0  # raised above a defect: waste under it
            if below:
                column = Node(
                    plate,
                    new_id(),
                    trim + placement.x,
                    row_node.y,
                    item_width,
                    row_height,
                    BRANCH,
                    3,
                    row_node.id,
                )
                cols.append(column)
                cols.append(
                    Node(
                        plate,
                        new_id(),
                        column.x,
                        column.y,
                        item_width,
                        below,
                        WASTE,
                        4,
                        column.id,
                    )
                )
                cols.append(
                    Node(
                        plate,
                        new_id(),
                        column.x,
                        column.y + below,
                        item_width,
                        item_height,
                        placement.item,
                        4,
                        column.id,
                    )
                )
                assert below + item_height == row_height
            elif item_height == row_height:
                cols.append(
                    Node(
                        plate,
                        new_id(),
                        trim + placement.x,
                        row_node.y,
                        item_width,
                        item_height,
                        placement.item,
                        3,
                        row_node.id,
                    )
                )
            else:
                column = Node(
                    plate,
                    new_id(),
                    trim + placement.x,
                    row_node.y,
                    item_width,
                    row_height,
                    BRANCH,
                    3,
                    row_node.id,
                )
                cols.append(column)
                cols.append(
                    Node(
                        plate,
                        new_id(),
                        column.x,
                        column.y,
                        item_width,
                        item_height,
                        placement.item,
                        4,
                        column.id,
                    )
                )
                cols.append(
                    Node(
                        plate,
                        new_id(),
                        column.x,
                        column.y + item_height,
                        item_width,
                        row_height - item_height,
                        WASTE,
                        4,
                        column.id,
                    )
                )
            cursor = placement.x + item_width
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
