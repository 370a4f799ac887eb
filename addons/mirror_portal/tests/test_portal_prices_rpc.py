# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import json
import re
import xmlrpc.client

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import get_db_name, tagged
from odoo.tools import mute_logger

from odoo.addons.base.controllers.rpc import RPC_FAULT_CODE_ACCESS_ERROR

from ..models.res_users import NO_PRICES, PRICES_HIDDEN
from .common import PortalCommon

# the money fields refused to the price-hidden users
COVERED = {
    "sale.order": [
        "amount_untaxed",
        "amount_tax",
        "amount_total",
        "amount_to_invoice",
        "amount_invoiced",
        "amount_undiscounted",
        "amount_paid",
        "tax_totals",
        "partner_credit_warning",
        "margin",
        "margin_percent",
        "glass_margin_approval_reason",
        "glass_margin_approved_percent",
        "glass_margin_approved_discount",
        "mirror_reorder_changes",
    ],
    "sale.order.line": [
        "price_unit",
        "technical_price_unit",
        "discount",
        "price_subtotal",
        "price_tax",
        "price_total",
        "price_reduce_taxexcl",
        "price_reduce_taxinc",
        "untaxed_amount_invoiced",
        "untaxed_amount_to_invoice",
        "amount_invoiced",
        "amount_to_invoice",
        "glass_unit_price",
        "glass_unit_cost",
        "glass_shape_surcharge",
        "glass_breakdown",
        "glass_breakdown_html",
    ],
    "account.move": [
        "amount_untaxed",
        "amount_tax",
        "amount_total",
        "amount_residual",
        "amount_untaxed_signed",
        "amount_untaxed_in_currency_signed",
        "amount_tax_signed",
        "amount_total_signed",
        "amount_total_in_currency_signed",
        "amount_residual_signed",
        "amount_total_words",
        "amount_paid",
        "quick_edit_total_amount",
        "partner_credit",
        "tax_totals",
        "needed_terms",
        "payment_term_details",
        "invoice_payments_widget",
        "invoice_outstanding_credits_debits_widget",
    ],
    "account.move.line": [
        "price_unit",
        "discount",
        "price_subtotal",
        "price_total",
        "debit",
        "credit",
        "balance",
        "cumulated_balance",
        "amount_currency",
        "amount_residual",
        "amount_residual_currency",
        "tax_base_amount",
        "discount_amount_currency",
        "discount_balance",
    ],
}
# what the price-hidden users still read of them
FREE = {
    "sale.order": ["name", "state", "date_order", "partner_id", "order_line"],
    "sale.order.line": ["name", "product_uom_qty", "glass_width", "glass_height"],
    "account.move": ["name", "state", "invoice_date", "partner_id"],
    "account.move.line": ["name", "quantity", "product_id"],
}
ACCESS_ERROR = "odoo.exceptions.AccessError"


