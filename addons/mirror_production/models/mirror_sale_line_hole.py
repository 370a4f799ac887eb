# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models


class MirrorSaleLineHole(models.Model):
    _name = "mirror.sale.line.hole"
    _description = "Hole in a Glass Order Line"
    _order = "line_id, sequence, id"

    line_id = fields.Many2one(
        "sale.order.line", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    diameter = fields.Float("Ø (mm)", required=True, digits=(8, 1))
    x = fields.Float(
        "X (mm)", digits=(8, 1), help="Centre of the hole from the left edge."
    )
    y = fields.Float(
        "Y (mm)", digits=(8, 1), help="Centre of the hole from the bottom edge."
    )
    operation_id = fields.Many2one(
        "mirror.operation",
        "Drilling",
        compute="_compute_operation_id",
        store=True,
        readonly=False,
        precompute=True,
        domain=[("category", "=", "drilling")],
        help="Drilling operation, chosen by diameter and glass thickness; can be "
        "changed.",
    )

    @api.depends("diameter", "line_id.glass_material_id")
    def _compute_operation_id(self):
        # one search for all the holes; the pick is in memory
        drills = self.env["mirror.operation"]._glass_candidates("drilling")
        for hole in self:
            line = hole.line_id
            thickness = line.glass_material_id.glass_thickness
            current = hole.operation_id._origin or hole.operation_id
            if current and current._glass_operation().covers_size(hole.diameter):
                continue
            hole.operation_id = drills._glass_pick(
                hole.diameter, thickness, line.company_id or self.env.company
            )

    @api.constrains("diameter", "x", "y", "operation_id")
    def _check_glass_spec(self):
        self.line_id._check_glass_spec()
