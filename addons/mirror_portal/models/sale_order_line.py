# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models

from .res_users import NO_PRICES


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    # prices and amounts: not for the portal users of price-hidden contacts
    # (margin, margin_percent and purchase_price are for internal users already)
    price_unit = fields.Float(groups=NO_PRICES)
    technical_price_unit = fields.Float(groups=NO_PRICES)
    discount = fields.Float(groups=NO_PRICES)
    price_subtotal = fields.Monetary(groups=NO_PRICES)
    price_tax = fields.Float(groups=NO_PRICES)
    price_total = fields.Monetary(groups=NO_PRICES)
    price_reduce_taxexcl = fields.Monetary(groups=NO_PRICES)
    price_reduce_taxinc = fields.Monetary(groups=NO_PRICES)
    untaxed_amount_invoiced = fields.Monetary(groups=NO_PRICES)
    untaxed_amount_to_invoice = fields.Monetary(groups=NO_PRICES)
    amount_invoiced = fields.Monetary(groups=NO_PRICES)
    amount_to_invoice = fields.Monetary(groups=NO_PRICES)
    # the glass price (mirror_production)
    glass_unit_price = fields.Monetary(groups=NO_PRICES)
    glass_unit_cost = fields.Monetary(groups=NO_PRICES)
    glass_shape_surcharge = fields.Monetary(groups=NO_PRICES)
    glass_breakdown = fields.Json(groups=NO_PRICES)
    glass_breakdown_html = fields.Html(groups=NO_PRICES)
