# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from bisect import bisect_left, bisect_right
from datetime import datetime, timedelta

from pytz import timezone

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare
from odoo.tools.translate import LazyTranslate

from odoo.addons.resource.models.utils import make_aware

from .mirror_operation import CATEGORY_SELECTION

# mrp.workcenter._get_first_available_slot looks 700 days ahead, 14 days at a time
SLOT_WINDOW = timedelta(days=14)
SLOT_WINDOWS = 50
# the planning's errors are Odoo's, in mrp's translations
_mrp_lt = LazyTranslate("mrp")


class WorkcenterCapacity:
    """What ``mrp.workcenter._get_first_available_slot`` sees of work centers.

    For each work order it plans, Odoo reads the work center's working time and
    the work orders planned on it for every 14-day window it looks at, and walks
    the queue with interval arithmetic over the whole window: an order of many
    lines costs queries and time that grow with the work orders already planned.
    This reads them once per work center and stretch of time, keeps the slots
    planned since in memory (as the leaves Odoo would have created), and answers
    the same windows with the same intervals, a conflict by bisection: the slots
    it finds are Odoo's.
    """

    LOAD = timedelta(days=28)  # read ahead of the window asked for

    def __init__(self, env):
        self.env = env
        self._loaded = {}  # workcenter id -> (start, stop) read
        self._work = {}  # workcenter id -> [(start, stop, attendances)], in order
        self._busy = {}  # workcenter id -> ([starts], [stops]), disjoint, in order

    def _read(self, workcenter, start, stop):
        calendar = workcenter.resource_calendar_id
        resource = workcenter.resource_id
        tz = timezone(calendar.tz)
        work = list(
            calendar._work_intervals_batch(start, stop, resources=resource, tz=tz)[
                resource.id
            ]
        )
        busy = calendar._leave_intervals_batch(
            start, stop, domain=[("time_type", "=", "other")], resources=resource, tz=tz
        )[resource.id]
        key = workcenter.id
        known = self._work.setdefault(key, [])
        if known and work and known[-1][1] == work[0][0] == start:
            work = self._stitch(known.pop(), work)
        elif known and work and work[-1][1] == known[0][0] == stop:
            known = self._stitch(work.pop(), known)
        self._work[key] = sorted(known + work, key=lambda item: item[0])
        for busy_start, busy_stop, _leaves in busy:
            self._add_busy(key, busy_start, busy_stop)

    @staticmethod
    def _stitch(before, after):
        """An attendance the edge of a stretch read cut in two is one interval,
        as when its window is read at once; two attendances that meet stay two."""
        first = after[0]
        if before[2] == first[2]:
            return [(before[0], first[1], before[2])] + after[1:]
        return [before] + after

    def _add_busy(self, key, start, stop):
        """Add a planned interval, merged with those it meets (as ``Intervals``)."""
        if start >= stop:
            return  # an empty interval is no interval
        starts, stops = self._busy.setdefault(key, ([], []))
        low = bisect_left(stops, start)  # first interval ending at or after start
        high = bisect_right(starts, stop)  # past the last starting at or before stop
        if low < high:
            start = min(start, starts[low])
            stop = max(stop, stops[high - 1])
        starts[low:high] = [start]
        stops[low:high] = [stop]

    def _window(self, workcenter, start, stop):
        """The working intervals from ``start`` to ``stop``, as Odoo reads them."""
        key = workcenter.id
        if key not in self._loaded:
            self._loaded[key] = (start, start)
        low, high = self._loaded[key]
        if start < low:
            self._read(workcenter, start, low)
            low = start
        if stop > high:
            self._read(workcenter, high, stop + self.LOAD)
            high = stop + self.LOAD
        self._loaded[key] = (low, high)
        work = self._work[key]
        first = bisect_right([item[1] for item in work], start)
        available = []
        for item_start, item_stop, attendances in work[first:]:
            if item_start >= stop:
                break
            available.append(
                (max(item_start, start), min(item_stop, stop), attendances)
            )
        return available

    def _conflict_end(self, workcenter, window_start, window_stop, start, stop):
        """Where the first planned interval met between ``start`` and ``stop`` ends,
        within the window (``(interval & workorder_intervals)._items[0]``), or
        None."""
        low = max(start, window_start)
        high = min(stop, window_stop)
        if low >= high:
            return None
        starts, stops = self._busy.get(workcenter.id, ((), ()))
        index = bisect_right(stops, low)
        if index < len(starts) and starts[index] < high:
            return min(stops[index], high)
        return None

    def first_slot(self, workcenter, start_datetime, duration):
        """``workcenter._get_first_available_slot(start_datetime, duration)``:
        the same loop (forward, no leave ignored), on the intervals read here."""
        start_datetime, revert = make_aware(start_datetime)
        remaining = duration
        start_interval = None
        for n in range(SLOT_WINDOWS):
            date_start = start_datetime + SLOT_WINDOW * n
            date_stop = date_start + SLOT_WINDOW
            for start, stop, _records in self._window(
                workcenter, date_start, date_stop
            ):
                start_interval = start_interval or start
                interval_minutes = (stop - start).total_seconds() / 60
                while True:
                    interval_start = start_interval or start
                    interval_stop = start + timedelta(
                        minutes=min(remaining, interval_minutes)
                    )
                    if interval_start >= interval_stop:
                        break
                    conflict_end = self._conflict_end(
                        workcenter, date_start, date_stop, interval_start, interval_stop
                    )
                    if conflict_end is None:
                        break
                    # restart the available interval at the conflict's end
                    start = conflict_end
                    interval_minutes = (stop - start).total_seconds() / 60
                    start_interval = start if interval_minutes else None
                    remaining = duration
                if float_compare(interval_minutes, remaining, precision_digits=3) >= 0:
                    return revert(start_interval), revert(
                        start + timedelta(minutes=remaining)
                    )
                remaining -= interval_minutes
        return False, "No available slot 700 days after the planned start"

    def reserve(self, workcenter, date_from, date_to):
        """A work order planned on ``workcenter`` (naive UTC datetimes, as the
        leave Odoo creates for it stores them)."""
        start, stop = make_aware(date_from)[0], make_aware(date_to)[0]
        tz = timezone(workcenter.resource_calendar_id.tz)
        self._add_busy(workcenter.id, start.astimezone(tz), stop.astimezone(tz))


