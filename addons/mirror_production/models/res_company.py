# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models

from ..glass.spec import Rules


class ResCompany(models.Model):
    _inherit = "res.company"

    mirror_glass_product_id = fields.Many2one(
        "product.product",
        "Glass piece product",
        domain=[("glass_role", "=", "piece")],
        help="Product put on new glass lines; its name appears on documents before the "
        "specification.",
    )
    mirror_min_billable_area = fields.Float(
        "Minimum billable area (m²)", default=0.25, digits=(6, 3)
    )
    mirror_weight_factor = fields.Float(
        "Glass weight (kg per m² per mm)", default=2.5, digits=(6, 2)
    )
    mirror_min_side = fields.Float("Smallest piece side (mm)", default=20.0)
    mirror_max_side = fields.Float("Largest piece side (mm)", default=6000.0)
    mirror_hole_min_diameter_factor = fields.Float(
        "Smallest hole (× thickness)", default=1.0, digits=(6, 2)
    )
    mirror_hole_edge_factor = fields.Float(
        "Hole distance to edges and holes (× thickness)", default=2.0, digits=(6, 2)
    )
    mirror_furnace_min_short = fields.Float(
        "Furnace minimum, short side (mm)", default=100.0
    )
    mirror_furnace_min_long = fields.Float(
        "Furnace minimum, long side (mm)", default=250.0
    )
    mirror_furnace_max_short = fields.Float(
        "Furnace maximum, short side (mm)", default=2440.0
    )
    mirror_furnace_max_long = fields.Float(
        "Furnace maximum, long side (mm)", default=3660.0
    )
    mirror_urgent_percent = fields.Float("Urgent surcharge (%)", default=30.0)
    mirror_express_percent = fields.Float("Express surcharge (%)", default=50.0)
    mirror_min_margin_percent = fields.Float(
        "Minimum margin (%)",
        default=20.0,
        help="Confirming a quotation whose margin is below this needs a sales "
        "manager's "
        "approval. 0 disables the check.",
    )
    mirror_max_discount = fields.Float(
        "Maximum discount (%)",
        help="Confirming a quotation with a line discount above this needs a sales "
        "manager's approval. 0 disables the check.",
    )

    mirror_waste_percent = fields.Float(
        "Glass waste allowance (%)",
        default=15.0,
        help="Glass consumed by a manufacturing order: the pieces' area plus this "
        "allowance, until the cutting plan gives the real consumption.",
    )
    mirror_cutting_operation_id = fields.Many2one(
        "mirror.operation",
        "Cutting operation",
        domain=[("category", "=", "cutting")],
        help="First step of every glass piece's route; the first active cutting "
        "operation when empty.",
    )

    mirror_cut_trim = fields.Integer(
        "Sheet edge trim (mm)",
        default=10,
        help="Cut off every edge of a full stock sheet before pieces are cut "
        "(factory edges are chipped). Remnants have clean edges and are not trimmed.",
    )
    mirror_cut_width = fields.Integer(
        "Cut width (mm)",
        default=0,
        help="Material lost in each cut: 0 for scored and snapped glass, the blade or "
        "jet width for sawn or water-jet cutting.",
    )
    mirror_cut_min_waste = fields.Integer(
        "Narrowest strip to snap off (mm)",
        default=20,
        help="A waste strip narrower than this cannot be broken off the sheet.",
    )
    mirror_cut_time_limit = fields.Float(
        "Cutting optimization time (s)",
        default=30.0,
        help="How long a cutting batch's optimization searches for a better plan.",
    )

    def _mirror_cutting_operation(self):
        self.ensure_one()
        return self.mirror_cutting_operation_id or self.env["mirror.operation"].search(
            [("category", "=", "cutting"), ("company_id", "in", [self.id, False])],
            limit=1,
        )

    def _mirror_glass_rules(self):
        self.ensure_one()
        return Rules(
            min_billable_area=self.mirror_min_billable_area,
            weight_per_m2_mm=self.mirror_weight_factor,
            min_side=self.mirror_min_side,
            max_side=self.mirror_max_side,
            hole_min_diameter_factor=self.mirror_hole_min_diameter_factor,
            hole_edge_distance_factor=self.mirror_hole_edge_factor,
            furnace_min_short=self.mirror_furnace_min_short,
            furnace_min_long=self.mirror_furnace_min_long,
            furnace_max_short=self.mirror_furnace_max_short,
            furnace_max_long=self.mirror_furnace_max_long,
        )

    def _mirror_glass_product(self):
        """The product of new glass lines (the suite's default if none is set)."""
        self.ensure_one()
        return self.mirror_glass_product_id or self.env.ref(
            "mirror_production.product_glass_piece", raise_if_not_found=False
        )

    def _mirror_urgency_percent(self, urgency):
        self.ensure_one()
        return {
            "urgent": self.mirror_urgent_percent,
            "express": self.mirror_express_percent,
        }.get(urgency, 0.0)
