# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Marker for translatable messages of the pure package.

Odoo's translation export collects every ``_lt("...")`` call of the addon's Python
files, so the messages below land in ``mirror_production.pot``; the package itself
keeps English source strings and the Odoo layer translates them at display time.
"""


def _lt(message):
    return message
