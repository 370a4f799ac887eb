# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Cut lists: the pieces a client sends as a CSV or XLSX table.

Plain Python (no Odoo import): :mod:`.reader` turns a file into rows of cells,
:mod:`.parser` finds the columns (Russian or English headers) and reads each row
into a piece or into clear problems, row by row. The portal prices the good rows
with ``mirror_production``'s glass package and shows the bad ones with their
reasons.
"""

from .parser import COLUMNS, CutList, PieceRow, lookup_key, parse, template_rows
from .reader import CutListFileError, read_table

__all__ = [
    "COLUMNS",
    "CutList",
    "CutListFileError",
    "PieceRow",
    "lookup_key",
    "parse",
    "read_table",
    "template_rows",
]
