# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models

from ..glass.geometry import MM2_PER_M2


class MirrorSheetSize(models.Model):
    _name = "mirror.sheet.size"
    _description = "Glass Stock Sheet Size"
    _order = "product_tmpl_id, sequence, id"

    product_tmpl_id = fields.Many2one(
        "product.template", "Material", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    width = fields.Integer("Width (mm)", required=True)
    height = fields.Integer("Height (mm)", required=True)
    area = fields.Float("Area (m²)", compute="_compute_area", digits=(12, 3))

    _sql_constraints = [
        (
            "size_positive",
            "CHECK(width > 0 AND height > 0)",
            "A sheet must have a positive size.",
        ),
    ]

    @api.depends("width", "height")
    def _compute_area(self):
        for sheet in self:
            sheet.area = sheet.width * sheet.height / MM2_PER_M2

    @api.depends("width", "height")
    def _compute_display_name(self):
        for sheet in self:
            sheet.display_name = f"{sheet.width} × {sheet.height}"
