# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import logging
import math
import re

from psycopg2 import IntegrityError

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.http import request

from ..cutlist import CutListFileError, lookup_key, parse, read_table

_logger = logging.getLogger(__name__)

# what a client reads for a piece's state (the workshop's words are for the staff)
CLIENT_PIECE_STATES = {
    "waiting": "waiting",
    "progress": "progress",
    "subcontract": "progress",
    "finished": "done",
    "broken": "broken",
    "remade": "remade",
    "cancel": "cancel",
}


SIDES = ("bottom", "right", "top", "left")
# what the order editor sends to tell one submission from the next (a uuid)
PORTAL_KEY = re.compile(r"[A-Za-z0-9-]{8,64}")
LINE_KEYS = frozenset(
    [
        "material_id",
        "width",
        "height",
        "quantity",
        "edge_id",
        "edges",
        "holes",
        "operation_ids",
        "reference",
    ]
)


class SaleOrder(models.Model):
    _inherit = "sale.order"

    mirror_reorder_of_id = fields.Many2one(
        "sale.order",
        "Reorder of",
        readonly=True,
        copy=False,
        help="The order the client reordered this quotation from, in the portal.",
    )
    mirror_reorder_changes = fields.Json(
        "Price changes",
        readonly=True,
        copy=False,
        groups="!mirror_portal.group_portal_hide_prices",
    )
    mirror_portal_key = fields.Char(
        "Portal submission key",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="Set by the portal's order page: the same submission sent twice "
        "(a double click, a retry) makes one order.",
    )
    mirror_first_commitment_date = fields.Datetime(
        "First promised date",
        readonly=True,
        copy=False,
        help="The date first promised to the client, kept when a new one is promised.",
    )
    # prices and amounts: not for the portal users of price-hidden contacts
    # (res_users.NO_PRICES; Odoo's field access refuses these fields to them in
    # read, search, sort and group by; the portal's pages read as the superuser)
    amount_untaxed = fields.Monetary(groups="!mirror_portal.group_portal_hide_prices")
    amount_tax = fields.Monetary(groups="!mirror_portal.group_portal_hide_prices")
    amount_total = fields.Monetary(groups="!mirror_portal.group_portal_hide_prices")
    amount_to_invoice = fields.Monetary(
        groups="!mirror_portal.group_portal_hide_prices"
    )
    amount_invoiced = fields.Monetary(groups="!mirror_portal.group_portal_hide_prices")
    amount_undiscounted = fields.Float(groups="!mirror_portal.group_portal_hide_prices")
    amount_paid = fields.Float(groups="!mirror_portal.group_portal_hide_prices")
    tax_totals = fields.Binary(groups="!mirror_portal.group_portal_hide_prices")
    partner_credit_warning = fields.Text(
        groups="!mirror_portal.group_portal_hide_prices"
    )
    margin = fields.Monetary(groups="!mirror_portal.group_portal_hide_prices")
    margin_percent = fields.Float(groups="!mirror_portal.group_portal_hide_prices")
    glass_margin_approval_reason = fields.Char(
        groups="!mirror_portal.group_portal_hide_prices"
    )
    glass_margin_approved_percent = fields.Float(
        groups="!mirror_portal.group_portal_hide_prices"
    )
    glass_margin_approved_discount = fields.Float(
        groups="!mirror_portal.group_portal_hide_prices"
    )

    _sql_constraints = [
        (
            "mirror_portal_key_unique",
            "unique(partner_id, mirror_portal_key)",
            "This order was already sent from the portal.",
        ),
    ]

    def _mirror_on_promise_change(self, old_date, reason):
        res = super()._mirror_on_promise_change(old_date, reason)
        if old_date and not self.mirror_first_commitment_date:
            self.mirror_first_commitment_date = old_date
        return res

    def _has_to_be_paid(self):
        # who may not see the amount does not pay it either
        return super()._has_to_be_paid() and not self._mirror_portal_hides_prices()

    def _mirror_portal_hides_prices(self, partner=None):
        """Whether the visitor may not see prices: a portal user whose contact
        hides them, or an anonymous visitor with the link of a document (these
        orders, or ``partner``'s document) sent to such a contact.

        The portal's pages read orders as the superuser (sale's controllers do):
        the visitor is the request's user.
        """
        user = request.env.user if request else self.env.user
        if not user.share:
            return False
        if not user._is_public():
            return bool(user.partner_id.mirror_portal_hide_prices)
        partners = self.sudo().partner_id if partner is None else partner.sudo()
        return any(partners.mapped("mirror_portal_hide_prices"))

    def _mirror_portal_timeline(self):
        """The client-facing status history, oldest first: ``[{date, label}]``."""
        self.ensure_one()
        status_labels = dict(
            self.env["mirror.order.status"]
            ._fields["status"]
            ._description_selection(self.env)
        )
        stage_labels = dict(
            self.env["mirror.order.status"]
            ._fields["stage"]
            ._description_selection(self.env)
        )
        timeline = []
        for entry in self.mirror_status_ids.sorted(
            lambda entry: (entry.date, entry.id)
        ):
            label = status_labels.get(entry.status, entry.status)
            if entry.stage:
                label = self.env._(
                    "%(status)s: %(stage)s",
                    status=label,
                    stage=stage_labels.get(entry.stage, entry.stage),
                )
            timeline.append({"date": entry.date, "label": label})
        return timeline

    def _mirror_portal_glass_lines(self):
        """What the portal shows of each glass line: its drawing, its pieces and
        their progress, in plain values (no workshop-only data: no operators, no
        breakage notes, no costs). A few queries for the whole order: the pieces,
        their steps counted by state, their current steps' names."""
        self.ensure_one()
        lines = self.order_line.filtered("glass_is_piece")
        pieces = lines.mirror_piece_ids
        pieces.fetch(
            ["sale_line_id", "index", "state", "current_step_id", "remade_from_id"]
        )
        # [done, all] steps of each piece, counted by the database
        steps = {}
        for piece, state, count in self.env["mirror.piece.step"]._read_group(
            [("piece_id", "in", pieces.ids)], ["piece_id", "state"], ["__count"]
        ):
            counted = steps.setdefault(piece.id, [0, 0])
            counted[1] += count
            if state == "done":
                counted[0] += count
        current = pieces.current_step_id
        current.fetch(["operation_id", "workorder_id"])
        step_names = {
            step.id: step.operation_id.name or step.workorder_id.name or ""
            for step in current
        }
        index = {piece.id: piece.index for piece in pieces}
        by_line = {}
        for piece in pieces:
            by_line.setdefault(piece.sale_line_id.id, []).append(piece)
        labels = self._mirror_portal_piece_labels()
        result = []
        for line in lines:
            rows = []
            steps_done = steps_total = 0
            counts = dict.fromkeys(("done", "progress", "waiting", "broken"), 0)
            line_pieces = by_line.get(line.id, [])
            line_pieces.sort(key=lambda piece: (index[piece.id], piece.id))
            for piece in line_pieces:
                state = CLIENT_PIECE_STATES.get(piece.state, "waiting")
                if state in ("broken", "remade"):
                    counts["broken"] += 1
                elif state in counts:
                    counts[state] += 1
                if state not in ("cancel", "broken", "remade"):
                    done, total = steps.get(piece.id, (0, 0))
                    steps_done += done
                    steps_total += total
                remade_from = piece.remade_from_id.id
                rows.append(
                    {
                        "index": index[piece.id],
                        "state": state,
                        "state_label": labels[state],
                        "step": step_names.get(piece.current_step_id.id, ""),
                        "remake_of": index.get(remade_from)
                        or (remade_from and piece.remade_from_id.index)
                        or False,
                    }
                )
            progress = round(100.0 * steps_done / steps_total) if steps_total else 0
            result.append(
                {
                    "line": line,
                    "size": f"{line.glass_width:g} × {line.glass_height:g}",
                    "quantity": int(line.product_uom_qty),
                    "pieces": rows,
                    "counts": counts,
                    "progress": progress,
                    "progress_label": f"{progress} %",
                }
            )
        return result

    def _mirror_portal_piece_labels(self):
        return {
            "waiting": self.env._("Waiting"),
            "progress": self.env._("In production"),
            "done": self.env._("Done"),
            "broken": self.env._("Broken"),
            "remade": self.env._("Broken, being remade"),
            "cancel": self.env._("Cancelled"),
        }

    def _mirror_portal_reorder(self, lines=None):
        """A new quotation with ``lines`` of this order (all of them by default) at
        today's prices: the specifications are copied, the prices computed again.

        Returns the quotation; its ``mirror_reorder_changes`` lists each line's old
        and new unit price.
        """
        self.ensure_one()
        lines = (lines or self.order_line) & self._mirror_portal_reorder_lines()
        if not lines:
            raise UserError(self.env._("Choose at least one line to reorder."))
        values = []
        for line in lines:
            line_values = line.copy_data()[0]
            # today's prices: the new lines compute theirs
            for name in ("order_id", "price_unit", "technical_price_unit", "discount"):
                line_values.pop(name, None)
            values.append(line_values)
        # a line that cannot be made any more refuses the whole quotation: nothing
        # of it stays in the transaction (the caller shows the message)
        with self.env.cr.savepoint():
            quotation = self._mirror_portal_create_reorder(lines, values)
        return quotation

    def _mirror_portal_create_reorder(self, lines, values):
        quotation = self.create(
            {
                "partner_id": self.partner_id.id,
                "partner_invoice_id": self.partner_invoice_id.id,
                "partner_shipping_id": self.partner_shipping_id.id,
                "company_id": self.company_id.id,
                "origin": self.name,
                "client_order_ref": self.client_order_ref,
                "mirror_reorder_of_id": self.id,
                "order_line": [Command.create(line_values) for line_values in values],
            }
        )
        changes = [
            {
                "name": new.name.splitlines()[0] if new.name else "",
                "old": old.price_unit,
                "new": new.price_unit,
            }
            for old, new in zip(lines, quotation.order_line, strict=True)
            if quotation.currency_id.compare_amounts(old.price_unit, new.price_unit)
            or old.currency_id != new.currency_id
        ]
        quotation.mirror_reorder_changes = changes
        quotation.action_quotation_sent()  # the client's to accept, in the portal
        quotation.message_post(
            body=self.env._(
                "Reordered by the client from %(order)s at today's prices; %(count)s "
                "line(s) changed price.",
                order=self.name,
                count=len(changes),
            ),
            subtype_xmlid="mail.mt_note",
        )
        return quotation

    def _mirror_portal_reorder_lines(self):
        """The lines a client may reorder (not sections, notes or down payments)."""
        self.ensure_one()
        return self.order_line.filtered(
            lambda line: not line.display_type and not line.is_downpayment
        )

    def _mirror_portal_production_card_url(self):
        """The production card's portal address, or ``False`` when the shop does
        not give it to clients."""
        self.ensure_one()
        if not self.company_id.mirror_portal_production_card or self.state != "sale":
            return False
        return self.get_portal_url(suffix="/production_card")

    @api.model
    def _mirror_portal_quote(self, partner, lines, with_values=False):
        """Price and validate the glass lines a portal client types, as one order of
        theirs: their pricelist, the materials and operations they may order.

        ``lines`` is a list of plain dicts (``material_id``, ``width``, ``height``,
        ``quantity``, ``edge_id`` or ``edges`` per side, ``holes`` as
        ``{diameter, x, y}``, ``operation_ids``). Whatever is sent, the answer is
        ``{lines: [...], total, currency, prices_hidden, errors}``; each line has
        ``valid``, ``issues`` (field and translated message), ``unit_price`` and
        ``subtotal``. Runs as the superuser: the caller has checked the partner.
        """
        self = self.sudo()
        partner = partner.sudo()
        company = self.env.company
        rules = company._mirror_glass_rules()
        answer = self._mirror_portal_answer(
            prices_hidden=bool(partner.mirror_portal_hide_prices)
        )
        if not isinstance(lines, list):
            answer["errors"].append(
                self.env._("Send the lines as a list of pieces, e.g. [{...}, {...}].")
            )
            return answer
        if len(lines) > rules.max_lines:
            answer["errors"].append(
                self.env._(
                    "%(count)s lines: at most %(max)s per order. Split the list into "
                    "several orders.",
                    count=len(lines),
                    max=rules.max_lines,
                )
            )
            return answer
        client = partner.commercial_partner_id
        order_values = {
            "partner_id": client.id,
            "company_id": company.id,
            "pricelist_id": client.property_product_pricelist.id,
        }
        order = self.new(order_values)
        answer["currency"] = order.currency_id.name or answer["currency"]
        catalog = {
            "materials": set(partner._mirror_portal_materials(company).ids),
            "operations": set(partner._mirror_portal_operations(company).ids),
        }
        self._mirror_portal_prefetch(lines, catalog)
        Line = self.env["sale.order.line"]
        answer["values"] = []
        results = []
        for line in lines:
            values, errors = self._mirror_portal_line_values(line, catalog)
            answer["values"].append(values)
            result = None
            if errors:
                result = Line._glass_quote_refused(errors)
                result["issues"] = [
                    {"field": name, "message": message} for name, message in errors
                ]
                result["errors"] = [message for _name, message in errors]
            results.append(result)
        # the lines read as the client wrote them are priced together
        quoted = iter(
            Line._glass_quote_many(
                [
                    values
                    for values, result in zip(answer["values"], results, strict=True)
                    if result is None
                ],
                order_values,
            )
        )
        for result in results:
            result = result or next(quoted)
            if answer["prices_hidden"]:
                result.pop("breakdown", None)
                result["unit_price"] = result["subtotal"] = None
            elif result["valid"]:
                answer["total"] += result["subtotal"]
            answer["lines"].append(result)
        if answer["prices_hidden"]:
            answer["total"] = None
        else:
            answer["total"] = order.currency_id.round(answer["total"])
        if not with_values:
            answer.pop("values")
        return answer

    @api.model
    def _mirror_portal_answer(self, errors=(), prices_hidden=False):
        """A quote's answer with no line yet: its shape, for every caller that
        refuses a request before pricing it (``errors``: translated messages)."""
        return {
            "lines": [],
            "total": 0.0,
            "currency": self.env.company.currency_id.name,
            "prices_hidden": prices_hidden,
            "errors": list(errors),
        }

    @api.model
    def _mirror_portal_prefetch(self, lines, catalog):
        """Read the glass of all the lines at once (the lines read it one by one,
        each material's fields and sheets in a few queries of its own)."""
        ids = {
            line.get("material_id")
            for line in lines
            if isinstance(line, dict)
            and line.get("material_id") in catalog["materials"]
        }
        for material in self.env["product.product"].browse(sorted(ids)):
            material._glass_material()

    @api.model
    def _mirror_portal_read(self, partner, lines):
        """:meth:`_mirror_portal_quote`'s answer with, under ``values``, each
        line's sale.order.line values (empty for a refused line)."""
        return self._mirror_portal_quote(partner, lines, with_values=True)

    @api.model
    def _mirror_portal_line_values(self, line, catalog):
        """``(sale.order.line values, [])`` of one portal line, or ``({}, errors)``
        where each error is ``(field, translated message)``."""
        if not isinstance(line, dict):
            return {}, [("", self.env._("Each line is a dictionary of its values."))]
        reader = _LineReader(self.env, line, catalog)
        values = reader.values()
        return (values, []) if not reader.errors else ({}, reader.errors)

    @api.model
    def _mirror_portal_submit(
        self, partner, lines, key=None, confirm=False, reference="", note=""
    ):
        """Make an order of the glass lines a portal client entered: a quotation
        for the manager, or, where the client may confirm (and asks to), a
        confirmed order.

        Nothing is created unless every line is valid: the answer is then the
        quote's, with its messages. The same ``key`` sent twice by the same client
        makes one order (a double click, a retry, two tabs). Returns the quote's
        answer plus ``order_url`` (``False`` when nothing was created).
        """
        self = self.sudo()
        partner = partner.sudo()
        _ = self.env._
        answer = self._mirror_portal_read(partner, lines)
        values = answer.pop("values", [])
        answer["order_url"] = False
        if not isinstance(key, str) or not PORTAL_KEY.fullmatch(key):
            key = False
        if key and not answer["errors"]:
            existing = self.search(
                [("partner_id", "=", partner.id), ("mirror_portal_key", "=", key)],
                limit=1,
            )
            if existing:
                answer["order_url"] = existing.get_portal_url()
                answer["order_name"] = existing.name
                return answer
        if answer["errors"]:
            return answer
        if not answer["lines"]:
            answer["errors"].append(_("Add at least one piece to order."))
            return answer
        if not all(line["valid"] for line in answer["lines"]):
            answer["errors"].append(
                _("Correct the lines marked in red, or remove them, then send again.")
            )
            return answer
        try:
            with self.env.cr.savepoint():
                order = self._mirror_portal_create_order(
                    partner, values, key, reference, note
                )
        except IntegrityError:
            # the same submission, sent at the same moment, made the order
            answer["errors"].append(
                _("This order was already sent: find it in your quotations and orders.")
            )
            return answer
        except (UserError, ValidationError) as error:
            answer["errors"].append(str(error.args[0]))
            return answer
        client = partner.commercial_partner_id
        if confirm and client.mirror_portal_can_confirm:
            try:
                with self.env.cr.savepoint():
                    order.action_confirm()
            except (UserError, ValidationError) as error:
                # the quotation stays, for the manager to confirm
                order.message_post(
                    body=_(
                        "The client's confirmation failed: %(error)s",
                        error=str(error.args[0]),
                    ),
                    subtype_xmlid="mail.mt_note",
                )
        answer["order_url"] = order.get_portal_url()
        answer["order_name"] = order.name
        return answer

    @api.model
    def _mirror_portal_create_order(self, partner, values, key, reference, note):
        _ = self.env._
        product = self.env.company._mirror_glass_product()
        values = [
            dict({"product_id": product.id}, **line_values) for line_values in values
        ]
        order = self.create(
            {
                "partner_id": partner.id,
                "company_id": self.env.company.id,
                "client_order_ref": (reference or "").strip()[:100] or False,
                "mirror_portal_key": key or False,
                "order_line": [Command.create(line_values) for line_values in values],
            }
        )
        order.action_quotation_sent()  # the portal lists sent quotations
        order.message_post(
            body=_(
                "Entered by %(client)s in the client portal (%(count)s line(s)).",
                client=partner.display_name,
                count=len(values),
            ),
            subtype_xmlid="mail.mt_note",
        )
        if note and isinstance(note, str) and note.strip():
            order.message_post(
                body=note.strip()[:4000],
                author_id=partner.id,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        if order.user_id:
            order.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=order.user_id.id,
                summary=_("Check the client's portal order"),
            )
        return order

    @api.model
    def _mirror_portal_read_cut_list(self, partner, data, filename=""):
        """The preview of an uploaded cut list: each row as an editor line with its
        problems, translated. Creates nothing.

        Returns ``{rows: [{number, line, issues}], errors, good, bad}``; ``errors``
        are about the whole file (it could not be read, a missing column...).
        """
        partner = partner.sudo()
        company = self.env.company
        rules = company._mirror_glass_rules()
        preview = {"rows": [], "errors": [], "good": 0, "bad": 0}
        try:
            table = read_table(data, filename)
        except CutListFileError as error:
            preview["errors"].append(
                self._mirror_portal_text(error.message, error.params)
            )
            return preview
        catalog = partner._mirror_portal_editor_catalog(company)
        materials = {}
        for material in catalog["materials"]:
            for name in (material["code"], material["name"]):
                if name:
                    materials.setdefault(lookup_key(name), material["id"])
        edges = {}
        for edge in catalog["edges"]:
            for name in (edge["code"], edge["name"]):
                if name:
                    edges.setdefault(lookup_key(name), edge["id"])
        cut_list = parse(
            table,
            materials,
            edges,
            # a client who orders one glass need not name it on every row
            default_material=catalog["materials"][0]["id"]
            if len(catalog["materials"]) == 1
            else None,
            max_rows=rules.max_lines,
            max_holes=rules.max_holes,
        )
        preview["errors"] = [
            self._mirror_portal_text(issue.message, issue.params)
            for issue in cut_list.issues
        ]
        for row in cut_list.rows:
            values = row.values
            line = {
                "reference": values.get("reference") or "",
                "material_id": values.get("material") or False,
                "width": values.get("width") or 0,
                "height": values.get("height") or 0,
                "quantity": values.get("quantity") or 1,
                "edges": {
                    side: values.get("edges", {}).get(side) or False for side in SIDES
                },
                "holes": [
                    {"diameter": diameter, "x": x, "y": y}
                    for diameter, x, y in values.get("holes") or []
                ],
                "note": values.get("note") or "",
            }
            preview["rows"].append(
                {
                    "number": row.number,
                    "line": line,
                    "issues": [
                        {
                            "column": issue.field,
                            "message": self._mirror_portal_text(
                                issue.message, issue.params
                            ),
                        }
                        for issue in row.issues
                    ],
                }
            )
        preview["bad"] = len(cut_list.bad_rows)
        # a problem of the whole file (a list in centimetres) holds every row back
        preview["good"] = 0 if preview["errors"] else len(cut_list.good_rows)
        return preview

    @api.model
    def _mirror_portal_text(self, message, params):
        """A message of the pure packages, translated with its text parameters
        (``the width``...)."""
        params = {
            name: self.env._(value) if name == "field" else value
            for name, value in (params or {}).items()
        }
        return self.env._(message, **params)


