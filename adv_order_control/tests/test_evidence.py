# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The credit control's record survives the people it concerns, and a payment never fails on it."""

from unittest.mock import patch

from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from .common import OrderControlCommon


@tagged("post_install", "-at_install")
class TestEvidence(OrderControlCommon):
    def test_a_checked_quotation_is_cancelled_not_deleted(self):
        """Even a sales administrator (who may delete quotations) cancels it instead."""
        manager = new_test_user(
            self.env,
            login="oc_sales_admin",
            name="Sales Admin",
            groups="sales_team.group_sale_manager",
        )
        order = self.make_order(9000.0)
        self.assertRefused(order.action_confirm(), order)
        check = order.adv_check_ids
        with self.assertRaisesRegex(UserError, "cancel it instead"):
            order.with_user(manager).unlink()
        self.assertTrue(check.exists())
        order.with_user(manager)._action_cancel()
        self.assertEqual(order.state, "cancel")
        unchecked = self.make_order(10.0)
        unchecked.with_user(manager).unlink()  # never controlled: Odoo's own rules
        self.assertFalse(unchecked.exists())

    def test_a_failing_reevaluation_never_fails_the_payment(self):
        invoice = self.make_invoice(5000.0)  # 6 000 open
        order = self.make_order(5000.0)  # 6 000 + 6 000 > 10 000
        self.assertRefused(order.action_confirm(), order)
        SaleOrder = type(self.env["sale.order"])
        with patch.object(
            SaleOrder, "_adv_reevaluate_held_orders", side_effect=RuntimeError("boom")
        ):
            self.env["account.payment.register"].with_context(
                active_model="account.move", active_ids=invoice.ids
            ).create({})._create_payments()
        self.assertIn(invoice.payment_state, ("paid", "in_payment"))
        self.assertEqual(order.state, "draft")
        # The daily cron confirms it.
        self.env["sale.order"]._cron_adv_reevaluate_held_orders()
        self.assertEqual(order.state, "sale")
