# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Marker for translatable messages of the cutting package.

Odoo's translation export collects every ``_lt("...")`` call of the addon's Python
files, so these messages land in ``mirror_production.pot``; the package keeps the
English source strings and the Odoo layer translates them when it shows them.
"""


def _lt(message):
    return message
