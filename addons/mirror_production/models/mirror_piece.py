# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..glass.geometry import MM2_PER_M2

PIECE_STATES = [
    ("waiting", "Waiting"),
    ("progress", "In progress"),
    ("subcontract", "At the subcontractor"),
    ("finished", "Finished"),
    ("broken", "Broken"),
    ("remade", "Broken, remade"),
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
        related="sale_line_id.order_partner_id",
        string="Customer",
        groups="sales_team.group_sale_salesman,mrp.group_mrp_user,"
        "stock.group_stock_user",
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
    broken = fields.Boolean(readonly=True, copy=False)
    broken_step_id = fields.Many2one(
        "mirror.piece.step",
        "Broken at",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )
    broken_operation_id = fields.Many2one(
        related="broken_step_id.operation_id", store=True, string="Broken at operation"
    )
    breakage_reason_id = fields.Many2one(
        "mirror.breakage.reason", "Breakage reason", readonly=True, copy=False
    )
    breakage_note = fields.Text(readonly=True, copy=False)
    broken_by_id = fields.Many2one(
        "res.users", "Reported by", readonly=True, copy=False
    )
    broken_date = fields.Datetime("Broken on", readonly=True, copy=False)
    scrap_id = fields.Many2one(
        "stock.scrap", "Scrapped glass", readonly=True, copy=False
    )
    remade_from_id = fields.Many2one(
        "mirror.piece", "Remake of", readonly=True, copy=False, index="btree_not_null"
    )
    remake_ids = fields.One2many("mirror.piece", "remade_from_id", "Remakes")
    event_ids = fields.One2many("mirror.piece.event", "piece_id", "History")
    cutting_batch_ids = fields.Many2many(
        "mirror.cutting.batch",
        "mirror_cutting_batch_piece_rel",
        "piece_id",
        "batch_id",
        "Cutting batches",
        copy=False,
        readonly=True,
    )

    _sql_constraints = [
        ("barcode_unique", "UNIQUE(barcode)", "Each piece must have its own barcode."),
    ]

    @api.depends("step_ids.state", "production_id.state", "broken", "remake_ids")
    def _compute_state(self):
        for piece in self:
            steps = piece.step_ids.sorted("sequence")
            current = steps.filtered(
                lambda step: step.state in ("waiting", "progress")
            )[:1]
            piece.current_step_id = current
            if piece.broken:
                piece.current_step_id = False
                piece.state = "remade" if piece.remake_ids else "broken"
            elif piece.production_id.state == "cancel":
                piece.state = "cancel"
            elif not current:
                piece.state = "finished" if steps else "waiting"
            elif current.state == "progress":
                external = current.workorder_id.mirror_subcontracted
                piece.state = "subcontract" if external else "progress"
            else:
                piece.state = "waiting"

    @api.model_create_multi
    def create(self, vals_list):
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
        barcodes = iter(
            self._mirror_next_barcodes(
                sum(1 for vals in vals_list if not vals.get("barcode"))
            )
        )
        for vals in vals_list:
            if not vals.get("barcode"):
                vals["barcode"] = next(barcodes)
            if not vals.get("name"):
                line = lines.browse(vals.get("sale_line_id"))
                order = line.order_id.name or vals["barcode"]
                vals["name"] = (
                    f"{order}-{positions.get(line.id, 0)}-{vals.get('index', 0)}"
                )
        return super().create(vals_list)

    @api.model
    def _mirror_next_barcodes(self, count):
        """``count`` new barcodes from the piece sequence, in one query."""
        if not count:
            return []
        sequence = self.env.ref(
            "mirror_production.seq_mirror_piece", raise_if_not_found=False
        )
        sequence = sequence and sequence.sudo()
        if (
            not sequence
            or sequence.implementation != "standard"
            or sequence.use_date_range
        ):
            Sequence = self.env["ir.sequence"].sudo()
            return [
                Sequence.next_by_code("mirror.piece") or "/" for _index in range(count)
            ]
        self.env.cr.execute(
            "SELECT nextval(%s) FROM generate_series(1, %s)",
            [f"ir_sequence_{sequence.id:03d}", count],
        )
        return [sequence.get_next_char(number) for (number,) in self.env.cr.fetchall()]

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

    def action_pause(self):
        """Pause the piece's current step: back in the station's queue."""
        for piece in self:
            step = piece.current_step_id
            if not step or step.state != "progress":
                raise UserError(
                    self.env._(
                        "Piece %(piece)s is not in progress: start it first.",
                        piece=piece.name,
                    )
                )
            step._action_pause()
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

    def _mirror_edge_codes(self):
        """Edge marks per side for the label: bottom, right, top, left ('Ш Ш Ш П')."""
        self.ensure_one()
        line = self.sale_line_id
        edges = [
            line.glass_edge_bottom_id,
            line.glass_edge_right_id,
            line.glass_edge_top_id,
            line.glass_edge_left_id,
        ]
        if not any(edges):
            return ""
        return " ".join((edge.code or edge.name) if edge else "-" for edge in edges)

    def action_report_broken(self):
        """Open the breakage wizard for these pieces."""
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Report broken pieces"),
            "res_model": "mirror.piece.break.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"active_model": "mirror.piece", "active_ids": self.ids},
        }

    def _mirror_report_broken(self, reason, note=False):
        """Pieces broke at their current step: scrap their glass and remake them.

        Each remake starts its route from the beginning, first in the queue, in a
        manufacturing order of its own linked to the same order line.
        """
        now = fields.Datetime.now()
        remakes = self.browse()
        for piece in self:
            step = piece.current_step_id
            step.write(
                {
                    "state": "cancel",
                    "date_finished": now,
                    "user_id": self.env.uid,
                    "employee_id": step._mirror_employee().id or step.employee_id.id,
                }
            )
            step._mirror_log("broken", reason_id=reason.id)
            piece.write(
                {
                    "broken": True,
                    "broken_step_id": step.id,
                    "breakage_reason_id": reason.id,
                    "breakage_note": note,
                    "broken_by_id": self.env.uid,
                    "broken_date": now,
                    "scrap_id": piece._mirror_scrap_glass().id,
                }
            )
            remakes |= piece.production_id._mirror_create_remake(piece)
        for order in self.order_id:
            broken = self.filtered(lambda piece, order=order: piece.order_id == order)
            order._mirror_notify_breakage(broken)
        return remakes

    def _mirror_scrap_glass(self):
        """Scrap the glass of a broken piece (its cut rectangle) from stock."""
        self.ensure_one()
        material = self.material_id
        if not material:
            return self.env["stock.scrap"]
        production = self.production_id
        scrap = (
            self.env["stock.scrap"]
            .sudo()
            .create(
                {
                    "product_id": material.id,
                    "scrap_qty": self.width * self.height / MM2_PER_M2,
                    "product_uom_id": material.uom_id.id,
                    "location_id": production.location_src_id.id,
                    "origin": self.name,
                    "company_id": production.company_id.id,
                }
            )
        )
        scrap.do_scrap()
        return scrap
