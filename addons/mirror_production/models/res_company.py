# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import math

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..cutting import Settings
from ..glass.spec import Rules
from ..glass.validation import fmt
from .quote_cache import cached


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
        "Minimum billable area (m²)", default=Rules.min_billable_area, digits=(6, 3)
    )
    mirror_weight_factor = fields.Float(
        "Glass weight (kg per m² per mm)",
        default=Rules.weight_per_m2_mm,
        digits=(6, 2),
    )
    mirror_min_side = fields.Float("Smallest piece side (mm)", default=Rules.min_side)
    mirror_max_side = fields.Float("Largest piece side (mm)", default=Rules.max_side)
    mirror_hole_min_diameter_factor = fields.Float(
        "Smallest hole (× thickness)",
        default=Rules.hole_min_diameter_factor,
        digits=(6, 2),
    )
    mirror_hole_edge_factor = fields.Float(
        "Hole distance to edges and holes (× thickness)",
        default=Rules.hole_edge_distance_factor,
        digits=(6, 2),
    )
    mirror_furnace_min_short = fields.Float(
        "Furnace minimum, short side (mm)", default=Rules.furnace_min_short
    )
    mirror_furnace_min_long = fields.Float(
        "Furnace minimum, long side (mm)", default=Rules.furnace_min_long
    )
    mirror_furnace_max_short = fields.Float(
        "Furnace maximum, short side (mm)", default=Rules.furnace_max_short
    )
    mirror_furnace_max_long = fields.Float(
        "Furnace maximum, long side (mm)", default=Rules.furnace_max_long
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
        default=Settings.trim,
        help="Cut off every edge of a full stock sheet before pieces are cut "
        "(factory edges are chipped). Remnants have clean edges and are not trimmed.",
    )
    mirror_cut_width = fields.Integer(
        "Cut width (mm)",
        default=Settings.cut_width,
        help="Material lost in each cut: 0 for scored and snapped glass, the blade or "
        "jet width for sawn or water-jet cutting.",
    )
    mirror_cut_min_waste = fields.Integer(
        "Narrowest strip to snap off (mm)",
        default=Settings.min_waste,
        help="A waste strip narrower than this cannot be broken off the sheet.",
    )
    mirror_cut_time_limit = fields.Float(
        "Cutting optimization time (s)",
        default=30.0,
        help="How long a cutting batch's optimization searches for a better plan.",
    )
    # limits of one request: a client (or a typing error) cannot exhaust the server
    mirror_cut_time_limit_max = fields.Float(
        "Longest cutting optimization (s)",
        default=Rules.max_cut_time_limit,
        help="No cutting batch may search for longer than this.",
    )
    mirror_max_holes = fields.Integer(
        "Most holes per piece",
        default=Rules.max_holes,
        help="A glass line with more holes is refused at once, before its holes are "
        "compared with each other.",
    )
    mirror_max_cutouts = fields.Integer(
        "Most cutouts per piece",
        default=Rules.max_cutouts,
        help="A glass line with more cutouts is refused at once.",
    )
    mirror_max_lines = fields.Integer(
        "Most glass lines per order",
        default=Rules.max_lines,
        help="An order (or one request of the API) with more glass lines is refused; "
        "split it into several orders.",
    )
    mirror_tablet_shift_hours = fields.Float(
        "Tablet sign-in lasts (hours)",
        default=12.0,
        help="An operator signed in at the workshop tablet is signed out after this "
        "long, and at once when their PIN or badge changes.",
    )
    mirror_tablet_idle_minutes = fields.Integer(
        "Tablet idle sign-out (minutes)",
        default=10,
        help="The workshop tablet signs its operator out after this long without a "
        "tap or a scan (0: never).",
    )
    mirror_tablet_free_attempts = fields.Integer(
        "Wrong PINs before the tablet waits",
        default=5,
        help="Wrong PINs (or unknown badges) a tablet may enter before each further "
        "attempt waits, twice as long each time.",
    )
    mirror_tablet_first_wait = fields.Integer(
        "First wait after wrong PINs (s)",
        default=30,
    )

    @api.constrains(
        "mirror_cut_time_limit",
        "mirror_cut_time_limit_max",
        "mirror_max_holes",
        "mirror_max_cutouts",
        "mirror_max_lines",
    )
    def _check_mirror_limits(self):
        for company in self:
            longest = company.mirror_cut_time_limit_max
            # written so that NaN (which compares False) is refused too
            if not (math.isfinite(longest) and longest > 0):
                raise ValidationError(
                    self.env._(
                        "The longest cutting optimization must be a number of seconds "
                        "above 0 (got %(limit)s s); %(default)s s is a sensible "
                        "maximum.",
                        limit=fmt(longest),
                        default=fmt(Rules.max_cut_time_limit),
                    )
                )
            limit = company.mirror_cut_time_limit
            if not (0 < limit <= longest):
                raise ValidationError(
                    self.env._(
                        "The cutting optimization time must be more than 0 s and at "
                        "most %(max)s s (got %(limit)s s); 30 s is a good start.",
                        limit=fmt(limit),
                        max=fmt(longest),
                    )
                )
            if (
                company.mirror_max_holes < 0
                or company.mirror_max_cutouts < 0
                or company.mirror_max_lines < 1
            ):
                raise ValidationError(
                    self.env._(
                        "The most holes and cutouts per piece cannot be negative, and "
                        "an order takes at least one glass line (got %(holes)s holes, "
                        "%(cutouts)s cutouts, %(lines)s lines).",
                        holes=company.mirror_max_holes,
                        cutouts=company.mirror_max_cutouts,
                        lines=company.mirror_max_lines,
                    )
                )

    def _mirror_cutting_operation(self):
        self.ensure_one()
        return self.mirror_cutting_operation_id or self.env["mirror.operation"].search(
            [("category", "=", "cutting"), ("company_id", "in", [self.id, False])],
            limit=1,
        )

    def _mirror_glass_rules(self):
        self.ensure_one()
        return cached(self.env, "rules", self.id, self._mirror_build_glass_rules)

    def _mirror_build_glass_rules(self):
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
            max_holes=self.mirror_max_holes,
            max_cutouts=self.mirror_max_cutouts,
            max_lines=self.mirror_max_lines,
            max_cut_time_limit=self.mirror_cut_time_limit_max,
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
