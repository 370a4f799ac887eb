# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The public glass page, for new and retail clients without an account: an
instant price on the public price list for a few pieces, and a request form that
becomes a CRM lead (its pieces, its files, the "Website" source).

Everything a visitor sends is read defensively: limited in size, counted per
client address in the database (every worker shares the counters), refused with
a message that says what to change, never a traceback. ``/glass/request/embed``
is the same form for a frame in the shop's own site."""

import hashlib
import hmac
import io
import json
import logging
import re
import time
import zipfile

from odoo import http, tools
from odoo.exceptions import UserError, ValidationError
from odoo.http import request

from odoo.addons.phone_validation.tools import phone_validation

MB = 1024 * 1024
NAME_MAX = 100
EMAIL_MAX = 254
PHONE_MAX = 32
DESCRIPTION_MAX = 5000
# the JSON of the pieces: generous for the most lines a company may allow
LINES_JSON_MAX = 200_000
# what a re-rendered form keeps of a value too long (to be shortened, not lost)
KEEP_MAX = 4 * DESCRIPTION_MAX
# an embedded form's token (not bound to a session: a frame gets no cookie)
FORM_TOKEN_MAX_AGE = 12 * 3600
FILE_NAME = re.compile(r"[^\w.\- ()\[\]]+", re.UNICODE)

_logger = logging.getLogger(__name__)


def _is_text(data):
    return b"\x00" not in data


def _is_xlsx(data):
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        return False
    return "[Content_Types].xml" in names and any(
        name.startswith("xl/") for name in names
    )


# the files a visitor may attach, by extension: the type they are stored with and
# a check of their content (a renamed program is not a drawing)
FILE_TYPES = {
    "pdf": ("application/pdf", lambda data: data.startswith(b"%PDF-")),
    "png": ("image/png", lambda data: data.startswith(b"\x89PNG\r\n\x1a\n")),
    "jpg": ("image/jpeg", lambda data: data.startswith(b"\xff\xd8\xff")),
    "jpeg": ("image/jpeg", lambda data: data.startswith(b"\xff\xd8\xff")),
    "gif": ("image/gif", lambda data: data[:6] in (b"GIF87a", b"GIF89a")),
    "webp": ("image/webp", lambda data: data[:4] == b"RIFF" and data[8:12] == b"WEBP"),
    "heic": (
        "image/heic",
        lambda data: (
            data[4:8] == b"ftyp"
            and data[8:12] in (b"heic", b"heix", b"mif1", b"msf1", b"heif")
        ),
    ),
    "bmp": ("image/bmp", lambda data: data[:2] == b"BM"),
    "tif": ("image/tiff", lambda data: data[:4] in (b"II*\x00", b"MM\x00*")),
    "tiff": ("image/tiff", lambda data: data[:4] in (b"II*\x00", b"MM\x00*")),
    "dwg": ("image/vnd.dwg", lambda data: data[:4] == b"AC10"),
    "dxf": ("image/vnd.dxf", _is_text),
    "csv": ("text/csv", _is_text),
    "xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _is_xlsx,
    ),
}


