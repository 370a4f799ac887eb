# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import base64
import json
import re

from odoo import Command
from odoo.tests import tagged
from odoo.tools import format_amount, html2plaintext, mute_logger
from odoo.tools import hmac as hmac_tool

from .common import PortalCommon

# a 1 × 1 PNG: a client's photo, a line's drawing
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


@tagged("post_install", "-at_install")
class TestPortalSecurity(PortalCommon):
    """Every route of the portal checks access the way sale's portal does: client
    B gets nothing of client A's orders, pieces, drawings, files and documents,
    with or without a token; a token opens what it is for; A's colleagues share
    the company's orders; a price-hidden colleague sees no amount anywhere."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_documents()
        cls.token = cls.order._portal_ensure_token()
        cls.user_a2 = cls._portal_user("portal-a2", cls.client_a)
        # the assertions read English texts and amounts
        (cls.user_a2 | cls.user_b).lang = "en_US"
        cls.glass_line = cls.order.order_line.filtered("glass_is_piece")[0]
        cls.glass_line.write({"glass_drawing": base64.b64encode(PNG)})
        cls.pieces = cls.order.order_line.mirror_piece_ids
        # client B's own order, for A to be refused in turn
        cls.order_b = cls._create_order(cls._line_values(qty=1), partner=cls.client_b)
        cls.order_b.action_confirm()
        # a document of the glass product given with confirmed orders
        cls.document = cls.env["product.document"].create(
            {
                "name": "Care instructions.pdf",
                "res_model": "product.product",
                "res_id": cls.piece_product.id,
                "datas": base64.b64encode(b"%PDF-1.4 care instructions"),
                "attached_on_sale": "sale_order",
            }
        )

    # helpers ---------------------------------------------------------------

    def _login(self, login):
        self.authenticate(login, f"{login}-pass" if login else None)

    def _csrf(self):
        """A CSRF token of the session (anonymous: the login page's)."""
        page = self.url_open("/my").text
        return re.search(r'csrf_token: "([^"]+)"', page).group(1)

    def _rpc(self, url, **params):
        self.env.flush_all()
        response = self.url_open(
            url,
            data=json.dumps({"jsonrpc": "2.0", "method": "call", "params": params}),
            headers={"Content-Type": "application/json"},
        )
        self.assertEqual(response.status_code, 200, url)
        return response.json()

    def _amounts(self, *orders):
        """The amounts of ``orders`` as the portal writes them (en_US)."""
        amounts = set()
        for order in orders:
            values = [order.amount_total, order.amount_untaxed]
            values += order.order_line.mapped("price_subtotal")
            values += order.order_line.mapped("price_unit")
            amounts.update(f"{value:,.2f}" for value in values if value)
        return amounts

    def assertNoAmount(self, text, *orders, where=""):
        self.assertNotIn("oe_currency_value", text, where)
        for amount in self._amounts(*(orders or (self.order,))):
            self.assertNotIn(amount, text, where)

    def _send_quotation(self, order):
        """Send ``order`` by e-mail from the backend, as a salesman does: sale's
        template, its amount in the text and the order's PDF attached."""
        action = order.action_quotation_send()
        composer = (
            self.env["mail.compose.message"]
            .with_context(**action["context"])
            .create({})
        )
        composer._action_send_mail()
        message = order.message_ids.filtered("attachment_ids")[:1]
        self.assertTrue(message.attachment_ids)
        return message

    def _post_photo(self, order):
        return order.message_post(
            body="A photo of the wall",
            attachments=[("wall.png", PNG)],
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )

    # the client-A-vs-client-B matrix ---------------------------------------

    def _order_gets(self):
        """The GET routes of an order, each with a test of a granted answer."""
        order, line = self.order, self.glass_line
        barcode = self.pieces[0].barcode
        return [
            (
                "page",
                f"/my/orders/{order.id}",
                {},
                lambda r: "o_mirror_glass_line" in r.text and order.name in r.text,
            ),
            (
                "pdf",
                f"/my/orders/{order.id}",
                {"report_type": "pdf"},
                lambda r: order.name in r.text or r.content.startswith(b"%PDF"),
            ),
            (
                "html report",
                f"/my/orders/{order.id}",
                {"report_type": "html"},
                lambda r: order.name in r.text,
            ),
            (
                "production card",
                f"/my/orders/{order.id}/production_card",
                {"report_type": "html"},
                lambda r: barcode in r.text,
            ),
            (
                "document",
                f"/my/orders/{order.id}/document/{self.document.id}",
                {},
                lambda r: r.content == b"%PDF-1.4 care instructions",
            ),
            (
                "drawing",
                f"/web/content/sale.order.line/{line.id}/glass_drawing",
                {},
                lambda r: r.content == PNG,
            ),
        ]

    def assertRefused(self, response, name):
        """Redirected away (to /my, or to the login), refused or a placeholder:
        anything but the order's data."""
        if response.status_code in (302, 303):
            location = response.headers["Location"].split("?")[0]
            self.assertTrue(location.endswith(("/my", "/web/login")), (name, location))
            return
        self.assertIn(response.status_code, (200, 403, 404), name)
        for words in (self.pieces[0].barcode, self.order.name, "o_mirror_glass_line"):
            self.assertNotIn(words, response.text, name)
        self.assertNotIn(response.content, (PNG, b"%PDF-1.4 care instructions"), name)

    def test_order_routes_refuse_other_clients_and_wrong_tokens(self):
        self.env.flush_all()
        for login in (None, "portal-b"):
            self._login(login)
            for name, url, params, _granted in self._order_gets():
                # the document route always takes a token: a wrong one
                for token in ([None] if name != "document" else []) + ["x" * 36]:
                    query = dict(params, access_token=token) if token else params
                    with self.subTest(login=login, route=name, token=token):
                        self.assertRefused(self._get(url, **query), name)
        # nor do A's users get B's order
        self._login("portal-a")
        self.assertRedirectsAway(self._get(f"/my/orders/{self.order_b.id}"))
        self.assertNotIn(self.order_b.name, self._get("/my/orders").text)
        self.assertRefused(
            self._get(f"/my/orders/{self.order_b.id}/production_card"), "card"
        )

    def test_order_routes_open_with_the_token_and_for_the_company(self):
        self.env.flush_all()
        self._login(None)
        for name, url, params, granted in self._order_gets():
            if name == "drawing":
                continue  # a file of the line: for who reads the order, no token
            response = self._get(url, **dict(params, access_token=self.token))
            with self.subTest(route=name):
                self.assertEqual(response.status_code, 200, name)
                self.assertTrue(granted(response), name)
        # the company's accounts: the buyer and a colleague, without a token
        for login in ("portal-a", "portal-a2"):
            self._login(login)
            for name, url, params, granted in self._order_gets():
                if name == "document":
                    params = dict(params, access_token="x" * 36)  # not needed
                response = self._get(url, **params)
                with self.subTest(login=login, route=name):
                    self.assertEqual(response.status_code, 200, name)
                    self.assertTrue(granted(response), name)

    def test_other_clients_cannot_modify_orders(self):
        quotation = self.quotation
        for login in (None, "portal-b"):
            self._login(login)
            csrf = self._csrf()
            for token in (None, "x" * 36):
                extra = {"access_token": token} if token else {}
                with self.subTest(login=login, token=token):
                    # reorder, decline
                    for url in (
                        f"/my/orders/{self.order.id}/reorder",
                        f"/my/orders/{quotation.id}/decline",
                    ):
                        response = self.url_open(
                            url,
                            data=dict(extra, csrf_token=csrf, decline_message="no"),
                            allow_redirects=False,
                        )
                        self.assertRefused(response, url)
                    # accept (sign) and pay
                    answer = self._rpc(
                        f"/my/orders/{quotation.id}/accept",
                        name="B",
                        signature=base64.b64encode(PNG).decode(),
                        **extra,
                    )
                    self.assertIn("error", answer["result"])
                    with mute_logger("odoo.http"):
                        answer = self._rpc(
                            f"/my/orders/{quotation.id}/transaction",
                            access_token=token or "",
                            payment_method_id=1,
                            flow="redirect",
                            tokenization_requested=False,
                            landing_route="/my",
                        )
                    self.assertIn("error", answer)
                    # post in its chatter, attach a file to it
                    with mute_logger("odoo.http"):
                        answer = self._rpc(
                            "/mail/message/post",
                            thread_model="sale.order",
                            thread_id=self.order.id,
                            post_data={"body": "B was here", "message_type": "comment"},
                            **({"token": token} if token else {}),
                        )
                    self.assertIn("error", answer)
                    response = self.url_open(
                        "/mail/attachment/upload",
                        data=dict(
                            thread_model="sale.order",
                            thread_id=self.order.id,
                            csrf_token=csrf,
                            **({"token": token} if token else {}),
                        ),
                        files={"ufile": ("b.png", PNG, "image/png")},
                        allow_redirects=False,
                    )
                    self.assertEqual(response.status_code, 404)
        self.assertEqual(quotation.state, "sent")
        self.assertFalse(quotation.signature)
        self.assertFalse(quotation.transaction_ids)
        self.assertFalse(
            self.env["sale.order"].search(
                [("mirror_reorder_of_id", "=", self.order.id)]
            )
        )
        messages = (self.order | quotation).message_ids
        self.assertNotIn("B was here", "".join(messages.mapped("body")))
        self.assertFalse(
            self.env["ir.attachment"].search_count(
                [("name", "=", "b.png"), ("create_uid", "in", self.user_b.ids)]
            )
        )

    def test_a_token_reorders_as_the_page_does(self):
        self._login(None)
        csrf = self._csrf()
        response = self.url_open(
            f"/my/orders/{self.order.id}/reorder",
            data={"csrf_token": csrf, "access_token": self.token},
            allow_redirects=False,
        )
        quotation = self.env["sale.order"].search(
            [("mirror_reorder_of_id", "=", self.order.id)]
        )
        self.assertEqual(len(quotation), 1)
        self.assertEqual(quotation.partner_id, self.order.partner_id)
        self.assertIn(f"/my/orders/{quotation.id}", response.headers["Location"])
        self.assertIn(quotation.access_token, response.headers["Location"])
        # the token of one order opens no other order
        response = self._get(
            f"/my/orders/{self.order_b.id}/production_card", access_token=self.token
        )
        self.assertRefused(response, "token of another order")

    def test_the_quote_prices_on_the_callers_own_pricelist(self):
        discount = self.env["product.pricelist"].create(
            {
                "name": "Test B -10 %",
                "item_ids": [
                    Command.create({"compute_price": "percentage", "percent_price": 10})
                ],
            }
        )
        self.client_a.property_product_pricelist = self.pricelist
        self.client_b.property_product_pricelist = discount
        line = {
            "material_id": self.float_4.id,
            "width": 1000,
            "height": 500,
            "edge_id": self.edge_ground.id,
        }
        self._login("portal-a")
        price_a = self._rpc("/my/glass/quote", lines=[line])["result"]["total"]
        self._login("portal-b")
        price_b = self._rpc("/my/glass/quote", lines=[line])["result"]["total"]
        self.assertLess(price_b, price_a)
        # B cannot price against A's price list by naming A
        forged = self._rpc(
            "/my/glass/quote",
            lines=[line],
            partner_id=self.client_a.id,
            pricelist_id=self.pricelist.id,
            order_id=self.order.id,
        )["result"]
        self.assertEqual(forged["total"], price_b)
        # a price-hidden colleague of A gets the lines checked, not priced
        self._login("portal-hidden")
        hidden = self._rpc("/my/glass/quote", lines=[line])["result"]
        self.assertIsNone(hidden["total"])
        self.assertIsNone(hidden["lines"][0]["unit_price"])
        self.assertTrue(hidden["lines"][0]["valid"])
        # an anonymous visitor gets no price
        self._login(None)
        self.assertNotIn("result", self._rpc("/my/glass/quote", lines=[line]))

    def test_pieces_drawings_and_files_stay_with_the_order(self):
        photo = self._post_photo(self.order).attachment_ids
        photo_token = photo.generate_access_token()[0]
        self.env.flush_all()
        self._login("portal-b")
        for url in (
            f"/web/content/{photo.id}",
            f"/web/content/{photo.id}?access_token={'x' * 36}",
            f"/web/image/{photo.id}",
            f"/web/content/sale.order.line/{self.glass_line.id}/glass_drawing",
            f"/web/image/sale.order.line/{self.glass_line.id}/glass_drawing",
            f"/web/content/sale.order/{self.order.id}/signature",
            # reports by their name, as the backend prints them
            f"/report/html/sale.report_saleorder/{self.order.id}",
            f"/report/html/mirror_production.report_mirror_production_card/"
            f"{self.order.id}",
            f"/report/html/mirror_production.report_mirror_piece_label/"
            f"{','.join(map(str, self.pieces.ids))}",
        ):
            with self.subTest(url=url), mute_logger("odoo.http"):
                self.assertRefused(self._get(url), url)
        # the ORM says the same: B reads none of A's records, and no pieces at all
        for model, ids in (
            ("sale.order", self.order.ids),
            ("sale.order.line", self.glass_line.ids),
            ("mirror.piece", self.pieces.ids),
            ("mirror.piece.step", self.pieces.step_ids.ids),
        ):
            with self.subTest(model=model), mute_logger("odoo.http"):
                answer = self._rpc(
                    f"/web/dataset/call_kw/{model}/read",
                    model=model,
                    method="read",
                    args=[ids, ["display_name"]],
                    kwargs={},
                )
                self.assertIn("error", answer)
        # the chatter: nothing without the token, refused with a wrong one
        answer = self._rpc(
            "/mail/chatter_fetch", thread_model="sale.order", thread_id=self.order.id
        )
        self.assertFalse(answer["result"]["data"]["mail.message"])
        with mute_logger("odoo.http"):
            answer = self._rpc(
                "/mail/chatter_fetch",
                thread_model="sale.order",
                thread_id=self.order.id,
                token="x" * 36,
            )
        self.assertIn("error", answer)
        # client A reads its own photo (with its token, as the chatter gives
        # it) and drawing
        self._login("portal-a")
        self.assertEqual(
            self._get(f"/web/content/{photo.id}", access_token=photo_token).content,
            PNG,
        )
        self.assertEqual(
            self._get(
                f"/web/content/sale.order.line/{self.glass_line.id}/glass_drawing"
            ).content,
            PNG,
        )
        self.assertRefused(
            self._get(
                f"/web/content/sale.order.line/{self.order_b.order_line.id}"
                "/glass_drawing"
            ),
            "B's drawing",
        )

    def test_the_workshop_routes_refuse_portal_users(self):
        photo = self._post_photo(self.order).attachment_ids
        self.env.flush_all()
        for login in ("portal-a", "portal-b", None):
            self._login(login)
            for url in (
                f"/mirror/workshop/attachment/{self.pieces[0].id}/{photo.id}",
                f"/mirror/workshop/labels/{self.pieces[0].id}",
            ):
                with self.subTest(login=login, url=url):
                    response = self._get(url)
                    self.assertIn(response.status_code, (303, 404), url)
                    self.assertNotEqual(response.content, PNG)
        self._login("portal-a")
        for method in ("tablet_stations", "tablet_queue", "tablet_piece"):
            args = {"tablet_stations": []}.get(method, [self.wc_cutting.id])
            with self.subTest(method=method), mute_logger("odoo.http"):
                answer = self._rpc(
                    f"/web/dataset/call_kw/mirror.workshop/{method}",
                    model="mirror.workshop",
                    method=method,
                    args=args,
                    kwargs={"piece_id": self.pieces[0].id}
                    if method == "tablet_piece"
                    else {},
                )
                self.assertIn("error", answer)

    # uploads ----------------------------------------------------------------

    def _upload(self, name, content, csrf):
        """Attach a file in the order's chatter, as its page does (with the
        order's token: portal users do not write on orders)."""
        response = self.url_open(
            "/mail/attachment/upload",
            data={
                "thread_model": "sale.order",
                "thread_id": self.order.id,
                "is_pending": "true",
                "token": self.token,
                "csrf_token": csrf,
            },
            files={"ufile": (name, content, "application/octet-stream")},
        )
        self.assertEqual(response.status_code, 200)
        return response.json()

    def test_uploads_are_limited_in_size_and_type(self):
        Attachment = self.env["ir.attachment"]
        mine = [("create_uid", "=", self.user_a.id)]
        self._login("portal-a")
        csrf = self._csrf()
        before = Attachment.search_count(mine)
        for name, content, words in (
            ("plan.pdf", b"%PDF-1.4" + b"0" * (10 * 1024 * 1024), "10 MB"),
            ("drawing.pdf", b"MZ\x90\x00\x03" + b"\x00" * 100, "cannot be attached"),
            ("cut.csv", b"<html><script>alert(1)</script></html>", "cannot be"),
            ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"/>', "cannot be"),
            ("setup.exe", b"MZ\x90\x00\x03" + b"\x00" * 100, "cannot be attached"),
            ("cut.csv", b"MZ\x90\x00\x03" + b"\x00" * 100, "cannot be attached"),
            ("photo.png", b"%PDF-1.4 not a picture", "cannot be attached"),
            ("empty.pdf", b"", "empty"),
        ):
            with self.subTest(name=name):
                answer = self._upload(name, content, csrf)
                self.assertIn(words, answer.get("error", ""), answer)
                self.assertIn(name, answer["error"])
        self.assertEqual(Attachment.search_count(mine), before)
        # a drawing, a picture, a table: attached
        for name, content in (
            ("plan.pdf", b"%PDF-1.4 a drawing"),
            ("wall.png", PNG),
            ("cut.csv", "Ширина;Высота\n500;700\n".encode()),
            ("plan.dxf", b"0\nSECTION\n2\nHEADER\n0\nENDSEC\n0\nEOF\n"),
            ("old.csv", "Ширина;Высота\n500;700\n".encode("cp1251")),
        ):
            with self.subTest(name=name):
                answer = self._upload(name, content, csrf)
                self.assertNotIn("error", answer)
        self.assertEqual(Attachment.search_count(mine), before + 5)
        # the backend's upload route is not the portal's
        response = self.url_open(
            "/web/binary/upload_attachment",
            data={"model": "sale.order", "id": self.order.id, "csrf_token": csrf},
            files={"ufile": ("wall.png", PNG, "image/png")},
        )
        self.assertIn("error", response.json()[0])
        self.assertEqual(Attachment.search_count(mine), before + 5)

    # a price-hidden colleague ------------------------------------------------

    def test_a_price_hidden_user_sees_no_price_on_pages(self):
        invoice = self.order._create_invoices()
        invoice.action_post()
        self.env.flush_all()
        self._login("portal-hidden")
        for url in ("/my", "/my/orders", "/my/quotes", "/my/invoices"):
            response = self._get(url)
            self.assertEqual(response.status_code, 200, url)
            self.assertNoAmount(response.text, self.order, self.quotation, where=url)
            self.assertNotIn(invoice.name, response.text, url)
            self.assertNotIn("o_mirror_payment_header", response.text, url)
        counters = self._rpc(
            "/my/counters",
            counters=["invoice_count", "overdue_invoice_count", "order_count"],
        )["result"]
        self.assertEqual(counters["invoice_count"], 0)
        self.assertEqual(counters["overdue_invoice_count"], 0)
        self.assertEqual(counters["order_count"], 1)
        for order in (self.order, self.quotation):
            page = self._get(f"/my/orders/{order.id}").text
            self.assertIn('id="mirror_glass_pieces"', page)
            self.assertNoAmount(page, order, where=order.name)
            # no invoice, no document with prices, no payment
            for words in (
                'id="sale_invoices"',
                invoice.name,
                "report_type=pdf",
                "report_type=html",
                "/payment/pay",
                "o_sale_portal_paynow",
                "/transaction",
            ):
                self.assertNotIn(words, page, (order.name, words))
            for report_type in ("pdf", "html", "text"):
                for download in ("", "1"):
                    self.assertRedirectsAway(
                        self._get(
                            f"/my/orders/{order.id}",
                            report_type=report_type,
                            download=download,
                        ),
                        f"/my/orders/{order.id}",
                    )
        # the colleague who sees prices sees the invoice
        self._login("portal-a2")
        self.assertIn(invoice.name, self._get(f"/my/orders/{self.order.id}").text)
        self.assertIn(invoice.name, self._get("/my/invoices").text)
        self.assertEqual(self._get(f"/my/invoices/{invoice.id}").status_code, 200)

    def test_a_price_hidden_user_gets_no_invoice_nor_payment(self):
        invoice = self.order._create_invoices()
        invoice.action_post()
        invoice_token = invoice._portal_ensure_token()
        self.env.flush_all()
        self._login("portal-hidden")
        for url, params in (
            (f"/my/invoices/{invoice.id}", {}),
            (f"/my/invoices/{invoice.id}", {"report_type": "pdf", "download": "1"}),
            (f"/my/invoices/{invoice.id}", {"report_type": "html"}),
            (f"/my/invoices/{invoice.id}", {"access_token": invoice_token}),
            ("/my/invoices/overdue", {}),
        ):
            with self.subTest(url=url, params=params):
                self.assertRedirectsAway(self._get(url, **params))
        for url in (
            f"/account/download_invoice_documents/{invoice.id}/pdf",
            f"/report/pdf/account.report_invoice/{invoice.id}",
            f"/report/html/sale.report_saleorder/{self.order.id}",
            f"/report/pdf/sale.report_saleorder/{self.order.id}",
            f"/web/content/account.move/{invoice.id}/invoice_pdf_report_file",
        ):
            with self.subTest(url=url):
                self.assertEqual(self._get(url).status_code, 404, url)
        # nor pay: the order, the invoice, the overdue ones, a payment link
        with mute_logger("odoo.http"):
            for url, params in (
                (f"/my/orders/{self.quotation.id}/transaction", {}),
                (f"/invoice/transaction/{invoice.id}", {}),
                ("/invoice/transaction/overdue", {"payment_reference": "x"}),
            ):
                answer = self._rpc(
                    url,
                    access_token=self.quotation._portal_ensure_token(),
                    **params,
                )
                with self.subTest(url=url):
                    self.assertIn("does not show prices", json.dumps(answer))
        for name, document in (
            ("sale_order_id", self.quotation),
            ("invoice_id", invoice),
        ):
            partner = (
                document.partner_invoice_id
                if name == "sale_order_id"
                else (document.partner_id)
            )
            amount = document.amount_total
            # the payment link's token (payment.utils.generate_access_token)
            link_token = hmac_tool(
                self.env(su=True),
                "generate_access_token",
                f"{partner.id}|{amount}|{document.currency_id.id}",
            )
            response = self._get(
                "/payment/pay",
                **{name: document.id, "amount": amount, "access_token": link_token},
            )
            with self.subTest(link=name):
                self.assertRedirectsAway(response)
        self.assertFalse(self.quotation.transaction_ids | invoice.transaction_ids)
        self.env["ir.config_parameter"].set_param(
            "account_payment.enable_portal_payment", True
        )
        self.assertTrue(invoice.with_user(self.user_a2).sudo()._has_to_be_paid())
        self.assertFalse(invoice.with_user(self.hidden).sudo()._has_to_be_paid())

    def test_a_price_hidden_user_reads_no_price_in_the_chatter(self):
        sent = self._send_quotation(self.quotation)
        photo = self._post_photo(self.quotation)
        note = self.quotation.message_post(
            body="Your glass is cut, delivery on Friday.",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        amount = format_amount(
            self.env,
            self.quotation.amount_total,
            self.quotation.currency_id,
            lang_code=self.quotation.partner_id.lang,
        )
        # sale's template tells the amount
        self.assertIn(amount, html2plaintext(sent.body))
        self.env.flush_all()
        token = self.quotation._portal_ensure_token()

        def fetched(**params):
            answer = self._rpc(
                "/mail/chatter_fetch",
                thread_model="sale.order",
                thread_id=self.quotation.id,
                limit=50,
                **params,
            )["result"]
            return {message["id"] for message in answer["data"]["mail.message"]}

        def thread_messages():
            answer = self._rpc(
                "/mail/thread/messages",
                thread_model="sale.order",
                thread_id=self.quotation.id,
                limit=50,
            )["result"]
            return {message["id"] for message in answer["data"]["mail.message"]}

        self._login("portal-a2")
        for ids in (fetched(), fetched(token=token), thread_messages()):
            self.assertTrue({sent.id, photo.id, note.id} <= ids)
        self._login("portal-hidden")
        for ids in (fetched(), fetched(token=token), thread_messages()):
            self.assertNotIn(sent.id, ids)
            self.assertTrue({photo.id, note.id} <= ids)
        # nor its PDF, by any address; the photo is theirs to see
        # the order's PDF (rendered as HTML in tests, but no picture either way)
        pdf = sent.attachment_ids.filtered(
            lambda file: not file.mimetype.startswith("image/")
        )[:1]
        self.assertTrue(pdf)
        for url in (
            f"/web/content/{pdf.id}",
            f"/web/content/{pdf.id}?download=true",
            f"/web/image/{pdf.id}",
            f"/web/content/{pdf.id}?access_token={pdf.generate_access_token()[0]}",
        ):
            with self.subTest(url=url):
                self.assertEqual(self.url_open(url).status_code, 404, url)
        response = self.url_open(
            "/mail/attachment/zip",
            data={
                "file_ids": f"{photo.attachment_ids.id},{pdf.id}",
                "zip_name": "all.zip",
                "csrf_token": self._csrf(),
            },
        )
        self.assertEqual(response.status_code, 404)
        picture = photo.attachment_ids
        self.assertEqual(
            self._get(
                f"/web/content/{picture.id}",
                access_token=picture.generate_access_token()[0],
            ).content,
            PNG,
        )
        # the colleague who sees prices gets the PDF
        self._login("portal-a2")
        response = self._get(
            f"/web/content/{pdf.id}", access_token=pdf.generate_access_token()[0]
        )
        self.assertEqual(response.status_code, 200)

    def test_a_price_hidden_user_cannot_confirm_what_must_be_paid(self):
        self.quotation.write({"require_signature": True, "require_payment": True})
        signature = base64.b64encode(PNG).decode()
        self._login("portal-hidden")
        answer = self._rpc(
            f"/my/orders/{self.quotation.id}/accept", name="Hidden", signature=signature
        )["result"]
        self.assertIn("pays it", answer["error"])
        self.assertEqual(self.quotation.state, "sent")
        self.assertFalse(self.quotation.signature)
        # without a payment to make, their signature confirms it
        self.quotation.require_payment = False
        answer = self._rpc(
            f"/my/orders/{self.quotation.id}/accept", name="Hidden", signature=signature
        )["result"]
        self.assertNotIn("error", answer)
        self.assertEqual(self.quotation.state, "sale")

    def test_the_link_of_a_price_hidden_contacts_order_hides_prices(self):
        # an order of the price-hidden contact: the shop's e-mails (and their
        # links) go to them
        order = self._create_order(
            self._line_values(qty=2), partner=self.hidden.partner_id
        )
        order.action_quotation_sent()
        token = order._portal_ensure_token()
        self.env.flush_all()
        self._login(None)
        response = self._get(f"/my/orders/{order.id}", access_token=token)
        self.assertEqual(response.status_code, 200)
        self.assertIn('id="mirror_glass_pieces"', response.text)
        self.assertNoAmount(response.text, order)
        self.assertRedirectsAway(
            self._get(f"/my/orders/{order.id}", access_token=token, report_type="pdf"),
            f"/my/orders/{order.id}",
        )

    def test_the_production_card_has_no_price(self):
        self.env.flush_all()
        self._login("portal-hidden")
        url = f"/my/orders/{self.order.id}/production_card"
        for params in ({}, {"report_type": "html"}, {"download": "1"}):
            response = self._get(url, **params)
            self.assertEqual(response.status_code, 200, params)
            self.assertIn(self.pieces[0].barcode, response.text)
            self.assertNoAmount(response.text, where=str(params))
        # the PDF itself (tests render reports as HTML over HTTP)
        text, _pages = self.render_pdf_text(
            "mirror_production.action_report_mirror_production_card",
            self.order.with_user(self.hidden).sudo(),
        )
        for piece in self.pieces:
            self.assertIn(piece.barcode, text)
        amounts = self._amounts(self.order) | {
            f"{self.order.amount_total:.2f}",
            f"{self.order.amount_untaxed:.2f}",
        }
        for amount in amounts:
            self.assertNotIn(amount, text)
        self.assertNotIn(self.order.currency_id.symbol, text)
