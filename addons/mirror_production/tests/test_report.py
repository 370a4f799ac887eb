# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import Command
from odoo.tests import HttpCase, tagged

from .common import MirrorCommon


@tagged("post_install", "-at_install")
class TestQuotationReport(MirrorCommon, HttpCase):
    # over HTTP: wkhtmltopdf fetches the report assets from the test server, which
    # must answer with the test's own cursor
    def _order(self):
        return self._create_order(
            self._line_values(
                width=1000,
                height=600,
                glass_edge_all_id=self.edge_ground.id,
                glass_hole_ids=[Command.create({"diameter": 8, "x": 100, "y": 100})],
            )
        )

    def test_quotation_shows_drawing_and_breakdown(self):
        order = self._order()
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("sale.report_saleorder", order.ids)[0]
            .decode()
        )
        self.assertIn("o_mirror_report_glass", html)
        self.assertIn("<svg", html)
        self.assertIn("o_mirror_hole", html)
        self.assertIn("Test ground edge", html)
        self.assertIn("Line total", html)
        self.assertIn("Test drilling 4-20", html)

    def test_quotation_pdf(self):
        order = self._order()
        text, _pages = self.render_pdf_text("sale.report_saleorder", order)
        # wkhtmltopdf draws the page's web font as outlines, so only the drawing's
        # own labels (SVG text) can be read back: the edge codes and the hole
        self.assertIn("Ø8 (100; 100)", text)
        self.assertEqual(text.count("G"), 4, "one edge mark per side")
        self.assertIn("1000", text)
        self.assertIn("600", text)
