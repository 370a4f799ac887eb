# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import re

from odoo.tests import tagged

from .common import PortalCommon


@tagged("post_install", "-at_install")
class TestPortalReorder(PortalCommon):
    """A client orders a past order, or some of its lines, again: a new quotation
    with the same specifications at today's prices, and what changed."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.order = cls._confirmed_order(cls)
        cls.order.message_subscribe(partner_ids=cls.client_a.ids)
        cls.glass_lines = cls.order.order_line.filtered("glass_is_piece")

    def _form(self, order=None):
        """The reorder form's address and CSRF token, from the order's page."""
        page = self._get(f"/my/orders/{(order or self.order).id}").text
        self.assertIn('id="mirror_reorder"', page)
        return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)

    def _reorder(self, csrf, order=None, **data):
        return self.url_open(
            f"/my/orders/{(order or self.order).id}/reorder",
            data=dict(data, csrf_token=csrf),
            allow_redirects=False,
        )

    def _new_quotations(self):
        return self.env["sale.order"].search(
            [("mirror_reorder_of_id", "=", self.order.id)]
        )

    def test_reorder_selected_lines_at_todays_prices(self):
        self.authenticate("portal-a", "portal-a-pass")
        csrf = self._form()
        # the ground edge got dearer since
        self.edge_ground.price_ids.write({"price": 500})
        self.env.flush_all()
        first = self.glass_lines[0]
        response = self.url_open(
            f"/my/orders/{self.order.id}/reorder",
            data={"csrf_token": csrf, "line_ids": [str(first.id), "abc", "999999999"]},
            allow_redirects=False,
        )
        self.assertIn(response.status_code, (302, 303))
        quotation = self._new_quotations()
        self.assertEqual(len(quotation), 1)
        self.assertIn(f"/my/orders/{quotation.id}", response.headers["Location"])
        self.assertEqual(quotation.state, "sent")
        self.assertEqual(quotation.partner_id, self.order.partner_id)
        (line,) = quotation.order_line
        for name in (
            "glass_material_id",
            "glass_width",
            "glass_height",
            "product_uom_qty",
            "glass_edge_bottom_id",
            "glass_operation_ids",
        ):
            self.assertEqual(line[name], first[name], name)
        self.assertEqual(len(line.glass_hole_ids), len(first.glass_hole_ids))
        self.assertGreater(line.price_unit, first.price_unit)
        self.assertEqual(len(quotation.mirror_reorder_changes), 1)
        self.assertFalse(line.mirror_piece_ids)
        # the client finds it in the quotations, with what changed
        self.assertIn(quotation.name, self._get("/my/quotes").text)
        page = self._get(f"/my/orders/{quotation.id}").text
        self.assertIn("o_mirror_reorder_changes", page)
        self.assertIn(self.order.name, page)

    def test_reorder_the_whole_order(self):
        self.authenticate("portal-a", "portal-a-pass")
        self._reorder(self._form())
        quotation = self._new_quotations()
        self.assertEqual(len(quotation.order_line), len(self.order.order_line))
        self.assertFalse(quotation.mirror_reorder_changes)  # same prices

    def test_others_cannot_reorder(self):
        self.authenticate("portal-a", "portal-a-pass")
        csrf = self._form()
        # without the CSRF token: refused
        response = self.url_open(
            f"/my/orders/{self.order.id}/reorder",
            data={"line_ids": "1"},
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 400)
        # client B, logged in, with a wrong token, or with the lines of A's order
        self.authenticate("portal-b", "portal-b-pass")
        page = self._get("/my").text
        csrf = re.search(r'csrf_token: "([^"]+)"', page).group(1)
        for data in (
            {},
            {"access_token": "x" * 36},
            {"line_ids": str(self.glass_lines[0].id)},
        ):
            self.assertRedirectsAway(self._reorder(csrf, **data))
        # an anonymous visitor without the token
        self.authenticate(None, None)
        csrf = re.search(r'csrf_token: "([^"]+)"', self._get("/web/login").text).group(
            1
        )
        self.assertRedirectsAway(self._reorder(csrf))
        self.assertFalse(self._new_quotations())
        # lines of another order on A's own order: nothing is made
        other = self._create_order(self._line_values())
        other.message_subscribe(partner_ids=self.client_a.ids)
        self.authenticate("portal-a", "portal-a-pass")
        csrf = self._form()
        self._reorder(csrf, line_ids=str(other.order_line.id))
        self.assertFalse(self._new_quotations())

    def test_a_line_that_cannot_be_made_any_more_says_why(self):
        self.authenticate("portal-a", "portal-a-pass")
        csrf = self._form()
        # the shop's rules changed: pieces that large are no longer made
        self.company.mirror_max_side = 550
        self.env.flush_all()
        response = self._reorder(csrf, line_ids=str(self.glass_lines[0].id))
        self.assertIn(f"/my/orders/{self.order.id}", response.headers["Location"])
        self.assertFalse(self._new_quotations())
        page = self._get(f"/my/orders/{self.order.id}").text
        self.assertIn("o_mirror_error", page)
        self.assertIn("550", page)
        # shown once
        self.assertNotIn(
            "o_mirror_error", self._get(f"/my/orders/{self.order.id}").text
        )
