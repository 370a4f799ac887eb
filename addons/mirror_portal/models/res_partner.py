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
    mirror_portal_material_ids = fields.Many2many(
        "product.product",
        "mirror_portal_partner_material_rel",
        "partner_id",
        "product_id",
        "Portal materials",
        domain=[("glass_role", "=", "material")],
        help="The glass this client company may order in the portal; empty: every "
        "material orderable in the portal.",
    )

    def _mirror_portal_materials(self, company):
        """The glass materials this client may order in the portal from ``company``
        (the portal reads them as the superuser: no other company's glass)."""
        client = self.commercial_partner_id
        materials = client.mirror_portal_material_ids or self.env[
            "product.product"
        ].search([("glass_role", "=", "material")])
        return materials.filtered(
            lambda product: (
                product.sale_ok
                and product.active
                and product.mirror_portal_published
                and product.company_id in (company, product.company_id.browse())
            )
        )

    def _mirror_portal_operations(self, company):
        """The processing operations clients may choose in the portal."""
        return self.env["mirror.operation"].search(
            [("mirror_portal_published", "=", True), ("company_id", "in", company.ids)]
        )
