# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import re
import shutil
import subprocess

from odoo import Command
from odoo.tests import TransactionCase


def create_tablet_user(env, login, **values):
    """A workshop tablet account: a user in the "Workshop tablet / Operator" group
    only (``values`` add to or override the defaults, e.g. its companies)."""
    group = env.ref("mirror_production.group_mirror_operator")
    return env["res.users"].create(
        {
            "name": login.replace("-", " ").capitalize(),
            "login": login,
            "groups_id": [Command.set(group.ids)],
            **values,
        }
    )


class MirrorCommon(TransactionCase):
    """A small glass catalog, customers and helpers to make glass lines."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the tests read English texts: without a language in the context, stored
        # names and messages follow the company's (Russian with the demo data)
        cls.env = cls.env(
            context=dict(cls.env.context, tracking_disable=True, lang="en_US")
        )
        cls.company = cls.env.company
        cls.company.write(
            {
                "mirror_min_billable_area": 0.25,
                "mirror_weight_factor": 2.5,
                "mirror_min_side": 20,
                "mirror_max_side": 6000,
                "mirror_hole_min_diameter_factor": 1.0,
                "mirror_hole_edge_factor": 2.0,
                "mirror_furnace_min_short": 100,
                "mirror_furnace_min_long": 250,
                "mirror_furnace_max_short": 2440,
                "mirror_furnace_max_long": 3660,
                "mirror_urgent_percent": 30,
                "mirror_express_percent": 50,
                "mirror_min_margin_percent": 20,
                "mirror_max_discount": 0,
            }
        )
        cls.currency = cls.company.currency_id
        cls.uom_m2 = cls.env.ref("uom.uom_square_meter")
        cls.piece_product = cls.env.ref("mirror_production.product_glass_piece")
        cls.mirror_4 = cls._create_material(
            "Test mirror silver 4 mm",
            kind="mirror_silver",
            thickness=4,
            price=2000,
            cost=900,
            min_line_price=1500,
            temperable=False,
            sheets=[(3210, 2250), (2550, 1605)],
        )
        cls.float_8 = cls._create_material(
            "Test float 8 mm", thickness=8, price=3000, cost=1400, sheets=[(6000, 3210)]
        )
        cls.float_4 = cls._create_material(
            "Test float 4 mm", thickness=4, price=1000, cost=450, sheets=[(3210, 2250)]
        )
        cls.pattern_4 = cls._create_material(
            "Test patterned 4 mm",
            kind="patterned",
            thickness=4,
            price=1500,
            cost=700,
            directional=True,
            sheets=[(2000, 1000)],
        )
        Operation = cls.env["mirror.operation"]
        cls.edge_ground = Operation.create(
            {
                "name": "Test ground edge",
                "code": "G",
                "category": "edge",
                "edge_type": "ground",
                "curved_factor": 1.5,
                "price_ids": [
                    Command.create(
                        {
                            "thickness_min": 0,
                            "thickness_max": 6,
                            "price": 100,
                            "cost": 30,
                        }
                    ),
                    Command.create(
                        {
                            "thickness_min": 6.1,
                            "thickness_max": 0,
                            "price": 150,
                            "cost": 45,
                        }
                    ),
                ],
            }
        )
        cls.edge_polished = Operation.create(
            {
                "name": "Test polished edge",
                "code": "P",
                "category": "edge",
                "edge_type": "polished",
                "curved_factor": 2.0,
                "price_ids": [Command.create({"price": 200, "cost": 60})],
            }
        )
        cls.facet_20 = Operation.create(
            {
                "name": "Test facet 20",
                "code": "F20",
                "category": "edge",
                "edge_type": "facet",
                "facet_width": 20,
                "price_ids": [Command.create({"price": 400, "cost": 150})],
            }
        )
        cls.drill_small = Operation.create(
            {
                "name": "Test drilling 4-20",
                "category": "drilling",
                "size_min": 4,
                "size_max": 20,
                "price_ids": [
                    Command.create(
                        {
                            "thickness_min": 0,
                            "thickness_max": 6,
                            "price": 50,
                            "cost": 10,
                        }
                    ),
                    Command.create(
                        {
                            "thickness_min": 6.1,
                            "thickness_max": 0,
                            "price": 80,
                            "cost": 20,
                        }
                    ),
                ],
            }
        )
        cls.drill_large = Operation.create(
            {
                "name": "Test drilling 21-60",
                "category": "drilling",
                "size_min": 21,
                "size_max": 60,
                "price_ids": [Command.create({"price": 150, "cost": 40})],
            }
        )
        cls.cutout_op = Operation.create(
            {
                "name": "Test cutout",
                "category": "cutout",
                "size_min": 0,
                "size_max": 200,
                "price_ids": [Command.create({"price": 600, "cost": 200})],
            }
        )
        cls.corner_op = Operation.create(
            {
                "name": "Test corner rounding",
                "category": "corner",
                "price_ids": [Command.create({"price": 70, "cost": 20})],
            }
        )
        cls.tempering = Operation.create(
            {
                "name": "Test tempering",
                "category": "tempering",
                "min_charge": 1000,
                "price_ids": [
                    Command.create(
                        {
                            "thickness_min": 3,
                            "thickness_max": 6,
                            "price": 900,
                            "cost": 500,
                        }
                    ),
                    Command.create(
                        {
                            "thickness_min": 8,
                            "thickness_max": 12,
                            "price": 1400,
                            "cost": 800,
                        }
                    ),
                ],
            }
        )
        cls.film = Operation.create(
            {
                "name": "Test safety film",
                "category": "film",
                "thickness_max": 6,
                "price_ids": [Command.create({"price": 300, "cost": 100})],
            }
        )
        cls.packing = Operation.create(
            {
                "name": "Test packing",
                "category": "packing",
                "basis": "fixed",
                "price_ids": [Command.create({"price": 500, "cost": 200})],
            }
        )
        cls.partner = cls.env["res.partner"].create({"name": "Test glass customer"})
        cls.pricelist = cls.env["product.pricelist"].create(
            {"name": "Test list price", "currency_id": cls.currency.id}
        )

    @classmethod
    def _create_material(
        cls,
        name,
        thickness,
        price,
        cost,
        kind="float",
        min_line_price=0.0,
        temperable=True,
        directional=False,
        sheets=(),
    ):
        uom_m2 = cls.env.ref("uom.uom_square_meter")
        return cls.env["product.product"].create(
            {
                "name": name,
                "glass_role": "material",
                "glass_kind": kind,
                "glass_thickness": thickness,
                "glass_temperable": temperable,
                "glass_directional": directional,
                "glass_min_line_price": min_line_price,
                "uom_id": uom_m2.id,
                "uom_po_id": uom_m2.id,
                "list_price": price,
                "standard_price": cost,
                "glass_sheet_size_ids": [
                    Command.create({"width": width, "height": height})
                    for width, height in sheets
                ],
            }
        )

    @classmethod
    def _line_values(cls, material=None, width=500, height=700, qty=1, **values):
        return dict(
            {
                "product_id": cls.piece_product.id,
                "glass_material_id": (material or cls.float_4).id,
                "glass_width": width,
                "glass_height": height,
                "product_uom_qty": qty,
            },
            **values,
        )

    @classmethod
    def _create_order(cls, *line_values, partner=None, pricelist=None, user=None):
        env = cls.env(user=user) if user else cls.env
        return env["sale.order"].create(
            {
                "partner_id": (partner or cls.partner).id,
                "pricelist_id": (pricelist or cls.pricelist).id,
                "order_line": [Command.create(values) for values in line_values],
            }
        )

    def render_pdf_text(self, report, records):
        """Render ``report`` through wkhtmltopdf: (its text, its page count).

        Needs an ``HttpCase`` (wkhtmltopdf fetches the assets from the test server)
        and Debian's wkhtmltopdf and poppler-utils; skips the test without them.
        """
        if not (shutil.which("wkhtmltopdf") and shutil.which("pdftotext")):
            self.skipTest("wkhtmltopdf and pdftotext (poppler-utils) are needed")
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(report, records.ids)
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        text = subprocess.run(
            ["pdftotext", "-layout", "-", "-"],
            input=pdf,
            capture_output=True,
            check=True,
        ).stdout.decode()
        info = subprocess.run(
            ["pdfinfo", "-"], input=pdf, capture_output=True, check=True
        ).stdout.decode()
        pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
        return " ".join(text.split()), pages

    def flush_status(self):
        """Settle status changes as a commit would (the hook runs before commit)."""
        self.env.flush_all()
        self.env.cr.precommit.run()
        self.env.invalidate_all()

    def _amounts(self, line):
        """Breakdown amounts of a line by kind (summed)."""
        amounts = {}
        for item in line.glass_breakdown["items"]:
            amounts[item["kind"]] = round(
                amounts.get(item["kind"], 0.0) + item["amount"], 2
            )
        return amounts
