# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import os
import re

from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request
from odoo.tools import html2plaintext
from odoo.tools.mimetypes import guess_mimetype

from odoo.addons.mail.controllers import attachment as mail_attachment
from odoo.addons.mail.controllers import thread as mail_thread
from odoo.addons.portal.controllers import mail as portal_mail
from odoo.addons.sale.controllers import portal as sale_portal
from odoo.addons.web.controllers import binary as web_binary
from odoo.addons.web.controllers import report as web_report

# the documents whose files and messages carry prices (quotations, orders,
# invoices): not for a visitor who may not see them
PRICED_MODELS = ("sale.order", "account.move")
# reports of those documents a price-hidden visitor may still print: the workshop's
PRICE_FREE_REPORTS = frozenset(["mirror_production.report_mirror_production_card"])

# what a client may attach in the portal: a drawing, a picture, a document or a
# table, told by its content (the name's extension must agree)
UPLOAD_MAX_BYTES = 10 * 1024 * 1024
# text files (a cp1251 table reads as octet-stream) must hold no control bytes
TEXT_TYPES = frozenset(["text/plain", "text/csv", "application/octet-stream"])
TEXT_EXTENSIONS = frozenset(["csv", "txt", "dxf"])
CONTROL_BYTES = frozenset(set(range(9)) | set(range(14, 32)) | {127})
BINARY_DXF = b"AutoCAD Binary DXF"
UPLOAD_TYPES = {
    "pdf": frozenset(["application/pdf"]),
    "png": frozenset(["image/png"]),
    "jpg": frozenset(["image/jpeg"]),
    "jpeg": frozenset(["image/jpeg"]),
    "gif": frozenset(["image/gif"]),
    "webp": frozenset(["image/webp"]),
    "bmp": frozenset(["image/bmp", "image/x-ms-bmp"]),
    "tif": frozenset(["image/tiff"]),
    "tiff": frozenset(["image/tiff"]),
    "dxf": TEXT_TYPES | frozenset(["image/vnd.dxf", "application/dxf"]),
    "dwg": frozenset(["application/octet-stream", "image/vnd.dwg", "image/x-dwg"]),
    "csv": TEXT_TYPES,
    "txt": TEXT_TYPES,
    "xlsx": frozenset(
        ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]
    ),
    "xls": frozenset(
        ["application/vnd.ms-excel", "application/msword", "application/CDFV2"]
    ),
    "ods": frozenset(["application/vnd.oasis.opendocument.spreadsheet"]),
    "docx": frozenset(
        ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"]
    ),
    "doc": frozenset(["application/msword", "application/CDFV2"]),
}


def _is_text(data):
    """Whether ``data`` is text (a table, a DXF drawing), not a program or an
    archive renamed: no control characters in its first 8 kB."""
    head = data[:8192]
    return head.startswith(BINARY_DXF) or not CONTROL_BYTES.intersection(head)


def _hides_prices(document=None):
    """Whether the visitor may not see the prices of ``document`` (a sale order or
    an invoice, read as the superuser) or of any document when none is given."""
    partner = document.partner_id if document is not None else None
    return request.env["sale.order"]._mirror_portal_hides_prices(partner=partner)


def _priced_file(record, field=None):
    """Whether ``record``'s file (an attachment, or a record's binary ``field``)
    belongs to a document with prices: any file of a quotation, order or invoice
    but its pictures (the signature, a photo of the wall the mirror goes on)."""
    if record._name == "ir.attachment":
        return record.res_model in PRICED_MODELS and not (
            record.mimetype or ""
        ).startswith("image/")
    if record._name in PRICED_MODELS:
        return record._fields.get(field or "") is None or (
            record._fields[field].type != "image"
        )
    return False


def _amount_pattern(env):
    """A number written next to a currency's symbol or code (``1 250,00 ₽``,
    ``$ 99``, ``120 RUB``): an amount of money in a message."""
    currencies = env["res.currency"].sudo().search([])
    names = {
        name
        for currency in currencies
        for name in (currency.symbol, currency.name)
        if name
    }
    signs = "|".join(
        rf"{re.escape(name)}\b" if name[-1].isalnum() else re.escape(name)
        for name in sorted(names, key=len, reverse=True)
    )
    return re.compile(rf"(?:{signs})\s*\d|\d\s*(?:{signs})", re.IGNORECASE)


