# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from unittest.mock import patch

from odoo import Command
from odoo.tests import Form, tagged

from ..models.sale_order_line import GLASS_SPEC_CACHE
from .common import MirrorCommon


@tagged("post_install", "-at_install")
class TestSpecCache(MirrorCommon):
    """A line's pure specification is built once per transaction, and anew as soon
    as anything it is built from changes, in the database or in a form."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.order = cls._create_order(
            cls._line_values(
                width=1000,
                height=500,
                glass_edge_all_id=cls.edge_ground.id,
                glass_hole_ids=[Command.create({"diameter": 8, "x": 100, "y": 100})],
            )
        )
        cls.line = cls.order.order_line

    def _builds(self):
        """Count the specifications built (the cache's misses)."""
        Line = type(self.env["sale.order.line"])
        return patch.object(
            Line, "_glass_build_spec", autospec=True, side_effect=Line._glass_build_spec
        )

    def test_built_once_for_all_its_uses(self):
        self.line.invalidate_recordset()
        with self._builds() as build:
            spec = self.line._glass_spec()
            # the price, the drawing, the problems and the route read the same one
            self.assertIs(self.line._glass_spec(), spec)
            self.line._glass_problems()
            self.line.invalidate_recordset(["glass_svg", "glass_issues"])
            self.assertTrue(self.line.glass_svg)
            self.assertFalse(self.line.glass_issues)
            self.line._compute_glass_quote()
        self.assertEqual(build.call_count, 1)
        self.assertEqual(spec.width, 1000)

    def test_line_changes_are_seen(self):
        spec = self.line._glass_spec()
        self.line.glass_width = 1200
        self.assertEqual(self.line._glass_spec().width, 1200)
        self.line.glass_edge_right_id = self.edge_polished
        self.assertEqual(
            self.line._glass_spec().edge("right").key, self.edge_polished.id
        )
        self.line.glass_operation_ids = self.tempering
        self.assertEqual(
            [operation.key for operation in self.line._glass_spec().operations],
            self.tempering.ids,
        )
        self.line.glass_material_id = self.float_8
        self.assertEqual(self.line._glass_spec().thickness, 8)
        self.assertIsNot(self.line._glass_spec(), spec)
        # and the stored price follows them
        self.assertEqual(self.line.glass_area, 1.2 * 0.5)

    def test_hole_and_cutout_changes_are_seen(self):
        self.line.glass_hole_ids.diameter = 10
        self.assertEqual(self.line._glass_spec().holes[0].diameter, 10)
        self.line.glass_hole_ids.x = 150
        self.assertEqual(self.line._glass_spec().holes[0].x, 150)
        self.line.write(
            {
                "glass_cutout_ids": [
                    Command.create({"width": 50, "height": 40, "x": 300, "y": 200})
                ]
            }
        )
        self.assertEqual(len(self.line._glass_spec().cutouts), 1)
        self.line.glass_hole_ids.unlink()
        self.assertEqual(self.line._glass_spec().holes, ())

    def test_order_changes_are_seen(self):
        rate = self.line._glass_spec().material.price_m2
        rule = {"applied_on": "3_global", "compute_price": "percentage"}
        self.order.pricelist_id = self.env["product.pricelist"].create(
            {
                "name": "Test 10 % off",
                "currency_id": self.currency.id,
                "item_ids": [Command.create(dict(rule, percent_price=10))],
            }
        )
        self.assertEqual(self.line._glass_spec().material.price_m2, rate * 0.9)

    def test_catalogue_changes_are_seen_with_the_next_line_change(self):
        # a company setting read when the spec is built: the line's next change
        # builds it anew (as its stored price is recomputed then)
        self.assertEqual(self.line._glass_spec().urgency_percent, 0)
        self.company.mirror_urgent_percent = 20
        self.line.glass_urgency = "urgent"
        self.assertEqual(self.line._glass_spec().urgency_percent, 20)

    def test_form_changes_are_seen(self):
        spec_form = Form(
            self.line, view="mirror_production.sale_order_line_view_form_glass"
        )
        spec_form.glass_width = 800
        self.assertAlmostEqual(spec_form.glass_area, 0.4)
        self.assertIn(">800<", spec_form.glass_svg)
        spec_form.glass_edge_all_id = self.edge_polished
        self.assertIn("Test polished edge", spec_form.glass_edge_summary)
        with spec_form.glass_hole_ids.edit(0) as hole:
            hole.x = 5
        self.assertIn("from the edge of the glass", spec_form.glass_issues)
        with spec_form.glass_hole_ids.edit(0) as hole:
            hole.x = 100
        self.assertFalse(spec_form.glass_issues)
        spec_form.save()
        spec = self.line._glass_spec()
        self.assertEqual(spec.width, 800)
        self.assertEqual(spec.edge("top").key, self.edge_polished.id)

    def test_new_records_have_their_own(self):
        values = self._line_values(width=600, height=400)
        first = self.env["sale.order.line"].new(values)
        second = self.env["sale.order.line"].new(dict(values, glass_width=700))
        self.assertEqual(first._glass_spec().width, 600)
        self.assertEqual(second._glass_spec().width, 700)
        first.glass_height = 450
        self.assertEqual(first._glass_spec().height, 450)

    def test_kept_per_language_and_transaction(self):
        english = self.line._glass_spec()
        self.env["res.lang"]._activate_lang("ru_RU")
        russian = self.line.with_context(lang="ru_RU")._glass_spec()
        self.assertIsNot(russian, english)
        self.assertIs(self.line._glass_spec(), english)
        # a rollback (here: of a savepoint) or a commit forgets them all
        with self.env.cr.savepoint() as savepoint:
            self.line.glass_width = 900
            self.assertEqual(self.line._glass_spec().width, 900)
            savepoint.rollback()
        self.assertNotIn(GLASS_SPEC_CACHE, self.env.cr.precommit.data)
        self.line.invalidate_recordset()
        self.assertEqual(self.line._glass_spec().width, 1000)
