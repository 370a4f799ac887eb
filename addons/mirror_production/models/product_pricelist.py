# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import models

from .quote_cache import cached


class ProductPricelist(models.Model):
    _inherit = "product.pricelist"

    def _get_applicable_rules(self, products, date, **kwargs):
        # a quote of a cut list prices the same few glasses on every line: search
        # their rules once, not once per line
        if kwargs or not self:
            return super()._get_applicable_rules(products, date, **kwargs)
        ids = cached(
            self.env,
            "pricelist_rules",
            (self.id, products._name, tuple(products.ids), date),
            lambda: (
                super(ProductPricelist, self)._get_applicable_rules(products, date).ids
            ),
        )
        return self.env["product.pricelist.item"].browse(ids)
