# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The portal's new-order page: the order editor, its cut-list upload, the column
template and the submission. Only portal users (clients) order here; what they
may order and at which price comes from their own partner."""

import csv
import io

import xlsxwriter

from odoo import http
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal

from ..cutlist import template_rows
from ..cutlist.reader import MAX_BYTES

TEMPLATE_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


class GlassOrderPortal(CustomerPortal):
    def _mirror_portal_client(self):
        """The client ordering, or ``None`` for who may not order here (internal
        users order in the back office)."""
        user = request.env.user
        if not user.share or user._is_public():
            return None
        return user.partner_id

    def _mirror_editor_props(self, partner):
        company = request.env.company
        rules = company._mirror_glass_rules()
        client = partner.sudo().commercial_partner_id
        return {
            "mode": "portal",
            "quoteUrl": "/my/glass/quote",
            "submitUrl": "/my/glass/submit",
            "uploadUrl": "/my/glass/upload",
            "templateUrl": "/my/glass/template",
            "fieldName": False,
            "catalog": partner.sudo()._mirror_portal_editor_catalog(company),
            "maxLines": rules.max_lines,
            "maxHoles": rules.max_holes,
            "maxUploadKb": MAX_BYTES // 1024,
            "currency": client.property_product_pricelist.currency_id.name
            or company.currency_id.name,
            "pricesHidden": bool(partner.sudo().mirror_portal_hide_prices),
            "canConfirm": bool(client.mirror_portal_can_confirm),
            "draftKey": f"mirror_portal_order_{request.env.user.id}",
        }

    @http.route("/my/glass/new", type="http", auth="user", website=True)
    def portal_mirror_glass_new(self, **kwargs):
        partner = self._mirror_portal_client()
        if partner is None:
            return request.redirect("/my")
        props = self._mirror_editor_props(partner)
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "mirror_glass_new",
                "editor_props": props,
                "cut_list_limits": request.env._(
                    "A CSV or Excel (.xlsx) file of up to %(size)s kB and %(rows)s "
                    "rows.",
                    size=props["maxUploadKb"],
                    rows=props["maxLines"],
                ),
            }
        )
        return request.render("mirror_portal.portal_glass_new", values)

    @http.route("/my/glass/submit", type="json", auth="user", methods=["POST"])
    def portal_mirror_glass_submit(
        self, lines=None, key=None, confirm=False, reference="", note="", **kwargs
    ):
        """Order the lines: a quotation for the manager, or a confirmed order where
        the client may confirm. Nothing is created when a line is wrong."""
        partner = self._mirror_portal_client()
        if partner is None:
            return dict(
                request.env["sale.order"]._mirror_portal_answer(
                    errors=[request.env._("Only clients order in the portal.")]
                ),
                order_url=False,
            )
        return request.env["sale.order"]._mirror_portal_submit(
            partner,
            lines,
            key=key,
            confirm=confirm is True,
            reference=reference if isinstance(reference, str) else "",
            note=note if isinstance(note, str) else "",
        )

    @http.route(
        "/my/glass/upload", type="http", auth="user", methods=["POST"], csrf=True
    )
    def portal_mirror_glass_upload(self, **kwargs):
        """The preview of a cut-list file: each row, good or marked with its
        problems. Nothing is created; the client imports the good rows."""
        partner = self._mirror_portal_client()
        if partner is None:
            return request.make_json_response(
                {"errors": [request.env._("Only clients order in the portal.")]},
                status=403,
            )
        upload = request.httprequest.files.get("file")
        if upload is None or not upload.filename:
            return request.make_json_response(
                {"errors": [request.env._("Choose a CSV or XLSX file to upload.")]},
                status=400,
            )
        # one byte more than allowed is enough to say it is too big
        data = upload.stream.read(MAX_BYTES + 1)
        preview = request.env["sale.order"]._mirror_portal_read_cut_list(
            partner, data, upload.filename
        )
        return request.make_json_response(preview)

    @http.route(
        "/my/glass/template.<string:file_type>",
        type="http",
        auth="user",
        methods=["GET"],
    )
    def portal_mirror_glass_template(self, file_type, **kwargs):
        """The cut-list template, with the headers in the client's language."""
        if file_type not in TEMPLATE_TYPES:
            raise request.not_found()
        rows = template_rows(request.env.lang or "en_US")
        if file_type == "csv":
            buffer = io.StringIO()
            # the semicolon and the BOM: what Excel expects in Russia
            csv.writer(buffer, delimiter=";").writerows(rows)
            content = buffer.getvalue().encode("utf-8-sig")
        else:
            content = self._mirror_template_xlsx(rows)
        filename = request.env._("cut-list-template") + f".{file_type}"
        return request.make_response(
            content,
            headers=[
                ("Content-Type", TEMPLATE_TYPES[file_type]),
                ("Content-Disposition", http.content_disposition(filename)),
            ],
        )

    def _mirror_template_xlsx(self, rows):
        buffer = io.BytesIO()
        workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
        sheet = workbook.add_worksheet(request.env._("Cut list"))
        bold = workbook.add_format({"bold": True})
        text = workbook.add_format({"num_format": "@"})
        for row_index, row in enumerate(rows):
            for column, value in enumerate(row):
                sheet.write_string(
                    row_index, column, value, bold if row_index == 0 else text
                )
        sheet.set_column(0, len(rows[0]) - 1, 16)
        sheet.set_column(6, 6, 32)  # the holes: "Ø8 (100; 100), Ø8 (1100; 100)"
        workbook.close()
        return buffer.getvalue()
