# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The suite's planning of work orders is Odoo's.

``mrp.production._mirror_plan_workorders`` (with ``WorkcenterCapacity``) plans the
work orders of just confirmed orders in one go; Odoo's ``button_plan`` plans them
one after the other with ``mrp.workcenter._get_first_available_slot``. Each test
builds a situation, plans the same manufacturing orders with the suite's planner,
records everything the planning wrote (work centers, dates, durations, the MOs'
dates and every planned leave on the work centers), rolls back to a savepoint,
plans them again with Odoo's planner and asserts that both wrote the same.
"""

from datetime import datetime, timedelta
from unittest.mock import patch

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.mirror_production.models.mrp_workorder import WorkcenterCapacity

from .test_production import ProductionCommon

# a Thursday morning (UTC), in the working hours, with seconds so that slots fall
# off the whole minutes; the 14-day windows then cross Monday 9 March (a public
# holiday in Moscow), the switch to summer time in New York (8 March) and in
# Brussels (29 March)
NOW = "2026-03-05 09:47:13"
NOW_DT = datetime(2026, 3, 5, 9, 47, 13)


@tagged("post_install", "-at_install")
class TestPlanning(ProductionCommon):
    maxDiff = None

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Calendar = cls.env["resource.calendar"]
        # the default attendances: Monday to Friday 8-12 and 13-17
        cls.calendar_brussels = Calendar.create(
            {
                "name": "Test Brussels 40 hours",
                "tz": "Europe/Brussels",
                "company_id": cls.company.id,
            }
        )
        cls.calendar_moscow = Calendar.create(
            {
                "name": "Test Moscow 40 hours",
                "tz": "Europe/Moscow",
                "company_id": cls.company.id,
            }
        )
        # 8 March falls on a Sunday in 2026: Monday 9 March is off, all day
        cls.holiday = cls.env["resource.calendar.leaves"].create(
            {
                "name": "Test International Women's Day (moved)",
                "calendar_id": cls.calendar_moscow.id,
                "date_from": "2026-03-08 21:00:00",  # 9 March 00:00 in Moscow
                "date_to": "2026-03-09 20:59:59",
                "time_type": "leave",
            }
        )
        cls.calendar_24_7 = Calendar.create(
            {
                "name": "Test round the clock",
                "tz": "Asia/Yekaterinburg",
                "company_id": cls.company.id,
                "attendance_ids": [
                    Command.create(
                        {
                            "name": f"Day {day}",
                            "dayofweek": str(day),
                            "hour_from": 0,
                            "hour_to": 24,
                            "day_period": "morning",
                        }
                    )
                    for day in range(7)
                ],
            }
        )
        cls.calendar_24_5 = Calendar.create(
            {
                "name": "Test 24 hours on weekdays",
                "tz": "America/New_York",
                "company_id": cls.company.id,
                "attendance_ids": [
                    Command.create(
                        {
                            "name": f"Day {day}",
                            "dayofweek": str(day),
                            "hour_from": 0,
                            "hour_to": 24,
                            "day_period": "morning",
                        }
                    )
                    for day in range(5)
                ],
            }
        )
        cls.workcenters = (
            cls.wc_cutting
            | cls.wc_edging
            | cls.wc_drilling
            | cls.wc_furnace
            | cls.wc_packing
        )

    # ------------------------------------------------------------------ helpers

    def _order(self, *lines, **values):
        order = self._create_order(*lines)
        if values:
            order.write(values)
        return order

    def _confirm(self, *orders, plan=False):
        """Confirm ``orders``; their MOs stay unplanned unless ``plan`` (then the
        suite plans them, as a confirmation does)."""
        for order in orders:
            if plan:
                order.action_confirm()
            else:
                order.with_context(mirror_planning=True).action_confirm()
        productions = self._productions(*orders)
        self.assertTrue(productions.workorder_ids)
        if not plan:
            self.assertFalse(productions.workorder_ids.leave_id)
            self.assertFalse(any(productions.mapped("is_planned")))
        return productions

    def _productions(self, *orders):
        return self.env["mrp.production"].search(
            [("sale_line_id.order_id", "in", [order.id for order in orders])],
            order="id",
        )

    def _lines(self, count, **values):
        """``count`` glass lines of different sizes: edges, holes, tempering,
        packing (five work orders each)."""
        return [
            self._line_values(
                width=400 + 150 * index,
                height=300 + 70 * index,
                qty=1 + index % 3,
                glass_edge_all_id=(self.edge_ground, self.edge_polished)[index % 2].id,
                glass_hole_ids=[
                    Command.create({"diameter": 8, "x": 100, "y": 100}),
                    Command.create({"diameter": 8, "x": 200, "y": 100}),
                ],
                glass_operation_ids=[Command.set((self.packing | self.tempering).ids)],
                **values,
            )
            for index in range(count)
        ]

    def _resources(self):
        workcenters = self.env["mrp.workcenter"].search([("name", "=like", "Test %")])
        return workcenters.resource_id

    def _planning(self, productions, key=None):
        """What a planning wrote: each work order's work center, dates, duration,
        leave; each MO's dates; every planned leave on the test work centers."""
        self.env.flush_all()
        self.env.invalidate_all()
        key = key or (lambda workorder: workorder.production_id.name)
        # the MOs' names (in the leaves' names) are not rolled back: by their key
        renames = [
            (production.name, f"MO {key(production.workorder_ids[:1])}")
            for production in productions
        ]

        def rename(name):
            for old, new in renames:
                name = (name or "").replace(old, new)
            return name

        workorders = [
            (
                key(workorder),
                workorder.sequence,
                workorder.name,
                workorder.workcenter_id.name,
                workorder.duration_expected,
                workorder.date_start,
                workorder.date_finished,
                workorder.state,
                workorder.leave_id.date_from,
                workorder.leave_id.date_to,
                workorder.leave_id.resource_id.name,
                workorder.leave_id.calendar_id.name,
                workorder.leave_id.time_type,
                rename(workorder.leave_id.name),
            )
            for workorder in productions.workorder_ids
        ]
        mos = [
            (
                key(production.workorder_ids[:1]),
                production.date_start,
                production.date_finished,
                production.is_planned,
            )
            for production in productions
        ]
        leaves = sorted(
            (
                leave.date_from,
                leave.date_to,
                leave.resource_id.name or "",
                leave.calendar_id.name or "",
                leave.time_type,
                rename(leave.name),
            )
            for leave in self.env["resource.calendar.leaves"].search(
                [("resource_id", "in", self._resources().ids)]
            )
        )
        return {"workorders": sorted(workorders), "mos": sorted(mos), "leaves": leaves}

    def _spies(self):
        """Count the calls of Odoo's slot search and of the suite's."""
        Workcenter = type(self.env["mrp.workcenter"])
        odoo_slot = Workcenter._get_first_available_slot
        mirror_slot = WorkcenterCapacity.first_slot
        calls = {"odoo": 0, "mirror": 0}

        def odoo_spy(workcenter, *args, **kwargs):
            calls["odoo"] += 1
            return odoo_slot(workcenter, *args, **kwargs)

        def mirror_spy(capacity, *args, **kwargs):
            calls["mirror"] += 1
            return mirror_slot(capacity, *args, **kwargs)

        patches = (
            patch.object(Workcenter, "_get_first_available_slot", odoo_spy),
            patch.object(WorkcenterCapacity, "first_slot", mirror_spy),
        )
        return calls, patches

    def _plan_both(self, mirror_plan, odoo_plan, record):
        """Run ``mirror_plan`` and record, roll back, run ``odoo_plan`` and
        record: (the suite's planning, Odoo's)."""
        plans = []
        for plan, planner in ((mirror_plan, "mirror"), (odoo_plan, "odoo")):
            with self.env.cr.savepoint() as savepoint:
                calls, patches = self._spies()
                with patches[0], patches[1]:
                    plan()
                self.assertTrue(calls[planner], f"{planner} planned nothing")
                other = "odoo" if planner == "mirror" else "mirror"
                self.assertFalse(calls[other], f"{other}'s planner ran")
                plans.append(record())
                if planner == "mirror":
                    savepoint.rollback()
            self.env.invalidate_all()
        return plans

    def assertSamePlanning(self, productions):
        """Plan ``productions`` with the suite's planner, then (rolled back) with
        Odoo's ``button_plan``: the same work centers, slots, durations, leaves.
        Returns Odoo's planning (which stays)."""
        before = self._planning(productions)

        def mirror_plan():
            productions.with_context(mirror_planning=True)._mirror_plan_workorders()

        def odoo_plan():
            # confirmed orders: button_plan confirms nothing, our planning is not
            # called (and the context says so again)
            productions.with_context(mirror_planning=True).button_plan()

        mirror, odoo = self._plan_both(
            mirror_plan, odoo_plan, lambda: self._planning(productions)
        )
        self.assertNotEqual(mirror, before, "the suite's planner planned nothing")
        self.assertTrue(all(wo[8] for wo in odoo["workorders"]), "all planned")
        self.assertEqual(mirror["workorders"], odoo["workorders"])
        self.assertEqual(mirror["mos"], odoo["mos"])
        self.assertEqual(mirror["leaves"], odoo["leaves"])
        return odoo

    def _slots(self, workcenter):
        leaves = self.env["resource.calendar.leaves"].search(
            [("resource_id", "=", workcenter.resource_id.id)], order="date_from"
        )
        return [(leave.date_from, leave.date_to) for leave in leaves]

    # ---------------------------------------------------------------- scenarios

    @freeze_time(NOW)
    def test_empty_workcenters(self):
        """(a) Nothing planned yet: an order of three lines on empty work centers."""
        self.assertFalse(
            self.env["resource.calendar.leaves"].search_count(
                [("resource_id", "in", self.workcenters.resource_id.ids)]
            )
        )
        productions = self._confirm(self._order(*self._lines(3)))
        odoo = self.assertSamePlanning(productions)
        self.assertEqual(len(odoo["workorders"]), 15)
        # planned from now on, in the technological order
        self.assertGreaterEqual(min(wo[5] for wo in odoo["workorders"]), NOW_DT)

    @freeze_time(NOW)
    def test_loaded_workcenters(self):
        """(b) Work centers already loaded: dozens of work orders planned for other
        confirmed orders, with gaps (unplanned orders, a maintenance slot) the new
        work orders may or may not fit in, and the drill off for a day."""
        # edges of some length: the edger's queue lasts two days
        self.edge_ground.time_norm = 12
        self.edge_polished.time_norm = 15
        loads = [self._order(*self._lines(4)) for _index in range(3)]
        loaded = self._confirm(*loads, plan=True)
        self.assertTrue(all(loaded.mapped("is_planned")))
        # holes in the queue: every third loaded MO unplanned
        loaded.filtered(lambda mo: loaded.ids.index(mo.id) % 3 == 1).button_unplan()
        Leave = self.env["resource.calendar.leaves"]
        Leave.create(
            {
                "name": "Test edger maintenance",
                "calendar_id": self.wc_edging.resource_calendar_id.id,
                "resource_id": self.wc_edging.resource_id.id,
                "date_from": NOW_DT + timedelta(hours=3, minutes=5),
                "date_to": NOW_DT + timedelta(hours=4, minutes=35),
                "time_type": "other",
            }
        )
        Leave.create(
            {
                "name": "Test drill repair",
                "calendar_id": self.wc_drilling.resource_calendar_id.id,
                "resource_id": self.wc_drilling.resource_id.id,
                "date_from": datetime(2026, 3, 5, 11, 30),
                "date_to": datetime(2026, 3, 6, 12, 0),
                "time_type": "leave",
            }
        )
        planned = self.env["mrp.workorder"].search_count(
            [("workcenter_id", "in", self.workcenters.ids), ("leave_id", "!=", False)]
        )
        self.assertGreaterEqual(planned, 36)
        productions = self._confirm(
            self._order(*self._lines(3)), self._order(*self._lines(2))
        )
        odoo = self.assertSamePlanning(productions)
        # the new work orders also filled gaps between the planned ones
        new_leaves = productions.workorder_ids.leave_id
        filled = [
            leave
            for leave in new_leaves
            if any(
                other.date_from >= leave.date_to
                for other in loaded.workorder_ids.leave_id
                if other.resource_id == leave.resource_id
            )
        ]
        self.assertTrue(filled, "no new work order went into a gap")
        self.assertEqual(len(odoo["workorders"]), 25)

    @freeze_time(NOW)
    def test_other_calendars(self):
        """(c) The edger works on Moscow time and is off on a public holiday in the
        window, the furnace works round the clock, the packing 24 hours on
        weekdays in New York (summer time from 8 March)."""
        self.wc_edging.resource_calendar_id = self.calendar_moscow
        self.wc_furnace.resource_calendar_id = self.calendar_24_7
        self.wc_packing.resource_calendar_id = self.calendar_24_5
        # the edges take long: the edger's queue goes over the holiday
        self.edge_ground.time_norm = 60
        self.edge_polished.time_norm = 70
        productions = self._confirm(self._order(*self._lines(5)))
        self.assertSamePlanning(productions)
        holiday = (self.holiday.date_from, self.holiday.date_to)
        edger = self._slots(self.wc_edging)
        # no work on the holiday: no slot starts or ends in it (a slot may span
        # it, as it spans nights and weekends), the queue goes on after it
        self.assertFalse(
            [
                (start, stop)
                for start, stop in edger
                if holiday[0] <= start < holiday[1] or holiday[0] < stop <= holiday[1]
            ]
        )
        self.assertGreater(edger[-1][1], holiday[1])
        # round the clock: the furnace takes each piece as soon as it is drilled
        furnace = productions.workorder_ids.filtered(
            lambda wo: wo.workcenter_id == self.wc_furnace
        ).sorted("date_start")
        self.assertEqual(
            furnace[0].date_start, furnace[0].blocked_by_workorder_ids.date_finished
        )
        self.assertTrue(self._slots(self.wc_packing))

    @freeze_time(NOW)
    def test_alternative_workcenters(self):
        """(d) The edger and the drill have alternatives, on other calendars: the
        main work center is loaded, the alternatives win some work orders."""
        Workcenter = self.env["mrp.workcenter"]
        edging_alt = Workcenter.create(
            {
                "name": "Test edger 2",
                "resource_calendar_id": self.calendar_moscow.id,
                "time_start": 3,
                "time_stop": 2,
            }
        )
        drilling_alt = Workcenter.create(
            {"name": "Test drill 2", "resource_calendar_id": self.calendar_24_5.id}
        )
        drilling_alt_2 = Workcenter.create(
            {
                "name": "Test drill 3",
                "resource_calendar_id": self.calendar_brussels.id,
                "time_efficiency": 80,
            }
        )
        # out of order for longer than the 700 days looked at: never a slot
        drilling_broken = Workcenter.create(
            {"name": "Test drill 4", "resource_calendar_id": self.calendar_brussels.id}
        )
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Test drill 4 out of order",
                "calendar_id": self.calendar_brussels.id,
                "resource_id": drilling_broken.resource_id.id,
                "date_from": datetime(2026, 3, 1),
                "date_to": datetime(2028, 12, 31),
                "time_type": "leave",
            }
        )
        # a set-up time longer than the drilling itself: on an alternative, Odoo's
        # duration is the set-up time; the main drill is busy until tomorrow noon
        self.wc_drilling.time_start = 20
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Test drill busy",
                "calendar_id": self.wc_drilling.resource_calendar_id.id,
                "resource_id": self.wc_drilling.resource_id.id,
                "date_from": NOW_DT,
                "date_to": datetime(2026, 3, 6, 11, 0),
                "time_type": "other",
            }
        )
        # a twin of the packing table: same hours, the first to finish (the
        # main one when both would finish at the same time)
        packing_twin = Workcenter.create(
            {
                "name": "Test packing twin",
                "resource_calendar_id": self.wc_packing.resource_calendar_id.id,
            }
        )
        self.wc_packing.alternative_workcenter_ids = packing_twin
        self.wc_edging.alternative_workcenter_ids = edging_alt
        self.wc_drilling.alternative_workcenter_ids = (
            drilling_alt | drilling_alt_2 | drilling_broken
        )
        self._confirm(self._order(*self._lines(4)), plan=True)  # a load
        productions = self._confirm(self._order(*self._lines(5)))
        odoo = self.assertSamePlanning(productions)
        centers = {wo[3] for wo in odoo["workorders"]}
        self.assertIn("Test edger 2", centers, "the alternative edger won none")
        self.assertIn(self.wc_edging.name, centers)
        self.assertTrue(centers & {"Test drill 2", "Test drill 3"})
        self.assertNotIn("Test drill 4", centers)
        self.assertIn("Test packing twin", centers)
        self.assertIn(self.wc_packing.name, centers)
        self.assertIn(
            20.0,
            [
                wo[4]
                for wo in odoo["workorders"]
                if wo[3] in ("Test drill 2", "Test drill 3")
            ],
        )

    @freeze_time(NOW)
    def test_long_workorders(self):
        """(e) Tempering for days: work orders of several working days, one
        longer than a 14-day window (and over the change to summer time), the
        next work orders queued after them."""
        self.wc_furnace.resource_calendar_id = self.calendar_brussels
        self.wc_packing.resource_calendar_id = self.calendar_24_5
        self.tempering.time_norm = 4500  # minutes per m²
        productions = self._confirm(
            self._order(
                self._line_values(
                    width=1000,
                    height=500,
                    qty=3,  # 1.5 m²: 6750 minutes, 14 working days
                    glass_edge_all_id=self.edge_ground.id,
                    glass_operation_ids=[
                        Command.set((self.packing | self.tempering).ids)
                    ],
                ),
                *self._lines(2),
            )
        )
        durations = productions.workorder_ids.mapped("duration_expected")
        self.assertGreater(max(durations), 10 * 8 * 60)  # 10 working days
        self.assertSamePlanning(productions)
        furnace = self._slots(self.wc_furnace)
        self.assertGreater(max(stop - start for start, stop in furnace), timedelta(14))
        self.assertGreater(furnace[-1][1], datetime(2026, 3, 29))

    @freeze_time(NOW)
    def test_queue_beyond_read_ahead(self):
        """(e) A queue of many days' work on a 24-hour weekday calendar (weekends,
        summer time in New York): the slots go on well beyond what the suite's
        planner reads at once (a 14-day window and its read-ahead)."""
        self.wc_packing.resource_calendar_id = self.calendar_24_5
        self.packing.time_setup = 9000  # 6¼ days round the clock, per line
        productions = self._confirm(self._order(*self._lines(6)))
        self.assertSamePlanning(productions)
        packing = self._slots(self.wc_packing)
        self.assertEqual(len(packing), 6)
        self.assertGreater(
            packing[-1][0] - packing[0][0],
            WorkcenterCapacity.LOAD + timedelta(days=14),
        )

    @freeze_time(NOW)
    def test_several_orders_together(self):
        """(f) The MOs of many lines of two orders, one of them due later (its MOs
        start in ten days), planned in one go."""
        later = self._order(
            *self._lines(3), commitment_date=NOW_DT + timedelta(days=10)
        )
        sooner = self._order(*self._lines(6))
        productions = self._confirm(later, sooner)
        starts = self._productions(later).mapped("date_start")
        self.assertGreater(min(starts), NOW_DT + timedelta(days=5))
        odoo = self.assertSamePlanning(productions)
        self.assertEqual(len(odoo["workorders"]), 45)

    @freeze_time(NOW)
    def test_order_confirmation(self):
        """(f) The entry point: confirming an order of several lines plans its MOs
        with the suite's planner; confirming it without and planning with
        ``button_plan`` gives the same planning (on loaded work centers)."""
        self._confirm(self._order(*self._lines(3)), plan=True)
        order = self._order(
            *self._lines(5),
            self._line_values(width=600, height=600, qty=2),  # cutting only
            {"product_id": self.service.id, "product_uom_qty": 1},
        )
        lines = order.order_line

        def key(workorder):
            return lines.ids.index(workorder.production_id.sale_line_id.id)

        def odoo_plan():
            self._confirm(order).with_context(mirror_planning=True).button_plan()

        mirror, odoo = self._plan_both(
            lambda: self._confirm(order, plan=True),
            odoo_plan,
            lambda: self._planning(self._productions(order), key=key),
        )
        self.assertEqual(len(odoo["workorders"]), 26)
        self.assertTrue(all(wo[8] for wo in odoo["workorders"]))
        self.assertEqual(mirror["workorders"], odoo["workorders"])
        self.assertEqual(mirror["mos"], odoo["mos"])
        self.assertEqual(mirror["leaves"], odoo["leaves"])

    @freeze_time(NOW)
    def test_flexible_hours_fall_back_to_odoo(self):
        """A work center (here an alternative) on flexible hours: the confirmation
        plans with Odoo's own planner, and does plan."""
        flexible = self.env["resource.calendar"].create(
            {
                "name": "Test flexible hours",
                "tz": "Europe/Brussels",
                "company_id": self.company.id,
                "flexible_hours": True,
                "hours_per_day": 8,
                "full_time_required_hours": 40,
            }
        )
        packing_alt = self.env["mrp.workcenter"].create(
            {"name": "Test packing 2", "resource_calendar_id": flexible.id}
        )
        self.wc_packing.alternative_workcenter_ids = packing_alt
        self.assertTrue(packing_alt.resource_id._is_flexible())
        order = self._order(*self._lines(3))
        lines = order.order_line

        def key(workorder):
            return lines.ids.index(workorder.production_id.sale_line_id.id)

        plans = []
        for fallback in (True, False):
            with self.env.cr.savepoint() as savepoint:
                calls, patches = self._spies()
                with patches[0], patches[1]:
                    if fallback:  # the confirmation plans, with Odoo's planner
                        productions = self._confirm(order, plan=True)
                    else:  # Odoo's planner, called directly
                        productions = self._confirm(order)
                        productions.with_context(mirror_planning=True).button_plan()
                self.assertFalse(calls["mirror"])
                self.assertTrue(calls["odoo"])
                self.assertTrue(all(productions.mapped("is_planned")))
                self.assertTrue(all(productions.workorder_ids.mapped("leave_id")))
                plans.append(self._planning(productions, key=key))
                savepoint.rollback()
            self.env.invalidate_all()
        self.assertEqual(plans[0], plans[1])

    @freeze_time(NOW)
    def test_same_errors(self):
        """A work center without working hours, or without working time within
        700 days: Odoo's messages."""
        productions = self._confirm(self._order(*self._lines(2)))
        out_of_order = {
            "name": "Test furnace out of order",
            "calendar_id": self.wc_furnace.resource_calendar_id.id,
            "resource_id": self.wc_furnace.resource_id.id,
            "date_from": datetime(2026, 3, 1),
            "date_to": datetime(2028, 12, 31),
            "time_type": "leave",
        }
        situations = (
            (
                lambda: self.env["resource.calendar.leaves"].create(out_of_order),
                "Impossible to plan the workorder",
            ),
            (
                lambda: self.wc_packing.write({"resource_calendar_id": False}),
                "There is no defined calendar on workcenter Test packing.",
            ),
        )
        for make, expected in situations:
            with self.env.cr.savepoint() as situation:
                make()
                messages = []
                for plan in (
                    productions.with_context(
                        mirror_planning=True
                    )._mirror_plan_workorders,
                    productions.with_context(mirror_planning=True).button_plan,
                ):
                    with self.assertRaises(UserError) as error, self.env.cr.savepoint():
                        plan()
                    messages.append(str(error.exception))
                    self.env.invalidate_all()
                self.assertEqual(messages[0], messages[1])
                self.assertIn(expected, messages[0])
                situation.rollback()
            self.env.invalidate_all()
