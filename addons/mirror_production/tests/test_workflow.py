# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from unittest.mock import patch

from odoo import Command
from odoo.tests import tagged

from .test_production import ProductionCommon


@tagged("post_install", "-at_install")
class TestWorkshopFlow(ProductionCommon):
    """An order of 3 lines / 12 pieces with different routes, one of them tempered at
    a subcontractor, goes through every step with one breakage and its remake; the
    client status, its history and the hook calls are checked at each transition."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plant = cls.env["res.partner"].create({"name": "Test tempering plant"})
        cls.tempering.write(
            {
                "subcontracted": True,
                "subcontractor_id": cls.plant.id,
                "transport_cost": 100,
                "subcontract_lead_days": 1,
            }
        )
        cls.edge_ground.write({"code": "G"})

    def _finish(self, pieces, operation):
        """Finish the step ``operation`` of these pieces (they must be at it)."""
        for piece in pieces:
            self.assertEqual(piece.current_step_id.operation_id, operation, piece.name)
        pieces.action_finish()
        self.flush_status()

    def test_full_flow(self):
        order = self._create_order(
            # A: 4 tempered pieces, ground, drilled, packed
            self._line_values(
                width=1000,
                height=500,
                qty=4,
                glass_edge_all_id=self.edge_ground.id,
                glass_hole_ids=[Command.create({"diameter": 8, "x": 100, "y": 100})],
                glass_operation_ids=[Command.set((self.tempering | self.packing).ids)],
            ),
            # B: 5 polished and packed
            self._line_values(
                width=600,
                height=600,
                qty=5,
                glass_edge_all_id=self.edge_polished.id,
                glass_operation_ids=[Command.set(self.packing.ids)],
            ),
            # C: 3 mirrors, ground and packed
            self._line_values(
                self.mirror_4,
                400,
                500,
                qty=3,
                glass_edge_all_id=self.edge_ground.id,
                glass_operation_ids=[Command.set(self.packing.ids)],
            ),
        )
        line_a, line_b, line_c = order.order_line
        SaleOrder = type(self.env["sale.order"])
        with patch.object(
            SaleOrder,
            "_mirror_on_status_change",
            autospec=True,
            side_effect=SaleOrder._mirror_on_status_change,
        ) as hook:
            self.flush_status()
            order.action_confirm()
            self.flush_status()
            pieces = order.order_line.mirror_piece_ids
            self.assertEqual(len(pieces), 12)
            self.assertEqual(len(set(pieces.mapped("barcode"))), 12)
            self.assertEqual(
                [len(line.mirror_piece_ids.production_id) for line in order.order_line],
                [1, 1, 1],
            )
            a, b, c = (
                line_a.mirror_piece_ids,
                line_b.mirror_piece_ids,
                line_c.mirror_piece_ids,
            )
            self.assertEqual(len(a[0].step_ids), 5)  # cut, edge, drill, temper, pack
            self.assertEqual(len(b[0].step_ids), 3)  # cut, edge, pack
            self._finish(pieces, self.cutting)
            # A piece breaks on the edger: scrapped, remade from the start
            a[0].action_start()
            a[0]._mirror_report_broken(
                self.env.ref("mirror_production.breakage_reason_chipped"), "Chip"
            )
            self.flush_status()
            remake = a[0].remake_ids
            self.assertEqual(a[0].state, "remade")
            self.assertTrue(order.mirror_at_risk)
            self.assertEqual(order.mirror_production_stage, "cutting")
            self._finish(remake, self.cutting)
            good_a = a[1:] | remake
            self._finish(good_a | c, self.edge_ground)
            self._finish(b, self.edge_polished)
            self._finish(good_a, self.drill_small)
            self.assertEqual(order.mirror_production_stage, "tempering")
            # sent to the tempering plant
            good_a.action_start()
            self.assertEqual(set(good_a.mapped("state")), {"subcontract"})
            self._finish(good_a, self.tempering)
            self._finish(good_a | b | c, self.packing)
            self.assertEqual(
                set(good_a.mapped("state")) | set(b.mapped("state")), {"finished"}
            )
            self.assertEqual(order.mirror_status, "ready")
            self.assertFalse(order.mirror_at_risk)
            # handed over
            delivery = order.picking_ids
            for move in delivery.move_ids:
                move.quantity = move.product_uom_qty
            delivery.move_ids.picked = True
            delivery.button_validate()
            self.flush_status()
            self.assertEqual(order.mirror_status, "delivered")

        expected = [
            ("quotation", False),
            ("production", "cutting"),
            ("production", "processing"),
            ("production", "cutting"),  # the remake goes back to cutting
            ("production", "processing"),
            ("production", "tempering"),
            ("production", "packing"),
            ("ready", False),
            ("delivered", False),
        ]
        history = order.mirror_status_ids.sorted("id")
        self.assertEqual(
            [(entry.status, entry.stage or False) for entry in history], expected
        )
        self.assertEqual(hook.call_count, len(expected))
        # every step of every good piece has its start, finish and operator
        steps = (good_a | b | c).step_ids
        self.assertTrue(all(steps.mapped("date_start")))
        self.assertTrue(all(steps.mapped("date_finished")))
        self.assertEqual(steps.user_id, self.env.user)
        # the work orders are done with their pieces
        workorders = (b | c).production_id.workorder_ids
        self.assertEqual(set(workorders.mapped("mirror_progress")), {100.0})
