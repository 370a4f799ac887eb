# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.tests import tagged

from .common import PortalCommon


@tagged("post_install", "-at_install")
class TestPortalAccounts(PortalCommon):
    """A client company's portal users share its orders; a user may follow and
    order without seeing any price."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.order = cls._confirmed_order(cls)
        cls.quotation = cls._create_order(cls._line_values(qty=2))
        cls.quotation.action_quotation_sent()
        # the orders follow the client company (sale does it on confirmation for
        # the order's partner)
        (cls.order | cls.quotation).message_subscribe(partner_ids=cls.client_a.ids)
        cls.user_a2 = cls._portal_user("portal-a2", cls.client_a)
        cls.user_a2.partner_id.mirror_portal_hide_prices = True

    def _amounts(self, order):
        return [
            f"{amount:,.2f}"
            for amount in (order.amount_total, order.amount_untaxed)
            + tuple(order.order_line.mapped("price_subtotal"))
            + tuple(order.order_line.mapped("price_unit"))
            if amount
        ]

    def test_colleagues_share_the_company_orders(self):
        for login in ("portal-a", "portal-a2"):
            self.authenticate(login, f"{login}-pass")
            self.assertIn(self.order.name, self._get("/my/orders").text)
            self.assertIn(self.quotation.name, self._get("/my/quotes").text)
            self.assertEqual(self._get(f"/my/orders/{self.order.id}").status_code, 200)
        self.authenticate("portal-b", "portal-b-pass")
        self.assertNotIn(self.order.name, self._get("/my/orders").text)
        self.assertRedirectsAway(self._get(f"/my/orders/{self.order.id}"))

    def test_prices_are_shown_to_who_may_see_them(self):
        self.authenticate("portal-a", "portal-a-pass")
        page = self._get(f"/my/orders/{self.order.id}").text
        self.assertIn("oe_currency_value", page)
        self.assertIn(self._amounts(self.order)[0], page)
        self.assertIn("oe_currency_value", self._get("/my/orders").text)

    def test_a_price_hidden_user_sees_no_price_anywhere(self):
        self.authenticate("portal-a2", "portal-a2-pass")
        for order in (self.order, self.quotation):
            response = self._get(f"/my/orders/{order.id}")
            self.assertEqual(response.status_code, 200)
            page = response.text
            self.assertIn('id="mirror_glass_pieces"', page)
            self.assertNotIn("oe_currency_value", page)
            for amount in self._amounts(order):
                self.assertNotIn(amount, page, order.name)
            # the quotation document is all prices: back to the page
            for report_type in ("pdf", "html", "text"):
                self.assertRedirectsAway(
                    self._get(f"/my/orders/{order.id}", report_type=report_type),
                    f"/my/orders/{order.id}",
                )
        for url in ("/my/orders", "/my/quotes"):
            page = self._get(url).text
            self.assertNotIn("oe_currency_value", page, url)
        # a reorder says prices changed, not which
        self.edge_ground.price_ids.write({"price": 500})
        reorder = self.order._mirror_portal_reorder()
        self.env.flush_all()
        page = self._get(f"/my/orders/{reorder.id}").text
        self.assertIn("o_mirror_reorder_changes", page)
        self.assertIn("Some prices have changed.", page)
        self.assertNotIn("oe_currency_value", page)
        # nor may they pay what they cannot see
        self.assertFalse(
            self.quotation.with_user(self.user_a2).sudo()._has_to_be_paid()
        )
