# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models

# operations the workshop adds itself, or that need a drawing: not on the order form
WORKSHOP_ONLY = frozenset(["cutting", "drilling", "cutout", "qc", "packing"])


class ResPartner(models.Model):
    _inherit = "res.partner"

    mirror_portal_hide_prices = fields.Boolean(
        "Hide prices in the portal",
        help="This contact's portal user orders and follows orders without seeing "
        "any price or amount (pages, lists, documents).",
    )
    mirror_portal_can_confirm = fields.Boolean(
        "Confirms portal orders",
        help="The portal users of this client company may confirm the orders they "
        "enter in the portal themselves; otherwise an order is sent to the manager "
        "as a quotation.",
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

    @api.model_create_multi
    def create(self, vals_list):
        partners = super().create(vals_list)
        flagged = partners.filtered("mirror_portal_hide_prices")
        flagged._mirror_portal_price_group_sync_users()
        return partners

    def write(self, vals):
        res = super().write(vals)
        if "mirror_portal_hide_prices" in vals:
            self._mirror_portal_price_group_sync_users()
        return res

    def _mirror_portal_price_group_sync_users(self):
        """Their portal users follow the flag into or out of the price-hidden group
        (archived ones too: they keep it when reactivated)."""
        users = self.sudo().with_context(active_test=False).user_ids
        users._mirror_portal_price_group_sync()

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

    def _mirror_portal_editor_catalog(self, company):
        """What the order editor offers this client: the glass they may order, the
        edge work and other operations, and the usual edge presets, in plain
        values (names and codes, never costs)."""
        self.ensure_one()
        materials = self._mirror_portal_materials(company).sorted(
            lambda product: (product.glass_thickness, product.display_name)
        )
        operations = self._mirror_portal_operations(company).sorted(
            lambda operation: (operation.sequence, operation.name)
        )
        edges = operations.filtered(lambda operation: operation.category == "edge")
        others = (operations - edges).filtered(
            lambda operation: operation.category not in WORKSHOP_ONLY
        )
        # "long": the two longer sides (a shelf's front and back), by the size
        presets = [{"key": "none", "label": self.env._("No edge work"), "sides": ""}]
        for edge in edges:
            presets += [
                {
                    "key": f"all-{edge.id}",
                    "label": self.env._("%(edge)s, all sides", edge=edge.name),
                    "edge_id": edge.id,
                    "sides": "all",
                },
                {
                    "key": f"long-{edge.id}",
                    "label": self.env._("%(edge)s, long sides", edge=edge.name),
                    "edge_id": edge.id,
                    "sides": "long",
                },
            ]
        return {
            "materials": [
                {
                    "id": product.id,
                    "name": product.display_name,
                    "code": product.default_code or "",
                    "thickness": product.glass_thickness,
                }
                for product in materials
            ],
            "edges": [
                {"id": edge.id, "name": edge.name, "code": edge.code or ""}
                for edge in edges
            ],
            "operations": [
                {"id": operation.id, "name": operation.name} for operation in others
            ],
            "presets": presets,
        }
