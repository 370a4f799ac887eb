# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import math

from odoo import Command, api, models

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
            "materials": set(partner._mirror_portal_materials().ids),
            "operations": set(
                partner._mirror_portal_operations()
                .filtered(lambda op: op.company_id in (company, op.company_id.browse()))
                .ids
            ),
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
