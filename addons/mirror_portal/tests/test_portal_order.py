# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from .common import PortalCommon


@tagged("post_install", "-at_install")
class TestPortalOrderPage(PortalCommon):
    """The sale portal's order page shows each glass line with its drawing and its
    pieces' progress, the status and its history, the promised date and the
    production card; only to whoever may see the order."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.order = cls._confirmed_order(cls)
        cls.order.commitment_date = fields.Datetime.now() + timedelta(days=7)
        # the order's follower is the client company: its buyer sees it as well
        cls.order.message_subscribe(partner_ids=cls.client_a.ids)
        cls.pieces = cls.order.order_line.mirror_piece_ids

    def _order_page(self, order=None, **params):
        return self._get(f"/my/orders/{(order or self.order).id}", **params)

    def test_the_client_sees_pieces_status_and_dates(self):
        first = self.pieces.sorted("id")[0]
        first.action_finish()  # cut
        self.authenticate("portal-a", "portal-a-pass")
        response = self._order_page()
        self.assertEqual(response.status_code, 200)
        page = response.text
        self.assertIn('id="mirror_glass_pieces"', page)
        self.assertEqual(page.count("o_mirror_glass_line"), 2)
        self.assertEqual(page.count('class="o_mirror_piece '), 5)
        self.assertIn("<svg", page)  # the drawings
        self.assertIn("In production", page)
        self.assertIn("o_mirror_status", page)
        self.assertIn("o_mirror_promised_date", page)
        self.assertIn('id="mirror_status_timeline"', page)
        self.assertNotIn("o_mirror_production_card", page)  # not given by default

    def test_breakage_reads_as_remade_without_workshop_details(self):
        piece = self.pieces.sorted("id")[0]
        piece.action_finish()
        piece.action_start()
        piece._mirror_report_broken(
            self.env.ref("mirror_production.breakage_reason_chipped"),
            note="Internal: Ivanov dropped it",
        )
        self.authenticate("portal-a", "portal-a-pass")
        page = self._order_page().text
        self.assertIn("Broken, being remade", page)
        self.assertIn("remake of No.", page)
        self.assertNotIn("Ivanov", page)
        self.assertNotIn(self.env.user.name, page.split('id="mirror_glass_pieces"')[1])
        self.assertEqual(page.count('class="o_mirror_piece '), 6)

    def test_a_new_promise_keeps_the_first_date(self):
        first = self.order.commitment_date
        self.order._mirror_repromise(first + timedelta(days=3), "furnace repair")
        self.assertEqual(self.order.mirror_first_commitment_date, first)
        self.order._mirror_repromise(first + timedelta(days=5), "again")
        self.assertEqual(self.order.mirror_first_commitment_date, first)
        self.authenticate("portal-a", "portal-a-pass")
        self.assertIn("o_mirror_first_promised_date", self._order_page().text)

    def test_other_clients_and_strangers_are_sent_away(self):
        token = self.order._portal_ensure_token()
        # client B, logged in, with no token or a wrong one
        self.authenticate("portal-b", "portal-b-pass")
        self.assertRedirectsAway(self._order_page())
        self.assertRedirectsAway(self._order_page(access_token="x" * 36))
        self.assertRedirectsAway(
            self._get(f"/my/orders/{self.order.id}/production_card")
        )
        # an anonymous visitor: only the order's own token opens it
        self.authenticate(None, None)
        self.assertRedirectsAway(self._order_page())
        self.assertRedirectsAway(self._order_page(access_token=token[:-1]))
        response = self._order_page(access_token=token)
        self.assertEqual(response.status_code, 200)
        self.assertIn('id="mirror_glass_pieces"', response.text)

    def test_production_card_when_the_shop_gives_it(self):
        self.authenticate("portal-a", "portal-a-pass")
        url = f"/my/orders/{self.order.id}/production_card"
        # not given: back to the order page
        self.assertRedirectsAway(
            self._get(url, report_type="html"), f"/my/orders/{self.order.id}"
        )
        self.company.mirror_portal_production_card = True
        self.assertIn("o_mirror_production_card", self._order_page().text)
        response = self._get(url, report_type="html")
        self.assertEqual(response.status_code, 200)
        for piece in self.pieces:
            self.assertIn(piece.barcode, response.text)
        # the card is the workshop's: drawings, routes and pieces, no amounts
        self.assertNotIn("oe_currency_value", response.text)
        self.assertNotIn(f"{self.order.amount_total:,.2f}", response.text)
        # a quotation has no production card
        quotation = self._create_order(self._line_values())
        quotation.message_subscribe(partner_ids=self.client_a.ids)
        self.assertRedirectsAway(
            self._get(f"/my/orders/{quotation.id}/production_card", report_type="html"),
            f"/my/orders/{quotation.id}",
        )
        # nor client B's view of A's order, with the card given
        self.authenticate("portal-b", "portal-b-pass")
        self.assertRedirectsAway(self._get(url, report_type="html"))

    def test_hostile_addresses(self):
        self.authenticate("portal-a", "portal-a-pass")
        for path, params in (
            (f"/my/orders/{10**12}/production_card", {}),
            (
                f"/my/orders/{self.order.id}/production_card",
                {"access_token": "' OR 1=1 --"},
            ),
            (
                f"/my/orders/{self.order.id}/production_card",
                {"report_type": "<script>"},
            ),
        ):
            response = self._get(path, **params)
            self.assertIn(response.status_code, (200, 302, 303), path)
            self.assertNotIn("Traceback", response.text)
        self.assertEqual(self._get("/my/orders/abc/production_card").status_code, 404)

    def test_lists_show_status_promise_and_pieces(self):
        quotation = self._create_order(self._line_values(qty=4))
        quotation.action_quotation_sent()
        quotation.message_subscribe(partner_ids=self.client_a.ids)
        self.authenticate("portal-a", "portal-a-pass")
        orders = self._get("/my/orders").text
        self.assertIn(self.order.name, orders)
        self.assertIn("o_mirror_status", orders)
        self.assertIn("o_mirror_payment_cell", orders)
        quotes = self._get("/my/quotes").text
        self.assertIn(quotation.name, quotes)
        self.assertIn("<span>4</span> pcs", quotes)
        # client B sees neither
        self.authenticate("portal-b", "portal-b-pass")
        self.assertNotIn(self.order.name, self._get("/my/orders").text)
        self.assertNotIn(quotation.name, self._get("/my/quotes").text)