def _thread_id(value):
    """A thread id sent by a browser (an int, or its digits), or ``None``."""
    if isinstance(value, str) and value.isdigit():
        value = int(value)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _hidden_messages(thread_model, thread_id):
    """The ids of the messages of a document a price-hidden visitor may not read:
    those that carry a document (any file but a picture), a tracked amount or an
    amount in their text (the quotation sent by e-mail with its PDF, the signed
    order, the invoice, the payment receipts); ``None`` when the visitor sees
    prices or the thread has none."""
    thread_id = _thread_id(thread_id)
    if thread_model not in PRICED_MODELS or thread_id is None:
        return None
    document = request.env[thread_model].sudo().browse(thread_id).exists()
    if not document or not _hides_prices(document):
        return None
    messages = (
        request.env["mail.message"]
        .sudo()
        .search([("model", "=", thread_model), ("res_id", "=", document.id)])
    )
    amount = _amount_pattern(request.env)
    return [
        message.id
        for message in messages
        if any(_priced_file(file) for file in message.attachment_ids)
        or message.tracking_value_ids.field_id.filtered(
            lambda field: field.ttype in ("monetary", "float")
        )
        or amount.search(html2plaintext(message.body or ""))
    ]


class CustomerPortal(sale_portal.CustomerPortal):
    @http.route()
    def portal_order_page(self, order_id, report_type=None, access_token=None, **kw):
        if report_type in ("html", "pdf", "text"):
            # the quotation document is all prices: not for who may not see them
            try:
                order_sudo = self._document_check_access(
                    "sale.order", order_id, access_token=access_token
                )
            except (AccessError, MissingError):
                return request.redirect("/my")
            if order_sudo._mirror_portal_hides_prices():
                return request.redirect(order_sudo.get_portal_url())
        return super().portal_order_page(
            order_id, report_type=report_type, access_token=access_token, **kw
        )

    @http.route()
    def portal_quote_accept(
        self, order_id, access_token=None, name=None, signature=None
    ):
        # a quotation confirmed by its payment is signed by who pays it: a
        # price-hidden user's signature would confirm it unpaid
        token = access_token or request.httprequest.args.get("access_token")
        try:
            order_sudo = self._document_check_access(
                "sale.order", order_id, access_token=token
            )
        except (AccessError, MissingError):
            order_sudo = None  # refused by sale, as ever
        if (
            order_sudo
            and order_sudo._mirror_portal_hides_prices()
            and order_sudo._has_to_be_signed()
            and order_sudo.require_payment
            and order_sudo.currency_id.compare_amounts(order_sudo.amount_total, 0) > 0
            and not order_sudo._is_confirmation_amount_reached()
        ):
            return {
                "error": request.env._(
                    "This quotation is confirmed by its payment: your company's "
                    "buyer, who sees its amount, accepts and pays it."
                )
            }
        return super().portal_quote_accept(
            order_id, access_token=access_token, name=name, signature=signature
        )

    def _get_page_view_values(self, document, access_token, values, *args, **kwargs):
        values = super()._get_page_view_values(
            document, access_token, values, *args, **kwargs
        )
        if document._name == "sale.order":
            values["mirror_error"] = request.session.pop("mirror_portal_error", None)
        return values

    @http.route("/my/glass/quote", type="json", auth="user", methods=["POST"])
    def portal_mirror_glass_quote(self, lines=None, **kwargs):
        """The live price of the glass lines a client types (or uploads): each
        line's price and problems, field by field, on the client's pricelist."""
        user = request.env.user
        if not user.share and not user.has_group("sales_team.group_sale_salesman"):
            # internal users without sales rights (the workshop) get no prices
            raise AccessError(request.env._("Only clients and sales users get quotes."))
        return request.env["sale.order"]._mirror_portal_quote(user.partner_id, lines)

    @http.route(
        "/my/orders/<int:order_id>/reorder",
        type="http",
        auth="public",
        methods=["POST"],
        website=True,
    )
    def portal_mirror_reorder(self, order_id, access_token=None, **post):
        """Reorder the order, or the lines ticked on its page (``line_ids``), as a
        new quotation at today's prices; checked like the order page itself."""
        try:
            order_sudo = self._document_check_access(
                "sale.order", order_id, access_token=access_token
            )
        except (AccessError, MissingError):
            return request.redirect("/my")
        line_ids = []
        for value in request.httprequest.form.getlist("line_ids"):
            try:
                line_ids.append(int(value))
            except (TypeError, ValueError):
                continue
        lines = order_sudo.order_line.filtered(lambda line: line.id in line_ids)
        if line_ids and not lines:
            return request.redirect(order_sudo.get_portal_url())
        try:
            quotation = order_sudo._mirror_portal_reorder(lines or None)
        except (UserError, ValidationError) as error:
            # shown once on the order's page (never taken from the address: a
            # crafted link could put any text on the shop's page)
            request.session["mirror_portal_error"] = str(error.args[0])[:1000]
            return request.redirect(order_sudo.get_portal_url())
        return request.redirect(quotation.get_portal_url())

    @http.route(
        "/my/orders/<int:order_id>/production_card",
        type="http",
        auth="public",
        website=True,
    )
    def portal_mirror_production_card(
        self, order_id, access_token=None, report_type="pdf", download=False, **kwargs
    ):
        """The order's production card (drawings, routes, pieces; no prices), when
        the shop gives it to its clients; checked like the order page itself."""
        try:
            order_sudo = self._document_check_access(
                "sale.order", order_id, access_token=access_token
            )
        except (AccessError, MissingError):
            return request.redirect("/my")
        if not order_sudo._mirror_portal_production_card_url():
            return request.redirect(order_sudo.get_portal_url())
        return self._show_report(
            model=order_sudo,
            report_type="html" if report_type == "html" else "pdf",
            report_ref="mirror_production.action_report_mirror_production_card",
            download=download in (True, "1", "true", "True"),
        )


