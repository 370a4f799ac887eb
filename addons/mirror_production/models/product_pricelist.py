# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import models

# the rules a quote's lines found, for the transaction (the pre-commit queue's data,
# emptied at each commit and rollback)
GLASS_RULES_CACHE = "mirror_production.glass_pricelist_rules"


class ProductPricelist(models.Model):
    _inherit = "product.pricelist"

    def _get_applicable_rules(self, products, date, **kwargs):
        # a quote of a cut list prices the same few glasses on every line: search
        # their rules once, not once per line
        if kwargs or not self or not self.env.context.get("mirror_glass_quote_cache"):
            return super()._get_applicable_rules(products, date, **kwargs)
        found = self.env.cr.precommit.data.setdefault(GLASS_RULES_CACHE, {})
        key = (self.id, products._name, tuple(products.ids), date, self.env.uid)
        if key not in found:
            found[key] = super()._get_applicable_rules(products, date).ids
        return self.env["product.pricelist.item"].browse(found[key])
