# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""``cutting`` imports as a top-level package here; Odoo is never loaded."""

import sys
import types
from pathlib import Path

import pytest

ADDON_DIR = Path(__file__).resolve().parents[2]  # addons/mirror_production
if str(ADDON_DIR) not in sys.path:
    sys.path.insert(0, str(ADDON_DIR))

import cutting  # noqa: E402

# pytest imports the addon's __init__.py (which imports Odoo) when it looks for
# setup_module: register the addon as a bare package, and this very ``cutting``.
if ADDON_DIR.name not in sys.modules:
    addon = types.ModuleType(ADDON_DIR.name)
    addon.__file__ = str(ADDON_DIR / "__init__.py")
    addon.__path__ = [str(ADDON_DIR)]
    sys.modules[ADDON_DIR.name] = addon
sys.modules.setdefault(f"{ADDON_DIR.name}.cutting", cutting)

ROADEF_DIR = ADDON_DIR.parents[1].parent / "shared" / "data" / "roadef2018"


@pytest.fixture
def roadef_dir():
    """The ROADEF/EURO 2018 instances shipped beside the repository (shared/data)."""
    if not ROADEF_DIR.exists():
        pytest.skip("the ROADEF 2018 data is not here")
    return ROADEF_DIR
