# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import MirrorCommon


@tagged("post_install", "-at_install")
class TestMarginApproval(MirrorCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesman = new_test_user(
            cls.env, "mirror_salesman", groups="sales_team.group_sale_salesman"
        )
        cls.manager = new_test_user(
            cls.env, "mirror_sale_manager", groups="sales_team.group_sale_manager"
        )

    def _low_margin_order(self, user):
        # 1 m² float: price 1000, cost 450 → 55 % margin; 60 % discount → 400 - 450 < 0
        order = self._create_order(
            self._line_values(width=1000, height=1000), user=user
        )
        order.order_line.discount = 60
        return order

    def test_salesman_cannot_confirm_low_margin(self):
        order = self._low_margin_order(self.salesman)
        self.assertTrue(order.glass_margin_approval_needed)
        self.assertIn("below the minimum of 20 %", order.glass_margin_approval_reason)
        with self.assertRaises(UserError) as refused:
            order.action_confirm()
        self.assertIn("Approve margin", str(refused.exception))
        self.assertEqual(order.state, "draft")
        with self.assertRaises(AccessError):
            order.action_glass_approve_margin()

    def test_manager_approval_is_logged(self):
        order = self._low_margin_order(self.salesman)
        order.with_user(self.manager).action_glass_approve_margin()
        self.assertFalse(order.glass_margin_approval_needed)
        self.assertEqual(order.glass_margin_approved_by_id, self.manager)
        note = order.message_ids.filtered(lambda m: "Approved by" in (m.body or ""))
        self.assertTrue(note)
        self.assertIn("below the minimum", note.body)
        order.action_confirm()
        self.assertEqual(order.state, "sale")

    def test_approval_lapses_when_order_gets_worse(self):
        order = self._low_margin_order(self.salesman)
        order.with_user(self.manager).action_glass_approve_margin()
        order.order_line.discount = 70
        self.assertTrue(order.glass_margin_approval_needed)
        with self.assertRaises(UserError):
            order.action_confirm()

    def test_manager_confirming_approves(self):
        order = self._low_margin_order(self.manager)
        order.action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.glass_margin_approved_by_id, self.manager)

    def test_good_margin_needs_nothing(self):
        order = self._create_order(self._line_values(), user=self.salesman)
        self.assertFalse(order.glass_margin_approval_needed)
        order.action_confirm()
        self.assertEqual(order.state, "sale")

    def test_maximum_discount(self):
        self.company.mirror_max_discount = 10
        order = self._create_order(self._line_values(), user=self.salesman)
        order.order_line.discount = 15
        self.assertIn("above the maximum of 10 %", order.glass_margin_approval_reason)
        with self.assertRaises(UserError):
            order.action_confirm()
        self.company.mirror_min_margin_percent = 0
        order.order_line.discount = 5
        order.action_confirm()
        self.assertEqual(order.state, "sale")
