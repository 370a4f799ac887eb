# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..glass.geometry import MM2_PER_M2

REMNANT_STATES = [
    ("available", "Available"),
    ("reserved", "In a cutting plan"),
    ("used", "Used"),
    ("scrapped", "Scrapped"),
]


class MirrorRemnant(models.Model):
    """A reusable offcut of a glass sheet, kept in stock with its size.

    Its glass is part of the material's stock in m²: a cutting batch that leaves
    the offcut puts its area back into stock, a batch that cuts it consumes it.
    """

    _name = "mirror.remnant"
    _description = "Glass Remnant"
    _order = "state, product_id, area desc, id"
    _rec_names_search = ["name", "product_id"]

    name = fields.Char(
        "Remnant", required=True, readonly=True, copy=False, default="/", index=True
    )
    product_id = fields.Many2one(
        "product.product",
        "Glass",
        required=True,
        index=True,
        domain=[("glass_role", "=", "material")],
    )
    width = fields.Integer("Width (mm)", required=True)
    height = fields.Integer("Height (mm)", required=True)
    area = fields.Float(
        "Area (m²)", compute="_compute_area", store=True, digits=(12, 3)
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    location_id = fields.Many2one(
        "stock.location",
        required=True,
        domain=[("usage", "=", "internal")],
        default=lambda self: self._default_location_id(),
    )
    state = fields.Selection(
        REMNANT_STATES, default="available", required=True, index=True, copy=False
    )
    source_batch_id = fields.Many2one(
        "mirror.cutting.batch", "Left by", readonly=True, index="btree_not_null"
    )
    used_batch_id = fields.Many2one(
        "mirror.cutting.batch",
        "Cut in",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )
    note = fields.Char()

    _sql_constraints = [
        (
            "size_positive",
            "CHECK(width > 0 AND height > 0)",
            "A remnant must have a positive size.",
        ),
    ]

    @api.model
    def _default_location_id(self):
        warehouse = self.env["stock.warehouse"].search(
            [("company_id", "=", self.env.company.id)], limit=1
        )
        return warehouse.lot_stock_id

    @api.depends("width", "height")
    def _compute_area(self):
        for remnant in self:
            remnant.area = remnant.width * remnant.height / MM2_PER_M2

    @api.depends("name", "width", "height")
    def _compute_display_name(self):
        for remnant in self:
            remnant.display_name = (
                f"{remnant.name} ({remnant.width} × {remnant.height})"
            )

    @api.model_create_multi
    def create(self, vals_list):
        sequence = self.env["ir.sequence"]
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = sequence.next_by_code("mirror.remnant") or "/"
        return super().create(vals_list)

    def action_scrap(self):
        """The remnant broke or is too dirty to use: its glass leaves stock."""
        for remnant in self:
            if remnant.state != "available":
                raise UserError(
                    self.env._(
                        "Remnant %(remnant)s cannot be scrapped: it is not available "
                        "(%(state)s).",
                        remnant=remnant.display_name,
                        state=dict(
                            self._fields["state"]._description_selection(self.env)
                        )[remnant.state],
                    )
                )
            scrap = (
                self.env["stock.scrap"]
                .sudo()
                .create(
                    {
                        "product_id": remnant.product_id.id,
                        "scrap_qty": remnant.area,
                        "product_uom_id": remnant.product_id.uom_id.id,
                        "location_id": remnant.location_id.id,
                        "origin": remnant.name,
                        "company_id": remnant.company_id.id,
                    }
                )
            )
            scrap.do_scrap()
            remnant.state = "scrapped"
        return True
