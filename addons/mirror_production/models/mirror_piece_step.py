# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models

from ..locking import serialize_on

STEP_STATES = [
    ("waiting", "Waiting"),
    ("progress", "In progress"),
    ("done", "Done"),
    ("cancel", "Cancelled"),
]


class MirrorPieceStep(models.Model):
    _name = "mirror.piece.step"
    _description = "Step of a Glass Piece's Route"
    _order = "piece_id, sequence, id"

    piece_id = fields.Many2one(
        "mirror.piece", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    workorder_id = fields.Many2one("mrp.workorder", "Work order", index=True)
    operation_id = fields.Many2one("mirror.operation")
    stage = fields.Selection(related="workorder_id.mirror_stage", store=True)
    workcenter_id = fields.Many2one(related="workorder_id.workcenter_id", store=True)
    state = fields.Selection(STEP_STATES, default="waiting", required=True, index=True)
    date_start = fields.Datetime("Started", readonly=True)
    date_finished = fields.Datetime("Finished", readonly=True)
    user_id = fields.Many2one("res.users", "Operator", readonly=True)
    employee_id = fields.Many2one(
        "hr.employee",
        "Worker",
        readonly=True,
        help="The employee who last started, paused or finished the step on the "
        "workshop tablet.",
    )
    paused = fields.Boolean(readonly=True)
    date_resumed = fields.Datetime(readonly=True)
    duration = fields.Float(
        "Work time (min)", readonly=True, digits=(10, 1), help="Time in progress."
    )

    @api.depends("operation_id", "workcenter_id")
    def _compute_display_name(self):
        for step in self:
            step.display_name = step.operation_id.name or step.workcenter_id.name or ""

    @api.model_create_multi
    def create(self, vals_list):
        steps = super().create(vals_list)
        steps._mirror_notify_workshop()
        return steps

    def write(self, vals):
        stations = self.workcenter_id if "workorder_id" in vals else None
        res = super().write(vals)
        if {"state", "paused", "workorder_id"} & set(vals):
            self._mirror_notify_workshop(stations)
        return res

    def _mirror_notify_workshop(self, stations=None):
        """Tell the workshop tablets which stations' queues changed (the
        operators' and the production users' groups, through the bus)."""
        stations = (stations or self.env["mrp.workcenter"]) | self.workcenter_id
        if not stations:
            return
        # one message per transaction, with every station it changed
        precommit = self.env.cr.precommit
        pending = precommit.data.setdefault("mirror.workshop.stations", set())
        if not pending:
            env = self.env

            @precommit.add
            def send():
                message = {
                    "workcenter_ids": sorted(
                        precommit.data.pop("mirror.workshop.stations", ())
                    )
                }
                for xmlid in (
                    "mirror_production.group_mirror_operator",
                    "mrp.group_mrp_user",
                ):
                    group = env.ref(xmlid, raise_if_not_found=False)
                    if group:
                        env["bus.bus"]._sendone(group, "mirror_workshop/queue", message)

        pending.update(stations.ids)

    def _mirror_employee(self):
        """The employee doing the step: the tablet's operator (in the context)."""
        employee_id = self.env.context.get("mirror_employee_id")
        return self.env["hr.employee"].browse(employee_id or [])

    def _mirror_log(self, action, **values):
        now = fields.Datetime.now()
        employee = self._mirror_employee()
        self.env["mirror.piece.event"].sudo().create(
            [
                {
                    "piece_id": step.piece_id.id,
                    "step_id": step.id,
                    "workcenter_id": step.workcenter_id.id,
                    "action": action,
                    "employee_id": employee.id,
                    "user_id": self.env.uid,
                    "date": now,
                    **values,
                }
                for step in self
            ]
        )

    def _mirror_worked(self, now):
        """Minutes in progress since the step was last started or resumed."""
        self.ensure_one()
        if self.state != "progress" or not self.date_resumed:
            return self.duration
        return self.duration + (now - self.date_resumed).total_seconds() / 60.0

    def _action_start(self):
        serialize_on(self.workorder_id)
        now = fields.Datetime.now()
        employee = self._mirror_employee()
        for step in self:
            step.write(
                {
                    "state": "progress",
                    "date_start": step.date_start or now,
                    "date_resumed": now,
                    "paused": False,
                    "user_id": self.env.uid,
                    "employee_id": employee.id or step.employee_id.id,
                }
            )
        self._mirror_log("start")
        workorders = self.workorder_id.filtered(
            lambda wo: wo.state in ("pending", "waiting", "ready")
        )
        if workorders:
            workorders.button_start()

    def _action_pause(self):
        """Back in the queue, the time worked so far kept."""
        now = fields.Datetime.now()
        employee = self._mirror_employee()
        started = self.filtered(lambda step: step.state == "progress")
        for step in started:
            step.write(
                {
                    "state": "waiting",
                    "paused": True,
                    "duration": step._mirror_worked(now),
                    "employee_id": employee.id or step.employee_id.id,
                }
            )
        started._mirror_log("pause")

    def _action_finish(self):
        # the last two pieces of a work order may finish at the same moment
        serialize_on(self.workorder_id)
        now = fields.Datetime.now()
        employee = self._mirror_employee()
        for step in self:
            step.write(
                {
                    "state": "done",
                    "date_finished": now,
                    "paused": False,
                    "duration": step._mirror_worked(now),
                    "user_id": self.env.uid,
                    "employee_id": employee.id or step.employee_id.id,
                }
            )
        self._mirror_log("done")
        # the next steps' stations get these pieces in their queues
        self.piece_id.current_step_id._mirror_notify_workshop()
        for workorder in self.workorder_id:
            if (
                workorder.mirror_piece_total
                and workorder.mirror_piece_done == workorder.mirror_piece_total
            ):
                if workorder.state == "progress":
                    workorder.button_finish()
