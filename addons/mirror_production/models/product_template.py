# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import Command, api, fields, models
from odoo.exceptions import ValidationError

from ..cutting import Settings
from ..glass.spec import Material

GLASS_KIND_SELECTION = [
    ("float", "Float, clear"),
    ("extra_clear", "Extra-clear (low-iron)"),
    ("tinted", "Tinted"),
    ("mirror_silver", "Mirror, silver"),
    ("mirror_bronze", "Mirror, bronze"),
    ("mirror_graphite", "Mirror, graphite"),
    ("satin", "Satin / matte"),
    ("patterned", "Patterned"),
    ("laminated", "Laminated"),
]


class ProductTemplate(models.Model):
    _inherit = "product.template"

    glass_role = fields.Selection(
        [("material", "Glass material"), ("piece", "Glass piece made to measure")],
        help="Glass material: sold and stocked by m², cut from stock sheets.\n"
        "Glass piece made to measure: the product of order lines whose glass, size and "
        "processing are specified on the line.",
    )
    glass_kind = fields.Selection(GLASS_KIND_SELECTION, "Glass kind")
    glass_thickness = fields.Float("Thickness (mm)", digits=(6, 1))
    glass_directional = fields.Boolean(
        "Directional",
        help="Patterned or brushed glass whose pattern has a direction: pieces must "
        "not be "
        "rotated on the sheet.",
    )
    glass_temperable = fields.Boolean("Temperable", default=True)
    glass_sheet_size_ids = fields.One2many(
        "mirror.sheet.size", "product_tmpl_id", "Stock sheet sizes", copy=True
    )
    glass_remnant_min_short = fields.Integer(
        "Smallest remnant, short side (mm)",
        default=Settings.remnant_short,
        help="An offcut at least this size on its short side, and at least the long "
        "side below on its long side, goes back into stock as a remnant; smaller "
        "offcuts are waste.",
    )
    glass_remnant_min_long = fields.Integer(
        "Smallest remnant, long side (mm)", default=Settings.remnant_long
    )
    glass_min_line_price = fields.Monetary(
        "Minimum line price",
        help="Least amount charged for an order line of this material, e.g. 1,500 ₽ "
        "for an "
        "untempered mirror.",
    )

    @api.constrains("glass_role", "glass_thickness")
    def _check_glass_thickness(self):
        for template in self:
            if (
                template.glass_role == "material"
                and not 0 < template.glass_thickness <= 100
            ):
                raise ValidationError(
                    self.env._(
                        "The glass material %(name)s needs a thickness between 0 and "
                        "100 mm "
                        "(got %(thickness)s).",
                        name=template.name,
                        thickness=template.glass_thickness,
                    )
                )

    @api.constrains("glass_remnant_min_short", "glass_remnant_min_long")
    def _check_glass_remnant_size(self):
        for template in self:
            if (
                template.glass_remnant_min_short <= 0
                or template.glass_remnant_min_long < template.glass_remnant_min_short
            ):
                raise ValidationError(
                    self.env._(
                        "The smallest remnant of %(name)s must have a positive short "
                        "side and a long side at least as long (got %(short)s × "
                        "%(long)s mm).",
                        name=template.name,
                        short=template.glass_remnant_min_short,
                        long=template.glass_remnant_min_long,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        square_meter = self.env.ref("uom.uom_square_meter", raise_if_not_found=False)
        for vals in vals_list:
            # glass materials are stocked and sold by m², whoever creates them
            if vals.get("glass_role") == "material":
                # stock sheets and remnants are counted in m² in stock
                vals.setdefault("is_storable", True)
                if square_meter:
                    vals.setdefault("uom_id", square_meter.id)
                    vals.setdefault("uom_po_id", vals["uom_id"])
        return super().create(vals_list)

    def _mirror_setup_glass_piece_routes(self):
        """Glass pieces are made to order: make-to-order and manufacture routes."""
        mto = self.env.ref("stock.route_warehouse0_mto", raise_if_not_found=False)
        manufacture = self.env.ref(
            "mrp.route_warehouse0_manufacture", raise_if_not_found=False
        )
        if mto and not mto.active:
            mto.toggle_active()
        routes = (mto or self.env["stock.route"]) | (
            manufacture or self.env["stock.route"]
        )
        self.write(
            {
                "is_storable": True,
                "route_ids": [Command.link(route.id) for route in routes],
            }
        )

    @api.onchange("glass_role")
    def _onchange_glass_role(self):
        square_meter = self.env.ref("uom.uom_square_meter", raise_if_not_found=False)
        unit = self.env.ref("uom.product_uom_unit", raise_if_not_found=False)
        if self.glass_role == "material":
            self.is_storable = True
            if square_meter:
                self.uom_id = self.uom_po_id = square_meter
        elif self.glass_role == "piece" and unit:
            self.uom_id = self.uom_po_id = unit


class ProductProduct(models.Model):
    _inherit = "product.product"

    @api.model_create_multi
    def create(self, vals_list):
        # the template's default is lost when a variant is created directly
        for vals in vals_list:
            if vals.get("glass_role") == "material":
                vals.setdefault("is_storable", True)
        return super().create(vals_list)

    def _glass_material(self, price_m2=None, rate=1.0):
        """This material as the pure ``glass.spec.Material``.

        ``price_m2`` is the customer's price (pricelist applied) in the order currency;
        ``rate`` converts company-currency amounts (cost, minimum) into it.
        """
        self.ensure_one()
        template = self.product_tmpl_id
        return Material(
            name=self.display_name,
            thickness=template.glass_thickness,
            price_m2=self.lst_price * rate if price_m2 is None else price_m2,
            cost_m2=self.standard_price * rate,
            kind=template.glass_kind or "float",
            directional=template.glass_directional,
            temperable=template.glass_temperable,
            sheets=tuple(
                (sheet.width, sheet.height) for sheet in template.glass_sheet_size_ids
            ),
            min_line_price=template.glass_min_line_price * rate,
        )

    def _mirror_cutting_settings(self, company):
        """How this glass is cut in ``company``'s workshop, for the optimizer."""
        self.ensure_one()
        template = self.product_tmpl_id
        return Settings(
            trim=max(0, company.mirror_cut_trim),
            cut_width=max(0, company.mirror_cut_width),
            min_waste=max(1, company.mirror_cut_min_waste),
            remnant_short=template.glass_remnant_min_short or Settings.remnant_short,
            remnant_long=template.glass_remnant_min_long or Settings.remnant_long,
        )
