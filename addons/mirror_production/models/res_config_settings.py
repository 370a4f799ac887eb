# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    mirror_glass_product_id = fields.Many2one(
        related="company_id.mirror_glass_product_id", readonly=False
    )
    mirror_min_billable_area = fields.Float(
        related="company_id.mirror_min_billable_area", readonly=False
    )
    mirror_weight_factor = fields.Float(
        related="company_id.mirror_weight_factor", readonly=False
    )
    mirror_min_side = fields.Float(related="company_id.mirror_min_side", readonly=False)
    mirror_max_side = fields.Float(related="company_id.mirror_max_side", readonly=False)
    mirror_hole_min_diameter_factor = fields.Float(
        related="company_id.mirror_hole_min_diameter_factor", readonly=False
    )
    mirror_hole_edge_factor = fields.Float(
        related="company_id.mirror_hole_edge_factor", readonly=False
    )
    mirror_furnace_min_short = fields.Float(
        related="company_id.mirror_furnace_min_short", readonly=False
    )
    mirror_furnace_min_long = fields.Float(
        related="company_id.mirror_furnace_min_long", readonly=False
    )
    mirror_furnace_max_short = fields.Float(
        related="company_id.mirror_furnace_max_short", readonly=False
    )
    mirror_furnace_max_long = fields.Float(
        related="company_id.mirror_furnace_max_long", readonly=False
    )
    mirror_urgent_percent = fields.Float(
        related="company_id.mirror_urgent_percent", readonly=False
    )
    mirror_express_percent = fields.Float(
        related="company_id.mirror_express_percent", readonly=False
    )
    mirror_min_margin_percent = fields.Float(
        related="company_id.mirror_min_margin_percent", readonly=False
    )
    mirror_max_discount = fields.Float(
        related="company_id.mirror_max_discount", readonly=False
    )
    mirror_waste_percent = fields.Float(
        related="company_id.mirror_waste_percent", readonly=False
    )
    mirror_cutting_operation_id = fields.Many2one(
        related="company_id.mirror_cutting_operation_id", readonly=False
    )
    mirror_cut_trim = fields.Integer(
        related="company_id.mirror_cut_trim", readonly=False
    )
    mirror_cut_width = fields.Integer(
        related="company_id.mirror_cut_width", readonly=False
    )
    mirror_cut_min_waste = fields.Integer(
        related="company_id.mirror_cut_min_waste", readonly=False
    )
    mirror_cut_time_limit = fields.Float(
        related="company_id.mirror_cut_time_limit", readonly=False
    )
    mirror_cut_time_limit_max = fields.Float(
        related="company_id.mirror_cut_time_limit_max", readonly=False
    )
    mirror_max_holes = fields.Integer(
        related="company_id.mirror_max_holes", readonly=False
    )
    mirror_max_cutouts = fields.Integer(
        related="company_id.mirror_max_cutouts", readonly=False
    )
    mirror_max_lines = fields.Integer(
        related="company_id.mirror_max_lines", readonly=False
    )
    mirror_tablet_shift_hours = fields.Float(
        related="company_id.mirror_tablet_shift_hours", readonly=False
    )
    mirror_tablet_idle_minutes = fields.Integer(
        related="company_id.mirror_tablet_idle_minutes", readonly=False
    )
    mirror_tablet_free_attempts = fields.Integer(
        related="company_id.mirror_tablet_free_attempts", readonly=False
    )
    mirror_tablet_first_wait = fields.Integer(
        related="company_id.mirror_tablet_first_wait", readonly=False
    )
