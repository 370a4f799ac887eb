# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class MirrorCuttingEstimate(models.Model):
    """A quotation's quick cutting plan for one glass: sheets, yield, glass cost."""

    _name = "mirror.cutting.estimate"
    _description = "Quotation Sheet Estimate"
    _order = "order_id, id"

    order_id = fields.Many2one(
        "sale.order", required=True, ondelete="cascade", index=True
    )
    product_id = fields.Many2one("product.product", "Glass", required=True)
    sheets = fields.Char("Sheets to cut", help="How many sheets of each size.")
    sheet_count = fields.Integer("Sheets")
    pieces_area = fields.Float("Pieces (m²)", digits=(12, 3))
    sheets_area = fields.Float("Sheets (m²)", digits=(12, 3))
    consumed_area = fields.Float(
        "Glass consumed (m²)",
        digits=(12, 3),
        help="The sheets less the offcuts big enough to keep as remnants.",
    )
    yield_percent = fields.Float("Yield (%)", digits=(5, 1))
    company_currency_id = fields.Many2one(related="order_id.company_id.currency_id")
    cost = fields.Monetary(
        "Glass cost",
        currency_field="company_currency_id",
        help="The glass consumed at the material's cost per m².",
    )
    sheets_cost = fields.Monetary(
        "Sheets cost",
        currency_field="company_currency_id",
        help="Whole sheets at the material's cost per m², remnants not deducted.",
    )
