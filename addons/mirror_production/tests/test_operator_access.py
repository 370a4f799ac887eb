# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A workshop operator's account tries every model and field over the ORM (what
RPC reaches): no price, no cost, no client's contact details come back."""

from odoo import Command
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import create_tablet_user
from .test_production import ProductionCommon

# figures nothing else in the database has, so finding one means a leak
PRICE = 91357.13
COST = 82468.24
MIN_LINE = 73579.35
MIN_CHARGE = 64681.46
TRANSPORT = 55792.57
BAND_PRICE = 46813.68
BAND_COST = 37924.79
PHONE = "+7 913 579 2468"
EMAIL = "leak-check@client.example"
STREET = "ул. Проверочная, 13"
# what reading a field the user may not reach ends with (a compute that reads
# something refused fails as a ValueError)
REFUSED = (AccessError, MissingError, UserError, ValidationError, ValueError)


@tagged("post_install", "-at_install")
class TestOperatorAccess(ProductionCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.operator_user = create_tablet_user(
            cls.env, "test-tablet-access", name="Test tablet"
        )
        cls.secret_glass = cls._create_material(
            "Test secret float 5 mm",
            thickness=5,
            price=PRICE,
            cost=COST,
            min_line_price=MIN_LINE,
            sheets=[(3210, 2250)],
        )
        cls.secret_operation = cls.env["mirror.operation"].create(
            {
                "name": "Test secret tempering",
                "category": "tempering",
                "min_charge": MIN_CHARGE,
                "subcontracted": True,
                "transport_cost": TRANSPORT,
                "workcenter_id": cls.wc_furnace.id,
                "price_ids": [Command.create({"price": BAND_PRICE, "cost": BAND_COST})],
            }
        )
        cls.client = cls.env["res.partner"].create(
            {"name": "Test client", "phone": PHONE, "email": EMAIL, "street": STREET}
        )
        order = cls._create_order(
            cls._line_values(
                material=cls.secret_glass,
                width=1000,
                height=800,
                qty=2,
                glass_operation_ids=[Command.set(cls.secret_operation.ids)],
            ),
            partner=cls.client,
        )
        order.action_mirror_estimate_sheets()
        order.action_confirm()
        cls.order = order

    def _leaks(self, value):
        text = str(value)
        found = [str(secret) for secret in (PHONE, EMAIL, STREET) if secret in text]
        numbers = (PRICE, COST, MIN_LINE, MIN_CHARGE, TRANSPORT, BAND_PRICE, BAND_COST)
        for number in numbers:
            # the figures themselves and what they make with the order's sizes
            if f"{number:.2f}"[:-1] in text or repr(number) in text:
                found.append(str(number))
        return found

    def test_no_model_gives_an_operator_prices_costs_or_contacts(self):
        env = self.env(user=self.operator_user)
        leaks = []
        tried = 0
        for name in sorted(self.env.registry):
            Model = env[name]
            if Model._abstract or not Model._auto or not Model.has_access("read"):
                continue
            fnames = [
                fname
                for fname, field in Model._fields.items()
                if field.is_accessible(env) and field.type not in ("binary", "image")
            ]
            try:
                with mute_logger("odoo.models", "odoo.addons.base.models.ir_rule"):
                    rows = Model.search_read([], fnames, limit=200)
            except REFUSED:
                # the model or one of its fields is refused as a whole: then each
                # field on its own
                rows = []
                for fname in fnames:
                    try:
                        with mute_logger(
                            "odoo.models", "odoo.addons.base.models.ir_rule"
                        ):
                            rows += Model.search_read([], [fname], limit=200)
                    except REFUSED:
                        continue
            tried += 1
            for row in rows:
                for fname, value in row.items():
                    for leak in self._leaks(value):
                        leaks.append(f"{name}.{fname}: {leak}")
        self.assertGreater(tried, 50)
        self.assertFalse(leaks, "\n".join(sorted(set(leaks))))

    def test_operator_gets_no_quote_and_no_costs_through_the_api(self):
        Line = self.env["sale.order.line"].with_user(self.operator_user)
        values = {
            "glass_material_id": self.secret_glass.id,
            "glass_width": 1000,
            "glass_height": 800,
        }
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            Line.mirror_glass_quote(values)
        # through sudo (the portal's and the bots' routes): prices, never costs
        result = Line.sudo().mirror_glass_quote(values)
        self.assertTrue(result["valid"], result)
        self.assertTrue(result["subtotal"])
        self.assertNotIn("cost", str(result["breakdown"]))
        # the office still sees them
        office = self.env["sale.order.line"].mirror_glass_quote(values)
        self.assertIn("total_cost", office["breakdown"])

    def test_piece_labels_keep_the_client_name_not_the_contacts(self):
        pieces = self.env["mirror.piece"].search([("order_id", "=", self.order.id)])
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "mirror_production.report_mirror_piece_label", pieces.ids
            )[0]
            .decode()
        )
        self.assertIn(self.client.name, html)
        self.assertFalse(self._leaks(html))
        card = (
            self.env["mirror.workshop"]
            .with_user(self.operator_user)
            .tablet_piece(self.wc_cutting.id, pieces[0].id)
        )
        self.assertFalse(self._leaks(card))
