# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from markupsafe import Markup, escape

from odoo import SUPERUSER_ID, Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_amount


class CrmLead(models.Model):
    _inherit = "crm.lead"

    mirror_glass_lines = fields.Json(
        "Requested glass pieces",
        readonly=True,
        copy=False,
        help="The glass pieces of a request sent from the public page, as the "
        "visitor entered them, with their price on the public price list.",
    )
    mirror_glass_lines_html = fields.Html(
        "Glass pieces",
        compute="_compute_mirror_glass_lines_html",
        sanitize=True,
    )
    mirror_glass_line_count = fields.Integer(
        "Number of glass pieces", compute="_compute_mirror_glass_lines_html"
    )

    @api.depends("mirror_glass_lines")
    def _compute_mirror_glass_lines_html(self):
        for lead in self:
            entries = lead._mirror_glass_entries()
            lead.mirror_glass_line_count = len(entries)
            lead.mirror_glass_lines_html = (
                lead._mirror_glass_summary(lead.mirror_glass_lines)
                if entries
                else False
            )

    def action_mirror_glass_quotation(self):
        """A quotation of the requested glass pieces for the lead's customer (found
        by e-mail, or made from the lead), linked to the lead, which becomes an
        opportunity; the prices are the customer's own. Opens it."""
        self.ensure_one()
        _ = self.env._
        entries = self._mirror_glass_entries()
        if not entries:
            raise UserError(_("This lead has no glass pieces to quote."))
        company = self.company_id or self.env.company
        line_values = self._mirror_glass_order_lines(entries, company)
        if not self.partner_id:
            partner = self._find_matching_partner(email_only=True)
            if partner:
                self._handle_partner_assignment(force_partner_id=partner.id)
            else:
                self._handle_partner_assignment(create_missing=True)
        if self.type == "lead":
            self.convert_opportunity(self.partner_id)
        values = {
            "partner_id": self.partner_id.id,
            "opportunity_id": self.id,
            "company_id": company.id,
            "origin": self.name,
            "campaign_id": self.campaign_id.id,
            "medium_id": self.medium_id.id,
            "source_id": self.source_id.id,
            "tag_ids": [Command.set(self.tag_ids.ids)],
            "order_line": [Command.create(values) for values in line_values],
        }
        if self.team_id:
            values["team_id"] = self.team_id.id
        if self.user_id:
            values["user_id"] = self.user_id.id
        order = self.env["sale.order"].create(values)
        self.message_post(
            body=_(
                "Glass quotation %(order)s made of the %(count)s requested piece(s).",
                order=order._get_html_link(),
                count=len(line_values),
            ),
            subtype_xmlid="mail.mt_note",
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "sale.order",
            "res_id": order.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }

    def _mirror_glass_entries(self):
        """The requested pieces: ``[{line, description, quantity, unit_price,
        subtotal}]`` (empty when there are none or they are unreadable)."""
        self.ensure_one()
        data = self.mirror_glass_lines
        entries = data.get("lines") if isinstance(data, dict) else None
        if not isinstance(entries, list):
            return []
        return [entry for entry in entries if isinstance(entry, dict)]

    def _mirror_glass_order_lines(self, entries, company):
        """sale.order.line values of the requested pieces, read again as the
        portal reads them (the office may quote any glass of the company, even
        one taken off the public page since); a piece that cannot be read any
        more refuses the quotation with the reason."""
        _ = self.env._
        catalog = {
            "materials": set(
                self.env["product.product"]
                .search(
                    [
                        ("glass_role", "=", "material"),
                        ("company_id", "in", [False, company.id]),
                    ]
                )
                .ids
            ),
            "operations": set(
                self.env["mirror.operation"]
                .search([("company_id", "in", [False, company.id])])
                .ids
            ),
        }
        SaleOrder = self.env["sale.order"]
        product = company._mirror_glass_product()
        line_values = []
        problems = []
        for index, entry in enumerate(entries, 1):
            values, errors = SaleOrder._mirror_portal_line_values(
                entry.get("line"), catalog
            )
            if errors:
                problems.append(
                    _(
                        "Piece %(index)s: %(errors)s",
                        index=index,
                        errors=" ".join(message for _field, message in errors),
                    )
                )
                continue
            values["product_id"] = product.id
            line_values.append(values)
        if problems:
            raise UserError(
                _("These pieces cannot be quoted as they are:")
                + "\n"
                + "\n".join(problems)
            )
        return line_values

    @api.model
    def _mirror_glass_summary(self, data):
        """The requested pieces as an HTML table, for the lead's description and
        its "Glass pieces" tab (every value escaped: a visitor wrote them)."""
        _ = self.env._
        entries = data.get("lines") if isinstance(data, dict) else None
        if not isinstance(entries, list):
            return Markup("")
        currency = self.env["res.currency"].browse()
        if isinstance(data.get("currency_id"), int):
            currency = self.env["res.currency"].browse(data["currency_id"]).exists()

        def amount(value):
            if not isinstance(value, int | float) or isinstance(value, bool):
                return ""
            if currency:
                return format_amount(self.env, value, currency)
            return f"{value:.2f}"

        rows = Markup("").join(
            Markup(
                "<tr><td>%s</td><td>%s</td><td class='text-end'>%s</td>"
                "<td class='text-end'>%s</td><td class='text-end'>%s</td></tr>"
            )
            % (
                index,
                str(entry.get("description") or "")[:500],
                entry.get("quantity") or "",
                amount(entry.get("unit_price")),
                amount(entry.get("subtotal")),
            )
            for index, entry in enumerate(entries, 1)
            if isinstance(entry, dict)
        )
        head = Markup(
            "<thead><tr><th>#</th><th>%s</th><th class='text-end'>%s</th>"
            "<th class='text-end'>%s</th><th class='text-end'>%s</th></tr></thead>"
        ) % (_("Piece"), _("Quantity"), _("Unit price"), _("Subtotal"))
        total = Markup(
            "<tfoot><tr><td colspan='4' class='text-end'><strong>%s</strong></td>"
            "<td class='text-end'><strong>%s</strong></td></tr></tfoot>"
        ) % (_("Total on the public price list"), amount(data.get("total")))
        return Markup(
            "<table class='table table-sm o_mirror_glass_request'>%s<tbody>%s</tbody>"
            "%s</table>"
        ) % (head, rows, total)

    @api.model
    def _mirror_text_html(self, text):
        """Plain text a visitor wrote, as escaped HTML with its line breaks."""
        return Markup("<br/>").join(escape(line) for line in (text or "").splitlines())

    @api.model
    def _mirror_public_known_partner(self, data):
        """The contact of the visitor's e-mail, when linking the lead to it does
        not change the contact (the lead writes its phone on its contact): the
        visitor is not told either way."""
        email = data["email"]
        if not email:
            return self.env["res.partner"]
        company = self.env.company
        partner = self.env["res.partner"].search(
            [
                ("email_normalized", "=", email),
                ("company_id", "in", [False, company.id]),
            ],
            limit=1,
        )
        if partner and data["phone"]:
            known = partner._phone_format(fname="phone") or partner.phone
            if known != data["phone"]:
                return self.env["res.partner"]
        return partner

    @api.model
    def _mirror_public_request_create(self, data):
        """The lead of a request sent from the public glass page: its contact,
        pieces and files, the "Website" source and medium, a note in its chatter.

        ``data`` is the request as its controller read and checked it: ``name``,
        ``phone``, ``email``, ``description``, ``glass`` (the quote of its pieces)
        and ``files`` (``name``, ``raw``, ``mimetype``). Runs as the superuser.
        """
        company = self.env.company
        self = self.with_user(SUPERUSER_ID).sudo()
        env = self.env
        _ = env._
        team = company.mirror_public_team_id
        if team:
            lead_type = "lead" if team.use_leads else "opportunity"
        else:
            lead_type = (
                "lead" if env.user.has_group("crm.group_use_lead") else "opportunity"
            )
        glass = data["glass"]
        pieces = glass["lines"]
        partner = self._mirror_public_known_partner(data)
        Lead = env["crm.lead"].with_company(company)
        summary = Lead._mirror_glass_summary(glass) if pieces else Markup("")
        contact = " · ".join(
            value for value in (data["name"], data["phone"], data["email"]) if value
        )
        description = (
            Markup("<p><strong>%s</strong> %s</p>")
            % (_("Request from the public glass page:"), contact)
            + (
                Markup("<p>%s</p>") % Lead._mirror_text_html(data["description"])
                if data["description"]
                else Markup("")
            )
            + summary
        )
        values = {
            "name": _("Glass request from %(name)s", name=data["name"]),
            "type": lead_type,
            "contact_name": data["name"],
            "email_from": data["email"] or False,
            "phone": data["phone"] or False,
            "partner_id": partner.id,
            "description": description,
            "company_id": company.id,
            "team_id": team.id,
            "user_id": False,
            "source_id": env.ref("mirror_portal.utm_source_website").id,
            "medium_id": env.ref("utm.utm_medium_website").id,
            "lang_id": env["res.lang"]._get_data(code=env.lang).id,
            "mirror_glass_lines": glass if pieces else False,
        }
        if pieces and glass["currency_id"] == company.currency_id.id:
            values["expected_revenue"] = glass["total"]
        lead = Lead.with_context(mail_create_nosubscribe=True).create(values)
        attachments = env["ir.attachment"].create(
            [
                {
                    "name": file["name"],
                    "raw": file["raw"],
                    "mimetype": file["mimetype"],
                    "res_model": "crm.lead",
                    "res_id": lead.id,
                }
                for file in data["files"]
            ]
        )
        lead.message_post(
            body=_(
                "Sent from the public glass page: %(pieces)s piece(s) priced at "
                "%(total)s %(currency)s on the public price list, %(files)s file(s).",
                pieces=len(pieces),
                total=glass["total"],
                currency=glass["currency"],
                files=len(attachments),
            ),
            attachment_ids=attachments.ids,
            subtype_xmlid="mail.mt_note",
        )
        return lead
