# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Pure glass domain logic: geometry, pricing, validation and drawings.

Nothing in this package imports Odoo: the backend, the portal, the chat bots and
the API all build a :class:`~.spec.PieceSpec` and call these functions, so they can
never disagree on a price or on what is valid.
"""

from . import geometry, pricing, spec, svg, validation  # noqa: F401
from .spec import (  # noqa: F401
    Cutout,
    Hole,
    Material,
    Operation,
    PieceSpec,
    PriceBand,
    Rules,
)