class PaymentPortal(sale_portal.PaymentPortal):
    @http.route()
    def portal_order_transaction(self, order_id, access_token, **kwargs):
        # who may not see the amount does not pay it either
        try:
            order_sudo = self._document_check_access(
                "sale.order", order_id, access_token
            )
        except (AccessError, MissingError):
            order_sudo = None  # refused by sale, as ever
        if order_sudo and order_sudo._mirror_portal_hides_prices():
            raise ValidationError(
                request.env._(
                    "Your account does not show prices: the order is paid by "
                    "your company's buyer."
                )
            )
        return super().portal_order_transaction(order_id, access_token, **kwargs)

    @http.route()
    def payment_pay(self, *args, sale_order_id=None, invoice_id=None, **kwargs):
        # a payment link shows the amount: not for who may not see it
        for model, value in (
            ("sale.order", sale_order_id),
            ("account.move", invoice_id),
        ):
            document_id = self._cast_as_int(value)
            if not document_id:
                continue
            document = request.env[model].sudo().browse(document_id).exists()
            if document and _hides_prices(document):
                return request.redirect("/my")
        return super().payment_pay(
            *args, sale_order_id=sale_order_id, invoice_id=invoice_id, **kwargs
        )


class PortalChatter(portal_mail.PortalChatter):
    """The portal's chatter of an order or an invoice, for a price-hidden visitor:
    without the messages that carry prices (see ``_hidden_messages``)."""

    @http.route()
    def portal_message_fetch(
        self, thread_model, thread_id, limit=10, after=None, before=None, **kw
    ):
        hidden = _hidden_messages(thread_model, thread_id)
        if hidden is not None:
            request.update_context(mirror_portal_hidden_message_ids=hidden)
        return super().portal_message_fetch(
            thread_model, thread_id, limit=limit, after=after, before=before, **kw
        )


class ThreadController(mail_thread.ThreadController):
    @http.route()
    def mail_thread_messages(  # noqa: PLR0913 - mail's signature (it filters the params)
        self,
        thread_model,
        thread_id,
        search_term=None,
        before=None,
        after=None,
        around=None,
        limit=30,
    ):
        # the same messages as the portal's chatter (mail.message._message_fetch)
        hidden = _hidden_messages(thread_model, thread_id)
        if hidden is not None:
            request.update_context(mirror_portal_hidden_message_ids=hidden)
        return super().mail_thread_messages(
            thread_model,
            thread_id,
            search_term=search_term,
            before=before,
            after=after,
            around=around,
            limit=limit,
        )


