# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import html
import io
import json
import re
import uuid

import openpyxl

from odoo import SUPERUSER_ID, Command
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from odoo.addons.mirror_production.tests.concurrency import ConcurrencyMixin

from ..cutlist import parse, read_table
from .common import PortalCommon


class NewOrderCommon(PortalCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.client_a.property_product_pricelist = cls.pricelist
        cls.hidden = cls._portal_user("portal-hidden", cls.client_a)
        cls.hidden.partner_id.mirror_portal_hide_prices = True
        cls.float_4.default_code = "M4"
        cls.float_8.default_code = "F8"
        cls.user_a2 = cls._portal_user("portal-a2", cls.client_a)

    def _line(self, **values):
        return dict(
            {
                "material_id": self.float_4.id,
                "width": "1000",
                "height": "500",
                "quantity": 2,
                "edges": dict.fromkeys(
                    ("bottom", "right", "top", "left"), self.edge_ground.id
                ),
                "holes": [{"diameter": 8, "x": 100, "y": 100}],
                "reference": "Shelf",
            },
            **values,
        )

    def _submit(self, **params):
        return self._json("/my/glass/submit", **params)["result"]

    def _orders(self, partner):
        return self.env["sale.order"].search([("partner_id", "=", partner.id)])

    def _csrf(self):
        page = self.url_open("/my/glass/new")
        self.assertEqual(page.status_code, 200)
        match = re.search(r'csrf_token: "([^"]+)"', page.text)
        self.assertTrue(match, "the page carries odoo.csrf_token")
        return match.group(1)

    def _upload(self, content, filename="list.csv", csrf=True):
        data = {"csrf_token": self._csrf()} if csrf else {}
        self.env.flush_all()
        return self.url_open(
            "/my/glass/upload",
            data=data,
            files={"file": (filename, content)},
            allow_redirects=False,
        )


@tagged("post_install", "-at_install")
class TestPortalNewOrder(NewOrderCommon):
    """/my/glass/new and /my/glass/submit: a client enters lines, sees their
    price and sends them as a quotation, or confirms them where allowed."""

    def test_page_for_clients_only(self):
        response = self._get("/my/glass/new")
        self.assertRedirectsAway(response, "/web/login")
        self.authenticate("admin", "admin")
        self.assertRedirectsAway(self._get("/my/glass/new"))
        self.authenticate("portal-a", "portal-a-pass")
        response = self._get("/my/glass/new")
        self.assertEqual(response.status_code, 200)
        match = re.search(
            r'<owl-component name="mirror_portal.glass_editor" props="([^"]*)"',
            response.text,
        )
        self.assertTrue(match)
        props = json.loads(html.unescape(match.group(1)))
        material_ids = {material["id"] for material in props["catalog"]["materials"]}
        self.assertIn(self.float_4.id, material_ids)
        self.assertEqual(props["submitUrl"], "/my/glass/submit")
        self.assertFalse(props["canConfirm"])
        self.assertFalse(props["pricesHidden"])
        edge_ids = {edge["id"] for edge in props["catalog"]["edges"]}
        self.assertIn(self.edge_ground.id, edge_ids)
        self.assertNotIn("price", json.dumps(props["catalog"]).lower())
        self.assertNotIn("cost", json.dumps(props["catalog"]).lower())

    def test_page_offers_only_the_client_materials(self):
        self.client_a.mirror_portal_material_ids = self.float_8
        self.authenticate("portal-a", "portal-a-pass")
        response = self._get("/my/glass/new")
        self.assertIn(self.float_8.display_name, response.text)
        self.assertNotIn(self.float_4.display_name, response.text)

    def test_submit_makes_a_quotation_for_the_manager(self):
        self.authenticate("portal-a", "portal-a-pass")
        answer = self._submit(
            lines=[self._line(), self._line(width="600,5", height=400, quantity=1)],
            key="0f0e8a34-5b7c-4f0e-9d55-4f3a3c1e0b11",
            reference="Kitchen 12",
            note="Please pack with corners.",
        )
        self.assertEqual(answer["errors"], [])
        order = self._orders(self.user_a.partner_id)
        self.assertEqual(len(order), 1)
        self.assertEqual(answer["order_url"], order.get_portal_url())
        self.assertEqual(order.state, "sent")
        self.assertEqual(order.client_order_ref, "Kitchen 12")
        self.assertEqual(len(order.order_line), 2)
        first, second = order.order_line
        self.assertEqual(first.glass_material_id, self.float_4)
        self.assertEqual((first.glass_width, first.glass_height), (1000, 500))
        self.assertEqual(first.glass_edge_top_id, self.edge_ground)
        self.assertEqual(len(first.glass_hole_ids), 1)
        self.assertEqual(second.glass_width, 600.5)
        # the price the client saw is the order's
        self.assertAlmostEqual(answer["total"], order.amount_untaxed, 2)
        self.assertTrue(
            order.message_ids.filtered(
                lambda message: (
                    "Please pack with corners." in message.body
                    and message.author_id == self.user_a.partner_id
                )
            )
        )
        # a colleague of the same company finds it among the quotations
        self.authenticate("portal-a2", "portal-a2-pass")
        self.assertIn(order.name, self._get("/my/quotes").text)

    def test_confirm_where_the_client_may(self):
        self.authenticate("portal-a", "portal-a-pass")
        answer = self._submit(lines=[self._line()], key="aaaaaaaa-1", confirm=True)
        order = self._orders(self.user_a.partner_id)
        self.assertEqual(answer["order_url"], order.get_portal_url())
        self.assertEqual(order.state, "sent", "not allowed: a quotation")
        self.client_a.mirror_portal_can_confirm = True
        answer = self._submit(lines=[self._line()], key="aaaaaaaa-2", confirm=True)
        confirmed = self._orders(self.user_a.partner_id) - order
        self.assertEqual(confirmed.state, "sale")
        self.assertEqual(len(confirmed.order_line.mirror_piece_ids), 2)

    def test_same_key_makes_one_order(self):
        self.authenticate("portal-a", "portal-a-pass")
        first = self._submit(lines=[self._line()], key="double-click-1")
        second = self._submit(lines=[self._line()], key="double-click-1")
        self.assertEqual(first["order_url"], second["order_url"])
        self.assertEqual(len(self._orders(self.user_a.partner_id)), 1)
        # another client's key is theirs: it neither finds nor blocks A's order
        self.authenticate("portal-b", "portal-b-pass")
        third = self._submit(lines=[self._line()], key="double-click-1")
        self.assertNotEqual(third["order_url"], first["order_url"])
        self.assertEqual(len(self._orders(self.user_b.partner_id)), 1)

    def test_a_wrong_line_creates_nothing(self):
        self.authenticate("portal-a", "portal-a-pass")
        answer = self._submit(
            lines=[self._line(), self._line(width="12 cm", material_id=999999)],
            key="wrong-line-1",
        )
        self.assertFalse(answer["order_url"])
        self.assertTrue(answer["errors"])
        good, bad = answer["lines"]
        self.assertTrue(good["valid"])
        self.assertFalse(bad["valid"])
        fields = {issue["field"] for issue in bad["issues"]}
        self.assertIn("material", fields)
        self.assertFalse(self._orders(self.user_a.partner_id))

    def test_bad_payloads_are_refused(self):
        self.authenticate("portal-a", "portal-a-pass")
        for params in (
            {"lines": "not a list"},
            {"lines": []},
            {"lines": [None, 3, "x"]},
            {"lines": [self._line()] * 501},
            {"lines": [self._line(quantity="1e309")]},
            {"lines": [self._line(holes="everywhere")]},
            {"lines": [self._line(material_id=self.float_4.id + 0.5)]},
            {"lines": [self._line(edges={"bottom": "G"})]},
            {"lines": [self._line(operation_ids=[self.tempering.id, "x", -1])]},
            {"lines": [self._line(unknown=1)]},
        ):
            with self.subTest(params=str(params)[:80]):
                answer = self._submit(key="bad-payload-1", **params)
                self.assertFalse(answer["order_url"])
                self.assertTrue(answer["errors"])
        # a key of the wrong shape is ignored, not stored
        answer = self._submit(lines=[self._line()], key="<script>" * 20)
        self.assertTrue(answer["order_url"])
        self.assertFalse(self._orders(self.user_a.partner_id).mirror_portal_key)

    def test_price_hidden_user_orders_without_prices(self):
        self.authenticate("portal-hidden", "portal-hidden-pass")
        answer = self._submit(lines=[self._line()], key="hidden-1")
        self.assertTrue(answer["order_url"])
        self.assertIsNone(answer["total"])
        self.assertIsNone(answer["lines"][0]["unit_price"])
        self.assertNotIn("breakdown", answer["lines"][0])
        response = self._get("/my/glass/new")
        self.assertIn("&#34;pricesHidden&#34;: true", response.text)

    def test_who_may_not_order(self):
        response = self._json("/my/glass/submit", lines=[self._line()])
        self.assertIn("error", response)  # no session: the login is required
        self.authenticate("admin", "admin")
        answer = self._submit(lines=[self._line()])
        self.assertFalse(answer["order_url"])
        self.assertFalse(self._orders(self.env.ref("base.partner_admin")))

    def test_another_company_glass_is_refused(self):
        other = self.env["res.company"].create({"name": "Other glass shop"})
        self.float_8.company_id = other
        self.authenticate("portal-a", "portal-a-pass")
        answer = self._submit(lines=[self._line(material_id=self.float_8.id)])
        self.assertFalse(answer["order_url"])
        self.assertEqual(answer["lines"][0]["issues"][0]["field"], "material")


@tagged("post_install", "-at_install")
class TestPortalSubmitConcurrency(ConcurrencyMixin, TransactionCase):
    """Two requests with the same submission key at the same moment, in two real
    transactions, make one order; the other is told it was sent already."""

    def test_two_transactions_one_order(self):
        tag = uuid.uuid4().hex[:8]

        def setup(env):
            uom_m2 = env.ref("uom.uom_square_meter")
            material = env["product.product"].create(
                {
                    "name": f"Test portal race float 4 mm {tag}",
                    "glass_role": "material",
                    "glass_kind": "float",
                    "glass_thickness": 4,
                    "uom_id": uom_m2.id,
                    "uom_po_id": uom_m2.id,
                    "list_price": 1000,
                    "glass_sheet_size_ids": [
                        Command.create({"width": 3210, "height": 2250})
                    ],
                }
            )
            partner = env["res.partner"].create({"name": f"Test portal race {tag}"})
            return material.id, partner.id

        material_id, partner_id = self._committed(setup)

        def clean(env):
            orders = env["sale.order"].search([("partner_id", "=", partner_id)])
            orders._action_cancel()
            orders.unlink()
            env["res.partner"].browse(partner_id).active = False
            env["product.product"].browse(material_id).active = False

        self.addCleanup(self._committed, clean)
        lines = [{"material_id": material_id, "width": 1000, "height": 500}]

        def submit(env, arrived):
            # both have read that no order has the key before either writes
            env["sale.order"].search_count([("mirror_portal_key", "=", tag)])
            arrived()
            return env["sale.order"]._mirror_portal_submit(
                env["res.partner"].browse(partner_id), lines, key=f"race-{tag}"
            )

        results = self._concurrently(submit, submit, uid=SUPERUSER_ID)
        for result in results:
            self.assertIsInstance(result, dict, result)

        def count(env):
            return env["sale.order"].search_count(
                [("mirror_portal_key", "=", f"race-{tag}")]
            )

        self.assertEqual(self._committed(count), 1)
        made = [result for result in results if result["order_url"]]
        refused = [result for result in results if not result["order_url"]]
        self.assertEqual((len(made), len(refused)), (1, 1))
        self.assertIn("already sent", refused[0]["errors"][0])


@tagged("post_install", "-at_install")
class TestPortalCutListUpload(NewOrderCommon):
    """/my/glass/upload: a cut list read into a preview that marks each bad row;
    the template to start from, in the client's language."""

    CSV = (
        "Позиция;Материал;Ширина, мм;Высота, мм;Кол-во, шт;Кромка;Отверстия\n"
        '1;M4;1200;800;2;G;"Ø8 (100; 100)"\n'
        "2;m4;450,5;600;1;G / - / G / -;\n"
        "3;M4;12 см;600;1;G;\n"
        "4;Unknown glass;500;500;1;;\n"
    )

    def test_preview_marks_the_bad_rows(self):
        self.authenticate("portal-a", "portal-a-pass")
        response = self._upload(self.CSV.encode("utf-8"))
        self.assertEqual(response.status_code, 200, response.text[:300])
        preview = response.json()
        self.assertEqual((preview["good"], preview["bad"]), (2, 2))
        self.assertEqual(preview["errors"], [])
        rows = {row["number"]: row for row in preview["rows"]}
        self.assertEqual(rows[2]["line"]["material_id"], self.float_4.id)
        self.assertEqual(rows[2]["line"]["edges"]["top"], self.edge_ground.id)
        self.assertEqual(
            rows[2]["line"]["holes"], [{"diameter": 8.0, "x": 100.0, "y": 100.0}]
        )
        self.assertEqual(rows[3]["line"]["width"], 450.5)
        self.assertEqual(rows[3]["line"]["edges"]["right"], False)
        self.assertIn("120", rows[4]["issues"][0]["message"])  # "write 120"
        self.assertEqual(rows[5]["issues"][0]["column"], "material")
        # nothing is created by a preview
        self.assertFalse(self._orders(self.user_a.partner_id))
        # the good rows price as the editor sends them
        good = [row["line"] for row in preview["rows"] if not row["issues"]]
        for line in good:
            line.pop("note")
        answer = self._json("/my/glass/quote", lines=good)["result"]
        self.assertTrue(all(line["valid"] for line in answer["lines"]))

    def test_messages_in_russian(self):
        self.env["res.lang"]._activate_lang("ru_RU")
        self.env["res.lang"].with_context(active_test=False).search(
            [("code", "=", "ru_RU")]
        )._activate_lang("ru_RU")
        self.env["ir.module.module"]._load_module_terms(["mirror_portal"], ["ru_RU"])
        self.user_a.lang = "ru_RU"
        self.authenticate("portal-a", "portal-a-pass")
        preview = self._upload(self.CSV.encode("utf-8")).json()
        message = preview["rows"][2]["issues"][0]["message"]
        self.assertIn("Строка 4", message)

    def test_xlsx(self):
        workbook = openpyxl.Workbook()
        sheet = workbook.active
        sheet.append(["Reference", "Material", "Width, mm", "Height, mm", "Qty"])
        sheet.append(["A", "M4", 1000, 700.5, 3])
        sheet.append(["B", "M4", "abc", 700, 1])
        buffer = io.BytesIO()
        workbook.save(buffer)
        self.authenticate("portal-a", "portal-a-pass")
        preview = self._upload(buffer.getvalue(), "list.xlsx").json()
        self.assertEqual((preview["good"], preview["bad"]), (1, 1))
        self.assertEqual(preview["rows"][0]["line"]["height"], 700.5)

    def test_bad_files_get_a_message(self):
        self.authenticate("portal-a", "portal-a-pass")
        for content, filename in (
            (b"", "empty.csv"),
            (b"\x00\x01\x02binary", "photo.jpg"),
            (b"PK\x03\x04not a zip", "broken.xlsx"),
            (b"a;b\n" + b"1;2\n" * 700000, "huge.csv"),
            (b"Width;Depth\n1;2\n", "no-height.csv"),
            ("Ширина;Высота;Материал\n60;40;M4\n".encode(), "cm.csv"),
        ):
            with self.subTest(filename=filename):
                response = self._upload(content, filename)
                self.assertEqual(response.status_code, 200)
                preview = response.json()
                self.assertTrue(preview["errors"], preview)
                self.assertFalse(preview["good"])
        self.assertFalse(self._orders(self.user_a.partner_id))

    def test_upload_needs_a_client_and_csrf(self):
        response = self._upload(self.CSV.encode(), csrf=False)
        self.assertIn(response.status_code, (302, 303, 400, 403))
        self.authenticate("portal-a", "portal-a-pass")
        with mute_logger("odoo.http"):
            response = self._upload(self.CSV.encode(), csrf=False)
        self.assertEqual(response.status_code, 400)
        self.authenticate("admin", "admin")
        response = self.url_open(
            "/my/glass/upload",
            data={"csrf_token": "x"},
            files={"file": ("a.csv", self.CSV.encode())},
        )
        self.assertIn(response.status_code, (400, 403))
        self.assertEqual(self._get("/my/glass/upload").status_code, 405)

    def test_no_file(self):
        self.authenticate("portal-a", "portal-a-pass")
        response = self.url_open("/my/glass/upload", data={"csrf_token": self._csrf()})
        self.assertEqual(response.status_code, 400)
        self.assertTrue(response.json()["errors"])

    def test_templates_read_back(self):
        self.authenticate("portal-a", "portal-a-pass")
        for file_type in ("csv", "xlsx"):
            with self.subTest(file_type=file_type):
                response = self._get(f"/my/glass/template.{file_type}")
                self.assertEqual(response.status_code, 200)
                self.assertIn("attachment", response.headers["Content-Disposition"])
                rows = read_table(response.content, f"t.{file_type}")
                cut_list = parse(rows, {"m4": 1}, {"ш": 2, "п": 3})
                self.assertEqual(cut_list.issues, [])
                self.assertEqual(len(cut_list.good_rows), 2)
        self.assertEqual(self._get("/my/glass/template.exe").status_code, 404)
        self.authenticate(None, None)
        self.assertRedirectsAway(self._get("/my/glass/template.csv"), "/web/login")


@tagged("post_install", "-at_install")
class TestPortalGlassOrderTour(NewOrderCommon):
    """In a browser: a B2B client enters two lines, uploads a cut list with one
    bad row, sees it marked and the price, confirms, and finds the order with
    its pieces."""

    def test_tour(self):
        self.client_a.mirror_portal_can_confirm = True
        self.start_tour("/my/glass/new", "mirror_portal_glass_order", login="portal-a")
        order = self._orders(self.user_a.partner_id)
        self.assertEqual(len(order), 1)
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.client_order_ref, "Kitchen 12")
        self.assertEqual(
            [
                (line.glass_width, line.glass_height, line.product_uom_qty)
                for line in order.order_line
            ],
            [(1000, 500, 1), (600, 400, 3), (700, 300, 2), (800, 450.5, 1)],
        )
        self.assertEqual(order.order_line[2].glass_edge_left_id, self.edge_ground)
        self.assertEqual(len(order.order_line.mirror_piece_ids), 7)
