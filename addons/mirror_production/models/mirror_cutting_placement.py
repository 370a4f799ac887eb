# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class MirrorCuttingPlacement(models.Model):
    """Where a piece lies on a sheet of a cutting plan (mm, from the bottom left)."""

    _name = "mirror.cutting.placement"
    _description = "Piece on a Cutting Sheet"
    _order = "sheet_id, sequence, id"

    sheet_id = fields.Many2one(
        "mirror.cutting.sheet", required=True, ondelete="cascade", index=True
    )
    batch_id = fields.Many2one(related="sheet_id.batch_id", store=True, index=True)
    piece_id = fields.Many2one(
        "mirror.piece", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer()
    barcode = fields.Char(related="piece_id.barcode")
    order_id = fields.Many2one(related="piece_id.order_id")
    x = fields.Integer()
    y = fields.Integer()
    width = fields.Integer("Width as cut (mm)")
    height = fields.Integer("Height as cut (mm)")
    rotated = fields.Boolean(help="The piece lies turned by 90° on the sheet.")
