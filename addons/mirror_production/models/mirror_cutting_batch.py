# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import logging
import math

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_round
from odoo.tools.misc import formatLang

from ..cutting import (
    MM2_PER_M2,
    CuttingError,
    Piece,
    Stock,
    plan_batch,
    sheet_to_dict,
)
from ..locking import serialize_on
from .mirror_lang import in_company_lang

_logger = logging.getLogger(__name__)

BATCH_STATES = [
    ("draft", "Draft"),
    ("running", "Optimizing"),
    ("planned", "Planned"),
    ("done", "Confirmed"),
    ("cancel", "Cancelled"),
]
# batches whose pieces are taken: a piece is in at most one of them
OPEN_STATES = ("draft", "running", "planned", "done")


class MirrorCuttingBatch(models.Model):
    """Pieces of one glass material cut together from stock sheets and remnants."""

    _name = "mirror.cutting.batch"
    _description = "Cutting Batch"
    _inherit = ["mail.thread"]
    _order = "id desc"

    name = fields.Char(
        "Batch", required=True, readonly=True, copy=False, default="/", index=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    product_id = fields.Many2one(
        "product.product",
        "Glass",
        required=True,
        index=True,
        tracking=True,
        domain=[("glass_role", "=", "material")],
    )
    directional = fields.Boolean(related="product_id.glass_directional")
    location_id = fields.Many2one(
        "stock.location",
        "Stock location",
        required=True,
        domain=[("usage", "=", "internal")],
        default=lambda self: self.env["mirror.remnant"]._default_location_id(),
        help="Where the sheets and remnants are taken from and the new remnants go.",
    )
    state = fields.Selection(
        BATCH_STATES,
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    piece_ids = fields.Many2many(
        "mirror.piece",
        "mirror_cutting_batch_piece_rel",
        "batch_id",
        "piece_id",
        "Pieces",
        copy=False,
    )
    piece_count = fields.Integer("Piece count", compute="_compute_piece_stats")
    pieces_area = fields.Float(
        "Pieces (m²)", compute="_compute_piece_stats", digits=(12, 3)
    )
    time_limit = fields.Float(
        "Optimization time (s)",
        default=lambda self: self.env.company.mirror_cut_time_limit,
    )
    use_remnants = fields.Boolean(
        default=True, help="Cut from the remnants in stock too, when that pays."
    )
    run_ids = fields.One2many("mirror.cutting.run", "batch_id", "Optimizations")
    run_id = fields.Many2one("mirror.cutting.run", "Optimization", readonly=True)
    progress = fields.Float(related="run_id.progress")
    sheet_ids = fields.One2many("mirror.cutting.sheet", "batch_id", "Sheets")
    sheet_count = fields.Integer(
        "Sheets used", compute="_compute_plan_stats", store=True
    )
    sheets_area = fields.Float(
        "Sheets (m²)", compute="_compute_plan_stats", store=True, digits=(12, 3)
    )
    offcut_area = fields.Float(
        "Remnants kept (m²)", compute="_compute_plan_stats", store=True, digits=(12, 3)
    )
    consumed_area = fields.Float(
        "Glass consumed (m²)",
        compute="_compute_plan_stats",
        store=True,
        digits=(12, 3),
    )
    yield_percent = fields.Float(
        "Yield (%)",
        compute="_compute_plan_stats",
        store=True,
        digits=(5, 1),
        aggregator="avg",
        help="The pieces' area over the glass consumed (the sheets less the remnants "
        "kept).",
    )
    used_remnant_ids = fields.One2many(
        "mirror.remnant", "used_batch_id", "Remnants cut"
    )
    remnant_ids = fields.One2many("mirror.remnant", "source_batch_id", "Remnants left")
    move_ids = fields.One2many("stock.move", "mirror_cutting_batch_id", "Stock moves")
    last_error = fields.Text("Last problem", readonly=True, copy=False)
    date_confirmed = fields.Datetime("Confirmed on", readonly=True, copy=False)

    @api.depends("piece_ids.width", "piece_ids.height")
    def _compute_piece_stats(self):
        for batch in self:
            batch.piece_count = len(batch.piece_ids)
            batch.pieces_area = (
                sum(piece.width * piece.height for piece in batch.piece_ids)
                / MM2_PER_M2
            )

    @api.depends("sheet_ids.area", "sheet_ids.offcut_area", "sheet_ids.pieces_area")
    def _compute_plan_stats(self):
        for batch in self:
            sheets = batch.sheet_ids
            batch.sheet_count = len(sheets)
            batch.sheets_area = sum(sheets.mapped("area"))
            batch.offcut_area = sum(sheets.mapped("offcut_area"))
            batch.consumed_area = batch.sheets_area - batch.offcut_area
            pieces = sum(sheets.mapped("pieces_area"))
            batch.yield_percent = (
                100.0 * pieces / batch.consumed_area if batch.consumed_area else 0.0
            )

    @api.constrains("piece_ids", "product_id", "state")
    def _check_pieces(self):
        for batch in self.filtered(lambda batch: batch.state in OPEN_STATES):
            foreign = batch.piece_ids.filtered(
                lambda piece, batch=batch: piece.material_id != batch.product_id
            )
            if foreign:
                raise ValidationError(
                    self.env._(
                        "Batch %(batch)s cuts %(glass)s, but pieces %(pieces)s are of "
                        "another glass; remove them or make a batch for their glass.",
                        batch=batch.name,
                        glass=batch.product_id.display_name,
                        pieces=", ".join(foreign.mapped("name")),
                    )
                )
            others = self.search(
                [
                    ("id", "!=", batch.id),
                    ("state", "in", OPEN_STATES),
                    ("piece_ids", "in", batch.piece_ids.ids),
                ]
            )
            if others:
                taken = batch.piece_ids & others.piece_ids
                raise ValidationError(
                    self.env._(
                        "Pieces %(pieces)s are already in cutting batch %(other)s; "
                        "remove them there first.",
                        pieces=", ".join(taken.mapped("name")),
                        other=", ".join(others.mapped("name")),
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code("mirror.cutting.batch") or "/"
                )
        return super().create(vals_list)

    def _creation_message(self):
        # over RPC without a language, mail's "%s created" is translated for the
        # user but the model's name was not ("Cutting Batch создан"): both in the
        # company's language
        batch = in_company_lang(self, self.company_id or self.env.company)
        return super(MirrorCuttingBatch, batch)._creation_message()

    def write(self, vals):
        if "piece_ids" in vals and any(
            batch.state not in ("draft", "planned") for batch in self
        ):
            raise UserError(
                self.env._(
                    "The pieces of a batch can only change while it is a draft or "
                    "planned; reset it to draft first."
                )
            )
        if "piece_ids" in vals:
            self._mirror_check_plan_untouched()
        res = super().write(vals)
        if "piece_ids" in vals:
            # a plan is made for its pieces: a planned batch goes back to draft
            self.filtered(lambda batch: batch.state == "planned")._mirror_drop_plan()
        return res

    def unlink(self):
        if any(batch.state in ("running", "done") for batch in self):
            raise UserError(
                self.env._(
                    "A cutting batch being optimized or confirmed cannot be deleted."
                )
            )
        self._mirror_check_plan_untouched()
        self._mirror_drop_plan()
        return super().unlink()

    # -- gathering pieces -------------------------------------------------------

    @api.model
    def _mirror_waiting_pieces_domain(self, product=None):
        """Pieces whose next step is cutting and that no open batch holds."""
        domain = [
            ("state", "=", "waiting"),
            ("current_step_id.stage", "=", "cutting"),
            ("company_id", "in", self.env.companies.ids),
            ("cutting_batch_ids", "not any", [("state", "in", OPEN_STATES)]),
            ("sale_line_id.glass_material_id", "!=", False),
        ]
        if product:
            domain.append(("sale_line_id.glass_material_id", "=", product.id))
        return domain

    @api.model
    def _mirror_sort_pieces(self, pieces):
        """Remakes first, then urgent pieces, then by due date and name."""
        far = fields.Datetime.to_datetime("9999-12-31")

        def key(piece):
            production = piece.production_id
            due = production.date_deadline or production.date_start or far
            return (
                not piece.remade_from_id,
                piece.priority != "1",
                due,
                piece.name,
            )

        return pieces.sorted(key)

    @api.model
    def action_create_from_waiting(self):
        """One draft batch per glass with the pieces waiting for cutting."""
        pieces = self.env["mirror.piece"].search(self._mirror_waiting_pieces_domain())
        if not pieces:
            raise UserError(
                self.env._(
                    "No pieces are waiting for cutting: every piece is cut or already "
                    "in a cutting batch."
                )
            )
        batches = self.browse()
        for product in pieces.material_id:
            mine = pieces.filtered(
                lambda piece, product=product: piece.material_id == product
            )
            batches |= self.create(
                {
                    "product_id": product.id,
                    "company_id": mine.company_id[:1].id or self.env.company.id,
                    "piece_ids": [Command.set(self._mirror_sort_pieces(mine).ids)],
                }
            )
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "mirror_production.mirror_cutting_batch_action"
        )
        action["domain"] = [("id", "in", batches.ids)]
        return action

    def action_add_waiting_pieces(self):
        """Add this glass's pieces waiting for cutting to the batch."""
        self.ensure_one()
        pieces = self.env["mirror.piece"].search(
            self._mirror_waiting_pieces_domain(self.product_id)
        )
        if not pieces:
            raise UserError(
                self.env._(
                    "No pieces of %(glass)s are waiting for cutting outside a batch.",
                    glass=self.product_id.display_name,
                )
            )
        self.piece_ids = [Command.link(piece.id) for piece in pieces]
        return True

    # -- optimization ------------------------------------------------------------

    def _mirror_settings(self):
        self.ensure_one()
        return self.product_id._mirror_cutting_settings(self.company_id)

    def _mirror_pieces_input(self):
        """The batch's pieces for the optimizer, keyed by record id."""
        self.ensure_one()
        rotatable = not self.product_id.glass_directional
        return [
            Piece(
                piece.id,
                int(round(piece.width)),
                int(round(piece.height)),
                rotatable,
            )
            for piece in self.piece_ids
        ]

    def _mirror_free_sheet_area(self):
        """m² of full sheets free in stock: on hand, less the remnants (counted in
        the same m²) and the full sheets other planned batches will cut."""
        self.ensure_one()
        on_hand = self.product_id.with_context(
            location=self.location_id.id
        ).qty_available
        remnants = self.env["mirror.remnant"].search(
            [
                ("product_id", "=", self.product_id.id),
                ("location_id", "child_of", self.location_id.id),
                ("state", "in", ("available", "reserved")),
            ]
        )
        planned = self.env["mirror.cutting.sheet"].search(
            [
                ("batch_id", "!=", self.id),
                ("batch_id.state", "=", "planned"),
                ("batch_id.product_id", "=", self.product_id.id),
                ("remnant_id", "=", False),
            ]
        )
        return on_hand - sum(remnants.mapped("area")) - sum(planned.mapped("area"))

    def _mirror_stock_input(self):
        """Full sheets (per size, as many as the free m² make) and remnants."""
        self.ensure_one()
        stock = []
        # stock in m² is rounded to the unit's precision: a sheet short of that is
        # still a whole sheet
        free = self._mirror_free_sheet_area() + self.product_id.uom_id.rounding
        for size in self.product_id.glass_sheet_size_ids:
            count = math.floor(free / size.area) if size.area else 0
            if count > 0:
                stock.append(Stock(("size", size.id), size.width, size.height, count))
        if self.use_remnants:
            remnants = self.env["mirror.remnant"].search(
                [
                    ("product_id", "=", self.product_id.id),
                    ("location_id", "child_of", self.location_id.id),
                    ("state", "=", "available"),
                ],
                order="area, id",
            )
            for remnant in remnants:
                stock.append(
                    Stock(
                        ("remnant", remnant.id),
                        remnant.width,
                        remnant.height,
                        remnant=True,
                    )
                )
        return stock

    def _mirror_check_can_optimize(self):
        """Refuse what cannot give a plan, before anything is written."""
        self.ensure_one()
        if self.state == "running":
            raise UserError(
                self.env._(
                    "Batch %(batch)s is already being optimized; wait for the result "
                    "or cancel that run first.",
                    batch=self.name,
                )
            )
        if self.state not in ("draft", "planned"):
            raise UserError(
                self.env._(
                    "Batch %(batch)s is confirmed or cancelled: it cannot be "
                    "optimized again.",
                    batch=self.name,
                )
            )
        if not self.piece_ids:
            raise UserError(
                self.env._(
                    "Batch %(batch)s has no pieces: add the pieces waiting for "
                    "cutting first.",
                    batch=self.name,
                )
            )
        longest = self.company_id.mirror_cut_time_limit_max
        # written so that NaN (which compares False) is refused too
        if not (0 < self.time_limit <= longest):
            raise UserError(
                self.env._(
                    "The optimization time must be positive and at most %(max)s s "
                    "(got %(limit)s s); 30 s is a good start.",
                    limit=f"{self.time_limit:g}",
                    max=f"{longest:g}",
                )
            )
        if not self.product_id.glass_sheet_size_ids:
            raise UserError(
                self.env._(
                    "%(glass)s has no stock sheet sizes: add them on the product "
                    "(e.g. 3210 × 2250 mm).",
                    glass=self.product_id.display_name,
                )
            )
        stock = self._mirror_stock_input()
        if not stock:
            raise UserError(
                self.env._(
                    "There is no %(glass)s in stock at %(location)s: no full sheet "
                    "and no remnant. Receive sheets first.",
                    glass=self.product_id.display_name,
                    location=self.location_id.display_name,
                )
            )
        trim = self._mirror_settings().trim
        sizes = self.product_id.glass_sheet_size_ids
        too_big = self.piece_ids.browse(
            piece.key
            for piece in self._mirror_pieces_input()
            if not any(
                piece.fits(size.width - 2 * trim, size.height - 2 * trim)
                for size in sizes
            )
        )
        if too_big:
            raise UserError(
                self.env._(
                    "Pieces %(pieces)s are larger than every %(glass)s sheet "
                    "(%(sizes)s mm less a %(trim)s mm trim on each edge); remove them "
                    "from the batch and check their sizes.",
                    pieces=", ".join(
                        f"{piece.name} ({piece.width:g} × {piece.height:g})"
                        for piece in too_big
                    ),
                    glass=self.product_id.display_name,
                    sizes=", ".join(sizes.mapped("display_name")),
                    trim=trim,
                )
            )
        available = sum(entry.width * entry.height * entry.quantity for entry in stock)
        if self.pieces_area * MM2_PER_M2 > available:
            raise UserError(
                self.env._(
                    "Not enough %(glass)s in stock: the pieces need %(need).2f m², "
                    "the free sheets and remnants make %(have).2f m². Receive sheets "
                    "or remove pieces from the batch.",
                    glass=self.product_id.display_name,
                    need=self.pieces_area,
                    have=available / MM2_PER_M2,
                )
            )

    def action_optimize(self):
        """Start the optimization in the background (queue_job); the form shows its
        progress and the plan when it is done."""
        for batch in self:
            batch._mirror_lock()
            batch._mirror_check_can_optimize()
            batch._mirror_check_plan_untouched()
            batch._mirror_drop_plan()
            run = self.env["mirror.cutting.run"].create(
                {"batch_id": batch.id, "time_limit": batch.time_limit}
            )
            batch.write({"state": "running", "run_id": run.id, "last_error": False})
            job = batch.with_delay(
                description=self.env._("Cutting plan of %(batch)s", batch=batch.name),
                identity_key=f"mirror_cutting_batch_{batch.id}_{run.id}",
            )._mirror_optimize(run)
            run.job_uuid = job.uuid
        return True

    def _mirror_lock(self):
        """Lock the batches' rows: a second click while the first is saved waits
        not, it is refused; the workshop tablet's confirmation takes the same
        lock."""
        serialize_on(self, nowait=True)

    def _mirror_cut_pieces(self):
        """The pieces of the plan already cut, or being cut, at the table."""
        pieces = self.sheet_ids.placement_ids.piece_id
        return pieces.filtered(
            lambda piece: (
                piece.broken_step_id.stage == "cutting"
                or any(
                    step.stage == "cutting" and step.state in ("progress", "done")
                    for step in piece.step_ids
                )
            )
        )

    def _mirror_check_plan_untouched(self):
        """Refuse to drop a plan whose sheets are being cut: the glass cut must
        leave stock with the plan, when the batch is confirmed."""
        for batch in self.filtered(lambda batch: batch.state == "planned"):
            cut = batch._mirror_cut_pieces()
            if cut:
                raise UserError(
                    self.env._(
                        "The plan of batch %(batch)s is being cut (pieces "
                        "%(pieces)s): it can no longer be changed, reset or "
                        "cancelled. Confirm it when the sheets are cut; pieces that "
                        "do not fit go in a new batch.",
                        batch=batch.name,
                        pieces=", ".join(cut[:5].mapped("name"))
                        + (", …" if len(cut) > 5 else ""),
                    )
                )

    def _mirror_optimize(self, run):
        """The background job: plan the batch and store the plan (or the reason
        there is none); a run that was cancelled or replaced does nothing."""
        self.ensure_one()
        if self.state != "running" or self.run_id != run:
            return "skipped: the batch is no longer waiting for this run"
        try:
            result = plan_batch(
                self._mirror_pieces_input(),
                self._mirror_stock_input(),
                self._mirror_settings(),
                time_limit=self.time_limit,
                progress=run._mirror_progress_callback(),
            )
        except (CuttingError, ArithmeticError, RuntimeError) as error:
            if isinstance(error, CuttingError):
                message = self._mirror_cutting_error_message(error)
            else:
                # a bug, not a refusal: the batch must not stay "optimizing"
                _logger.exception("Cutting optimization of %s failed", self.name)
                message = self.env._(
                    "The optimization failed (%(error)s); nothing was kept. Try "
                    "again, and report it if it happens again.",
                    error=str(error) or type(error).__name__,
                )
            self.write({"state": "draft", "last_error": message})
            run._mirror_finish(False, message)
            self.message_post(body=message)
            return message
        self._mirror_store_plan(result)
        run._mirror_finish(True, result=result)
        self.state = "planned"
        return (
            f"{len(result.sheets)} sheets, yield {100 * result.yield_ratio:.1f} %, "
            f"{result.seconds:.1f} s"
        )

    def _mirror_cutting_error_message(self, error):
        """The optimizer's refusal in the user's language (its own message)."""
        return self.env._(error.message, **error.values)

    def _mirror_store_plan(self, result):
        """Sheets with their layouts, first the sheets with the most urgent pieces;
        the remnants cut are reserved for this batch."""
        self.ensure_one()
        rank = {
            piece.id: index
            for index, piece in enumerate(self._mirror_sort_pieces(self.piece_ids))
        }
        planned = sorted(
            result.sheets,
            key=lambda sheet: min(
                (rank.get(piece.key, 0) for piece in sheet.pieces), default=0
            ),
        )
        values = []
        for sequence, sheet in enumerate(planned, start=1):
            kind, record_id = sheet.stock.key
            values.append(
                {
                    "batch_id": self.id,
                    "sequence": sequence,
                    "sheet_size_id": record_id if kind == "size" else False,
                    "remnant_id": record_id if kind == "remnant" else False,
                    "width": sheet.stock.width,
                    "height": sheet.stock.height,
                    "layout": sheet_to_dict(sheet),
                    "placement_ids": [
                        Command.create(
                            {
                                "piece_id": piece.key,
                                "sequence": index,
                                "x": piece.x,
                                "y": piece.y,
                                "width": piece.width,
                                "height": piece.height,
                                "rotated": piece.rotated,
                            }
                        )
                        for index, piece in enumerate(
                            sorted(sheet.pieces, key=lambda p: (p.x, p.y)), start=1
                        )
                    ],
                }
            )
        # the optimizer alone writes layouts (the sheets refuse them from users)
        sheets = (
            self.env["mirror.cutting.sheet"].sudo().create(values).with_env(self.env)
        )
        sheets.remnant_id.write({"state": "reserved", "used_batch_id": self.id})
        return sheets

    def _mirror_drop_plan(self):
        """Forget the plan: its sheets go, the remnants it held are free again."""
        held = self.used_remnant_ids.filtered(lambda rem: rem.state == "reserved")
        held.write({"state": "available", "used_batch_id": False})
        self.sheet_ids.unlink()
        self.filtered(lambda batch: batch.state == "planned").state = "draft"

    def action_cancel_run(self):
        """Stop waiting for a run (e.g. its job failed); the batch is a draft again."""
        for batch in self.filtered(lambda batch: batch.state == "running"):
            batch.run_id._mirror_finish(
                False, self.env._("Cancelled by %(user)s.", user=self.env.user.name)
            )
            batch.write({"state": "draft"})
        return True

    def action_reset_draft(self):
        batches = self.filtered(lambda batch: batch.state in ("planned", "cancel"))
        batches._mirror_lock()
        batches._mirror_check_plan_untouched()
        batches._mirror_drop_plan()
        batches.write({"state": "draft"})
        return True

    def action_cancel(self):
        if any(batch.state in ("running", "done") for batch in self):
            raise UserError(
                self.env._(
                    "A batch being optimized or confirmed cannot be cancelled; cancel "
                    "its run first."
                )
            )
        self._mirror_lock()
        self._mirror_check_plan_untouched()
        self._mirror_drop_plan()
        self.write({"state": "cancel"})
        return True

    # -- confirmation --------------------------------------------------------------

    def action_confirm(self):
        """The plan is cut: sheets and remnants leave stock, the offcuts worth
        keeping come back as remnants, the pieces are cut."""
        for batch in self:
            batch._mirror_lock()
            if batch.state != "planned" or not batch.sheet_ids:
                raise UserError(
                    self.env._(
                        "Batch %(batch)s has no plan to confirm: optimize it first.",
                        batch=batch.name,
                    )
                )
            lost = batch.sheet_ids.remnant_id.filtered(
                lambda rem, batch=batch: (
                    rem.state != "reserved" or rem.used_batch_id != batch
                )
            )
            if lost:
                raise UserError(
                    self.env._(
                        "Remnants %(remnants)s of the plan are no longer in stock; "
                        "optimize the batch again.",
                        remnants=", ".join(lost.mapped("name")),
                    )
                )
            batch._mirror_confirm()
        return True

    def _mirror_confirm(self):
        self.ensure_one()
        # remnant notes and the chatter message: in the company's language
        env = in_company_lang(self, self.company_id).env
        pieces = self.sheet_ids.placement_ids.piece_id
        pieces.production_id._mirror_release_planned_glass(pieces)
        consumed = self._mirror_move(sum(self.sheet_ids.mapped("area")), out=True)
        remnants = self.env["mirror.remnant"].create(
            [
                {
                    "product_id": self.product_id.id,
                    "width": offcut.width,
                    "height": offcut.height,
                    "company_id": self.company_id.id,
                    "location_id": self.location_id.id,
                    "source_batch_id": self.id,
                    "note": env._(
                        "Sheet %(sheet)s of %(batch)s",
                        sheet=sheet.sequence,
                        batch=self.name,
                    ),
                }
                for sheet in self.sheet_ids
                for offcut in sheet._mirror_planned().offcuts
            ]
        )
        if remnants:
            self._mirror_move(sum(remnants.mapped("area")), out=False)
        self.sheet_ids.remnant_id.write({"state": "used"})
        # the pieces are cut: their cutting step is done (the work orders progress)
        cut = pieces.filtered(
            lambda piece: (
                piece.current_step_id.stage == "cutting"
                and piece.state in ("waiting", "progress")
            )
        )
        cut.action_finish()
        self.write({"state": "done", "date_confirmed": fields.Datetime.now()})
        self.message_post(
            body=env._(
                "Cut %(pieces)s pieces from %(sheets)s sheets: %(consumed)s m² of "
                "glass consumed, %(remnants)s remnants (%(kept)s m²) back in stock, "
                "yield %(ratio)s %%.",
                pieces=len(pieces),
                sheets=len(self.sheet_ids),
                consumed=formatLang(env, self.consumed_area, digits=3),
                remnants=len(remnants),
                kept=formatLang(env, self.offcut_area, digits=3),
                ratio=formatLang(env, self.yield_percent, digits=1),
            )
        )
        return consumed

    def _mirror_move(self, area, out=True):
        """A done stock move of ``area`` m² of the glass: sheets out to production
        (``out``), or remnants back from it."""
        self.ensure_one()
        product = self.product_id
        production = product.with_company(self.company_id).property_stock_production
        source, dest = (
            (self.location_id, production) if out else (production, self.location_id)
        )
        quantity = float_round(area, precision_rounding=product.uom_id.rounding)
        env = in_company_lang(self, self.company_id).env
        move = self.env["stock.move"].create(
            {
                "name": env._("%(batch)s: sheets cut", batch=self.name)
                if out
                else env._("%(batch)s: remnants kept", batch=self.name),
                "product_id": product.id,
                "product_uom": product.uom_id.id,
                "product_uom_qty": quantity,
                "location_id": source.id,
                "location_dest_id": dest.id,
                "company_id": self.company_id.id,
                "origin": self.name,
                "mirror_cutting_batch_id": self.id,
            }
        )
        move._action_confirm()
        move._action_assign()
        move.quantity = quantity
        move.picked = True
        move._action_done()
        return move

    def action_print_cut_maps(self):
        self.ensure_one()
        if not self.sheet_ids:
            raise UserError(
                self.env._("Batch %(batch)s has no plan yet.", batch=self.name)
            )
        return self.env.ref(
            "mirror_production.action_report_mirror_cut_map"
        ).report_action(self.sheet_ids)
