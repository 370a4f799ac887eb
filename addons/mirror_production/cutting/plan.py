# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A cutting plan as the challenge's node tree, read and written in its CSV format.

``PLATE_ID;NODE_ID;X;Y;WIDTH;HEIGHT;TYPE;CUT;PARENT``: TYPE is the item id (>= 0), -1
for waste, -2 for a branch (a node cut further), -3 for the residual (the usable strip
right of the last 1-cut of the last plate); CUT is the node's level (0 for the plate);
PARENT is empty for the plate node. Node ids are unique across plates.
"""

import csv
import json
from dataclasses import dataclass

WASTE = -1
BRANCH = -2
RESIDUAL = -3
HEADER = ["PLATE_ID", "NODE_ID", "X", "Y", "WIDTH", "HEIGHT", "TYPE", "CUT", "PARENT"]


@dataclass(frozen=True)
class Node:
    plate: int
    id: int
    x: int
    y: int
    width: int
    height: int
    type: int
    cut: int
    parent: int = None

    @property
    def is_item(self):
        return self.type >= 0


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    return [
        Node(
            plate=int(row["PLATE_ID"]),
            id=int(row["NODE_ID"]),
            x=int(float(row["X"])),
            y=int(float(row["Y"])),
            width=int(float(row["WIDTH"])),
            height=int(float(row["HEIGHT"])),
            type=int(row["TYPE"]),
            cut=int(row["CUT"]),
            parent=int(row["PARENT"]) if row.get("PARENT") not in (None, "") else None,
        )
        for row in rows
    ]


def write_csv(path, nodes):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\n")
        writer.writerow(HEADER)
        for node in nodes:
            writer.writerow(
                [
                    node.plate,
                    node.id,
                    node.x,
                    node.y,
                    node.width,
                    node.height,
                    node.type,
                    node.cut,
                    "" if node.parent is None else node.parent,
                ]
            )


def to_json(instance, nodes, report=None):
    """The plan as a JSON-ready dict: per plate its pieces, waste and residual."""
    items = instance.items_by_id()
    cut = instance.params.cut_width
    plates = {}
    for node in nodes:
        plate = plates.setdefault(
            node.plate,
            {"index": node.plate, "pieces": [], "waste": [], "residual": None},
        )
        rect = {"x": node.x, "y": node.y, "width": node.width, "height": node.height}
        if node.parent is None:
            plate.update(
                {"x": node.x, "y": node.y, "width": node.width, "height": node.height}
            )
        elif node.is_item:
            item = items.get(node.type)
            rotated = bool(item) and (node.width - cut, node.height - cut) != (
                item.length,
                item.width,
            )
            plate["pieces"].append(dict(rect, item=node.type, rotated=rotated))
        elif node.type == WASTE:
            plate["waste"].append(rect)
        elif node.type == RESIDUAL:
            plate["residual"] = rect
    result = {
        "instance": instance.name,
        "plates": [plates[key] for key in sorted(plates)],
        "nodes": [
            {
                "plate": node.plate,
                "id": node.id,
                "x": node.x,
                "y": node.y,
                "width": node.width,
                "height": node.height,
                "type": node.type,
                "cut": node.cut,
                "parent": node.parent,
            }
            for node in nodes
        ],
    }
    if report is not None:
        result.update(
            {
                "valid": report.valid,
                "errors": report.errors,
                "loss": report.loss,
                "plates_used": report.plates,
                "yield": round(report.yield_ratio, 6),
            }
        )
    return result


def write_json(path, instance, nodes, report=None):
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(to_json(instance, nodes, report), handle, indent=1)
        handle.write("\n")
