# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Independent checker of 3-stage guillotine cutting plans (ROADEF/EURO 2018 rules).

Written from the problem statement, not from an optimizer. It checks:

- the tree: one plate node per plate (plates numbered 0, 1, … in use order, at most
  ``max_plates``), unique node ids, parents on the same plate one level up, branches
  with children and leaves without;
- the guillotine cuts: the children of a node tile it exactly, side by side along x
  for odd levels (1-cuts are vertical, across the plate's length) and along y for even
  levels; at most 3 stages plus one 4-cut per 3-node, which gives an item and a
  waste (trimming) or two items (as in the best known plans);
- the items: each exactly once, at its size or rotated (when allowed), on no defect;
- the limits: 1-nodes between ``min1cut`` and ``max1cut`` wide, 2-nodes at least
  ``min2cut`` high, unless they are waste; waste at least ``min_waste`` in both
  directions (the residual excepted); at most one residual, the last 1-node of the
  last plate (the best known plans, e.g. A1's, leave a 2-strip of waste under
  ``min2cut`` at the top of a 1-strip);
- the stock: each plate node is a stock sheet inside its trim, each sheet used at
  most as many times as the stock holds; with a cut width ``k`` a piece's node is
  ``k`` larger than the piece each way (the cut runs along its right and top);
- the stacks: items of a stack produced in SEQUENCE order, production following the
  plates and, within a plate, the cutting order (depth first, left to right, bottom
  to top).

It also computes the challenge's objective, the geometric loss.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from .plan import BRANCH, RESIDUAL, WASTE


@dataclass
class Report:
    errors: list = field(default_factory=list)
    plates: int = 0
    loss: int = 0  # mm²
    used_area: int = 0  # mm²: all plates but the residual
    item_area: int = 0

    @property
    def valid(self):
        return not self.errors

    @property
    def yield_ratio(self):
        return yield_ratio(self.item_area, self.used_area)


def yield_ratio(pieces_area, consumed_area):
    """The pieces' share of the glass consumed (0 when none is)."""
    return pieces_area / consumed_area if consumed_area else 0.0


def _overlaps(node, defect):
    return (
        defect.x < node.x + node.width
        and node.x < defect.x + defect.width
        and defect.y < node.y + node.height
        and node.y < defect.y + defect.height
    )


def check(instance, nodes):
    """A :class:`Report` of ``nodes`` (``plan.Node``) for ``instance``."""
    params = instance.params
    report = Report()
    errors = report.errors
    if not nodes:
        errors.append("the plan is empty")
        return report

    ids = [node.id for node in nodes]
    if len(ids) != len(set(ids)):
        errors.append("node ids are not unique")
    by_id = {node.id: node for node in nodes}
    plates = sorted({node.plate for node in nodes})
    if plates != list(range(len(plates))):
        errors.append(f"plates must be numbered 0, 1, … in order of use, got {plates}")
    if not instance.sheets and len(plates) > params.max_plates:
        errors.append(f"{len(plates)} plates used, at most {params.max_plates}")
    report.plates = len(plates)

    children = defaultdict(list)
    roots = defaultdict(list)
    for node in nodes:
        if node.parent is None:
            roots[node.plate].append(node)
            continue
        parent = by_id.get(node.parent)
        if parent is None:
            errors.append(f"node {node.id}: parent {node.parent} does not exist")
            continue
        if parent.plate != node.plate:
            errors.append(f"node {node.id}: its parent is on another plate")
        if node.cut != parent.cut + 1:
            errors.append(
                f"node {node.id}: level {node.cut} under a level {parent.cut} node"
            )
        children[parent.id].append(node)

    sheets = _plate_sheets(instance, plates, roots, errors)

    for node in nodes:
        _check_node(node, children.get(node.id, []), params, errors)

    _check_residual(nodes, plates, children, roots, errors)
    order = _production_order(plates, roots, children)
    _check_items(instance, order, errors)
    _check_defects(instance, order, errors)
    _check_stacks(instance, order, errors)

    residuals = [node for node in nodes if node.type == RESIDUAL]
    used = sum(sheet.area for sheet in sheets[:-1] if sheet)
    last = sheets[-1] if sheets else None
    if last:
        used += last.height * (residuals[0].x if residuals else last.width)
    report.used_area = used
    items = instance.items_by_id()
    report.item_area = sum(
        items[node.type].area for node in nodes if node.is_item and node.type in items
    )
    report.loss = report.used_area - report.item_area
    return report


def _plate_sheets(instance, plates, roots, errors):
    """The stock sheet of each plate, known by its plate node (the sheet inside its
    trim); each kind of sheet used at most as many times as there are."""
    left = {sheet.id: sheet.quantity for sheet in instance.sheet_types()}
    result = []
    for plate in plates:
        root = roots.get(plate, [])
        if len(root) != 1:
            errors.append(f"plate {plate}: {len(root)} plate nodes, expected 1")
            result.append(None)
            continue
        root = root[0]
        match = None
        for sheet in instance.sheet_types():
            rect = (
                sheet.trim,
                sheet.trim,
                sheet.width - 2 * sheet.trim,
                sheet.height - 2 * sheet.trim,
            )
            if (root.x, root.y, root.width, root.height) == rect and left[sheet.id]:
                match = sheet
                break
        if root.cut != 0 or match is None:
            errors.append(
                f"plate {plate}: the plate node must be a whole stock sheet (inside "
                "its trim) at level 0, and the stock must have it"
            )
        else:
            left[match.id] -= 1
        result.append(match)
    return result


def _check_node(node, kids, params, errors):
    if node.cut > 4:
        errors.append(f"node {node.id}: level {node.cut}, at most 3 stages and a trim")
    if node.type == BRANCH and not kids:
        errors.append(f"node {node.id}: a branch without children")
    if node.type != BRANCH and kids:
        errors.append(f"node {node.id}: a leaf (type {node.type}) has children")
    if kids:
        _check_tiling(node, kids, errors)
    if node.cut == 3 and kids:
        items = sum(kid.is_item for kid in kids)
        if len(kids) != 2 or not items or any(k.type < WASTE for k in kids):
            errors.append(
                f"node {node.id}: the one 4-cut must give an item and a waste, or "
                "two items"
            )
    if node.type == WASTE and min(node.width, node.height) < params.min_waste:
        errors.append(
            f"node {node.id}: waste {node.width} × {node.height} is under "
            f"{params.min_waste} mm"
        )
    if (
        node.cut == 1
        and node.type not in (RESIDUAL, WASTE)
        and not params.min1cut <= node.width <= params.max1cut
    ):
        errors.append(
            f"node {node.id}: 1-cut strip {node.width} mm wide, allowed "
            f"{params.min1cut}–{params.max1cut}"
        )
    if node.cut == 2 and node.type != WASTE and node.height < params.min2cut:
        errors.append(
            f"node {node.id}: 2-cut strip {node.height} mm high, "
            f"at least {params.min2cut}"
        )


def _span(node, axis):
    """(start, length) of ``node`` along ``axis``: 0 for x, 1 for y."""
    return (node.x, node.width) if axis == 0 else (node.y, node.height)


def _check_tiling(node, kids, errors):
    # 1-cuts and 3-cuts (odd levels) put strips side by side in x, the others in y
    axis = 0 if (node.cut + 1) % 2 == 1 else 1
    start, length = _span(node, axis)
    across = _span(node, 1 - axis)
    position = start
    for kid in sorted(kids, key=lambda kid: _span(kid, axis)):
        kid_start, kid_length = _span(kid, axis)
        if _span(kid, 1 - axis) != across or kid_start != position:
            errors.append(f"node {node.id}: its children do not tile it (at {kid.id})")
            return
        position += kid_length
    if position != start + length:
        errors.append(f"node {node.id}: its children do not cover it")


def _check_residual(nodes, plates, children, roots, errors):
    residuals = [node for node in nodes if node.type == RESIDUAL]
    if len(residuals) > 1:
        errors.append("at most one residual")
    for residual in residuals:
        last_plate = plates[-1] if plates else None
        if residual.plate != last_plate or residual.cut != 1:
            errors.append(
                f"node {residual.id}: the residual must be a 1-node of the last plate"
            )
            continue
        root = roots[residual.plate][0]
        strips = sorted(children.get(root.id, []), key=lambda kid: kid.x)
        if strips and strips[-1].id != residual.id:
            errors.append(f"node {residual.id}: the residual must be the last 1-node")


def _production_order(plates, roots, children):
    """Item nodes in cutting order: plate by plate, depth first, by position."""
    order = []

    def visit(node):
        if node.is_item:
            order.append(node)
        for kid in sorted(children.get(node.id, []), key=lambda kid: (kid.x, kid.y)):
            visit(kid)

    for plate in plates:
        for root in roots.get(plate, [])[:1]:
            visit(root)
    return order


def _check_items(instance, order, errors):
    items = instance.items_by_id()
    cut = instance.params.cut_width
    seen = set()
    for node in order:
        item = items.get(node.type)
        if item is None:
            errors.append(f"node {node.id}: unknown item {node.type}")
            continue
        if node.type in seen:
            errors.append(f"item {node.type} is cut more than once")
        seen.add(node.type)
        size = (node.width - cut, node.height - cut)
        if size != (item.length, item.width) and not (
            item.rotatable and size == (item.width, item.length)
        ):
            errors.append(
                f"item {item.id}: cut {node.width} × {node.height}, expected "
                f"{item.length + cut} × {item.width + cut}"
            )
    missing = sorted(set(items) - seen)
    if missing:
        errors.append(f"{len(missing)} items not cut, e.g. {missing[:5]}")


def _check_defects(instance, order, errors):
    for node in order:
        for defect in instance.defects_on(node.plate):
            if _overlaps(node, defect):
                errors.append(
                    f"item {node.type} (node {node.id}) contains defect {defect.id}"
                )


def _check_stacks(instance, order, errors):
    items = instance.items_by_id()
    last = {}
    for node in order:
        item = items.get(node.type)
        if item is None:
            continue
        previous = last.get(item.stack)
        if previous is not None and item.sequence < previous:
            errors.append(
                f"item {item.id}: stack {item.stack} sequence {item.sequence} "
                f"cut after sequence {previous}"
            )
        last[item.stack] = max(item.sequence, previous or 0)
