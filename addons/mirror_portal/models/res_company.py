# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    mirror_portal_production_card = fields.Boolean(
        "Production card in the portal",
        help="Clients can download their orders' production card (drawings, routes "
        "and pieces, no prices) from the portal.",
    )
