# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    mirror_portal_published = fields.Boolean(
        "Orderable in the portal",
        default=True,
        help="Clients can order this glass material in the portal (unless their "
        "own list of portal materials leaves it out).",
    )
