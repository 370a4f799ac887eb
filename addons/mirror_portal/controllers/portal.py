# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import http
from odoo.exceptions import AccessError, MissingError
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
