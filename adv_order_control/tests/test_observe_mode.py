# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Observe mode: the control decides as when it enforces, keeps its decision and holds nothing;
the installation sets it on a live database only (``post_init_hook``)."""

from odoo import Command
from odoo.tests import tagged

from odoo.addons.adv_order_control import post_init_hook

from .common import OrderControlCommon


@tagged("post_install", "-at_install")
class TestObserveMode(OrderControlCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer.credit_limit = 1000.0
        cls.company.sudo().adv_order_control_mode = "observe"

    def _credit_messages(self, order):
        return order.message_ids.filtered(lambda m: "Credit control" in (m.body or ""))

    def test_an_order_over_the_limit_is_confirmed_and_its_decision_kept(self):
        order = self.make_order(2000.0)  # 2 400 tax included, limit 1 000
        result = order.with_user(self.salesman).action_confirm()
        self.assertIs(result, True)
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.adv_credit_state, "ok")
        self.assertFalse(order.adv_check_ids, "no block record in observe mode")
        self.assertFalse(order.activity_ids, "nobody is asked for a release")
        self.assertFalse(self._credit_messages(order), "nothing is posted on the order")
        observed = self.env["adv.order.observation"].sudo().search([("order_id", "=", order.id)])
        self.assertEqual(observed.outcome, "approval")
        self.assertEqual(observed.event, "confirm")
        self.assertEqual(observed.rules, "over_limit")
        self.assertAlmostEqual(observed.amount, 2400.0)
        self.assertEqual(observed.partner_id, self.customer)
        self.assertEqual(self.company.adv_observed_hold_count, 1)

    def test_the_confirmation_gate_refuses_nothing_while_observing(self):
        order = self.make_order(2000.0)
        self.assertEqual(self.env["adv.confirmation.gate"]._refusals(order), {})
        order.write({"state": "sale"})  # the direct write raises when enforced
        self.assertEqual(order.state, "sale")
        self.assertEqual(self.company.adv_observed_hold_count, 1)

    def test_a_confirmed_order_that_grows_is_observed_not_refused(self):
        order = self.make_order(100.0)
        order.action_confirm()
        order.write(
            {
                "order_line": [
                    Command.create(
                        {"product_id": self.service.id, "price_unit": 5000.0, "tax_id": False}
                    )
                ]
            }
        )
        observed = self.env["adv.order.observation"].sudo().search([("order_id", "=", order.id)])
        self.assertEqual(observed.mapped("event"), ["growth"])
        self.assertEqual(observed.outcome, "approval")

    def test_switching_to_enforced_holds_again_and_is_logged_with_the_count(self):
        self.make_order(2000.0).action_confirm()
        self.make_order(3000.0).action_confirm()
        self.assertEqual(self.company.adv_observed_hold_count, 2)
        self.company.with_user(self.env.ref("base.user_admin")).adv_order_control_mode = "enforce"
        note = self.company.partner_id.message_ids[:1]
        self.assertIn("Enforced", note.body)
        self.assertIn("would have held 2 orders", note.body)
        self.assertEqual(self.company.adv_observed_hold_count, 0)
        order = self.make_order(2000.0)
        self.assertRefused(order.action_confirm(), order)

    def test_warnings_are_observed_too_and_do_not_count_as_held(self):
        self.company.adv_over_limit_outcome = "warn"
        order = self.make_order(2000.0)
        order.action_confirm()
        observed = self.env["adv.order.observation"].sudo().search([("order_id", "=", order.id)])
        self.assertEqual(observed.outcome, "warn")
        self.assertFalse(order.adv_check_ids)
        self.assertEqual(self.company.adv_observed_hold_count, 0)


@tagged("post_install", "-at_install")
class TestInstallMode(OrderControlCommon):
    """The hook called on database states set up by the test: demo data or not, a company with
    confirmed orders or not."""

    def setUp(self):
        super().setUp()
        self.base = self.env["ir.module.module"].search([("name", "=", "base")])
        self.empty = self.env["res.company"].create({"name": "Nouvelle société"})
        self.make_order(100.0).action_confirm()  # self.company has a confirmed order

    def test_a_live_database_observes_where_orders_were_confirmed(self):
        self.base.demo = False
        post_init_hook(self.env)
        self.assertEqual(self.company.adv_order_control_mode, "observe")
        self.assertTrue(self.company.adv_order_control_observe_since)
        self.assertIn("Set at installation", self.company.partner_id.message_ids[:1].body)
        self.assertEqual(self.empty.adv_order_control_mode, "enforce")

    def test_a_demo_database_starts_enforced(self):
        self.base.demo = True
        post_init_hook(self.env)
        self.assertEqual(self.company.adv_order_control_mode, "enforce")
        self.assertEqual(self.empty.adv_order_control_mode, "enforce")
