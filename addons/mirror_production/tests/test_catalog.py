# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import MirrorCommon


@tagged("post_install", "-at_install")
class TestCatalog(MirrorCommon):
    def test_operation_basis_follows_category(self):
        Operation = self.env["mirror.operation"]
        self.assertEqual(self.edge_ground.basis, "length")
        self.assertEqual(self.drill_small.basis, "unit")
        self.assertEqual(self.tempering.basis, "area")
        self.assertEqual(self.packing.basis, "fixed")
        with self.assertRaises(ValidationError):
            Operation.create({"name": "Edge without type", "category": "edge"})
        with self.assertRaises(ValidationError):
            Operation.create(
                {
                    "name": "Facet",
                    "category": "edge",
                    "edge_type": "facet",
                    "facet_width": 0,
                }
            )

    def test_price_bands_by_thickness(self):
        glass_op = self.tempering._glass_operation()
        self.assertEqual(glass_op.band(4).price, 900)
        self.assertEqual(glass_op.band(10).price, 1400)
        self.assertIsNone(glass_op.band(15))
        self.assertEqual(self.tempering.price_ids[1].display_name, "8.0–12.0 mm")

    def test_drilling_chosen_by_diameter_and_thickness(self):
        Operation = self.env["mirror.operation"]
        self.assertEqual(
            Operation._glass_find("drilling", 8, 4, self.company), self.drill_small
        )
        self.assertEqual(
            Operation._glass_find("drilling", 40, 4, self.company), self.drill_large
        )
        self.assertFalse(Operation._glass_find("drilling", 100, 4, self.company))

    def test_material_checks(self):
        with self.assertRaises(ValidationError):
            self._create_material("No thickness", 0, 1000, 500)
        material = self.mirror_4._glass_material()
        self.assertEqual(material.sheets, ((3210, 2250), (2550, 1605)))
        self.assertEqual(material.price_m2, 2000)
        self.assertFalse(material.temperable)

    def test_settings_are_company_rules(self):
        settings = self.env["res.config.settings"].create(
            {"mirror_min_billable_area": 0.3, "mirror_furnace_min_long": 300}
        )
        settings.execute()
        rules = self.company._mirror_glass_rules()
        self.assertEqual(rules.min_billable_area, 0.3)
        self.assertEqual(rules.furnace_min_long, 300)

    def test_copy_order_keeps_specification(self):
        order = self._create_order(
            self._line_values(
                glass_edge_all_id=self.edge_ground.id,
                glass_hole_ids=[Command.create({"diameter": 8, "x": 100, "y": 100})],
            )
        )
        copy = order.copy()
        self.assertEqual(copy.order_line.glass_hole_ids.diameter, 8)
        self.assertEqual(copy.order_line.glass_edge_top_id, self.edge_ground)
        self.assertEqual(copy.order_line.price_unit, order.order_line.price_unit)
