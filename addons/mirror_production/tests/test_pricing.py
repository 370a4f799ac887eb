# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import Command
from odoo.tests import tagged

from .common import MirrorCommon


@tagged("post_install", "-at_install")
class TestPricing(MirrorCommon):
    def test_rectangle_glass_only(self):
        # 500 × 700 = 0.35 m² × 1000 ₽ = 350 ₽ a piece, 2 pieces
        line = self._create_order(self._line_values(qty=2)).order_line
        self.assertAlmostEqual(line.glass_area, 0.35)
        self.assertAlmostEqual(line.glass_billable_area, 0.35)
        self.assertAlmostEqual(line.glass_total_area, 0.70)
        self.assertAlmostEqual(line.glass_perimeter, 2.4)
        self.assertAlmostEqual(line.glass_weight, 0.35 * 4 * 2.5)
        self.assertEqual(line.price_unit, 350)
        self.assertEqual(line.price_subtotal, 700)
        self.assertEqual(line.purchase_price, 0.35 * 450)
        self.assertEqual(self._amounts(line), {"glass": 700})

    def test_minimum_billable_area(self):
        # 200 × 300 = 0.06 m², billed 0.25 m² × 1000 ₽ = 250 ₽; cost on the real cut
        line = self._create_order(
            self._line_values(width=200, height=300, qty=3)
        ).order_line
        self.assertAlmostEqual(line.glass_area, 0.06)
        self.assertAlmostEqual(line.glass_billable_area, 0.25)
        self.assertEqual(line.price_unit, 250)
        self.assertEqual(line.price_subtotal, 750)
        self.assertAlmostEqual(line.purchase_price, 0.06 * 450)
        self.company.mirror_min_billable_area = 0.5
        line2 = self._create_order(self._line_values(width=200, height=300)).order_line
        self.assertEqual(line2.price_unit, 500)

    def test_minimum_line_price(self):
        # mirror 200 × 300: 0.25 m² × 2000 = 500 ₽, raised to the 1500 ₽ line minimum
        line = self._create_order(self._line_values(self.mirror_4, 200, 300)).order_line
        self.assertEqual(line.price_unit, 1500)
        self.assertEqual(self._amounts(line), {"glass": 500, "minimum": 1000})
        # three pieces reach the minimum by themselves: 3 × 500 = 1500
        line3 = self._create_order(
            self._line_values(self.mirror_4, 200, 300, qty=3)
        ).order_line
        self.assertEqual(line3.price_subtotal, 1500)
        self.assertNotIn("minimum", self._amounts(line3))

    def test_edges_per_side(self):
        # 1000 × 500: bottom + top ground 2 × 1.0 m × 100 = 200; left polished 0.5 × 200
        line = self._create_order(
            self._line_values(
                width=1000,
                height=500,
                glass_edge_bottom_id=self.edge_ground.id,
                glass_edge_top_id=self.edge_ground.id,
                glass_edge_left_id=self.edge_polished.id,
            )
        ).order_line
        self.assertFalse(line.glass_edge_right_id)
        self.assertIn(
            "Test ground edge (bottom, top), Test polished edge (left)", line.name
        )
        self.assertEqual(self._amounts(line), {"glass": 500, "edge": 300})
        self.assertEqual(line.price_unit, 800)
        self.assertIn("Test ground edge 2 m", line.glass_edge_summary)
        self.assertIn("Test polished edge 0.5 m", line.glass_edge_summary)

    def test_edges_all_sides_one_click(self):
        line = self._create_order(
            self._line_values(
                width=1000, height=500, glass_edge_all_id=self.edge_ground.id
            )
        ).order_line
        sides = line.glass_edge_bottom_id | line.glass_edge_right_id
        sides |= line.glass_edge_top_id | line.glass_edge_left_id
        self.assertEqual(sides, self.edge_ground)
        # 3 m × 100 ₽
        self.assertEqual(self._amounts(line)["edge"], 300)
        self.assertIn("Test ground edge all round", line.name)
        # one side changed afterwards: 'all sides' no longer applies
        line.glass_edge_left_id = False
        self.assertEqual(self._amounts(line)["edge"], 250)
        self.assertFalse(line.glass_edge_all_id)
        # given with a different side at once
        other = self._create_order(
            self._line_values(
                glass_edge_all_id=self.edge_ground.id,
                glass_edge_right_id=self.edge_polished.id,
            )
        ).order_line
        self.assertFalse(other.glass_edge_all_id)
        self.assertEqual(other.glass_edge_top_id, self.edge_ground)
        self.assertEqual(other.glass_edge_right_id, self.edge_polished)

    def test_curved_edges_cost_more(self):
        # circle Ø1000: perimeter π m, all curved, polished 200 ₽/m × factor 2
        line = self._create_order(
            self._line_values(
                width=1000,
                height=1000,
                glass_shape="circle",
                glass_edge_all_id=self.edge_polished.id,
            )
        ).order_line
        self.assertAlmostEqual(line.glass_perimeter, 3.1416, places=3)
        self.assertAlmostEqual(
            self._amounts(line)["edge"], round(3.14159265 * 200 * 2, 2), 1
        )
        # glass billed on the bounding square
        self.assertEqual(self._amounts(line)["glass"], 1000)
        self.assertAlmostEqual(line.glass_area, 0.7854, places=4)

    def test_holes_priced_by_diameter(self):
        line = self._create_order(
            self._line_values(
                width=1000,
                height=500,
                glass_hole_ids=[
                    Command.create({"diameter": 8, "x": 100, "y": 100}),
                    Command.create({"diameter": 8, "x": 900, "y": 100}),
                    Command.create({"diameter": 30, "x": 500, "y": 250}),
                ],
            )
        ).order_line
        holes = line.glass_hole_ids
        self.assertEqual(holes[0].operation_id, self.drill_small)
        self.assertEqual(holes[2].operation_id, self.drill_large)
        # 2 × 50 + 1 × 150
        self.assertEqual(self._amounts(line)["hole"], 250)
        self.assertIn("2 × Ø8", line.name)

    def test_thickness_bands(self):
        values = {
            "width": 1000,
            "height": 1000,
            "glass_edge_all_id": self.edge_ground.id,
            "glass_operation_ids": [Command.set(self.tempering.ids)],
            "glass_hole_ids": [Command.create({"diameter": 10, "x": 100, "y": 100})],
        }
        # two pieces of 1 m² each, so that no minimum charge interferes
        order = self._create_order(
            self._line_values(self.float_4, qty=2, **values),
            self._line_values(self.float_8, qty=2, **values),
        )
        thin, thick = order.order_line
        self.assertEqual(self._amounts(thin)["operation"], 2 * 900)
        self.assertEqual(self._amounts(thick)["operation"], 2 * 1400)
        self.assertEqual(self._amounts(thin)["edge"], 2 * 400)
        self.assertEqual(self._amounts(thick)["edge"], 2 * 600)
        self.assertEqual(self._amounts(thin)["hole"], 2 * 50)
        self.assertEqual(self._amounts(thick)["hole"], 2 * 80)

    def test_operation_minimum_charge(self):
        # tempering 300 × 400: 0.25 m² × 900 = 225 ₽ < 1000 ₽ minimum per line
        line = self._create_order(
            self._line_values(
                width=300,
                height=400,
                glass_operation_ids=[Command.set(self.tempering.ids)],
            )
        ).order_line
        item = [i for i in line.glass_breakdown["items"] if i["kind"] == "operation"][0]
        self.assertEqual(item["amount"], 1000)
        self.assertTrue(item["minimum_applied"])
        # five pieces: 5 × 225 = 1125 ₽, above the minimum
        line.product_uom_qty = 5
        self.assertEqual(self._amounts(line)["operation"], 1125)

    def test_fixed_and_unit_operations(self):
        # packing is per line whatever the quantity; corners are 4 per rounded piece
        line = self._create_order(
            self._line_values(
                width=600,
                height=800,
                qty=4,
                glass_shape="rounded",
                glass_corner_radius=50,
                glass_operation_ids=[Command.set((self.packing | self.corner_op).ids)],
            )
        ).order_line
        items = {i["name"]: i for i in line.glass_breakdown["items"]}
        self.assertEqual(items["Test packing"]["amount"], 500)
        self.assertEqual(items["Test corner rounding"]["quantity"], 4)
        self.assertEqual(items["Test corner rounding"]["amount"], 4 * 70 * 4)

    def test_urgency_surcharge(self):
        # 1 m² × 1000 ₽ = 1000 ₽; urgent +30 %, express +50 %
        order = self._create_order(
            self._line_values(width=1000, height=1000),
            self._line_values(width=1000, height=1000, glass_urgency="urgent"),
            self._line_values(width=1000, height=1000, glass_urgency="express"),
        )
        self.assertEqual(order.order_line.mapped("price_unit"), [1000, 1300, 1500])
        self.company.mirror_urgent_percent = 20
        order.order_line[1].glass_urgency = "express"
        order.order_line[1].glass_urgency = "urgent"
        self.assertEqual(order.order_line[1].price_unit, 1200)

    def test_customer_pricelist(self):
        # the B2B pricelist gives 10 % off glass materials; operations keep their rate
        b2b = self.env["product.pricelist"].create(
            {
                "name": "B2B furniture makers",
                "currency_id": self.currency.id,
                "item_ids": [
                    Command.create(
                        {
                            "applied_on": "0_product_variant",
                            "product_id": self.float_4.id,
                            "compute_price": "percentage",
                            "percent_price": 10,
                        }
                    )
                ],
            }
        )
        self.env.user.groups_id += self.env.ref("sale.group_discount_per_so_line")
        values = self._line_values(
            width=1000, height=1000, glass_edge_all_id=self.edge_ground.id
        )
        retail = self._create_order(values).order_line
        furniture = self._create_order(values, pricelist=b2b).order_line
        self.assertEqual(retail.price_unit, 1000 + 400)
        self.assertEqual(furniture.price_unit, 900 + 400)
        # the pricelist is not applied a second time as a line discount
        self.assertEqual(furniture.discount, 0)
        self.assertEqual(self._amounts(furniture)["glass"], 900)

    def test_manual_price_kept_and_update_prices(self):
        order = self._create_order(self._line_values(width=1000, height=1000))
        line = order.order_line
        line.price_unit = 950
        line.glass_edge_all_id = self.edge_ground
        self.assertEqual(line.price_unit, 950, "a manual price is kept")
        order.action_update_prices()
        self.assertEqual(line.price_unit, 1400)

    def test_cost_and_margin(self):
        line = self._create_order(
            self._line_values(
                width=1000, height=1000, glass_edge_all_id=self.edge_ground.id
            )
        ).order_line
        # cost: 1 m² × 450 + 4 m × 30
        self.assertEqual(line.purchase_price, 570)
        self.assertEqual(line.margin, 1400 - 570)

    def test_ordinary_product_line_unchanged(self):
        product = self.env["product.product"].create(
            {"name": "Mirror clips", "list_price": 35}
        )
        order = self._create_order(
            self._line_values(), {"product_id": product.id, "product_uom_qty": 10}
        )
        clips = order.order_line.filtered(lambda line: line.product_id == product)
        self.assertFalse(clips.glass_is_piece)
        self.assertEqual(clips.price_unit, 35)
        self.assertEqual(clips.name, "Mirror clips")
        self.assertFalse(clips.glass_breakdown)
        self.assertEqual(order.glass_piece_count, 1)

    def test_quote_without_saving(self):
        Line = self.env["sale.order.line"]
        count = Line.search_count([])
        result = Line.mirror_glass_quote(
            {
                "glass_material_id": self.float_4.id,
                "glass_width": 1000,
                "glass_height": 500,
                "product_uom_qty": 2,
                "glass_edge_all_id": self.edge_ground.id,
            }
        )
        self.assertTrue(result["valid"])
        self.assertEqual(result["unit_price"], 500 + 300)
        self.assertEqual(result["subtotal"], 1600)
        self.assertEqual(Line.search_count([]), count)
        bad = Line.mirror_glass_quote(
            {
                "glass_material_id": self.float_4.id,
                "glass_width": 0,
                "glass_height": 500,
            }
        )
        self.assertFalse(bad["valid"])
        self.assertIn("must be positive", bad["errors"][0])

    def test_quote_many_lines_as_one_by_one(self):
        """A quote of many lines made as one new order answers each line as its
        own quote does: the price, the problems, the refusals, in their order."""
        Line = self.env["sale.order.line"]
        count = Line.search_count([])
        values_list = [
            {
                "glass_material_id": self.float_4.id,
                "glass_width": 1000,
                "glass_height": 500,
                "product_uom_qty": 2,
                "glass_edge_all_id": self.edge_ground.id,
            },
            {"glass_material_id": self.float_4.id, "glass_width": "wide"},
            {
                "glass_material_id": self.mirror_4.id,
                "glass_width": 200,
                "glass_height": 300,
                "glass_hole_ids": [Command.create({"diameter": 8, "x": 100, "y": 150})],
            },
            {"glass_material_id": self.float_4.id, "glass_width": 0, "glass_height": 9},
        ]
        order_values = {
            "partner_id": self.partner.id,
            "pricelist_id": self.pricelist.id,
        }
        many = Line._glass_quote_many(values_list, order_values)
        order = self.env["sale.order"].new(order_values)
        single = [
            Line._glass_quote(dict(values), order=order) for values in values_list
        ]
        self.assertEqual(many, single)
        self.assertEqual(
            [answer["valid"] for answer in many], [True, False, True, False]
        )
        self.assertEqual(many[0]["subtotal"], 1600)
        self.assertEqual(Line.search_count([]), count)
