# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class MirrorOperation(models.Model):
    _inherit = "mirror.operation"

    mirror_portal_published = fields.Boolean(
        "Orderable in the portal",
        default=True,
        help="Clients can choose this operation when they order in the portal.",
    )
