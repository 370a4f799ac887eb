# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Invoices in the portal for a price-hidden visitor: an invoice is all amounts,
so there are none for them (no list, no counter, no page, no PDF, no payment)."""

from odoo import http
from odoo.exceptions import AccessError, MissingError, ValidationError
from odoo.http import request
from odoo.osv import expression

from odoo.addons.account.controllers import download_docs
from odoo.addons.account_payment.controllers import payment as account_payment
from odoo.addons.account_payment.controllers import portal as account_portal

from .portal import _hides_prices


def _no_invoices_error():
    return ValidationError(
        request.env._(
            "Your account does not show prices: invoices are paid by your "
            "company's buyer."
        )
    )


class PortalAccount(account_portal.PortalAccount):
    def _get_invoices_domain(self, m_type=None):
        domain = super()._get_invoices_domain(m_type=m_type)
        if _hides_prices():
            domain = expression.AND([domain, expression.FALSE_DOMAIN])
        return domain

    def _get_overdue_invoices_domain(self, partner_id=None):
        domain = super()._get_overdue_invoices_domain(partner_id=partner_id)
        if _hides_prices():
            domain = expression.AND([domain, expression.FALSE_DOMAIN])
        return domain

    @http.route()
    def portal_my_invoice_detail(
        self, invoice_id, access_token=None, report_type=None, download=False, **kw
    ):
        try:
            invoice_sudo = self._document_check_access(
                "account.move", invoice_id, access_token
            )
        except (AccessError, MissingError):
            return request.redirect("/my")
        if _hides_prices(invoice_sudo):
            return request.redirect("/my")
        return super().portal_my_invoice_detail(
            invoice_id,
            access_token=access_token,
            report_type=report_type,
            download=download,
            **kw,
        )

    @http.route()
    def portal_my_overdue_invoices(self, access_token=None, **kw):
        if _hides_prices():
            return request.redirect("/my")
        return super().portal_my_overdue_invoices(access_token=access_token, **kw)


class PaymentPortal(account_payment.PaymentPortal):
    @http.route()
    def invoice_transaction(self, invoice_id, access_token, **kwargs):
        try:
            invoice_sudo = self._document_check_access(
                "account.move", invoice_id, access_token
            )
        except (AccessError, MissingError):
            invoice_sudo = None  # refused by account_payment, as ever
        if invoice_sudo and _hides_prices(invoice_sudo):
            raise _no_invoices_error()
        return super().invoice_transaction(invoice_id, access_token, **kwargs)

    @http.route()
    def overdue_invoices_transaction(self, payment_reference, **kwargs):
        if _hides_prices():
            raise _no_invoices_error()
        return super().overdue_invoices_transaction(payment_reference, **kwargs)


class AccountDocumentDownloadController(
    download_docs.AccountDocumentDownloadController
):
    @http.route()
    def download_invoice_attachments(self, attachments):
        if _hides_prices():
            raise request.not_found()
        return super().download_invoice_attachments(attachments)

    @http.route()
    def download_invoice_documents_filetype(
        self, invoices, filetype, allow_fallback=True
    ):
        if _hides_prices():
            raise request.not_found()
        return super().download_invoice_documents_filetype(
            invoices, filetype, allow_fallback=allow_fallback
        )
