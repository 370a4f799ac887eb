# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import HttpCase, tagged

from odoo.addons.queue_job.job import Job

from .test_production import ProductionCommon

SHEET_M2 = 3.21 * 2.25


class CuttingCommon(ProductionCommon):
    """Float 4 mm in stock as full 3210 × 2250 sheets, and orders to cut."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write(
            {
                "mirror_cut_trim": 10,
                "mirror_cut_width": 0,
                "mirror_cut_min_waste": 20,
                "mirror_cut_time_limit": 1.0,
            }
        )
        cls.stock_location = (
            cls.env["stock.warehouse"]
            .search([("company_id", "=", cls.company.id)], limit=1)
            .lot_stock_id
        )
        cls.Batch = cls.env["mirror.cutting.batch"]
        cls.Remnant = cls.env["mirror.remnant"]

    def _stock(self, product, sheets):
        """Receive ``sheets`` full 3210 × 2250 sheets by an inventory adjustment."""
        quant = (
            self.env["stock.quant"]
            .with_context(inventory_mode=True)
            .create(
                {
                    "product_id": product.id,
                    "location_id": self.stock_location.id,
                    "inventory_quantity": sheets * SHEET_M2,
                }
            )
        )
        quant.action_apply_inventory()

    def _on_hand(self, product):
        return product.with_context(location=self.stock_location.id).qty_available

    def _order(self, *sizes, material=None):
        """A confirmed order of plain pieces: ``(width, height, qty)`` per line."""
        order = self._create_order(
            *(
                self._line_values(material=material, width=w, height=h, qty=q)
                for w, h, q in sizes
            )
        )
        order.action_confirm()
        return order

    def _pieces(self, order):
        return self.env["mirror.piece"].search([("order_id", "=", order.id)])

    def _run_job(self, batch):
        """Run the batch's queued optimization as the job runner would."""
        job = Job.load(self.env, batch.run_id.job_uuid)
        job.perform()
        batch.invalidate_recordset()
        return job


