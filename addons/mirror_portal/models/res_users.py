# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import Command, api, models

# the portal users of the contacts that hide prices (their partner's
# ``mirror_portal_hide_prices``): kept in line by the methods below
PRICES_HIDDEN = "mirror_portal.group_portal_hide_prices"
# the ``groups`` of a money field: everyone but them (Odoo's field access then
# refuses the field to them in read, search, sort and group by)
NO_PRICES = f"!{PRICES_HIDDEN}"


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.model_create_multi
    def create(self, vals_list):
        users = super().create(vals_list)
        users._mirror_portal_price_group_sync()
        return users

    def write(self, vals):
        # another contact, or another kind of user (portal, internal)
        resync = "partner_id" in vals or any(
            key == "groups_id" or key.startswith(("in_group_", "sel_groups_"))
            for key in vals
        )
        if resync:
            # out first: the group implies the portal one, which an internal
            # user may not have
            self._mirror_portal_price_group_sync(leave=True)
        res = super().write(vals)
        if resync:
            self._mirror_portal_price_group_sync()
        return res

    def _mirror_portal_price_group_sync(self, leave=False):
        """Put these users in the price-hidden group, or take them out of it, as
        their contact hides prices or not (``leave``: out in any case); only
        portal users are ever in it."""
        group = self.env.ref(PRICES_HIDDEN, raise_if_not_found=False)
        if not group or not self:
            return  # being installed: the group's data file syncs them all
        portal = self.env.ref("base.group_portal")
        users = self.sudo().with_context(active_test=False)
        hidden = users.browse()
        if not leave:
            hidden = users.filtered(
                lambda user: (
                    portal in user.groups_id
                    and user.partner_id.mirror_portal_hide_prices
                )
            )
        members = users.filtered(lambda user: group in user.groups_id)
        commands = [Command.link(user.id) for user in hidden - members]
        commands += [Command.unlink(user.id) for user in members - hidden]
        if commands:
            group.sudo().write({"users": commands})

    @api.model
    def _mirror_portal_price_group_resync(self):
        """Sync every portal user and every member of the group (on install and
        update: contacts flagged before the group existed)."""
        group = self.env.ref(PRICES_HIDDEN)
        self.with_context(active_test=False).search(
            ["|", ("share", "=", True), ("groups_id", "in", group.ids)]
        )._mirror_portal_price_group_sync()
