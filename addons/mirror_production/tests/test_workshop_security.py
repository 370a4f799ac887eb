# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The workshop tablet against a stranger: PIN guessing, stolen or stale tokens,
other companies' pieces, the order's documents, double taps and double reads."""

import datetime
import json

from freezegun import freeze_time

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import create_tablet_user
from .test_cutting import CuttingCommon
from .test_workshop import WorkshopCommon


@tagged("post_install", "-at_install")
class TestTabletSignIn(WorkshopCommon):
    def setUp(self):
        super().setUp()
        self.tablet = self._tablet()
        self.second_tablet = create_tablet_user(
            self.env, "test-tablet-2", name="Test tablet 2"
        )

    def _wrong(self, tablet=None, pin="9999", **kwargs):
        with self.assertRaisesRegex(UserError, "Unknown badge or PIN"):
            (tablet or self.tablet).tablet_identify(pin=pin, **kwargs)

    def _locked(self, tablet=None, pin="4711", **kwargs):
        with self.assertRaisesRegex(UserError, r"Too many wrong PINs: wait (\d+) s"):
            (tablet or self.tablet).tablet_identify(pin=pin, **kwargs)

    def _counter(self, user=None, kind="pin", employee=None):
        # written on the counters' own cursor, behind the ORM's back
        self.env["mirror.workshop.attempt"].invalidate_model()
        return self.env["mirror.workshop.attempt"].search(
            [
                ("user_id", "=", (user or self.operator_user).id),
                ("kind", "=", kind),
                ("employee_id", "=", employee.id if employee else False),
            ]
        )

    def test_wrong_pins_are_counted_in_the_database(self):
        for _attempt in range(3):
            self._wrong()
        # the request was rolled back (it ended with an error): the count stays
        counter = self._counter()
        self.assertEqual(counter.failures, 3)
        self.assertFalse(counter.locked_until)

    def test_success_of_another_employee_does_not_reset_the_count(self):
        start = fields.Datetime.now()
        with freeze_time(start) as frozen:
            for _attempt in range(4):
                self._wrong()
            # a known PIN in between resets nothing: four guesses and a known
            # PIN per cycle no longer go through the 10,000 PINs
            self.assertEqual(
                self.tablet.tablet_identify(pin="4711")["id"], self.cutter.id
            )
            self._wrong()
            self._locked()
            frozen.tick(31)
            self._wrong()  # the 6th wrong PIN: the wait doubles
            self._locked()
            frozen.tick(31)
            self._locked()
            frozen.tick(30)
            self.assertEqual(
                self.tablet.tablet_identify(pin="4711")["id"], self.cutter.id
            )
            self.assertEqual(self._counter().failures, 6)

    def test_waits_double_up_to_an_hour_and_are_forgotten_after_a_day(self):
        start = fields.Datetime.now()
        with freeze_time(start) as frozen:
            waits = []
            for attempt in range(12):
                self._wrong()
                counter = self._counter()
                if attempt >= 4:
                    waits.append(
                        int(
                            (
                                counter.locked_until - fields.Datetime.now()
                            ).total_seconds()
                        )
                    )
                    frozen.tick(datetime.timedelta(hours=2))
            self.assertEqual(waits[:5], [30, 60, 120, 240, 480])
            self.assertEqual(max(waits), 3600)
            frozen.tick(datetime.timedelta(hours=25))
            self._wrong()
            self.assertEqual(self._counter().failures, 1)

    def test_the_lock_is_per_tablet_and_badges_have_their_own(self):
        with freeze_time(fields.Datetime.now()):
            for _attempt in range(5):
                self._wrong()
            self._locked()
            # another tablet account is not locked
            other = self._tablet(self.second_tablet)
            self.assertEqual(other.tablet_identify(pin="4711")["id"], self.cutter.id)
            # badges still sign in, and their guesses are limited the same way
            self.assertEqual(
                self.tablet.tablet_identify(badge="0400000001")["id"], self.cutter.id
            )
            for _attempt in range(5):
                with self.assertRaisesRegex(UserError, "Unknown badge or PIN"):
                    self.tablet.tablet_identify(badge="0499999999")
            with self.assertRaisesRegex(UserError, "Too many unknown badges"):
                self.tablet.tablet_identify(badge="0400000001")

    def test_badge_guesses_through_the_scan_are_limited(self):
        station = self.wc_cutting.id
        with freeze_time(fields.Datetime.now()):
            for attempt in range(5):
                with self.assertRaisesRegex(UserError, "No piece with the label"):
                    self.tablet.tablet_scan(station, f"04999999{attempt:02d}")
            # the scan no longer hands out a token for a badge
            with self.assertRaisesRegex(UserError, "Too many unknown badges"):
                self.tablet.tablet_scan(station, "0400000001")
            # but pieces' labels still open their cards
            order = self._confirmed_order()
            piece = self.env["mirror.piece"].search([("order_id", "=", order.id)])[0]
            card = self.tablet.tablet_scan(station, piece.barcode)
            self.assertEqual(card["piece"]["id"], piece.id)

    def test_shared_pin_counts_per_employee(self):
        twin = self.env["hr.employee"].create({"name": "Test twin", "pin": "4711"})
        with self.assertRaisesRegex(UserError, "several employees"):
            self.tablet.tablet_identify(pin="4711")
        with freeze_time(fields.Datetime.now()):
            for _attempt in range(5):
                self._wrong(employee_id=twin.id)
            self.assertEqual(self._counter(employee=twin).failures, 5)
            with self.assertRaisesRegex(UserError, "Too many wrong PINs"):
                self.tablet.tablet_identify(pin="4711", employee_id=twin.id)

    def test_bad_arguments_get_a_message(self):
        for kwargs in (
            {"pin": 4711},
            {"pin": ["4711"]},
            {"badge": {"code": 1}},
            {"pin": "4711", "employee_id": "1"},
        ):
            with self.assertRaisesRegex(UserError, "A PIN and a badge are texts"):
                self.tablet.tablet_identify(**kwargs)
        with self.assertRaisesRegex(UserError, "Enter your PIN"):
            self.tablet.tablet_identify(pin="  ")
        # an employee id of nobody is a wrong PIN, not a database error
        self._wrong(pin="4711", employee_id=999999999)


@tagged("post_install", "-at_install")
class TestTabletTokens(WorkshopCommon):
    def setUp(self):
        super().setUp()
        self.order = self._confirmed_order()
        self.piece = self.env["mirror.piece"].search(
            [("order_id", "=", self.order.id)]
        )[0]

    def _start(self, operator):
        return self._tablet().tablet_act(
            self.wc_cutting.id, self.piece.id, "start", operator
        )

    def test_token_expires_after_a_shift(self):
        self.company.mirror_tablet_shift_hours = 8
        now = fields.Datetime.now()
        with freeze_time(now):
            operator = self._login("4711")
            self.assertEqual(
                operator["idle_minutes"], self.company.mirror_tablet_idle_minutes
            )
        with freeze_time(now + datetime.timedelta(hours=7, minutes=59)):
            self._start(operator)
        with freeze_time(now + datetime.timedelta(hours=8, minutes=1)):
            with self.assertRaisesRegex(UserError, "Identify yourself first"):
                self._tablet().tablet_act(
                    self.wc_cutting.id, self.piece.id, "pause", operator
                )

    def test_pin_or_badge_change_and_sign_out_everywhere_end_the_token(self):
        for change in (
            lambda: self.cutter.write({"pin": "4712"}),
            lambda: self.cutter.write({"barcode": "0400000099"}),
            lambda: self.cutter.action_mirror_sign_out_everywhere(),
        ):
            operator = self._tablet().tablet_identify(badge=self.cutter.barcode)
            self._tablet().tablet_stations()
            change()
            with self.assertRaisesRegex(UserError, "Identify yourself first"):
                self._start(operator)
        # another employee's sign-in is untouched
        operator = self._login("5822")
        self.cutter.action_mirror_sign_out_everywhere()
        self._start(operator)

    def test_forged_tokens_are_refused(self):
        operator = self._login("4711")
        other_tablet = create_tablet_user(
            self.env, "test-tablet-3", name="Test tablet 3"
        )
        for forged in (
            {"id": self.cutter.id, "token": "x"},
            {"id": self.cutter.id, "token": operator["token"][:-2]},
            {"id": self.edger.id, "token": operator["token"]},
            {"id": self.cutter.id, "token": 12},
            {"id": self.cutter.id, "token": ["a"]},
            {"token": "AQ" + "A" * 60},
            "string",
            None,
        ):
            with self.assertRaisesRegex(UserError, "Identify yourself first"):
                self._start(forged)
        # another tablet account's token is not this one's
        with self.assertRaisesRegex(UserError, "Identify yourself first"):
            self._tablet(other_tablet).tablet_act(
                self.wc_cutting.id, self.piece.id, "start", operator
            )


@tagged("post_install", "-at_install")
class TestTabletCompanies(WorkshopCommon):
    def test_operators_see_and_act_on_their_company_only(self):
        order = self._confirmed_order()
        piece = self.env["mirror.piece"].search([("order_id", "=", order.id)])[0]
        other = self.env["res.company"].create({"name": "Test other glass shop"})
        station_b = self.env["mrp.workcenter"].create(
            {
                "name": "Test cutting table B",
                "company_id": other.id,
                "resource_calendar_id": other.resource_calendar_id.id,
            }
        )
        operator_b = create_tablet_user(
            self.env,
            "test-tablet-b",
            name="Test tablet B",
            company_id=other.id,
            company_ids=[Command.set(other.ids)],
        )
        tablet_b = self._tablet(operator_b)
        self.assertNotIn(
            self.wc_cutting.id, [row["id"] for row in tablet_b.tablet_stations()]
        )
        with self.assertRaisesRegex(UserError, "No piece with the label"):
            tablet_b.tablet_piece(station_b.id, piece.id)
        with self.assertRaisesRegex(UserError, "No piece with the label"):
            tablet_b.tablet_scan(station_b.id, piece.barcode)
        with self.assertRaisesRegex(UserError, "station no longer exists"):
            tablet_b.tablet_queue(self.wc_cutting.id)
        # asking for the other company in the context is refused
        hostile = tablet_b.with_context(allowed_company_ids=[self.company.id])
        with self.assertRaises(AccessError):
            hostile.tablet_piece(self.wc_cutting.id, piece.id)
        # the ORM's own rules: no piece, step or event of company A
        piece.action_start()
        for model, field in (
            ("mirror.piece", "id"),
            ("mirror.piece.step", "piece_id"),
            ("mirror.piece.event", "piece_id"),
        ):
            records = (
                self.env[model].with_user(operator_b).search([(field, "=", piece.id)])
            )
            self.assertFalse(records, model)


@tagged("post_install", "-at_install")
class TestTabletSteps(WorkshopCommon, CuttingCommon):
    def setUp(self):
        super().setUp()
        self.tablet = self._tablet()
        self.operator = self._login("4711")

    def _two_edge_steps_piece(self):
        """A cut piece with two edge steps at the edger: ground, then polished."""
        order = self._create_order(
            self._line_values(
                width=800,
                height=600,
                qty=1,
                glass_edge_bottom_id=self.edge_ground.id,
                glass_edge_top_id=self.edge_polished.id,
            )
        )
        order.action_confirm()
        piece = self.env["mirror.piece"].search([("order_id", "=", order.id)])
        piece.action_finish()  # cut
        edging = piece.step_ids.filtered(lambda s: s.workcenter_id == self.wc_edging)
        self.assertEqual(len(edging), 2)
        return piece, edging

    def test_done_carries_the_step_it_was_tapped_for(self):
        piece, edging = self._two_edge_steps_piece()
        card = self.tablet.tablet_piece(self.wc_edging.id, piece.id)
        self.assertEqual(card["step_id"], edging[0].id)
        self.tablet.tablet_act(
            self.wc_edging.id, piece.id, "done", self.operator, step_id=edging[0].id
        )
        # a second tap (or a second tablet) with the same card: refused, the
        # polishing is not finished without the work
        with self.assertRaisesRegex(UserError, "has moved on"):
            self.tablet.tablet_act(
                self.wc_edging.id, piece.id, "done", self.operator, step_id=edging[0].id
            )
        self.assertEqual(edging.mapped("state"), ["done", "waiting"])
        for bad in ("1", [edging[1].id], 0.5, 999999999):
            with self.assertRaisesRegex(UserError, "has moved on"):
                self.tablet.tablet_act(
                    self.wc_edging.id, piece.id, "start", self.operator, step_id=bad
                )
        self.tablet.tablet_act(
            self.wc_edging.id, piece.id, "done", self.operator, step_id=edging[1].id
        )
        self.assertEqual(edging.mapped("state"), ["done", "done"])

    def test_scanner_double_read_finishes_one_step(self):
        piece, edging = self._two_edge_steps_piece()
        now = fields.Datetime.now()
        with freeze_time(now) as frozen:
            first = self.tablet.tablet_scan(
                self.wc_edging.id, piece.barcode, self.operator, True
            )
            self.assertTrue(first["done"])
            frozen.tick(0.4)
            second = self.tablet.tablet_scan(
                self.wc_edging.id, piece.barcode, self.operator, True
            )
            self.assertTrue(second["repeated"])
            self.assertEqual(edging.mapped("state"), ["done", "waiting"])
            # a deliberate scan later finishes the next step
            frozen.tick(10)
            third = self.tablet.tablet_scan(
                self.wc_edging.id, piece.barcode, self.operator, True
            )
            self.assertTrue(third["done"])
            self.assertEqual(edging.mapped("state"), ["done", "done"])

    def test_a_plan_being_cut_cannot_be_dropped(self):
        self._stock(self.float_4, 2)
        order = self._order((1000, 500, 2), (600, 600, 1))
        pieces = self._pieces(order)
        batch = self.Batch.create(
            {"product_id": self.float_4.id, "piece_ids": pieces.ids}
        )
        batch.action_optimize()
        self._run_job(batch)
        self.assertEqual(batch.state, "planned")
        self.tablet.tablet_act(self.wc_cutting.id, pieces[0].id, "start", self.operator)
        for action in (
            batch.action_optimize,
            batch.action_reset_draft,
            batch.action_cancel,
            lambda: batch.write({"piece_ids": [Command.unlink(pieces[1].id)]}),
            batch.unlink,
        ):
            with self.assertRaisesRegex(UserError, "is being cut"):
                action()
        self.assertEqual(batch.state, "planned")
        self.assertTrue(batch.sheet_ids)
        # cutting the rest confirms it: the sheets leave stock
        before = self._on_hand(self.float_4)
        for piece in pieces:
            self.tablet.tablet_act(self.wc_cutting.id, piece.id, "done", self.operator)
        self.assertEqual(batch.state, "done")
        self.assertLess(self._on_hand(self.float_4), before)

    def test_tablet_confirmation_runs_the_planners_checks(self):
        self._stock(self.float_4, 2)
        order = self._order((1000, 500, 1))
        pieces = self._pieces(order)
        batch = self.Batch.create(
            {"product_id": self.float_4.id, "piece_ids": pieces.ids}
        )
        batch.action_optimize()
        self._run_job(batch)
        # the plan's remnant was taken elsewhere: the planner's check refuses
        remnant = self.Remnant.create(
            {
                "product_id": self.float_4.id,
                "width": 1200,
                "height": 800,
                "location_id": self.stock_location.id,
            }
        )
        batch.sheet_ids[0].remnant_id = remnant
        remnant.state = "used"
        self.tablet.tablet_act(self.wc_cutting.id, pieces.id, "done", self.operator)
        self.assertEqual(batch.state, "planned")
        self.assertIn("could not be confirmed", batch.message_ids[0].body)


@tagged("post_install", "-at_install")
class TestTabletLiveQueues(WorkshopCommon):
    def test_finishing_a_step_refreshes_the_next_station_too(self):
        order = self._confirmed_order()
        piece = self.env["mirror.piece"].search(
            [("order_id", "=", order.id), ("width", "=", 1000)], limit=1
        )
        operator = self._login("4711")
        self.env.cr.precommit.run()
        self.env["bus.bus"].search([]).unlink()
        self._tablet().tablet_act(self.wc_cutting.id, piece.id, "done", operator)
        self.env.cr.precommit.run()
        group = self.env.ref("mirror_production.group_mirror_operator")
        messages = self.env["bus.bus"].search(
            [("channel", "like", f'"res.groups",{group.id}]')]
        )
        self.assertTrue(messages)
        stations = set()
        for message in messages:
            payload = json.loads(message.message)["payload"]
            stations.update(payload["workcenter_ids"])
        # the cutting table's queue lost the piece, the edger's got it
        self.assertLessEqual({self.wc_cutting.id, self.wc_edging.id}, stations)


@tagged("post_install", "-at_install")
class TestTabletBadInput(WorkshopCommon):
    def test_wrong_types_get_a_message_not_a_traceback(self):
        order = self._confirmed_order()
        piece = self.env["mirror.piece"].search([("order_id", "=", order.id)])[0]
        tablet = self._tablet()
        operator = self._login("4711")
        station = self.wc_cutting.id
        for bad_station in ("1", [station], None, 1.5, 999999999):
            with self.assertRaisesRegex(UserError, "station no longer exists"):
                tablet.tablet_queue(bad_station)
        for bad_piece in ("1", [piece.id], None, 999999999):
            with self.assertRaisesRegex(UserError, "No piece with the label"):
                tablet.tablet_piece(station, bad_piece)
        with self.assertRaisesRegex(UserError, "No piece with the label"):
            tablet.tablet_piece(station, barcode=["P1"])
        with self.assertRaisesRegex(UserError, "Unknown action"):
            tablet.tablet_act(station, piece.id, ["start"], operator)
        with self.assertRaisesRegex(UserError, "Identify yourself first"):
            tablet.tablet_act(station, piece.id, "start", ["token"])
        with self.assertRaisesRegex(UserError, "Choose why the piece broke"):
            tablet.tablet_act(station, piece.id, "broken", operator, reason_id="1")
        for bad_code in (None, "", "   ", 12):
            with self.assertRaisesRegex(UserError, "empty code"):
                tablet.tablet_scan(station, bad_code, operator)
        # nothing was done to the piece
        self.assertEqual(piece.current_step_id.state, "waiting")
        self.assertFalse(piece.event_ids)
