# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import re

from odoo import api, fields, models
from odoo.exceptions import ValidationError

# a site that may frame the public request form: scheme, host (its first label may
# be "*" for any subdomain) and port, nothing else (no path, quote or semicolon)
FRAME_ORIGIN = re.compile(
    r"https?://(\*\.)?[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9-]{1,63})*"
    r"(?::\d{1,5})?"
)


class ResCompany(models.Model):
    _inherit = "res.company"

    mirror_portal_production_card = fields.Boolean(
        "Production card in the portal",
        help="Clients can download their orders' production card (drawings, routes "
        "and pieces, no prices) from the portal.",
    )
    mirror_public_enabled = fields.Boolean(
        "Public price calculator",
        default=True,
        help="Anyone, without an account, can price a few glass pieces on the public "
        "price list and send a request (/glass/request); it becomes a lead.",
    )
    mirror_public_max_lines = fields.Integer(
        "Most pieces per public request",
        default=10,
        help="A visitor prices and requests at most this many glass lines at once.",
    )
    mirror_public_rate_limit = fields.Integer(
        "Requests per visitor per hour",
        default=20,
        help="Requests a visitor (one IP address) may send from the public page per "
        "hour; 0: no limit.",
    )
    mirror_public_quote_limit = fields.Integer(
        "Prices per visitor per hour",
        default=600,
        help="Prices a visitor (one IP address) may ask the public calculator per "
        "hour (it prices as they type); 0: no limit.",
    )
    mirror_public_max_files = fields.Integer(
        "Most files per public request",
        default=5,
        help="Drawings, photos or cut lists a visitor may attach to one request.",
    )
    mirror_public_max_file_mb = fields.Integer(
        "Largest attached file (MB)",
        default=10,
    )
    mirror_public_frame_origins = fields.Char(
        "Sites that may embed the request form",
        help="The addresses of the sites that may show /glass/request/embed in a "
        "frame, separated by spaces, e.g. https://shop.example.com "
        "https://*.example.com; * for any site. Empty: only this Odoo.",
    )
    mirror_public_team_id = fields.Many2one(
        "crm.team",
        "Sales team of public requests",
        check_company=True,
        help="The sales team that receives the leads of the public request form.",
    )

    @api.constrains(
        "mirror_public_max_lines",
        "mirror_public_rate_limit",
        "mirror_public_quote_limit",
        "mirror_public_max_files",
        "mirror_public_max_file_mb",
    )
    def _check_mirror_public_limits(self):
        for company in self:
            if company.mirror_public_max_lines < 1 or (
                company.mirror_public_max_lines > company.mirror_max_lines
            ):
                raise ValidationError(
                    self.env._(
                        "A public request takes from 1 to %(max)s pieces (the most "
                        "glass lines per order), not %(lines)s.",
                        max=company.mirror_max_lines,
                        lines=company.mirror_public_max_lines,
                    )
                )
            if (
                company.mirror_public_rate_limit < 0
                or company.mirror_public_quote_limit < 0
                or company.mirror_public_max_files < 0
                or not 0 < company.mirror_public_max_file_mb <= 100
            ):
                raise ValidationError(
                    self.env._(
                        "The public page's limits cannot be negative, and its largest "
                        "file is from 1 to 100 MB."
                    )
                )

    @api.constrains("mirror_public_frame_origins")
    def _check_mirror_public_frame_origins(self):
        for company in self:
            bad = [
                origin
                for origin in (company.mirror_public_frame_origins or "").split()
                if origin != "*" and not FRAME_ORIGIN.fullmatch(origin)
            ]
            if bad:
                raise ValidationError(
                    self.env._(
                        "Write each site that may embed the request form as "
                        "https://host (or https://*.domain, or * for any site), "
                        "separated by spaces: %(bad)s is not one.",
                        bad=", ".join(bad)[:200],
                    )
                )

    def _mirror_public_frame_ancestors(self):
        """The ``frame-ancestors`` sources of the embeddable request form."""
        self.ensure_one()
        origins = (self.mirror_public_frame_origins or "").split()
        if "*" in origins:
            return "*"
        return " ".join(["'self'", *origins])
