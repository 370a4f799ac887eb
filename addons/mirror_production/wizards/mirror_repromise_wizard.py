# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError


class MirrorRepromiseWizard(models.TransientModel):
    _name = "mirror.repromise.wizard"
    _description = "Promise a New Date to the Client"

    order_id = fields.Many2one("sale.order", required=True)
    current_date = fields.Datetime(
        related="order_id.commitment_date", string="Promised"
    )
    planned_date = fields.Datetime(related="order_id.mirror_planned_date")
    new_date = fields.Datetime("New date", required=True)
    reason = fields.Char(help="Told to the client with the new date.")

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        order = self.env["sale.order"].browse(values.get("order_id"))
        if order and "new_date" in fields_list:
            values["new_date"] = order.mirror_planned_date or order.commitment_date
        return values

    def action_confirm(self):
        self.ensure_one()
        if self.new_date < fields.Datetime.now():
            raise UserError(
                self.env._("The new date is in the past: choose a date from today on.")
            )
        self.order_id._mirror_repromise(self.new_date, self.reason)
        return {"type": "ir.actions.act_window_close"}
