# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models

MIRROR_STATUS = [
    ("quotation", "Quotation"),
    ("confirmed", "Confirmed, awaiting prepayment"),
    ("production", "In production"),
    ("ready", "Ready"),
    ("delivered", "Delivered"),
    ("closed", "Closed"),
    ("cancel", "Cancelled"),
]
MIRROR_STAGES = [
    ("cutting", "Cutting"),
    ("processing", "Processing"),
    ("tempering", "Tempering"),
    ("qc", "Quality check"),
    ("packing", "Packing"),
]


class MirrorOrderStatus(models.Model):
    _name = "mirror.order.status"
    _description = "Order Status History"
    _order = "order_id, date desc, id desc"

    order_id = fields.Many2one(
        "sale.order", required=True, ondelete="cascade", index=True
    )
    date = fields.Datetime(required=True, default=fields.Datetime.now)
    status = fields.Selection(MIRROR_STATUS, required=True)
    stage = fields.Selection(MIRROR_STAGES)
    previous_status = fields.Selection(MIRROR_STATUS)
