# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

from odoo.addons.sale.controllers import portal as sale_portal


class CustomerPortal(sale_portal.CustomerPortal):
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
