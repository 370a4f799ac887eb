# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    mirror_portal_production_card = fields.Boolean(
        related="company_id.mirror_portal_production_card", readonly=False
    )
