# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import Command
from odoo.tests import tagged

from .test_workshop import WorkshopCommon


@tagged("post_install", "-at_install")
class TestBreakageSpeed(WorkshopCommon):
    """What keeps the tablet's "Report breakage" tap quick: the remake's order
    comes with its work orders in one create, and a breakage takes the same
    queries however many pieces its order has."""

    def _order_of(self, qty):
        order = self._create_order(
            self._line_values(
                width=1000,
                height=500,
                qty=qty,
                glass_edge_all_id=self.edge_ground.id,
                glass_operation_ids=[Command.set((self.packing | self.tempering).ids)],
            ),
            self._line_values(
                width=600, height=600, qty=qty, glass_edge_all_id=self.edge_polished.id
            ),
        )
        order.action_confirm()
        pieces = self.env["mirror.piece"].search([("order_id", "=", order.id)])
        self.assertEqual(len(pieces), 2 * qty)
        return pieces

    def _breakage_queries(self, piece):
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        remake = piece._mirror_report_broken(self.reason, "dropped")
        self.env.flush_all()
        count = self.env.cr.sql_log_count - before
        self.assertTrue(piece.broken)
        self.assertEqual(remake.remade_from_id, piece)
        return count

    def test_breakage_queries_do_not_grow_with_the_order(self):
        # warm up the caches (translations, sequences, ...) on a first breakage
        self._breakage_queries(self._order_of(1)[0])
        small = self._breakage_queries(self._order_of(2)[0])
        large = self._breakage_queries(self._order_of(12)[0])
        # 20 more pieces in the order: a cost per piece would add 20 queries or more;
        # a query either way comes from what the run's caches hold (sequences,
        # prefetch of the other tests' records)
        self.assertLessEqual(abs(large - small), 2, (small, large))

    def test_remake_has_its_route_planned_in_its_own_order(self):
        pieces = self._order_of(2)
        piece = pieces[0]
        production = piece.production_id
        remake = piece._mirror_report_broken(self.reason, "dropped")
        mo = remake.production_id
        self.assertNotEqual(mo, production)
        self.assertEqual(mo.state, "confirmed")
        self.assertEqual(mo.priority, "1")
        self.assertEqual(mo.product_qty, 1)
        self.assertEqual(mo.sale_line_id, production.sale_line_id)
        self.assertEqual(mo.mirror_piece_ids, remake)
        # the same route as the broken piece, once, each step on a planned work order
        self.assertEqual(
            mo.workorder_ids.sorted("sequence").mirror_operation_id,
            production.workorder_ids.sorted("sequence").mirror_operation_id,
        )
        self.assertEqual(
            remake.step_ids.sorted("sequence").workorder_id,
            mo.workorder_ids.sorted("sequence"),
        )
        self.assertTrue(all(mo.workorder_ids.leave_id))
        self.assertTrue(mo.is_planned)
        # one finished move, the glass consumed by the cutting
        self.assertEqual(len(mo.move_finished_ids), 1)
        self.assertEqual(mo.move_finished_ids.product_uom_qty, 1)
        self.assertEqual(len(mo.move_raw_ids), 1)
        self.assertEqual((remake.index, remake.priority), (piece.index, "1"))
        self.assertEqual(remake.name, f"{piece.name} remake")
        self.assertEqual(remake.current_step_id, remake.step_ids.sorted("sequence")[0])
