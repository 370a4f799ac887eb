# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

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
