# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models

from .mirror_operation import CATEGORY_SELECTION


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
