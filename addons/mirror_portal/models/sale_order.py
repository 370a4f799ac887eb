# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import math

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.http import request

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
    mirror_reorder_changes = fields.Json("Price changes", readonly=True, copy=False)
    mirror_first_commitment_date = fields.Datetime(
        "First promised date",
        readonly=True,
        copy=False,
        help="The date first promised to the client, kept when a new one is promised.",
    )

    def _mirror_on_promise_change(self, old_date, reason):
        res = super()._mirror_on_promise_change(old_date, reason)
        if old_date and not self.mirror_first_commitment_date:
            self.mirror_first_commitment_date = old_date
        return res

    def _has_to_be_paid(self):
        # who may not see the amount does not pay it either
        return super()._has_to_be_paid() and not self._mirror_portal_hides_prices()

    def _mirror_portal_hides_prices(self):
        """Whether the current user is a portal user who sees no prices.

        The portal's pages read orders as the superuser (sale's controllers do):
        the visitor is the request's user.
        """
        user = request.env.user if request else self.env.user
        return bool(user.share and user.partner_id.mirror_portal_hide_prices)

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
        breakage notes, no costs). One read per model for the whole order."""
        self.ensure_one()
        lines = self.order_line.filtered("glass_is_piece")
        pieces = lines.mirror_piece_ids
        pieces.fetch(["index", "state", "current_step_id", "remade_from_id", "barcode"])
        pieces.step_ids.fetch(["state", "operation_id", "workorder_id"])
        labels = self._mirror_portal_piece_labels()
        result = []
        for line in lines:
            rows = []
            steps_done = steps_total = 0
            counts = dict.fromkeys(("done", "progress", "waiting", "broken"), 0)
            for piece in line.mirror_piece_ids.sorted(lambda p: (p.index, p.id)):
                state = CLIENT_PIECE_STATES.get(piece.state, "waiting")
                if state in ("broken", "remade"):
                    counts["broken"] += 1
                elif state in counts:
                    counts[state] += 1
                if state != "cancel" and state not in ("broken", "remade"):
                    steps_total += len(piece.step_ids)
                    steps_done += len(
                        piece.step_ids.filtered(lambda step: step.state == "done")
                    )
                step = piece.current_step_id
                rows.append(
                    {
                        "index": piece.index,
                        "barcode": piece.barcode,
                        "state": state,
                        "state_label": labels[state],
                        "step": step.operation_id.name or step.workorder_id.name or "",
                        "remake_of": piece.remade_from_id.index or False,
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
    def _mirror_portal_quote(self, partner, lines):
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
        answer = {
            "lines": [],
            "total": 0.0,
            "currency": company.currency_id.name,
            "prices_hidden": bool(partner.mirror_portal_hide_prices),
            "errors": [],
        }
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
        order = self.new(
            {
                "partner_id": client.id,
                "company_id": company.id,
                "pricelist_id": client.property_product_pricelist.id,
            }
        )
        answer["currency"] = order.currency_id.name or answer["currency"]
        catalog = {
            "materials": set(partner._mirror_portal_materials(company).ids),
            "operations": set(partner._mirror_portal_operations(company).ids),
        }
        Line = self.env["sale.order.line"]
        for line in lines:
            values, errors = self._mirror_portal_line_values(line, catalog)
            if errors:
                result = Line._glass_quote_refused(errors)
                result["issues"] = [
                    {"field": name, "message": message} for name, message in errors
                ]
                result["errors"] = [message for _name, message in errors]
            else:
                result = Line._glass_quote(values, order=order)
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
        return answer

    @api.model
    def _mirror_portal_line_values(self, line, catalog):
        """``(sale.order.line values, [])`` of one portal line, or ``({}, errors)``
        where each error is ``(field, translated message)``."""
        if not isinstance(line, dict):
            return {}, [("", self.env._("Each line is a dictionary of its values."))]
        reader = _LineReader(self.env, line, catalog)
        values = reader.values()
        return (values, []) if not reader.errors else ({}, reader.errors)


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
