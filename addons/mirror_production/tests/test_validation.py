# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import base64
import re

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from ..glass.spec import Rules
from .common import MirrorCommon
from .test_cutting import CuttingCommon


@tagged("post_install", "-at_install")
class TestValidation(MirrorCommon):
    """Every rule refuses to save, with a message saying what is wrong and what to
    do.
    """

    def assertRefused(self, values, *fragments, material=None):
        Line = self.env["sale.order.line"]
        before = Line.search_count([])
        with self.assertRaises(ValidationError) as refused:
            with self.env.cr.savepoint():
                self._create_order(self._line_values(material, **values))
        message = str(refused.exception)
        for fragment in fragments:
            self.assertIn(fragment, message)
        self.assertEqual(Line.search_count([]), before, "nothing is saved")
        return message

    def test_sizes(self):
        self.assertRefused(
            {"width": 0, "height": 500}, "must be positive", "millimetres"
        )
        self.assertRefused({"width": -100, "height": 500}, "must be positive")
        self.assertRefused({"width": 10, "height": 500}, "too narrow", "20 mm")
        self.assertRefused({"width": 9000, "height": 500}, "larger than 6000 mm")
        self.assertRefused({"qty": 0}, "at least 1")
        self.assertRefused({"qty": 2.5}, "whole number")

    def test_material_required(self):
        self.assertRefused({"glass_material_id": False}, "Choose the glass material")

    def test_larger_than_sheet(self):
        # mirror sheets: 3210 × 2250 and 2550 × 1605
        self.assertRefused(
            {"width": 3300, "height": 1000},
            "does not fit",
            "3210 × 2250",
            "Split the piece",
            material=self.mirror_4,
        )
        # fits when rotated, unless the glass is directional
        self._create_order(self._line_values(self.mirror_4, 2250, 3210))
        self.assertRefused(
            {"width": 1000, "height": 2000},
            "cannot be rotated",
            material=self.pattern_4,
        )
        self._create_order(self._line_values(self.pattern_4, 2000, 1000))

    def test_shapes(self):
        self.assertRefused(
            {"width": 500, "height": 600, "glass_shape": "circle"},
            "one diameter",
            "oval",
        )
        self.assertRefused(
            {"glass_shape": "rounded", "glass_corner_radius": 300},
            "corner radius",
            "250 mm",
        )
        self.assertRefused(
            {"glass_shape": "rounded", "glass_corner_radius": 0}, "corner radius"
        )
        self.assertRefused({"glass_shape": "custom"}, "needs its drawing")
        self._create_order(
            self._line_values(
                glass_shape="custom",
                glass_drawing=base64.b64encode(b"%PDF-1.4\n%%EOF\n"),
                glass_drawing_name="arch.pdf",
                glass_shape_surcharge=800,
            )
        )

    def test_hole_diameter_below_thickness(self):
        self.assertRefused(
            {"glass_hole_ids": [Command.create({"diameter": 6, "x": 200, "y": 200})]},
            "smaller than the glass thickness",
            "at least 8 mm",
            material=self.float_8,
        )

    def test_hole_too_close_to_edge(self):
        # 4 mm glass: at least 8 mm from the edge; Ø10 at x=10 leaves 5 mm
        self.assertRefused(
            {"glass_hole_ids": [Command.create({"diameter": 10, "x": 10, "y": 300})]},
            "from the edge",
            "at least 8 mm",
        )
        # near a rounded corner: inside the bounding box corner but outside the arc
        self.assertRefused(
            {
                "glass_shape": "rounded",
                "glass_corner_radius": 100,
                "glass_hole_ids": [Command.create({"diameter": 10, "x": 20, "y": 20})],
            },
            "from the edge",
        )
        # on a circle Ø400 a hole at 15 mm from the bounding box is outside the glass
        self.assertRefused(
            {
                "width": 400,
                "height": 400,
                "glass_shape": "circle",
                "glass_hole_ids": [Command.create({"diameter": 10, "x": 40, "y": 40})],
            },
            "from the edge",
        )

    def test_holes_too_close_together(self):
        self.assertRefused(
            {
                "glass_hole_ids": [
                    Command.create({"diameter": 10, "x": 100, "y": 100}),
                    Command.create({"diameter": 10, "x": 115, "y": 100}),
                ]
            },
            "Holes 1 and 2",
            "at least 8 mm apart",
        )

    def test_hole_without_drilling_operation(self):
        self.assertRefused(
            {"glass_hole_ids": [Command.create({"diameter": 80, "x": 200, "y": 300})]},
            "no drilling operation",
            "Ø80",
        )

    def test_cutouts(self):
        self.assertRefused(
            {
                "glass_cutout_ids": [
                    Command.create({"width": 100, "height": 60, "x": 2, "y": 300})
                ]
            },
            "inside the edge",
        )
        self.assertRefused(
            {
                "glass_cutout_ids": [
                    Command.create({"width": 100, "height": 60, "x": 100, "y": 100})
                ],
                "glass_hole_ids": [
                    Command.create({"diameter": 10, "x": 150, "y": 170})
                ],
            },
            "to cutout 1",
        )

    def test_tempering_rules(self):
        tempering = [Command.set(self.tempering.ids)]
        self.assertRefused(
            {"glass_operation_ids": tempering},
            "cannot be tempered",
            material=self.mirror_4,
        )
        self.assertRefused(
            {"width": 90, "height": 400, "glass_operation_ids": tempering},
            "too small for the tempering furnace",
            "100 × 250 mm",
        )
        # the furnace takes 2440 × 3660 mm at most; the 8 mm sheet is 6000 × 3210
        self.assertRefused(
            {"width": 4000, "height": 1000, "glass_operation_ids": tempering},
            "too large for the tempering furnace",
            "2440 × 3660 mm",
            material=self.float_8,
        )
        self.company.mirror_furnace_max_long = 4500
        self._create_order(
            self._line_values(self.float_8, 4000, 1000, glass_operation_ids=tempering)
        )

    def test_operation_thickness_range(self):
        # safety film is for glass up to 6 mm
        self.assertRefused(
            {"glass_operation_ids": [Command.set(self.film.ids)]},
            "Test safety film is done on glass 0–6 mm thick",
            "8 mm",
            material=self.float_8,
        )

    def test_operation_without_price_for_thickness(self):
        # tempering bands: 3–6 and 8–12 mm; no price for 7 mm
        glass_7 = self._create_material(
            "Test float 7 mm", 7, 2000, 900, sheets=[(3210, 2250)]
        )
        self.assertRefused(
            {"glass_operation_ids": [Command.set(self.tempering.ids)]},
            "has no price for 7 mm",
            material=glass_7,
        )

    def test_facet_too_wide(self):
        # two 20 mm facets need a side over 40 mm
        self.assertRefused(
            {"width": 40, "height": 300, "glass_edge_all_id": self.facet_20.id},
            "too wide",
            "at most 19 mm",
        )

    def test_round_piece_has_one_edge(self):
        self.assertRefused(
            {
                "width": 500,
                "height": 500,
                "glass_shape": "circle",
                "glass_edge_bottom_id": self.edge_ground.id,
                "glass_edge_top_id": self.edge_polished.id,
            },
            "one continuous edge",
        )

    def test_write_is_validated_too(self):
        order = self._create_order(self._line_values())
        line = order.order_line
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            line.glass_width = 7000
        self.assertEqual(line.glass_width, 500)
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            line.glass_hole_ids = [Command.create({"diameter": 2, "x": 100, "y": 100})]
        self.assertFalse(line.glass_hole_ids)
        # a hole edited on its own is checked with its line
        line.glass_hole_ids = [Command.create({"diameter": 10, "x": 100, "y": 100})]
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            line.glass_hole_ids.x = 5

    def test_messages_in_russian(self):
        self.env["res.lang"]._activate_lang("ru_RU")
        self.env["ir.module.module"]._load_module_terms(
            ["mirror_production"], ["ru_RU"]
        )
        russian = self.env(context=dict(self.env.context, lang="ru_RU"))
        with self.assertRaises(ValidationError) as refused, self.env.cr.savepoint():
            russian["sale.order"].create(
                {
                    "partner_id": self.partner.id,
                    "order_line": [Command.create(self._line_values(width=0))],
                }
            )
        message = str(refused.exception)
        self.assertIn("Ширина и высота", message)
        self.assertNotIn("must be positive", message)

    def test_numbers_that_are_not_numbers(self):
        # NaN or infinity would crash the ORM's rounding (a traceback): refused first
        nan, inf = float("nan"), float("inf")
        self.assertRefused({"glass_width": nan}, "Width (mm) must be a number", "nan")
        self.assertRefused({"glass_height": inf}, "Height (mm) must be a number")
        self.assertRefused({"glass_width": "abc"}, "got 'abc'")
        self.assertRefused(
            {"glass_shape": "rounded", "glass_corner_radius": nan},
            "Corner radius (mm) must be a number",
        )
        self.assertRefused({"qty": nan}, "must be a number")
        self.assertRefused(
            {"glass_hole_ids": [Command.create({"diameter": 10, "x": nan, "y": 100})]},
            "Hole 1, X (mm) must be a number",
        )
        self.assertRefused(
            {
                "glass_cutout_ids": [
                    Command.create({"width": inf, "height": 60, "x": 100, "y": 100})
                ]
            },
            "Cutout 1, Width (mm) must be a number",
        )
        order = self._create_order(self._line_values())
        with self.assertRaisesRegex(ValidationError, "Hole 1, Y \\(mm\\) must be"):
            with self.env.cr.savepoint():
                order.order_line.glass_hole_ids = [
                    Command.create({"diameter": 10, "x": 100, "y": inf})
                ]
        self.assertFalse(order.order_line.glass_hole_ids)

    def test_edge_operation_must_be_edge_work(self):
        self.assertRefused(
            {"glass_edge_bottom_id": self.tempering.id},
            "Test tempering is not edge work",
            "Choose an edge operation",
        )
        self.assertRefused(
            {
                "glass_hole_ids": [
                    Command.create(
                        {
                            "diameter": 10,
                            "x": 100,
                            "y": 100,
                            "operation_id": self.cutout_op.id,
                        }
                    )
                ]
            },
            "Test cutout is not a drilling operation",
        )

    def test_too_many_holes_one_message(self):
        # 1,200 holes at one point: one message, not 719,400 clashes
        holes = [Command.create({"diameter": 10, "x": 250, "y": 350})] * 1200
        Hole = self.env["mirror.sale.line.hole"]
        before = Hole.search_count([])
        message = self.assertRefused(
            {"glass_hole_ids": holes}, "at most 50 holes", "has 1200"
        )
        self.assertNotIn("apart", message)
        self.assertEqual(Hole.search_count([]), before)
        self.company.mirror_max_holes = 2
        self.assertRefused({"glass_hole_ids": holes[:3]}, "at most 2 holes")
        # an existing line given one hole too many is refused too
        order = self._create_order(
            self._line_values(
                glass_hole_ids=[
                    Command.create({"diameter": 10, "x": 100, "y": 100}),
                    Command.create({"diameter": 10, "x": 300, "y": 100}),
                ]
            )
        )
        with self.assertRaisesRegex(ValidationError, "at most 2 holes"):
            with self.env.cr.savepoint():
                order.order_line.glass_hole_ids = [
                    Command.create({"diameter": 10, "x": 200, "y": 400})
                ]
        self.assertEqual(len(order.order_line.glass_hole_ids), 2)

    def test_clashes_stop_at_a_few(self):
        holes = [Command.create({"diameter": 10, "x": 250, "y": 350})] * 10
        message = self.assertRefused(
            {"glass_hole_ids": holes}, "…and 40 more problems of the same kind"
        )
        self.assertEqual(message.count("Holes 1 and "), 5)

    def test_too_many_lines_per_order(self):
        self.company.mirror_max_lines = 2
        Line = self.env["sale.order.line"]
        before = Line.search_count([])
        with self.assertRaisesRegex(
            ValidationError, "at most 2 glass lines, and this one would have 3"
        ):
            with self.env.cr.savepoint():
                self._create_order(*[self._line_values()] * 3)
        self.assertEqual(Line.search_count([]), before, "nothing is saved")
        order = self._create_order(*[self._line_values()] * 2)
        with self.assertRaisesRegex(ValidationError, "at most 2 glass lines"):
            with self.env.cr.savepoint():
                order.order_line = [Command.create(self._line_values())]
        self.assertEqual(len(order.order_line), 2)
        # lines of other products do not count
        service = self.env["product.product"].create(
            {"name": "Test delivery", "type": "service"}
        )
        order.order_line = [
            Command.create({"product_id": service.id, "product_uom_qty": 1})
        ]
        self.assertEqual(len(order.order_line), 3)


