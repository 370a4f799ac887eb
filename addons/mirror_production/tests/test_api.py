# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import importlib.util
import json
import os
from xmlrpc import client as xmlrpclib

from odoo.tests import HttpCase, new_test_user, tagged

from .common import MirrorCommon


@tagged("post_install", "-at_install")
class TestExternalApi(MirrorCommon, HttpCase):
    """An external system creates, prices, validates and reads glass quotations
    through the standard XML-RPC / JSON-RPC ``execute_kw`` API with an API key."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.api_user = new_test_user(
            cls.env, "mirror_erp_connector", groups="sales_team.group_sale_salesman"
        )
        cls.api_key = (
            cls.env["res.users.apikeys"]
            .with_user(cls.api_user)
            .sudo()
            ._generate(None, "ERP connector", None)
        )

    def _execute(self, model, method, *args, **kwargs):
        return self.xmlrpc_object.execute_kw(
            self.env.cr.dbname,
            self.api_user.id,
            self.api_key,
            model,
            method,
            list(args),
            kwargs,
        )

    def test_authenticate_with_api_key(self):
        uid = self.xmlrpc_common.authenticate(
            self.env.cr.dbname, "mirror_erp_connector", self.api_key, {}
        )
        self.assertEqual(uid, self.api_user.id)
        with self.assertRaises(xmlrpclib.Fault):
            self.xmlrpc_object.execute_kw(
                self.env.cr.dbname,
                self.api_user.id,
                "wrong-key",
                "sale.order",
                "search",
                [[]],
            )

    def test_create_price_and_read_quotation(self):
        order_id = self._execute(
            "sale.order",
            "create",
            {
                "partner_id": self.partner.id,
                "pricelist_id": self.pricelist.id,
                "order_line": [
                    [
                        0,
                        0,
                        {
                            "product_id": self.piece_product.id,
                            "glass_material_id": self.float_4.id,
                            "glass_width": 1000,
                            "glass_height": 500,
                            "product_uom_qty": 2,
                            "glass_edge_all_id": self.edge_ground.id,
                            "glass_hole_ids": [
                                [0, 0, {"diameter": 8, "x": 100, "y": 100}]
                            ],
                        },
                    ]
                ],
            },
        )
        [line] = self._execute(
            "sale.order.line",
            "search_read",
            [["order_id", "=", order_id]],
            fields=[
                "price_unit",
                "price_subtotal",
                "glass_total_area",
                "glass_breakdown",
                "name",
            ],
        )
        # 0.5 m² × 1000 + 3 m × 100 + 1 hole × 50
        self.assertEqual(line["price_unit"], 850)
        self.assertEqual(line["price_subtotal"], 1700)
        self.assertAlmostEqual(line["glass_total_area"], 1.0)
        kinds = [item["kind"] for item in line["glass_breakdown"]["items"]]
        self.assertEqual(kinds, ["glass", "edge", "hole"])
        self.assertIn("1000 × 500", line["name"])
        [order] = self._execute(
            "sale.order", "read", [order_id], fields=["amount_untaxed", "state", "name"]
        )
        self.assertEqual(order["amount_untaxed"], 1700)
        self._execute("sale.order", "action_confirm", [order_id])
        [order] = self._execute("sale.order", "read", [order_id], fields=["state"])
        self.assertEqual(order["state"], "sale")

    def test_invalid_spec_returns_the_same_message(self):
        values = {
            "product_id": self.piece_product.id,
            "glass_material_id": self.float_4.id,
            "glass_width": 1000,
            "glass_height": 500,
            "product_uom_qty": 1,
            "glass_hole_ids": [[0, 0, {"diameter": 2, "x": 100, "y": 100}]],
        }
        ui_message = self.env["sale.order.line"].new(values)._glass_problems()[0]
        with self.assertRaises(xmlrpclib.Fault) as refused:
            self._execute(
                "sale.order",
                "create",
                {"partner_id": self.partner.id, "order_line": [[0, 0, values]]},
            )
        self.assertIn(ui_message, refused.exception.faultString)
        self.assertIn("smaller than the glass thickness", refused.exception.faultString)
        self.assertFalse(
            self.env["sale.order"].search([("partner_id", "=", self.partner.id)])
        )

    def test_quote_preview_and_jsonrpc(self):
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "id": 1,
            "params": {
                "service": "object",
                "method": "execute_kw",
                "args": [
                    self.env.cr.dbname,
                    self.api_user.id,
                    self.api_key,
                    "sale.order.line",
                    "mirror_glass_quote",
                    [
                        {
                            "glass_material_id": self.mirror_4.id,
                            "glass_width": 300,
                            "glass_height": 300,
                            "product_uom_qty": 1,
                        }
                    ],
                ],
            },
        }
        response = self.url_open(
            "/jsonrpc",
            data=json.dumps(payload),
            headers={"Content-Type": "application/json"},
        )
        result = response.json()["result"]
        self.assertTrue(result["valid"])
        self.assertEqual(result["unit_price"], 1500)
        self.assertEqual(result["breakdown"]["items"][-1]["kind"], "minimum")

    def _jsonrpc(self, model, method, *args):
        """``execute_kw`` over ``/jsonrpc`` as the API user: the response body.

        ``json.dumps`` writes NaN and Infinity as JavaScript does, and Odoo's JSON
        parser reads them: exactly what a client can send."""
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "id": 1,
            "params": {
                "service": "object",
                "method": "execute_kw",
                "args": [
                    self.env.cr.dbname,
                    self.api_user.id,
                    self.api_key,
                    model,
                    method,
                    list(args),
                ],
            },
        }
        response = self.url_open(
            "/jsonrpc",
            data=json.dumps(payload),
            headers={"Content-Type": "application/json"},
        )
        self.assertEqual(response.status_code, 200)
        return response.json()

    def _quote(self, values):
        """The quote's answer: a clean result, never an RPC error."""
        body = self._jsonrpc("sale.order.line", "mirror_glass_quote", values)
        self.assertNotIn("error", body)
        return body["result"]

    def _glass(self, **values):
        return dict(
            {
                "glass_material_id": self.float_4.id,
                "glass_width": 1000,
                "glass_height": 500,
                "product_uom_qty": 1,
            },
            **values,
        )

    def assertQuoteRefused(self, values, *fragments):
        result = self._quote(values)
        self.assertFalse(result["valid"], result)
        message = "\n".join(result["errors"])
        for fragment in fragments:
            self.assertIn(fragment, message)
        # a refused line is never priced
        self.assertEqual(result["unit_price"], 0.0)
        self.assertEqual(result["subtotal"], 0.0)
        self.assertEqual(result["breakdown"], {})
        return message

    def test_quote_bad_input_gets_the_validation_message(self):
        Line = self.env["sale.order.line"]
        before = Line.search_count([])
        nan, inf = float("nan"), float("inf")
        self.assertQuoteRefused(
            self._glass(glass_width="abc"), "Width (mm) must be a number", "'abc'"
        )
        self.assertQuoteRefused(self._glass(glass_height=inf), "Height (mm)", "inf")
        self.assertQuoteRefused(
            self._glass(glass_shape="rounded", glass_corner_radius=nan),
            "Corner radius (mm) must be a number",
        )
        self.assertQuoteRefused(
            self._glass(glass_hole_ids=[[0, 0, {"diameter": 10, "x": nan, "y": 100}]]),
            "Hole 1, X (mm) must be a number",
        )
        self.assertQuoteRefused(
            self._glass(product_uom_qty=nan), "Quantity must be a number"
        )
        self.assertQuoteRefused(
            self._glass(glass_material_id=str(self.float_4.id)),
            "Glass must be the id of a record you can read",
        )
        self.assertQuoteRefused(
            self._glass(glass_material_id=10**12), "the id of a record you can read"
        )
        self.assertQuoteRefused(
            self._glass(glass_edge_all_id=999999), "the id of a record you can read"
        )
        self.assertQuoteRefused(self._glass(glass_shape="triangle"), "rectangle")
        self.assertQuoteRefused(self._glass(glass_sizes=3), "no field 'glass_sizes'")
        self.assertQuoteRefused(
            self._glass(glass_hole_ids={"diameter": 10, "x": 100, "y": 100}),
            "must be a list of [0, 0, {values}] commands",
        )
        self.assertQuoteRefused(
            self._glass(glass_hole_ids=[[0, 0, {"diameter": 10, "depth": 3}]]),
            "Hole 1 has no value 'depth'",
        )
        self.assertQuoteRefused(
            self._glass(glass_operation_ids="tempering"), "Operations must be a list"
        )
        self.assertQuoteRefused(
            [self._glass()], "A quote takes one glass line as a dictionary"
        )
        self.assertQuoteRefused(
            self._glass(glass_edge_all_id=self.tempering.id),
            "Test tempering is not edge work",
        )
        # invalid: refused and not priced (it used to be priced all the same)
        self.assertQuoteRefused(self._glass(glass_width=0), "must be positive")
        self.assertEqual(Line.search_count([]), before, "nothing is written")

    def test_quote_refuses_records_the_user_cannot_read(self):
        # a salesman reads his own orders only: another's order is not found
        other = new_test_user(
            self.env, "mirror_other_salesman", groups="sales_team.group_sale_salesman"
        )
        foreign = self._create_order(self._line_values(), user=other)
        self.env.flush_all()
        message = self.assertQuoteRefused(
            self._glass(order_id=foreign.id), "must be the id of a record you can read"
        )
        self.assertNotIn(foreign.name, message)
        mine = self._create_order(self._line_values(), user=self.api_user)
        self.env.flush_all()
        self.assertTrue(self._quote(self._glass(order_id=mine.id))["valid"])

    def test_quote_with_many_holes_answers_at_once(self):
        holes = [[0, 0, {"diameter": 10, "x": 500, "y": 250}]] * 1200
        message = self.assertQuoteRefused(
            self._glass(glass_hole_ids=holes), "at most 50 holes", "has 1200"
        )
        self.assertNotIn("apart", message)

    def test_create_with_nan_gets_the_validation_message(self):
        body = self._jsonrpc(
            "sale.order",
            "create",
            {
                "partner_id": self.partner.id,
                "order_line": [
                    [
                        0,
                        0,
                        dict(
                            self._line_values(),
                            glass_hole_ids=[
                                [0, 0, {"diameter": 10, "x": float("nan"), "y": 100}]
                            ],
                        ),
                    ]
                ],
            },
        )
        error = body["error"]["data"]
        self.assertEqual(error["name"], "odoo.exceptions.ValidationError")
        self.assertIn("Hole 1, X (mm) must be a number", error["message"])
        self.assertFalse(
            self.env["sale.order"].search([("partner_id", "=", self.partner.id)])
        )

    def test_readme_example_script(self):
        """The documented example (docs/examples) runs as is against this server."""
        path = os.path.join(
            os.path.dirname(__file__),
            "..",
            "..",
            "..",
            "docs",
            "examples",
            "glass_quotation_xmlrpc.py",
        )
        if not os.path.exists(path):
            self.skipTest("the example is not shipped with this copy of the addon")
        spec = importlib.util.spec_from_file_location("glass_quotation_xmlrpc", path)
        example = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(example)
        self.env.flush_all()
        printed = []
        order_id = example.run(
            self.base_url(),
            self.env.cr.dbname,
            "mirror_erp_connector",
            self.api_key,
            out=printed.append,
        )
        order = self.env["sale.order"].browse(order_id)
        self.assertEqual(len(order.order_line), 1)
        self.assertGreater(order.amount_untaxed, 0)
        self.assertTrue(printed[0].startswith("valid: True"))
        self.assertIn("refused: ", printed[-1])
        self.assertIn("from the edge of the glass", printed[-1])
