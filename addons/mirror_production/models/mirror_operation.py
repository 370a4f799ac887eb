# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..glass.spec import (
    BASIS_LABELS,
    CATEGORY_LABELS,
    EDGE_TYPE_LABELS,
    EXTRA_CATEGORIES,  # noqa: F401  (the line model takes it from here)
    Operation,
)
from .quote_cache import cached

CATEGORY_SELECTION = list(CATEGORY_LABELS.items())
BASIS_SELECTION = list(BASIS_LABELS.items())
EDGE_TYPE_SELECTION = list(EDGE_TYPE_LABELS.items())
# prices and costs: everyone but the workshop tablet's accounts
NOT_OPERATORS = "!mirror_production.group_mirror_operator"


class MirrorOperation(models.Model):
    _name = "mirror.operation"
    _description = "Glass Processing Operation"
    _order = "sequence, category, name, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(
        "Short code",
        help="Short mark printed on drawings and labels, e.g. 'Ш' for a ground edge.",
    )
    active = fields.Boolean(default=True)
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one(
        "res.company", default=lambda self: self.env.company, required=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    category = fields.Selection(CATEGORY_SELECTION, required=True, default="other")
    basis = fields.Selection(
        BASIS_SELECTION,
        "Pricing basis",
        required=True,
        compute="_compute_basis",
        store=True,
        readonly=False,
        precompute=True,
    )
    edge_type = fields.Selection(EDGE_TYPE_SELECTION)
    facet_width = fields.Float("Facet width (mm)", digits=(6, 1))
    curved_factor = fields.Float(
        default=1.0,
        digits=(6, 2),
        help="Price multiplier for curved edges (circles, ovals, rounded corners).",
    )
    price_ids = fields.One2many(
        "mirror.operation.price",
        "operation_id",
        "Prices by thickness",
        copy=True,
        groups=NOT_OPERATORS,
    )
    min_charge = fields.Monetary(
        "Minimum charge",
        help="Least amount charged for this operation on an order line.",
        groups=NOT_OPERATORS,
    )
    thickness_min = fields.Float("Glass from (mm)", digits=(6, 1))
    thickness_max = fields.Float(
        "Glass up to (mm)", digits=(6, 1), help="0 means no upper limit."
    )
    size_min = fields.Float(
        "Size from (mm)",
        digits=(8, 1),
        help="Drilling: smallest hole diameter; cutouts: smallest side of the cutout.",
    )
    size_max = fields.Float(
        "Size up to (mm)",
        digits=(8, 1),
        help="Drilling: largest hole diameter; cutouts: largest side. 0 means no "
        "limit.",
    )
    workcenter_id = fields.Many2one("mrp.workcenter", "Work center", check_company=True)
    time_norm = fields.Float(
        "Time norm (min)", digits=(8, 2), help="Minutes per unit of the pricing basis."
    )
    time_setup = fields.Float(
        "Setup time (min)", digits=(8, 2), help="Minutes per order line."
    )
    before_tempering = fields.Boolean(
        help="Must be done before tempering: tempered glass can no longer be cut, "
        "edged or drilled."
    )
    subcontracted = fields.Boolean(
        help="Done by a subcontractor (typically tempering): its work orders are "
        "external, the pieces are at the subcontractor meanwhile."
    )
    subcontractor_id = fields.Many2one("res.partner")
    transport_cost = fields.Monetary(
        "Transport cost per piece",
        help="Delivery to and from the subcontractor.",
        groups=NOT_OPERATORS,
    )
    subcontract_lead_days = fields.Integer(
        "Subcontractor lead time (days)", help="Working days at the subcontractor."
    )
    description = fields.Text(translate=True)

    _sql_constraints = [
        (
            "thickness_range",
            "CHECK(thickness_max = 0 OR thickness_max >= thickness_min)",
            "The largest glass thickness of an operation must be at least its "
            "smallest.",
        ),
        (
            "size_range",
            "CHECK(size_max = 0 OR size_max >= size_min)",
            "The largest size of an operation must be at least its smallest.",
        ),
        (
            "curved_factor",
            "CHECK(curved_factor > 0)",
            "The curved edge factor must be positive.",
        ),
    ]

    @api.depends("category")
    def _compute_basis(self):
        defaults = {
            "edge": "length",
            "facet": "length",
            "drilling": "unit",
            "cutout": "unit",
            "corner": "unit",
            "tempering": "area",
            "sandblasting": "area",
            "uv_print": "area",
            "film": "area",
            "lamination": "area",
            "cutting": "area",
        }
        for operation in self:
            operation.basis = defaults.get(
                operation.category, operation.basis or "piece"
            )

    @api.constrains("category", "edge_type", "facet_width", "basis")
    def _check_category(self):
        for operation in self:
            if operation.category == "edge":
                if not operation.edge_type:
                    raise ValidationError(
                        self.env._(
                            "Edge work %(name)s needs an edge type (arrised, ground, "
                            "polished or "
                            "facet).",
                            name=operation.name,
                        )
                    )
                if operation.basis != "length":
                    raise ValidationError(
                        self.env._(
                            "Edge work %(name)s is priced per linear metre: set its "
                            "pricing "
                            "basis to 'Per linear metre'.",
                            name=operation.name,
                        )
                    )
            if operation.edge_type == "facet" and operation.facet_width <= 0:
                raise ValidationError(
                    self.env._(
                        "The facet %(name)s needs its width in mm (typically 5 to 30 "
                        "mm).",
                        name=operation.name,
                    )
                )

    @api.model
    def _glass_find(self, category, size, thickness, company):
        """The first active operation of category for a size and a thickness."""
        return self._glass_candidates(category)._glass_pick(size, thickness, company)

    @api.model
    def _glass_candidates(self, category):
        """The active operations of ``category`` (searched once per quote)."""
        return self.browse(
            cached(
                self.env,
                "candidates",
                category,
                lambda: self.search([("category", "=", category)]).ids,
            )
        )

    def _glass_pick(self, size, thickness, company):
        """Among these operations, the first for a size and thickness in ``company``.

        Callers computing many records search the candidates once and pick here.
        """
        for operation in self:
            if operation.company_id not in (company, self.env["res.company"]):
                continue
            glass_op = operation._glass_operation()
            if glass_op.covers_size(size) and glass_op.allows_thickness(thickness):
                return operation
        return self.browse()

    def _glass_operation(self, rate=1.0):
        """This operation as the pure ``glass.spec.Operation`` (prices × ``rate``)."""
        self.ensure_one()
        if self._origin.id:
            return cached(
                self.env,
                "operation",
                (self._origin.id, rate),
                lambda: self._glass_build_operation(rate),
            )
        return self._glass_build_operation(rate)

    def _glass_build_operation(self, rate):
        return Operation(
            name=self.name,
            category=self.category,
            basis=self.basis,
            bands=tuple(band._glass_band(rate) for band in self.price_ids),
            key=self._origin.id or False,
            code=self.code or "",
            min_charge=self.min_charge * rate,
            thickness_min=self.thickness_min,
            thickness_max=self.thickness_max,
            size_min=self.size_min,
            size_max=self.size_max,
            edge_type=self.edge_type or "",
            facet_width=self.facet_width,
            curved_factor=self.curved_factor or 1.0,
            time_norm=self.time_norm,
            time_setup=self.time_setup,
        )
