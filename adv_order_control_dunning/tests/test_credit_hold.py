# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.adv_dunning.tests.common import DunningCommon


@tagged("post_install", "-at_install")
class TestDunningCreditHold(DunningCommon):
    def test_litigation_level_puts_the_customer_on_credit_hold_once(self):
        self.invoice(900.0, "2026-03-01")
        with freeze_time("2026-04-15"):  # 45 days: formal notice, no hold yet
            self.dun()
        self.assertFalse(self.customer.with_company(self.company).adv_on_credit_hold)
        with freeze_time("2026-05-01"):  # 61 days: litigation puts the hold
            self.dun()
        customer = self.customer.with_company(self.company)
        self.assertTrue(customer.adv_on_credit_hold)
        self.assertIn("Litigation", customer.adv_credit_hold_reason)
        holds = self.env["adv.credit.hold"].search([("partner_id", "=", self.customer.id)])
        self.assertEqual(len(holds), 1)

    def test_the_option_lives_with_the_glue_and_is_set_on_litigation(self):
        """The option belongs to this glue (order control owns the hold): the shipped
        Litigation level has it, and the policy form shows it in the levels."""
        field = self.env["ir.model.fields"]._get("adv.dunning.level", "credit_hold")
        self.assertEqual(field.modules, "adv_order_control_dunning")
        self.assertTrue(self.env.ref("adv_dunning.level_litigation").credit_hold)
        arch = self.env["adv.dunning.policy"].get_view(
            self.env.ref("adv_dunning.adv_dunning_policy_view_form").id
        )["arch"]
        self.assertIn('name="credit_hold"', arch)