class MirrorPublicRequest(http.Controller):
    # the visitor, the company, the limits

    def _mirror_public_partner(self):
        """The public price list's partner: the public user's, for every visitor
        (a client signed in prices here as the public does)."""
        user = request.env.user
        if not user._is_public():
            user = request.env.ref("base.public_user", raise_if_not_found=False) or user
        return user.sudo().partner_id

    def _mirror_max_content_length(self):
        """The largest request body: twice the files allowed (so that a file too
        big gets a message, not an error page), within Odoo's own limit."""
        company = request.env.company
        files = company.mirror_public_max_files * company.mirror_public_max_file_mb
        return min(128 * MB, (2 * files + 2) * MB)

    def _mirror_rate_ok(self, bucket, limit):
        Rate = request.env["mirror.portal.rate"].sudo()
        key = Rate._mirror_client_key(bucket, request.httprequest.remote_addr)
        return Rate._mirror_hit(key, limit)

    def _mirror_refused_quote(self, message):
        return request.env["sale.order"]._mirror_portal_answer(errors=[message])

    # routes

    @http.route("/glass/quote", type="json", auth="public", methods=["POST"])
    def mirror_public_quote(self, lines=None, **kwargs):
        """The live price of a few glass pieces on the public price list: the
        answer of ``sale.order._mirror_portal_quote``, or its shape with the
        reason in ``errors`` (too many pieces, too many prices asked)."""
        _ = request.env._
        company = request.env.company
        if not company.mirror_public_enabled:
            return self._mirror_refused_quote(
                _("The price calculator is not available.")
            )
        if not self._mirror_rate_ok("quote", company.mirror_public_quote_limit):
            return self._mirror_refused_quote(
                _(
                    "Too many prices were asked from your address: try again in an "
                    "hour, or send us a request."
                )
            )
        if isinstance(lines, list) and len(lines) > company.mirror_public_max_lines:
            return self._mirror_refused_quote(
                _(
                    "%(count)s pieces: the calculator prices at most %(max)s at once. "
                    "Describe the others or attach your list to the request.",
                    count=len(lines),
                    max=company.mirror_public_max_lines,
                )
            )
        return request.env["sale.order"]._mirror_portal_quote(
            self._mirror_public_partner(), lines
        )

    @http.route(
        "/glass/request",
        type="http",
        auth="public",
        methods=["GET", "POST"],
        csrf=True,
        website=True,
        max_content_length=lambda controller: controller._mirror_max_content_length(),
    )
    def mirror_public_request(self, **post):
        """The calculator and the request form; its POST makes a lead."""
        return self._mirror_request_page(post, embed=False)

    @http.route(
        "/glass/request/embed",
        type="http",
        auth="public",
        methods=["GET", "POST"],
        # a frame in another site gets no session cookie: its form carries a
        # token of its own, signed and bound to the visitor's address
        csrf=False,
        save_session=False,
        website=True,
        max_content_length=lambda controller: controller._mirror_max_content_length(),
    )
    def mirror_public_request_embed(self, **post):
        """The same form without the portal's header and footer, for a frame in
        the sites listed in the settings."""
        return self._mirror_request_page(post, embed=True)

    # the page

    def _mirror_request_page(self, post, embed):
        _ = request.env._
        company = request.env.company
        if not company.mirror_public_enabled:
            raise request.not_found()
        if request.httprequest.method != "POST":
            return self._mirror_render(embed)
        kept = self._mirror_kept_values(post)
        if not self._mirror_rate_ok("request", company.mirror_public_rate_limit):
            message = _(
                "Too many requests were sent from your address: try again in an "
                "hour, or call us."
            )
            return self._mirror_render(embed, kept, {"form": [message]}, status=429)
        if embed and not self._mirror_form_token_ok(post.get("form_token")):
            message = _("The form has expired: check your details and send it again.")
            return self._mirror_render(embed, kept, {"form": [message]})
        if post.get("website_url"):
            # the honeypot: a person never fills it (it is not shown), a robot
            # does; it is answered as a success and nothing is made
            return self._mirror_render_thanks(embed)
        data, errors = self._mirror_read_request(post)
        if errors:
            return self._mirror_render(embed, kept, errors)
        try:
            with request.env.cr.savepoint():
                request.env["crm.lead"]._mirror_public_request_create(data)
        except (UserError, ValidationError) as error:
            # kept in the form, with the reason, for the visitor to send again
            _logger.warning("Public glass request refused: %s", error)
            message = _(
                "Your request could not be saved (%(reason)s): check it and send it "
                "again, or call us.",
                reason=str(error.args[0])[:300] if error.args else "",
            )
            return self._mirror_render(embed, kept, {"form": [message]})
        return self._mirror_render_thanks(embed)

    def _mirror_kept_values(self, post):
        """What the visitor typed, to show again in a form with errors."""

        def text(name):
            value = post.get(name)
            return value[:KEEP_MAX] if isinstance(value, str) else ""

        values = {
            name: text(name) for name in ("name", "phone", "email", "description")
        }
        lines_json = post.get("lines_json")
        values["lines_json"] = (
            lines_json
            if isinstance(lines_json, str) and len(lines_json) <= LINES_JSON_MAX
            else ""
        )
        return values

    def _mirror_editor_props(self, company, partner):
        rules = company._mirror_glass_rules()
        return {
            "mode": "public",
            "quoteUrl": "/glass/quote",
            "submitUrl": False,
            "uploadUrl": False,
            "fieldName": "lines_json",
            "catalog": partner._mirror_portal_editor_catalog(company),
            "maxLines": min(company.mirror_public_max_lines, rules.max_lines),
            "maxHoles": rules.max_holes,
            "currency": partner.property_product_pricelist.currency_id.name
            or company.currency_id.name,
            "pricesHidden": False,
            "canConfirm": False,
            "draftKey": "mirror_public_request",
        }

    def _mirror_render(self, embed, values=None, errors=None, status=200):
        company = request.env.company
        partner = self._mirror_public_partner()
        errors = errors or {}
        qcontext = {
            "embed": embed,
            "action": "/glass/request/embed" if embed else "/glass/request",
            "form_token": self._mirror_form_token() if embed else "",
            "values": values or {},
            "errors": errors,
            "has_errors": bool(errors),
            "editor_props_json": json.dumps(
                self._mirror_editor_props(company, partner)
            ),
            "files_hint": request.env._(
                "Up to %(count)s files of %(size)s MB each: photos, PDF, DXF or DWG "
                "drawings, CSV or XLSX lists.",
                count=company.mirror_public_max_files,
                size=company.mirror_public_max_file_mb,
            ),
            "accept": ",".join(f".{extension}" for extension in FILE_TYPES),
        }
        response = request.render(
            "mirror_portal.public_glass_request", qcontext, status=status
        )
        return self._mirror_frame_headers(response, embed)

    def _mirror_render_thanks(self, embed):
        response = request.render(
            "mirror_portal.public_glass_request_thanks",
            {
                "embed": embed,
                "action": "/glass/request/embed" if embed else "/glass/request",
            },
        )
        return self._mirror_frame_headers(response, embed)

    def _mirror_frame_headers(self, response, embed):
        """Who may show the page in a frame: only this Odoo, or for the embeddable
        form the sites of the settings too (CSP ``frame-ancestors``, which
        browsers prefer to ``X-Frame-Options``)."""
        headers = response.headers
        if embed:
            ancestors = request.env.company._mirror_public_frame_ancestors()
            headers["Content-Security-Policy"] = f"frame-ancestors {ancestors}"
            if ancestors == "'self'":
                headers["X-Frame-Options"] = "SAMEORIGIN"
        else:
            headers["Content-Security-Policy"] = "frame-ancestors 'self'"
            headers["X-Frame-Options"] = "SAMEORIGIN"
        # the form carries a token of this visitor: no shared cache keeps it
        headers["Cache-Control"] = "no-store"
        return response

    # the embedded form's token

    def _mirror_form_signature(self, timestamp):
        Rate = request.env["mirror.portal.rate"].sudo()
        key = Rate._mirror_client_key("form", request.httprequest.remote_addr)
        secret = request.env["ir.config_parameter"].sudo().get_param("database.secret")
        return hmac.new(
            (secret or "").encode(),
            f"mirror_public_form:{key}:{timestamp}".encode(),
            hashlib.sha256,
        ).hexdigest()

    def _mirror_form_token(self):
        timestamp = int(time.time())
        return f"{timestamp}.{self._mirror_form_signature(timestamp)}"

    def _mirror_form_token_ok(self, token):
        if not isinstance(token, str) or len(token) > 100:
            return False
        timestamp, _dot, signature = token.partition(".")
        if not (timestamp.isdigit() and len(timestamp) <= 12):
            return False
        age = time.time() - int(timestamp)
        if not -60 <= age <= FORM_TOKEN_MAX_AGE:
            return False
        return hmac.compare_digest(
            signature, self._mirror_form_signature(int(timestamp))
        )

    # reading the request

    def _mirror_read_request(self, post):
        """``(data, errors)`` of a posted request: the clean values to make the
        lead of, and the messages by field (``form`` for the whole form)."""
        _ = request.env._
        errors = {}

        def add(field, message):
            errors.setdefault(field, []).append(message)

        def text(name):
            value = post.get(name)
            return value.strip() if isinstance(value, str) else ""

        data = {
            "name": " ".join(text("name").split()),
            "email": text("email"),
            "phone": text("phone"),
            "description": text("description").replace("\r\n", "\n"),
        }
        if not data["name"]:
            add("name", _("Tell us your name."))
        elif len(data["name"]) > NAME_MAX:
            add(
                "name",
                _("The name is too long: at most %(max)s characters.", max=NAME_MAX),
            )
        if not data["email"] and not data["phone"]:
            add(
                "phone",
                _(
                    "Leave a phone number or an e-mail address so that we can answer "
                    "you."
                ),
            )
        if data["email"]:
            normalized = tools.email_normalize(data["email"][:EMAIL_MAX])
            if len(data["email"]) > EMAIL_MAX or not normalized:
                add("email", _("Check the e-mail address, e.g. name@example.com."))
            data["email"] = normalized or ""
        if data["phone"]:
            data["phone"] = self._mirror_phone(data["phone"])
            if not data["phone"]:
                add("phone", _("Check the phone number, e.g. +7 912 345-67-89."))
        if len(data["description"]) > DESCRIPTION_MAX:
            add(
                "description",
                _(
                    "The description is too long (%(count)s characters): shorten it "
                    "to %(max)s, or attach it as a file.",
                    count=len(data["description"]),
                    max=DESCRIPTION_MAX,
                ),
            )
        data["glass"] = self._mirror_read_lines(post.get("lines_json"), add)
        data["files"] = self._mirror_read_files(add)
        if not errors and not (
            data["glass"]["lines"] or data["description"] or data["files"]
        ):
            add(
                "lines",
                _("Add the pieces, describe what you need, or attach a drawing."),
            )
        if errors and data["files"]:
            add(
                "attachments",
                _(
                    "Choose your files again: a browser does not keep them in a form "
                    "sent back."
                ),
            )
        return data, errors

    def _mirror_phone(self, phone):
        """The phone in E.164, or ``""`` when it is not a phone number."""
        if len(phone) > PHONE_MAX:
            return ""
        country = request.env.company.country_id
        try:
            return phone_validation.phone_format(
                phone,
                country.code or None,
                country.phone_code or None,
                force_format="E164",
            )
        except UserError:
            return ""

    def _mirror_read_lines(self, lines_json, add):
        """The pieces of the calculator's JSON, priced on the public price list:
        ``{lines: [...], total, currency, currency_id}``, each line with the
        piece as sent (``line``), its description and prices."""
        _ = request.env._
        company = request.env.company
        glass = {
            "lines": [],
            "total": 0.0,
            "currency": company.currency_id.name,
            "currency_id": company.currency_id.id,
        }
        if lines_json in (None, ""):
            return glass
        if not isinstance(lines_json, str) or len(lines_json) > LINES_JSON_MAX:
            add("lines", _("The list of pieces is too long."))
            return glass
        try:
            lines = json.loads(lines_json)
        except (ValueError, RecursionError):
            add("lines", _("The list of pieces could not be read: enter them again."))
            return glass
        if not isinstance(lines, list):
            add("lines", _("The list of pieces could not be read: enter them again."))
            return glass
        if len(lines) > company.mirror_public_max_lines:
            add(
                "lines",
                _(
                    "%(count)s pieces: a request takes at most %(max)s. Describe the "
                    "others or attach your list as a file.",
                    count=len(lines),
                    max=company.mirror_public_max_lines,
                ),
            )
            return glass
        partner = self._mirror_public_partner()
        answer = request.env["sale.order"]._mirror_portal_quote(partner, lines)
        for message in answer["errors"]:
            add("lines", message)
        if answer["errors"]:
            return glass
        for index, (line, result) in enumerate(
            zip(lines, answer["lines"], strict=True), 1
        ):
            if not result["valid"]:
                add(
                    "lines",
                    _(
                        "Piece %(index)s: %(errors)s",
                        index=index,
                        errors=" ".join(result["errors"]),
                    ),
                )
                continue
            glass["lines"].append(
                {
                    "line": line,
                    "description": result.get("description") or "",
                    "quantity": line.get("quantity") or 1,
                    "unit_price": result["unit_price"],
                    "subtotal": result["subtotal"],
                }
            )
        currency = request.env["res.currency"].search(
            [("name", "=", answer["currency"])], limit=1
        )
        glass.update(
            total=answer["total"] or 0.0,
            currency=answer["currency"],
            currency_id=currency.id or company.currency_id.id,
        )
        return glass

    def _mirror_read_files(self, add):
        """The attached files as ``[{name, raw, mimetype}]``: their number, size
        and type checked (by name and by content)."""
        _ = request.env._
        company = request.env.company
        uploads = [
            upload
            for upload in request.httprequest.files.getlist("attachments")
            if upload and upload.filename
        ]
        if len(uploads) > company.mirror_public_max_files:
            add(
                "attachments",
                _(
                    "%(count)s files: attach at most %(max)s.",
                    count=len(uploads),
                    max=company.mirror_public_max_files,
                ),
            )
            return []
        limit = company.mirror_public_max_file_mb * MB
        files = []
        for upload in uploads:
            name = self._mirror_file_name(upload.filename)
            raw = upload.stream.read(limit + 1)
            extension = name.rpartition(".")[2].lower() if "." in name else ""
            kind = FILE_TYPES.get(extension)
            if len(raw) > limit:
                add(
                    "attachments",
                    _(
                        "%(file)s is larger than %(max)s MB.",
                        file=name,
                        max=company.mirror_public_max_file_mb,
                    ),
                )
            elif not raw:
                add("attachments", _("%(file)s is empty.", file=name))
            elif kind is None or not kind[1](raw):
                add(
                    "attachments",
                    _(
                        "%(file)s: attach photos, PDF, DXF or DWG drawings, or CSV or "
                        "XLSX lists only.",
                        file=name,
                    ),
                )
            else:
                files.append({"name": name, "raw": raw, "mimetype": kind[0]})
        return files

    def _mirror_file_name(self, filename):
        name = str(filename).replace("\\", "/").rpartition("/")[2]
        name = FILE_NAME.sub("_", name).strip(" .") or "file"
        if len(name) > 120:
            stem, dot, extension = name.rpartition(".")
            name = f"{stem[:100]}{dot}{extension[:10]}" if dot else name[:120]
        return name

    # the lead
