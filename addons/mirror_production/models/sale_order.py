# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import hashlib
import math

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import float_compare

from ..cutting import MM2_PER_M2, CuttingError, Piece, estimate
from ..glass.spec import CATEGORIES
from ..glass.validation import fmt
from .mirror_lang import in_company_lang
from .mirror_order_status import MIRROR_STAGES, MIRROR_STATUS

# the client's production stage of each operation category
CLIENT_STAGE = {
    "cutting": "cutting",
    "tempering": "tempering",
    "qc": "qc",
    "packing": "packing",
}


class SaleOrder(models.Model):
    _inherit = "sale.order"

    glass_line_count = fields.Integer("Glass lines", compute="_compute_glass_totals")
    mirror_workshop_attachment_ids = fields.Many2many(
        "ir.attachment",
        "mirror_sale_order_workshop_attachment_rel",
        "order_id",
        "attachment_id",
        "Files for the workshop",
        copy=True,
        help="Shown with every piece of the order on the workshop tablet (the "
        "client's sketches, templates). The order's own documents (quotation, "
        "signed order, invoices) never are.",
    )
    mirror_cutting_estimate_ids = fields.One2many(
        "mirror.cutting.estimate", "order_id", "Sheet estimate", copy=False
    )
    mirror_cutting_estimate_date = fields.Datetime(
        "Sheets estimated on", readonly=True, copy=False
    )
    mirror_cutting_estimate_key = fields.Char(readonly=True, copy=False)
    mirror_cutting_estimate_stale = fields.Boolean(
        "Estimate outdated", compute="_compute_mirror_cutting_estimate_stale"
    )
    glass_piece_count = fields.Integer("Glass pieces", compute="_compute_glass_totals")
    glass_total_area = fields.Float(
        "Glass area (m²)", compute="_compute_glass_totals", digits=(12, 3)
    )
    glass_total_weight = fields.Float(
        "Glass weight (kg)", compute="_compute_glass_totals", digits=(12, 1)
    )
    glass_margin_approval_needed = fields.Boolean(
        "Margin approval needed",
        compute="_compute_glass_margin_approval",
        help="The margin is below the company's minimum, or a discount above its "
        "maximum, "
        "and no sales manager has approved it yet.",
    )
    glass_margin_approval_reason = fields.Char(compute="_compute_glass_margin_approval")
    glass_margin_approved_by_id = fields.Many2one(
        "res.users", "Low margin approved by", readonly=True, copy=False
    )
    glass_margin_approved_percent = fields.Float(
        "Approved margin (%)", readonly=True, copy=False, digits=(6, 2)
    )
    glass_margin_approved_discount = fields.Float(
        "Approved discount (%)", readonly=True, copy=False, digits=(6, 2)
    )

    mirror_status = fields.Selection(
        MIRROR_STATUS,
        "Order status",
        compute="_compute_mirror_status",
        store=True,
        tracking=True,
        index=True,
        help="What the client sees, derived from the order, its pieces, deliveries and "
        "payments.",
    )
    mirror_production_stage = fields.Selection(
        MIRROR_STAGES,
        "Production stage",
        compute="_compute_mirror_status",
        store=True,
        tracking=True,
        help="The least advanced stage of the pieces still in production.",
    )
    mirror_status_ids = fields.One2many(
        "mirror.order.status", "order_id", "Status history"
    )
    mirror_status_notified = fields.Selection(
        MIRROR_STATUS, "Last announced status", readonly=True, copy=False
    )
    mirror_stage_notified = fields.Selection(
        MIRROR_STAGES, "Last announced stage", readonly=True, copy=False
    )
    mirror_planned_date = fields.Datetime(
        "Planned finish",
        compute="_compute_mirror_planning",
        store=True,
        help="When the last glass piece is planned to be finished, from the work "
        "orders planned on the work centers' capacity.",
    )
    mirror_late = fields.Boolean(
        "Late",
        compute="_compute_mirror_planning",
        store=True,
        help="The planned finish is after the date promised to the client.",
    )
    mirror_remake_count = fields.Integer(
        "Remakes in production", compute="_compute_mirror_at_risk", store=True
    )
    mirror_at_risk = fields.Boolean(
        "Date at risk",
        compute="_compute_mirror_at_risk",
        store=True,
        help="Broken pieces are being remade: the promised date may not be kept.",
    )

    @api.depends(
        "state",
        "order_line.mirror_piece_ids.state",
        "order_line.mirror_piece_ids.current_step_id.stage",
        "picking_ids.state",
        "invoice_status",
        "order_line.invoice_lines.move_id.payment_state",
    )
    def _compute_mirror_status(self):
        for order in self:
            order.mirror_status, order.mirror_production_stage = order._mirror_status()

    @api.depends(
        "commitment_date",
        "order_line.mirror_piece_ids.production_id.date_finished",
        "order_line.mirror_piece_ids.production_id.state",
    )
    def _compute_mirror_planning(self):
        for order in self:
            productions = order.order_line.mirror_piece_ids.production_id.filtered(
                lambda mo: mo.state not in ("done", "cancel") and mo.date_finished
            )
            planned = max(productions.mapped("date_finished"), default=False)
            order.mirror_planned_date = planned
            order.mirror_late = bool(
                planned and order.commitment_date and planned > order.commitment_date
            )

    @api.depends(
        "mirror_cutting_estimate_key",
        "order_line.glass_material_id",
        "order_line.glass_width",
        "order_line.glass_height",
        "order_line.product_uom_qty",
    )
    def _compute_mirror_cutting_estimate_stale(self):
        for order in self:
            order.mirror_cutting_estimate_stale = bool(
                order.mirror_cutting_estimate_key
            ) and (order.mirror_cutting_estimate_key != order._mirror_glass_key())

    def _mirror_glass_pieces(self):
        """The glass lines' pieces per material, for a cutting estimate."""
        self.ensure_one()
        pieces = {}
        for line in self.order_line.filtered(
            lambda line: (
                line.glass_is_piece
                and line.glass_material_id
                and line.glass_width > 0
                and line.glass_height > 0
                and line.product_uom_qty > 0
            )
        ):
            material = line.glass_material_id
            rotatable = not material.glass_directional
            for index in range(math.ceil(line.product_uom_qty)):
                pieces.setdefault(material, []).append(
                    Piece(
                        (line.id, index),
                        int(round(line.glass_width)),
                        int(round(line.glass_height)),
                        rotatable,
                    )
                )
        return pieces

    def _mirror_glass_key(self):
        self.ensure_one()
        lines = sorted(
            (
                line.glass_material_id.id,
                line.glass_width,
                line.glass_height,
                line.product_uom_qty,
            )
            for line in self.order_line
            if line.glass_is_piece
        )
        return hashlib.sha1(repr(lines).encode()).hexdigest()

    def action_mirror_estimate_sheets(self):
        """A quick cutting plan of the glass lines: sheets, yield and glass cost per
        material, so the manager sees the material cost before confirming."""
        budget = 1.5  # seconds for the whole quotation
        for order in self:
            pieces = order._mirror_glass_pieces()
            if not pieces:
                raise UserError(
                    self.env._(
                        "Quotation %(order)s has no glass lines with a material and a "
                        "size to estimate.",
                        order=order.name,
                    )
                )
            company = order.company_id
            values = []
            for material, material_pieces in pieces.items():
                template = material.product_tmpl_id
                sizes = template.glass_sheet_size_ids
                if not sizes:
                    raise UserError(
                        self.env._(
                            "%(glass)s has no stock sheet sizes: add them on the "
                            "product to estimate its sheets.",
                            glass=material.display_name,
                        )
                    )
                settings = material._mirror_cutting_settings(company)
                try:
                    result = estimate(
                        material_pieces,
                        [(size.width, size.height) for size in sizes],
                        settings,
                        time_limit=max(0.2, budget / len(pieces)),
                    )
                except CuttingError as error:
                    if error.code != "too_big":
                        raise
                    raise UserError(
                        self.env._(
                            "A %(glass)s piece of quotation %(order)s is larger than "
                            "every sheet of that glass; check the sizes of its lines.",
                            glass=material.display_name,
                            order=order.name,
                        )
                    ) from error
                counts = {}
                for sheet in result.sheets:
                    size = (sheet.stock.width, sheet.stock.height)
                    counts[size] = counts.get(size, 0) + 1
                cost = material.standard_price
                values.append(
                    {
                        "product_id": material.id,
                        "sheets": ", ".join(
                            f"{count} × {width}×{height}"
                            for (width, height), count in sorted(counts.items())
                        ),
                        "sheet_count": len(result.sheets),
                        "pieces_area": result.pieces_area / MM2_PER_M2,
                        "sheets_area": result.area / MM2_PER_M2,
                        "consumed_area": result.consumed_area / MM2_PER_M2,
                        "yield_percent": 100.0 * result.yield_ratio,
                        "cost": cost * result.consumed_area / MM2_PER_M2,
                        "sheets_cost": cost * result.area / MM2_PER_M2,
                    }
                )
            order.write(
                {
                    "mirror_cutting_estimate_ids": [Command.clear()]
                    + [Command.create(vals) for vals in values],
                    "mirror_cutting_estimate_date": fields.Datetime.now(),
                    "mirror_cutting_estimate_key": order._mirror_glass_key(),
                }
            )
        return True

    def action_mirror_repromise(self):
        """Open the wizard that promises the client a new date."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Promise a new date"),
            "res_model": "mirror.repromise.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_order_id": self.id},
        }

    def _mirror_repromise(self, date, reason=False):
        """Promise the client a new date: logged, and announced by the hook."""
        for order in self:
            old = order.commitment_date
            order.commitment_date = date
            order.message_post(
                body=in_company_lang(order, order.company_id).env._(
                    "Date re-promised: %(old)s → %(new)s. %(reason)s",
                    old=fields.Datetime.to_string(old) if old else "-",
                    new=fields.Datetime.to_string(date),
                    reason=reason or "",
                ),
                subtype_xmlid="mail.mt_note",
            )
            order._mirror_on_promise_change(old, reason)
        return True

    def _mirror_on_promise_change(self, old_date, reason):
        """Called when the client is promised a new date; notifications extend it."""
        self.ensure_one()

    def _compute_field_value(self, field):
        res = super()._compute_field_value(field)
        if field.name in ("mirror_status", "mirror_production_stage"):
            # like mail tracking: settle the changes once, before the commit, so the
            # passing states of one transaction never reach the client
            pending = self.env.cr.precommit.data.setdefault("mirror.status.sync", set())
            pending.update(
                order_id for order_id in self.ids if isinstance(order_id, int)
            )
            self.env.cr.precommit.add(self._mirror_sync_status)
        return res

    @api.depends(
        "order_line.mirror_piece_ids.state",
        "order_line.mirror_piece_ids.remade_from_id",
    )
    def _compute_mirror_at_risk(self):
        for order in self:
            remakes = order.order_line.mirror_piece_ids.filtered(
                lambda piece: (
                    piece.remade_from_id
                    and piece.state in ("waiting", "progress", "subcontract")
                )
            )
            order.mirror_remake_count = len(remakes)
            order.mirror_at_risk = bool(remakes)

    @api.depends(
        "order_line.glass_is_piece",
        "order_line.product_uom_qty",
        "order_line.glass_total_area",
        "order_line.glass_total_weight",
    )
    def _compute_glass_totals(self):
        for order in self:
            lines = order.order_line.filtered("glass_is_piece")
            order.glass_line_count = len(lines)
            order.glass_piece_count = int(sum(lines.mapped("product_uom_qty")))
            order.glass_total_area = sum(lines.mapped("glass_total_area"))
            order.glass_total_weight = sum(lines.mapped("glass_total_weight"))

    @api.depends(
        "margin_percent",
        "amount_untaxed",
        "order_line.discount",
        "glass_margin_approved_by_id",
        "glass_margin_approved_percent",
        "glass_margin_approved_discount",
        "company_id.mirror_min_margin_percent",
        "company_id.mirror_max_discount",
    )
    def _compute_glass_margin_approval(self):
        for order in self:
            reason = order._glass_margin_problem()
            order.glass_margin_approval_reason = reason or False
            order.glass_margin_approval_needed = (
                bool(reason) and not order._glass_margin_approved()
            )

    def _glass_margin_figures(self):
        self.ensure_one()
        margin = self.margin_percent * 100.0 if self.amount_untaxed else 100.0
        discount = max(self.order_line.mapped("discount") or [0.0])
        return margin, discount

    def _glass_margin_problem(self):
        """Why this order needs a manager's approval (translated), or ``""``."""
        self.ensure_one()
        company = self.company_id or self.env.company
        if self.state not in ("draft", "sent") or not self.order_line:
            return ""
        margin, discount = self._glass_margin_figures()
        reasons = []
        minimum = company.mirror_min_margin_percent
        if minimum and float_compare(margin, minimum, precision_digits=2) < 0:
            reasons.append(
                self.env._(
                    "the margin is %(margin)s %%, below the minimum of %(minimum)s %%",
                    margin=fmt(round(margin, 2)),
                    minimum=fmt(minimum),
                )
            )
        maximum = company.mirror_max_discount
        if maximum and float_compare(discount, maximum, precision_digits=2) > 0:
            reasons.append(
                self.env._(
                    "a discount of %(discount)s %% is above the maximum of %(maximum)s "
                    "%%",
                    discount=fmt(round(discount, 2)),
                    maximum=fmt(maximum),
                )
            )
        return "; ".join(reasons)

    def _glass_margin_approved(self):
        """An approval holds while the order is not made worse than when approved."""
        self.ensure_one()
        if not self.glass_margin_approved_by_id:
            return False
        margin, discount = self._glass_margin_figures()
        return (
            float_compare(
                margin, self.glass_margin_approved_percent, precision_digits=2
            )
            >= 0
            and float_compare(
                discount, self.glass_margin_approved_discount, precision_digits=2
            )
            <= 0
        )

    def _confirmation_error_message(self):
        error = super()._confirmation_error_message()
        if error or not self.glass_margin_approval_needed:
            return error
        return self.env._(
            "%(order)s cannot be confirmed: %(reason)s. Ask a sales manager to approve "
            "it "
            "with the 'Approve margin' button, or raise the price.",
            order=self.name,
            reason=self.glass_margin_approval_reason,
        )

    def action_confirm(self):
        # a sales manager confirming approves the margin, and it is logged
        if self.env.user.has_group("sales_team.group_sale_manager"):
            self.filtered("glass_margin_approval_needed").action_glass_approve_margin()
        return super().action_confirm()

    def action_glass_approve_margin(self):
        """A sales manager approves the low margin or high discount (logged)."""
        self.env["sale.order"].check_access("write")
        if not self.env.user.has_group("sales_team.group_sale_manager"):
            raise AccessError(
                self.env._("Only a sales manager can approve a low margin.")
            )
        for order in self:
            reason = order._glass_margin_problem()
            if not reason:
                continue
            margin, discount = order._glass_margin_figures()
            order.write(
                {
                    "glass_margin_approved_by_id": self.env.user.id,
                    "glass_margin_approved_percent": margin,
                    "glass_margin_approved_discount": discount,
                }
            )
            order.message_post(
                body=self.env._(
                    "Approved by %(user)s: %(reason)s.",
                    user=self.env.user.name,
                    reason=reason,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def action_print_piece_labels(self):
        """The labels of the order's pieces still to make or finished."""
        pieces = self.order_line.mirror_piece_ids.filtered(
            lambda piece: piece.state not in ("broken", "remade", "cancel")
        )
        return self.env.ref(
            "mirror_production.action_report_mirror_piece_label"
        ).report_action(pieces)

    def _action_cancel(self):
        """Cancel what has not started; keep and report what the workshop began."""
        productions = self.env["mrp.production"].search(
            [
                ("glass_line_id.order_id", "in", self.ids),
                ("state", "not in", ("done", "cancel")),
            ]
        )
        started = productions.filtered(
            lambda mo: (
                mo.state in ("progress", "to_close")
                or any(
                    step.state in ("progress", "done")
                    for step in mo.mirror_piece_ids.step_ids
                )
            )
        )
        res = super()._action_cancel()
        (productions - started).sudo().action_cancel()
        for order in self:
            begun = started.filtered(
                lambda mo, order=order: mo.glass_line_id.order_id == order
            )
            if begun:
                order._mirror_notify_started_production(begun)
        return res

    def _mirror_notify_started_production(self, productions):
        self.ensure_one()
        env = in_company_lang(self, self.company_id).env
        lines = [
            env._(
                "%(production)s was not cancelled: %(started)s of its %(total)s pieces "
                "are already in the workshop. Finish them or report them as scrap.",
                production=production.name,
                started=len(
                    production.mirror_piece_ids.filtered(
                        lambda piece: any(
                            step.state in ("progress", "done")
                            for step in piece.step_ids
                        )
                    )
                ),
                total=len(production.mirror_piece_ids),
            )
            for production in productions
        ]
        self.message_post(body="\n".join(lines), subtype_xmlid="mail.mt_note")

    def _mirror_notify_breakage(self, pieces):
        """Log broken pieces and their remakes on the order (the planner's alert)."""
        self.ensure_one()
        # over RPC without a language: in the company's, not in English
        env = in_company_lang(self, self.company_id).env
        lines = [
            env._(
                "%(piece)s broke at %(step)s (%(reason)s): remade as %(remake)s.",
                piece=piece.name,
                step=piece.broken_operation_id.name or "-",
                reason=piece.breakage_reason_id.name,
                remake=", ".join(piece.remake_ids.mapped("barcode")),
            )
            for piece in pieces
        ]
        if self.commitment_date:
            lines.append(
                env._(
                    "The promised date %(date)s is at risk.",
                    date=fields.Datetime.to_string(self.commitment_date),
                )
            )
        self.message_post(body="\n".join(lines), subtype_xmlid="mail.mt_note")

    @api.model
    def _mirror_sync_status(self):
        """Call the status hook for each order whose status changed since last time."""
        pending = self.env.cr.precommit.data.pop("mirror.status.sync", set())
        for order in self.browse(sorted(pending)).exists():
            old = (order.mirror_status_notified, order.mirror_stage_notified)
            new = (order.mirror_status, order.mirror_production_stage)
            if old == new:
                continue
            order.write(
                {
                    "mirror_status_notified": order.mirror_status,
                    "mirror_stage_notified": order.mirror_production_stage,
                }
            )
            order._mirror_on_status_change(*old)

    def _mirror_status(self):
        """The client-facing status and production stage of this order."""
        self.ensure_one()
        if self.state == "cancel":
            return "cancel", False
        if self.state in ("draft", "sent"):
            return "quotation", False
        if self._mirror_awaiting_payment():
            return "confirmed", False
        pieces = self.order_line.mirror_piece_ids
        in_production = pieces.filtered(
            lambda piece: piece.state in ("waiting", "progress", "subcontract")
        )
        if in_production:
            categories = in_production.current_step_id.mapped("stage")
            first = min(
                categories or ["cutting"],
                key=lambda category: (
                    CATEGORIES.index(category)
                    if category in CATEGORIES
                    else len(CATEGORIES)
                ),
            )
            return "production", CLIENT_STAGE.get(first, "processing")
        deliveries = self.picking_ids.filtered(
            lambda picking: (
                picking.picking_type_code == "outgoing" and picking.state != "cancel"
            )
        )
        if deliveries and all(picking.state == "done" for picking in deliveries):
            return ("closed" if self._mirror_is_paid() else "delivered"), False
        return "ready", False

    def _mirror_awaiting_payment(self):
        """Whether a confirmed order waits for its prepayment before production.

        The payments addon decides; without it, a confirmed order goes straight to
        production.
        """
        self.ensure_one()
        return False

    def _mirror_is_paid(self):
        self.ensure_one()
        invoices = self.order_line.invoice_lines.move_id.filtered(
            lambda move: move.state == "posted" and move.move_type == "out_invoice"
        )
        return (
            self.invoice_status == "invoiced"
            and bool(invoices)
            and all(move.payment_state in ("paid", "in_payment") for move in invoices)
        )

    def _mirror_on_status_change(self, old_status, old_stage):
        """Called once each time the client-facing status or stage changes.

        Keeps the history; the notification addons extend it to tell the client
        over the channel they came from.
        """
        self.ensure_one()
        self.env["mirror.order.status"].sudo().create(
            {
                "order_id": self.id,
                "status": self.mirror_status,
                "stage": self.mirror_production_stage,
                "previous_status": old_status,
            }
        )
