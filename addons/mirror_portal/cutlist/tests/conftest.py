# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""``cutlist`` (and ``glass``, from mirror_production) import as top-level
packages here; Odoo is never loaded."""

import sys
import types
from pathlib import Path

ADDON_DIR = Path(__file__).resolve().parents[2]  # addons/mirror_portal
for path in (ADDON_DIR, ADDON_DIR.parent / "mirror_production"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

import cutlist  # noqa: E402

# pytest imports the addon's __init__.py (which imports Odoo) when it looks for
# setup_module: register the addon as a bare package, and this very ``cutlist``.
if ADDON_DIR.name not in sys.modules:
    addon = types.ModuleType(ADDON_DIR.name)
    addon.__file__ = str(ADDON_DIR / "__init__.py")
    addon.__path__ = [str(ADDON_DIR)]
    sys.modules[ADDON_DIR.name] = addon
sys.modules.setdefault(f"{ADDON_DIR.name}.cutlist", cutlist)
