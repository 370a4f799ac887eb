# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models


class MirrorSaleLineCutout(models.Model):
    _name = "mirror.sale.line.cutout"
    _description = "Cutout in a Glass Order Line"
    _order = "line_id, sequence, id"

    line_id = fields.Many2one(
        "sale.order.line", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    width = fields.Float("Width (mm)", required=True, digits=(8, 1))
    height = fields.Float("Height (mm)", required=True, digits=(8, 1))
    x = fields.Float(
        "X (mm)", digits=(8, 1), help="Left side of the cutout from the left edge."
    )
    y = fields.Float(
        "Y (mm)", digits=(8, 1), help="Bottom of the cutout from the bottom edge."
    )
    operation_id = fields.Many2one(
        "mirror.operation",
        "Cutout operation",
        compute="_compute_operation_id",
        store=True,
        readonly=False,
        precompute=True,
        domain=[("category", "=", "cutout")],
    )

    @api.depends("width", "height", "line_id.glass_material_id")
    def _compute_operation_id(self):
        # one search for all the cutouts; the pick is in memory
        cutters = self.env["mirror.operation"].search([("category", "=", "cutout")])
        for cutout in self:
            line = cutout.line_id
            size = max(cutout.width, cutout.height)
            current = cutout.operation_id._origin or cutout.operation_id
            if current and current._glass_operation().covers_size(size):
                continue
            cutout.operation_id = cutters._glass_pick(
                size,
                line.glass_material_id.glass_thickness,
                line.company_id or self.env.company,
            )

    @api.constrains("width", "height", "x", "y", "operation_id")
    def _check_glass_spec(self):
        self.line_id._check_glass_spec()
