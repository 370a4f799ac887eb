# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import json

from odoo.tests import tagged

from .test_workshop import WorkshopCommon


@tagged("post_install", "-at_install")
class TestTabletSpeed(WorkshopCommon):
    """What keeps a tap quick (tests/benchmarks/bench_workshop_browser.py times
    it): the tap's answer brings the queue, the tablet can tell its own bus
    notifications, and a queue takes the same queries however long it is."""

    def setUp(self):
        super().setUp()
        self.order = self._confirmed_order()
        self.pieces = self.env["mirror.piece"].search(
            [("order_id", "=", self.order.id)]
        )
        self.tablet = self._tablet()
        self.operator = self._login("4711")

    def _queue_notices(self):
        return self.env["bus.bus"].search(
            [("message", "like", '"mirror_workshop/queue"')]
        )

    def test_done_brings_the_queue_and_its_own_notifications(self):
        piece = self.pieces[0]
        self._queue_notices().unlink()
        answer = self.tablet.tablet_act(
            self.wc_cutting.id,
            piece.id,
            "done",
            self.operator,
            step_id=piece.current_step_id.id,
            queue=True,
        )
        self.assertEqual(answer["piece"]["id"], piece.id)
        self.assertFalse(answer["piece"]["here"])
        rows = answer["pieces"]
        self.assertEqual({row["id"] for row in rows}, set((self.pieces - piece).ids))
        self.assertEqual(rows, self.tablet.tablet_queue(self.wc_cutting.id)["pieces"])
        # one notification per group (operators, production users), sent already
        notices = self.env["bus.bus"].browse(answer["notices"])
        self.assertEqual(len(notices), 2)
        for notice in notices:
            message = json.loads(notice.message)
            self.assertEqual(message["type"], "mirror_workshop/queue")
            self.assertIn(self.wc_cutting.id, message["payload"]["workcenter_ids"])
            self.assertIn(self.wc_edging.id, message["payload"]["workcenter_ids"])
        self.env.cr.precommit.run()
        self.assertEqual(self._queue_notices(), notices)

    def test_start_answers_the_card_alone(self):
        piece = self.pieces[0]
        card = self.tablet.tablet_act(
            self.wc_cutting.id, piece.id, "start", self.operator
        )
        self.assertEqual((card["id"], card["step_state"]), (piece.id, "progress"))
        self.assertNotIn("pieces", card)
        answer = self.tablet.tablet_act(
            self.wc_cutting.id, piece.id, "pause", self.operator, queue=True
        )
        self.assertTrue(answer["piece"]["paused"])
        self.assertIn("<svg", answer["piece"]["svg"])
        self.assertEqual(answer["pieces"][0]["id"], piece.id)

    def test_scan_done_brings_the_queue(self):
        piece = self.pieces[0]
        result = self.tablet.tablet_scan(
            self.wc_cutting.id, piece.barcode, self.operator, True
        )
        self.assertTrue(result["done"])
        self.assertEqual(result["piece"]["id"], piece.id)
        self.assertNotIn(piece.id, [row["id"] for row in result["pieces"]])
        self.assertTrue(result["notices"])

    def test_queue_queries_do_not_grow_with_its_pieces(self):
        def load():
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            rows = self.tablet.tablet_queue(self.wc_cutting.id)["pieces"]
            return len(rows), self.cr.sql_log_count - before

        load()  # caches warm
        pieces, queries = load()
        self._confirmed_order()
        self._confirmed_order()
        more_pieces, more_queries = load()
        self.assertEqual(more_pieces, 3 * pieces)
        self.assertEqual(more_queries, queries)
