# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import models
from odoo.osv import expression


class MailMessage(models.Model):
    _inherit = "mail.message"

    def _message_fetch(self, domain, *args, **kwargs):
        # a price-hidden visitor's chatter: without the messages that carry
        # prices (set by the portal's routes, see controllers/portal.py)
        hidden = self.env.context.get("mirror_portal_hidden_message_ids")
        if hidden:
            domain = expression.AND([domain, [("id", "not in", hidden)]])
        return super()._message_fetch(domain, *args, **kwargs)
