# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models

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

    @api.depends("operation_id", "workcenter_id")
    def _compute_display_name(self):
        for step in self:
            step.display_name = step.operation_id.name or step.workcenter_id.name or ""

    def _action_start(self):
        self.write(
            {
                "state": "progress",
                "date_start": fields.Datetime.now(),
                "user_id": self.env.uid,
            }
        )
        workorders = self.workorder_id.filtered(
            lambda wo: wo.state in ("pending", "waiting", "ready")
        )
        if workorders:
            workorders.button_start()

    def _action_finish(self):
        self.write({"state": "done", "date_finished": fields.Datetime.now()})
        for workorder in self.workorder_id:
            if (
                workorder.mirror_piece_total
                and workorder.mirror_piece_done == workorder.mirror_piece_total
            ):
                if workorder.state == "progress":
                    workorder.button_finish()
