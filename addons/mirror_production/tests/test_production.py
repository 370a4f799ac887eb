# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import timedelta
from unittest.mock import patch

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import Form, tagged
from odoo.tools.safe_eval import safe_eval

from .common import MirrorCommon


class ProductionCommon(MirrorCommon):
    """Work centers, routes and a confirmed order of 3 + 2 glass pieces."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Workcenter = cls.env["mrp.workcenter"]
        cls.wc_cutting = Workcenter.create({"name": "Test cutting table"})
        cls.wc_edging = Workcenter.create({"name": "Test edger"})
        cls.wc_drilling = Workcenter.create({"name": "Test drill"})
        cls.wc_furnace = Workcenter.create({"name": "Test furnace"})
        cls.wc_packing = Workcenter.create({"name": "Test packing"})
        cls.cutting = cls.env["mirror.operation"].create(
            {
                "name": "Test cutting",
                "category": "cutting",
                "sequence": 1,
                "workcenter_id": cls.wc_cutting.id,
                "time_norm": 4,  # min per m²
                "time_setup": 5,
                "price_ids": [Command.create({"price": 0})],
            }
        )
        cls.company.mirror_cutting_operation_id = cls.cutting
        cls.company.mirror_waste_percent = 15
        cls.edge_ground.write({"workcenter_id": cls.wc_edging.id, "time_norm": 2})
        cls.edge_polished.write({"workcenter_id": cls.wc_edging.id, "time_norm": 3})
        cls.drill_small.write({"workcenter_id": cls.wc_drilling.id, "time_norm": 1.5})
        cls.tempering.write({"workcenter_id": cls.wc_furnace.id, "time_norm": 10})
        cls.packing.write({"workcenter_id": cls.wc_packing.id, "time_setup": 6})
        cls.service = cls.env["product.product"].create(
            {"name": "Installation", "type": "service", "list_price": 1500}
        )

    def _confirmed_order(self):
        order = self._create_order(
            # 3 pieces 1000 × 500: packing, tempering, ground all round, 2 holes
            self._line_values(
                width=1000,
                height=500,
                qty=3,
                glass_edge_all_id=self.edge_ground.id,
                glass_hole_ids=[
                    Command.create({"diameter": 8, "x": 100, "y": 100}),
                    Command.create({"diameter": 8, "x": 900, "y": 100}),
                ],
                glass_operation_ids=[Command.set((self.packing | self.tempering).ids)],
            ),
            # same glass, another specification: its own MO
            self._line_values(
                width=600, height=600, qty=2, glass_edge_all_id=self.edge_polished.id
            ),
            {"product_id": self.service.id, "product_uom_qty": 1},
        )
        order.action_confirm()
        return order


@tagged("post_install", "-at_install")
class TestProduction(ProductionCommon):
    """Confirming an order makes one manufacturing order per glass line, its work
    orders in technological order and one record per physical piece."""

    def test_one_mo_per_glass_line(self):
        order = self._confirmed_order()
        first, second, _service = order.order_line
        productions = order.order_line.mapped(lambda line: line) and self.env[
            "mrp.production"
        ].search([("sale_line_id", "in", order.order_line.ids)])
        self.assertEqual(len(productions), 2, "two glass lines, two MOs, never merged")
        mo1 = productions.filtered(lambda mo: mo.sale_line_id == first)
        mo2 = productions.filtered(lambda mo: mo.sale_line_id == second)
        self.assertEqual(mo1.product_qty, 3)
        self.assertEqual(mo2.product_qty, 2)
        self.assertEqual(mo1.glass_line_id, first)
        self.assertEqual(order.mrp_production_count, 2)
        self.assertEqual(mo1.state, "confirmed")

    def test_glass_consumed_in_square_metres(self):
        order = self._confirmed_order()
        mo1 = self.env["mrp.production"].search(
            [("sale_line_id", "=", order.order_line[0].id)]
        )
        move = mo1.move_raw_ids
        self.assertEqual(move.product_id, self.float_4)
        self.assertEqual(move.product_uom, self.uom_m2)
        # 3 × 0.5 m² + 15 % waste allowance
        self.assertAlmostEqual(move.product_uom_qty, 1.725, places=2)

    def test_work_orders_in_technological_order(self):
        order = self._confirmed_order()
        mo1 = self.env["mrp.production"].search(
            [("sale_line_id", "=", order.order_line[0].id)]
        )
        workorders = mo1.workorder_ids.sorted("sequence")
        self.assertEqual(
            workorders.mapped("mirror_operation_id"),
            self.cutting
            | self.edge_ground
            | self.drill_small
            | self.tempering
            | self.packing,
        )
        self.assertEqual(
            workorders.mapped("workcenter_id"),
            self.wc_cutting
            | self.wc_edging
            | self.wc_drilling
            | self.wc_furnace
            | self.wc_packing,
        )
        # expected minutes from the time norms and the line's pieces, area, edges
        durations = dict(
            zip(
                workorders.mapped("name"),
                workorders.mapped("duration_expected"),
                strict=True,
            )
        )
        self.assertAlmostEqual(durations["Test cutting"], 5 + 4 * 1.5)  # 1.5 m²
        self.assertAlmostEqual(durations["Test ground edge"], 2 * 3 * 3.0)  # 9 m
        self.assertAlmostEqual(durations["Test drilling 4-20"], 1.5 * 6)  # 6 holes
        self.assertAlmostEqual(durations["Test tempering"], 10 * 1.5)
        self.assertAlmostEqual(durations["Test packing"], 6)

    def test_foreign_currency_order_gets_its_route(self):
        """Operations priced in the order's currency still find their records."""
        euro = self.env.ref("base.EUR")
        euro.active = True
        self.env["res.currency.rate"].create(
            {"currency_id": euro.id, "rate": 0.0105, "company_id": self.company.id}
        )
        pricelist = self.env["product.pricelist"].create(
            {"name": "Test euro", "currency_id": euro.id}
        )
        order = self._create_order(
            self._line_values(
                width=1000,
                height=500,
                qty=2,
                glass_edge_all_id=self.edge_ground.id,
                glass_hole_ids=[Command.create({"diameter": 8, "x": 100, "y": 100})],
                glass_operation_ids=[Command.set((self.packing | self.tempering).ids)],
            ),
            pricelist=pricelist,
        )
        self.assertEqual(order.currency_id, euro)
        self.assertTrue(order.order_line.price_unit)
        order.action_confirm()
        production = self.env["mrp.production"].search(
            [("sale_line_id", "=", order.order_line.id)]
        )
        self.assertEqual(
            production.workorder_ids.sorted("sequence").mapped("mirror_operation_id"),
            self.cutting
            | self.edge_ground
            | self.drill_small
            | self.tempering
            | self.packing,
        )

    def test_one_piece_per_physical_piece(self):
        order = self._confirmed_order()
        pieces = self.env["mirror.piece"].search([("order_id", "=", order.id)])
        self.assertEqual(len(pieces), 5)
        self.assertEqual(len(set(pieces.mapped("barcode"))), 5)
        first = pieces.filtered(lambda piece: piece.sale_line_id == order.order_line[0])
        self.assertEqual(
            sorted(first.mapped("name")), [f"{order.name}-1-{i}" for i in (1, 2, 3)]
        )
        self.assertEqual(len(first[0].step_ids), 5)
        self.assertEqual(first[0].current_step_id.operation_id, self.cutting)
        self.assertEqual(set(pieces.mapped("state")), {"waiting"})

    def test_work_order_progress_is_its_pieces_progress(self):
        order = self._confirmed_order()
        mo1 = self.env["mrp.production"].search(
            [("sale_line_id", "=", order.order_line[0].id)]
        )
        cutting = mo1.workorder_ids.filtered(
            lambda wo: wo.mirror_operation_id == self.cutting
        )
        pieces = mo1.mirror_piece_ids
        pieces[0].action_start()
        self.assertEqual(pieces[0].state, "progress")
        self.assertEqual(cutting.state, "progress")
        pieces[0].action_finish()
        self.assertEqual(pieces[0].current_step_id.operation_id, self.edge_ground)
        self.assertEqual(cutting.mirror_piece_done, 1)
        self.assertAlmostEqual(cutting.mirror_progress, 100 / 3, places=1)
        (pieces[1] | pieces[2]).action_finish()
        self.assertEqual(cutting.mirror_progress, 100)
        self.assertEqual(cutting.state, "done")
        step = pieces[1].step_ids.filtered(lambda s: s.operation_id == self.cutting)
        self.assertEqual(step.user_id, self.env.user)
        self.assertTrue(step.date_start and step.date_finished)
        for _step in range(4):
            pieces.action_finish()
        self.assertEqual(set(pieces.mapped("state")), {"finished"})

    def test_ordinary_orders_unchanged(self):
        product = self.env["product.product"].create(
            {"name": "Mirror clips", "list_price": 35, "is_storable": True}
        )
        order = self._create_order({"product_id": product.id, "product_uom_qty": 4})
        order.action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertFalse(order.mrp_production_count)
        self.assertEqual(order.picking_ids.move_ids.product_id, product)

    def test_breakage_scraps_the_glass_and_remakes_first(self):
        order = self._confirmed_order()
        line = order.order_line[0]
        production = self.env["mrp.production"].search([("sale_line_id", "=", line.id)])
        piece = production.mirror_piece_ids[0]
        piece.action_finish()  # cut
        piece.action_start()  # at the edger
        reason = self.env.ref("mirror_production.breakage_reason_chipped")
        wizard = Form(
            self.env["mirror.piece.break.wizard"].with_context(
                active_model="mirror.piece", active_ids=piece.ids
            )
        )
        wizard.reason_id = reason
        wizard.note = "Chipped corner on the edger"
        action = wizard.save().action_confirm()
        remake = self.env["mirror.piece"].browse(action["res_id"])

        self.assertEqual(piece.state, "remade")
        self.assertEqual(piece.broken_operation_id, self.edge_ground)
        self.assertEqual(piece.breakage_reason_id, reason)
        self.assertEqual(piece.broken_by_id, self.env.user)
        self.assertFalse(piece.current_step_id)
        # its glass is scrapped: the 1000 × 500 rectangle
        self.assertEqual(piece.scrap_id.state, "done")
        self.assertEqual(piece.scrap_id.product_id, self.float_4)
        self.assertAlmostEqual(piece.scrap_id.scrap_qty, 0.5)
        # the remake starts the route again, first in the queue, in its own MO
        self.assertEqual(remake.remade_from_id, piece)
        self.assertEqual(remake.priority, "1")
        self.assertEqual(remake.current_step_id.operation_id, self.cutting)
        self.assertEqual(len(remake.step_ids), 5)
        self.assertNotEqual(remake.production_id, production)
        self.assertEqual(remake.production_id.sale_line_id, line)
        self.assertEqual(remake.production_id.priority, "1")
        queue = self.env["mirror.piece"].search([("state", "=", "waiting")])
        self.assertEqual(queue[0], remake)
        # the order is flagged and the planner told
        self.assertTrue(order.mirror_at_risk)
        self.assertEqual(order.mirror_remake_count, 1)
        self.assertIn(piece.name, order.message_ids[0].body)
        self.assertIn(remake.barcode, order.message_ids[0].body)
        # breakage is reportable by reason, step, material and operator
        groups = self.env["mirror.piece"]._read_group(
            [("broken", "=", True), ("order_id", "=", order.id)],
            [
                "breakage_reason_id",
                "broken_operation_id",
                "material_id",
                "broken_by_id",
            ],
            ["__count"],
        )
        self.assertEqual(
            groups, [(reason, self.edge_ground, self.float_4, self.env.user, 1)]
        )
        # a finished remake takes the risk away
        for _step in remake.step_ids:
            remake.action_finish()
        self.assertEqual(remake.state, "finished")
        self.assertFalse(order.mirror_at_risk)

    def test_only_pieces_in_production_can_break(self):
        order = self._confirmed_order()
        piece = order.order_line[1].mirror_piece_ids[0]
        for _step in piece.step_ids:
            piece.action_finish()
        wizard = self.env["mirror.piece.break.wizard"].create(
            {
                "piece_ids": [Command.set(piece.ids)],
                "reason_id": self.env.ref(
                    "mirror_production.breakage_reason_handling"
                ).id,
            }
        )
        with self.assertRaises(UserError):
            wizard.action_confirm()

    def test_client_status_follows_the_real_records(self):
        order = self._create_order(
            self._line_values(
                width=1000, height=500, qty=2, glass_edge_all_id=self.edge_ground.id
            )
        )
        self.assertEqual(order.mirror_status, "quotation")
        self.flush_status()
        self.assertEqual(order.mirror_status_ids.mapped("status"), ["quotation"])
        order.action_confirm()
        self.flush_status()
        self.assertEqual(order.mirror_status, "production")
        self.assertEqual(order.mirror_production_stage, "cutting")
        pieces = order.order_line.mirror_piece_ids
        pieces[0].action_finish()
        self.flush_status()
        self.assertEqual(
            order.mirror_production_stage, "cutting", "one piece still to cut"
        )
        pieces[1].action_finish()
        self.flush_status()
        self.assertEqual(order.mirror_production_stage, "processing")
        pieces.action_finish()
        self.flush_status()
        self.assertEqual(order.mirror_status, "ready")
        self.assertFalse(order.mirror_production_stage)
        # the hook ran once per change, and the history keeps each one
        self.assertEqual(
            order.mirror_status_ids.sorted("id").mapped(
                lambda entry: (
                    entry.previous_status or False,
                    entry.status,
                    entry.stage or False,
                )
            ),
            [
                (False, "quotation", False),
                ("quotation", "production", "cutting"),
                ("production", "production", "processing"),
                ("production", "ready", False),
            ],
        )
        # delivered when the delivery is done
        delivery = order.picking_ids
        delivery.move_ids.quantity = 2
        delivery.move_ids.picked = True
        delivery.button_validate()
        self.flush_status()
        self.assertEqual(delivery.state, "done")
        self.assertEqual(order.mirror_status, "delivered")
        self.assertEqual(
            order.mirror_status_ids.sorted("id")[-1].previous_status, "ready"
        )

    def test_cancelled_order_status(self):
        order = self._create_order(self._line_values())
        self.assertEqual(order.mirror_status, "quotation")
        self.flush_status()
        order._action_cancel()
        self.flush_status()
        self.assertEqual(order.mirror_status, "cancel")
        self.assertEqual(
            order.mirror_status_ids.sorted("id")[-1].previous_status, "quotation"
        )

    def test_cancel_half_made_order(self):
        order = self._confirmed_order()
        first, second, _service = order.order_line
        started = first.mirror_piece_ids[0]
        started.action_finish()  # cut: this MO has begun
        order.with_context(disable_cancel_warning=True).action_cancel()
        self.assertEqual(order.state, "cancel")
        mo_started = started.production_id
        mo_untouched = second.mirror_piece_ids.production_id
        self.assertEqual(mo_untouched.state, "cancel")
        self.assertEqual(set(second.mirror_piece_ids.mapped("state")), {"cancel"})
        self.assertNotEqual(mo_started.state, "cancel")
        note = order.message_ids[0].body
        self.assertIn(mo_started.name, note)
        self.assertIn("1 of its 3 pieces", note)

    def test_subcontracted_tempering(self):
        plant = self.env["res.partner"].create({"name": "Test tempering plant"})
        self.tempering.write(
            {
                "subcontracted": True,
                "subcontractor_id": plant.id,
                "transport_cost": 150,
                "subcontract_lead_days": 2,
            }
        )
        order = self._confirmed_order()
        line = order.order_line[0]
        tempering = line.mirror_piece_ids.production_id.workorder_ids.filtered(
            lambda wo: wo.mirror_operation_id == self.tempering
        )
        self.assertTrue(tempering.mirror_subcontracted)
        self.assertEqual(tempering.mirror_subcontractor_id, plant)
        self.assertEqual(tempering.mirror_transport_cost, 3 * 150)
        self.assertEqual(tempering.mirror_lead_days, 2)
        # two working days away, whatever the furnace time norm says
        self.assertGreaterEqual(tempering.duration_expected, 2 * 8 * 60)
        piece = line.mirror_piece_ids[0]
        for _step in range(3):  # cut, ground, drilled
            piece.action_finish()
        piece.action_start()  # sent to the plant
        self.assertEqual(piece.state, "subcontract")
        self.assertEqual(piece.current_step_id.operation_id, self.tempering)
        self.flush_status()
        self.assertEqual(order.mirror_production_stage, "cutting", "other pieces wait")
        piece.action_finish()  # back from the plant
        self.assertEqual(piece.state, "waiting")
        self.assertEqual(piece.current_step_id.operation_id, self.packing)

    def test_planned_on_capacity_late_and_repromised(self):
        order = self._confirmed_order()
        productions = order.order_line.mirror_piece_ids.production_id
        self.assertTrue(all(productions.mapped("is_planned")))
        workorders = productions[0].workorder_ids.sorted("sequence")
        for previous, following in zip(workorders, workorders[1:], strict=False):
            self.assertLessEqual(previous.date_finished, following.date_start)
        planned = max(productions.mapped("date_finished"))
        self.assertEqual(order.mirror_planned_date, planned)
        self.assertFalse(order.mirror_late, "nothing promised yet")
        # promised a day before the plan: late, on the planner's list
        order.commitment_date = planned - timedelta(days=1)
        self.assertTrue(order.mirror_late)
        action = self.env.ref("mirror_production.sale_order_planning_action")
        domain = safe_eval(action.domain) + [("mirror_late", "=", True)]
        self.assertIn(order, self.env["sale.order"].search(domain))
        # re-promising is one action, announced through the hook
        wizard = Form(
            self.env["mirror.repromise.wizard"].with_context(default_order_id=order.id)
        )
        self.assertEqual(wizard.new_date, planned)
        wizard.reason = "The tempering plant is late"
        SaleOrder = type(self.env["sale.order"])
        with patch.object(
            SaleOrder,
            "_mirror_on_promise_change",
            autospec=True,
            side_effect=SaleOrder._mirror_on_promise_change,
        ) as hook:
            wizard.save().action_confirm()
        self.assertEqual(hook.call_count, 1)
        self.assertEqual(order.commitment_date, planned)
        self.assertFalse(order.mirror_late)
        self.assertIn("The tempering plant is late", order.message_ids[0].body)

    def test_step_names(self):
        order = self._confirmed_order()
        piece = order.order_line[0].mirror_piece_ids[0]
        self.assertEqual(piece.current_step_id.display_name, "Test cutting")

    def test_status_changes_are_tracked_in_the_chatter(self):
        order = self._create_order(self._line_values()).with_context(
            tracking_disable=False
        )
        order.env.flush_all()
        order.env.cr.precommit.run()
        order.action_confirm()
        order.env.flush_all()
        order.env.cr.precommit.run()
        tracked = order.message_ids.tracking_value_ids.filtered(
            lambda value: value.field_id.name == "mirror_status"
        )
        self.assertEqual(len(tracked), 1)
        self.assertEqual(tracked.old_value_char, "Quotation")
        self.assertEqual(tracked.new_value_char, "In production")
