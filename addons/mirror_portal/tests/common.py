# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import json
from urllib.parse import urlencode

from odoo import Command
from odoo.tests import HttpCase

from odoo.addons.mirror_production.tests.test_production import ProductionCommon


class PortalCommon(ProductionCommon, HttpCase):
    """Two client companies with a portal user each; client A has a confirmed
    glass order (3 + 2 pieces) and a quotation."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.client_a = cls.partner
        cls.client_a.write({"is_company": True, "email": "orders@mebel-a.example"})
        cls.client_b = Partner.create(
            {"name": "Test client B", "is_company": True, "email": "b@example.com"}
        )
        cls.user_a = cls._portal_user("portal-a", cls.client_a)
        cls.user_b = cls._portal_user("portal-b", cls.client_b)

    @classmethod
    def _setup_documents(cls):
        """Client A's confirmed order and sent quotation, followed by A, and a
        price-hidden colleague; A's users read English (as the assertions do)."""
        cls.company.mirror_portal_production_card = True
        cls.order = cls._confirmed_order(cls)
        cls.quotation = cls._create_order(cls._line_values(qty=2))
        cls.quotation.action_quotation_sent()
        (cls.order | cls.quotation).message_subscribe(partner_ids=cls.client_a.ids)
        cls.hidden = cls._portal_user("portal-hidden", cls.client_a)
        cls.hidden.partner_id.mirror_portal_hide_prices = True
        (cls.user_a | cls.hidden).lang = "en_US"

    @classmethod
    def _portal_user(cls, login, company, **values):
        contact = cls.env["res.partner"].create(
            {
                "name": f"{company.name} buyer",
                "parent_id": company.id,
                "email": f"{login}@example.com",
            }
        )
        return cls.env["res.users"].create(
            {
                "login": login,
                "password": f"{login}-pass",
                "partner_id": contact.id,
                "groups_id": [Command.set([cls.env.ref("base.group_portal").id])],
                **values,
            }
        )

    def _line(self, **values):
        """A portal glass line: 1000 × 500, two pieces, ground all round, a hole."""
        return dict(
            {
                "material_id": self.float_4.id,
                "width": 1000,
                "height": 500,
                "quantity": 2,
                "edge_id": self.edge_ground.id,
                "holes": [{"diameter": 8, "x": 100, "y": 100}],
            },
            **values,
        )

    def _json(self, url, body=None, **params):
        """The JSON-RPC answer of ``url`` called with ``params`` (or the raw
        ``body``), as the portal's pages call it."""
        self.env.flush_all()
        response = self.url_open(
            url,
            data=body
            or json.dumps({"jsonrpc": "2.0", "method": "call", "params": params}),
            headers={"Content-Type": "application/json"},
        )
        self.assertEqual(response.status_code, 200)
        return response.json()

    def _get(self, url, **params):
        if params:
            url = f"{url}?{urlencode(params)}"
        return self.url_open(url, allow_redirects=False)

    def assertRedirectsAway(self, response, target="/my"):
        self.assertIn(response.status_code, (302, 303), response.text[:500])
        self.assertTrue(
            response.headers["Location"].split("?")[0].endswith(target),
            response.headers["Location"],
        )
