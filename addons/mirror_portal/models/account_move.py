# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import models


class AccountMove(models.Model):
    _inherit = "account.move"

    def _has_to_be_paid(self):
        # who may not see the amount does not pay it either
        return super()._has_to_be_paid() and not self.env[
            "sale.order"
        ]._mirror_portal_hides_prices(partner=self.partner_id)