@tagged("post_install", "-at_install")
class TestLimits(CuttingCommon):
    """The limits are company settings; NaN, ∞ or nonsense are refused there too."""

    def test_defaults_come_from_the_rules(self):
        company = self.env["res.company"].create({"name": "Test new glass company"})
        rules = Rules()
        self.assertEqual(company.mirror_max_holes, rules.max_holes)
        self.assertEqual(company.mirror_max_cutouts, rules.max_cutouts)
        self.assertEqual(company.mirror_max_lines, rules.max_lines)
        self.assertEqual(company.mirror_cut_time_limit_max, rules.max_cut_time_limit)
        self.assertEqual(company._mirror_glass_rules(), rules)

    def test_company_settings_are_checked(self):
        for values, fragment in (
            ({"mirror_cut_time_limit": float("nan")}, "got nan s"),
            ({"mirror_cut_time_limit": float("inf")}, "at most 600 s"),
            ({"mirror_cut_time_limit": 0}, "more than 0 s"),
            ({"mirror_cut_time_limit": 601}, "at most 600 s (got 601 s)"),
            ({"mirror_cut_time_limit_max": float("nan")}, "longest cutting"),
            # the time limit (1 s here) fits; 0.5 s as the longest would not
            ({"mirror_cut_time_limit_max": 0.5}, "at most 0.5 s (got 1 s)"),
            ({"mirror_max_holes": -1}, "cannot be negative"),
            ({"mirror_max_cutouts": -1}, "cannot be negative"),
            ({"mirror_max_lines": 0}, "at least one glass line"),
        ):
            with self.subTest(values=values):
                with self.assertRaisesRegex(ValidationError, re.escape(fragment)):
                    with self.env.cr.savepoint():
                        self.company.write(values)
        # through the settings form as well
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.env["res.config.settings"].create(
                {"mirror_cut_time_limit": float("nan")}
            ).execute()
        self.assertEqual(self.company.mirror_cut_time_limit, 1.0)
        self.company.write(
            {"mirror_cut_time_limit_max": 20, "mirror_cut_time_limit": 20}
        )
        self.assertEqual(self.company._mirror_glass_rules().max_cut_time_limit, 20)

    def test_batch_time_limit_nan_or_too_long_is_refused(self):
        order = self._order((1000, 500, 1))
        batch = self.Batch.create(
            {
                "product_id": self.float_4.id,
                "piece_ids": [Command.set(self._pieces(order).ids)],
            }
        )
        for limit in (float("nan"), float("inf"), 601.0, -1.0):
            batch.time_limit = limit
            with self.subTest(limit=limit):
                with self.assertRaisesRegex(UserError, "at most 600 s"):
                    batch.action_optimize()
                self.assertEqual(batch.state, "draft", "the batch is not running")
                self.assertFalse(batch.run_ids, "no run is written")
