# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""What if enforced: the report's figures on a known data set, computed by the control's own
rules, and nothing held, logged or sent while it runs."""

from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import OrderControlCommon


@tagged("post_install", "-at_install")
class TestWhatIf(OrderControlCommon):
    """Confirmed in observe mode, then evaluated with the control enforced:

    - Dupont (limit 1 000, review date passed): 2 000 (2 400 tax incl.), over the limit and
      due for review: sent for approval, two rules; another of its orders, 200 days old, is
      out of the period;
    - Hold SA (on credit hold): 500 (600): blocked;
    - Sain SARL (limit 3 000): 2 000 (2 400): passes, as the order itself is not counted twice
      in what the customer owes.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.sudo().adv_order_control_mode = "observe"
        today = fields.Date.context_today(cls.env["res.partner"])
        cls.customer.write(
            {"credit_limit": 1000.0, "adv_credit_review_date": today - timedelta(days=10)}
        )
        cls.held = cls.env["res.partner"].create(
            {"name": "Hold SA", "is_company": True, "credit_limit": 1e9}
        )
        cls.healthy = cls.env["res.partner"].create(
            {"name": "Sain SARL", "is_company": True, "credit_limit": 3000.0}
        )
        cls.over = cls.make_order(2000.0)
        cls.blocked = cls.make_order(500.0, partner=cls.held)
        cls.fine = cls.make_order(2000.0, partner=cls.healthy)
        cls.old = cls.make_order(9000.0)
        (cls.over | cls.blocked | cls.fine | cls.old).action_confirm()
        cls.old.date_order = fields.Datetime.now() - timedelta(days=200)
        cls.held.with_user(cls.controller)._adv_set_credit_hold("Chèque impayé")
        cls.company.with_user(cls.env.ref("base.user_admin")).adv_order_control_mode = "enforce"

    def whatif(self, days=90):
        wizard = self.env["adv.order.whatif"].with_user(self.controller).create({"days": days})
        wizard.action_compute()
        return wizard

    def test_figures_by_outcome_rule_and_customer(self):
        checks = self.env["adv.order.check"].search_count([])
        observed = self.env["adv.order.observation"].sudo().search_count([])
        wizard = self.whatif()
        self.assertEqual(
            [
                wizard.order_count,
                wizard.warn_count,
                wizard.approval_count,
                wizard.block_count,
            ],
            [3, 0, 1, 1],
        )
        self.assertAlmostEqual(wizard.approval_amount, 2400.0)
        self.assertAlmostEqual(wizard.block_amount, 600.0)
        self.assertEqual(wizard.warn_amount, 0.0)
        Line = self.env["adv.order.whatif.line"].with_user(self.controller)
        by_rule = {
            rule: (count, amount)
            for rule, count, amount in Line._read_group(
                [("wizard_id", "=", wizard.id)], ["rule"], ["__count", "amount:sum"]
            )
        }
        self.assertEqual(
            by_rule,
            {
                "over_limit": (1, 2400.0),
                "limit_expired": (1, 2400.0),
                "credit_hold": (1, 600.0),
            },
        )
        by_customer = {
            partner.name: (outcome, count, amount)
            for partner, outcome, count, amount in Line._read_group(
                [("wizard_id", "=", wizard.id), ("is_order", "=", True)],
                ["partner_id", "order_outcome"],
                ["__count", "amount:sum"],
            )
        }
        self.assertEqual(
            by_customer,
            {"Dupont Distribution": ("approval", 1, 2400.0), "Hold SA": ("block", 1, 600.0)},
        )
        # Nothing held, logged or sent by the report.
        self.assertEqual(self.env["adv.order.check"].search_count([]), checks)
        self.assertEqual(self.env["adv.order.observation"].sudo().search_count([]), observed)
        self.assertEqual((self.over | self.blocked).mapped("state"), ["sale", "sale"])

    def test_the_period_counts(self):
        wizard = self.whatif(days=365)
        self.assertEqual(wizard.order_count, 4)
        self.assertEqual(wizard.approval_count, 2)
        self.assertAlmostEqual(wizard.approval_amount, 2400.0 + 10800.0)

    def test_the_report_and_the_control_decide_alike(self):
        """A quotation like the approved one is refused by the control for the same rules."""
        wizard = self.whatif()
        order = self.make_order(2000.0)
        self.assertRefused(order.action_confirm(), order)
        control = set(order.adv_check_ids.line_ids.mapped("rule"))
        report = set(wizard.line_ids.filtered(lambda ln: ln.order_id == self.over).mapped("rule"))
        self.assertEqual(report, control)

    def test_a_wrong_number_of_days_is_refused(self):
        with self.assertRaises(ValidationError):
            self.env["adv.order.whatif"].with_user(self.controller).create({"days": 0})

    def test_a_report_is_its_authors_and_is_removed_after_a_day(self):
        wizard = self.whatif()
        other = new_test_user(
            self.env, login="whatif_other", groups="adv_order_control.group_credit_controller"
        )
        self.assertFalse(self.env["adv.order.whatif"].with_user(other).search([]))
        self.assertFalse(self.env["adv.order.whatif.line"].with_user(other).search([]))
        lines = wizard.line_ids
        self.assertTrue(lines)
        with self.assertRaises(AccessError):
            lines.with_user(self.controller).write({"amount": 0.0})
        self.env["adv.order.whatif"]._gc_reports()
        self.assertTrue(wizard.exists())
        self.env.cr.execute(
            "UPDATE adv_order_whatif SET create_date = now() - interval '25 hours' WHERE id = %s",
            [wizard.id],
        )
        self.env.invalidate_all()
        self.env["adv.order.whatif"]._gc_reports()
        self.assertFalse(wizard.exists())
        self.assertFalse(lines.exists())
