# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models

from ..glass.spec import PriceBand


class MirrorOperationPrice(models.Model):
    _name = "mirror.operation.price"
    _description = "Glass Operation Price by Thickness"
    _order = "operation_id, thickness_min, id"

    operation_id = fields.Many2one(
        "mirror.operation", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="operation_id.company_id", store=True)
    currency_id = fields.Many2one(related="operation_id.currency_id")
    thickness_min = fields.Float(
        "From (mm)", digits=(6, 1), help="Glass thickness from, in mm."
    )
    thickness_max = fields.Float(
        "To (mm)",
        digits=(6, 1),
        help="Glass thickness up to, in mm; 0 means no upper limit.",
    )
    price = fields.Monetary(
        required=True, help="Sale price per unit of the operation's basis."
    )
    cost = fields.Monetary(help="Workshop cost per unit of the operation's basis.")

    _sql_constraints = [
        (
            "thickness_range",
            "CHECK(thickness_min >= 0 AND (thickness_max = 0 OR thickness_max >= "
            "thickness_min))",
            "A thickness band must go from a smaller to a larger thickness (0 = no "
            "limit).",
        ),
        (
            "price_positive",
            "CHECK(price >= 0 AND cost >= 0)",
            "Prices and costs cannot be negative.",
        ),
    ]

    @api.depends("thickness_min", "thickness_max")
    def _compute_display_name(self):
        for band in self:
            if band.thickness_max:
                band.display_name = self.env._(
                    "%(min)s–%(max)s mm", min=band.thickness_min, max=band.thickness_max
                )
            else:
                band.display_name = self.env._(
                    "from %(min)s mm", min=band.thickness_min
                )

    def _glass_band(self, rate=1.0):
        self.ensure_one()
        return PriceBand(
            thickness_min=self.thickness_min,
            thickness_max=self.thickness_max,
            price=self.price * rate,
            cost=self.cost * rate,
        )
