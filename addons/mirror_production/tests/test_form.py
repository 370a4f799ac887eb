# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.exceptions import ValidationError
from odoo.tests import Form, HttpCase, tagged

from .common import MirrorCommon


@tagged("post_install", "-at_install")
class TestForm(MirrorCommon):
    """A sales manager enters glass pieces on the quotation form."""

    def test_fast_entry_on_quotation(self):
        order_form = Form(self.env["sale.order"])
        order_form.partner_id = self.partner
        with order_form.order_line.new() as line:
            line.product_id = self.piece_product
            line.glass_material_id = self.float_4
            line.glass_width = 1000
            line.glass_height = 500
            # the price follows every keystroke
            self.assertEqual(line.price_unit, 500)
            line.product_uom_qty = 3
            line.glass_edge_all_id = self.edge_ground
            self.assertEqual(line.price_unit, 800)
            line.glass_operation_ids.add(self.tempering)
            # 0.5 m² × 900, × 3 pieces = 1350 ≥ 1000 minimum
            self.assertEqual(line.price_unit, 800 + 450)
            self.assertIn("1000 × 500", line.name)
        with order_form.order_line.new() as line:
            line.product_id = self.piece_product
            line.glass_material_id = self.mirror_4
            line.glass_width = 300
            line.glass_height = 300
            line.glass_urgency = "urgent"
            # 0.25 m² × 2000 = 500 → 1500 minimum → +30 %
            self.assertEqual(line.price_unit, 1950)
        order = order_form.save()
        self.assertEqual(order.amount_untaxed, 3 * 1250 + 1950)
        self.assertEqual(order.glass_piece_count, 4)
        self.assertAlmostEqual(order.glass_total_area, 1.5 + 0.25)
        sides = (
            order.order_line[0].glass_edge_left_id
            | order.order_line[0].glass_edge_top_id
        )
        self.assertEqual(sides, self.edge_ground)

    def test_add_glass_piece_control_defaults_product(self):
        line_model = self.env["sale.order.line"].with_context(mirror_glass_line=True)
        defaults = line_model.default_get(["product_id"])
        self.assertEqual(defaults["product_id"], self.piece_product.id)

    def test_specification_form(self):
        order = self._create_order(self._line_values(width=1000, height=600))
        line = order.order_line
        action = line.action_glass_open_spec()
        self.assertEqual(action["res_id"], line.id)
        spec = Form(line, view="mirror_production.sale_order_line_view_form_glass")
        spec.glass_edge_all_id = self.edge_ground
        spec.glass_edge_right_id = self.edge_polished
        with spec.glass_hole_ids.new() as hole:
            hole.diameter = 8
            hole.x = 100
            hole.y = 100
            self.assertEqual(hole.operation_id, self.drill_small)
        with spec.glass_cutout_ids.new() as cutout:
            cutout.width = 80
            cutout.height = 60
            cutout.x = 400
            cutout.y = 250
        self.assertFalse(spec.glass_issues)
        self.assertIn('class="o_mirror_hole"', spec.glass_svg)
        self.assertIn('data-side="right"', spec.glass_svg)
        spec.save()
        # 0.6 m² × 1000 + 2.6 m ground × 100 + 0.6 m polished × 200 + 50 + 600
        self.assertEqual(line.price_unit, 600 + 260 + 120 + 50 + 600)
        self.assertIn("Test polished edge", line.glass_breakdown_html)

    def test_live_problems_and_refused_save(self):
        order = self._create_order(self._line_values())
        spec = Form(
            order.order_line, view="mirror_production.sale_order_line_view_form_glass"
        )
        with spec.glass_hole_ids.new() as hole:
            hole.diameter = 10
            hole.x = 5
            hole.y = 100
        self.assertIn("from the edge of the glass", spec.glass_issues)
        with self.assertRaises(ValidationError):
            spec.save()
        order.order_line.invalidate_recordset()
        self.assertFalse(order.order_line.glass_hole_ids)

    def test_material_form_sets_square_metres(self):
        product = Form(self.env["product.template"])
        product.name = "Float 5 mm"
        product.glass_role = "material"
        product.glass_kind = "float"
        product.glass_thickness = 5
        with product.glass_sheet_size_ids.new() as sheet:
            sheet.width = 3210
            sheet.height = 2250
        template = product.save()
        self.assertEqual(template.uom_id, self.uom_m2)
        self.assertEqual(template.glass_sheet_size_ids.display_name, "3210 × 2250")


@tagged("post_install", "-at_install")
class TestQuotationTour(MirrorCommon, HttpCase):
    def test_glass_quotation_tour(self):
        self.env.ref("base.user_admin").lang = "en_US"
        self.start_tour("/odoo/sales/new", "mirror_glass_quotation_tour", login="admin")
        order = self.env["sale.order"].search([("partner_id", "=", self.partner.id)])
        self.assertEqual(len(order), 1)
        line = order.order_line
        self.assertEqual(line.glass_material_id, self.float_4)
        self.assertEqual(line.price_unit, 800)
        self.assertEqual(line.glass_edge_left_id, self.edge_ground)
        self.assertEqual(order.amount_untaxed, 800)
        self.assertIn("Test ground edge all round", line.name)
