# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import create_tablet_user
from .test_cutting import CuttingCommon
from .test_production import ProductionCommon


class WorkshopCommon(ProductionCommon):
    """A tablet account (workshop operator) and two employees with PINs."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.operator_user = create_tablet_user(
            cls.env, "test-tablet", name="Test tablet", password="test-tablet-pass"
        )
        Employee = cls.env["hr.employee"]
        cls.cutter = Employee.create(
            {"name": "Test cutter", "pin": "4711", "barcode": "0400000001"}
        )
        cls.edger = Employee.create(
            {"name": "Test edger", "pin": "5822", "barcode": "0400000002"}
        )
        cls.reason = cls.env.ref("mirror_production.breakage_reason_chipped")

    def setUp(self):
        super().setUp()
        # the wrong sign-ins are counted on a cursor of their own: the test's
        if not self.registry.in_test_mode():
            self.registry.enter_test_mode(self.cr)
            self.addCleanup(self.registry.leave_test_mode)

    def _tablet(self, user=None):
        return self.env["mirror.workshop"].with_user(user or self.operator_user)

    def _login(self, pin):
        return self._tablet().tablet_identify(pin=pin)


@tagged("post_install", "-at_install")
class TestWorkshopTablet(WorkshopCommon):
    def setUp(self):
        super().setUp()
        self.order = self._confirmed_order()
        self.pieces = self.env["mirror.piece"].search(
            [("order_id", "=", self.order.id)]
        )

    def test_stations_and_their_queues(self):
        tablet = self._tablet()
        stations = {row["id"]: row for row in tablet.tablet_stations()}
        self.assertEqual(stations[self.wc_cutting.id]["queued"], 5)
        self.assertTrue(stations[self.wc_cutting.id]["cutting"])
        self.assertFalse(stations[self.wc_edging.id]["cutting"])
        self.assertEqual(stations[self.wc_edging.id]["queued"], 0)
        queue = tablet.tablet_queue(self.wc_cutting.id)
        self.assertTrue(queue["station"]["cutting"])
        rows = queue["pieces"]
        self.assertEqual({row["id"] for row in rows}, set(self.pieces.ids))
        first = next(row for row in rows if row["width"] == 1000)
        self.assertEqual(first["order"], self.order.name)
        self.assertEqual((first["width"], first["height"]), (1000, 500))
        self.assertEqual(first["glass"], self.float_4.display_name)
        self.assertEqual(first["edge_codes"], "G G G G")
        self.assertEqual(first["work"], "2 holes")
        with self.assertRaisesRegex(UserError, "station no longer exists"):
            tablet.tablet_queue(999999)

    def test_operators_identify_by_pin_or_badge(self):
        tablet = self._tablet()
        operator = tablet.tablet_identify(pin="4711")
        self.assertEqual(operator["id"], self.cutter.id)
        self.assertEqual(operator["name"], "Test cutter")
        self.assertTrue(operator["token"])
        self.assertEqual(
            tablet.tablet_identify(badge="0400000002")["id"], self.edger.id
        )
        with self.assertRaisesRegex(UserError, "Unknown badge or PIN"):
            tablet.tablet_identify(pin="0000")
        with self.assertRaisesRegex(UserError, "Enter your PIN"):
            tablet.tablet_identify()
        # guessing PINs: after 5 wrong ones (one above) the tablet waits;
        # badges still work (tests/test_workshop_security.py has the rest)
        for _attempt in range(4):
            with self.assertRaisesRegex(UserError, "Unknown badge or PIN"):
                tablet.tablet_identify(pin="9999")
        with self.assertRaisesRegex(UserError, "Too many wrong PINs"):
            tablet.tablet_identify(pin="4711")
        self.assertEqual(
            tablet.tablet_identify(badge="0400000001")["id"], self.cutter.id
        )
        # a badge scanned at the station signs the worker in
        scanned = tablet.tablet_scan(self.wc_cutting.id, "0400000002")
        self.assertEqual(scanned["employee"]["id"], self.edger.id)
        # a forged or another tablet's token is refused
        piece = self.pieces[0]
        for forged in (
            {"id": self.cutter.id, "token": "x"},
            {"id": self.edger.id, "token": operator["token"]},
            None,
        ):
            with self.assertRaisesRegex(UserError, "Identify yourself first"):
                tablet.tablet_act(self.wc_cutting.id, piece.id, "start", forged)

    def test_start_pause_done_records_who_and_moves_on(self):
        tablet = self._tablet()
        operator = self._login("4711")
        piece = self.pieces.filtered(lambda p: p.width == 1000)[0]
        card = tablet.tablet_act(self.wc_cutting.id, piece.id, "start", operator)
        self.assertEqual(card["step_state"], "progress")
        step = piece.current_step_id
        self.assertEqual(step.employee_id, self.cutter)
        self.assertEqual(step.user_id, self.operator_user)
        card = tablet.tablet_act(self.wc_cutting.id, piece.id, "pause", operator)
        self.assertEqual(card["step_state"], "waiting")
        self.assertTrue(card["paused"])
        self.assertTrue(step.paused)
        with self.assertRaisesRegex(UserError, "not in progress"):
            tablet.tablet_act(self.wc_cutting.id, piece.id, "pause", operator)
        tablet.tablet_act(self.wc_cutting.id, piece.id, "start", operator)
        tablet.tablet_act(self.wc_cutting.id, piece.id, "done", operator)
        self.assertEqual(step.state, "done")
        self.assertFalse(step.paused)
        self.assertEqual(
            piece.event_ids.sorted("id").mapped("action"),
            ["start", "pause", "start", "done"],
        )
        self.assertEqual(piece.event_ids.employee_id, self.cutter)
        self.assertEqual(piece.event_ids.workcenter_id, self.wc_cutting)
        # the piece left the cutting queue and waits at the edger
        cutting = tablet.tablet_queue(self.wc_cutting.id)["pieces"]
        self.assertNotIn(piece.id, [row["id"] for row in cutting])
        edging = tablet.tablet_queue(self.wc_edging.id)["pieces"]
        self.assertEqual(edging[0]["id"], piece.id)
        # not at this station: a clear refusal
        with self.assertRaisesRegex(UserError, "is not at this station"):
            tablet.tablet_act(self.wc_cutting.id, piece.id, "start", operator)
        with self.assertRaisesRegex(UserError, "Unknown action"):
            tablet.tablet_act(self.wc_edging.id, piece.id, "explode", operator)

    def test_scan_opens_the_card_or_finishes_in_scan_done_mode(self):
        tablet = self._tablet()
        operator = self._login("4711")
        piece = self.pieces.filtered(lambda p: p.width == 1000)[0]
        card = tablet.tablet_scan(self.wc_cutting.id, f" {piece.barcode} ", operator)
        card = card["piece"]
        self.assertEqual(card["id"], piece.id)
        self.assertIn("<svg", card["svg"])
        self.assertEqual(
            [op["station"] for op in card["operations"]][:2],
            [self.wc_cutting.name, self.wc_edging.name],
        )
        self.assertTrue(card["operations"][0]["here"])
        self.assertIn(piece.sale_line_id.name, card["notes"])
        result = tablet.tablet_scan(self.wc_cutting.id, piece.barcode, operator, True)
        self.assertTrue(result["done"])
        self.assertEqual(piece.current_step_id.workcenter_id, self.wc_edging)
        # not at this station: the card opens, nothing is done
        result = tablet.tablet_scan(self.wc_cutting.id, piece.barcode, operator, True)
        self.assertFalse(result.get("done"))
        self.assertFalse(result["piece"]["here"])
        with self.assertRaisesRegex(UserError, "No piece with the label NOPE"):
            tablet.tablet_scan(self.wc_cutting.id, "NOPE", operator)

    def test_breakage_from_the_tablet_puts_the_remake_first(self):
        tablet = self._tablet()
        operator = self._login("5822")
        piece = self.pieces.filtered(lambda p: p.width == 1000)[-1]
        piece.action_finish()  # cut
        with self.assertRaisesRegex(UserError, "Choose why the piece broke"):
            tablet.tablet_act(self.wc_edging.id, piece.id, "broken", operator)
        tablet.tablet_act(
            self.wc_edging.id, piece.id, "broken", operator, reason_id=self.reason.id
        )
        self.assertTrue(piece.broken)
        self.assertEqual(piece.breakage_reason_id, self.reason)
        event = piece.event_ids.filtered(lambda e: e.action == "broken")
        self.assertEqual(event.employee_id, self.edger)
        self.assertEqual(event.reason_id, self.reason)
        rows = tablet.tablet_queue(self.wc_cutting.id)["pieces"]
        self.assertEqual(rows[0]["id"], piece.remake_ids.id)
        self.assertTrue(rows[0]["remake"])
        card = tablet.tablet_piece(self.wc_cutting.id, piece.remake_ids.id)
        self.assertTrue(any("Remake of" in note for note in card["notes"]))

    def test_queue_changes_reach_the_tablets_through_the_bus(self):
        tablet = self._tablet()
        operator = self._login("4711")
        piece = self.pieces[0]
        self.env["bus.bus"].search([]).unlink()
        tablet.tablet_act(self.wc_cutting.id, piece.id, "start", operator)
        self.env.cr.precommit.run()
        group = self.env.ref("mirror_production.group_mirror_operator")
        messages = self.env["bus.bus"].search(
            [("channel", "like", f'"res.groups",{group.id}]')]
        )
        self.assertTrue(messages)
        self.assertIn("mirror_workshop/queue", messages[0].message)
        self.assertIn(str(self.wc_cutting.id), messages[0].message)

    def test_operators_see_no_prices_and_no_clients(self):
        user = self.operator_user
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.env["sale.order"].with_user(user).search([])
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.order.order_line.with_user(user).read(["price_unit"])
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.partner.with_user(user).read(["phone", "email"])
        self.assertFalse(
            self.env["res.partner"]
            .with_user(user)
            .search([("id", "=", self.partner.id)])
        )
        self.assertFalse(self.env["mirror.operation.price"].with_user(user).search([]))
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.pieces[0].with_user(user).read(["partner_id"])
        # the workshop application only
        menus = self.env["ir.ui.menu"].with_user(user).load_menus(False)
        root = self.env.ref("mirror_production.mirror_workshop_menu_root")
        self.assertEqual(menus["root"]["children"], [root.id])
        # the tablet's data carries neither
        tablet = self._tablet()
        card = tablet.tablet_piece(self.wc_cutting.id, self.pieces[0].id)
        text = str(card) + str(tablet.tablet_queue(self.wc_cutting.id))
        self.assertNotIn(self.partner.name, text)
        self.assertNotIn("price", text)
        # office users without production rights cannot use the tablet
        clerk = self.env["res.users"].create(
            {"name": "Clerk", "login": "test-clerk", "groups_id": []}
        )
        with self.assertRaisesRegex(AccessError, "Only workshop operators"):
            self._tablet(clerk).tablet_stations()


@tagged("post_install", "-at_install")
class TestWorkshopCutting(WorkshopCommon, CuttingCommon):
    def test_cutting_plan_at_the_table(self):
        self._stock(self.float_4, 2)
        order = self._order((1000, 500, 2), (600, 600, 1))
        pieces = self._pieces(order)
        batch = self.Batch.create(
            {"product_id": self.float_4.id, "piece_ids": pieces.ids}
        )
        batch.action_optimize()
        self._run_job(batch)
        self.assertEqual(batch.state, "planned")
        tablet = self._tablet()
        operator = self._login("4711")
        plans = tablet.tablet_cutting(self.wc_cutting.id)
        plan = next(plan for plan in plans if plan["id"] == batch.id)
        sheet = plan["sheets"][0]
        self.assertIn("data-piece", sheet["svg"])
        self.assertEqual({p["id"] for p in sheet["pieces"]}, set(pieces.ids))
        self.assertTrue(all(p["waiting"] and not p["cut"] for p in sheet["pieces"]))
        # tapping the pieces on the map: each is cut; the last confirms the batch
        for piece in pieces:
            tablet.tablet_act(self.wc_cutting.id, piece.id, "done", operator)
        self.assertEqual(batch.state, "done")
        self.assertTrue(all(p.current_step_id.stage != "cutting" for p in pieces))
        self.assertFalse(
            [
                p
                for p in tablet.tablet_cutting(self.wc_cutting.id)
                if p["id"] == batch.id
            ]
        )


@tagged("post_install", "-at_install")
class TestWorkshopHttp(WorkshopCommon, CuttingCommon, HttpCase):
    def test_attachments_and_labels_for_operators_only(self):
        order = self._confirmed_order()
        piece = self.env["mirror.piece"].search([("order_id", "=", order.id)])[0]
        attachment = self.env["ir.attachment"].create(
            {
                "name": "drawing.txt",
                "raw": b"client sketch",
                "res_model": "sale.order",
                "res_id": order.id,
            }
        )
        # the quotation Odoo attached when it was e-mailed: never the workshop's
        quotation = self.env["ir.attachment"].create(
            {
                "name": "Quotation.pdf",
                "raw": b"%PDF prices, address, phone",
                "res_model": "sale.order",
                "res_id": order.id,
            }
        )
        other = self.env["ir.attachment"].create(
            {"name": "secret.txt", "raw": b"secret", "res_model": "res.partner"}
        )
        self.authenticate("test-tablet", "test-tablet-pass")
        url = f"/mirror/workshop/attachment/{piece.id}/{attachment.id}"
        # not given to the workshop yet
        self.assertEqual(self.url_open(url).status_code, 404)
        order.mirror_workshop_attachment_ids = attachment
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content, b"client sketch")
        for hidden in (quotation, other):
            response = self.url_open(
                f"/mirror/workshop/attachment/{piece.id}/{hidden.id}"
            )
            self.assertEqual(response.status_code, 404)
        # the labels of a sheet's pieces
        self._stock(self.float_4, 1)
        batch = self.Batch.create(
            {"product_id": self.float_4.id, "piece_ids": [piece.id]}
        )
        batch.action_optimize()
        self._run_job(batch)
        response = self.url_open(f"/mirror/workshop/labels/{batch.sheet_ids[0].id}")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "application/pdf")
        self.assertEqual(
            self.url_open("/mirror/workshop/labels/999999").status_code, 404
        )


@tagged("post_install", "-at_install")
class TestWorkshopTour(WorkshopCommon, HttpCase):
    def test_workshop_tour(self):
        order = self._confirmed_order()
        pieces = self.env["mirror.piece"].search([("order_id", "=", order.id)])
        first = pieces.filtered(lambda p: p.width == 1000)[0]
        first.priority = "1"  # urgent: first in the queue
        square = pieces.filtered(lambda p: p.width == 600)
        # the other large pieces are being cut elsewhere: the 600 × 600 come next
        (pieces.filtered(lambda p: p.width == 1000) - first).action_finish()
        self.start_tour(
            "/odoo/action-mirror_production.mirror_workshop_tablet_action",
            "mirror_workshop_tour",
            login="test-tablet",
        )
        cut, edge = first.step_ids.sorted("sequence")[:2]
        self.assertEqual((cut.state, edge.state), ("done", "done"))
        self.assertEqual(
            (cut.employee_id, edge.employee_id), (self.cutter, self.cutter)
        )
        self.assertEqual(cut.workcenter_id, self.wc_cutting)
        self.assertEqual(edge.workcenter_id, self.wc_edging)
        broken = square.filtered("broken")
        self.assertEqual(len(broken), 1)
        self.assertTrue(broken.remake_ids)
        self.assertEqual(
            broken.event_ids.filtered(lambda e: e.action == "broken").employee_id,
            self.cutter,
        )


def _hoot_hash(name):
    """The id HOOT gives a suite (see web's test_js)."""
    value = 0
    for char in name:
        value = ((value << 5) - value + ord(char)) & 0xFFFFFFFF
    return f"{value:08x}"


@tagged("post_install", "-at_install")
class TestWorkshopJs(HttpCase):
    """The tablet's components, in Odoo's JS unit test framework (HOOT)."""

    def test_workshop_components(self):
        suite = _hoot_hash("@mirror_production")
        self.browser_js(
            "/web/tests?headless&loglevel=2&preset=desktop&timeout=15000"
            f"&suite={suite}",
            "",
            "",
            login="admin",
            timeout=600,
            success_signal="[HOOT] test suite succeeded",
            error_checker=lambda message: "[HOOT]" not in message,
        )
