# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Glass cutting plans: ROADEF/EURO 2018 instances, plans and their checker.

Plain Python (no Odoo import). The checker is written from the problem statement
alone, independently of any optimizer, so that it can judge the optimizer's plans.

Modules, from the data to the callers:

- :mod:`.instance`: pieces (items), stock sheets, defects and limits; the
  challenge's CSV files and a JSON document;
- :mod:`.plan`: a plan as the challenge's node tree, in its CSV and as JSON;
- :mod:`.checker`: the independent checker of a node tree, and its yield;
- :mod:`.layout`: a plan as the searches build it (sheets, 1-strips, rows,
  placements) and its node tree;
- :mod:`.optimizer`: the beam search; :mod:`.treesearch`: PackingSolver beside it;
- :mod:`.planning`: the Odoo models' API (pieces and stock in, planned sheets with
  their offcuts and numbered cuts out); :mod:`.cut_map`: a planned sheet's drawing;
- :mod:`.errors`: :class:`CuttingError`; :mod:`.cli`: ``python3 -m cutting``.

The names below are what the Odoo models use.
"""

from ._glass import MM2_PER_M2
from .cut_map import cut_map_svg
from .errors import CuttingError
from .planning import (
    Piece,
    PlannedSheet,
    Settings,
    Stock,
    WorkshopPlan,
    estimate,
    plan_batch,
    sheet_from_dict,
    sheet_to_dict,
)

__all__ = [
    "MM2_PER_M2",
    "CuttingError",
    "Piece",
    "PlannedSheet",
    "Settings",
    "Stock",
    "WorkshopPlan",
    "cut_map_svg",
    "estimate",
    "plan_batch",
    "sheet_from_dict",
    "sheet_to_dict",
]
