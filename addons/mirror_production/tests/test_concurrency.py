# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Two tablets at the same moment, as two real transactions.

Each test builds its records on a cursor of its own and commits them, then runs
two (or more) transactions on their own database connections, started together
behind a barrier so that each takes its snapshot before the other writes, and
retried on serialization failures the way Odoo retries an RPC request
(``odoo.service.model.retrying``).
"""

import uuid

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged

from odoo.addons.queue_job.job import Job

from .concurrency import ConcurrencyMixin


@tagged("post_install", "-at_install")
class TestConcurrentTablets(ConcurrencyMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tag = uuid.uuid4().hex[:8]

    def _setup_order(self, env, pieces):
        """A committed, confirmed order of ``pieces`` plain pieces (cutting only)."""
        uom_m2 = env.ref("uom.uom_square_meter")
        material = env["product.product"].create(
            {
                "name": f"Test concurrency float 4 mm {self.tag}",
                "glass_role": "material",
                "glass_kind": "float",
                "glass_thickness": 4,
                "uom_id": uom_m2.id,
                "uom_po_id": uom_m2.id,
                "is_storable": True,
                "list_price": 1000,
                "standard_price": 400,
                "glass_sheet_size_ids": [
                    Command.create({"width": 3210, "height": 2250})
                ],
            }
        )
        partner = env["res.partner"].create({"name": f"Test concurrency {self.tag}"})
        order = env["sale.order"].create(
            {
                "partner_id": partner.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": env.ref(
                                "mirror_production.product_glass_piece"
                            ).id,
                            "glass_material_id": material.id,
                            "glass_width": 700,
                            "glass_height": 500,
                            "product_uom_qty": pieces,
                        }
                    )
                ],
            }
        )
        order.action_confirm()
        pieces = env["mirror.piece"].search([("order_id", "=", order.id)])
        station = pieces[0].current_step_id.workcenter_id
        return material.id, pieces.ids, station.id

    def _token(self):
        def identify(env):
            return (
                env["mirror.workshop"]
                .with_user(self.tablet_uid)
                .tablet_identify(badge=self.badge)
            )

        return self._committed(identify)

    def setUp(self):
        super().setUp()
        self.tablet_uid = self.env.ref("mirror_production.res_users_demo_tablet").id
        self.badge = self.env.ref("mirror_production.hr_employee_demo_cutter").barcode

    def _finish(self, station_id, piece_id, operator):
        def act(env, arrived):
            piece = env["mirror.piece"].sudo().browse(piece_id)
            piece.read(["state"])  # the transaction's snapshot is taken
            arrived()
            return env["mirror.workshop"].tablet_act(
                station_id, piece_id, "done", operator
            )

        return act

    def test_last_two_pieces_of_a_work_order_at_the_same_moment(self):
        _material, piece_ids, station_id = self._committed(
            lambda env: self._setup_order(env, 4)
        )
        operator = self._token()

        def finish_first_two(env):
            env["mirror.piece"].browse(piece_ids[:2]).action_finish()

        self._committed(finish_first_two)
        results = self._concurrently(
            self._finish(station_id, piece_ids[2], operator),
            self._finish(station_id, piece_ids[3], operator),
        )
        for result in results:
            self.assertIsInstance(result, dict, result)

        def check(env):
            steps = env["mirror.piece"].browse(piece_ids).step_ids
            here = steps.filtered(lambda step: step.workcenter_id.id == station_id)
            return here.mapped("state"), here.workorder_id.mapped("state")

        steps, workorders = self._committed(check)
        self.assertEqual(steps, ["done"] * 4)
        # the last piece finished the work order, whichever transaction it was
        self.assertEqual(workorders, ["done"])

    def test_last_two_pieces_of_a_cutting_batch_at_the_same_moment(self):
        def setup(env):
            material_id, piece_ids, station_id = self._setup_order(env, 3)
            material = env["product.product"].browse(material_id)
            location = (
                env["stock.warehouse"]
                .search([("company_id", "=", env.company.id)], limit=1)
                .lot_stock_id
            )
            env["stock.quant"].with_context(inventory_mode=True).create(
                {
                    "product_id": material.id,
                    "location_id": location.id,
                    "inventory_quantity": 3 * 3.21 * 2.25,
                }
            ).action_apply_inventory()
            batch = env["mirror.cutting.batch"].create(
                {
                    "product_id": material.id,
                    "piece_ids": [Command.set(piece_ids)],
                    "time_limit": 1.0,
                }
            )
            batch.action_optimize()
            Job.load(env, batch.run_id.job_uuid).perform()
            batch.invalidate_recordset()
            self.assertEqual(batch.state, "planned")
            env["mirror.piece"].browse(piece_ids[0]).action_finish()
            return batch.id, piece_ids, station_id

        batch_id, piece_ids, station_id = self._committed(setup)
        operator = self._token()
        results = self._concurrently(
            self._finish(station_id, piece_ids[1], operator),
            self._finish(station_id, piece_ids[2], operator),
        )
        for result in results:
            self.assertIsInstance(result, dict, result)

        def check(env):
            batch = env["mirror.cutting.batch"].browse(batch_id)
            moves = env["stock.move"].search(
                [("mirror_cutting_batch_id", "=", batch_id)]
            )
            out = moves.filtered(lambda move: move.location_id.usage == "internal")
            return batch.state, len(out)

        state, sheets_out = self._committed(check)
        self.assertEqual(state, "done")
        self.assertEqual(sheets_out, 1)

    def test_parallel_wrong_pins_are_all_counted(self):
        def clear(env):
            env["mirror.workshop.attempt"].search(
                [("user_id", "=", self.tablet_uid)]
            ).unlink()

        self._committed(clear)
        self.addCleanup(self._committed, clear)

        def guess(env, arrived):
            arrived()
            try:
                env["mirror.workshop"].tablet_identify(pin="9876")
            except UserError as error:
                return error.args[0]

        results = self._concurrently(*[guess] * 8)
        unknown = [r for r in results if str(r).startswith("Unknown badge or PIN")]
        waits = [r for r in results if str(r).startswith("Too many wrong PINs")]
        self.assertEqual((len(unknown), len(waits)), (5, 3), results)

        def counted(env):
            return (
                env["mirror.workshop.attempt"]
                .search([("user_id", "=", self.tablet_uid), ("kind", "=", "pin")])
                .failures
            )

        self.assertEqual(self._committed(counted), 5)