@tagged("post_install", "-at_install")
class TestCuttingBatch(CuttingCommon):
    def test_batches_gather_waiting_pieces_per_glass_remakes_first(self):
        order = self._order((1000, 500, 3), (600, 600, 2))
        mirror = self._order((800, 400, 2), material=self.mirror_4)
        broken = self._pieces(order)[0]
        reason = self.env.ref("mirror_production.breakage_reason_chipped")
        remake = broken._mirror_report_broken(reason)
        action = self.Batch.action_create_from_waiting()
        batches = self.Batch.search(action["domain"]).filtered(
            lambda b: b.product_id in self.float_4 | self.mirror_4
        )
        self.assertEqual(len(batches), 2, "one batch per glass")
        float_batch = batches.filtered(lambda b: b.product_id == self.float_4)
        mirror_batch = batches - float_batch
        self.assertEqual(mirror_batch.piece_ids, self._pieces(mirror))
        waiting = (self._pieces(order) - broken) | remake
        self.assertEqual(float_batch.piece_ids, waiting)
        self.assertEqual(float_batch.piece_count, 5)
        self.assertAlmostEqual(float_batch.pieces_area, 3 * 0.5 + 2 * 0.36)
        self.assertEqual(
            self.Batch._mirror_sort_pieces(float_batch.piece_ids)[0],
            remake,
            "the remake is cut first",
        )
        with self.assertRaisesRegex(UserError, "No pieces are waiting for cutting"):
            self.Batch.action_create_from_waiting()
        # a piece is in one open batch only
        with self.assertRaises(ValidationError):
            self.Batch.create(
                {
                    "product_id": self.float_4.id,
                    "piece_ids": [Command.set(remake.ids)],
                }
            )
        # and only pieces of the batch's glass
        with self.assertRaises(ValidationError):
            float_batch.piece_ids = [Command.link(self._pieces(mirror)[0].id)]

    def test_planner_adds_and_removes_pieces(self):
        first = self._order((1000, 500, 2))
        batch = self.Batch.create({"product_id": self.float_4.id})
        batch.action_add_waiting_pieces()
        self.assertEqual(batch.piece_ids, self._pieces(first))
        second = self._order((700, 300, 1))
        batch.action_add_waiting_pieces()
        self.assertEqual(batch.piece_count, 3)
        batch.piece_ids = [Command.unlink(self._pieces(second).id)]
        self.assertEqual(batch.piece_ids, self._pieces(first))
        with self.assertRaisesRegex(UserError, "No pieces of Test float 8 mm"):
            self.Batch.create(
                {"product_id": self.float_8.id}
            ).action_add_waiting_pieces()

    def test_optimization_runs_in_the_background_once_at_a_time(self):
        self._stock(self.float_4, 2)
        order = self._order((1000, 500, 3), (600, 600, 2))
        batch = self.Batch.create(
            {"product_id": self.float_4.id, "piece_ids": self._pieces(order).ids}
        )
        batch.action_optimize()
        self.assertEqual(batch.state, "running")
        run = batch.run_id
        job_record = self.env["queue.job"].search([("uuid", "=", run.job_uuid)])
        self.assertEqual(job_record.state, "pending")
        self.assertEqual(job_record.channel, "root.mirror_cutting")
        # a second run of the same batch is refused while the first is pending
        with self.assertRaisesRegex(UserError, "already being optimized"):
            batch.action_optimize()
        self.assertEqual(len(batch.run_ids), 1)
        # the job runner performs it
        job = self._run_job(batch)
        self.assertIn("sheets, yield", job.result)
        self.assertEqual(batch.state, "planned")
        self.assertEqual(run.state, "done")
        self.assertEqual(run.progress, 100.0)
        self.assertEqual(batch.sheet_count, 1)
        sheet = batch.sheet_ids
        self.assertEqual((sheet.width, sheet.height), (3210, 2250))
        self.assertEqual(sheet.sheet_size_id, self.float_4.glass_sheet_size_ids)
        # every piece placed once, inside the trimmed sheet
        placements = sheet.placement_ids
        self.assertEqual(placements.piece_id, batch.piece_ids)
        for placement in placements:
            self.assertGreaterEqual(placement.x, 10)
            self.assertGreaterEqual(placement.y, 10)
            self.assertLessEqual(placement.x + placement.width, 3200)
            self.assertLessEqual(placement.y + placement.height, 2240)
        self.assertAlmostEqual(sheet.pieces_area, 2.22, places=3)
        self.assertAlmostEqual(batch.yield_percent, sheet.yield_percent, places=1)
        self.assertGreater(sheet.offcut_area, 3.0, "the sheet's right part is kept")
        self.assertAlmostEqual(
            batch.consumed_area, batch.sheets_area - batch.offcut_area, places=6
        )
        self.assertAlmostEqual(
            batch.yield_percent, 100 * 2.22 / batch.consumed_area, places=1
        )
        # the cut map: every piece with its barcode and order, cuts numbered
        cut_map = str(sheet.cut_map)
        self.assertTrue(cut_map.startswith("<svg"))
        for piece in batch.piece_ids:
            self.assertIn(piece.barcode, cut_map)
        self.assertIn(order.name, cut_map)
        self.assertGreater(sheet.cut_count, 3)
        self.assertIn(f">{sheet.cut_count}</text>", cut_map)

    def test_progress_reaches_the_run_at_most_twice_a_second(self):
        self._stock(self.float_4, 1)
        order = self._order((1000, 500, 1))
        batch = self.Batch.create(
            {"product_id": self.float_4.id, "piece_ids": self._pieces(order).ids}
        )
        batch.action_optimize()
        run = batch.run_id
        progress = run._mirror_progress_callback()
        progress(0.25, 2_500_000)
        self.assertEqual((run.progress, run.best_loss), (25.0, 2.5))
        self.assertEqual(batch.progress, 25.0)
        progress(0.3, 2_000_000)  # right after the last one: not written
        self.assertEqual(run.progress, 25.0)
        progress(1.0, 1_000_000)  # the end always is
        self.assertEqual((run.progress, run.best_loss), (100.0, 1.0))

    def test_confirm_consumes_stock_keeps_remnants_and_cuts_pieces(self):
        self._stock(self.float_4, 2)
        edges = {"glass_edge_all_id": self.edge_ground.id}
        order = self._create_order(
            self._line_values(width=1000, height=500, qty=3, **edges),
            self._line_values(width=600, height=600, qty=2, **edges),
        )
        order.action_confirm()
        pieces = self._pieces(order)
        productions = pieces.production_id
        batch = self.Batch.create(
            {"product_id": self.float_4.id, "piece_ids": pieces.ids}
        )
        batch.action_optimize()
        self._run_job(batch)
        before = self._on_hand(self.float_4)
        batch.action_confirm()
        self.assertEqual(batch.state, "done")
        out = batch.move_ids.filtered(
            lambda m: m.location_dest_id.usage == "production"
        )
        back = batch.move_ids - out
        self.assertEqual(out.state, "done")
        self.assertAlmostEqual(out.quantity, SHEET_M2, places=2)
        self.assertEqual(back.state, "done")
        self.assertAlmostEqual(back.quantity, batch.offcut_area, places=2)
        self.assertAlmostEqual(
            self._on_hand(self.float_4), before - batch.consumed_area, places=2
        )
        # the reusable offcuts are in stock as remnants with their sizes
        remnants = batch.remnant_ids
        self.assertTrue(remnants)
        self.assertEqual(set(remnants.mapped("state")), {"available"})
        for remnant in remnants:
            self.assertGreaterEqual(min(remnant.width, remnant.height), 400)
            self.assertGreaterEqual(max(remnant.width, remnant.height), 800)
        self.assertAlmostEqual(sum(remnants.mapped("area")), batch.offcut_area)
        # the pieces are cut: the cutting work orders progress
        self.assertEqual(
            set(pieces.current_step_id.mapped("stage")),
            {"edge"},
            [(p.name, p.state, p.current_step_id.stage) for p in pieces],
        )
        cutting_orders = productions.workorder_ids.filtered(
            lambda wo: wo.mirror_operation_id == self.cutting
        )
        self.assertEqual(set(cutting_orders.mapped("state")), {"done"})
        self.assertEqual(set(cutting_orders.mapped("mirror_progress")), {100.0})
        # the orders no longer plan to consume the glass the batch consumed
        glass_moves = productions.move_raw_ids.filtered(
            lambda m: m.product_id == self.float_4
        )
        self.assertEqual(glass_moves.mapped("product_uom_qty"), [0.0, 0.0])
        self.assertEqual(set(productions.mapped("state")), {"progress"})
        with self.assertRaisesRegex(UserError, "no plan to confirm"):
            batch.action_confirm()

    def test_remnant_of_one_batch_is_cut_by_the_next(self):
        self._stock(self.float_4, 1)
        first = self._order((1000, 2000, 1))
        batch = self.Batch.create(
            {"product_id": self.float_4.id, "piece_ids": self._pieces(first).ids}
        )
        batch.action_optimize()
        self._run_job(batch)
        batch.action_confirm()
        remnant = batch.remnant_ids.sorted("area", reverse=True)[0]
        self.assertEqual((remnant.width, remnant.height), (2190, 2230))
        # the sheet is gone: what is left in stock is the remnants only
        self.assertAlmostEqual(
            self._on_hand(self.float_4), sum(batch.remnant_ids.mapped("area")), 2
        )
        second = self._order((1200, 800, 2))
        next_batch = self.Batch.create(
            {"product_id": self.float_4.id, "piece_ids": self._pieces(second).ids}
        )
        next_batch.action_optimize()
        self._run_job(next_batch)
        self.assertEqual(next_batch.state, "planned")
        self.assertEqual(next_batch.sheet_ids.remnant_id, remnant)
        self.assertEqual(remnant.state, "reserved")
        self.assertEqual(remnant.used_batch_id, next_batch)
        next_batch.action_confirm()
        self.assertEqual(remnant.state, "used")
        out = next_batch.move_ids.filtered(
            lambda m: m.location_dest_id.usage == "production"
        )
        self.assertAlmostEqual(out.quantity, remnant.area, places=2)

    def test_bad_input_is_refused_and_nothing_is_written(self):
        batch = self.Batch.create({"product_id": self.float_4.id})
        with self.assertRaisesRegex(UserError, "has no pieces"):
            batch.action_optimize()
        order = self._order((1000, 500, 1))
        batch.piece_ids = self._pieces(order)
        with self.assertRaisesRegex(UserError, "no Test float 4 mm in stock"):
            batch.action_optimize()
        self._stock(self.float_4, 1)
        batch.time_limit = 0
        with self.assertRaisesRegex(UserError, "time must be positive"):
            batch.action_optimize()
        batch.time_limit = 1
        big = self._order((3100, 2200, 1))
        batch.piece_ids = [Command.link(self._pieces(big).id)]
        self.company.mirror_cut_trim = (
            60  # 3090 × 2130 usable: the piece no longer fits
        )
        with self.assertRaisesRegex(UserError, "larger than every Test float 4 mm"):
            batch.action_optimize()
        self.company.mirror_cut_trim = 10
        more = self._order((3000, 2000, 2))
        batch.piece_ids = [Command.link(piece.id) for piece in self._pieces(more)]
        with self.assertRaisesRegex(UserError, "Not enough Test float 4 mm in stock"):
            batch.action_optimize()
        self.assertEqual(batch.state, "draft")
        self.assertFalse(batch.run_ids)
        self.assertFalse(batch.sheet_ids)

    def test_plan_that_does_not_fit_the_stock_leaves_the_batch_draft(self):
        # 2 pieces of 3000 × 1200 need two sheets; the area of one sheet is enough
        self._stock(self.float_4, 1)
        order = self._order((3000, 1200, 2))
        batch = self.Batch.create(
            {"product_id": self.float_4.id, "piece_ids": self._pieces(order).ids}
        )
        batch.action_optimize()
        job = self._run_job(batch)
        self.assertIn("No cutting plan was found with the sheets in stock", job.result)
        self.assertEqual(batch.state, "draft")
        self.assertIn("No cutting plan was found", batch.last_error)
        self.assertEqual(batch.run_id.state, "failed")
        self.assertFalse(batch.sheet_ids)

    def test_cancelled_run_does_nothing_and_changed_pieces_drop_the_plan(self):
        self._stock(self.float_4, 2)
        order = self._order((1000, 500, 2), (700, 700, 1))
        batch = self.Batch.create(
            {"product_id": self.float_4.id, "piece_ids": self._pieces(order).ids}
        )
        batch.action_optimize()
        batch.action_cancel_run()
        self.assertEqual(batch.state, "draft")
        job = Job.load(self.env, batch.run_ids.job_uuid)
        job.perform()
        self.assertIn("skipped", job.result)
        self.assertFalse(batch.sheet_ids)
        batch.action_optimize()
        self._run_job(batch)
        self.assertEqual(batch.state, "planned")
        batch.piece_ids = [Command.unlink(self._pieces(order)[-1].id)]
        self.assertEqual(batch.state, "draft")
        self.assertFalse(batch.sheet_ids)

    def test_quotation_estimates_sheets_yield_and_glass_cost(self):
        order = self._create_order(
            self._line_values(width=1000, height=500, qty=10),
            self._line_values(material=self.mirror_4, width=800, height=600, qty=4),
        )
        order.action_mirror_estimate_sheets()
        estimates = order.mirror_cutting_estimate_ids
        self.assertEqual(estimates.product_id, self.float_4 | self.mirror_4)
        float_estimate = estimates.filtered(lambda e: e.product_id == self.float_4)
        self.assertEqual(float_estimate.sheet_count, 1)  # 5 m² on a 7.2 m² sheet
        self.assertEqual(float_estimate.sheets, "1 × 3210×2250")
        self.assertAlmostEqual(float_estimate.pieces_area, 5.0)
        self.assertAlmostEqual(float_estimate.sheets_area, SHEET_M2, places=3)
        self.assertGreater(float_estimate.yield_percent, 69.0)
        self.assertAlmostEqual(
            float_estimate.cost / 450, float_estimate.consumed_area, places=3
        )
        self.assertFalse(order.mirror_cutting_estimate_stale)
        order.order_line[0].product_uom_qty = 30
        self.assertTrue(order.mirror_cutting_estimate_stale)
        order.action_mirror_estimate_sheets()
        self.assertFalse(order.mirror_cutting_estimate_stale)
        float_estimate = order.mirror_cutting_estimate_ids.filtered(
            lambda e: e.product_id == self.float_4
        )
        self.assertEqual(float_estimate.sheet_count, 3)  # 15 m²

    def test_remnant_scrap_takes_its_glass_out_of_stock(self):
        self._stock(self.float_4, 1)
        remnant = self.Remnant.create(
            {"product_id": self.float_4.id, "width": 1000, "height": 900}
        )
        self.assertTrue(remnant.name.startswith("R"))
        self.assertEqual(remnant.location_id, self.stock_location)
        before = self._on_hand(self.float_4)
        remnant.action_scrap()
        self.assertEqual(remnant.state, "scrapped")
        self.assertAlmostEqual(self._on_hand(self.float_4), before - 0.9, places=3)
        with self.assertRaisesRegex(UserError, "not available"):
            remnant.action_scrap()


@tagged("post_install", "-at_install")
class TestCutMapReport(CuttingCommon, HttpCase):
    def test_cut_map_pdf_one_page_per_sheet(self):
        self._stock(self.float_4, 3)
        # a sheet each for the large pieces, the small ones above one of them
        order = self._order((3000, 1500, 2), (500, 400, 3))
        batch = self.Batch.create(
            {"product_id": self.float_4.id, "piece_ids": self._pieces(order).ids}
        )
        batch.action_optimize()
        self._run_job(batch)
        self.assertEqual(batch.sheet_count, 2)
        # (no company document layout question in the way)
        action = batch.with_context(discard_logo_check=True).action_print_cut_maps()
        self.assertEqual(
            action["report_name"], "mirror_production.report_mirror_cut_map"
        )
        text, pages = self.render_pdf_text(
            "mirror_production.action_report_mirror_cut_map", batch.sheet_ids
        )
        self.assertEqual(pages, 2)
        self.assertIn("Cut map", text)
        for piece in batch.piece_ids:
            self.assertIn(piece.barcode, text)
        self.assertIn(order.name, text)
