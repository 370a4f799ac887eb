# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import float_compare

from ..glass.validation import fmt


class SaleOrder(models.Model):
    _inherit = "sale.order"

    glass_line_count = fields.Integer("Glass lines", compute="_compute_glass_totals")
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
