# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import OrderControlCommon


@tagged("post_install", "-at_install")
class TestEnforcement(OrderControlCommon):
    def test_order_within_limit_confirms(self):
        order = self.make_order(8000.0)  # 9 600 incl. tax, limit 10 000
        self.assertIs(order.action_confirm(), True)
        self.assertEqual(order.state, "sale")
        self.assertFalse(order.adv_check_ids)

    def test_order_over_limit_stays_a_quotation_with_its_block_record(self):
        self.make_invoice(5000.0)  # 6 000 receivable
        order = self.make_order(5000.0).with_user(self.salesman)  # 6 000: over by 2 000
        self.assertEqual(order.adv_credit_outcome, "approval")  # the banner, before confirming
        self.assertAlmostEqual(order.adv_excess, 2000.0)
        result = order.action_confirm()
        self.assertRefused(result, order)
        check = order.adv_check_ids
        self.assertEqual(len(check), 1)
        self.assertEqual((check.outcome, check.state), ("approval", "open"))
        self.assertEqual(
            (check.credit_limit, check.exposure, check.amount_order, check.excess),
            (10000.0, 6000.0, 6000.0, 2000.0),
        )
        self.assertIn("over by", check.line_ids.message)
        self.assertIn("Credit control", order.sudo().message_ids[0].body)

    def test_no_limit_and_control_off(self):
        self.customer.credit_limit = 0.0
        self.assertIs(self.make_order(99999.0).action_confirm(), True)
        self.customer.credit_limit = 10.0
        self.company.account_use_credit_limit = False
        self.assertIs(self.make_order(99999.0).action_confirm(), True)

    def test_batch_each_order_counts_the_ones_before(self):
        orders = self.make_order(3000.0) | self.make_order(3000.0) | self.make_order(3000.0)
        result = orders.action_confirm()  # 3 600 each: the third makes 10 800
        self.assertEqual(orders.mapped("state"), ["sale", "sale", "draft"])
        self.assertRefused(result, orders[2])
        self.assertEqual(result["params"]["adv_refused_order_ids"], orders[2].ids)

    def test_rpc_write_and_import_cannot_skip_the_control(self):
        order = self.make_order(9000.0)
        with self.assertRaisesRegex(UserError, "was not confirmed"):
            order.write({"state": "sale"})
        with self.assertRaises(UserError):
            self.env["sale.order"].create(
                {
                    "partner_id": self.customer.id,
                    "state": "sale",
                    "order_line": [
                        (
                            0,
                            0,
                            {
                                "product_id": self.service.id,
                                "price_unit": 9000.0,
                                "tax_id": [(6, 0, self.tax20.ids)],
                            },
                        )
                    ],
                }
            )
        imported = self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "state": "sale",
                "order_line": [
                    (
                        0,
                        0,
                        {
                            "product_id": self.service.id,
                            "price_unit": 100.0,
                            "tax_id": [(6, 0, self.tax20.ids)],
                        },
                    )
                ],
            }
        )
        self.assertEqual(imported.state, "sale")

    def test_lines_written_with_the_state_count_in_the_control(self):
        """One ``write`` that adds a line and confirms: the control sees the new line."""
        order = self.make_order(100.0)  # well within the 10 000 limit
        with self.assertRaises(UserError) as refusal:
            order.write(
                {
                    "state": "sale",
                    "order_line": [
                        Command.create(
                            {
                                "product_id": self.service.id,
                                "price_unit": 20000.0,
                                "tax_id": [Command.set(self.tax20.ids)],
                            }
                        )
                    ],
                }
            )
        self.assertIn("was not confirmed", str(refusal.exception))
        self.assertEqual((order.state, len(order.order_line)), ("draft", 1))

    def test_no_context_key_or_sudo_skips_it(self):
        order = self.make_order(9000.0)
        result = (
            order.sudo()
            .with_context(skip_credit_check=True, bypass_risk=True, adv_skip_credit_control=True)
            .action_confirm()
        )
        self.assertRefused(result, order)

    def test_copy_of_a_blocked_quotation_is_blocked_too(self):
        order = self.make_order(9000.0)
        order.action_confirm()
        copy = order.copy()
        self.assertEqual(copy.adv_credit_state, "ok")
        self.assertRefused(copy.action_confirm(), copy)

    def test_credit_hold_blocks_and_only_a_manager_releases_it(self):
        self.customer.with_user(self.controller)._adv_set_credit_hold("Cheque returned")
        self.assertTrue(self.customer.adv_on_credit_hold)
        order = self.make_order(10.0, partner=self.customer_contact)
        self.assertRefused(order.action_confirm(), order)
        check = order.adv_check_ids
        self.assertEqual(check.outcome, "block")
        self.assertIn("Cheque returned", check.line_ids.message)
        with self.assertRaises(AccessError):
            check.with_user(self.controller).action_release("Customer called")
        check.with_user(self.adv_manager).action_release("Bank guarantee received")
        self.assertIs(order.action_confirm(), True)
        self.assertEqual(order.state, "sale")

    def test_release_holds_within_the_approved_amount_only(self):
        order = self.make_order(9000.0)
        order.action_confirm()
        check = order.adv_check_ids
        with self.assertRaisesRegex(UserError, "reason"):
            check.with_user(self.controller).action_release(" ")
        check.with_user(self.controller).action_release("Good payer, seasonal peak")
        self.assertEqual(order.adv_credit_state, "released")
        # The order grows past the approved 10 800.
        order.order_line.write({"product_uom_qty": 2, "price_unit": 9000.0})
        self.assertRefused(order.action_confirm(), order)
        order.order_line.write({"product_uom_qty": 1, "price_unit": 9000.0})
        self.assertIs(order.action_confirm(), True)

    def test_refusal_is_recorded(self):
        order = self.make_order(9000.0)
        order.action_confirm()
        order.adv_check_ids.with_user(self.controller).action_refuse("Too risky")
        self.assertEqual(order.adv_check_ids.state, "refused")
        self.assertEqual(order.state, "draft")

    def test_review_date_and_overdue_invoices(self):
        self.customer.with_user(self.controller).adv_credit_review_date = "2026-06-30"
        with freeze_time("2026-07-01"):
            order = self.make_order(10.0)
            self.assertRefused(order.action_confirm(), order)
            self.assertEqual(order.adv_check_ids.line_ids.rule, "limit_expired")
        self.customer.with_user(self.controller).adv_credit_review_date = "2027-06-30"
        self.make_invoice(10.0, invoice_date="2026-05-01", invoice_date_due="2026-05-31")
        with freeze_time("2026-07-01"):  # 31 days overdue, threshold 30
            order = self.make_order(10.0)
            self.assertRefused(order.action_confirm(), order)
            self.assertEqual(order.adv_check_ids.line_ids.rule, "overdue_days")

    def test_new_customer_solvency_warning_lets_the_order_through(self):
        self.company.write({"adv_solvency_new_customer": True, "adv_solvency_outcome": "warn"})
        order = self.make_order(10.0)
        self.assertIs(order.action_confirm(), True)
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.adv_credit_state, "warn")
        self.assertEqual(order.adv_check_ids.outcome, "warn")

    def test_nobody_in_front_notifies_salesperson_and_controllers(self):
        """Portal signature and online payment confirm as superuser: no one reads the screen."""
        order = self.make_order(9000.0, user_id=self.salesman.id)
        order.sudo()._validate_order()  # what the portal does after the signature
        self.assertEqual(order.state, "draft")
        activities = order.activity_ids.filtered(
            lambda a: (
                a.activity_type_id.get_external_id()[a.activity_type_id.id]
                == "adv_order_control.mail_activity_credit_release"
            )
        )
        self.assertIn(self.controller, activities.user_id)
        self.assertIn(self.salesman.partner_id, order.message_ids[0].partner_ids)

    def test_request_release_creates_controller_activities(self):
        order = self.make_order(9000.0).with_user(self.salesman)
        order.action_confirm()
        order.sudo().activity_ids.unlink()  # only the request's activities
        order._adv_request_release("Deposit announced")
        self.assertIn(self.controller, order.sudo().activity_ids.user_id)
        order.adv_check_ids.with_user(self.controller).action_release("OK")
        self.assertFalse(order.sudo().activity_ids.filtered(lambda a: a.user_id == self.controller))

    def test_recheck_at_invoice_posting(self):
        order = self.make_order(8000.0)
        order.action_confirm()
        invoice = order._create_invoices()
        self.company.adv_recheck_invoice = True
        self.customer.with_user(self.controller)._adv_set_credit_hold("Litigation")
        with self.assertRaisesRegex(UserError, "Litigation"):
            invoice.action_post()
        self.assertEqual(invoice.state, "draft")

    def test_refusal_speaks_the_users_language(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.env["ir.module.module"]._load_module_terms(["adv_order_control"], ["fr_FR"])
        order = self.make_order(9000.0).with_user(self.salesman).with_context(lang="fr_FR")
        result = order.action_confirm()
        self.assertEqual(result["params"]["title"], "Non confirmée : contrôle crédit")
        self.assertIn("n'a pas été confirmée", result["params"]["message"])
        self.assertIn("dépassement de", order.adv_check_ids.line_ids.message)
