# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import Command, api, fields, models
from odoo.exceptions import UserError


class MirrorPieceBreakWizard(models.TransientModel):
    _name = "mirror.piece.break.wizard"
    _description = "Report Broken Glass Pieces"

    piece_ids = fields.Many2many("mirror.piece", string="Pieces", required=True)
    reason_id = fields.Many2one("mirror.breakage.reason", required=True)
    note = fields.Text()

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if self.env.context.get("active_model") == "mirror.piece":
            values["piece_ids"] = [Command.set(self.env.context.get("active_ids", []))]
        return values

    def action_confirm(self):
        self.ensure_one()
        pieces = self.piece_ids
        done = pieces.filtered(
            lambda piece: piece.state not in ("waiting", "progress", "subcontract")
        )
        if done:
            raise UserError(
                self.env._(
                    "Only pieces in production can be reported broken: %(pieces)s.",
                    pieces=", ".join(done.mapped("name")),
                )
            )
        remakes = pieces._mirror_report_broken(self.reason_id, self.note)
        if len(remakes) == 1:
            return {
                "type": "ir.actions.act_window",
                "res_model": "mirror.piece",
                "res_id": remakes.id,
                "view_mode": "form",
            }
        return {"type": "ir.actions.act_window_close"}
