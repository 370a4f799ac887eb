#!/usr/bin/env python3
# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Write each addon's README.rst from its readme/*.md fragments (OCA layout).

Usage: python3 tools/gen_addon_readme.py [addons/<addon> ...]   (default: every addon)
"""

import ast
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SECTIONS = [
    ("DESCRIPTION.md", None),
    ("CONFIGURE.md", "Configuration"),
    ("USAGE.md", "Usage"),
    ("CONTRIBUTORS.md", "Contributors"),
]


def to_rst(markdown):
    """The small Markdown subset of our fragments as reStructuredText."""
    text = re.sub(r"(?<!`)`([^`\n]+)`(?!`)", r"``\1``", markdown)
    text = re.sub(r"(?<![*\w])\*([^*\n]+)\*(?![*\w])", r"*\1*", text)
    return text.strip() + "\n"


def render(addon):
    manifest = ast.literal_eval((addon / "__manifest__.py").read_text())
    title = manifest["name"]
    badges = (
        f".. |maturity| image:: https://img.shields.io/badge/maturity-"
        f"{manifest.get('development_status', 'Alpha')}-yellow.png\n"
        f".. |license| image:: https://img.shields.io/badge/license-"
        f"{manifest['license'].replace('-', '--')}-blue.png\n\n|maturity| |license|\n"
    )
    parts = ["=" * len(title), title, "=" * len(title), "", badges]
    for fragment, heading in SECTIONS:
        path = addon / "readme" / fragment
        if not path.exists():
            continue
        if heading:
            parts += [heading, "=" * len(heading), ""]
        parts.append(to_rst(path.read_text()))
    parts += [
        "Authors",
        "=======",
        "",
        f"- {manifest['author']}",
        "",
        f"License: {manifest['license']}, see https://www.gnu.org/licenses/agpl-3.0.html",
        "",
    ]
    return "\n".join(parts)


def main(paths):
    addons = [pathlib.Path(p) for p in paths] or sorted(
        p.parent for p in (ROOT / "addons").glob("*/__manifest__.py")
    )
    for addon in addons:
        (addon / "README.rst").write_text(render(addon))
        print(f"{addon.name}/README.rst written")


if __name__ == "__main__":
    main(sys.argv[1:])
