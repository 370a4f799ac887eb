# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the cut-list package takes from ``mirror_production``'s glass package,
where it is defined once: the translation marker, issues and number formatting.

Inside Odoo the glass package is ``odoo.addons.mirror_production.glass``; for
pytest every addon folder is on ``sys.path`` and it is the top-level ``glass``.
"""

try:
    from odoo.addons.mirror_production.glass.i18n import _lt
    from odoo.addons.mirror_production.glass.validation import Issue, fmt
except ImportError:  # plain Python: the pure tests
    from glass.i18n import _lt
    from glass.validation import Issue, fmt

__all__ = ["Issue", "_lt", "fmt"]
