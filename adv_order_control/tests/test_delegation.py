# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import DelegationCommon


@tagged("post_install", "-at_install")
class TestDelegation(DelegationCommon):
    def test_release_within_the_delegation(self):
        order, check = self.blocked(10000.0)  # 12 000: over by 2 000
        self.assertIs(check.with_user(self.controller).action_release("Known payer"), True)
        self.assertEqual((check.state, check.release_user_id), ("released", self.controller))
        self.assertIs(order.action_confirm(), True)

    def test_beyond_the_delegation_escalates(self):
        order, check = self.blocked(20000.0)  # 24 000: over by 14 000
        result = check.with_user(self.controller).action_release("Big season order")
        self.assertEqual(result["params"]["title"], "Escalated")
        self.assertEqual(check.state, "open")
        self.assertIn(self.director, check.escalated_to_ids)
        self.assertNotIn(self.controller, check.escalated_to_ids)
        self.assertIn(self.director, order.sudo().activity_ids.user_id)
        self.assertEqual(order.state, "draft")
        check.with_user(self.director).action_release("Approved by the director")
        self.assertIs(order.action_confirm(), True)

    def test_a_users_own_delegation_wins_over_their_groups(self):
        self.env["adv.credit.delegation"].sudo().create(
            {"user_id": self.controller.id, "max_amount": 20000.0}
        )
        order, check = self.blocked(20000.0)
        self.assertIs(check.with_user(self.controller).action_release("Personal delegation"), True)
        self.assertIs(order.action_confirm(), True)

    def test_expired_release_no_longer_holds(self):
        with freeze_time("2026-11-25"):
            order, check = self.blocked(10000.0)
            check.with_user(self.controller).action_release("Until month end", expiry="2026-11-30")
        with freeze_time("2026-12-01"):
            self.assertRefused(order.action_confirm(), order)
        with freeze_time("2026-11-30"):
            order2, check2 = self.blocked(10000.0)
            check2.with_user(self.controller).action_release("Ok", expiry="2026-11-30")
            self.assertIs(order2.action_confirm(), True)

    def test_a_release_expires_after_the_company_period(self):
        """Default 7 days; a longer expiry than the company allows is refused."""
        self.company.adv_release_validity_days = 7
        with freeze_time("2026-11-02"):
            order, check = self.blocked(10000.0)
            with self.assertRaisesRegex(UserError, "up to 2026-11-09 at most"):
                check.with_user(self.controller).action_release("Long", expiry="2026-12-31")
            check.with_user(self.controller).action_release("Seasonal peak")
            self.assertEqual(str(check.release_expiry), "2026-11-09")
        with freeze_time("2026-11-09"):
            self.assertIs(order.action_confirm(), True)
        with freeze_time("2026-11-10"):
            order2, check2 = self.blocked(10000.0)
        with freeze_time("2026-11-02"):
            check2.with_user(self.controller).action_release("Seasonal peak")
        with freeze_time("2026-11-10"):
            self.assertRefused(order2.action_confirm(), order2)

    def test_payment_confirms_held_orders_and_tells_the_salesperson(self):
        invoice = self.make_invoice(5000.0)  # 6 000 open
        order, _check = self.blocked(5000.0)  # 6 000 + 6 000 > 10 000
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create({})._create_payments()
        self.assertTrue(invoice.currency_id.is_zero(invoice.amount_residual))  # paid in full
        self.assertEqual(order.state, "sale")
        message = order.message_ids.filtered(lambda m: "Confirmed automatically" in m.body)
        self.assertIn(self.salesman.partner_id, message.partner_ids)
