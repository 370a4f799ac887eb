# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from itertools import count

from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import ValidationError

from ..glass import pricing, svg, validation
from ..glass.geometry import MM2_PER_M2
from ..glass.spec import SIDES, Cutout, Hole, Material, PieceSpec
from .mirror_lang import format_number, in_company_lang
from .mirror_operation import EXTRA_CATEGORIES
from .quote_cache import QUOTE_CONTEXT, cached

SHAPE_SELECTION = [
    ("rectangle", "Rectangle"),
    ("rounded", "Rectangle with rounded corners"),
    ("circle", "Circle"),
    ("oval", "Oval"),
    ("custom", "Custom shape (drawing)"),
]
URGENCY_SELECTION = [("normal", "Normal"), ("urgent", "Urgent"), ("express", "Express")]

# every field a glass line's price, drawing and validity depend on
EDGE_SIDE_FIELDS = tuple(f"glass_edge_{side}_id" for side in SIDES)
GLASS_SPEC_FIELDS = (
    "glass_is_piece",
    "glass_material_id",
    "glass_width",
    "glass_height",
    "glass_shape",
    "glass_corner_radius",
    "glass_edge_bottom_id",
    "glass_edge_right_id",
    "glass_edge_top_id",
    "glass_edge_left_id",
    "glass_hole_ids",
    "glass_hole_ids.diameter",
    "glass_hole_ids.x",
    "glass_hole_ids.y",
    "glass_hole_ids.operation_id",
    "glass_cutout_ids",
    "glass_cutout_ids.width",
    "glass_cutout_ids.height",
    "glass_cutout_ids.x",
    "glass_cutout_ids.y",
    "glass_cutout_ids.operation_id",
    "glass_operation_ids",
    "glass_urgency",
    "glass_shape_surcharge",
    "glass_drawing",
    "product_uom_qty",
)
# and what else its pure specification is built from: a change to any of them
# gives the line a new specification version (see ``_glass_spec``)
GLASS_SPEC_DEPENDS = GLASS_SPEC_FIELDS + (
    "company_id",
    "currency_id",
    "order_id.company_id",
    "order_id.currency_id",
    "order_id.pricelist_id",
    "order_id.date_order",
)
# where the specifications built in a transaction are kept: the pre-commit queue's
# data, emptied at each commit, rollback and flush of the queue
GLASS_SPEC_CACHE = "mirror_production.glass_spec"
_glass_spec_versions = count(1)
# numbers of a glass line, and of its holes and cutouts, checked before they are
# stored: NaN, infinity or a string would crash the ORM's rounding with a traceback
GLASS_NUMBER_FIELDS = (
    "glass_width",
    "glass_height",
    "glass_corner_radius",
    "glass_shape_surcharge",
)
GLASS_ELEMENT_NUMBERS = {
    "glass_hole_ids": ("diameter", "x", "y"),
    "glass_cutout_ids": ("width", "height", "x", "y"),
}
GLASS_ELEMENT_OTHERS = ("operation_id", "sequence")
GLASS_CHECKED_FIELDS = frozenset(
    GLASS_NUMBER_FIELDS + tuple(GLASS_ELEMENT_NUMBERS) + ("product_uom_qty",)
)
# what mirror_glass_quote takes; other sale line values are left out of the quote
GLASS_QUOTE_FIELDS = frozenset(
    [name for name in GLASS_SPEC_FIELDS if "." not in name and name != "glass_is_piece"]
    + ["glass_edge_all_id", "glass_drawing_name", "order_id", "product_id"]
)
MAX_ID = 2**31 - 1  # PostgreSQL's integer ids; a larger one is a database error


class _Lazy:
    """A text written only when a message uses it: the translated label of a field
    or of a hole (a quote of fifty lines checks hundreds of values and finds few
    errors)."""

    __slots__ = ("text",)

    def __init__(self, text):
        self.text = text

    def __str__(self):
        return self.text()