@tagged("post_install", "-at_install")
class TestPortalPricesOverRpc(PortalCommon):
    """A price-hidden portal user reads no price over Odoo's generic JSON-RPC
    either: the money fields of orders, their lines and invoices are refused to
    the group of the price-hidden users by Odoo's field access, in read, search,
    sort and group by; every other user reads them as before. The group follows
    the contacts' flag."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_documents()
        cls.invoice = cls.order._create_invoices()
        cls.invoice.action_post()
        cls.invoice.message_subscribe(partner_ids=cls.client_a.ids)
        cls.group = cls.env.ref(PRICES_HIDDEN)
        cls.records = {
            "sale.order": cls.order,
            "sale.order.line": cls.order.order_line,
            "account.move": cls.invoice,
            "account.move.line": cls.invoice.invoice_line_ids,
        }

    # helpers ---------------------------------------------------------------

    def _call(self, model, method, *args, **kwargs):
        """``model.method(*args, **kwargs)`` over the web client's JSON-RPC."""
        self.env.flush_all()
        response = self.url_open(
            f"/web/dataset/call_kw/{model}/{method}",
            data=json.dumps(
                {
                    "jsonrpc": "2.0",
                    "method": "call",
                    "params": {
                        "model": model,
                        "method": method,
                        "args": list(args),
                        "kwargs": kwargs,
                    },
                }
            ),
            headers={"Content-Type": "application/json"},
        )
        self.assertEqual(response.status_code, 200)
        return response.json()

    def assertRefused(self, answer, field, call=""):
        self.assertNotIn("result", answer, call)
        self.assertEqual(answer["error"]["data"]["name"], ACCESS_ERROR, call)
        self.assertIn(field, answer["error"]["data"]["message"], call)

    def _calls(self, model, field):
        """The ways to read ``field`` of ``model`` over RPC, or to learn it by a
        search: (name, method, args, kwargs)."""
        ids = self.records[model].ids
        domain = [("id", "in", ids)]
        return [
            ("read", "read", [ids, [field]], {}),
            ("search_read", "search_read", [domain, [field]], {}),
            ("web_read", "web_read", [ids, {field: {}}], {}),
            ("web_search_read", "web_search_read", [domain, {field: {}}], {}),
            ("search", "search", [[(field, ">", 1)]], {}),
            ("search_count", "search_count", [[(field, "<", 0)]], {}),
            ("order", "search", [domain], {"order": f"{field} desc"}),
            (
                "read_group",
                "read_group",
                [domain, [f"{field}:sum"], ["create_date:day"]],
                {},
            ),
            ("group by", "read_group", [domain, ["id:count"], [field]], {}),
            (
                "web_read_group",
                "web_read_group",
                [domain, [f"{field}:max"], ["create_date:day"]],
                {},
            ),
        ]

    # field access ------------------------------------------------------------

    def test_the_money_fields_declare_the_group(self):
        for model, names in COVERED.items():
            Model = self.env[model]
            definitions = {}
            for klass in type(Model)._model_classes__:
                for field in getattr(klass, "_field_definitions", ()):
                    definitions.setdefault(field.name, []).append(field)
            for name in names:
                field = Model._fields[name]
                with self.subTest(model=model, field=name):
                    groups = field.groups.split(",")
                    self.assertIn(NO_PRICES, groups)
                    # the groups other modules gave the field are kept (a comma:
                    # one of them and none of the "!" ones), and so is the field
                    for definition in definitions[name]:
                        self.assertIsInstance(field, type(definition))
                        if definition._module != "mirror_portal":
                            kept = definition.args.get("groups") or ""
                            for group in filter(None, kept.split(",")):
                                self.assertIn(group.strip(), groups)

    def test_only_the_price_hidden_users_are_refused(self):
        salesman = self.env["res.users"].create(
            {
                "name": "Test salesman",
                "login": "salesman-rpc",
                "partner_id": self.hidden.partner_id.copy().id,  # a flagged one
                "groups_id": [
                    Command.set(
                        [
                            self.env.ref("sales_team.group_sale_salesman").id,
                            self.env.ref("account.group_account_invoice").id,
                        ]
                    )
                ],
            }
        )
        self.assertTrue(salesman.partner_id.mirror_portal_hide_prices)
        self.assertNotIn(salesman, self.group.users)
        # the group is a portal one: an internal user cannot be put in it
        with self.assertRaises(ValidationError), mute_logger("odoo.sql_db"):
            self.group.users = [Command.link(salesman.id)]
        for model, names in COVERED.items():
            for name in names:
                field = self.env[model]._fields[name]
                with self.subTest(model=model, field=name):
                    self.assertFalse(field.is_accessible(self.env(user=self.hidden)))
                    self.assertTrue(field.is_accessible(self.env(user=salesman)))
                    if field.groups == NO_PRICES:  # the others: internal only
                        self.assertTrue(field.is_accessible(self.env(user=self.user_a)))
            for name in FREE[model]:
                self.assertTrue(
                    self.env[model]
                    ._fields[name]
                    .is_accessible(self.env(user=self.hidden))
                )

    # over RPC ----------------------------------------------------------------

    @mute_logger("odoo.http", "odoo.models")
    def test_rpc_refuses_the_amounts_to_a_price_hidden_user(self):
        self.authenticate("portal-hidden", "portal-hidden-pass")
        for model, field in (
            ("sale.order", "amount_total"),
            ("sale.order", "amount_untaxed"),
            ("sale.order", "tax_totals"),
            ("sale.order", "mirror_reorder_changes"),
            ("sale.order.line", "price_unit"),
            ("sale.order.line", "price_subtotal"),
            ("sale.order.line", "glass_unit_price"),
            ("account.move", "amount_total"),
            ("account.move", "amount_residual"),
            ("account.move.line", "price_unit"),
            ("account.move.line", "balance"),
        ):
            for call, method, args, kwargs in self._calls(model, field):
                if field in ("tax_totals", "mirror_reorder_changes") and (
                    call not in ("read", "search_read", "web_read", "web_search_read")
                ):
                    continue  # not numbers: no range, no sum, no order
                with self.subTest(model=model, field=field, call=call):
                    answer = self._call(model, method, *args, **kwargs)
                    self.assertRefused(answer, field, call)
        # through a relation: the lines of the orders above an amount
        answer = self._call(
            "sale.order.line", "search", [("order_id.amount_total", ">", 1000)]
        )
        self.assertRefused(answer, "amount_total")
        answer = self._call(
            "account.move.line", "search_read", [("move_id.amount_total", ">", 0)]
        )
        self.assertRefused(answer, "amount_total")
        # every covered field, read alone
        for model, names in COVERED.items():
            for name in names:
                with self.subTest(model=model, field=name):
                    answer = self._call(
                        model, "read", self.records[model].ids[:1], [name]
                    )
                    self.assertRefused(answer, name)

    @mute_logger("odoo.http", "odoo.models")
    def test_xmlrpc_too(self):
        def read(user, model, records, fields):
            self.env.flush_all()
            return self.xmlrpc_object.execute_kw(
                get_db_name(),
                user.id,
                f"{user.login}-pass",
                model,
                "read",
                [records.ids, fields],
                {},
            )

        for model, field in (
            ("sale.order", "amount_total"),
            ("sale.order.line", "price_unit"),
            ("account.move", "amount_residual"),
            ("account.move.line", "debit"),
        ):
            records = self.records[model]
            with self.subTest(model=model, field=field):
                with self.assertRaises(xmlrpc.client.Fault) as caught:
                    read(self.hidden, model, records, [field])
                self.assertEqual(
                    caught.exception.faultCode, RPC_FAULT_CODE_ACCESS_ERROR
                )
                self.assertIn(field, caught.exception.faultString)
                rows = read(self.user_a, model, records, [field])
                self.assertEqual(
                    {row["id"]: row[field] for row in rows},
                    {record.id: record[field] for record in records},
                )

    @mute_logger("odoo.http", "odoo.models")
    def test_a_price_hidden_user_still_reads_the_rest(self):
        self.authenticate("portal-hidden", "portal-hidden-pass")
        for model, names in FREE.items():
            records = self.records[model]
            with self.subTest(model=model):
                answer = self._call(model, "read", records.ids, names)
                self.assertEqual(
                    {row["id"] for row in answer["result"]}, set(records.ids)
                )
                answer = self._call(
                    model, "web_search_read", [("id", "in", records.ids)], {"name": {}}
                )
                self.assertEqual(answer["result"]["length"], len(records))
                # the fields the user may read: no amount
                described = self._call(model, "fields_get", [], ["type"])["result"]
                self.assertTrue(set(names) <= set(described))
                self.assertFalse(set(COVERED[model]) & set(described))
        answer = self._call(
            "sale.order",
            "read_group",
            [("id", "in", self.order.ids)],
            ["state"],
            ["state"],
        )
        self.assertEqual(answer["result"][0]["state_count"], 1)

    @mute_logger("odoo.http", "odoo.models")
    def test_rpc_gives_the_amounts_to_who_sees_prices(self):
        self.authenticate("portal-a", "portal-a-pass")
        order, lines = self.order, self.order.order_line
        answer = self._call("sale.order", "read", order.ids, ["amount_total"])
        self.assertEqual(answer["result"][0]["amount_total"], order.amount_total)
        answer = self._call(
            "sale.order",
            "web_search_read",
            [("amount_total", ">", 1), ("id", "=", order.id)],
            {"amount_untaxed": {}, "mirror_reorder_changes": {}},
            order="amount_total desc",
        )
        self.assertEqual(
            answer["result"]["records"][0]["amount_untaxed"], order.amount_untaxed
        )
        answer = self._call(
            "sale.order",
            "read_group",
            [("id", "=", order.id)],
            ["amount_total:sum"],
            ["partner_id"],
        )
        self.assertEqual(answer["result"][0]["amount_total"], order.amount_total)
        answer = self._call(
            "sale.order.line",
            "web_read",
            lines.ids,
            {"price_unit": {}, "price_subtotal": {}, "glass_unit_price": {}},
        )
        self.assertEqual(
            {row["id"]: row["price_subtotal"] for row in answer["result"]},
            {line.id: line.price_subtotal for line in lines},
        )
        answer = self._call(
            "account.move",
            "search_read",
            [("amount_total", "=", self.invoice.amount_total)],
            ["amount_total", "amount_residual"],
        )
        self.assertEqual(answer["result"][0]["id"], self.invoice.id)
        self.assertEqual(
            answer["result"][0]["amount_residual"], self.invoice.amount_residual
        )
        answer = self._call(
            "account.move.line",
            "read",
            self.invoice.invoice_line_ids.ids,
            ["price_unit", "balance"],
        )
        self.assertEqual(len(answer["result"]), len(self.invoice.invoice_line_ids))
        # the tax and the margin too
        answer = self._call(
            "sale.order", "read", order.ids, ["amount_total", "amount_tax", "margin"]
        )
        self.assertEqual(answer["result"][0]["amount_tax"], order.amount_tax)

    # the group follows the contacts' flag ----------------------------------

    def test_the_group_follows_the_contacts_flag(self):
        contact = self.hidden.partner_id
        self.assertIn(self.hidden, self.group.users)
        self.assertTrue(self.hidden.has_group(PRICES_HIDDEN))
        self.assertNotIn(self.user_a, self.group.users)
        # off: out, and the amounts read again
        contact.mirror_portal_hide_prices = False
        self.assertNotIn(self.hidden, self.group.users)
        self.assertFalse(self.hidden.has_group(PRICES_HIDDEN))
        order = self.order.with_user(self.hidden)
        self.assertEqual(
            order.read(["amount_total"])[0]["amount_total"], self.order.amount_total
        )
        # on again: in, and refused
        contact.mirror_portal_hide_prices = True
        self.assertIn(self.hidden, self.group.users)
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            order.read(["amount_total"])
        # a new portal user of a flagged contact, created or granted by the wizard
        user = self._portal_user("portal-new", self.client_a)
        self.assertNotIn(user, self.group.users)
        user.partner_id.mirror_portal_hide_prices = True
        self.assertIn(user, self.group.users)
        again = self.env["res.users"].create(
            {
                "login": "portal-flagged",
                "partner_id": contact.copy({"email": "flagged@example.com"}).id,
                "groups_id": [Command.set([self.env.ref("base.group_portal").id])],
            }
        )
        self.assertIn(again, self.group.users)
        invited = self.env["res.partner"].create(
            {
                "name": "Invited buyer",
                "parent_id": self.client_a.id,
                "email": "invited@example.com",
                "mirror_portal_hide_prices": True,
            }
        )
        wizard = self.env["portal.wizard"].create(
            {"partner_ids": [Command.set(invited.ids)]}
        )
        wizard.user_ids.action_grant_access()
        self.assertTrue(invited.user_ids)
        self.assertIn(invited.user_ids, self.group.users)
        # another contact: it follows that one's flag
        user.partner_id = self.user_a.partner_id
        self.assertNotIn(user, self.group.users)
        user.partner_id = contact
        self.assertIn(user, self.group.users)
        # an internal user is never in it, even made so later
        user.groups_id = [
            Command.unlink(self.env.ref("base.group_portal").id),
            Command.link(self.env.ref("base.group_user").id),
        ]
        self.assertFalse(user.share)
        self.assertNotIn(self.group, user.groups_id)
        # an archived user follows the flag too, for when it comes back
        again.active = False
        again.partner_id.mirror_portal_hide_prices = False
        self.assertNotIn(self.group, again.groups_id)
        again.partner_id.mirror_portal_hide_prices = True
        self.assertIn(self.group, again.groups_id)
        again.active = True
        self.assertIn(again, self.group.users)

    def test_the_update_puts_the_group_in_line(self):
        # a contact flagged before the group existed, a member left over
        self.group.users = [
            Command.unlink(self.hidden.id),
            Command.link(self.user_a.id),
        ]
        self.env["res.users"]._mirror_portal_price_group_resync()
        self.assertIn(self.hidden, self.group.users)
        self.assertNotIn(self.user_a, self.group.users)

    # the portal still works without them ------------------------------------

    def _amounts(self, *orders):
        amounts = set()
        for order in orders:
            values = [order.amount_total, order.amount_untaxed, order.amount_tax]
            values += order.order_line.mapped("price_subtotal")
            values += order.order_line.mapped("price_unit")
            amounts.update(f"{value:,.2f}" for value in values if value)
        return amounts

    def assertNoAmount(self, text, *orders, where=""):
        self.assertNotIn("oe_currency_value", text, where)
        for amount in self._amounts(*orders):
            self.assertNotIn(amount, text, where)

    def test_a_price_hidden_user_still_orders_and_follows(self):
        self.env.flush_all()
        self.authenticate("portal-hidden", "portal-hidden-pass")
        orders = (self.order, self.quotation)
        for url in (
            "/my",
            "/my/orders",
            "/my/quotes",
            f"/my/orders/{self.order.id}",
            f"/my/orders/{self.quotation.id}",
            f"/my/orders/{self.order.id}/production_card?report_type=html",
            "/my/glass/new",
        ):
            with self.subTest(url=url):
                response = self.url_open(url, allow_redirects=False)
                self.assertEqual(response.status_code, 200, url)
                self.assertNoAmount(response.text, *orders, where=url)
        self.assertIn(self.order.name, self.url_open("/my/orders").text)
        # reorder: a new quotation, its page without amounts
        page = self.url_open(f"/my/orders/{self.order.id}").text
        csrf = re.search(r'csrf_token: "([^"]+)"', page).group(1)
        response = self.url_open(
            f"/my/orders/{self.order.id}/reorder", data={"csrf_token": csrf}
        )
        self.assertEqual(response.status_code, 200)
        reorder = self.env["sale.order"].search(
            [("mirror_reorder_of_id", "=", self.order.id)]
        )
        self.assertEqual(len(reorder), 1)
        self.assertIn(reorder.name, response.text)
        self.assertNoAmount(response.text, self.order, reorder)
