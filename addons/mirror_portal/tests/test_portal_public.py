# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import html
import json
import re
import threading
import time

from odoo import sql_db
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import PortalCommon

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
EXE = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 64


@tagged("post_install", "-at_install")
class TestPortalPublic(PortalCommon):
    """/glass/quote and /glass/request: the public price of a few pieces and the
    request form that makes a lead, for visitors without an account; guarded by
    a per-address counter in the database, a honeypot, CSRF and size limits."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.public_list = cls.env["product.pricelist"].create(
            {
                "name": "Test public price list +20 %",
                "currency_id": cls.currency.id,
                "item_ids": [
                    (0, 0, {"compute_price": "percentage", "percent_price": -20})
                ],
            }
        )
        cls.public_partner = cls.env.ref("base.public_partner")
        cls.public_partner.property_product_pricelist = cls.public_list
        cls.client_a.property_product_pricelist = cls.pricelist
        cls.company.write(
            {
                "mirror_public_enabled": True,
                "mirror_public_max_lines": 3,
                "mirror_public_rate_limit": 50,
                "mirror_public_quote_limit": 100,
                "mirror_public_max_files": 3,
                "mirror_public_max_file_mb": 1,
                "mirror_public_frame_origins": False,
            }
        )
        cls.company.country_id = cls.env.ref("base.ru")
        cls.source = cls.env.ref("mirror_portal.utm_source_website")

    def setUp(self):
        super().setUp()
        # the counters are committed by their own transactions: start from none
        self._purge_rates()
        self.addCleanup(self._purge_rates)

    # helpers

    def _real_cursor(self):
        """A cursor of its own on the test database: a real, separate transaction
        (``self.registry.cursor()`` is the test's own one in an HttpCase)."""
        return sql_db.db_connect(self.env.cr.dbname).cursor()

    def _purge_rates(self):
        with self._real_cursor() as cr:
            cr.execute("DELETE FROM mirror_portal_rate")

    def _committed_count(self, key):
        with self._real_cursor() as cr:
            cr.execute(
                "SELECT sum(count) FROM mirror_portal_rate WHERE key = %s", [key]
            )
            return cr.fetchone()[0] or 0

    def _quote(self, lines=None, body=None):
        return self._json("/glass/quote", body=body, lines=lines)["result"]

    def _page(self, url="/glass/request"):
        self.env.flush_all()
        response = self.url_open(url, allow_redirects=False)
        self.assertEqual(response.status_code, 200, response.text[:500])
        return response

    def _csrf(self, page):
        return re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)

    def _form(self, **values):
        return dict(
            {
                "name": "Ivan Petrov",
                "phone": "8 912 345-67-89",
                "email": "",
                "description": "",
                "lines_json": "",
                "website_url": "",
            },
            **values,
        )

    def _post(self, data, files=None, url="/glass/request", csrf=True):
        if csrf is True:
            data = dict(data, csrf_token=self._csrf(self._page()))
        self.env.flush_all()
        return self.url_open(url, data=data, files=files, allow_redirects=False)

    def _leads(self):
        return (
            self.env["crm.lead"]
            .with_context(active_test=False)
            .search([("source_id", "=", self.source.id)])
        )

    def _messages(self, response):
        """The texts of the error messages of a re-rendered form."""
        return html.unescape(response.text)

    # the page

    def test_page_for_anonymous_visitors(self):
        page = self._page()
        self.assertIn('class="o_mirror_public_request_form"', page.text)
        self.assertIn('action="/glass/request"', page.text)
        self.assertIn('name="csrf_token"', page.text)
        self.assertIn('name="website_url"', page.text)
        self.assertIn('name="lines_json"', page.text)
        self.assertIn('enctype="multipart/form-data"', page.text)
        props = json.loads(
            html.unescape(
                re.search(
                    r'<owl-component name="mirror_portal.glass_editor" props="([^"]+)"',
                    page.text,
                ).group(1)
            )
        )
        self.assertEqual(props["mode"], "public")
        self.assertEqual(props["quoteUrl"], "/glass/quote")
        self.assertEqual(props["fieldName"], "lines_json")
        self.assertEqual(props["maxLines"], 3)
        self.assertFalse(props["submitUrl"] or props["canConfirm"])
        self.assertIn(
            self.float_4.id,
            [material["id"] for material in props["catalog"]["materials"]],
        )
        # the page itself is never framed by another site
        self.assertEqual(page.headers["X-Frame-Options"], "SAMEORIGIN")
        self.assertEqual(
            page.headers["Content-Security-Policy"], "frame-ancestors 'self'"
        )
        self.assertEqual(page.headers["Cache-Control"], "no-store")
        # clients and the office may open it too
        for login in ("portal-a", "admin"):
            self.authenticate(login, "portal-a-pass" if login == "portal-a" else login)
            self.assertIn("o_mirror_public_request_form", self._page().text)

    def test_switched_off(self):
        self.company.mirror_public_enabled = False
        self.env.flush_all()
        for url in ("/glass/request", "/glass/request/embed"):
            self.assertEqual(self.url_open(url).status_code, 404)
        answer = self._quote([self._line()])
        self.assertEqual(answer["lines"], [])
        self.assertIn("not available", answer["errors"][0])

    # the calculator

    def test_quote_on_the_public_price_list(self):
        answer = self._quote([self._line(), self._line(width=600, height=600)])
        self.assertEqual(answer["errors"], [])
        first, second = answer["lines"]
        self.assertTrue(first["valid"] and second["valid"])
        self.assertAlmostEqual(
            answer["total"], first["subtotal"] + second["subtotal"], 2
        )
        self.assertNotIn("cost", json.dumps(first["breakdown"]))
        public_order = self._create_order(
            self._line_values(
                width=1000,
                height=500,
                qty=2,
                glass_edge_all_id=self.edge_ground.id,
                glass_hole_ids=[(0, 0, {"diameter": 8, "x": 100, "y": 100})],
            ),
            pricelist=self.public_list,
        )
        self.assertAlmostEqual(
            first["unit_price"], public_order.order_line.price_unit, 2
        )
        list_order = self._create_order(
            self._line_values(
                width=1000,
                height=500,
                qty=2,
                glass_edge_all_id=self.edge_ground.id,
                glass_hole_ids=[(0, 0, {"diameter": 8, "x": 100, "y": 100})],
            )
        )
        self.assertGreater(first["unit_price"], list_order.order_line.price_unit)
        # a signed-in client prices here as the public does
        self.authenticate("portal-a", "portal-a-pass")
        again = self._quote([self._line()])["lines"][0]
        self.assertAlmostEqual(again["unit_price"], first["unit_price"], 2)

    def test_quote_bad_input(self):
        for lines, words in (
            ("lines", "list"),
            ({"a": 1}, "list"),
            (None, "list"),
            ([self._line()] * 4, "at most 3"),
        ):
            answer = self._quote(lines)
            self.assertEqual(answer["lines"], [])
            self.assertIn(words, answer["errors"][0])
        answer = self._quote(
            [
                self._line(width="abc", material_id=10**12),
                self._line(material_id="1; DROP TABLE"),
                self._line(height=10**30, holes=[{"diameter": "x"}]),
            ]
        )
        self.assertEqual(len(answer["lines"]), 3)
        for line in answer["lines"]:
            self.assertFalse(line["valid"], line)
            self.assertTrue(line["errors"])
        self.assertEqual(answer["total"], 0)
        # numbers JSON cannot hold (1e999 reads as infinity)
        body = json.dumps(
            {
                "jsonrpc": "2.0",
                "method": "call",
                "params": {"lines": [self._line(width=1e999, height=-1e999)]},
            }
        )
        self.assertIn("Infinity", body)
        line = self._quote(body=body)["lines"][0]
        self.assertFalse(line["valid"])
        self.assertIn("width", [issue["field"] for issue in line["issues"]])

    # the request form

    def test_post_without_csrf_is_refused(self):
        with mute_logger("odoo.http"):
            for csrf in (False, "forged"):
                data = self._form(lines_json=json.dumps([self._line()]))
                if csrf:
                    data["csrf_token"] = csrf
                response = self._post(data, csrf=csrf)
                self.assertEqual(response.status_code, 400)
        self.assertFalse(self._leads())

    def test_honeypot_makes_nothing(self):
        response = self._post(
            self._form(
                website_url="http://spam.example.com",
                lines_json=json.dumps([self._line()]),
            ),
            files=[("attachments", ("drawing.pdf", PDF, "application/pdf"))],
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_mirror_public_thanks", response.text)
        self.assertFalse(self._leads())
        self.assertFalse(
            self.env["ir.attachment"].search([("name", "=", "drawing.pdf")])
        )

    def test_missing_or_wrong_contact(self):
        for values, words in (
            ({"phone": "", "email": ""}, "phone number or an e-mail"),
            ({"name": "  "}, "your name"),
            ({"name": "x" * 101}, "too long"),
            ({"phone": "", "email": "not an address"}, "Check the e-mail"),
            ({"phone": "12"}, "Check the phone"),
            ({"description": "d" * 5001}, "too long"),
        ):
            data = self._form(**dict({"description": "Mirror 800x600"}, **values))
            response = self._post(data)
            self.assertEqual(response.status_code, 200)
            text = self._messages(response)
            self.assertIn(words, text, values)
            self.assertNotIn("o_mirror_public_thanks", text)
            # what was typed is kept
            if data["description"] and len(data["description"]) < 100:
                self.assertIn(data["description"], text)
        # nothing to do at all
        text = self._messages(self._post(self._form()))
        self.assertIn("Add the pieces, describe what you need", text)
        self.assertFalse(self._leads())

    def test_bad_pieces_are_refused_with_their_reason(self):
        valid = self._line()
        for lines_json, words in (
            ("[{", "could not be read"),
            ("[" * 5000 + "]" * 5000, "could not be read"),
            ('{"a": 1}', "could not be read"),
            (json.dumps([valid] * 4), "at most 3"),
            (json.dumps([valid, self._line(width="abc")]), "Piece 2: The width"),
            (json.dumps([valid, "piece"]), "Piece 2:"),
            (json.dumps([self._line(material_id=10**12)]), "Piece 1:"),
            ("x" * 200_001, "too long"),
        ):
            response = self._post(self._form(lines_json=lines_json))
            self.assertEqual(response.status_code, 200)
            self.assertIn(words, self._messages(response), lines_json[:50])
        self.assertFalse(self._leads())

    def test_a_request_makes_a_lead(self):
        known = self.env["res.partner"].create(
            {"name": "Test known retail client", "email": "ivan@example.com"}
        )
        lines = [self._line(), self._line(width=600, height=600, quantity=1)]
        response = self._post(
            self._form(
                phone="",
                email="Ivan@Example.com",
                description="Two mirrors <b>for the hall</b>\nand a shelf",
                lines_json=json.dumps(lines),
            ),
            files=[
                ("attachments", ("plan.pdf", PDF, "application/pdf")),
                ("attachments", ("../../photo of wall.png", PNG, "image/png")),
            ],
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_mirror_public_thanks", response.text)
        lead = self._leads()
        self.assertEqual(len(lead), 1)
        expected_type = (
            "lead"
            if self.env.ref("base.user_admin").has_group("crm.group_use_lead")
            else "opportunity"
        )
        self.assertEqual(lead.type, expected_type)
        self.assertEqual(lead.source_id, self.source)
        self.assertEqual(lead.medium_id, self.env.ref("utm.utm_medium_website"))
        self.assertEqual(lead.contact_name, "Ivan Petrov")
        self.assertEqual(lead.email_from, "ivan@example.com")
        # the e-mail's contact, linked without the visitor being told
        self.assertEqual(lead.partner_id, known)
        self.assertFalse(lead.user_id)
        pieces = lead.mirror_glass_lines["lines"]
        self.assertEqual(len(pieces), 2)
        self.assertEqual(pieces[0]["line"]["width"], 1000)
        self.assertGreater(pieces[0]["unit_price"], 0)
        total = sum(piece["subtotal"] for piece in pieces)
        self.assertAlmostEqual(lead.mirror_glass_lines["total"], total, 2)
        self.assertAlmostEqual(lead.expected_revenue, total, 2)
        self.assertEqual(lead.mirror_glass_line_count, 2)
        self.assertIn("<table", lead.mirror_glass_lines_html)
        # the visitor's text is kept, as text
        self.assertIn("&lt;b&gt;for the hall&lt;/b&gt;", lead.description)
        self.assertIn("o_mirror_glass_request", lead.description)
        attachments = self.env["ir.attachment"].search(
            [("res_model", "=", "crm.lead"), ("res_id", "=", lead.id)]
        )
        self.assertEqual(
            sorted(attachments.mapped("name")), ["photo of wall.png", "plan.pdf"]
        )
        self.assertEqual(
            sorted(attachments.mapped("mimetype")), ["application/pdf", "image/png"]
        )
        note = lead.message_ids.filtered(lambda message: message.attachment_ids)
        self.assertEqual(note.attachment_ids, attachments)
        self.assertIn("2 piece(s)", note.body)

    def test_a_known_email_with_another_phone_changes_no_contact(self):
        known = self.env["res.partner"].create(
            {
                "name": "Test known client",
                "email": "olga@example.com",
                "phone": "+79120000000",
            }
        )
        response = self._post(
            self._form(email="olga@example.com", description="A mirror 500x500")
        )
        self.assertIn("o_mirror_public_thanks", response.text)
        lead = self._leads()
        self.assertEqual(len(lead), 1)
        self.assertFalse(lead.partner_id)
        self.assertEqual(lead.phone, "+79123456789")
        self.assertEqual(known.phone, "+79120000000")
        self.assertFalse(lead.mirror_glass_lines)

    def test_bad_attachments_are_refused(self):
        big = PDF + b"0" * (1024 * 1024)
        for files, words in (
            (
                [("attachments", ("setup.exe", EXE, "application/octet-stream"))],
                "setup.exe",
            ),
            ([("attachments", ("drawing.pdf", EXE, "application/pdf"))], "drawing.pdf"),
            ([("attachments", ("page.html", b"<script>", "text/html"))], "page.html"),
            (
                [("attachments", ("big.pdf", big, "application/pdf"))],
                "larger than 1 MB",
            ),
            (
                [("attachments", ("empty.pdf", b"", "application/pdf"))],
                "empty.pdf is empty",
            ),
            (
                [
                    ("attachments", (f"{n}.pdf", PDF, "application/pdf"))
                    for n in range(4)
                ],
                "at most 3",
            ),
        ):
            response = self._post(self._form(description="Glass shelf"), files=files)
            self.assertEqual(response.status_code, 200)
            text = self._messages(response)
            self.assertIn(words, text)
            self.assertNotIn("o_mirror_public_thanks", text)
        self.assertFalse(self._leads())
        self.assertFalse(
            self.env["ir.attachment"]
            .search([("res_model", "=", "crm.lead")])
            .filtered(lambda attachment: attachment.name.endswith((".pdf", ".exe")))
        )

    # abuse

    def test_rate_limit_per_address(self):
        self.company.mirror_public_rate_limit = 2
        self.company.mirror_public_quote_limit = 2
        self.env.flush_all()
        for _attempt in range(2):
            answer = self._quote([self._line()])
            self.assertEqual(answer["errors"], [])
        answer = self._quote([self._line()])
        self.assertEqual(answer["lines"], [])
        self.assertIn("Too many prices", answer["errors"][0])
        for _attempt in range(2):
            response = self._post(self._form(description="A mirror"))
            self.assertIn("o_mirror_public_thanks", response.text)
        response = self._post(self._form(description="A third mirror"))
        self.assertEqual(response.status_code, 429)
        text = self._messages(response)
        self.assertIn("Too many requests", text)
        self.assertIn("A third mirror", text)
        self.assertEqual(len(self._leads()), 2)

    def test_rate_counter_is_exact_under_concurrency(self):
        Rate = self.env["mirror.portal.rate"]
        key = Rate._mirror_client_key("test", "192.0.2.7")
        now = time.time()
        start = Rate._mirror_window_start(now=now)
        results, failures = [], []

        def hit(count=1, barrier=None):
            try:
                if barrier:
                    barrier.wait(10)
                for _index in range(count):
                    results.append(
                        Rate._mirror_hit(key, 2 if count == 1 else 15, now=now)
                    )
            except Exception as error:  # noqa: BLE001 - reported by the test
                failures.append(error)

        # the same window for every hit, whatever the clock does meanwhile
        # a third transaction holds the counter's row: both hits wait on it
        # at the same time, then count one after the other
        blocker = self._real_cursor()
        try:
            blocker.execute("SET TRANSACTION ISOLATION LEVEL READ COMMITTED")
            self.assertEqual(Rate._mirror_count(blocker, key, start), 1)
            threads = [threading.Thread(target=hit) for _index in range(2)]
            for thread in threads:
                thread.start()
            self._wait_for_lock_waiters(2)
            blocker.commit()
        finally:
            blocker.close()
        for thread in threads:
            thread.join(30)
        self.assertEqual(failures, [])
        self.assertEqual(sorted(results), [False, True])
        self.assertEqual(self._committed_count(key), 3)
        # two workers hammering the same counter: exactly the limit passes
        self._purge_rates()
        results.clear()
        barrier = threading.Barrier(2)
        threads = [
            threading.Thread(target=hit, args=(10, barrier)) for _index in range(2)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        self.assertEqual(failures, [])
        self.assertEqual(len(results), 20)
        self.assertEqual(results.count(True), 15)
        self.assertEqual(self._committed_count(key), 20)

    def _wait_for_lock_waiters(self, count, timeout=20):
        deadline = time.time() + timeout
        with self._real_cursor() as cr:
            while time.time() < deadline:
                cr.execute(
                    """
                    SELECT count(*) FROM pg_stat_activity
                     WHERE datname = current_database()
                       AND wait_event_type = 'Lock'
                       AND query LIKE '%%mirror_portal_rate%%'
                    """
                )
                if cr.fetchone()[0] >= count:
                    return
                cr.rollback()  # a new snapshot of the activity
                time.sleep(0.05)
        self.fail(f"{count} transactions never waited on the counter together")

    def test_old_counters_are_purged(self):
        Rate = self.env["mirror.portal.rate"]
        old = Rate.create(
            {"key": "test:old", "window_start": "2020-01-01 10:00:00", "count": 3}
        )
        recent = Rate.create(
            {"key": "test:new", "window_start": Rate._mirror_window_start(), "count": 1}
        )
        Rate._gc_mirror_rates()
        self.assertFalse(old.exists())
        self.assertTrue(recent.exists())
        # visitors and clients never read the counters
        with self.assertRaises(AccessError):
            Rate.with_user(self.user_a).search([])
        # no limit: nothing counted
        self.assertTrue(Rate._mirror_hit("test:none", 0))
        self.assertEqual(self._committed_count("test:none"), 0)

    # the frame

    def test_embed_route_and_its_headers(self):
        page = self._page("/glass/request/embed")
        self.assertIn('action="/glass/request/embed"', page.text)
        self.assertIn('name="form_token"', page.text)
        self.assertNotIn('name="csrf_token"', page.text)
        self.assertNotIn('id="top"', page.text)  # no portal header
        self.assertNotIn("o_footer", page.text)
        self.assertEqual(
            page.headers["Content-Security-Policy"], "frame-ancestors 'self'"
        )
        self.assertEqual(page.headers["X-Frame-Options"], "SAMEORIGIN")
        self.assertNotIn("session_id", page.headers.get("Set-Cookie", ""))
        self.company.mirror_public_frame_origins = (
            "https://shop.example.com  https://*.example.org:8443"
        )
        page = self._page("/glass/request/embed")
        self.assertEqual(
            page.headers["Content-Security-Policy"],
            "frame-ancestors 'self' https://shop.example.com https://*.example.org:8443",
        )
        self.assertNotIn("X-Frame-Options", page.headers)
        # the full page stays for this site only
        self.assertEqual(
            self._page().headers["Content-Security-Policy"], "frame-ancestors 'self'"
        )
        self.company.mirror_public_frame_origins = "*"
        page = self._page("/glass/request/embed")
        self.assertEqual(page.headers["Content-Security-Policy"], "frame-ancestors *")
        for bad in (
            "shop.example.com",
            "https://a.com/path",
            "https://a.com; script-src *",
        ):
            with self.assertRaises(ValidationError):
                self.company.mirror_public_frame_origins = bad

    def test_embedded_form_posts_with_its_own_token(self):
        url = "/glass/request/embed"
        token = re.search(r'name="form_token" value="([^"]+)"', self._page(url).text)
        data = self._form(description="A mirror for the frame")
        for bad in ("", "1.abc", f"{int(time.time())}.{'0' * 64}", "9" * 40):
            response = self._post(dict(data, form_token=bad), url=url, csrf=False)
            self.assertEqual(response.status_code, 200)
            self.assertIn("The form has expired", self._messages(response))
            self.assertIn("A mirror for the frame", self._messages(response))
        self.assertFalse(self._leads())
        response = self._post(
            dict(data, form_token=token.group(1)), url=url, csrf=False
        )
        self.assertIn("o_mirror_public_thanks", response.text)
        self.assertEqual(len(self._leads()), 1)

    # the office

    def test_create_glass_quotation_from_the_lead(self):
        lines = [self._line(), self._line(width=600, height=700, quantity=1, holes=[])]
        self._post(
            self._form(
                name="Anna Sidorova",
                email="anna@example.com",
                lines_json=json.dumps(lines),
            )
        )
        lead = self._leads()
        self.assertEqual(len(lead), 1)
        self.assertFalse(lead.partner_id)
        salesman = new_test_user(
            self.env,
            login="test-public-salesman",
            groups="sales_team.group_sale_salesman_all_leads",
        )
        action = lead.with_user(salesman).action_mirror_glass_quotation()
        order = self.env["sale.order"].browse(action["res_id"])
        self.assertEqual(order.opportunity_id, lead)
        self.assertEqual(lead.type, "opportunity")
        self.assertEqual(order.partner_id, lead.partner_id)
        self.assertEqual(order.partner_id.email, "anna@example.com")
        self.assertEqual(order.source_id, self.source)
        glass = order.order_line.filtered("glass_is_piece")
        self.assertEqual(
            [
                (line.glass_width, line.glass_height, line.product_uom_qty)
                for line in glass
            ],
            [(1000, 500, 2), (600, 700, 1)],
        )
        self.assertEqual(glass[0].glass_material_id, self.float_4)
        self.assertEqual(len(glass[0].glass_hole_ids), 1)
        self.assertEqual(glass[0].glass_edge_bottom_id, self.edge_ground)
        self.assertIn(order, lead.order_ids)
        # a lead of no pieces has nothing to quote
        empty = self.env["crm.lead"].create({"name": "Test lead without pieces"})
        self.assertEqual(empty.mirror_glass_line_count, 0)
        with self.assertRaises(UserError):
            empty.action_mirror_glass_quotation()
        # a piece whose glass is gone says which one
        lead.mirror_glass_lines = dict(
            lead.mirror_glass_lines,
            lines=[{"line": self._line(material_id=10**12)}],
        )
        with self.assertRaisesRegex(UserError, "Piece 1"):
            lead.with_user(salesman).action_mirror_glass_quotation()


@tagged("post_install", "-at_install")
class TestPortalPublicTour(PortalCommon):
    """In a browser, without an account: a visitor prices a mirror and sends
    the request; the shop gets a lead with the priced piece."""

    def test_tour(self):
        self.env.ref("base.public_partner").property_product_pricelist = self.pricelist
        self.company.mirror_public_enabled = True
        self.start_tour("/glass/request", "mirror_portal_public_request")
        lead = self.env["crm.lead"].search([("contact_name", "=", "Анна Смирнова")])
        self.assertEqual(len(lead), 1)
        self.assertEqual(
            lead.source_id, self.env.ref("mirror_portal.utm_source_website")
        )
        self.assertEqual(lead.mirror_glass_line_count, 1)
        self.assertIn("Зеркало в ванную", lead.description)
