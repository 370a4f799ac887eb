# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import http
from odoo.exceptions import AccessError, UserError
from odoo.http import request


class MirrorWorkshopController(http.Controller):
    """Files for the workshop tablet: operators may not read orders, so the
    client's attachments of a piece and the labels of a sheet are served here,
    after the same checks as the tablet's methods."""

    @http.route(
        "/mirror/workshop/attachment/<int:piece_id>/<int:attachment_id>",
        type="http",
        auth="user",
    )
    def workshop_attachment(self, piece_id, attachment_id):
        workshop = request.env["mirror.workshop"]
        try:
            workshop = workshop._check_access()
            piece = workshop._find_piece(piece_id)
        except (AccessError, UserError):
            raise request.not_found() from None
        attachment = workshop._piece_attachments(piece).filtered(
            lambda file: file.id == attachment_id
        )
        if not attachment:
            raise request.not_found()
        return (
            request.env["ir.binary"]
            .sudo()
            ._get_stream_from(attachment)
            .get_response(as_attachment=False)
        )

    @http.route("/mirror/workshop/labels/<int:sheet_id>", type="http", auth="user")
    def workshop_labels(self, sheet_id):
        try:
            pieces = request.env["mirror.workshop"]._sheet_pieces(sheet_id)
        except (AccessError, UserError):
            raise request.not_found() from None
        pdf, _kind = (
            request.env["ir.actions.report"]
            .sudo()
            ._render_qweb_pdf("mirror_production.report_mirror_piece_label", pieces.ids)
        )
        return request.make_response(
            pdf,
            headers=[
                ("Content-Type", "application/pdf"),
                ("Content-Length", len(pdf)),
                ("Content-Disposition", f'inline; filename="labels-{sheet_id}.pdf"'),
            ],
        )
