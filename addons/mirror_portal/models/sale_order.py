# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import Command, fields, models
from odoo.exceptions import UserError
from odoo.http import request

# what a client reads for a piece's state (the workshop's words are for the staff)
CLIENT_PIECE_STATES = {
    "waiting": "waiting",
    "progress": "progress",
    "subcontract": "progress",
    "finished": "done",
    "broken": "broken",
    "remade": "remade",
    "cancel": "cancel",
}


class SaleOrder(models.Model):
    _inherit = "sale.order"

    mirror_reorder_of_id = fields.Many2one(
        "sale.order",
        "Reorder of",
        readonly=True,
        copy=False,
        help="The order the client reordered this quotation from, in the portal.",
    )
    mirror_reorder_changes = fields.Json("Price changes", readonly=True, copy=False)
    mirror_first_commitment_date = fields.Datetime(
        "First promised date",
        readonly=True,
        copy=False,
        help="The date first promised to the client, kept when a new one is promised.",
    )

    def _mirror_on_promise_change(self, old_date, reason):
        super()._mirror_on_promise_change(old_date, reason)
        if old_date and not self.mirror_first_commitment_date:
            self.mirror_first_commitment_date = old_date

    def _has_to_be_paid(self):
        # who may not see the amount does not pay it either
        return super()._has_to_be_paid() and not self._mirror_portal_hides_prices()

    def _mirror_portal_hides_prices(self):
        """Whether the current user is a portal user who sees no prices.

        The portal's pages read orders as the superuser (sale's controllers do):
        the visitor is the request's user.
        """
        user = request.env.user if request else self.env.user
        return bool(user.share and user.partner_id.mirror_portal_hide_prices)

    def _mirror_portal_timeline(self):
        """The client-facing status history, oldest first: ``[{date, label}]``."""
        self.ensure_one()
        status_labels = dict(
            self.env["mirror.order.status"]
            ._fields["status"]
            ._description_selection(self.env)
        )
        stage_labels = dict(
            self.env["mirror.order.status"]
            ._fields["stage"]
            ._description_selection(self.env)
        )
        timeline = []
        for entry in self.mirror_status_ids.sorted(
            lambda entry: (entry.date, entry.id)
        ):
            label = status_labels.get(entry.status, entry.status)
            if entry.stage:
                label = self.env._(
                    "%(status)s: %(stage)s",
                    status=label,
                    stage=stage_labels.get(entry.stage, entry.stage),
                )
            timeline.append({"date": entry.date, "label": label})
        return timeline

    def _mirror_portal_glass_lines(self):
        """What the portal shows of each glass line: its drawing, its pieces and
        their progress, in plain values (no workshop-only data: no operators, no
        breakage notes, no costs). One read per model for the whole order."""
        self.ensure_one()
        lines = self.order_line.filtered("glass_is_piece")
        pieces = lines.mirror_piece_ids
        pieces.fetch(["index", "state", "current_step_id", "remade_from_id", "barcode"])
        pieces.step_ids.fetch(["state", "operation_id", "workorder_id"])
        labels = self._mirror_portal_piece_labels()
        result = []
        for line in lines:
            rows = []
            steps_done = steps_total = 0
            counts = dict.fromkeys(("done", "progress", "waiting", "broken"), 0)
            for piece in line.mirror_piece_ids.sorted(lambda p: (p.index, p.id)):
                state = CLIENT_PIECE_STATES.get(piece.state, "waiting")
                if state in ("broken", "remade"):
                    counts["broken"] += 1
                elif state in counts:
                    counts[state] += 1
                if state != "cancel" and state not in ("broken", "remade"):
                    steps_total += len(piece.step_ids)
                    steps_done += len(
                        piece.step_ids.filtered(lambda step: step.state == "done")
                    )
                step = piece.current_step_id
                rows.append(
                    {
                        "index": piece.index,
                        "barcode": piece.barcode,
                        "state": state,
                        "state_label": labels[state],
                        "step": step.operation_id.name or step.workorder_id.name or "",
                        "remake_of": piece.remade_from_id.index or False,
                    }
                )
            progress = round(100.0 * steps_done / steps_total) if steps_total else 0
            result.append(
                {
                    "line": line,
                    "size": f"{line.glass_width:g} × {line.glass_height:g}",
                    "quantity": int(line.product_uom_qty),
                    "pieces": rows,
                    "counts": counts,
                    "progress": progress,
                    "progress_label": f"{progress} %",
                }
            )
        return result

    def _mirror_portal_piece_labels(self):
        return {
            "waiting": self.env._("Waiting"),
            "progress": self.env._("In production"),
            "done": self.env._("Done"),
            "broken": self.env._("Broken"),
            "remade": self.env._("Broken, being remade"),
            "cancel": self.env._("Cancelled"),
        }

    def _mirror_portal_reorder(self, lines=None):
        """A new quotation with ``lines`` of this order (all of them by default) at
        today's prices: the specifications are copied, the prices computed again.

        Returns the quotation; its ``mirror_reorder_changes`` lists each line's old
        and new unit price.
        """
        self.ensure_one()
        lines = (lines or self.order_line) & self._mirror_portal_reorder_lines()
        if not lines:
            raise UserError(self.env._("Choose at least one line to reorder."))
        values = []
        for line in lines:
            line_values = line.copy_data()[0]
            # today's prices: the new lines compute theirs
            for name in ("order_id", "price_unit", "technical_price_unit", "discount"):
                line_values.pop(name, None)
            values.append(line_values)
        # a line that cannot be made any more refuses the whole quotation: nothing
        # of it stays in the transaction (the caller shows the message)
        with self.env.cr.savepoint():
            quotation = self._mirror_portal_create_reorder(lines, values)
        return quotation

    def _mirror_portal_create_reorder(self, lines, values):
        quotation = self.create(
            {
                "partner_id": self.partner_id.id,
                "partner_invoice_id": self.partner_invoice_id.id,
                "partner_shipping_id": self.partner_shipping_id.id,
                "company_id": self.company_id.id,
                "origin": self.name,
                "client_order_ref": self.client_order_ref,
                "mirror_reorder_of_id": self.id,
                "order_line": [Command.create(line_values) for line_values in values],
            }
        )
        changes = [
            {
                "name": new.name.splitlines()[0] if new.name else "",
                "old": old.price_unit,
                "new": new.price_unit,
            }
            for old, new in zip(lines, quotation.order_line, strict=True)
            if quotation.currency_id.compare_amounts(old.price_unit, new.price_unit)
            or old.currency_id != new.currency_id
        ]
        quotation.mirror_reorder_changes = changes
        quotation.action_quotation_sent()  # the client's to accept, in the portal
        quotation.message_post(
            body=self.env._(
                "Reordered by the client from %(order)s at today's prices; %(count)s "
                "line(s) changed price.",
                order=self.name,
                count=len(changes),
            ),
            subtype_xmlid="mail.mt_note",
        )
        return quotation

    def _mirror_portal_reorder_lines(self):
        """The lines a client may reorder (not sections, notes or down payments)."""
        self.ensure_one()
        return self.order_line.filtered(
            lambda line: not line.display_type and not line.is_downpayment
        )

    def _mirror_portal_production_card_url(self):
        """The production card's portal address, or ``False`` when the shop does
        not give it to clients."""
        self.ensure_one()
        if not self.company_id.mirror_portal_production_card or self.state != "sale":
            return False
        return self.get_portal_url(suffix="/production_card")
