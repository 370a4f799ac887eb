# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import models


class StockRule(models.Model):
    _inherit = "stock.rule"

    def _make_mo_get_domain(self, procurement, bom):
        # two glass lines share the product and the generic BoM but never a MO:
        # each MO makes the pieces of exactly one specification
        domain = super()._make_mo_get_domain(procurement, bom)
        if procurement.product_id.glass_role == "piece":
            domain += (("sale_line_id", "=", procurement.values.get("sale_line_id")),)
        return domain
