# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models

from .res_users import NO_PRICES


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    # prices and amounts: not for the portal users of price-hidden contacts
    price_unit = fields.Float(groups=NO_PRICES)
    discount = fields.Float(groups=NO_PRICES)
    price_subtotal = fields.Monetary(groups=NO_PRICES)
    price_total = fields.Monetary(groups=NO_PRICES)
    debit = fields.Monetary(groups=NO_PRICES)
    credit = fields.Monetary(groups=NO_PRICES)
    balance = fields.Monetary(groups=NO_PRICES)
    cumulated_balance = fields.Monetary(groups=NO_PRICES)
    amount_currency = fields.Monetary(groups=NO_PRICES)
    amount_residual = fields.Monetary(groups=NO_PRICES)
    amount_residual_currency = fields.Monetary(groups=NO_PRICES)
    tax_base_amount = fields.Monetary(groups=NO_PRICES)
    discount_amount_currency = fields.Monetary(groups=NO_PRICES)
    discount_balance = fields.Monetary(groups=NO_PRICES)