class AttachmentController(mail_attachment.AttachmentController):
    @http.route()
    def mail_attachment_upload(
        self, ufile, thread_id, thread_model, is_pending=False, **kwargs
    ):
        # a client's files: limited in size and type, a bad one creates nothing
        if request.env.user.share:
            error = _upload_error(ufile)
            if error:
                return request.make_json_response({"error": error})
        return super().mail_attachment_upload(
            ufile, thread_id, thread_model, is_pending=is_pending, **kwargs
        )

    @http.route()
    def mail_attachment_get_zip(self, file_ids, zip_name, **kw):
        if _hides_prices():
            ids = [int(value) for value in str(file_ids).split(",") if value.isdigit()]
            files = request.env["ir.attachment"].sudo().browse(ids).exists()
            if any(_priced_file(file) for file in files):
                raise request.not_found()
        return super().mail_attachment_get_zip(file_ids, zip_name, **kw)


def _upload_error(ufile):
    """Why a client's uploaded file is refused (translated), or ``None``."""
    _ = request.env._
    name = os.path.basename(ufile.filename or "")[:120] or _("The file")
    stream = ufile.stream
    stream.seek(0, os.SEEK_END)
    size = stream.tell()
    stream.seek(0)
    if size > UPLOAD_MAX_BYTES:
        return _(
            "%(name)s is %(size)s MB: files up to %(max)s MB can be attached.",
            name=name,
            size=f"{size / 1024 / 1024:.1f}",
            max=UPLOAD_MAX_BYTES // 1024 // 1024,
        )
    if not size:
        return _("%(name)s is empty.", name=name)
    extension = name.rpartition(".")[2].lower() if "." in name else ""
    data = stream.read()
    stream.seek(0)
    if guess_mimetype(data) not in UPLOAD_TYPES.get(extension, ()) or (
        extension in TEXT_EXTENSIONS and not _is_text(data)
    ):
        return _(
            "%(name)s cannot be attached: send a drawing (PDF, DXF, DWG), a "
            "picture (JPEG, PNG) or a table (XLSX, CSV).",
            name=name,
        )
    return None


class Binary(web_binary.Binary):
    """Files of a quotation, order or invoice (the PDFs sent or signed, invoices),
    refused to a price-hidden visitor; their pictures are served."""

    def _mirror_check_price_free(self, xmlid, model, res_id, field):
        if not _hides_prices():
            return
        env = request.env(su=True)
        if xmlid:
            record = env.ref(xmlid, raise_if_not_found=False)
        elif res_id and model in env:
            record = env[model].browse(int(res_id)).exists()
        else:
            return
        if record and _priced_file(record, field):
            raise request.not_found()

    # Odoo's signatures (a route's parameters are filtered by them)
    # pylint: disable=redefined-builtin,invalid-name
    @http.route()
    def content_common(  # noqa: PLR0913
        self,
        xmlid=None,
        model="ir.attachment",
        id=None,  # noqa: A002
        field="raw",
        filename=None,
        filename_field="name",
        mimetype=None,
        unique=False,
        download=False,
        access_token=None,
        nocache=False,
    ):
        self._mirror_check_price_free(xmlid, model, id, field)
        return super().content_common(
            xmlid=xmlid,
            model=model,
            id=id,
            field=field,
            filename=filename,
            filename_field=filename_field,
            mimetype=mimetype,
            unique=unique,
            download=download,
            access_token=access_token,
            nocache=nocache,
        )

    @http.route()
    def content_image(  # noqa: PLR0913
        self,
        xmlid=None,
        model="ir.attachment",
        id=None,  # noqa: A002
        field="raw",
        filename_field="name",
        filename=None,
        mimetype=None,
        unique=False,
        download=False,
        width=0,
        height=0,
        crop=False,
        access_token=None,
        nocache=False,
    ):
        self._mirror_check_price_free(xmlid, model, id, field)
        return super().content_image(
            xmlid=xmlid,
            model=model,
            id=id,
            field=field,
            filename_field=filename_field,
            filename=filename,
            mimetype=mimetype,
            unique=unique,
            download=download,
            width=width,
            height=height,
            crop=crop,
            access_token=access_token,
            nocache=nocache,
        )


class ReportController(web_report.ReportController):
    @http.route()
    def report_routes(self, reportname, docids=None, converter=None, **data):
        # quotations, orders and invoices printed by their report's name
        if _hides_prices():
            report = request.env["ir.actions.report"]._get_report_from_name(reportname)
            if report.model in PRICED_MODELS and (
                report.report_name not in PRICE_FREE_REPORTS
            ):
                raise request.not_found()
        return super().report_routes(
            reportname, docids=docids, converter=converter, **data
        )
