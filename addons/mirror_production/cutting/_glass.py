# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the cutting package takes from its sibling, the glass package, where it
is defined once: the translation marker, the markup helpers and the m² factor.

Inside the addon the two are ``odoo.addons.mirror_production.cutting`` and
``….glass``. For pytest and the command line, the addon's folder is on
``sys.path`` and both are top-level packages: the relative import fails there
(there is no parent package), and ``glass`` is imported by its own name.
"""

try:
    from ..glass.geometry import MM2_PER_M2
    from ..glass.i18n import _lt
    from ..glass.markup import escape, finite, number
except ImportError:  # ``cutting`` is a top-level package
    from glass.geometry import MM2_PER_M2
    from glass.i18n import _lt
    from glass.markup import escape, finite, number

__all__ = ["MM2_PER_M2", "_lt", "escape", "finite", "number"]