class _LineReader:
    """Reads one portal line into sale.order.line values, collecting errors."""

    def __init__(self, env, line, catalog):
        self.env = env
        self.line = line
        self.catalog = catalog
        self.errors = []

    def values(self):
        _ = self.env._
        line = self.line
        unknown = sorted(str(key)[:40] for key in line if key not in LINE_KEYS)
        if unknown:
            self.errors.append(
                ("", _("Unknown values: %(keys)s.", keys=", ".join(unknown)))
            )
        material = self.record_id(
            line.get("material_id"),
            "materials",
            "material",
            _("Choose a glass from your price list."),
        )
        if not material and not self.errors:
            self.errors.append(
                ("material", _("Choose the glass material of the piece."))
            )
        values = {
            "glass_material_id": material,
            "glass_width": self.number(line, "width", _("The width")),
            "glass_height": self.number(line, "height", _("The height")),
            "product_uom_qty": 1,
        }
        if line.get("quantity") not in (None, ""):
            values["product_uom_qty"] = self.number(
                line, "quantity", _("The quantity"), integer=True
            )
        values.update(self.edges())
        holes = self.holes()
        if holes:
            values["glass_hole_ids"] = [Command.create(hole) for hole in holes]
        operations = self.operations()
        if operations:
            values["glass_operation_ids"] = [Command.set(operations)]
        return values

    def number(self, source, key, label, field=None, integer=False):
        value = source.get(key)
        if isinstance(value, str):
            try:
                value = float(value.replace(",", ".").replace(" ", ""))
            except ValueError:
                value = None
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
            or (integer and not float(value).is_integer())
        ):
            self.errors.append(
                (field or key, self.env._("%(field)s must be a number.", field=label))
            )
            return 0
        return int(value) if integer else float(value)

    def record_id(self, value, kind, field, message):
        if value in (None, False, ""):
            return False
        if (
            isinstance(value, bool)
            or not isinstance(value, int)
            or value not in self.catalog[kind]
        ):
            self.errors.append((field, message))
            return False
        return value

    def edges(self):
        message = self.env._("Choose edge work from the list.")
        edges = self.line.get("edges")
        if isinstance(edges, dict):
            return {
                f"glass_edge_{side}_id": self.record_id(
                    edges.get(side), "operations", "edges", message
                )
                for side in SIDES
            }
        if edges not in (None, False):
            self.errors.append(("edges", message))
            return {}
        edge = self.record_id(self.line.get("edge_id"), "operations", "edges", message)
        return {"glass_edge_all_id": edge} if edge else {}

    def holes(self):
        _ = self.env._
        holes = self.line.get("holes") or []
        if not isinstance(holes, list):
            self.errors.append(("holes", _("Holes are a list of {diameter, x, y}.")))
            return []
        values = []
        # one more than the limit: the glass validation says how many are allowed
        limit = self.env.company._mirror_glass_rules().max_holes + 1
        for hole in holes[:limit]:
            if not isinstance(hole, dict):
                self.errors.append(
                    ("holes", _("Holes are a list of {diameter, x, y}."))
                )
                return []
            values.append(
                {
                    "diameter": self.number(
                        hole, "diameter", _("A hole's diameter"), "holes"
                    ),
                    "x": self.number(hole, "x", _("A hole's position"), "holes"),
                    "y": self.number(hole, "y", _("A hole's position"), "holes"),
                }
            )
        return values

    def operations(self):
        operations = self.line.get("operation_ids") or []
        if not isinstance(operations, list):
            operations = [operations]
        message = self.env._("Choose the operations from the list.")
        ids = [
            self.record_id(operation, "operations", "operations", message)
            for operation in operations[:50]
        ]
        return [operation_id for operation_id in ids if operation_id]
