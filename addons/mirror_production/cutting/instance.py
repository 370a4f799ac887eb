# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Cutting instances: the challenge's CSV files, or a simple JSON document."""

import csv
import json
import os
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Item:
    id: int
    length: int  # the ROADEF challenge's names: any side may lie along x
    width: int
    stack: int = 0
    sequence: int = 1
    rotatable: bool = True

    @property
    def area(self):
        return self.length * self.width


@dataclass(frozen=True)
class Defect:
    id: int
    plate: int
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Params:
    plate_width: int = 6000  # x, the direction of the 1-cuts' positions
    plate_height: int = 3210
    max_plates: int = 100
    min1cut: int = 100
    max1cut: int = 3500
    min2cut: int = 100
    min_waste: int = 20
    trim: int = 0  # margin cut off every edge of a full sheet
    cut_width: int = 0  # kerf; 0 for scored float glass


@dataclass(frozen=True)
class Sheet:
    """A kind of stock plate: full sheets of one size, or one remnant."""

    id: int
    width: int
    height: int
    quantity: int = 1
    remnant: bool = False
    trim: int = 0
    name: str = ""

    @property
    def area(self):
        return self.width * self.height


@dataclass
class Instance:
    name: str
    items: list
    defects: list = field(default_factory=list)
    params: Params = field(default_factory=Params)
    sheets: list = field(default_factory=list)  # Sheet; default: the params' plate

    def items_by_id(self):
        return {item.id: item for item in self.items}

    def sheet_types(self):
        """The stock to cut from; the challenge's identical plates by default."""
        if self.sheets:
            return list(self.sheets)
        params = self.params
        return [
            Sheet(
                0,
                params.plate_width,
                params.plate_height,
                params.max_plates,
                trim=params.trim,
            )
        ]

    def defects_on(self, plate):
        return [defect for defect in self.defects if defect.plate == plate]


def _rows(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


def read_params(path):
    """``global_param.csv``: NAME;VALUE lines."""
    values = {row["NAME"]: int(float(row["VALUE"])) for row in _rows(path)}
    return Params(
        plate_width=values.get("widthPlates", 6000),
        plate_height=values.get("heightPlates", 3210),
        max_plates=values.get("nPlates", 100),
        min1cut=values.get("min1Cut", 100),
        max1cut=values.get("max1Cut", 3500),
        min2cut=values.get("min2Cut", 100),
        min_waste=values.get("minWaste", 20),
    )


def read_challenge(directory, name, params=None):
    """Read ``<name>_batch.csv`` (and ``<name>_defects.csv`` when present)."""
    params = params or read_params(os.path.join(directory, "global_param.csv"))
    items = [
        Item(
            id=int(row["ITEM_ID"]),
            length=int(float(row["LENGTH_ITEM"])),
            width=int(float(row["WIDTH_ITEM"])),
            stack=int(row["STACK"]),
            sequence=int(row["SEQUENCE"]),
        )
        for row in _rows(os.path.join(directory, f"{name}_batch.csv"))
    ]
    defects_path = os.path.join(directory, f"{name}_defects.csv")
    defects = []
    if os.path.exists(defects_path):
        defects = [
            Defect(
                id=int(row["DEFECT_ID"]),
                plate=int(row["PLATE_ID"]),
                x=float(row["X"]),
                y=float(row["Y"]),
                width=float(row["WIDTH"]),
                height=float(row["HEIGHT"]),
            )
            for row in _rows(defects_path)
        ]
    return Instance(name=name, items=items, defects=defects, params=params)


def read_json(path):
    """A simple JSON instance::

    {"name": "...", "plate": {"width": 3210, "height": 2250}, "trim": 10,
     "cut_width": 0,
     "items": [{"width": 500, "height": 700, "quantity": 2, "rotatable": true}],
     "sheets": [{"width": 1200, "height": 900, "remnant": true, "trim": 0}],
     "defects": []}

    Optional limits: "max_plates", "min1cut", "max1cut", "min2cut", "min_waste".
    Items with a quantity are expanded into one item per piece, numbered from 0.
    Without "sheets" the stock is "max_plates" plates of the "plate" size; full
    sheets are trimmed by "trim" on every edge, remnants by their own "trim"
    (default 0).
    """
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
    plate = data.get("plate", {})
    params = Params(
        plate_width=int(plate.get("width", 6000)),
        plate_height=int(plate.get("height", 3210)),
        max_plates=int(data.get("max_plates", 100)),
        min1cut=int(data.get("min1cut", 100)),
        max1cut=int(data.get("max1cut", 3500)),
        min2cut=int(data.get("min2cut", 100)),
        min_waste=int(data.get("min_waste", 20)),
        trim=int(data.get("trim", 0)),
        cut_width=int(data.get("cut_width", 0)),
    )
    sheets = [
        Sheet(
            id=index,
            width=int(entry["width"]),
            height=int(entry["height"]),
            quantity=int(entry.get("quantity", 1)),
            remnant=bool(entry.get("remnant", False)),
            trim=int(entry.get("trim", 0 if entry.get("remnant") else params.trim)),
            name=str(entry.get("name", "")),
        )
        for index, entry in enumerate(data.get("sheets", []))
    ]
    items = []
    for entry in data.get("items", []):
        for _copy in range(int(entry.get("quantity", 1))):
            items.append(
                Item(
                    id=len(items),
                    length=int(entry["width"]),
                    width=int(entry["height"]),
                    stack=int(entry.get("stack", len(items))),
                    sequence=int(entry.get("sequence", 1)),
                    rotatable=bool(entry.get("rotatable", True)),
                )
            )
    defects = [
        Defect(
            id=index,
            plate=int(entry.get("plate", 0)),
            x=float(entry["x"]),
            y=float(entry["y"]),
            width=float(entry["width"]),
            height=float(entry["height"]),
        )
        for index, entry in enumerate(data.get("defects", []))
    ]
    return Instance(
        name=data.get("name", os.path.basename(path)),
        items=items,
        defects=defects,
        params=params,
        sheets=sheets,
    )
