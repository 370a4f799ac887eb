# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import base64
import re

from lxml import etree, html

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .test_cutting import CuttingCommon
from .test_workshop import WorkshopCommon

PAYLOAD = '"><img src=x onerror=alert(1)>'
SVG = "{http://www.w3.org/2000/svg}"
# what the server's drawings are made of: nothing that runs or embeds anything
DRAWING_TAGS = {
    f"{SVG}{tag}"
    for tag in (
        "svg",
        "title",
        "polygon",
        "line",
        "ellipse",
        "rect",
        "circle",
        "text",
        "tspan",
    )
}


@tagged("post_install", "-at_install")
class TestMarkup(WorkshopCommon, CuttingCommon):
    """Names, notes and codes users type reach drawings, the tablet and labels as
    text only, and the layout a cut map is drawn from is the optimizer's alone."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mrp_user = cls.env["res.users"].create(
            {
                "name": "Test planner",
                "login": "test-planner",
                "groups_id": [Command.set([cls.env.ref("mrp.group_mrp_user").id])],
            }
        )
        cls.glass = cls._create_material(
            PAYLOAD, thickness=4, price=1000, cost=450, sheets=[(3210, 2250)]
        )
        edge = {
            "category": "edge",
            "edge_type": "ground",
            "workcenter_id": cls.wc_edging.id,
            "price_ids": [Command.create({"price": 100, "cost": 30})],
        }
        Operation = cls.env["mirror.operation"]
        cls.edge_by_code = Operation.create(dict(edge, name="Test edge", code=PAYLOAD))
        cls.edge_by_name = Operation.create(dict(edge, name=PAYLOAD, code=False))
        cls.client = cls.env["res.partner"].create({"name": PAYLOAD})
        cls.payload_reason = cls.env["mirror.breakage.reason"].create({"name": PAYLOAD})

    def assertNoMarkup(self, document, payload=PAYLOAD):
        """``document`` is an SVG of drawing elements only, without event handlers
        or links, and ``payload`` is in it, as text."""
        self.assertTrue(document)
        self.assertNotIn("<img", document)
        root = etree.fromstring(document.encode())
        self.assertEqual(root.tag, f"{SVG}svg")
        found = False
        for element in root.iter():
            self.assertIn(element.tag, DRAWING_TAGS)
            for name, value in element.attrib.items():
                local = etree.QName(name).localname.lower()
                self.assertFalse(local.startswith("on"), name)
                self.assertNotEqual(local, "href")
                found = found or payload in value
            found = found or payload in (element.text or "")
        self.assertTrue(found, "the text is drawn, as text")

    def assertNoMarkupInPage(self, page, payload=PAYLOAD):
        """The HTML ``page`` shows ``payload`` as text and has no element, event
        handler or script of it."""
        root = html.fromstring(page)
        self.assertIn(payload, root.text_content())
        for element in root.iter(etree.Element):
            for name, value in element.attrib.items():
                if value == "__odooAssetError=1":  # Odoo's asset bundles' own
                    continue
                self.assertFalse(
                    name.lower().startswith("on"), html.tostring(element)[:300]
                )
        for image in root.iter("img"):
            self.assertTrue(
                image.get("src", "").startswith("data:image/"), image.get("src")
            )
        for script in root.iter("script"):
            self.assertNotIn("alert", script.text or "")
        return root

    def _plan(self):
        """A confirmed order of the client's, its glass planned by a planner."""
        self._stock(self.glass, 2)
        order = self._create_order(
            self._line_values(
                material=self.glass,
                width=1000,
                height=500,
                qty=2,
                glass_edge_bottom_id=self.edge_by_code.id,
                glass_edge_right_id=self.edge_by_name.id,
                glass_edge_top_id=self.edge_by_code.id,
                glass_edge_left_id=self.edge_by_name.id,
                glass_hole_ids=[Command.create({"diameter": 8, "x": 100, "y": 100})],
            ),
            partner=self.client,
        )
        order.order_line.name = PAYLOAD
        order.action_confirm()
        order.name = PAYLOAD
        pieces = self._pieces(order)
        for index, piece in enumerate(pieces):
            piece.name = f"{PAYLOAD}{index}"
        remake = pieces[0]._mirror_report_broken(self.payload_reason)
        batch = self.Batch.create(
            {
                "name": PAYLOAD,
                "product_id": self.glass.id,
                "piece_ids": [Command.set((pieces[1:] | remake).ids)],
            }
        )
        # the planner starts the optimization: its job runs as the planner
        batch.with_user(self.mrp_user).action_optimize()
        self._run_job(batch)
        self.assertEqual(batch.state, "planned")
        return order, batch

    def test_users_text_is_text_in_drawings_tablet_and_labels(self):
        order, batch = self._plan()
        line = order.order_line
        self.assertEqual(line.name, PAYLOAD)
        # the piece drawing: material (its title), edge codes and operation names
        self.assertNoMarkup(str(line.glass_svg))
        drawing = etree.fromstring(str(line.glass_svg).encode())
        self.assertEqual(drawing.find(f"{SVG}title").text, PAYLOAD)
        # the cut maps: batch (the title), orders and pieces
        for sheet in batch.sheet_ids:
            self.assertNoMarkup(str(sheet.cut_map))
        # the tablet: the drawings as markup, everything else as plain text
        tablet = self._tablet()
        remake = batch.piece_ids.filtered("remade_from_id")
        card = tablet.tablet_piece(self.wc_cutting.id, remake.id)
        self.assertNoMarkup(card["svg"])
        self.assertIn(PAYLOAD, card["notes"])
        self.assertIn(f"Remake of {PAYLOAD}0: {PAYLOAD}", card["notes"])
        self.assertEqual((card["order"], card["glass"]), (PAYLOAD, PAYLOAD))
        self.assertEqual(card["edge_codes"], " ".join([PAYLOAD] * 4))
        plans = tablet.tablet_cutting(self.wc_cutting.id)
        [plan] = [plan for plan in plans if plan["id"] == batch.id]
        self.assertEqual(plan["name"], PAYLOAD)
        self.assertTrue(plan["sheets"])
        for sheet in plan["sheets"]:
            self.assertNoMarkup(sheet["svg"])
            self.assertEqual({piece["order"] for piece in sheet["pieces"]}, {PAYLOAD})
        # the labels: order, client, glass, edge codes and piece names as text
        Report = self.env["ir.actions.report"]
        page, _kind = Report._render_qweb_html(
            "mirror_production.report_mirror_piece_label", batch.piece_ids.ids
        )
        root = self.assertNoMarkupInPage(page)
        text = root.text_content()
        self.assertIn(f"{PAYLOAD} {PAYLOAD}", " ".join(text.split()))
        self.assertIn(f"{PAYLOAD}1", text)
        # the printed cut maps: the drawing is an image of the same safe SVG
        page, _kind = Report._render_qweb_html(
            "mirror_production.report_mirror_cut_map", batch.sheet_ids.ids
        )
        root = self.assertNoMarkupInPage(page)
        maps = [
            image.get("src")
            for image in root.iter("img")
            if image.get("src").startswith("data:image/svg+xml;base64,")
        ]
        self.assertEqual(len(maps), len(batch.sheet_ids))
        for source in maps:
            self.assertNoMarkup(base64.b64decode(source.split(",", 1)[1]).decode())

    def test_only_the_optimizer_writes_a_layout(self):
        _order, batch = self._plan()
        sheet = batch.sheet_ids[0]
        layout = dict(sheet.layout, cuts=[[PAYLOAD, 1, 0, 0, 0, 2250]])
        as_planner = sheet.with_user(self.mrp_user)
        message = "written by the cutting optimizer only"
        # the planner may change the sheets of a plan, not their layouts (as an
        # RPC call of write/create would)
        with self.assertRaisesRegex(AccessError, message):
            as_planner.write({"layout": layout})
        with self.assertRaisesRegex(AccessError, message):
            batch.with_user(self.mrp_user).write(
                {"sheet_ids": [Command.update(sheet.id, {"layout": layout})]}
            )
        with self.assertRaisesRegex(AccessError, message):
            as_planner.create(
                {
                    "batch_id": batch.id,
                    "width": 3210,
                    "height": 2250,
                    "layout": layout,
                }
            )
        with self.assertRaisesRegex(AccessError, message):
            as_planner.write({"cut_map": f"<svg>{PAYLOAD}</svg>"})
        as_planner.sequence = 7  # the rest is theirs
        self.assertNotIn(PAYLOAD, str(sheet.layout))
        self.assertTrue(
            re.search(r"<text [^>]*>1</text>", str(sheet.cut_map)), "cut 1 is drawn"
        )
        # a layout already stored with a cut number that is no number is not drawn
        with self.assertLogs(
            "odoo.addons.mirror_production.models.mirror_cutting_sheet", "WARNING"
        ):
            sheet.sudo().layout = layout
            self.assertFalse(sheet.cut_map)