class MrpWorkorder(models.Model):
    _inherit = "mrp.workorder"

    mirror_operation_id = fields.Many2one(
        "mirror.operation", "Glass operation", index=True
    )
    mirror_stage = fields.Selection(CATEGORY_SELECTION, "Stage")
    mirror_subcontracted = fields.Boolean("External", readonly=True)
    mirror_subcontractor_id = fields.Many2one(
        "res.partner", "Subcontractor", readonly=True
    )
    mirror_transport_cost = fields.Float(
        "Transport cost", readonly=True, help="For all the pieces of the work order."
    )
    mirror_lead_days = fields.Integer("Subcontractor lead days", readonly=True)
    mirror_step_ids = fields.One2many(
        "mirror.piece.step", "workorder_id", "Piece steps"
    )
    mirror_piece_done = fields.Integer(
        "Pieces done", compute="_compute_mirror_progress"
    )
    mirror_piece_total = fields.Integer("Pieces", compute="_compute_mirror_progress")
    mirror_progress = fields.Float(
        "Pieces progress (%)", compute="_compute_mirror_progress", digits=(5, 1)
    )

    @api.depends("mirror_step_ids.state")
    def _compute_mirror_progress(self):
        counts = {
            (workorder.id, state): count
            for workorder, state, count in self.env["mirror.piece.step"]._read_group(
                [("workorder_id", "in", self.ids), ("state", "!=", "cancel")],
                ["workorder_id", "state"],
                ["__count"],
            )
        }
        for workorder in self:
            done = counts.get((workorder.id, "done"), 0)
            total = done + sum(
                counts.get((workorder.id, state), 0)
                for state in ("waiting", "progress")
            )
            workorder.mirror_piece_done = done
            workorder.mirror_piece_total = total
            workorder.mirror_progress = 100.0 * done / total if total else 0.0

    def _mirror_plan(self, capacity, planned):
        """``_plan_workorder()`` (not a replan) on ``capacity``, in memory.

        The same steps as Odoo's: the predecessors first, then the work center or
        alternative that finishes first; the slot goes into ``planned`` (work order
        -> its planning values and dates) instead of a leave and a write, which
        ``mrp.production._mirror_plan_workorders`` does for all at once.
        """
        self.ensure_one()
        date_start = max(self.production_id.date_start, datetime.now())
        for workorder in self.blocked_by_workorder_ids:
            workorder._mirror_plan(capacity, planned)
            finished = (
                planned[workorder]["date_to"]
                if workorder in planned
                else workorder.date_finished
            )
            if finished and finished > date_start:
                date_start = finished
        if self.state not in ("pending", "waiting", "ready"):
            return
        if self.leave_id or self in planned:
            return
        workcenters = self.workcenter_id | self.workcenter_id.alternative_workcenter_ids
        best_date_finished = datetime.max
        best = None
        for workcenter in workcenters:
            if not workcenter.resource_calendar_id:
                raise UserError(
                    self.env._(
                        _mrp_lt(
                            "There is no defined calendar on workcenter %s.",
                            workcenter.name,
                        )
                    )
                )
            if self.workcenter_id == workcenter:
                duration_expected = self.duration_expected
            else:
                duration_expected = self._get_duration_expected(
                    alternative_workcenter=workcenter
                )
            from_date, to_date = capacity.first_slot(
                workcenter, date_start, duration_expected
            )
            if not from_date:
                continue
            if to_date and to_date < best_date_finished:
                best_date_finished = to_date
                best = {
                    "workcenter": workcenter,
                    "duration_expected": duration_expected,
                    "date_from": from_date,
                    "date_to": to_date,
                }
        if best is None:
            raise UserError(
                self.env._(
                    _mrp_lt(
                        "Impossible to plan the workorder. Please check the "
                        "workcenter availabilities."
                    )
                )
            )
        capacity.reserve(best["workcenter"], best["date_from"], best["date_to"])
        planned[self] = best
