# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import json

from odoo.tests import tagged

from odoo.addons.mirror_production.tests.common import create_tablet_user

from .common import PortalCommon


@tagged("post_install", "-at_install")
class TestPortalQuote(PortalCommon):
    """/my/glass/quote: the live price of the lines a client types, on the
    client's pricelist, with the problems field by field; for clients only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.client_a.property_product_pricelist = cls.pricelist
        cls.discount_list = cls.env["product.pricelist"].create(
            {
                "name": "Test B2B -10 %",
                "item_ids": [
                    (0, 0, {"compute_price": "percentage", "percent_price": 10})
                ],
            }
        )
        cls.client_b.property_product_pricelist = cls.discount_list
        cls.hidden = cls._portal_user("portal-hidden", cls.client_a)
        cls.hidden.partner_id.mirror_portal_hide_prices = True

    def _quote(self, lines):
        return self._json("/my/glass/quote", lines=lines)

    def test_prices_follow_the_client_pricelist(self):
        self.authenticate("portal-a", "portal-a-pass")
        answer = self._quote([self._line(), self._line(width=600, height=600)])[
            "result"
        ]
        self.assertEqual(answer["errors"], [])
        first, second = answer["lines"]
        self.assertTrue(first["valid"] and second["valid"])
        self.assertGreater(first["unit_price"], 0)
        self.assertAlmostEqual(
            answer["total"], first["subtotal"] + second["subtotal"], 2
        )
        # the same piece ordered in the backend costs the same
        order = self._create_order(
            self._line_values(
                width=1000,
                height=500,
                qty=2,
                glass_edge_all_id=self.edge_ground.id,
                glass_hole_ids=[(0, 0, {"diameter": 8, "x": 100, "y": 100})],
            )
        )
        self.assertAlmostEqual(first["unit_price"], order.order_line.price_unit, 2)
        # no costs for a client
        self.assertNotIn("cost", json.dumps(first["breakdown"]))
        # client B's pricelist is 10 % off the glass
        self.authenticate("portal-b", "portal-b-pass")
        cheaper = self._quote([self._line()])["result"]["lines"][0]
        self.assertLess(cheaper["unit_price"], first["unit_price"])

    def test_problems_come_field_by_field(self):
        self.authenticate("portal-a", "portal-a-pass")
        lines = self._quote(
            [
                self._line(width=10),  # too narrow
                self._line(holes=[{"diameter": 8, "x": 2, "y": 2}]),  # at the corner
                self._line(width="abc"),
                self._line(material_id=None),
            ]
        )["result"]["lines"]
        self.assertFalse(any(line["valid"] for line in lines))
        self.assertEqual(lines[0]["issues"][0]["field"], "width")
        self.assertIn("holes", [issue["field"] for issue in lines[1]["issues"]])
        self.assertEqual(lines[2]["issues"][0]["field"], "width")
        self.assertEqual(lines[3]["issues"][0]["field"], "material")
        for line in lines:
            self.assertEqual(line["unit_price"], 0.0)

    def test_only_the_clients_own_catalog(self):
        secret = self._create_material(
            "Test secret glass", thickness=6, price=99, cost=50
        )
        self.edge_polished.mirror_portal_published = False
        other_company = self.env["res.company"].create({"name": "Test other workshop"})
        foreign = self._create_material(
            "Test other workshop's glass", thickness=4, price=10, cost=5
        )
        foreign.company_id = other_company
        # listed for the client, but another company's: refused all the same
        self.client_a.mirror_portal_material_ids = self.float_4 | foreign
        self.env.flush_all()
        self.authenticate("portal-a", "portal-a-pass")
        lines = self._quote(
            [
                self._line(material_id=secret.id),
                self._line(material_id=self.mirror_4.id),
                self._line(edge_id=self.edge_polished.id),
                self._line(material_id=foreign.id),
                self._line(),
            ]
        )["result"]["lines"]
        self.assertEqual(
            [line["valid"] for line in lines], [False, False, False, False, True]
        )
        self.assertIn("price list", lines[0]["errors"][0])

    def test_a_price_hidden_user_gets_no_price(self):
        self.authenticate("portal-hidden", "portal-hidden-pass")
        answer = self._quote([self._line()])["result"]
        self.assertTrue(answer["prices_hidden"])
        self.assertIsNone(answer["total"])
        line = answer["lines"][0]
        self.assertTrue(line["valid"])
        self.assertIsNone(line["unit_price"])
        self.assertNotIn("breakdown", line)

    def test_strangers_and_the_workshop_get_nothing(self):
        # anonymous: the session has expired
        self.authenticate(None, None)
        answer = self._quote([self._line()])
        self.assertIn("error", answer)
        self.assertNotIn("result", answer)
        # an internal user without sales rights (the workshop tablet)
        create_tablet_user(self.env, "portal-test-tablet", password="tablet-pass-1")
        self.env.flush_all()
        self.authenticate("portal-test-tablet", "tablet-pass-1")
        answer = self._quote([self._line()])
        self.assertIn("error", answer)

    def test_hostile_input(self):
        self.authenticate("portal-a", "portal-a-pass")
        for lines, words in (
            ("lines", "list"),
            ({"a": 1}, "list"),
            ([self._line()] * 501, "at most 500"),
        ):
            answer = self._quote(lines)["result"]
            self.assertEqual(answer["lines"], [])
            self.assertIn(words, answer["errors"][0])
        answer = self._quote(
            [
                "piece",
                self._line(width="NaN"),
                self._line(height="1e999"),
                self._line(quantity=2.5),
                self._line(material_id="1; DROP TABLE"),
                self._line(edges={"bottom": [1]}),
                self._line(holes="many"),
                self._line(holes=[{"diameter": "x"}]),
                self._line(operation_ids=[10**12]),
                self._line(surprise=1),
                self._line(holes=[{"diameter": 8, "x": 100, "y": 100}] * 60),
            ]
        )["result"]
        self.assertEqual(len(answer["lines"]), 11)
        for line in answer["lines"]:
            self.assertFalse(line["valid"], line)
            self.assertTrue(line["errors"])
        self.assertEqual(answer["total"], 0)
