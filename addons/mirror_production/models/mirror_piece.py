# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError

PIECE_STATES = [
    ("waiting", "Waiting"),
    ("progress", "In progress"),
    ("finished", "Finished"),
    ("cancel", "Cancelled"),
]


class MirrorPiece(models.Model):
    _name = "mirror.piece"
    _description = "Glass Piece"
    _order = "priority desc, production_id, index, id"
    _rec_names_search = ["name", "barcode"]

    name = fields.Char(
        "Piece", required=True, readonly=True, copy=False, index="trigram"
    )
    barcode = fields.Char(required=True, readonly=True, copy=False, index=True)
    production_id = fields.Many2one(
        "mrp.production",
        "Manufacturing order",
        required=True,
        ondelete="cascade",
        index=True,
    )
    company_id = fields.Many2one(related="production_id.company_id", store=True)
    sale_line_id = fields.Many2one("sale.order.line", "Order line", index=True)
    order_id = fields.Many2one(
        related="sale_line_id.order_id", store=True, string="Order"
    )
    partner_id = fields.Many2one(
        related="sale_line_id.order_partner_id", string="Customer"
    )
    material_id = fields.Many2one(
        related="sale_line_id.glass_material_id", string="Glass"
    )
    width = fields.Float(related="sale_line_id.glass_width")
    height = fields.Float(related="sale_line_id.glass_height")
    index = fields.Integer(
        "No.", required=True, help="Number of the piece within its line."
    )
    priority = fields.Selection(
        [("0", "Normal"), ("1", "Urgent")], default="0", index=True
    )
    step_ids = fields.One2many("mirror.piece.step", "piece_id", "Route", copy=True)
    current_step_id = fields.Many2one(
        "mirror.piece.step", "Current step", compute="_compute_state", store=True
    )
    state = fields.Selection(
        PIECE_STATES,
        compute="_compute_state",
        store=True,
        index=True,
        default="waiting",
    )

    _sql_constraints = [
        ("barcode_unique", "UNIQUE(barcode)", "Each piece must have its own barcode."),
    ]

    @api.depends("step_ids.state", "production_id.state")
    def _compute_state(self):
        for piece in self:
            steps = piece.step_ids.sorted("sequence")
            current = steps.filtered(
                lambda step: step.state in ("waiting", "progress")
            )[:1]
            piece.current_step_id = current
            if piece.production_id.state == "cancel":
                piece.state = "cancel"
            elif not current:
                piece.state = "finished" if steps else "waiting"
            elif current.state == "progress":
                piece.state = "progress"
            else:
                piece.state = "waiting"

    @api.model_create_multi
    def create(self, vals_list):
        sequence = self.env["ir.sequence"]
        lines = self.env["sale.order.line"].browse(
            {vals.get("sale_line_id") for vals in vals_list if vals.get("sale_line_id")}
        )
        positions = {
            line.id: line.order_id.order_line.filtered("glass_is_piece").ids.index(
                line.id
            )
            + 1
            for line in lines
        }
        for vals in vals_list:
            if not vals.get("barcode"):
                vals["barcode"] = sequence.next_by_code("mirror.piece") or "/"
            if not vals.get("name"):
                line = lines.browse(vals.get("sale_line_id"))
                order = line.order_id.name or vals["barcode"]
                vals["name"] = (
                    f"{order}-{positions.get(line.id, 0)}-{vals.get('index', 0)}"
                )
        return super().create(vals_list)

    def action_start(self):
        """Start the piece's current step (the workshop tablet's big button)."""
        for piece in self:
            step = piece.current_step_id
            if not step or step.state != "waiting":
                raise UserError(
                    self.env._(
                        "Piece %(piece)s has no step waiting to start.",
                        piece=piece.name,
                    )
                )
            step._action_start()
        return True

    def action_finish(self):
        """Finish the piece's current step; the next step of its route waits."""
        for piece in self:
            step = piece.current_step_id
            if not step:
                raise UserError(
                    self.env._(
                        "Piece %(piece)s has already finished its route.",
                        piece=piece.name,
                    )
                )
            if step.state == "waiting":
                step._action_start()
            step._action_finish()
        return True
