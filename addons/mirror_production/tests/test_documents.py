# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.tests import HttpCase, tagged

from .test_production import ProductionCommon


@tagged("post_install", "-at_install")
class TestProductionDocuments(ProductionCommon, HttpCase):
    """The production card and the piece labels: rendered, with the right content."""

    def test_production_card(self):
        order = self._confirmed_order()
        pieces = order.order_line.mirror_piece_ids
        report = "mirror_production.report_mirror_production_card"
        html = self.env["ir.actions.report"]._render_qweb_html(report, order.ids)[0]
        html = html.decode()
        self.assertEqual(html.count('class="o_mirror_drawing"'), 2, "a drawing a line")
        self.assertEqual(html.count("o_mirror_hole"), 2)
        for piece in pieces:
            self.assertTrue(f'alt="Barcode {piece.barcode}"' in html, piece.barcode)
        # the route, on its work centers
        for workcenter in (
            "Test cutting table",
            "Test edger",
            "Test drill",
            "Test furnace",
        ):
            self.assertTrue(workcenter in html, workcenter)
        text, pages = self.render_pdf_text(report, order)
        self.assertGreaterEqual(pages, 1)
        self.assertIn(order.name, text)
        self.assertIn("Test glass customer", text)
        self.assertIn("1000 × 500 mm", text)
        for piece in pieces:
            self.assertIn(piece.barcode, text)
        # the drawing's own dimensions and holes
        self.assertIn("Ø8 (100; 100)", text)

    def test_production_cards_of_several_orders(self):
        orders = self._confirmed_order() | self._confirmed_order()
        report = "mirror_production.report_mirror_production_card"
        text, pages = self.render_pdf_text(report, orders)
        self.assertGreaterEqual(pages, 2, "each order starts a page")
        for order in orders:
            self.assertIn(order.name, text)

    def test_piece_labels(self):
        order = self._confirmed_order()
        action = order.action_print_piece_labels()
        # the report (or, the first time, Odoo's document layout set-up before it)
        self.assertIn(action["type"], ("ir.actions.report", "ir.actions.act_window"))
        pieces = order.order_line.mirror_piece_ids
        self.assertEqual(len(pieces), 5)
        report = "mirror_production.report_mirror_piece_label"
        text, pages = self.render_pdf_text(report, pieces)
        self.assertEqual(pages, 5, "one 58 × 40 mm label per piece")
        for piece in pieces:
            self.assertIn(piece.barcode, text)
        self.assertIn("1000 × 500 mm", text)
        self.assertIn("600 × 600 mm", text)
        self.assertIn("G G G G", text, "edge marks per side")
        self.assertIn(order.name, text)
        # a selection of pieces
        text, pages = self.render_pdf_text(report, pieces[:2])
        self.assertEqual(pages, 2)
