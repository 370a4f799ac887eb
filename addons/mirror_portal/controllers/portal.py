# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request

from odoo.addons.sale.controllers import portal as sale_portal


class CustomerPortal(sale_portal.CustomerPortal):
    @http.route()
    def portal_order_page(self, order_id, report_type=None, access_token=None, **kw):
        if report_type in ("html", "pdf", "text"):
            # the quotation document is all prices: not for who may not see them
            order = request.env["sale.order"].browse(order_id)
            if order._mirror_portal_hides_prices():
                return request.redirect(f"/my/orders/{order_id}")
        return super().portal_order_page(
            order_id, report_type=report_type, access_token=access_token, **kw
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
