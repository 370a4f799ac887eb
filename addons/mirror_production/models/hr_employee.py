# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    mirror_tablet_version = fields.Integer(
        "Tablet sign-in version",
        default=1,
        copy=False,
        groups="hr.group_hr_user",
        help="Part of every workshop tablet sign-in of the employee: changing the "
        "PIN or the badge, or signing out everywhere, increases it and so ends "
        "their sign-ins on every tablet.",
    )

    def write(self, vals):
        res = super().write(vals)
        if {"pin", "barcode"} & set(vals):
            self._mirror_sign_out_everywhere()
        return res

    def action_mirror_sign_out_everywhere(self):
        """End the employee's sign-ins on every workshop tablet."""
        self._mirror_sign_out_everywhere()
        return True

    def _mirror_sign_out_everywhere(self):
        for employee in self.sudo():
            employee.mirror_tablet_version += 1
