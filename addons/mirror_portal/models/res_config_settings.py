# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    mirror_portal_production_card = fields.Boolean(
        related="company_id.mirror_portal_production_card", readonly=False
    )
    mirror_public_enabled = fields.Boolean(
        related="company_id.mirror_public_enabled", readonly=False
    )
    mirror_public_max_lines = fields.Integer(
        related="company_id.mirror_public_max_lines", readonly=False
    )
    mirror_public_rate_limit = fields.Integer(
        related="company_id.mirror_public_rate_limit", readonly=False
    )
    mirror_public_quote_limit = fields.Integer(
        related="company_id.mirror_public_quote_limit", readonly=False
    )
    mirror_public_max_files = fields.Integer(
        related="company_id.mirror_public_max_files", readonly=False
    )
    mirror_public_max_file_mb = fields.Integer(
        related="company_id.mirror_public_max_file_mb", readonly=False
    )
    mirror_public_frame_origins = fields.Char(
        related="company_id.mirror_public_frame_origins", readonly=False
    )
    mirror_public_team_id = fields.Many2one(
        related="company_id.mirror_public_team_id", readonly=False
    )
