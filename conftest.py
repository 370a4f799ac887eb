"""pytest: make each addon's pure-Python packages importable as top-level packages.

``addons/mirror_production/glass`` is then ``glass`` for the tests in its ``tests``
folder (``from glass import pricing``), without importing the Odoo addon around it. The
folders are appended, so installed packages keep precedence: give pure packages
distinctive names.
"""

import sys
from pathlib import Path

_ADDONS = Path(__file__).resolve().parent / "addons"

for _manifest in sorted(_ADDONS.glob("*/__manifest__.py")):
    _path = str(_manifest.parent)
    if _path not in sys.path:
        sys.path.append(_path)
