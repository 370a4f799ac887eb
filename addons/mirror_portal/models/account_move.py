# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models

from .res_users import NO_PRICES

# account's groups of the payment widgets, and not the price-hidden users: in a
# list of groups Odoo requires one of the groups and none of the "!" ones
INVOICING_NO_PRICES = (
    f"account.group_account_invoice,account.group_account_readonly,{NO_PRICES}"
)


class AccountMove(models.Model):
    _inherit = "account.move"

    # prices and amounts: not for the portal users of price-hidden contacts
    amount_untaxed = fields.Monetary(groups=NO_PRICES)
    amount_tax = fields.Monetary(groups=NO_PRICES)
    amount_total = fields.Monetary(groups=NO_PRICES)
    amount_residual = fields.Monetary(groups=NO_PRICES)
    amount_untaxed_signed = fields.Monetary(groups=NO_PRICES)
    amount_untaxed_in_currency_signed = fields.Monetary(groups=NO_PRICES)
    amount_tax_signed = fields.Monetary(groups=NO_PRICES)
    amount_total_signed = fields.Monetary(groups=NO_PRICES)
    amount_total_in_currency_signed = fields.Monetary(groups=NO_PRICES)
    amount_residual_signed = fields.Monetary(groups=NO_PRICES)
    amount_total_words = fields.Char(groups=NO_PRICES)
    amount_paid = fields.Monetary(groups=NO_PRICES)
    quick_edit_total_amount = fields.Monetary(groups=NO_PRICES)
    partner_credit = fields.Monetary(groups=NO_PRICES)
    tax_totals = fields.Binary(groups=NO_PRICES)
    needed_terms = fields.Binary(groups=NO_PRICES)
    payment_term_details = fields.Binary(groups=NO_PRICES)
    invoice_payments_widget = fields.Binary(groups=INVOICING_NO_PRICES)
    invoice_outstanding_credits_debits_widget = fields.Binary(
        groups=INVOICING_NO_PRICES
    )

    def _has_to_be_paid(self):
        # who may not see the amount does not pay it either
        return super()._has_to_be_paid() and not self.env[
            "sale.order"
        ]._mirror_portal_hides_prices(partner=self.partner_id)
