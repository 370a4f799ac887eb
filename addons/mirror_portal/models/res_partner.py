# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    mirror_portal_hide_prices = fields.Boolean(
        "Hide prices in the portal",
        help="This contact's portal user orders and follows orders without seeing "
        "any price or amount (pages, lists, documents).",
    )
