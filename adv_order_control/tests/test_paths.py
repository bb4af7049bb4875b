# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The control downstream and on the paths nobody watches: delivery, online payment, and the
review period of customers on the company's default limit."""

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import OrderControlCommon

RELEASE_ACTIVITY = "adv_order_control.mail_activity_credit_release"


@tagged("post_install", "-at_install")
class TestRecheckAtDelivery(OrderControlCommon):
    def delivery(self, amount):
        order = self.make_order(amount, product=self.goods)
        self.assertIs(order.action_confirm(), True)
        picking = order.picking_ids
        self.assertEqual(len(picking), 1)
        picking.move_ids.write({"quantity": 1.0, "picked": True})
        return order, picking

    def test_delivery_of_a_customer_now_over_the_limit_is_refused(self):
        self.company.adv_recheck_delivery = True
        order, picking = self.delivery(8000.0)  # 9 600 of 10 000 when confirmed
        self.make_invoice(1000.0)  # 1 200 more: 10 800
        with self.assertRaisesRegex(
            UserError,
            rf"Credit re-check before delivery of {order.name}:\n.*over by \$\xa0800\.00\.",
        ):
            picking.with_user(self.controller).button_validate()
        self.assertEqual(picking.state, "assigned")

    def test_delivery_of_a_customer_put_on_hold_is_refused(self):
        self.company.adv_recheck_delivery = True
        _order, picking = self.delivery(100.0)
        self.customer.with_user(self.controller)._adv_set_credit_hold("Cheque returned")
        with self.assertRaisesRegex(UserError, "Cheque returned"):
            picking.button_validate()
        self.assertNotEqual(picking.state, "done")

    def test_delivery_within_the_limit_or_recheck_off_goes(self):
        self.company.adv_recheck_delivery = True
        _order, picking = self.delivery(1000.0)
        picking.button_validate()
        self.assertEqual(picking.state, "done")
        self.company.adv_recheck_delivery = False
        _order, picking = self.delivery(6000.0)  # 1 200 + 7 200
        self.make_invoice(5000.0)  # + 6 000: over the limit, but nobody re-checks
        picking.button_validate()
        self.assertEqual(picking.state, "done")


@tagged("post_install", "-at_install")
class TestDefaultLimitReview(OrderControlCommon):
    """A customer on the company's default limit is reviewed N months after its creation."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["ir.default"].set("res.partner", "credit_limit", 5000.0, company_id=cls.company.id)
        cls.company.adv_credit_review_months = 6
        cls.newcomer = cls.env["res.partner"].create({"name": "Newcomer SARL", "is_company": True})
        cls.env.flush_all()
        cls.env.cr.execute(
            "UPDATE res_partner SET create_date = '2026-01-10 09:00:00' WHERE id = %s",
            [cls.newcomer.id],
        )
        cls.newcomer.invalidate_recordset(["create_date"])

    def test_on_the_default_limit(self):
        partner = self.newcomer.with_company(self.company)
        self.assertFalse(partner.use_partner_credit_limit)
        self.assertEqual(partner.credit_limit, 5000.0)

    @freeze_time("2026-07-09")
    def test_before_the_review_date_the_order_confirms(self):
        order = self.make_order(100.0, partner=self.newcomer)
        self.assertIs(order.action_confirm(), True)
        self.assertEqual(order.state, "sale")

    @freeze_time("2026-07-11")
    def test_after_the_review_date_the_order_needs_approval(self):
        order = self.make_order(100.0, partner=self.newcomer)
        self.assertRefused(order.action_confirm(), order)
        line = order.adv_check_ids.line_ids
        self.assertEqual((line.rule, line.outcome), ("limit_expired", "approval"))
        self.assertEqual(line.message, "The credit limit was due for review on 2026-07-10.")

    @freeze_time("2026-07-11")
    def test_an_own_limit_or_no_period_is_not_reviewed(self):
        self.company.adv_credit_review_months = 0
        self.assertIs(self.make_order(100.0, partner=self.newcomer).action_confirm(), True)
        self.company.adv_credit_review_months = 6
        self.newcomer.with_company(self.company).credit_limit = 8000.0  # its own limit now
        self.assertIs(self.make_order(100.0, partner=self.newcomer).action_confirm(), True)


@tagged("post_install", "-at_install")
class TestOnlinePayment(OrderControlCommon):
    """A customer pays a quotation online: the payment confirms it as superuser, unattended."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.provider = cls.env["payment.provider"].create(
            {
                "name": "Order control test provider",
                "code": "none",
                "state": "test",
                "company_id": cls.company.id,
                "payment_method_ids": [
                    Command.set(cls.env.ref("payment.payment_method_unknown").ids)
                ],
            }
        )
        # Where the payment of a done transaction is recorded (account_payment).
        journal = cls.company_data["default_journal_bank"]
        cls.provider.journal_id = journal
        cls.env["account.payment.method.line"].create(
            {
                "journal_id": journal.id,
                "payment_method_id": cls.env.ref("account.account_payment_method_manual_in").id,
                "payment_provider_id": cls.provider.id,
            }
        )

    def pay(self, order):
        tx = (
            self.env["payment.transaction"]
            .sudo()
            .create(
                {
                    "provider_id": self.provider.id,
                    "payment_method_id": self.env.ref("payment.payment_method_unknown").id,
                    "reference": f"{order.name}-TX",
                    "amount": order.amount_total,
                    "currency_id": order.currency_id.id,
                    "partner_id": order.partner_id.id,
                    "sale_order_ids": [Command.set(order.ids)],
                }
            )
        )
        tx._set_done()
        tx._post_process()
        return tx

    def test_payment_within_the_limit_confirms(self):
        order = self.make_order(1000.0)
        tx = self.pay(order)
        self.assertEqual(tx.state, "done")
        self.assertEqual(order.state, "sale")

    def test_payment_over_the_limit_is_blocked_like_the_button(self):
        self.make_invoice(5000.0)  # 6 000 receivable
        order = self.make_order(5000.0)  # 6 000: over by 2 000
        tx = self.pay(order)
        self.assertEqual(tx.state, "done")  # the money is taken, the order is not confirmed
        self.assertTrue(tx.payment_id)
        self.assertEqual(order.state, "draft")
        self.assertEqual(order.adv_credit_state, "blocked")
        check = order.adv_check_ids
        self.assertEqual((check.outcome, check.state), ("approval", "open"))
        self.assertAlmostEqual(check.excess, 2000.0)
        # Nobody is in front of the screen: the salesperson and the controllers are told.
        log = order.message_ids.filtered(lambda m: "Credit control" in (m.body or ""))
        self.assertIn(self.salesman.partner_id, log.partner_ids)
        activities = order.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref(RELEASE_ACTIVITY)
        )
        self.assertIn(self.controller, activities.user_id)

    def test_payment_of_a_customer_on_hold_is_blocked(self):
        self.customer.with_user(self.controller)._adv_set_credit_hold("Litigation")
        order = self.make_order(100.0)
        self.pay(order)
        self.assertEqual(order.state, "draft")
        self.assertEqual(order.adv_check_ids.outcome, "block")
        self.assertIn("Litigation", order.adv_check_ids.line_ids.message)
