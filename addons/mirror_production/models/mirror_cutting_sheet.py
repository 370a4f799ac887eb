# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import base64
import logging

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError

from ..cutting import MM2_PER_M2, cut_map_svg, sheet_from_dict

_logger = logging.getLogger(__name__)

# written by the optimizer only: the cut map drawn from the layout is inserted in
# pages as markup
PLAN_FIELDS = ("layout", "cut_map")


class MirrorCuttingSheet(models.Model):
    """A sheet (or remnant) of a cutting plan with its layout and cut map."""

    _name = "mirror.cutting.sheet"
    _description = "Cutting Plan Sheet"
    _order = "batch_id, sequence, id"

    batch_id = fields.Many2one(
        "mirror.cutting.batch", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer("No.", default=1)
    product_id = fields.Many2one(related="batch_id.product_id")
    sheet_size_id = fields.Many2one("mirror.sheet.size", "Full sheet")
    remnant_id = fields.Many2one("mirror.remnant", index="btree_not_null")
    width = fields.Integer("Width (mm)", required=True)
    height = fields.Integer("Height (mm)", required=True)
    layout = fields.Json(
        required=True,
        readonly=True,
        help="The plan of the sheet as the optimizer made it; only the optimizer "
        "writes it.",
    )
    placement_ids = fields.One2many(
        "mirror.cutting.placement", "sheet_id", "Pieces on the sheet"
    )
    piece_count = fields.Integer("Pieces", compute="_compute_areas", store=True)
    area = fields.Float(
        "Sheet (m²)", compute="_compute_areas", store=True, digits=(12, 3)
    )
    pieces_area = fields.Float(
        "Pieces (m²)", compute="_compute_areas", store=True, digits=(12, 3)
    )
    offcut_area = fields.Float(
        "Remnants kept (m²)", compute="_compute_areas", store=True, digits=(12, 3)
    )
    yield_percent = fields.Float(
        "Yield (%)",
        compute="_compute_areas",
        store=True,
        digits=(5, 1),
        aggregator="avg",
        help="The pieces' area over the glass this sheet consumes (the sheet less the "
        "remnants kept).",
    )
    cut_count = fields.Integer("Cuts", compute="_compute_areas", store=True)
    cut_map = fields.Html(compute="_compute_cut_map", sanitize=False)

    @api.depends("layout", "width", "height")
    def _compute_areas(self):
        for sheet in self:
            planned = sheet._mirror_planned()
            sheet.piece_count = len(planned.pieces)
            sheet.area = planned.area / MM2_PER_M2
            sheet.pieces_area = planned.pieces_area / MM2_PER_M2
            sheet.offcut_area = planned.offcut_area / MM2_PER_M2
            sheet.yield_percent = 100.0 * planned.yield_ratio
            sheet.cut_count = len(planned.cuts)

    @api.depends("layout", "placement_ids.piece_id")
    def _compute_cut_map(self):
        texts = {"remnant": self.env._("Remnant")}
        for sheet in self:
            labels = {
                placement.piece_id.id: [
                    placement.piece_id.barcode,
                    placement.piece_id.order_id.name or placement.piece_id.name,
                ]
                for placement in sheet.placement_ids
            }
            title = self.env._(
                "Sheet %(number)s of %(batch)s, %(width)s × %(height)s mm",
                number=sheet.sequence,
                batch=sheet.batch_id.name,
                width=sheet.width,
                height=sheet.height,
            )
            try:
                drawing = cut_map_svg(
                    sheet._mirror_planned(), labels, dict(texts, title=title)
                )
            except (TypeError, ValueError) as error:
                # only a layout stored before it was protected can be this broken
                _logger.warning("Cutting sheet %s: no cut map: %s", sheet.id, error)
                drawing = ""
            # escaped text and numbers only (see cutting.cut_map)
            sheet.cut_map = Markup(drawing) if drawing else False

    @api.depends("batch_id.name", "sequence", "width", "height", "remnant_id")
    def _compute_display_name(self):
        for sheet in self:
            kind = sheet.remnant_id.name if sheet.remnant_id else self.env._("sheet")
            sheet.display_name = (
                f"{sheet.batch_id.name} #{sheet.sequence}: {kind} "
                f"{sheet.width} × {sheet.height}"
            )

    @api.model_create_multi
    def create(self, vals_list):
        if any(name in vals for vals in vals_list for name in PLAN_FIELDS):
            self._mirror_check_plan_write()
        return super().create(vals_list)

    def write(self, vals):
        if any(name in vals for name in PLAN_FIELDS):
            self._mirror_check_plan_write()
        return super().write(vals)

    def _mirror_cut_map_data_uri(self):
        """The cut map as an image address, for PDF reports: an image keeps its
        proportions within a box where an inline drawing may not."""
        self.ensure_one()
        svg = str(self.cut_map or "").encode()
        return "data:image/svg+xml;base64," + base64.b64encode(svg).decode()

    def _mirror_check_plan_write(self):
        """Only the optimizer (which writes as superuser) stores a sheet's layout:
        a layout is drawn into the pages of everyone who opens the plan."""
        if not self.env.su:
            raise AccessError(
                self.env._(
                    "The layout of a cutting sheet is written by the cutting "
                    "optimizer only: optimize the batch again to change its plan."
                )
            )

    def _mirror_planned(self):
        """The stored layout as the cutting package's sheet."""
        self.ensure_one()
        data = dict(self.layout or {})
        data.setdefault("width", self.width)
        data.setdefault("height", self.height)
        return sheet_from_dict(data, key=self.id)
