# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models

EVENT_ACTIONS = [
    ("start", "Started"),
    ("pause", "Paused"),
    ("done", "Done"),
    ("broken", "Broken"),
]


class MirrorPieceEvent(models.Model):
    """Who did what to a piece, and when: the shop floor's track record."""

    _name = "mirror.piece.event"
    _description = "Glass Piece Event"
    _order = "date desc, id desc"
    _rec_name = "action"

    piece_id = fields.Many2one(
        "mirror.piece", required=True, ondelete="cascade", index=True
    )
    step_id = fields.Many2one("mirror.piece.step", ondelete="set null")
    workcenter_id = fields.Many2one("mrp.workcenter", "Station", index=True)
    action = fields.Selection(EVENT_ACTIONS, required=True)
    employee_id = fields.Many2one("hr.employee", "Worker", index="btree_not_null")
    user_id = fields.Many2one("res.users", required=True)
    date = fields.Datetime(required=True, default=fields.Datetime.now, index=True)
    reason_id = fields.Many2one("mirror.breakage.reason", "Breakage reason")