def _shown(value):
    """A value as a message quotes it: 12.5, nan, 'abc', [1, 2]."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return validation.fmt(value)
    text = repr(value)
    return text if len(text) <= 40 else text[:39] + "…"


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    glass_is_piece = fields.Boolean(
        "Glass line", compute="_compute_glass_is_piece", store=True, precompute=True
    )
    glass_material_id = fields.Many2one(
        "product.product",
        "Glass",
        domain=[("glass_role", "=", "material")],
        index="btree_not_null",
        help="The glass material the pieces are cut from.",
    )
    glass_thickness = fields.Float(
        related="glass_material_id.glass_thickness", string="Thickness (mm)"
    )
    glass_width = fields.Float("Width (mm)", digits=(8, 1))
    glass_height = fields.Float("Height (mm)", digits=(8, 1))
    glass_shape = fields.Selection(SHAPE_SELECTION, "Shape", default="rectangle")
    glass_corner_radius = fields.Float("Corner radius (mm)", digits=(8, 1))
    glass_edge_all_id = fields.Many2one(
        "mirror.operation",
        "Edge (all sides)",
        domain=[("category", "=", "edge")],
        help="Edge work for all four sides at once; each side can then be changed.",
    )
    glass_edge_bottom_id = fields.Many2one(
        "mirror.operation", "Edge, bottom", domain=[("category", "=", "edge")]
    )
    glass_edge_right_id = fields.Many2one(
        "mirror.operation", "Edge, right", domain=[("category", "=", "edge")]
    )
    glass_edge_top_id = fields.Many2one(
        "mirror.operation", "Edge, top", domain=[("category", "=", "edge")]
    )
    glass_edge_left_id = fields.Many2one(
        "mirror.operation", "Edge, left", domain=[("category", "=", "edge")]
    )
    glass_hole_ids = fields.One2many(
        "mirror.sale.line.hole", "line_id", "Holes", copy=True
    )
    glass_cutout_ids = fields.One2many(
        "mirror.sale.line.cutout", "line_id", "Cutouts", copy=True
    )
    glass_operation_ids = fields.Many2many(
        "mirror.operation",
        "mirror_operation_sale_order_line_rel",
        "line_id",
        "operation_id",
        "Operations",
        domain=[("category", "in", EXTRA_CATEGORIES)],
        help="Other processing: tempering, sandblasting, film, packing…",
    )
    glass_urgency = fields.Selection(URGENCY_SELECTION, "Urgency", default="normal")
    glass_shape_surcharge = fields.Monetary(
        "Shape surcharge", help="Manual surcharge per piece for a custom shape."
    )
    glass_drawing = fields.Binary("Drawing", attachment=True, copy=True)
    glass_drawing_name = fields.Char("Drawing file name", copy=True)
    glass_workshop_attachment_ids = fields.Many2many(
        "ir.attachment",
        "mirror_sale_line_workshop_attachment_rel",
        "line_id",
        "attachment_id",
        "Files for the workshop",
        copy=True,
        help="Shown with the pieces of this line on the workshop tablet (sketches, "
        "templates). The order's own documents never are.",
    )

    glass_area = fields.Float(
        "Area (m²)",
        compute="_compute_glass_quote",
        store=True,
        precompute=True,
        digits=(12, 4),
    )
    glass_billable_area = fields.Float(
        "Billable area (m²)",
        compute="_compute_glass_quote",
        store=True,
        precompute=True,
        digits=(12, 4),
    )
    glass_total_area = fields.Float(
        "Total area (m²)",
        compute="_compute_glass_quote",
        store=True,
        precompute=True,
        digits=(12, 3),
    )
    glass_perimeter = fields.Float(
        "Perimeter (m)",
        compute="_compute_glass_quote",
        store=True,
        precompute=True,
        digits=(12, 3),
    )
    glass_edge_summary = fields.Char(
        "Edge lengths",
        compute="_compute_glass_quote",
        store=True,
        precompute=True,
        help="Length per edge work.",
    )
    glass_weight = fields.Float(
        "Weight (kg)",
        compute="_compute_glass_quote",
        store=True,
        precompute=True,
        digits=(12, 2),
    )
    glass_total_weight = fields.Float(
        "Total weight (kg)",
        compute="_compute_glass_quote",
        store=True,
        precompute=True,
        digits=(12, 2),
    )
    glass_unit_price = fields.Monetary(
        "Glass unit price", compute="_compute_glass_quote", store=True, precompute=True
    )
    glass_unit_cost = fields.Monetary(
        "Glass unit cost", compute="_compute_glass_quote", store=True, precompute=True
    )
    mirror_piece_ids = fields.One2many("mirror.piece", "sale_line_id", "Pieces")
    glass_breakdown = fields.Json(
        compute="_compute_glass_quote", store=True, precompute=True
    )
    glass_breakdown_html = fields.Html(
        "Price breakdown", compute="_compute_glass_breakdown_html", sanitize=False
    )
    glass_svg = fields.Html(
        "Piece drawing", compute="_compute_glass_svg", sanitize=False
    )
    glass_issues = fields.Text("Problems", compute="_compute_glass_issues")
    glass_spec_version = fields.Integer(
        "Specification version",
        compute="_compute_glass_spec_version",
        help="Technical: a new number whenever anything the line's specification is "
        "built from changes.",
    )

    @api.depends("product_id")
    def _compute_glass_is_piece(self):
        for line in self:
            line.glass_is_piece = line.product_id.glass_role == "piece"

    @api.onchange("glass_edge_all_id")
    def _onchange_glass_edge_all_id(self):
        for line in self:
            if line.glass_edge_all_id:
                line.update(
                    {f"glass_edge_{side}_id": line.glass_edge_all_id for side in SIDES}
                )

    @api.onchange(*EDGE_SIDE_FIELDS)
    def _onchange_glass_edge_sides(self):
        for line in self:
            line.glass_edge_all_id = line._glass_common_edge()

    @api.depends(*GLASS_SPEC_FIELDS, "order_id.pricelist_id", "order_id.currency_id")
    def _compute_glass_quote(self):
        for line in self:
            if not (line.glass_is_piece and line.glass_material_id):
                line.update(
                    {
                        "glass_area": 0.0,
                        "glass_billable_area": 0.0,
                        "glass_total_area": 0.0,
                        "glass_perimeter": 0.0,
                        "glass_edge_summary": False,
                        "glass_weight": 0.0,
                        "glass_total_weight": 0.0,
                        "glass_unit_price": 0.0,
                        "glass_unit_cost": 0.0,
                        "glass_breakdown": False,
                    }
                )
                continue
            spec = line._glass_spec()
            quote = pricing.quote(spec, line._glass_rules())
            quantity = line.product_uom_qty
            # stored text: in the company's language when the call has none
            env = in_company_lang(line, line.company_id or self.env.company).env
            line.update(
                {
                    "glass_area": quote.area,
                    "glass_billable_area": quote.billable_area,
                    "glass_total_area": quote.billable_area * quantity,
                    "glass_perimeter": quote.perimeter,
                    "glass_edge_summary": "; ".join(
                        env._(
                            "%(edge)s %(length)s m",
                            edge=env["mirror.operation"].browse(operation.key).name
                            if operation.key
                            else operation.name,
                            length=format_number(env, round(straight + curved, 3)),
                        )
                        for operation, (straight, curved) in quote.edge_lengths.items()
                    )
                    or False,
                    "glass_weight": quote.weight,
                    "glass_total_weight": quote.weight * quantity,
                    "glass_unit_price": quote.unit_price,
                    "glass_unit_cost": quote.unit_cost,
                    "glass_breakdown": quote.as_dict(),
                }
            )

    @api.depends("glass_breakdown")
    def _compute_glass_breakdown_html(self):
        for line in self:
            line.glass_breakdown_html = line._glass_breakdown_html()

    @api.depends(*GLASS_SPEC_FIELDS)
    def _compute_glass_svg(self):
        for line in self:
            if not line.glass_is_piece:
                line.glass_svg = False
                continue
            drawing = svg.render(
                line._glass_spec(), title=line.glass_material_id.display_name or ""
            )
            line.glass_svg = Markup(drawing) if drawing else False

    @api.depends(*GLASS_SPEC_FIELDS)
    def _compute_glass_issues(self):
        for line in self:
            line.glass_issues = "\n".join(line._glass_problems()) or False

    @api.depends(*GLASS_SPEC_DEPENDS)
    def _compute_glass_spec_version(self):
        # not stored: the ORM forgets the number when a dependency changes, in the
        # database or in a form, and the next _glass_spec() builds the spec anew
        for line in self:
            line.glass_spec_version = next(_glass_spec_versions)

    @api.depends(*GLASS_SPEC_FIELDS)
    def _compute_name(self):
        res = super()._compute_name()
        for line in self:
            if not (line.glass_is_piece and line.glass_material_id):
                continue
            lang = (
                line.order_id._get_lang()
                or (line.company_id or self.env.company).partner_id.lang
            )
            if lang != self.env.lang:
                line = line.with_context(lang=lang)
            line.name = line._glass_description()
        return res

    @api.depends("glass_unit_price")
    def _compute_price_unit(self):
        glass_lines = self.filtered(
            lambda line: line.glass_is_piece and line.glass_material_id
        )
        res = super(SaleOrderLine, self - glass_lines)._compute_price_unit()
        force = self.env.context.get("force_price_recomputation")
        if force:
            glass_lines._compute_glass_quote()
        for line in glass_lines:
            if not line.order_id:
                continue
            if (line.technical_price_unit != line.price_unit and not force) or (
                line.qty_invoiced > 0
            ):
                continue
            line = line.with_context(sale_write_from_compute=True).with_company(
                line.company_id
            )
            line.price_unit = line.product_id._get_tax_included_unit_price_from_price(
                line.glass_unit_price,
                product_taxes=line.product_id.taxes_id.filtered(
                    lambda tax, line=line: tax.company_id == line.env.company
                ),
                fiscal_position=line.order_id.fiscal_position_id,
            )
            line.technical_price_unit = line.price_unit
        return res

    @api.depends("glass_unit_cost")
    def _compute_purchase_price(self):
        glass_lines = self.filtered(
            lambda line: line.glass_is_piece and line.glass_material_id
        )
        res = super(SaleOrderLine, self - glass_lines)._compute_purchase_price()
        for line in glass_lines:
            line.purchase_price = line.glass_unit_cost
        return res

    def _compute_discount(self):
        # the customer's pricelist is already applied to the glass price per m²;
        # a glass line's discount is the manager's own (never the pricelist's twice)
        glass_lines = self.filtered("glass_is_piece")
        return super(SaleOrderLine, self - glass_lines)._compute_discount()

    @api.constrains("order_id", "product_id")
    def _check_glass_line_count(self):
        """At most the company's number of glass lines per order.

        Named to run before ``_check_glass_spec`` (constraints run by name); create
        checks the count before anything is computed, this catches the other ways.
        """
        orders = self.filtered("glass_is_piece").order_id
        if orders:
            counts = self._read_group(
                [("order_id", "in", orders.ids), ("glass_is_piece", "=", True)],
                ["order_id"],
                ["__count"],
            )
            for order, count in counts:
                self._glass_check_line_count(order, count)

    @api.constrains(*[name for name in GLASS_SPEC_FIELDS if "." not in name])
    def _check_glass_spec(self):
        problems = []
        for line in self.filtered("glass_is_piece"):
            messages = line._glass_problems()
            if messages:
                label = (
                    line.glass_material_id.display_name or line.product_id.display_name
                )
                problems.append(
                    self.env._("%(line)s:", line=label)
                    + "\n"
                    + "\n".join(f"• {message}" for message in messages)
                )
        if problems:
            raise ValidationError("\n\n".join(problems))

    @api.model_create_multi
    def create(self, vals_list):
        # refuse bad numbers and too many lines before anything is computed
        errors = [
            error for vals in vals_list for error in self._glass_value_errors(vals)
        ]
        if errors:
            raise ValidationError("\n".join(errors))
        self._glass_check_new_lines(vals_list)
        for vals in vals_list:
            self._glass_spread_edge(vals)
        return super().create(vals_list)

    @api.model
    def new(self, values=None, origin=None, ref=None):
        # an order builds its lines in memory (for its precomputed fields) before it
        # creates them: a NaN would crash the ORM's rounding there, with a traceback
        errors = self._glass_value_errors(values)
        if errors:
            raise ValidationError("\n".join(errors))
        return super().new(values, origin=origin, ref=ref)

    def write(self, vals):
        errors = self._glass_value_errors(vals)
        if errors:
            raise ValidationError("\n".join(errors))
        vals = self._glass_spread_edge(dict(vals))
        res = super().write(vals)
        if "glass_edge_all_id" not in vals and set(EDGE_SIDE_FIELDS) & set(vals):
            for line in self:
                common = line._glass_common_edge()
                if common != line.glass_edge_all_id:
                    line.glass_edge_all_id = common
        return res

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if self.env.context.get("mirror_glass_line") and "product_id" in fields_list:
            product = self.env.company._mirror_glass_product()
            if product:
                values.setdefault("product_id", product.id)
        return values

    def action_glass_open_spec(self):
        """Open the line's full specification (edges per side, holes, drawing)."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Glass specification"),
            "res_model": "sale.order.line",
            "res_id": self.id,
            "view_mode": "form",
            "views": [
                (
                    self.env.ref(
                        "mirror_production.sale_order_line_view_form_glass"
                    ).id,
                    "form",
                )
            ],
            "target": "new",
            "context": {"mirror_glass_line": True},
        }

    @api.model
    def mirror_glass_quote(self, values):
        """Price and validate a glass line without saving it (API, portal, bots).

        ``values`` are sale.order.line values (``order_id`` gives the customer and
        pricelist); holes and cutouts as create commands. Returns a dict with
        ``valid``, ``errors`` (translated messages), the measures and the price
        breakdown. Whatever is sent, the answer is this dict: values of the wrong
        shape or type are refused with a message, as is an invalid specification,
        and a refused line is never priced.
        """
        # who may not create order lines gets no price either (workshop operators,
        # portal users outside the portal's own routes)
        self.check_access("create")
        return self._glass_quote(values)

    @api.model
    def _glass_quote(self, values, order=None):
        """``mirror_glass_quote`` without its access check, for the callers that
        check who asks themselves (the portal's routes, the chat bots).

        ``order`` (a new, unsaved ``sale.order``) gives the customer, pricelist and
        currency instead of ``values``' ``order_id``. The answer's ``issues`` say,
        for each problem, the field it is about (when one is).
        """
        # the lines of one quote share the records they check, convert and find
        self = self.with_context(**{QUOTE_CONTEXT: True})
        values, refused = self._glass_quote_values(values)
        if refused:
            return refused
        if order is not None:
            values["order_id"] = order
        return self._glass_quote_answer(self.new(values))

    @api.model
    def _glass_quote_many(self, values_list, order_values):
        """:meth:`_glass_quote` of many lines of one order at once: the answers, in
        the order of ``values_list``.

        The lines are made as one new ``sale.order`` of ``order_values`` (customer,
        company, pricelist), so that the ORM computes their fields for all of
        them together rather than line by line (a cut list of fifty lines).
        """
        self = self.with_context(**{QUOTE_CONTEXT: True})
        answers = []
        good = []
        for values in values_list:
            values, refused = self._glass_quote_values(values)
            answers.append(refused)
            if not refused:
                good.append(values)
        order = self.env["sale.order"].with_context(**{QUOTE_CONTEXT: True})
        order = order.new(
            dict(
                order_values,
                order_line=[
                    Command.create(dict(values, sequence=index))
                    for index, values in enumerate(good)
                ],
            )
        )
        lines = iter(order.order_line)
        return [answer or self._glass_quote_answer(next(lines)) for answer in answers]

    @api.model
    def _glass_quote_values(self, values):
        """``(line values, None)`` of a quote's argument, or ``(None, answer)``
        with the refusal of values that cannot be a line."""
        errors = self._glass_quote_errors(values)
        if errors:
            return None, self._glass_quote_refused(errors)
        values = {
            name: value for name, value in values.items() if name in GLASS_QUOTE_FIELDS
        }
        values.setdefault("product_uom_qty", 1.0)
        values.setdefault("product_id", self.env.company._mirror_glass_product().id)
        return self._glass_spread_edge(values), None

    def _glass_quote_answer(self, line):
        """The quote's answer for ``line``, a new glass line: its price, or why it
        cannot be made."""
        if not line.glass_is_piece:
            return self._glass_quote_refused(
                [
                    self.env._(
                        "%(product)s is not a glass piece product: leave product_id "
                        "out to quote the default glass piece.",
                        product=line.product_id.display_name,
                    )
                ],
                line,
            )
        items = line._glass_problem_items()
        if items:
            refused = self._glass_quote_refused(
                [message for _f, message in items], line
            )
            refused["issues"] = [
                {"field": name, "message": message} for name, message in items
            ]
            return refused
        quote = pricing.quote(line._glass_spec(), line._glass_rules())
        breakdown = quote.as_dict()
        if not self.env.user.has_group("sales_team.group_sale_salesman"):
            # costs are the office's: a client or a bot quoting through sudo
            # gets the prices only
            breakdown = self._glass_without_costs(breakdown)
        return {
            "valid": True,
            "errors": [],
            "issues": [],
            "currency": line.currency_id.name or self.env.company.currency_id.name,
            "unit_price": quote.unit_price,
            "subtotal": quote.total,
            "breakdown": breakdown,
            "description": line._glass_description(),
        }

    @api.model
    def _glass_without_costs(self, breakdown):
        """A price breakdown without the workshop's costs."""
        return {
            key: [self._glass_without_costs(item) for item in value]
            if key == "items"
            else value
            for key, value in breakdown.items()
            if "cost" not in key
        }

    # business methods

    @api.model
    def _glass_spread_edge(self, vals):
        """'All sides' fills the sides that ``vals`` does not set itself."""
        if vals.get("glass_edge_all_id"):
            for name in EDGE_SIDE_FIELDS:
                vals.setdefault(name, vals["glass_edge_all_id"])
            if len({vals[name] for name in EDGE_SIDE_FIELDS}) > 1:
                # a side was given another edge: 'all sides' no longer describes it
                vals["glass_edge_all_id"] = False
        return vals

    def _glass_common_edge(self):
        """The edge work of all four sides when they are the same, else nothing."""
        self.ensure_one()
        edges = {self[name] for name in EDGE_SIDE_FIELDS}
        return edges.pop() if len(edges) == 1 else self.env["mirror.operation"]

    def _glass_rules(self):
        self.ensure_one()
        company = self.company_id or self.order_id.company_id or self.env.company
        return company._mirror_glass_rules()

    def _glass_currency_rate(self):
        self.ensure_one()
        company = self.company_id or self.order_id.company_id or self.env.company
        currency = self.currency_id or self.order_id.currency_id or company.currency_id
        if currency == company.currency_id:
            return 1.0
        return company.currency_id._get_conversion_rate(
            company.currency_id,
            currency,
            company,
            fields.Date.to_date(self.order_id.date_order)
            or fields.Date.context_today(self),
        )

    def _glass_price_m2(self, rate, billable_area):
        """The customer's price per m² of the material: the order's pricelist
        applied.
        """
        self.ensure_one()
        material = self.glass_material_id
        pricelist = self.order_id.pricelist_id
        if not pricelist:
            return material.lst_price * rate
        return pricelist._get_product_price(
            material,
            max(billable_area * (self.product_uom_qty or 1.0), 0.0) or 1.0,
            currency=self.currency_id or pricelist.currency_id,
            uom=material.uom_id,
            date=self.order_id.date_order or fields.Datetime.now(),
        )

    def _glass_spec(self):
        """This line as the pure ``glass.spec.PieceSpec``, built once per line and
        transaction.

        The price, the drawing, the problems, the constraint and the route all ask
        for it; it is kept for the transaction under the line's specification
        version (which changes with every field it is built from, see
        ``GLASS_SPEC_DEPENDS``) and the environment (language, user, company).
        Catalogue changes (operation prices, the material's price, pricelist
        rules) are seen by the specifications built after them, as by the line's
        stored prices.
        """
        self.ensure_one()
        specs = self.env.cr.precommit.data.setdefault(GLASS_SPEC_CACHE, {})
        key = (
            self.glass_spec_version,
            self.env.lang,
            self.env.uid,
            self.env.su,
            self.env.company.id,
        )
        spec = specs.get(key)
        if spec is None:
            spec = specs[key] = self._glass_build_spec()
        return spec

    def _glass_build_spec(self):
        """This line as the pure ``glass.spec.PieceSpec``, from its records."""
        self.ensure_one()
        company = self.company_id or self.order_id.company_id or self.env.company
        rate = self._glass_currency_rate()
        operations = {}

        def convert(operation):
            if not operation:
                return None
            key = operation._origin.id or operation.id
            if key not in operations:
                operations[key] = operation._glass_operation(rate)
            return operations[key]

        if self.glass_material_id:
            billable = max(
                self.glass_width * self.glass_height / MM2_PER_M2,
                company.mirror_min_billable_area,
            )
            material = self.glass_material_id._glass_material(
                self._glass_price_m2(rate, billable), rate
            )
        else:
            material = Material(name="", thickness=0.0)
        return PieceSpec(
            material=material,
            width=self.glass_width,
            height=self.glass_height,
            quantity=self.product_uom_qty,
            shape=self.glass_shape or "rectangle",
            corner_radius=self.glass_corner_radius,
            edges={side: convert(self[f"glass_edge_{side}_id"]) for side in SIDES},
            holes=tuple(
                Hole(hole.diameter, hole.x, hole.y, convert(hole.operation_id))
                for hole in self.glass_hole_ids
            ),
            cutouts=tuple(
                Cutout(
                    cutout.width,
                    cutout.height,
                    cutout.x,
                    cutout.y,
                    convert(cutout.operation_id),
                )
                for cutout in self.glass_cutout_ids
            ),
            operations=tuple(
                convert(operation) for operation in self.glass_operation_ids
            ),
            urgency_percent=company._mirror_urgency_percent(self.glass_urgency),
            shape_surcharge=self.glass_shape_surcharge,
            has_drawing=bool(self.glass_drawing),
        )

    def _glass_problems(self):
        """The translated problems of this glass line (empty when it can be made)."""
        return [message for _field, message in self._glass_problem_items()]

    def _glass_problem_items(self):
        """``(field, message)`` of each problem of this glass line: the spec's field
        it is about (``width``, ``holes``…, or ``""``) and the translated message."""
        self.ensure_one()
        if not self.glass_is_piece:
            return []
        if not self.glass_material_id:
            return [("material", self.env._("Choose the glass material of the piece."))]
        issues = validation.validate(self._glass_spec(), self._glass_rules())
        return [
            (issue.field, self.env._(issue.message, **issue.params)) for issue in issues
        ]

    @api.model
    def _glass_number_error(self, label, value, rules):
        """The translated error of a number field's value, or ``None``.

        False and None are the ORM's empty value (0); anything else must be a
        finite int or float within ``rules.max_number``.
        """
        if value is None or value is False or validation.is_number(value, rules):
            return None
        return self.env._(
            "%(field)s must be a number between -%(max)s and %(max)s (got %(value)s).",
            field=label,
            max=validation.fmt(rules.max_number),
            value=_shown(value),
        )

    @api.model
    def _glass_id_error(self, label, comodel, value):
        """The translated error of a many2one value, or ``None``: an int id of a
        record the user can read (a missing and a forbidden record read alike)."""
        if value is None or value is False:
            return None
        if (
            isinstance(value, int)
            and not isinstance(value, bool)
            and 0 < value <= MAX_ID
        ):
            # a cut list names the same glass and edge work on every line: check
            # each record once per quote (a query per id and line otherwise)
            record = self.env[comodel].browse(value)
            if cached(
                self.env,
                "readable",
                (comodel, value),
                lambda: bool(record.exists() and record.has_access("read")),
            ):
                return None
        return self.env._(
            "%(field)s must be the id of a record you can read (got %(value)s).",
            field=label,
            value=_shown(value),
        )

    @api.model
    def _glass_element_values(self, command, kinds=(0, 1)):
        """The values of a hole or cutout command (of ``kinds``: create, update) or
        of a bare dict; None for anything else."""
        if isinstance(command, dict):
            return command
        if (
            isinstance(command, list | tuple)
            and len(command) == 3
            and command[0] in kinds
            and isinstance(command[2], dict)
        ):
            return command[2]
        return None

    @api.model
    def _glass_element_label(self, name, index):
        if name == "glass_hole_ids":
            return self.env._("Hole %(index)s", index=index)
        return self.env._("Cutout %(index)s", index=index)

    @api.model
    def _glass_value_errors(self, vals):
        """Translated errors of the numbers in a line's create or write ``vals``
        and in its hole and cutout commands; the rest is left to the ORM."""
        if not isinstance(vals, dict) or not (GLASS_CHECKED_FIELDS & set(vals)):
            return []
        rules = self.env.company._mirror_glass_rules()
        errors = []
        names = list(GLASS_NUMBER_FIELDS)
        # the quantity of any line: only what would crash the rounding
        if isinstance(vals.get("product_uom_qty"), float):
            names.append("product_uom_qty")
        for name in names:
            if name in vals:
                label = self._fields[name]._description_string(self.env)
                error = self._glass_number_error(label, vals[name], rules)
                if error:
                    errors.append(error)
        for name, numbers in GLASS_ELEMENT_NUMBERS.items():
            commands = vals.get(name)
            if not isinstance(commands, list | tuple):
                continue
            # the holes a command list creates are all on the line afterwards: too
            # many are refused before a thousand records are made
            created = sum(
                self._glass_element_values(command, (0,)) is not None
                for command in commands
            )
            counts = (created, 0) if name == "glass_hole_ids" else (0, created)
            issues = validation.validate_counts(*counts, rules)
            if issues:
                errors += [
                    self.env._(issue.message, **issue.params) for issue in issues
                ]
                continue
            comodel = self.env[self._fields[name].comodel_name]
            for index, command in enumerate(commands, start=1):
                values = self._glass_element_values(command) or {}
                for key in numbers:
                    if key in values:
                        element = self._glass_element_label(name, index)
                        key_label = comodel._fields[key]._description_string(self.env)
                        error = self._glass_number_error(
                            f"{element}, {key_label}", values[key], rules
                        )
                        if error:
                            errors.append(error)
        return errors

    @api.model
    def _glass_quote_errors(self, values):
        """Translated errors of ``mirror_glass_quote``'s argument: its shape, each
        value's type, ids of records the user can read, the holes' count."""
        if not isinstance(values, dict):
            return [
                self.env._(
                    "A quote takes one glass line as a dictionary of its values, "
                    "e.g. {'glass_material_id': 7, 'glass_width': 500, "
                    "'glass_height': 700} (got %(value)s).",
                    value=_shown(values),
                )
            ]
        rules = self.env.company._mirror_glass_rules()
        errors = []
        for name, value in values.items():
            field = self._fields.get(name) if isinstance(name, str) else None
            if field is None:
                errors.append(
                    self.env._(
                        "A glass line has no field %(field)s.", field=_shown(name)
                    )
                )
            elif name in GLASS_QUOTE_FIELDS:
                errors.extend(self._glass_quote_value_errors(field, value, rules))
        return errors

    @api.model
    def _glass_quote_value_errors(self, field, value, rules):
        label = _Lazy(lambda: field._description_string(self.env))
        if field.type in ("float", "monetary", "integer"):
            error = self._glass_number_error(label, value, rules)
            return [error] if error else []
        if field.type == "many2one":
            error = self._glass_id_error(label, field.comodel_name, value)
            return [error] if error else []
        if field.type == "selection":
            keys = [key for key, _label in field._description_selection(self.env)]
            if value is False or value is None or value in keys:
                return []
            return [
                self.env._(
                    "%(field)s must be one of %(values)s (got %(value)s).",
                    field=label,
                    values=", ".join(keys),
                    value=_shown(value),
                )
            ]
        if field.type in ("char", "binary"):
            if value is False or value is None or isinstance(value, str):
                return []
            return [
                self.env._(
                    "%(field)s must be text (got %(value)s).",
                    field=label,
                    value=_shown(value),
                )
            ]
        if field.type == "one2many":
            return self._glass_quote_element_errors(field, value, rules)
        if field.type == "many2many":
            return self._glass_quote_ids_errors(field, value)
        return []

    @api.model
    def _glass_quote_element_errors(self, field, commands, rules):
        """Holes or cutouts: a list of create commands ``[0, 0, {values}]``."""

        def shape_error():
            return self.env._(
                "%(field)s must be a list of [0, 0, {values}] commands (got "
                "%(value)s).",
                field=field._description_string(self.env),
                value=_shown(commands),
            )

        if not isinstance(commands, list | tuple):
            return [shape_error()]
        # the count first: a thousand holes are refused before one is looked at
        holes = len(commands) if field.name == "glass_hole_ids" else 0
        cutouts = len(commands) if field.name == "glass_cutout_ids" else 0
        issues = validation.validate_counts(holes, cutouts, rules)
        if issues:
            return [self.env._(issue.message, **issue.params) for issue in issues]
        comodel = self.env[field.comodel_name]
        errors = []
        allowed = GLASS_ELEMENT_NUMBERS[field.name] + GLASS_ELEMENT_OTHERS
        for index, command in enumerate(commands, start=1):
            values = self._glass_element_values(command, kinds=(0,))
            if values is None:
                errors.append(shape_error())
                continue
            element = _Lazy(
                lambda index=index: self._glass_element_label(field.name, index)
            )
            for key, value in values.items():
                if key not in allowed:
                    errors.append(
                        self.env._(
                            "%(element)s has no value %(field)s.",
                            element=element,
                            field=_shown(key),
                        )
                    )
                    continue
                sub_field = comodel._fields[key]
                sub_label = _Lazy(
                    lambda element=element, sub_field=sub_field: (
                        f"{element}, {sub_field._description_string(self.env)}"
                    )
                )
                if sub_field.type == "many2one":
                    error = self._glass_id_error(
                        sub_label, sub_field.comodel_name, value
                    )
                else:
                    error = self._glass_number_error(sub_label, value, rules)
                if error:
                    errors.append(error)
        return errors

    @api.model
    def _glass_quote_ids_errors(self, field, value):
        """Operations: ids, or commands ``[6, 0, ids]``, ``[4, id]``, ``[5]``."""
        label = field._description_string(self.env)
        shape_error = self.env._(
            "%(field)s must be a list of ids or of [6, 0, ids] / [4, id] commands "
            "(got %(value)s).",
            field=label,
            value=_shown(value),
        )
        if not isinstance(value, list | tuple):
            return [shape_error]
        ids = []
        for command in value:
            if isinstance(command, int) and not isinstance(command, bool):
                ids.append(command)
            elif isinstance(command, list | tuple) and command and command[0] == 5:
                continue
            elif (
                isinstance(command, list | tuple)
                and len(command) >= 2
                and command[0] == 4
            ):
                ids.append(command[1])
            elif (
                isinstance(command, list | tuple)
                and len(command) == 3
                and command[0] == 6
                and isinstance(command[2], list | tuple)
            ):
                ids.extend(command[2])
            else:
                return [shape_error]
        errors = []
        for record_id in ids:
            error = self._glass_id_error(label, field.comodel_name, record_id)
            if error and error not in errors:
                errors.append(error)
        return errors

    def _glass_quote_refused(self, errors, line=None):
        """The answer of a refused quote: its errors, and no price."""
        currency = (line and line.currency_id) or self.env.company.currency_id
        return {
            "valid": False,
            "errors": errors,
            "issues": [{"field": "", "message": message} for message in errors],
            "currency": currency.name,
            "unit_price": 0.0,
            "subtotal": 0.0,
            "breakdown": {},
            "description": "",
        }

    @api.model
    def _glass_check_line_count(self, order, count):
        """Raise when ``order`` would have ``count`` glass lines, over the limit."""
        rules = (order.company_id or self.env.company)._mirror_glass_rules()
        issues = validation.validate_lines(count, rules)
        if issues:
            raise ValidationError(
                "\n".join(self.env._(issue.message, **issue.params) for issue in issues)
            )

    @api.model
    def _glass_check_new_lines(self, vals_list):
        """The glass lines per order limit, checked on the values to create (one
        query for the products, one for the lines the orders have already)."""
        product_ids = {
            vals.get("product_id")
            for vals in vals_list
            if isinstance(vals.get("product_id"), int)
        }
        pieces = (
            self.env["product.product"]
            .browse(product_ids)
            .exists()
            .filtered(lambda product: product.glass_role == "piece")
            .ids
        )
        per_order = {}
        for vals in vals_list:
            order_id = vals.get("order_id")
            if isinstance(order_id, int) and vals.get("product_id") in pieces:
                per_order[order_id] = per_order.get(order_id, 0) + 1
        if not per_order:
            return
        orders = self.env["sale.order"].browse(per_order).exists()
        existing = dict(
            self._read_group(
                [("order_id", "in", orders.ids), ("glass_is_piece", "=", True)],
                ["order_id"],
                ["__count"],
            )
        )
        for order in orders:
            count = per_order[order.id] + existing.get(order, 0)
            self._glass_check_line_count(order, count)

    def _glass_description(self):
        """The line's text for quotations and invoices: glass, size, processing."""
        self.ensure_one()
        parts = []

        def fmt(number):
            return format_number(self.env, number)

        size = self.env._(
            "%(width)s × %(height)s mm",
            width=fmt(self.glass_width),
            height=fmt(self.glass_height),
        )
        if self.glass_shape == "circle":
            size = self.env._("circle Ø%(diameter)s mm", diameter=fmt(self.glass_width))
        elif self.glass_shape != "rectangle":
            shape = dict(self._fields["glass_shape"]._description_selection(self.env))
            size = f"{size}, {shape[self.glass_shape].lower()}"
            if self.glass_shape == "rounded":
                size += f" R{fmt(self.glass_corner_radius)}"
        parts.append(f"{self.glass_material_id.display_name}, {size}")
        side_names = {
            "bottom": self.env._("bottom"),
            "right": self.env._("right"),
            "top": self.env._("top"),
            "left": self.env._("left"),
        }
        edges = {}
        for side in SIDES:
            operation = self[f"glass_edge_{side}_id"]
            if operation:
                edges.setdefault(operation, []).append(side)
        if edges:
            texts = []
            for operation, sides in edges.items():
                if len(sides) == 4:
                    texts.append(self.env._("%(edge)s all round", edge=operation.name))
                else:
                    names = ", ".join(side_names[side] for side in sides)
                    texts.append(f"{operation.name} ({names})")
            parts.append(self.env._("edges: %(edges)s", edges=", ".join(texts)))
        if self.glass_hole_ids:
            diameters = {}
            for hole in self.glass_hole_ids:
                diameters[hole.diameter] = diameters.get(hole.diameter, 0) + 1
            parts.append(
                self.env._(
                    "holes: %(holes)s",
                    holes=", ".join(
                        f"{count} × Ø{fmt(d)}" for d, count in diameters.items()
                    ),
                )
            )
        if self.glass_cutout_ids:
            parts.append(
                self.env._("cutouts: %(count)s", count=len(self.glass_cutout_ids))
            )
        if self.glass_operation_ids:
            parts.append(", ".join(self.glass_operation_ids.mapped("name")))
        if self.glass_urgency and self.glass_urgency != "normal":
            urgency = dict(
                self._fields["glass_urgency"]._description_selection(self.env)
            )
            parts.append(urgency[self.glass_urgency].lower())
        return "; ".join(parts)

    def _glass_breakdown_html(self):
        self.ensure_one()
        if not self.glass_breakdown:
            return False
        return self.env["ir.qweb"]._render(
            "mirror_production.glass_price_breakdown",
            {
                "line": self,
                "breakdown": self.glass_breakdown,
                "labels": self._glass_labels(),
            },
        )

    def _glass_labels(self):
        return {
            "kinds": {
                "glass": self.env._("Glass"),
                "edge": self.env._("Edge work"),
                "hole": self.env._("Holes"),
                "cutout": self.env._("Cutouts"),
                "operation": self.env._("Operation"),
                "shape": self.env._("Custom shape surcharge"),
                "minimum": self.env._("Minimum line price"),
                "urgency": self.env._("Urgency surcharge"),
            },
            "uoms": {
                "m2": self.env._("m²"),
                # one-letter terms are not exported for translation: "пог. м"
                "m": self.env._("lin. m"),
                "unit": self.env._("pcs"),
                "line": self.env._("per line"),
                "percent": "%",
            },
            "minimum_applied": self.env._("minimum charge"),
            "curved": self.env._("curved ×%s"),
            # quantities and factors with the language's decimal separator
            "number": lambda number: format_number(self.env, number),
        }
